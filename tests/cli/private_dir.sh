#!/usr/bin/env bash
# The suite passes wherever the clone is, also in a directory only its owner can enter (a
# `mktemp -d` folder, a 0700 home): the tests that run the binary as another user copy what
# it needs where that user can reach it, or skip those cases visibly. Shown here by running
# them from a copy of the tests and a copy of the binary inside such a directory. (.ci/run
# also runs the whole suite in a fresh clone under one, as root and as a normal user.)
. "$(dirname "$0")/lib.bash"

private=$(mktemp -d "${TMPDIR:-/tmp}/stridewalk-private-XXXXXX") # mode 0700
at_exit 'chmod -R u+rwX "$private" 2>/dev/null; rm -rf "$private"'
[ "$(stat -c %a "$private")" = 700 ] && pass "the directory is private (0700)" || fail "mode $(stat -c %a "$private")"
mkdir -p "$private/src/tests" "$private/build"
cp -r "$SW_SOURCE_DIR/tests/cli" "$SW_SOURCE_DIR/tests/fixtures" "$private/src/tests/"
cp -r "$SW_SOURCE_DIR/templates" "$SW_SOURCE_DIR/questionnaires" "$private/src/"
cp "$SW_BINARY" "$private/build/stridewalk"

for t in model_cli hostile_files; do
  out=$(cd "$private/src/tests" && SW_SOURCE_DIR="$private/src" SW_BINARY="$private/build/stridewalk" \
    STRIDEWALK_DATADIR="$private/src" bash "cli/$t.sh" 2>&1)
  rc=$?
  if [ "$rc" -eq 0 ]; then
    pass "$t passes from inside the private directory"
  else
    fail "$t fails from inside the private directory:"
    grep -E '^(FAIL|skip)' <<<"$out" | sed 's/^/    /' >&2
  fi
  grep '^skip:' <<<"$out" | sed "s/^/$t: /"
done
finish
