/*
 * Questionnaires from any screen: answering a question of the current element by command, the
 * suggestions the last answer raised (accepted, linked to a threat that says the same, or
 * skipped, by their number), and the packs a session asks. No curses.
 */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "app_questionnaire.h"
#include "command.h"
#include "qlibrary.h"
#include "util.h"
#include "xalloc.h"

/* "2 suggested threats wait (:accept or :skip; :accept 2 for the second)", or nothing. */
static void say_waiting(struct ui_ctx *ctx, size_t n, struct sbuf *out)
{
	if (n == 0)
		return;
	sbuf_addf(out, ": %zu suggested threat%s wait%s (:accept or :skip%s)", n, n == 1 ? "" : "s",
		  n == 1 ? "s" : "", n > 1 ? "; :accept 2 takes the second" : "");
}

void act_answer_noted(struct ui_ctx *ctx, const char *element, const char *questionnaire,
		      const char *question)
{
	free(ctx->answered.element);
	free(ctx->answered.questionnaire);
	free(ctx->answered.question);
	ctx->answered.element = xstrdup(element);
	ctx->answered.questionnaire = xstrdup(questionnaire);
	ctx->answered.question = xstrdup(question);
}

size_t act_answer_waiting(struct ui_ctx *ctx, struct suggestion_offer **offers)
{
	struct sw_error err = SW_ERROR_INIT;
	size_t n = 0;

	*offers = NULL;
	if (!ctx->answered.question || !ui_qlib(ctx) ||
	    app_pending_suggestions(ctx->app, ui_qlib(ctx), ctx->answered.element,
				    ctx->answered.questionnaire, ctx->answered.question, offers, &n,
				    &err)) {
		sw_error_release(&err);
		return 0;
	}
	return n;
}

static int answer(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf path = SBUF_INIT, input = SBUF_INIT, said = SBUF_INIT;
	const struct element *e = ui_element(ctx);
	const struct questionnaire *qn = NULL;
	const struct question *q = NULL;
	struct suggestion_offer *offers = NULL;
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
		act_answer_noted(ctx, e->id, qn->id, q->id);
		say_waiting(ctx, act_answer_waiting(ctx, &offers), &said);
		ui_message(ctx, MSG_SAVED, "saved answer %s = %s%s", path.buf, value,
			   sbuf_str(&said));
		flags = VIEW_DONE;
	}
	free(offers);
	free(value);
	sbuf_release(&path);
	sbuf_release(&input);
	sbuf_release(&said);
	return flags;
}

int act_answer_decide(struct ui_ctx *ctx, const struct request *req, bool accept)
{
	struct sw_error err = SW_ERROR_INIT;
	struct suggestion_offer *offers, *o;
	struct sbuf word = SBUF_INIT;
	const char *p = req->arg ? req->arg : "";
	size_t n = act_answer_waiting(ctx, &offers);
	long which = 1;
	bool anew = false;
	char *id = NULL;
	int rc;

	while (command_word(&p, &word)) {
		if (str_eq(word.buf, "new"))
			anew = true;
		else if (parse_int(word.buf, 1, 1000, &which)) {
			free(offers);
			sbuf_release(&word);
			return ui_fail(ctx, "write :%s [N]%s", accept ? "accept" : "skip",
				       accept ? " [new]" : "");
		}
	}
	sbuf_release(&word);
	if (n == 0 || (size_t)which > n) {
		free(offers);
		return ui_fail(ctx,
			       n ? "the last answer suggests %zu threat%s, not %ld"
				 : "no suggested threat waits (answer a risky question first)",
			       n, n == 1 ? "" : "s", which);
	}
	o = &offers[which - 1];
	if (accept && o->same_as && !anew)
		rc = app_link_suggestion(ctx->app, ui_qlib(ctx), ctx->answered.element,
					 ctx->answered.questionnaire, ctx->answered.question,
					 o->index, o->same_as, &err);
	else if (accept)
		rc = app_accept_suggestion(ctx->app, ui_qlib(ctx), ctx->answered.element,
					   ctx->answered.questionnaire, ctx->answered.question,
					   o->index, &id, &err);
	else
		rc = app_skip_suggestion(ctx->app, ui_qlib(ctx), ctx->answered.element,
					 ctx->answered.questionnaire, ctx->answered.question,
					 o->index, &err);
	if (rc)
		ui_error(ctx, &err);
	else if (accept && !id)
		ui_message(ctx, MSG_SAVED, "linked the answer to %s, which %s (U undoes it)",
			   o->same_as, o->alike ? "looks alike" : "says the same");
	else if (accept)
		ui_message(ctx, MSG_SAVED, "saved %s from the answer, with its mitigations", id);
	else
		ui_message(ctx, MSG_SAVED, "skipped the suggested threat");
	free(id);
	free(offers);
	return VIEW_DONE;
}

