#!/usr/bin/env bash
# A full disk never leaves a partial report, a half-written model or a stray file (README,
# "Reliability and security"). Two ways to run out of space, each used when available:
#   tmpfs  a 256 KiB tmpfs filled to the last block (needs root and mount; real ENOSPC)
#   fsize  RLIMIT_FSIZE (ulimit -f) with SIGXFSZ ignored, so write() fails with EFBIG past
#          the limit: works unprivileged, and is always run
# For each: an export over an existing report keeps the old report and leaves no temporary
# file; an import into a model on the full disk fails cleanly and the model is intact (same
# export, integrity_check ok) and usable once space is back; new/import of a new model leave
# no file at all.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR

MNT=
at_exit '[ -n "$MNT" ] && umount "$MNT" 2>/dev/null'

# A model whose exports and whose WAL are far bigger than the space left: 600 processes.
big=$T/big.yaml
{
  printf 'stridewalk: 1\nname: Big system\nboundaries:\n  - { id: aws, name: AWS }\nelements:\n'
  for i in $(seq 1 600); do
    printf '  - { id: fn-%d, kind: process, type: aws.lambda, name: Function %d, boundary: aws, description: "Handles request kind %d and writes the result to the shared table" }\n' "$i" "$i" "$i"
  done
} >"$big"
"$SW_BINARY" new "$T/big.db" >/dev/null && "$SW_BINARY" import "$T/big.db" "$big" >/dev/null ||
  { echo "cannot build the big model" >&2; exit 1; }
small=$SW_SOURCE_DIR/templates/hello-lambda.yaml

# expect_fail NAME PATH-NAMED -- COMMAND...: exit 2 and an error naming PATH-NAMED.
expect_fail() {
  local name=$1 named=$2 out rc
  shift 3
  out=$("$@" 2>&1 >/dev/null)
  rc=$?
  [ "$rc" -eq 2 ] || { fail "$name: exit $rc, expected 2: $out"; return; }
  case $out in
  "stridewalk: error: $named"*) pass "$name: $out" ;;
  *) fail "$name: the message does not name $named: $out" ;;
  esac
}

no_strays() { # no temporary, journal or half-made files in DIR beyond the listed names
  local dir=$1 extra
  shift
  extra=$(cd "$dir" && ls -A | grep -v -x -F "$(printf '%s\n' "$@")" | grep -v -E '^filler$|-(wal|shm)$')
  [ -z "$extra" ] || fail "stray files in $dir: $extra"
}

# run_suite MODE DIR FILL LIMITED...: DIR is where space runs out; FILL fills it; LIMITED is the
# command prefix under which stridewalk runs out of space.
run_suite() {
  local mode=$1 dir=$2 fill=$3 before
  shift 3
  local -a lim=("$@")

  # 1. Export over an existing report.
  for fmt in yaml json; do
    printf 'the old report\n' >"$dir/report.$fmt"
  done
  $fill
  for fmt in yaml json; do
    expect_fail "$mode: export --format $fmt" "$dir/report.$fmt" -- \
      "${lim[@]}" "$SW_BINARY" export "$T/big.db" --format "$fmt" -o "$dir/report.$fmt"
    [ "$(cat "$dir/report.$fmt")" = "the old report" ] ||
      fail "$mode: export $fmt damaged the old report"
  done
  expect_fail "$mode: export to a new file" "$dir/new.yaml" -- \
    "${lim[@]}" "$SW_BINARY" export "$T/big.db" --format yaml -o "$dir/new.yaml"
  no_strays "$dir" report.yaml report.json
  rm -f "$dir/filler" "$dir"/report.*

  # 2. Import into a model that lives on the full disk.
  "$SW_BINARY" new "$dir/m.db" --template hello-lambda >/dev/null || fail "$mode: new m.db"
  before=$("$SW_BINARY" export "$dir/m.db" --format yaml)
  $fill
  expect_fail "$mode: import --replace" "$dir/m.db" -- \
    "${lim[@]}" "$SW_BINARY" import "$dir/m.db" "$big" --replace
  expect_fail "$mode: import (merge)" "$dir/m.db" -- \
    "${lim[@]}" "$SW_BINARY" import "$dir/m.db" "$big"
  rm -f "$dir/filler" # space is back: the model must be exactly as it was, and usable
  [ "$("$SW_BINARY" export "$dir/m.db" --format yaml)" = "$before" ] ||
    fail "$mode: the model changed after a failed import"
  [ "$(integrity "$dir/m.db")" = ok ] || fail "$mode: integrity_check failed"
  "$SW_BINARY" import "$dir/m.db" "$small" --replace >/dev/null ||
    fail "$mode: the model is not usable once space is back"
  no_strays "$dir" m.db
  rm -f "$dir"/m.db*

  # 3. A new model on the full disk: nothing at all is left behind.
  $fill
  expect_fail "$mode: new" "$dir/n.db" -- \
    "${lim[@]}" "$SW_BINARY" new "$dir/n.db" --template demo-hr-workshop
  expect_fail "$mode: import into a new model" "$dir/i.db" -- \
    "${lim[@]}" "$SW_BINARY" import "$dir/i.db" "$big"
  no_strays "$dir"
  ls "$dir"/n.db* "$dir"/i.db* >/dev/null 2>&1 && fail "$mode: a new model file was left: $(ls "$dir")"
  rm -f "$dir/filler"
}

# --- fsize: RLIMIT_FSIZE, always available ---------------------------------------------------
# 64 KiB: room for SQLite's 32 KiB shared-memory index, not for the exports or the import.
mkdir "$T/fsize"
nofill() { :; }
limited() { (trap '' XFSZ; ulimit -f 64; exec "$@"); }
run_suite fsize "$T/fsize" nofill limited

# --- tmpfs: a real full file system, when we may mount one ----------------------------------
mkdir "$T/tmpfs"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=1m,mode=700 tmpfs "$T/tmpfs" 2>/dev/null; then
  MNT=$T/tmpfs
  fill_tmpfs() { head -c 1G /dev/zero >"$MNT/filler" 2>/dev/null; }
  run_suite tmpfs "$MNT" fill_tmpfs env
else
  echo "skip: tmpfs cases (not root, or mount not permitted here)"
fi

finish
