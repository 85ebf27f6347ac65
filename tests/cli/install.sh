#!/usr/bin/env bash
# cmake --install puts the binary, man pages, templates, questionnaires, shell completion and
# licence in place; the installed binary finds its data there, and never in the source tree it
# was built from, not even when the installed data is gone.
. "$(dirname "$0")/lib.bash"
: "${SW_BUILD_DIR:?run through ctest}"
expect 0 "cmake --install into a prefix" -- cmake --install "$SW_BUILD_DIR" --prefix "$T/inst"
for f in bin/stridewalk share/man/man1/stridewalk.1 share/man/man5/stridewalk-model.5 \
         share/man/man5/stridewalk-questionnaire.5 share/man/man5/stridewalk-iac.5 \
         share/stridewalk/stridewalk-model.schema.json \
         share/stridewalk/templates/hr-payslips.yaml \
         share/stridewalk/questionnaires/identity.yaml share/stridewalk/questionnaires/cues/crossing.yaml \
         share/bash-completion/completions/stridewalk share/zsh/site-functions/_stridewalk \
         share/doc/stridewalk/LICENSE share/doc/stridewalk/CHANGELOG.md; do
  [ -e "$T/inst/$f" ] && pass "installed $f" || fail "missing $f"
done
cmp -s "$T/inst/share/doc/stridewalk/LICENSE" "$SW_SOURCE_DIR/LICENSE" && pass "the LICENSE is the project's" || fail "LICENSE differs"
cd "$T"
unset STRIDEWALK_DATADIR
expect 0 "installed binary lists questionnaires" -- "$T/inst/bin/stridewalk" list questionnaires
contains "from the installed directory" "$T/inst/bin/../share/stridewalk/questionnaires/identity.yaml"
expect 0 "installed binary creates from a template" -- "$T/inst/bin/stridewalk" new "$T/m.db" --template hello-lambda
# The installed completion works against the installed binary.
out=$(bash -c '. "$1"; COMP_WORDS=("$2" export m.db --format y); COMP_CWORD=4; _stridewalk; echo "${COMPREPLY[*]}"' \
  _ "$T/inst/share/bash-completion/completions/stridewalk" "$T/inst/bin/stridewalk")
[ "$out" = "yaml" ] && pass "the installed bash completion completes formats" || fail "completion gave '$out'"
# Without its installed data, it says so instead of reading the source tree.
mv "$T/inst/share/stridewalk" "$T/inst/share/stridewalk.away"
expect 2 "installed binary without its data: list templates" -- "$T/inst/bin/stridewalk" list templates
contains "says it cannot find them" "cannot find the shipped templates"
expect 2 "installed binary without its data: list questionnaires" -- "$T/inst/bin/stridewalk" list questionnaires
grep -qF "$SW_SOURCE_DIR" "$T/out" && fail "it read the source tree: $(cat "$T/out")" || pass "it does not read the source tree"
# The build tree's own binary still finds the tree: that is how a developer runs it.
expect 0 "the build directory's binary finds the source tree" -- "$SW_BUILD_DIR/stridewalk" list templates
contains "it lists the templates" "hr-payslips"
finish
