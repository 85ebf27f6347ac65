/*
 * The session, from any screen: the agenda (the first phase starts a session; the last one
 * offers to end it), starting and ending sessions, timeboxes, the parking lot and the notes.
 * People are act_people.c's. No curses here.
 */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "clock.h"
#include "command.h"
#include "util.h"
#include "xalloc.h"

static const char *mode_of(const struct ui_ctx *ctx)
{
	return ctx->review ? "review" : "workshop";
}

/* ---- starting and ending ---- */

/*
 * A new session needs to know whether the last one's people come along: asked once, in words,
 * when there was a last one (`answer` NULL), else started at once. Then `then` (a phase to
 * start, or NULL) runs.
 */
static int start_session(struct ui_ctx *ctx, const char *answer, const char *then)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct model *m = ctx->app->model;
	const struct session *last = m->nsessions ? m->sessions[m->nsessions - 1] : NULL;
	bool carry = true;
	long number;

	if (ui_session(ctx))
		return ui_fail(ctx, "session %ld is still running (:end-session ends it)",
			       ui_session(ctx)->number);
	if (last && last->people.count && str_empty(answer))
		return ui_prompt(ctx, ACT_START_SESSION, 1, then, "yes",
				 "Start session %ld with the %zu people of session %ld? Type yes, "
				 "or no to start with nobody",
				 last->number + 1, last->people.count, last->number);
	if (!str_empty(answer) && !str_eq(answer, "yes") && !str_eq(answer, "no"))
		return ui_fail(ctx, "answer yes (the same people) or no (nobody yet)");
	carry = !str_eq(answer, "no");
	if (app_start_session(ctx->app, mode_of(ctx), carry, &number, &err))
		return ui_error(ctx, &err);
	if (then && app_set_phase(ctx->app, then, mode_of(ctx), &err))
		return ui_error(ctx, &err);
	ui_message(ctx, MSG_SAVED, "session %ld started%s%s%s", number,
		   carry && ui_session(ctx)->people.count ? " with the same people" : "",
		   then ? ": phase " : "", then ? then : "");
	return VIEW_DONE;
}

static int count_session_threats(const struct model *m, const struct session *s)
{
	int n = 0;
	size_t i;

	for (i = 0; i < m->nthreats; i++)
		n += m->threats[i]->raised_at && s->started &&
		     strcmp(m->threats[i]->raised_at, s->started) >= 0;
	return n;
}

static int count_session_answers(const struct model *m, const struct session *s)
{
	int n = 0;
	size_t i;

	for (i = 0; i < m->nanswers; i++)
		n += m->answers[i]->session == s->number;
	return n;
}

/* "58 minutes: 12 threats raised, 9 questions answered, coverage 64%, 2 topics parked". */
static void session_summary(struct ui_ctx *ctx, const struct session *s, struct sbuf *out)
{
	const struct model *m = ctx->app->model;
	time_t from = 0, to = clock_now();
	int threats = count_session_threats(m, s), answers = count_session_answers(m, s),
	    parked = 0, resolved = 0;
	long minutes;
	size_t i;

	iso_time_parse(s->started, &from);
	if (s->ended)
		iso_time_parse(s->ended, &to);
	for (i = 0; i < m->nitems; i++)
		if (m->items[i]->kind == ITEM_PARKING) {
			parked++;
			resolved += m->items[i]->closed;
		}
	minutes = (long)(to - from + 30) / 60; /* rounded, as the report rounds it */
	sbuf_addf(out,
		  "%ld minute%s: %d threat%s raised, %d question%s answered, coverage %d%%, "
		  "%d topic%s parked",
		  minutes, minutes == 1 ? "" : "s", threats, threats == 1 ? "" : "s", answers,
		  answers == 1 ? "" : "s", coverage_percent(&ui_index(ctx)->totals), parked,
		  parked == 1 ? "" : "s");
	if (resolved)
		sbuf_addf(out, " (%d resolved)", resolved);
}

/* Ending a session is asked, never one stray key: it says what the session produced. */
static int ask_to_end(struct ui_ctx *ctx, const char *why)
{
	const struct session *s = ui_session(ctx);
	struct sbuf summary = SBUF_INIT;
	int flags;

	session_summary(ctx, s, &summary);
	flags =
	    ui_prompt(ctx, ACT_END_SESSION, 1, NULL, "",
		      "%sEnd session %ld (%s)? Type yes to end it", why, s->number, summary.buf);
	sbuf_release(&summary);
	return flags;
}

static int end_session(struct ui_ctx *ctx, int step, const char *answer)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct session *s = ui_session(ctx);
	struct sbuf summary = SBUF_INIT;
	long number;

	if (!s)
		return ui_fail(ctx, "no session is running (> or :start-session starts one)");
	if (step == 0 && !str_eq(answer, "yes")) /* `:end-session yes` needs no question */
		return ask_to_end(ctx, "");
	if (step == 1 && !str_eq(answer, "yes")) {
		ui_message(ctx, MSG_INFO, "session %ld goes on", s->number);
		return VIEW_DONE;
	}
	number = s->number;
	if (app_end_session(ctx->app, &err))
		return ui_error(ctx, &err);
	session_summary(ctx, model_session(ctx->app->model, number), &summary);
	ui_message(ctx, MSG_SAVED, "session %ld ended after %s (> starts the next)", number,
		   summary.buf);
	sbuf_release(&summary);
	return VIEW_DONE;
}

/* At the end of the agenda, `>` offers to end the session, saying what it produced. */
static int offer_end(struct ui_ctx *ctx)
{
	return ask_to_end(ctx, "Wrap-up is the last phase. ");
}

