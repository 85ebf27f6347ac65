#!/usr/bin/env bash
# Questionnaire directories from the command line and the user's config: listed, replacing
# shipped ones by id, accepted before or after the command; lint exit statuses.
. "$(dirname "$0")/lib.bash"
X=$SW_SOURCE_DIR/tests/fixtures/questionnaires/extra
export XDG_CONFIG_HOME=$T/config

expect 0 "shipped questionnaires are listed" -- "$SW" list questionnaires
[ "$(grep -c . "$T/out")" -ge 12 ] && pass "twelve or more areas" || fail "fewer than twelve areas"
contains "identity is shipped" "identity "

expect 0 "--questionnaires after the command" -- "$SW" list questionnaires --questionnaires "$X"
contains "the team's pack is listed" "bucket-checks"
contains "the replacement is named" "Identity (team edition)"
contains "list says what it replaces" "(replaces shipped "
expect 0 "--questionnaires before the command" -- "$SW" --questionnaires "$X" list questionnaires
contains "same listing either way" "bucket-checks"
expect 2 "a missing --questionnaires directory" -- "$SW" list questionnaires --questionnaires "$T/nope"
contains "names the missing directory" "$T/nope"

mkdir -p "$XDG_CONFIG_HOME/stridewalk/questionnaires"
cp "$X/bucket-checks.yaml" "$XDG_CONFIG_HOME/stridewalk/questionnaires/"
expect 0 "the user's config directory is read" -- "$SW" list questionnaires
contains "a pack from the config directory" "$XDG_CONFIG_HOME/stridewalk/questionnaires/bucket-checks.yaml"

expect 0 "lint the team's packs" -- "$SW" lint "$X"
expect 2 "lint a broken questionnaire" -- "$SW" lint "$SW_SOURCE_DIR/tests/fixtures/questionnaires/bad-yaml.yaml"
contains "with file, line and column" "bad-yaml.yaml:8:11: malformed YAML"
finish
