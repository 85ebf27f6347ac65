/*
 * The questionnaire screen's action handling without a terminal: single-key answers, a risky
 * answer's suggestion accepted (a threat with provenance and its mitigations) or skipped, an
 * "unknown" that opens a question, moving on by itself, and answers by command.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>

#include "testlib.h"

#include "act.h"
#include "app_questionnaire.h"
#include "export.h"
#include "ui_fixture.h"
#include "util.h"

static int setup(void **state)
{
	struct ui_fixture *f = ui_fixture_new("demo-hr-workshop", false);

	run_ok(f, "goto payslip-fn");
	run_ok(f, "questionnaire");
	*state = f;
	return 0;
}

/* The current question's questionnaire/question, through the answer it is about to get. */
static const struct answer *answer_for(struct ui_fixture *f, const char *qn, const char *q)
{
	return model_answer(f->app->model, "payslip-fn", qn, q);
}

static void risky_answer_offers_and_accepts(void **state)
{
	struct ui_fixture *f = *state;
	size_t threats = f->app->model->nthreats, mits = f->app->model->nmitigations;
	const struct threat *t;

	/* the first question of the first questionnaire: api-edge/object-authz, risky "no" */
	press(f, ACT_NO);
	assert_non_null(answer_for(f, "api-edge", "object-authz"));
	assert_string_equal(answer_for(f, "api-edge", "object-authz")->value, "no");
	assert_non_null(strstr(f->ctx->message.buf, "risky"));
	/* T-0001 on this cell looks alike (a would link to it): "new" adds a copy all the same */
	run_ok(f, "accept new");
	assert_int_equal(f->app->model->nthreats, threats + 1);
	t = last_threat(f);
	assert_string_equal(t->element, "payslip-fn");
	assert_int_equal(t->origin, ORIGIN_QUESTIONNAIRE);
	assert_string_equal(t->provenance, "api-edge/object-authz = no");
	assert_true(f->app->model->nmitigations > mits);
	/* nothing else waits, so the screen moved on to the next question */
	press(f, ACT_YES);
	assert_non_null(answer_for(f, "api-edge", "mass-assignment"));
}

/* A suggestion that says what a threat on the cell says in other words (T-0001: a colleague's
 * payslip fetched by changing the employee id) is offered as that threat's look-alike, and a
 * links the answer to it instead of adding a near-duplicate. */
static void a_look_alike_is_linked(void **state)
{
	struct ui_fixture *f = *state;
	size_t threats = f->app->model->nthreats;
	struct suggestion_offer *offers;

	press(f, ACT_NO);
	assert_int_equal(act_answer_waiting(f->ctx, &offers), 1);
	assert_string_equal(offers[0].same_as, "T-0001");
	assert_true(offers[0].alike);
	free(offers);
	press(f, ACT_ACCEPT);
	assert_int_equal(f->app->model->nthreats, threats);
	assert_string_equal(f->ctx->message.buf,
			    "linked the answer to T-0001, which looks alike (U undoes it)");
	assert_string_equal(model_suggestion_decision(f->app->model, "payslip-fn", "api-edge",
						      "object-authz", "no", 0)
				->threat,
			    "T-0001");
}

/* The model in memory is what a fresh read of the file gives (the same YAML export). */
static void assert_model_as_in_file(struct ui_fixture *f)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf kept = SBUF_INIT, read = SBUF_INIT;
	struct model *fresh = NULL;

	if (db_load(f->app->db, &fresh, &err) ||
	    export_model(f->app->model, "yaml", &(struct export_options){0}, &kept, &err) ||
	    export_model(fresh, "yaml", &(struct export_options){0}, &read, &err))
		fixture_fail(&err);
	assert_string_equal(kept.buf, read.buf);
	model_free(fresh);
	sbuf_release(&kept);
	sbuf_release(&read);
}

/* Deleting a threat drops, in memory as in the file, its votes and mitigation links, and the
 * suggestion that created it forgets it (the model is not read back: that took 120 ms). */
