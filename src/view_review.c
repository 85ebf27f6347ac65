/*
 * Review mode, for a security champion working alone: only what needs attention. Open high and
 * critical threats, threats without a mitigation, "unknown" answers and, one item per element,
 * the STRIDE cells still pending, each marked reviewed with a comment (r); an element's pending
 * cells can be decided from here too (n nothing found, x not applicable, with a reason), so a
 * reviewed model reaches full coverage. The riskiest come first, then answers and cells as
 * found; a mark does not move an item, so the list keeps one order while the reviewer works
 * down it. The pane below shows the selected item's description, mitigations and origin.
 */
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "coverage.h"
#include "draw.h"
#include "listview.h"
#include "qlibrary.h"
#include "risk.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

enum review_kind { REVIEW_THREAT, REVIEW_CELL, REVIEW_ANSWER };

struct review_item {
	enum review_kind kind;
	char *subject; /* "threat:T-0001", "cells:payslip-fn", "answer:payslip-fn/identity/q" */
	char *id; /* the threat id, the element id */
	enum stride_letter letter; /* the threat's, or an element's first pending letter */
	unsigned letters; /* an element's pending letters (STRIDE_BIT set) */
	char *what; /* one line for the list */
	bool reviewed;
	int risk; /* a threat's, for the order; 0 for the rest */
	size_t found; /* the order it was found in, the last tie-break */
};

struct review_view {
	struct view base;
	struct listview lv;
	struct review_item *items;
	size_t n, cap;
	char *selected_subject;
	unsigned long built;
	bool fresh;
};

static void items_clear(struct review_view *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->items[i].subject);
		free(r->items[i].id);
		free(r->items[i].what);
	}
	r->n = 0;
}

static void add(struct review_view *r, const struct model *m, enum review_kind kind,
		struct sbuf *subject, const char *id, struct sbuf *what)
{
	struct review_item *it;

	r->items = xgrow(r->items, sizeof(*r->items), r->n + 1, &r->cap);
	it = &r->items[r->n++];
	memset(it, 0, sizeof(*it)); /* the slot may hold a previous build's item */
	it->kind = kind;
	it->subject = sbuf_detach(subject);
	it->id = xstrdup(id);
	it->what = sbuf_detach(what);
	it->reviewed = model_review(m, it->subject) != NULL;
}

static void add_threats(struct review_view *r, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	struct sbuf subject = SBUF_INIT, what = SBUF_INIT;
	const struct model_index *ix = ui_index(ctx);
	size_t i;

	for (i = 0; i < m->nthreats; i++) {
		const struct threat *t = m->threats[i];
		bool high = risk_band_of(threat_risk(t)) >= RISK_HIGH;
		bool bare = ix->threat_mitigations[i].n == 0;
		if (!threat_status_is_active(t->status) || (!high && !bare))
			continue;
		sbuf_addf(&subject, "threat:%s", t->id);
		sbuf_addf(&what, "%s %s%s%s: %s", t->id,
			  high ? risk_band_name(risk_band_of(threat_risk(t))) : "",
			  high && bare ? ", " : "", bare ? "no mitigation" : "", t->title);
		add(r, m, REVIEW_THREAT, &subject, t->id, &what);
		r->items[r->n - 1].letter = t->letter;
		r->items[r->n - 1].risk = threat_risk(t);
	}
}

/* The letters of an element's cells that are still pending. */
static unsigned pending_letters(const struct element_coverage *c)
{
	unsigned letters = 0;
	int l;

	for (l = 0; l < STRIDE_COUNT; l++)
		if ((c->applicable & STRIDE_BIT(l)) &&
		    coverage_cell(c, (enum stride_letter)l) == CELL_PENDING)
			letters |= STRIDE_BIT(l);
	return letters;
}

/* A cell is reviewed on its own ("cell:ELEMENT/S"), so marks made one cell at a time count. */
static bool cells_reviewed(const struct model *m, const char *element, unsigned letters)
{
	struct sbuf subject = SBUF_INIT;
	bool all = true;
	int l;

	for (l = 0; l < STRIDE_COUNT && all; l++) {
		if (!(letters & STRIDE_BIT(l)))
			continue;
		sbuf_reset(&subject);
		sbuf_addf(&subject, "cell:%s/%c", element, stride_char((enum stride_letter)l));
		all = model_review(m, subject.buf) != NULL;
	}
	sbuf_release(&subject);
	return all;
}

