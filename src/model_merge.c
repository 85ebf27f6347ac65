/* Carrying a model's work over to a changed diagram (see model_merge.h). */
#include "model_merge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

bool model_has_work(const struct model *m)
{
	return m->nthreats || m->nmitigations || m->ndecisions || m->nanswers ||
	       m->nsuggestion_decisions || m->nitems || m->nparticipants || m->nvotes ||
	       m->nsessions || m->nreviews;
}

/* The parts of an element the code decides; the rest is the team's. */
static bool code_equal(const struct element *a, const struct element *b)
{
	return a->kind == b->kind && str_eq(a->type, b->type) && str_eq(a->boundary, b->boundary) &&
	       str_eq(a->from, b->from) && str_eq(a->to, b->to) && a->is_log == b->is_log &&
	       a->bidirectional == b->bidirectional;
}

/* An element from code keeps what the team gave it; the code's parts come from `incoming`. */
static struct element *code_update(const struct element *old, const struct element *incoming)
{
	struct element *e = element_dup(incoming);
	bool was_removed = old->origin && old->origin->state == IMPORT_REMOVED;

	free(e->name);
	e->name = xstrdup(old->name);
	free(e->description);
	e->description = xstrdup(old->description);
	strlist_clear(&e->tags);
	strlist_copy(&e->tags, &old->tags);
	if (!was_removed) { /* a scope decision of the team's, not the last import's */
		e->out_of_scope = old->out_of_scope;
		free(e->out_of_scope_reason);
		e->out_of_scope_reason = xstrdup(old->out_of_scope_reason);
	}
	if (old->protocol) {
		free(e->protocol);
		e->protocol = xstrdup(old->protocol);
	}
	if (old->data.count) {
		strlist_clear(&e->data);
		strlist_copy(&e->data, &old->data);
	}
	return e;
}

static bool in_scope(const struct element *e, const struct merge_options *o)
{
	return e->origin && (!o->files || strlist_contains(o->files, e->origin->file));
}

static void set_state(struct element *e, enum import_state s)
{
	if (e->origin)
		e->origin->state = s;
}

/* A resource the code no longer has: kept, out of scope, with its threats. */
static void keep_removed(struct model *out, const struct element *old, struct merge_report *r)
{
	struct element *e = element_dup(old);
	struct sbuf why = SBUF_INIT;

	if (old->origin->state != IMPORT_REMOVED) {
		r->removed++;
		strlist_push(&r->removed_ids, old->id);
		if (!e->out_of_scope) {
			sbuf_addf(&why, "removed from %s", old->origin->file);
			if (old->origin->resource)
				sbuf_addf(&why, " (%s)", old->origin->resource);
			e->out_of_scope = true;
			free(e->out_of_scope_reason);
			e->out_of_scope_reason = sbuf_detach(&why);
		}
	}
	set_state(e, IMPORT_REMOVED);
	model_add_element(out, e);
	sbuf_release(&why);
}

/* Element id -> the letters that are decided or have a threat (as a uintptr_t), for `m`. */
static void covered_letters(const struct model *m, struct strmap *out)
{
	size_t i;

	for (i = 0; i < m->ndecisions; i++) {
		uintptr_t bits = (uintptr_t)strmap_get(out, m->decisions[i]->element);
		strmap_put(out, m->decisions[i]->element,
			   (void *)(bits | STRIDE_BIT(m->decisions[i]->letter) | (1u << 15)));
	}
	for (i = 0; i < m->nthreats; i++) {
		uintptr_t bits = (uintptr_t)strmap_get(out, m->threats[i]->element);
		strmap_put(out, m->threats[i]->element,
			   (void *)(bits | threat_letters(m->threats[i]) | (1u << 15)));
	}
}

/*
 * What this import did to an element: new, changed, or for one it left as it was, what the
 * last import said while cells of it are still pending, so the walk still goes there first.
 */
static enum import_state state_of(const struct element *old, bool same, const struct element *now,
				  const struct strmap *covered)
{
	uintptr_t done;

	if (!old)
		return IMPORT_NEW;
	if (!same)
		return IMPORT_CHANGED;
	if (!old->origin || old->origin->state == IMPORT_REMOVED ||
	    old->origin->state == IMPORT_KEPT)
		return IMPORT_KEPT;
	done = (uintptr_t)strmap_get(covered, old->id);
	return element_letters(now) & ~(unsigned)done ? old->origin->state : IMPORT_KEPT;
}

