#!/usr/bin/env bash
# The README's "Start from your infrastructure code" is what the binary does: every block marked
# <!-- iac:NAME --> is made again here (the commands of a console block run, the screens are
# captured headless) and must match, and the CI step runs as written.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_NOW=2026-03-02T10:00:00Z STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SIZE=104x30
F=$SW_SOURCE_DIR/tests/fixtures/iac
README=$SW_SOURCE_DIR/README.md
cd "$T"

# block NAME: the lines inside the fence that follows <!-- iac:NAME -->
block() {
  awk -v tag="<!-- iac:$1 -->" '
    $0 == tag { found = 1; next }
    found == 1 && /^```/ { found = 2; next }
    found == 2 && /^```/ { exit }
    found == 2 { print }' "$README"
}

# same NAME FILE: the README's block NAME is FILE's text (FILE may hold more lines after it)
same() {
  block "$1" >"readme-$1.txt"
  if [ ! -s "readme-$1.txt" ]; then fail "the README has no block iac:$1"; return; fi
  if head -n "$(wc -l <"readme-$1.txt")" "$2" | cmp -s - "readme-$1.txt"; then
    pass "the README's $1 block is what the binary shows"
  else
    fail "the README's $1 block differs from $2:"
    diff "readme-$1.txt" <(head -n "$(wc -l <"readme-$1.txt")" "$2") | sed 's/^/    /' >&2
  fi
}

# run_console NAME: runs the block's "$ stridewalk ..." lines, its output after each
run_console() {
  local line
  block "$1" | while IFS= read -r line; do
    case $line in
      '$ stridewalk '*) echo "$line"; eval "\"\$SW\" ${line#\$ stridewalk }" 2>&1 ;;
    esac
  done >"console-$1.txt"
}

# ---- a new model from the template, and its Overview ----
cp "$F/orders-template.yaml" template.yaml
run_console new
same new console-new.txt
printf 'O\n:save-screen overview.txt\n:quit\n' >o.script
STRIDEWALK_SCRIPT=o.script "$SW" orders.db >/dev/null 2>&1
same overview overview.txt

# ---- the Questions screen with an answer from the code: whichever question it is on ----
{ printf ':goto fulfil\nQ\n'; for i in $(seq 1 60); do echo j; echo ":save-screen q$i.txt"; done; echo :quit; } >q.script
STRIDEWALK_SCRIPT=q.script "$SW" orders.db >/dev/null 2>&1
block questions >readme-questions.txt
n=$(wc -l <readme-questions.txt)
match=
for i in $(seq 1 60); do
  [ -f "q$i.txt" ] && head -n "$n" "q$i.txt" | cmp -s - readme-questions.txt && match=q$i.txt
done
[ -n "$match" ] && [ "$n" -gt 5 ] && grep -q "From the code: template.yaml:" readme-questions.txt &&
  pass "the README's questions block is a screen the binary shows" ||
  fail "no Questions screen matches the README's questions block"

# ---- the re-import: dry run, then the walk goes to what is new ----
cp "$F/orders-template-v2.yaml" template.yaml
run_console reimport
same reimport console-reimport.txt
"$SW" import orders.db template.yaml >/dev/null 2>&1
printf 'W\n:next\n:save-screen walk.txt\n:quit\n' >w.script
STRIDEWALK_SCRIPT=w.script "$SW" orders.db >/dev/null 2>&1
same walk walk.txt

# ---- the CI step, as written, with the binary under test on PATH ----
mkdir -p bin ci
ln -s "$SW" bin/stridewalk
block ci >ci/step.sh
grep -q "stridewalk import model.db template.yaml && stridewalk check model.db --require-coverage" ci/step.sh &&
  pass "the README has the CI step" || fail "no CI step in the README"
{ echo "W"; for _ in $(seq 1 80); do echo ":next"; echo ":none walked in the workshop"; done; echo ":quit"; } >walk.script
# walked TEMPLATE: the workshop walks what TEMPLATE describes and commits the model as text
walked() {
  cp "$1" ci/template.yaml
  (cd ci && rm -f walked.db && "$SW" new walked.db --from threatmodel.yaml >/dev/null 2>&1 &&
    "$SW" import walked.db template.yaml >/dev/null 2>&1 &&
    STRIDEWALK_SCRIPT=../walk.script "$SW" walked.db >/dev/null 2>&1 &&
    "$SW" export walked.db --format yaml -o threatmodel.yaml && rm -f walked.db)
}
step() { rm -f ci/model.db; sh -c "cd ci && PATH=\"$T/bin:\$PATH\" sh -e step.sh"; }
(cd ci && "$SW" new first.db --from "$F/orders-template.yaml" >/dev/null 2>&1 &&
  "$SW" export first.db --format yaml -o threatmodel.yaml && rm -f first.db)
walked "$F/orders-template.yaml"
expect 0 "the CI step passes on walked code" -- step
cp "$F/orders-template-v2.yaml" ci/template.yaml
expect 1 "the CI step fails when the code gained resources nobody walked" -- step
contains "naming the cells, as the README says" "model.db: shipped: pending STRIDE cell S (Spoofing)"
walked "$F/orders-template-v2.yaml"
expect 0 "once the workshop walked them, it passes again" -- step
finish
