/*
 * The overview: the system at a glance. Elements grouped by trust boundary, flows drawn as
 * `source → target` with their protocol beside, and per element its STRIDE coverage marks (a
 * glyph for every state). Add, rename, move and delete elements, flows and boundaries from here.
 */
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "draw.h"
#include "listview.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

/* What each column needs over the whole outline: the widest entry (capped where a longer one
 * wraps), or for the names, what nine in ten need. */
struct overview_need {
	int name, name_max; /* an element's or boundary's name, its indent and boundary mark */
	int id, type;
	/* a flow's "from → to" with its indent: by name, by id */
	int pair, pair_max, pair_ids, pair_ids_max;
	int protocol, flow_name;
};

struct overview_view {
	struct view base;
	struct listview lv;
	struct outline_row *rows;
	size_t n;
	const struct element_coverage *cov; /* ui_coverage(), indexed like the model's elements */
	unsigned long built; /* ui_index(ctx)->generation the rows were built for */
	bool fresh;
	struct overview_need need; /* what the columns need, found as the rows are built */
	const struct ui_ctx *ctx; /* while drawing */
	const struct overview_columns *cols; /* while drawing */
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

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

static const char *endpoint(const struct model *m, const char *id, bool names)
{
	const struct element *e = names ? model_element(m, id) : NULL;

	return e ? e->name : id;
}

/* "Employee → Employee API" (↔ both ways), or with ids; when it would pass `width` the target
 * goes on a line of its own. */
static void flow_pair(struct sbuf *out, const struct model *m, const struct element *e, bool names,
		      int width)
{
	size_t start = out->len;

	sbuf_addf(out, "%s %s ", endpoint(m, e->from, names), e->bidirectional ? "↔" : "→");
	sbuf_addstr(out, endpoint(m, e->to, names));
	if (width > 0 && draw_width(out->buf + start) > width) {
		sbuf_truncate(out, start);
		sbuf_addf(out, "%s %s\n%s", endpoint(m, e->from, names),
			  e->bidirectional ? "↔" : "→", endpoint(m, e->to, names));
	}
}

static int compare_int(const void *a, const void *b)
{
	return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

/* The width nine entries in ten fit (all of them when there are few): a column that wide
 * wraps only the longest few, rather than leaving every short one a wide gap. */
static int nine_in_ten(int *w, size_t n)
{
	if (n == 0)
		return 0;
	qsort(w, n, sizeof(*w), compare_int);
	return w[(9 * n + 9) / 10 - 1];
}

static void measure(struct overview_view *o, const struct model *m)
{
	struct overview_need *need = &o->need;
	struct sbuf sb = SBUF_INIT;
	int *names = xcalloc(o->n + 1, sizeof(*names)), *pairs = xcalloc(o->n + 1, sizeof(*pairs));
	int *ids = xcalloc(o->n + 1, sizeof(*ids));
	size_t i, nn = 0, nf = 0;

	memset(need, 0, sizeof(*need));
	for (i = 0; i < o->n; i++) {
		const struct outline_row *r = &o->rows[i];
		const struct element *e = r->element;
		if (r->kind != OUTLINE_ELEMENT && r->kind != OUTLINE_BOUNDARY)
			continue;
		if (e->kind != KIND_DATA_FLOW) {
			names[nn++] = 2 * r->depth + draw_width(e->name) +
				      (r->kind == OUTLINE_BOUNDARY ? 2 : 0);
			need->id = max_int(need->id, draw_width(e->id));
			need->type = max_int(need->type, e->type ? draw_width(e->type) : 0);
			continue;
		}
		sbuf_reset(&sb);
		flow_pair(&sb, m, e, true, 0);
		pairs[nf] = 2 * r->depth + draw_width(sb.buf);
		sbuf_reset(&sb);
		flow_pair(&sb, m, e, false, 0);
		ids[nf++] = 2 * r->depth + draw_width(sb.buf);
		need->protocol = max_int(need->protocol, e->protocol ? draw_width(e->protocol) : 0);
		need->flow_name = max_int(need->flow_name, draw_width(e->name));
	}
	sbuf_release(&sb);
	need->name = nine_in_ten(names, nn);
	need->name_max = nn ? names[nn - 1] : 0;
	need->pair = nine_in_ten(pairs, nf);
	need->pair_max = nf ? pairs[nf - 1] : 0;
	need->pair_ids = nine_in_ten(ids, nf);
	need->pair_ids_max = nf ? ids[nf - 1] : 0;
	free(names);
	free(pairs);
	free(ids);
	/* a longer one wraps in its column */
	need->id = min_int(need->id, 28);
	need->type = min_int(need->type, 24);
	need->protocol = min_int(need->protocol, 32);
	need->flow_name = min_int(need->flow_name, 36);
}

static void build(struct overview_view *o, struct ui_ctx *ctx)
{
	const struct model_index *ix = ui_index(ctx);

	if (o->fresh && o->built == ix->generation)
		return;
	o->rows = ix->outline;
	o->n = ix->noutline;
	o->cov = ix->cov;
	measure(o, ctx->app->model);
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

/*
 * Where a row's columns go, left to right. Element rows: the name (indented by its boundary's
 * depth), then as room allows the id and the type. Flow rows share that span: "from → to", then
 * as room allows the protocol and the flow's name. Then for both the kind ("crosses" for a
 * flow over a boundary) and the coverage marks. Each column is as wide as its longest entry;
 * an optional column shows only while the names keep their share of the span, counting what
 * nine names in ten need, so that a few long ones do not push the others off. The names then
 * take what the span leaves, and one longer still wraps onto more lines rather than being cut.
 * Flows name their ends where nine in ten fit a line so, by id where they do not.
 */
struct overview_columns {
	int name, name_w, id, id_w, type, type_w;
	int pair_w, protocol, protocol_w, flow_name, flow_name_w;
	bool names;
	int kind, cov;
};

/* A column of width `w` and the gap before it (nothing when it is not shown). */
static int gap(int w)
{
	return w ? w + 2 : 0;
}

/* Which of the optional columns w[0..n) fit beside a first column wanting `want` in `span`:
 * each in turn while the first keeps its share; returns the first column's width. */
static int fit(int span, int want, const int *w, int *shown, int n)
{
	int least = min_int(want, max_int(30, span * 45 / 100)), used = 0, i;

	for (i = 0; i < n; i++)
		shown[i] = 0;
	for (i = 0; i < n && w[i] > 0 && span - used - gap(w[i]) >= least; i++) {
		used += gap(w[i]);
		shown[i] = 1;
	}
	return span - used;
}

static struct overview_columns layout(const struct overview_need *need, const struct rect *area)
{
	struct overview_columns c = {0};
	int room = area->w - 2 - 1 - (2 + 8) - (2 + 18), shown[2], w[2], extras, span;

	c.name = area->x + 2;
	/* the elements' id and type, beside what nine names in ten need */
	w[0] = need->id, w[1] = need->type;
	fit(room, need->name, w, shown, 2);
	c.id_w = shown[0] ? need->id : 0;
	c.type_w = shown[1] ? need->type : 0;
	extras = gap(c.id_w) + gap(c.type_w);
	/* the span both sections share, so that the kinds and the marks line up */
	span = max_int(min_int(need->name, room - extras) + extras,
		       need->pair + gap(max_int(need->protocol, 8)) +
			   gap(max_int(need->flow_name, 4)));
	span = min_int(room, span);
	c.name_w = min_int(need->name_max, span - extras);
	c.id = c.name + c.name_w + 2;
	c.type = c.id + gap(c.id_w);
	/* the flows' protocol and name (wide enough for their labels), beside their ends by
	 * name, or by id */
	w[0] = need->protocol ? max_int(need->protocol, 8) : 0;
	w[1] = need->flow_name ? max_int(need->flow_name, 4) : 0;
	c.names = fit(span, need->pair, w, shown, 2) >= need->pair;
	if (!c.names)
		fit(span, need->pair_ids, w, shown, 2);
	c.protocol_w = shown[0] ? w[0] : 0;
	c.flow_name_w = shown[1] ? w[1] : 0;
	c.pair_w = min_int(span - gap(c.protocol_w) - gap(c.flow_name_w),
			   c.names ? need->pair_max : need->pair_ids_max);
	c.protocol = c.name + c.pair_w + 2;
	c.flow_name = c.protocol + gap(c.protocol_w);
	c.kind = c.name + span + 2;
	c.cov = c.kind + 10;
	return c;
}

/* The cells of an element, boundary or flow row; the name's text is built into `text`. */
static size_t row_cells(const struct overview_view *o, size_t i, bool sel, struct sbuf *text,
			struct draw_cell *out)
{
	const struct overview_columns *c = o->cols;
	const struct outline_row *r = &o->rows[i];
	const struct element *e = r->element;
	const struct model *m = o->ctx->app->model;
	enum ui_color n = sel ? UC_SELECTED : UC_NORMAL, dim = sel ? UC_SELECTED : UC_DIM;
	int indent = 2 * r->depth;
	size_t k = 0;

	if (r->kind == OUTLINE_BOUNDARY) {
		sbuf_addf(text, "▣ %s", e->name);
		out[k++] = (struct draw_cell){c->name + indent, c->name_w - indent, text->buf,
					      sel ? n : UC_HEADING, 2};
		if (c->id_w)
			out[k++] = (struct draw_cell){c->id, c->id_w, e->id, dim, 0};
		out[k++] = (struct draw_cell){c->kind, 8, "boundary", dim, 0};
		return k;
	}
	if (e->kind == KIND_DATA_FLOW) {
		flow_pair(text, m, e, c->names, c->pair_w - indent);
		out[k++] =
		    (struct draw_cell){c->name + indent, c->pair_w - indent, text->buf, n, 2};
		if (c->protocol_w)
			out[k++] =
			    (struct draw_cell){c->protocol, c->protocol_w, e->protocol, n, 0};
		if (c->flow_name_w)
			out[k++] =
			    (struct draw_cell){c->flow_name, c->flow_name_w, e->name, dim, 0};
		if (model_flow_crosses(m, e, NULL))
			out[k++] = (struct draw_cell){c->kind, 8, "crosses", sel ? n : UC_WARN, 0};
		return k;
	}
	out[k++] = (struct draw_cell){c->name + indent, c->name_w - indent, e->name, n, 2};
	if (c->id_w)
		out[k++] = (struct draw_cell){c->id, c->id_w, e->id, dim, 0};
	if (c->type_w)
		out[k++] = (struct draw_cell){c->type, c->type_w, e->type, dim, 0};
	out[k++] = (struct draw_cell){c->kind, 8, short_kind(e->kind), dim, 0};
	return k;
}

static int row_lines(const struct rect *area, size_t i, const void *data)
{
	const struct overview_view *o = data;
	struct sbuf text = SBUF_INIT;
	struct draw_cell cells[5];
	int lines = 1;

	(void)area;
	if (o->rows[i].element)
		lines = draw_cells_lines(cells, row_cells(o, i, false, &text, cells));
	sbuf_release(&text);
	return lines;
}

static void draw_row(int y, int lines, const struct rect *area, size_t i, bool sel,
		     const void *data)
{
	const struct overview_view *o = data;
	const struct outline_row *r = &o->rows[i];
	struct sbuf text = SBUF_INIT;
	struct draw_cell cells[5];
	size_t n;
	int l;

	if (!r->element) {
		draw_text(y, o->cols->name, o->cols->cov - o->cols->name,
			  r->kind == OUTLINE_FLOWS ? "Data flows" : "Outside any trust boundary",
			  UC_HEADING);
		if (r->kind == OUTLINE_FLOWS && o->cols->protocol_w)
			draw_text(y, o->cols->protocol, o->cols->protocol_w, "protocol", UC_DIM);
		if (r->kind == OUTLINE_FLOWS && o->cols->flow_name_w)
			draw_text(y, o->cols->flow_name, o->cols->flow_name_w, "flow", UC_DIM);
		return;
	}
	n = row_cells(o, i, sel, &text, cells);
	for (l = 0; sel && l < lines; l++)
		draw_fill(y + l, area->x + 1, o->cols->cov - area->x - 2, UC_SELECTED);
	draw_text(y, o->cols->name + 2 * r->depth - 2, 2, sel ? "▶" : " ",
		  sel ? UC_SELECTED : UC_NORMAL);
	draw_cells(y, lines, cells, n);
	if (r->kind == OUTLINE_ELEMENT && r->element->out_of_scope)
		draw_text(y, o->cols->cov, 18, "out of scope", UC_DIM);
	else if (r->kind == OUTLINE_ELEMENT)
		draw_coverage(y, o->cols->cov, &o->cov[r->index]);
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
	struct overview_columns cols;

	build(o, ctx);
	o->ctx = ctx;
	cols = layout(&o->need, area);
	o->cols = &cols;
	draw_summary(o, ctx, area);
	if (o->n == 0) {
		draw_center(area->y + area->h / 2 - 1, area->x, area->w,
			    "Nothing here yet: start by drawing the system.", UC_TITLE);
		draw_center(area->y + area->h / 2 + 1, area->x, area->w,
			    "b adds a trust boundary   a adds an element   f adds a data flow",
			    UC_NORMAL);
	} else {
		listview_draw_tall(&o->lv, &list, LISTVIEW_WHOLE, row_lines, draw_row, o);
	}
	draw_legend(area->y + area->h - 1, area);
	o->cols = NULL;
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
