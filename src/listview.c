/* Scrolling lists (see listview.h). */
#include "listview.h"

#include <limits.h>

#include "draw.h"

static bool can_select(const struct listview *lv, size_t row)
{
	return !lv->selectable || lv->selectable(lv->data, row);
}

void listview_select(struct listview *lv, size_t row)
{
	size_t i;

	if (lv->count == 0) {
		lv->selected = lv->top = 0;
		return;
	}
	if (row >= lv->count)
		row = lv->count - 1;
	for (i = row; i < lv->count; i++) {
		if (can_select(lv, i)) {
			lv->selected = i;
			return;
		}
	}
	for (i = row; i-- > 0;) {
		if (can_select(lv, i)) {
			lv->selected = i;
			return;
		}
	}
	lv->selected = row;
}

void listview_set_count(struct listview *lv, size_t count)
{
	lv->count = count;
	listview_select(lv, lv->selected);
	if (lv->top >= count)
		lv->top = 0;
}

bool listview_move(struct listview *lv, long delta)
{
	size_t at = lv->selected, was = lv->selected;
	long step = delta < 0 ? -1 : 1;

	while (delta != 0) {
		size_t probe = at;
		do {
			if ((step < 0 && probe == 0) || (step > 0 && probe + 1 >= lv->count))
				goto out;
			probe = (size_t)((long)probe + step);
		} while (!can_select(lv, probe));
		at = probe;
		delta -= step;
	}
out:
	lv->selected = at;
	return at != was;
}

bool listview_handle(struct listview *lv, enum action a, int page)
{
	switch (a) {
	case ACT_DOWN:
		listview_move(lv, 1);
		return true;
	case ACT_UP:
		listview_move(lv, -1);
		return true;
	case ACT_PAGE_DOWN:
		listview_move(lv, page > 1 ? page - 1 : 1);
		return true;
	case ACT_PAGE_UP:
		listview_move(lv, -(page > 1 ? page - 1 : 1));
		return true;
	case ACT_FIRST:
		listview_select(lv, 0);
		return true;
	case ACT_LAST:
		listview_select(lv, lv->count ? lv->count - 1 : 0);
		return true;
	default:
		return false;
	}
}

void listview_scroll(struct listview *lv, int height)
{
	size_t h = height > 0 ? (size_t)height : 1;

	if (lv->selected < lv->top)
		lv->top = lv->selected;
	if (lv->selected >= lv->top + h)
		lv->top = lv->selected - h + 1;
	if (lv->top > 0 && lv->top + h > lv->count)
		lv->top = lv->count > h ? lv->count - h : 0;
	/* keep a heading just above the selection in view */
	if (lv->top > 0 && lv->top == lv->selected && !can_select(lv, lv->top - 1))
		lv->top--;
}

void listview_draw(struct listview *lv, const struct rect *area, listview_row_fn row,
		   const void *data)
{
	int h = area->h, y = area->y;
	bool above, below;
	size_t i;

	/* When everything fits, no marks; otherwise a line above and/or below says what is hidden. */
	listview_scroll(lv, h);
	if (lv->count > (size_t)h) {
		listview_scroll(lv, h - 2);
		above = lv->top > 0;
		below = lv->top + (size_t)(h - (above ? 1 : 0)) < lv->count;
		h -= (above ? 1 : 0) + (below ? 1 : 0);
		if (above)
			draw_textf(y++, area->x + 2, area->w - 2, UC_DIM, "▲ %zu more above",
				   lv->top);
		if (below)
			draw_textf(area->y + area->h - 1, area->x + 2, area->w - 2, UC_DIM,
				   "▼ %zu more below", lv->count - lv->top - (size_t)h);
	}
	for (i = lv->top; i < lv->top + (size_t)h && i < lv->count; i++)
		row(y++, area, i, i == lv->selected, data);
}

/* A list of rows of more than one line, while it is drawn. */
struct tall {
	struct listview *lv;
	const struct rect *area;
	enum listview_fit fit;
	listview_lines_fn want;
	const void *data;
	int most; /* the lines one row may take */
};

static int wanted(const struct tall *t, size_t row)
{
	int n = t->want(t->area, row, t->data);

	return n < 1 ? 1 : n > t->most ? t->most : n;
}

