#!/usr/bin/env bash
# Limits on hostile or huge input (documented in stridewalk(1) LIMITS): files over the
# 64 MiB input limit (a regular file and a pipe), a large model under it, a 10,000-character
# title, nesting 100,000 deep (YAML and JSON), NUL bytes, a mapping with 100,000 keys. Each
# either succeeds or stops with a clear file:line:col error, in bounded time and memory.
# The default sizes keep the suite quick under sanitizers; SW_LIMITS_FULL=1 uses the issue's
# sizes (a 100,000-element model, a 50 MB file), which take minutes under ASan.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR

if [ "${SW_LIMITS_FULL:-0}" = 1 ]; then
  ELEMENTS=100000 DESC=420 # 100,000 elements; 52 MB with the descriptions
else
  ELEMENTS=10000 DESC=420
fi

# run NAME -- COMMAND...: runs it with a time limit; sets $rc, $out (stderr) and $rss (KiB, or
# empty without GNU time).
run() {
  local name=$1
  shift 2
  if [ -x /usr/bin/time ]; then
    timeout "${LIMIT_SECS:-300}" /usr/bin/time -f %M -o "$T/rss" "$@" >"$T/stdout" 2>"$T/stderr"
    rc=$?
    rss=$(tail -n 1 "$T/rss")
  else
    timeout "${LIMIT_SECS:-300}" "$@" >"$T/stdout" 2>"$T/stderr"
    rc=$?
    rss=
  fi
  out=$(grep -v '^Command exited' "$T/stderr")
  [ "$rc" -ne 124 ] || fail "$name: still running after ${LIMIT_SECS:-300} s"
  echo "   $name: exit $rc${rss:+, peak RSS $((rss / 1024)) MiB}"
}

# expect_error NAME WANT -- COMMAND...: exit 2 with "stridewalk: error: WANT..." and no model.
expect_error() {
  local name=$1 want=$2
  shift 3
  run "$name" -- "$@"
  [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2: $out"
  case $out in "stridewalk: error: $want"*) pass "$name: $out" ;;
  *) fail "$name: expected 'stridewalk: error: $want...', got: $out" ;; esac
  [ ! -e "$T/m.db" ] || { fail "$name: created the model"; rm -f "$T"/m.db*; }
}

rss_below() { # NAME MIB: the last run's peak RSS stayed under MIB (when it could be measured)
  [ -z "$rss" ] || [ "$rss" -lt $(($2 * 1024)) ] || fail "$1: peak RSS $((rss / 1024)) MiB, over $2 MiB"
}

# --- the 64 MiB input limit ------------------------------------------------------------------
truncate -s 65M "$T/huge.yaml" # sparse: costs no disk
expect_error "65 MiB file" "$T/huge.yaml: file is larger than the limit of 64 MiB" -- \
  "$SW_BINARY" import "$T/m.db" "$T/huge.yaml"
rss_below "65 MiB file (refused before reading)" 64
expect_error "70 MiB from a pipe" "/dev/stdin: file is larger than the limit of 64 MiB" -- \
  bash -c 'head -c 70M /dev/zero | "$0" import "$1" /dev/stdin' "$SW_BINARY" "$T/m.db"
rss_below "70 MiB from a pipe" 400

# --- a large model under the limit -----------------------------------------------------------
awk -v n="$ELEMENTS" -v dl="$DESC" 'BEGIN {
  d = ""; for (i = 0; i < dl; i++) d = d "x";
  print "stridewalk: 1"; print "name: Large"; print "boundaries:"; print "  - { id: aws, name: AWS }"
  print "elements:"
  for (i = 1; i <= n; i++)
    printf "  - { id: fn-%d, kind: process, type: aws.lambda, name: Function %d, boundary: aws, description: \"%s\" }\n", i, i, d
}' >"$T/large.yaml"
size=$(($(stat -c %s "$T/large.yaml") / 1048576))
run "import of $ELEMENTS elements ($size MiB)" -- "$SW_BINARY" import "$T/large.db" "$T/large.yaml"
[ "$rc" -eq 0 ] && grep -q "$((ELEMENTS + 1)) elements" "$T/stdout" &&
  pass "$ELEMENTS elements imported" || fail "import of $ELEMENTS elements: exit $rc: $out"
