#!/usr/bin/env bash
# The layers of src/ (tests/cli/layers.bash): every file has one, and includes only point down
# (cli -> ui -> app -> storage | formats -> model -> base). Also the library rules: only db*.c
# see SQLite, only *_yaml.c see libyaml, only the UI sees curses (through ui_curses.h), and the
# model does no I/O.
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/layers.bash"
cd "$SW_SOURCE_DIR/src"

if out=$(check_layers .); then pass "every file has a layer and includes only point down"
else fail "layer order:"; echo "$out" | sed 's/^/    /' >&2; fi

check() { # check DESCRIPTION PATTERN ALLOWED-FILES-REGEX
  local bad
  bad=$(grep -lE "$2" -- *.c *.h | grep -vE "$3" || true)
  if [ -z "$bad" ]; then pass "$1"; else fail "$1: $(echo $bad)"; fi
}
check "sqlite3.h only in db*.c" '#include <sqlite3\.h>' '^db[a-z_]*\.(c|h)$'
check "yaml.h only in *_yaml.c" '#include <yaml\.h>' '_yaml\.c$'
check "curses only through ui_curses.h" '#include <n?cursesw?(/curses)?\.h>' '^ui_curses\.h$'
check "no SQL outside db*" 'sqlite3_' '^db[a-z_]*\.(c|h)$'
# The model does no I/O: no files, no directories, no printing (snprintf into a buffer is fine).
bad=""
for f in *.c; do
  read -r rank layer <<<"$(layer_of "${f%.c}")"
  [ "$layer" = model ] || continue
  if grep -qE '#include <(dirent|fcntl|unistd|sys/[a-z]+)\.h>|[^a-z_.](printf|fprintf|fputs|puts|putchar|fwrite|fopen|opendir|open|read|write|unlink)\(' "$f"; then
    bad="$bad $f"
  fi
done
if [ -z "$bad" ]; then pass "model files do no I/O"; else fail "model files do I/O:$bad"; fi
finish
