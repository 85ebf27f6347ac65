/*
 * The walk, the heart of a workshop: one element and one STRIDE letter at a time. It shows what
 * the letter means and which property it violates, the cue prompts for the element's type (and
 * for a flow that crosses a trust boundary), and the threats already on the cell. One key and a
 * line of text capture a threat; one key marks the cell none or n/a with a reason. In
 * presentation mode the same cell is shown in large type, one prompt at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "clock.h"
#include "draw.h"
#include "qlibrary.h"
#include "risk.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

struct walk_view {
	struct view base;
	size_t prompt; /* the prompt shown in presentation mode */
	char *at_element; /* the cell `prompt` belongs to */
	enum stride_letter at_letter;
};

static struct view *create(void)
{
	return &((struct walk_view *)xcalloc(1, sizeof(struct walk_view)))->base;
}

static void destroy(struct view *v)
{
	struct walk_view *w = (struct walk_view *)v;

	free(w->at_element);
	free(w);
}

/* Presentation starts each cell at its first prompt. */
static void sync_cell(struct walk_view *w, struct ui_ctx *ctx)
{
	if (str_eq(w->at_element, ctx->element) && w->at_letter == ctx->letter)
		return;
	free(w->at_element);
	w->at_element = xstrdup(ctx->element);
	w->at_letter = ctx->letter;
	w->prompt = 0;
}

static void cue_prompts(struct ui_ctx *ctx, const struct element *e, struct strlist *out)
{
	bool crossing = e->kind == KIND_DATA_FLOW && model_flow_crosses(ctx->app->model, e, NULL);

	if (ui_qlib(ctx))
		qlibrary_cue_prompts(ui_qlib(ctx), e, crossing, ctx->letter, out);
}

/* Steps the letter by one among the element's letters, moving on to the next element's. */
static void step_letter(struct ui_ctx *ctx, int delta)
{
	const struct element *e = ui_element(ctx);
	int l;

	if (!e)
		return;
	for (l = (int)ctx->letter + delta; l >= 0 && l < STRIDE_COUNT; l += delta) {
		if (element_letters(e) & STRIDE_BIT(l)) {
			ctx->letter = (enum stride_letter)l;
			return;
		}
	}
	ui_step_element(ctx, delta);
	if (ui_element(ctx) == e) { /* no element before the first, nor after the last */
		ui_message(ctx, MSG_INFO, "%c is the %s letter of the walk",
			   stride_char(ctx->letter), delta > 0 ? "last" : "first");
		return;
	}
	e = ui_element(ctx);
	for (l = delta > 0 ? 0 : STRIDE_COUNT - 1; e && l >= 0 && l < STRIDE_COUNT; l += delta) {
		if (element_letters(e) & STRIDE_BIT(l)) {
			ctx->letter = (enum stride_letter)l;
			/* said, so that a threat is not filed under the wrong element */
			ui_message(ctx, MSG_INFO, "%s element: %s, letter %c",
				   delta > 0 ? "next" : "previous", e->name ? e->name : e->id,
				   stride_char(ctx->letter));
			return;
		}
	}
}

