/*
 * Answering questionnaires and deciding what risky answers suggest (see app_questionnaire.h).
 * Everything a call changes (answer, open question, snapshot; or threat, mitigations and the
 * decision) goes into one app_change, so undo takes back the whole step.
 */
#include "app_questionnaire.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app_internal.h"
#include "clock.h"
#include "questionnaire_write.h"
#include "questionnaire_yaml.h"
#include "sbuf.h"
#include "strpool.h"
#include "util.h"
#include "xalloc.h"

/* What a call names, checked once; borrowed from the library and the model. */
struct qtarget {
	const struct questionnaire *qn;
	const struct question *q;
	const struct element *e;
};

static int resolve(const struct model *m, const struct qlibrary *lib, const char *element,
		   const char *questionnaire, const char *question, struct qtarget *t,
		   struct sw_error *err)
{
	t->e = model_element(m, element);
	t->qn = qlibrary_questionnaire(lib, questionnaire);
	t->q = t->qn ? questionnaire_find_question(t->qn, question) : NULL;
	if (!t->e)
		return sw_error(err, "no element '%s'", element);
	if (!t->qn)
		return sw_error(err, "no questionnaire '%s'", questionnaire);
	if (!t->q)
		return sw_error(err, "questionnaire '%s' has no question '%s'", questionnaire,
				question);
	if (!question_applies(t->qn, t->q, t->e))
		return sw_error(err, "question '%s/%s' is not asked of %s '%s'", questionnaire,
				question, element_kind_label(t->e->kind), element);
	return 0;
}

