/*
 * The derived index the app keeps up to date change by change. Whatever a workshop does, the
 * index must equal one built from scratch on the same model, and the counts must move as a
 * user sees them move; and an update skipped by mistake must be caught, not shown.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"
#include "ui_fixture.h"

#include "coverage.h"
#include "model_index.h"

/* The kept index equals a fresh build; the message says where it does not. */
static void assert_as_fresh(struct ui_fixture *f)
{
	struct sbuf why = SBUF_INIT;

	if (!model_index_verify(&f->app->index, f->app->model, &why))
		fail_msg("the kept index differs from a fresh one in %s", why.buf);
	sbuf_release(&why);
}

static int pending(const struct ui_fixture *f)
{
	return f->app->index.totals.count[CELL_PENDING];
}

static void captures_and_decisions_update_the_counts(void **state)
{
	struct ui_fixture *f = *state;
	unsigned long generation = f->app->index.generation;
	int before = pending(f);

	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter R");
	run_ok(f, "threat Nobody can tell which caller asked for a payslip");
	assert_int_equal(pending(f), before - 1);
	run_ok(f, "letter D");
	run_ok(f, "none Reserved concurrency caps it");
	assert_int_equal(pending(f), before - 2);
	run_ok(f, "goto staff-fn");
	run_ok(f, "letter D");
	run_ok(f, "na Not reachable from outside");
	run_ok(f, "letter D"); /* deciding moved on to the next letter */
	run_ok(f, "reopen");
	assert_int_equal(pending(f), before - 2);
	assert_true(f->app->index.generation >= generation + 4); /* every change is news */
	assert_as_fresh(f);
}

static void edits_and_moves_follow_the_threat(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct threat *t = threat_dup(model_threat(f->app->model, "T-0001"));
	const struct model_index *ix = &f->app->index;
	size_t at = model_index_threat_at(ix, "T-0001");
	size_t to = model_index_element(ix, "staff-fn");
	size_t had = ix->element_threats[to].n;

	run_ok(f, "rate T-0001 5 5");
	assert_int_equal(ix->facts[at].risk, 25);
	run_ok(f, "letters T-0001 ET");
	assert_int_equal(ix->facts[at].letters, STRIDE_BIT(STRIDE_E) | STRIDE_BIT(STRIDE_T));
	free(t->element);
	t->element = xstrdup("staff-fn"); /* the same threat, now on another element */
	if (app_put_threat(f->app, t, &err))
		fixture_fail(&err);
	threat_free(t);
	assert_int_equal(ix->element_threats[to].n, had + 1);
	assert_int_equal(ix->threat_element[at], to);
	assert_as_fresh(f);
}

static void undo_and_another_process_rebuild(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	const struct model_index *ix = &f->app->index;
	struct app *other;
	size_t had;

	run_ok(f, "goto payslip-fn");
	run_ok(f, "letter I");
	run_ok(f, "threat Payslip cached in /tmp across invocations");
	run_ok(f, "undo");
	assert_as_fresh(f);
	had = ix->element_threats[model_index_element(ix, "staff-fn")].n;
	if (app_open(f->path, 0, &other, &err) ||
	    app_add_threat(other, "staff-fn", STRIDE_D, "Retry storm", NULL, NULL, &err))
		fixture_fail(&err);
	app_close(other);
	assert_int_equal(app_refresh(f->app, &err), 1);
	assert_int_equal(ix->element_threats[model_index_element(ix, "staff-fn")].n, had + 1);
	assert_as_fresh(f);
}

static void votes_mitigations_and_people_are_counted(void **state)
{
	struct ui_fixture *f = *state;
	const struct model_index *ix = &f->app->index;
	size_t at = model_index_threat_at(ix, "T-0010"), mits = ix->threat_mitigations[at].n;

	run_ok(f, "mitigate T-0002 M-0001"); /* an existing one, edited to list one more */
	run_ok(f, "mitigate T-0010 Reserved concurrency per function");
	assert_int_equal(ix->threat_mitigations[at].n, mits + 1);
	run_ok(f, "participant Ana");
	run_ok(f, "speaker Ana");
	run_ok(f, "vote Ana T-0010 2");
	assert_int_equal(ix->votes[at], 2);
	assert_int_equal(model_index_dots(ix, "Ana"), 2);
	run_ok(f, "goto payslip-fn");
	run_ok(f, "threat Ana's threat");
	assert_int_equal(ix->tally[model_index_participant(ix, "Ana")].raised, 1);
	run_fails(f, "vote Ana T-0002 2", "used all 3 dots");
	assert_as_fresh(f);
}

static void an_answer_changes_no_derived_fact(void **state)
{
	struct ui_fixture *f = *state;
	const struct element_coverage *before = f->app->index.cov;
	unsigned long generation = f->app->index.generation;

	run_ok(f, "goto payslip-fn");
	run_ok(f, "view questionnaire");
	press(f, ACT_YES);
	assert_ptr_equal(f->app->index.cov, before); /* updated, not rebuilt */
	assert_true(f->app->index.generation > generation); /* but the screens see news */
	assert_as_fresh(f);
}

/* A change made to the model behind the index's back: the self-check names what differs. */
static void a_skipped_update_is_found(void **state)
{
	struct ui_fixture *f = *state;
	struct model *m = f->app->model;
	struct sbuf why = SBUF_INIT;
	struct threat *t = threat_new("T-0999", "payslip-fn", STRIDE_S);

	t->title = xstrdup("Added without telling the index");
	model_add_threat(m, t);
	assert_false(model_index_verify(&f->app->index, m, &why));
	assert_non_null(strstr(why.buf, "the coverage totals")); /* what a user sees first */
	model_index_threat(&f->app->index, m, "T-0999"); /* the update that was skipped */
	assert_true(model_index_verify(&f->app->index, m, NULL));
	m->threats[m->nthreats - 1]->likelihood = 5; /* an edit nobody reported */
	sbuf_reset(&why);
	assert_false(model_index_verify(&f->app->index, m, &why));
	assert_non_null(strstr(why.buf, "the ratings, status or letters of threat T-0999"));
	sbuf_release(&why);
}

/*
 * The same through the app, as an operation that forgot its update would leave things: the
 * next change stops the program with a message naming the change, before anything is shown.
 */
static void the_app_stops_on_drift(void **state)
{
	struct ui_fixture *f = *state;
	char out[512] = "";
	int fds[2], status;
	ssize_t got;
	pid_t pid;

#ifdef NDEBUG
	skip(); /* the self-check runs in debug builds only */
#endif
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct sw_error err = SW_ERROR_INIT;
		struct participant p = {"Nina", NULL};
		close(fds[0]);
		dup2(fds[1], 2);
		signal(SIGABRT, SIG_DFL);
		f->app->model->threats[0]->impact = 1; /* behind the index's back */
		app_put_participant(f->app, &p, &err);
		_exit(0); /* not reached when the drift is caught */
	}
	close(fds[1]);
	got = read(fds[0], out, sizeof(out) - 1);
	close(fds[0]);
	out[got > 0 ? got : 0] = '\0';
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	assert_non_null(strstr(out, "after 'participant' the derived index differs"));
	assert_non_null(strstr(out, "T-0001"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(captures_and_decisions_update_the_counts, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(edits_and_moves_follow_the_threat, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(undo_and_another_process_rebuild, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(votes_mitigations_and_people_are_counted, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(an_answer_changes_no_derived_fact, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(a_skipped_update_is_found, fixture_demo, fixture_free),
	    cmocka_unit_test_setup_teardown(the_app_stops_on_drift, fixture_demo, fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
