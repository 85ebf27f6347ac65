#!/usr/bin/env bash
# SIGTERM, SIGINT and SIGHUP (a dropped SSH link) restore the terminal and lose nothing
# (README, "Reliability and security"). In a real terminal (tmux), a shell runs the workshop UI; a threat is
# captured and shown as saved; then the UI gets the signal. It must exit, give the terminal
# back as it found it (stty settings equal, the normal screen back, the shell usable), and
# the threat must be in the model. SIGHUP is sent twice over: to the process alone, and by
# closing the terminal under it (tmux kill-pane), as a dropped connection would.
set -u
: "${SW_BINARY:?set SW_BINARY to the stridewalk binary}"
: "${SW_SOURCE_DIR:?set SW_SOURCE_DIR to the source tree}"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
unset STRIDEWALK_NO_DISPLAY STRIDEWALK_SCRIPT
command -v tmux >/dev/null || { echo "skip: tmux is not installed"; exit 0; }

T=$(mktemp -d "${TMPDIR:-/tmp}/sw-signals.XXXXXX")
SOCK=sw-signals-$$
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# wait_for REGEX [SECONDS]: until the pane shows a line matching REGEX
wait_for() {
  local i
  for ((i = 0; i < ${2:-20} * 10; i++)); do
    tm capture-pane -p -t sw | grep -q -E -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# A shell in an 80x24 terminal, with a prompt we can recognise.
tm new-session -d -s sw -x 80 -y 24 "env PS1='READY\$ ' TERM=xterm-256color bash --norc --noprofile"
wait_for '^READY\$' || { echo "tmux did not start a shell" >&2; exit 1; }
tm send-keys -t sw "stty -a > $T/stty-before" Enter

# one_signal SIG HOW: HOW is "kill" (kill -SIG the UI) or "close" (kill the pane: SIGHUP).
one_signal() {
  local sig=$1 how=$2 pid shell target title m
  title="survives $sig by $how"
  m=$T/$sig-$how.db
  "$SW_BINARY" new "$m" --template hello-lambda >/dev/null || return
  if [ "$how" = close ]; then
    tm new-window -d -t sw -n closing "env TERM=xterm-256color bash --norc --noprofile -c '\"$SW_BINARY\" \"$m\"'"
    target=sw:closing
  else
    tm send-keys -t sw clear Enter
    tm send-keys -t sw "\"$SW_BINARY\" \"$m\"; echo \"EXIT=\$?\"; stty -a > $T/stty-after" Enter
    target=sw
  fi
  # Capture a threat on the walk screen and wait until the screen says it is saved.
  sleep 1
  tm send-keys -t "$target" W
  tm send-keys -t "$target" t
  tm send-keys -t "$target" -l "$title"
  tm send-keys -t "$target" Enter
  local i shown=
  for ((i = 0; i < 100; i++)); do
    tm capture-pane -p -t "$target" | grep -q "saved T-[0-9]*: $title" && { shown=1; break; }
    sleep 0.1
  done
  [ -n "$shown" ] || { fail "$sig/$how: the UI never showed the threat as saved:"; tm capture-pane -p -t "$target" >&2; }
  shell=$(tm display -p -t "$target" '#{pane_pid}')
  if [ "$how" = close ]; then
    tm kill-pane -t "$target" # the terminal goes away: the UI gets SIGHUP
    sleep 1
  else
    pid=$(pgrep -P "$shell" -x stridewalk) || { fail "$sig: no stridewalk process"; return; }
    kill -s "$sig" "$pid"
    if wait_for "EXIT=[0-9]+" 10; then # not the typed command line: that says EXIT=\$?
      sleep 0.3
      ok "$sig: the UI exited ($(tm capture-pane -p -t sw | grep -o -E 'EXIT=[0-9]+'))"
      cmp -s "$T/stty-before" "$T/stty-after" && ok "$sig: terminal settings restored" ||
        fail "$sig: terminal settings differ: $(diff "$T/stty-before" "$T/stty-after" | tr '\n' ' ')"
      [ "$(tm display -p -t sw '#{alternate_on}')" = 0 ] && ok "$sig: back on the normal screen" ||
        fail "$sig: still on the alternate screen"
      rm -f "$T/stty-after"
    else
      fail "$sig: the UI did not exit within 10 s"
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  "$SW_BINARY" export "$m" --format yaml 2>&1 | grep -q -F "title: $title" &&
    ok "$sig/$how: the threat shown as saved is in the model" ||
    fail "$sig/$how: the threat shown as saved was lost"
  pgrep -f -x "$SW_BINARY $m" >/dev/null && fail "$sig/$how: the UI is still running"
}

one_signal TERM kill
one_signal INT kill
one_signal HUP kill
one_signal HUP close

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
