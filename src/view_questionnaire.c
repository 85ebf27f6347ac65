/*
 * The questionnaire: one question at a time for the current element, answered with single keys
 * (y, n, u, - for not applicable, a digit for a choice, Enter to type). In a workshop it asks
 * the core questions of the packs chosen for the session (:packs), and A adds the rest; a solo
 * review asks every question. The heading shows each pack's progress. A risky answer shows the
 * threats it suggests, each accepted (a threat and its mitigations, with the answer as
 * provenance) or skipped with one key. Answering moves on by itself.
 */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "app_questionnaire.h"
#include "draw.h"
#include "qlibrary.h"
#include "questionnaire_triage.h"
#include "risk.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

struct qitem {
	const struct questionnaire *qn;
	const struct question *q;
};

/* ":accept new" with a no-break space: the command is never split over two lines. */
#define ACCEPT_NEW ":accept\xc2\xa0new"

struct questionnaire_view {
	struct view base;
	struct qitem
	    *items; /* the visible questions of the element, questionnaire by questionnaire */
	size_t n, cur;
	char *element; /* what `items` were built for */
	unsigned long built;
	bool fresh;
	bool all; /* in a workshop: the other questions too, not only the core ones */
};

static struct view *create(void)
{
	return &((struct questionnaire_view *)xcalloc(1, sizeof(struct questionnaire_view)))->base;
}

static void destroy(struct view *v)
{
	struct questionnaire_view *qv = (struct questionnaire_view *)v;

	free(qv->items);
	free(qv->element);
	free(qv);
}

/* A workshop (a session running, not a solo review) asks the core questions first. */
static enum triage_mode mode_of(const struct questionnaire_view *qv, struct ui_ctx *ctx)
{
	const struct session *s = ui_session(ctx);

	if (ctx->review || !s || str_eq(s->mode, "review"))
		return TRIAGE_REVIEW;
	return qv->all ? TRIAGE_WORKSHOP_ALL : TRIAGE_WORKSHOP;
}

static const struct strlist *chosen_packs(struct ui_ctx *ctx)
{
	const struct session *s = ui_session(ctx);

	return s ? &s->packs : NULL;
}

static void collect(struct questionnaire_view *qv, struct ui_ctx *ctx, const struct element *e)
{
	size_t nqn = 0, i, n;
	struct questionnaire **qns =
	    ui_qlib(ctx) ? qlibrary_applicable(ui_qlib(ctx), e, &nqn) : NULL;
	struct triage_question *order = questionnaire_triage_order(
	    qns, nqn, chosen_packs(ctx), mode_of(qv, ctx), e, ctx->app->model, &n);

	qv->items = xcalloc(n + 1, sizeof(*qv->items));
	for (i = 0; i < n; i++) {
		qv->items[i].qn = order[i].qn;
		qv->items[i].q = order[i].q;
	}
	qv->n = n;
	free(order);
	free(qns);
}

/* Rebuilds the question list when the element or the model changed, staying on the same
 * question (or where it was, if an answer hid it). */
static void build(struct questionnaire_view *qv, struct ui_ctx *ctx)
{
	const struct element *e = ui_element(ctx);
	struct qitem was = {NULL, NULL};
	bool same = str_eq(qv->element, e ? e->id : NULL);
	size_t i;

	if (qv->fresh && same && qv->built == ui_index(ctx)->generation)
		return;
	if (same && qv->cur < qv->n)
		was = qv->items[qv->cur];
	free(qv->items);
	qv->items = NULL;
	qv->n = 0;
	if (e)
		collect(qv, ctx, e);
	if (!same)
		qv->cur = 0;
	for (i = 0; was.q && i < qv->n; i++)
		if (qv->items[i].q == was.q)
			qv->cur = i;
	if (qv->cur >= qv->n)
		qv->cur = qv->n ? qv->n - 1 : 0;
	free(qv->element);
	qv->element = xstrdup(e ? e->id : NULL);
	qv->built = ui_index(ctx)->generation;
	qv->fresh = true;
}

static const struct qitem *current(struct questionnaire_view *qv)
{
	return qv->cur < qv->n ? &qv->items[qv->cur] : NULL;
}

static const struct answer *answer_of(struct ui_ctx *ctx, const struct qitem *it)
{
	return model_answer(ctx->app->model, ctx->element, it->qn->id, it->q->id);
}

