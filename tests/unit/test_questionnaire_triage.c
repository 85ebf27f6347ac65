/*
 * Questionnaire triage: the order a workshop and a solo review ask questions in, the packs
 * chosen for a session, per-pack progress with core counts, and the core-count check.
 */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "element.h"
#include "model.h"
#include "questionnaire_triage.h"
#include "questionnaire_yaml.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

#define DIR "fixtures/questionnaires/"
#define COUNT DIR "core-count/"

struct fixture {
	struct questionnaire *qs[3]; /* alpha, stores, beta: a pack for stores sits between */
	struct model *m;
};

static struct questionnaire *load(const char *file)
{
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *qn = NULL;

	if (questionnaire_load(file, &qn, &err))
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
	return qn;
}

static void add_element(struct model *m, const char *id, enum element_kind kind, const char *type)
{
	struct element *e = element_new(id, kind);

	e->type = xstrdup(type);
	model_add_element(m, e);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	f->qs[0] = load(DIR "triage/alpha.yaml");
	f->qs[1] = load(DIR "triage/stores.yaml");
	f->qs[2] = load(DIR "triage/beta.yaml");
	f->m = model_new();
	add_element(f->m, "fn", KIND_PROCESS, "aws.lambda");
	add_element(f->m, "azure-fn", KIND_PROCESS, "azure.function");
	add_element(f->m, "bucket", KIND_DATA_STORE, "aws.s3");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(f->qs); i++)
		questionnaire_free(f->qs[i]);
	model_free(f->m);
	free(f);
	return 0;
}

static void answer(struct fixture *f, const char *element, const char *questionnaire,
		   const char *question, const char *value)
{
	struct answer *a = model_answer(f->m, element, questionnaire, question);

	if (!a) {
		model_add_answer(f->m, answer_new(element, questionnaire, question, value));
		return;
	}
	free(a->value);
	a->value = xstrdup(value);
}

/* "alpha/a1 beta/b2 ...": the order as one string, to compare with what a room would see. */
static char *order(struct fixture *f, const struct strlist *chosen, enum triage_mode mode,
		   const char *element)
{
	size_t i, n = 99;
	struct triage_question *list = questionnaire_triage_order(
	    f->qs, ARRAY_SIZE(f->qs), chosen, mode, model_element(f->m, element), f->m, &n);
	struct sbuf sb = SBUF_INIT;

	sbuf_init(&sb);
	for (i = 0; i < n; i++)
		sbuf_addf(&sb, "%s%s/%s", i ? " " : "", list[i].qn->id, list[i].q->id);
	free(list);
	return sbuf_detach(&sb);
}

static void assert_order(struct fixture *f, const struct strlist *chosen, enum triage_mode mode,
			 const char *element, const char *want)
{
	char *got = order(f, chosen, mode, element);

	assert_string_equal(got, want);
	free(got);
}

static void test_workshop_asks_core_first(void **state)
{
	struct fixture *f = *state;

	/* a4 waits for a3; b4 is for Azure only; stores asks functions nothing. */
	assert_order(f, NULL, TRIAGE_WORKSHOP, "fn", "alpha/a1 alpha/a3 beta/b2 beta/b3 beta/b5");
	answer(f, "fn", "alpha", "a3", "yes");
	assert_order(f, NULL, TRIAGE_WORKSHOP, "fn",
		     "alpha/a1 alpha/a3 alpha/a4 beta/b2 beta/b3 beta/b5");
	/* The rest comes only when asked for, after every core question. */
	assert_order(f, NULL, TRIAGE_WORKSHOP_ALL, "fn",
		     "alpha/a1 alpha/a3 alpha/a4 beta/b2 beta/b3 beta/b5 alpha/a2 beta/b1");
	assert_order(f, NULL, TRIAGE_WORKSHOP_ALL, "azure-fn",
		     "alpha/a1 alpha/a3 beta/b2 beta/b3 beta/b5 alpha/a2 beta/b1 beta/b4");
	/* A plain follow-up of a core question waits in the rest. */
	answer(f, "fn", "alpha", "a3", "no");
	assert_order(f, NULL, TRIAGE_WORKSHOP, "fn", "alpha/a1 alpha/a3 beta/b2 beta/b3 beta/b5");
	assert_order(f, NULL, TRIAGE_WORKSHOP_ALL, "fn",
		     "alpha/a1 alpha/a3 beta/b2 beta/b3 beta/b5 alpha/a2 alpha/a5 beta/b1");
}

static void test_review_asks_everything(void **state)
{
	struct fixture *f = *state;

	assert_order(f, NULL, TRIAGE_REVIEW, "fn",
		     "alpha/a1 alpha/a2 alpha/a3 beta/b1 beta/b2 beta/b3 beta/b5");
	answer(f, "fn", "alpha", "a3", "yes");
	answer(f, "fn", "alpha", "a1", "no");
	/* Answered questions stay in the list, so they can be changed. */
	assert_order(f, NULL, TRIAGE_REVIEW, "fn",
		     "alpha/a1 alpha/a2 alpha/a3 alpha/a4 beta/b1 beta/b2 beta/b3 beta/b5");
	assert_order(f, NULL, TRIAGE_REVIEW, "bucket", "stores/s1 stores/s2 stores/s3");
}

