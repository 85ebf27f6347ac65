#!/usr/bin/env bash
# Hostile model files through the real binary (README, "Reliability and security"): a truncated, damaged,
# garbage, empty, newer-version, non-stridewalk SQLite file and a directory, each given to
# open, export and import. Every one must exit 2 with "stridewalk: error: FILE: ..." and leave
# the file byte-identical with nothing new beside it. Then the permission cases, run as an
# unprivileged user (CI runs as root, whom file modes do not stop): a read-only model opens
# and exports but refuses import; a read-only directory gets no new model.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
at_exit 'chmod -R u+rwX "$T" 2>/dev/null' # the permission cases leave read-only files

YAML=$T/hello.yaml
cp "$SW_SOURCE_DIR/templates/hello-lambda.yaml" "$YAML"
chmod 644 "$YAML"

# A real model to break in various ways.
"$SW_BINARY" new "$T/good.db" --template hr-payslips >/dev/null || { echo "cannot make a model" >&2; exit 1; }
size=$(stat -c %s "$T/good.db")

mkdir "$T/cases"
cp "$T/good.db" "$T/cases/truncated-half.db"
truncate -s $((size / 2)) "$T/cases/truncated-half.db"
cp "$T/good.db" "$T/cases/truncated-page.db"
truncate -s 5000 "$T/cases/truncated-page.db"
cp "$T/good.db" "$T/cases/truncated-tail.db"     # only the last page cut short
truncate -s $((size - 700)) "$T/cases/truncated-tail.db"
head -c 20000 /dev/urandom >"$T/cases/garbage.db"
printf 'SQLite format 3\0' >"$T/cases/header-only.db" # a header and nothing else
: >"$T/cases/empty.db"
cp "$T/good.db" "$T/cases/newer.db"
# user_version lives at offset 60 of the header (big-endian); 999 = 0x3e7. Written directly so
# the test needs no sqlite3 shell; the model was closed cleanly, so the header is authoritative.
printf '\000\000\003\347' | dd of="$T/cases/newer.db" bs=1 seek=60 conv=notrunc status=none
cp "$T/good.db" "$T/cases/damaged.db"            # every byte of the schema page overwritten
head -c 3900 /dev/zero | tr '\0' '\377' | dd of="$T/cases/damaged.db" bs=1 seek=100 conv=notrunc status=none
mkdir "$T/cases/directory.db"
if command -v sqlite3 >/dev/null; then
  sqlite3 "$T/cases/foreign.db" 'CREATE TABLE t (x); INSERT INTO t VALUES (1);'
else # the smallest valid SQLite database: an empty one is just its header page
  printf 'SQLite format 3\0\020\000\001\001\000\100\040\040' >"$T/cases/foreign.db"
  head -c $((4096 - 24)) /dev/zero >>"$T/cases/foreign.db"
fi

declare -A expect=(
  [truncated-half]="damaged" [truncated-page]="damaged" [truncated-tail]="truncated"
  [garbage]="not a SQLite file" [header-only]="not a SQLite file" [empty]="empty file"
  [newer]="newer stridewalk" [damaged]="damaged" [directory]="is a directory"
  [foreign]="not a stridewalk model"
)

# run_case NAME FILE EXPECTED -- ARGS...: exit 2, "stridewalk: error: FILE: ...EXPECTED...",
# and neither the file nor its directory changed.
run_case() {
  local name=$1 file=$2 want=$3 before after out rc
  shift 4
  before=$(fingerprint "$file")
  out=$("$SW_BINARY" "$@" 2>&1 >/dev/null)
  rc=$?
  after=$(fingerprint "$file")
  [ "$rc" -eq 2 ] || fail "$name: exit $rc, expected 2 ($out)"
  case $out in
  "stridewalk: error: $file: "*"$want"*) ;;
  *) fail "$name: expected an error naming $file and saying '$want', got: $out" ;;
  esac
  [ "$before" = "$after" ] || fail "$name: $file or its directory changed"
  [ "$rc" -eq 2 ] && pass "$name: $out"
}

