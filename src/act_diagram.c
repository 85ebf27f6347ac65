/*
 * Drawing the diagram from the UI, so a team can start with no YAML at all: adding elements,
 * flows and trust boundaries (a short series of prompts, or one command), moving an element
 * into a boundary, renaming and deleting. Ids are made from names; nobody has to type a slug.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "command.h"
#include "util.h"
#include "act.h"
#include "xalloc.h"

/* A free id made from a name: "Payslip function" -> "payslip-function" (then -2, -3, ...). */
static char *slug_from(const struct model *m, const char *name)
{
	struct sbuf sb = SBUF_INIT, try = SBUF_INIT;
	const char *p;
	int n = 2;

	for (p = name; *p && sb.len < 56; p++) {
		if (isalnum((unsigned char)*p) && !(*p & 0x80))
			sbuf_addch(&sb, (char)tolower((unsigned char)*p));
		else if (sb.len > 0 && sb.buf[sb.len - 1] != '-')
			sbuf_addch(&sb, '-');
	}
	while (sb.len > 0 && sb.buf[sb.len - 1] == '-')
		sbuf_truncate(&sb, sb.len - 1);
	if (sb.len == 0)
		sbuf_addstr(&sb, "element");
	sbuf_addstr(&try, sb.buf);
	while (model_element(m, try.buf)) {
		sbuf_reset(&try);
		sbuf_addf(&try, "%s-%d", sb.buf, n++);
	}
	sbuf_release(&sb);
	return sbuf_detach(&try);
}

/* Appends `s` as one command word, quoted when it holds spaces or quotes. */
static void add_word(struct sbuf *out, const char *s)
{
	if (out->len)
		sbuf_addch(out, ' ');
	if (*s && !strpbrk(s, " \t\"\\")) {
		sbuf_addstr(out, s);
		return;
	}
	sbuf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sbuf_addch(out, '\\');
		sbuf_addch(out, *s);
	}
	sbuf_addch(out, '"');
}

static int parse_kind(const char *s, enum element_kind *kind)
{
	if (str_eq(s, "entity") || str_eq(s, "external") || str_eq(s, "actor"))
		*kind = KIND_EXTERNAL_ENTITY;
	else if (str_eq(s, "process") || str_eq(s, "function"))
		*kind = KIND_PROCESS;
	else if (str_eq(s, "store") || str_eq(s, "datastore"))
		*kind = KIND_DATA_STORE;
	else
		return element_kind_parse(s, kind);
	return 0;
}

static const char *default_type(enum element_kind kind)
{
	return kind == KIND_EXTERNAL_ENTITY ? "generic.user"
	       : kind == KIND_PROCESS       ? "aws.lambda"
					    : "aws.dynamodb";
}

static void complete_types(struct ui_ctx *ctx, enum element_kind kind)
{
	size_t n, i;
	const struct catalog_type *all = catalog_all(&n);

	for (i = 0; i < n; i++)
		if (all[i].kind == kind)
			ui_prompt_complete(ctx, all[i].id);
	ui_prompt_complete(ctx, kind == KIND_EXTERNAL_ENTITY ? "generic.service" : "generic.NAME");
}

static void complete_elements(struct ui_ctx *ctx, bool boundaries)
{
	const struct model *m = ctx->app->model;
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (boundaries ? e->kind == KIND_TRUST_BOUNDARY
			       : e->kind != KIND_TRUST_BOUNDARY && e->kind != KIND_DATA_FLOW)
			ui_prompt_complete(ctx, e->id);
	}
}

/*
 * The element a prompt's answer names: its id, else its name in any case ("Internet" for the
 * boundary internet). `boundaries`: only trust boundaries; otherwise only the nodes a flow can
 * join. NULL when none fits.
 */
static const struct element *named_element(const struct model *m, const char *text, bool boundaries)
{
	const struct element *e = model_element(m, text);
	size_t i;

	for (i = 0; !e && i < m->nelements; i++)
		if (m->elements[i]->name && strcasecmp(m->elements[i]->name, text) == 0)
			e = m->elements[i];
	if (e && (boundaries ? e->kind == KIND_TRUST_BOUNDARY
			     : e->kind != KIND_TRUST_BOUNDARY && e->kind != KIND_DATA_FLOW))
		return e;
	return NULL;
}

/* The element selected on the current screen (the overview), else the current one. */
static const struct element *selected_element(struct ui_ctx *ctx)
{
	const char *sel = ui_selected(ctx);
	const struct element *e = sel ? model_element(ctx->app->model, sel) : NULL;

	return e ? e : ctx->element ? model_element(ctx->app->model, ctx->element) : NULL;
}

