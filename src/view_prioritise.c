/*
 * Prioritise: dot voting (each participant has APP_DOTS dots; the speaker votes with v and takes
 * a dot back with V), a 5x5 heat map of likelihood against impact, and the open threats ranked
 * by votes and then by risk. Ratings change with the board's keys on the selected threat.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "keysort.h"
#include "listview.h"
#include "risk.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

struct ranked {
	const struct threat *t;
	int votes, risk;
	size_t order; /* model position, which is id order: the last tie-break */
};

struct prioritise_view {
	struct view base;
	struct listview lv;
	struct ranked *rows, *spare; /* open threats, ranked; room for ranking them */
	size_t n, cap;
	int heat[6][6]; /* open threats by likelihood and impact (1-5) */
	char *selected_id;
	unsigned long built;
	bool fresh;
	int id_w, votes_w; /* what the rows need, found as they are built */
	const struct prioritise_columns *cols; /* while drawing */
};

/* More votes first, then higher risk, then model order, which is id order. */
static int compare_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->votes != b->votes)
		return b->votes - a->votes;
	if (a->risk != b->risk)
		return b->risk - a->risk;
	return (a->order > b->order) - (a->order < b->order);
}

/* Descending by votes, then risk (1-25): a small integer while votes stay few. */
static int rank_key(const void *row)
{
	const struct ranked *r = row;

	return -(r->votes * 26 + r->risk);
}

/* Votes, then risk, then model order: a counting sort in linear time, qsort when votes run
 * high. */
