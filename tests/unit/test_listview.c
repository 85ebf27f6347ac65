/*
 * Lists whose rows take more than one line, drawn on a virtual screen and read back: every row
 * shown whole when they fit, spare lines shared from the top, the selected row kept whole
 * where asked, a tall row never cut while the list scrolls, the marks counting what is hidden;
 * and the helpers that lay out text for them (parts joined without splitting one, cells).
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"
#include "listview.h"
#include "sbuf.h"
#include "ui_curses.h"

#define COLS_ 40
#define ROWS_ 30

static SCREEN *screen;
static FILE *out, *in;

static int setup(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	setenv("LINES", "30", 1);
	setenv("COLUMNS", "40", 1);
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	screen = newterm("vt100", out, in);
	return screen ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	endwin();
	delscreen(screen);
	fclose(out);
	fclose(in);
	return 0;
}

/* Each row wants lines[i] lines; it writes "rI" on its first line ("rI*" when it is the
 * selected one) and "rI+" on the others. */
struct rows {
	const int *lines;
	size_t n;
};

static int want(const struct rect *area, size_t row, const void *data)
{
	(void)area;
	return ((const struct rows *)data)->lines[row];
}

static void put(int y, int lines, const struct rect *area, size_t row, bool selected,
		const void *data)
{
	int l;

	(void)data;
	for (l = 0; l < lines; l++)
		draw_textf(y + l, area->x, area->w, UC_NORMAL, "r%zu%s", row,
			   l          ? "+"
			   : selected ? "*"
				      : "");
}

/* The screen's line y as UTF-8, trailing blanks dropped. */
static char *line(int y)
{
	wchar_t w[COLS_ + 1];
	char *s = calloc(4 * COLS_ + 1, 1);
	size_t n;

	mvinnwstr(y, 0, w, COLS_);
	w[COLS_] = 0;
	n = wcstombs(s, w, 4 * COLS_);
	while (n > 0 && s[n - 1] == ' ')
		s[--n] = 0;
	return s;
}

/* Draws the list in an area of `h` lines and compares the lines with `expect` (NULL-ended). */
static void check(struct listview *lv, const struct rows *r, int h, enum listview_fit fit,
		  const char *const *expect)
{
	struct rect area = {0, 0, h, COLS_};
	int y;

	erase();
	listview_set_count(lv, r->n);
	listview_draw_tall(lv, &area, fit, want, put, r);
	for (y = 0; y < h; y++) {
		char *got = line(y);
		const char *e = expect[y] ? expect[y] : "";
		if (strcmp(got, e) != 0)
			fail_msg("line %d: got '%s', want '%s'", y, got, e);
		free(got);
		if (!expect[y])
			break;
	}
}

static void rows_that_fit_are_whole(void **state)
{
	static const int lines[] = {1, 2, 1};
	struct rows r = {lines, 3};
	struct listview lv = {0};
	const char *const expect[] = {"r0*", "r1", "r1+", "r2", "", NULL};

	(void)state;
	check(&lv, &r, 5, LISTVIEW_SPARE, expect);
}

static void spare_lines_go_to_the_top_rows(void **state)
{
	static const int lines[] = {3, 3, 3};
	struct rows r = {lines, 3};
	struct listview lv = {0};
	const char *const spare[] = {"r0", "r0+", "r0+", "r1", "r2*", NULL};
	const char *const mine[] = {"r0", "r1*", "r1+", "r1+", "r2", NULL};

	(void)state;
	lv.selected = 2;
	check(&lv, &r, 5, LISTVIEW_SPARE, spare);
	lv.selected = 1;
	check(&lv, &r, 5, LISTVIEW_SPARE_SELECTED, mine);
}

static void a_selected_row_that_needs_more_scrolls_the_list(void **state)
{
	static const int lines[] = {1, 1, 1, 1, 3};
	struct rows r = {lines, 5};
	struct listview lv = {0};
	/* five rows fit five lines, but the selected one wants three: it stays whole */
	const char *const expect[] = {"  ▲ 2 more above", "r2", "r3", "r4*", "r4+", "r4+", NULL};

	(void)state;
	lv.selected = 4;
	check(&lv, &r, 6, LISTVIEW_SPARE_SELECTED, expect);
}

