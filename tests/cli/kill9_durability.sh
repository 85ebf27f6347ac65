#!/usr/bin/env bash
# kill -9 at random moments loses nothing that was reported as saved (README, "Reliability and security").
# sw_saver (tests/tools/saver.c) makes committed changes through app.h one at a time - add a
# threat, set the description, decide a coverage cell - and prints "saved NAME-i" only after
# each commit. It is SIGKILLed KILLS times (default 50) at random moments, from start-up to
# mid-run; after every kill the model must pass PRAGMA integrity_check, reopen (export), and
# hold every change reported as saved - and at most one more, the one in flight.
# Its UI counterpart, a scripted workshop killed mid-way, is tests/cli/ui_kill9.sh.
. "$(dirname "$0")/lib.bash"
: "${SW_SAVER:?set SW_SAVER to tests/sw_saver (the build sets it)}"
: "${SW_DBCHECK:?set SW_DBCHECK to tests/sw_dbcheck (the build sets it)}"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
KILLS=${SW_KILLS:-50}

M=$T/m.db
"$SW_BINARY" new "$M" --template hello-lambda >/dev/null || exit 1
: >"$T/saved-threats" # every threat title reported as saved, over all rounds

last_saved() { # the i of the last complete "saved NAME-i" line
  local n=0 line
  while IFS= read -r line; do
    case $line in "saved $1-"*) n=${line#"saved $1-"} ;; esac
  done <"$2"
  echo "$n"
}

# check_round NAME N: the model after a kill that came after NAME-N was reported as saved.
check_round() {
  local name=$1 n=$2 export i j ok missing
  [ "$("$SW_DBCHECK" "$M" 2>&1)" = ok ] || { fail "$name: integrity_check: $("$SW_DBCHECK" "$M" 2>&1)"; return; }
  export=$("$SW_BINARY" export "$M" --format yaml 2>&1) || { fail "$name: does not reopen: $export"; return; }
  for ((i = 1; i <= n; i++)); do
    ((i % 3 == 1)) && echo "$name-$i"
  done >>"$T/saved-threats"
  missing=$(comm -23 <(sort "$T/saved-threats") \
    <(sed -n 's/^  title: //p' <<<"$export" | sort))
  [ -z "$missing" ] || fail "$name: threats reported saved but missing: $missing"
  # Nothing beyond the one change that may have committed just before the kill.
  if grep -q -E "(title|description|reason): $name-($((n + 2))|$((n + 3)))\$" <<<"$export"; then
    fail "$name: holds changes beyond $name-$((n + 1))"
  fi
  # The last description and decision reported as saved, or the one in flight.
  for kind in 2:description: 0:'  reason:'; do
    j=$n
    while ((j > 0 && j % 3 != ${kind%%:*})); do j=$((j - 1)); done
    ((j > 0)) || continue
    ok=$(grep -c -x -E "${kind#*:} ($name-$j|$name-$((n + 1)))" <<<"$export")
    [ "$ok" -ge 1 ] || fail "$name: ${kind#*:} $name-$j was reported saved but is not there"
  done
}

total=0
for ((k = 1; k <= KILLS; k++)); do
  "$SW_SAVER" "$M" "k$k" >"$T/out" 2>"$T/err" &
  pid=$!
  # 0-249 ms: start-up (the first ~50-100 ms under sanitizers) as well as mid-run.
  sleep "0.$(printf '%03d' $((RANDOM % 250)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  grep -q '^failed' "$T/out" && fail "k$k: the saver reported a failure: $(grep '^failed' "$T/out")"
  n=$(last_saved "k$k" "$T/out")
  total=$((total + n))
  check_round "k$k" "$n"
done
[ "$failures" -eq 0 ] &&
  pass "$KILLS kills, $total changes reported as saved, $(wc -l <"$T/saved-threats") threats checked"
finish
