/*
 * Rules the app enforces whoever asks (a key, a command, an import): everyone has three dots,
 * and starting the agenda starts the session in the same change, so one key is one undo. And
 * where the room is: a move is written with the next change, or when the model is closed.
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "ui_fixture.h"

static const char over_budget[] =
    "stridewalk: 1\n"
    "name: Votes\n"
    "elements:\n"
    "  - { id: fn, kind: process, type: aws.lambda, name: Function }\n"
    "threats:\n"
    "  - { id: T-0001, element: fn, stride: [S], title: One, likelihood: 3, impact: 3, status: "
    "open }\n"
    "  - { id: T-0002, element: fn, stride: [T], title: Two, likelihood: 3, impact: 3, status: "
    "open }\n"
    "participants:\n"
    "  - { name: Ana }\n"
    "votes:\n"
    "  - { participant: Ana, threat: T-0001, count: 3 }\n"
    "  - { participant: Ana, threat: T-0002, count: 1 }\n";

static void an_import_cannot_exceed_the_dots(void **state)
{
	struct ui_fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;
	size_t had = f->app->model->nthreats;

	if (system_yaml_parse("votes.yaml", over_budget, strlen(over_budget), &m, &err))
		fixture_fail(&err);
	assert_int_equal(app_replace_model(f->app, m, "import", "votes", &err), -1);
	assert_string_equal(err.msg, "Ana gives 4 dots; everyone has 3");
	assert_int_equal(f->app->model->nthreats, had); /* nothing changed */
	model_free(m);
	sw_error_release(&err);
}

static void a_vote_command_cannot_exceed_the_dots(void **state)
{
	struct ui_fixture *f = *state;

	run_ok(f, "participant Ana");
	run_ok(f, "vote Ana T-0001 3");
	run_fails(f, "vote Ana T-0002 1", "Ana has used all 3 dots");
	run_ok(f, "vote Ana T-0001 2");
	run_ok(f, "vote Ana T-0002 1");
	assert_int_equal(model_index_dots(&f->app->index, "Ana"), 3);
}

static void the_first_phase_starts_the_session_in_one_step(void **state)
{
	struct ui_fixture *f = *state;
	size_t sessions = f->app->model->nsessions;

	assert_null(ui_session(f->ctx));
	run_ok(f, "phase walk");
	assert_non_null(ui_session(f->ctx));
	assert_string_equal(ui_phase(f->ctx)->name, "walk");
	run_ok(f, "undo");
	assert_null(ui_session(f->ctx)); /* the one undo took both back */
	assert_int_equal(f->app->model->nsessions, sessions);
}

static char *kept_element(struct ui_fixture *f, long session, char *letter)
{
	struct db_room room;
	char *element;

	assert_int_equal(db_get_room(f->app->db, session, &room, NULL), 0);
	element = room.element ? strdup(room.element) : NULL;
	*letter = room.letter;
	db_room_release(&room);
	return element;
}

static void a_move_is_kept_with_the_next_change(void **state)
{
	struct ui_fixture *f = *state;
	const struct model *m = f->app->model;
	const char *first = m->elements[m->nelements - 1]->id, *second = m->elements[0]->id;
	char letter, *kept;
	long session;

	run_ok(f, "phase walk");
	session = ui_session(f->ctx)->number;
	app_keep_place(f->app, first, STRIDE_T);
	kept = kept_element(f, session, &letter);
	assert_true(kept == NULL || strcmp(kept, first) != 0); /* a move alone writes nothing */
	free(kept);
	run_ok(f, "participant Ana"); /* a change of the work takes the place with it */
	kept = kept_element(f, session, &letter);
	assert_string_equal(kept, first);
	assert_int_equal(letter, 'T');
	free(kept);
	app_keep_place(f->app, second, STRIDE_S);
	app_save_room(f->app); /* what closing the model does */
	kept = kept_element(f, session, &letter);
	assert_string_equal(kept, second);
	assert_int_equal(letter, 'S');
	free(kept);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(a_move_is_kept_with_the_next_change, fixture_hello,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(an_import_cannot_exceed_the_dots, fixture_hello,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(a_vote_command_cannot_exceed_the_dots, fixture_demo,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(the_first_phase_starts_the_session_in_one_step,
					    fixture_hello, fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
