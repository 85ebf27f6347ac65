/*
 * The walk's action handling without a terminal: capturing a threat with the speaker as who
 * raised it (from a key, through its prompt, and as a command), deciding cells none and n/a,
 * stepping letters and elements, jumping to the next pending cell (what an import added first),
 * presentation mode, undo.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include "coverage.h"
#include "ui_fixture.h"
#include "util.h"

static void capture_from_a_key_asks_then_saves(void **state)
{
	struct ui_fixture *f = *state;
	size_t before = f->app->model->nthreats;
	const struct threat *t;
	int flags;

	run_ok(f, "participant Priya facilitator");
	run_ok(f, "speaker pri"); /* the start of a name is enough */
	assert_string_equal(f->app->speaker, "Priya");
	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter T");
	assert_int_equal(f->ctx->current, VIEW_WALK);
	flags = press(f, ACT_THREAT);
	assert_true(flags & VIEW_PROMPT);
	assert_non_null(strstr(f->ctx->prompt.label.buf, "Get payslip function, T Tampering"));
	assert_non_null(strstr(f->ctx->prompt.label.buf, "raised by Priya"));
	answer_prompt(f, "Event body reaches a shell");
	assert_int_equal(f->app->model->nthreats, before + 1);
	t = last_threat(f);
	assert_string_equal(t->element, "payslip-fn");
	assert_int_equal(t->letter, STRIDE_T);
	assert_string_equal(t->title, "Event body reaches a shell");
	assert_string_equal(t->raised_by, "Priya");
	assert_int_equal(f->ctx->message_kind, MSG_SAVED);
	assert_non_null(strstr(f->ctx->message.buf, t->id));
}

/* A typo never makes someone up: an unknown name, or a start two names share, is an error. */
static void speaker_must_be_a_participant(void **state)
{
	struct ui_fixture *f = *state;

	run_fails(f, "speaker Ma", "no participant 'Ma' (:participant Ma adds them)");
	assert_int_equal(f->app->model->nparticipants, 0);
	run_ok(f, "participant \"Ana María\" developer");
	run_ok(f, "participant Anders tester");
	run_fails(f, "speaker An", "'An' could be Ana María, Anders");
	run_ok(f, "speaker \"ana maría\"");
	assert_string_equal(f->ctx->app->speaker, "Ana María");
	run_ok(f, "threat Forged token accepted");
	assert_string_equal(last_threat(f)->raised_by, "Ana María");
}

static void none_needs_a_reason_and_moves_on(void **state)
{
	struct ui_fixture *f = *state;
	const struct decision *d;
	int flags;

	run_ok(f, "goto staff-fn");
	run_ok(f, "letter R");
	flags = press(f, ACT_NONE);
	assert_true(flags & VIEW_PROMPT);
	assert_int_equal(f->ctx->prompt.action, ACT_NONE);
	assert_null(strstr(f->ctx->prompt.label.buf, "reason is needed"));
	flags = answer_prompt(f, ""); /* Enter alone: asked again, and told why */
	assert_true(flags & VIEW_PROMPT);
	assert_non_null(strstr(f->ctx->prompt.label.buf, "A reason is needed (Esc cancels)"));
	assert_null(model_decision(f->app->model, "staff-fn", STRIDE_R));
	answer_prompt(f, "Every staff change is logged with the caller");
	d = model_decision(f->app->model, "staff-fn", STRIDE_R);
	assert_non_null(d);
	assert_int_equal(d->state, CELL_NONE);
	assert_string_equal(d->reason, "Every staff change is logged with the caller");
	assert_int_equal(f->ctx->letter, STRIDE_I); /* on to the next letter */
	run_ok(f, "na Not reachable from outside the VPC");
	assert_int_equal(model_decision(f->app->model, "staff-fn", STRIDE_I)->state, CELL_NA);
}

/* n after a capture means "nothing else found": the cell closes and the walk moves on. */
static void none_on_a_cell_with_threats_closes_it(void **state)
{
	struct ui_fixture *f = *state;
	const struct decision *d;
	int flags;

	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter T");
	run_ok(f, "threat Payslip altered in the bucket");
	flags = press(f, ACT_NONE);
	assert_true(flags & VIEW_PROMPT); /* Enter alone closes it; a note may follow */
	assert_non_null(strstr(f->ctx->prompt.label.buf, "Nothing else for T"));
	answer_prompt(f, "");
	d = model_decision(f->app->model, "payslip-fn", STRIDE_T);
	assert_non_null(d);
	assert_string_equal(d->reason, "nothing else found");
	assert_int_equal(f->ctx->letter, STRIDE_R); /* on to the next letter */
	assert_non_null(strstr(f->ctx->message.buf, "nothing else for T on"));
	assert_non_null(strstr(f->ctx->message.buf, "now on R"));
}

