/* Scrolling lists (see listview.h). */
#include "listview.h"

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