static int step_prompt(struct walk_view *w, struct ui_ctx *ctx, int delta)
{
	const struct element *e = ui_element(ctx);
	struct strlist prompts = STRLIST_INIT;

	if (!e)
		return VIEW_HANDLED;
	cue_prompts(ctx, e, &prompts);
	if (delta > 0 && w->prompt + 1 < prompts.count)
		w->prompt++;
	else if (delta < 0 && w->prompt > 0)
		w->prompt--;
	else
		ui_message(ctx, MSG_INFO, "%s prompt for %c (l goes to the next letter)",
			   delta > 0 ? "that was the last" : "this is the first",
			   stride_char(ctx->letter));
	strlist_clear(&prompts);
	return VIEW_HANDLED | VIEW_REDRAW;
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct walk_view *w = (struct walk_view *)v;

	sync_cell(w, ctx);
	switch (req->action) {
	case ACT_DOWN:
	case ACT_UP:
		if (ctx->present)
			return step_prompt(w, ctx, req->action == ACT_DOWN ? 1 : -1);
		ui_step_element(ctx, req->action == ACT_DOWN ? 1 : -1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_step_element(ctx, req->action == ACT_PAGE_DOWN ? 5 : -5);
		break;
	case ACT_FIRST:
	case ACT_LAST:
		ui_step_element(ctx, req->action == ACT_FIRST ? -1000000 : 1000000);
		break;
	case ACT_NEXT_LETTER:
	case ACT_PREV_LETTER:
		step_letter(ctx, req->action == ACT_NEXT_LETTER ? 1 : -1);
		break;
	case ACT_NEXT:
		if (!ui_next_pending(ctx))
			ui_message(ctx, MSG_INFO, "every cell is decided: the walk is complete");
		break;
	default:
		return 0;
	}
	sync_cell(w, ctx);
	return VIEW_HANDLED | VIEW_REDRAW;
}

/* ---- drawing ---- */

static const char *boundary_name(const struct model *m, const char *id)
{
	const struct element *b = id ? model_element(m, id) : NULL;

	return b ? b->name : "outside any trust boundary";
}

/* Row 1 of the header: what the element is and where it lives, or for a flow its ends, and
 * the trust boundaries it crosses (which bring the crossing prompts). */
/* " · template.yaml:44, new in the code": where infrastructure code has the item, and whether
 * it is new or changed since the team last walked it. */
static void origin_text(const struct origin *o, struct sbuf *what)
{
	if (!o || !o->file)
		return;
	sbuf_addf(what, " · %s:%d", o->file, o->line);
	if (o->state == IMPORT_NEW)
		sbuf_addstr(what, ", new in the code");
	else if (o->state == IMPORT_CHANGED)
		sbuf_addstr(what, ", changed in the code");
	else if (o->state == IMPORT_REMOVED)
		sbuf_addstr(what, ", gone from the code");
}

static void where_text(struct ui_ctx *ctx, const struct element *e, struct sbuf *what,
		       struct sbuf *crosses)
{
	const struct model *m = ctx->app->model;
	const struct element *from, *to;
	struct strlist crossed = STRLIST_INIT;
	size_t i;

	if (e->kind != KIND_DATA_FLOW) {
		sbuf_addf(what, "%s%s%s in %s", element_kind_label(e->kind), e->type ? " · " : "",
			  e->type ? e->type : "", boundary_name(m, e->boundary));
		origin_text(e->origin, what);
		return;
	}
	from = model_element(m, e->from);
	to = model_element(m, e->to);
	sbuf_addf(what, "%s %s──%s──▶ %s", from ? from->name : e->from, e->bidirectional ? "◀" : "",
		  e->protocol ? e->protocol : "", to ? to->name : e->to);
	origin_text(e->origin, what);
	if (model_flow_crosses(m, e, &crossed)) {
		sbuf_addstr(crosses, "crosses ");
		for (i = 0; i < crossed.count; i++)
			sbuf_addf(crosses, "%s%s", i ? ", " : "",
				  boundary_name(m, crossed.items[i]));
	}
	strlist_clear(&crossed);
}

static int where_width(struct ui_ctx *ctx, const struct element *e)
{
	struct sbuf what = SBUF_INIT, crosses = SBUF_INIT;
	int w;

	where_text(ctx, e, &what, &crosses);
	w = draw_width(what.buf) + (crosses.len ? 3 + draw_width(crosses.buf) : 0);
	sbuf_release(&what);
	sbuf_release(&crosses);
	return w;
}

static void draw_where(struct ui_ctx *ctx, const struct element *e, int y, int x, int width)
{
	struct sbuf what = SBUF_INIT, crosses = SBUF_INIT;
	int used;

	where_text(ctx, e, &what, &crosses);
	used = draw_text(y, x, width, what.buf, e->kind == KIND_DATA_FLOW ? UC_NORMAL : UC_DIM);
	if (crosses.len)
		draw_text(y, x + used + 3, width - used - 3, crosses.buf, UC_WARN);
	sbuf_release(&what);
	sbuf_release(&crosses);
}

/* "element 7 of 40" or "flow 3 of 45": the item's place among its own kind in the walk,
 * right-aligned at `right`. */
static int draw_position(struct ui_ctx *ctx, int y, int right)
{
	const struct model_index *ix = ui_index(ctx);
	size_t n = ix->norder, at = model_index_walk_position(ix, ctx->element), i;
	size_t place = 0, count = 0;
	bool flow = at < n && ix->order[at]->kind == KIND_DATA_FLOW;
	struct sbuf sb = SBUF_INIT;
	int w;

	for (i = 0; i < n; i++) {
		if ((ix->order[i]->kind == KIND_DATA_FLOW) != flow)
			continue;
		count++;
		if (i == at)
			place = count;
	}
	sbuf_addf(&sb, "%s %zu of %zu", flow ? "flow" : "element", place, count);
	w = draw_width(sb.buf);
	draw_right(y, right, sb.buf, UC_DIM);
	sbuf_release(&sb);
	return w;
}

/* Elements of the walk with a cell still pending. */
static size_t elements_to_go(const struct model_index *ix)
{
	size_t i, n = 0;

	for (i = 0; i < ix->norder; i++) {
		const struct element_coverage *c = &ix->cov[ix->order_element[i]];
		n += (c->applicable & ~(c->threats | c->none | c->na)) != 0;
	}
	return n;
}

/* A short span for the pace: "42 s", "2 min", "1 h 10 min". */
static void pace_span(struct sbuf *out, long secs)
{
	if (secs < 90)
		sbuf_addf(out, "%ld s", secs);
	else if (secs < 90 * 60)
		sbuf_addf(out, "%ld min", (secs + 30) / 60);
	else
		sbuf_addf(out, "%ld h %02ld min", secs / 3600, secs / 60 % 60);
}

/*
 * The walk phase's pace: how many elements and flows are left, the time each may take, and how
 * far the room is behind the even pace the timebox sets ("6 left, 2 min each, 5 min behind").
 * Nothing outside the walk phase.
 */
static void pacing(struct ui_ctx *ctx, struct sbuf *out)
{
	const struct model_index *ix = ui_index(ctx);
	const struct phase *p = ui_phase(ctx);
	size_t to_go, total = ix->norder;
	long left, elapsed, budget, behind;

	if (!p || !str_eq(p->name, "walk") || total == 0)
		return;
	to_go = elements_to_go(ix);
	left = phase_remaining(p, clock_now());
	budget = (long)p->timebox_min * 60;
	elapsed = budget - left;
	if (to_go == 0) {
		sbuf_addstr(out, "everything walked");
		return;
	}
	sbuf_addf(out, "%zu of %zu left, ", to_go, total);
	if (left <= 0) {
		sbuf_addstr(out, "time is up");
		return;
	}
	pace_span(out, left / (long)to_go);
	sbuf_addstr(out, " each");
	/* what the walked share of the items should have taken, against the time it did take */
	behind = elapsed - (long)((double)budget * (double)(total - to_go) / (double)total);
	if (behind < 60)
		sbuf_addstr(out, ", on pace");
	else {
		sbuf_addstr(out, ", ");
		pace_span(out, behind);
		sbuf_addstr(out, " behind");
	}
}

static void draw_header(struct ui_ctx *ctx, const struct element *e, const struct rect *a)
{
	int pw = draw_position(ctx, a->y, a->x + a->w - 2), qw = 0;
	struct sbuf pace = SBUF_INIT;

	draw_text(a->y, a->x + 2, a->w - pw - 6, e->name, UC_TITLE);
	pacing(ctx, &pace);
	if (pace.len) {
		/* beside the element's place when both fit, else on the free line below it */
		bool below = where_width(ctx, e) + draw_width(pace.buf) + 3 > a->w - 4;
		qw = below ? 0 : draw_width(pace.buf);
		draw_right(a->y + 1 + below, a->x + a->w - 2, pace.buf,
			   strstr(pace.buf, "behind") || strstr(pace.buf, "up") ? UC_WARN : UC_DIM);
	}
	draw_where(ctx, e, a->y + 1, a->x + 2, a->w - 4 - (qw ? qw + 3 : 0));
	sbuf_release(&pace);
}

/* The letters as a strip; the current one in brackets so it stands out without colour. Wide
 * screens spell out each cell's state. */
static void draw_strip(const struct element_coverage *c, enum stride_letter cur, int y, int x,
		       bool wide)
{
	int l, step = wide ? 16 : 8;

	for (l = 0; l < STRIDE_COUNT; l++) {
		enum stride_letter sl = (enum stride_letter)l;
		bool on = sl == cur;
		enum cell_state s;
		if (!(c->applicable & STRIDE_BIT(l))) {
			draw_textf(y, x + l * step, step - 1, UC_DIM, "  %c ", stride_char(sl));
			continue;
		}
		s = coverage_cell(c, sl);
		draw_textf(y, x + l * step, step - 1, on ? UC_SELECTED : draw_cell_color(s),
			   "%s%c%s%s%s%s", on ? "[" : " ", stride_char(sl), draw_cell_glyph(s),
			   wide ? " " : "", wide ? cell_state_name(s) : "", on ? "]" : "");
	}
}

static void draw_letter(struct ui_ctx *ctx, int y, int x, int width)
{
	enum stride_letter l = ctx->letter;
	int used = draw_textf(y, x, width, UC_TITLE, "%c  %s", stride_char(l), stride_name(l));

	draw_textf(y, x + used + 3, width - used - 3, UC_NORMAL, "violates %s", stride_property(l));
	draw_wrap(y + 1, x + 3, width - 3, 2, stride_meaning(l), UC_NORMAL);
}

/* Lines `text` takes when wrapped to `width`. */
static int wrapped_rows(const char *text, int width)
{
	int w = draw_width(text), rows = 1;

	while (w > width) { /* an estimate: words rarely waste more than a few columns a line */
		w -= width - 8;
		rows++;
	}
	return rows;
}

/* The cue prompts as bullets in at most `rows` lines, a blank line between them when there is
 * room; what does not fit is counted on a last line. Returns the lines used. */
static int draw_prompts(const struct strlist *prompts, int y, int x, int width, int rows)
{
	int used = 0, need = 0;
	bool spaced;
	size_t i;

	for (i = 0; i < prompts->count; i++)
		need += wrapped_rows(prompts->items[i], width - 2);
	spaced = need + (int)prompts->count - 1 <= rows;
	for (i = 0; i < prompts->count; i++) {
		int h = wrapped_rows(prompts->items[i], width - 2);
		bool last = i + 1 == prompts->count;
		if (used + h > rows - (last ? 0 : 1)) {
			draw_textf(y + used, x, width, UC_DIM,
				   "(%zu more: z shows them one at a time)", prompts->count - i);
			return used + 1;
		}
		draw_text(y + used, x, 2, "•", UC_KEY);
		used += draw_wrap(y + used, x + 2, width - 2, h, prompts->items[i], UC_NORMAL);
		if (spaced && !last)
			used++;
	}
	return used;
}

/* Rows the cell section needs: a heading and up to `most` threats, or two lines. */
static int cell_rows(struct ui_ctx *ctx, const struct element *e, int most)
{
	int n = model_index_cell_threats(ui_index(ctx), ctx->app->model, e->id, ctx->letter);

	return n == 0 ? 3 : 1 + (n < most ? n : most);
}

static void draw_decision(const struct decision *d, int y, int x, int width)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s %s: %s", draw_cell_glyph(d->state),
		  d->state == CELL_NONE ? "Considered, nothing found" : "Not applicable",
		  d->reason ? d->reason : "");
	draw_wrap(y, x, width, 2, sb.buf, d->state == CELL_NONE ? UC_NONE : UC_NA);
	draw_text(y + 2, x + 2, width - 2, "o reopens the cell;  t records a threat anyway",
		  UC_DIM);
	sbuf_release(&sb);
}

