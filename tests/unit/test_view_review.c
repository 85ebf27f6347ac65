/*
 * Review mode without a terminal: a mark says what it marked in the room's words, the list keeps
 * its order when items are marked (the reviewer's place does not jump), and the selection moves
 * on to the next item still to do.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include "ui_fixture.h"
#include "util.h"

static int setup(void **state)
{
	struct ui_fixture *f = ui_fixture_new("demo-hr-workshop", false);

	run_ok(f, "review");
	*state = f;
	return 0;
}

static const char *selection(struct ui_fixture *f)
{
	struct view *v = f->ctx->views[f->ctx->current];

	return v->ops->selected(v, f->ctx);
}

/* The first threats of the list, in order, as ids joined by spaces (a new string). */
static char *first_threats(struct ui_fixture *f, int n)
{
	struct sbuf sb = SBUF_INIT;
	int i;

	sbuf_init(&sb);
	press(f, ACT_FIRST);
	for (i = 0; i < n; i++, press(f, ACT_DOWN))
		sbuf_addf(&sb, "%s%s", i ? " " : "", selection(f) ? selection(f) : "-");
	return sbuf_detach(&sb);
}

static void a_mark_keeps_the_order(void **state)
{
	struct ui_fixture *f = *state;
	char *before = first_threats(f, 5), *after;

	press(f, ACT_FIRST);
	assert_string_equal(selection(f), "T-0001");
	run_ok(f, "mark Ownership check confirmed in code review");
	assert_string_equal(f->ctx->message.buf, "T-0001 marked reviewed");
	/* the next one is selected, and T-0001 stays first, marked */
	assert_string_not_equal(selection(f), "T-0001");
	after = first_threats(f, 5);
	assert_string_equal(after, before);
	free(after);
	free(before);
}

static void marking_skips_what_is_done(void **state)
{
	struct ui_fixture *f = *state;
	char *order = first_threats(f, 3), *second = strchr(order, ' ') + 1, *third;

	third = strchr(second, ' ');
	*third++ = '\0';
	/* mark the second first, then the first: the selection skips the second, done already */
	press(f, ACT_FIRST);
	press(f, ACT_DOWN);
	run_ok(f, "mark Checked");
	press(f, ACT_FIRST);
	run_ok(f, "mark Checked too");
	assert_string_equal(selection(f), third);
	free(order);
}

static void marks_say_what_they_marked(void **state)
{
	struct ui_fixture *f = *state;

	run_ok(f, "mark cell:payslip-fn/S Spoofing is the gateway's job");
	assert_string_equal(f->ctx->message.buf, "S on payslip-fn marked reviewed");
	run_ok(f, "mark cells:employee Nothing more to say about employees");
	assert_string_equal(f->ctx->message.buf, "the open cells of employee marked reviewed");
	run_ok(f, "mark T-0009 Role split is planned");
	assert_string_equal(f->ctx->message.buf, "T-0009 marked reviewed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(a_mark_keeps_the_order, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(marking_skips_what_is_done, setup, fixture_free),
	    cmocka_unit_test_setup_teardown(marks_say_what_they_marked, setup, fixture_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
