#!/usr/bin/env bash
# The peers' formats through the real binary: every Threat Dragon and OTM file of
# ../shared/samples imports with its counts (skipped, and said so, when the samples are absent),
# an OTM file is recognised by content whatever its name, JSON of no known format is refused
# naming the formats tried, and the OTM and Threat Dragon exports come back in.
. "$(dirname "$0")/lib.bash"
SAMPLES=$SW_SOURCE_DIR/../shared/samples
FIX=$SW_SOURCE_DIR/tests/fixtures

# count MODEL KEY: how many objects of a section the model's JSON export holds
count() { "$SW" export "$1" --format json | awk -v k="  \"$2\": [" '
  $0 == k { inside = 1; next }
  inside && /^    \{/ { n++ }
  inside && /^  \]/ { inside = 0 }
  END { print n + 0 }'; }

if [ -d "$SAMPLES" ]; then
  expect 0 "import the Threat Dragon demo model" -- "$SW" import "$T/td.db" "$SAMPLES/threat-dragon-v2-demo.json"
  contains "its counts" "1 actor, 2 processes, 4 stores, 10 flows, 3 boundaries, 14 threats"
  [ "$(count "$T/td.db" threats)" = 14 ] && pass "the model holds its 14 threats" || fail "td threats: $(count "$T/td.db" threats)"
  expect 0 "import StartLeft's CloudFormation OTM" -- "$SW" import "$T/cfn.db" "$SAMPLES/otm/startleft-otm-file-example.otm"
  contains "its counts" "(OTM 0.1.0): 2 trust zones, 22 components (2 external entities, 19 processes, 1 data store), 22 dataflows, 0 threats"
  [ "$(count "$T/cfn.db" flows)" = 22 ] && pass "the model holds its 22 flows" || fail "cfn flows: $(count "$T/cfn.db" flows)"
  [ "$(count "$T/cfn.db" elements)" = 22 ] && pass "the model holds its 22 components" || fail "cfn elements: $(count "$T/cfn.db" elements)"
  expect 0 "import StartLeft's Threat Modeling Tool OTM" -- "$SW" import "$T/tmt.db" "$SAMPLES/otm/startleft-mtmt-mvp.otm"
  contains "its counts" "(OTM 0.2.0): 2 trust zones, 4 components (1 external entity, 1 process, 2 data stores), 6 dataflows, 43 threats, 43 mitigations"
  contains "what it dropped" "the positions and sizes of 6 objects"
  [ "$(count "$T/tmt.db" threats)" = 43 ] && pass "the model holds its 43 threats" || fail "tmt threats: $(count "$T/tmt.db" threats)"
  [ "$(count "$T/tmt.db" mitigations)" = 43 ] && pass "the model holds its 43 mitigations" || fail "tmt mitigations: $(count "$T/tmt.db" mitigations)"
  # every other Threat Dragon or OTM file the samples may gain imports too
  for f in "$SAMPLES"/*.json "$SAMPLES"/otm/*; do
    expect 0 "import $(basename "$f")" -- "$SW" import "$T/any.db" "$f" --replace
  done
else
  echo "skip: $SAMPLES is absent; the samples were not imported"
fi

# Recognised by content: an OTM file called .json, a Threat Dragon file called .otm.
cp "$FIX/otm/foreign.otm" "$T/orders.json"
expect 0 "an OTM file named .json is read as OTM" -- "$SW" import "$T/o.db" "$T/orders.json"
contains "as OTM" "(OTM 0.1.0): 4 trust zones, 7 components"
cp "$FIX/threatdragon/v2-kept.json" "$T/payments.otm"
expect 0 "a Threat Dragon file named .otm is read as Threat Dragon" -- "$SW" import "$T/p.db" "$T/payments.otm"
contains "as Threat Dragon" "(Threat Dragon 2.x, 1 diagram)"
expect 2 "a foreign model over a model with a diagram needs --replace" -- "$SW" import "$T/p.db" "$T/orders.json"
contains "the reason" "already holds a model; use --replace"

# Strict detection: JSON of no known format, or of two, is refused and creates nothing.
printf '{\n  "nodes": []\n}\n' >"$T/unknown.json"
expect 2 "JSON of no known format is refused" -- "$SW" import "$T/u.db" "$T/unknown.json"
contains "naming the formats tried" "unknown.json:1:1: JSON that is none of the formats stridewalk reads (tried: stridewalk model: a top-level 'stridewalk' key; Threat Dragon: 'summary' or 'detail'; OTM: 'otmVersion'; CloudFormation/SAM: 'Resources'; Terraform plan: 'format_version' and 'planned_values' or 'values')"
[ ! -e "$T/u.db" ] && pass "and creates no model" || fail "a refused import created $T/u.db"
printf '[ "a list" ]\n' >"$T/list.json"
expect 2 "a JSON list is refused the same way" -- "$SW" import "$T/u.db" "$T/list.json"
contains "naming the formats tried" "none of the formats stridewalk reads (tried:"
printf '{ "otmVersion": "0.2.0", "summary": {}, "project": { "name": "x", "id": "x" } }\n' >"$T/both.json"
expect 2 "JSON with the signs of two formats is refused" -- "$SW" import "$T/u.db" "$T/both.json"
contains "the reason" "JSON that has the signs of more than one format"
expect 2 "a wrong JSON type is an error with its line and column" -- "$SW" import "$T/u.db" "$FIX/threatdragon/bad-threats-not-list.json"
contains "the position" "bad-threats-not-list.json:3:16: 'threats' must be a list, not string"

# The exports come back in.
expect 0 "new model from a template" -- "$SW" new "$T/hr.db" --template hr-payslips
"$SW" export "$T/hr.db" --format yaml -o "$T/hr.yaml"
expect 0 "export --format otm" -- "$SW" export "$T/hr.db" --format otm -o "$T/hr.otm"
expect 0 "import it again" -- "$SW" import "$T/hr2.db" "$T/hr.otm"
contains "as stridewalk's own OTM" "(OTM 0.2.0, written by stridewalk)"
"$SW" export "$T/hr2.db" --format yaml -o "$T/hr2.yaml"
cmp -s "$T/hr.yaml" "$T/hr2.yaml" && pass "stridewalk -> OTM -> stridewalk gives the same YAML" ||
  { fail "the OTM round trip changed the model"; diff "$T/hr.yaml" "$T/hr2.yaml" | head -20 >&2; }
expect 0 "export --format threatdragon" -- "$SW" export "$T/hr.db" --format threatdragon -o "$T/hr.td.json"
[ "$(stat -c %a "$T/hr.td.json")" = 600 ] && pass "the export is mode 0600" || fail "mode $(stat -c %a "$T/hr.td.json")"
expect 0 "import the Threat Dragon export" -- "$SW" import "$T/hr3.db" "$T/hr.td.json"
contains "every element and boundary" "4 actors, 9 processes, 5 stores, 26 flows, 4 boundaries"
expect 2 "an unknown export format names the formats" -- "$SW" export "$T/hr.db" --format visio
contains "the formats" "expected yaml, json, md, csv, otm or threatdragon"
finish
