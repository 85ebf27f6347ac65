/*
 * The backlog: every mitigation with its status, owner, ticket and due date, the work that
 * leaves the room. Keys set the owner (o), ticket (#), due date (@) and status (c) of the
 * selected mitigation; the details show which threats it answers.
 */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "listview.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

struct backlog_view {
	struct view base;
	struct listview lv;
	const struct mitigation **rows; /* by status, then id */
	size_t n;
	char *selected_id;
	unsigned long built;
	bool fresh;
};

static int compare_rows(const void *pa, const void *pb)
{
	const struct mitigation *a = *(const struct mitigation *const *)pa;
	const struct mitigation *b = *(const struct mitigation *const *)pb;

	if (a->status != b->status)
		return a->status < b->status ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void build(struct backlog_view *b, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	size_t i;

	if (b->fresh && b->built == ui_index(ctx)->generation)
		return;
	free(b->rows);
	b->rows = xcalloc(m->nmitigations + 1, sizeof(*b->rows));
	memcpy(b->rows, m->mitigations, m->nmitigations * sizeof(*b->rows));
	b->n = m->nmitigations;
	qsort(b->rows, b->n, sizeof(*b->rows), compare_rows);
	listview_set_count(&b->lv, b->n);
	for (i = 0; b->selected_id && i < b->n; i++)
		if (str_eq(b->rows[i]->id, b->selected_id))
			listview_select(&b->lv, i);
	b->built = ui_index(ctx)->generation;
	b->fresh = true;
}

static struct view *create(void)
{
	return &((struct backlog_view *)xcalloc(1, sizeof(struct backlog_view)))->base;
}

static void destroy(struct view *v)
{
	struct backlog_view *b = (struct backlog_view *)v;

	free(b->rows);
	free(b->selected_id);
	free(b);
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct backlog_view *b = (struct backlog_view *)v;

	build(b, ctx);
	if (!listview_handle(&b->lv, req->action, ctx->page))
		return 0;
	free(b->selected_id);
	b->selected_id = b->lv.selected < b->n ? xstrdup(b->rows[b->lv.selected]->id) : NULL;
	return VIEW_HANDLED | VIEW_REDRAW;
}

static const char *selected(struct view *v, struct ui_ctx *ctx)
{
	struct backlog_view *b = (struct backlog_view *)v;

	build(b, ctx);
	return b->lv.selected < b->n ? b->rows[b->lv.selected]->id : NULL;
}

/* ---- drawing ---- */

/* Columns: the title has the rest of the row; below 104 columns the ticket gives way to it
 * (the detail line still shows it), and wide screens give the owner and ticket more room. */
struct columns {
	int status, owner, ticket, due, title;
};

static struct columns layout(int width)
{
	struct columns c = {11, 24, 34, 43, 55};

	if (width < 104) {
		c.ticket = c.due = 35; /* no ticket column */
		c.title = 47;
	} else if (width >= 120) {
		c.ticket = 38;
		c.due = 52;
		c.title = 64;
	}
	return c;
}

static void draw_row(int y, const struct rect *a, size_t i, bool sel, const void *data)
{
	const struct backlog_view *b = data;
	const struct mitigation *m = b->rows[i];
	enum ui_color n = sel ? UC_SELECTED : UC_NORMAL;
	struct columns c = layout(a->w);

	if (sel)
		draw_fill(y, a->x + 1, a->w - 2, UC_SELECTED);
	draw_text(y, a->x + 1, 2, sel ? "▶" : " ", n);
	draw_text(y, a->x + 3, 7, m->id, n);
	draw_text(y, a->x + c.status, c.owner - c.status - 1, mitigation_status_name(m->status),
		  m->status == MITIGATION_WONT_DO && !sel ? UC_DIM : n);
	draw_text(y, a->x + c.owner, c.ticket - c.owner - 1, m->owner ? m->owner : "—",
		  m->owner || sel ? n : UC_WARN);
	if (c.due > c.ticket)
		draw_text(y, a->x + c.ticket, c.due - c.ticket - 1, m->ticket ? m->ticket : "—", n);
	draw_text(y, a->x + c.due, c.title - c.due - 1, m->due ? m->due : "—", n);
	draw_text(y, a->x + c.title, a->w - c.title - 2, m->title, n);
}

static void draw_columns(const struct rect *area)
{
	struct columns c = layout(area->w);
	int y = area->y + 1;

	draw_text(y, area->x + 3, 3, "id", UC_DIM);
	draw_text(y, area->x + c.status, 7, "status", UC_DIM);
	draw_text(y, area->x + c.owner, 6, "owner", UC_DIM);
	if (c.due > c.ticket)
		draw_text(y, area->x + c.ticket, 7, "ticket", UC_DIM);
	draw_text(y, area->x + c.due, 4, "due", UC_DIM);
	draw_text(y, area->x + c.title, 11, "mitigation", UC_DIM);
}

static void draw_detail(const struct model *model, const struct mitigation *m, const struct rect *a)
{
	struct sbuf sb = SBUF_INIT;
	int y = a->y, x = a->x + 2, w = a->w - 4;
	size_t i;

	draw_hline(y++, a->x + 1, a->w - 2);
	y += draw_wrap(y, x, w, 2, m->title, UC_TITLE);
	sbuf_addf(&sb, "%s   %s   owner %s   ticket %s   due %s", m->id,
		  mitigation_status_name(m->status), m->owner ? m->owner : "none (o sets one)",
		  m->ticket ? m->ticket : "none", m->due ? m->due : "none");
	draw_text(y++, x, w, sb.buf, UC_NORMAL);
	sbuf_reset(&sb);
	for (i = 0; i < m->threats.count; i++) {
		const struct threat *t = model_threat(model, m->threats.items[i]);
		sbuf_addf(&sb, "%s%s %s", i ? ";  " : "answers ", m->threats.items[i],
			  t ? t->title : "");
	}
	draw_text(y, x, w, sb.len ? sb.buf : "answers no threat", sb.len ? UC_DIM : UC_WARN);
	sbuf_release(&sb);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct backlog_view *b = (struct backlog_view *)v;
	int detail = 5;
	struct rect list = {area->y + 2, area->x, area->h - detail - 2, area->w};
	struct rect det = {area->y + area->h - detail, area->x, detail, area->w};
	size_t i, owned = 0;

	build(b, ctx);
	for (i = 0; i < b->n; i++)
		owned += b->rows[i]->owner != NULL;
	draw_textf(area->y, area->x + 2, area->w - 4, UC_TITLE,
		   "%zu mitigations, %zu without an owner", b->n, b->n - owned);
	draw_columns(area);
	if (b->n == 0) {
		draw_center(area->y + area->h / 2, area->x, area->w,
			    "No mitigations yet: m on the board adds one to the selected threat.",
			    UC_TITLE);
		return;
	}
	listview_draw(&b->lv, &list, draw_row, b);
	draw_detail(ctx->app->model, b->rows[b->lv.selected], &det);
}

static const struct hint hints[] = {
    {ACT_OWNER, NULL}, {ACT_STATUS, NULL},    {ACT_TICKET, NULL},
    {ACT_DUE, NULL},   {ACT_NEXT_VIEW, NULL}, {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_backlog_ops = {
    create, destroy, NULL, handle, draw, get_hints, selected,
};
