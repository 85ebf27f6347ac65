/* The in-memory model's containers, indexes and derived facts (see model.h). */
#include "model.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "strpool.h"
#include "util.h"
#include "xalloc.h"

struct model *model_new(void)
{
	return xcalloc(1, sizeof(struct model));
}

void answer_free(struct answer *a)
{
	if (!a)
		return;
	free_unless_pooled(a->element);
	free_unless_pooled(a->questionnaire);
	free_unless_pooled(a->question);
	free_unless_pooled(a->value);
	free_unless_pooled(a->note);
	free_unless_pooled(a->who);
	free_unless_pooled(a->when);
	evidence_free(a->evidence);
	free_unless_pooled(a->key);
	free_unless_pooled(a);
}

bool answer_overruled(const struct answer *a)
{
	return a->evidence && !str_eq(a->value, a->evidence->value);
}

struct evidence *evidence_new(const char *file, int line, const char *resource,
			      const char *property, const char *value)
{
	struct evidence *e = xcalloc(1, sizeof(*e));

	e->file = xstrdup(file);
	e->line = line;
	e->resource = xstrdup(resource);
	e->property = xstrdup(property);
	e->value = xstrdup(value);
	return e;
}

struct evidence *evidence_dup(const struct evidence *e)
{
	return e ? evidence_new(e->file, e->line, e->resource, e->property, e->value) : NULL;
}

bool evidence_equal(const struct evidence *a, const struct evidence *b)
{
	if (!a || !b)
		return a == b;
	return str_eq(a->file, b->file) && a->line == b->line && str_eq(a->resource, b->resource) &&
	       str_eq(a->property, b->property) && str_eq(a->value, b->value);
}

void evidence_free(struct evidence *e)
{
	if (!e)
		return;
	free(e->file);
	free(e->resource);
	free(e->property);
	free(e->value);
	free(e);
}

void decision_free(struct decision *d)
{
	if (!d)
		return;
	free_unless_pooled(d->element);
	free_unless_pooled(d->reason);
	free_unless_pooled(d->who);
	free_unless_pooled(d->key);
	free_unless_pooled(d);
}

void open_item_free(struct open_item *item)
{
	if (!item)
		return;
	free(item->id);
	free(item->text);
	free(item->owner);
	free(item->due);
	free(item->element);
	free(item->resolution);
	free(item);
}

void suggestion_decision_free(struct suggestion_decision *d)
{
	if (!d)
		return;
	free(d->element);
	free(d->questionnaire);
	free(d->question);
	free(d->answer);
	free(d->threat);
	free_unless_pooled(d->key);
	free(d);
}

void participant_free(struct participant *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->role);
	free(p);
}

static void vote_free(struct vote *v)
{
	if (!v)
		return;
	free(v->participant);
	free(v->threat);
	free(v);
}

struct answer *answer_new(const char *element, const char *questionnaire, const char *question,
			  const char *value)
{
	struct answer *a = xcalloc(1, sizeof(*a));

	a->element = xstrdup(element);
	a->questionnaire = xstrdup(questionnaire);
	a->question = xstrdup(question);
	a->value = xstrdup(value);
	return a;
}

struct suggestion_decision *suggestion_decision_new(const char *element, const char *questionnaire,
						    const char *question, const char *answer,
						    int index)
{
	struct suggestion_decision *d = xcalloc(1, sizeof(*d));

	d->element = xstrdup(element);
	d->questionnaire = xstrdup(questionnaire);
	d->question = xstrdup(question);
	d->answer = xstrdup(answer);
	d->index = index;
	return d;
}

struct suggestion_decision *suggestion_decision_dup(const struct suggestion_decision *src)
{
	struct suggestion_decision *d = suggestion_decision_new(
	    src->element, src->questionnaire, src->question, src->answer, src->index);

	d->accepted = src->accepted;
	d->threat = xstrdup(src->threat);
	return d;
}

struct decision *decision_dup(const struct decision *src)
{
	struct decision *d = xcalloc(1, sizeof(*d));

	d->element = xstrdup(src->element);
	d->letter = src->letter;
	d->state = src->state;
	d->reason = xstrdup(src->reason);
	d->who = xstrdup(src->who);
	return d;
}

struct answer *answer_dup(const struct answer *src)
{
	struct answer *a = answer_new(src->element, src->questionnaire, src->question, src->value);