static void tall_rows_stay_whole_while_scrolling(void **state)
{
	static const int lines[] = {1, 2, 1, 3, 1, 1, 2, 1, 1, 1, 1, 1, 1};
	struct rows r = {lines, 13};
	struct listview lv = {0};
	const char *const top[] = {"r0*", "r1", "r1+", "r2", "r3", "r3+", "r3+", "  ▼ 9 more below",
				   NULL};
	const char *const middle[] = {"  ▲ 4 more above", "r4", "r5", "r6*", "r6+", "r7", "r8",
				      "  ▼ 4 more below", NULL};
	/* r6 would need two lines where one is left: the line stays empty, r6 hidden whole */
	const char *const end[] = {
	    "  ▲ 7 more above", "r7", "r8", "r9", "r10", "r11", "r12*", "", NULL};

	(void)state;
	check(&lv, &r, 8, LISTVIEW_WHOLE, top);
	lv.selected = 6;
	check(&lv, &r, 8, LISTVIEW_WHOLE, middle);
	lv.selected = 12;
	check(&lv, &r, 8, LISTVIEW_WHOLE, end);
	lv.top = 11; /* as after rows grew shorter: no empty lines while rows above are hidden */
	check(&lv, &r, 8, LISTVIEW_WHOLE, end);
}

static bool not_row_4(const void *data, size_t row)
{
	(void)data;
	return row != 4;
}

static void the_heading_above_the_selection_stays_in_view(void **state)
{
	static const int lines[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	struct rows r = {lines, 10};
	struct listview lv = {0};
	const char *const expect[] = {"  ▲ 4 more above", "r4", "r5*", "r6",
				      "  ▼ 3 more below", NULL};

	(void)state;
	lv.selectable = not_row_4;
	lv.top = 8; /* moving up from the end onto the row below the heading */
	lv.selected = 5;
	check(&lv, &r, 5, LISTVIEW_SPARE, expect);
}

static void a_spare_list_that_scrolls_has_one_line_rows(void **state)
{
	static const int lines[] = {2, 2, 2, 2, 2, 2, 2, 2};
	struct rows r = {lines, 8};
	struct listview lv = {0};
	const char *const expect[] = {"  ▲ 3 more above", "r3", "r4*", "  ▼ 3 more below", NULL};

	(void)state;
	lv.selected = 4;
	lv.top = 3;
	check(&lv, &r, 4, LISTVIEW_SPARE, expect);
}

static void parts_are_joined_without_splitting_one(void **state)
{
	struct sbuf sb = SBUF_INIT;

	(void)state;
	draw_join(&sb,
		  "T-0015 E on approval-flow\t16 high\tin-discussion\t\traised by Zoë Ångström",
		  "   ", 40);
	assert_string_equal(sb.buf, "T-0015 E on approval-flow   16 high\n"
				    "in-discussion   raised by Zoë Ångström");
	assert_int_equal(draw_wrap_rows(sb.buf, 40), 2);
	sbuf_release(&sb);
}

static void a_row_of_cells_is_as_tall_as_its_longest(void **state)
{
	/* 伪造 is two columns a character: ten columns of CJK wrap in six */
	const struct draw_cell cells[] = {
	    {0, 6, "T-0016", UC_NORMAL, 0},
	    {8, 6, "伪造的令牌 被接受", UC_NORMAL, 0},
	    {16, 4, "open", UC_NORMAL, 0},
	};

	(void)state;
	assert_int_equal(draw_cells_lines(cells, 1), 1);
	assert_int_equal(draw_cells_lines(cells, 3), 3); /* "伪造的", "令牌", "被接受" */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(rows_that_fit_are_whole),
	    cmocka_unit_test(spare_lines_go_to_the_top_rows),
	    cmocka_unit_test(a_selected_row_that_needs_more_scrolls_the_list),
	    cmocka_unit_test(tall_rows_stay_whole_while_scrolling),
	    cmocka_unit_test(a_spare_list_that_scrolls_has_one_line_rows),
	    cmocka_unit_test(the_heading_above_the_selection_stays_in_view),
	    cmocka_unit_test(parts_are_joined_without_splitting_one),
	    cmocka_unit_test(a_row_of_cells_is_as_tall_as_its_longest),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
