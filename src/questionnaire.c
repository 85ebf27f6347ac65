/* Questionnaire structs and the engine: applicability, show_if, risk, suggestions, progress. */
#include "questionnaire.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static const char *const type_names[ANSWER_TYPE_COUNT] = {"yes_no", "choice", "text"};

const char *answer_type_name(enum answer_type t)
{
	return type_names[t];
}

int answer_type_parse(const char *s, enum answer_type *out)
{
	int i;

	for (i = 0; i < ANSWER_TYPE_COUNT; i++) {
		if (str_eq(s, type_names[i])) {
			*out = (enum answer_type)i;
			return 0;
		}
	}
	return -1;
}

struct suggestion *suggestion_new(void)
{
	return xcalloc(1, sizeof(struct suggestion));
}

void suggestion_free(struct suggestion *s)
{
	if (!s)
		return;
	free(s->threat);
	free(s->description);
	strlist_clear(&s->mitigations);
	free(s);
}

static void suggestions_free(struct suggestion **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		suggestion_free(list[i]);
	free(list);
}

struct question_option *question_option_new(void)
{
	return xcalloc(1, sizeof(struct question_option));
}

void question_option_free(struct question_option *o)
{
	if (!o)
		return;
	free(o->id);
	free(o->label);
	suggestions_free(o->suggests, o->nsuggests);
	free(o);
}

struct question *question_new(void)
{
	return xcalloc(1, sizeof(struct question));
}

void question_free(struct question *q)
{
	size_t i;

	if (!q)
		return;
	free(q->id);
	free(q->text);
	free(q->help);
	for (i = 0; i < q->noptions; i++)
		question_option_free(q->options[i]);
	free(q->options);
	strlist_clear(&q->risky);
	free(q->show_if.question);
	strlist_clear(&q->show_if.answers);
	applies_to_release(&q->applies_to);
	suggestions_free(q->suggests, q->nsuggests);
	free(q);
}

struct questionnaire *questionnaire_new(void)
{
	return xcalloc(1, sizeof(struct questionnaire));
}

void questionnaire_free(struct questionnaire *qn)
{
	size_t i;

	if (!qn)
		return;
	free(qn->id);
	free(qn->title);
	free(qn->summary);
	applies_to_release(&qn->applies_to);
	for (i = 0; i < qn->nquestions; i++)
		question_free(qn->questions[i]);
	free(qn->questions);
	free(qn->path);
	free(qn);
}

void questionnaire_add_question(struct questionnaire *qn, struct question *q)
{
	qn->questions =
	    xgrow(qn->questions, sizeof(*qn->questions), qn->nquestions + 1, &qn->questions_cap);
	qn->questions[qn->nquestions++] = q;
}

void question_add_option(struct question *q, struct question_option *o)
{
	q->options = xgrow(q->options, sizeof(*q->options), q->noptions + 1, &q->options_cap);
	q->options[q->noptions++] = o;
}

void question_add_suggestion(struct question *q, struct suggestion *s)
{
	q->suggests = xgrow(q->suggests, sizeof(*q->suggests), q->nsuggests + 1, &q->suggests_cap);
	q->suggests[q->nsuggests++] = s;
}

void question_option_add_suggestion(struct question_option *o, struct suggestion *s)
{
	o->suggests = xgrow(o->suggests, sizeof(*o->suggests), o->nsuggests + 1, &o->suggests_cap);
	o->suggests[o->nsuggests++] = s;
}

struct question *questionnaire_find_question(const struct questionnaire *qn, const char *id)
{
	size_t i;

	for (i = 0; i < qn->nquestions; i++)
		if (str_eq(qn->questions[i]->id, id))
			return qn->questions[i];
	return NULL;
}

struct question_option *question_find_option(const struct question *q, const char *id)
{
	size_t i;

	for (i = 0; i < q->noptions; i++)
		if (str_eq(q->options[i]->id, id))
			return q->options[i];
	return NULL;
}

void questionnaire_hash(const char *data, size_t len, char out[QN_HASH_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;
	int d;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 0x100000001b3ULL;
	}
	for (d = QN_HASH_LEN - 1; d >= 0; d--, h >>= 4)
		out[d] = hex[h & 0xf];
	out[QN_HASH_LEN] = '\0';
}

bool questionnaire_applies(const struct questionnaire *qn, const struct element *e)
{
	/* Out-of-scope elements and boundaries are not walked, so nothing is asked of them. */
	if (e->out_of_scope || e->kind == KIND_TRUST_BOUNDARY)
		return false;
	return applies_to_match(&qn->applies_to, e);
}

