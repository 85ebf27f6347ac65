/*
 * The backlog: every mitigation with its status, owner, ticket and due date, the work that
 * leaves the room. Keys set the owner (o), ticket (#), due date (@) and status (c) of the
 * selected mitigation; the details show which threats it mitigates.
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
	/* what the columns need, found as the rows are built */
	int id_w, status_w, owner_w, ticket_w, due_w;
	const struct backlog_columns *cols; /* while drawing */
	const struct model *model; /* while drawing */
};

/* The narrowest an owner's column gets for a long name: room for the name a room calls someone
 * by ("Bartholomew", "Priya R."). */
#define OWNER_LEAST 12

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

enum { TICKET_MOST = 16, TICKET_LEAST = 9 }; /* "SECURITY-12345"; "PAYROLL-1…" */

static void measure(struct backlog_view *b)
{
	size_t i;

	b->id_w = 2, b->status_w = 6, b->owner_w = 5, b->ticket_w = 6, b->due_w = 3;
	for (i = 0; i < b->n; i++) {
		const struct mitigation *m = b->rows[i];
		b->id_w = max_int(b->id_w, draw_width(m->id));
		b->status_w = max_int(b->status_w, draw_width(mitigation_status_name(m->status)));
		b->owner_w = max_int(b->owner_w, m->owner ? draw_width(m->owner) : 1);
		b->ticket_w = max_int(b->ticket_w, m->ticket ? draw_width(m->ticket) : 1);
		b->due_w = max_int(b->due_w, m->due ? draw_width(m->due) : 1);
	}
	/* a ticket pasted as a whole URL is cut in the list (the selected row's line shows it
	 * whole) rather than pushing every other ticket off the screen */
	if (b->ticket_w > TICKET_MOST)
		b->ticket_w = TICKET_MOST;
}

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
	measure(b);
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

/* An owner as a column `width` wide shows them: in full when the name fits, else a participant
 * as the room calls them when that fits, else in full to wrap or be cut. */
static const char *owner_text(const struct model *m, const char *owner, int width, struct sbuf *out)
{
	if (!owner)
		return "—";
	if (draw_width(owner) <= width || !model_participant(m, owner))
		return owner;
	sbuf_reset(out);
	model_call_name(m, owner, out);
	return draw_width(out->buf) <= width ? out->buf : owner;
}

/* The widest the owners are as a column `width` wide shows them. */
static int owners_shown_width(const struct backlog_view *b, int width)
{
	struct sbuf sb = SBUF_INIT;
	int most = 5; /* the heading, "owner" */
	size_t i;

	for (i = 0; i < b->n; i++)
		most =
		    max_int(most, draw_width(owner_text(b->model, b->rows[i]->owner, width, &sb)));
	sbuf_release(&sb);
	return most < width ? most : width;
}

/* Where a row's columns start (0: not shown); the title has the rest of the row. */
struct backlog_columns {
	int id, status, owner, owner_w, ticket, ticket_w, due, title, title_w;
};

/*
 * Id, status, owner, [ticket], due date, then the title in what is left. Each column is as wide
 * as its longest entry, but the title keeps its share of the row: a long owner's column gives
 * way first (down to OWNER_LEAST, the name then shown as the room calls them), then the ticket
 * (the details still show both in full).
 */
static struct backlog_columns layout(const struct backlog_view *b, const struct rect *a)
{
	struct backlog_columns c = {0};
	int least = a->w * 40 / 100, owner_w = b->owner_w < 20 ? b->owner_w : max_int(20, a->w / 6);
	int spare;
	bool ticket;

