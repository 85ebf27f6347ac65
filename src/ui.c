/*
 * What every screen shares (ui.h): the context, switching screens, the message line, prompt
 * requests, and the current element and letter. No curses here.
 */
#include "ui.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "coverage.h"
#include "qlibrary.h"
#include "threat.h"
#include "util.h"
#include "xalloc.h"

struct ui_ctx *ui_ctx_new(struct app *app, const struct qlibrary *qlib, bool review)
{
	struct ui_ctx *ctx = xcalloc(1, sizeof(*ctx));
	bool walking;
	int i;

	ctx->app = app;
	ctx->qlib = qlib;
	ctx->review = review;
	ctx->page = 10;
	sbuf_init(&ctx->message);
	sbuf_init(&ctx->prompt.label);
	sbuf_init(&ctx->prompt.initial);
	for (i = 0; i < VIEW_COUNT; i++) {
		const struct view_info *info = view_info((enum view_id)i);
		ctx->views[i] = info->ops->create();
		ctx->views[i]->ops = info->ops;
		ctx->views[i]->id = info->id;
	}
	/* a session under way opens where its walk was, so the room picks up at that cell */
	walking = ui_resume_place(ctx);
	ctx->current = ctx->previous = VIEW_OVERVIEW;
	ui_switch(ctx, review ? VIEW_REVIEW : walking ? VIEW_WALK : VIEW_OVERVIEW);
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
	qlibrary_free(ctx->own_qlib);
	free(ctx->element);
	free(ctx->rating.threat);
	free(ctx->answered.element);
	free(ctx->answered.questionnaire);
	free(ctx->answered.question);
	free(ctx->prompt.subject);
	strlist_clear(&ctx->prompt.completions);
	sbuf_release(&ctx->prompt.label);
	sbuf_release(&ctx->prompt.initial);
	sbuf_release(&ctx->message);
	free(ctx);
}

const struct model_index *ui_index(const struct ui_ctx *ctx)
{
	return &ctx->app->index;
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

const char *ui_selected(struct ui_ctx *ctx)
{
	struct view *v = ctx->views[ctx->current];

	return v->ops->selected ? v->ops->selected(v, ctx) : NULL;
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
		const struct model_index *ix = ui_index(ctx);
		e = ix->norder ? ix->order[0] : NULL;
	}
	ctx->element = e ? xstrdup(e->id) : NULL;
	free(old);
	if (e)
		ctx->letter = letter_from(element_letters(e), ctx->letter);
}

bool ui_resume_place(struct ui_ctx *ctx)
{
	const char *element;
	enum stride_letter letter;
	const struct element *e;

	ui_set_element(ctx, NULL);
	if (!app_kept_place(ctx->app, &element, &letter))
		return false;
	ui_set_element(ctx, element);
	e = ui_element(ctx);
	if (!e || !str_eq(e->id, element))
		return false;
	if (element_letters(e) & STRIDE_BIT(letter))
		ctx->letter = letter;
	return true;
}

const struct element *ui_element(struct ui_ctx *ctx)
{
	const struct element *e =
	    ctx->element ? model_element(ctx->app->model, ctx->element) : NULL;

	if (!e || !element_letters(e)) { /* deleted, undone, or never set: the first to walk */
		ui_set_element(ctx, NULL);
		e = ctx->element ? model_element(ctx->app->model, ctx->element) : NULL;
	}
	return e;
}

void ui_step_element(struct ui_ctx *ctx, int delta)
{
	const struct model_index *ix = ui_index(ctx);
	size_t n = ix->norder, at = model_index_walk_position(ix, ctx->element);
	const struct element **order = ix->order;

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

static bool fresh_from_import(const struct element *e)
{
	return e->origin && (e->origin->state == IMPORT_NEW || e->origin->state == IMPORT_CHANGED);
}

/* The next pending cell after the current one in walk order, among fresh elements only if asked. */
static bool next_pending_among(struct ui_ctx *ctx, bool fresh_only)
{
	const struct model_index *ix = ui_index(ctx);
	const struct element_coverage *cov = ix->cov;
	size_t n = ix->norder, i, j, at = model_index_walk_position(ix, ctx->element);
	const struct element **order = ix->order;

	if (at == n)
		at = 0;
	for (i = 0; i <= n && n > 0; i++) {
		const struct element *e = order[(at + i) % n];
		size_t k =
		    ix->order_element[(at + i) % n]; /* no lookup: this visits every element */
		if (fresh_only && !fresh_from_import(e))
			continue;
		for (j = 0; j < STRIDE_COUNT; j++) {
			if (i == 0 && (int)j <= (int)ctx->letter)
				continue; /* the current element: only letters after the current one */
			if ((cov[k].applicable & STRIDE_BIT(j)) &&
			    coverage_cell(&cov[k], (enum stride_letter)j) == CELL_PENDING) {
				ui_set_element(ctx, e->id);
				ctx->letter = (enum stride_letter)j;
				return true;
			}
		}
	}
	return false;
}

/* What the last import added or changed comes first: that is what the team has not seen. */
bool ui_next_pending(struct ui_ctx *ctx)
{
	return next_pending_among(ctx, true) || next_pending_among(ctx, false);
}

void ui_rating_clear(struct ui_ctx *ctx)
{
	free(ctx->rating.threat);
	ctx->rating.threat = NULL;
	ctx->rating.likelihood = 0;
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
	const char *p = arg ? arg : "";
	const char *sel;

	*rest = p;
	if (command_word(&p, id) && normalise_ref(id, prefix)) {
		*rest = p;
		return id->buf;
	}
	sel = ui_selected(ctx);
	if (sel && ref_number(sel, prefix) < 0)
		sel = NULL; /* the selection is something else (an element, another kind of id) */
	sbuf_reset(id);
	if (sel)
		sbuf_addstr(id, sel);
	return sel ? id->buf : NULL;
}
