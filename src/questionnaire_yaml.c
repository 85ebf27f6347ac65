/*
 * The questionnaire loader: walks the ynode tree of one file and checks everything the engine
 * relies on (ids, show_if targets, risky answers that suggest something) before handing it out.
 */
#include "questionnaire_yaml.h"

#include <stdlib.h>

#include "fileio.h"
#include "qfields_yaml.h"
#include "sbuf.h"
#include "tree_yaml.h"
#include "util.h"
#include "xalloc.h"

static const char *const file_keys[] = {
    "id", "title", "version", "summary", "applies_to", "questions", NULL,
};
static const char *const question_keys[] = {
    "id",    "core",   "text",    "help",       "answer",   "options",
    "risky", "stride", "show_if", "applies_to", "suggests", NULL,
};
static const char *const option_keys[] = {"id", "label", "risky", "suggests", NULL};
static const char *const applies_keys[] = {"kinds", "types", NULL};
static const char *const show_if_keys[] = {"question", "answer", NULL};
static const char *const suggestion_keys[] = {
    "threat", "description", "stride", "likelihood", "impact", "mitigations", NULL,
};

/* One question being read: the parts of the tree the cross-checks need to point at. */
struct qread {
	const struct yctx *ctx;
	struct questionnaire *qn;
	const struct ynode *list; /* the questions list, to tell a later question from none */
	size_t index; /* this question's position in it */
	const struct ynode *node;
	struct question *q;
};

static const struct ynode *value_or_map(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	return v ? v : map;
}

/*
 * "yes, no" or the option ids (then "unknown, n/a" when `with_unknown`), for "expected one of"
 * messages: a new string to free.
 */
static char *expected_answers(const struct question *q, bool with_unknown)
{
	struct sbuf out = SBUF_INIT;
	size_t i;

	sbuf_init(&out);
	if (q->type == ANSWER_YES_NO)
		sbuf_addstr(&out, "yes, no");
	for (i = 0; q->type == ANSWER_CHOICE && i < q->noptions; i++)
		sbuf_addf(&out, "%s%s", i ? ", " : "", q->options[i]->id);
	if (with_unknown)
		sbuf_addstr(&out, ", " ANSWER_UNKNOWN ", " ANSWER_NA);
	return sbuf_detach(&out);
}

static int err_not_answer(const struct yctx *ctx, const struct ynode *item, const char *what,
			  const struct question *q, bool with_unknown)
{
	char *list = expected_answers(q, with_unknown);

	yerr(ctx, item, "%s '%s' is not an answer question '%s' can give (expected one of: %s)",
	     what, item->scalar, q->id, list);
	free(list);
	return -1;
}

static int read_mitigations(const struct yctx *ctx, const struct ynode *map, struct strlist *out)
{
	const struct ynode *v = yfield_list(ctx, map, "mitigations");
	size_t i;

	if (!v)
		return -1;
	for (i = 0; i < v->count; i++) {
		const struct ynode *item = v->items[i];
		if (item->type != YNODE_SCALAR || str_empty(item->scalar))
			return yerr(ctx, item, "each mitigation must be a line of text");
		strlist_push(out, item->scalar);
	}
	return 0;
}

static int read_suggestion(const struct yctx *ctx, const struct ynode *node, struct suggestion *s)
{
	long likelihood = 0, impact = 0;
	unsigned set = 0;

	s->line = node->line;
	if (ynode_expect(ctx, node, YNODE_MAP, "a suggestion") ||
	    ynode_check_keys(ctx, node, "suggestion", suggestion_keys) ||
	    ynode_str(ctx, node, "threat", true, &s->threat) ||
	    ynode_str(ctx, node, "description", false, &s->description) ||
	    yfield_letters(ctx, node, "stride", true, &s->letter, &set) ||
	    ynode_int(ctx, node, "likelihood", true, 1, 5, &likelihood) ||
	    ynode_int(ctx, node, "impact", true, 1, 5, &impact) ||
	    read_mitigations(ctx, node, &s->mitigations))
		return -1;
	s->extra = set & ~STRIDE_BIT(s->letter);
	s->likelihood = (int)likelihood;
	s->impact = (int)impact;
	return 0;
}