/*
 * Whoever raised a threat, as a row shows them: in full when the title fits beside it, else
 * as the room calls them, the first word of the name ("Bartholomew"), with the next word's
 * initial when two participants share it ("Priya R."), and in full when even that is shared.
 */
static void raiser_text(const struct model *m, const struct threat *t, int title_room,
			struct sbuf *out)
{
	const char *name = t->raised_by;
	int full;

	sbuf_addf(out, "(%s", threat_status_name(t->status));
	if (!name) {
		sbuf_addch(out, ')');
		return;
	}
	full = draw_width(out->buf) + 2 + draw_width(name) + 1;
	sbuf_addstr(out, ", ");
	if (draw_width(t->title) + 2 + full > title_room)
		model_call_name(m, name, out);
	else
		sbuf_addstr(out, name);
	sbuf_addch(out, ')');
}

static void draw_threat_row(const struct model *m, const struct threat *t, int y, int x, int width)
{
	struct sbuf sb = SBUF_INIT;
	int used;

	draw_text(y, x, 7, t->id, UC_NORMAL);
	draw_risk(&sb, threat_risk(t));
	draw_text(y, x + 8, 12, sb.buf, draw_risk_color(risk_band_of(threat_risk(t))));
	sbuf_reset(&sb);
	/* the status and who raised it stay whole: a long title gives way */
	raiser_text(m, t, width - 21, &sb);
	used = draw_text(y, x + 21, width - 21 - 2 - draw_width(sb.buf), t->title, UC_NORMAL);
	draw_text(y, x + 21 + used + 2, width - 21 - used - 2, sb.buf, UC_NORMAL);
	sbuf_release(&sb);
}