/* The boundary new elements go into: the selected boundary, or the selection's boundary. */
static const char *default_boundary(struct ui_ctx *ctx)
{
	const struct element *e = selected_element(ctx);

	if (!e)
		return "-";
	if (e->kind == KIND_TRUST_BOUNDARY)
		return e->id;
	return e->boundary ? e->boundary : "-";
}

static int put(struct ui_ctx *ctx, struct element *e, const char *what)
{
	struct sw_error err = SW_ERROR_INIT;
	int flags = VIEW_DONE;

	if (app_put_element(ctx->app, e, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved %s '%s': %s", element_kind_label(e->kind), e->id,
			   what);
	}
	element_free(e);
	return flags;
}

/* The words of a command argument, up to `max`; the last takes the rest of the line. */
static size_t split(const char *arg, struct sbuf *words, size_t max)
{
	const char *p = arg ? arg : "";
	size_t n = 0;

	while (n + 1 < max && command_word(&p, &words[n]))
		n++;
	command_rest(p, &words[n]);
	return words[n].len ? n + 1 : n;
}

static void release(struct sbuf *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sbuf_release(&words[i]);
}

/* :add KIND ID TYPE NAME, with an optional boundary as a fifth word from the prompts. */
static int add_element(struct ui_ctx *ctx, struct sbuf *w, const char *boundary)
{
	enum element_kind kind;
	struct element *e;

	if (parse_kind(w[0].buf, &kind) || kind == KIND_DATA_FLOW || kind == KIND_TRUST_BOUNDARY)
		return ui_fail(ctx,
			       "kind '%s' must be entity, process or store (flows: add-flow, "
			       "boundaries: add-boundary)",
			       w[0].buf);
	e = element_new(w[1].buf, kind);
	e->type = xstrdup(w[2].buf);
	e->name = xstrdup(w[3].buf);
	if (boundary && !str_eq(boundary, "-"))
		e->boundary = xstrdup(boundary);
	if (catalog_find(e->type))
		e->is_log = catalog_find(e->type)->is_log;
	if (put(ctx, e, w[3].buf) == VIEW_DONE && ctx->message_kind == MSG_SAVED)
		ui_set_element(ctx, w[1].buf);
	return VIEW_DONE;
}

/* The last add prompt answered: `w` holds NAME KIND TYPE, `boundary` the answer. */
static int add_finish(struct ui_ctx *ctx, struct sbuf *w, const char *boundary)
{
	struct sbuf x[4] = {SBUF_INIT, SBUF_INIT, SBUF_INIT, SBUF_INIT};
	char *id = slug_from(ctx->app->model, w[0].buf);
	int flags;

	sbuf_addstr(&x[0], w[1].buf);
	sbuf_addstr(&x[1], id);
	sbuf_addstr(&x[2], w[2].buf);
	sbuf_addstr(&x[3], w[0].buf);
	flags = add_element(ctx, x, boundary);
	release(x, 4);
	free(id);
	return flags;
}

/* `asked`: the answers before this one (the name), `subject`: with this one. */
static int add_kind_step(struct ui_ctx *ctx, const char *answer, const char *asked,
			 const char *subject, const char *name)
{
	enum element_kind kind;
	int flags;

	if (parse_kind(answer, &kind) || kind == KIND_DATA_FLOW || kind == KIND_TRUST_BOUNDARY) {
		/* asked again, the name typed before kept */
		flags = ui_prompt(ctx, ACT_ADD, 2, asked, "process",
				  "'%s' is not a kind. Kind of \"%s\": entity, process or store",
				  answer, name);
		ui_prompt_complete(ctx, "entity");
		ui_prompt_complete(ctx, "process");
		ui_prompt_complete(ctx, "store");
		return flags;
	}
	flags = ui_prompt(ctx, ACT_ADD, 3, subject, default_type(kind),
			  "Type of \"%s\" (Tab completes; generic.NAME fits anything)", name);
	complete_types(ctx, kind);
	return flags;
}

/*
 * The add prompts: name (1), kind (2), type (3), boundary (4). The subject carries the answers
 * so far as command words: NAME KIND TYPE.
 */
