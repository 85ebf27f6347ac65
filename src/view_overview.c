/*
 * The overview: the system at a glance. Elements grouped by trust boundary, flows drawn as
 * `source ──protocol──▶ target`, and per element its STRIDE coverage marks (a glyph for every
 * state). Add, rename, move and delete elements, flows and boundaries from here.
 */
#include <stdlib.h>

#include "coverage.h"
#include "draw.h"
#include "listview.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

struct overview_view {
	struct view base;
	struct listview lv;
	struct outline_row *rows;
	size_t n;
	const struct element_coverage *cov; /* ui_coverage(), indexed like the model's elements */
	unsigned long built; /* ui_index(ctx)->generation the rows were built for */
	bool fresh;
	const struct ui_ctx *ctx; /* while drawing */
};

static bool selectable(const void *data, size_t row)
{
	const struct overview_view *o = data;

	return o->rows[row].element != NULL;
}

/* Select the row of the current element, so the overview and the walk agree. */
static void select_current(struct overview_view *o, struct ui_ctx *ctx)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		if (o->rows[i].element && str_eq(o->rows[i].element->id, ctx->element)) {
			listview_select(&o->lv, i);
			return;
		}
	}
}

static void build(struct overview_view *o, struct ui_ctx *ctx)
{
	const struct model_index *ix = ui_index(ctx);

	if (o->fresh && o->built == ix->generation)
		return;
	o->rows = ix->outline;
	o->n = ix->noutline;
	o->cov = ix->cov;
	listview_set_count(&o->lv, o->n);
	o->built = ix->generation;
	o->fresh = true;
}

static struct view *create(void)
{
	struct overview_view *o = xcalloc(1, sizeof(*o));

	o->lv.selectable = selectable;
	o->lv.data = o;
	return &o->base;
}

static void destroy(struct view *v)
{
	struct overview_view *o = (struct overview_view *)v;

	free(o);
}

static void enter(struct view *v, struct ui_ctx *ctx)
{
	struct overview_view *o = (struct overview_view *)v;

	build(o, ctx);
	select_current(o, ctx);
}

