/*
 * Model diff: identical models have no differences; each kind of change (elements and flows
 * added, removed, changed with their fields; threats added, removed, new status, risk or votes;
 * mitigations; answers; coverage cells; open items; the model's text) is reported once, in a
 * fixed order, as text and as Markdown.
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "report_diff.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static void add_answer(struct model *m, const char *element, const char *question,
		       const char *value)
{
	model_add_answer(m, answer_new(element, "identity", question, value));
}

static void add_vote(struct model *m, const char *threat, int count)
{
	struct vote *v = xcalloc(1, sizeof(*v));

	v->participant = xstrdup("Sam");
	v->threat = xstrdup(threat);
	v->count = count;
	model_add_vote(m, v);
}

static void add_decision(struct model *m, const char *element, enum stride_letter l,
			 const char *reason)
{
	struct decision *d = xcalloc(1, sizeof(*d));

	d->element = xstrdup(element);
	d->letter = l;
	d->state = CELL_NONE;
	d->reason = xstrdup(reason);
	model_add_decision(m, d);
}

/* The changes the test expects, made to the newer model. */
static void change(struct model *m)
{
	struct element *e = element_new("new-fn", KIND_PROCESS);
	struct threat *t;
	struct open_item *item = xcalloc(1, sizeof(*item));

	free(m->description);
	m->description = xstrdup("Changed.");
	e->type = xstrdup("aws.lambda");
	e->name = xstrdup("New function");
	e->boundary = xstrdup("aws");
	model_add_element(m, e);
	e = model_element(m, "staff-api");
	free(e->name);
	e->name = xstrdup("Staff REST API");
	strlist_push(&e->tags, "private");
	e = model_element(m, "payroll-vpc");
	free(e->description);
	e->description = NULL;
	t = threat_new("T-0013", "new-fn", STRIDE_S);
	t->title = xstrdup("Unsigned events start the function");
	t->likelihood = 3;
	t->impact = 3;
	model_add_threat(m, t);
	model_threat(m, "T-0002")->status = THREAT_MITIGATED;
	model_threat(m, "T-0004")->likelihood = 4;
	add_vote(m, "T-0006", 2);
	add_answer(m, "payslip-fn", "role-per-function", "yes");
	add_answer(m, "staff-fn", "role-per-function", "no");
	add_decision(m, "employee", STRIDE_R, "Sign-ins are logged by the identity provider.");
	free(model_decision(m, "corporate-idp", STRIDE_S)->reason);
	model_decision(m, "corporate-idp", STRIDE_S)->reason = xstrdup("Checked again.");
	model_mitigation(m, "M-0001")->status = MITIGATION_IMPLEMENTED;
	item->id = xstrdup("Q-0001");
	item->kind = ITEM_PARKING;
	item->text = xstrdup("Split the staff API?");
	model_add_item(m, item);
}

/*
 * What only the older model has, so that the newer one lacks it: built up rather than removed
 * from the newer model, which keeps this test independent of the model's removal functions.
 */
static void older(struct model *m)
{
	struct element *f = element_new("legacy-export", KIND_DATA_FLOW);
	struct threat *t = threat_new("T-0050", "email-service", STRIDE_S);

	f->name = xstrdup("Legacy export");
	f->from = xstrdup("payroll-import-fn");
	f->to = xstrdup("payroll-system");
	model_add_element(m, f);
	t->title = xstrdup("Old threat");
	t->likelihood = 2;
	t->impact = 2;
	model_add_threat(m, t);
}

static void test_identical(void **state)
{
	struct model *a = test_template("demo-hr-workshop"), *b = test_template("demo-hr-workshop");
	struct model_diff d = MODEL_DIFF_INIT;
	struct sbuf out = SBUF_INIT;

	model_diff_compute(a, b, &d);
	assert_int_equal(d.count, 0);
	report_diff_text(&d, &out);
	assert_int_equal(out.len, 0);
	report_diff_md(&d, "old.db", "new.db", &out);
	assert_string_equal(out.buf,
			    "# Threat model changes\n\nFrom old.db to new.db: 0 differences.\n");
	model_diff_release(&d);
	sbuf_release(&out);
	model_free(a);
	model_free(b);
}

