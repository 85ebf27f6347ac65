#!/usr/bin/env bash
# Model files edited with another SQLite client: a trigger that rewrites what the team
# captures, one that marks every threat mitigated and empties the audit rows, a view, an extra
# table or index, a changed definition, a missing index; then values stridewalk never writes (a
# slug like ../../x, a threat on an element that does not exist, an unknown status, a vote for
# a missing threat). Every command that reads a model (the UI, --summary, export, report,
# check, diff, import) must exit 2 naming the object or the row, and leave the file as it was;
# check must never pass on such a model.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
: "${SW_DBCHECK:?run through ctest}"

"$SW" new "$T/good.db" --template demo-hr-workshop >/dev/null || { echo "cannot make a model" >&2; exit 1; }
cp "$SW_SOURCE_DIR/templates/hello-lambda.yaml" "$T/hello.yaml"
printf ':threat Forged token accepted\n:quit\n' >"$T/capture.script"
mkdir "$T/cases" "$T/exports"

declare -A want=()
# plant NAME EXPECTED SQL...: a copy of the good model with the statements run on it
plant() {
  local name=$1
  want[$name]=$2
  shift 2
  cp "$T/good.db" "$T/cases/$name.db"
  "$SW_DBCHECK" --write "$T/cases/$name.db" "$@" || fail "cannot plant $name"
}

plant trigger-rewrite "trigger 'harmless' is not part of a stridewalk model" \
  "CREATE TRIGGER harmless AFTER INSERT ON threat BEGIN
     UPDATE threat SET title = 'Harmless', likelihood = 1 WHERE id = NEW.id; END"
plant trigger-calm "trigger 'calm' is not part of a stridewalk model" \
  "CREATE TRIGGER calm AFTER UPDATE ON threat BEGIN
     UPDATE threat SET status = 'mitigated'; DELETE FROM change_row; END"
plant view "view 'threat_view' is not part of a stridewalk model" \
  "CREATE VIEW threat_view AS SELECT * FROM threat"
plant table "table 'notes' is not part of a stridewalk model" "CREATE TABLE notes (x)"
plant index "index 'sneaky' is not part of a stridewalk model" "CREATE INDEX sneaky ON threat(title)"
plant changed-index "index 'threat_element' does not have the definition stridewalk gave it" \
  "DROP INDEX threat_element" "CREATE INDEX threat_element ON threat(title)"
plant changed-table "table 'review' does not have the definition stridewalk gave it" \
  "DROP TABLE review" "CREATE TABLE review (id INTEGER PRIMARY KEY, subject TEXT, comment TEXT, who TEXT, at TEXT)"
plant missing-index "index 'change_row_change' is missing" "DROP INDEX change_row_change"
plant slug "has the id '../../x', which is not a valid id" \
  "UPDATE element SET slug = '../../x' WHERE slug = 'payslip-fn'"
plant dangling-threat "threat 'T-0001' names element row 9999, which does not exist" \
  "UPDATE threat SET element_id = 9999 WHERE ref = 'T-0001'"
plant dangling-boundary "names boundary row 9999, which does not exist" \
  "UPDATE element SET boundary_id = 9999 WHERE slug = 'payslip-fn'"
plant process-boundary "as its boundary, which is a process" \
  "UPDATE element SET boundary_id = (SELECT id FROM element WHERE kind = 'process'
     AND slug != 'payslip-fn' LIMIT 1) WHERE slug = 'payslip-fn'"
plant flow-no-source "has no source" \
  "UPDATE element SET source_id = NULL WHERE id = (SELECT min(id) FROM element WHERE kind = 'data_flow')"
plant status "threat 'T-0002' has the unknown status 'pwned'" \
  "UPDATE threat SET status = 'pwned' WHERE ref = 'T-0002'"
plant no-justification "threat 'T-0001' is accepted without a justification" \
  "UPDATE threat SET status = 'accepted', justification = NULL WHERE ref = 'T-0001'"
plant rating "threat 'T-0003' has likelihood 9 and impact" \
  "PRAGMA ignore_check_constraints = ON" "UPDATE threat SET likelihood = 9 WHERE ref = 'T-0003'"
plant mitigation-status "mitigation 'M-0001' has the unknown status 'done'" \
  "UPDATE mitigation SET status = 'done' WHERE ref = 'M-0001'"
plant dangling-vote "a vote names participant row 50 and threat row 9999" \
  "INSERT INTO participant (id, name) VALUES (50, 'Eve')" "INSERT INTO vote VALUES (50, 9999, 1)"
plant dangling-link "names threat row 9999, which does not exist" \
  "INSERT INTO threat_mitigation VALUES (9999, (SELECT id FROM mitigation LIMIT 1))"
# references into the gap a deleted row leaves, and from the tables the gate does not read
plant link-into-gap "names threat row 2, which does not exist" \
  "DELETE FROM vote WHERE threat_id = 2" "DELETE FROM suggestion_decision WHERE threat_id = 2" \
  "INSERT OR IGNORE INTO threat_mitigation VALUES (2, (SELECT id FROM mitigation LIMIT 1))" \
  "DELETE FROM threat WHERE id = 2"
plant dangling-tag "names element row 9999, which does not exist" \
  "INSERT INTO element_tag VALUES (9999, 0, 'orphan')"
plant dangling-session "777, which does not exist" \
  "INSERT INTO answer (element_id, questionnaire, question, value, session_id)
     VALUES ((SELECT min(id) FROM element WHERE kind = 'process'), 'identity', 'planted', 'yes', 777)"

# run NAME FILE -- ARGS...: exit 2 with "stridewalk: error: FILE: ...EXPECTED...", file unchanged
run() {
  local name=$1 file=$2 before after out rc
  shift 3
  before=$(fingerprint "$file")
  out=$("$@" 2>&1 >/dev/null)
  rc=$?
  after=$(fingerprint "$file")
  [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2 ($out)"
  case $out in
  *"stridewalk: error: $file: "*"${want[$c]}"*) ;;
  *) fail "$name: expected an error naming $file and saying '${want[$c]}', got: $out" ;;
  esac
  [ "$before" = "$after" ] || fail "$name: $file or its directory changed"
  [ "$rc" -eq 2 ] && pass "$name"
}

for f in "$T"/cases/*.db; do
  c=$(basename "$f" .db)
  run "$c: UI" "$f" -- env STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT="$T/capture.script" "$SW" "$f"
  run "$c: --summary" "$f" -- "$SW" --summary "$f"
  run "$c: export yaml" "$f" -- "$SW" export "$f" --format yaml -o "$T/exports/x.yaml"
  run "$c: export json" "$f" -- "$SW" export "$f" --format json
  run "$c: report" "$f" -- "$SW" report "$f" -o "$T/exports/x.md"
  run "$c: check" "$f" -- "$SW" check "$f" --fail-on critical
  run "$c: diff" "$f" -- "$SW" diff "$T/good.db" "$f"
  run "$c: import" "$f" -- "$SW" import "$f" "$T/hello.yaml"
  [ -z "$(ls -A "$T/exports")" ] || { fail "$c: an export was written: $(ls "$T/exports")"; rm -f "$T/exports"/*; }
  [ ! -e "$f.v2.bak" ] && [ ! -e "$f.v1.bak" ] || fail "$c: a migration backup appeared"
done

# The same model untouched still works, so the refusals above are about what was planted.
expect 1 "check on the untouched model finds its risks" -- "$SW" check "$T/good.db" --fail-on critical
contains "check names the critical threat" "T-0001: open critical risk 20"
expect 0 "the untouched model exports" -- "$SW" export "$T/good.db" --format yaml -o "$T/good.yaml"
finish
