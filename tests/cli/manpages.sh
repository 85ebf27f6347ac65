#!/usr/bin/env bash
# Every man page passes mandoc's lint at warning level.
. "$(dirname "$0")/lib.bash"
command -v mandoc >/dev/null || { echo "mandoc is missing: run scripts/setup"; exit 1; }
for page in "$SW_SOURCE_DIR"/man/*.[15]; do
  out=$(mandoc -T lint -W warning "$page" 2>&1)
  [ -z "$out" ] && pass "$(basename "$page")" || fail "$(basename "$page"): $out"
done
finish