/*
 * The threats on the cell, or the decision, or how to record either. When they do not all
 * fit, the newest stay on screen (the one the room just raised among them) and a line above
 * says how many earlier ones the board has.
 */
static void draw_cell(struct ui_ctx *ctx, const struct element *e, int y, int x, int width,
		      int rows)
{
	const struct model *m = ctx->app->model;
	const struct decision *d = model_decision(m, e->id, ctx->letter);
	const struct model_index *ix = ui_index(ctx);
	int seen = 0, line = 1, total = model_index_cell_threats(ix, m, e->id, ctx->letter);
	int skip = total > rows - 1 ? total - (rows - 2) : 0;
	const struct position_list *on = &ix->element_threats[model_index_element(ix, e->id)];
	size_t i;

	if (total == 0 && d) {
		draw_decision(d, y, x, width);
		return;
	}
	if (total == 0) {
		draw_text(y, x, width, "No threats on this cell yet.", UC_TITLE);
		draw_text(y + 1, x + 2, width - 2,
			  "t captures one (a title is enough)   n nothing found   x not applicable",
			  UC_NORMAL);
		return;
	}
	draw_textf(y, x, width, UC_TITLE, "Threats on this cell (%d)", total);
	if (skip)
		draw_textf(y + line++, x + 2, width - 2, UC_DIM, "… %d earlier on the board (B)",
			   skip);
	for (i = 0; i < on->n && line < rows; i++) {
		const struct threat *t = m->threats[on->items[i]];
		if (!(threat_letters(t) & STRIDE_BIT(ctx->letter)) || seen++ < skip)
			continue;
		draw_threat_row(m, t, y + line++, x + 2, width - 2);
	}
}

