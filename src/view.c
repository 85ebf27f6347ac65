/*
 * The view interface's shared half: the context every screen sees, dispatch (the current
 * screen, then the global actions), the message line and prompt requests, and the outline of
 * the diagram that the overview lists and the walk follows. No curses here.
 */
#include "view.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "model.h"
#include "qlibrary.h"
#include "threat.h"
#include "util.h"
#include "xalloc.h"

static const struct view_ops *const all_ops[VIEW_COUNT] = {
    [VIEW_OVERVIEW] = &view_overview_ops,
    [VIEW_WALK] = &view_walk_ops,
    [VIEW_QUESTIONNAIRE] = &view_questionnaire_ops,
    [VIEW_BOARD] = &view_board_ops,
    [VIEW_PRIORITISE] = &view_prioritise_ops,
    [VIEW_BACKLOG] = &view_backlog_ops,
    [VIEW_SESSION] = &view_session_ops,
    [VIEW_REVIEW] = &view_review_ops,
    [VIEW_HELP] = &view_help_ops,
};

const struct view_ops *view_ops_of(enum view_id id)
{
	return id < VIEW_COUNT ? all_ops[id] : NULL;
}

const struct view_ops *view_ops_named(const char *name)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++)
		if (str_eq(all_ops[i]->name, name))
			return all_ops[i];
	if (str_eq(name, "questions") || str_eq(name, "prioritize"))
		return all_ops[str_eq(name, "questions") ? VIEW_QUESTIONNAIRE : VIEW_PRIORITISE];
	return NULL;
}

struct ui_ctx *ui_ctx_new(struct app *app, const struct qlibrary *qlib, bool review)
{
	struct ui_ctx *ctx = xcalloc(1, sizeof(*ctx));
	int i;

	ctx->app = app;
	ctx->qlib = qlib;
	ctx->review = review;
	ctx->page = 10;
	ctx->loads = app->loads;
	sbuf_init(&ctx->message);
	sbuf_init(&ctx->prompt.label);
	sbuf_init(&ctx->prompt.initial);
	for (i = 0; i < VIEW_COUNT; i++) {
		ctx->views[i] = all_ops[i]->create();
		ctx->views[i]->ops = all_ops[i];
	}
	ui_set_element(ctx, NULL);
	ctx->current = ctx->previous = VIEW_OVERVIEW;
	ui_switch(ctx, review ? VIEW_REVIEW : VIEW_OVERVIEW);
	return ctx;
}

void ui_load_questionnaires_later(struct ui_ctx *ctx, const struct strlist *dirs)
{
	ctx->qlib_dirs = dirs;
	ctx->qlib_lazy = true;
}

const struct qlibrary *ui_qlib(struct ui_ctx *ctx)
{
	struct sw_error err = SW_ERROR_INIT;

	if (ctx->qlib || !ctx->qlib_lazy)
		return ctx->qlib;
	ctx->qlib_lazy = false; /* one attempt: a broken pack is reported once, not every frame */
	ctx->own_qlib = qlibrary_new();
	if (qlibrary_load(ctx->own_qlib, ctx->qlib_dirs, &err)) {
		ui_error(ctx, &err);
		qlibrary_free(ctx->own_qlib);
		ctx->own_qlib = NULL;
	}
	ctx->qlib = ctx->own_qlib;
	return ctx->qlib;
}

void ui_ctx_free(struct ui_ctx *ctx)
{
	int i;

	if (!ctx)
		return;
	for (i = 0; i < VIEW_COUNT; i++)
		if (ctx->views[i])
			ctx->views[i]->ops->destroy(ctx->views[i]);
	ui_cache_free(ctx->cache);
	qlibrary_free(ctx->own_qlib);
	free(ctx->element);
	free(ctx->speaker);
	free(ctx->prompt.subject);
	strlist_clear(&ctx->prompt.completions);
	sbuf_release(&ctx->prompt.label);
	sbuf_release(&ctx->prompt.initial);
	sbuf_release(&ctx->message);
	free(ctx);
}

void ui_switch(struct ui_ctx *ctx, enum view_id id)
{
	struct view *v = ctx->views[id];

	if (id != ctx->current)
		ctx->previous = ctx->current;
	ctx->current = id;
	if (v->ops->enter)
		v->ops->enter(v, ctx);
}

int view_dispatch(struct ui_ctx *ctx, const struct request *req)
{
	struct view *v = ctx->views[ctx->current];
	const struct action_info *info = action_info(req->action);
	int flags;

	if (!info)
		return 0;
	flags = v->ops->handle(v, ctx, req);
	if (!(flags & VIEW_HANDLED))
		flags = view_actions_handle(ctx, req);
	if (!(flags & VIEW_HANDLED)) {
		ui_message(ctx, MSG_ERROR, "'%s' does nothing on the %s screen", info->name,
			   v->ops->name);
		flags = VIEW_HANDLED | VIEW_REDRAW;
	}
	if (ctx->loads != ctx->app->loads)
		ui_changed(ctx); /* a change refused as stale read the model back */
	if (ctx->quit)
		flags |= VIEW_QUIT;
	return flags;
}

