#!/usr/bin/env bash
# The include rules of design.md section 6: only db*.c see SQLite, only *_yaml.c see libyaml,
# only the UI files see curses (through ui_curses.h), and the pure model sees none of them.
. "$(dirname "$0")/lib.bash"
cd "$SW_SOURCE_DIR/src"

check() { # check DESCRIPTION PATTERN ALLOWED-FILES-REGEX
  local bad
  bad=$(grep -lE "$2" -- *.c *.h | grep -vE "$3" || true)
  if [ -z "$bad" ]; then pass "$1"; else fail "$1: $(echo $bad)"; fi
}
check "sqlite3.h only in db*.c" '#include <sqlite3\.h>' '^db[a-z_]*\.(c|h)$'
check "yaml.h only in *_yaml.c" '#include <yaml\.h>' '_yaml\.c$'
check "curses only through ui_curses.h" '#include <n?cursesw?(/curses)?\.h>' '^ui_curses\.h$'
check "ui_curses.h only in UI files" '#include "ui_curses\.h"' '^(ui|input|action|keymap|command|view|draw|prompt|listview|screendump|view_[a-z_]+)\.(c|h)$'
# The model layer does no I/O and sees none of the libraries or the layers above it.
model='^(element|threat|stride|coverage|risk|session|catalog|model|model_merge|model_diff|applies|questionnaire|cue|escape|strlist|strmap|util)\.c$'
for f in $(ls *.c | grep -E "$model"); do
  if grep -qE '#include ("db|"app\.h|"app_|"ui|"view|"cli|"fileio|<sqlite3|<yaml|<n?curses|<dirent|<fcntl|<unistd)' "$f"; then
    fail "model file $f reaches outside the model"
  fi
done
pass "model files stay pure"
# Views never touch SQLite.
check "no SQL outside db*" 'sqlite3_' '^db[a-z_]*\.(c|h)$'
finish
