#!/usr/bin/env bash
# lint reports every problem of every file in one run (with a cap), visits each file once
# however symbolic links lead to it (loops included), says so for a directory with nothing
# to check, warns about control characters in text, and exits only 0 or 2. Questionnaire
# directories are not followed out through symbolic links, and an error about a file that
# is not ours never quotes what the file holds.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR

errors() { grep -c '^stridewalk: error: ' "$T/out"; }

# A pack with six mistakes in six places: one run shows all six.
mkdir "$T/pack"
cat >"$T/pack/six.yaml" <<'EOF'
id: six
title: Six mistakes
version: 0
applies_to: { kinds: [process, widget] }
questions:
  - { id: q1, text: "Is it?", answer: yes_no, risky: [maybe] }
  - { id: q1, text: "Again?", answer: yes_no }
  - { id: q3, text: "Which?", answer: frob }
  - { id: q4, text: "Letters?", answer: yes_no, stride: [Z] }
EOF
expect 2 "a pack with six mistakes" -- timeout 20 "$SW" lint "$T/pack/six.yaml"
[ "$(errors)" -eq 6 ] && pass "all six are reported in one run" || { fail "$(errors) of 6 reported"; cat "$T/out" >&2; }
contains "the version" "six.yaml:3:10: 'version' must be a whole number"
contains "the unknown kind" "six.yaml:4:32: unknown kind 'widget'"
contains "the risky answer" "six.yaml:6:55: risky answer 'maybe'"
contains "the duplicate id" "six.yaml:7:11: duplicate question id 'q1'"
contains "the answer type" "six.yaml:8:39: unknown answer type 'frob'"
contains "the letter" "six.yaml:9:58: unknown STRIDE letter 'Z'"

# A system model with mistakes in several sections, and a second bad file: every one, both files.
cat >"$T/pack/model.yaml" <<'EOF'
stridewalk: 1
name: Several mistakes
elements:
  - { id: fn, kind: lambda, type: aws.lambda, name: F }
  - { id: Bad, kind: process, type: aws.lambda, name: G }
  - { id: db, kind: data_store, type: aws.dynamodb, name: D, boundary: nowhere }
threats:
  - { id: T-0001, element: fn, stride: [S], title: t, likelihood: 9, impact: 1 }
EOF
cp "$SW_SOURCE_DIR/templates/hello-lambda.yaml" "$T/pack/good.yaml"
expect 2 "a directory with two bad files and a good one" -- timeout 20 "$SW" lint "$T/pack"
[ "$(errors)" -eq 10 ] && pass "the ten problems of both files" || { fail "$(errors) of 10 reported"; cat "$T/out" >&2; }
contains "the model's kind" "model.yaml:4:21: unknown kind 'lambda'"
contains "the model's id" "model.yaml:5:11: id 'Bad' must be a lowercase slug"
contains "the model's rating" "model.yaml:8:67: 'likelihood' must be a whole number from 1 to 5"
contains "the model's boundary" "model.yaml:6:72: data store 'db' names unknown boundary 'nowhere'"
contains "the summary counts files" "10 problems in 2 of 3 files"

# A cap: a file with 150 problems shows 100 and says it stopped.
{ printf 'stridewalk: 1\nname: many\nelements:\n'
  for i in $(seq 150); do printf '  - { id: e%d, kind: widget, type: aws.lambda, name: x }\n' "$i"; done
} >"$T/many.yaml"
expect 2 "a file with 150 problems" -- timeout 20 "$SW" lint "$T/many.yaml"
[ "$(errors)" -eq 100 ] && pass "100 of them are shown" || fail "$(errors) shown"
contains "and it says it stopped" "stopped after 100 problems in this file"

