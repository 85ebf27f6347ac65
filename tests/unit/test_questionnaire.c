/* The questionnaire engine: applicability, show_if chains, risky answers, provenance, progress. */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "element.h"
#include "model.h"
#include "questionnaire.h"
#include "questionnaire_yaml.h"
#include "xalloc.h"

#define ENGINE "fixtures/questionnaires/engine.yaml"

struct fixture {
	struct questionnaire *qn;
	struct model *m;
};

static struct element *add_element(struct model *m, const char *id, enum element_kind kind,
				   const char *type)
{
	struct element *e = element_new(id, kind);

	e->type = xstrdup(type);
	model_add_element(m, e);
	return e;
}

/* Answers like the app does: one stored answer per (element, question), changed in place. */
static void answer(struct model *m, const char *element, const char *question, const char *value)
{
	struct answer *a = model_answer(m, element, "engine", question);

	if (!a) {
		model_add_answer(m, answer_new(element, "engine", question, value));
		return;
	}
	free(a->value);
	a->value = xstrdup(value);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct sw_error err = SW_ERROR_INIT;

	if (questionnaire_load(ENGINE, &f->qn, &err))
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
	f->m = model_new();
	add_element(f->m, "payslip-fn", KIND_PROCESS, "aws.lambda");
	add_element(f->m, "orders-fn", KIND_PROCESS, "azure.function");
	add_element(f->m, "ingest-fn", KIND_PROCESS, "gcp.function");
	add_element(f->m, "payslips", KIND_DATA_STORE, "aws.s3");
	add_element(f->m, "get-payslip", KIND_DATA_FLOW, NULL);
	add_element(f->m, "aws", KIND_TRUST_BOUNDARY, NULL);
	add_element(f->m, "legacy-fn", KIND_PROCESS, "aws.lambda")->out_of_scope = true;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	questionnaire_free(f->qn);
	model_free(f->m);
	free(f);
	return 0;
}

static bool applies(struct fixture *f, const char *element)
{
	return questionnaire_applies(f->qn, model_element(f->m, element));
}

static bool q_applies(struct fixture *f, const char *question, const char *element)
{
	return question_applies(f->qn, questionnaire_find_question(f->qn, question),
				model_element(f->m, element));
}

static bool visible(struct fixture *f, const char *question, const char *element)
{
	return question_visible(f->qn, questionnaire_find_question(f->qn, question),
				model_element(f->m, element), f->m);
}

static void test_questionnaire_applies(void **state)
{
	struct fixture *f = *state;

	assert_true(applies(f, "payslip-fn"));
	assert_true(applies(f, "orders-fn"));
	assert_false(applies(f, "ingest-fn")); /* a process, but not a listed type */
	assert_false(applies(f, "payslips")); /* a data store */
	assert_true(applies(f, "get-payslip")); /* flows have no type: the kind decides */
	assert_false(applies(f, "aws")); /* boundaries are never asked anything */
	assert_false(applies(f, "legacy-fn")); /* out of scope */
}

static void test_question_narrowing(void **state)
{
	struct fixture *f = *state;

	assert_true(q_applies(f, "uses-credentials", "payslip-fn"));
	assert_true(q_applies(f, "uses-credentials", "get-payslip"));
	assert_true(q_applies(f, "lambda-notes", "payslip-fn"));
	assert_false(q_applies(f, "lambda-notes", "orders-fn"));
	assert_false(q_applies(f, "lambda-notes", "get-payslip"));
	assert_true(q_applies(f, "flow-encrypted", "get-payslip"));
	assert_false(q_applies(f, "flow-encrypted", "payslip-fn"));
	/* Narrowing never widens: the questionnaire itself does not apply to gcp functions. */
	assert_false(q_applies(f, "uses-credentials", "ingest-fn"));
}

static void assert_visible_ids(struct fixture *f, const char *element, const char *expected)
{
	size_t i, n;
	const struct question **qs =
	    questionnaire_visible(f->qn, model_element(f->m, element), f->m, &n);
	char got[256] = "";
	size_t len = 0;

	for (i = 0; i < n; i++)
		len +=
		    (size_t)snprintf(got + len, sizeof(got) - len, "%s%s", i ? " " : "", qs[i]->id);
	free(qs);
	assert_string_equal(got, expected);
}

static void test_show_if_chain(void **state)
{
	struct fixture *f = *state;

	assert_visible_ids(f, "payslip-fn", "uses-credentials lambda-notes");
	answer(f->m, "payslip-fn", "uses-credentials", "yes");
	assert_visible_ids(f, "payslip-fn", "uses-credentials credential-source lambda-notes");
	answer(f->m, "payslip-fn", "credential-source", "env");
	assert_visible_ids(f, "payslip-fn",
			   "uses-credentials credential-source rotation lambda-notes");
	answer(f->m, "payslip-fn", "credential-source", "platform");
	assert_false(visible(f, "rotation", "payslip-fn"));
	answer(f->m, "payslip-fn", "credential-source", "vault");
	assert_true(visible(f, "rotation", "payslip-fn"));
	/* Answers of other elements do not count. */
	assert_false(visible(f, "credential-source", "orders-fn"));
}