static void reopen_makes_a_cell_pending(void **state)
{
	struct ui_fixture *f = *state;

	run_ok(f, "goto staff-fn");
	run_ok(f, "letter D");
	run_ok(f, "none Concurrency is reserved");
	run_ok(f, "letter D");
	run_ok(f, "reopen");
	assert_null(model_decision(f->app->model, "staff-fn", STRIDE_D));
}

static void letters_step_across_elements(void **state)
{
	struct ui_fixture *f = *state;
	enum stride_letter first;
	int i;

	run_ok(f, "goto employee"); /* an external entity: S and R only */
	assert_int_equal(f->ctx->letter, STRIDE_S);
	press(f, ACT_NEXT_LETTER);
	assert_int_equal(f->ctx->letter, STRIDE_R);
	press(f, ACT_NEXT_LETTER); /* past the last letter: the next element's first */
	assert_string_equal(f->ctx->element, "corporate-idp");
	assert_int_equal(f->ctx->letter, STRIDE_S);
	press(f, ACT_PREV_LETTER);
	assert_string_equal(f->ctx->element, "employee");
	assert_int_equal(f->ctx->letter, STRIDE_R);
	assert_non_null(strstr(f->ctx->message.buf, "previous element: Employee, letter R"));
	press(f, ACT_FIRST);
	for (i = 0; i < STRIDE_COUNT && !strstr(f->ctx->message.buf, "first letter"); i++)
		press(f, ACT_PREV_LETTER); /* to the first letter the first element has */
	first = f->ctx->letter;
	press(f, ACT_PREV_LETTER); /* before the first cell of the walk: it stays, and says so */
	assert_int_equal(f->ctx->letter, first);
	assert_non_null(strstr(f->ctx->message.buf, "is the first letter of the walk"));
	run_ok(f, "goto employee");
	press(f, ACT_DOWN);
	assert_string_equal(f->ctx->element, "corporate-idp");
	press(f, ACT_UP);
	assert_string_equal(f->ctx->element, "employee");
	run_fails(f, "letter T", "T does not apply to Employee");
}

static void next_finds_a_pending_cell(void **state)
{
	struct ui_fixture *f = *state;
	const struct element_coverage *cov;
	const struct element *e;

	run_ok(f, "goto employee"); /* S has a threat, R is pending */
	press(f, ACT_NEXT);
	assert_string_equal(f->ctx->element, "employee");
	assert_int_equal(f->ctx->letter, STRIDE_R);
	press(f, ACT_NEXT);
	e = model_element(f->app->model, f->ctx->element);
	cov = model_index_coverage(&f->app->index, e->id);
	assert_int_equal(coverage_cell(cov, f->ctx->letter), CELL_PENDING);
}

/* What the last import added is walked first: the next pending cell is on it, wherever it is. */
static void next_goes_to_what_the_import_added_first(void **state)
{
	struct ui_fixture *f = *state;
	const struct model_index *ix = &f->app->index;
	struct element *added = NULL;
	size_t i;

	for (i = ix->norder; i > 0 && !added; i--) {
		const struct element_coverage *cov = model_index_coverage(ix, ix->order[i - 1]->id);
		struct coverage_totals t;
		coverage_totals(cov, 1, &t);
		if (t.count[CELL_PENDING] > 0 && strcmp(ix->order[i - 1]->id, "employee") != 0)
			added = (struct element *)ix->order[i - 1];
	}
	assert_non_null(added);
	added->origin = origin_new("template.yaml", 9, "Uploads", "AWS::S3::Bucket", NULL);
	added->origin->state = IMPORT_NEW;
	run_ok(f, "goto employee"); /* R is pending here, but the new element comes first */
	press(f, ACT_NEXT);
	assert_string_equal(f->ctx->element, added->id);
	added->origin->state = IMPORT_KEPT; /* seen: the walk order counts again */
	run_ok(f, "goto employee");
	run_ok(f, "letter S");
	press(f, ACT_NEXT);
	assert_string_equal(f->ctx->element, "employee");
	assert_int_equal(f->ctx->letter, STRIDE_R);
}

static void goto_refuses_what_cannot_be_walked(void **state)
{
	struct ui_fixture *f = *state;

	run_fails(f, "goto nowhere", "no element 'nowhere'");
	run_fails(f, "goto aws", "no STRIDE letters");
	run_fails(f, "bogus", "unknown command 'bogus'");
	run_fails(f, "n", "ambiguous command 'n'");
}

