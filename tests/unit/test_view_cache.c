/*
 * view_cache.c keeps coverage, totals, threats per element and threat facts up to date change
 * by change. Whatever a workshop does, the result must equal what a context built from
 * scratch on the same model derives: that is what every test here checks.
 */
#include <stdio.h>

#include "testlib.h"
#include "ui_fixture.h"

#include "coverage.h"
#include "view_board.h"

/* Everything the kept cache holds equals a fresh derivation from the same model. */
static void assert_same_as_fresh(struct ui_fixture *f)
{
	struct ui_ctx *fresh = ui_ctx_new(f->app, f->lib, false);
	const struct model *m = f->app->model;
	const struct element_coverage *kept = ui_coverage(f->ctx), *want = ui_coverage(fresh);
	const struct coverage_totals *kt = ui_totals(f->ctx), *wt = ui_totals(fresh);
	const struct threat_facts *kf = ui_threat_facts(f->ctx), *wf = ui_threat_facts(fresh);
	size_t i, j, kn, wn;

	for (i = 0; i < m->nelements; i++) {
		const struct threat *const *ko = ui_element_threats(f->ctx, m->elements[i], &kn);
		const struct threat *const *wo = ui_element_threats(fresh, m->elements[i], &wn);
		if (memcmp(&kept[i], &want[i], sizeof(kept[i])) != 0)
			fail_msg("coverage of %s: kept %x/%x/%x, fresh %x/%x/%x",
				 m->elements[i]->id, kept[i].threats, kept[i].none, kept[i].na,
				 want[i].threats, want[i].none, want[i].na);
		assert_int_equal(kn, wn);
		for (j = 0; j < kn; j++)
			assert_ptr_equal(ko[j], wo[j]);
		assert_int_equal(ui_walk_position(f->ctx, m->elements[i]->id),
				 ui_walk_position(fresh, m->elements[i]->id));
	}
	assert_int_equal(kt->cells, wt->cells);
	for (i = 0; i < CELL_STATE_COUNT; i++)
		assert_int_equal(kt->count[i], wt->count[i]);
	for (i = 0; i < m->nthreats; i++)
		assert_memory_equal(&kf[i], &wf[i], sizeof(kf[i]));
	ui_ctx_free(fresh);
}

static void captures_and_decisions_update_one_element(void **state)
{
	struct ui_fixture *f = *state;
	int pending;

	run_ok(f, "goto payslip-fn");
	ui_coverage(f->ctx); /* built before the changes, so they are applied one by one */
	pending = ui_totals(f->ctx)->count[CELL_PENDING];
	run_ok(f, "letter R");
	run_ok(f, "threat Nobody can tell which caller asked for a payslip");
	run_ok(f, "letter D");
	run_ok(f, "none Reserved concurrency caps it");
	assert_same_as_fresh(f);
	run_ok(f, "goto staff-fn");
	run_ok(f, "letter D");
	run_ok(f, "na Not reachable from outside");
	run_ok(f, "letter D"); /* deciding moved on to the next letter */
	run_ok(f, "reopen");
	run_ok(f, "none Throttled at the gateway");
	assert_same_as_fresh(f);
	/* The counts moved as a user would see them in the status bar. */
	assert_true(ui_totals(f->ctx)->count[CELL_PENDING] < pending);
}

static void edits_keep_the_threat_in_place(void **state)
{
	struct ui_fixture *f = *state;
	const struct threat *before;
	char line[128];

	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter T");
	run_ok(f, "threat Payslip rewritten in the bucket");
	before = last_threat(f);
	ui_threat_facts(f->ctx);
	snprintf(line, sizeof(line), "letters %s STE", before->id);
	run_ok(f, line);
	snprintf(line, sizeof(line), "rate %s 5 5", before->id);
	run_ok(f, line);
	snprintf(line, sizeof(line), "status %s mitigated Object lock on the bucket", before->id);
	run_ok(f, line);
	assert_ptr_equal(model_threat(f->app->model, before->id), before);
	assert_int_equal(threat_letters(before),
			 STRIDE_BIT(STRIDE_S) | STRIDE_BIT(STRIDE_T) | STRIDE_BIT(STRIDE_E));
	assert_same_as_fresh(f);
}

static void a_threat_moved_to_another_element_rebuilds(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct threat *t = threat_dup(model_threat(f->app->model, "T-0001"));

	assert_string_equal(t->element, "payslip-fn");
	ui_threat_facts(f->ctx);
	free(t->element);
	t->element = xstrdup("staff-fn");
	if (app_put_threat(f->app, t, &err))
		fixture_fail(&err);
	ui_threat_changed(f->ctx, t->id);
	threat_free(t);
	assert_same_as_fresh(f);
}

