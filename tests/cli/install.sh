#!/usr/bin/env bash
# cmake --install puts the binary, man pages, templates and questionnaires in place, and the
# installed binary finds its data there (not in the source tree it was built from).
. "$(dirname "$0")/lib.bash"
: "${SW_BUILD_DIR:?run through ctest}"
expect 0 "cmake --install into a prefix" -- cmake --install "$SW_BUILD_DIR" --prefix "$T/inst"
for f in bin/stridewalk share/man/man1/stridewalk.1 share/man/man5/stridewalk-model.5 \
         share/man/man5/stridewalk-questionnaire.5 share/man/man5/stridewalk-iac.5 \
         share/stridewalk/stridewalk-model.schema.json \
         share/stridewalk/templates/hr-payslips.yaml \
         share/stridewalk/questionnaires/identity.yaml share/stridewalk/questionnaires/cues/crossing.yaml; do
  [ -e "$T/inst/$f" ] && pass "installed $f" || fail "missing $f"
done
cd "$T"
expect 0 "installed binary lists questionnaires" -- env -u STRIDEWALK_DATADIR "$T/inst/bin/stridewalk" list questionnaires
contains "from the installed directory" "$T/inst/bin/../share/stridewalk/questionnaires/identity.yaml"
expect 0 "installed binary creates from a template" -- "$T/inst/bin/stridewalk" new "$T/m.db" --template hello-lambda
finish