	c.id = a->x + 3;
	c.status = c.id + b->id_w + 2;
	c.owner = c.status + b->status_w + 2;
	/* what the owner may take with the title at its share, the ticket left out */
	spare = a->x + a->w - 2 - (c.owner + 2 + b->due_w + 2) - least;
	owner_w = owner_w < spare ? owner_w : max_int(OWNER_LEAST, spare);
	c.owner_w = owner_w < b->owner_w ? owners_shown_width(b, owner_w) : b->owner_w;
	c.ticket = c.owner + c.owner_w + 2;
	c.ticket_w = b->ticket_w;
	ticket = a->x + a->w - 2 - (c.ticket + c.ticket_w + 2 + b->due_w + 2) >= least;
	if (!ticket && c.ticket_w > TICKET_LEAST) { /* one long ticket: cut it, keep the others */
		c.ticket_w = TICKET_LEAST;
		ticket = a->x + a->w - 2 - (c.ticket + c.ticket_w + 2 + b->due_w + 2) >= least;
	}
	c.due = ticket ? c.ticket + c.ticket_w + 2 : c.ticket;
	c.ticket = ticket ? c.ticket : 0;
	c.title = c.due + b->due_w + 2;
	c.title_w = a->x + a->w - 2 - c.title;
	return c;
}

/* A ticket longer than its column, on one line with "…": a URL wrapped over four lines reads
 * as four tickets. */
static const char *ticket_text(const char *ticket, int width, struct sbuf *out)
{
	size_t len;

	if (!ticket)
		return "—";
	if (draw_width(ticket) <= width)
		return ticket;
	sbuf_reset(out);
	draw_wrap_line(ticket, width - 1, &len);
	sbuf_add(out, ticket, len);
	sbuf_addstr(out, "…");
	return out->buf;
}

/* The row's cells; texts[0] holds the owner's shorter name when the row shows one, texts[1]
 * a cut ticket. */
static size_t row_cells(const struct backlog_view *b, size_t i, bool sel, struct draw_cell *out,
			struct sbuf texts[2])
{
	const struct backlog_columns *c = b->cols;
	const struct mitigation *m = b->rows[i];
	enum ui_color n = sel ? UC_SELECTED : UC_NORMAL;
	size_t k = 0;

	out[k++] = (struct draw_cell){c->id, b->id_w, m->id, n, 0};
	out[k++] = (struct draw_cell){c->status, b->status_w, mitigation_status_name(m->status),
				      m->status == MITIGATION_WONT_DO && !sel ? UC_DIM : n, 0};
	out[k++] = (struct draw_cell){c->owner, c->owner_w,
				      owner_text(b->model, m->owner, c->owner_w, &texts[0]),
				      m->owner || sel ? n : UC_WARN, 0};
	if (c->ticket)
		out[k++] = (struct draw_cell){c->ticket, c->ticket_w,
					      ticket_text(m->ticket, c->ticket_w, &texts[1]), n, 0};
	out[k++] = (struct draw_cell){c->due, b->due_w, m->due ? m->due : "—", n, 0};
	out[k++] = (struct draw_cell){c->title, c->title_w, m->title, n, 0};
	return k;
}

static int row_lines(const struct rect *a, size_t i, const void *data)
{
	struct draw_cell cells[6];
	struct sbuf texts[2] = {SBUF_INIT, SBUF_INIT};
	int lines;

	(void)a;
	lines = draw_cells_lines(cells, row_cells(data, i, false, cells, texts));
	sbuf_release(&texts[0]);
	sbuf_release(&texts[1]);
	return lines;
}

static void draw_row(int y, int lines, const struct rect *a, size_t i, bool sel, const void *data)
{
	struct draw_cell cells[6];
	struct sbuf texts[2] = {SBUF_INIT, SBUF_INIT};
	size_t n = row_cells(data, i, sel, cells, texts);
	int l;

	for (l = 0; sel && l < lines; l++)
		draw_fill(y + l, a->x + 1, a->w - 2, UC_SELECTED);
	draw_text(y, a->x + 1, 2, sel ? "▶" : " ", sel ? UC_SELECTED : UC_NORMAL);
	draw_cells(y, lines, cells, n);
	sbuf_release(&texts[0]);
	sbuf_release(&texts[1]);
}

static void draw_columns(const struct backlog_columns *c, int y)
{
	draw_text(y, c->id, 3, "id", UC_DIM);
	draw_text(y, c->status, 7, "status", UC_DIM);
	draw_text(y, c->owner, 6, "owner", UC_DIM);
	if (c->ticket)
		draw_text(y, c->ticket, 7, "ticket", UC_DIM);
	draw_text(y, c->due, 4, "due", UC_DIM);
	draw_text(y, c->title, 11, "mitigation", UC_DIM);
}

