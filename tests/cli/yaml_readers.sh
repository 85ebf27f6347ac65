#!/usr/bin/env bash
# The YAML export means the same to other YAML readers as the JSON export: PyYAML (YAML 1.1,
# like Ruby's and most tools' readers) must read every scalar as the type the JSON export
# gives it, so strings such as 2026-12-04, 12:30, 1:20:30, y, n, on, off or 0o17 are quoted.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR

py=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import yaml' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { fail "no python3 with the yaml module (scripts/setup installs python3-yaml)"; finish; }

same() { # same NAME MODEL: the YAML and JSON exports of MODEL read back equal
  "$SW" export "$2" --format yaml -o "$T/$1.yaml" && "$SW" export "$2" --format json -o "$T/$1.json" \
    || { fail "$1: cannot export"; return; }
  if out=$("$py" - "$T/$1.yaml" "$T/$1.json" 2>&1 <<'PY'
import json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    from_yaml = yaml.safe_load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    from_json = json.load(f)
def walk(a, b, path):
    if type(a) is not type(b):
        print(f"{path}: YAML gives {type(a).__name__} {a!r}, JSON {type(b).__name__} {b!r}")
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all([walk(a[k], b[k], f"{path}.{k}") for k in a])
    if isinstance(a, list):
        return len(a) == len(b) and all([walk(x, y, f"{path}[{i}]") for i, (x, y) in enumerate(zip(a, b))])
    if a != b:
        print(f"{path}: YAML gives {a!r}, JSON {b!r}")
    return a == b
sys.exit(0 if walk(from_yaml, from_json, "$") else 1)
PY
  ); then pass "$1: PyYAML reads the YAML export as the JSON export"
  else fail "$1: $out"; fi
}

"$SW" import "$T/hostile.db" "$SW_SOURCE_DIR/fuzz/corpus/system_yaml/seed-hostile-text.yaml" >/dev/null \
  || fail "cannot import the hostile seed"
same hostile "$T/hostile.db"
grep -q '^- "12:30"$' "$T/hostile.yaml" && pass "a time is quoted" || fail "12:30 is not quoted"
grep -q 'due: "2026-12-31"' "$T/hostile.yaml" && pass "a date is quoted" || fail "the due date is not quoted"
for esc in '\u0085' '\u009b' '\u2028' '\u2029' '\ufeff'; do
  grep -qF "$esc" "$T/hostile.json" && pass "the JSON export escapes $esc" || fail "$esc written raw in JSON"
done
expect 0 "the JSON export imports again" -- "$SW" import "$T/again.db" "$T/hostile.json"
"$SW" export "$T/again.db" --format yaml -o "$T/again.yaml"
cmp -s "$T/hostile.yaml" "$T/again.yaml" && pass "JSON -> import -> YAML is the same model" || fail "the JSON export imports differently"
for t in demo-hr-workshop hr-payslips api-crud; do
  "$SW" new "$T/$t.db" --template "$t" >/dev/null
  same "$t" "$T/$t.db"
done
finish