static void compare_elements(const struct model *current, const struct model *incoming,
			     const struct merge_options *o, struct model *out,
			     struct merge_report *r)
{
	struct strmap covered = STRMAP_INIT;
	size_t i;

	if (o->code)
		covered_letters(current, &covered);

	for (i = 0; i < incoming->nelements; i++) {
		const struct element *e = incoming->elements[i];
		const struct element *old = model_element(current, e->id);
		struct element *n;
		bool same =
		    old && (o->code ? code_equal(old, e) &&
					  !(old->origin && old->origin->state == IMPORT_REMOVED)
				    : element_equal(old, e));
		if (!old)
			r->added++;
		else if (!same)
			r->changed++;
		else
			r->unchanged++;
		if (!same)
			strlist_push(&r->changed_ids, e->id);
		if (!old && o->code)
			strlist_push(&r->added_ids, e->id);
		n = old && o->code ? code_update(old, e) : element_dup(e);
		if (o->code)
			set_state(n, state_of(old, same, n, &covered));
		model_add_element(out, n);
	}
	for (i = 0; i < current->nelements; i++) {
		const struct element *c = current->elements[i];
		if (model_element(incoming, c->id))
			continue;
		if (!o->code) {
			r->removed++;
			strlist_push(&r->removed_ids, c->id);
		} else if (in_scope(c, o)) {
			keep_removed(out, c, r);
		} else { /* drawn by the team, or from another file: not this import's to change */
			model_add_element(out, element_dup(c));
		}
	}
	strmap_clear(&covered);
}

static void carry_threats(const struct model *current, struct model *out, struct merge_report *r)
{
	size_t i, j;

	for (i = 0; i < current->nthreats; i++) {
		const struct threat *t = current->threats[i];
		const struct element *e = model_element(out, t->element);
		if (e && !(threat_letters(t) & ~stride_applicable(e->kind, e->is_log))) {
			model_add_threat(out, threat_dup(t));
			r->threats_kept++;
			if (e->origin && e->origin->state == IMPORT_REMOVED) {
				struct sbuf on = SBUF_INIT;
				sbuf_addf(&on, "%s on %s", t->id, e->id);
				strlist_push(&r->removed_threats, on.buf);
				sbuf_release(&on);
			}
		} else {
			r->threats_dropped++;
		}
	}
	for (i = 0; i < current->nmitigations; i++) {
		struct mitigation *mit = mitigation_dup(current->mitigations[i]);
		struct strlist kept = STRLIST_INIT;
		for (j = 0; j < mit->threats.count; j++)
			if (model_threat(out, mit->threats.items[j]))
				strlist_push(&kept, mit->threats.items[j]);
		strlist_clear(&mit->threats);
		mit->threats = kept;
		model_add_mitigation(out, mit);
	}
}

/* Decided suggestions stay decided, so a re-import never re-offers them (or duplicates threats). */
static void carry_suggestion_decisions(const struct model *current, struct model *out)
{
	size_t i;

	for (i = 0; i < current->nsuggestion_decisions; i++) {
		struct suggestion_decision *d;
		if (!model_element(out, current->suggestion_decisions[i]->element))
			continue;
		d = suggestion_decision_dup(current->suggestion_decisions[i]);
		if (d->threat && !model_threat(out, d->threat)) {
			free(d->threat);
			d->threat = NULL;
		}
		model_add_suggestion_decision(out, d);
	}
}

/*
 * An answer the code settles now (`inc`, may be NULL) against the one the model has: the code's
 * answer stands unless the team gave another, which is kept and marked as overruling it.
 */
static struct answer *evidence_answer(const struct answer *cur, const struct answer *inc,
				      const struct element *e, const struct merge_options *o,
				      struct merge_report *r)
{
	struct answer *a;
	bool followed = cur->evidence && !answer_overruled(cur);

