/*
 * The actions every screen accepts: switching screens, undo, capturing a threat on the current
 * cell, deciding cells, people and the speaker, the agenda, the parking lot, and editing a
 * threat or mitigation named by id (or selected on the current screen). No curses here.
 */
#include <stdlib.h>
#include <string.h>

#include "app_questionnaire.h"
#include "command.h"
#include "coverage.h"
#include "qlibrary.h"
#include "risk.h"
#include "util.h"
#include "view.h"
#include "xalloc.h"

#define HANDLED (VIEW_HANDLED | VIEW_REDRAW)

/* After a change to people, the parking lot, the notes or an answer (its message already
 * set): no element, threat, cell, vote or mitigation moved, so the walk keeps what it derived. */
static int done(struct ui_ctx *ctx)
{
	ui_other_changed(ctx);
	return HANDLED;
}

/* ---- screens ---- */

static int go_view(struct ui_ctx *ctx, const char *name)
{
	const struct view_ops *ops;

	if (str_empty(name))
		return ui_fail(ctx, "say which screen: overview, walk, questionnaire, board, "
				    "prioritise, backlog, session, review or help");
	ops = view_ops_named(name);
	if (!ops)
		return ui_fail(ctx,
			       "no screen '%s' (overview, walk, questionnaire, board, "
			       "prioritise, backlog, session, review, help)",
			       name);
	ui_switch(ctx, ops->id);
	return HANDLED;
}

static int cycle_view(struct ui_ctx *ctx, int delta)
{
	int n = VIEW_HELP; /* help is not in the cycle */
	int at = ctx->current == VIEW_HELP ? ctx->previous : ctx->current;

	ui_switch(ctx, (enum view_id)((at + delta + n) % n));
	return HANDLED;
}

static int undo(struct ui_ctx *ctx)
{
	struct sw_error err = SW_ERROR_INIT;
	char *summary = NULL;
	int rc = app_undo(ctx->app, &summary, &err);

	if (rc < 0)
		return ui_error(ctx, &err);
	ui_changed(ctx);
	if (rc == 1)
		ui_message(ctx, MSG_INFO, "nothing to undo");
	else
		ui_message(ctx, MSG_SAVED, "undone: %s", summary ? summary : "the last change");
	free(summary);
	return HANDLED;
}

static int toggle_present(struct ui_ctx *ctx)
{
	ctx->present = !ctx->present;
	if (ctx->present && ctx->current != VIEW_WALK && ctx->current != VIEW_QUESTIONNAIRE)
		ui_switch(ctx, VIEW_WALK);
	ui_message(ctx, MSG_INFO, "presentation mode %s", ctx->present ? "on (z to leave)" : "off");
	return HANDLED;
}

/* ---- the current cell ---- */

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
	return HANDLED;
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
	return HANDLED;
}

/* The next applicable letter of the current element after the current one, if any. */
static bool advance_letter(struct ui_ctx *ctx, const struct element *e)
{
	int l;

	for (l = (int)ctx->letter + 1; l < STRIDE_COUNT; l++) {
		if (element_letters(e) & STRIDE_BIT(l)) {
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
				 ctx->speaker ? ", raised by " : "",
				 ctx->speaker ? ctx->speaker : "");
	if (app_add_threat(ctx->app, e->id, ctx->letter, text, ctx->speaker, &id, &err))
		return ui_error(ctx, &err);
	ui_message(ctx, MSG_SAVED, "saved %s on %s, %c: %s", id, e->name, stride_char(ctx->letter),
		   text);
	ui_threat_changed(ctx, id);
	free(id);
	return HANDLED;
}

static int decide(struct ui_ctx *ctx, enum cell_state state, const char *reason)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct element *e = ui_element(ctx);
	enum stride_letter was = ctx->letter;
	char *name;

	if (!e)
		return ui_fail(ctx, "there is no element to walk yet");
	if (ui_cell_threat_count(ctx, e, ctx->letter) > 0)
		return ui_fail(ctx, "%c on %s already has threats: that cell is covered",
			       stride_char(ctx->letter), e->name);
	if (str_empty(reason))
		return ui_prompt(ctx, state == CELL_NONE ? ACT_NONE : ACT_NA, 0, NULL, "",
				 "%s %c %s on %s because",
				 state == CELL_NONE ? "Nothing found for" : "Not applicable:",
				 stride_char(ctx->letter), stride_name(ctx->letter), e->name);
	if (app_decide(ctx->app, e->id, ctx->letter, state, reason, &err))
		return ui_error(ctx, &err);
	name = xstrdup(e->name);
	ui_cell_changed(ctx, e->id);
	e = ui_element(ctx);
	ui_message(ctx, MSG_SAVED, "saved: %c on %s is %s%s", stride_char(was), name,
		   state == CELL_NONE ? "considered, nothing found" : "not applicable",
		   e && advance_letter(ctx, e) ? "; on to the next letter" : "");
	free(name);
	return HANDLED;
}

