#!/usr/bin/env bash
# Text typed into nothing (a title without its `t`) must not run as commands that do harm, in a
# real terminal (tmux): "quit storing secrets in env" must not quit and hand the rest of the
# sentence to the shell on the projector (q quits only when pressed alone), and "Secrets in env
# vars" must not rename a participant (S changes the screen; the e that comes with it is
# refused, and the guard takes the rest).
. "$(dirname "$0")/../cli/lib.bash"
S="stridewalk-typed-$$"
. "$(dirname "$0")/tmux.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
unset STRIDEWALK_NO_DISPLAY STRIDEWALK_SCRIPT

"$SW" new "$T/m.db" --template hello-lambda >/dev/null || exit 1
tm new-session -d -s "$S" -x 104 -y 30 "env PS1='READY\$ ' TERM=xterm-256color bash --norc --noprofile"
wait_for 'READY$' || exit 1
keys "'$SW' '$T/m.db'; echo \"EXIT=\$?\"" Enter
wait_for 'Overview' || exit 1
cmd 'participant Bartholomew Okonkwo, security champion'
wait_for 'saved participant Bartholomew' || exit 1
keys W
wait_for 'capture a threat' || exit 1
keys -l 'Secrets in env vars'
wait_for 'e came with the screen change' && pass "typed text does not open a rename"
sleep 0.6
"$SW" export "$T/m.db" --format yaml 2>/dev/null | grep -q 'name: Bartholomew Okonkwo$' &&
  pass "the participant keeps their name" || fail "the participant was renamed"
keys W
wait_for 'capture a threat' || exit 1
keys -l 'quit storing secrets in env'
wait_for 'q quits when pressed alone' && pass "a typed sentence starting with q leaves the workshop open"
sleep 0.6 # a pause ends the burst
keys q
wait_for 'EXIT=0' && pass "q alone quits"
screen | grep -q '^READY\$ uit' && fail "the shell got the rest of the sentence:" && screen >&2

finish