	a->note = xstrdup(src->note);
	a->who = xstrdup(src->who);
	a->when = xstrdup(src->when);
	a->session = src->session;
	a->evidence = evidence_dup(src->evidence);
	return a;
}

struct open_item *open_item_dup(const struct open_item *src)
{
	struct open_item *c = xcalloc(1, sizeof(*c));

	c->id = xstrdup(src->id);
	c->kind = src->kind;
	c->text = xstrdup(src->text);
	c->owner = xstrdup(src->owner);
	c->due = xstrdup(src->due);
	c->element = xstrdup(src->element);
	c->closed = src->closed;
	c->resolution = xstrdup(src->resolution);
	return c;
}

struct participant *participant_dup(const struct participant *src)
{
	struct participant *p = xcalloc(1, sizeof(*p));

	p->name = xstrdup(src->name);
	p->role = xstrdup(src->role);
	return p;
}

struct vote *vote_dup(const struct vote *src)
{
	struct vote *v = xcalloc(1, sizeof(*v));

	v->participant = xstrdup(src->participant);
	v->threat = xstrdup(src->threat);
	v->count = src->count;
	return v;
}

void model_free(struct model *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nelements; i++)
		element_free(m->elements[i]);
	for (i = 0; i < m->nthreats; i++)
		threat_free(m->threats[i]);
	for (i = 0; i < m->nmitigations; i++)
		mitigation_free(m->mitigations[i]);
	for (i = 0; i < m->ndecisions; i++)
		decision_free(m->decisions[i]);
	for (i = 0; i < m->nanswers; i++)
		answer_free(m->answers[i]);
	for (i = 0; i < m->nsuggestion_decisions; i++)
		suggestion_decision_free(m->suggestion_decisions[i]);
	for (i = 0; i < m->nitems; i++)
		open_item_free(m->items[i]);
	for (i = 0; i < m->nparticipants; i++)
		participant_free(m->participants[i]);
	for (i = 0; i < m->nvotes; i++)
		vote_free(m->votes[i]);
	for (i = 0; i < m->nsessions; i++)
		session_free(m->sessions[i]);
	for (i = 0; i < m->nreviews; i++)
		review_mark_free(m->reviews[i]);
	free(m->sessions);
	free(m->reviews);
	free(m->elements);
	free(m->threats);
	free(m->mitigations);
	free(m->decisions);
	free(m->answers);
	free(m->suggestion_decisions);
	free(m->items);
	free(m->participants);
	free(m->votes);
	strmap_clear(&m->element_index);
	strmap_clear(&m->threat_index);
	strmap_clear(&m->mitigation_index);
	strmap_clear(&m->decision_index);
	strmap_clear(&m->answer_index);
	strmap_clear(&m->suggestion_decision_index);
	strmap_clear(&m->review_index);
	strlist_clear(&m->assumptions);
	free(m->name);
	free(m->description);
	free(m->scope);
	strpool_free(m->strings); /* after every record that may point into it */
	free(m);
}

/* Appends `item` to a pointer array; `array` is the address of the array pointer. */
static void push(void *array, size_t *count, size_t *cap, void *item)
{
	void ***a = array;

	*a = xgrow(*a, sizeof(void *), *count + 1, cap);
	(*a)[(*count)++] = item;
}

static void reserve(void *array, size_t *cap, size_t n, struct strmap *index)
{
	void ***a = array;

	*a = xgrow(*a, sizeof(void *), n, cap);
	strmap_reserve(index, n);
}

void model_reserve(struct model *m, const struct model_sizes *n)
{
	reserve(&m->elements, &m->elements_cap, m->nelements + n->elements, &m->element_index);
	reserve(&m->threats, &m->threats_cap, m->nthreats + n->threats, &m->threat_index);
	reserve(&m->mitigations, &m->mitigations_cap, m->nmitigations + n->mitigations,
		&m->mitigation_index);
	reserve(&m->decisions, &m->decisions_cap, m->ndecisions + n->decisions, &m->decision_index);
	reserve(&m->answers, &m->answers_cap, m->nanswers + n->answers, &m->answer_index);
}

/* Removes index `i` from a pointer array, keeping the order. */
static void remove_at(void *array, size_t *count, size_t i)
{
	void **a = *(void ***)array;

	memmove(a + i, a + i + 1, (*count - i - 1) * sizeof(void *));
	(*count)--;
}

/*
 * Index keys join their parts with a unit separator, which ids and names never contain. Built
 * by hand rather than with a format string: loading a large model builds tens of thousands.
 */