/* ---- the agenda ---- */

static int start_phase(struct ui_ctx *ctx, const char *name)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct phase *p;

	if (!ui_session(ctx) && ctx->app->model->nsessions)
		return start_session(ctx, NULL, name); /* asks about the people first */
	if (app_set_phase(ctx->app, name, mode_of(ctx), &err))
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
			return offer_end(ctx);
		return set_phase(ctx, s->phases[next].name);
	}
	if (s && s->nphases > 0) {
		for (i = 0; i < s->nphases && s->phases[i].started; i++)
			;
		if (i == s->nphases)
			return offer_end(ctx);
		return set_phase(ctx, s->phases[i].name);
	}
	return set_phase(ctx, "context");
}

static int set_timebox(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf phase = SBUF_INIT, minutes = SBUF_INIT;
	const char *p = arg ? arg : "";
	long n = 0;

	if (!command_word(&p, &phase) || !command_word(&p, &minutes) ||
	    parse_int(minutes.buf, 1, 600, &n)) {
		sbuf_release(&phase);
		sbuf_release(&minutes);
		return ui_fail(ctx,
			       "write :timebox PHASE MINUTES (1 to 600), say :timebox walk 40");
	}
	if (app_set_timebox(ctx->app, phase.buf, (int)n, &err))
		ui_error(ctx, &err);
	else
		ui_message(ctx, MSG_SAVED, "saved: %s has %ld minutes", phase.buf, n);
	sbuf_release(&phase);
	sbuf_release(&minutes);
	return VIEW_DONE;
}

/* ---- the parking lot and the notes ---- */

/* A topic parked from the walk or the questions is about the element on screen, and says so;
 * from anywhere else it is about the system. */
static int park(struct ui_ctx *ctx, const char *text)
{
	struct sw_error err = SW_ERROR_INIT;
	bool here = ctx->current == VIEW_WALK || ctx->current == VIEW_QUESTIONNAIRE;
	const struct element *e = here ? ui_element(ctx) : NULL;
	struct open_item item;
	char *id;
	int flags;

	if (str_empty(text))
		return ui_prompt(ctx, ACT_PARK, 0, NULL, "", "Park a topic for later%s%s",
				 e ? " (about " : "", e ? e->name : "");
	memset(&item, 0, sizeof(item));
	id = model_next_ref(ctx->app->model, 'P');
	item.id = id;
	item.kind = ITEM_PARKING;
	item.text = (char *)text;
	item.owner = (char *)app_credit(ctx->app);
	item.element = e ? e->id : NULL;
	if (app_put_item(ctx->app, &item, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "parked %s%s%s: %s (the Session screen lists it)", id,
			   e ? " about " : "", e ? e->name : "", text);
		flags = VIEW_DONE;
	}
	free(id);
	return flags;
}

/* Settles a parking-lot item: with a note it is resolved, with none just closed. */
int act_session_settle(struct ui_ctx *ctx, const char *id, const char *note)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct open_item *it = NULL;
	struct open_item *copy;
	size_t i;

	for (i = 0; i < ctx->app->model->nitems; i++)
		if (str_eq(ctx->app->model->items[i]->id, id))
			it = ctx->app->model->items[i];
	if (!it)
		return ui_fail(ctx, "no parking-lot item '%s'", id);
	copy = open_item_dup(it);
	copy->closed = true;
	free(copy->resolution);
	copy->resolution = str_empty(note) ? NULL : xstrdup(note);
	if (app_put_item(ctx->app, copy, &err))
		ui_error(ctx, &err);
	else
		ui_message(ctx, MSG_SAVED, "%s %s%s%s (U undoes it)",
			   copy->resolution ? "resolved" : "closed", copy->id,
			   copy->resolution ? ": " : "", copy->resolution ? copy->resolution : "");
	open_item_free(copy);
	return VIEW_DONE;
}

static int resolve(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf id = SBUF_INIT, note = SBUF_INIT;
	const char *rest;
	const char *which = ui_target(ctx, req->subject ? req->subject : req->arg, 'P', &id, &rest);
	int flags;

	if (req->subject)
		rest = req->arg ? req->arg : "";
	if (!which) {
		sbuf_release(&id);
		return ui_fail(ctx, "say which item (P-0001), or select one on the Session screen");
	}
	command_rest(rest, &note);
	if (note.len == 0 && req->step == 0)
		flags = ui_prompt(ctx, ACT_RESOLVE, 1, which, "",
				  "How was %s settled? (Enter with nothing just closes it)", which);
	else
		flags = act_session_settle(ctx, which, note.buf);
	sbuf_release(&id);
	sbuf_release(&note);
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
	if (!(s = ui_session(ctx)) && app_start_session(ctx->app, mode_of(ctx), true, NULL, &err))
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

/* ---- the handlers ---- */

int act_session_park(struct ui_ctx *ctx, const struct request *req)
{
	return park(ctx, req->arg);
}

int act_session_resolve(struct ui_ctx *ctx, const struct request *req)
{
	return resolve(ctx, req);
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

int act_session_start(struct ui_ctx *ctx, const struct request *req)
{
	return start_session(ctx, req->arg, req->step == 1 ? req->subject : NULL);
}

int act_session_end(struct ui_ctx *ctx, const struct request *req)
{
	return end_session(ctx, req->step, req->arg);
}

int act_session_timebox(struct ui_ctx *ctx, const struct request *req)
{
	return set_timebox(ctx, req->arg);
}
