#!/usr/bin/env bash
# kill -9 of the workshop UI at random moments loses nothing it showed as saved (README,
# "Reliability and security"). The headless UI (STRIDEWALK_NO_DISPLAY) runs a workshop script that captures one
# threat after another on the walk screen (:threat TEXT) and, after each, saves the screen
# (:save-screen, written atomically) - the record of what the UI showed. The UI is SIGKILLed
# KILLS times (default 50) at random moments; after each kill every screen that says
# "saved T-...: TITLE" must have its threat in the model, the model must pass
# PRAGMA integrity_check and reopen.
. "$(dirname "$0")/lib.bash"
: "${SW_DBCHECK:?set SW_DBCHECK to tests/sw_dbcheck (the build sets it)}"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR STRIDEWALK_NO_DISPLAY=1
unset STRIDEWALK_SCRIPT
KILLS=${SW_KILLS:-50}

M=$T/m.db
"$SW_BINARY" new "$M" --template hello-lambda >/dev/null || exit 1
mkdir "$T/shown"
: >"$T/shown-titles"
shown_total=0

for ((k = 1; k <= KILLS; k++)); do
  {
    echo "# round $k: capture threats until killed"
    echo W
    for ((i = 1; i <= 300; i++)); do
      echo ":threat k$k-$i"
      echo ":save-screen $T/shown/k$k-$i.txt"
    done
    echo q
  } >"$T/script"
  STRIDEWALK_SCRIPT=$T/script "$SW_BINARY" "$M" >/dev/null 2>"$T/err" &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 400)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # What the screens showed as saved (a screen is written whole or not at all).
  for f in "$T"/shown/k$k-*.txt; do
    [ -e "$f" ] || continue
    sed -n "s/.*saved T-[0-9]*: \(k$k-[0-9]*\) *\$/\1/p" "$f" | tail -n 1
  done >>"$T/shown-titles"
  [ "$("$SW_DBCHECK" "$M" 2>&1)" = ok ] || fail "k$k: integrity_check: $("$SW_DBCHECK" "$M" 2>&1)"
  export=$("$SW_BINARY" export "$M" --format yaml 2>&1) || { fail "k$k: does not reopen: $export"; continue; }
  missing=$(comm -23 <(sort -u "$T/shown-titles") <(sed -n 's/^  title: //p' <<<"$export" | sort -u))
  [ -z "$missing" ] || fail "k$k: shown as saved but missing from the model: $missing"
  grep -q 'ERROR: AddressSanitizer\|runtime error' "$T/err" && fail "k$k: $(cat "$T/err")"
done
shown_total=$(sort -u "$T/shown-titles" | wc -l)
[ "$shown_total" -gt 0 ] || fail "no screen ever showed a saved threat: is the script still right for the UI?"
[ "$failures" -eq 0 ] && pass "$KILLS kills; $shown_total threats shown as saved, all of them in the model"
finish