static void test_show_if_hides_transitively(void **state)
{
	struct fixture *f = *state;

	answer(f->m, "payslip-fn", "uses-credentials", "yes");
	answer(f->m, "payslip-fn", "credential-source", "env");
	assert_true(visible(f, "rotation", "payslip-fn"));
	/* credential-source keeps its stored answer, but hidden it cannot show rotation. */
	answer(f->m, "payslip-fn", "uses-credentials", "no");
	assert_false(visible(f, "credential-source", "payslip-fn"));
	assert_false(visible(f, "rotation", "payslip-fn"));
	answer(f->m, "payslip-fn", "uses-credentials", "unknown");
	assert_false(visible(f, "rotation", "payslip-fn"));
	assert_visible_ids(f, "payslip-fn", "uses-credentials lambda-notes");
}

static void test_answer_valid(void **state)
{
	struct fixture *f = *state;
	const struct question *yn = questionnaire_find_question(f->qn, "uses-credentials");
	const struct question *choice = questionnaire_find_question(f->qn, "credential-source");
	const struct question *text = questionnaire_find_question(f->qn, "lambda-notes");

	assert_true(question_answer_valid(yn, "yes"));
	assert_true(question_answer_valid(yn, "no"));
	assert_true(question_answer_valid(yn, "unknown"));
	assert_false(question_answer_valid(yn, "maybe"));
	assert_false(question_answer_valid(yn, ""));
	assert_true(question_answer_valid(choice, "env"));
	assert_true(question_answer_valid(choice, "unknown"));
	assert_false(question_answer_valid(choice, "yes"));
	assert_true(question_answer_valid(text, "Runs in a VPC, owned by Sam"));
	assert_false(question_answer_valid(text, NULL));
}

static void test_risky(void **state)
{
	struct fixture *f = *state;
	const struct question *src = questionnaire_find_question(f->qn, "credential-source");
	const struct question *rot = questionnaire_find_question(f->qn, "rotation");

	assert_true(question_answer_risky(src, "env")); /* risky: true on the option */
	assert_true(question_answer_risky(src, "vault")); /* listed in the question's risky */
	assert_false(question_answer_risky(src, "platform"));
	assert_false(question_answer_risky(src, "unknown"));
	assert_false(question_answer_risky(src, "bogus"));
	assert_true(question_answer_risky(rot, "no"));
	assert_false(question_answer_risky(rot, "yes"));
	assert_false(question_answer_risky(rot, "unknown"));
	/* q->risky lists every risky answer, in option order. */
	assert_int_equal(src->risky.count, 2);
	assert_string_equal(src->risky.items[0], "env");
	assert_string_equal(src->risky.items[1], "vault");
}

static void test_suggestions(void **state)
{
	struct fixture *f = *state;
	const struct question *src = questionnaire_find_question(f->qn, "credential-source");
	const struct suggestion **s;
	size_t n;

	/* The question's own suggestion first, then the option's. */
	s = question_suggestions(src, "env", &n);
	assert_int_equal(n, 2);
	assert_string_equal(s[0]->threat,
			    "Stored credentials outlive the function that needed them");
	assert_string_equal(s[0]->description,
			    "Credentials that do not expire stay usable after a leak.");
	assert_int_equal(s[0]->letter, STRIDE_S);
	assert_int_equal(s[0]->extra, 0);
	assert_int_equal(s[0]->likelihood, 2);
	assert_int_equal(s[0]->impact, 4);
	assert_int_equal(s[0]->mitigations.count, 2);
	assert_string_equal(s[1]->threat,
			    "Keys in the environment leak through a configuration dump");
	assert_int_equal(s[1]->letter, STRIDE_I);
	assert_int_equal(s[1]->extra, STRIDE_BIT(STRIDE_S));
	assert_null(s[1]->description);
	free(s);
	s = question_suggestions(src, "vault", &n);
	assert_int_equal(n, 1);
	free(s);
	assert_null(question_suggestions(src, "platform", &n));
	assert_int_equal(n, 0);
	assert_null(question_suggestions(src, "unknown", &n));
	assert_int_equal(n, 0);
}

