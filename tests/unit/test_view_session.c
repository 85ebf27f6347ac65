/*
 * The session and review screens' actions without a terminal: the agenda started and moved on
 * with its clock (STRIDEWALK_NOW), going over a timebox, participants and roles, the parking
 * lot and notes; review items, marking them reviewed, and --review starting there.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>

#include "testlib.h"

#include "clock.h"
#include "coverage.h"
#include "ui_fixture.h"
#include "util.h"

/* The delete key on the Session screen with `name` selected, as a person would press it. */
static int press_delete_of(struct ui_fixture *f, const char *name)
{
	struct request req = {ACT_DELETE, name, 0, NULL};

	return dispatch_request(f->ctx, &req);
}

static void agenda_starts_and_moves_on(void **state)
{
	struct ui_fixture *f = *state;
	const struct phase *p;

	run_ok(f, "session");
	assert_null(ui_session(f->ctx));
	press(f, ACT_NEXT_PHASE);
	p = ui_phase(f->ctx);
	assert_non_null(p);
	assert_string_equal(p->name, "context");
	assert_int_equal(p->timebox_min, 10);
	press(f, ACT_NEXT_PHASE);
	assert_string_equal(ui_phase(f->ctx)->name, "walk");
	setenv("STRIDEWALK_NOW", "2026-03-02T10:40:00Z", 1); /* 40 minutes into a 35-minute walk */
	assert_true(phase_remaining(ui_phase(f->ctx), clock_now()) < 0);
	run_ok(f, "phase wrap-up");
	assert_string_equal(ui_phase(f->ctx)->name, "wrap-up");
	run_fails(f, "phase lunch", "no phase 'lunch'");
	run_ok(f, "timebox wrap-up 15");
	assert_int_equal(ui_phase(f->ctx)->timebox_min, 15);
	run_fails(f, "timebox wrap-up 0", "1 to 600");
}

/* At the end of the agenda > offers to end the session; the next > starts session 2 with the
 * same people, on request. */
static void sessions_end_and_the_next_begins(void **state)
{
	struct ui_fixture *f = *state;
	const struct session *s;

	run_ok(f, "participant Priya facilitator");
	run_ok(f, "participant Sam developer");
	run_ok(f, "phase wrap-up");
	s = ui_session(f->ctx);
	assert_string_equal(s->facilitator, "Priya"); /* the participant, never the login */
	assert_int_equal(s->people.count, 2);
	assert_true(press(f, ACT_NEXT_PHASE) & VIEW_PROMPT); /* the last phase: end it? */
	assert_non_null(strstr(f->ctx->prompt.label.buf, "End session 1"));
	answer_prompt(f, "yes");
	assert_null(ui_session(f->ctx));
	assert_non_null(model_session(f->app->model, 1)->ended);
	assert_non_null(strstr(f->ctx->message.buf, "session 1 ended after"));
	assert_true(press(f, ACT_NEXT_PHASE) & VIEW_PROMPT); /* the same people? */
	assert_non_null(strstr(f->ctx->prompt.label.buf, "with the 2 people of session 1"));
	answer_prompt(f, "yes");
	s = ui_session(f->ctx);
	assert_int_equal(s->number, 2);
	assert_int_equal(s->people.count, 2);
	assert_string_equal(ui_phase(f->ctx)->name, "context");
	/* E asks first: a word typed on the Session screen never ends the workshop */
	assert_true(press(f, ACT_END_SESSION) & VIEW_PROMPT);
	assert_non_null(strstr(f->ctx->prompt.label.buf, "End session 2"));
	assert_int_equal(f->ctx->prompt.initial.len, 0); /* Enter alone does not end it */
	answer_prompt(f, "mma");
	assert_int_equal(ui_session(f->ctx)->number, 2);
	assert_non_null(strstr(f->ctx->message.buf, "session 2 goes on"));
	run_ok(f, "end-session yes");
	run_ok(f, "start-session no");
	assert_int_equal(ui_session(f->ctx)->people.count, 0);
	assert_null(ui_session(f->ctx)->facilitator);
	run_ok(f, "facilitator sam");
	assert_string_equal(ui_session(f->ctx)->facilitator, "Sam");
}

static void participants_are_renamed_and_removed(void **state)
{
	struct ui_fixture *f = *state;
	const struct model *m = f->app->model;

	run_ok(f, "participant Sam developer");
	run_ok(f, "participant Jo architect");
	run_ok(f, "speaker Sam");
	run_ok(f, "goto payslip-fn");
	run_ok(f, "threat Sam's threat");
	run_ok(f, "vote Sam T-0001 2");
	run_ok(f, "session");
	run_ok(f, "rename Sam Samuel");
	assert_null(model_participant(m, "Sam"));
	assert_non_null(model_participant(m, "Samuel"));
	assert_string_equal(last_threat(f)->raised_by, "Samuel");
	assert_string_equal(f->app->speaker, "Samuel");
	assert_int_equal(model_index_dots(&f->app->index, "Samuel"), 2);
	assert_true(press_delete_of(f, "Jo") & VIEW_PROMPT);
	answer_prompt(f, "yes");
	assert_null(model_participant(m, "Jo"));
	run_ok(f, "undo");
	assert_non_null(model_participant(f->app->model, "Jo"));
}

