/*
 * The help screen, generated from the action table: the keys of the screen you came from, the
 * keys that work everywhere, then every command with its arguments.
 */
#include <stdlib.h>

#include "draw.h"
#include "keymap.h"
#include "listview.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

enum help_kind { HELP_HEADING, HELP_KEY, HELP_COMMAND };

struct help_row {
	enum help_kind kind;
	enum action action;
	const char *heading;
};

struct help_view {
	struct view base;
	struct listview lv;
	struct help_row *rows;
	size_t n, cap;
	const struct view_info *from; /* whose keys come first */
};

static void push(struct help_view *h, enum help_kind kind, enum action a, const char *heading)
{
	h->rows = xgrow(h->rows, sizeof(*h->rows), h->n + 1, &h->cap);
	h->rows[h->n].kind = kind;
	h->rows[h->n].action = a;
	h->rows[h->n].heading = heading;
	h->n++;
}

static void push_keys(struct help_view *h, unsigned scope, const char *heading)
{
	bool any = false;
	int i;

	for (i = 1; i < ACT_COUNT; i++) {
		const struct action_info *a = action_info((enum action)i);
		if (!(a->scopes & scope) || !*a->keys)
			continue;
		if (!any)
			push(h, HELP_HEADING, ACT_NONE_, heading);
		any = true;
		push(h, HELP_KEY, (enum action)i, NULL);
	}
}

static void build(struct help_view *h, struct ui_ctx *ctx)
{
	enum view_id from = ctx->previous == VIEW_HELP ? VIEW_OVERVIEW : ctx->previous;
	int i;

	h->n = 0;
	h->from = view_info(from);
	push_keys(h, h->from->scope, h->from->title);
	push_keys(h, SC_GLOBAL, "Everywhere");
	push(h, HELP_HEADING, ACT_NONE_, "Commands (type : first; a unique prefix is enough)");
	for (i = 1; i < ACT_COUNT; i++)
		push(h, HELP_COMMAND, (enum action)i, NULL);
	h->lv.selected = 1;
	h->lv.top = 0;
	listview_set_count(&h->lv, h->n);
}

static bool selectable(const void *data, size_t row)
{
	const struct help_view *h = data;

	return h->rows[row].kind != HELP_HEADING;
}

static struct view *create(void)
{
	struct help_view *h = xcalloc(1, sizeof(*h));

	h->lv.selectable = selectable;
	h->lv.data = h;
	return &h->base;
}

static void destroy(struct view *v)
{
	struct help_view *h = (struct help_view *)v;

	free(h->rows);
	free(h);
}

static void enter(struct view *v, struct ui_ctx *ctx)
{
	build((struct help_view *)v, ctx);
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct help_view *h = (struct help_view *)v;

	if (listview_handle(&h->lv, req->action, ctx->page))
		return VIEW_HANDLED | VIEW_REDRAW;
	if (req->action == ACT_HELP || req->action == ACT_SELECT) {
		ui_switch(ctx, ctx->previous);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	return 0;
}

/* "j or <Down>" as the hints show keys: "j  Down". */
static void keys_text(struct sbuf *out, const char *keys)
{
	const char *p = keys;

	while (*p) {
		size_t len = 0;
		while (p[len] && p[len] != ' ')
			len++;
		if (out->len)
			sbuf_addstr(out, "  ");
		if (len > 2 && p[0] == '<')
			sbuf_add(out, p + 1, len - 2);
		else
			sbuf_add(out, p, len);
		p += len;
		while (*p == ' ')
			p++;
	}
}

static void draw_row(int y, const struct rect *area, size_t i, bool sel, const void *data)
{
	const struct help_view *h = data;
	const struct help_row *r = &h->rows[i];
	const struct action_info *a = action_info(r->action);
	struct sbuf left = SBUF_INIT;
	int kw = area->w >= 120 ? 18 : 14, cw = area->w >= 120 ? 40 : 0;

	if (r->kind == HELP_HEADING) {
		draw_text(y, area->x + 2, area->w - 4, r->heading, UC_HEADING);
		return;
	}
	if (sel)
		draw_fill(y, area->x + 1, area->w - 2, UC_SELECTED);
	draw_text(y, area->x + 1, 2, sel ? "▶" : " ", sel ? UC_SELECTED : UC_NORMAL);
	if (r->kind == HELP_KEY) {
		keys_text(&left, a->keys);
		draw_text(y, area->x + 4, kw - 1, left.buf, sel ? UC_SELECTED : UC_KEY);
		sbuf_reset(&left);
		sbuf_addf(&left, ":%s%s%s", a->name, *a->args ? " " : "", a->args);
		if (cw)
			draw_text(y, area->x + 4 + kw, cw - 1, left.buf,
				  sel ? UC_SELECTED : UC_DIM);
		draw_text(y, area->x + 4 + kw + cw, area->w - kw - cw - 6, a->help,
			  sel ? UC_SELECTED : UC_NORMAL);
	} else {
		sbuf_addf(&left, ":%s%s%s", a->name, *a->args ? " " : "", a->args);
		kw = area->w >= 120 ? 48 : 34;
		draw_text(y, area->x + 4, kw - 1, left.buf, sel ? UC_SELECTED : UC_KEY);
		draw_text(y, area->x + 4 + kw, area->w - kw - 6, a->help,
			  sel ? UC_SELECTED : UC_NORMAL);
	}
	sbuf_release(&left);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct help_view *h = (struct help_view *)v;
	struct rect list = {area->y + 2, area->x, area->h - 2, area->w};

	draw_textf(area->y, area->x + 2, area->w - 4, UC_TITLE,
		   "Help: keys on the %s screen, keys everywhere, and every command",
		   h->from->title);
	listview_draw(&h->lv, &list, draw_row, h);
}

static const struct hint hints[] = {
    {ACT_DOWN, NULL}, {ACT_UP, NULL}, {ACT_PAGE_DOWN, NULL}, {ACT_BACK, NULL}, {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_help_ops = {
    create, destroy, enter, handle, draw, get_hints, NULL,
};
