/*
 * Drawing the diagram from the overview without a terminal: the outline's order, adding an
 * element through its prompts (name, kind, type, boundary) with an id made from the name,
 * flows and boundaries by command, moving, renaming and deleting, starting from nothing.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include "ui_fixture.h"
#include "util.h"

static void outline_groups_by_boundary(void **state)
{
	struct ui_fixture *f = *state;
	size_t n, i;
	const struct outline_row *rows = f->app->index.outline;

	n = f->app->index.noutline;
	static const char *const want[] = {"internet",  "caller",     "aws", "hello-url",
					   "hello-fn",  "hello-logs", NULL,  "call-url",
					   "invoke-fn", "write-logs"};

	assert_int_equal(n, ARRAY_SIZE(want));
	for (i = 0; i < n; i++) {
		if (want[i])
			assert_string_equal(rows[i].element->id, want[i]);
		else
			assert_int_equal(rows[i].kind, OUTLINE_FLOWS);
	}
	assert_int_equal(rows[1].depth, 1);
}

static void add_element_through_prompts(void **state)
{
	struct ui_fixture *f = *state;
	const struct element *e;
	int flags;

	assert_int_equal(f->ctx->current, VIEW_OVERVIEW);
	flags = press(f, ACT_ADD);
	assert_true(flags & VIEW_PROMPT);
	answer_prompt(f, "Greeting table");
	assert_string_equal(f->ctx->prompt.initial.buf, "process");
	answer_prompt(f, "store");
	assert_string_equal(f->ctx->prompt.initial.buf, "aws.dynamodb");
	assert_true(strlist_contains(&f->ctx->prompt.completions, "aws.s3"));
	answer_prompt(f, "aws.dynamodb");
	answer_prompt(f, "aws");
	e = model_element(f->app->model, "greeting-table");
	assert_non_null(e);
	assert_int_equal(e->kind, KIND_DATA_STORE);
	assert_string_equal(e->name, "Greeting table");
	assert_string_equal(e->boundary, "aws");
	assert_string_equal(f->ctx->element, "greeting-table");
}

/* A wrong answer is asked again with the answers before it kept; names stand for ids. */
static void add_prompts_ask_again(void **state)
{
	struct ui_fixture *f = *state;
	const struct element *e;

	press(f, ACT_ADD);
	answer_prompt(f, "Customer");
	assert_true(answer_prompt(f, "widget") & VIEW_PROMPT); /* not a kind */
	assert_non_null(strstr(f->ctx->prompt.label.buf, "'widget' is not a kind"));
	answer_prompt(f, "entity");
	answer_prompt(f, "generic.user");
	assert_true(answer_prompt(f, "Nowhere") & VIEW_PROMPT); /* not a boundary */
	assert_non_null(strstr(f->ctx->prompt.label.buf, "No trust boundary 'Nowhere'"));
	assert_null(model_element(f->app->model, "customer"));
	answer_prompt(f, "internet"); /* the boundary's name, in any case */
	e = model_element(f->app->model, "customer");
	assert_non_null(e);
	assert_int_equal(e->kind, KIND_EXTERNAL_ENTITY);
	assert_string_equal(e->boundary, "internet");
	press(f, ACT_ADD_FLOW);
	answer_prompt(f, "Customer");
	assert_true(answer_prompt(f, "Orders table") & VIEW_PROMPT); /* no such element */
	assert_non_null(strstr(f->ctx->prompt.label.buf, "Flow from customer to"));
	answer_prompt(f, "Hello function");
	answer_prompt(f, "HTTPS");
	answer_prompt(f, "Greeting request");
	e = model_element(f->app->model, "greeting-request");
	assert_non_null(e);
	assert_string_equal(e->from, "customer");
	assert_string_equal(e->to, "hello-fn");
}

static void add_by_command_and_flows(void **state)
{
	struct ui_fixture *f = *state;
	const struct element *e;

	run_ok(f, "add process greet-fn aws.lambda \"Second function\"");
	run_ok(f, "move greet-fn aws");
	run_ok(f, "add-flow hello-fn greet-fn \"Lambda Invoke\" Call the second function");
	e = model_element(f->app->model, "call-the-second-function");
	assert_non_null(e);
	assert_string_equal(e->from, "hello-fn");
	assert_string_equal(e->protocol, "Lambda Invoke");
	run_fails(f, "add-flow hello-fn nowhere - Lost", "'nowhere'");
	run_fails(f, "add robot r2 generic.droid R2", "kind 'robot'");
	run_fails(f, "add process bad aws.s3 Not a process", "does not fit");
}

static void boundaries_rename_and_delete(void **state)
{
	struct ui_fixture *f = *state;
	int flags;

	run_ok(f, "add-boundary vpc Private VPC");
	assert_int_equal(model_element(f->app->model, "vpc")->kind, KIND_TRUST_BOUNDARY);
	run_ok(f, "rename hello-fn Greeting function");
	assert_string_equal(model_element(f->app->model, "hello-fn")->name, "Greeting function");
	flags = dispatch_command(f->ctx, "delete hello-logs");
	assert_true(flags & VIEW_PROMPT);
	answer_prompt(f, "yes");
	assert_null(model_element(f->app->model, "hello-logs"));
	assert_null(model_element(f->app->model, "write-logs")); /* its flow went with it */
}

static void start_from_nothing(void **state)
{
	struct ui_fixture *f = *state;
	int i;

	for (i = 0; i < 20 && f->app->model->nelements > 0; i++) {
		dispatch_command(f->ctx, "delete");
		if (f->ctx->prompting)
			answer_prompt(f, "yes");
	}
	assert_int_equal(f->app->model->nelements, 0);
	assert_null(ui_element(f->ctx));
	run_fails(f, "threat Anything", "no element");
	run_ok(f, "add-boundary cloud Cloud account");
	run_ok(f, "add entity user generic.user User");
	run_ok(f, "add process fn aws.lambda Function");
	run_ok(f, "move fn cloud");
	run_ok(f, "add-flow user fn HTTPS Request");
	run_ok(f, "goto request");
	run_ok(f, "threat Request body tampered in transit");
	assert_string_equal(last_threat(f)->element, "request");
}

static void overview_selection_follows_the_walk(void **state)
{
	struct ui_fixture *f = *state;
	struct view *v = f->ctx->views[VIEW_OVERVIEW];

	run_ok(f, "goto hello-fn");
	run_ok(f, "overview");
	assert_string_equal(v->ops->selected(v, f->ctx), "hello-fn");
	press(f, ACT_DOWN);
	assert_string_equal(f->ctx->element, "hello-logs");
	press(f, ACT_SELECT);
	assert_int_equal(f->ctx->current, VIEW_WALK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(outline_groups_by_boundary, fixture_hello,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(add_element_through_prompts, fixture_hello,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(add_prompts_ask_again, fixture_hello, fixture_free),
	    cmocka_unit_test_setup_teardown(add_by_command_and_flows, fixture_hello, fixture_free),
	    cmocka_unit_test_setup_teardown(boundaries_rename_and_delete, fixture_hello,
					    fixture_free),
	    cmocka_unit_test_setup_teardown(start_from_nothing, fixture_hello, fixture_free),
	    cmocka_unit_test_setup_teardown(overview_selection_follows_the_walk, fixture_hello,
					    fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