/* Pending suggestions of the current question's answer; caller frees *out. */
static size_t pending(struct ui_ctx *ctx, const struct qitem *it, struct suggestion_offer **out)
{
	struct sw_error err = SW_ERROR_INIT;
	size_t n = 0;

	*out = NULL;
	if (!it || !ui_qlib(ctx) ||
	    app_pending_suggestions(ctx->app, ui_qlib(ctx), ctx->element, it->qn->id, it->q->id,
				    out, &n, &err)) {
		sw_error_release(&err);
		return 0;
	}
	return n;
}

/* After an answer or a decision: stay while suggestions wait, else go to the next question. */
static void move_on(struct questionnaire_view *qv, struct ui_ctx *ctx)
{
	struct suggestion_offer *offers;

	build(qv, ctx);
	if (pending(ctx, current(qv), &offers) == 0 && qv->cur + 1 < qv->n)
		qv->cur++;
	free(offers);
}

/* An answer as the screen shows it: a choice's label, "not applicable", else the value. */
static const char *answer_label(const struct question *q, const char *value)
{
	size_t i;

	if (str_eq(value, ANSWER_NA))
		return "not applicable";
	for (i = 0; q->type == ANSWER_CHOICE && i < q->noptions; i++)
		if (str_eq(q->options[i]->id, value))
			return q->options[i]->label;
	return value;
}

/* "saved "no", a risky answer that suggests a threat": the answer as the screen shows it. */
static void say_saved(struct ui_ctx *ctx, const struct question *q, const char *value, size_t n)
{
	const char *label = answer_label(q, value);

	if (q->type == ANSWER_TEXT && !str_eq(value, ANSWER_NA))
		ui_message(ctx, MSG_SAVED, "saved the answer");
	else if (n)
		ui_message(ctx, MSG_SAVED, "saved \"%s\", a risky answer that suggests %s", label,
			   n == 1 ? "a threat" : "threats");
	else
		ui_message(ctx, MSG_SAVED, "saved \"%s\"", label);
}

static int give_answer(struct questionnaire_view *qv, struct ui_ctx *ctx, const char *input)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct qitem *it = current(qv);
	const struct question *q;
	struct suggestion_offer *offers;
	const struct answer *a;
	char *value = NULL, *overruled;
	size_t n;

	if (!it)
		return ui_fail(ctx, "no question to answer here");
	if (app_answer_value(it->q, input, &value, &err) ||
	    app_answer_question(ctx->app, ui_qlib(ctx), ctx->element, it->qn->id, it->q->id, value,
				NULL, &err)) {
		free(value);
		return ui_error(ctx, &err);
	}
	act_answer_noted(ctx, ctx->element, it->qn->id, it->q->id);
	if (str_eq(value, ANSWER_UNKNOWN)) { /* the open question it raised needs an owner */
		const struct open_item *item =
		    model_answer_item(ctx->app->model, ctx->element, it->qn->id, it->q->id);
		free(value);
		if (item && !item->owner)
			return act_answer_ask_owner(ctx, item->id);
		move_on(qv, ctx);
		return VIEW_DONE;
	}
	q = it->q; /* the library's: it outlives the list build() remakes */
	a = model_answer(ctx->app->model, ctx->element, it->qn->id, it->q->id);
	overruled = a && answer_overruled(a) ? xstrdup(a->evidence->value) : NULL;
	build(qv, ctx);
	n = pending(ctx, current(qv), &offers);
	say_saved(ctx, q, value, n);
	if (overruled) /* the room knows better than the file: say it was heard */
		sbuf_addf(&ctx->message, ", overruling the code (%s)", answer_label(q, overruled));
	free(overruled);
	free(offers);
	free(value);
	if (n == 0)
		move_on(qv, ctx);
	return VIEW_HANDLED | VIEW_REDRAW;
}

/* a and x on a suggestion: the same as :accept and :skip after answering this question. */
static int decide(struct questionnaire_view *qv, struct ui_ctx *ctx, const struct request *req,
		  bool accept)
{
	const struct qitem *it = current(qv);

	if (!it)
		return ui_fail(ctx, "no question here");
	act_answer_noted(ctx, ctx->element, it->qn->id, it->q->id);
	act_answer_decide(ctx, req, accept);
	if (ctx->message_kind != MSG_ERROR)
		move_on(qv, ctx);
	return VIEW_DONE;
}

