/*
 * The questionnaire loader: one broken fixture per kind of mistake, each with its exact
 * file:line:col message, and the complete example of stridewalk-questionnaire(5).
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "questionnaire_triage.h"
#include "questionnaire_write.h"
#include "questionnaire_yaml.h"
#include "sbuf.h"
#include "util.h"

#define DIR "fixtures/questionnaires/"
#define MAN_PAGE "../man/stridewalk-questionnaire.5"

static const struct {
	const char *file;
	const char *message;
} broken[] = {
    {"bad-unknown-key.yaml",
     "9:5: unknown key 'colour' in question (expected one of: id, core, text, help, answer, "
     "options, risky, stride, show_if, applies_to, suggests)"},
    {"bad-missing-text.yaml", "6:5: missing required key 'text'"},
    {"bad-duplicate-id.yaml", "9:9: duplicate question id 'role' (first at line 6)"},
    {"bad-duplicate-key.yaml", "8:5: duplicate key 'text'"},
    {"bad-show-if-unknown.yaml", "9:26: show_if names unknown question 'uses-roles'"},
    {"bad-show-if-later.yaml",
     "9:26: show_if names question 'uses-roles', which must come before this one"},
    {"bad-show-if-answer.yaml",
     "15:48: show_if answer 'vault' is not an answer question 'source' can give (expected one "
     "of: platform, env, unknown, n/a)"},
    {"bad-letter.yaml", "9:17: unknown STRIDE letter 'X' (expected S, T, R, I, D or E)"},
    {"bad-rating.yaml", "14:17: 'impact' must be a whole number from 1 to 5, not '7'"},
    {"bad-risky-not-option.yaml",
     "9:13: risky answer 'maybe' is not an answer question 'role' can give (expected one of: "
     "yes, no)"},
    {"bad-answer-type.yaml",
     "8:13: unknown answer type 'multiple' (expected yes_no, choice or text)"},
    {"bad-kind.yaml",
     "4:32: unknown kind 'lambda' (expected one of: external_entity, process, data_store, "
     "data_flow)"},
    {"bad-type.yaml",
     "4:41: unknown type 'aws.lamda' (see 'stridewalk list types'; generic.NAME fits "
     "anything)"},
    {"bad-type-kind.yaml",
     "4:53: type 'aws.s3' does not fit the kinds listed: this type is a data store"},
    {"bad-options-not-choice.yaml", "9:5: only choice questions have 'options'"},
    {"bad-choice-no-options.yaml", "8:13: a choice question needs 'options'"},
    {"bad-risky-no-suggestion.yaml",
     "11:57: risky answer 'env' suggests no threat; add 'suggests'"},
    {"bad-suggests-never.yaml", "9:5: 'suggests' never fires: question 'role' has no risky answer"},
    {"bad-no-mitigations.yaml", "11:9: missing required key 'mitigations'"},
    {"bad-narrowing.yaml", "9:17: kind 'data_store' is outside the questionnaire's applies_to"},
    {"bad-option-unknown.yaml",
     "11:15: option id 'unknown' is reserved: every question accepts it"},
    {"bad-text-risky.yaml", "9:5: a text question cannot have risky answers"},
    {"bad-id.yaml", "1:5: 'id' must be a lowercase slug (a-z, 0-9 and '-', at most 64), "
		    "not 'Identity Pack'"},
    {"bad-version.yaml", "3:10: 'version' must be a whole number from 1 to 1000000, not 'one'"},
    {"bad-core-value.yaml", "7:11: 'core' must be true or false, not 'maybe'"},
    {"bad-core-show-if.yaml",
     "10:11: core question 'tmp-cleanup' is asked only after 'uses-tmp', which is not core "
     "(mark 'uses-tmp' core too, or drop 'core' here)"},
    {"bad-na-risky.yaml", "9:13: 'n/a' is never risky"},
    {"bad-yaml.yaml",
     "8:11: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence "
     "that starts at line 7, column 11)"},
};

static char *load_error(const char *path)
{
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *qn = NULL;
	struct sbuf sb = SBUF_INIT;

	if (questionnaire_load(path, &qn, &err) == 0) {
		questionnaire_free(qn);
		fail_msg("%s loaded without an error", path);
	}
	assert_null(qn);
	sbuf_init(&sb);
	sw_error_format(&err, &sb);
	sw_error_release(&err);
	return sbuf_detach(&sb);
}

static void test_broken_fixtures(void **state)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(broken); i++) {
		struct sbuf path = SBUF_INIT, want = SBUF_INIT;
		char *got;

		sbuf_addf(&path, DIR "%s", broken[i].file);
		sbuf_addf(&want, "%s:%s", path.buf, broken[i].message);
		got = load_error(path.buf);
		assert_string_equal(got, want.buf);
		free(got);
		sbuf_release(&path);
		sbuf_release(&want);
	}
}

static void test_missing_file(void **state)
{
	char *got = load_error(DIR "no-such-file.yaml");

	assert_true(str_starts_with(got, DIR "no-such-file.yaml: cannot open: "));
	free(got);
}

static void test_text_and_empty(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *qn = NULL;

	assert_int_equal(questionnaire_load_text("empty.yaml", "", 0, &qn, &err), -1);
	assert_string_equal(err.msg, "the file is empty");
	assert_int_equal(questionnaire_load_text("list.yaml", "- a\n", 4, &qn, &err), -1);
	assert_string_equal(err.msg, "a questionnaire file must be a mapping, not a list");
	assert_int_equal(err.line, 1);
	sw_error_release(&err);
}

static void test_good_fixture(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *qn = NULL;
	const struct question *q;

	assert_int_equal(questionnaire_load(DIR "engine.yaml", &qn, &err), 0);
	assert_string_equal(qn->id, "engine");
	assert_string_equal(qn->title, "Engine test questionnaire");
	assert_string_equal(qn->summary, "A small questionnaire the engine tests walk.");
	assert_int_equal(qn->nquestions, 5);
	assert_int_equal(strlen(qn->hash), QN_HASH_LEN);
	q = questionnaire_find_question(qn, "rotation");
	assert_string_equal(q->show_if.question, "credential-source");
	assert_int_equal(q->show_if.answers.count, 2);
	assert_int_equal(q->line, 41);
	assert_int_equal(q->stride, STRIDE_BIT(STRIDE_S));
	q = questionnaire_find_question(qn, "credential-source");
	assert_int_equal(q->type, ANSWER_CHOICE);
	assert_int_equal(q->noptions, 3);
	assert_string_equal(q->options[1]->label, "Plain environment variable");
	assert_int_equal(q->stride, STRIDE_BIT(STRIDE_S) | STRIDE_BIT(STRIDE_E));
	questionnaire_free(qn);
}

/* `core` is read, written back only where true, and survives a second round. */
static void test_core_round_trip(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *qn = NULL, *back = NULL;
	struct sbuf out = SBUF_INIT, again = SBUF_INIT;
	const char *at;
	size_t i;

	assert_int_equal(questionnaire_load(DIR "triage/alpha.yaml", &qn, &err), 0);
	assert_true(questionnaire_find_question(qn, "a1")->core);
	assert_false(questionnaire_find_question(qn, "a2")->core);
	assert_int_equal(questionnaire_find_question(qn, "a3")->line, 14);
	assert_int_equal(questionnaire_find_question(qn, "a3")->col, 5);
	assert_int_equal(questionnaire_write(qn, &out, &err), 0);
	at = strstr(out.buf, "- id: a1\n  core: true\n  text: First core question?\n");
	assert_non_null(at);
	assert_null(strstr(out.buf, "core: false"));
	for (i = 0, at = out.buf; (at = strstr(at, "core: true")); at++)
		i++;
	assert_int_equal(i, 3);
	if (questionnaire_load_text("snapshot", out.buf, out.len, &back, &err))
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
	for (i = 0; i < qn->nquestions; i++)
		assert_int_equal(back->questions[i]->core, qn->questions[i]->core);
	assert_int_equal(questionnaire_write(back, &again, &err), 0);
	assert_string_equal(again.buf, out.buf);
	questionnaire_free(back);
	questionnaire_free(qn);
	sbuf_release(&out);
	sbuf_release(&again);
}

