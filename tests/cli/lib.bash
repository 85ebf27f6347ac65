# Shared helpers for the shell tests: a scratch directory, assertions, and the binary under test.
set -u
: "${SW_BINARY:?run through ctest}"
: "${SW_SOURCE_DIR:?run through ctest}"
SW=$SW_BINARY
T=$(mktemp -d "${TMPDIR:-/tmp}/stridewalk-cli-XXXXXX")
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

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

finish() {
  if [ "$failures" -ne 0 ]; then echo "$failures failed, 0 passed"; exit 1; fi
  exit 0
}
