/*
 * Re-importing changed infrastructure code is an increment: ids and work stay, the team's edits
 * stay, new elements arrive marked new, removed ones stay out of scope with their threats, and
 * answers follow the code unless the team overruled them (model_merge_with, code mode).
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "import_iac.h"
#include "model.h"
#include "model_merge.h"
#include "util.h"
#include "xalloc.h"

static const char v1[] = "Transform: AWS::Serverless-2016-10-31\n"
			 "Resources:\n"
			 "  Orders:\n"
			 "    Type: AWS::Serverless::Function\n"
			 "    Properties:\n"
			 "      Handler: o.h\n"
			 "      Policies:\n"
			 "        - DynamoDBCrudPolicy: {TableName: !Ref Table}\n"
			 "      Events:\n"
			 "        Post: {Type: Api, Properties: {Path: /, Method: post}}\n"
			 "  Table:\n"
			 "    Type: AWS::DynamoDB::Table\n"
			 "  Legacy:\n"
			 "    Type: AWS::Serverless::Function\n"
			 "    Properties: {Handler: l.h}\n";

/* Legacy is gone, a queue is new, Orders is an administrator now and has a log group. */
static const char v2[] = "Transform: AWS::Serverless-2016-10-31\n"
			 "Resources:\n"
			 "  Orders:\n"
			 "    Type: AWS::Serverless::Function\n"
			 "    Properties:\n"
			 "      Handler: o.h\n"
			 "      Policies:\n"
			 "        - AdministratorAccess\n"
			 "        - DynamoDBCrudPolicy: {TableName: !Ref Table}\n"
			 "        - SQSSendMessagePolicy: {QueueName: !GetAtt Jobs.QueueName}\n"
			 "      Events:\n"
			 "        Post: {Type: Api, Properties: {Path: /, Method: post}}\n"
			 "  OrdersLogs:\n"
			 "    Type: AWS::Logs::LogGroup\n"
			 "    Properties:\n"
			 "      LogGroupName: !Sub /aws/lambda/${Orders}\n"
			 "      RetentionInDays: 90\n"
			 "  Table:\n"
			 "    Type: AWS::DynamoDB::Table\n"
			 "  Jobs:\n"
			 "    Type: AWS::SQS::Queue\n";

static struct model *code_in(const char *file, const char *text)
{
	struct sw_error err = SW_ERROR_INIT;
	struct iac_report rep = IAC_REPORT_INIT;
	struct iac_doc *doc = NULL;
	struct model *m;

	if (iac_read(file, text, strlen(text), NULL, IAC_CFN, &doc, &err))
		fail_msg("%d:%d: %s", err.line, err.col, err.msg);
	m = iac_model(&doc, 1, "2026-03-01T10:00:00Z", &rep);
	iac_doc_free(doc);
	iac_report_release(&rep);
	return m;
}

static struct model *code(const char *text)
{
	return code_in("template.yaml", text);
}

static void set_answer(struct model *m, const char *element, const char *qn, const char *q,
		       const char *value, const char *who)
{
	struct answer *a = model_answer(m, element, qn, q);

	if (!a) {
		a = answer_new(element, qn, q, value);
		model_add_answer(m, a);
	}
	free(a->value);
	a->value = xstrdup(value);
	free(a->who);
	a->who = xstrdup(who);
}

/* The first import, and the work a team did on it. */
static struct model *walked(void)
{
	struct model *m = code(v1);
	struct element *orders = model_element(m, "orders");
	struct threat *t = threat_new("T-0001", "legacy", STRIDE_E);
	struct decision *d = xcalloc(1, sizeof(*d));
	struct element *drawn = element_new("partner", KIND_EXTERNAL_ENTITY);

	free(orders->name);
	orders->name = xstrdup("Order intake");
	strlist_push(&orders->tags, "pii");
	t->title = xstrdup("Legacy function can still be invoked");
	t->likelihood = t->impact = 3;
	model_add_threat(m, t);
	d->element = xstrdup("orders");
	d->letter = STRIDE_S;
	d->state = CELL_NONE;
	d->reason = xstrdup("Cognito in front");
	model_add_decision(m, d);
	/* the team overrules one answer and types another */
	set_answer(m, "orders", "connectivity", "egress", "filtered", "Sam");
	set_answer(m, "orders", "identity", "credential-source", "platform", "Jo");
	drawn->type = xstrdup("generic.partner");
	drawn->name = xstrdup("Partner bank");
	model_add_element(m, drawn);
	return m;
}

static struct model *merge(const struct model *cur, const struct model *inc, struct merge_report *r)
{
	struct strlist files = STRLIST_INIT;
	struct merge_options o = {true, &files};
	struct model *out;