static bool unanswered(struct ui_ctx *ctx, const struct qitem *it)
{
	return answer_of(ctx, it) == NULL;
}

static int next_open(struct questionnaire_view *qv, struct ui_ctx *ctx)
{
	size_t i;

	for (i = 1; i <= qv->n; i++) {
		size_t at = (qv->cur + i) % qv->n;
		if (unanswered(ctx, &qv->items[at])) {
			qv->cur = at;
			return VIEW_HANDLED | VIEW_REDRAW;
		}
	}
	if (mode_of(qv, ctx) == TRIAGE_WORKSHOP)
		ui_message(ctx, MSG_INFO,
			   "every core question for %s is answered (A asks the rest; ] goes to the "
			   "next element)",
			   ctx->element ? ctx->element : "this element");
	else
		ui_message(ctx, MSG_INFO,
			   "every question for %s is answered (] goes to the next element)",
			   ctx->element ? ctx->element : "this element");
	return VIEW_HANDLED | VIEW_REDRAW;
}

/* Page keys jump between questionnaires. */
static void jump_questionnaire(struct questionnaire_view *qv, int delta)
{
	const struct questionnaire *from = qv->cur < qv->n ? qv->items[qv->cur].qn : NULL;
	size_t i = qv->cur;

	if (delta > 0) {
		while (i < qv->n && qv->items[i].qn == from)
			i++;
		if (i < qv->n)
			qv->cur = i;
		return;
	}
	while (i > 0 && qv->items[i - 1].qn == from)
		i--;
	if (i > 0) {
		from = qv->items[i - 1].qn;
		while (i > 0 && qv->items[i - 1].qn == from)
			i--;
	}
	qv->cur = i;
}

static int navigate(struct questionnaire_view *qv, struct ui_ctx *ctx, enum action a)
{
	switch (a) {
	case ACT_DOWN:
		if (qv->cur + 1 < qv->n)
			qv->cur++;
		break;
	case ACT_UP:
		if (qv->cur > 0)
			qv->cur--;
		break;
	case ACT_FIRST:
		qv->cur = 0;
		break;
	case ACT_LAST:
		qv->cur = qv->n ? qv->n - 1 : 0;
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		jump_questionnaire(qv, a == ACT_PAGE_DOWN ? 1 : -1);
		break;
	case ACT_NEXT:
		return next_open(qv, ctx);
	default:
		return 0;
	}
	return VIEW_HANDLED | VIEW_REDRAW;
}

static int type_answer(struct questionnaire_view *qv, struct ui_ctx *ctx, const struct request *req)
{
	const struct qitem *it = current(qv);
	const struct answer *a;

	if (!it)
		return ui_fail(ctx, "no question to answer here");
	if (req->step == 1)
		return give_answer(qv, ctx, req->arg ? req->arg : "");
	if (it->q->type != ANSWER_TEXT)
		return ui_fail(ctx, "answer with %s, or u for unknown",
			       it->q->type == ANSWER_YES_NO ? "y or n" : "the option's number");
	a = answer_of(ctx, it);
	return ui_prompt(ctx, ACT_SELECT, 1, NULL, a ? a->value : "", "%s", it->q->text);
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct questionnaire_view *qv = (struct questionnaire_view *)v;
	int flags;

	build(qv, ctx);
	if ((flags = navigate(qv, ctx, req->action)))
		return flags;
	switch (req->action) {
	case ACT_YES:
		return give_answer(qv, ctx, "y");
	case ACT_NO:
		return give_answer(qv, ctx, "n");
	case ACT_UNKNOWN:
		return give_answer(qv, ctx, "u");
	case ACT_NOT_APPLICABLE:
		return give_answer(qv, ctx, ANSWER_NA);
	case ACT_MORE_QUESTIONS:
		if (mode_of(qv, ctx) == TRIAGE_REVIEW)
			return ui_fail(ctx,
				       "every question is asked already (this is not a workshop)");
		qv->all = !qv->all;
		qv->fresh = false;
		ui_message(ctx, MSG_INFO, "%s",
			   qv->all ? "asking every question: A goes back to the core ones"
				   : "asking the core questions only");
		return VIEW_DONE;
	case ACT_CHOOSE:
		if (str_empty(req->arg))
			return ui_fail(ctx, "say which option: :choose N");
		return give_answer(qv, ctx, req->arg);
	case ACT_SELECT:
		return type_answer(qv, ctx, req);
	case ACT_ACCEPT:
		return decide(qv, ctx, req, true);
	case ACT_SKIP:
		return decide(qv, ctx, req, false);
	default:
		return 0;
	}
}