# Symbolic links: two loops finish, one file linked twice is read once.
mkdir "$T/loops"
cp "$T/pack/six.yaml" "$T/loops/one.yaml"
mkdir "$T/loops/sub"
ln -s . "$T/loops/self"
ln -s .. "$T/loops/sub/back"
ln -s one.yaml "$T/loops/again.yaml"
ln -s ../one.yaml "$T/loops/sub/one.yaml"
expect 2 "a directory with link loops" -- timeout 20 "$SW" lint "$T/loops"
[ "$(errors)" -eq 6 ] && pass "the linked file is checked once" || { fail "$(errors) problems for one file with 6"; cat "$T/out" >&2; }
expect 2 "the same file twice on the command line" -- timeout 20 "$SW" lint "$T/pack/six.yaml" "$T/pack/six.yaml"
[ "$(errors)" -eq 6 ] && pass "it is checked once" || fail "$(errors) problems"

# Nothing to check, and paths that are not there: exit 2 with a message, never another status.
mkdir "$T/empty"
expect 2 "an empty directory" -- "$SW" lint "$T/empty"
contains "says there is nothing to check" "$T/empty: no .yaml or .yml files to check"
expect 2 "a path that does not exist" -- "$SW" lint "$T/nope.yaml"
contains "says so" "$T/nope.yaml: cannot read"
expect 0 "lint every template and questionnaire" -- "$SW" lint "$SW_SOURCE_DIR/templates" "$SW_SOURCE_DIR/questionnaires"

# Control characters in text: a warning with the position, and the file still passes.
printf 'id: ctl\ntitle: "Clear \\e[2J screen"\nversion: 1\napplies_to: { kinds: [process] }\nquestions:\n  - { id: q, text: "Bidi \\u202E text?", answer: text }\n' >"$T/ctl.yaml"
expect 0 "a pack with control characters passes" -- "$SW" lint "$T/ctl.yaml"
contains "the escape is warned about" "warning: $T/ctl.yaml:2:8: the text holds U+001B"
contains "the bidi override is warned about" "warning: $T/ctl.yaml:6:20: the text holds U+202E"

# Files that are not ours: nothing they hold is quoted.
printf 'root:$y$j9T$SECRETHASH:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n' >"$T/shadow"
cp "$T/shadow" "$T/pack/shadow.yaml"
printf 'root:SECRETHASH: x\nbin:SECRETHASH2: y\n' >"$T/keys.yaml"
for f in "$T/pack/shadow.yaml" "$T/keys.yaml"; do
  expect 2 "lint $(basename "$f")" -- "$SW" lint "$f"
  grep -q SECRET "$T/out" && fail "$(basename "$f"): the content was quoted: $(cat "$T/out")" \
    || pass "$(basename "$f"): nothing quoted"
  expect 2 "import $(basename "$f")" -- "$SW" import "$T/x.db" "$f"
  grep -q SECRET "$T/out" && fail "import $(basename "$f") quoted it" || pass "import $(basename "$f"): nothing quoted"
done
contains "it says the file is not one" "not a system model: it has none of the keys"

# Questionnaire directories: links inside are followed, links out of the directory are not.
mkdir "$T/q" && cp "$SW_SOURCE_DIR/questionnaires/identity.yaml" "$T/q/mine.yaml"
sed -i 's/^id: identity/id: mine/' "$T/q/mine.yaml"
ln -s mine.yaml "$T/q/inside.yaml"
expect 2 "a link inside the directory to a file in it is read (a duplicate id here)" -- "$SW" --questionnaires "$T/q" list questionnaires
contains "the inside link was read" "is also used by"
rm "$T/q/inside.yaml"
ln -s "$T/shadow" "$T/q/outside.yaml"
expect 2 "a link out of a questionnaire directory" -- "$SW" --questionnaires "$T/q" list questionnaires
contains "is refused by name" "$T/q/outside.yaml: is a symbolic link that leads out of '$T/q'; it is not followed"
grep -q SECRET "$T/out" && fail "the linked file was read" || pass "the linked file was not read"
expect 2 "lint refuses it too" -- "$SW" lint "$T/q"
contains "lint says why" "outside.yaml: is a symbolic link that leads out of the directory"
rm "$T/q/outside.yaml"
mkdir "$T/elsewhere" && ln -s "$T/elsewhere" "$T/q/cues"
expect 2 "a cues directory that leads out" -- "$SW" --questionnaires "$T/q" list questionnaires
contains "is refused too" "$T/q/cues: is a symbolic link that leads out of '$T/q'"
finish
