/*
 * The OTM export: stridewalk -> OTM -> stridewalk keeps boundaries, elements, flows, threats
 * (letters, ratings, statuses, justifications, provenance), mitigations with their links,
 * owners and tickets, coverage decisions, scope and assumptions, for every shipped template
 * and a model that uses every field; the writer's OTM terms for a reader that is not stridewalk.
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "import_otm.h"
#include "model.h"
#include "report_otm.h"
#include "sbuf.h"
#include "strlist.h"
#include "util.h"

static struct model *through_otm(const struct model *m, struct sbuf *otm)
{
	struct sw_error err = SW_ERROR_INIT;
	struct otm_report r;
	struct model *back = NULL;

	assert_int_equal(report_otm_write(m, otm, &err), 0);
	if (otm_import_text("export.otm", otm->buf, otm->len, &back, &r, &err))
		fail_msg("%d:%d: %s\n%s", err.line, err.col, err.msg, otm->buf);
	assert_true(r.ours);
	assert_int_equal(r.approximated.count, 0);
	otm_report_release(&r);
	return back;
}

static bool same_set(const struct strlist *a, const struct strlist *b)
{
	size_t i;

	if (a->count != b->count)
		return false;
	for (i = 0; i < a->count; i++)
		if (!strlist_contains(b, a->items[i]))
			return false;
	return true;
}

static bool same_threat(const struct threat *a, const struct threat *b)
{
	return str_eq(a->id, b->id) && str_eq(a->element, b->element) && a->letter == b->letter &&
	       a->extra == b->extra && str_eq(a->title, b->title) &&
	       str_eq(a->description, b->description) && a->likelihood == b->likelihood &&
	       a->impact == b->impact && a->status == b->status &&
	       str_eq(a->justification, b->justification) && a->origin == b->origin &&
	       str_eq(a->raised_by, b->raised_by) && str_eq(a->raised_at, b->raised_at) &&
	       str_eq(a->provenance, b->provenance);
}

/* What OTM carries comes back equal; a mitigation's threats as a set (their order is the
 * model's order of threats after the trip). */
static void assert_kept(const struct model *a, const struct model *b)
{
	size_t i;

	assert_string_equal(a->name, b->name);
	assert_true(str_eq(a->description, b->description));
	assert_true(str_eq(a->scope, b->scope));
	assert_true(strlist_equal(&a->assumptions, &b->assumptions));
	assert_int_equal(a->nelements, b->nelements);
	for (i = 0; i < a->nelements; i++)
		if (!element_equal(a->elements[i], b->elements[i]))
			fail_msg("element '%s' changed", a->elements[i]->id);
	assert_int_equal(a->nthreats, b->nthreats);
	for (i = 0; i < a->nthreats; i++)
		if (!same_threat(a->threats[i], b->threats[i]))
			fail_msg("threat '%s' changed", a->threats[i]->id);
	assert_int_equal(a->nmitigations, b->nmitigations);
	for (i = 0; i < a->nmitigations; i++) {
		const struct mitigation *x = a->mitigations[i], *y = b->mitigations[i];
		assert_string_equal(x->id, y->id);
		assert_string_equal(x->title, y->title);
		assert_true(str_eq(x->description, y->description));
		assert_int_equal(x->status, y->status);
		assert_true(str_eq(x->owner, y->owner) && str_eq(x->ticket, y->ticket) &&
			    str_eq(x->due, y->due) && str_eq(x->verification, y->verification));
		if (!same_set(&x->threats, &y->threats))
			fail_msg("mitigation '%s' lost a threat", x->id);
	}
	assert_int_equal(a->ndecisions, b->ndecisions);
	for (i = 0; i < a->ndecisions; i++) {
		const struct decision *d = a->decisions[i];
		const struct decision *e = model_decision(b, d->element, d->letter);
		assert_non_null(e);
		assert_int_equal(d->state, e->state);
		assert_string_equal(d->reason, e->reason);
	}
}

static void test_templates(void **state)
{
	struct strlist names = STRLIST_INIT;
	size_t i;

	test_template_names(&names);
	assert_true(names.count >= 8);
	for (i = 0; i < names.count; i++) {
		struct model *m = test_template(names.items[i]);
		struct sbuf otm = SBUF_INIT;
		struct model *back = through_otm(m, &otm);
		assert_kept(m, back);
		model_free(back);
		model_free(m);
		sbuf_release(&otm);
	}
	strlist_clear(&names);
}

/* A model that uses every field OTM has to carry in attributes. */
static void test_every_field(void **state)
{
	struct model *m = test_template("demo-hr-workshop");
	struct participant *owner = calloc(1, sizeof(*owner));
	struct threat *t = m->threats[0];
	struct mitigation *mit = m->mitigations[0];
	struct element *e;
	struct sbuf otm = SBUF_INIT;
	struct model *back;
	size_t i;

	free(m->scope);
	m->scope = strdup("The payslip service, not the payroll system.");
	strlist_push(&m->assumptions, "The AWS account is dedicated.");
	owner->name = strdup("Priya");
	owner->role = strdup("owner");
	model_add_participant(m, owner);
	t->status = THREAT_TRANSFERRED;
	free(t->justification);
	t->justification = strdup("The bank carries it");
	free(t->raised_by);
	t->raised_by = strdup("Sam");
	free(mit->ticket);
	mit->ticket = strdup("PAY-1");
	free(mit->due);
	mit->due = strdup("2027-01-31");
	for (i = 0; i < m->nelements; i++) {
		e = m->elements[i];
		if (e->kind == KIND_DATA_FLOW && !e->data.count) {
			strlist_push(&e->data, "payslip, as PDF");
			e->out_of_scope = true;
			e->out_of_scope_reason = strdup("Owned by payroll");
			break;
		}
	}
	back = through_otm(m, &otm);
	assert_kept(m, back);
	assert_non_null(model_participant(back, "Priya"));
	/* what a reader that is not stridewalk sees */
	assert_non_null(strstr(otm.buf, "\"otmVersion\": \"0.2.0\""));
	assert_non_null(strstr(otm.buf, "\"state\": \"transferred\""));
	assert_non_null(strstr(otm.buf, "\"type\": \"aws-lambda-function\""));
	assert_non_null(strstr(otm.buf, "\"stridewalk:ticket\": \"PAY-1\""));
	model_free(back);
	model_free(m);
	sbuf_release(&otm);
}

/* An element outside every boundary gets stridewalk's stand-in zone, which reads back as none. */
static void test_outside_zone(void **state)
{
	struct model *m = model_new();
	struct element *e = element_new("user", KIND_EXTERNAL_ENTITY);
	struct sbuf otm = SBUF_INIT;
	struct model *back;

	m->name = strdup("Tiny");
	e->name = strdup("User");
	e->type = strdup("generic.user");
	model_add_element(m, e);
	back = through_otm(m, &otm);
	assert_non_null(strstr(otm.buf, "\"trustZone\": \"stridewalk:outside\""));
	assert_int_equal(back->nelements, 1);
	assert_null(back->elements[0]->boundary);
	assert_kept(m, back);
	model_free(back);
	model_free(m);
	sbuf_release(&otm);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_templates),
	    cmocka_unit_test(test_every_field),
	    cmocka_unit_test(test_outside_zone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