/* A record's index key (keys are freed with free_unless_pooled). */
static char *key_join(struct model *m, const char *const *parts, size_t n)
{
	size_t i, len = 0, lens[5];
	char *key, *p;

	for (i = 0; i < n; i++)
		len += (lens[i] = strlen(parts[i] ? parts[i] : "(null)")) + 1;
	/* while a file is read; a key made later is freed with its record, not kept to the end */
	key = p = m && m->loading ? strpool_alloc(m->strings, len) : xmalloc(len);
	for (i = 0; i < n; i++) {
		memcpy(p, parts[i] ? parts[i] : "(null)", lens[i]);
		p += lens[i];
		*p++ = i + 1 < n ? '\x1f' : '\0';
	}
	return key;
}

static char *decision_key(struct model *m, const char *element, enum stride_letter l)
{
	char letter[2] = {stride_char(l), '\0'};
	const char *parts[] = {element, letter};

	return key_join(m, parts, 2);
}

static char *answer_key(struct model *m, const char *element, const char *questionnaire,
			const char *question)
{
	const char *parts[] = {element, questionnaire, question};

	return key_join(m, parts, 3);
}

static char *suggestion_decision_key(struct model *m, const char *element,
				     const char *questionnaire, const char *question,
				     const char *answer, int index)
{
	char number[16];
	const char *parts[] = {element, questionnaire, question, answer, number};

	snprintf(number, sizeof(number), "%d", index);
	return key_join(m, parts, 5);
}

void model_add_element(struct model *m, struct element *e)
{
	push(&m->elements, &m->nelements, &m->elements_cap, e);
	strmap_put(&m->element_index, e->id, e);
}

/* Keeps the highest "T-0042"-style number in use, so the next id needs no scan. */
static void note_ref(long *highest, const char *id, char prefix)
{
	long n = ref_number(id, prefix);

	if (n > *highest)
		*highest = n;
}

/* The highest number among `n` records' ids, by a scan (after a removal, and for items). */
static long highest_ref(void *const *records, size_t n, size_t id_offset, char prefix)
{
	long max = 0;
	size_t i;

	for (i = 0; i < n; i++)
		note_ref(&max, *(const char *const *)((const char *)records[i] + id_offset),
			 prefix);
	return max;
}

void model_add_threat(struct model *m, struct threat *t)
{
	push(&m->threats, &m->nthreats, &m->threats_cap, t);
	strmap_put(&m->threat_index, t->id, t);
	note_ref(&m->highest_threat_ref, t->id, 'T');
}

void model_add_mitigation(struct model *m, struct mitigation *mit)
{
	push(&m->mitigations, &m->nmitigations, &m->mitigations_cap, mit);
	strmap_put(&m->mitigation_index, mit->id, mit);
	note_ref(&m->highest_mitigation_ref, mit->id, 'M');
}

void model_add_decision(struct model *m, struct decision *d)
{
	free_unless_pooled(d->key);
	d->key = decision_key(m, d->element, d->letter);
	push(&m->decisions, &m->ndecisions, &m->decisions_cap, d);
	strmap_put(&m->decision_index, d->key, d);
}

void model_add_answer(struct model *m, struct answer *a)
{
	free_unless_pooled(a->key);
	a->key = answer_key(m, a->element, a->questionnaire, a->question);
	push(&m->answers, &m->nanswers, &m->answers_cap, a);
	strmap_put(&m->answer_index, a->key, a);
}

void model_add_suggestion_decision(struct model *m, struct suggestion_decision *d)
{
	free_unless_pooled(d->key);
	d->key = suggestion_decision_key(m, d->element, d->questionnaire, d->question, d->answer,
					 d->index);
	push(&m->suggestion_decisions, &m->nsuggestion_decisions, &m->suggestion_decisions_cap, d);
	strmap_put(&m->suggestion_decision_index, d->key, d);
}

void model_add_item(struct model *m, struct open_item *item)
{
	push(&m->items, &m->nitems, &m->items_cap, item);
}

void model_add_participant(struct model *m, struct participant *p)
{
	push(&m->participants, &m->nparticipants, &m->participants_cap, p);
}

void model_add_vote(struct model *m, struct vote *v)
{
	push(&m->votes, &m->nvotes, &m->votes_cap, v);
}

void model_add_session(struct model *m, struct session *s)
{
	push(&m->sessions, &m->nsessions, &m->sessions_cap, s);
}