int view_command(struct ui_ctx *ctx, const char *line)
{
	struct sw_error err = SW_ERROR_INIT;
	struct request req = {ACT_NONE_, NULL, 0, NULL};

	if (command_parse(line, &req.action, &req.arg, &err))
		return ui_error(ctx, &err);
	return view_dispatch(ctx, &req);
}

void ui_message(struct ui_ctx *ctx, enum message_kind kind, const char *fmt, ...)
{
	va_list ap;

	sbuf_reset(&ctx->message);
	va_start(ap, fmt);
	sbuf_vaddf(&ctx->message, fmt, ap);
	va_end(ap);
	ctx->message_kind = kind;
}

int ui_error(struct ui_ctx *ctx, struct sw_error *err)
{
	struct sbuf sb = SBUF_INIT;

	sw_error_format(err, &sb);
	ui_message(ctx, MSG_ERROR, "%s", sbuf_str(&sb));
	sbuf_release(&sb);
	sw_error_release(err);
	return VIEW_HANDLED | VIEW_REDRAW;
}

int ui_fail(struct ui_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	sbuf_reset(&ctx->message);
	va_start(ap, fmt);
	sbuf_vaddf(&ctx->message, fmt, ap);
	va_end(ap);
	ctx->message_kind = MSG_ERROR;
	return VIEW_HANDLED | VIEW_REDRAW;
}

int ui_prompt(struct ui_ctx *ctx, enum action action, int step, const char *subject,
	      const char *initial, const char *fmt, ...)
{
	va_list ap;

	ui_prompt_clear(ctx);
	ctx->prompting = true;
	ctx->prompt.action = action;
	ctx->prompt.step = step;
	ctx->prompt.subject = xstrdup(subject);
	sbuf_addstr(&ctx->prompt.initial, initial ? initial : "");
	va_start(ap, fmt);
	sbuf_vaddf(&ctx->prompt.label, fmt, ap);
	va_end(ap);
	return VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT;
}

void ui_prompt_clear(struct ui_ctx *ctx)
{
	ctx->prompting = false;
	free(ctx->prompt.subject);
	ctx->prompt.subject = NULL;
	sbuf_reset(&ctx->prompt.label);
	sbuf_reset(&ctx->prompt.initial);
	strlist_clear(&ctx->prompt.completions);
}

void ui_prompt_complete(struct ui_ctx *ctx, const char *word)
{
	if (!strlist_contains(&ctx->prompt.completions, word))
		strlist_push(&ctx->prompt.completions, word);
}

/* ---- the outline ---- */

struct outline {
	struct outline_row *rows;
	size_t n, cap;
};

static void outline_push(struct outline *o, enum outline_kind kind, const struct model *m,
			 size_t index, int depth)
{
	o->rows = xgrow(o->rows, sizeof(*o->rows), o->n + 1, &o->cap);
	o->rows[o->n].kind = kind;
	o->rows[o->n].element = m && index < m->nelements ? m->elements[index] : NULL;
	o->rows[o->n].index = index;
	o->rows[o->n].depth = depth;
	o->n++;
}

static bool is_node(const struct element *e)
{
	return e->kind != KIND_TRUST_BOUNDARY && e->kind != KIND_DATA_FLOW;
}

/* A boundary's heading, its own elements, then its nested boundaries, depth first. */
static void outline_boundary(struct outline *o, const struct model *m, size_t at, int depth)
{
	const struct element *b = m->elements[at];
	size_t i;

	if (depth > 16)
		return; /* app_put_element refuses loops; this only guards a damaged file */
	outline_push(o, OUTLINE_BOUNDARY, m, at, depth);
	for (i = 0; i < m->nelements; i++)
		if (is_node(m->elements[i]) && str_eq(m->elements[i]->boundary, b->id))
			outline_push(o, OUTLINE_ELEMENT, m, i, depth + 1);
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY && str_eq(e->boundary, b->id))
			outline_boundary(o, m, i, depth + 1);
	}
}

static bool boundary_known(const struct model *m, const char *id)
{
	const struct element *b = id ? model_element(m, id) : NULL;

	return b && b->kind == KIND_TRUST_BOUNDARY;
}