/* ---- drawing ---- */

/* The packs' progress: "api-edge 1/5 (core 1/2)", the current pack in brackets. */
struct pack_labels {
	struct strlist full, brief; /* brief: without the core count */
	size_t current; /* index of the current question's pack */
};

static void pack_labels_build(struct ui_ctx *ctx, const struct element *e,
			      const struct questionnaire *cur, struct pack_labels *pl)
{
	size_t nqn = 0, n, i;
	struct questionnaire **qns =
	    ui_qlib(ctx) ? qlibrary_applicable(ui_qlib(ctx), e, &nqn) : NULL;
	struct triage_pack *packs =
	    questionnaire_triage_progress(qns, nqn, chosen_packs(ctx), e, ctx->app->model, &n);
	struct sbuf sb = SBUF_INIT;

	memset(pl, 0, sizeof(*pl));
	for (i = 0; i < n; i++) {
		const struct triage_pack *p = &packs[i];
		bool here = p->qn == cur;
		if (here)
			pl->current = i;
		sbuf_reset(&sb);
		sbuf_addf(&sb, "%s%s %zu/%zu (core %zu/%zu)%s", here ? "[" : "", p->qn->id,
			  p->all.answered, p->all.applicable, p->core.answered, p->core.applicable,
			  here ? "]" : "");
		strlist_push(&pl->full, sb.buf);
		sbuf_reset(&sb);
		sbuf_addf(&sb, "%s %zu/%zu", p->qn->id, p->all.answered, p->all.applicable);
		strlist_push(&pl->brief, here ? pl->full.items[i] : sb.buf);
	}
	sbuf_release(&sb);
	free(packs);
	free(qns);
}

static void pack_labels_release(struct pack_labels *pl)
{
	strlist_clear(&pl->full);
	strlist_clear(&pl->brief);
}

#define PACK_SEP "  ·  "

/*
 * Lays `items` out in at most `lines` lines of `width`, breaking only between items; draws them
 * from (y, x) when `draw` (the one at `current` brighter). Returns the lines used, or 0 when
 * they do not fit.
 */
static int pack_flow(const struct strlist *items, size_t current, int y, int x, int width,
		     int lines, bool draw)
{
	int line = 0, col = 0, sep = draw_width(PACK_SEP);
	size_t i;

	for (i = 0; i < items->count; i++) {
		int w = draw_width(items->items[i]);
		if (w > width)
			return 0;
		if (col && col + sep + w > width) {
			if (++line == lines)
				return 0;
			col = 0;
		}
		if (col) {
			if (draw)
				draw_text(y + line, x + col, sep, PACK_SEP, UC_DIM);
			col += sep;
		}
		if (draw)
			draw_text(y + line, x + col, w, items->items[i],
				  i == current ? UC_HEADING : UC_DIM);
		col += w;
	}
	return line + 1;
}

/* The current pack and the packs nearest to it that fit, with how many were left out. */
static void pack_window(const struct pack_labels *pl, size_t lo, size_t hi, struct strlist *out,
			size_t *current)
{
	struct sbuf sb = SBUF_INIT;
	size_t i;

	strlist_clear(out);
	if (lo > 0) {
		sbuf_addf(&sb, "%zu pack%s before", lo, lo == 1 ? "" : "s");
		strlist_push(out, sb.buf);
	}
	*current = out->count + (pl->current - lo);
	for (i = lo; i <= hi; i++)
		strlist_push(out, pl->brief.items[i]);
	if (hi + 1 < pl->brief.count) {
		sbuf_reset(&sb);
		sbuf_addf(&sb, "%zu more pack%s", pl->brief.count - hi - 1,
			  pl->brief.count - hi - 1 == 1 ? "" : "s");
		strlist_push(out, sb.buf);
	}
	sbuf_release(&sb);
}

/*
 * Every pack's progress in full if it fits in `lines` lines; else the other packs without
 * their core counts; else as many of those around the current pack as fit. The current pack
 * is always there, in full. Returns the lines drawn.
 */