static void draw_normal(struct ui_ctx *ctx, const struct element *e, const struct rect *a)
{
	const struct element_coverage *c = model_index_coverage(ui_index(ctx), e->id);
	struct strlist prompts = STRLIST_INIT;
	int x = a->x + 2, w = a->w - 4, y = a->y + 9;
	int rows = cell_rows(ctx, e, a->h >= 30 ? 8 : 4);
	int cell_y = a->y + a->h - rows, used, all;

	draw_header(ctx, e, a);
	draw_strip(c, ctx->letter, a->y + 3, x, a->w >= 120);
	draw_letter(ctx, a->y + 5, x, w);
	cue_prompts(ctx, e, &prompts);
	if (prompts.count) {
		draw_text(y, x, w, "Ask the room", UC_HEADING);
		used = draw_prompts(&prompts, y + 1, x + 1, w - 1, cell_y - y - 2);
		/* the cell follows the questions, so a tall screen has no gap between them */
		if (y + 1 + used + 1 < cell_y)
			cell_y = y + 1 + used + 1;
	}
	/* lines the questions left free below the cell show more of its threats */
	all = cell_rows(ctx, e, a->h);
	if (all > rows)
		rows = all < a->y + a->h - cell_y ? all : a->y + a->h - cell_y;
	draw_cell(ctx, e, cell_y, x, w, rows);
	strlist_clear(&prompts);
}

