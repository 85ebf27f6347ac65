#!/usr/bin/env bash
# A whole workshop, compressed, in a real terminal of 132x40: eight people, the agenda from
# context through wrap-up and the end of the session, an entity, a process, a store and a flow
# walked, the core questions of a pack answered, a suggestion accepted from the walk, every
# participant's dots, a mitigation with an owner. Then SIGKILL: everything the screen showed as
# saved must be in the model, and the report must show the session, the tally and the heat map.
. "$(dirname "$0")/../cli/lib.bash"
S="stridewalk-rehearsal-$$"
M="$T/payslips.db"
. "$(dirname "$0")/tmux.bash"

"$SW" new "$M" --template hr-payslips >/dev/null 2>&1 || fail "new model from the hr-payslips template"
tm new-session -d -s "$S" -x 132 -y 40 \
  "exec env TERM=xterm-256color LANG=C.UTF-8 STRIDEWALK_USER=laptop-login XDG_CONFIG_HOME=$T/config '$SW' '$M'"
wait_for 'Overview'
pass "the UI opens at 132x40"

# Eight people, one of them facilitating; accented, CJK and long names among them
people=("Priya facilitator" "Sam developer" "Jo architect" "Alex \"security champion\""
        "\"José María\" \"product owner\"" "王小明 developer" "\"Zoë Ångström\" tester"
        "\"Nnamdi Okonkwo-Adebayo\" ops")
for p in "${people[@]}"; do cmd "participant $p"; wait_for 'saved participant'; done
keys 'S'; wait_for 'Participants (8)'
screen | grep -qF 'Nnamdi Okonkwo-Adebayo' && screen | grep -qF '王小明' &&
  pass "the Session screen lists all eight" || fail "someone is missing from the Session screen"

# The agenda: the first phase starts session 1, facilitated by the participant, not the login
keys '>'; wait_for 'phase context started'
screen | grep -qF 'facilitated by Priya' && pass "Priya facilitates, not the OS login" ||
  fail "the facilitator is not the participant"
cmd 'packs identity'; wait_for 'this session asks'
keys '>'; wait_for 'phase walk started'

# The walk: an entity, a process, a store and a flow
cmd 'goto employee'; wait_for 'Employee'
cmd 'speaker Jo'; wait_for 'speaker: Jo'
cmd 'letter S'
keys 't'; answer 'Phished employee signs in from a look-alike page'
wait_for 'saved T-0001'
keys '4' '3'; wait_for 'likelihood 4 x impact 3'
keys 'n'; answer ''; wait_for 'saved: nothing else for'
cmd 'goto payslip-fn'; wait_for 'Get payslip function'
cmd 'speaker Sam'; wait_for 'speaker: Sam'
cmd 'letter E'
keys 't'; answer 'Function role can read every payslip'; wait_for 'saved T-0002'
keys '5' '5'; wait_for '= 25, critical'
cmd 'goto payslip-bucket'; wait_for 'Payslip bucket'
cmd 'letter D'
keys 'n'; answer 'S3 scales; the API throttles'; wait_for 'saved: nothing found for'
cmd 'goto get-payslip'
cmd 'letter I'
keys 't'; answer 'Presigned URL logged by the proxy'; wait_for 'saved T-0003'

# The core questions of the chosen pack, then a suggestion accepted from the walk
cmd 'goto payslip-fn'
keys 'Q'; wait_for '(core; A asks the rest)'
keys '1'; wait_for 'saved "Platform identity only"'
keys 'y'; wait_for 'saved "yes"'
keys 'W'; wait_for 'Get payslip function'
cmd 'answer identity/role-per-function no'; wait_for 'suggested threat'
cmd 'accept'; wait_for 'from the answer, with its mitigations'

# Prioritise: every participant gives their dots
keys '>'; wait_for 'phase prioritise started'
keys 'P'; wait_for 'Ranked by votes'
for p in Priya Sam Jo Alex José 王小明 Zoë Nnamdi; do
  cmd "speaker $p"; wait_for "speaker: "
  keys 'g' 'v'; wait_for 'gives T-'
done
screen | grep -qF 'Nnamdi Okonkwo-Adebayo ●' && pass "every voter's dots are on the screen" ||
  fail "a voter is missing on Prioritise"

# Wrap-up: a mitigation with an owner, then the end of the session
keys '>'; wait_for 'phase wrap-up started'
cmd 'mitigate T-0002 One least-privilege role per function'; wait_for 'saved M-'
keys 'K'; wait_for 'mitigations'
cmd 'owner M-0001 Sam'; wait_for 'owner Sam'
keys '>'; wait_for 'End session 1'
answer 'yes'; wait_for 'session 1 ended after'

# The power goes: nothing shown as saved may be lost
pid=$(tm list-panes -t "$S" -F '#{pane_pid}')
kill -9 "$pid"
sleep 0.3
tm kill-session -t "$S" 2>/dev/null

"$SW" export "$M" --format yaml >"$T/out" 2>&1 || fail "export after the kill"
for p in Priya Sam Jo Alex "José María" 王小明 "Zoë Ångström" "Nnamdi Okonkwo-Adebayo"; do
  contains "participant $p kept" "name: $p"
done
contains "threat on the entity kept" "title: Phished employee signs in from a look-alike page"
contains "its rating kept" "likelihood: 4"
contains "threat on the flow kept" "title: Presigned URL logged by the proxy"
contains "the cell closed after its threat" "reason: nothing else found"
contains "the decision on the store kept" "reason: S3 scales; the API throttles"
contains "the accepted suggestion keeps its provenance" "provenance: identity/role-per-function = no"
contains "the mitigation's owner kept" "owner: Sam"
contains "the session ended" "ended:"
contains "the session's packs kept" "packs: [identity]"
votes=$(grep -c 'participant: ' "$T/out")
[ "$votes" -ge 8 ] && pass "eight participants voted ($votes votes)" || fail "only $votes votes kept"

"$SW" report "$M" >"$T/out" 2>&1 || fail "report after the kill"
contains "the report names the facilitator" "Priya"
contains "the report gives the session's duration and phases" "wrap-up: planned 5 min, took"
contains "the report has the heat map" "Likelihood"
contains "the report tallies the people" "Nnamdi Okonkwo-Adebayo"
finish
