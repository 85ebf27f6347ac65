#!/usr/bin/env bash
# Exports checked against JSON Schemas with python3-jsonschema: `export --format json` of every
# template and test model against man/stridewalk-model.schema.json (which must itself be a valid
# 2020-12 schema, and must refuse what the loader refuses), `--format otm` against the OTM schema
# and `--format threatdragon` against Threat Dragon's, both from ../shared/samples/schemas.
# Without python3-jsonschema the test is skipped (exit 77), unless STRIDEWALK_REQUIRE_JSONSCHEMA
# is set, as CI sets it: there it fails.
. "$(dirname "$0")/lib.bash"
VALIDATE=$SW_SOURCE_DIR/tests/tools/validate_json.py
SCHEMA=$SW_SOURCE_DIR/man/stridewalk-model.schema.json
SAMPLES=$SW_SOURCE_DIR/../shared/samples

py=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import jsonschema' 2>/dev/null; then py=$candidate; break; fi
done
if [ -z "$py" ]; then
  if [ -n "${STRIDEWALK_REQUIRE_JSONSCHEMA:-}" ]; then
    fail "python3-jsonschema is missing (scripts/setup installs it)"; finish
  fi
  echo "skip: python3-jsonschema is not installed (scripts/setup installs it); nothing validated"
  exit 77
fi

# validate WHAT SCHEMA FILE...: every file must be valid
validate() {
  local what=$1; shift
  if "$py" "$VALIDATE" "$@" >"$T/out" 2>&1; then pass "$what ($(tail -1 "$T/out"))"
  else fail "$what"; sed 's/^/    /' "$T/out" >&2; fi
}

expect 0 "our schema is a valid JSON Schema" -- "$py" "$VALIDATE" --check "$SCHEMA"
grep -q '"\$schema": "https://json-schema.org/draft/2020-12/schema"' "$SCHEMA" &&
  pass "our schema says it is 2020-12" || fail "our schema does not declare 2020-12"

# Every shipped template, every good test model, the system-model fuzz seeds that load, and a
# generated model with every section (answers, sessions, votes, reviews, ...).
models=("$SW_SOURCE_DIR"/templates/*.yaml "$SW_SOURCE_DIR"/tests/fixtures/models/good-*.yaml)
for f in "$SW_SOURCE_DIR"/fuzz/corpus/system_yaml/*.yaml; do
  "$SW" lint "$f" >/dev/null 2>&1 && models+=("$f")
done
# infrastructure code: origins and evidence answers
models+=("$SW_SOURCE_DIR"/tests/fixtures/iac/cfn-evidence.yaml "$SW_SOURCE_DIR"/tests/fixtures/iac/sls-orders.yml
         "$SW_SOURCE_DIR"/tests/fixtures/iac/tfplan-jobs.json)
if [ -x "${SW_BUILD_DIR:-}/bench/genmodel" ]; then
  "$SW_BUILD_DIR/bench/genmodel" --scale 0.01 -o "$T/generated.yaml" && models+=("$T/generated.yaml")
fi
json=() otm=() td=() n=0
for f in "${models[@]}"; do
  n=$((n + 1))
  if ! "$SW" import "$T/m$n.db" "$f" >"$T/out" 2>&1; then fail "import $f"; sed 's/^/    /' "$T/out" >&2; continue; fi
  "$SW" export "$T/m$n.db" --format json -o "$T/m$n.json" && json+=("$T/m$n.json")
  "$SW" export "$T/m$n.db" --format otm -o "$T/m$n.otm" && otm+=("$T/m$n.otm")
  "$SW" export "$T/m$n.db" --format threatdragon -o "$T/m$n.td.json" && td+=("$T/m$n.td.json")
done
[ "${#json[@]}" -ge 10 ] && pass "${#json[@]} models exported" || fail "only ${#json[@]} models exported"
validate "export --format json of every template and test model" "$SCHEMA" "${json[@]}"

# The schema is strict where the loader is: these must be refused.
sed 's/"stridewalk": 1/"stridewalk": 1, "colour": "red"/' "${json[0]}" >"$T/bad-key.json"
grep -l '"likelihood"' "${json[@]}" | head -1 | xargs sed 's/"likelihood": [0-9]/"likelihood": 7/' >"$T/bad-rating.json"
grep -l '"kind": "process"' "${json[@]}" | head -1 | xargs sed '0,/"kind": "process"/s//"kind": "lambda"/' >"$T/bad-kind.json"
for bad in bad-key bad-rating bad-kind; do
  if "$py" "$VALIDATE" "$SCHEMA" "$T/$bad.json" >"$T/out" 2>&1; then fail "the schema accepts $bad.json"
  else pass "the schema refuses $bad.json"; fi
done

if [ -d "$SAMPLES/schemas" ]; then
  for f in "$SAMPLES"/threat-dragon-v2-demo.json "$SAMPLES"/otm/*.otm; do
    n=$((n + 1))
    "$SW" import "$T/m$n.db" "$f" >/dev/null 2>&1 || { fail "import $f"; continue; }
    "$SW" export "$T/m$n.db" --format otm -o "$T/m$n.otm" && otm+=("$T/m$n.otm")
    "$SW" export "$T/m$n.db" --format threatdragon -o "$T/m$n.td.json" && td+=("$T/m$n.td.json")
  done
  validate "export --format otm against the OTM schema" "$SAMPLES/schemas/otm_schema.json" "${otm[@]}"
  validate "export --format threatdragon against Threat Dragon's schema" \
    "$SAMPLES/schemas/threat-dragon-v2.schema.json" "${td[@]}"
else
  echo "skip: $SAMPLES/schemas is absent; the OTM and Threat Dragon exports were not validated"
fi
finish
