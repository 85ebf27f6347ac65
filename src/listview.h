/*
 * A scrolling list: which row is selected and which is at the top, kept pure so screens and
 * tests can move through it; listview_draw draws the visible rows through a callback and says
 * how many more rows lie above and below.
 */
#ifndef SW_LISTVIEW_H
#define SW_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"

struct rect;

struct listview {
	size_t count; /* rows */
	size_t selected; /* index, < count when count > 0 */
	size_t top; /* first row shown */
	/* Rows that cannot be selected (headings); NULL: all can. */
	bool (*selectable)(const void *data, size_t row);
	const void *data;
};

/* Sets the number of rows, keeping the selection in range and on a selectable row. */
void listview_set_count(struct listview *lv, size_t count);
/* Moves by `delta` selectable rows (clamped); returns true when the selection changed. */
bool listview_move(struct listview *lv, long delta);
/* Selects a row by index (the nearest selectable one). */
void listview_select(struct listview *lv, size_t row);
/* down/up/page-down/page-up/first/last: returns true when the action was one of those. */
bool listview_handle(struct listview *lv, enum action a, int page);
/* Keeps the selection inside a window of `height` rows. */
void listview_scroll(struct listview *lv, int height);

typedef void (*listview_row_fn)(int y, const struct rect *area, size_t row, bool selected,
				const void *data);
/* Draws the rows that fit in `area`, with "▲ n more" / "▼ n more" marks on the right. */
void listview_draw(struct listview *lv, const struct rect *area, listview_row_fn row,
		   const void *data);

/* Rows that may take more than one line: how a list gives them lines. */
enum listview_fit {
	/* Every row always has the lines it wants (names kept whole), scrolling if need be. */
	LISTVIEW_WHOLE,
	/* A row has more than one line only out of lines the list would leave empty, given to
	 * the rows from the top (the screen shows the selected one in full elsewhere). */
	LISTVIEW_SPARE,
	/* As LISTVIEW_SPARE, but the selected row always has the lines it wants. */
	LISTVIEW_SPARE_SELECTED,
};

/* The lines row `row` wants at the width of `area` (1 or more). */
typedef int (*listview_lines_fn)(const struct rect *area, size_t row, const void *data);
/* Draws row `row` in `lines` lines from y. */
typedef void (*listview_tall_fn)(int y, int lines, const struct rect *area, size_t row,
				 bool selected, const void *data);
/* As listview_draw, for rows of more than one line; a row is never taller than the area less
 * the two marks. It asks only the rows near the window how many lines they want. */
void listview_draw_tall(struct listview *lv, const struct rect *area, enum listview_fit fit,
			listview_lines_fn lines, listview_tall_fn row, const void *data);

#endif