static void deleting_an_accepted_threat_cascades(void **state)
{
	struct ui_fixture *f = *state;
	const struct model *m = f->app->model;
	char id[32], line[64];
	size_t i;

	press(f, ACT_NO);
	run_ok(f, "accept new");
	snprintf(id, sizeof(id), "%s", last_threat(f)->id);
	run_ok(f, "participant Ana");
	snprintf(line, sizeof(line), "vote Ana %s 2", id);
	run_ok(f, line);
	assert_true(m->suggestion_decisions[m->nsuggestion_decisions - 1]->accepted);
	assert_string_equal(m->suggestion_decisions[m->nsuggestion_decisions - 1]->threat, id);
	snprintf(line, sizeof(line), "delete %s", id);
	run_ok(f, line);
	answer_prompt(f, "yes");
	m = f->app->model;
	assert_null(model_threat(m, id));
	for (i = 0; i < m->nmitigations; i++)
		assert_false(strlist_contains(&m->mitigations[i]->threats, id));
	for (i = 0; i < m->nvotes; i++)
		assert_string_not_equal(m->votes[i]->threat, id);
	assert_null(m->suggestion_decisions[m->nsuggestion_decisions - 1]->threat);
	assert_model_as_in_file(f);
}

static void skip_records_the_decision(void **state)
{
	struct ui_fixture *f = *state;
	size_t threats = f->app->model->nthreats;

	press(f, ACT_NO);
	press(f, ACT_SKIP);
	assert_int_equal(f->app->model->nthreats, threats);
	assert_int_equal(f->app->model->nsuggestion_decisions, 1);
	assert_false(f->app->model->suggestion_decisions[0]->accepted);
	press(f, ACT_SKIP); /* nothing waits any more */
	assert_int_equal(f->ctx->message_kind, MSG_ERROR);
}

static void unknown_opens_a_question(void **state)
{
	struct ui_fixture *f = *state;
	size_t items = f->app->model->nitems;

	assert_true(press(f, ACT_UNKNOWN) & VIEW_PROMPT); /* who finds out, and by when? */
	assert_string_equal(answer_for(f, "api-edge", "object-authz")->value, "unknown");
	assert_int_equal(f->app->model->nitems, items + 1);
	assert_int_equal(f->app->model->items[items]->kind, ITEM_QUESTION);
	answer_prompt(f, "\"Ana María\" 2026-03-09");
	assert_string_equal(f->app->model->items[items]->owner, "Ana María");
	assert_string_equal(f->app->model->items[items]->due, "2026-03-09");
	run_ok(f, "question-owner Q-0001 Sam"); /* or later, by command */
	run_fails(f, "question-owner Q-0001 zoe 2027-02-30", "not a day of the calendar");
	assert_string_equal(f->app->model->items[items]->owner, "Sam"); /* not "zoe 2027-02-30" */
	run_ok(f, "participant Zoë Kowalczyk, developer");
	run_ok(f, "question-owner Q-0001 zoe");
	assert_string_equal(f->app->model->items[items]->owner, "Zoë Kowalczyk");
}

static void wrong_keys_for_the_question_say_so(void **state)
{
	struct ui_fixture *f = *state;
	struct request choose = {ACT_CHOOSE, "2", 0, NULL};

	dispatch_request(f->ctx, &choose); /* a yes/no question */
	assert_int_equal(f->ctx->message_kind, MSG_ERROR);
	assert_null(answer_for(f, "api-edge", "object-authz"));
	press(f, ACT_SELECT);
	assert_int_equal(f->ctx->message_kind, MSG_ERROR);
}

static void choices_take_digits(void **state)
{
	struct ui_fixture *f = *state;
	struct request choose = {ACT_CHOOSE, "2", 0, NULL};
	int i;

	/* page through questionnaires to identity, whose first question is a choice */
	for (i = 0; i < 20 && !answer_for(f, "identity", "credential-source"); i++) {
		press(f, ACT_PAGE_DOWN);
		dispatch_request(f->ctx, &choose);
	}
	assert_string_equal(answer_for(f, "identity", "credential-source")->value, "static");
}

