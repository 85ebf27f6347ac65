/*
 * The people in the room, from any screen: adding a participant, choosing who speaks (a name,
 * or the start of one), renaming and removing someone, naming the facilitator. No curses.
 */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "command.h"
#include "util.h"
#include "xalloc.h"

#define PARTICIPANT_EXAMPLE "e.g. Ana María, facilitator"
#define PARTICIPANT_LABEL "Add a participant: name, role — " PARTICIPANT_EXAMPLE

/* How the name was told from the role in what was typed. */
enum name_split { SPLIT_NONE, SPLIT_FIRST_WORD, SPLIT_QUOTES, SPLIT_COMMA };

/*
 * Splits what was typed after + or :participant into a name and a role: the text before the
 * first comma ("Ana María, facilitator"), or a quoted name ("\"Ana María\" facilitator"), or
 * else the first word. SPLIT_NONE: nothing was typed.
 */
static enum name_split split_participant(const char *text, struct sbuf *name, struct sbuf *role)
{
	const char *s = text + strspn(text, " \t"), *comma = strchr(s, ',');
	struct sbuf before = SBUF_INIT;
	bool quotes = *s == '"';

	sbuf_reset(role);
	if (!quotes && comma) {
		sbuf_add(&before, s, (size_t)(comma - s));
		command_rest(before.buf, name);
		command_rest(comma + 1, role);
		sbuf_release(&before);
		return SPLIT_COMMA;
	}
	if (!command_word(&s, name))
		return SPLIT_NONE;
	if (quotes && *s == ',')
		s++; /* "Ana María", facilitator */
	command_rest(s, role);
	return quotes ? SPLIT_QUOTES : SPLIT_FIRST_WORD;
}

/* When the first word was taken as the name and the role has several words, the way to type
 * it if the name has more than one: "Françoise Nguyễn, architect". */
static void comma_hint(const char *name, const char *role, struct sbuf *out)
{
	size_t last = strlen(role), head;

	while (last > 0 && role[last - 1] != ' ' && role[last - 1] != '\t')
		last--;
	if (last == 0)
		return; /* a role of one word: the first word was the name all along, most likely */
	for (head = last; head > 0 && (role[head - 1] == ' ' || role[head - 1] == '\t'); head--)
		;
	sbuf_addf(out, " (a comma separates name and role: %s %.*s, %s)", name, (int)head, role,
		  role + last);
}

static int add_participant(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf name = SBUF_INIT, role = SBUF_INIT, hint = SBUF_INIT;
	struct participant p;
	enum name_split how = split_participant(arg ? arg : "", &name, &role);
	int rc;

	if (how == SPLIT_NONE)
		return ui_prompt(ctx, ACT_PARTICIPANT, 0, NULL, "", "%s", PARTICIPANT_LABEL);
	if (name.len == 0) {
		ui_fail(ctx, "a participant needs a name%s (%s)",
			how == SPLIT_COMMA ? " before the comma" : "", PARTICIPANT_EXAMPLE);
		goto out;
	}
	p.name = name.buf;
	p.role = role.len ? role.buf : NULL;
	rc = app_put_participant(ctx->app, &p, &err);
	if (rc == 0 && !ctx->app->speaker)
		app_set_speaker(ctx->app, p.name);
	if (how == SPLIT_FIRST_WORD && role.len)
		comma_hint(name.buf, role.buf, &hint);
	if (rc)
		ui_error(ctx, &err);
	else
		ui_message(ctx, MSG_SAVED, "saved participant %s%s%s%s", p.name,
			   role.len ? " as " : "", sbuf_str(&role), sbuf_str(&hint));
out:
	sbuf_release(&name);
	sbuf_release(&role);
	sbuf_release(&hint);
	return VIEW_DONE;
}

/* Who speaks in turn: the running session's people, or everyone known. */
static void speaking_order(const struct ui_ctx *ctx, struct strlist *out)
{
	const struct model *m = ctx->app->model;
	const struct session *s = ui_session(ctx);
	size_t i;

	if (s && s->people.count) {
		strlist_copy(out, &s->people);
		return;
	}
	for (i = 0; i < m->nparticipants; i++)
		strlist_push(out, m->participants[i]->name);
}

