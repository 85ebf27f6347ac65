#!/usr/bin/env bash
# Infrastructure code through the real binary: import and new --from, a directory, --format,
# --dry-run, re-import as an increment, bad input with file:line:col that changes nothing,
# the report's evidence, the Walk and Questions screens on imported code, and the CI gate
# (import && check --require-coverage; the README's own blocks are tests/cli/iac_readme.sh).
. "$(dirname "$0")/lib.bash"
export STRIDEWALK_NOW=2026-03-01T10:00:00Z
F=$SW_SOURCE_DIR/tests/fixtures/iac
cd "$T"

cat >template.yaml <<'EOF'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: orders.handler
      Policies:
        - DynamoDBCrudPolicy: {TableName: !Ref Table}
      Events:
        Post: {Type: Api, Properties: {Path: /orders, Method: post}}
  Table:
    Type: AWS::DynamoDB::Table
EOF

# ---- new --from, import, and what they print ----
expect 0 "new --from a template" -- "$SW" new orders.db --from template.yaml
contains "the report names the file and format" "read template.yaml (CloudFormation/SAM): 3 resources, 3 drawn"
contains "then the model" "created orders.db: template"
expect 0 "the model has the elements" -- "$SW" export orders.db --format yaml -o orders.yaml
grep -q "id: orders-to-table" orders.yaml && pass "the permission is a flow" || fail "no flow orders-to-table"
grep -q "origin: {file: template.yaml, line: 3, resource: Orders" orders.yaml &&
  pass "elements keep their origin" || fail "no origin in the export"
grep -q "evidence: {file: template.yaml" orders.yaml && pass "answers keep their evidence" ||
  fail "no evidence in the export"
expect 2 "--from and --template together" -- "$SW" new other.db --from template.yaml --template hello-lambda
[ -e other.db ] && fail "a refused new left other.db" || pass "a refused new leaves nothing"
expect 0 "the report shows the evidence" -- "$SW" report orders.db
contains "the report's answers say where the code says so" "| the code, from template.yaml:"
contains "the report's elements say where they came from" "from template.yaml:3 (Orders)"

# ---- bad input: file:line:col, and nothing changes ----
printf 'Resources:\n  Broken: {Type: AWS::SQS::Queue\n' >broken.yaml
cp orders.db before.db
expect 2 "a malformed template" -- "$SW" import orders.db broken.yaml
contains "names the file, line and column" "stridewalk: error: broken.yaml:3:1: malformed YAML"
cmp -s orders.db before.db && pass "the model is untouched" || fail "a failed import changed the model"
expect 2 "a malformed template does not create a model" -- "$SW" import fresh.db broken.yaml
[ -e fresh.db ] && fail "fresh.db was created" || pass "no model file is created"
printf 'Resources:\n  A:\n    Properties: {}\n' >notype.yaml
expect 2 "a resource without a Type" -- "$SW" import orders.db notype.yaml
contains "says where and what" "notype.yaml:3:5: resource 'A' needs a 'Type'"
expect 2 "an unknown --format" -- "$SW" import orders.db template.yaml --format hcl
contains "names the formats" "unknown format 'hcl' (expected cfn, sls, tfplan, threatdragon, otm"
expect 2 "--format forces a reader" -- "$SW" import x.db template.yaml --format sls
contains "the forced reader's error" "not a serverless.yml"
expect 0 "--format tfplan on a plan" -- "$SW" import plan.db "$F/tfplan-jobs.json" --format tfplan
contains "Terraform" "(Terraform plan): 18 resources, 8 drawn"
contains "what is not drawn is listed" "tfplan-jobs.json:232: aws_route53_record aws_route53_record.www"
contains "what is not resolved is listed" "module 'vpc' from 'terraform-aws-modules/vpc/aws'"

# ---- the increment ----
cat >template.yaml <<'EOF'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: orders.handler
      Policies:
        - DynamoDBCrudPolicy: {TableName: !Ref Table}
        - SQSSendMessagePolicy: {QueueName: !GetAtt Jobs.QueueName}
      Events:
        Post: {Type: Api, Properties: {Path: /orders, Method: post}}
  Jobs:
    Type: AWS::SQS::Queue
