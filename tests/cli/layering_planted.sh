#!/usr/bin/env bash
# The layer check can fail: in a scratch copy of src/, an include that points up (the model
# reaching the app), one sideways (storage reaching a format) and a file in no layer are each
# reported, by name, while the copy as it is passes.
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/layers.bash"
copy=$T/src
cp -r "$SW_SOURCE_DIR/src" "$copy"

if check_layers "$copy" >"$T/clean"; then pass "the unchanged copy passes"
else fail "the unchanged copy fails:"; sed 's/^/    /' "$T/clean" >&2; fi

plant() { # plant FILE LINE: adds LINE after the file's first include
  sed -i "0,/^#include/s//$2\n&/" "$copy/$1"
}
plant model.c '#include "app.h"'
plant db_load.c '#include "report.h"'
echo '/* nobody placed me */' >"$copy/stray.c"
check_layers "$copy" >"$T/planted" && fail "the planted includes were not noticed"
grep -q 'model.c (model) includes app.h (app)' "$T/planted" && pass "an upward include is caught" ||
  fail "model.c -> app.h not reported: $(cat "$T/planted")"
grep -q 'db_load.c (storage) includes report.h (formats)' "$T/planted" && pass "a sideways include is caught" ||
  fail "db_load.c -> report.h not reported: $(cat "$T/planted")"
grep -q 'stray.c is in no layer' "$T/planted" && pass "a file in no layer is caught" ||
  fail "stray.c not reported: $(cat "$T/planted")"
finish
