/*
 * The threat board and the record-editing actions without a terminal: filters and sort
 * orders, quick ratings on the selection, status with the justification some statuses require
 * (asked for in a second prompt), letters, mitigations, dot votes and their limit.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include "ui_fixture.h"
#include "util.h"
#include "view_board.h"

static int setup(void **state)
{
	struct ui_fixture *f = ui_fixture_new("demo-hr-workshop", false);

	run_ok(f, "board");
	*state = f;
	return 0;
}

static const char *selection(struct ui_fixture *f)
{
	struct view *v = f->ctx->views[f->ctx->current];

	return v->ops->selected(v, f->ctx);
}

static void filters_parse_and_match(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct board_filter filter = {0};
	const struct threat *t = model_threat(f->app->model, "T-0001"); /* 20, open, E on fn */
	const struct model_index *ix = &f->app->index;
	size_t at = model_index_threat_at(ix, "T-0001");

	assert_int_equal(
	    board_filter_parse("critical open element=payslip-fn letter=E", &filter, &err), 0);
	assert_true(board_filter_match(&filter, ix, t, at));
	assert_int_equal(board_filter_parse("letter=S", &filter, &err), 0);
	assert_false(board_filter_match(&filter, ix, t, at));
	assert_int_equal(board_filter_parse("mitigated", &filter, &err), 0);
	assert_false(board_filter_match(&filter, ix, t, at));
	assert_int_equal(board_filter_parse("urgent", &filter, &err), -1);
	assert_non_null(strstr(err.msg, "no filter 'urgent'"));
	assert_int_equal(board_filter_parse("unmitigated", &filter, &err), 0);
	assert_false(board_filter_match(&filter, ix, t, at)); /* M-0001 answers it */
	sw_error_release(&err);
	board_filter_release(&filter);
}

static void open_is_shown_as_unresolved(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct board_filter filter = {0};
	const struct model_index *ix = &f->app->index;
	size_t at = model_index_threat_at(ix, "T-0002"); /* in discussion */

	/* "open" keeps meaning open or in discussion, and the board says so */
	assert_int_equal(board_filter_parse("open high", &filter, &err), 0);
	assert_string_equal(filter.text, "unresolved high");
	assert_true(board_filter_match(&filter, ix, model_threat(f->app->model, "T-0002"), at));
	assert_int_equal(board_filter_parse("all unresolved", &filter, &err), 0);
	assert_string_equal(filter.text, "unresolved");
	assert_int_equal(board_filter_parse("all", &filter, &err), 0);
	assert_null(filter.text);
	run_ok(f, "filter active");
	assert_non_null(strstr(f->ctx->message.buf, "shown: unresolved"));
	run_fails(f, "filter done", "(all, unresolved, unmitigated,");
	board_filter_release(&filter);
}

static void sort_and_filter_commands(void **state)
{
	struct ui_fixture *f = *state;

	assert_string_equal(selection(f), "T-0001"); /* risk first, ties by id */
	run_ok(f, "sort id");
	press(f, ACT_LAST);
	assert_string_equal(selection(f), "T-0012");
	run_ok(f, "filter low");
	press(f, ACT_FIRST);
	run_ok(f, "filter element=email-service");
	assert_string_equal(selection(f), "T-0012");
	run_fails(f, "sort size", "no order 'size'");
}

static void quick_ratings_change_the_selection(void **state)
{
	struct ui_fixture *f = *state;
	const struct threat *t;

	run_ok(f, "filter element=employee-api"); /* T-0010, 2 x 2 */
	press(f, ACT_MORE_LIKELY);
	press(f, ACT_MORE_IMPACT);
	press(f, ACT_MORE_IMPACT);
	t = model_threat(f->app->model, "T-0010");
	assert_int_equal(t->likelihood, 3);
	assert_int_equal(t->impact, 4);
	run_ok(f, "rate T-0010 5 5");
	assert_int_equal(model_threat(f->app->model, "T-0010")->likelihood, 5);
	press(f, ACT_MORE_LIKELY);
	assert_int_equal(f->ctx->message_kind, MSG_ERROR); /* already 5 */
	run_fails(f, "rate T-0010 6 1", "1 to 5");
}

static void status_asks_for_a_justification(void **state)
{
	struct ui_fixture *f = *state;
	const struct threat *t;
	int flags;

	flags = press(f, ACT_STATUS); /* on T-0001 */
	assert_true(flags & VIEW_PROMPT);
	assert_string_equal(f->ctx->prompt.initial.buf, "open");
	flags = answer_prompt(f, "accepted");
	assert_true(flags & VIEW_PROMPT); /* accepted needs a reason */
	assert_non_null(strstr(f->ctx->prompt.label.buf, "Why is T-0001 accepted"));
	answer_prompt(f, "Only two people can reach the API");
	t = model_threat(f->app->model, "T-0001");
	assert_int_equal(t->status, THREAT_ACCEPTED);
	assert_string_equal(t->justification, "Only two people can reach the API");
	run_ok(f, "status T-0002 mitigated");
	assert_int_equal(model_threat(f->app->model, "T-0002")->status, THREAT_MITIGATED);
	run_ok(f, "status T-0003 false-positive \"The bucket is not public\"");
	assert_string_equal(model_threat(f->app->model, "T-0003")->justification,
			    "The bucket is not public");
	run_fails(f, "status T-0002 done", "no status 'done'");
}

