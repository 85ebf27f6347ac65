#!/usr/bin/env bash
# A report stays true after the questionnaire files change: it describes each answered question
# as it was asked, from the snapshot the model took, not as the YAML says today.
. "$(dirname "$0")/lib.bash"
export XDG_CONFIG_HOME=$T/config
Q=$SW_SOURCE_DIR/questionnaires

"$SW" new "$T/m.db" --template hello-lambda >/dev/null
printf ':goto hello-fn\n:answer identity/role-per-function no\n:quit\n' >"$T/answer.script"
expect 0 "answer a question in the workshop" -- env STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT="$T/answer.script" "$SW" "$T/m.db"
expect 0 "report with today's questionnaires" -- "$SW" report "$T/m.db"
contains "the question as it was asked" "Does this function have an identity of its own"

# The team rewrites the question afterwards, in a directory that replaces the shipped pack.
mkdir -p "$T/changed"
sed 's/Does this function have an identity of its own, rather than one it shares with other functions?/REWORDED LATER/' \
  "$Q/identity.yaml" >"$T/changed/identity.yaml"
grep -q "REWORDED LATER" "$T/changed/identity.yaml" && pass "the pack was changed" || fail "sed did not change the pack"
expect 0 "report after the files changed" -- "$SW" report "$T/m.db" --questionnaires "$T/changed"
contains "still the question as it was asked" "Does this function have an identity of its own"
if grep -qF "REWORDED LATER" "$T/out"; then fail "the report shows the rewritten question"; else pass "not the rewritten one"; fi
finish