/* The selected mitigation's details: its facts (joined so that none is split) and the threats
 * it mitigates, for a width. */
struct backlog_detail {
	const struct mitigation *m;
	struct sbuf facts, threats;
	int w;
};

static void detail_init(struct backlog_detail *d, const struct model *model,
			const struct mitigation *m, int w)
{
	struct sbuf parts = SBUF_INIT;
	size_t i;

	memset(d, 0, sizeof(*d));
	d->m = m;
	d->w = w;
	sbuf_addf(&parts, "%s\t%s\towner %s\tticket %s\tdue %s", m->id,
		  mitigation_status_name(m->status), m->owner ? m->owner : "none (o sets one)",
		  m->ticket ? m->ticket : "none", m->due ? m->due : "none");
	draw_join(&d->facts, parts.buf, "   ", w);
	sbuf_release(&parts);
	for (i = 0; i < m->threats.count; i++) {
		const struct threat *t = model_threat(model, m->threats.items[i]);
		sbuf_addf(&d->threats, "%s%s %s", i ? ";  " : "mitigates ", m->threats.items[i],
			  t ? t->title : "");
	}
}

static const char *detail_threats(const struct backlog_detail *d)
{
	return d->threats.len ? d->threats.buf : "mitigates no threat yet";
}

/* The lines the details take in full, the rule above them included. */
static int detail_lines(const struct backlog_detail *d)
{
	return 1 + draw_wrap_rows(d->m->title, d->w) + draw_wrap_rows(d->facts.buf, d->w) +
	       draw_wrap_rows(detail_threats(d), d->w);
}

/* Draws the details in `a`, wrapped into the lines there are: when they run short the facts
 * come first, then the title, then the threats. */
static void detail_draw(const struct backlog_detail *d, const struct rect *a)
{
	int y = a->y + 1, x = a->x + 2, left = a->h - 1, nf, nt, nm;

	draw_hline(a->y, a->x + 1, a->w - 2);
	nf = draw_take(&left, draw_wrap_rows(d->facts.buf, d->w));
	nt = draw_take(&left, draw_wrap_rows(d->m->title, d->w));
	nm = draw_take(&left, draw_wrap_rows(detail_threats(d), d->w));
	y += draw_wrap(y, x, d->w, nt, d->m->title, UC_TITLE);
	y += draw_wrap(y, x, d->w, nf, d->facts.buf, UC_NORMAL);
	draw_wrap(y, x, d->w, nm, detail_threats(d), d->threats.len ? UC_DIM : UC_WARN);
}

/* The list on top, the selected mitigation's details below, as tall as they need between a
 * floor and a ceiling: a short one leaves its lines to the list. */
static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct backlog_view *b = (struct backlog_view *)v;
	struct backlog_columns cols;
	struct backlog_detail d;
	int most = area->h >= 30 ? 10 : 7, lines;
	size_t i, owned = 0;

	build(b, ctx);
	b->model = ctx->app->model;
	cols = layout(b, area);
	b->cols = &cols;
	for (i = 0; i < b->n; i++)
		owned += b->rows[i]->owner != NULL;
	draw_textf(area->y, area->x + 2, area->w - 4, UC_TITLE,
		   "%zu mitigations, %zu without an owner", b->n, b->n - owned);
	draw_columns(&cols, area->y + 1);
	if (b->n == 0) {
		draw_center(area->y + area->h / 2, area->x, area->w,
			    "No mitigations yet: m on the board adds one to the selected threat.",
			    UC_TITLE);
	} else {
		detail_init(&d, ctx->app->model, b->rows[b->lv.selected], area->w - 4);
		lines = detail_lines(&d);
		lines = lines < 4 ? 4 : lines > most ? most : lines;
		listview_draw_tall(
		    &b->lv, &(struct rect){area->y + 2, area->x, area->h - lines - 2, area->w},
		    LISTVIEW_SPARE, row_lines, draw_row, b);
		detail_draw(&d, &(struct rect){area->y + area->h - lines, area->x, lines, area->w});
		sbuf_release(&d.facts);
		sbuf_release(&d.threats);
	}
	b->cols = NULL;
	b->model = NULL;
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