bool question_applies(const struct questionnaire *qn, const struct question *q,
		      const struct element *e)
{
	return questionnaire_applies(qn, e) && applies_to_match(&q->applies_to, e);
}

static const char *answer_value(const struct questionnaire *qn, const struct question *q,
				const struct element *e, const struct model *m)
{
	const struct answer *a = model_answer(m, e->id, qn->id, q->id);

	return a ? a->value : NULL;
}

bool question_visible(const struct questionnaire *qn, const struct question *q,
		      const struct element *e, const struct model *m)
{
	const struct question *target;
	const char *value;

	if (!question_applies(qn, q, e))
		return false;
	if (!q->show_if.question)
		return true;
	/* The loader only lets show_if name earlier questions, so this recursion ends. */
	target = questionnaire_find_question(qn, q->show_if.question);
	if (!target || target == q || !question_visible(qn, target, e, m))
		return false;
	value = answer_value(qn, target, e, m);
	return value && strlist_contains(&q->show_if.answers, value);
}

const struct question **questionnaire_visible(const struct questionnaire *qn,
					      const struct element *e, const struct model *m,
					      size_t *count)
{
	const struct question **out = xcalloc(qn->nquestions + 1, sizeof(*out));
	size_t i;

	*count = 0;
	for (i = 0; i < qn->nquestions; i++)
		if (question_visible(qn, qn->questions[i], e, m))
			out[(*count)++] = qn->questions[i];
	return out;
}

bool question_answer_valid(const struct question *q, const char *value)
{
	if (str_empty(value))
		return false;
	if (str_eq(value, ANSWER_UNKNOWN) || str_eq(value, ANSWER_NA))
		return true;
	switch (q->type) {
	case ANSWER_YES_NO:
		return str_eq(value, "yes") || str_eq(value, "no");
	case ANSWER_CHOICE:
		return question_find_option(q, value) != NULL;
	case ANSWER_TEXT:
	case ANSWER_TYPE_COUNT:
		break;
	}
	return true;
}

bool question_answer_risky(const struct question *q, const char *value)
{
	const struct question_option *o;

	if (str_eq(value, ANSWER_UNKNOWN) || str_eq(value, ANSWER_NA) ||
	    !question_answer_valid(q, value))
		return false;
	if (strlist_contains(&q->risky, value))
		return true;
	o = q->type == ANSWER_CHOICE ? question_find_option(q, value) : NULL;
	return o && o->risky;
}

const struct suggestion **question_suggestions(const struct question *q, const char *value,
					       size_t *count)
{
	const struct question_option *o;
	const struct suggestion **out;
	size_t i, n = 0;

	*count = 0;
	if (!question_answer_risky(q, value))
		return NULL;
	o = q->type == ANSWER_CHOICE ? question_find_option(q, value) : NULL;
	out = xcalloc(q->nsuggests + (o ? o->nsuggests : 0) + 1, sizeof(*out));
	for (i = 0; i < q->nsuggests; i++)
		out[n++] = q->suggests[i];
	for (i = 0; o && i < o->nsuggests; i++)
		out[n++] = o->suggests[i];
	*count = n;
	return out;
}

char *question_provenance(const struct questionnaire *qn, const struct question *q,
			  const char *value)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s/%s = %s", qn->id, q->id, value);
	return sbuf_detach(&sb);
}

static void progress_add(struct qprogress *out, const struct qprogress *p)
{
	out->answered += p->answered;
	out->unknown += p->unknown;
	out->applicable += p->applicable;
}

void question_progress_add(const struct questionnaire *qn, const struct question *q,
			   const struct element *e, const struct model *m, struct qprogress *out)
{
	const char *value;

	if (!question_visible(qn, q, e, m))
		return;
	out->applicable++;
	value = answer_value(qn, q, e, m);
	if (!value)
		return;
	out->answered++;
	out->unknown += str_eq(value, ANSWER_UNKNOWN);
}

void questionnaire_progress(const struct questionnaire *qn, const struct element *e,
			    const struct model *m, struct qprogress *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < qn->nquestions; i++)
		question_progress_add(qn, qn->questions[i], e, m, out);
}

void questionnaire_model_progress(const struct questionnaire *qn, const struct model *m,
				  struct qprogress *out)
{
	struct qprogress p;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < m->nelements; i++) {
		questionnaire_progress(qn, m->elements[i], m, &p);
		progress_add(out, &p);
	}
}

void questionnaires_element_progress(struct questionnaire *const *qs, size_t n,
				     const struct element *e, const struct model *m,
				     struct qprogress *out)
{
	struct qprogress p;
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		questionnaire_progress(qs[i], e, m, &p);
		progress_add(out, &p);
	}
}
