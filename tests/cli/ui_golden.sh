#!/usr/bin/env bash
# Golden screens of the workshop UI: every tests/ui/*.script runs headless (ncurses on a virtual
# screen) at 80x24, 104x30, 132x40 and 200x60 on a fresh copy of tests/ui/room.yaml (the demo
# workshop with forty elements and nine participants) with a fixed clock, and each screen it
# saves must match tests/ui/golden/SIZE/NAME.txt. The headless screen fails a run in which text
# is drawn over other text. A script whose first lines say
# "# model: empty" starts from an empty model; NAME-later.script runs after NAME.script on the
# same model forty minutes later; a line "# refused: MESSAGE" names a key the script expects to
# be refused. STRIDEWALK_UPDATE_GOLDEN=1 rewrites the goldens.
. "$(dirname "$0")/lib.bash"
UI="$SW_SOURCE_DIR/tests/ui"
GOLDEN="$UI/golden"
NOW=2026-03-02T10:00:00Z
LATER=2026-03-02T10:40:00Z
REGEN="STRIDEWALK_UPDATE_GOLDEN=1 ctest -R ui_golden"
export NO_COLOR=1 STRIDEWALK_USER=facilitator XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8
unset STRIDEWALK_DATADIR

run_script() { # run_script SIZE NOW DIR SCRIPT
  (cd "$3" && STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SIZE="$1" STRIDEWALK_NOW="$2" \
     STRIDEWALK_SCRIPT="$4" "$SW" model.db) >"$3/stdout" 2>"$3/stderr"
  local rc=$? want
  # a script that types refused keys on purpose names the refusals it expects, one a line
  want=$(sed -n 's/^# refused: //p' "$4")
  if [ -n "$want" ] && [ "$rc" -eq 0 ] && [ "$(sed 's/^stridewalk: [^:]*:[0-9]*: //' "$3/stderr")" = "$want" ]; then
    return
  fi
  if [ "$rc" -ne 0 ] || [ -s "$3/stderr" ]; then
    fail "$(basename "$4") at $1: exit $rc"; sed 's/^/    /' "$3/stderr" >&2
  fi
}

compare() { # compare SIZE DIR: every screen the scripts saved against its golden
  local size=$1 dir=$2 shot name
  for shot in "$dir"/*.txt; do
    [ -e "$shot" ] || continue
    name=$(basename "$shot")
    if [ "${STRIDEWALK_UPDATE_GOLDEN:-}" = 1 ]; then
      mkdir -p "$GOLDEN/$size"; cp "$shot" "$GOLDEN/$size/$name"; pass "updated $size/$name"
    elif [ ! -f "$GOLDEN/$size/$name" ]; then
      fail "$size/$name has no golden"
    elif cmp -s "$shot" "$GOLDEN/$size/$name"; then
      pass "$size/$name"
    else
      fail "$size/$name differs from its golden:"; diff -u "$GOLDEN/$size/$name" "$shot" >&2
    fi
  done
}

for size in 80x24 104x30 132x40 200x60; do
  for script in "$UI"/*.script; do
    base=$(basename "$script" .script)
    case $base in *-later) continue ;; esac
    dir="$T/$size/$base"; mkdir -p "$dir"
    if grep -q '^# model: empty' "$script"; then
      "$SW" new "$dir/model.db" >/dev/null 2>&1 || fail "new empty model"
    else
      "$SW" new "$dir/model.db" --template "$UI/room.yaml" >/dev/null 2>&1 || fail "new room model"
    fi
    run_script "$size" "$NOW" "$dir" "$script"
    [ -f "$UI/$base-later.script" ] && run_script "$size" "$LATER" "$dir" "$UI/$base-later.script"
    compare "$size" "$dir"
  done
  # a golden that no script produces any more is stale
  for golden in "$GOLDEN/$size"/*.txt; do
    [ -e "$golden" ] || continue
    ls "$T/$size"/*/"$(basename "$golden")" >/dev/null 2>&1 || fail "stale golden $size/$(basename "$golden")"
  done
done
if [ "$failures" -ne 0 ]; then
  echo "If the new screens are right, regenerate the goldens with:  $REGEN" >&2
fi
finish
