/*
 * The threat board: every threat, sorted by risk, votes, element, letter, status or id, and
 * filtered by band, status, element, letter or "no mitigation". The selected threat's details
 * show below the list; the keys that change it (ratings, letters, status, mitigations) are the
 * global ones of act_threat.c, which act on the selection.
 */
#include <stdio.h>
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
	/* What the columns need for the rows shown, found as they are built from the packed
	 * facts and the model's elements: no threat is read for it. */
	int id_w, element_w, letters_w, status_w, votes_w;
	struct board_columns *cols; /* while drawing */
};

void board_filter_release(struct board_filter *f)
{
	free(f->element);
	free(f->text);
	memset(f, 0, sizeof(*f));
}

/* "open" and "active" are older words for "unresolved": open or in discussion. */
static bool means_unresolved(const char *tok)
{
	return str_eq(tok, "unresolved") || str_eq(tok, "open") || str_eq(tok, "active");
}

static int parse_token(struct board_filter *f, const char *tok, struct sw_error *err)
{
	enum risk_band band;
	enum threat_status st;

	if (str_eq(tok, "all"))
		return 0;
	if (means_unresolved(tok))
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
				"no filter '%s' (all, unresolved, unmitigated, low, medium, high, "
				"critical, a status, element=ID, letter=S)",
				tok);
	return 0;
}