static void answer_by_command(void **state)
{
	struct ui_fixture *f = *state;

	run_ok(f, "answer identity/credential-source 1");
	assert_string_equal(answer_for(f, "identity", "credential-source")->value, "platform");
	run_fails(f, "answer identity/nope yes", "no question 'identity/nope'");
	run_fails(f, "answer identity/credential-source maybe", "maybe");
	run_ok(f, "answer identity/credential-source n/a");
	assert_string_equal(answer_for(f, "identity", "credential-source")->value, ANSWER_NA);
}

static void navigation_and_next_open(void **state)
{
	struct ui_fixture *f = *state;

	press(f, ACT_YES); /* answers object-authz, moves on */
	press(f, ACT_UP);
	press(f, ACT_UP);
	press(f, ACT_NEXT); /* the first unanswered after the current: mass-assignment */
	press(f, ACT_YES);
	assert_non_null(answer_for(f, "api-edge", "mass-assignment"));
	assert_string_equal(answer_for(f, "api-edge", "mass-assignment")->value, "yes");
}

/* A workshop asks the core questions of the chosen packs; A adds the rest. */
static void a_workshop_asks_core_questions_first(void **state)
{
	struct ui_fixture *f = *state;
	const struct answer *a;
	const struct question *q;

	run_ok(f, "phase walk");
	run_ok(f, "goto payslip-fn");
	run_ok(f, "packs identity");
	assert_int_equal(ui_session(f->ctx)->packs.count, 1);
	run_ok(f, "questionnaire");
	press(f, ACT_NOT_APPLICABLE);
	a = f->app->model->answers[f->app->model->nanswers - 1];
	assert_string_equal(a->questionnaire, "identity");
	assert_string_equal(a->value, ANSWER_NA);
	q = questionnaire_find_question(qlibrary_questionnaire(f->lib, "identity"), a->question);
	assert_true(q->core);
	run_ok(f, "packs all");
	assert_int_equal(ui_session(f->ctx)->packs.count, 0);
}

/* :answer from any screen says what waits; :accept takes it from there, and one that says what
 * a threat on the cell says is linked to it rather than copied. */
static void suggestions_from_anywhere(void **state)
{
	struct ui_fixture *f = *state;
	struct suggestion_offer *offers;
	size_t threats, n;
	char line[256];

	run_ok(f, "walk");
	run_ok(f, "answer api-edge/object-authz no");
	assert_non_null(strstr(f->ctx->message.buf, "1 suggested threat waits"));
	n = act_answer_waiting(f->ctx, &offers);
	assert_int_equal(n, 1);
	snprintf(line, sizeof(line), "threat %s", offers[0].suggestion->threat);
	free(offers);
	run_ok(f, "letter E");
	run_ok(f, line); /* someone said it on the walk already */
	threats = f->app->model->nthreats;
	run_ok(f, "accept");
	assert_int_equal(f->app->model->nthreats, threats); /* linked, not copied */
	assert_non_null(strstr(f->ctx->message.buf, "linked the answer to"));
	assert_non_null(strstr(f->ctx->message.buf, "says the same"));
	assert_string_equal(model_suggestion_decision(f->app->model, "payslip-fn", "api-edge",
						      "object-authz", "no", 0)
				->threat,
			    last_threat(f)->id);
	run_fails(f, "accept", "no suggested threat waits");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(risky_answer_offers_and_accepts, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(a_look_alike_is_linked, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(deleting_an_accepted_threat_cascades, setup,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(skip_records_the_decision, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(unknown_opens_a_question, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(wrong_keys_for_the_question_say_so, setup,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(choices_take_digits, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(answer_by_command, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(navigation_and_next_open, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(a_workshop_asks_core_questions_first, setup,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(suggestions_from_anywhere, setup, fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