EOF
cp orders.db before.db
expect 0 "a dry run of the changed template" -- "$SW" import orders.db template.yaml --dry-run
contains "says it writes nothing" "dry run, nothing written: importing template.yaml: 2 added, 0 changed, 2 removed"
contains "lists the new parts" "new, pending: walk these first (Space on the Walk screen goes to them): jobs orders-to-jobs"
contains "lists the removed ones" "removed from the code, kept out of scope with their work: table orders-to-table"
cmp -s orders.db before.db && pass "a dry run leaves the model as it was" || fail "a dry run changed the model"
expect 0 "a dry run into no model" -- "$SW" import nothing.db template.yaml --dry-run
[ -e nothing.db ] && fail "a dry run created nothing.db" || pass "a dry run creates no model"
expect 0 "the import" -- "$SW" import orders.db template.yaml
contains "the increment" "imported template.yaml: 2 added, 0 changed, 2 removed"
expect 0 "importing it again" -- "$SW" import orders.db template.yaml
contains "changes nothing" "imported template.yaml: 0 added, 0 changed, 0 removed"
expect 1 "diff shows the change" -- "$SW" diff before.db orders.db
contains "the new queue" "jobs"
contains "the removed table, out of scope" "~ element table: Table (out_of_scope)"
grep -qF "coverage table " "$T/out" && fail "diff lists each cell of the out-of-scope table" ||
  pass "the out-of-scope table is one line, not one per cell"
expect 0 "export after the increment" -- "$SW" export orders.db --format yaml -o after.yaml
grep -q "out_of_scope_reason: removed from template.yaml (Table)" after.yaml &&
  pass "the removed table is kept out of scope" || fail "the removed table is not kept"
grep -q "state: new" after.yaml && pass "new elements say so" || fail "no element is marked new"
expect 0 "the YAML round trip" -- "$SW" import copy.db after.yaml
"$SW" export copy.db --format yaml -o again.yaml && cmp -s after.yaml again.yaml &&
  pass "export, import, export is byte-identical" || fail "the round trip differs"

# ---- a directory is one system ----
mkdir -p repo/stacks repo/.aws-sam/build repo/node_modules/x
cp template.yaml repo/stacks/template.yaml
cp template.yaml repo/.aws-sam/build/template.yaml
cp "$F/sls-orders.yml" repo/serverless.yml
cp "$F/tfplan-jobs.json" repo/plan.json
echo "# notes" >repo/README.md
expect 0 "a directory" -- "$SW" import dir.db repo
contains "every file it recognises" "read plan.json (Terraform plan)"
contains "relative to the directory" "read stacks/template.yaml (CloudFormation/SAM)"
contains "serverless.yml" "read serverless.yml (Serverless Framework)"
contains "other files are listed as skipped" "README.md"
expect 0 "the current directory" -- sh -c "cd repo && \"$SW\" new ../here.db --from ."
contains "is named after the directory, not '.'" "created ../here.db: repo"
"$SW" export here.db --format yaml -o here.yaml
grep -q "name: AWS account (repo)" here.yaml && pass "so is its account" || fail "account not named after repo"
grep -q ".aws-sam" "$T/out" && fail "build output was read" || pass "build output is skipped"
mkdir empty
expect 2 "a directory without infrastructure code" -- "$SW" import e.db empty
contains "says so" "holds no CloudFormation, SAM, serverless.yml or Terraform plan file"

# ---- the CI gate ----
# walk.script decides every pending cell, the next pending one first
{ echo "W"; for _ in $(seq 1 120); do echo ":next"; echo ":none walked in the workshop"; done; echo ":quit"; } >walk.script
cat >ci.yaml <<'EOF'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: orders.handler
      Events:
        Post: {Type: Api, Properties: {Path: /orders, Method: post}}
EOF
expect 0 "the first import" -- "$SW" new ci.db --from ci.yaml
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT=walk.script "$SW" ci.db >/dev/null 2>&1
expect 0 "once walked, CI passes" -- sh -c "\"$SW\" import ci.db ci.yaml && \"$SW\" check ci.db --require-coverage"
cat >>ci.yaml <<'EOF'
  Uploads:
    Type: AWS::S3::Bucket
