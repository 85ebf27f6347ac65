# bash completion for stridewalk. The candidates come from the program itself
# (`stridewalk --complete WORD...`), which reads the same tables as its command line: the
# commands, their options, the export formats and the shipped templates.
_stridewalk() {
  local cur=${COMP_WORDS[COMP_CWORD]} line
  local -a found=()
  COMPREPLY=()
  while IFS= read -r line; do
    case $line in
    @file) compopt -o filenames 2>/dev/null; mapfile -t -O "${#found[@]}" found < <(compgen -f -- "$cur") ;;
    @dir) compopt -o filenames 2>/dev/null; mapfile -t -O "${#found[@]}" found < <(compgen -d -- "$cur") ;;
    ?*) found+=("$line") ;;
    esac
  done < <("${COMP_WORDS[0]}" --complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  COMPREPLY=("${found[@]}")
}
complete -F _stridewalk stridewalk
