/*
 * Two handles on one model (a facilitator's and a scribe's stridewalk): app_refresh() notices
 * the other's commits through PRAGMA data_version, from this process or another one (the
 * real binary, run through the shell: no fork with open SQLite handles), and a change
 * worked out on a copy that another handle has since changed never overwrites its work.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "sbuf.h"
#include "system_yaml.h"

static const char model_yaml[] =
    "stridewalk: 1\n"
    "name: Refresh test\n"
    "elements:\n"
    "  - { id: fn, kind: process, type: aws.lambda, name: Function }\n";

struct fixture {
	char *dir, *path;
	struct app *a, *b; /* two connections to the same file */
};

static void check(int rc, const struct sw_error *err)
{
	if (rc)
		fail_msg("%s: %s", err->file ? err->file : "", err->msg ? err->msg : "?");
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct sw_error err = SW_ERROR_INIT;
	struct model *m;

	f->dir = test_tmpdir();
	f->path = test_path(f->dir, "m.db");
	check(system_yaml_parse("inline", model_yaml, strlen(model_yaml), &m, &err), &err);
	check(app_open(f->path, DB_NEW, &f->a, &err), &err);
	check(app_replace_model(f->a, m, "import", "test model", &err), &err);
	check(app_open(f->path, 0, &f->b, &err), &err);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	app_close(f->a);
	app_close(f->b);
	db_remove_files(f->path);
	rmdir(f->dir);
	free(f->path);
	free(f->dir);
	free(f);
	return 0;
}

static bool has_threat_titled(const struct model *m, const char *title)
{
	size_t i;

	for (i = 0; i < m->nthreats; i++)
		if (strcmp(m->threats[i]->title, title) == 0)
			return true;
	return false;
}

static void test_nothing_new(void **state)
{
	struct fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	const struct model *before = f->b->model;

	assert_int_equal(app_refresh(f->b, &err), 0);
	assert_ptr_equal(f->b->model, before); /* no reload when nothing changed */
	/* Our own commits are not news either. */
	check(app_add_threat(f->b, "fn", STRIDE_S, "own change", "b", NULL, &err), &err);
	assert_int_equal(app_refresh(f->b, &err), 0);
}

static void test_sees_other_handle(void **state)
{
	struct fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;

	check(app_add_threat(f->a, "fn", STRIDE_S, "from a", "a", NULL, &err), &err);
	assert_false(has_threat_titled(f->b->model, "from a"));
	assert_int_equal(app_refresh(f->b, &err), 1);
	assert_true(has_threat_titled(f->b->model, "from a"));
	assert_int_equal(app_refresh(f->b, &err), 0);
}

/* Another stridewalk process (the real binary) commits; this one notices. */
static void test_sees_other_process(void **state)
{
	struct fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	char *yaml = test_path(f->dir, "more.yaml"), *output = NULL;
	struct sbuf cmd = SBUF_INIT;

	test_write(yaml, "stridewalk: 1\n"
			 "name: Refresh test\n"
			 "elements:\n"
			 "  - { id: fn, kind: process, type: aws.lambda, name: Function }\n"
			 "  - { id: table, kind: data_store, type: aws.dynamodb, name: Table }\n");
	sbuf_addf(&cmd, "'%s' import '%s' '%s'", test_binary(), f->path, yaml);
	if (test_run(cmd.buf, &output) != 0)
		fail_msg("%s: %s", cmd.buf, output);
	assert_null(model_element(f->b->model, "table"));
	assert_int_equal(app_refresh(f->b, &err), 1);
	assert_non_null(model_element(f->b->model, "table"));
	free(output);
	free(yaml);
	sbuf_release(&cmd);
}

/*
 * b has not refreshed since a committed: its next threat id is worked out on a stale copy and
 * equals the one a just took. The change must either be refused (and then succeed after a
 * refresh) or land beside a's - never replace it. Fails without the stale-copy check in
 * app_change().
 */
static void test_stale_copy_never_overwrites(void **state)
{
	struct fixture *f = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct app *fresh = NULL;
	bool has_a, has_b;

	check(app_add_threat(f->a, "fn", STRIDE_S, "captured by a", "a", NULL, &err), &err);
	if (app_add_threat(f->b, "fn", STRIDE_S, "captured by b", "b", NULL, &err) != 0) {
		assert_non_null(err.msg);
		sw_error_release(&err);
		/* the refusal already reloaded b: a's threat is what b's screen shows next */
		assert_true(has_threat_titled(f->b->model, "captured by a"));
		assert_int_equal(app_refresh(f->b, &err), 0);
		check(app_add_threat(f->b, "fn", STRIDE_S, "captured by b", "b", NULL, &err), &err);
	}
	check(app_open(f->path, 0, &fresh, &err), &err);
	has_a = has_threat_titled(fresh->model, "captured by a");
	has_b = has_threat_titled(fresh->model, "captured by b");
	app_close(fresh);
	if (!has_a)
		print_message(
		    "b's change overwrote a's threat: app_change() wrote on a stale copy\n");
	assert_true(has_a);
	assert_true(has_b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_nothing_new, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sees_other_handle, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sees_other_process, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_stale_copy_never_overwrites, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
