# The layers of src/, top to bottom, and the check that includes only point down. Sourced by
# layering.sh (on the tree) and layering_planted.sh (on a copy with an include planted).
#
# Each line: RANK LAYER FILE-REGEX (matched against the file name without .c or .h). A file may
# include its own layer, or a layer of a lower rank; layers of equal rank (storage and formats)
# do not see each other. Every file in src/ must belong to exactly one layer.
LAYERS='
6 cli        ^(main|cli|cli_[a-z_]+)$
5 ui         ^(term|overdraw|ui|ui_curses|ui_timing|input|script|action|keymap|command|screens|view|view_[a-z_]+|act|act_[a-z_]+|dispatch|draw|prompt|listview|screendump)$
4 app        ^(app|app_[a-z_]+)$
3 storage    ^(db|db_[a-z_]+)$
3 formats    ^([a-z_]+_yaml|ynode|json|import_[a-z_]+|iac|iac_[a-z_]+|treew|emit_[a-z]+|system_write|questionnaire_write|export|report|report_[a-z_]+|escape|qlibrary|templates|datadir)$
2 model      ^(element|threat|stride|coverage|risk|session|catalog|model|model_[a-z_]+|outline|questionnaire|questionnaire_triage|cue|applies)$
1 base       ^(sbuf|xalloc|error|util|strlist|strmap|strpool|keysort|fileio|clock|termsafe)$
'

# layer_of NAME: prints "RANK LAYER" of a file name without extension, or nothing
layer_of() {
  local rank layer re
  while read -r rank layer re; do
    [ -n "$rank" ] || continue
    if [[ $1 =~ $re ]]; then echo "$rank $layer"; return; fi
  done <<<"$LAYERS"
}

# check_layers DIR: prints one line per file without a layer and per include that points up
# or sideways; returns 1 when it printed any
check_layers() {
  local dir=$1 f name inc rank layer irank ilayer bad=0
  for f in "$dir"/*.c "$dir"/*.h; do
    name=$(basename "$f"); name=${name%.*}
    read -r rank layer <<<"$(layer_of "$name")"
    if [ -z "$rank" ]; then echo "$(basename "$f") is in no layer (add it to tests/cli/layers.bash)"; bad=1; continue; fi
    for inc in $(sed -n 's/^#include "\([a-z_0-9]*\)\.h".*/\1/p' "$f"); do
      read -r irank ilayer <<<"$(layer_of "$inc")"
      [ -n "$irank" ] || continue # reported as a file of its own
      if [ "$ilayer" != "$layer" ] && [ "$irank" -ge "$rank" ]; then
        echo "$(basename "$f") ($layer) includes $inc.h ($ilayer): arrows only point down"
        bad=1
      fi
    done
  done
  return $bad
}