/* One item per element: a room reviews an element's open letters together. */
static void add_cells(struct review_view *r, const struct model *m,
		      const struct element_coverage *cov)
{
	struct sbuf subject = SBUF_INIT, what = SBUF_INIT;
	struct review_item *it;
	unsigned pending;
	size_t i;
	int l, first;

	for (i = 0; i < m->nelements; i++) {
		if (!(pending = pending_letters(&cov[i])))
			continue;
		for (l = 0, first = -1; l < STRIDE_COUNT; l++) {
			if (!(pending & STRIDE_BIT(l)))
				continue;
			sbuf_addf(&what, "%s%c", first < 0 ? "" : " ",
				  stride_char((enum stride_letter)l));
			first = first < 0 ? l : first;
		}
		sbuf_addf(&what, " never decided on %s", m->elements[i]->name);
		sbuf_addf(&subject, "cells:%s", m->elements[i]->id);
		add(r, m, REVIEW_CELL, &subject, m->elements[i]->id, &what);
		it = &r->items[r->n - 1];
		it->letters = pending;
		it->letter = (enum stride_letter)first;
		it->reviewed = cells_reviewed(m, it->id, pending);
	}
}

static void add_unknowns(struct review_view *r, const struct model *m)
{
	struct sbuf subject = SBUF_INIT, what = SBUF_INIT;
	size_t i;

	for (i = 0; i < m->nanswers; i++) {
		const struct answer *a = m->answers[i];
		if (!str_eq(a->value, "unknown"))
			continue;
		sbuf_addf(&subject, "answer:%s/%s/%s", a->element, a->questionnaire, a->question);
		sbuf_addf(&what, "unknown answer: %s/%s on %s", a->questionnaire, a->question,
			  a->element);
		add(r, m, REVIEW_ANSWER, &subject, a->element, &what);
	}
}

/* The riskiest first; then threats, answers, cells as found. Being reviewed changes nothing:
 * an item stays where the reviewer saw it. */
static int by_attention(const void *pa, const void *pb)
{
	const struct review_item *a = pa, *b = pb;

	if (a->risk != b->risk)
		return b->risk - a->risk;
	return (a->found > b->found) - (a->found < b->found);
}

static void order(struct review_view *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		r->items[i].found = i;
	qsort(r->items, r->n, sizeof(*r->items), by_attention);
}

static void build(struct review_view *r, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	size_t i;

	if (r->fresh && r->built == ui_index(ctx)->generation)
		return;
	items_clear(r);
	add_threats(r, ctx);
	add_unknowns(r, m);
	add_cells(r, m, ui_index(ctx)->cov);
	order(r);
	listview_set_count(&r->lv, r->n);
	for (i = 0; r->selected_subject && i < r->n; i++)
		if (str_eq(r->items[i].subject, r->selected_subject))
			listview_select(&r->lv, i);
	r->built = ui_index(ctx)->generation;
	r->fresh = true;
}

static struct view *create(void)
{
	return &((struct review_view *)xcalloc(1, sizeof(struct review_view)))->base;
}

static void destroy(struct view *v)
{
	struct review_view *r = (struct review_view *)v;

	items_clear(r);
	free(r->items);
	free(r->selected_subject);
	free(r);
}

static const struct review_item *current(struct review_view *r)
{
	return r->lv.selected < r->n ? &r->items[r->lv.selected] : NULL;
}

/* What a subject names, as the list says it: "T-0001", "T on payslip-fn", "the open cells of
 * payslip-fn", "the answer identity/role-per-function on payslip-fn". */