/* Reads `suggests:` of a question (o == NULL) or of an option. */
static int read_suggests(const struct yctx *ctx, const struct ynode *map, struct question *q,
			 struct question_option *o)
{
	const struct ynode *v;
	size_t i;

	if (!ynode_get(map, "suggests"))
		return 0;
	if (!(v = yfield_list(ctx, map, "suggests")))
		return -1;
	for (i = 0; i < v->count; i++) {
		struct suggestion *s = suggestion_new();
		if (o)
			question_option_add_suggestion(o, s);
		else
			question_add_suggestion(q, s);
		if (read_suggestion(ctx, v->items[i], s))
			return -1;
	}
	return 0;
}

static int read_applies(const struct yctx *ctx, const struct ynode *node, unsigned fit_kinds,
			struct applies_to *at)
{
	unsigned own;

	if (ynode_expect(ctx, node, YNODE_MAP, "'applies_to'") ||
	    ynode_check_keys(ctx, node, "applies_to", applies_keys) || yfield_kinds(ctx, node, at))
		return -1;
	/* A question that narrows by type alone must still name types its questionnaire can get. */
	own = at->kinds;
	if (!own)
		at->kinds = fit_kinds;
	if (yfield_types(ctx, node, at))
		return -1;
	at->kinds = own;
	if (!at->kinds && !at->types.count)
		return yerr(ctx, node, "'applies_to' needs 'kinds' or 'types'");
	return 0;
}

/* A question's applies_to may only narrow: naming what the questionnaire never gets is a bug. */
static int check_narrowing(const struct qread *r, const struct ynode *node)
{
	const struct applies_to *outer = &r->qn->applies_to, *inner = &r->q->applies_to;
	size_t i;
	int k;

	for (k = 0; k < KIND_COUNT; k++)
		if ((inner->kinds & KIND_BIT(k)) && outer->kinds && !(outer->kinds & KIND_BIT(k)))
			return yerr(r->ctx, node,
				    "kind '%s' is outside the questionnaire's applies_to",
				    element_kind_name((enum element_kind)k));
	for (i = 0; outer->types.count && i < inner->types.count; i++)
		if (!strlist_contains(&outer->types, inner->types.items[i]))
			return yerr(r->ctx, node,
				    "type '%s' is outside the questionnaire's applies_to",
				    inner->types.items[i]);
	return 0;
}

static int read_question_applies(struct qread *r)
{
	const struct ynode *node = ynode_get(r->node, "applies_to");

	if (!node)
		return 0;
	if (read_applies(r->ctx, node, r->qn->applies_to.kinds, &r->q->applies_to))
		return -1;
	return check_narrowing(r, node);
}

static int read_option(const struct qread *r, const struct ynode *node)
{
	struct question_option *o = question_option_new();
	struct question_option *dup;

	o->line = node->line;
	question_add_option(r->q, o);
	if (ynode_expect(r->ctx, node, YNODE_MAP, "an option") ||
	    ynode_check_keys(r->ctx, node, "option", option_keys) ||
	    yfield_slug(r->ctx, node, "id", &o->id))
		return -1;
	if (str_eq(o->id, ANSWER_UNKNOWN))
		return yerr(r->ctx, ynode_get(node, "id"),
			    "option id 'unknown' is reserved: every question accepts it");
	dup = question_find_option(r->q, o->id);
	if (dup != o)
		return yerr(r->ctx, ynode_get(node, "id"), "duplicate option id '%s'", o->id);
	if (ynode_str(r->ctx, node, "label", true, &o->label) ||
	    ynode_bool(r->ctx, node, "risky", &o->risky))
		return -1;
	return read_suggests(r->ctx, node, r->q, o);
}

static int read_options(struct qread *r)
{
	const struct ynode *v = ynode_get(r->node, "options");
	size_t i;

	if (r->q->type != ANSWER_CHOICE) {
		if (v)
			return yerr(r->ctx, ynode_key_node(r->node, "options"),
				    "only choice questions have 'options'");
		return 0;
	}
	if (!v)
		return yerr(r->ctx, ynode_get(r->node, "answer"),
			    "a choice question needs 'options'");
	if (ynode_expect(r->ctx, v, YNODE_SEQ, "'options'"))
		return -1;
	if (v->count < 2)
		return yerr(r->ctx, v, "a choice question needs at least two options");
	for (i = 0; i < v->count; i++)
		if (read_option(r, v->items[i]))
			return -1;
	return 0;
}