for f in "$T"/cases/*.db; do
  c=$(basename "$f" .db)
  w=${expect[$c]}
  run_case "open $c" "$f" "$w" -- "$f"
  run_case "export $c" "$f" "$w" -- export "$f" --format yaml -o "$T/out.yaml"
  [ ! -e "$T/out.yaml" ] || { fail "export $c: wrote $T/out.yaml"; rm -f "$T/out.yaml"; }
  run_case "import $c" "$f" "$w" -- import "$f" "$YAML"
  run_case "import --replace $c" "$f" "$w" -- import "$f" "$YAML" --replace
  run_case "new over $c" "$f" "already exists" -- new "$f"
done

# An export must never replace a model, not even its own (export M.db -o M.db is one typo).
cp "$T/good.db" "$T/target.db"
expect[target]="refusing to replace it with an export"
run_case "export over its own model" "$T/target.db" "refusing to replace it" -- \
  export "$T/target.db" --format md -o "$T/target.db"
run_case "export over another model" "$T/target.db" "refusing to replace it" -- \
  export "$T/good.db" --format yaml -o "$T/target.db"

# Hostile input files for import: the model must not even be created.
mkdir "$T/yaml"
printf 'stridewalk: 1\nname: a\0b\n' >"$T/yaml/nul.yaml"
head -c 5000 /dev/urandom >"$T/yaml/garbage.yaml"
: >"$T/yaml/empty.yaml"
mkdir "$T/yaml/directory.yaml"
for f in "$T"/yaml/*.yaml; do
  c=$(basename "$f" .yaml)
  out=$("$SW_BINARY" import "$T/yaml/new.db" "$f" 2>&1 >/dev/null)
  rc=$?
  [ "$rc" -eq 2 ] || fail "import of $c yaml: exit $rc, expected 2 ($out)"
  case $out in "stridewalk: error: $f"*) pass "import $c yaml: $out" ;;
  *) fail "import of $c yaml: the message does not name $f: $out" ;; esac
  [ ! -e "$T/yaml/new.db" ] || { fail "import of $c yaml created the model"; rm -f "$T/yaml/new.db"; }
done

# --- Permission cases, as an unprivileged user --------------------------------------------
# Root ignores file modes, so under root the commands run as nobody (lib.bash: other_user).
other_user || finish
mkdir -m 755 "$T/perm"
mkdir -m 777 "$T/home" # the unprivileged user cannot read root's ~/.config
export HOME=$T/home
unset XDG_CONFIG_HOME
SW=$SW_OTHER

# A read-only model file: opens read-only, exports, refuses import without touching anything.
mkdir -m 777 "$T/perm/ro-file"
cp "$T/good.db" "$T/perm/ro-file/m.db"
chmod 444 "$T/perm/ro-file/m.db"
f=$T/perm/ro-file/m.db
sum=$(sha256sum <"$f")
out=$(as_user "$SW" "$f" 2>&1); rc=$?
[ "$rc" -eq 0 ] && pass "open read-only model: exit 0" || fail "open read-only model: exit $rc: $out"
out=$(as_user "$SW" export "$f" --format yaml -o "$T/perm/ro-file/out.yaml" 2>&1); rc=$?
if [ "$rc" -eq 0 ] && grep -q '^name: HR payslip service' "$T/perm/ro-file/out.yaml"; then
  pass "export read-only model"
else
  fail "export read-only model: exit $rc: $out"
fi
for args in "import $f $YAML" "import $f $YAML --replace"; do
  # shellcheck disable=SC2086
  out=$(as_user "$SW" $args 2>&1 >/dev/null); rc=$?
  [ "$rc" -eq 2 ] || fail "$args on a read-only model: exit $rc"
  case $out in "stridewalk: error: $f: the model is read-only"*) pass "read-only: $out" ;;
  *) fail "$args on a read-only model: unclear message: $out" ;; esac
done
[ "$(sha256sum <"$f")" = "$sum" ] || fail "the read-only model changed"

# A writable model in a directory the user may not write: read-only as well (SQLite could not
# create its journal there), and readable although no -shm file can be created.
mkdir "$T/perm/ro-dir"
cp "$T/good.db" "$T/perm/ro-dir/m.db"
chmod 666 "$T/perm/ro-dir/m.db"
chmod 555 "$T/perm/ro-dir" # not writable for its owner either, when not run as root
f=$T/perm/ro-dir/m.db
sum=$(sha256sum <"$f")
out=$(as_user "$SW" export "$f" --format yaml 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 0 ] && pass "export from a read-only directory" || fail "export from a read-only directory: exit $rc: $out"
out=$(as_user "$SW" import "$f" "$YAML" 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 2 ] || fail "import in a read-only directory: exit $rc"
case $out in "stridewalk: error: $f: the model is read-only"*) pass "read-only dir: $out" ;;
*) fail "import in a read-only directory: unclear message: $out" ;; esac
[ "$(sha256sum <"$f")" = "$sum" ] || fail "the model in the read-only directory changed"
[ "$(ls -A "$T/perm/ro-dir")" = "m.db" ] || fail "files appeared in the read-only directory"

# import / new / export -o into a directory without write permission: nothing created.
mkdir -m 555 "$T/perm/no-write"
for args in "import $T/perm/no-write/new.db $YAML" "new $T/perm/no-write/new.db" \
  "export $T/good.db --format yaml -o $T/perm/no-write/out.yaml"; do
  chmod 644 "$T/good.db"
  # shellcheck disable=SC2086
  out=$(as_user "$SW" $args 2>&1 >/dev/null); rc=$?
  [ "$rc" -eq 2 ] || fail "$args: exit $rc, expected 2"
  case $out in "stridewalk: error: $T/perm/no-write/"*) pass "no-write dir: $out" ;;
  *) fail "$args: unclear message: $out" ;; esac
  [ -z "$(ls -A "$T/perm/no-write")" ] || fail "$args: created $(ls -A "$T/perm/no-write")"
done

finish