static int draw_packs(struct ui_ctx *ctx, const struct element *e, const struct questionnaire *cur,
		      int y, int x, int width, int lines)
{
	struct pack_labels pl;
	struct strlist win = STRLIST_INIT;
	size_t lo, hi, at = 0;
	int used;

	pack_labels_build(ctx, e, cur, &pl);
	if ((used = pack_flow(&pl.full, pl.current, y, x, width, lines, false)))
		used = pack_flow(&pl.full, pl.current, y, x, width, lines, true);
	else if ((used = pack_flow(&pl.brief, pl.current, y, x, width, lines, false)))
		used = pack_flow(&pl.brief, pl.current, y, x, width, lines, true);
	else if (pl.brief.count) {
		/* Grow the window one pack at a time, after the current one first. */
		lo = hi = pl.current;
		for (;;) {
			size_t nlo = lo, nhi = hi;
			if (hi + 1 < pl.brief.count &&
			    (hi - pl.current <= pl.current - lo || lo == 0))
				nhi++;
			else if (lo > 0)
				nlo--;
			else
				break;
			pack_window(&pl, nlo, nhi, &win, &at);
			if (!pack_flow(&win, at, y, x, width, lines, false))
				break;
			lo = nlo;
			hi = nhi;
		}
		pack_window(&pl, lo, hi, &win, &at);
		used = pack_flow(&win, at, y, x, width, lines, true);
	}
	strlist_clear(&win);
	pack_labels_release(&pl);
	return used;
}

/* The heading: element and progress, the pack and question number, the packs. Returns its rows. */
static int draw_heading(struct questionnaire_view *qv, struct ui_ctx *ctx, const struct element *e,
			const struct rect *a)
{
	const struct qitem *it = current(qv);
	struct qprogress p = {0, 0, 0};
	size_t first = qv->cur, count = 0, i;
	struct sbuf sb = SBUF_INIT;

	draw_text(a->y, a->x + 2, a->w - 30, e->name, UC_TITLE);
	if (ui_qlib(ctx))
		qlibrary_element_progress(ui_qlib(ctx), e, ctx->app->model, &p);
	sbuf_addf(&sb, "%zu of %zu answered here", p.answered, p.applicable);
	draw_right(a->y, a->x + a->w - 2, sb.buf, UC_DIM);
	sbuf_release(&sb);
	while (first > 0 && qv->items[first - 1].qn == it->qn)
		first--;
	for (i = first; i < qv->n && qv->items[i].qn == it->qn; i++)
		count++;
	/* where the room is first: a narrow screen cuts the questionnaire's title, not that */
	draw_textf(a->y + 1, a->x + 2, a->w - 4, UC_HEADING, "Question %zu of %zu%s: %s",
		   qv->cur - first + 1, count,
		   mode_of(qv, ctx) == TRIAGE_WORKSHOP ? " (core; A asks the rest)" : "",
		   it->qn->title);
	/* A short screen keeps its rows for the question; a taller one may wrap the packs. */
	return 2 + draw_packs(ctx, e, it->qn, a->y + 2, a->x + 2, a->w - 4, a->h >= 26 ? 2 : 1);
}

static int draw_option(int y, int x, int width, const char *key, const char *label, bool chosen,
		       bool risky)
{
	enum ui_color c = chosen ? UC_SELECTED : UC_NORMAL;
	int x0 = x;

	if (chosen)
		draw_fill(y, x - 2, width + 2, UC_SELECTED);
	draw_text(y, x - 2, 2, chosen ? "▶" : " ", c);
	draw_text(y, x, 6, key, chosen ? c : UC_KEY);
	x += draw_width(key) > 2 ? 7 : 4;
	x += draw_text(y, x, width - (x - x0) - (risky ? 10 : 0) - (chosen ? 13 : 0), label, c);
	if (risky)
		draw_text(y, x + 2, 10, "⚠ risky", chosen ? c : UC_WARN);
	if (chosen)
		draw_text(y, x + (risky ? 12 : 2), 12, "(answered)", c);
	return 1;
}