static int read_risky_item(struct qread *r, const struct ynode *item, struct strlist *seen)
{
	struct question_option *o;

	if (item->type != YNODE_SCALAR)
		return yerr(r->ctx, item, "items of 'risky' must be single values");
	if (str_eq(item->scalar, ANSWER_UNKNOWN) || str_eq(item->scalar, ANSWER_NA))
		return yerr(r->ctx, item, "'%s' is never risky", item->scalar);
	if (!question_answer_valid(r->q, item->scalar))
		return err_not_answer(r->ctx, item, "risky answer", r->q, false);
	if (strlist_contains(seen, item->scalar))
		return yerr(r->ctx, item, "risky answer '%s' is listed twice", item->scalar);
	strlist_push(seen, item->scalar);
	if ((o = question_find_option(r->q, item->scalar)))
		o->risky = true;
	return 0;
}

/* q->risky ends up listing every risky answer, for choice questions in option order. */
static void collect_risky(struct question *q, struct strlist *seen)
{
	size_t i;

	if (q->type != ANSWER_CHOICE) {
		strlist_copy(&q->risky, seen);
		return;
	}
	for (i = 0; i < q->noptions; i++)
		if (q->options[i]->risky)
			strlist_push(&q->risky, q->options[i]->id);
}

static int read_risky(struct qread *r)
{
	const struct ynode *v = ynode_get(r->node, "risky");
	struct strlist seen = STRLIST_INIT;
	size_t i;
	int rc = -1;

	if (v && r->q->type == ANSWER_TEXT)
		return yerr(r->ctx, ynode_key_node(r->node, "risky"),
			    "a text question cannot have risky answers");
	if (v && v->type != YNODE_SEQ)
		return yerr(r->ctx, v, "'risky' must be a list, not %s", ynode_type_name(v->type));
	for (i = 0; v && i < v->count; i++)
		if (read_risky_item(r, v->items[i], &seen))
			goto out;
	collect_risky(r->q, &seen);
	rc = 0;
out:
	strlist_clear(&seen);
	return rc;
}

static bool later_question(const struct qread *r, const char *id)
{
	size_t i;

	for (i = r->index + 1; i < r->list->count; i++) {
		const struct ynode *idnode = ynode_get(r->list->items[i], "id");
		if (idnode && idnode->type == YNODE_SCALAR && str_eq(idnode->scalar, id))
			return true;
	}
	return false;
}

/* The target must come first: the walk asks in file order and show_if chains cannot loop. */
static const struct question *show_if_target(const struct qread *r, const struct ynode *at)
{
	const char *id = r->q->show_if.question;
	const struct question *target = questionnaire_find_question(r->qn, id);

	if (str_eq(id, r->q->id))
		yerr(r->ctx, at, "show_if names the question itself");
	else if (target && target->type == ANSWER_TEXT)
		yerr(r->ctx, at, "show_if cannot depend on text question '%s'", id);
	else if (target)
		return target;
	else if (later_question(r, id))
		yerr(r->ctx, at, "show_if names question '%s', which must come before this one",
		     id);
	else
		yerr(r->ctx, at, "show_if names unknown question '%s'", id);
	return NULL;
}

static int read_show_if_answer(struct qread *r, const struct question *target,
			       const struct ynode *item)
{
	if (item->type != YNODE_SCALAR)
		return yerr(r->ctx, item, "a show_if answer must be a single value");
	if (!question_answer_valid(target, item->scalar))
		return err_not_answer(r->ctx, item, "show_if answer", target, true);
	strlist_push(&r->q->show_if.answers, item->scalar);
	return 0;
}