/* The packs that apply somewhere in the model: "identity (5 core), secrets (4 core), ...". */
static void list_packs(struct ui_ctx *ctx, struct sbuf *out)
{
	const struct qlibrary *lib = ui_qlib(ctx);
	const struct session *s = ui_session(ctx);
	size_t i, n = lib ? lib->nquestionnaires : 0;

	for (i = 0; i < n; i++) {
		const struct questionnaire *qn = lib->questionnaires[i].questionnaire;
		bool chosen = !s || !s->packs.count || strlist_contains(&s->packs, qn->id);
		sbuf_addf(out, "%s%s%s", i ? ", " : "", chosen ? "" : "(", qn->id);
		if (!chosen)
			sbuf_addch(out, ')');
	}
}

static int packs(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	const struct qlibrary *lib = ui_qlib(ctx);
	const struct session *s = ui_session(ctx);
	struct strlist chosen = STRLIST_INIT;
	struct sbuf word = SBUF_INIT, list = SBUF_INIT;
	const char *p = arg ? arg : "";
	bool bad = false;

	if (str_empty(arg) || !s) {
		list_packs(ctx, &list);
		ui_message(ctx, MSG_INFO, "packs%s: %s%s", s ? " (in brackets: not asked)" : "",
			   list.buf ? list.buf : "none",
			   s ? "" : "; a session chooses among them (> starts one)");
		sbuf_release(&list);
		return VIEW_DONE;
	}
	/* The first choice names the packs to ask; later ones toggle a pack in or out. */
	strlist_copy(&chosen, &s->packs);
	while (command_word(&p, &word)) {
		if (str_eq(word.buf, "all")) {
			strlist_clear(&chosen);
		} else if (!lib || !qlibrary_questionnaire(lib, word.buf)) {
			ui_fail(ctx, "no pack '%s' (:packs lists them)", word.buf);
			bad = true;
			break;
		} else if (!strlist_remove(&chosen, word.buf)) {
			strlist_push(&chosen, word.buf);
		}
	}
	if (!bad) {
		if (app_set_session_packs(ctx->app, &chosen, &err)) {
			ui_error(ctx, &err);
		} else {
			list_packs(ctx, &list);
			ui_message(ctx, MSG_SAVED, "saved: this session asks %s",
				   chosen.count ? list.buf : "every pack");
		}
	}
	strlist_clear(&chosen);
	sbuf_release(&word);
	sbuf_release(&list);
	return VIEW_DONE;
}

int act_answer_ask_owner(struct ui_ctx *ctx, const char *id)
{
	return ui_prompt(ctx, ACT_QUESTION_OWNER, 1, id, "",
			 "Unknown, so %s is an open question: who finds out, and by when? "
			 "(NAME YYYY-MM-DD, either may be left out; Enter: nobody yet)",
			 id);
}

/* "Sam 2026-12-11", "Sam", "2026-12-11" or nothing, for the open question named or asked. */
static int set_owner(struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf id = SBUF_INIT, word = SBUF_INIT, who = SBUF_INIT;
	const char *rest,
	    *which = ui_target(ctx, req->subject ? req->subject : req->arg, 'Q', &id, &rest);
	const struct open_item *it = NULL;
	struct open_item *copy;
	size_t i;

	if (req->subject)
		rest = req->arg ? req->arg : "";
	for (i = 0; which && i < ctx->app->model->nitems; i++)
		if (str_eq(ctx->app->model->items[i]->id, which))
			it = ctx->app->model->items[i];
	if (!it) {
		sbuf_release(&id);
		return ui_fail(ctx, "say which open question (Q-0001)");
	}
	copy = open_item_dup(it);
	while (command_word(&rest, &word)) {
		if (date_valid(word.buf)) {
			free(copy->due);
			copy->due = xstrdup(word.buf);
		} else if (date_shaped(word.buf)) { /* 2027-02-30: not a date, nor a name */
			ui_fail(ctx, "'%s' is not a day of the calendar", word.buf);
			goto out;
		} else {
			sbuf_addf(&who, "%s%s", who.len ? " " : "", word.buf);
		}
	}
	if (who.len && act_people_owner(ctx, who.buf, &who) < 0) /* "zoe" is Zoë Kowalczyk */
		goto out;
	if (who.len) {
		free(copy->owner);
		copy->owner = xstrdup(who.buf);
	}
	if (!who.len && !copy->due) {
		ui_message(ctx, MSG_INFO, "%s has nobody to find out yet", copy->id);
	} else if (app_put_item(ctx->app, copy, &err)) {
		ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved: %s finds out %s%s%s",
			   copy->owner ? copy->owner : "nobody yet", copy->id,
			   copy->due ? " by " : "", copy->due ? copy->due : "");
	}
out:
	open_item_free(copy);
	sbuf_release(&id);
	sbuf_release(&word);
	sbuf_release(&who);
	return VIEW_DONE;
}

int act_answer_owner(struct ui_ctx *ctx, const struct request *req)
{
	return set_owner(ctx, req);
}

int act_answer(struct ui_ctx *ctx, const struct request *req)
{
	return answer(ctx, req->arg);
}

int act_answer_accept(struct ui_ctx *ctx, const struct request *req)
{
	return act_answer_decide(ctx, req, true);
}

int act_answer_skip(struct ui_ctx *ctx, const struct request *req)
{
	return act_answer_decide(ctx, req, false);
}

int act_answer_packs(struct ui_ctx *ctx, const struct request *req)
{
	return packs(ctx, req->arg);
}
