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
	run_fails(f, "next-phase", "last phase");
	run_fails(f, "phase lunch", "no phase 'lunch'");
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
	assert_string_equal(f->ctx->message.buf, "saved: cells:user-pool reviewed");
	/* One change: a single undo takes every cell's mark back. */
	run_ok(f, "undo");
	assert_null(model_review(f->app->model, first));
	assert_null(model_review(f->app->model, subject)); /* the last one too */
	run_fails(f, "mark cells:nowhere Looked", "no element 'nowhere'");
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
	    cmocka_unit_test_setup_teardown(people_parking_and_notes, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(speaker_cycles_through_participants, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(review_lists_and_marks, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(review_groups_an_elements_cells, fixture_demo,
					    fixture_free),
	    cmocka_unit_test(review_flag_opens_the_review),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