static int reopen(struct ui_ctx *ctx)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct element *e = ui_element(ctx);

	if (!e || !model_decision(ctx->app->model, e->id, ctx->letter))
		return ui_fail(ctx, "this cell has no none or n/a decision to reopen");
	if (app_decide(ctx->app, e->id, ctx->letter, CELL_PENDING, NULL, &err))
		return ui_error(ctx, &err);
	ui_cell_changed(ctx, e->id);
	ui_message(ctx, MSG_SAVED, "saved: %c on %s is pending again", stride_char(ctx->letter),
		   e->name);
	return HANDLED;
}

/* ---- people ---- */

static int add_participant(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf name = SBUF_INIT, role = SBUF_INIT;
	struct participant p;
	const char *rest = arg ? arg : "";
	int rc;

	if (!command_word(&rest, &name))
		return ui_prompt(ctx, ACT_PARTICIPANT, 0, NULL, "",
				 "Add a participant: name, then role (\"Ana María\" facilitator)");
	command_rest(rest, &role);
	p.name = name.buf;
	p.role = role.len ? role.buf : NULL;
	rc = app_put_participant(ctx->app, &p, &err);
	if (rc == 0 && !ctx->speaker)
		ctx->speaker = xstrdup(p.name);
	if (rc) {
		ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved participant %s%s%s", p.name,
			   role.len ? " as " : "", role.len ? role.buf : "");
		done(ctx);
	}
	sbuf_release(&name);
	sbuf_release(&role);
	return HANDLED;
}

static int next_speaker(struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	size_t i, at = m->nparticipants;

	if (m->nparticipants == 0)
		return ui_prompt(ctx, ACT_PARTICIPANT, 0, NULL, "",
				 "Nobody is listed yet. Add a participant: name, then role");
	for (i = 0; i < m->nparticipants; i++)
		if (str_eq(m->participants[i]->name, ctx->speaker))
			at = i;
	free(ctx->speaker);
	ctx->speaker = xstrdup(m->participants[(at + 1) % m->nparticipants]->name);
	ui_message(ctx, MSG_INFO, "speaker: %s", ctx->speaker);
	return HANDLED;
}

static int set_speaker(struct ui_ctx *ctx, const char *arg)
{
	struct sbuf name = SBUF_INIT;

	if (str_empty(arg))
		return next_speaker(ctx);
	command_rest(arg, &name);
	if (!model_participant(ctx->app->model, name.buf)) {
		int flags = add_participant(ctx, arg);
		if (!model_participant(ctx->app->model, name.buf)) {
			sbuf_release(&name);
			return flags;
		}
	}
	free(ctx->speaker);
	ctx->speaker = sbuf_detach(&name);
	ui_message(ctx, MSG_INFO, "speaker: %s", ctx->speaker);
	return HANDLED;
}

/* ---- the agenda and the parking lot ---- */

static int ensure_session(struct ui_ctx *ctx, struct sw_error *err)
{
	if (ui_session(ctx))
		return 0;
	return app_start_session(ctx->app, ctx->review ? "review" : "workshop", ctx->app->who, NULL,
				 err);
}