void model_add_review(struct model *m, struct review_mark *r)
{
	push(&m->reviews, &m->nreviews, &m->reviews_cap, r);
	if (r->subject)
		strmap_put(&m->review_index, r->subject, r);
}

struct session *model_session(const struct model *m, long number)
{
	size_t i;

	for (i = 0; i < m->nsessions; i++)
		if (m->sessions[i]->number == number)
			return m->sessions[i];
	return NULL;
}

struct session *model_current_session(const struct model *m)
{
	if (m->nsessions && !m->sessions[m->nsessions - 1]->ended)
		return m->sessions[m->nsessions - 1];
	return NULL;
}

struct review_mark *model_review(const struct model *m, const char *subject)
{
	return strmap_get(&m->review_index, subject);
}

struct element *model_element(const struct model *m, const char *id)
{
	return strmap_get(&m->element_index, id);
}

struct threat *model_threat(const struct model *m, const char *id)
{
	return strmap_get(&m->threat_index, id);
}

struct mitigation *model_mitigation(const struct model *m, const char *id)
{
	return strmap_get(&m->mitigation_index, id);
}

struct decision *model_decision(const struct model *m, const char *element, enum stride_letter l)
{
	char *key = decision_key(NULL, element, l);
	struct decision *d = strmap_get(&m->decision_index, key);

	free(key);
	return d;
}

struct answer *model_answer(const struct model *m, const char *element, const char *questionnaire,
			    const char *question)
{
	char *key = answer_key(NULL, element, questionnaire, question);
	struct answer *a = strmap_get(&m->answer_index, key);

	free(key);
	return a;
}

struct suggestion_decision *model_suggestion_decision(const struct model *m, const char *element,
						      const char *questionnaire,
						      const char *question, const char *answer,
						      int index)
{
	char *key = suggestion_decision_key(NULL, element, questionnaire, question, answer, index);
	struct suggestion_decision *d = strmap_get(&m->suggestion_decision_index, key);

	free(key);
	return d;
}

struct participant *model_participant(const struct model *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->nparticipants; i++)
		if (str_eq(m->participants[i]->name, name))
			return m->participants[i];
	return NULL;
}

char *model_answer_item_prefix(const char *element, const char *questionnaire, const char *question)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s/%s for %s: ", questionnaire, question, element);
	return sbuf_detach(&sb);
}

bool model_item_asks(const struct open_item *item, const char *element, const char *prefix)
{
	return item->kind == ITEM_QUESTION && str_eq(item->element, element) &&
	       str_starts_with(item->text, prefix);
}

struct open_item *model_answer_item(const struct model *m, const char *element,
				    const char *questionnaire, const char *question)
{
	char *prefix = model_answer_item_prefix(element, questionnaire, question);
	struct open_item *found = NULL;
	size_t i;

	for (i = 0; i < m->nitems && !found; i++)
		if (model_item_asks(m->items[i], element, prefix))
			found = m->items[i];
	free(prefix);
	return found;
}

/* Swaps `fresh` in for the object at `slot`; the index key moves to the new object's id. */
static void *swap_in(void **slot, void *fresh, struct strmap *index, const char *id)
{
	void *old = *slot;

	*slot = fresh;
	strmap_put(index, id, fresh);
	return old;
}

/*
 * Where `object` sits in a pointer array, or n. The index finds an object by id; its place
 * is then found by comparing pointers, which is much cheaper than comparing every id.
 */
static size_t position_of(void *const *array, size_t n, const void *object)
{
	size_t i;

	for (i = 0; object && i < n; i++)
		if (array[i] == object)
			return i;
	return n;
}

void model_put_element(struct model *m, struct element *e)
{
	size_t i = position_of((void *const *)m->elements, m->nelements, model_element(m, e->id));

	if (i < m->nelements)
		element_free(swap_in((void **)&m->elements[i], e, &m->element_index, e->id));
	else
		model_add_element(m, e);
}

/*
 * An edit keeps the record where it was, at the same address and with the same id string:
 * the screens hold threats by pointer (a cell's list, the board's rows) and stay valid.
 */
void model_put_threat(struct model *m, struct threat *t)
{
	struct threat *old = model_threat(m, t->id), was;
	char *id;

	if (!old) {
		model_add_threat(m, t);
		return;
	}
	was = *old;
	id = old->id;
	*old = *t;
	old->id = id;
	was.id = t->id;
	*t = was;
	threat_free(t);
}

