#!/usr/bin/env bash
# What a careful user expects of any command-line tool: COMMAND --help for every command,
# `stridewalk` alone outside a terminal neither hangs nor creates ./threatmodel.db, and the bash
# and zsh completion offer the commands, their options, the export formats and the templates.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR

commands=$("$SW" --complete "" | grep -v '^@')
for c in new import export report check diff lint list demo; do
  grep -qx "$c" <<<"$commands" && pass "completion offers $c" || fail "completion lacks $c"
done
for c in $commands; do
  expect 0 "$c --help" -- "$SW" "$c" --help
  head -1 "$T/out" | grep -q "^usage: stridewalk $c" && pass "$c --help shows its own usage" \
    || fail "$c --help: $(head -1 "$T/out")"
  contains "$c --help lists --help" "-h, --help"
  expect 0 "--help $c" -- "$SW" --help "$c"
  expect 0 "$c -h after other arguments" -- "$SW" "$c" x.db -h
done
expect 0 "lint --help is help, not a file" -- "$SW" lint --help
contains "lint --help says what lint does" "reports every problem"
expect 0 "check --help" -- "$SW" check --help
contains "check --help lists --fail-on" "--fail-on BAND"
expect 0 "export --help" -- "$SW" export --help
for f in yaml json md csv; do contains "export --help names format $f" "$f"; done
expect 2 "--help of an unknown command" -- "$SW" --help frobnicate

# No arguments outside a terminal: the usage and exit 2, and nothing created.
mkdir "$T/empty" && cd "$T/empty" || exit 1
expect 2 "no arguments outside a terminal" -- "$SW" </dev/null
contains "it prints the usage" "usage: stridewalk"
[ -z "$(ls -A)" ] && pass "nothing was created" || fail "created $(ls -A)"
expect 2 "--summary alone without ./threatmodel.db" -- "$SW" --summary
"$SW" new threatmodel.db --template hello-lambda >/dev/null
expect 0 "no arguments with ./threatmodel.db: its summary" -- "$SW" </dev/null
contains "the summary names the model" "Hello Lambda"
cd "$T" || exit 1

# What the completion offers, from the program's own tables.
complete_words() { "$SW" --complete "$@" | tr '\n' ' '; }
formats=$(complete_words export m.db --format "")
for f in yaml json md csv; do
  grep -qw "$f" <<<"$formats" && pass "completion offers format $f" || fail "formats: $formats"
done
"$SW" new "$T/fmt.db" >/dev/null
for f in $formats; do # each one export takes: they come from the same table
  expect 0 "export takes the completed format $f" -- "$SW" export "$T/fmt.db" --format "$f" -o "$T/fmt.out"
done
grep -q "hr-payslips" <<<"$(complete_words new m.db --template "")" && pass "templates offered" || fail "no templates"
grep -q "@file" <<<"$(complete_words new m.db --template "")" && pass "a template may be a file" || fail "no files for --template"
[ "$(complete_words check m.db --fail-on "")" = "none low medium high critical " ] && pass "bands offered" \
  || fail "bands: $(complete_words check m.db --fail-on "")"
[ "$(complete_words check m.db --fail-on h)" = "high " ] && pass "a prefix narrows the words" || fail "prefix"
grep -q -- "--replace" <<<"$(complete_words import m.db x.yaml --)" && pass "import's options" || fail "no --replace"
[ "$(complete_words list "")" = "templates questionnaires types " ] && pass "list's words" || fail "list words"
[ "$(complete_words --questionnaires "")" = "@dir " ] && pass "--questionnaires takes a directory" || fail "--questionnaires"
[ "$(complete_words report m.db "")" = "" ] && pass "report takes one model" || fail "report operands"

# The bash script, as bash calls it.
BASH_SCRIPT=$SW_SOURCE_DIR/completion/stridewalk.bash
touch "$T/payslips.db" "$T/payslips.yaml"
reply() { # reply WORD...: COMPREPLY for the words, the last one being completed
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _stridewalk; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$BASH_SCRIPT" "$SW" "$@"
}
[ "$(reply export "$T/payslips.db" --format j)" = "json" ] && pass "bash: export --format j -> json" \
  || fail "bash: $(reply export "$T/payslips.db" --format j)"
reply "" | grep -qx "import" && pass "bash: commands" || fail "bash: no commands"
reply lint "$T/payslips.y" | grep -qx "$T/payslips.yaml" && pass "bash: file names" || fail "bash: no file names"
reply new x.db --template hr- | grep -qx "hr-payslips" && pass "bash: templates" || fail "bash: templates"
if command -v zsh >/dev/null; then
  zsh -n "$SW_SOURCE_DIR/completion/_stridewalk" && pass "zsh completion parses" || fail "zsh completion"
else
  echo "skip: zsh is not installed; the zsh completion was not parsed"
fi
bash -n "$BASH_SCRIPT" && pass "bash completion parses" || fail "bash completion"
finish