/* The lines a row takes while the list scrolls. */
static int scrolled(const struct tall *t, size_t row)
{
	if (t->fit == LISTVIEW_WHOLE ||
	    (t->fit == LISTVIEW_SPARE_SELECTED && row == t->lv->selected))
		return wanted(t, row);
	return 1;
}

/* The lines rows [from, to) take while the list scrolls, counted only as far as past `limit`. */
static int span(const struct tall *t, size_t from, size_t to, int limit)
{
	int sum = 0;

	while (from < to && sum <= limit)
		sum += scrolled(t, from++);
	return sum;
}

/* When every row fits the area without scrolling, draws them all, the extra lines shared as
 * `fit` says, and returns true; otherwise draws nothing. */
static bool draw_all(struct tall *t, listview_tall_fn row)
{
	struct listview *lv = t->lv;
	int h = t->area->h, total = 0, spare = h - (int)lv->count, mine = 0, y = t->area->y;
	size_t i;

	if (lv->count > (size_t)h)
		return false;
	for (i = 0; i < lv->count; i++)
		total += wanted(t, i);
	if (total > h && t->fit == LISTVIEW_WHOLE)
		return false;
	if (total > h && t->fit == LISTVIEW_SPARE_SELECTED) {
		mine = wanted(t, lv->selected) - 1;
		if (mine > spare)
			return false; /* the selected row scrolls the list to be whole */
		spare -= mine;
	}
	lv->top = 0;
	for (i = 0; i < lv->count; i++) {
		int n = wanted(t, i);
		if (total > h && t->fit == LISTVIEW_SPARE_SELECTED && i == lv->selected) {
			n = 1 + mine;
		} else if (total > h) {
			n = n - 1 > spare ? 1 + spare : n;
			spare -= n - 1;
		}
		row(y, n, t->area, i, i == lv->selected, t->data);
		y += n;
	}
	return true;
}

/* Puts the selection in the window with what fits above it, leaves no empty lines at the end
 * while rows above are hidden, and keeps a heading just above the selection in view. */
static void scroll_tall(struct tall *t)
{
	struct listview *lv = t->lv;
	size_t sel = lv->selected, n = lv->count;
	int h = t->area->h, used, rest;

	if (lv->top > sel)
		lv->top = sel;
	if (sel - lv->top > (size_t)h)
		lv->top = sel - (size_t)h;
	used = span(t, lv->top, sel + 1, INT_MAX);
	while (lv->top < sel && used + (lv->top > 0) + (sel + 1 < n) > h)
		used -= scrolled(t, lv->top++);
	rest = span(t, lv->top, n, h);
	while (lv->top > 0) {
		int up = scrolled(t, lv->top - 1);
		if (rest + up + (lv->top > 1) > h)
			break;
		rest += up;
		lv->top--;
	}
	if (lv->top > 0 && lv->top == sel && !can_select(lv, sel - 1) &&
	    span(t, sel - 1, sel + 1, h) + (sel > 1) + (sel + 1 < n) <= h)
		lv->top--;
}

void listview_draw_tall(struct listview *lv, const struct rect *area, enum listview_fit fit,
			listview_lines_fn lines, listview_tall_fn row, const void *data)
{
	struct tall t = {lv, area, fit, lines, data, area->h};
	int y = area->y, bottom = area->y + area->h;
	size_t i;

	if (lv->count == 0 || area->h <= 0 || draw_all(&t, row))
		return;
	t.most = area->h > 3 ? area->h - 2 : 1;
	scroll_tall(&t);
	if (lv->top > 0)
		draw_textf(y++, area->x + 2, area->w - 2, UC_DIM, "▲ %zu more above", lv->top);
	if (span(&t, lv->top, lv->count, bottom - y) > bottom - y)
		bottom--; /* room for the mark below */
	for (i = lv->top; i < lv->count; i++) {
		int n = scrolled(&t, i);
		if (y + n > bottom)
			break;
		row(y, n, area, i, i == lv->selected, data);
		y += n;
	}
	if (i < lv->count)
		draw_textf(area->y + area->h - 1, area->x + 2, area->w - 2, UC_DIM,
			   "▼ %zu more below", lv->count - i);
}