static void people_parking_and_notes(void **state)
{
	struct ui_fixture *f = *state;
	const struct model *m = f->app->model;
	size_t items = m->nitems;

	run_ok(f, "participant \"Ana María\" security champion");
	assert_string_equal(model_participant(f->app->model, "Ana María")->role,
			    "security champion");
	run_ok(f, "participant Ana");
	run_ok(f, "park Is the VPN in scope?");
	assert_int_equal(f->app->model->nitems, items + 1);
	assert_int_equal(f->app->model->items[items]->kind, ITEM_PARKING);
	run_ok(f, "note First line");
	run_ok(f, "note Second line");
	assert_string_equal(ui_session(f->ctx)->notes, "First line\nSecond line");
	/* g and G, as everywhere: the first participant, the last topic of the parking lot */
	run_ok(f, "session");
	press(f, ACT_LAST);
	assert_int_not_equal(f->ctx->message_kind, MSG_ERROR);
	assert_string_equal(ui_selected(f->ctx), m->items[items]->id);
	press(f, ACT_FIRST);
	assert_string_equal(ui_selected(f->ctx), m->participants[0]->name);
}

/* What a practitioner types after +: a comma ends a name of several words; quotes still do;
 * without either the first word is the name, and the message says so and how to type it. */
static void participant_names_end_at_a_comma(void **state)
{
	struct ui_fixture *f = *state;
	const struct model *m = f->app->model;

	assert_true(press(f, ACT_PARTICIPANT) & VIEW_PROMPT);
	assert_non_null(
	    strstr(f->ctx->prompt.label.buf, "name, role — e.g. Ana María, facilitator"));
	answer_prompt(f, "Françoise Nguyễn, architect");
	assert_string_equal(model_participant(m, "Françoise Nguyễn")->role, "architect");
	assert_string_equal(f->ctx->message.buf, "saved participant Françoise Nguyễn as architect");
	run_ok(f, "participant  Zoë Ångström ,  security champion, deputy ");
	assert_string_equal(model_participant(m, "Zoë Ångström")->role,
			    "security champion, deputy");
	run_ok(f, "participant Jo Bloggs,");
	assert_null(model_participant(m, "Jo Bloggs")->role);
	run_ok(f, "participant \"Ana María\", facilitator");
	assert_string_equal(model_participant(m, "Ana María")->role, "facilitator");
	run_ok(f, "participant \"Ana María\" security champion");
	assert_string_equal(model_participant(m, "Ana María")->role, "security champion");
	assert_null(strstr(f->ctx->message.buf, "comma"));
	run_fails(f, "participant , architect", "a participant needs a name before the comma");
	/* no comma, no quotes: today's rule, said plainly, with the way to type it */
	run_ok(f, "participant Sam developer");
	assert_string_equal(f->ctx->message.buf, "saved participant Sam as developer");
	run_ok(f, "participant Françoise Nguyễn  architect");
	assert_null(model_participant(m, "Françoise Nguyễn architect"));
	assert_string_equal(model_participant(m, "Françoise")->role, "Nguyễn  architect");
	assert_string_equal(f->ctx->message.buf,
			    "saved participant Françoise as Nguyễn  architect (a comma separates "
			    "name and role: Françoise Nguyễn, architect)");
}

static void speaker_cycles_through_participants(void **state)
{
	struct ui_fixture *f = *state;
	const struct model *m = f->app->model;
	char *first;

	run_ok(f, "participant A");
	run_ok(f, "participant B");
	press(f, ACT_SPEAKER);
	first = xstrdup(f->ctx->app->speaker);
	press(f, ACT_SPEAKER);
	assert_string_not_equal(first, f->ctx->app->speaker);
	assert_non_null(model_participant(m, f->ctx->app->speaker));
	free(first);
}

/* The model closed mid-session and opened again: the same speaker, the same cell; moving and
 * naming a speaker are never changes of the model, so undo passes them by. */
