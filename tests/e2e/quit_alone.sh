#!/usr/bin/env bash
# A sentence typed without its `t` ("quit storing secrets in env") must not quit the workshop
# and hand the rest of the sentence to the shell on the projector: `q` quits only when it is
# pressed alone. In a real terminal (tmux): the typed sentence leaves the UI open and says why;
# a `q` on its own then quits, and the shell gets none of the sentence.
. "$(dirname "$0")/../cli/lib.bash"
S="stridewalk-quit-$$"
. "$(dirname "$0")/tmux.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
unset STRIDEWALK_NO_DISPLAY STRIDEWALK_SCRIPT

"$SW" new "$T/m.db" --template hello-lambda >/dev/null || exit 1
tm new-session -d -s "$S" -x 104 -y 30 "env PS1='READY\$ ' TERM=xterm-256color bash --norc --noprofile"
wait_for 'READY$' || exit 1
keys "'$SW' '$T/m.db'; echo \"EXIT=\$?\"" Enter
wait_for 'Overview' || exit 1
keys W
wait_for 'capture a threat' || exit 1
keys -l 'quit storing secrets in env'
wait_for 'q quits when pressed alone' && pass "a typed sentence starting with q leaves the workshop open"
sleep 0.6 # a pause ends the burst
keys q
wait_for 'EXIT=0' && pass "q alone quits"
screen | grep -q '^READY\$ uit' && fail "the shell got the rest of the sentence:" && screen >&2

finish
