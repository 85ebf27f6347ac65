/*
 * A threat from any screen, named by id in the command or selected on the current screen:
 * ratings, letters, status (asking for the justification some statuses need), mitigations,
 * dot votes, its title, deleting it. No curses here.
 */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "command.h"
#include "risk.h"
#include "util.h"
#include "xalloc.h"

/* The threat a request is about, copied for editing (caller frees), or NULL with a message. */
static struct threat *target_threat(struct ui_ctx *ctx, const struct request *req,
				    const char **rest)
{
	struct sbuf id = SBUF_INIT;
	const char *which = ui_target(ctx, req->subject ? req->subject : req->arg, 'T', &id, rest);
	const struct threat *t = which ? model_threat(ctx->app->model, which) : NULL;

	if (req->subject)
		*rest = req->arg ? req->arg : "";
	if (!which)
		ui_fail(ctx, "say which threat (T-0001), or select one on the board");
	else if (!t)
		ui_fail(ctx, "no threat '%s'", which);
	sbuf_release(&id);
	return t ? threat_dup(t) : NULL;
}

static int save_threat(struct ui_ctx *ctx, struct threat *t, const char *what)
{
	struct sw_error err = SW_ERROR_INIT;
	int flags;

	if (app_put_threat(ctx->app, t, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved %s: %s", t->id, what);
		flags = VIEW_DONE;
	}
	threat_free(t);
	return flags;
}

static void rating_text(struct sbuf *sb, const struct threat *t)
{
	int score = threat_risk(t);

	sbuf_addf(sb, "likelihood %d x impact %d = %d, %s", t->likelihood, t->impact, score,
		  risk_band_name(risk_band_of(score)));
}

static int rate(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf word = SBUF_INIT, what = SBUF_INIT;
	const char *rest;
	struct threat *t = target_threat(ctx, req, &rest);
	long l = 0, i = 0;
	bool ok;
	int flags;

	if (!t)
		return VIEW_DONE;
	ok = command_word(&rest, &word) && parse_int(word.buf, 1, 5, &l) == 0 &&
	     command_word(&rest, &word) && parse_int(word.buf, 1, 5, &i) == 0 && !*rest;
	sbuf_release(&word);
	if (!ok) {
		threat_free(t);
		return ui_fail(ctx, "write :rate THREAT-ID LIKELIHOOD IMPACT, each 1 to 5");
	}
	t->likelihood = (int)l;
	t->impact = (int)i;
	rating_text(&what, t);
	flags = save_threat(ctx, t, what.buf);
	sbuf_release(&what);
	return flags;
}

static int nudge(struct ui_ctx *ctx, const struct request *req, int *(*field)(struct threat *),
		 int delta)
{
	struct sbuf what = SBUF_INIT;
	const char *rest;
	struct threat *t = target_threat(ctx, req, &rest);
	int *v, flags;

	if (!t)
		return VIEW_DONE;
	v = field(t);
	if (*v + delta < 1 || *v + delta > 5) {
		flags = ui_fail(ctx, "%s is %d already: ratings go from 1 to 5", t->id, *v);
		threat_free(t);
		return flags;
	}
	*v += delta;
	rating_text(&what, t);
	flags = save_threat(ctx, t, what.buf);
	sbuf_release(&what);
	return flags;
}

static int *likelihood_of(struct threat *t)
{
	return &t->likelihood;
}

static int *impact_of(struct threat *t)
{
	return &t->impact;
}

static int set_letters(struct ui_ctx *ctx, const struct request *req)
{
	const char *rest, *p;
	struct threat *t = target_threat(ctx, req, &rest);
	char one[2] = {0, 0}, shown[STRIDE_COUNT + 1];
	enum stride_letter l;
	unsigned extra = 0;
	bool first = true;

	if (!t)
		return VIEW_DONE;
	if (str_empty(rest)) {
		stride_set_string(t->extra, shown);
		ui_prompt(ctx, ACT_LETTERS, 0, t->id, "",
			  "Letters of %s, the primary first (now %c%s)", t->id,
			  stride_char(t->letter), shown);
		threat_free(t);
		return VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT;
	}
	for (p = rest; *p; p++) {
		if (*p == ' ' || *p == ',')
			continue;
		one[0] = (char)(*p & ~0x20);
		if (stride_parse(one, &l)) {
			threat_free(t);
			return ui_fail(ctx, "'%c' is not a STRIDE letter (S, T, R, I, D, E)", *p);
		}
		if (first)
			t->letter = l;
		else if (l != t->letter)
			extra |= STRIDE_BIT(l);
		first = false;
	}
	t->extra = extra;
	stride_set_string(threat_letters(t), shown);
	return save_threat(ctx, t, shown);
}

static const char *status_list =
    "open, in-discussion, mitigated, accepted, transferred, avoided, not-applicable, "
    "false-positive";

/* Step 1 answers "which status", step 2 "why": the prompt keeps "ID STATUS" as its subject. */
static int threat_status(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf word = SBUF_INIT, why = SBUF_INIT, full = SBUF_INIT;
	struct request again = *req;
	enum threat_status st;
	struct threat *t;
	const char *rest;
	int flags;

	if (req->step == 2) { /* the justification for the status in the subject */
		sbuf_addf(&full, "%s %s", req->subject, req->arg ? req->arg : "");
		again.step = 0;
		again.subject = NULL;
		again.arg = full.buf;
		flags = threat_status(ctx, &again);
		sbuf_release(&full);
		return flags;
	}
	if (!(t = target_threat(ctx, req, &rest)))
		return VIEW_DONE;
	if (!command_word(&rest, &word)) {
		flags = ui_prompt(ctx, ACT_STATUS, 1, t->id, threat_status_name(t->status),
				  "Status of %s (%s)", t->id, status_list);
	} else if (threat_status_parse(word.buf, &st)) {
		flags = ui_fail(ctx, "no status '%s' (%s)", word.buf, status_list);
	} else {
		command_rest(rest, &why);
		if (threat_status_needs_reason(st) && why.len == 0) {
			sbuf_addf(&full, "%s %s", t->id, threat_status_name(st));
			flags = ui_prompt(ctx, ACT_STATUS, 2, full.buf, "",
					  "Why is %s %s? (a justification is required)", t->id,
					  threat_status_name(st));
		} else {
			t->status = st;
			free(t->justification);
			t->justification = why.len ? xstrdup(why.buf) : NULL;
			flags = save_threat(ctx, t, threat_status_name(st));
			t = NULL;
		}
	}
	threat_free(t);
	sbuf_release(&word);
	sbuf_release(&why);
	sbuf_release(&full);
	return flags;
}

static void link_sorted(struct strlist *list, const char *id)
{
	size_t i;

	if (strlist_contains(list, id))
		return;
	strlist_push(list, id);
	for (i = list->count - 1; i > 0 && strcmp(list->items[i - 1], list->items[i]) > 0; i--) {
		char *tmp = list->items[i];
		list->items[i] = list->items[i - 1];
		list->items[i - 1] = tmp;
	}
}

static int mitigate(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf text = SBUF_INIT, what = SBUF_INIT;
	const struct mitigation *old;
	struct mitigation *m;
	const char *rest;
	struct threat *t = target_threat(ctx, req, &rest);
	char *id;

	if (!t)
		return VIEW_DONE;
	command_rest(rest, &text);
	if (text.len == 0) {
		ui_prompt(ctx, ACT_MITIGATE, 0, t->id, "",
			  "Mitigation for %s (a new one, or the id of one to link)", t->id);
		threat_free(t);
		sbuf_release(&text);
		return VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT;
	}
	old = model_mitigation(ctx->app->model, text.buf);
	if (old) {
		m = mitigation_dup(old);
	} else {
		id = model_next_ref(ctx->app->model, 'M');
		m = mitigation_new(id, text.buf);
		free(id);
	}
	link_sorted(&m->threats, t->id);
	sbuf_addf(&what, "%s, mitigating %s", m->title, t->id);
	threat_free(t);
	sbuf_release(&text);
	act_mitigation_save(ctx, m, what.buf);
	sbuf_release(&what);
	return VIEW_DONE;
}

/* Dot voting: the speaker's dots by key, or a participant's count set by command. */
static int votes_on(const struct model *m, const char *who, const char *threat)
{
	size_t i;

	for (i = 0; i < m->nvotes; i++)
		if (str_eq(m->votes[i]->participant, who) && str_eq(m->votes[i]->threat, threat))
			return m->votes[i]->count;
	return 0;
}

static int set_votes(struct ui_ctx *ctx, const char *who, const char *threat, int count)
{
	struct sw_error err = SW_ERROR_INIT;
	int before = votes_on(ctx->app->model, who, threat), used;

	if (count < 0)
		return ui_fail(ctx, "%s has no dot on %s to take back", who, threat);
	if (app_set_vote(ctx->app, who, threat, count, &err))
		return ui_error(ctx, &err);
	used = model_index_dots(ui_index(ctx), who);
	if (count == before + 1)
		ui_message(ctx, MSG_SAVED, "saved: %s gives %s a dot (%d on it; %d of %d used)",
			   who, threat, count, used, APP_DOTS);
	else if (count == before - 1)
		ui_message(ctx, MSG_SAVED,
			   "saved: %s takes a dot back from %s (%d on it; %d of %d used)", who,
			   threat, count, used, APP_DOTS);
	else
		ui_message(ctx, MSG_SAVED, "saved: %s has %d dot%s on %s (%d of %d used)", who,
			   count, count == 1 ? "" : "s", threat, used, APP_DOTS);
	return VIEW_DONE;
}

static int vote_key(struct ui_ctx *ctx, const struct request *req, int delta)
{
	const char *rest;
	struct threat *t;
	int flags;

	if (!ctx->app->speaker)
		return ui_fail(ctx, "say who is voting first: s picks the next participant");
	if (!(t = target_threat(ctx, req, &rest)))
		return VIEW_DONE;
	flags = set_votes(ctx, ctx->app->speaker, t->id,
			  votes_on(ctx->app->model, ctx->app->speaker, t->id) + delta);
	threat_free(t);
	return flags;
}

static int vote(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf name = SBUF_INIT, id = SBUF_INIT, n = SBUF_INIT;
	const struct participant *who;
	const char *p = req->arg;
	long count = 1;
	int flags = VIEW_DONE;

	if (str_empty(p))
		return vote_key(ctx, req, 1);
	/* the voter is the words before the threat id, so a name needs no quotes */
	while (command_word(&p, &id) && ref_number(id.buf, 'T') < 0)
		sbuf_addf(&name, "%s%s", name.len ? " " : "", id.buf);
	if (command_word(&p, &n) && parse_int(n.buf, 0, APP_DOTS, &count))
		flags = ui_fail(ctx, "a vote count goes from 0 to %d", APP_DOTS);
	else if (name.len == 0 || ref_number(id.buf, 'T') < 0)
		flags = ui_fail(ctx, "write :vote PARTICIPANT THREAT-ID [N]");
	else if ((who = act_people_named(ctx, name.buf)))
		flags = set_votes(ctx, who->name, id.buf, (int)count);
	sbuf_release(&name);
	sbuf_release(&id);
	sbuf_release(&n);
	return flags;
}

static int retitle(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf text = SBUF_INIT;
	const char *rest;
	struct threat *t = target_threat(ctx, req, &rest);
	int flags;

	if (!t)
		return VIEW_DONE;
	command_rest(rest, &text);
	if (text.len == 0) {
		flags = ui_prompt(ctx, ACT_RENAME, 0, t->id, t->title, "New title of %s", t->id);
		threat_free(t);
	} else {
		free(t->title);
		t->title = xstrdup(text.buf);
		flags = save_threat(ctx, t, text.buf);
	}
	sbuf_release(&text);
	return flags;
}

static int delete_threat(struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	const char *rest;
	struct threat *t = target_threat(ctx, req, &rest);
	int flags;

	if (!t)
		return VIEW_DONE;
	if (req->step != 1) {
		flags = ui_prompt(ctx, ACT_DELETE, 1, t->id, "",
				  "Delete %s \"%s\"? Type yes to delete", t->id, t->title);
	} else if (!str_eq(req->arg, "yes")) {
		ui_message(ctx, MSG_INFO, "kept %s", t->id);
		flags = VIEW_DONE;
	} else if (app_delete_threat(ctx->app, t->id, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "deleted %s (U undoes it)", t->id);
		flags = VIEW_DONE;
	}
	threat_free(t);
	return flags;
}

int act_threat_rate(struct ui_ctx *ctx, const struct request *req)
{
	return rate(ctx, req);
}

int act_threat_more_likely(struct ui_ctx *ctx, const struct request *req)
{
	return nudge(ctx, req, likelihood_of, 1);
}

int act_threat_less_likely(struct ui_ctx *ctx, const struct request *req)
{
	return nudge(ctx, req, likelihood_of, -1);
}

int act_threat_more_impact(struct ui_ctx *ctx, const struct request *req)
{
	return nudge(ctx, req, impact_of, 1);
}

int act_threat_less_impact(struct ui_ctx *ctx, const struct request *req)
{
	return nudge(ctx, req, impact_of, -1);
}

int act_threat_letters(struct ui_ctx *ctx, const struct request *req)
{
	return set_letters(ctx, req);
}

int act_threat_status(struct ui_ctx *ctx, const struct request *req)
{
	return threat_status(ctx, req);
}

int act_threat_mitigate(struct ui_ctx *ctx, const struct request *req)
{
	return mitigate(ctx, req);
}

int act_threat_vote(struct ui_ctx *ctx, const struct request *req)
{
	return vote(ctx, req);
}

int act_threat_unvote(struct ui_ctx *ctx, const struct request *req)
{
	return vote_key(ctx, req, -1);
}

int act_threat_retitle(struct ui_ctx *ctx, const struct request *req)
{
	return retitle(ctx, req);
}

int act_threat_delete(struct ui_ctx *ctx, const struct request *req)
{
	return delete_threat(ctx, req);
}