static const char *subject_label(const char *subject, struct sbuf *out)
{
	const char *colon = strchr(subject, ':'), *rest = colon ? colon + 1 : subject;
	const char *slash = strrchr(rest, '/'), *first = strchr(rest, '/');

	if (str_starts_with(subject, "threat:"))
		sbuf_addstr(out, rest);
	else if (str_starts_with(subject, "cell:") && slash)
		sbuf_addf(out, "%s on %.*s", slash + 1, (int)(slash - rest), rest);
	else if (str_starts_with(subject, "cells:"))
		sbuf_addf(out, "the open cells of %s", rest);
	else if (str_starts_with(subject, "answer:") && first)
		sbuf_addf(out, "the answer %s on %.*s", first + 1, (int)(first - rest), rest);
	else
		sbuf_addstr(out, subject);
	return out->buf;
}

/* After a mark: the next item still to do is selected, so a reviewer can go down the list. */
static void marked(struct review_view *r, struct ui_ctx *ctx, const char *subject)
{
	const struct review_item *it = current(r);
	bool on_it = it && str_eq(it->subject, subject);
	struct sbuf label = SBUF_INIT;
	size_t i;

	subject_label(subject, &label);
	ui_message(ctx, MSG_SAVED, "%s marked reviewed", label.buf);
	sbuf_release(&label);
	build(r, ctx); /* the same order, with the mark */
	if (on_it) {
		for (i = r->lv.selected + 1; i < r->n && r->items[i].reviewed; i++)
			;
		if (i < r->n)
			listview_select(&r->lv, i);
	}
	free(r->selected_subject);
	r->selected_subject = current(r) ? xstrdup(current(r)->subject) : NULL;
}

/* "threat:T-0001 comment", "T-0001 comment", "cell:fn/S comment", or just a comment on the
 * selected item. `subject` gets the subject; returns the comment. */
static const char *mark_target(struct review_view *r, struct ui_ctx *ctx, const char *arg,
			       struct sbuf *subject)
{
	struct sbuf word = SBUF_INIT, id = SBUF_INIT;
	const struct review_item *it = current(r);
	const char *p = arg, *rest;

	if (command_word(&p, &word) &&
	    (str_starts_with(word.buf, "threat:") || str_starts_with(word.buf, "cell:") ||
	     str_starts_with(word.buf, "cells:") || str_starts_with(word.buf, "answer:"))) {
		sbuf_addstr(subject, word.buf);
		arg = p;
	} else if (word.len && ui_target(ctx, word.buf, 'T', &id, &rest) && rest != word.buf) {
		/* the word was a threat id (ui_target moved past it), not the selection */
		sbuf_addf(subject, "threat:%s", id.buf);
		arg = p;
	} else if (it) {
		sbuf_addstr(subject, it->subject);
	}
	sbuf_release(&word);
	sbuf_release(&id);
	return arg;
}

/* Saves a mark; "cells:ELEMENT" marks each of the element's pending cells, in one change. */
static int save_mark(struct ui_ctx *ctx, const char *subject, const char *comment,
		     struct sw_error *err)
{
	const char *element = subject + strlen("cells:");
	const struct element *e;
	struct strlist cells = STRLIST_INIT;
	struct sbuf cell = SBUF_INIT;
	unsigned pending;
	int l, rc;

	if (!str_starts_with(subject, "cells:"))
		return app_review_mark(ctx->app, subject, comment, err);
	if (!(e = model_element(ctx->app->model, element)))
		return sw_error(err, "no element '%s'", element);
	pending = pending_letters(model_index_coverage(ui_index(ctx), e->id));
	for (l = 0; l < STRIDE_COUNT; l++) {
		if (!(pending & STRIDE_BIT(l)))
			continue;
		sbuf_reset(&cell);
		sbuf_addf(&cell, "cell:%s/%c", element, stride_char((enum stride_letter)l));
		strlist_push(&cells, cell.buf);
	}
	rc = cells.count ? app_review_marks(ctx->app, &cells, comment, err)
			 : sw_error(err, "every cell of %s is decided: nothing to review", element);
	strlist_clear(&cells);
	sbuf_release(&cell);
	return rc;
}