static int read_show_if(struct qread *r)
{
	const struct ynode *v = ynode_get(r->node, "show_if"), *answer;
	const struct question *target;
	size_t i;

	if (!v)
		return 0;
	r->q->show_if.line = v->line;
	if (ynode_expect(r->ctx, v, YNODE_MAP, "'show_if'") ||
	    ynode_check_keys(r->ctx, v, "show_if", show_if_keys) ||
	    ynode_str(r->ctx, v, "question", true, &r->q->show_if.question) ||
	    !(target = show_if_target(r, ynode_get(v, "question"))) ||
	    ynode_require(r->ctx, v, "show_if", "answer"))
		return -1;
	answer = ynode_get(v, "answer");
	if (answer->type == YNODE_SCALAR)
		return read_show_if_answer(r, target, answer);
	if (answer->type != YNODE_SEQ || answer->count == 0)
		return yerr(r->ctx, answer, "a show_if answer must be a value or a list of values");
	for (i = 0; i < answer->count; i++)
		if (read_show_if_answer(r, target, answer->items[i]))
			return -1;
	return 0;
}

/*
 * A workshop asks only core questions at first, so a core question behind a show_if whose
 * target is not core would never be shown there.
 */
static int check_core(const struct qread *r)
{
	const struct question *target;

	if (!r->q->core || !r->q->show_if.question)
		return 0;
	target = questionnaire_find_question(r->qn, r->q->show_if.question);
	if (target->core)
		return 0;
	return yerr(r->ctx, ynode_get(r->node, "core"),
		    "core question '%s' is asked only after '%s', which is not core (mark '%s' "
		    "core too, or drop 'core' here)",
		    r->q->id, target->id, target->id);
}

/* Where a risky answer was declared: the `risky:` list item, else the option itself. */
static const struct ynode *risky_node(const struct qread *r, const char *value)
{
	const struct ynode *v = ynode_get(r->node, "risky"), *opts;
	size_t i;

	for (i = 0; v && v->type == YNODE_SEQ && i < v->count; i++)
		if (str_eq(v->items[i]->scalar, value))
			return v->items[i];
	opts = ynode_get(r->node, "options");
	for (i = 0; opts && i < r->q->noptions; i++)
		if (str_eq(r->q->options[i]->id, value))
			return value_or_map(opts->items[i], "risky");
	return r->node;
}

/* A risky answer that suggests nothing would flag a problem and then offer no threat. */
static int check_suggested(const struct qread *r)
{
	const struct question *q = r->q;
	size_t i;

	if (q->nsuggests && !q->risky.count)
		return yerr(r->ctx, ynode_key_node(r->node, "suggests"),
			    "'suggests' never fires: question '%s' has no risky answer", q->id);
	for (i = 0; i < q->noptions; i++)
		if (q->options[i]->nsuggests && !q->options[i]->risky)
			return yerr(r->ctx, risky_node(r, q->options[i]->id),
				    "option '%s' has 'suggests' but is not risky",
				    q->options[i]->id);
	for (i = 0; i < q->risky.count; i++) {
		const struct question_option *o = question_find_option(q, q->risky.items[i]);
		if (!q->nsuggests && !(o && o->nsuggests))
			return yerr(r->ctx, risky_node(r, q->risky.items[i]),
				    "risky answer '%s' suggests no threat; add 'suggests'",
				    q->risky.items[i]);
	}
	return 0;
}

static int read_answer_type(struct qread *r)
{
	char *s = NULL;
	int rc = 0;

	if (ynode_str(r->ctx, r->node, "answer", true, &s))
		return -1;
	if (answer_type_parse(s, &r->q->type))
		rc = yerr(r->ctx, ynode_get(r->node, "answer"),
			  "unknown answer type '%s' (expected yes_no, choice or text)", s);
	free(s);
	return rc;
}

static int read_question_id(struct qread *r)
{
	const struct question *first;

	if (yfield_slug(r->ctx, r->node, "id", &r->q->id))
		return -1;
	first = questionnaire_find_question(r->qn, r->q->id);
	if (first != r->q)
		return yerr(r->ctx, ynode_get(r->node, "id"),
			    "duplicate question id '%s' (first at line %d)", r->q->id, first->line);
	return 0;
}

/*
 * A question's fields are checked one after the other; lint goes on past a problem in the
 * fields that stand alone, but not into those that depend on its id or answer type.
 */
