/*
 * The threat board: every threat, sorted by risk, votes, element, letter, status or id, and
 * filtered by band, status, element, letter or "no mitigation". The selected threat's details
 * show below the list; the keys that change it (ratings, letters, status, mitigations) are the
 * global ones of act_threat.c, which act on the selection.
 */
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "draw.h"
#include "keysort.h"
#include "listview.h"
#include "risk.h"
#include "util.h"
#include "ui.h"
#include "view_board.h"
#include "xalloc.h"

static const char *const sort_names[SORT_COUNT] = {"risk",   "votes",  "element",
						   "letter", "status", "id"};

/* A threat and its sort key: a number, then a string (the element), then its model position. */
struct board_row {
	const struct threat *t; /* borrowed from the model; rebuilt when it changes */
	int key;
	const char *text;
	size_t order; /* position in the model, which is id order: the last tie-break */
};

struct board_view {
	struct view base;
	struct listview lv;
	struct board_row *rows, *spare; /* the rows shown; room for sorting them */
	size_t n, cap; /* both kept between rebuilds: fresh megabytes per sort cost page faults */
	const struct model_index *ix; /* the app's, for the counts while drawing */
	enum board_sort sort;
	struct board_filter filter;
	char *selected_id; /* kept across rebuilds */
	unsigned long built; /* the index generation the rows were built for */
	bool fresh;
};

void board_filter_release(struct board_filter *f)
{
	free(f->element);
	free(f->text);
	memset(f, 0, sizeof(*f));
}

static int parse_token(struct board_filter *f, const char *tok, struct sw_error *err)
{
	enum risk_band band;
	enum threat_status st;

	if (str_eq(tok, "all"))
		return 0;
	if (str_eq(tok, "open") || str_eq(tok, "active"))
		f->active = true;
	else if (str_eq(tok, "unmitigated"))
		f->unmitigated = true;
	else if (risk_band_parse(tok, &band) == 0)
		f->min_band = (int)band + 1;
	else if (threat_status_parse(tok, &st) == 0)
		f->status = (int)st + 1;
	else if (str_starts_with(tok, "element=")) {
		free(f->element);
		f->element = xstrdup(tok + 8);
	} else if (str_starts_with(tok, "letter=") && stride_parse(tok + 7, &f->letter) == 0)
		f->has_letter = true;
	else
		return sw_error(err,
				"no filter '%s' (all, open, unmitigated, low, medium, high, "
				"critical, a status, element=ID, letter=S)",
				tok);
	return 0;
}

int board_filter_parse(const char *text, struct board_filter *out, struct sw_error *err)
{
	struct sbuf tok = SBUF_INIT;
	const char *p = text ? text : "";
	int rc = 0;

	board_filter_release(out);
	while (rc == 0 && command_word(&p, &tok))
		rc = parse_token(out, tok.buf, err);
	sbuf_release(&tok);
	if (rc == 0 && text && *text && !str_eq(text, "all"))
		out->text = xstrdup(text);
	if (rc)
		board_filter_release(out);
	return rc;
}

bool board_filter_match(const struct board_filter *f, const struct model_index *ix,
			const struct threat *t, size_t at)
{
	const struct threat_facts *facts = &ix->facts[at];

	if (f->active && !threat_status_is_active((enum threat_status)facts->status))
		return false;
	if (f->status && (int)facts->status + 1 != f->status)
		return false;
	if (f->min_band && (int)risk_band_of(facts->risk) + 1 < f->min_band)
		return false;
	if (f->has_letter && !(facts->letters & STRIDE_BIT(f->letter)))
		return false;
	if (f->element && !str_eq(f->element, t->element))
		return false;
	if (f->unmitigated && ix->threat_mitigations[at].n > 0)
		return false;
	return true;
}

