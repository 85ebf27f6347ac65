#!/usr/bin/env bash
# Questionnaire directories from the command line and the user's config: listed, replacing
# shipped ones by id, accepted before or after the command; lint exit statuses, and its warning
# for a pack that does not mark 3 to 5 core questions.
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
grep -q "warning:" "$T/out" && fail "the team's packs lint with a warning" || pass "the team's packs lint without a warning"
expect 0 "lint the shipped packs" -- "$SW" lint "$SW_SOURCE_DIR/questionnaires"
grep -q "warning:" "$T/out" && { fail "a shipped pack lints with a warning"; sed 's/^/    /' "$T/out" >&2; } || pass "every shipped pack marks 3 to 5 core questions"

# A pack outside 3 to 5 core questions is still usable: lint warns and passes.
C=$SW_SOURCE_DIR/tests/fixtures/questionnaires/core-count
expect 0 "a pack with two core questions lints with a warning" -- "$SW" lint "$C/two-core.yaml"
contains "the warning names file, line and column" "stridewalk: warning: $C/two-core.yaml:6:1: questionnaire 'two-core' marks 2 core questions, fewer than 3; mark the questions a workshop should ask first with 'core: true'"
contains "the file still counts as linted" "1 file ok"
expect 0 "a pack with six core questions lints with a warning" -- "$SW" lint "$C/six-core.yaml"
contains "the sixth core question is named" "stridewalk: warning: $C/six-core.yaml:13:5: questionnaire 'six-core' marks 6 core questions, more than 5; 'q7' is one too many"
expect 0 "a pack of two questions may mark both" -- "$SW" lint "$C/small-pack.yaml"
grep -q "warning:" "$T/out" && fail "small pack warned" || pass "no warning for a small pack"
expect 2 "a core question behind a plain one is an error" -- "$SW" lint "$SW_SOURCE_DIR/tests/fixtures/questionnaires/bad-core-show-if.yaml"
contains "with file, line and column" "bad-core-show-if.yaml:10:11: core question 'tmp-cleanup' is asked only after 'uses-tmp', which is not core"
expect 2 "lint a broken questionnaire" -- "$SW" lint "$SW_SOURCE_DIR/tests/fixtures/questionnaires/bad-yaml.yaml"
contains "with file, line and column" "bad-yaml.yaml:8:11: malformed YAML"

# A cue prompt may replace another card's prompt; a reference to nothing is caught by lint,
# which knows the shipped cards, and stops the questionnaires from loading.
D=$SW_SOURCE_DIR/tests/fixtures/questionnaires/dangling
expect 2 "lint a cue card whose replaces names no prompt" -- "$SW" lint "$D/cues/our-functions.yaml"
contains "lint names file, line and column" "stridewalk: error: $D/cues/our-functions.yaml:9:17: 'replaces' names 'process/injections', but cue card 'process' has no prompt with the id 'injections'"
contains "lint counts the file as failed" "1 problem in 1 of 1 file"
expect 2 "the card stops the questionnaires loading" -- "$SW" list questionnaires --questionnaires "$D"
contains "the same message" "$D/cues/our-functions.yaml:9:17: 'replaces' names 'process/injections'"
mkdir -p "$T/fixed/cues"
sed 's#process/injections#process/injection#' "$D/cues/our-functions.yaml" >"$T/fixed/cues/our-functions.yaml"
expect 0 "a card replacing a shipped prompt lints" -- "$SW" lint "$T/fixed/cues/our-functions.yaml"
finish