static int next_speaker(struct ui_ctx *ctx)
{
	struct strlist order = STRLIST_INIT;
	size_t i, at = 0;

	speaking_order(ctx, &order);
	if (order.count == 0) {
		strlist_clear(&order);
		return ui_prompt(ctx, ACT_PARTICIPANT, 0, NULL, "", "Nobody is listed yet. %s",
				 PARTICIPANT_LABEL);
	}
	for (i = 0; i < order.count; i++)
		if (str_eq(order.items[i], ctx->app->speaker))
			at = i + 1;
	app_set_speaker(ctx->app, order.items[at % order.count]);
	strlist_clear(&order);
	ui_message(ctx, MSG_INFO, "speaker: %s", ctx->app->speaker);
	return VIEW_DONE;
}

const struct participant *act_people_named(struct ui_ctx *ctx, const char *text)
{
	const struct participant *p;
	struct sbuf candidates = SBUF_INIT;

	switch (model_find_participant(ctx->app->model, text, &p, &candidates)) {
	case PEOPLE_FOUND:
		break;
	case PEOPLE_AMBIGUOUS:
		ui_fail(ctx, "'%s' could be %s: type more of the name", text, candidates.buf);
		break;
	default:
		ui_fail(ctx, "no participant '%s' (:participant %s adds them)", text, text);
		break;
	}
	sbuf_release(&candidates);
	return p;
}

int act_people_owner(struct ui_ctx *ctx, const char *text, struct sbuf *out)
{
	const struct participant *p;
	int match = model_find_participant(ctx->app->model, text, &p, NULL);
	char *owner;

	if (match == PEOPLE_AMBIGUOUS) {
		act_people_named(ctx, text); /* says which names it could be */
		return -1;
	}
	owner = xstrdup(match == PEOPLE_FOUND ? p->name : text); /* `text` may be out's own */
	sbuf_reset(out);
	sbuf_addstr(out, owner);
	free(owner);
	return 0;
}

static int set_speaker(struct ui_ctx *ctx, const char *arg)
{
	struct sbuf text = SBUF_INIT;
	const struct participant *p;

	if (str_empty(arg))
		return next_speaker(ctx);
	command_rest(arg, &text);
	if ((p = act_people_named(ctx, text.buf))) {
		app_set_speaker(ctx->app, p->name);
		ui_message(ctx, MSG_INFO, "speaker: %s", ctx->app->speaker);
	}
	sbuf_release(&text);
	return VIEW_DONE;
}

int act_people_rename(struct ui_ctx *ctx, const char *who, const char *to)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct participant *p = act_people_named(ctx, who);
	char *from;

	if (!p)
		return VIEW_DONE;
	if (str_empty(to))
		return ui_prompt(ctx, ACT_RENAME, 0, p->name, p->name, "New name of %s", p->name);
	from = xstrdup(p->name);
	if (app_rename_participant(ctx->app, from, to, &err))
		ui_error(ctx, &err);
	else
		ui_message(ctx, MSG_SAVED,
			   "saved: %s is now %s (their threats, answers and votes "
			   "follow)",
			   from, to);
	free(from);
	return VIEW_DONE;
}

int act_people_remove(struct ui_ctx *ctx, const char *who, bool confirmed)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct participant *p = act_people_named(ctx, who);
	char *name;
	int dots;

	if (!p)
		return VIEW_DONE;
	dots = model_index_dots(ui_index(ctx), p->name);
	if (!confirmed)
		return ui_prompt(ctx, ACT_DELETE, 1, p->name, "", "Remove %s%s? Type yes to remove",
				 p->name, dots ? " and take back their dots" : "");
	name = xstrdup(p->name);
	if (app_remove_participant(ctx->app, name, &err))
		ui_error(ctx, &err);
	else
		ui_message(ctx, MSG_SAVED, "removed %s%s (U undoes it)", name,
			   dots ? " and their dots" : "");
	free(name);
	return VIEW_DONE;
}

int act_people_speaker(struct ui_ctx *ctx, const struct request *req)
{
	return set_speaker(ctx, req->arg);
}

int act_people_participant(struct ui_ctx *ctx, const struct request *req)
{
	return add_participant(ctx, req->arg);
}

int act_people_facilitator(struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	const struct participant *p;

	command_rest(req->arg ? req->arg : "", &text);
	if (text.len == 0) {
		sbuf_release(&text);
		return ui_prompt(ctx, ACT_FACILITATOR, 0, NULL, "", "Who facilitates (a name)");
	}
	if ((p = act_people_named(ctx, text.buf))) {
		if (app_set_facilitator(ctx->app, p->name, &err))
			ui_error(ctx, &err);
		else
			ui_message(ctx, MSG_SAVED, "saved: %s facilitates this session", p->name);
	}
	sbuf_release(&text);
	return VIEW_DONE;
}