struct outline_row *ui_outline(const struct model *m, size_t *n)
{
	struct outline o = {NULL, 0, 0};
	bool heading = false;
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY && !boundary_known(m, e->boundary))
			outline_boundary(&o, m, i, 0);
	}
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (!is_node(e) || boundary_known(m, e->boundary))
			continue;
		if (!heading)
			outline_push(&o, OUTLINE_OUTSIDE, NULL, 0, 0);
		heading = true;
		outline_push(&o, OUTLINE_ELEMENT, m, i, 1);
	}
	heading = false;
	for (i = 0; i < m->nelements; i++) {
		if (m->elements[i]->kind != KIND_DATA_FLOW)
			continue;
		if (!heading)
			outline_push(&o, OUTLINE_FLOWS, NULL, 0, 0);
		heading = true;
		outline_push(&o, OUTLINE_ELEMENT, m, i, 1);
	}
	*n = o.n;
	return o.rows;
}

const struct element **ui_walk_order(const struct model *m, size_t *n)
{
	size_t nrows, i, count = 0;
	struct outline_row *rows = ui_outline(m, &nrows);
	const struct element **out = xcalloc(nrows + 1, sizeof(*out));

	for (i = 0; i < nrows; i++)
		if (rows[i].kind == OUTLINE_ELEMENT && element_letters(rows[i].element))
			out[count++] = rows[i].element;
	free(rows);
	*n = count;
	return out;
}

/* The first applicable letter at or after `from` (wrapping), for an element's letter set. */
static enum stride_letter letter_from(unsigned letters, enum stride_letter from)
{
	int i;

	for (i = 0; i < STRIDE_COUNT; i++) {
		int l = ((int)from + i) % STRIDE_COUNT;
		if (letters & STRIDE_BIT(l))
			return (enum stride_letter)l;
	}
	return STRIDE_S;
}

void ui_set_element(struct ui_ctx *ctx, const char *id)
{
	const struct element *e = id ? model_element(ctx->app->model, id) : NULL;
	char *old = ctx->element;

	if (!e || !element_letters(e)) {
		size_t n;
		const struct element **order = ui_order(ctx, &n);
		e = n ? order[0] : NULL;
	}
	ctx->element = e ? xstrdup(e->id) : NULL;
	free(old);
	if (e)
		ctx->letter = letter_from(element_letters(e), ctx->letter);
}

const struct element *ui_element(struct ui_ctx *ctx)
{
	const struct element *e =
	    ctx->element ? model_element(ctx->app->model, ctx->element) : NULL;

	return e && element_letters(e) ? e : NULL;
}

void ui_step_element(struct ui_ctx *ctx, int delta)
{
	size_t n, at = ui_walk_position(ctx, ctx->element);
	const struct element **order = ui_order(ctx, &n);

	if (at == n)
		at = 0;
	if (n > 0) {
		long next = (long)at + delta;
		if (next < 0)
			next = 0;
		if (next >= (long)n)
			next = (long)n - 1;
		ui_set_element(ctx, order[next]->id);
	}
}

const struct session *ui_session(const struct ui_ctx *ctx)
{
	return model_current_session(ctx->app->model);
}

const struct phase *ui_phase(const struct ui_ctx *ctx)
{
	const struct session *s = ui_session(ctx);

	return s ? session_current_phase(s) : NULL;
}

int ui_votes_given(const struct model *m, const char *participant)
{
	int total = 0;
	size_t i;

	for (i = 0; i < m->nvotes; i++)
		if (str_eq(m->votes[i]->participant, participant))
			total += m->votes[i]->count;
	return total;
}

/* Accepts "T-0003", "t-3" and "T3" for T-0003, rewriting `id` in the canonical form. */
static bool normalise_ref(struct sbuf *id, char prefix)
{
	const char *p = id->buf;
	char *canonical;
	long n;

	if (!p || (p[0] != prefix && p[0] != (prefix | 0x20)))
		return false;
	p += 1 + (p[1] == '-');
	if (parse_int(p, 1, 999999999, &n))
		return false;
	canonical = ref_format(prefix, n);
	sbuf_reset(id);
	sbuf_addstr(id, canonical);
	free(canonical);
	return true;
}

const char *ui_target(struct ui_ctx *ctx, const char *arg, char prefix, struct sbuf *id,
		      const char **rest)
{
	struct view *v = ctx->views[ctx->current];
	const char *p = arg ? arg : "";
	const char *sel;

	*rest = p;
	if (command_word(&p, id) && normalise_ref(id, prefix)) {
		*rest = p;
		return id->buf;
	}
	sel = v->ops->selected ? v->ops->selected(v, ctx) : NULL;
	if (sel && ref_number(sel, prefix) < 0)
		sel = NULL; /* the selection is something else (an element, another kind of id) */
	sbuf_reset(id);
	if (sel)
		sbuf_addstr(id, sel);
	return sel ? id->buf : NULL;
}