void model_put_mitigation(struct model *m, struct mitigation *mit)
{
	struct mitigation *old = model_mitigation(m, mit->id), was;
	char *id;

	if (!old) {
		model_add_mitigation(m, mit);
		return;
	}
	was = *old;
	id = old->id;
	*old = *mit;
	old->id = id;
	was.id = mit->id;
	*mit = was;
	mitigation_free(mit);
}

void model_remove_threat(struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nthreats; i++) {
		if (str_eq(m->threats[i]->id, id)) {
			struct threat *t = m->threats[i];
			strmap_remove(&m->threat_index, id);
			remove_at(&m->threats, &m->nthreats, i);
			threat_free(t);
			m->highest_threat_ref = highest_ref((void *const *)m->threats, m->nthreats,
							    offsetof(struct threat, id), 'T');
			return;
		}
	}
}

void model_delete_threat(struct model *m, const char *id)
{
	size_t i;

	for (i = m->nvotes; i-- > 0;)
		if (str_eq(m->votes[i]->threat, id))
			model_remove_vote(m, i);
	for (i = 0; i < m->nmitigations; i++)
		strlist_remove(&m->mitigations[i]->threats, id);
	for (i = 0; i < m->nsuggestion_decisions; i++) {
		struct suggestion_decision *d = m->suggestion_decisions[i];
		if (str_eq(d->threat, id)) {
			free(d->threat);
			d->threat = NULL;
		}
	}
	model_remove_threat(m, id);
}

void model_remove_mitigation(struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nmitigations; i++) {
		if (str_eq(m->mitigations[i]->id, id)) {
			struct mitigation *mit = m->mitigations[i];
			strmap_remove(&m->mitigation_index, id);
			remove_at(&m->mitigations, &m->nmitigations, i);
			mitigation_free(mit);
			m->highest_mitigation_ref =
			    highest_ref((void *const *)m->mitigations, m->nmitigations,
					offsetof(struct mitigation, id), 'M');
			return;
		}
	}
}

void model_remove_vote(struct model *m, size_t index)
{
	struct vote *v = m->votes[index];

	remove_at(&m->votes, &m->nvotes, index);
	vote_free(v);
}

void model_remove_decision(struct model *m, const char *element, enum stride_letter l)
{
	struct decision *d = model_decision(m, element, l);
	size_t i;

	if (!d)
		return;
	for (i = 0; i < m->ndecisions; i++) {
		if (m->decisions[i] == d) {
			strmap_remove(&m->decision_index, d->key);
			remove_at(&m->decisions, &m->ndecisions, i);
			decision_free(d);
			return;
		}
	}
}

char *model_next_ref(const struct model *m, char prefix)
{
	if (prefix == 'T')
		return ref_format(prefix, m->highest_threat_ref + 1);
	if (prefix == 'M')
		return ref_format(prefix, m->highest_mitigation_ref + 1);
	return ref_format(prefix, highest_ref((void *const *)m->items, m->nitems,
					      offsetof(struct open_item, id), prefix) +
				      1);
}

static void model_boundary_chain(const struct model *m, const char *element_id, struct strlist *out)
{
	const struct element *e = model_element(m, element_id);
	size_t guard = 0;

	/* The guard stops at a cycle; loaders reject cycles, this only keeps us safe. */
	while (e && e->boundary && guard++ < m->nelements) {
		strlist_push(out, e->boundary);
		e = model_element(m, e->boundary);
	}
}

bool model_flow_crosses(const struct model *m, const struct element *flow, struct strlist *crossed)
{
	struct strlist a = STRLIST_INIT, b = STRLIST_INIT;
	bool crosses = false;
	size_t i;

	if (flow->kind != KIND_DATA_FLOW)
		return false;
	model_boundary_chain(m, flow->from, &a);
	model_boundary_chain(m, flow->to, &b);
	/* Crossed boundaries: those that enclose one end but not the other. */
	for (i = 0; i < a.count; i++) {
		if (!strlist_contains(&b, a.items[i])) {
			crosses = true;
			if (crossed && !strlist_contains(crossed, a.items[i]))
				strlist_push(crossed, a.items[i]);
		}
	}
	for (i = 0; i < b.count; i++) {
		if (!strlist_contains(&a, b.items[i])) {
			crosses = true;
			if (crossed && !strlist_contains(crossed, b.items[i]))
				strlist_push(crossed, b.items[i]);
		}
	}
	strlist_clear(&a);
	strlist_clear(&b);
	return crosses;
}
