#!/usr/bin/env bash
# A short workshop in a real terminal: the real binary runs in tmux on a model made from a
# template; participants are added, threats captured on two elements, a risky questionnaire
# answer's suggestion accepted, a cell marked "nothing found", votes given and the agenda
# started. Then the process is killed with SIGKILL, and everything the screen showed as saved
# must be in the model (export --format yaml) and on the screen when it is opened again.
. "$(dirname "$0")/../cli/lib.bash"
S="stridewalk-e2e-$$"
M="$T/payslips.db"
. "$(dirname "$0")/tmux.bash"

start() {
  tm new-session -d -s "$S" -x 80 -y 24 \
    "exec env TERM=xterm-256color LANG=C.UTF-8 STRIDEWALK_USER=facilitator XDG_CONFIG_HOME=$T/config '$SW' '$M'"
  wait_for 'Overview'
}

"$SW" new "$M" --template hr-payslips >/dev/null 2>&1 || fail "new model from the hr-payslips template"
start
pass "the UI opens in a real terminal"
screen | grep -qF 't capture a threat' && pass "the screen says how to capture a threat" ||
  fail "no capture hint on the first screen"

# people: one through the + key and its prompt, one by command
keys '+'; wait_for 'Add a participant'; keys -l 'Priya facilitator'; keys Enter
wait_for 'saved participant Priya as facilitator'
cmd 'participant Sam developer'; wait_for 'saved participant Sam as developer'
# the agenda
keys '>'; wait_for 'phase context started'
keys '>'; wait_for 'phase walk started'

# threats on two elements, raised by the speaker (Priya, the first participant)
cmd 'goto payslip-fn'; wait_for 'Get payslip function'
cmd 'letter S'
keys 't'; wait_for 'New threat on Get payslip function'
keys -l 'Forged JWT accepted by the function'; keys Enter
wait_for 'saved T-0001'
cmd 'goto payslip-bucket'; wait_for 'Payslip bucket'
keys 's'; wait_for 'speaker: Sam'
keys 't'; wait_for 'New threat on Payslip bucket'
keys -l 'Bucket readable by every function role'; keys Enter
wait_for 'saved T-0002'

# a cell considered with nothing found
cmd 'letter D'
keys 'n'; wait_for 'Nothing found for D'
keys -l 'S3 scales; requests are throttled by the API'; keys Enter
wait_for 'saved: nothing found for'

# a risky questionnaire answer and its suggestion accepted
cmd 'goto payslip-fn'
keys 'Q'; wait_for 'Question 1 of'
keys 'n'; wait_for 'Suggested threat 1 of'
keys 'a'; wait_for 'from the answer, with its mitigations'

# votes
keys 'P'; wait_for 'Ranked by votes'
keys 'v'; wait_for 'gives T-'
keys 'j' 'v'; wait_for '2 of 3 used)'

# the power goes: nothing shown as saved may be lost
pid=$(tm list-panes -t "$S" -F '#{pane_pid}')
kill -9 "$pid"
sleep 0.3
tm kill-session -t "$S" 2>/dev/null

"$SW" export "$M" --format yaml >"$T/out" 2>&1 || fail "export after the kill"
contains "participant Priya kept" "name: Priya"
contains "participant role kept" "role: developer"
contains "first threat kept" "title: Forged JWT accepted by the function"
contains "second threat kept" "title: Bucket readable by every function role"
contains "who raised it kept" "raised_by: Sam"
contains "the accepted suggestion keeps its provenance" "provenance: api-edge/object-authz = no"
contains "the none decision kept" "reason: S3 scales; requests are throttled by the API"
contains "the answer kept" "question: object-authz"
contains "votes kept" "participant: Sam"

# reopened: the session under way opens on its walk, and the board shows what was captured
start
screen | grep -qF '[Walk]' && pass "reopened on the walk, where the room was" ||
  { fail "reopened elsewhere than the walk:"; screen >&2; }
keys 'B'; wait_for 'sorted by'
screen | grep -qF 'Forged JWT accepted' && pass "reopened: the board shows the first threat" ||
  fail "reopened: the first threat is not on the board"
keys 'q'
sleep 1 # q alone quits once no more typing follows it
tm has-session -t "$S" 2>/dev/null && fail "q did not leave the UI" || pass "q leaves the UI"
finish