	strlist_push(&files, "template.yaml");
	out = model_merge_with(cur, inc, &o, r);
	strlist_clear(&files);
	return out;
}

static void test_increment(void **state)
{
	struct model *cur = walked(), *inc = code(v2), *out;
	struct merge_report r;
	const struct element *orders, *legacy, *jobs;
	const struct answer *a;

	out = merge(cur, inc, &r);
	orders = model_element(out, "orders");
	/* the team's edits stay; the code's parts come from the code */
	assert_string_equal(orders->name, "Order intake");
	assert_true(strlist_contains(&orders->tags, "pii"));
	assert_int_equal(orders->origin->state, IMPORT_KEPT);
	assert_non_null(model_decision(out, "orders", STRIDE_S));
	/* new elements and flows arrive marked new, and are listed */
	jobs = model_element(out, "jobs");
	assert_non_null(jobs);
	assert_int_equal(jobs->origin->state, IMPORT_NEW);
	assert_true(strlist_contains(&r.added_ids, "jobs"));
	assert_true(strlist_contains(&r.added_ids, "orders-to-jobs"));
	assert_true(strlist_contains(&r.added_ids, "orders-logs"));
	/* a removed resource stays, out of scope, with its threat */
	legacy = model_element(out, "legacy");
	assert_non_null(legacy);
	assert_true(legacy->out_of_scope);
	assert_string_equal(legacy->out_of_scope_reason, "removed from template.yaml (Legacy)");
	assert_int_equal(legacy->origin->state, IMPORT_REMOVED);
	assert_true(strlist_contains(&r.removed_ids, "legacy"));
	assert_non_null(model_threat(out, "T-0001"));
	assert_true(strlist_contains(&r.removed_threats, "T-0001 on legacy"));
	assert_int_equal(r.threats_kept, 1);
	assert_int_equal(r.threats_dropped, 0);
	/* what the team drew itself is not the code's to remove */
	assert_non_null(model_element(out, "partner"));
	assert_false(model_element(out, "partner")->out_of_scope);
	/* answers: the code's changed answer follows the code */
	a = model_answer(out, "orders", "identity", "wildcard-permissions");
	assert_string_equal(a->value, "yes");
	assert_string_equal(a->evidence->property, "Policies: AdministratorAccess");
	/* the overruled answer keeps the team's value, and still says what the code says */
	a = model_answer(out, "orders", "connectivity", "egress");
	assert_string_equal(a->value, "filtered");
	assert_string_equal(a->who, "Sam");
	assert_string_equal(a->evidence->value, "open");
	assert_true(answer_overruled(a));
	/* a typed answer the code now also settles is kept, with the evidence beside it */
	a = model_answer(out, "orders", "identity", "credential-source");
	assert_string_equal(a->value, "platform");
	/* the code no longer settles the retention (a log group keeps 90 days): withdrawn */
	assert_null(model_answer(out, "orders", "logging", "retention"));
	assert_true(r.answers_withdrawn >= 1);
	assert_int_equal(r.answers_overruled, 1);
	assert_true(r.answers_updated >= 1);
	assert_true(r.answers_added >= 1);
	merge_report_release(&r);

	/* importing the same code again changes nothing and lists nothing */
	{
		struct model *again = merge(out, inc, &r);
		assert_int_equal(r.added + r.changed + r.removed, 0);
		assert_int_equal(r.added_ids.count, 0);
		/* still new while its cells are pending: the walk keeps going there first */
		assert_int_equal(model_element(again, "jobs")->origin->state, IMPORT_NEW);
		assert_int_equal(model_element(again, "legacy")->origin->state, IMPORT_REMOVED);
		assert_int_equal(
		    r.answers_added + r.answers_updated + r.answers_withdrawn + r.answers_moved, 0);
		merge_report_release(&r);
		model_free(again);
	}
	/* once walked, the next import no longer calls it new */
	{
		static const enum stride_letter letters[] = {STRIDE_T, STRIDE_I, STRIDE_D};
		struct model *again;
		size_t i;
		for (i = 0; i < ARRAY_SIZE(letters); i++) {
			struct decision *d = xcalloc(1, sizeof(*d));
			d->element = xstrdup("jobs");
			d->letter = letters[i];
			d->state = CELL_NONE;
			d->reason = xstrdup("walked");
			model_add_decision(out, d);
		}
		again = merge(out, inc, &r);
		assert_int_equal(model_element(again, "jobs")->origin->state, IMPORT_KEPT);
		merge_report_release(&r);
		model_free(again);
	}
	/* the resource comes back: in scope again, its threat still on it */
	{
		struct model *back = code(v1), *again = merge(out, back, &r);
		legacy = model_element(again, "legacy");
		assert_false(legacy->out_of_scope);
		assert_int_equal(legacy->origin->state, IMPORT_CHANGED);
		assert_non_null(model_threat(again, "T-0001"));
		assert_true(strlist_contains(&r.removed_ids, "jobs"));
		merge_report_release(&r);
		model_free(again);
		model_free(back);
	}
	model_free(out);
	model_free(cur);
	model_free(inc);
}

