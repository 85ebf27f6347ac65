#!/usr/bin/env bash
# The README's layout table and HACKING.md's layer table name every file of src/ (by name, or
# by a family pattern such as `view_*.c`), and name no file that is gone.
. "$(dirname "$0")/lib.bash"
cd "$SW_SOURCE_DIR"

section() { # section FILE HEADING: the text from the heading to the next one of its level
  awk -v h="$2" '$0 == h { on = 1; next } on && /^## / { exit } on' "$1"
}
check_doc() { # check_doc DESCRIPTION TEXT-FILE
  local f name pat named missing="" stale=""
  for f in src/*.c src/*.h; do
    name=$(basename "$f")
    case $name in *.h) [ -e "src/${name%.h}.c" ] && continue ;; esac # a header goes with its .c
    named=no
    grep -qF "\`$name\`" "$2" && named=yes
    for pat in $(grep -oE '`[a-z_]*\*[a-z_]*\.c`' "$2" | tr -d '`'); do
      # shellcheck disable=SC2053
      [[ $name == $pat ]] && named=yes
    done
    [ $named = yes ] || missing="$missing $name"
  done
  for name in $(grep -oE '`[a-z_0-9]+\.[ch]`' "$2" | tr -d '`' | grep -vxE 'sqlite3\.h|yaml\.h' | sort -u); do
    [ -e "src/$name" ] || stale="$stale $name"
  done
  if [ -z "$missing$stale" ]; then pass "$1 names every file of src/"
  else fail "$1:${missing:+ not named:$missing}${stale:+; gone:$stale}"; fi
}
section README.md "## How the code is laid out" >"$T/readme"
check_doc "the README's layout table" "$T/readme"
section HACKING.md "## The layers" >"$T/hacking"
check_doc "HACKING.md's layer table" "$T/hacking"
finish
