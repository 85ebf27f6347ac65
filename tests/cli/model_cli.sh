#!/usr/bin/env bash
# The command line for models: new, import, export, lint, list, exit statuses, and that a failed
# import leaves the model exactly as it was.
. "$(dirname "$0")/lib.bash"
F=$SW_SOURCE_DIR/tests/fixtures/models

expect 0 "--version" -- "$SW" --version
contains "--version names the program" "stridewalk "
expect 0 "--help" -- "$SW" --help
contains "--help shows new" "stridewalk new MODEL.db"
expect 2 "unknown command" -- "$SW" frobnicate now
contains "unknown command is named" "unknown command 'frobnicate'"
expect 2 "unknown option" -- "$SW" --frobnicate
expect 0 "list templates" -- "$SW" list templates
contains "hr template listed first by name" "hr-payslips"
[ "$(grep -c . "$T/out")" -ge 5 ] && pass "at least five templates" || fail "fewer than five templates"
expect 2 "list of nothing" -- "$SW" list

expect 0 "new from a template" -- "$SW" new "$T/m.db" --template hr-payslips --name "Payroll"
contains "new says what it made" "created $T/m.db: Payroll"
[ "$(stat -c %a "$T/m.db")" = 600 ] && pass "model is 0600" || fail "model mode $(stat -c %a "$T/m.db")"
expect 2 "new refuses an existing file" -- "$SW" new "$T/m.db"
contains "new names the file" "already exists"
expect 2 "new with an unknown template" -- "$SW" new "$T/x.db" --template nope
contains "unknown template lists the real ones" "no template 'nope' (there are: api-crud"
[ ! -e "$T/x.db" ] && pass "no file left by a failed new" || fail "failed new left $T/x.db"

expect 0 "export yaml to a file" -- "$SW" export "$T/m.db" --format yaml -o "$T/m.yaml"
[ "$(stat -c %a "$T/m.yaml")" = 600 ] && pass "export is 0600" || fail "export mode"
mkfifo "$T/pipe"; cat "$T/pipe" >"$T/from-pipe" &
expect 0 "export into a named pipe" -- "$SW" export "$T/m.db" --format yaml -o "$T/pipe"
wait
[ -p "$T/pipe" ] && pass "the pipe is still a pipe (written in place, not replaced)" || fail "the pipe was replaced"
cmp -s "$T/from-pipe" "$T/m.yaml" && pass "the pipe carried the export" || fail "pipe content differs"
expect 2 "export onto a directory" -- "$SW" export "$T/m.db" --format yaml -o "$T"
contains "says it is a directory" "is a directory, expected a file"
expect 0 "export json to stdout" -- "$SW" export "$T/m.db" --format json
contains "json names the system" '"name": "Payroll"'
expect 2 "export with an unknown format" -- "$SW" export "$T/m.db" --format pdf
contains "unknown format is named" "unknown format 'pdf'"

# Round trip through a second model
expect 0 "import an export into a new model" -- "$SW" import "$T/n.db" "$T/m.yaml"
"$SW" export "$T/n.db" --format yaml -o "$T/n.yaml"
cmp -s "$T/m.yaml" "$T/n.yaml" && pass "export -> import -> export is byte-identical" || fail "round trip differs"

# Every bad input: exit 2, FILE:LINE:COL, and the model untouched
before=$(sha256sum "$T/m.db" | cut -d' ' -f1)
for f in "$F"/bad-*.yaml; do
  expect 2 "import $(basename "$f")" -- "$SW" import "$T/m.db" "$f"
  grep -qE "^stridewalk: error: $f:[0-9]+:[0-9]+: " "$T/out" && pass "$(basename "$f") names line and column" \
    || { fail "$(basename "$f") message lacks file:line:col"; cat "$T/out" >&2; }
done
after=$(sha256sum "$T/m.db" | cut -d' ' -f1)
[ "$before" = "$after" ] && pass "failed imports leave the model byte-identical" || fail "model changed"
expect 0 "the model still exports the same" -- "$SW" export "$T/m.db" --format yaml -o "$T/m2.yaml"
cmp -s "$T/m.yaml" "$T/m2.yaml" && pass "content unchanged" || fail "content changed"

