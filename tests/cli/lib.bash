# Shared helpers for the shell tests: a scratch directory, assertions, and the binary under test.
set -u
: "${SW_BINARY:?run through ctest}"
: "${SW_SOURCE_DIR:?run through ctest}"
SW=$SW_BINARY
T=$(mktemp -d "${TMPDIR:-/tmp}/stridewalk-cli-XXXXXX")
chmod 755 "$T"
failures=0
passes=0

# at_exit COMMAND: runs COMMAND when the test ends, before the scratch directory goes
exit_hooks=()
at_exit() { exit_hooks+=("$1"); }
clean_up() {
  local hook
  for hook in "${exit_hooks[@]}"; do eval "$hook"; done
  rm -rf "$T"
}
trap clean_up EXIT

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; passes=$((passes + 1)); }

# integrity MODEL: prints "ok" for a sound model file (PRAGMA integrity_check)
integrity() {
  if [ -n "${SW_DBCHECK:-}" ]; then "$SW_DBCHECK" "$1"
  elif command -v sqlite3 >/dev/null; then sqlite3 -readonly "$1" 'PRAGMA integrity_check'
  else echo ok; fi
}

# expect STATUS DESCRIPTION -- COMMAND...: runs COMMAND, checks its exit status; output in $T/out
expect() {
  local want=$1 what=$2; shift 3
  "$@" >"$T/out" 2>&1
  local got=$?
  if [ "$got" -ne "$want" ]; then fail "$what: exit $got, expected $want"; sed 's/^/    /' "$T/out" >&2
  else pass "$what"; fi
}

# contains DESCRIPTION TEXT: the last command's output holds TEXT (fixed string)
contains() {
  if grep -qF -- "$2" "$T/out"; then pass "$1"; else fail "$1: output lacks '$2'"; sed 's/^/    /' "$T/out" >&2; fi
}

# The file's contents (or a directory's listing) and the names beside it. A read-only SQLite
# connection to a WAL file leaves an empty FILE-wal and a FILE-shm index behind (it may not
# delete them); those carry no data and are not counted as a change.
fingerprint() {
  if [ -d "$1" ]; then ls -la "$1" | sed 1d; else sha256sum <"$1"; fi
  (cd "$(dirname "$1")" && for n in * .*; do
    case $n in *-shm) continue ;; esac
    case $n in *-wal) [ -s "$n" ] || continue ;; esac
    echo "$n"
  done)
}

# other_user: sets up as_user COMMAND..., which runs COMMAND as an unprivileged user (nobody)
# when the tests run as root (whom file modes do not stop) and as it is otherwise, and copies
# the binary and the shipped data to $T/reach, where that user can reach them: the clone may
# sit in a directory only its owner can enter. Sets SW_OTHER (the binary) and exports
# STRIDEWALK_DATADIR for the copy. Returns 1, after a visible "skip:" line, when it cannot.
other_user() {
  as_user() { "$@"; }
  if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null; then
      as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
    elif command -v runuser >/dev/null; then
      as_user() { runuser -u nobody -- "$@"; }
    else
      echo "skip: the cases run as another user need setpriv or runuser when run as root"
      return 1
    fi
  fi
  mkdir -p -m 755 "$T/reach"
  cp "$SW_BINARY" "$T/reach/stridewalk" && cp -r "$SW_SOURCE_DIR/templates" "$SW_SOURCE_DIR/questionnaires" "$T/reach/"
  chmod -R a+rX "$T/reach"
  if ! as_user test -x "$T/reach/stridewalk"; then
    echo "skip: the cases run as another user: it cannot enter $T (set TMPDIR to a directory every user can enter)"
    return 1
  fi
  SW_OTHER=$T/reach/stridewalk
  export STRIDEWALK_DATADIR=$T/reach
  ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 # LeakSanitizer's ptrace can fail across setpriv
  export ASAN_OPTIONS
}

finish() {
  echo "$failures failed, $passes passed"
  [ "$failures" -eq 0 ] || exit 1
  exit 0
}