static const char expected[] =
    "~ model model: HR payslip service (description)\n"
    "~ boundary payroll-vpc: Payroll VPC (description)\n"
    "+ element new-fn: New function (process, aws.lambda)\n"
    "~ element staff-api: Staff REST API (name, tags)\n"
    "- flow legacy-export: Legacy export (payroll-import-fn -> payroll-system)\n"
    "+ threat T-0013: Unsigned events start the function (new-fn S, risk 9 medium, open)\n"
    "- threat T-0050: Old threat (email-service S, risk 4 low, open)\n"
    "~ threat T-0002: Any employee token is accepted on the staff routes "
    "(status in-discussion -> mitigated)\n"
    "~ threat T-0004: Presigned payslip link leaks and stays usable "
    "(risk 12 high -> 16 high; likelihood 3 -> 4)\n"
    "~ threat T-0006: HR staff member denies changing an employee's bank details (votes 0 -> 2)\n"
    "~ mitigation M-0001: Take the employee id from the token, never from the request "
    "(status in-progress -> implemented)\n"
    "+ answer payslip-fn identity/role-per-function (= yes)\n"
    "+ answer staff-fn identity/role-per-function (= no)\n"
    "~ coverage employee R: Repudiation (pending -> none)\n"
    "~ coverage corporate-idp S: Spoofing (reason)\n"
    "+ item Q-0001: Split the staff API? (parking lot)\n";

static void test_changes(void **state)
{
	struct model *a = test_template("demo-hr-workshop"), *b = test_template("demo-hr-workshop");
	struct model_diff d = MODEL_DIFF_INIT;
	struct sbuf out = SBUF_INIT;

	older(a);
	change(b);
	model_diff_compute(a, b, &d);
	report_diff_text(&d, &out);
	assert_string_equal(out.buf, expected);
	model_diff_release(&d);
	sbuf_reset(&out);
	/* The other way round: additions become removals and changes swap. */
	model_diff_compute(b, a, &d);
	report_diff_text(&d, &out);
	assert_non_null(strstr(out.buf, "- element new-fn: New function (process, aws.lambda)\n"));
	assert_non_null(strstr(out.buf, "+ flow legacy-export: Legacy export"));
	assert_non_null(strstr(out.buf, "+ threat T-0050: Old threat"));
	assert_non_null(strstr(out.buf, "(status mitigated -> in-discussion)"));
	assert_non_null(strstr(out.buf, "- answer staff-fn identity/role-per-function (was no)\n"));
	model_diff_release(&d);
	sbuf_release(&out);
	model_free(a);
	model_free(b);
}

static void test_answer_change(void **state)
{
	struct model *a = test_template("demo-hr-workshop"), *b = test_template("demo-hr-workshop");
	struct model_diff d = MODEL_DIFF_INIT;
	struct sbuf out = SBUF_INIT;

	add_answer(a, "payslip-fn", "role-per-function", "no");
	add_answer(b, "payslip-fn", "role-per-function", "yes");
	model_answer(b, "payslip-fn", "identity", "role-per-function")->note = xstrdup("Split.");
	model_diff_compute(a, b, &d);
	report_diff_text(&d, &out);
	assert_string_equal(out.buf,
			    "~ answer payslip-fn identity/role-per-function (no -> yes; note)\n");
	model_diff_release(&d);
	sbuf_release(&out);
	model_free(a);
	model_free(b);
}

static void test_markdown(void **state)
{
	struct model *a = test_template("demo-hr-workshop"), *b = test_template("demo-hr-workshop");
	struct model_diff d = MODEL_DIFF_INIT;
	struct sbuf out = SBUF_INIT;

	older(a);
	change(b);
	free(model_element(b, "new-fn")->name);
	model_element(b, "new-fn")->name = xstrdup("New | function\n<b>");
	model_diff_compute(a, b, &d);
	report_diff_md(&d, "old|model.db", "new.db", &out);
	assert_true(str_starts_with(out.buf,
				    "# Threat model changes\n\nFrom old\\|model.db to new.db: "
				    "16 differences.\n"));
	assert_non_null(
	    strstr(out.buf, "\n## Elements\n\n| Change | Id | Name | Details |\n"
			    "|---|---|---|---|\n| added | new-fn | New \\| function<br>&lt;b&gt; "
			    "| process, aws.lambda |\n"));
	assert_non_null(strstr(out.buf, "\n## Threats\n"));
	assert_non_null(strstr(out.buf,
			       "| changed | T-0002 | Any employee token is accepted on the "
			       "staff routes | status in-discussion -&gt; mitigated |\n"));
	model_diff_release(&d);
	sbuf_release(&out);
	model_free(a);
	model_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_identical),
	    cmocka_unit_test(test_changes),
	    cmocka_unit_test(test_answer_change),
	    cmocka_unit_test(test_markdown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