int board_filter_parse(const char *text, struct board_filter *out, struct sw_error *err)
{
	struct sbuf tok = SBUF_INIT, shown = SBUF_INIT;
	const char *p = text ? text : "";
	int rc = 0;

	board_filter_release(out);
	while (rc == 0 && command_word(&p, &tok)) {
		rc = parse_token(out, tok.buf, err);
		if (rc || str_eq(tok.buf, "all"))
			continue;
		/* said as the board means it: "open" would read as the status of that name */
		sbuf_addf(&shown, "%s%s", shown.len ? " " : "",
			  means_unresolved(tok.buf) ? "unresolved" : tok.buf);
	}
	sbuf_release(&tok);
	if (rc == 0 && shown.len)
		out->text = sbuf_detach(&shown);
	sbuf_release(&shown);
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

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* What the rows shown hold, gathered from the packed facts as they are built: which statuses,
 * the most letters and votes, which elements (a flag per element of the model). */
struct board_seen {
	unsigned statuses;
	int letters, votes;
	bool *elements;
};

static void see(struct board_seen *seen, const struct model_index *ix, size_t at)
{
	const struct threat_facts *f = &ix->facts[at];
	int letters = 0, l;

	if (ix->threat_element[at] < ix->nelements)
		seen->elements[ix->threat_element[at]] = true;
	for (l = 0; l < STRIDE_COUNT; l++)
		letters += (f->letters & STRIDE_BIT(l)) != 0;
	seen->letters = max_int(seen->letters, letters);
	seen->statuses |= 1u << f->status;
	seen->votes = max_int(seen->votes, ix->votes[at]);
}

/* The columns' widths, each at least its heading's. Threat ids grow with their number, which
 * is model order, so the last is the longest; votes read "12 ●●●●●", five dots at the most. */
static void measure(struct board_view *b, const struct model *m, const struct board_seen *seen)
{
	int digits = 1, n, s;
	size_t i;

	b->id_w = 2; /* "id" */
	if (m->nthreats)
		b->id_w = max_int(draw_width(m->threats[0]->id),
				  draw_width(m->threats[m->nthreats - 1]->id));
	b->element_w = 7; /* "element" */
	for (i = 0; i < m->nelements; i++)
		if (seen->elements[i])
			b->element_w = max_int(b->element_w, draw_width(m->elements[i]->id));
	b->letters_w = max_int(6, seen->letters); /* "stride" */
	b->status_w = 6; /* "status" */
	for (s = 0; s < THREAT_STATUS_COUNT; s++)
		if (seen->statuses & (1u << s))
			b->status_w = max_int(
			    b->status_w, draw_width(threat_status_name((enum threat_status)s)));
	for (n = seen->votes; n >= 10; n /= 10)
		digits++;
	n = seen->votes > 5 ? 5 : seen->votes;
	b->votes_w = max_int(5, digits + (n ? 1 + n : 0)); /* "votes" */
}

static void build(struct board_view *b, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	const struct model_index *ix = ui_index(ctx);
	const struct threat *selected;
	struct board_seen seen = {0, 0, 0, NULL};
	size_t i;

	b->ix = ix;
	if (b->fresh && b->built == ix->generation)
		return;
	if (m->nthreats + 1 > b->cap) {
		size_t cap = b->cap;
		b->rows = xgrow(b->rows, sizeof(*b->rows), m->nthreats + 1, &b->cap);
		b->spare = xgrow(b->spare, sizeof(*b->spare), m->nthreats + 1, &cap);
	}
	seen.elements = xcalloc(m->nelements + 1, sizeof(*seen.elements));
	b->n = 0;
	for (i = 0; i < m->nthreats; i++) {
		if (!board_filter_match(&b->filter, ix, m->threats[i], i))
			continue;
		b->rows[b->n].t = m->threats[i];
		b->rows[b->n].order = i;
		set_key(&b->rows[b->n++], b->sort, ix);
		see(&seen, ix, i);
	}
	measure(b, m, &seen);
	free(seen.elements);
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
	static const char *const words[] = {"all",      "unresolved", "unmitigated",   "high",
					    "critical", "medium",     "in-discussion", "accepted"};
	size_t i;

	if (req->arg == NULL && req->step == 0) {
		ui_prompt(
		    ctx, ACT_FILTER, 1, NULL, b->filter.text ? b->filter.text : "",
		    "Show only (unresolved, unmitigated, high, a status, element=ID, letter=S; "
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

/* Where a row's columns start (0: not shown); the title takes the room the others leave. */
struct board_columns {
	int id, risk, risk_w, letters, element, element_w, title, title_w, status, votes;
};

/*
 * Left to right: id, risk, letters, [element], title, status, [votes]. The id, the letters and
 * the status are always whole. Where the title would get less than its share, the optional
 * columns give way, the least important first: the risk word shortens to "crit", then the
 * votes go, then the element (the details name it); the column the board is sorted by stays
 * longest, and sorted by element the element stays, cut if it must be: an order by a column
 * nobody can see looks like none.
 */
static struct board_columns layout(const struct board_view *b, const struct rect *a)
{
	struct board_columns c = {0};
	int fixed = 3 + b->id_w + 2 + 7 + 2 + b->letters_w + 2 + 2 + b->status_w + 1;
	int room = a->w - fixed, least = max_int(30, a->w * 45 / 100);
	/* 0 the element, 1 the votes, 2 the long risk word; the sort column first */
	int order[3] = {0, 1, 2}, cost[3] = {b->element_w + 2, b->votes_w + 2, 4};
	bool shown[3] = {false, false, false};
	int i;

	if (b->sort == SORT_VOTES)
		order[0] = 1, order[1] = 0;
	for (i = 0; i < 3 && room - cost[order[i]] >= least; i++) {
		room -= cost[order[i]];
		shown[order[i]] = true;
	}
	c.element_w = b->element_w;
	if (b->sort == SORT_ELEMENT && !shown[0] && room / 3 >= 7) {
		shown[0] = true;
		c.element_w = b->element_w < room / 3 ? b->element_w : room / 3;
	}
	c.id = a->x + 3;
	c.risk = c.id + b->id_w + 2;
	c.risk_w = shown[2] ? 11 : 7; /* "20 critical", "20 crit" */
	c.letters = c.risk + c.risk_w + 2;
	c.element = shown[0] ? c.letters + b->letters_w + 2 : 0;
	c.title = shown[0] ? c.element + c.element_w + 2 : c.letters + b->letters_w + 2;
	c.votes = shown[1] ? a->x + a->w - 1 - b->votes_w : 0;
	c.status = (shown[1] ? c.votes - 2 : a->x + a->w - 1) - b->status_w;
	c.title_w = c.status - 2 - c.title;
	return c;
}

/* One row's cells, with the texts they point into. */
struct board_cells {
	struct draw_cell cell[7];
	char risk[24], votes[40], letters[STRIDE_COUNT + 1];
};

static size_t row_cells(const struct board_view *b, size_t i, bool sel, struct board_cells *out)
{
	const struct board_columns *c = b->cols;
	const struct threat *t = b->rows[i].t;
	int risk = threat_risk(t), votes = b->ix->votes[b->rows[i].order];
	enum ui_color n = sel ? UC_SELECTED : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;
	size_t k = 0;
	int d;

	if (c->risk_w == 7)
		draw_risk_short(&sb, risk);
	else
		draw_risk(&sb, risk);
	snprintf(out->risk, sizeof(out->risk), "%s", sb.buf);
	sbuf_reset(&sb);
	sbuf_addf(&sb, "%d%s", votes, votes ? " " : "");
	for (d = 0; d < votes && d < 5; d++)
		sbuf_addstr(&sb, "●");
	snprintf(out->votes, sizeof(out->votes), "%s", sb.buf);
	sbuf_release(&sb);
	threat_letters_text(t, out->letters);
	out->cell[k++] = (struct draw_cell){c->id, b->id_w, t->id, n, 0};
	out->cell[k++] = (struct draw_cell){c->risk, c->risk_w, out->risk,
					    sel ? n : draw_risk_color(risk_band_of(risk)), 0};
	out->cell[k++] = (struct draw_cell){c->letters, b->letters_w, out->letters, n, 0};
	if (c->element)
		out->cell[k++] =
		    (struct draw_cell){c->element, c->element_w, t->element, sel ? n : UC_DIM, 0};
	out->cell[k++] = (struct draw_cell){c->title, c->title_w, t->title, n, 0};
	out->cell[k++] =
	    (struct draw_cell){c->status, b->status_w, threat_status_name(t->status), n, 0};
	if (c->votes)
		out->cell[k++] = (struct draw_cell){c->votes, b->votes_w, out->votes, n, 0};
	return k;
}

static int row_lines(const struct rect *a, size_t i, const void *data)
{
	struct board_cells cells;
	size_t n = row_cells(data, i, false, &cells);

	(void)a;
	return draw_cells_lines(cells.cell, n);
}

static void draw_row(int y, int lines, const struct rect *a, size_t i, bool sel, const void *data)
{
	struct board_cells cells;
	size_t n = row_cells(data, i, sel, &cells);
	int l;

	for (l = 0; sel && l < lines; l++)
		draw_fill(y + l, a->x + 1, a->w - 2, UC_SELECTED);
	draw_text(y, a->x + 1, 2, sel ? "▶" : " ", sel ? UC_SELECTED : UC_NORMAL);
	draw_cells(y, lines, cells.cell, n);
}

static void draw_columns(const struct board_view *b, const struct rect *a)
{
	const struct board_columns *c = b->cols;

	draw_text(a->y, c->id, 4, "id", UC_DIM);
	draw_text(a->y, c->risk, 5, "risk", UC_DIM);
	draw_text(a->y, c->letters, 7, "stride", UC_DIM);
	if (c->element)
		draw_text(a->y, c->element, 8, "element", UC_DIM);
	draw_text(a->y, c->title, 6, "threat", UC_DIM);
	draw_text(a->y, c->status, 7, "status", UC_DIM);
	if (c->votes)
		draw_text(a->y, c->votes, 6, "votes", UC_DIM);
}

static void mitigations_line(const struct model *m, const struct model_index *ix, size_t at,
			     struct sbuf *out)
{
	const struct position_list *on = &ix->threat_mitigations[at];
	size_t i;

	for (i = 0; i < on->n; i++) {
		const struct mitigation *mit = m->mitigations[on->items[i]];
		sbuf_addf(out, "%s%s %s (%s%s%s)", out->len ? ";  " : "mitigations: ", mit->id,
			  mit->title, mitigation_status_name(mit->status), mit->owner ? ", " : "",
			  mit->owner ? mit->owner : "");
	}
}

/* The selected threat's details: its facts (id, letters, element, rating, status, who raised
 * it, joined so that none is split), why it has its status, where it came from and its
 * description, and its mitigations, for a width. */
struct board_detail {
	const struct threat *t;
	struct sbuf facts, text, mit;
	bool mitigated;
	int w;
};

static void detail_init(struct board_detail *d, const struct ui_ctx *ctx,
			const struct board_row *row, int w)
{
	const struct threat *t = row->t;
	struct sbuf parts = SBUF_INIT, risk = SBUF_INIT;
	char letters[STRIDE_COUNT + 1];

	memset(d, 0, sizeof(*d));
	d->t = t;
	d->w = w;
	threat_letters_text(t, letters);
	sbuf_addf(&parts, "%s %s on %s\tlikelihood %d x impact %d = ", t->id, letters, t->element,
		  t->likelihood, t->impact);
	draw_risk(&risk, threat_risk(t)); /* " 9 medium": padded for the list's column */
	sbuf_addstr(&parts, risk.buf + strspn(risk.buf, " "));
	sbuf_release(&risk);
	sbuf_addf(&parts, "\t%s\t", threat_status_name(t->status));
	if (t->raised_by)
		sbuf_addf(&parts, "raised by %s", t->raised_by);
	draw_join(&d->facts, parts.buf, "   ", w);
	sbuf_release(&parts);
	if (t->justification)
		sbuf_addf(&d->text, "why %s: %s", threat_status_name(t->status), t->justification);
	if (t->provenance)
		sbuf_addf(&d->text, "%sfrom the answer %s", d->text.len ? "\n" : "", t->provenance);
	if (t->description)
		sbuf_addf(&d->text, "%s%s", d->text.len ? "\n" : "", t->description);
	mitigations_line(ctx->app->model, ui_index(ctx), row->order, &d->mit);
	d->mitigated = d->mit.len > 0;
	if (!d->mitigated)
		sbuf_addstr(&d->mit, "no mitigation yet: m adds one");
}

static void detail_release(struct board_detail *d)
{
	sbuf_release(&d->facts);
	sbuf_release(&d->text);
	sbuf_release(&d->mit);
}

/* The lines the details take in full, the rule above them included. */
static int detail_lines(const struct board_detail *d)
{
	return 1 + draw_wrap_rows(d->facts.buf, d->w) + draw_wrap_rows(d->t->title, d->w) +
	       draw_wrap_rows(d->text.buf, d->w) + draw_wrap_rows(d->mit.buf, d->w);
}

/* Draws the details in `a`, each part wrapped into the lines there are. When they run short the
 * facts come first, then the title, a line each of mitigations and text, the rest of the
 * mitigations, the rest of the text. */
static void detail_draw(const struct board_detail *d, const struct rect *a)
{
	int y = a->y + 1, x = a->x + 2, left = a->h - 1, nt, nf, nm, nx;

	draw_hline(a->y, a->x + 1, a->w - 2);
	nf = draw_take(&left, draw_wrap_rows(d->facts.buf, d->w));
	nt = draw_take(&left, draw_wrap_rows(d->t->title, d->w));
	nm = draw_take(&left, 1);
	nx = draw_take(&left, d->text.len ? 1 : 0);
	nm += draw_take(&left, draw_wrap_rows(d->mit.buf, d->w) - 1);
	nx += draw_take(&left, draw_wrap_rows(d->text.buf, d->w) - nx);
	y += draw_wrap(y, x, d->w, nt, d->t->title, UC_TITLE);
	y += draw_wrap(y, x, d->w, nf, d->facts.buf, UC_NORMAL);
	y += draw_wrap(y, x, d->w, nx, d->text.buf, UC_DIM);
	draw_wrap(y, x, d->w, nm, d->mit.buf, d->mitigated ? UC_NORMAL : UC_WARN);
}

/*
 * The list on top, the selected threat's details below, as tall as they need between a floor
 * and a ceiling: a short one leaves its lines to the list.
 */
static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct board_view *b = (struct board_view *)v;
	struct board_columns cols;
	struct board_detail d;
	struct rect list, det;
	int most = area->h >= 30 ? 14 : 9, lines;

	build(b, ctx);
	cols = layout(b, area);
	b->cols = &cols;
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
		b->cols = NULL;
		return;
	}
	detail_init(&d, ctx, &b->rows[b->lv.selected], area->w - 4);
	lines = detail_lines(&d);
	lines = lines < 4 ? 4 : lines > most ? most : lines;
	list = (struct rect){area->y + 1, area->x, area->h - lines - 1, area->w};
	det = (struct rect){area->y + area->h - lines, area->x, lines, area->w};
	draw_columns(b, &list);
	list.y++;
	list.h--;
	listview_draw_tall(&b->lv, &list, LISTVIEW_SPARE, row_lines, draw_row, b);
	detail_draw(&d, &det);
	detail_release(&d);
	b->cols = NULL;
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