static const struct element *selected_element(struct overview_view *o)
{
	if (o->lv.selected >= o->n)
		return NULL;
	return o->rows[o->lv.selected].element;
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct overview_view *o = (struct overview_view *)v;
	const struct element *e;

	build(o, ctx);
	if (listview_handle(&o->lv, req->action, ctx->page)) {
		e = selected_element(o);
		if (e && element_letters(e))
			ui_set_element(ctx, e->id);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	if (req->action == ACT_SELECT) {
		e = selected_element(o);
		if (!e || !element_letters(e))
			return ui_fail(ctx, "a trust boundary has nothing to walk: pick an element "
					    "or a flow");
		ui_set_element(ctx, e->id);
		ui_switch(ctx, VIEW_WALK);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	return 0;
}

static const char *selected(struct view *v, struct ui_ctx *ctx)
{
	struct overview_view *o = (struct overview_view *)v;
	const struct element *e;

	build(o, ctx);
	e = selected_element(o);
	return e ? e->id : NULL;
}

/* ---- drawing ---- */

static const char *short_kind(enum element_kind k)
{
	static const char *const names[KIND_COUNT] = {"entity", "process", "store", "flow",
						      "boundary"};

	return k < KIND_COUNT ? names[k] : "?";
}

static void flow_text(struct sbuf *out, const struct element *e, bool names, const struct model *m)
{
	const struct element *from = model_element(m, e->from), *to = model_element(m, e->to);

	sbuf_addf(out, "%s %s──%s──▶ %s", names && from ? from->name : e->from,
		  e->bidirectional ? "◀" : "", e->protocol ? e->protocol : "",
		  names && to ? to->name : e->to);
}

/* Where an element row's columns go, right to left: coverage, kind, then as room allows the
 * type and the id, and the name in what is left. Widths never overlap at any terminal width. */
struct columns {
	int cov, kind, type, type_w, id, id_w, name_end;
};

static struct columns layout(const struct rect *area)
{
	struct columns c;

	c.cov = area->x + area->w - 19; /* 18 columns of coverage and a margin */
	c.kind = c.cov - 10; /* "boundary", "crosses": 8 columns and two spaces */
	c.type_w = area->w >= 132 ? 20 : 0; /* "aws.cloudwatch-logs" */
	c.type = c.kind - 2 - c.type_w;
	c.id_w = area->w >= 104 ? (area->w >= 160 ? 28 : 22) : 0;
	c.id = (c.type_w ? c.type : c.kind) - 2 - c.id_w;
	c.name_end = (c.id_w ? c.id : c.kind) - 2;
	return c;
}

static void draw_heading(int y, const struct rect *area, const struct outline_row *r, bool sel)
{
	struct columns col = layout(area);
	int x = area->x + 2 + 2 * r->depth;

	if (r->kind == OUTLINE_BOUNDARY) {
		if (sel)
			draw_fill(y, area->x + 1, area->w - 2, UC_SELECTED);
		draw_text(y, x - 2, 2, sel ? "▶" : " ", sel ? UC_SELECTED : UC_NORMAL);
		draw_textf(y, x, col.name_end - x, sel ? UC_SELECTED : UC_HEADING, "▣ %s",
			   r->element->name);
		if (col.id_w)
			draw_text(y, col.id, col.id_w, r->element->id, sel ? UC_SELECTED : UC_DIM);
		draw_text(y, col.kind, 8, "boundary", sel ? UC_SELECTED : UC_DIM);
		return;
	}
	draw_text(y, x, area->w - x - 2,
		  r->kind == OUTLINE_FLOWS ? "Data flows" : "Outside any trust boundary",
		  UC_HEADING);
}

static void draw_row(int y, const struct rect *area, size_t i, bool sel, const void *data)
{
	const struct overview_view *o = data;
	const struct outline_row *r = &o->rows[i];
	const struct element *e = r->element;
	const struct model *m = o->ctx->app->model;
	struct sbuf text = SBUF_INIT;
	enum ui_color c = sel ? UC_SELECTED : UC_NORMAL;
	struct columns col = layout(area);
	int x = area->x + 2 + 2 * r->depth;

	if (r->kind != OUTLINE_ELEMENT) {
		draw_heading(y, area, r, sel);
		return;
	}
	if (sel)
		draw_fill(y, area->x + 1, col.cov - area->x - 2, UC_SELECTED);
	draw_text(y, x - 2, 2, sel ? "▶" : " ", c);
	if (e->kind == KIND_DATA_FLOW)
		flow_text(&text, e, col.id_w > 0, m);
	else
		sbuf_addstr(&text, e->name);
	draw_text(y, x, col.name_end - x, text.buf, c);
	if (col.id_w && e->kind == KIND_DATA_FLOW) /* named here: the name column says where */
		draw_text(y, col.id, col.id_w + (col.type_w ? 2 + col.type_w : 0), e->name,
			  sel ? c : UC_DIM);
	else if (col.id_w)
		draw_text(y, col.id, col.id_w, e->id, sel ? c : UC_DIM);
	if (col.type_w && e->type)
		draw_text(y, col.type, col.type_w, e->type, sel ? c : UC_DIM);
	if (e->kind != KIND_DATA_FLOW)
		draw_text(y, col.kind, 8, short_kind(e->kind), sel ? c : UC_DIM);
	else if (model_flow_crosses(m, e, NULL))
		draw_text(y, col.kind, 8, "crosses", sel ? c : UC_WARN);
	if (e->out_of_scope)
		draw_text(y, col.cov, 18, "out of scope", UC_DIM);
	else
		draw_coverage(y, col.cov, &o->cov[r->index]);
	sbuf_release(&text);
}

static void plural(struct sbuf *out, int n, const char *one, const char *many)
{
	sbuf_addf(out, "%d %s", n, n == 1 ? one : many);
}

static void draw_summary(struct overview_view *o, struct ui_ctx *ctx, const struct rect *area)
{
	const struct model *m = ctx->app->model;
	struct sbuf sb = SBUF_INIT;
	const struct coverage_totals *t = &ui_index(ctx)->totals;
	int kinds[KIND_COUNT] = {0};
	size_t i;

	for (i = 0; i < m->nelements; i++)
		kinds[m->elements[i]->kind]++;
	plural(&sb, kinds[KIND_EXTERNAL_ENTITY] + kinds[KIND_PROCESS] + kinds[KIND_DATA_STORE],
	       "element", "elements");
	sbuf_addstr(&sb, " · ");
	plural(&sb, kinds[KIND_DATA_FLOW], "flow", "flows");
	sbuf_addstr(&sb, " · ");
	plural(&sb, kinds[KIND_TRUST_BOUNDARY], "boundary", "boundaries");
	sbuf_addf(&sb, " · %d of %d cells decided · ", t->cells - t->count[CELL_PENDING], t->cells);
	plural(&sb, (int)m->nthreats, "threat", "threats");
	draw_text(area->y, area->x + 2, area->w - 4, sb.buf, UC_TITLE);
	sbuf_release(&sb);
}

static void draw_legend(int y, const struct rect *area)
{
	int x = area->x + 2;

	x += draw_text(y, x, 20, "S! threats found", UC_THREATS) + 3;
	x += draw_text(y, x, 24, "S✓ considered, none", UC_NONE) + 3;
	x += draw_text(y, x, 10, "S– n/a", UC_NA) + 3;
	draw_text(y, x, 14, "S· pending", UC_PENDING);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct overview_view *o = (struct overview_view *)v;
	struct rect list = {area->y + 2, area->x, area->h - 4, area->w};

	build(o, ctx);
	o->ctx = ctx;
	draw_summary(o, ctx, area);
	if (o->n == 0) {
		draw_center(area->y + area->h / 2 - 1, area->x, area->w,
			    "Nothing here yet: start by drawing the system.", UC_TITLE);
		draw_center(area->y + area->h / 2 + 1, area->x, area->w,
			    "b adds a trust boundary   a adds an element   f adds a data flow",
			    UC_NORMAL);
	} else {
		listview_draw(&o->lv, &list, draw_row, o);
	}
	draw_legend(area->y + area->h - 1, area);
}

static const struct hint hints[] = {
    {ACT_SELECT, "walk it"},  {ACT_THREAT, NULL}, {ACT_ADD, NULL},       {ACT_ADD_FLOW, NULL},
    {ACT_ADD_BOUNDARY, NULL}, {ACT_RENAME, NULL}, {ACT_NEXT_VIEW, NULL}, {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_overview_ops = {
    create, destroy, enter, handle, draw, get_hints, selected,
};