static int mark(struct review_view *r, struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf subject = SBUF_INIT;
	const char *comment = req->arg;
	const struct review_item *it = current(r);
	struct sbuf words = SBUF_INIT;
	int flags = VIEW_HANDLED | VIEW_REDRAW;

	if (req->subject)
		sbuf_addstr(&subject, req->subject);
	else if (!str_empty(req->arg))
		comment = mark_target(r, ctx, req->arg, &subject);
	else if (it)
		sbuf_addstr(&subject, it->subject);
	if (subject.len == 0)
		flags = ui_fail(ctx, "nothing selected to mark as reviewed");
	else if (str_empty(comment)) /* "T-0001", not the key "threat:T-0001" */
		flags = ui_prompt(ctx, ACT_MARK, 1, subject.buf, "", "Reviewed %s: your comment",
				  subject_label(subject.buf, &words));
	else if (save_mark(ctx, subject.buf, comment, &err))
		flags = ui_error(ctx, &err);
	else
		marked(r, ctx, subject.buf);
	sbuf_release(&subject);
	sbuf_release(&words);
	return flags;
}

static int open_item(struct review_view *r, struct ui_ctx *ctx)
{
	const struct review_item *it = current(r);
	const struct threat *t;

	if (!it)
		return ui_fail(ctx, "nothing selected");
	t = it->kind == REVIEW_THREAT ? model_threat(ctx->app->model, it->id) : NULL;
	ui_set_element(ctx, t ? t->element : it->id);
	ctx->letter = it->letter;
	ui_switch(ctx, it->kind == REVIEW_ANSWER ? VIEW_QUESTIONNAIRE : VIEW_WALK);
	return VIEW_HANDLED | VIEW_REDRAW;
}