static int add_step(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf w[4] = {SBUF_INIT, SBUF_INIT, SBUF_INIT, SBUF_INIT};
	struct sbuf subject = SBUF_INIT;
	const struct element *b = NULL;
	int flags;

	split(req->subject, w, 4);
	sbuf_addstr(&subject, req->subject ? req->subject : "");
	add_word(&subject, req->arg ? req->arg : "");
	if (req->step == 1) {
		flags = ui_prompt(ctx, ACT_ADD, 2, subject.buf, "process",
				  "Kind of \"%s\": entity, process or store", req->arg);
		ui_prompt_complete(ctx, "entity");
		ui_prompt_complete(ctx, "process");
		ui_prompt_complete(ctx, "store");
	} else if (req->step == 2) {
		flags = add_kind_step(ctx, req->arg, req->subject, subject.buf, w[0].buf);
	} else if (req->step == 3) {
		flags = ui_prompt(ctx, ACT_ADD, 4, subject.buf, default_boundary(ctx),
				  "Trust boundary of \"%s\" (its id, or - for none)", w[0].buf);
		complete_elements(ctx, true);
	} else if (!str_empty(req->arg) && !str_eq(req->arg, "-") &&
		   !(b = named_element(ctx->app->model, req->arg, true))) {
		flags = ui_prompt(ctx, ACT_ADD, 4, req->subject, default_boundary(ctx),
				  "No trust boundary '%s'. Trust boundary of \"%s\" (its id, or - "
				  "for none)",
				  req->arg, w[0].buf);
		complete_elements(ctx, true);
	} else {
		flags = add_finish(ctx, w, b ? b->id : req->arg);
	}
	sbuf_release(&subject);
	release(w, 4);
	return flags;
}

static int add(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf w[4] = {SBUF_INIT, SBUF_INIT, SBUF_INIT, SBUF_INIT};
	size_t n;
	int flags;

	if (req->step > 0)
		return add_step(ctx, req);
	if (str_empty(req->arg))
		return ui_prompt(ctx, ACT_ADD, 1, NULL, "", "Name of the new element");
	n = split(req->arg, w, 4);
	if (n < 4)
		flags = ui_fail(ctx, "write :add KIND ID TYPE NAME (e.g. :add process payslip-fn "
				     "aws.lambda Payslip function)");
	else
		flags = add_element(ctx, w, NULL);
	release(w, 4);
	return flags;
}

static int add_boundary(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf w[2] = {SBUF_INIT, SBUF_INIT};
	struct element *e;
	char *id = NULL;
	size_t n;

	if (str_empty(req->arg))
		return ui_prompt(ctx, ACT_ADD_BOUNDARY, 1, NULL, "",
				 "Name of the new trust boundary (AWS account, VPC, Internet)");
	if (req->step == 1) {
		id = slug_from(ctx->app->model, req->arg);
		sbuf_addstr(&w[0], id);
		sbuf_addstr(&w[1], req->arg);
		n = 2;
	} else {
		n = split(req->arg, w, 2);
	}
	if (n < 2) {
		release(w, 2);
		return ui_fail(ctx, "write :add-boundary ID NAME");
	}
	e = element_new(w[0].buf, KIND_TRUST_BOUNDARY);
	e->name = xstrdup(w[1].buf);
	put(ctx, e, w[1].buf);
	release(w, 2);
	free(id);
	return VIEW_DONE;
}

/* :add-flow FROM TO PROTOCOL|- NAME; prompts: from (1), to (2), protocol (3), name (4). */
static int flow_from_words(struct ui_ctx *ctx, struct sbuf *w)
{
	struct element *e;
	char *id = slug_from(ctx->app->model, w[3].buf);

	e = element_new(id, KIND_DATA_FLOW);
	e->from = xstrdup(w[0].buf);
	e->to = xstrdup(w[1].buf);
	e->protocol = str_eq(w[2].buf, "-") ? NULL : xstrdup(w[2].buf);
	e->name = xstrdup(w[3].buf);
	free(id);
	return put(ctx, e, w[3].buf);
}

static int flow_step(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf w[4] = {SBUF_INIT, SBUF_INIT, SBUF_INIT, SBUF_INIT};
	struct sbuf subject = SBUF_INIT;
	const struct element *node = NULL;
	int flags;

	if ((req->step == 1 || req->step == 2) &&
	    !(node = named_element(ctx->app->model, req->arg ? req->arg : "", false))) {
		/* asked again, the answers before kept: a flow joins two nodes */
		split(req->subject, w, 1);
		flags = ui_prompt(
		    ctx, ACT_ADD_FLOW, req->step, req->subject, "",
		    "No element '%s' for a flow to join. %s%s%s (its id; Tab completes)",
		    req->arg ? req->arg : "", req->step == 1 ? "New data flow from" : "Flow from ",
		    w[0].buf, req->step == 1 ? "" : " to");
		complete_elements(ctx, false);
		release(w, 1);
		return flags;
	}
	sbuf_addstr(&subject, req->subject ? req->subject : "");
	add_word(&subject, node ? node->id : req->arg ? req->arg : "");
	split(subject.buf, w, 4);
	if (req->step == 1) {
		flags = ui_prompt(ctx, ACT_ADD_FLOW, 2, subject.buf, "", "Flow from %s to (its id)",
				  w[0].buf);
		complete_elements(ctx, false);
	} else if (req->step == 2) {
		flags = ui_prompt(ctx, ACT_ADD_FLOW, 3, subject.buf, "HTTPS",
				  "Protocol from %s to %s (- for none)", w[0].buf, w[1].buf);
	} else if (req->step == 3) {
		flags = ui_prompt(ctx, ACT_ADD_FLOW, 4, subject.buf, "",
				  "Name of the flow from %s to %s (what it carries)", w[0].buf,
				  w[1].buf);
	} else {
		flags = flow_from_words(ctx, w);
	}
	sbuf_release(&subject);
	release(w, 4);
	return flags;
}