	if (!inc) {
		if (!cur->evidence || !in_scope(e, o) || e->origin->state == IMPORT_REMOVED)
			return answer_dup(cur); /* not this import's to withdraw */
		if (followed) { /* the code no longer says it: nobody gave this answer */
			r->answers_withdrawn++;
			return NULL;
		}
		a = answer_dup(cur); /* the team's answer stays; the evidence is gone */
		evidence_free(a->evidence);
		a->evidence = NULL;
		return a;
	}
	if (followed) {
		if (!str_eq(cur->value, inc->value))
			r->answers_updated++;
		else if (!evidence_equal(cur->evidence, inc->evidence))
			r->answers_moved++;
		a = answer_dup(inc);
		if (str_eq(cur->value, inc->value)) { /* the same answer: when it was first given */
			free(a->when);
			a->when = xstrdup(cur->when);
		}
		free(a->note);
		a->note = xstrdup(cur->note);
		return a;
	}
	a = answer_dup(cur);
	evidence_free(a->evidence);
	a->evidence = evidence_dup(inc->evidence);
	if (answer_overruled(a))
		r->answers_overruled++;
	return a;
}

static void carry_code_answers(const struct model *current, const struct model *incoming,
			       const struct merge_options *o, struct model *out,
			       struct merge_report *r)
{
	size_t i;

	for (i = 0; i < current->nanswers; i++) {
		const struct answer *cur = current->answers[i];
		const struct element *e = model_element(out, cur->element);
		struct answer *a;
		if (!e) {
			r->answers_dropped++;
			continue;
		}
		a = evidence_answer(
		    cur, model_answer(incoming, cur->element, cur->questionnaire, cur->question), e,
		    o, r);
		if (a)
			model_add_answer(out, a);
	}
	for (i = 0; i < incoming->nanswers; i++) {
		const struct answer *inc = incoming->answers[i];
		if (!model_answer(current, inc->element, inc->questionnaire, inc->question)) {
			model_add_answer(out, answer_dup(inc));
			r->answers_added++;
		}
	}
}

static void carry_records(const struct model *current, const struct model *incoming,
			  const struct merge_options *o, struct model *out, struct merge_report *r)
{
	size_t i;

	for (i = 0; i < current->ndecisions; i++) {
		const struct decision *d = current->decisions[i];
		const struct element *e = model_element(out, d->element);
		if (e && (element_letters(e) & STRIDE_BIT(d->letter)))
			model_add_decision(out, decision_dup(d));
		else
			r->decisions_dropped++;
	}
	if (o->code) {
		carry_code_answers(current, incoming, o, out, r);
	} else {
		for (i = 0; i < current->nanswers; i++) {
			if (model_element(out, current->answers[i]->element))
				model_add_answer(out, answer_dup(current->answers[i]));
			else
				r->answers_dropped++;
		}
	}
	carry_suggestion_decisions(current, out);
	for (i = 0; i < current->nitems; i++) {
		struct open_item *item = open_item_dup(current->items[i]);
		if (item->element && !model_element(out, item->element)) {
			free(item->element);
			item->element = NULL;
		}
		model_add_item(out, item);
	}
	for (i = 0; i < current->nparticipants; i++)
		model_add_participant(out, participant_dup(current->participants[i]));
	for (i = 0; i < current->nvotes; i++)
		if (model_threat(out, current->votes[i]->threat))
			model_add_vote(out, vote_dup(current->votes[i]));
	for (i = 0; i < current->nsessions; i++)
		model_add_session(out, session_dup(current->sessions[i]));
	for (i = 0; i < current->nreviews; i++)
		model_add_review(out, review_mark_dup(current->reviews[i]));
}

/* An element the code made from a resource: what two files can both have under one id. */
static bool from_resource(const struct element *e)
{
	return e->origin && e->origin->resource && e->kind != KIND_TRUST_BOUNDARY;
}

/* The same logical id and type: a file renamed or moved, not another resource. */
static bool same_resource(const struct element *a, const struct element *b)
{
	return str_eq(a->origin->resource, b->origin->resource) &&
	       str_eq(a->origin->type, b->origin->type) &&
	       str_eq(a->origin->property, b->origin->property);
}

/* "kind file resource property": one part of one resource, whatever id it was given. */
static void resource_key(const struct element *e, struct sbuf *key)
{
	sbuf_reset(key);
	sbuf_addf(key, "%d\x1f%s\x1f%s\x1f%s", (int)e->kind, e->origin->file, e->origin->resource,
		  e->origin->property ? e->origin->property : "");
}

static char *fresh_id(const char *base, const struct model *current, const struct model *incoming,
		      const struct strmap *taken)
{
	struct sbuf id = SBUF_INIT;
	int n = 2;

	do {
		sbuf_reset(&id);
		sbuf_add(&id, base, strlen(base) > 58 ? 58 : strlen(base));
		sbuf_addf(&id, "-%d", n++);
	} while (model_element(current, id.buf) || model_element(incoming, id.buf) ||
		 strmap_get(taken, id.buf));
	return sbuf_detach(&id);
}

