/* Carrying a model's work over to a changed diagram (see model_merge.h). */
#include "model_merge.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

bool model_has_work(const struct model *m)
{
	return m->nthreats || m->nmitigations || m->ndecisions || m->nanswers ||
	       m->nsuggestion_decisions || m->nitems || m->nparticipants || m->nvotes ||
	       m->nsessions || m->nreviews;
}

static void compare_elements(const struct model *current, const struct model *incoming,
			     struct model *out, struct merge_report *r)
{
	size_t i;

	for (i = 0; i < incoming->nelements; i++) {
		const struct element *e = incoming->elements[i];
		const struct element *old = model_element(current, e->id);
		if (!old)
			r->added++;
		else if (!element_equal(old, e))
			r->changed++;
		else
			r->unchanged++;
		if (!old || !element_equal(old, e))
			strlist_push(&r->changed_ids, e->id);
		model_add_element(out, element_dup(e));
	}
	for (i = 0; i < current->nelements; i++) {
		if (!model_element(incoming, current->elements[i]->id)) {
			r->removed++;
			strlist_push(&r->removed_ids, current->elements[i]->id);
		}
	}
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

static void carry_records(const struct model *current, struct model *out, struct merge_report *r)
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
	for (i = 0; i < current->nanswers; i++) {
		if (model_element(out, current->answers[i]->element))
			model_add_answer(out, answer_dup(current->answers[i]));
		else
			r->answers_dropped++;
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

struct model *model_merge(const struct model *current, const struct model *incoming,
			  struct merge_report *r)
{
	struct model *out = model_new();

	memset(r, 0, sizeof(*r));
	out->name = xstrdup(incoming->name);
	out->description = xstrdup(incoming->description);
	out->scope = xstrdup(incoming->scope);
	strlist_copy(&out->assumptions, &incoming->assumptions);
	compare_elements(current, incoming, out, r);
	carry_threats(current, out, r);
	carry_records(current, out, r);
	return out;
}

void merge_report_release(struct merge_report *r)
{
	strlist_clear(&r->changed_ids);
	strlist_clear(&r->removed_ids);
}