static void letters_put_the_primary_first(void **state)
{
	struct ui_fixture *f = *state;
	const struct threat *t;

	run_ok(f, "letters T-0001 EI");
	t = model_threat(f->app->model, "T-0001");
	assert_int_equal(t->letter, STRIDE_E);
	assert_int_equal(t->extra, STRIDE_BIT(STRIDE_I));
	run_fails(f, "letters T-0001 X", "'X' is not a STRIDE letter");
}

static void mitigate_adds_or_links(void **state)
{
	struct ui_fixture *f = *state;
	const struct mitigation *m;
	size_t before = f->app->model->nmitigations;

	run_ok(f, "mitigate T-0010 Reserve concurrency for the payslip function");
	assert_int_equal(f->app->model->nmitigations, before + 1);
	m = f->app->model->mitigations[before];
	assert_string_equal(m->title, "Reserve concurrency for the payslip function");
	assert_true(strlist_contains(&m->threats, "T-0010"));
	run_ok(f, "mitigate T-0012 M-0001"); /* an id links the existing one */
	assert_int_equal(f->app->model->nmitigations, before + 1);
	assert_true(
	    strlist_contains(&model_mitigation(f->app->model, "M-0001")->threats, "T-0012"));
}

static void votes_are_dots_with_a_limit(void **state)
{
	struct ui_fixture *f = *state;
	int i;

	run_ok(f, "prioritise");
	press(f, ACT_VOTE);
	assert_int_equal(f->ctx->message_kind, MSG_ERROR); /* nobody chosen to vote yet */
	run_ok(f, "participant Sam developer"); /* the first one added also becomes the speaker */
	assert_string_equal(f->ctx->app->speaker, "Sam");
	for (i = 0; i < APP_DOTS; i++)
		press(f, ACT_VOTE);
	assert_int_equal(model_index_dots(&f->app->index, "Sam"), APP_DOTS);
	press(f, ACT_VOTE);
	assert_non_null(strstr(f->ctx->message.buf, "used all"));
	press(f, ACT_UNVOTE);
	assert_int_equal(model_index_dots(&f->app->index, "Sam"), APP_DOTS - 1);
	assert_non_null(strstr(f->ctx->message.buf, "takes a dot back from")); /* not "gives" */
	run_ok(f, "vote Sam T-0002 1");
	assert_int_equal(f->app->index.votes[model_index_threat_at(&f->app->index, "T-0002")], 1);
	run_fails(f, "vote Nobody T-0002", "no participant 'Nobody'");
	/* a voter is named as :speaker names one: no quotes, any case, the start of the name */
	run_ok(f, "participant Priya Raman, architect");
	run_ok(f, "participant Priya Rao, developer");
	run_ok(f, "vote priya raman T-0002 1");
	assert_non_null(strstr(f->ctx->message.buf, "Priya Raman"));
	run_fails(f, "vote priya T-0002 1", "'priya' could be Priya Raman, Priya Rao");
}

static void delete_needs_a_yes(void **state)
{
	struct ui_fixture *f = *state;
	int flags = press(f, ACT_DELETE);

	assert_true(flags & VIEW_PROMPT);
	answer_prompt(f, "no");
	assert_non_null(model_threat(f->app->model, "T-0001"));
	press(f, ACT_DELETE);
	answer_prompt(f, "yes");
	assert_null(model_threat(f->app->model, "T-0001"));
}

static void backlog_fields(void **state)
{
	struct ui_fixture *f = *state;
	const struct mitigation *m;

	run_ok(f, "backlog");
	run_ok(f, "owner M-0002 Priya");
	run_ok(f, "ticket M-0002 HR-42");
	run_ok(f, "due M-0002 2026-06-30");
	run_ok(f, "status M-0002 implemented");
	m = model_mitigation(f->app->model, "M-0002");
	assert_string_equal(m->owner, "Priya");
	assert_string_equal(m->ticket, "HR-42");
	assert_string_equal(m->due, "2026-06-30");
	assert_int_equal(m->status, MITIGATION_IMPLEMENTED);
	run_fails(f, "due M-0002 soon", "must look like");
	run_fails(f, "due M-0002 2027-02-30", "'2027-02-30' is not a day of the calendar");
	run_ok(f, "owner M-0002 -");
	assert_null(model_mitigation(f->app->model, "M-0002")->owner);
	/* an owner is the participant the text names, as :speaker finds one, or the text itself */
	run_ok(f, "participant Bartholomew Okonkwo, security champion");
	run_ok(f, "participant Priya Raman, architect");
	run_ok(f, "participant Priya Rao, developer");
	run_ok(f, "owner M-0002 bart");
	assert_string_equal(model_mitigation(f->app->model, "M-0002")->owner,
			    "Bartholomew Okonkwo");
	run_fails(f, "owner M-0002 priya", "'priya' could be Priya Raman, Priya Rao");
	assert_string_equal(model_mitigation(f->app->model, "M-0002")->owner,
			    "Bartholomew Okonkwo");
	run_ok(f, "owner M-0002 Platform team");
	assert_string_equal(model_mitigation(f->app->model, "M-0002")->owner, "Platform team");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(filters_parse_and_match, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(open_is_shown_as_unresolved, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(sort_and_filter_commands, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(quick_ratings_change_the_selection, setup,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(status_asks_for_a_justification, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(letters_put_the_primary_first, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(mitigate_adds_or_links, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(votes_are_dots_with_a_limit, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(delete_needs_a_yes, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(backlog_fields, setup, fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