/* Large letters for presentation mode: five rows each, drawn with full blocks. */
static const char *const big[STRIDE_COUNT][5] = {
    {" ████", "█    ", " ███ ", "    █", "████ "}, {"█████", "  █  ", "  █  ", "  █  ", "  █  "},
    {"████ ", "█   █", "████ ", "█  █ ", "█   █"}, {"█████", "  █  ", "  █  ", "  █  ", "█████"},
    {"████ ", "█   █", "█   █", "█   █", "████ "}, {"█████", "█    ", "████ ", "█    ", "█████"},
};

static void draw_big_letter(enum stride_letter l, int y, int x)
{
	struct sbuf row = SBUF_INIT;
	const char *p;
	int r;

	for (r = 0; r < 5; r++) {
		sbuf_reset(&row);
		for (p = big[l][r]; *p; p++) {
			if (*p == ' ') {
				sbuf_addstr(&row, "  ");
			} else {
				sbuf_addstr(&row, "██");
				p += strlen("█") - 1;
			}
		}
		draw_text(y + r, x, 12, row.buf, UC_TITLE);
	}
	sbuf_release(&row);
}

/* Presentation text in at most three lines, as a block centred under the title: lines the
 * back of the room can read without turning its head. */
static void draw_centered_block(int y, const struct rect *a, const char *text)
{
	int most = a->w - 16 < 72 ? a->w - 16 : 72, width = draw_width(text);

	width = width < most ? width : most;
	draw_wrap(y, a->x + (a->w - width) / 2, width, 3, text, UC_TITLE);
}

static void draw_present(struct walk_view *w, struct ui_ctx *ctx, const struct element *e,
			 const struct rect *a)
{
	struct strlist prompts = STRLIST_INIT;
	struct sbuf sb = SBUF_INIT;
	const struct decision *d;
	int mid = a->x + a->w / 2, y = a->y + 1, n = 0;
	size_t i;

	draw_center(y, a->x, a->w, e->name, UC_TITLE);
	draw_big_letter(ctx->letter, y + 2, mid - 20);
	draw_text(y + 3, mid - 4, a->w / 2, stride_name(ctx->letter), UC_TITLE);
	draw_textf(y + 5, mid - 4, a->w / 2, UC_NORMAL, "violates %s",
		   stride_property(ctx->letter));
	cue_prompts(ctx, e, &prompts);
	if (prompts.count) {
		if (w->prompt >= prompts.count)
			w->prompt = prompts.count - 1;
		draw_centered_block(y + 9, a, prompts.items[w->prompt]);
		sbuf_addf(&sb, "prompt %zu of %zu   j next   k previous", w->prompt + 1,
			  prompts.count);
		draw_center(y + 13, a->x, a->w, sb.buf, UC_DIM);
	} else {
		draw_centered_block(y + 9, a, stride_meaning(ctx->letter));
	}
	for (i = 0; i < ctx->app->model->nthreats; i++)
		if (str_eq(ctx->app->model->threats[i]->element, e->id) &&
		    (threat_letters(ctx->app->model->threats[i]) & STRIDE_BIT(ctx->letter)))
			n++;
	sbuf_reset(&sb);
	d = model_decision(ctx->app->model, e->id, ctx->letter);
	if (d && n == 0) /* what the room decided, and why: the keys are in the footer */
		sbuf_addf(&sb, "%s %s%s%s", draw_cell_glyph(d->state),
			  d->state == CELL_NONE ? "Considered, nothing found" : "Not applicable",
			  d->reason ? ": " : "", d->reason ? d->reason : "");
	else
		sbuf_addf(&sb, "%d threat%s so far    t capture a threat    n nothing %s", n,
			  n == 1 ? "" : "s", n ? "else" : "found");
	if (draw_width(sb.buf) > a->w - 4)
		draw_centered_block(a->y + a->h - 3, a, sb.buf); /* a long reason, in two lines */
	else
		draw_center(a->y + a->h - 2, a->x, a->w, sb.buf, UC_NORMAL);
	strlist_clear(&prompts);
	sbuf_release(&sb);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct walk_view *w = (struct walk_view *)v;
	const struct element *e = ui_element(ctx);

	sync_cell(w, ctx);
	if (!e) {
		draw_center(area->y + area->h / 2 - 1, area->x, area->w,
			    "There is nothing to walk yet.", UC_TITLE);
		draw_center(area->y + area->h / 2 + 1, area->x, area->w,
			    "Add elements and flows on the overview (O, then a or f).", UC_NORMAL);
		return;
	}
	if (ctx->present)
		draw_present(w, ctx, e, area);
	else
		draw_normal(ctx, e, area);
}

