/*
 * People and the agenda, from any screen: participants and who speaks, agenda phases (the first
 * starts the session), the parking lot and the session notes. No curses here.
 */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "command.h"
#include "util.h"
#include "xalloc.h"

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
	if (rc == 0 && !ctx->app->speaker)
		app_set_speaker(ctx->app, p.name);
	if (rc) {
		ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved participant %s%s%s", p.name,
			   role.len ? " as " : "", role.len ? role.buf : "");
	}
	sbuf_release(&name);
	sbuf_release(&role);
	return VIEW_DONE;
}

static int next_speaker(struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	size_t i, at = m->nparticipants;

	if (m->nparticipants == 0)
		return ui_prompt(ctx, ACT_PARTICIPANT, 0, NULL, "",
				 "Nobody is listed yet. Add a participant: name, then role");
	for (i = 0; i < m->nparticipants; i++)
		if (str_eq(m->participants[i]->name, ctx->app->speaker))
			at = i;
	app_set_speaker(ctx->app, m->participants[(at + 1) % m->nparticipants]->name);
	ui_message(ctx, MSG_INFO, "speaker: %s", ctx->app->speaker);
	return VIEW_DONE;
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
	app_set_speaker(ctx->app, name.buf);
	sbuf_release(&name);
	ui_message(ctx, MSG_INFO, "speaker: %s", ctx->app->speaker);
	return VIEW_DONE;
}

static int start_phase(struct ui_ctx *ctx, const char *name)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct phase *p;

	if (app_set_phase(ctx->app, name, ctx->review ? "review" : "workshop", ctx->app->who, &err))
		return ui_error(ctx, &err);
	p = ui_phase(ctx);
	ui_message(ctx, MSG_SAVED, "phase %s started: %d minutes", name, p ? p->timebox_min : 0);
	return VIEW_DONE;
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
	item.owner = ctx->app->speaker;
	item.element = ctx->element;
	if (app_put_item(ctx->app, &item, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "parked %s: %s", id, text);
		flags = VIEW_DONE;
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
	if (!(s = ui_session(ctx)) &&
	    app_start_session(ctx->app, ctx->review ? "review" : "workshop", ctx->app->who, NULL,
			      &err))
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
	return VIEW_DONE;
}

int act_session_speaker(struct ui_ctx *ctx, const struct request *req)
{
	return set_speaker(ctx, req->arg);
}

int act_session_participant(struct ui_ctx *ctx, const struct request *req)
{
	return add_participant(ctx, req->arg);
}

int act_session_park(struct ui_ctx *ctx, const struct request *req)
{
	return park(ctx, req->arg);
}

int act_session_note(struct ui_ctx *ctx, const struct request *req)
{
	return add_note(ctx, req->arg);
}

int act_session_phase(struct ui_ctx *ctx, const struct request *req)
{
	return set_phase(ctx, req->arg);
}

int act_session_next_phase(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	return next_phase(ctx);
}