/* n and x on an element's pending cells: decided together, with one reason, in one change. */
static int decide_cells(struct review_view *r, struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct review_item *it = current(r);
	enum cell_state state = req->action == ACT_NONE ? CELL_NONE : CELL_NA;
	const char *element = req->subject ? req->subject : it ? it->id : NULL;
	const struct element_coverage *c =
	    element ? model_index_coverage(ui_index(ctx), element) : NULL;
	unsigned pending = c ? pending_letters(c) : 0;
	char letters[STRIDE_COUNT + 1];

	if (!req->subject && (!it || it->kind != REVIEW_CELL))
		return ui_fail(ctx, "n and x decide an element's open cells: select one of those");
	if (!pending)
		return ui_fail(ctx, "every cell of %s is decided", element ? element : "it");
	stride_set_string(pending, letters);
	if (str_empty(req->arg))
		return ui_prompt(
		    ctx, req->action, 1, element, "", "%s %s on %s because",
		    state == CELL_NONE ? "Nothing found for" : "Not applicable:", letters, element);
	if (app_decide_cells(ctx->app, element, pending, state, req->arg, &err))
		return ui_error(ctx, &err);
	ui_message(ctx, MSG_SAVED, "saved: %s on %s %s", letters, element,
		   state == CELL_NONE ? "considered, nothing found" : "not applicable");
	return VIEW_DONE;
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct review_view *r = (struct review_view *)v;

	build(r, ctx);
	if (listview_handle(&r->lv, req->action, ctx->page)) {
		free(r->selected_subject);
		r->selected_subject = current(r) ? xstrdup(current(r)->subject) : NULL;
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	if (req->action == ACT_MARK)
		return mark(r, ctx, req);
	if (req->action == ACT_NONE || req->action == ACT_NA)
		return decide_cells(r, ctx, req);
	if (req->action == ACT_SELECT)
		return open_item(r, ctx);
	return 0;
}

static const char *selected(struct view *v, struct ui_ctx *ctx)
{
	struct review_view *r = (struct review_view *)v;
	const struct review_item *it;

	build(r, ctx);
	it = current(r);
	return it && it->kind == REVIEW_THREAT ? it->id : NULL;
}

/* ---- drawing ---- */

static void draw_row(int y, const struct rect *a, size_t i, bool sel, const void *data)
{
	const struct review_view *r = data;
	const struct review_item *it = &r->items[i];
	enum ui_color n = sel ? UC_SELECTED : it->reviewed ? UC_DIM : UC_NORMAL;
	static const char *const kinds[] = {"threat", "cells", "answer"};
	const char *kind = kinds[it->kind];

	if (sel)
		draw_fill(y, a->x + 1, a->w - 2, UC_SELECTED);
	draw_text(y, a->x + 1, 2, sel ? "▶" : " ", n);
	draw_text(y, a->x + 3, 10, it->reviewed ? "✓ reviewed" : "· to do", n);
	if (it->kind == REVIEW_CELL && (it->letters & (it->letters - 1)) == 0)
		kind = "cell"; /* one letter left */
	draw_text(y, a->x + 15, 7, kind, n);
	draw_text(y, a->x + 23, a->w - 25, it->what, n);
}

/* The mark an item shows: its own, or for an element's cells the first cell's (all alike when
 * they were marked together). NULL until the item is reviewed. */
static const struct review_mark *review_of(const struct model *m, const struct review_item *it)
{
	struct sbuf cell = SBUF_INIT;
	const struct review_mark *mk;

	if (it->kind != REVIEW_CELL)
		return model_review(m, it->subject);
	if (!it->reviewed)
		return NULL;
	sbuf_addf(&cell, "cell:%s/%c", it->id, stride_char(it->letter));
	mk = model_review(m, cell.buf);
	sbuf_release(&cell);
	return mk;
}

/* A threat in full: ratings and status, its title (the list may have cut it), description,
 * mitigations, where it came from; wrapped into the rows there are, the facts first. */
static int draw_threat_detail(struct ui_ctx *ctx, const struct threat *t, int y, int x, int w,
			      int rows)
{
	const struct model *m = ctx->app->model;
	const struct model_index *ix = ui_index(ctx);
	const struct position_list *on = &ix->threat_mitigations[model_index_threat_at(ix, t->id)];
	struct sbuf sb = SBUF_INIT, mits = SBUF_INIT;
	char letters[STRIDE_COUNT + 1];
	int used = 0, title, desc, mrows, spare;
	size_t i;

	threat_letters_text(t, letters);
	sbuf_addf(&sb, "%s  %s on %s   likelihood %d x impact %d = ", t->id, letters, t->element,
		  t->likelihood, t->impact);
	draw_risk(&sb, threat_risk(t));
	sbuf_addf(&sb, "   %s", threat_status_name(t->status));
	draw_text(y + used++, x, w, sb.buf, UC_TITLE);
	for (i = 0; i < on->n; i++) {
		const struct mitigation *mit = m->mitigations[on->items[i]];
		sbuf_addf(&mits, "%s%s %s (%s%s%s)", i ? ";  " : "", mit->id, mit->title,
			  mitigation_status_name(mit->status), mit->owner ? ", " : "",
			  mit->owner ? mit->owner : "");
	}
	sbuf_reset(&sb);
	sbuf_addf(&sb, "%s%s", on->n ? "mitigations: " : "no mitigation yet: m adds one", mits.buf);
	/* Rows: the title, then one each for mitigations and origin, then the description, then
	 * more for long titles and mitigations. */
	title = draw_wrap_rows(t->title, w) > 1 && rows >= 6 ? 2 : 1;
	spare = rows - used - title - 2;
	desc = t->description ? (spare > 2 ? 2 : spare > 0 ? spare : 0) : 0;
	mrows = draw_wrap_rows(sb.buf, w) > 1 && spare - desc > 0 ? 2 : 1;
	used += draw_wrap(y + used, x, w, title, t->title, UC_TITLE);
	if (desc)
		used += draw_wrap(y + used, x, w, desc, t->description, UC_NORMAL);
	if (used < rows)
		used += draw_wrap(y + used, x, w, mrows, sb.buf, on->n ? UC_NORMAL : UC_WARN);
	sbuf_reset(&sb);
	if (t->provenance)
		sbuf_addf(&sb, "from the answer %s", t->provenance);
	else
		sbuf_addf(&sb, "%s, raised by %s%s%s", threat_origin_name(t->origin),
			  t->raised_by ? t->raised_by : "nobody recorded",
			  t->raised_at ? " at " : "", t->raised_at ? t->raised_at : "");
	if (used < rows)
		draw_text(y + used++, x, w, sb.buf, UC_DIM);
	sbuf_release(&sb);
	sbuf_release(&mits);
	return used;
}

static int draw_detail(struct ui_ctx *ctx, const struct review_item *it, int y, int x, int w,
		       int rows)
{
	const struct threat *t;
	const struct question *q;
	char letters[STRIDE_COUNT + 1];

	switch (it->kind) {
	case REVIEW_THREAT:
		t = model_threat(ctx->app->model, it->id);
		return t ? draw_threat_detail(ctx, t, y, x, w, rows) : 0;
	case REVIEW_CELL:
		stride_set_string(it->letters, letters);
		draw_textf(y, x, w, UC_TITLE, "%s: %s never decided", it->id, letters);
		draw_text(
		    y + 1, x, w,
		    "n nothing found   x not applicable   (each with a reason, for all of them)"
		    "   r reviewed, still open   Enter walks it",
		    UC_NORMAL);
		return 2;
	default:
		q = NULL;
		if (ui_qlib(ctx)) {
			const char *p = it->subject + strlen("answer:") + strlen(it->id) + 1;
			const char *slash = strchr(p, '/');
			char *qn = slash ? xstrndup(p, (size_t)(slash - p)) : NULL;
			const struct questionnaire *qq =
			    qn ? qlibrary_questionnaire(ui_qlib(ctx), qn) : NULL;
			q = qq ? questionnaire_find_question(qq, slash + 1) : NULL;
			free(qn);
		}
		draw_wrap(y, x, w, rows > 2 ? 2 : 1, q ? q->text : it->what, UC_TITLE);
		return rows > 2 ? 2 : 1;
	}
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct review_view *r = (struct review_view *)v;
	int detail = area->h >= 30 ? 9 : 7;
	struct rect list = {area->y + 2, area->x, area->h - 3 - detail, area->w};
	const struct review_item *it;
	const struct review_mark *mk;
	size_t i, done = 0;
	int y, used;

	build(r, ctx);
	for (i = 0; i < r->n; i++)
		done += r->items[i].reviewed;
	draw_textf(area->y, area->x + 2, area->w - 4, UC_TITLE,
		   "Needs attention: %zu items, %zu reviewed, %zu to do", r->n, done, r->n - done);
	if (r->n == 0) {
		draw_center(
		    area->y + area->h / 2, area->x, area->w,
		    "Nothing needs attention: every cell is decided and every risk handled.",
		    UC_TITLE);
		return;
	}
	listview_draw(&r->lv, &list, draw_row, r);
	it = current(r);
	mk = it ? review_of(ctx->app->model, it) : NULL;
	y = area->y + area->h - detail - 1;
	draw_hline(y++, area->x + 1, area->w - 2);
	used = it ? draw_detail(ctx, it, y, area->x + 2, area->w - 4, detail - 1) : 0;
	if (mk)
		draw_textf(y + used, area->x + 2, area->w - 4, UC_NORMAL,
			   "reviewed by %s at %s: %s", mk->who ? mk->who : "?",
			   mk->at ? mk->at : "?", mk->comment ? mk->comment : "");
	else if (it)
		draw_text(y + used, area->x + 2, area->w - 4,
			  "not reviewed yet: r marks it, Enter opens it", UC_DIM);
}

static const struct hint hints[] = {
    {ACT_MARK, NULL},     {ACT_SELECT, NULL}, {ACT_STATUS, NULL},
    {ACT_MITIGATE, NULL}, {ACT_NONE_, NULL},
};

static const struct hint cell_hints[] = {
    {ACT_NONE, "nothing found"}, {ACT_NA, "n/a"},   {ACT_MARK, NULL},
    {ACT_SELECT, "walk it"},     {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	struct review_view *r = (struct review_view *)v;
	const struct review_item *it;

	build(r, ctx);
	it = current(r);
	return it && it->kind == REVIEW_CELL ? cell_hints : hints;
}

const struct view_ops view_review_ops = {
    create, destroy, NULL, handle, draw, get_hints, selected,
};