# A full export into a model with work is refused unless --replace
"$SW" new "$T/demo.db" --template demo-hr-workshop >/dev/null
"$SW" export "$T/demo.db" --format yaml -o "$T/demo.yaml"
expect 2 "a full model over a model is refused" -- "$SW" import "$T/m.db" "$T/demo.yaml"
contains "refusal suggests --replace" "use --replace"
expect 0 "--replace overwrites" -- "$SW" import "$T/m.db" "$T/demo.yaml" --replace

# What the workshop records (here a parking-lot item from the UI) survives the round trip
printf ':park Is the payroll VPN in scope?\n:quit\n' >"$T/park.script"
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT="$T/park.script" "$SW" "$T/demo.db" >/dev/null 2>&1
"$SW" export "$T/demo.db" --format yaml -o "$T/parked.yaml"
grep -q "id: P-0001" "$T/parked.yaml" && pass "parking-lot items are numbered P-" || fail "no P-0001 in the export"
expect 0 "a model with a parked item re-imports" -- "$SW" import "$T/parked.db" "$T/parked.yaml"

# A changed diagram merges and keeps the team's work
sed 's/name: Payslip bucket/name: Payslip archive bucket/' "$SW_SOURCE_DIR/templates/hr-payslips.yaml" >"$T/changed.yaml"
expect 0 "re-import of a changed diagram" -- "$SW" import "$T/demo.db" "$T/changed.yaml"
contains "merge reports what changed" "1 changed"
contains "merge keeps the threats" "carried over 12 threats"

# Not a model, and not writable
printf 'just text, definitely not a database: %0200d\n' 0 >"$T/notes.db"
cp "$T/notes.db" "$T/notes.orig"
expect 2 "import into a file that is not a model" -- "$SW" import "$T/notes.db" "$T/m.yaml"
contains "says it is not a model" "is not a stridewalk model"
cmp -s "$T/notes.db" "$T/notes.orig" && pass "the foreign file is untouched" || fail "foreign file changed"

# As a user the file modes stop (nobody, under root; lib.bash copies what it runs).
if other_user; then
  mkdir "$T/locked" && chmod 555 "$T/locked"
  cp "$F/good-minimal.yaml" "$T/public.yaml" && chmod 644 "$T/public.yaml"
  expect 2 "import into a read-only directory" -- as_user "$SW_OTHER" import "$T/locked/m.db" "$T/public.yaml"
  contains "says it cannot create the model" "cannot create the model in '$T/locked'"
  [ ! -e "$T/locked/m.db" ] && pass "nothing created in the read-only directory" || fail "file created"

  # A read-only model opens read-only and says so on every screen
  mkdir -p "$T/ro" "$T/shots" && cp "$T/demo.db" "$T/ro/ro.db" && chmod 444 "$T/ro/ro.db" && chmod 777 "$T/shots"
  printf ':save-screen %s\n:quit\n' "$T/shots/ro.txt" >"$T/ro.script" && chmod 644 "$T/ro.script"
  expect 0 "a read-only model opens" -- as_user env HOME="$T/shots" STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT="$T/ro.script" "$SW_OTHER" "$T/ro/ro.db"
  head -1 "$T/shots/ro.txt" | grep -q "READ-ONLY: HR payslip service" && pass "the status line says READ-ONLY" || fail "no READ-ONLY banner"
  export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
fi

# The demo keeps the user's work where they asked for it, and says where it is
expect 0 "demo FILE makes a copy there" -- "$SW" demo "$T/keep.db"
contains "demo says where its copy is" "the demo model is $T/keep.db (a new copy: your work stays in it)"
"$SW" import "$T/keep.db" "$F/good-minimal.yaml" --replace >/dev/null 2>&1
expect 0 "demo FILE opens that copy again" -- "$SW" demo "$T/keep.db"
contains "the second time it is the user's copy" "your copy, as you left it"
contains "with the user's work in it" "Minimal"
expect 0 "demo with no file" -- "$SW" demo
contains "demo with no file says it is temporary" "a copy in a temporary directory: stridewalk demo FILE keeps one"

# lint
expect 0 "lint every template" -- "$SW" lint "$SW_SOURCE_DIR/templates"
expect 0 "lint every questionnaire and cue card" -- "$SW" lint "$SW_SOURCE_DIR/questionnaires"
expect 2 "lint a broken file" -- "$SW" lint "$F/bad-unknown-kind.yaml"
contains "lint gives file:line:col" "bad-unknown-kind.yaml:5:11: unknown kind 'lambda'"
finish
