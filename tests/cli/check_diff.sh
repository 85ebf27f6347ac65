#!/usr/bin/env bash
# Every exit path of `stridewalk check` and `stridewalk diff` through the real binary:
# 0 (passed / same), 1 (problems / differences) and 2 (usage or input errors), with the lines
# CI greps for. Also `report` and `export --format md|csv` on the same models.
set -euo pipefail

bin=${SW_BINARY:?run through ctest}
src=${SW_SOURCE_DIR:-..}
tmp=$(mktemp -d "${SW_TEST_TMP:-/tmp}/check-diff.XXXXXX" 2>/dev/null || mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# run WANT_STATUS CMD...: runs the command, keeps stdout in $tmp/out and stderr in $tmp/err.
run() {
  local want=$1 got=0
  shift
  "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got, expected $want: $*" >&2
    sed 's/^/  stdout: /' "$tmp/out" >&2
    sed 's/^/  stderr: /' "$tmp/err" >&2
    fails=$((fails + 1))
  fi
}

# has FILE TEXT: the file holds this exact line.
has() {
  if ! grep -qxF -- "$2" "$tmp/$1"; then
    echo "FAIL: no line '$2' in $1:" >&2
    sed 's/^/  /' "$tmp/$1" >&2
    fails=$((fails + 1))
  fi
}

lines() {
  local n
  n=$(wc -l <"$tmp/$1")
  if [ "$n" -ne "$2" ]; then
    echo "FAIL: $1 has $n lines, expected $2" >&2
    sed 's/^/  /' "$tmp/$1" >&2
    fails=$((fails + 1))
  fi
}

demo=$tmp/demo.db
hello=$tmp/hello.db
run 0 "$bin" new "$demo" --template "$src/templates/demo-hr-workshop.yaml"
run 0 "$bin" new "$hello" --template "$src/templates/hello-lambda.yaml"
run 0 "$bin" export "$demo" --format yaml -o "$tmp/demo.yaml"

# ---- check: exit 1 with one line per problem --------------------------------------------
run 1 "$bin" check "$demo" --fail-on critical
has out "$demo: T-0001: open critical risk 20 (payslip-fn, EI): Employee fetches a colleague's payslip by changing the employee id"
has out "$demo: T-0009: open critical risk 20 (hr-secrets, I): Every function can read the payroll SFTP key"
lines out 2
has err "stridewalk: check failed: 2 problems (--fail-on critical)"

run 1 "$bin" check "$demo" --fail-on high
has out "$demo: T-0002: in-discussion high risk 15 (staff-api, ES): Any employee token is accepted on the staff routes"
lines out 6

run 1 "$bin" check "$demo" --fail-on=low
lines out 10 # every open or in-discussion threat; mitigated and accepted ones never count

run 1 "$bin" check "$tmp/demo.yaml" --fail-on critical
has out "$tmp/demo.yaml: T-0009: open critical risk 20 (hr-secrets, I): Every function can read the payroll SFTP key"

run 1 "$bin" check "$hello" --fail-on none --require-coverage
grep -q ': pending STRIDE cell S (Spoofing)$' "$tmp/out" || { echo "FAIL: no pending cell line" >&2; fails=$((fails + 1)); }

# A model with no elements has had nothing walked: 0% coverage, and the gate says why.
empty=$tmp/empty.db
run 0 "$bin" new "$empty"
run 1 "$bin" check "$empty" --require-coverage
has out "$empty: no elements: nothing has been walked"
lines out 1
has err "stridewalk: check failed: 1 problem (--fail-on high, --require-coverage)"
run 0 "$bin" check "$empty" --fail-on low
STRIDEWALK_NOW=2026-11-22T10:00:00Z run 0 "$bin" report "$empty"
has out "- **Coverage:** 0% (no elements: nothing has been walked)"
has out "- **Diagram:** 0 elements and 0 data flows in 0 trust boundaries"
run 0 "$bin" "$empty" </dev/null
has out "  0 mitigations; coverage 0% (no elements: nothing has been walked)"
# Every element out of scope: no cells either.
printf 'stridewalk: 1\nname: Parked\nelements:\n  - { id: fn, kind: process, type: aws.lambda, name: Fn, out_of_scope: true, out_of_scope_reason: Retired }\n' >"$tmp/parked.yaml"
run 1 "$bin" check "$tmp/parked.yaml" --fail-on none --require-coverage
has out "$tmp/parked.yaml: every element is out of scope: nothing has been walked"
has err "stridewalk: check failed: 1 problem (--fail-on none, --require-coverage)"

# ---- check: exit 0 ---------------------------------------------------------------------------
run 0 "$bin" check "$hello" --fail-on low
lines out 0
has err "stridewalk: check passed (--fail-on low)"
run 0 "$bin" check "$demo" --fail-on none

# ---- check: exit 2 ---------------------------------------------------------------------------
run 2 "$bin" check
has err "stridewalk: error: check: need a model (stridewalk check MODEL.db --fail-on high)"
run 2 "$bin" check "$demo" --fail-on severe
has err "stridewalk: error: check: unknown band 'severe' for --fail-on (expected none, low, medium, high or critical)"
run 2 "$bin" check "$demo" --strict
has err "stridewalk: error: check: unknown option '--strict'"
run 2 "$bin" check "$demo" "$hello"
run 2 "$bin" check "$tmp/missing.db"
has err "stridewalk: error: $tmp/missing.db: cannot open: No such file or directory"
printf 'stridewalk: 1\nname: [broken\n' >"$tmp/bad.yaml"
run 2 "$bin" check "$tmp/bad.yaml"
grep -q "^stridewalk: error: $tmp/bad.yaml:[0-9]*:[0-9]*: " "$tmp/err" || { echo "FAIL: no file:line:col" >&2; cat "$tmp/err" >&2; fails=$((fails + 1)); }

# ---- diff: exit 0 ----------------------------------------------------------------------------
run 0 "$bin" diff "$demo" "$tmp/demo.yaml"
lines out 0
run 0 "$bin" diff "$demo" "$demo" --format md
has out "From $demo to $demo: 0 differences."

# ---- diff: exit 1 ----------------------------------------------------------------------------
sed -e 's/^  status: in-discussion$/  status: mitigated/' \
    -e 's/^  name: Staff API$/  name: Staff REST API/' "$tmp/demo.yaml" >"$tmp/changed.yaml"
run 1 "$bin" diff "$tmp/demo.yaml" "$tmp/changed.yaml"
has out "~ element staff-api: Staff REST API (name)"
has out "~ threat T-0002: Any employee token is accepted on the staff routes (status in-discussion -> mitigated)"
lines out 2
run 1 "$bin" diff "$demo" "$hello"
grep -q '^- threat T-0001: ' "$tmp/out" || { echo "FAIL: removed threat not listed" >&2; fails=$((fails + 1)); }
run 1 "$bin" diff "$tmp/demo.yaml" "$tmp/changed.yaml" --format md
has out "# Threat model changes"
has out "| changed | staff-api | Staff REST API | name |"

# ---- diff: exit 2 ----------------------------------------------------------------------------
run 2 "$bin" diff "$demo"
has err "stridewalk: error: diff: need two models (stridewalk diff OLD.db NEW.db)"
run 2 "$bin" diff "$demo" "$demo" --format html
has err "stridewalk: error: diff: unknown format 'html' (expected text or md)"
run 2 "$bin" diff "$demo" "$demo" --colour
run 2 "$bin" diff "$demo" "$demo" "$demo"
run 2 "$bin" diff "$demo" "$tmp/missing.db"
has err "stridewalk: error: $tmp/missing.db: cannot open: No such file or directory"

# ---- report and exports ----------------------------------------------------------------------
STRIDEWALK_NOW=2026-11-22T10:00:00Z run 0 "$bin" report "$demo" -o "$tmp/report.md"
[ "$(stat -c %a "$tmp/report.md")" = 600 ] || { echo "FAIL: report is not mode 0600" >&2; fails=$((fails + 1)); }
grep -qxF -- '- **Date:** 2026-11-22' "$tmp/report.md" || { echo "FAIL: report date" >&2; fails=$((fails + 1)); }
STRIDEWALK_NOW=2026-11-22T10:00:00Z run 0 "$bin" export "$demo" --format md -o "$tmp/export.md"
cmp -s "$tmp/report.md" "$tmp/export.md" || { echo "FAIL: report and export --format md differ" >&2; fails=$((fails + 1)); }
run 0 "$bin" export "$demo" --format csv --per mitigation
head -1 "$tmp/out" | grep -q '^Summary,Description,Priority,Labels,Status,Assignee,Due date,Threat id,Mitigation id,Ticket' ||
  { echo "FAIL: csv header" >&2; fails=$((fails + 1)); }
run 2 "$bin" export "$demo" --format csv --per element
has err "stridewalk: error: unknown --per 'element' (expected threat or mitigation)"
# The CSV agrees with the report and check: letters primary first (T-0001 is E, then I).
run 0 "$bin" export "$demo" --format csv
grep -qF ',stridewalk threat stride-E stride-I risk-critical element-payslip-fn,open,Sam,2026-12-04,T-0001,payslip-fn,EI,' "$tmp/out" ||
  { echo "FAIL: csv letters are not primary first" >&2; fails=$((fails + 1)); }
grep -qx -- '| \[T-0001\](#t-0001) | Employee fetches .* | payslip-fn | EI | .*' "$tmp/report.md" ||
  { echo "FAIL: report letters are not primary first" >&2; fails=$((fails + 1)); }

# Line breaks as GitHub renders them: the report through GitHub's own Markdown renderer.
if command -v cmark-gfm >/dev/null; then
  printf 'stridewalk: 1\nname: Breaks\ndescription: "First line.\\nSecond line.\\n\\n# not a heading"\nelements:\n  - { id: fn, kind: process, type: aws.lambda, name: Fn, description: "Runs.\\n<b>Logs.</b>" }\n' >"$tmp/breaks.yaml"
  run 0 "$bin" report "$tmp/breaks.yaml" -o "$tmp/breaks.md"
  cmark-gfm --unsafe -e table "$tmp/breaks.md" >"$tmp/breaks.html"
  for want in '<p>First line.<br />' 'Second line.</p>' '<p># not a heading</p>' '<td>Runs.<br>&lt;b&gt;Logs.&lt;/b&gt;</td>'; do
    grep -qF -- "$want" "$tmp/breaks.html" ||
      { echo "FAIL: rendered report has no '$want'" >&2; fails=$((fails + 1)); }
  done
  grep -q '<b>' "$tmp/breaks.html" && { echo "FAIL: typed HTML rendered as HTML" >&2; fails=$((fails + 1)); }
else
  echo "SKIP: cmark-gfm is not installed (scripts/setup installs it): report not rendered" >&2
fi

run 2 "$bin" report
run 2 "$bin" report "$tmp/missing.db"

if [ "$fails" -ne 0 ]; then
  echo "$fails check(s) failed" >&2
  exit 1
fi
echo "check_diff: all exit paths behave"