/* The answers this question takes, one a line, the current one marked, risky ones said so. */
static int draw_options(struct ui_ctx *ctx, const struct qitem *it, int y, int x, int width)
{
	const struct answer *a = answer_of(ctx, it);
	const char *cur = a ? a->value : NULL;
	const struct question *q = it->q;
	int rows = 0;
	size_t i;

	if (q->type == ANSWER_YES_NO) {
		rows += draw_option(y + rows, x, width, "y", "yes", str_eq(cur, "yes"),
				    question_answer_risky(q, "yes"));
		rows += draw_option(y + rows, x, width, "n", "no", str_eq(cur, "no"),
				    question_answer_risky(q, "no"));
	} else if (q->type == ANSWER_CHOICE) {
		for (i = 0; i < q->noptions && i < 9; i++) {
			char key[2] = {(char)('1' + i), 0};
			rows += draw_option(y + rows, x, width, key, q->options[i]->label,
					    str_eq(cur, q->options[i]->id), q->options[i]->risky);
		}
	} else {
		rows += draw_option(y + rows, x, width, "Enter",
				    cur && !str_eq(cur, ANSWER_UNKNOWN) ? cur : "type an answer",
				    cur && !str_eq(cur, ANSWER_UNKNOWN), false);
	}
	rows +=
	    draw_option(y + rows, x, width, "u", "unknown: ask someone later (an open question)",
			str_eq(cur, ANSWER_UNKNOWN), false);
	rows += draw_option(y + rows, x, width, "-", "not applicable to this element",
			    str_eq(cur, ANSWER_NA), false);
	return rows;
}

/*
 * Where an answer the code settles comes from, or that the room overruled it: "From the code:
 * template.yaml:42, Policies: AdministratorAccess". Empty when the answer has no evidence.
 */
static bool evidence_text(struct ui_ctx *ctx, const struct qitem *it, struct sbuf *sb)
{
	const struct answer *a = answer_of(ctx, it);
	const struct evidence *ev = a ? a->evidence : NULL;

	if (!ev)
		return false;
	if (answer_overruled(a))
		sbuf_addf(sb, "Overruled by %s; the code says \"%s\": %s:%d, %s",
			  str_empty(a->who) ? "the room" : a->who, answer_label(it->q, ev->value),
			  ev->file, ev->line, ev->property ? ev->property : "");
	else
		sbuf_addf(sb, "From the code: %s:%d, %s", ev->file, ev->line,
			  ev->property ? ev->property : "");
	return answer_overruled(a);
}

/* The rows the evidence takes (at most two, and a blank row after), or 0 without evidence. */
static int evidence_rows(struct ui_ctx *ctx, const struct qitem *it, int width)
{
	struct sbuf sb = SBUF_INIT;
	int rows;

	evidence_text(ctx, it, &sb);
	rows = sb.len ? (draw_wrap_rows(sb.buf, width) > 1 ? 2 : 1) + 1 : 0;
	sbuf_release(&sb);
	return rows;
}

/* Returns the rows used, the blank row after included. */
static int draw_evidence(struct ui_ctx *ctx, const struct qitem *it, int y, int x, int width,
			 int rows)
{
	struct sbuf sb = SBUF_INIT;
	bool overruled = evidence_text(ctx, it, &sb);
	int used = 0;

	if (sb.len && rows > 1)
		used = draw_wrap(y, x, width, rows > 3 ? 2 : rows - 1, sb.buf,
				 overruled ? UC_WARN : UC_SAVED) +
		       1;
	sbuf_release(&sb);
	return used;
}

/* The threats already taken from this answer, on one line. */
static void draw_accepted(struct ui_ctx *ctx, const struct qitem *it, int y, int x, int width)
{
	const struct model *m = ctx->app->model;
	const struct answer *a = answer_of(ctx, it);
	struct sbuf sb = SBUF_INIT;
	size_t i;

	for (i = 0; a && i < m->nsuggestion_decisions; i++) {
		const struct suggestion_decision *d = m->suggestion_decisions[i];
		if (!str_eq(d->element, ctx->element) || !str_eq(d->questionnaire, it->qn->id) ||
		    !str_eq(d->question, it->q->id) || !str_eq(d->answer, a->value))
			continue;
		sbuf_addf(&sb, "%s%s", sb.len ? ", " : "",
			  d->accepted ? (d->threat ? d->threat : "accepted") : "one skipped");
	}
	if (sb.len)
		draw_textf(y, x, width, UC_SAVED, "From this answer: %s", sb.buf);
	sbuf_release(&sb);
}

/* "STRIDE: E, I": the primary letter first, then the others in STRIDE order. */
static void letters_list(struct sbuf *out, enum stride_letter primary, unsigned set)
{
	int l;

	sbuf_addstr(out, "STRIDE: ");
	if (set & STRIDE_BIT(primary))
		sbuf_addch(out, stride_char(primary));
	for (l = 0; l < STRIDE_COUNT; l++)
		if ((set & STRIDE_BIT(l)) && l != (int)primary)
			sbuf_addf(out, "%s%c", out->len > 8 ? ", " : "",
				  stride_char((enum stride_letter)l));
}