static int add_flow(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf w[4] = {SBUF_INIT, SBUF_INIT, SBUF_INIT, SBUF_INIT};
	const struct element *sel;
	int flags;

	if (req->step > 0)
		return flow_step(ctx, req);
	if (str_empty(req->arg)) {
		sel = selected_element(ctx);
		flags = ui_prompt(
		    ctx, ACT_ADD_FLOW, 1, NULL,
		    sel && sel->kind != KIND_TRUST_BOUNDARY && sel->kind != KIND_DATA_FLOW ? sel->id
											   : "",
		    "New data flow from (an element id; Tab completes)");
		complete_elements(ctx, false);
		return flags;
	}
	if (split(req->arg, w, 4) < 4)
		flags = ui_fail(ctx, "write :add-flow FROM TO PROTOCOL NAME (PROTOCOL - for none)");
	else
		flags = flow_from_words(ctx, w);
	release(w, 4);
	return flags;
}

/* The element a rename, move or delete is about: a first word naming one, else the selection. */
static struct element *target(struct ui_ctx *ctx, const struct request *req, const char **rest)
{
	struct sbuf word = SBUF_INIT;
	const char *p = req->subject ? req->subject : req->arg ? req->arg : "";
	const struct element *e = NULL;

	*rest = p;
	if (command_word(&p, &word) && (e = model_element(ctx->app->model, word.buf)))
		*rest = p;
	if (req->subject)
		*rest = req->arg ? req->arg : "";
	if (!e)
		e = selected_element(ctx);
	sbuf_release(&word);
	if (!e)
		ui_fail(ctx, "say which element (its id), or select one on the overview");
	return e ? element_dup(e) : NULL;
}

static int rename_element(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf name = SBUF_INIT;
	const char *rest;
	struct element *e = target(ctx, req, &rest);

	if (!e)
		return VIEW_DONE;
	command_rest(rest, &name);
	if (name.len == 0) {
		ui_prompt(ctx, ACT_RENAME, 0, e->id, e->name, "New name of '%s'", e->id);
		element_free(e);
		return VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT;
	}
	free(e->name);
	e->name = sbuf_detach(&name);
	return put(ctx, e, e->name);
}

static int move(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf to = SBUF_INIT;
	const char *rest;
	struct element *e = target(ctx, req, &rest);

	if (!e)
		return VIEW_DONE;
	command_rest(rest, &to);
	if (to.len == 0) {
		ui_prompt(ctx, ACT_MOVE, 0, e->id, e->boundary ? e->boundary : "-",
			  "Put '%s' in which trust boundary (its id, or - for none)", e->id);
		complete_elements(ctx, true);
		element_free(e);
		return VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT;
	}
	free(e->boundary);
	e->boundary = str_eq(to.buf, "-") ? NULL : sbuf_detach(&to);
	sbuf_release(&to);
	return put(ctx, e, e->boundary ? e->boundary : "outside every boundary");
}

static int delete_element(struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	const char *rest;
	struct element *e = target(ctx, req, &rest);
	int flags = VIEW_DONE;

	if (!e)
		return VIEW_DONE;
	if (req->step != 1) {
		flags = ui_prompt(ctx, ACT_DELETE, 1, e->id, "",
				  "Delete %s '%s' with its flows, threats and answers? Type yes",
				  element_kind_label(e->kind), e->id);
	} else if (!str_eq(req->arg, "yes")) {
		ui_message(ctx, MSG_INFO, "kept '%s'", e->id);
	} else if (app_delete_element(ctx->app, e->id, &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "deleted '%s' (U undoes it)", e->id);
	}
	element_free(e);
	return flags;
}

int act_diagram_add(struct ui_ctx *ctx, const struct request *req)
{
	return add(ctx, req);
}

int act_diagram_add_flow(struct ui_ctx *ctx, const struct request *req)
{
	return add_flow(ctx, req);
}

int act_diagram_add_boundary(struct ui_ctx *ctx, const struct request *req)
{
	return add_boundary(ctx, req);
}

int act_diagram_move(struct ui_ctx *ctx, const struct request *req)
{
	return move(ctx, req);
}

int act_diagram_rename(struct ui_ctx *ctx, const struct request *req)
{
	return rename_element(ctx, req);
}

int act_diagram_delete(struct ui_ctx *ctx, const struct request *req)
{
	return delete_element(ctx, req);
}
