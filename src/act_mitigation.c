/*
 * A mitigation from any screen, named by id or selected: its status, owner, ticket and due
 * date. No curses here.
 */
#include <stdlib.h>

#include "act.h"
#include "command.h"
#include "util.h"
#include "xalloc.h"

static struct mitigation *target_mitigation(struct ui_ctx *ctx, const struct request *req,
					    const char **rest)
{
	struct sbuf id = SBUF_INIT;
	const char *which = ui_target(ctx, req->subject ? req->subject : req->arg, 'M', &id, rest);
	const struct mitigation *m = which ? model_mitigation(ctx->app->model, which) : NULL;

	if (req->subject)
		*rest = req->arg ? req->arg : "";
	if (!which)
		ui_fail(ctx, "say which mitigation (M-0001), or select one on the backlog");
	else if (!m)
		ui_fail(ctx, "no mitigation '%s'", which);
	sbuf_release(&id);
	return m ? mitigation_dup(m) : NULL;
}

int act_mitigation_save(struct ui_ctx *ctx, struct mitigation *m, const char *what)
{
	struct sw_error err = SW_ERROR_INIT;
	int flags;

	if (app_put_mitigation(ctx->app, m, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved %s: %s", m->id, what);
		flags = VIEW_DONE;
	}
	mitigation_free(m);
	return flags;
}

static int set_status(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf word = SBUF_INIT;
	enum mitigation_status st;
	const char *rest;
	struct mitigation *m = target_mitigation(ctx, req, &rest);
	int flags;

	if (!m)
		return VIEW_DONE;
	if (!command_word(&rest, &word)) {
		flags = ui_prompt(ctx, ACT_STATUS, 1, m->id, mitigation_status_name(m->status),
				  "Status of %s (proposed, planned, in-progress, implemented, "
				  "verified, wont-do)",
				  m->id);
	} else if (mitigation_status_parse(word.buf, &st)) {
		flags = ui_fail(ctx,
				"no status '%s' (proposed, planned, in-progress, implemented, "
				"verified, wont-do)",
				word.buf);
	} else {
		m->status = st;
		flags = act_mitigation_save(ctx, m, mitigation_status_name(st));
		m = NULL;
	}
	mitigation_free(m);
	sbuf_release(&word);
	return flags;
}

enum mitigation_field { FIELD_OWNER, FIELD_TICKET, FIELD_DUE };

static int set_field(struct ui_ctx *ctx, const struct request *req, enum mitigation_field f)
{
	static const char *const names[] = {"owner", "ticket", "due date"};
	struct sbuf value = SBUF_INIT, what = SBUF_INIT;
	const char *rest;
	struct mitigation *m = target_mitigation(ctx, req, &rest);
	char **slot;

	if (!m)
		return VIEW_DONE;
	command_rest(rest, &value);
	slot = f == FIELD_OWNER ? &m->owner : f == FIELD_TICKET ? &m->ticket : &m->due;
	if (value.len == 0) {
		ui_prompt(ctx, req->action, 0, m->id, *slot ? *slot : "", "%s of %s%s",
			  f == FIELD_DUE     ? "Due date"
			  : f == FIELD_OWNER ? "Owner"
					     : "Ticket",
			  m->id, f == FIELD_DUE ? " (YYYY-MM-DD, or - for none)" : " (- for none)");
		mitigation_free(m);
		return VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT;
	}
	if (f == FIELD_OWNER && !str_eq(value.buf, "-") &&
	    act_people_owner(ctx, value.buf, &value) < 0) { /* "bart" is Bartholomew */
		mitigation_free(m);
		sbuf_release(&value);
		return VIEW_DONE;
	}
	free(*slot);
	*slot = str_eq(value.buf, "-") ? NULL : xstrdup(value.buf);
	sbuf_addf(&what, "%s %s", names[f], *slot ? *slot : "cleared");
	act_mitigation_save(ctx, m, what.buf);
	sbuf_release(&value);
	sbuf_release(&what);
	return VIEW_DONE;
}

int act_mitigation_status(struct ui_ctx *ctx, const struct request *req)
{
	return set_status(ctx, req);
}

int act_mitigation_owner(struct ui_ctx *ctx, const struct request *req)
{
	return set_field(ctx, req, FIELD_OWNER);
}

int act_mitigation_ticket(struct ui_ctx *ctx, const struct request *req)
{
	return set_field(ctx, req, FIELD_TICKET);
}

int act_mitigation_due(struct ui_ctx *ctx, const struct request *req)
{
	return set_field(ctx, req, FIELD_DUE);
}
