/*
 * The current element, letter and cell, from any screen: stepping and jumping, capturing a
 * threat on the cell, deciding it (none, n/a) or reopening it. No curses here.
 */
#include <stdlib.h>

#include "act.h"
#include "coverage.h"
#include "risk.h"
#include "util.h"
#include "xalloc.h"

static int goto_element(struct ui_ctx *ctx, const char *id)
{
	const struct element *e;

	if (str_empty(id))
		return ui_prompt(ctx, ACT_GOTO, 0, NULL, "", "Walk which element (its id)");
	e = model_element(ctx->app->model, id);
	if (!e)
		return ui_fail(ctx, "no element '%s'", id);
	if (!element_letters(e))
		return ui_fail(ctx, "'%s' is a %s: it has no STRIDE letters to walk", id,
			       e->out_of_scope ? "element out of scope"
					       : element_kind_label(e->kind));
	ui_set_element(ctx, id);
	if (ctx->current != VIEW_QUESTIONNAIRE)
		ui_switch(ctx, VIEW_WALK);
	return VIEW_DONE;
}

static int set_letter(struct ui_ctx *ctx, const char *arg)
{
	const struct element *e = ui_element(ctx);
	enum stride_letter l;

	if (str_empty(arg) || stride_parse(arg, &l))
		return ui_fail(ctx, "say which letter: S, T, R, I, D or E");
	if (!e || !(element_letters(e) & STRIDE_BIT(l)))
		return ui_fail(ctx, "%c does not apply to %s", stride_char(l),
			       e ? e->name : "the current element");
	ctx->letter = l;
	return VIEW_DONE;
}

/* The next pending letter of the current element after the current one, if any. */
static bool advance_letter(struct ui_ctx *ctx, const struct element *e)
{
	const struct element_coverage *c = model_index_coverage(ui_index(ctx), e->id);
	int l;

	/* a letter decided earlier is passed by: the walk goes where the room has not been */
	for (l = (int)ctx->letter + 1; l < STRIDE_COUNT; l++) {
		if ((element_letters(e) & STRIDE_BIT(l)) && c &&
		    coverage_cell(c, (enum stride_letter)l) == CELL_PENDING) {
			ctx->letter = (enum stride_letter)l;
			return true;
		}
	}
	return false;
}

static int capture(struct ui_ctx *ctx, const char *text)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct element *e = ui_element(ctx);
	char *id = NULL;

	if (!e)
		return ui_fail(ctx, "there is no element to put a threat on: add one on the "
				    "overview (O, then a)");
	if (str_empty(text))
		return ui_prompt(ctx, ACT_THREAT, 0, NULL, "", "New threat on %s, %c %s%s%s",
				 e->name, stride_char(ctx->letter), stride_name(ctx->letter),
				 ctx->app->speaker ? ", raised by " : "",
				 ctx->app->speaker ? ctx->app->speaker : "");
	if (app_add_threat(ctx->app, e->id, ctx->letter, text, ctx->app->speaker, &id, &err))
		return ui_error(ctx, &err);
	/* the key hints say the next two digits rate it */
	/* the header names the element and letter; the title says which threat was saved */
	ui_message(ctx, MSG_SAVED, "saved %s: %s", id, text);
	free(ctx->rating.threat);
	ctx->rating.threat = id; /* the digits that follow rate it */
	ctx->rating.likelihood = 0;
	return VIEW_DONE;
}

/*
 * A digit right after a capture: the likelihood, then the impact. Each is saved as it is typed,
 * so a likelihood given on its own is never lost when the next key is something else.
 */
static int rate_captured(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct threat *t =
	    ctx->rating.threat ? model_threat(ctx->app->model, ctx->rating.threat) : NULL;
	struct threat *copy;
	bool first;
	long v;

	if (!t)
		return ui_fail(ctx, "digits rate a threat right after it is captured (t first)");
	if (str_empty(arg) || parse_int(arg, 1, 5, &v))
		return ui_fail(ctx, "ratings go from 1 to 5");
	first = !ctx->rating.likelihood;
	copy = threat_dup(t);
	if (first)
		copy->likelihood = (int)v;
	else
		copy->impact = (int)v;
	/* a value it has already is no change, and no undo step that does nothing */
	if ((first ? t->likelihood : t->impact) != (int)v && app_put_threat(ctx->app, copy, &err)) {
		ui_error(ctx, &err);
		ui_rating_clear(ctx);
	} else if (first) {
		ctx->rating.likelihood = (int)v;
		ui_message(ctx, MSG_SAVED, "saved %s: likelihood %ld; now the impact (1-5)",
			   copy->id, v);
	} else {
		int risk = threat_risk(copy);
		ui_message(ctx, MSG_SAVED, "saved %s: likelihood %d x impact %d = %d, %s", copy->id,
			   copy->likelihood, copy->impact, risk,
			   risk_band_name(risk_band_of(risk)));
		ui_rating_clear(ctx);
	}
	threat_free(copy);
	return VIEW_DONE;
}

