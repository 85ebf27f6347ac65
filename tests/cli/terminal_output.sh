#!/usr/bin/env bash
# Nothing a model or a file holds may steer the terminal: escape sequences (window title, clear
# screen, OSC 52 clipboard writes), C1 controls and bidi or invisible characters reach every
# line stridewalk prints only as visible text such as <U+001B> or <U+202E>: the summary,
# lists, check, diff, the import report, every loader error (lint included), an export on a
# terminal, and the UI's screens. An export into a file or a pipe keeps its bytes.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR

# raw FILE: succeeds when FILE holds a C0 control (other than tab and newline), DEL, a C1
# control, or a bidi or zero-width character, written as such.
raw() {
  LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]' "$1"
}
# clean DESCRIPTION WANT: the last command's output has no raw control and shows WANT
clean() {
  if raw "$T/out"; then fail "$1: raw control characters reached the output"; cat -v "$T/out" | sed 's/^/    /' >&2
  else pass "$1: no raw controls"; fi
  contains "$1 shows them visibly" "$2"
}

cat >"$T/evil.yaml" <<'EOF'
stridewalk: 1
name: "Evil\e]0;pwned\a system \x9b2J \u202Egnp.exe \u200Bzw"
boundaries:
  - { id: aws, name: "AWS \e[31mred" }
elements:
  - { id: fn, kind: process, type: aws.lambda, name: "Fn \e[2J", boundary: aws }
threats:
  - { id: T-0001, element: fn, stride: [S], title: "Forged \e]52;c;ZXZpbA==\a token \u202Eevil",
      likelihood: 5, impact: 5, status: open }
EOF
expect 0 "import a model full of control characters" -- "$SW" import "$T/evil.db" "$T/evil.yaml"
clean "import report" "imported $T/evil.yaml"
expect 0 "--summary" -- "$SW" --summary "$T/evil.db"
clean "--summary" "Evil<U+001B>]0;pwned<U+0007> system <U+009B>2J <U+202E>gnp.exe <U+200B>zw"
expect 1 "check" -- "$SW" check "$T/evil.db"
clean "check" "Forged <U+001B>]52;c;ZXZpbA==<U+0007> token <U+202E>evil"
"$SW" new "$T/plain.db" >/dev/null
expect 1 "diff" -- "$SW" diff "$T/plain.db" "$T/evil.db"
clean "diff" "<U+202E>"
expect 1 "diff --format md" -- "$SW" diff "$T/plain.db" "$T/evil.db" --format md
clean "diff --format md" "<U+202E>gnp.exe"

# Loader errors quote the offending value: an unknown kind, a bad id, a broken questionnaire.
printf 'stridewalk: 1\nname: x\nelements:\n  - { id: fn, kind: "\\e]0;owned\\a", type: aws.lambda, name: F }\n' >"$T/bad-kind.yaml"
expect 2 "import names the bad kind" -- "$SW" import "$T/bad.db" "$T/bad-kind.yaml"
clean "import error" "unknown kind '<U+001B>]0;owned<U+0007>'"
expect 2 "lint names the bad kind" -- "$SW" lint "$T/bad-kind.yaml"
clean "lint error" "unknown kind '<U+001B>]0;owned<U+0007>'"
mkdir "$T/qdir"
cat >"$T/qdir/evil.yaml" <<'EOF'
id: evil
title: "Title \e[2J\u202Eclear"
version: 1
applies_to: { kinds: [process] }
questions:
  - { id: q, text: "Asked \e]52;c;eA==\a?", answer: text }
EOF
expect 0 "list questionnaires with a hostile pack" -- "$SW" --questionnaires "$T/qdir" list questionnaires
clean "list questionnaires" "Title <U+001B>[2J<U+202E>clear"
printf 'id: "bad\\e[2J"\ntitle: t\nversion: 1\napplies_to: { kinds: [process] }\nquestions: []\n' >"$T/qdir/bad.yaml"
expect 2 "a broken pack in the library" -- "$SW" --questionnaires "$T/qdir" list questionnaires
clean "questionnaire error" "<U+001B>[2J"
# A file name is printed too.
cp "$T/evil.yaml" "$T/name-$(printf '\033')[2J.yaml"
expect 0 "import a file with an escape in its name" -- "$SW" import "$T/name.db" "$T/name-"*"[2J.yaml"
clean "import report with a hostile file name" "name-<U+001B>[2J.yaml"

# Exports: byte for byte into a file or a pipe; cleaned on a terminal.
"$SW" export "$T/evil.db" --format csv | cat >"$T/piped.csv"
raw "$T/piped.csv" && pass "a CSV export into a pipe keeps its bytes" || fail "the piped CSV lost its bytes"
"$SW" export "$T/evil.db" --format csv -o "$T/file.csv"
cmp -s "$T/piped.csv" "$T/file.csv" && pass "pipe and file exports are the same" || fail "pipe and file differ"
if command -v script >/dev/null; then
  for fmt in csv md yaml json; do
    # the terminal turns each LF into CR LF: those CRs are the terminal's, not the export's
    script -qec "$SW export $T/evil.db --format $fmt" /dev/null 2>&1 | tr -d '\r' >"$T/out"
    clean "export --format $fmt on a terminal" "<U+202E>"
  done
else
  echo "skip: the terminal cases need script(1) (util-linux)"
fi

# The UI: every string drawn is cleaned.
printf ':save-screen %s\n:quit\n' "$T/screen.txt" >"$T/shot.script"
expect 0 "the UI opens the model" -- env STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT="$T/shot.script" "$SW" "$T/evil.db"
cp "$T/screen.txt" "$T/out"
clean "the UI's screen" "<U+001B>"
finish