static int compare_rows(const void *pa, const void *pb)
{
	const struct board_row *a = pa, *b = pb;
	int c = (a->key > b->key) - (a->key < b->key);

	if (c == 0 && a->text && b->text)
		c = strcmp(a->text, b->text);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int row_key(const void *row)
{
	return ((const struct board_row *)row)->key;
}

/*
 * Every key but the element's is a small integer: a counting sort, stable over the rows' model
 * order, keeps a sort or filter of tens of thousands of threats linear (the README's 5 ms target).
 */
static void sort_rows(struct board_view *b)
{
	struct board_row *sorted = b->spare;

	if (b->sort == SORT_ELEMENT || !keysort(b->rows, sorted, b->n, sizeof(*sorted), row_key)) {
		qsort(b->rows, b->n, sizeof(*b->rows), compare_rows);
		return;
	}
	b->spare = b->rows;
	b->rows = sorted;
}

static void set_key(struct board_row *r, enum board_sort sort, const struct model_index *ix)
{
	const struct threat *t = r->t;
	const struct threat_facts *f = &ix->facts[r->order];

	r->text = sort == SORT_ELEMENT ? t->element : NULL;
	r->key = sort == SORT_RISK     ? -(int)f->risk
		 : sort == SORT_VOTES  ? -ix->votes[r->order]
		 : sort == SORT_LETTER ? (int)f->letter
		 : sort == SORT_STATUS ? (int)f->status
				       : 0;
}

static void build(struct board_view *b, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	const struct model_index *ix = ui_index(ctx);
	const struct threat *selected;
	size_t i;

	b->ix = ix;
	if (b->fresh && b->built == ix->generation)
		return;
	if (m->nthreats + 1 > b->cap) {
		size_t cap = b->cap;
		b->rows = xgrow(b->rows, sizeof(*b->rows), m->nthreats + 1, &b->cap);
		b->spare = xgrow(b->spare, sizeof(*b->spare), m->nthreats + 1, &cap);
	}
	b->n = 0;
	for (i = 0; i < m->nthreats; i++) {
		if (!board_filter_match(&b->filter, ix, m->threats[i], i))
			continue;
		b->rows[b->n].t = m->threats[i];
		b->rows[b->n].order = i;
		set_key(&b->rows[b->n++], b->sort, ix);
	}
	sort_rows(b);
	listview_set_count(&b->lv, b->n);
	selected = b->selected_id ? model_threat(m, b->selected_id) : NULL;
	for (i = 0; selected && i < b->n; i++)
		if (b->rows[i].t == selected)
			listview_select(&b->lv, i);
	b->built = ix->generation;
	b->fresh = true;
}

static void remember(struct board_view *b)
{
	free(b->selected_id);
	b->selected_id = b->lv.selected < b->n ? xstrdup(b->rows[b->lv.selected].t->id) : NULL;
}

static struct view *create(void)
{
	struct board_view *b = xcalloc(1, sizeof(*b));

	return &b->base;
}

static void destroy(struct view *v)
{
	struct board_view *b = (struct board_view *)v;

	free(b->rows);
	free(b->spare);
	free(b->selected_id);
	board_filter_release(&b->filter);
	free(b);
}

static int set_sort(struct board_view *b, struct ui_ctx *ctx, const char *arg)
{
	int i;

	if (str_empty(arg)) {
		b->sort = (enum board_sort)((b->sort + 1) % SORT_COUNT);
	} else {
		for (i = 0; i < SORT_COUNT && !str_eq(sort_names[i], arg); i++)
			;
		if (i == SORT_COUNT)
			return ui_fail(
			    ctx, "no order '%s' (risk, votes, element, letter, status, id)", arg);
		b->sort = (enum board_sort)i;
	}
	b->fresh = false;
	ui_message(ctx, MSG_INFO, "sorted by %s", sort_names[b->sort]);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static int set_filter(struct board_view *b, struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	static const char *const words[] = {"all",      "open",   "unmitigated",   "high",
					    "critical", "medium", "in-discussion", "accepted"};
	size_t i;

	if (req->arg == NULL && req->step == 0) {
		ui_prompt(ctx, ACT_FILTER, 1, NULL, b->filter.text ? b->filter.text : "",
			  "Show only (open, unmitigated, high, a status, element=ID, letter=S; "
			  "empty for all)");
		for (i = 0; i < ARRAY_SIZE(words); i++)
			ui_prompt_complete(ctx, words[i]);
		return VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT;
	}
	if (board_filter_parse(req->arg, &b->filter, &err))
		return ui_error(ctx, &err);
	b->fresh = false;
	build(b, ctx);
	ui_message(ctx, MSG_INFO, "%zu threat%s shown%s%s", b->n, b->n == 1 ? "" : "s",
		   b->filter.text ? ": " : "", b->filter.text ? b->filter.text : "");
	return VIEW_HANDLED | VIEW_REDRAW;
}

static int open_cell(struct board_view *b, struct ui_ctx *ctx)
{
	const struct threat *t = b->lv.selected < b->n ? b->rows[b->lv.selected].t : NULL;

	if (!t)
		return ui_fail(ctx, "no threat selected");
	ui_set_element(ctx, t->element);
	ctx->letter = t->letter;
	ui_switch(ctx, VIEW_WALK);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct board_view *b = (struct board_view *)v;

	build(b, ctx);
	if (listview_handle(&b->lv, req->action, ctx->page)) {
		remember(b);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	switch (req->action) {
	case ACT_SORT:
		return set_sort(b, ctx, req->arg);
	case ACT_FILTER:
		return set_filter(b, ctx, req);
	case ACT_SELECT:
		return open_cell(b, ctx);
	default:
		return 0;
	}
}

static const char *selected(struct view *v, struct ui_ctx *ctx)
{
	struct board_view *b = (struct board_view *)v;

	build(b, ctx);
	return b->lv.selected < b->n ? b->rows[b->lv.selected].t->id : NULL;
}

/* ---- drawing ---- */

struct columns {
	int id, risk, letters, element, title, status, votes;
};

static struct columns layout(int width)
{
	struct columns c;
	bool wide = width >= 120;

	c.id = 3;
	c.risk = c.id + 8;
	c.letters = c.risk + (wide ? 12 : 8);
	c.element = c.letters + 7;
	/* below 104 columns the element gives its room to the title (the detail lines name it) */
	c.title = width < 104 ? c.element : c.element + (wide ? 22 : 13);
	c.status = width - (wide ? 24 : 15);
	c.votes = wide ? width - 8 : 0;
	return c;
}

static void draw_row(int y, const struct rect *a, size_t i, bool sel, const void *data)
{
	const struct board_view *b = data;
	const struct threat *t = b->rows[i].t;
	int votes = b->ix->votes[b->rows[i].order];
	struct columns c = layout(a->w);
	enum ui_color n = sel ? UC_SELECTED : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;
	char letters[STRIDE_COUNT + 1];

	if (sel)
		draw_fill(y, a->x + 1, a->w - 2, UC_SELECTED);
	draw_text(y, a->x + 1, 2, sel ? "▶" : " ", n);
	draw_text(y, a->x + c.id, 7, t->id, n);
	if (a->w < 120)
		draw_risk_short(&sb, threat_risk(t));
	else
		draw_risk(&sb, threat_risk(t));
	draw_text(y, a->x + c.risk, c.letters - c.risk - 1, sb.buf,
		  sel ? n : draw_risk_color(risk_band_of(threat_risk(t))));
	threat_letters_text(t, letters);
	draw_text(y, a->x + c.letters, 6, letters, n);
	if (c.title > c.element)
		draw_text(y, a->x + c.element, c.title - c.element - 1, t->element,
			  sel ? n : UC_DIM);
	draw_text(y, a->x + c.title, c.status - c.title - 1, t->title, n);
	draw_text(y, a->x + c.status, c.votes ? c.votes - c.status - 1 : a->w - c.status - 1,
		  threat_status_name(t->status), n);
	if (c.votes && votes)
		draw_textf(y, a->x + c.votes, 7, n, "●%d", votes);
	sbuf_release(&sb);
}

static void draw_columns(const struct rect *a)
{
	struct columns c = layout(a->w);

	draw_text(a->y, a->x + c.id, 4, "id", UC_DIM);
	draw_text(a->y, a->x + c.risk, 5, "risk", UC_DIM);
	draw_text(a->y, a->x + c.letters, 7, "stride", UC_DIM);
	if (c.title > c.element)
		draw_text(a->y, a->x + c.element, 8, "element", UC_DIM);
	draw_text(a->y, a->x + c.title, 6, "threat", UC_DIM);
	draw_text(a->y, a->x + c.status, 7, "status", UC_DIM);
	if (c.votes)
		draw_text(a->y, a->x + c.votes, 6, "votes", UC_DIM);
}

static void mitigations_line(const struct model *m, const struct model_index *ix, size_t at,
			     struct sbuf *out)
{
	const struct position_list *on = &ix->threat_mitigations[at];
	size_t i;

	for (i = 0; i < on->n; i++) {
		const struct mitigation *mit = m->mitigations[on->items[i]];
		sbuf_addf(out, "%s%s %s (%s%s%s)", out->len ? ";  " : "", mit->id, mit->title,
			  mitigation_status_name(mit->status), mit->owner ? ", " : "",
			  mit->owner ? mit->owner : "");
	}
}

static void draw_detail(const struct ui_ctx *ctx, const struct board_row *row, const struct rect *a)
{
	const struct threat *t = row->t;
	struct sbuf sb = SBUF_INIT;
	int y = a->y, x = a->x + 2, w = a->w - 4;

	draw_hline(y++, a->x + 1, a->w - 2);
	y += draw_wrap(y, x, w, 2, t->title, UC_TITLE);
	sbuf_addf(&sb, "%s %c on %s   likelihood %d x impact %d = ", t->id, stride_char(t->letter),
		  t->element, t->likelihood, t->impact);
	draw_risk(&sb, threat_risk(t));
	sbuf_addf(&sb, "   %s", threat_status_name(t->status));
	if (t->raised_by)
		sbuf_addf(&sb, "   raised by %s", t->raised_by);
	draw_text(y++, x, w, sb.buf, UC_NORMAL);
	sbuf_reset(&sb);
	if (t->justification)
		sbuf_addf(&sb, "why %s: %s", threat_status_name(t->status), t->justification);
	else if (t->provenance)
		sbuf_addf(&sb, "from the answer %s", t->provenance);
	else if (t->description)
		sbuf_addstr(&sb, t->description);
	if (sb.len && y < a->y + a->h - 1)
		draw_text(y++, x, w, sb.buf, UC_DIM);
	sbuf_reset(&sb);
	mitigations_line(ctx->app->model, ui_index(ctx), row->order, &sb);
	draw_textf(y, x, w, sb.len ? UC_NORMAL : UC_WARN, "%s%s",
		   sb.len ? "mitigations: " : "no mitigation yet: m adds one", sb.buf);
	sbuf_release(&sb);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct board_view *b = (struct board_view *)v;
	int detail = area->h >= 30 ? 8 : 6;
	struct rect list = {area->y + 1, area->x, area->h - detail - 1, area->w};
	struct rect det = {area->y + area->h - detail, area->x, detail, area->w};

	build(b, ctx);
	draw_textf(area->y - 0, area->x + 2, 30, UC_TITLE, "%zu of %zu threats", b->n,
		   ctx->app->model->nthreats);
	draw_textf(area->y, area->x + 24, area->w - 26, UC_DIM, "sorted by %s (o)   filter: %s (f)",
		   sort_names[b->sort], b->filter.text ? b->filter.text : "all");
	if (b->n == 0) {
		draw_center(area->y + area->h / 2, area->x, area->w,
			    ctx->app->model->nthreats
				? "No threat matches the filter (f changes it)."
				: "No threats yet: t on the walk captures one.",
			    UC_TITLE);
		return;
	}
	draw_columns(&list);
	list.y++;
	list.h--;
	listview_draw(&b->lv, &list, draw_row, b);
	draw_detail(ctx, &b->rows[b->lv.selected], &det);
}

static const struct hint hints[] = {
    {ACT_STATUS, NULL}, {ACT_MORE_LIKELY, NULL}, {ACT_MORE_IMPACT, NULL},  {ACT_MITIGATE, NULL},
    {ACT_SORT, NULL},   {ACT_FILTER, NULL},      {ACT_SELECT, "its cell"}, {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_board_ops = {
    create, destroy, NULL, handle, draw, get_hints, selected,
};