EOF
expect 1 "a new resource nobody walked fails CI" -- sh -c "\"$SW\" import ci.db ci.yaml && \"$SW\" check ci.db --require-coverage"
contains "naming the new element's cells" "ci.db: uploads: pending STRIDE cell T (Tampering)"
# the walk goes to the new element first, and its header says where the code has it
printf 'W\n:next\n:save-screen next.txt\n:quit\n' >next.script
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SIZE=100x30 STRIDEWALK_SCRIPT=next.script "$SW" ci.db >/dev/null 2>&1
grep -q "^  Uploads  " next.txt && pass "next pending goes to the new element first" ||
	fail "next pending did not go to Uploads: $(sed -n 3p next.txt)"
grep -q "aws.s3 in AWS account (ci) · ci.yaml:9, new in the code" next.txt &&
	pass "the walk header shows the origin" || fail "no origin in: $(sed -n 4p next.txt)"
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SCRIPT=walk.script "$SW" ci.db >/dev/null 2>&1
expect 0 "walked, CI passes again" -- sh -c "\"$SW\" import ci.db ci.yaml && \"$SW\" check ci.db --require-coverage"
# ---- the Questions screen shows what the code says, and that the room overruled it ----
expect 0 "the evidence fixture" -- "$SW" new ev.db --from "$F/cfn-evidence.yaml"
printf ':goto public-api\nQ\n:save-screen q1.txt\n4\nk\n:save-screen q2.txt\n:quit\n' >q.script
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SIZE=120x40 STRIDEWALK_SCRIPT=q.script "$SW" ev.db >/dev/null 2>&1
grep -q "From the code: cfn-evidence.yaml:107, Quote Events.Get: no authorizer" q1.txt &&
	pass "an answer from the code shows its evidence" || fail "no evidence on: $(sed -n 6p q1.txt)"
grep -q "Overruled by the room; the code says \"Nothing, on some or all routes\": cfn-evidence.yaml:107" q2.txt &&
	pass "an overruled answer says so" || fail "no overrule shown on: $(sed -n 6p q2.txt)"
expect 0 "a copy to overrule" -- "$SW" new ev3.db --from "$F/cfn-evidence.yaml"
printf ':goto public-api\nQ\n4\n:save-screen q3.txt\n:quit\n' >q3.script
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SIZE=120x40 STRIDEWALK_SCRIPT=q3.script "$SW" ev3.db >/dev/null 2>&1
grep -q 'saved "JWT or OIDC authorizer", overruling the code (Nothing, on some or all routes)' q3.txt &&
	pass "the message says the room overruled the code" || fail "no overrule in: $(tail -2 q3.txt)"
"$SW" export ev.db --format yaml -o ev.yaml
grep -A3 "question: route-auth" ev.yaml | grep -q "value: jwt" && pass "the room's answer is stored" ||
	fail "the overrule was not stored"
# a risky answer from the code offers its threat like a typed one, and accepting it keeps why
grep -q "Suggested threat 1 of 1" q1.txt && pass "a risky answer from the code suggests a threat" ||
	fail "no suggestion for the code's risky answer"
expect 0 "a fresh copy" -- "$SW" new ev2.db --from "$F/cfn-evidence.yaml"
printf ':goto public-api\nQ\na\n:quit\n' >accept.script
STRIDEWALK_NO_DISPLAY=1 STRIDEWALK_SIZE=120x40 STRIDEWALK_SCRIPT=accept.script "$SW" ev2.db >/dev/null 2>&1
"$SW" export ev2.db --format yaml -o ev2.yaml
grep -q "title: Anyone calls the unauthenticated routes" ev2.yaml &&
	pass "accepting it adds the threat" || fail "the suggested threat was not added"
grep -A6 "title: Anyone calls the unauthenticated routes" ev2.yaml |
	grep -q "provenance: api-edge/route-auth = none" &&
	pass "with the answer it came from" || fail "the threat does not name the answer"
finish