/* "Not applicable" answers any question, is never risky and suggests nothing. */
static void test_not_applicable(void **state)
{
	struct fixture *f = *state;
	const struct question *yn = questionnaire_find_question(f->qn, "uses-credentials");
	const struct question *src = questionnaire_find_question(f->qn, "credential-source");
	const struct question *rot = questionnaire_find_question(f->qn, "rotation");
	const struct question *text = questionnaire_find_question(f->qn, "lambda-notes");
	size_t i, n = 1;

	assert_string_equal(ANSWER_NA, "n/a");
	for (i = 0; i < f->qn->nquestions; i++) {
		const struct question *q = f->qn->questions[i];
		assert_true(question_answer_valid(q, ANSWER_NA));
		assert_false(question_answer_risky(q, ANSWER_NA));
		assert_null(question_suggestions(q, ANSWER_NA, &n));
		assert_int_equal(n, 0);
	}
	assert_true(question_answer_valid(yn, "n/a"));
	assert_true(question_answer_valid(src, "n/a"));
	assert_true(question_answer_valid(text, "n/a"));
	/* rotation's risky answer is "no"; n/a is not it. */
	assert_true(question_answer_risky(rot, "no"));
	assert_false(question_answer_risky(rot, "n/a"));
	/* A follow-up waits for an answer it lists: n/a hides it like "no" does. */
	answer(f->m, "payslip-fn", "uses-credentials", ANSWER_NA);
	assert_false(visible(f, "credential-source", "payslip-fn"));
	assert_visible_ids(f, "payslip-fn", "uses-credentials lambda-notes");
}

static void test_provenance(void **state)
{
	struct fixture *f = *state;
	const struct question *rot = questionnaire_find_question(f->qn, "rotation");
	char *p = question_provenance(f->qn, rot, "no");
	char *again = question_provenance(f->qn, rot, "no");

	assert_string_equal(p, "engine/rotation = no");
	/* One answer always yields one provenance, so re-answering can be deduplicated. */
	assert_string_equal(p, again);
	free(p);
	free(again);
}

static void assert_progress(const struct qprogress *p, size_t answered, size_t unknown,
			    size_t applicable)
{
	assert_int_equal(p->answered, answered);
	assert_int_equal(p->unknown, unknown);
	assert_int_equal(p->applicable, applicable);
}

static void test_progress(void **state)
{
	struct fixture *f = *state;
	struct element *fn = model_element(f->m, "payslip-fn");
	struct qprogress p;

	questionnaire_progress(f->qn, fn, f->m, &p);
	assert_progress(&p, 0, 0, 2);
	answer(f->m, "payslip-fn", "uses-credentials", "yes");
	answer(f->m, "payslip-fn", "credential-source", "env");
	questionnaire_progress(f->qn, fn, f->m, &p);
	assert_progress(&p, 2, 0, 4);
	answer(f->m, "payslip-fn", "rotation", "unknown");
	questionnaire_progress(f->qn, fn, f->m, &p);
	assert_progress(&p, 3, 1, 4);
	/* Answers of hidden questions are kept but not counted. */
	answer(f->m, "payslip-fn", "uses-credentials", "no");
	questionnaire_progress(f->qn, fn, f->m, &p);
	assert_progress(&p, 1, 0, 2);
	questionnaire_progress(f->qn, model_element(f->m, "payslips"), f->m, &p);
	assert_progress(&p, 0, 0, 0);
	/* n/a counts as answered, and is not an open question. */
	answer(f->m, "payslip-fn", "lambda-notes", ANSWER_NA);
	questionnaire_progress(f->qn, fn, f->m, &p);
	assert_progress(&p, 2, 0, 2);
}

static void test_progress_totals(void **state)
{
	struct fixture *f = *state;
	struct qprogress p;

	answer(f->m, "get-payslip", "flow-encrypted", "yes");
	answer(f->m, "orders-fn", "uses-credentials", "unknown");
	/* payslip-fn 2, orders-fn 1, get-payslip 2 (uses-credentials, flow-encrypted). */
	questionnaire_model_progress(f->qn, f->m, &p);
	assert_progress(&p, 2, 1, 5);
	questionnaires_element_progress(&f->qn, 1, model_element(f->m, "get-payslip"), f->m, &p);
	assert_progress(&p, 1, 0, 2);
}

static void test_hash(void **state)
{
	struct fixture *f = *state;
	char h[QN_HASH_LEN + 1];
	char *text = test_read(ENGINE);

	questionnaire_hash("", 0, h);
	assert_string_equal(h, "cbf29ce484222325");
	questionnaire_hash("a", 1, h);
	assert_string_equal(h, "af63dc4c8601ec8c");
	questionnaire_hash(text, strlen(text), h);
	assert_string_equal(f->qn->hash, h);
	assert_int_equal(f->qn->version, 3);
	assert_string_equal(f->qn->path, ENGINE);
	free(text);
}

static void test_free_null(void **state)
{
	questionnaire_free(NULL);
	question_free(NULL);
	question_option_free(NULL);
	suggestion_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_questionnaire_applies, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_question_narrowing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_show_if_chain, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_show_if_hides_transitively, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_answer_valid, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_risky, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_suggestions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_not_applicable, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_provenance, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_progress, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_progress_totals, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_hash, setup, teardown),
	    cmocka_unit_test(test_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
