/*
 * The actions whose record depends on what is named or selected, decided here and nowhere
 * else. Rename and delete mean a threat when a T- id is named or a threat selected, a
 * parking-lot item for a P- id (delete closes it), a participant on the Session screen, and an
 * element otherwise. Status means a mitigation when an M- id is named or one selected, else a
 * threat.
 */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "command.h"
#include "util.h"

enum subject { SUBJECT_THREAT, SUBJECT_ITEM, SUBJECT_PARTICIPANT, SUBJECT_ELEMENT };

static bool looks_like(const char *s, char prefix)
{
	return s && (s[0] == prefix || s[0] == (prefix | 0x20)) &&
	       (s[1] == '-' || (s[1] >= '0' && s[1] <= '9'));
}

static enum subject subject_of_word(struct ui_ctx *ctx, const char *word)
{
	const struct participant *p;

	if (looks_like(word, 'T'))
		return SUBJECT_THREAT;
	if (looks_like(word, 'P'))
		return SUBJECT_ITEM;
	if (ctx->current == VIEW_SESSION && word && *word &&
	    model_find_participant(ctx->app->model, word, &p, NULL) == PEOPLE_FOUND)
		return SUBJECT_PARTICIPANT;
	return SUBJECT_ELEMENT;
}

/* What the request is about, and (for a participant or item) the name or id in `who`. */
static enum subject subject_of(struct ui_ctx *ctx, const struct request *req, struct sbuf *who,
			       const char **rest)
{
	const char *p = req->arg ? req->arg : "", *sel;
	enum subject s;

	*rest = p;
	if (req->subject) { /* a prompt's answer: the subject says what it was about */
		sbuf_addstr(who, req->subject);
		return subject_of_word(ctx, req->subject);
	}
	if (command_word(&p, who) && (s = subject_of_word(ctx, who->buf)) != SUBJECT_ELEMENT) {
		*rest = p;
		return s;
	}
	sbuf_reset(who);
	sel = ui_selected(ctx);
	if (!sel)
		return SUBJECT_ELEMENT;
	s = looks_like(sel, 'T')   ? SUBJECT_THREAT
	    : looks_like(sel, 'P') ? SUBJECT_ITEM
	    : ctx->current == VIEW_SESSION && model_participant(ctx->app->model, sel)
		? SUBJECT_PARTICIPANT
		: SUBJECT_ELEMENT;
	if (s != SUBJECT_ELEMENT)
		sbuf_addstr(who, sel);
	return s;
}

int act_edit_rename(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf who = SBUF_INIT, to = SBUF_INIT;
	const char *rest;
	int flags;

	switch (subject_of(ctx, req, &who, &rest)) {
	case SUBJECT_THREAT:
		flags = act_threat_retitle(ctx, req);
		break;
	case SUBJECT_PARTICIPANT:
		command_rest(rest, &to);
		flags = act_people_rename(ctx, who.buf, to.buf);
		break;
	case SUBJECT_ITEM:
		flags =
		    ui_fail(ctx, "a parking-lot item keeps its words: x resolves it, d closes it");
		break;
	default:
		flags = act_diagram_rename(ctx, req);
		break;
	}
	sbuf_release(&who);
	sbuf_release(&to);
	return flags;
}

int act_edit_delete(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf who = SBUF_INIT;
	const char *rest;
	int flags;

	switch (subject_of(ctx, req, &who, &rest)) {
	case SUBJECT_THREAT:
		flags = act_threat_delete(ctx, req);
		break;
	case SUBJECT_PARTICIPANT:
		if (req->step == 1 && !str_eq(req->arg, "yes")) {
			ui_message(ctx, MSG_INFO, "kept %s", who.buf);
			flags = VIEW_DONE;
		} else {
			flags = act_people_remove(ctx, who.buf, req->step == 1);
		}
		break;
	case SUBJECT_ITEM:
		flags = act_session_settle(ctx, who.buf, NULL);
		break;
	default:
		flags = act_diagram_delete(ctx, req);
		break;
	}
	sbuf_release(&who);
	return flags;
}

int act_edit_status(struct ui_ctx *ctx, const struct request *req)
{
	const char *s = req->subject ? req->subject : req->arg;
	const char *sel = ui_selected(ctx);
	bool mitigation = looks_like(s, 'M') || (!looks_like(s, 'T') && looks_like(sel, 'M'));

	return mitigation ? act_mitigation_status(ctx, req) : act_threat_status(ctx, req);
}