static void undo_and_another_process_rebuild(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct app *other;
	size_t had, now;

	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter I");
	run_ok(f, "threat Payslip cached in /tmp across invocations");
	ui_coverage(f->ctx);
	run_ok(f, "undo");
	assert_same_as_fresh(f);
	/* Another process commits; this one reads the model back without telling the screens,
	 * as a change refused for being stale does. The screens must notice on their own. */
	ui_element_threats(f->ctx, model_element(f->app->model, "staff-fn"), &had);
	if (app_open(f->path, 0, &other, &err) ||
	    app_add_threat(other, "staff-fn", STRIDE_D, "Retry storm", NULL, NULL, &err))
		fixture_fail(&err);
	app_close(other);
	assert_int_equal(app_refresh(f->app, &err), 1);
	assert_same_as_fresh(f);
	ui_element_threats(f->ctx, model_element(f->app->model, "staff-fn"), &now);
	assert_int_equal(now, had + 1);
}

static void an_answer_keeps_what_the_cache_derived(void **state)
{
	struct ui_fixture *f = *state;
	const struct element_coverage *before;
	size_t answers = f->app->model->nanswers;

	run_ok(f, "goto payslip-fn");
	run_ok(f, "view questionnaire");
	before = ui_coverage(f->ctx);
	press(f, ACT_YES);
	assert_int_equal(f->app->model->nanswers, answers + 1);
	assert_ptr_equal(ui_coverage(f->ctx), before); /* not rebuilt for an answer */
	assert_same_as_fresh(f);
}

/* The per-threat counts kept across votes and mitigations equal a fresh count. */
static void assert_counts_as_fresh(struct ui_fixture *f)
{
	struct ui_ctx *fresh = ui_ctx_new(f->app, f->lib, false);
	struct threat_counts kept, want;
	size_t i, j, kn, wn;

	threat_counts_init(&kept, f->ctx);
	threat_counts_init(&want, fresh);
	assert_int_equal(kept.n, want.n);
	for (i = 0; i < want.n; i++) {
		const struct mitigation *const *k = threat_counts_mitigation_list(&kept, i, &kn);
		const struct mitigation *const *w = threat_counts_mitigation_list(&want, i, &wn);
		assert_int_equal(threat_counts_votes(&kept, i), threat_counts_votes(&want, i));
		assert_int_equal(kn, wn);
		for (j = 0; j < kn; j++)
			assert_ptr_equal(k[j], w[j]);
	}
	threat_counts_release(&kept);
	threat_counts_release(&want);
	ui_ctx_free(fresh);
}

static void counts_follow_votes_and_mitigations(void **state)
{
	struct ui_fixture *f = *state;
	size_t at;

	run_ok(f, "view board");
	assert_counts_as_fresh(f); /* resolves every mitigation once */
	run_ok(f, "mitigate T-0002 M-0001"); /* an existing one, edited to list one more */
	run_ok(f, "mitigate T-0010 Reserved concurrency per function");
	run_ok(f, "participant Ana");
	run_ok(f, "vote Ana T-0010 2");
	assert_counts_as_fresh(f);
	at = ui_threat_position(f->ctx, "T-0010");
	{
		struct threat_counts c;
		threat_counts_init(&c, f->ctx);
		assert_int_equal(threat_counts_votes(&c, at), 2);
		assert_true(threat_counts_mitigations(&c, at) >= 1);
		threat_counts_release(&c);
	}
}

static void board_filters_by_facts(void **state)
{
	struct ui_fixture *f = *state;
	const struct model *m = f->app->model;
	const struct threat_facts *facts = ui_threat_facts(f->ctx);
	struct board_filter filter = {0};
	struct sw_error err = SW_ERROR_INIT;
	struct threat_counts counts;
	size_t i, open = 0, shown = 0;

	threat_counts_init(&counts, f->ctx);
	assert_int_equal(board_filter_parse("open", &filter, &err), 0);
	for (i = 0; i < m->nthreats; i++) {
		open += threat_status_is_active(m->threats[i]->status);
		shown += board_filter_match(&filter, &counts, m->threats[i], i, &facts[i]);
	}
	assert_true(open > 0);
	assert_int_equal(shown, open);
	board_filter_release(&filter);
	threat_counts_release(&counts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(captures_and_decisions_update_one_element, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(edits_keep_the_threat_in_place, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(a_threat_moved_to_another_element_rebuilds,
					    fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(undo_and_another_process_rebuild, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(an_answer_keeps_what_the_cache_derived, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(counts_follow_votes_and_mitigations, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(board_filters_by_facts, fixture_demo, fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