static void reopening_picks_up_where_the_room_was(void **state)
{
	struct ui_fixture *f = *state;
	size_t changes;

	run_ok(f, "participant Priya facilitator");
	run_ok(f, "participant Sam developer");
	run_ok(f, "phase walk");
	run_ok(f, "speaker Sam");
	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter I");
	changes = f->app->model->nsessions;
	ui_ctx_free(f->ctx);
	app_close(f->app);
	f->ctx = NULL;
	f->app = NULL;
	{
		struct sw_error err = SW_ERROR_INIT;
		if (app_open(f->path, 0, &f->app, &err))
			fixture_fail(&err);
	}
	f->ctx = ui_ctx_new(f->app, f->lib, false);
	assert_string_equal(f->app->speaker, "Sam");
	assert_string_equal(f->ctx->element, "payslip-fn");
	assert_int_equal(f->ctx->letter, STRIDE_I);
	assert_int_equal(f->app->model->nsessions, changes);
	run_ok(f, "undo"); /* the last change was the walk phase, not the place */
	assert_string_not_equal(ui_phase(f->ctx) ? ui_phase(f->ctx)->name : "", "walk");
	run_ok(f, "redo");
	run_ok(f, "end-session yes");
	ui_ctx_free(f->ctx);
	f->ctx = ui_ctx_new(f->app, f->lib, false); /* no session: the walk starts at the top */
	assert_string_not_equal(f->ctx->element, "payslip-fn");
}

static void review_lists_and_marks(void **state)
{
	struct ui_fixture *f = *state;
	struct view *v;
	int flags;

	run_ok(f, "review");
	v = f->ctx->views[VIEW_REVIEW];
	assert_string_equal(v->ops->selected(v, f->ctx), "T-0001"); /* critical, first */
	flags = press(f, ACT_MARK);
	assert_true(flags & VIEW_PROMPT);
	answer_prompt(f, "Checked with the team: fix planned for the next sprint");
	assert_non_null(model_review(f->app->model, "threat:T-0001"));
	assert_string_equal(model_review(f->app->model, "threat:T-0001")->comment,
			    "Checked with the team: fix planned for the next sprint");
	run_ok(f, "mark \"cell:employee/R\" Logged by the identity provider");
	assert_non_null(model_review(f->app->model, "cell:employee/R"));
}

/* An element's pending cells are one item; marking it marks each cell, in one change. */
static void review_groups_an_elements_cells(void **state)
{
	struct ui_fixture *f = *state;
	const struct element_coverage *cov;
	const struct element *pool = model_element(f->app->model, "user-pool");
	char subject[64], first[64] = "";
	int l, pending = 0;

	run_ok(f, "review");
	cov = model_index_coverage(&f->app->index, pool->id);
	run_ok(f, "mark cells:user-pool Federation is out of scope this quarter");
	for (l = 0; l < STRIDE_COUNT; l++) {
		if (!(cov->applicable & STRIDE_BIT(l)) ||
		    coverage_cell(cov, (enum stride_letter)l) != CELL_PENDING)
			continue;
		pending++;
		snprintf(subject, sizeof(subject), "cell:user-pool/%c",
			 stride_char((enum stride_letter)l));
		assert_non_null(model_review(f->app->model, subject));
		assert_string_equal(model_review(f->app->model, subject)->comment,
				    "Federation is out of scope this quarter");
		if (!first[0])
			snprintf(first, sizeof(first), "%s", subject);
	}
	assert_true(pending >= 2);
	assert_string_equal(f->ctx->message.buf, "the open cells of user-pool marked reviewed");
	/* One change: a single undo takes every cell's mark back. */
	run_ok(f, "undo");
	assert_null(model_review(f->app->model, first));
	assert_null(model_review(f->app->model, subject)); /* the last one too */
	run_fails(f, "mark cells:nowhere Looked", "no element 'nowhere'");
}

/* The riskiest first; an element's pending cells decided from the review in one change; a
 * reviewed model can reach full coverage. */
static void review_decides_and_reaches_full_coverage(void **state)
{
	struct ui_fixture *f = *state;
	const struct coverage_totals *t = &f->app->index.totals;
	const char *sel;
	int guard = 0;

	run_ok(f, "review");
	sel = ui_selected(f->ctx);
	assert_non_null(sel);
	assert_int_equal(threat_risk(model_threat(f->app->model, sel)), 20); /* critical first */
	run_fails(f, "none Looks fine", "select one of those");
	while (t->count[CELL_PENDING] > 0 && guard++ < 200) {
		press(f, ACT_LAST); /* the cells come last: the least risky */
		if (press(f, ACT_NA) & VIEW_PROMPT)
			answer_prompt(f, "Out of scope for this model");
		assert_int_equal(f->ctx->message_kind, MSG_SAVED);
	}
	assert_int_equal(t->count[CELL_PENDING], 0);
	assert_int_equal(coverage_percent(t), 100);
}

static void review_flag_opens_the_review(void **state)
{
	struct ui_fixture *f = ui_fixture_new("demo-hr-workshop", true);

	assert_int_equal(f->ctx->current, VIEW_REVIEW);
	ui_fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(agenda_starts_and_moves_on, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(sessions_end_and_the_next_begins, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(participants_are_renamed_and_removed, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(people_parking_and_notes, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(participant_names_end_at_a_comma, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(speaker_cycles_through_participants, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(reopening_picks_up_where_the_room_was, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(review_lists_and_marks, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(review_groups_an_elements_cells, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(review_decides_and_reaches_full_coverage, fixture_demo,
					    fixture_free),
	    cmocka_unit_test(review_flag_opens_the_review),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