run "export of $ELEMENTS elements" -- "$SW_BINARY" export "$T/large.db" --format yaml
[ "$rc" -eq 0 ] && [ "$(grep -c '^- id: fn-' "$T/stdout")" -eq "$ELEMENTS" ] &&
  pass "$ELEMENTS elements exported" || fail "export of $ELEMENTS elements: exit $rc: $out"
rm -f "$T"/large.*

# --- a 10,000-character title ----------------------------------------------------------------
title=$(head -c 10000 /dev/zero | tr '\0' 'T')
printf 'stridewalk: 1\nname: Long title\nelements:\n  - { id: fn, kind: process, type: aws.lambda, name: F }\nthreats:\n  - { id: T-0001, element: fn, stride: [S], title: "%s", likelihood: 3, impact: 3, status: open }\n' \
  "$title" >"$T/title.yaml"
run "10,000-character title" -- "$SW_BINARY" import "$T/title.db" "$T/title.yaml"
[ "$rc" -eq 0 ] || fail "10,000-character title: exit $rc: $out"
"$SW_BINARY" export "$T/title.db" --format yaml -o "$T/title-1.yaml" &&
  "$SW_BINARY" import "$T/title2.db" "$T/title-1.yaml" >/dev/null &&
  "$SW_BINARY" export "$T/title2.db" --format yaml -o "$T/title-2.yaml" || fail "10,000-character title: round trip failed"
grep -q -F "title: $title" "$T/title-1.yaml" && cmp -s "$T/title-1.yaml" "$T/title-2.yaml" &&
  pass "10,000-character title kept whole through export and import" ||
  fail "10,000-character title: not kept whole through export yaml -> import -> export yaml"
for fmt in md json csv; do
  "$SW_BINARY" export "$T/title.db" --format "$fmt" >/dev/null 2>"$T/stderr" ||
    fail "10,000-character title: export --format $fmt: $(cat "$T/stderr")"
done

# --- nesting 100,000 deep --------------------------------------------------------------------
{ printf 'stridewalk: 1\nname: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } >"$T/deep.yaml"
expect_error "YAML nested 100,000 deep" "$T/deep.yaml:2:" -- "$SW_BINARY" import "$T/m.db" "$T/deep.yaml"
case $out in *"nesting deeper than 64 levels"*) ;; *) fail "deep YAML: the message does not name the limit" ;; esac
rss_below "YAML nested 100,000 deep" 200
{ printf '{"summary": {"title": "x"}, "detail": '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo '}'; } >"$T/deep.json"
expect_error "JSON nested 100,000 deep" "$T/deep.json:1:" -- "$SW_BINARY" import "$T/m.db" "$T/deep.json"
case $out in *"nesting deeper than 128 levels"*) ;; *) fail "deep JSON: the message does not name the limit" ;; esac
rss_below "JSON nested 100,000 deep" 200

# --- NUL bytes ---------------------------------------------------------------------------------
printf 'stridewalk: 1\nname: a\0b\n' >"$T/nul.yaml"
expect_error "NUL in YAML" "$T/nul.yaml:2:8: NUL byte in a text file" -- "$SW_BINARY" import "$T/m.db" "$T/nul.yaml"
printf '{"summary": {"title": "a\0b"}}' >"$T/nul.json"
expect_error "NUL in JSON" "$T/nul.json:1:25: NUL byte in a text file" -- "$SW_BINARY" import "$T/m.db" "$T/nul.json"
printf 'id: x\ntitle: \0\n' >"$T/nulq.yaml"
run "NUL in a questionnaire" -- "$SW_BINARY" lint "$T/nulq.yaml"
[ "$rc" -eq 2 ] && grep -q -F "$T/nulq.yaml:2:8: NUL byte" "$T/stderr" "$T/stdout" &&
  pass "NUL in a questionnaire: lint names file:line:col" || fail "NUL in a questionnaire: exit $rc: $out"

# --- a mapping with 100,000 keys: must fail fast, not in quadratic time ----------------------
awk 'BEGIN { print "stridewalk: 1"; print "name: Keys"; for (i = 0; i < 100000; i++) printf "k%d: 1\n", i }' >"$T/keys.yaml"
# (A linear check takes well under a second even under ASan; a quadratic one, minutes.)
LIMIT_SECS=20 expect_error "mapping with 100,000 keys" "$T/keys.yaml:3:1:" -- \
  "$SW_BINARY" import "$T/m.db" "$T/keys.yaml"
[ "$rc" -ne 124 ] || echo "   (the duplicate-key check in tree_yaml.c is quadratic in the keys of a mapping)"

finish