/* Elements from another file are left alone; a directory import (no files) owns all of them. */
static void test_scope_of_a_file(void **state)
{
	struct model *cur = code(v1), *inc = code(v2), *out;
	struct strlist other = STRLIST_INIT;
	struct merge_options o = {true, &other};
	struct merge_report r;

	strlist_push(&other, "other.yaml");
	out = model_merge_with(cur, inc, &o, &r);
	assert_false(model_element(out, "legacy")->out_of_scope); /* not other.yaml's */
	assert_int_equal(r.removed, 0);
	merge_report_release(&r);
	model_free(out);
	o.files = NULL;
	out = model_merge_with(cur, inc, &o, &r);
	assert_true(model_element(out, "legacy")->out_of_scope);
	merge_report_release(&r);
	model_free(out);
	strlist_clear(&other);
	model_free(cur);
	model_free(inc);
}

/* Another file's Orders is another resource: it gets its own id, and keeps it next time. */
static void test_same_name_in_two_files(void **state)
{
	static const char billing[] = "Resources:\n"
				      "  Orders:\n"
				      "    Type: AWS::SQS::Queue\n"
				      "  Invoices:\n"
				      "    Type: AWS::Lambda::Function\n"
				      "    Properties:\n"
				      "      Role: !GetAtt Missing.Arn\n"
				      "      Environment: {Variables: {Q: !Ref Orders}}\n";
	struct model *cur = walked(), *inc = code_in("billing.yaml", billing), *out, *again;
	struct strlist files = STRLIST_INIT;
	struct merge_options o = {true, &files};
	struct merge_report r;
	const struct element *mine, *theirs;

	strlist_push(&files, "billing.yaml");
	out = model_merge_with(cur, inc, &o, &r);
	mine = model_element(out, "orders");
	assert_string_equal(mine->origin->file, "template.yaml");
	assert_string_equal(mine->type, "aws.lambda");
	assert_string_equal(mine->name, "Order intake"); /* the team's work is untouched */
	assert_non_null(model_decision(out, "orders", STRIDE_S));
	assert_non_null(model_answer(out, "orders", "connectivity", "egress"));
	theirs = model_element(out, "orders-2");
	assert_non_null(theirs);
	assert_string_equal(theirs->origin->file, "billing.yaml");
	assert_string_equal(theirs->type, "aws.sqs");
	assert_true(strlist_contains(&r.added_ids, "orders-2"));
	assert_int_equal(r.removed + r.changed, 0);
	assert_int_equal(r.answers_withdrawn, 0); /* template.yaml's answers are not billing's */
	merge_report_release(&r);
	/* the same file again: the same ids, nothing new */
	again = model_merge_with(out, inc, &o, &r);
	assert_string_equal(model_element(again, "orders-2")->origin->file, "billing.yaml");
	assert_null(model_element(again, "orders-3"));
	assert_int_equal(r.added + r.changed + r.removed, 0);
	merge_report_release(&r);
	model_free(again);
	model_free(out);
	strlist_clear(&files);
	model_free(cur);
	model_free(inc);
}

/* The same template under another name is the same system: the ids and the work follow it. */
static void test_a_file_renamed(void **state)
{
	struct model *cur = walked(), *inc = code_in("stack.yaml", v1), *out;
	struct strlist files = STRLIST_INIT;
	struct merge_options o = {true, &files};
	struct merge_report r;

	strlist_push(&files, "stack.yaml");
	out = model_merge_with(cur, inc, &o, &r);
	assert_null(model_element(out, "orders-2"));
	assert_string_equal(model_element(out, "orders")->origin->file, "stack.yaml");
	assert_string_equal(model_element(out, "orders")->name, "Order intake");
	assert_non_null(model_decision(out, "orders", STRIDE_S));
	assert_int_equal(r.added, 0);
	merge_report_release(&r);
	model_free(out);
	strlist_clear(&files);
	model_free(cur);
	model_free(inc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_increment),
	    cmocka_unit_test(test_scope_of_a_file),
	    cmocka_unit_test(test_same_name_in_two_files),
	    cmocka_unit_test(test_a_file_renamed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
