# What the tmux-driven workshop tests share: a private tmux server, reading the screen, waiting
# for text on it, and typing the way a person would. Source after ../cli/lib.bash, with S set
# to the session's name.
command -v tmux >/dev/null || { echo "tmux is missing: run scripts/setup"; exit 1; }

SOCK="$T/tmux.sock"
tm() { tmux -S "$SOCK" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

screen() { tm capture-pane -p -t "$S"; }

# wait_for TEXT: until the screen shows TEXT (fixed string), or fail after ten seconds
wait_for() {
  local i
  for i in $(seq 1 100); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "the screen never showed '$1'"; screen | sed 's/^/    | /' >&2
  return 1
}

keys() { tm send-keys -t "$S" "$@"; }
# cmd TEXT: a ':' command, typed the way a person would
cmd() { keys ':'; wait_for 'Enter accept'; keys -l "$1"; keys Enter; }
# answer TEXT: types into the prompt that is open and presses Enter
answer() { wait_for 'Enter accept'; keys -l "$1"; keys Enter; }