/* What the box says under the threat: it cannot fit, or the threat it would copy. */
static void offer_note(struct ui_ctx *ctx, const struct suggestion_offer *o, struct sbuf *out)
{
	const struct threat *t = o->same_as ? model_threat(ctx->app->model, o->same_as) : NULL;

	if (!o->letters)
		sbuf_addstr(out, "None of its letters applies to this element: x skips it");
	else if (t && o->alike)
		sbuf_addf(out, "Looks like %s \"%s\": a links this answer to it, %s adds a copy",
			  t->id, t->title, ACCEPT_NEW);
	else if (t)
		sbuf_addf(
		    out, "%s on this cell says the same: a links this answer to it, %s adds a copy",
		    t->id, ACCEPT_NEW);
}

/* The rows the box of `o` needs, borders included, at `width`. */
static int offer_rows(struct ui_ctx *ctx, const struct suggestion_offer *o, int width)
{
	struct sbuf note = SBUF_INIT;
	int title = draw_wrap_rows(o->suggestion->threat, width - 4), rows;

	offer_note(ctx, o, &note);
	rows = 2 + (title > 2 ? 2 : title) + 1;
	if (note.len)
		rows += draw_wrap_rows(note.buf, width - 4) > 1 ? 2 : 1;
	sbuf_release(&note);
	return rows;
}

static void draw_offer(struct ui_ctx *ctx, const struct suggestion_offer *o, size_t i, size_t n,
		       int y, int x, int width)
{
	const struct suggestion *s = o->suggestion;
	struct rect box = {y, x, offer_rows(ctx, o, width), width};
	struct sbuf title = SBUF_INIT, line = SBUF_INIT;
	int score = risk_score(s->likelihood, s->impact), row = y + 1;

	sbuf_addf(&title, "Suggested threat %zu of %zu: ", i + 1, n);
	if (!o->letters)
		sbuf_addstr(&title, "x skip");
	else if (o->same_as)
		sbuf_addf(&title, "a link to %s   x skip", o->same_as);
	else
		sbuf_addstr(&title, "a accept   x skip");
	draw_box(&box, title.buf, UC_WARN);
	row += draw_wrap(row, x + 2, width - 4, 2, s->threat, UC_TITLE);
	letters_list(&line, s->letter,
		     o->letters ? o->letters : (STRIDE_BIT(s->letter) | s->extra));
	sbuf_addf(&line, "   likelihood %d x impact %d = ", s->likelihood, s->impact);
	draw_risk(&line, score);
	sbuf_addf(&line, "   %zu mitigation%s", s->mitigations.count,
		  s->mitigations.count == 1 ? "" : "s");
	draw_text(row++, x + 2, width - 4, line.buf, UC_NORMAL);
	sbuf_reset(&line);
	offer_note(ctx, o, &line);
	if (line.len)
		draw_wrap(row, x + 2, width - 4, 2, line.buf, o->letters ? UC_NORMAL : UC_WARN);
	sbuf_release(&title);
	sbuf_release(&line);
}

/* The question from row `y`: its text, why it matters, the answers, and right below them the
 * suggestion the answer makes or the threats it already gave. */
