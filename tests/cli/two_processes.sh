#!/usr/bin/env bash
# Two processes on one model - a facilitator and a scribe (README, "Reliability and security").
# 1. Two writers change the model at the same time through app.h (tests/tools/saver.c, which
#    refreshes before each change as the UI does): no corruption, every change reported as
#    saved is there - none overwritten by the other writer - and no failure is silent.
# 2. A write that cannot get the lock within the busy timeout (5 s) fails with "locked by
#    another stridewalk" and exit 2, changes nothing, and readers are never blocked.
. "$(dirname "$0")/lib.bash"
: "${SW_SAVER:?set SW_SAVER to tests/sw_saver (the build sets it)}"
: "${SW_DBCHECK:?set SW_DBCHECK to tests/sw_dbcheck (the build sets it)}"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
OPS=${SW_TWO_PROCESS_OPS:-150}
at_exit 'kill $(jobs -p) 2>/dev/null' # a writer still waiting for the lock

M=$T/m.db
"$SW_BINARY" new "$M" --template hello-lambda >/dev/null || exit 1

# --- 1. two writers at once ------------------------------------------------------------------
"$SW_SAVER" "$M" facilitator "$OPS" >"$T/a.out" 2>"$T/a.err" &
a=$!
"$SW_SAVER" "$M" scribe "$OPS" >"$T/b.out" 2>"$T/b.err" &
b=$!
wait "$a"; rca=$?
wait "$b"; rcb=$?
[ "$rca" -eq 0 ] && [ "$rcb" -eq 0 ] ||
  fail "a writer failed (exit $rca, $rcb): $(cat "$T/a.err" "$T/b.err")"
[ "$("$SW_DBCHECK" "$M" 2>&1)" = ok ] && pass "integrity_check after two writers" ||
  fail "integrity_check: $("$SW_DBCHECK" "$M" 2>&1)"
export=$("$SW_BINARY" export "$M" --format yaml) || fail "the model does not reopen"
for who in facilitator scribe; do
  want=$(sed -n "s/^saved \($who-[0-9]*\)\$/\1/p" "$T/$( [ $who = facilitator ] && echo a || echo b).out" |
    awk -F- '$2 % 3 == 1' | sort)
  have=$(sed -n "s/^  title: \($who-[0-9]*\)\$/\1/p" <<<"$export" | sort)
  lost=$(comm -23 <(echo "$want") <(echo "$have"))
  if [ -z "$lost" ]; then
    pass "$who: all $(echo "$want" | wc -l) threats reported as saved are there"
  else
    fail "$who: $(echo "$lost" | wc -l) threats reported as saved were lost (overwritten by the other writer?): $(echo $lost | cut -c1-200)"
  fi
done
retries=$(cat "$T/a.out" "$T/b.out" | grep -c '^retry')
echo "($retries changes were refused once because the other writer committed first, and repeated)"

# --- 2. a writer that cannot get the lock ----------------------------------------------------
before=$("$SW_BINARY" export "$M" --format yaml)
coproc HOLD { exec "$SW_DBCHECK" --hold-lock 9 "$M"; }
read -r -t 10 line <&"${HOLD[0]}"
[ "${line:-}" = locked ] || fail "could not take the lock for the test"
start=$(date +%s%N)
"$SW_BINARY" import "$M" "$SW_SOURCE_DIR/templates/api-crud.yaml" --replace >"$T/imp.out" 2>&1 &
imp=$!
"$SW_SAVER" "$M" blocked 1 >"$T/blocked.out" 2>/dev/null &
sav=$!
# Readers go on while the writer waits: WAL readers never block on the write lock.
"$SW_BINARY" export "$M" --format yaml >/dev/null 2>&1 && pass "export while another process holds the write lock" ||
  fail "export blocked or failed while the write lock was held"
wait "$imp"; rc=$?
elapsed=$((($(date +%s%N) - start) / 1000000))
out=$(cat "$T/imp.out")
[ "$rc" -eq 2 ] || fail "locked import: exit $rc, expected 2: $out"
case $out in
"stridewalk: error: $M: "*"locked by another stridewalk"*) pass "locked import after ${elapsed} ms: $out" ;;
*) fail "locked import: unclear message: $out" ;;
esac
[ "$elapsed" -ge 4500 ] || fail "locked import gave up after $elapsed ms, before the 5 s busy timeout"
wait "$sav"; rc=$?
[ "$rc" -eq 3 ] && grep -q '^failed blocked-1: .*locked by another stridewalk' "$T/blocked.out" &&
  pass "locked change reported: $(cat "$T/blocked.out")" ||
  fail "a change that could not get the lock was not reported (exit $rc): $(cat "$T/blocked.out")"
wait "$HOLD_PID" 2>/dev/null
[ "$("$SW_BINARY" export "$M" --format yaml)" = "$before" ] && pass "the model is unchanged" ||
  fail "the model changed although every write was refused"
"$SW_SAVER" "$M" after 3 >/dev/null && pass "writes work again once the lock is free" ||
  fail "cannot write after the lock was released"

finish