static void test_chosen_packs(void **state)
{
	struct fixture *f = *state;
	struct strlist chosen = STRLIST_INIT;

	/* Nothing chosen is every pack, as for a session that has not chosen yet. */
	assert_order(f, &chosen, TRIAGE_WORKSHOP, "fn",
		     "alpha/a1 alpha/a3 beta/b2 beta/b3 beta/b5");
	strlist_push(&chosen, "beta");
	assert_order(f, &chosen, TRIAGE_WORKSHOP, "fn", "beta/b2 beta/b3 beta/b5");
	assert_order(f, &chosen, TRIAGE_WORKSHOP_ALL, "fn", "beta/b2 beta/b3 beta/b5 beta/b1");
	assert_order(f, &chosen, TRIAGE_REVIEW, "fn", "beta/b1 beta/b2 beta/b3 beta/b5");
	/* A chosen pack that does not apply asks nothing; an unknown id adds nothing. */
	strlist_push(&chosen, "stores");
	strlist_push(&chosen, "no-such-pack");
	assert_order(f, &chosen, TRIAGE_WORKSHOP, "fn", "beta/b2 beta/b3 beta/b5");
	strlist_clear(&chosen);
	strlist_push(&chosen, "no-such-pack");
	assert_order(f, &chosen, TRIAGE_REVIEW, "fn", "");
	strlist_clear(&chosen);
}

static void test_not_applicable_hides_follow_ups(void **state)
{
	struct fixture *f = *state;

	answer(f, "fn", "alpha", "a3", ANSWER_NA);
	assert_order(f, NULL, TRIAGE_WORKSHOP_ALL, "fn",
		     "alpha/a1 alpha/a3 beta/b2 beta/b3 beta/b5 alpha/a2 beta/b1");
}

static void assert_progress(const struct qprogress *p, size_t answered, size_t unknown,
			    size_t applicable)
{
	assert_int_equal(p->answered, answered);
	assert_int_equal(p->unknown, unknown);
	assert_int_equal(p->applicable, applicable);
}

static struct triage_pack *progress(struct fixture *f, const struct strlist *chosen,
				    const char *element, size_t *n)
{
	return questionnaire_triage_progress(f->qs, ARRAY_SIZE(f->qs), chosen,
					     model_element(f->m, element), f->m, n);
}

static void test_progress_per_pack(void **state)
{
	struct fixture *f = *state;
	struct strlist chosen = STRLIST_INIT;
	struct triage_pack *p;
	size_t n = 99;

	p = progress(f, NULL, "fn", &n);
	assert_int_equal(n, 2); /* stores asks a function nothing */
	assert_ptr_equal(p[0].qn, f->qs[0]);
	assert_progress(&p[0].all, 0, 0, 3);
	assert_progress(&p[0].core, 0, 0, 2);
	assert_ptr_equal(p[1].qn, f->qs[2]);
	assert_progress(&p[1].all, 0, 0, 4);
	assert_progress(&p[1].core, 0, 0, 3);
	free(p);

	/* n/a and unknown are answers; a core follow-up joins the core total once shown. */
	answer(f, "fn", "alpha", "a1", ANSWER_NA);
	answer(f, "fn", "alpha", "a2", ANSWER_UNKNOWN);
	answer(f, "fn", "alpha", "a3", "yes");
	answer(f, "fn", "beta", "b3", "Owned by the payments team");
	p = progress(f, NULL, "fn", &n);
	assert_progress(&p[0].all, 3, 1, 4);
	assert_progress(&p[0].core, 2, 0, 3);
	assert_progress(&p[1].all, 1, 0, 4);
	assert_progress(&p[1].core, 1, 0, 3);
	free(p);

	strlist_push(&chosen, "beta");
	p = progress(f, &chosen, "fn", &n);
	assert_int_equal(n, 1);
	assert_ptr_equal(p[0].qn, f->qs[2]);
	free(p);
	p = progress(f, &chosen, "bucket", &n);
	assert_int_equal(n, 0);
	assert_non_null(p);
	free(p);
	strlist_clear(&chosen);
}

static char *check_message(const char *file)
{
	struct questionnaire *qn = load(file);
	struct sw_error warn = SW_ERROR_INIT;
	struct sbuf sb = SBUF_INIT;

	sbuf_init(&sb);
	if (questionnaire_triage_check(qn, &warn) == 0) {
		assert_null(warn.msg);
	} else {
		sw_error_format(&warn, &sb);
	}
	sw_error_release(&warn);
	questionnaire_free(qn);
	return sbuf_detach(&sb);
}

static void test_core_count_check(void **state)
{
	static const struct {
		const char *file;
		const char *message; /* "" when the pack is fine */
	} cases[] = {
	    {COUNT "two-core.yaml",
	     COUNT "two-core.yaml:6:1: questionnaire 'two-core' marks 2 core questions, fewer than "
		   "3; mark the questions a workshop should ask first with 'core: true'"},
	    {COUNT "six-core.yaml",
	     COUNT "six-core.yaml:13:5: questionnaire 'six-core' marks 6 core questions, more than "
		   "5; 'q7' is one too many (a workshop asks the core ones first)"},
	    {COUNT "small-pack.yaml", ""},
	    {DIR "triage/alpha.yaml", ""},
	    {DIR "triage/beta.yaml", ""},
	    {DIR "engine.yaml",
	     DIR "engine.yaml:7:1: questionnaire 'engine' marks 0 core questions, fewer than 3; "
		 "mark the questions a workshop should ask first with 'core: true'"},
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *got = check_message(cases[i].file);
		assert_string_equal(got, cases[i].message);
		free(got);
	}
}

static void test_core_count(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(questionnaire_triage_core_count(f->qs[0]), 3);
	assert_int_equal(questionnaire_triage_core_count(f->qs[2]), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_workshop_asks_core_first, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_review_asks_everything, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_chosen_packs, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_not_applicable_hides_follow_ups, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_progress_per_pack, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_core_count, setup, teardown),
	    cmocka_unit_test(test_core_count_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
