#!/usr/bin/env bash
# The benchmark pipeline at 0.1x scale, as a test (label bench): generate the reference model,
# lint, import, export YAML and JSON, re-import the export and compare (the round trip), report,
# check, and open the UI headless. It asserts that each step works, never how fast it is: the
# timed run is scripts/bench.
set -u
: "${SW_BINARY:?run through ctest}"
: "${SW_GENMODEL:?run through ctest}"
SW=$SW_BINARY
T=$(mktemp -d "${TMPDIR:-/tmp}/stridewalk-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# run DESCRIPTION OK-STATUSES -- COMMAND...: COMMAND must exit with one of OK-STATUSES ("0 1")
run() {
  local what=$1 ok=$2 got; shift 3
  "$@" >"$T/out" 2>&1
  got=$?
  if [[ " $ok " == *" $got "* ]]; then echo "ok: $what"
  else fail "$what: exit $got, expected $ok"; head -20 "$T/out" | sed 's/^/    /' >&2; fi
}
has_command() { "$SW" --help 2>&1 | grep -q "stridewalk $1 "; }

run "generate 0.1x" 0 -- "$SW_GENMODEL" --scale 0.1 -o "$T/model.yaml"
run "the generator is deterministic" 0 -- sh -c '"$1" --scale 0.1 | cmp -s - "$2"' _ "$SW_GENMODEL" "$T/model.yaml"
run "lint the generated model" 0 -- "$SW" lint "$T/model.yaml"
run "import" 0 -- "$SW" import "$T/m.db" "$T/model.yaml"
grep -q "2200 threats" "$T/out" || fail "import: expected 2200 threats: $(cat "$T/out")"
run "export yaml" 0 -- "$SW" export "$T/m.db" --format yaml -o "$T/export.yaml"
run "export json" 0 -- "$SW" export "$T/m.db" --format json -o "$T/export.json"
run "import the export" 0 -- "$SW" import "$T/again.db" "$T/export.yaml"
run "export it again" 0 -- "$SW" export "$T/again.db" --format yaml -o "$T/again.yaml"
run "the round trip is byte-identical" 0 -- cmp "$T/export.yaml" "$T/again.yaml"
if [ -n "${SW_LOADDB:-}" ]; then # what scripts/bench uses past import's input limit
  run "loaddb" 0 -- "$SW_LOADDB" "$T/model.yaml" "$T/loaddb.db"
  run "export what loaddb stored" 0 -- "$SW" export "$T/loaddb.db" --format yaml -o "$T/loaddb.yaml"
  run "loaddb stores what import stores" 0 -- cmp "$T/export.yaml" "$T/loaddb.yaml"
fi
if has_command report; then
  run "report" 0 -- "$SW" report "$T/m.db" -o "$T/report.md"
  [ -s "$T/report.md" ] || fail "report: empty output"
fi
if has_command check; then
  # the generated model has open high risks, so failing the gate (1) is the expected answer
  run "check" "0 1" -- "$SW" check "$T/m.db"
fi
# foreign files whose elements all have one name (scripts/bench times 100,000 of them)
for f in td otm; do
  bash "$(dirname "$0")/same_names.sh" "$f" 1000 >"$T/same.$f"
  run "import $f, 1,000 same names" 0 -- "$SW" import "$T/same-$f.db" "$T/same.$f"
  grep -q "1000 \(actors\|components\)" "$T/out" || fail "import $f: expected 1000 elements: $(head -1 "$T/out")"
done
if [ -n "${SW_GENIAC:-}" ]; then # the infrastructure-code rows
  run "generate a template" 0 -- "$SW_GENIAC" --cfn 50 -o "$T/template.yaml"
  run "import it" 0 -- "$SW" import "$T/cfn.db" "$T/template.yaml"
  grep -q "51 resources, 51 drawn" "$T/out" || fail "import template: $(cat "$T/out")"
  run "generate a plan" 0 -- "$SW_GENIAC" --tfplan 100 -o "$T/plan.json"
  run "import it" 0 -- "$SW" import "$T/tf.db" "$T/plan.json"
  grep -q "100 resources, 60 drawn" "$T/out" || fail "import plan: $(cat "$T/out")"
  run "import it again" 0 -- "$SW" import "$T/tf.db" "$T/plan.json"
  grep -q "0 added, 0 changed, 0 removed" "$T/out" || fail "re-import: $(cat "$T/out")"
fi
printf '# open, look at three screens, quit\nj\n:view board\nj\n:view overview\nq\n' >"$T/keys"
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT="$T/keys" STRIDEWALK_TIMINGS="$T/timings" \
  run "open the UI headless" 0 -- "$SW" "$T/m.db"

if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
exit 0