static void draw_question(struct questionnaire_view *qv, struct ui_ctx *ctx, const struct rect *a,
			  int y, bool big)
{
	const struct qitem *it = current(qv);
	struct suggestion_offer *offers;
	size_t n = pending(ctx, it, &offers);
	int x = a->x + (big ? 6 : 2), w = a->w - (big ? 12 : 4);
	int below = n ? offer_rows(ctx, &offers[0], a->w - 4) : 1;
	int nopt = it->q->type == ANSWER_CHOICE   ? (int)it->q->noptions + 2
		   : it->q->type == ANSWER_YES_NO ? 4
						  : 3;
	int help_rows;

	y += draw_wrap(y, x, w, 3, it->q->text, UC_TITLE) + 1;
	/* What is left once the answers, a blank row each side and the box are placed: the help
	 * is shown whole or, when it cannot be, not at all (it was read before answering). */
	help_rows = a->y + a->h - y - 1 - nopt - 1 - evidence_rows(ctx, it, w) - below;
	if (!big && it->q->help && draw_wrap_rows(it->q->help, w) <= help_rows)
		y += draw_wrap(y, x, w, help_rows, it->q->help, UC_DIM) + 1;
	else if (big)
		y += 1;
	y += draw_options(ctx, it, y, x + 2, w - 2) + 1;
	y += draw_evidence(ctx, it, y, x, w, a->y + a->h - y - below);
	if (y + below > a->y + a->h)
		y = a->y + a->h - below;
	if (n)
		draw_offer(ctx, &offers[0], 0, n, y, a->x + 2, a->w - 4);
	else
		draw_accepted(ctx, it, y, x, w);
	free(offers);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct questionnaire_view *qv = (struct questionnaire_view *)v;
	const struct element *e = ui_element(ctx);
	int rows;

	build(qv, ctx);
	if (!e || qv->n == 0) {
		draw_center(area->y + area->h / 2 - 1, area->x, area->w,
			    e ? "No questionnaire applies to this element."
			      : "There is nothing to ask about yet.",
			    UC_TITLE);
		draw_center(area->y + area->h / 2 + 1, area->x, area->w,
			    "] goes to the next element;  W walks its STRIDE letters instead",
			    UC_NORMAL);
		if (e)
			draw_text(area->y, area->x + 2, area->w - 4, e->name, UC_TITLE);
		return;
	}
	rows = draw_heading(qv, ctx, e, area);
	draw_question(qv, ctx, area, area->y + rows, ctx->present);
}

static const struct hint yes_no[] = {
    {ACT_YES, NULL},          {ACT_NO, NULL},
    {ACT_UNKNOWN, NULL},      {ACT_NOT_APPLICABLE, NULL},
    {ACT_NEXT, "next open"},  {ACT_DOWN, "next question"},
    {ACT_NEXT_ELEMENT, NULL}, {ACT_NONE_, NULL},
};

static const struct hint choice[] = {
    {ACT_CHOOSE, "choose"},      {ACT_UNKNOWN, NULL},      {ACT_NEXT, "next open"},
    {ACT_DOWN, "next question"}, {ACT_NEXT_ELEMENT, NULL}, {ACT_NONE_, NULL},
};

static const struct hint text[] = {
    {ACT_SELECT, "type an answer"}, {ACT_UNKNOWN, NULL},      {ACT_NEXT, "next open"},
    {ACT_DOWN, "next question"},    {ACT_NEXT_ELEMENT, NULL}, {ACT_NONE_, NULL},
};

static const struct hint offered[] = {
    {ACT_ACCEPT, "accept the threat"},
    {ACT_SKIP, "skip it"},
    {ACT_DOWN, "next question"},
    {ACT_NONE_, NULL},
};

/* The suggestion says what a threat on the cell says: a links the answer to that one. */
static const struct hint offered_link[] = {
    {ACT_ACCEPT, "link to that threat"},
    {ACT_SKIP, "skip it"},
    {ACT_DOWN, "next question"},
    {ACT_NONE_, NULL},
};

/* None of its letters applies: it can only be skipped. */
static const struct hint offered_misfit[] = {
    {ACT_SKIP, "skip it"},
    {ACT_DOWN, "next question"},
    {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	struct questionnaire_view *qv = (struct questionnaire_view *)v;
	const struct qitem *it;
	struct suggestion_offer *offers;
	const struct hint *hints;
	size_t n;

	build(qv, ctx);
	it = current(qv);
	ctx->choices = 0;
	if (!it)
		return yes_no + 6; /* just "next element" */
	n = pending(ctx, it, &offers);
	hints = !n                   ? NULL
		: !offers[0].letters ? offered_misfit
		: offers[0].same_as  ? offered_link
				     : offered;
	free(offers);
	if (hints)
		return hints;
	if (it->q->type == ANSWER_CHOICE) /* digits beyond 9 are typed: ":choose 12" */
		ctx->choices = it->q->noptions < 9 ? (int)it->q->noptions : 9;
	return it->q->type == ANSWER_YES_NO ? yes_no : it->q->type == ANSWER_CHOICE ? choice : text;
}

static const char *selected(struct view *v, struct ui_ctx *ctx)
{
	return NULL;
}

const struct view_ops view_questionnaire_ops = {
    create, destroy, NULL, handle, draw, get_hints, selected,
};