/*
 * After a cell is closed the walk moves on, the next letter, else the next pending cell, and
 * says where it is now, short enough for the message line: "; now on T" or "; now on S of
 * Employee" ("Next" read as where Space would go, and Space then skipped it).
 */
static void move_on(struct ui_ctx *ctx, struct sbuf *out)
{
	const struct element *e = ui_element(ctx);
	const char *was = e ? e->id : NULL;

	if (e && advance_letter(ctx, e)) {
		sbuf_addf(out, "; now on %c", stride_char(ctx->letter));
		return;
	}
	if (!ui_next_pending(ctx)) {
		sbuf_addstr(out, "; every cell is decided");
		return;
	}
	e = ui_element(ctx);
	if (e && str_eq(e->id, was))
		sbuf_addf(out, "; now on %c", stride_char(ctx->letter));
	else if (e)
		sbuf_addf(out, "; now on %c of %s", stride_char(ctx->letter), e->name);
}

/* The message after a decision: "saved: nothing found for S on Get payslip; now on T". */
static void say_decided(struct ui_ctx *ctx, const char *what, const struct element *e)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "saved: %s for %c on %s", what, stride_char(ctx->letter), e->name);
	move_on(ctx, &sb);
	ui_message(ctx, MSG_SAVED, "%s", sb.buf);
	sbuf_release(&sb);
}

/*
 * n or x on a cell that has threats: nothing else was found. It is closed as done (with the
 * note given, if any) and the walk moves on, as after "nothing found" on an empty cell.
 */
static int close_cell(struct ui_ctx *ctx, const struct element *e, int threats,
		      const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;

	if (req->step == 0 && str_empty(req->arg))
		return ui_prompt(
		    ctx, req->action, 1, NULL, "",
		    "Nothing else for %c %s on %s (%d threat%s)? Enter closes the cell; "
		    "a note is optional",
		    stride_char(ctx->letter), stride_name(ctx->letter), e->name, threats,
		    threats == 1 ? "" : "s");
	if (app_decide(ctx->app, e->id, ctx->letter, CELL_NONE,
		       str_empty(req->arg) ? "nothing else found" : req->arg, &err))
		return ui_error(ctx, &err);
	say_decided(ctx, "nothing else", e);
	return VIEW_DONE;
}

static int decide(struct ui_ctx *ctx, enum cell_state state, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct element *e = ui_element(ctx);
	const char *reason = req->arg;
	int threats;

	if (!e)
		return ui_fail(ctx, "there is no element to walk yet");
	threats = model_index_cell_threats(ui_index(ctx), ctx->app->model, e->id, ctx->letter);
	if (threats > 0)
		return close_cell(ctx, e, threats, req);
	/* Enter on an empty reason says so: a silent prompt takes the next command as the reason */
	if (str_empty(reason))
		return ui_prompt(ctx, state == CELL_NONE ? ACT_NONE : ACT_NA, 1, NULL, "",
				 "%s%s %c %s on %s because",
				 req->step == 1 ? "A reason is needed (Esc cancels). " : "",
				 state == CELL_NONE ? "Nothing found for" : "Not applicable:",
				 stride_char(ctx->letter), stride_name(ctx->letter), e->name);
	if (app_decide(ctx->app, e->id, ctx->letter, state, reason, &err))
		return ui_error(ctx, &err);
	say_decided(ctx, state == CELL_NONE ? "nothing found" : "not applicable", e);
	return VIEW_DONE;
}

static int reopen(struct ui_ctx *ctx)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct element *e = ui_element(ctx);

	if (!e || !model_decision(ctx->app->model, e->id, ctx->letter))
		return ui_fail(ctx, "this cell has no none or n/a decision to reopen");
	if (app_decide(ctx->app, e->id, ctx->letter, CELL_PENDING, NULL, &err))
		return ui_error(ctx, &err);
	ui_message(ctx, MSG_SAVED, "saved: %c on %s is pending again", stride_char(ctx->letter),
		   e->name);
	return VIEW_DONE;
}

int act_walk_next_element(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	ui_step_element(ctx, 1);
	return VIEW_DONE;
}

int act_walk_prev_element(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	ui_step_element(ctx, -1);
	return VIEW_DONE;
}

int act_walk_goto(struct ui_ctx *ctx, const struct request *req)
{
	return goto_element(ctx, req->arg);
}

int act_walk_letter(struct ui_ctx *ctx, const struct request *req)
{
	return set_letter(ctx, req->arg);
}

int act_walk_capture(struct ui_ctx *ctx, const struct request *req)
{
	return capture(ctx, req->arg);
}

int act_walk_rate_captured(struct ui_ctx *ctx, const struct request *req)
{
	return rate_captured(ctx, req->arg);
}

int act_walk_none(struct ui_ctx *ctx, const struct request *req)
{
	return decide(ctx, CELL_NONE, req);
}

int act_walk_na(struct ui_ctx *ctx, const struct request *req)
{
	return decide(ctx, CELL_NA, req);
}

int act_walk_reopen(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	return reopen(ctx);
}