static void rank(struct prioritise_view *p)
{
	struct ranked *sorted = p->spare;

	if (!keysort(p->rows, sorted, p->n, sizeof(*sorted), rank_key)) {
		qsort(p->rows, p->n, sizeof(*p->rows), compare_ranked);
		return;
	}
	p->spare = p->rows;
	p->rows = sorted;
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* The id column fits the last threat's id (ids grow with their number, which is model order);
 * the votes column the count and up to five dots of the most voted. */
static void measure(struct prioritise_view *p, const struct model *m)
{
	int most = 0, digits = 1, n;
	size_t i;

	for (i = 0; i < p->n; i++)
		most = max_int(most, p->rows[i].votes);
	for (n = most; n >= 10; n /= 10)
		digits++;
	p->id_w = m->nthreats ? max_int(draw_width(m->threats[0]->id),
					draw_width(m->threats[m->nthreats - 1]->id))
			      : 2;
	p->votes_w = max_int(5, digits + (most ? 1 + (most > 5 ? 5 : most) : 0));
}

static void build(struct prioritise_view *p, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	const struct model_index *ix = ui_index(ctx);
	const struct threat_facts *facts = ix->facts;
	const int *votes = ix->votes;
	const struct threat *selected;
	size_t i;

	/* From the packed facts and votes of the index, not the threats themselves: a vote
	 * re-ranks every open threat, tens of thousands of them in a large model. */
	if (p->fresh && p->built == ix->generation)
		return;
	memset(p->heat, 0, sizeof(p->heat));
	if (m->nthreats + 1 > p->cap) {
		size_t cap = p->cap;
		p->rows = xgrow(p->rows, sizeof(*p->rows), m->nthreats + 1, &p->cap);
		p->spare = xgrow(p->spare, sizeof(*p->spare), m->nthreats + 1, &cap);
	}
	p->n = 0;
	for (i = 0; i < m->nthreats; i++) {
		const struct threat_facts *f = &facts[i];
		if (!threat_status_is_active((enum threat_status)f->status))
			continue;
		p->rows[p->n].t = m->threats[i];
		p->rows[p->n].votes = votes[i];
		p->rows[p->n].order = i;
		p->rows[p->n++].risk = f->risk;
		if (f->likelihood >= 1 && f->likelihood <= 5 && f->impact >= 1 && f->impact <= 5)
			p->heat[f->likelihood][f->impact]++;
	}
	rank(p);
	measure(p, m);
	listview_set_count(&p->lv, p->n);
	selected = p->selected_id ? model_threat(m, p->selected_id) : NULL;
	for (i = 0; selected && i < p->n; i++)
		if (p->rows[i].t == selected)
			listview_select(&p->lv, i);
	p->built = ui_index(ctx)->generation;
	p->fresh = true;
}

static struct view *create(void)
{
	return &((struct prioritise_view *)xcalloc(1, sizeof(struct prioritise_view)))->base;
}

static void destroy(struct view *v)
{
	struct prioritise_view *p = (struct prioritise_view *)v;

	free(p->rows);
	free(p->spare);
	free(p->selected_id);
	free(p);
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct prioritise_view *p = (struct prioritise_view *)v;
	const struct threat *t;

	build(p, ctx);
	if (listview_handle(&p->lv, req->action, ctx->page)) {
		free(p->selected_id);
		p->selected_id =
		    p->lv.selected < p->n ? xstrdup(p->rows[p->lv.selected].t->id) : NULL;
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	if (req->action != ACT_SELECT)
		return 0;
	t = p->lv.selected < p->n ? p->rows[p->lv.selected].t : NULL;
	if (!t)
		return ui_fail(ctx, "no threat selected");
	ui_set_element(ctx, t->element);
	ctx->letter = t->letter;
	ui_switch(ctx, VIEW_WALK);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static const char *selected(struct view *v, struct ui_ctx *ctx)
{
	struct prioritise_view *p = (struct prioritise_view *)v;

	build(p, ctx);
	return p->lv.selected < p->n ? p->rows[p->lv.selected].t->id : NULL;
}

/* ---- drawing ---- */

static void dots(struct sbuf *out, int used, int of)
{
	int i;

	for (i = 0; i < of; i++)
		sbuf_addstr(out, i < used ? "●" : "○");
}

/*
 * Every voter's dots, "Name ●●○", as many to a row as fit and as many rows as they need (up to
 * `most`, the last saying how many more there are); returns the rows used.
 */
static int draw_dots(struct ui_ctx *ctx, int y, int x, int width, int most)
{
	const struct model *m = ctx->app->model;
	const struct model_index *ix = ui_index(ctx);
	struct sbuf chunk = SBUF_INIT;
	int row = 0, col = 0, w;
	size_t i;

	for (i = 0; i < m->nparticipants && row < most; i++) {
		const char *name = m->participants[i]->name;
		sbuf_reset(&chunk);
		sbuf_addf(&chunk, "%s%s ", str_eq(name, ctx->app->speaker) ? "★ " : "", name);
		dots(&chunk, ix->tally[i].dots, APP_DOTS);
		w = draw_width(chunk.buf);
		if (col && col + w > width) {
			row++;
			col = 0;
		}
		if (row == most - 1 && i + 1 < m->nparticipants && col + w + 12 > width) {
			draw_textf(y + row, x + col, width - col, UC_DIM, "+%zu more",
				   m->nparticipants - i);
			break;
		}
		if (row < most)
			col += draw_text(y + row, x + col, width - col, chunk.buf, UC_NORMAL) + 3;
	}
	sbuf_release(&chunk);
	return m->nparticipants ? row + 1 : 0;
}

static int draw_voters(struct ui_ctx *ctx, int y, int x, int width, int most)
{
	const struct model *m = ctx->app->model;
	const struct participant_tally *tally = ui_index(ctx)->tally;
	size_t i;

	if (!ctx->app->speaker) {
		draw_text(y, x, width,
			  m->nparticipants
			      ? "s picks who votes; then v gives the selected threat a dot"
			      : "Add the participants first (+ adds one), then s picks who votes",
			  UC_TITLE);
	} else {
		int used = 0;
		for (i = 0; i < m->nparticipants; i++)
			if (str_eq(m->participants[i]->name, ctx->app->speaker))
				used = tally[i].dots;
		draw_textf(y, x, width, UC_TITLE,
			   "Voting now: %s, %d of %d dots left   (s: next voter)",
			   ctx->app->speaker, APP_DOTS - used, APP_DOTS);
	}
	return 1 + draw_dots(ctx, y + 1, x, width, most - 1);
}

/*
 * Likelihood 5 at the top, impact 1 on the left; each cell the number of open threats and its
 * band, so the map reads without colour: the band's initial with a legend below in cells of
 * `cw` columns, or its word in cells of eight. Each likelihood takes `step` lines. Returns the
 * columns used.
 */
static int draw_heatmap(const struct prioritise_view *p, int y, int x, int cw, int step)
{
	static const char initials[RISK_BAND_COUNT] = {'L', 'M', 'H', 'C'};
	static const char *const words[RISK_BAND_COUNT] = {"low", "med", "high", "crit"};
	bool big = cw >= 8;
	int w = 9 + 5 * cw, l, i;

	draw_text(y, x, w, "Heat map, open threats", UC_HEADING);
	draw_text(y + 1, x, 8, "impact →", UC_DIM);
	for (i = 1; i <= 5; i++)
		draw_textf(y + 1, x + 9 + cw * (i - 1), 2, UC_DIM, "%2d", i);
	for (l = 5; l >= 1; l--) {
		int row = y + 2 + step * (5 - l);
		draw_textf(row, x, 8, UC_DIM, "%s %d", l == 5 ? "likely" : "      ", l);
		for (i = 1; i <= 5; i++) {
			enum risk_band b = risk_band_of(risk_score(l, i));
			int at = x + 9 + cw * (i - 1);
			if (!p->heat[l][i])
				draw_text(row, at + 1, 1, "·", UC_DIM);
			else if (big)
				draw_textf(row, at, cw - 1, draw_risk_color(b), "%2d %s",
					   p->heat[l][i], words[b]);
			else
				draw_textf(row, at, 3, draw_risk_color(b), "%2d%c", p->heat[l][i],
					   initials[b]);
		}
	}
	if (big)
		return w;
	draw_text(y + 2 + 5 * step, x, 25, "L low M med H high C crit", UC_DIM);
	return w > 25 ? w : 25;
}

/* "open: 2 critical, 7 high, 3 medium, 1 low": the heat map in one line, for narrow screens. */
static void bands_line(const struct prioritise_view *p, struct sbuf *out)
{
	int band[RISK_BAND_COUNT] = {0}, l, i, b, n = 0;

	for (l = 1; l <= 5; l++)
		for (i = 1; i <= 5; i++)
			band[risk_band_of(risk_score(l, i))] += p->heat[l][i];
	sbuf_addstr(out, "open:");
	for (b = RISK_BAND_COUNT - 1; b >= 0; b--)
		if (band[b])
			sbuf_addf(out, "%s %d %s", n++ ? "," : "", band[b],
				  risk_band_name((enum risk_band)b));
	if (!n)
		sbuf_addstr(out, " none");
}

/* Where a ranked row's columns start; the title has the rest. */
struct prioritise_columns {
	int rank, id, votes, risk, title, title_w;
};

static struct prioritise_columns layout(const struct prioritise_view *p, const struct rect *a)
{
	struct prioritise_columns c;

	c.rank = a->x;
	c.id = c.rank + 5; /* "▶ 21 ": the marker never touches a two-digit rank */
	c.votes = c.id + p->id_w + 2;
	c.risk = c.votes + p->votes_w + 2;
	c.title = c.risk + 7 + 2; /* "20 crit" */
	c.title_w = a->x + a->w - c.title;
	return c;
}

static size_t row_cells(const struct prioritise_view *p, size_t i, bool sel, struct draw_cell *out,
			char *votes, char *risk)
{
	const struct prioritise_columns *c = p->cols;
	const struct threat *t = p->rows[i].t;
	enum ui_color n = sel ? UC_SELECTED : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;
	int v = p->rows[i].votes;

	sbuf_addf(&sb, "%d%s", v, v ? " " : "");
	dots(&sb, v > 5 ? 5 : v, v > 5 ? 5 : v);
	snprintf(votes, 40, "%s", sb.buf);
	sbuf_reset(&sb);
	draw_risk_short(&sb, threat_risk(t));
	snprintf(risk, 24, "%s", sb.buf);
	sbuf_release(&sb);
	out[0] = (struct draw_cell){c->id, p->id_w, t->id, n, 0};
	out[1] = (struct draw_cell){c->votes, p->votes_w, votes, n, 0};
	out[2] = (struct draw_cell){c->risk, 7, risk,
				    sel ? n : draw_risk_color(risk_band_of(threat_risk(t))), 0};
	out[3] = (struct draw_cell){c->title, c->title_w, t->title, n, 0};
	return 4;
}

static int row_lines(const struct rect *a, size_t i, const void *data)
{
	struct draw_cell cells[4];
	char votes[40], risk[24];

	(void)a;
	return draw_cells_lines(cells, row_cells(data, i, false, cells, votes, risk));
}

static void draw_row(int y, int lines, const struct rect *a, size_t i, bool sel, const void *data)
{
	const struct prioritise_view *p = data;
	struct draw_cell cells[4];
	char votes[40], risk[24];
	size_t n = row_cells(p, i, sel, cells, votes, risk);
	int l;

	for (l = 0; sel && l < lines; l++)
		draw_fill(y + l, a->x, a->w, UC_SELECTED);
	draw_textf(y, p->cols->rank, 5, sel ? UC_SELECTED : UC_NORMAL, "%s %2zu", sel ? "▶" : " ",
		   i + 1);
	draw_cells(y, lines, cells, n);
}

/*
 * The voters on top; below, the heat map on the left and the ranking beside it, or on a narrow
 * screen the ranking across the width (its titles need the room more) with the heat map's
 * counts by band in one line. The map grows with the screen, as far as it leaves the titles
 * their room: wider cells from 132 columns, band words from 160, a line between likelihoods
 * where the height allows.
 */
static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct prioritise_view *p = (struct prioritise_view *)v;
	int top = area->y + 1 +
		  draw_voters(ctx, area->y, area->x + 2, area->w - 4, area->h >= 30 ? 6 : 5);
	bool map = area->w >= 104;
	int bottom = area->y + area->h, mapw = 0;
	int cw = area->w >= 160 ? 8 : area->w >= 132 ? 5 : 3;
	int step = area->w >= 132 && bottom - top >= 15 ? 2 : 1;
	struct prioritise_columns cols;
	struct rect list;
	struct sbuf sb = SBUF_INIT;

	build(p, ctx);
	if (map)
		mapw = draw_heatmap(p, top, area->x + 2, cw, step) + 4;
	list = (struct rect){top + 2, area->x + 2 + mapw, bottom - top - 2, area->w - 4 - mapw};
	cols = layout(p, &list);
	p->cols = &cols;
	draw_text(top, list.x, list.w, "Ranked by votes, then risk", UC_HEADING);
	if (!map) {
		bands_line(p, &sb);
		draw_text(top, list.x + 29, list.w - 29, sb.buf, UC_DIM);
	}
	draw_text(top + 1, cols.rank + 2, 2, " #", UC_DIM);
	draw_text(top + 1, cols.id, 3, "id", UC_DIM);
	draw_text(top + 1, cols.votes, 6, "votes", UC_DIM);
	draw_text(top + 1, cols.risk, 5, "risk", UC_DIM);
	draw_text(top + 1, cols.title, 7, "threat", UC_DIM);
	if (p->n == 0)
		draw_text(list.y, list.x, list.w, "No open threats to rank.", UC_NORMAL);
	else
		listview_draw_tall(&p->lv, &list, LISTVIEW_SPARE_SELECTED, row_lines, draw_row, p);
	p->cols = NULL;
	sbuf_release(&sb);
}

static const struct hint hints[] = {
    {ACT_VOTE, "give a dot"}, {ACT_UNVOTE, NULL},      {ACT_SPEAKER, "next voter"},
    {ACT_MORE_LIKELY, NULL},  {ACT_MORE_IMPACT, NULL}, {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_prioritise_ops = {
    create, destroy, NULL, handle, draw, get_hints, selected,
};