static int start_phase(struct ui_ctx *ctx, const char *name)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct phase *p;

	if (ensure_session(ctx, &err) || app_set_phase(ctx->app, name, &err)) {
		ui_other_changed(ctx); /* a session may have started */
		return ui_error(ctx, &err);
	}
	ui_other_changed(ctx);
	p = ui_phase(ctx);
	ui_message(ctx, MSG_SAVED, "phase %s started: %d minutes", name, p ? p->timebox_min : 0);
	return HANDLED;
}

/* `name` may belong to the session the change replaces: keep a copy. */
static int set_phase(struct ui_ctx *ctx, const char *name)
{
	char *copy;
	int flags;

	if (str_empty(name))
		return ui_prompt(ctx, ACT_PHASE, 0, NULL, "",
				 "Start which phase (context, walk, prioritise, wrap-up)");
	copy = xstrdup(name);
	flags = start_phase(ctx, copy);
	free(copy);
	return flags;
}

static int next_phase(struct ui_ctx *ctx)
{
	const struct session *s = ui_session(ctx);
	const struct phase *cur = ui_phase(ctx);
	size_t i, next = 0;

	if (s && cur) {
		for (i = 0; i < s->nphases; i++)
			if (&s->phases[i] == cur)
				next = i + 1;
		if (next >= s->nphases)
			return ui_fail(ctx, "%s is the last phase (:phase NAME goes back to one)",
				       cur->name);
		return set_phase(ctx, s->phases[next].name);
	}
	if (s && s->nphases > 0) {
		for (i = 0; i < s->nphases && s->phases[i].started; i++)
			;
		return set_phase(ctx, s->phases[i < s->nphases ? i : 0].name);
	}
	return set_phase(ctx, "context");
}

static int park(struct ui_ctx *ctx, const char *text)
{
	struct sw_error err = SW_ERROR_INIT;
	struct open_item item;
	char *id;
	int flags;

	if (str_empty(text))
		return ui_prompt(ctx, ACT_PARK, 0, NULL, "", "Park a topic for later");
	memset(&item, 0, sizeof(item));
	id = model_next_ref(ctx->app->model, 'P');
	item.id = id;
	item.kind = ITEM_PARKING;
	item.text = (char *)text;
	item.owner = ctx->speaker;
	item.element = ctx->element;
	if (app_put_item(ctx->app, &item, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "parked %s: %s", id, text);
		flags = done(ctx);
	}
	free(id);
	return flags;
}

static int add_note(struct ui_ctx *ctx, const char *text)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct session *s;
	struct sbuf notes = SBUF_INIT;
	int rc;

	if (str_empty(text))
		return ui_prompt(ctx, ACT_NOTE, 0, NULL, "", "Add to the session notes");
	if (ensure_session(ctx, &err))
		return ui_error(ctx, &err);
	s = ui_session(ctx);
	if (!str_empty(s->notes))
		sbuf_addf(&notes, "%s\n", s->notes);
	sbuf_addstr(&notes, text);
	rc = app_set_session_notes(ctx->app, notes.buf, &err);
	sbuf_release(&notes);
	if (rc)
		return ui_error(ctx, &err);
	ui_message(ctx, MSG_SAVED, "noted: %s", text);
	return done(ctx);
}

/* ---- answering by command ---- */

