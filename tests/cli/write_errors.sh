#!/usr/bin/env bash
# Output that cannot be written is a failure: every command that prints, with its standard
# output on /dev/full, exits 2 with "cannot write to standard output" and nothing else on
# standard error.
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_DATADIR=$SW_SOURCE_DIR
[ -w /dev/full ] || { echo "skip: no /dev/full on this system"; finish; }

"$SW" new "$T/m.db" --template demo-hr-workshop >/dev/null
"$SW" new "$T/other.db" --template hr-payslips >/dev/null
cp "$SW_SOURCE_DIR/templates/hello-lambda.yaml" "$T/hello.yaml"

# full DESCRIPTION ARGS...: the command with stdout on /dev/full
full() {
  local what=$1 err rc
  shift
  err=$("$SW" "$@" 2>&1 >/dev/full)
  rc=$?
  if [ "$rc" -eq 2 ] && [ "$err" = "stridewalk: error: cannot write to standard output" ]; then
    pass "$what"
  else
    fail "$what: exit $rc, stderr: $err"
  fi
}

full "--help" --help
full "--version" --version
full "--help-keys" --help-keys
full "--help-keys --mdoc" --help-keys --mdoc
for c in new import export report check diff lint list demo; do full "$c --help" "$c" --help; done
full "list templates" list templates
full "list questionnaires" list questionnaires
full "list types" list types
full "lint" lint "$SW_SOURCE_DIR/templates"
full "--summary" --summary "$T/m.db"
full "a model outside a terminal" "$T/m.db"
full "export yaml" export "$T/m.db" --format yaml
full "export json" export "$T/m.db" --format json
full "export csv" export "$T/m.db" --format csv
full "export md" export "$T/m.db" --format md
full "report" report "$T/m.db"
full "check with problems" check "$T/m.db" --fail-on high
full "diff" diff "$T/m.db" "$T/other.db"
full "diff --format md" diff "$T/m.db" "$T/other.db" --format md
full "new" new "$T/new.db"
full "import" import "$T/imported.db" "$T/hello.yaml"
full "import of a change" import "$T/imported.db" "$T/hello.yaml"
finish