/* `core: false` says what the default says. */
static void test_core_false(void **state)
{
	static const char text[] =
	    "id: p\ntitle: P\nversion: 1\napplies_to: { kinds: [process] }\n"
	    "questions:\n  - { id: q, core: false, text: Q?, answer: yes_no }\n";
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *qn = NULL;

	assert_int_equal(questionnaire_load_text("p.yaml", text, strlen(text), &qn, &err), 0);
	assert_false(qn->questions[0]->core);
	assert_int_equal(qn->questions_line, 5);
	assert_int_equal(qn->questions_col, 1);
	questionnaire_free(qn);
}

/* The first `.Bd -literal` block of the EXAMPLES section. */
static char *man_example(const char *page)
{
	const char *sec = strstr(page, "\n.Sh EXAMPLES\n");
	const char *start, *end;

	assert_non_null(sec);
	start = strstr(sec, "\n.Bd -literal -offset indent\n");
	assert_non_null(start);
	start += strlen("\n.Bd -literal -offset indent\n");
	end = strstr(start, "\n.Ed\n");
	assert_non_null(end);
	return strndup(start, (size_t)(end - start) + 1);
}

static void test_man_page_example(void **state)
{
	char *page = test_read(MAN_PAGE);
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *qn = NULL;
	char *example;

	assert_non_null(page);
	example = man_example(page);
	if (questionnaire_load_text(MAN_PAGE, example, strlen(example), &qn, &err))
		fail_msg("the man page example does not load: %s:%d:%d: %s", err.file, err.line,
			 err.col, err.msg);
	assert_true(qn->nquestions >= 3);
	/* The example is one to copy: it lints without a warning too. */
	if (questionnaire_triage_check(qn, &err))
		fail_msg("the man page example lints with a warning: %s", err.msg);
	assert_true(questionnaire_find_question(qn, "dlq-owner")->core);
	assert_false(questionnaire_find_question(qn, "queue-retention")->core);
	questionnaire_free(qn);
	free(example);
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_broken_fixtures),  cmocka_unit_test(test_missing_file),
	    cmocka_unit_test(test_text_and_empty),   cmocka_unit_test(test_good_fixture),
	    cmocka_unit_test(test_man_page_example), cmocka_unit_test(test_core_round_trip),
	    cmocka_unit_test(test_core_false),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
