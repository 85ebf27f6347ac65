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

#endif
