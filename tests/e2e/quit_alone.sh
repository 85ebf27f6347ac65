#!/usr/bin/env bash
# A sentence typed without its `t` ("quit storing secrets in env") must not quit the workshop
# and hand the rest of the sentence to the shell on the projector: `q` quits only when it is
# pressed alone. In a real terminal (tmux): the typed sentence leaves the UI open and says why;
# a `q` on its own then quits, and the shell gets none of the sentence.
set -u
: "${SW_BINARY:?set SW_BINARY to the stridewalk binary}"
: "${SW_SOURCE_DIR:?set SW_SOURCE_DIR to the source tree}"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
unset STRIDEWALK_NO_DISPLAY STRIDEWALK_SCRIPT
command -v tmux >/dev/null || { echo "skip: tmux is not installed"; exit 0; }

T=$(mktemp -d "${TMPDIR:-/tmp}/sw-quit.XXXXXX")
SOCK=sw-quit-$$
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

"$SW_BINARY" new "$T/m.db" --template hello-lambda >/dev/null || exit 1
tm new-session -d -s sw -x 104 -y 30 "env PS1='READY\$ ' TERM=xterm-256color bash --norc --noprofile"
wait_for '^READY\$' || { echo "tmux did not start a shell" >&2; exit 1; }
tm send-keys -t sw "\"$SW_BINARY\" \"$T/m.db\"; echo \"EXIT=\$?\"" Enter
sleep 1
tm send-keys -t sw W
sleep 0.3
tm send-keys -t sw -l "quit storing secrets in env"
if wait_for "q quits when pressed alone" 5; then
  ok "a typed sentence starting with q leaves the workshop open"
else
  fail "the sentence did not say why it was refused:"
  tm capture-pane -p -t sw >&2
fi
sleep 0.6 # a pause ends the burst
tm send-keys -t sw q
if wait_for "EXIT=0" 5; then
  ok "q alone quits"
else
  fail "q alone did not quit:"
  tm capture-pane -p -t sw >&2
fi
tm capture-pane -p -t sw | grep -q "storing secrets" && tm capture-pane -p -t sw | grep -q "^READY.*uit" &&
  fail "the shell got the rest of the sentence"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
