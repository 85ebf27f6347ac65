#!/usr/bin/env bash
# The real binary under valgrind (registered as valgrind_cli when SW_VALGRIND is on): every
# subcommand on good input, the headless UI on a short workshop script, and the hostile-input
# error paths (damaged and newer models, deep nesting, NUL bytes, a full disk), each of which
# must keep its usual exit status and report no memory error and no definite leak.
set -u
: "${SW_BINARY:?}" "${SW_SOURCE_DIR:?}"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
T=$(mktemp -d "${TMPDIR:-/tmp}/sw-valgrind.XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# vg STATUS -- ARGS...: stridewalk ARGS under valgrind exits with STATUS and is clean.
vg() {
  local want=$1 rc
  shift 2
  valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --track-fds=no --quiet "$SW_BINARY" "$@" >"$T/out" 2>"$T/err"
  rc=$?
  if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*==' "$T/err"; then
    fail "stridewalk $*: valgrind found errors:"
    grep '^==' "$T/err" | head -40 >&2
  elif [ "$rc" -ne "$want" ]; then
    fail "stridewalk $*: exit $rc, expected $want: $(head -3 "$T/err")"
  else
    echo "ok: stridewalk $* (exit $rc)"
  fi
}

for t in "$SW_SOURCE_DIR"/templates/*.yaml; do
  vg 0 -- new "$T/$(basename "$t" .yaml).db" --template "$t"
done
M=$T/demo-hr-workshop.db
for fmt in yaml json md csv; do vg 0 -- export "$M" --format "$fmt" -o "$T/out.$fmt"; done
vg 0 -- import "$T/again.db" "$T/out.yaml"
vg 0 -- import "$T/hello-lambda.db" "$SW_SOURCE_DIR/templates/api-crud.yaml"
vg 0 -- import "$T/hello-lambda.db" "$SW_SOURCE_DIR/templates/api-crud.yaml" --replace
[ -f "$SW_SOURCE_DIR/../shared/samples/threat-dragon-v2-demo.json" ] &&
  vg 0 -- import "$T/td.db" "$SW_SOURCE_DIR/../shared/samples/threat-dragon-v2-demo.json"
for f in "$SW_SOURCE_DIR"/tests/fixtures/threatdragon/v*.json; do
  vg 0 -- import "$T/td-$(basename "$f" .json).db" "$f"
done
vg 0 -- lint "$SW_SOURCE_DIR/questionnaires"
vg 0 -- list templates
vg 0 -- "$M" # not a terminal: prints the summary

# The headless UI: walk, capture, decide, undo, every screen, save a screen, quit.
printf 'W\n:threat valgrind capture\nl\n:none nothing here\nU\nO\nB\nQ\nP\nK\nS\nR\n?\n<Esc>\n:save-screen %s\nq\n' \
  "$T/screen.txt" >"$T/script"
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT=$T/script vg 0 -- "$M"

# Error paths.
cp "$M" "$T/trunc.db" && truncate -s 5000 "$T/trunc.db"
vg 2 -- "$T/trunc.db"
cp "$M" "$T/damaged.db" && printf '\377%.0s' $(seq 1 3000) | dd of="$T/damaged.db" bs=1 seek=100 conv=notrunc status=none
vg 2 -- export "$T/damaged.db" --format yaml
cp "$M" "$T/newer.db" && printf '\000\000\003\347' | dd of="$T/newer.db" bs=1 seek=60 conv=notrunc status=none
vg 2 -- import "$T/newer.db" "$T/out.yaml"
{ printf 'stridewalk: 1\nname: '; head -c 10000 /dev/zero | tr '\0' '['; echo; } >"$T/deep.yaml"
vg 2 -- import "$T/x.db" "$T/deep.yaml"
printf 'stridewalk: 1\nname: a\0b\n' >"$T/nul.yaml"
vg 2 -- import "$T/x.db" "$T/nul.yaml"
printf '{"summary": {"title": "x"}, "detail": {"diagrams": [{"cells": [{"shape": "actor"' >"$T/cut.json"
vg 2 -- import "$T/x.db" "$T/cut.json"
# A full disk (RLIMIT_FSIZE: writes past 64 KiB fail) under a report bigger than that.
awk 'BEGIN { print "stridewalk: 1\nname: Big\nelements:"
  for (i = 1; i <= 400; i++) printf "  - { id: fn-%d, kind: process, type: aws.lambda, name: Function %d }\n", i, i }' >"$T/big.yaml"
"$SW_BINARY" import "$T/big.db" "$T/big.yaml" >/dev/null || fail "cannot make the big model"
(trap '' XFSZ; ulimit -f 64; vg 2 -- export "$T/big.db" --format md -o "$T/full.md")
(trap '' XFSZ; ulimit -f 64; vg 2 -- import "$T/hello-lambda.db" "$T/out.yaml" --replace)

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