static int read_question(struct qread *r)
{
	const struct yctx *c = r->ctx;
	bool bad = false;

	r->q = question_new();
	r->q->line = r->node->line;
	r->q->col = r->node->col;
	questionnaire_add_question(r->qn, r->q);
	if (ynode_expect(c, r->node, YNODE_MAP, "a question") || read_question_id(r))
		return -1;
	if (ynode_stop(c, ynode_check_keys(c, r->node, "question", question_keys), &bad) ||
	    ynode_stop(c, ynode_bool(c, r->node, "core", &r->q->core), &bad) ||
	    ynode_stop(c, ynode_str(c, r->node, "text", true, &r->q->text), &bad) ||
	    ynode_stop(c, ynode_str(c, r->node, "help", false, &r->q->help), &bad) ||
	    ynode_stop(c, read_question_applies(r), &bad) ||
	    ynode_stop(c, yfield_letters(c, r->node, "stride", false, NULL, &r->q->stride), &bad) ||
	    read_answer_type(r))
		return -1;
	if (read_options(r) || read_risky(r) || read_show_if(r) || check_core(r) ||
	    read_suggests(c, r->node, r->q, NULL) || check_suggested(r))
		return -1;
	return bad ? -1 : 0;
}

static int read_questions(const struct yctx *ctx, const struct ynode *root,
			  struct questionnaire *qn)
{
	struct qread r = {ctx, qn, NULL, 0, NULL, NULL};
	const struct ynode *key;
	bool bad = false;

	if (!(r.list = yfield_list(ctx, root, "questions")))
		return -1;
	key = ynode_key_node(root, "questions");
	qn->questions_line = key->line;
	qn->questions_col = key->col;
	for (r.index = 0; r.index < r.list->count; r.index++) {
		r.node = r.list->items[r.index];
		if (ynode_stop(ctx, read_question(&r), &bad))
			return -1;
	}
	return bad ? -1 : 0;
}

static int read_file_applies(const struct yctx *ctx, const struct ynode *root,
			     struct questionnaire *qn)
{
	if (ynode_require(ctx, root, "a questionnaire", "applies_to"))
		return -1;
	return read_applies(ctx, ynode_get(root, "applies_to"), 0, &qn->applies_to);
}

int questionnaire_from_tree(const struct yctx *ctx, const struct ynode *root,
			    struct questionnaire **out)
{
	struct questionnaire *qn = questionnaire_new();
	bool bad = false;

	*out = NULL;
	if (ynode_expect(ctx, root, YNODE_MAP, "a questionnaire file") ||
	    ynode_stop(ctx, ynode_check_file_keys(ctx, root, "a questionnaire", file_keys), &bad) ||
	    (bad && !ynode_any_key(root, file_keys)) ||
	    ynode_stop(ctx, yfield_slug(ctx, root, "id", &qn->id), &bad) ||
	    ynode_stop(ctx, ynode_str(ctx, root, "title", true, &qn->title), &bad) ||
	    ynode_stop(ctx, ynode_int(ctx, root, "version", true, 1, 1000000, &qn->version),
		       &bad) ||
	    ynode_stop(ctx, ynode_str(ctx, root, "summary", false, &qn->summary), &bad) ||
	    ynode_stop(ctx, read_file_applies(ctx, root, qn), &bad) ||
	    ynode_stop(ctx, read_questions(ctx, root, qn), &bad) || bad) {
		questionnaire_free(qn);
		return -1;
	}
	*out = qn;
	return 0;
}

int questionnaire_load_text(const char *file, const char *text, size_t len,
			    struct questionnaire **out, struct sw_error *err)
{
	struct yctx ctx = {file, err, NULL};
	struct ynode *root = NULL;

	*out = NULL;
	if (yaml_parse_tree(file, text, len, &root, err))
		return -1;
	if (questionnaire_from_tree(&ctx, root, out) == 0) {
		(*out)->path = xstrdup(file);
		questionnaire_hash(text, len, (*out)->hash);
	}
	ynode_free(root);
	return *out ? 0 : -1;
}

int questionnaire_load(const char *path, struct questionnaire **out, struct sw_error *err)
{
	struct sbuf text = SBUF_INIT;
	int rc;

	*out = NULL;
	if (file_read_all(path, &text, err)) {
		sbuf_release(&text);
		return -1;
	}
	rc = questionnaire_load_text(path, sbuf_str(&text), text.len, out, err);
	sbuf_release(&text);
	return rc;
}