static int answer(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf path = SBUF_INIT, input = SBUF_INIT;
	const struct element *e = ui_element(ctx);
	const struct questionnaire *qn = NULL;
	const struct question *q = NULL;
	const char *rest = arg ? arg : "";
	char *slash, *value = NULL;
	int flags;

	if (command_word(&rest, &path) && (slash = strchr(path.buf, '/'))) {
		*slash = '\0';
		qn = ui_qlib(ctx) ? qlibrary_questionnaire(ui_qlib(ctx), path.buf) : NULL;
		q = qn ? questionnaire_find_question(qn, slash + 1) : NULL;
		*slash = '/';
	}
	command_rest(rest, &input);
	if (!e) {
		flags = ui_fail(ctx, "there is no element to answer for");
	} else if (!q) {
		flags = ui_fail(ctx, "no question '%s' (write QUESTIONNAIRE/QUESTION VALUE)",
				sbuf_str(&path));
	} else if (app_answer_value(q, sbuf_str(&input), &value, &err) ||
		   app_answer_question(ctx->app, ui_qlib(ctx), e->id, qn->id, q->id, value, NULL,
				       &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved answer %s = %s", path.buf, value);
		flags = done(ctx);
	}
	free(value);
	sbuf_release(&path);
	sbuf_release(&input);
	return flags;
}

int view_actions_handle(struct ui_ctx *ctx, const struct request *req)
{
	const char *arg = req->arg;

	switch (req->action) {
	case ACT_HELP:
		ui_switch(ctx, VIEW_HELP);
		return HANDLED;
	case ACT_QUIT:
		ctx->quit = true;
		return VIEW_HANDLED | VIEW_QUIT;
	case ACT_COMMAND:
		if (str_empty(arg))
			return ui_prompt(ctx, ACT_COMMAND, 0, NULL, "", ":");
		return view_command(ctx, arg);
	case ACT_UNDO:
		return undo(ctx);
	case ACT_REDRAW:
		return HANDLED;
	case ACT_SAVE_SCREEN:
		return ui_prompt(ctx, ACT_SAVE_SCREEN, 0, NULL, "screen.txt",
				 "Save the screen as text to the file");
	case ACT_VIEW:
		return go_view(ctx, arg);
	case ACT_NEXT_VIEW:
		return cycle_view(ctx, 1);
	case ACT_PREV_VIEW:
		return cycle_view(ctx, -1);
	case ACT_OVERVIEW:
		ui_switch(ctx, VIEW_OVERVIEW);
		return HANDLED;
	case ACT_WALK:
		ui_switch(ctx, VIEW_WALK);
		return HANDLED;
	case ACT_QUESTIONNAIRE:
		ui_switch(ctx, VIEW_QUESTIONNAIRE);
		return HANDLED;
	case ACT_BOARD:
		ui_switch(ctx, VIEW_BOARD);
		return HANDLED;
	case ACT_PRIORITISE:
		ui_switch(ctx, VIEW_PRIORITISE);
		return HANDLED;
	case ACT_BACKLOG:
		ui_switch(ctx, VIEW_BACKLOG);
		return HANDLED;
	case ACT_SESSION:
		ui_switch(ctx, VIEW_SESSION);
		return HANDLED;
	case ACT_REVIEW:
		ui_switch(ctx, VIEW_REVIEW);
		return HANDLED;
	case ACT_BACK:
		ui_switch(ctx, ctx->previous);
		return HANDLED;
	case ACT_PRESENT:
		return toggle_present(ctx);
	case ACT_NEXT_ELEMENT:
		ui_step_element(ctx, 1);
		return HANDLED;
	case ACT_PREV_ELEMENT:
		ui_step_element(ctx, -1);
		return HANDLED;
	case ACT_GOTO:
		return goto_element(ctx, arg);
	case ACT_LETTER:
		return set_letter(ctx, arg);
	case ACT_THREAT:
		return capture(ctx, arg);
	case ACT_NONE:
		return decide(ctx, CELL_NONE, arg);
	case ACT_NA:
		return decide(ctx, CELL_NA, arg);
	case ACT_REOPEN:
		return reopen(ctx);
	case ACT_SPEAKER:
		return set_speaker(ctx, arg);
	case ACT_PARTICIPANT:
		return add_participant(ctx, arg);
	case ACT_PARK:
		return park(ctx, arg);
	case ACT_NOTE:
		return add_note(ctx, arg);
	case ACT_PHASE:
		return set_phase(ctx, arg);
	case ACT_NEXT_PHASE:
		return next_phase(ctx);
	case ACT_ANSWER:
		return answer(ctx, arg);
	default:
		break;
	}
	return view_records_handle(ctx, req);
}