/* "a, b or c": a new string the caller frees. */
static char *join_or(const char *const *items, size_t n)
{
	struct sbuf sb = SBUF_INIT;
	size_t i;

	sbuf_init(&sb);
	for (i = 0; i < n; i++)
		sbuf_addf(&sb, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", items[i]);
	return sbuf_detach(&sb);
}

static int not_shown(const struct qtarget *t, struct sw_error *err)
{
	const struct show_if *si = &t->q->show_if;
	char *values = join_or((const char *const *)si->answers.items, si->answers.count);

	sw_error(err, "question '%s/%s' is asked only when '%s' is answered %s", t->qn->id,
		 t->q->id, si->question, values);
	free(values);
	return -1;
}

static int bad_value(const struct question *q, const char *value, struct sw_error *err)
{
	const char **names = xcalloc(q->noptions + 4, sizeof(*names));
	size_t i, n = 0;
	char *expected;

	if (q->type == ANSWER_YES_NO) {
		names[n++] = "yes";
		names[n++] = "no";
	} else if (q->type == ANSWER_TEXT) {
		names[n++] = "any text";
	}
	for (i = 0; q->type == ANSWER_CHOICE && i < q->noptions; i++)
		names[n++] = q->options[i]->id;
	names[n++] = ANSWER_UNKNOWN;
	names[n++] = ANSWER_NA;
	expected = join_or(names, n);
	sw_error(err, "'%s' is not an answer to question '%s' (expected %s)", value ? value : "",
		 q->id, expected);
	free(expected);
	free(names);
	return -1;
}

int app_answer_value(const struct question *q, const char *input, char **value,
		     struct sw_error *err)
{
	const char *v = input;
	long n;

	*value = NULL;
	if (str_eq(input, "u") || str_eq(input, "?"))
		v = ANSWER_UNKNOWN;
	else if (str_eq(input, "N/A"))
		v = ANSWER_NA;
	else if (q->type == ANSWER_YES_NO && (str_eq(input, "y") || str_eq(input, "n")))
		v = input[0] == 'y' ? "yes" : "no";
	else if (q->type == ANSWER_CHOICE && input &&
		 parse_int(input, 1, (long)q->noptions, &n) == 0)
		v = q->options[n - 1]->id;
	if (!question_answer_valid(q, v))
		return bad_value(q, input, err);
	*value = xstrdup(v);
	return 0;
}

/*
 * The open question this answer opens, reopens or closes, as a new item to write; NULL when
 * it changes none (an unknown with its question open already, a known value with none open).
 */
static struct open_item *item_change(const struct app *app, const struct qtarget *t,
				     const char *value)
{
	struct open_item *old = model_answer_item(app->model, t->e->id, t->qn->id, t->q->id);
	bool unknown = str_eq(value, ANSWER_UNKNOWN);
	struct open_item *item;
	struct sbuf text = SBUF_INIT;
	char *prefix;

	if (old ? old->closed != unknown : !unknown)
		return NULL;
	if (old) {
		item = open_item_dup(old);
		item->closed = !unknown;
		return item; /* its owner stays: the room names one when it asks (never the login) */
	}
	item = xcalloc(1, sizeof(*item));
	item->id = model_next_ref(app->model, 'Q');
	item->kind = ITEM_QUESTION;
	prefix = model_answer_item_prefix(t->e->id, t->qn->id, t->q->id);
	sbuf_addf(&text, "%s%s", prefix, t->q->text);
	free(prefix);
	item->text = sbuf_detach(&text);
	item->element = xstrdup(t->e->id);
	return item;
}

static bool unchanged(const struct model *m, const struct qtarget *t, const char *value,
		      const char *note)
{
	const struct answer *old = model_answer(m, t->e->id, t->qn->id, t->q->id);

	return old && str_eq(old->value, value) && str_eq(old->note, str_empty(note) ? NULL : note);
}

static struct answer *answer_build(const struct app *app, const struct qtarget *t,
				   const char *value, const char *note)
{
	struct answer *a = answer_new(t->e->id, t->qn->id, t->q->id, value);
	const struct session *s = model_current_session(app->model);
	const struct answer *old = model_answer(app->model, t->e->id, t->qn->id, t->q->id);

	/* what the code says stays with the answer: a different value overrules it, on record */
	a->evidence = old ? evidence_dup(old->evidence) : NULL;
	a->note = str_empty(note) ? NULL : xstrdup(note);
	a->who = xstrdup(app_credit(app));
	a->when = clock_now_iso();
	a->session = s ? s->number : 0;
	return a;
}

/* Stores the questionnaire's snapshot unless the model holds one with the same hash. */
static int take_snapshot(struct app *app, const struct questionnaire *qn, struct sw_error *err)
{
	struct qsnapshot old, s = {0};
	struct sbuf content = SBUF_INIT;
	char hash[QN_HASH_LEN + 1];
	int rc;

	sbuf_init(&content);
	if (questionnaire_write(qn, &content, err)) {
		sbuf_release(&content);
		return -1;
	}
	/* One built in memory has no file to hash: its canonical text stands in. */
	if (qn->hash[0])
		memcpy(hash, qn->hash, sizeof(hash));
	else
		questionnaire_hash(content.buf, content.len, hash);
	rc = db_get_snapshot(app->db, qn->id, &old, err);
	if (rc == 1 || (rc == 0 && !str_eq(old.hash, hash))) {
		s.id = (char *)qn->id;
		s.version = qn->version;
		s.hash = hash;
		s.content = content.buf;
		s.taken_at = clock_now_iso();
		rc = db_put_snapshot(app->db, &s, err);
		free(s.taken_at);
	}
	qsnapshot_release(&old);
	sbuf_release(&content);
	return rc;
}

struct answer_write {
	const struct questionnaire *qn;
	const struct answer *answer;
	const struct open_item *item; /* NULL: no open question changes */
};

static int write_answer(struct app *app, const void *arg, struct sw_error *err)
{
	const struct answer_write *w = arg;

	if (db_put_answer(app->db, w->answer, err) ||
	    (w->item && db_put_item(app->db, w->item, err)))
		return -1;
	return take_snapshot(app, w->qn, err);
}

/* Puts a committed answer into the model, in place when the question was answered before. */
static void answer_apply(struct model *m, struct answer *a)
{
	struct answer *old = model_answer(m, a->element, a->questionnaire, a->question);

	if (!old) {
		model_add_answer(m, a);
		return;
	}
	free_unless_pooled(old->value); /* the model's own strings: some were read with the model */
	free_unless_pooled(old->note);
	free_unless_pooled(old->who);
	free_unless_pooled(old->when);
	old->value = a->value;
	old->note = a->note;
	old->who = a->who;
	old->when = a->when;
	old->session = a->session;
	a->value = a->note = a->who = a->when = NULL;
	answer_free(a);
}

static void item_apply(struct model *m, struct open_item *item)
{
	size_t i;

	for (i = 0; i < m->nitems; i++) {
		if (str_eq(m->items[i]->id, item->id)) {
			open_item_free(m->items[i]);
			m->items[i] = item;
			return;
		}
	}
	model_add_item(m, item);
}

/* Takes the committed answer and open question (app_answer_question's to give). */
static void apply_answer(struct app *app, const void *arg)
{
	const struct answer_write *w = arg;
	const struct answer *old = model_answer(app->model, w->answer->element,
						w->answer->questionnaire, w->answer->question);
	char *before = old ? xstrdup(old->who) : NULL;
	char *after = xstrdup(w->answer->who); /* the answer is the model's after this */

	answer_apply(app->model, (struct answer *)w->answer);
	if (w->item)
		item_apply(app->model, (struct open_item *)w->item);
	model_index_answer(&app->index, before, after);
	free(before);
	free(after);
}

int app_answer_question(struct app *app, const struct qlibrary *lib, const char *element,
			const char *questionnaire, const char *question, const char *value,
			const char *note, struct sw_error *err)
{
	struct sbuf summary = SBUF_INIT;
	struct answer_write w;
	struct qtarget t;
	struct answer *a;
	struct open_item *item;
	int rc;

	if (resolve(app->model, lib, element, questionnaire, question, &t, err))
		return -1;
	if (!question_visible(t.qn, t.q, t.e, app->model))
		return not_shown(&t, err);
	if (!question_answer_valid(t.q, value))
		return bad_value(t.q, value, err);
	if (unchanged(app->model, &t, value, note))
		return 0;
	a = answer_build(app, &t, value, note);
	item = item_change(app, &t, value);
	w = (struct answer_write){t.qn, a, item};
	sbuf_addf(&summary, "answer %s/%s = %s for '%s'", t.qn->id, t.q->id, value, t.e->id);
	if (item)
		sbuf_addf(&summary, "; %s %s", item->closed ? "close" : "open", item->id);
	rc = app_change(app, "answer", summary.buf, write_answer, apply_answer, &w, err);
	sbuf_release(&summary);
	if (rc) {
		answer_free(a);
		open_item_free(item);
		return -1;
	}
	return 0;
}

/* The suggestion `index` of the element's current answer, and that answer (borrowed). */
static int find_suggestion(const struct model *m, const struct qtarget *t, int index,
			   const struct answer **answer, const struct suggestion **s,
			   struct sw_error *err)
{
	const struct answer *a = model_answer(m, t->e->id, t->qn->id, t->q->id);
	const struct suggestion **list;
	size_t n = 0;

	if (!a)
		return sw_error(err, "'%s' has no answer to '%s/%s' yet", t->e->id, t->qn->id,
				t->q->id);
	list = question_suggestions(t->q, a->value, &n);
	if (index < 0 || (size_t)index >= n) {
		free(list);
		return sw_error(err,
				"answer '%s' to '%s/%s' offers %zu suggestion%s, so none has "
				"index %d",
				a->value, t->qn->id, t->q->id, n, n == 1 ? "" : "s", index);
	}
	*s = list[index];
	*answer = a;
	free(list);
	return 0;
}

/* The suggestion's letters that the element takes. */
static unsigned applicable_letters(const struct element *e, const struct suggestion *s)
{
	return (STRIDE_BIT(s->letter) | s->extra) & stride_applicable(e->kind, e->is_log);
}

/* Words that say nothing about what a threat is about. */
static const char *const filler[] = {
    "a",       "an",    "and",   "any",   "are",     "as",      "at",      "be",   "by",
    "can",     "could", "for",   "from",  "has",     "have",    "in",      "into", "is",
    "it",      "its",   "of",    "on",    "one",     "or",      "other",   "so",   "than",
    "that",    "the",   "their", "them",  "they",    "this",    "to",      "via",  "when",
    "which",   "while", "who",   "with",  "without", "another", "someone", "else", "anyone",
    "instead", "not",   "no",    "every", NULL,
};

static bool is_filler(const char *w)
{
	size_t i;

	for (i = 0; filler[i]; i++)
		if (str_eq(filler[i], w))
			return true;
	return false;
}

/* Cuts a word (a string of its own) to its stem, so "changes", "changed" and "changing"
 * meet at "chang". */
static void stem(char *w)
{
	static const char *const endings[] = {"ing", "ed", "es", "s", NULL};
	size_t i, n, len = strlen(w);

	for (i = 0; endings[i]; i++) {
		n = strlen(endings[i]);
		if (len > n + 2 && strcmp(w + len - n, endings[i]) == 0) {
			len -= n;
			w[len] = '\0';
			break;
		}
	}
	if (len > 3 && w[len - 1] == 'e')
		w[len - 1] = '\0';
}

/* The stems of the words of `text` (may be NULL), each once, appended to `out`. */
static void text_stems(const char *text, struct strlist *out)
{
	struct sbuf w = SBUF_INIT;
	const char *p = text ? text : "";

	for (;;) {
		unsigned char c = (unsigned char)*p;
		if (c && (isalnum(c) || c >= 0x80)) {
			sbuf_addch(&w, (char)tolower(c));
		} else if (w.len) {
			if (*p == '\'' && p[1] == 's' && !isalnum((unsigned char)p[2]))
				p++; /* a possessive: "customer's" is "customer" */
			if (!is_filler(w.buf)) {
				char *word = xstrdup(w.buf);
				stem(word);
				if (!strlist_contains(out, word))
					strlist_push(out, word);
				free(word);
			}
			sbuf_reset(&w);
		}
		if (!c)
			break;
		p++;
	}
	sbuf_release(&w);
}

/* Words two threats share that tell them apart from others: enough to call them alike. */
#define ALIKE_WORDS 3

static size_t shared_stems(const struct strlist *a, const struct threat *th)
{
	struct strlist b = STRLIST_INIT;
	size_t i, n = 0;

	text_stems(th->title, &b);
	text_stems(th->description, &b);
	for (i = 0; i < a->count; i++)
		n += strlist_contains(&b, a->items[i]);
	strlist_clear(&b);
	return n;
}

/* A threat on the element, on one of `letters`, that says what `s` would: the same title in
 * any case, or raised by this very answer; failing those, one on exactly `letters` that shares
 * ALIKE_WORDS words with the suggestion (*alike set). Its id, or NULL (borrowed). */
static const char *same_threat(const struct app *app, const struct qtarget *t,
			       const struct answer *a, const struct suggestion *s, unsigned letters,
			       bool *alike)
{
	const struct model_index *ix = &app->index;
	size_t k = model_index_element(ix, t->e->id), i, best = ALIKE_WORDS - 1;
	struct sbuf provenance = SBUF_INIT;
	struct strlist words = STRLIST_INIT;
	const char *found = NULL, *close = NULL;

	*alike = false;
	if (k == ix->nelements)
		return NULL;
	sbuf_addf(&provenance, "%s/%s = %s", t->qn->id, t->q->id, a->value);
	text_stems(s->threat, &words);
	text_stems(s->description, &words);
	for (i = 0; !found && i < ix->element_threats[k].n; i++) {
		const struct threat *th = app->model->threats[ix->element_threats[k].items[i]];
		size_t shared;
		if (!(threat_letters(th) & letters))
			continue;
		if (strcasecmp(th->title, s->threat) == 0 || str_eq(th->provenance, provenance.buf))
			found = th->id;
		else if (threat_letters(th) == letters &&
			 (shared = shared_stems(&words, th)) > best) {
			best = shared;
			close = th->id;
		}
	}
	sbuf_release(&provenance);
	strlist_clear(&words);
	if (found || !close)
		return found;
	*alike = true;
	return close;
}

int app_pending_suggestions(const struct app *app, const struct qlibrary *lib, const char *element,
			    const char *questionnaire, const char *question,
			    struct suggestion_offer **out, size_t *count, struct sw_error *err)
{
	const struct suggestion **list;
	const struct answer *a;
	struct qtarget t;
	size_t i, n = 0;

	*out = NULL;
	*count = 0;
	if (resolve(app->model, lib, element, questionnaire, question, &t, err))
		return -1;
	a = model_answer(app->model, element, questionnaire, question);
	list = a ? question_suggestions(t.q, a->value, &n) : NULL;
	for (i = 0; i < n; i++) {
		if (model_suggestion_decision(app->model, element, questionnaire, question,
					      a->value, (int)i))
			continue;
		if (!*out)
			*out = xcalloc(n, sizeof(**out));
		(*out)[*count].index = (int)i;
		(*out)[*count].suggestion = list[i];
		(*out)[*count].letters = applicable_letters(t.e, list[i]);
		(*out)[*count].same_as =
		    same_threat(app, &t, a, list[i], (*out)[*count].letters, &(*out)[*count].alike);
		(*count)++;
	}
	free(list);
	return 0;
}

static enum stride_letter first_letter(unsigned set)
{
	int l;

	for (l = 0; l < STRIDE_COUNT; l++)
		if (set & STRIDE_BIT(l))
			return (enum stride_letter)l;
	return STRIDE_S;
}

/* The threat accepting `s` creates, or NULL with err set when no letter of it applies. */
static struct threat *threat_build(const struct app *app, const struct qtarget *t,
				   const struct answer *a, const struct suggestion *s,
				   struct sw_error *err)
{
	unsigned ok = applicable_letters(t->e, s);
	char want[STRIDE_COUNT + 1], takes[STRIDE_COUNT + 1];
	struct threat *th;
	char *id;

	if (!ok) {
		stride_set_string(STRIDE_BIT(s->letter) | s->extra, want);
		stride_set_string(stride_applicable(t->e->kind, t->e->is_log), takes);
		sw_error(err,
			 "suggestion '%s' is about %s, which %s '%s' does not take (it takes %s); "
			 "skip it instead",
			 s->threat, want, element_kind_label(t->e->kind), t->e->id, takes);
		return NULL;
	}
	id = model_next_ref(app->model, 'T');
	th = threat_new(id, t->e->id, (ok & STRIDE_BIT(s->letter)) ? s->letter : first_letter(ok));
	free(id);
	th->extra = ok & ~STRIDE_BIT(th->letter);
	th->title = xstrdup(s->threat);
	th->description = xstrdup(s->description);
	th->likelihood = s->likelihood;
	th->impact = s->impact;
	th->origin = ORIGIN_QUESTIONNAIRE;
	th->raised_by = xstrdup(app_credit(app));
	th->raised_at = clock_now_iso();
	th->provenance = question_provenance(t->qn, t->q, a->value);
	return th;
}

/* Everything one acceptance writes; owned here until handed to the model. */
struct acceptance {
	struct threat *threat;
	struct mitigation **mits;
	size_t nmits;
	struct suggestion_decision *decision;
};

static void acceptance_build_mitigations(struct acceptance *acc, const struct model *m,
					 const struct suggestion *s)
{
	char *first = model_next_ref(m, 'M');
	long next = ref_number(first, 'M');
	size_t i;

	free(first);
	acc->nmits = s->mitigations.count;
	acc->mits = xcalloc(acc->nmits + 1, sizeof(*acc->mits));
	for (i = 0; i < acc->nmits; i++) {
		char *id = ref_format('M', next + (long)i);
		acc->mits[i] = mitigation_new(id, s->mitigations.items[i]);
		acc->mits[i]->status = MITIGATION_PROPOSED;
		strlist_push(&acc->mits[i]->threats, acc->threat->id);
		free(id);
	}
}

static void acceptance_release(struct acceptance *acc)
{
	size_t i;

	threat_free(acc->threat);
	for (i = 0; i < acc->nmits; i++)
		mitigation_free(acc->mits[i]);
	free(acc->mits);
	suggestion_decision_free(acc->decision);
}

static int write_acceptance(struct app *app, const void *arg, struct sw_error *err)
{
	const struct acceptance *acc = arg;
	size_t i;

	if (db_put_threat(app->db, acc->threat, err))
		return -1;
	for (i = 0; i < acc->nmits; i++)
		if (db_put_mitigation(app->db, acc->mits[i], err))
			return -1;
	return db_put_suggestion_decision(app->db, acc->decision, err);
}

/* Puts a committed decision into the model, in place when the suggestion was decided before. */
static void decision_apply(struct model *m, struct suggestion_decision *d)
{
	struct suggestion_decision *old = model_suggestion_decision(
	    m, d->element, d->questionnaire, d->question, d->answer, d->index);

	if (!old) {
		model_add_suggestion_decision(m, d);
		return;
	}
	old->accepted = d->accepted;
	free(old->threat);
	old->threat = d->threat;
	d->threat = NULL;
	suggestion_decision_free(d);
}

/* Takes the committed threat, mitigations and decision (app_accept_suggestion's to give). */
static void apply_acceptance(struct app *app, const void *arg)
{
	struct acceptance *acc = (struct acceptance *)arg;
	struct model *m = app->model;
	size_t i;

	model_add_threat(m, acc->threat);
	model_index_threat(&app->index, m, acc->threat->id);
	for (i = 0; i < acc->nmits; i++) {
		model_add_mitigation(m, acc->mits[i]);
		model_index_mitigation(&app->index, m, acc->mits[i]->id);
	}
	decision_apply(m, acc->decision);
	free(acc->mits);
	memset(acc, 0, sizeof(*acc));
}

static int accept_checked(struct app *app, const struct qtarget *t, int index,
			  struct acceptance *acc, struct sw_error *err)
{
	const struct suggestion_decision *old;
	const struct suggestion *s;
	const struct answer *a;

	if (find_suggestion(app->model, t, index, &a, &s, err))
		return -1;
	old = model_suggestion_decision(app->model, t->e->id, t->qn->id, t->q->id, a->value, index);
	if (old && old->accepted)
		return sw_error(err, "suggestion '%s' was accepted already, as %s", s->threat,
				old->threat ? old->threat : "a threat deleted since");
	if (!(acc->threat = threat_build(app, t, a, s, err)) ||
	    app_check_threat(app->model, acc->threat, err))
		return -1;
	acceptance_build_mitigations(acc, app->model, s);
	acc->decision = suggestion_decision_new(t->e->id, t->qn->id, t->q->id, a->value, index);
	acc->decision->accepted = true;
	acc->decision->threat = xstrdup(acc->threat->id);
	return 0;
}

int app_accept_suggestion(struct app *app, const struct qlibrary *lib, const char *element,
			  const char *questionnaire, const char *question, int index,
			  char **threat_id, struct sw_error *err)
{
	struct acceptance acc = {NULL, NULL, 0, NULL};
	struct sbuf summary = SBUF_INIT;
	struct qtarget t;
	int rc = -1;

	if (threat_id)
		*threat_id = NULL;
	if (resolve(app->model, lib, element, questionnaire, question, &t, err) ||
	    accept_checked(app, &t, index, &acc, err))
		goto out;
	sbuf_addf(&summary, "accept %s from %s for '%s': %s", acc.threat->id,
		  acc.threat->provenance, element, acc.threat->title);
	if (threat_id)
		*threat_id = xstrdup(acc.threat->id);
	rc = app_change(app, "accept-suggestion", summary.buf, write_acceptance, apply_acceptance,
			&acc, err);
	if (rc && threat_id) {
		free(*threat_id);
		*threat_id = NULL;
	}
out:
	sbuf_release(&summary);
	acceptance_release(&acc);
	return rc;
}

static int write_skip(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_suggestion_decision(app->db, arg, err);
}

static void apply_skip(struct app *app, const void *arg)
{
	model_add_suggestion_decision(app->model, (struct suggestion_decision *)arg);
	model_index_touch(&app->index);
}

int app_skip_suggestion(struct app *app, const struct qlibrary *lib, const char *element,
			const char *questionnaire, const char *question, int index,
			struct sw_error *err)
{
	const struct suggestion_decision *old;
	struct suggestion_decision *d;
	struct sbuf summary = SBUF_INIT;
	const struct suggestion *s;
	const struct answer *a;
	struct qtarget t;
	int rc;

	if (resolve(app->model, lib, element, questionnaire, question, &t, err) ||
	    find_suggestion(app->model, &t, index, &a, &s, err))
		return -1;
	old = model_suggestion_decision(app->model, element, questionnaire, question, a->value,
					index);
	if (old && old->accepted)
		return sw_error(err,
				"suggestion '%s' was accepted as %s; delete that threat instead",
				s->threat, old->threat ? old->threat : "a threat deleted since");
	if (old)
		return 0;
	d = suggestion_decision_new(element, questionnaire, question, a->value, index);
	sbuf_addf(&summary, "skip suggestion from %s/%s = %s for '%s': %s", questionnaire, question,
		  a->value, element, s->threat);
	rc = app_change(app, "skip-suggestion", summary.buf, write_skip, apply_skip, d, err);
	sbuf_release(&summary);
	if (rc)
		suggestion_decision_free(d);
	return rc;
}

static void apply_link(struct app *app, const void *arg)
{
	decision_apply(app->model, (struct suggestion_decision *)arg);
	model_index_touch(&app->index);
}

int app_link_suggestion(struct app *app, const struct qlibrary *lib, const char *element,
			const char *questionnaire, const char *question, int index,
			const char *threat, struct sw_error *err)
{
	const struct threat *th = model_threat(app->model, threat);
	struct suggestion_decision *d;
	struct sbuf summary = SBUF_INIT;
	const struct suggestion *s;
	const struct answer *a;
	struct qtarget t;
	int rc;

	if (resolve(app->model, lib, element, questionnaire, question, &t, err) ||
	    find_suggestion(app->model, &t, index, &a, &s, err))
		return -1;
	if (!th || !str_eq(th->element, element))
		return sw_error(err, "no threat '%s' on '%s' to link", threat, element);
	d = suggestion_decision_new(element, questionnaire, question, a->value, index);
	d->accepted = true;
	d->threat = xstrdup(th->id);
	sbuf_addf(&summary, "link suggestion from %s/%s = %s for '%s' to %s", questionnaire,
		  question, a->value, element, th->id);
	rc = app_change(app, "accept-suggestion", summary.buf, write_skip, apply_link, d, err);
	sbuf_release(&summary);
	if (rc)
		suggestion_decision_free(d);
	return rc;
}

/* Replaces one questionnaire by its snapshot when the file loaded now is not what was asked. */
static int use_snapshot(struct app *app, struct qlibrary *lib, const char *id, struct sw_error *err)
{
	const struct questionnaire *now = qlibrary_questionnaire(lib, id);
	struct questionnaire *then = NULL;
	struct qsnapshot snap;
	struct sbuf origin = SBUF_INIT;
	int rc = db_get_snapshot(app->db, id, &snap, err);

	if (rc != 0)
		return rc < 0 ? -1 : 0; /* no snapshot: answers given before snapshots existed */
	rc = 0;
	if (!now || !str_eq(now->hash, snap.hash)) {
		sbuf_addf(&origin, "%s (snapshot of %s taken %s)", db_path(app->db), id,
			  snap.taken_at);
		rc = questionnaire_load_text(origin.buf, snap.content, strlen(snap.content), &then,
					     err);
		if (rc == 0) {
			qlibrary_put_snapshot(lib, then, origin.buf);
			rc = 1;
		}
	}
	sbuf_release(&origin);
	qsnapshot_release(&snap);
	return rc;
}

int app_use_snapshots(struct app *app, struct qlibrary *lib, struct sw_error *err)
{
	struct strlist done = STRLIST_INIT;
	size_t i;
	int replaced = 0, rc = 0;

	for (i = 0; rc >= 0 && i < app->model->nanswers; i++) {
		const char *id = app->model->answers[i]->questionnaire;
		if (strlist_contains(&done, id))
			continue;
		strlist_push(&done, id);
		rc = use_snapshot(app, lib, id, err);
		replaced += rc > 0;
	}
	strlist_clear(&done);
	return rc < 0 ? -1 : replaced;
}