static void presentation_steps_prompts(void **state)
{
	struct ui_fixture *f = *state;

	run_ok(f, "goto payslip-fn");
	press(f, ACT_PRESENT);
	assert_true(f->ctx->present);
	assert_string_equal(f->ctx->element, "payslip-fn");
	press(f, ACT_DOWN); /* in presentation, j is the next prompt, not the next element */
	assert_string_equal(f->ctx->element, "payslip-fn");
	press(f, ACT_PRESENT);
	assert_false(f->ctx->present);
}

static void undo_takes_back_a_capture(void **state)
{
	struct ui_fixture *f = *state;
	size_t before = f->app->model->nthreats;

	run_ok(f, "goto payslip-fn");
	run_ok(f, "threat Cold start leaks the previous caller's data");
	assert_int_equal(f->app->model->nthreats, before + 1);
	run_ok(f, "undo");
	assert_int_equal(f->app->model->nthreats, before);
	assert_non_null(strstr(f->ctx->message.buf, "undone"));
}

static int digit(struct ui_fixture *f, const char *d)
{
	struct request req = {ACT_RATE_CAPTURED, d, 0, NULL};

	return dispatch_request(f->ctx, &req);
}

/* Two digits right after a capture rate it; any other key first forgets the capture. */
static void a_capture_is_rated_in_two_keys(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	const struct threat *t;
	char *summary = NULL, *id;

	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter D");
	run_ok(f, "threat A retry storm runs up the bill");
	digit(f, "4");
	assert_non_null(strstr(f->ctx->message.buf, "now the impact"));
	digit(f, "5");
	t = last_threat(f);
	assert_int_equal(t->likelihood, 4);
	assert_int_equal(t->impact, 5);
	assert_non_null(strstr(f->ctx->message.buf, "= 20, critical"));
	digit(f, "2"); /* the rating is done: digits mean nothing now */
	assert_int_equal(f->ctx->message_kind, MSG_ERROR);
	run_ok(f, "threat Another one");
	press(f, ACT_NEXT_LETTER);
	digit(f, "1");
	assert_int_equal(f->ctx->message_kind, MSG_ERROR);
	assert_int_equal(last_threat(f)->likelihood, 3); /* untouched */
	/* a likelihood typed on its own is saved, though another key follows it */
	run_ok(f, "threat A third one");
	digit(f, "5");
	assert_int_equal(f->ctx->message_kind, MSG_SAVED);
	press(f, ACT_NEXT_LETTER);
	t = last_threat(f);
	assert_int_equal(t->likelihood, 5);
	assert_int_equal(t->impact, 3);
	/* a digit equal to the rating it has is no change: no undo step that does nothing */
	run_ok(f, "threat A fourth one");
	digit(f, "3"); /* 3 is the likelihood a new threat has */
	assert_int_equal(f->ctx->message_kind, MSG_SAVED);
	digit(f, "5");
	id = xstrdup(last_threat(f)->id);
	assert_int_equal(app_undo(f->app, &summary, &err), 0); /* the impact */
	assert_non_null(strstr(summary, "edit threat"));
	free(summary);
	assert_int_equal(model_threat(f->app->model, id)->impact, 3);
	assert_int_equal(app_undo(f->app, &summary, &err), 0); /* then the capture itself */
	free(summary);
	assert_null(model_threat(f->app->model, id));
	free(id);
	assert_int_equal(app_redo(f->app, &summary, &err), 0);
	free(summary);
	assert_int_equal(app_undo(f->app, &summary, &err), 0); /* the redo, said plainly */
	assert_null(strstr(summary, "redo:"));
	free(summary);
}

static void keys_that_mean_nothing_say_so(void **state)
{
	struct ui_fixture *f = *state;

	press(f, ACT_WALK);
	press(f, ACT_SORT); /* the board's */
	assert_int_equal(f->ctx->message_kind, MSG_ERROR);
	assert_non_null(strstr(f->ctx->message.buf, "does nothing on the walk screen"));
	press(f, ACT_ACCEPT); /* works anywhere, but only after a risky answer */
	assert_non_null(strstr(f->ctx->message.buf, "no suggested threat waits"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(capture_from_a_key_asks_then_saves, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(speaker_must_be_a_participant, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(none_needs_a_reason_and_moves_on, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(none_on_a_cell_with_threats_closes_it, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(a_capture_is_rated_in_two_keys, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(reopen_makes_a_cell_pending, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(letters_step_across_elements, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(next_finds_a_pending_cell, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(next_goes_to_what_the_import_added_first, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(goto_refuses_what_cannot_be_walked, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(presentation_steps_prompts, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(undo_takes_back_a_capture, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(keys_that_mean_nothing_say_so, fixture_demo,
					    fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