static void rename_ref(char **ref, const struct strmap *renamed)
{
	const char *to = *ref ? strmap_get(renamed, *ref) : NULL;

	if (to) {
		free(*ref);
		*ref = xstrdup(to);
	}
}

/*
 * Two files can name different resources alike ("Orders" a table in one, a function in the
 * other). An incoming element whose id belongs to another file's different resource gets the
 * id an earlier import gave the same resource, or a new one, so neither overwrites the other.
 * The same logical id and type under another file name is the same resource, moved.
 * Returns a renamed copy of `incoming` (elements and answers, all code imports hold), or
 * NULL when nothing collides.
 */
static struct model *apart_from_other_files(const struct model *current,
					    const struct model *incoming,
					    const struct merge_options *o)
{
	struct strmap renamed = STRMAP_INIT, prior = STRMAP_INIT, taken = STRMAP_INIT;
	struct strlist ids = STRLIST_INIT;
	struct sbuf key = SBUF_INIT;
	struct model *copy = NULL;
	size_t i;

	for (i = 0; i < current->nelements; i++)
		if (from_resource(current->elements[i])) {
			resource_key(current->elements[i], &key);
			strmap_put(&prior, key.buf, current->elements[i]->id);
		}
	for (i = 0; i < incoming->nelements; i++) {
		const struct element *e = incoming->elements[i];
		const struct element *c = model_element(current, e->id);
		const char *again;
		if (!c || !from_resource(c) || !from_resource(e) || in_scope(c, o) ||
		    str_eq(c->origin->file, e->origin->file) || same_resource(c, e))
			continue;
		resource_key(e, &key);
		again = strmap_get(&prior, key.buf);
		if (again && !model_element(incoming, again) && !strmap_get(&taken, again))
			strlist_push(&ids, again);
		else {
			char *id = fresh_id(e->id, current, incoming, &taken);
			strlist_push(&ids, id);
			free(id);
		}
		strmap_put(&taken, ids.items[ids.count - 1], (void *)1);
		strmap_put(&renamed, e->id, ids.items[ids.count - 1]);
	}
	if (ids.count) {
		copy = model_new();
		copy->name = xstrdup(incoming->name);
		copy->description = xstrdup(incoming->description);
		for (i = 0; i < incoming->nelements; i++) {
			struct element *e = element_dup(incoming->elements[i]);
			rename_ref(&e->id, &renamed);
			rename_ref(&e->boundary, &renamed);
			rename_ref(&e->from, &renamed);
			rename_ref(&e->to, &renamed);
			model_add_element(copy, e);
		}
		for (i = 0; i < incoming->nanswers; i++) {
			struct answer *a = answer_dup(incoming->answers[i]);
			rename_ref(&a->element, &renamed);
			model_add_answer(copy, a);
		}
	}
	strmap_clear(&renamed);
	strmap_clear(&prior);
	strmap_clear(&taken);
	strlist_clear(&ids);
	sbuf_release(&key);
	return copy;
}

struct model *model_merge_with(const struct model *current, const struct model *incoming,
			       const struct merge_options *options, struct merge_report *r)
{
	static const struct merge_options plain = {false, NULL};
	const struct merge_options *o = options ? options : &plain;
	const struct model *about = o->code ? current : incoming; /* who names the system */
	struct model *out = model_new();
	struct model *apart = o->code ? apart_from_other_files(current, incoming, o) : NULL;

	if (apart)
		incoming = apart;
	memset(r, 0, sizeof(*r));
	out->name = xstrdup(about->name);
	out->description = xstrdup(about->description);
	out->scope = xstrdup(about->scope);
	strlist_copy(&out->assumptions, &about->assumptions);
	compare_elements(current, incoming, o, out, r);
	carry_threats(current, out, r);
	carry_records(current, incoming, o, out, r);
	model_free(apart);
	return out;
}

struct model *model_merge(const struct model *current, const struct model *incoming,
			  struct merge_report *r)
{
	return model_merge_with(current, incoming, NULL, r);
}

void merge_report_release(struct merge_report *r)
{
	strlist_clear(&r->changed_ids);
	strlist_clear(&r->removed_ids);
	strlist_clear(&r->added_ids);
	strlist_clear(&r->removed_threats);
}