/* The bottom line offers only what does something on this cell. */
static const struct hint pending_hints[] = {
    {ACT_THREAT, NULL},         {ACT_NONE, NULL},    {ACT_NA, NULL},      {ACT_NEXT_LETTER, NULL},
    {ACT_DOWN, "next element"}, {ACT_SPEAKER, NULL}, {ACT_PRESENT, NULL}, {ACT_NONE_, NULL},
};

static const struct hint threats_hints[] = {
    {ACT_THREAT, "another threat"},
    {ACT_NONE, "nothing else"},
    {ACT_NEXT_LETTER, NULL},
    {ACT_DOWN, "next element"},
    {ACT_SPEAKER, NULL},
    {ACT_PRESENT, NULL},
    {ACT_NONE_, NULL},
};

static const struct hint rating_hints[] = {
    {ACT_RATE_CAPTURED, NULL}, {ACT_THREAT, "another threat"}, {ACT_NONE, "nothing else"},
    {ACT_NEXT_LETTER, NULL},   {ACT_DOWN, "next element"},     {ACT_NONE_, NULL},
};

static const struct hint impact_hints[] = {
    {ACT_RATE_CAPTURED, "impact"}, {ACT_THREAT, "another threat"}, {ACT_NONE, "nothing else"},
    {ACT_NEXT_LETTER, NULL},       {ACT_DOWN, "next element"},     {ACT_NONE_, NULL},
};

static const struct hint decided_hints[] = {
    {ACT_REOPEN, NULL},         {ACT_THREAT, "threat anyway"}, {ACT_NEXT_LETTER, NULL},
    {ACT_DOWN, "next element"}, {ACT_SPEAKER, NULL},           {ACT_PRESENT, NULL},
    {ACT_NONE_, NULL},
};

static const struct hint empty_hints[] = {
    {ACT_OVERVIEW, "draw the system"},
    {ACT_NONE_, NULL},
};

static const struct hint present_hints[] = {
    {ACT_THREAT, NULL},        {ACT_NONE, NULL},
    {ACT_DOWN, "next prompt"}, {ACT_NEXT_LETTER, "next letter"},
    {ACT_PRESENT, "leave"},    {ACT_NONE_, NULL},
};

static const struct hint present_threats_hints[] = {
    {ACT_THREAT, "another threat"},   {ACT_NONE, "nothing else"}, {ACT_DOWN, "next prompt"},
    {ACT_NEXT_LETTER, "next letter"}, {ACT_PRESENT, "leave"},     {ACT_NONE_, NULL},
};

static const struct hint present_decided_hints[] = {
    {ACT_REOPEN, NULL},        {ACT_THREAT, "threat anyway"},
    {ACT_DOWN, "next prompt"}, {ACT_NEXT_LETTER, "next letter"},
    {ACT_PRESENT, "leave"},    {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	const struct element *e = ui_element(ctx);
	const struct element_coverage *c = e ? model_index_coverage(ui_index(ctx), e->id) : NULL;

	if (ctx->present && c && coverage_cell(c, ctx->letter) == CELL_THREATS)
		return present_threats_hints;
	if (ctx->present && c && coverage_cell(c, ctx->letter) != CELL_PENDING)
		return present_decided_hints;
	if (ctx->present)
		return present_hints;
	if (!c)
		return empty_hints;
	if (ctx->rating.threat)
		return ctx->rating.likelihood ? impact_hints : rating_hints;
	switch (coverage_cell(c, ctx->letter)) {
	case CELL_THREATS:
		return threats_hints;
	case CELL_NONE:
	case CELL_NA:
		return decided_hints;
	default:
		return pending_hints;
	}
}

const struct view_ops view_walk_ops = {
    create, destroy, NULL, handle, draw, get_hints, NULL,
};
