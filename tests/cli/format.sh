#!/usr/bin/env bash
# One formatting, automated: every C file matches .clang-format (run `clang-format -i` to fix).
. "$(dirname "$0")/lib.bash"
command -v clang-format >/dev/null || { echo "clang-format is missing: run scripts/setup"; exit 1; }
cd "$SW_SOURCE_DIR"
for f in src/*.[ch] tests/unit/*.[ch] tests/tools/*.c fuzz/*.c bench/*.c; do
  [ -e "$f" ] || continue
  if clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then :; else fail "$f is not formatted (clang-format -i $f)"; fi
done
[ "$failures" -eq 0 ] && pass "every C file is formatted"
finish
