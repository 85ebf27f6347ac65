/* Core questions first: the order a room asks questions in, and progress per pack. */
#include "questionnaire_triage.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

size_t questionnaire_triage_core_count(const struct questionnaire *qn)
{
	size_t i, n = 0;

	for (i = 0; i < qn->nquestions; i++)
		n += qn->questions[i]->core;
	return n;
}

/* The first core question beyond the allowed number: where a pack marks too many. */
static const struct question *first_extra_core(const struct questionnaire *qn)
{
	size_t i, seen = 0;

	for (i = 0; i < qn->nquestions; i++)
		if (qn->questions[i]->core && ++seen > TRIAGE_CORE_MAX)
			return qn->questions[i];
	return NULL;
}

int questionnaire_triage_check(const struct questionnaire *qn, struct sw_error *warn)
{
	size_t core = questionnaire_triage_core_count(qn);
	const struct question *extra = first_extra_core(qn);

	if (extra)
		return sw_error_at(warn, qn->path, extra->line, extra->col,
				   "questionnaire '%s' marks %zu core questions, more than %d; "
				   "'%s' is one too many (a workshop asks the core ones first)",
				   qn->id, core, TRIAGE_CORE_MAX, extra->id);
	if (core < TRIAGE_CORE_MIN && core < qn->nquestions)
		return sw_error_at(
		    warn, qn->path, qn->questions_line, qn->questions_col,
		    "questionnaire '%s' marks %zu core question%s, fewer than %d; "
		    "mark the questions a workshop should ask first with 'core: true'",
		    qn->id, core, core == 1 ? "" : "s", TRIAGE_CORE_MIN);
	return 0;
}

/* No list, or an empty one (a session that chose nothing yet), means every pack. */
static bool pack_chosen(const struct strlist *chosen, const struct questionnaire *qn)
{
	return !chosen || !chosen->count || strlist_contains(chosen, qn->id);
}

struct order {
	struct triage_question *items;
	size_t n, cap;
};

enum pass { PASS_CORE, PASS_REST, PASS_ALL };

static bool in_pass(const struct question *q, enum pass pass)
{
	return pass == PASS_ALL || q->core == (pass == PASS_CORE);
}

/* Appends the visible questions of the chosen packs that belong to `pass`. */
static void add_pass(struct order *o, struct questionnaire *const *qs, size_t n,
		     const struct strlist *chosen, enum pass pass, const struct element *e,
		     const struct model *m)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (!pack_chosen(chosen, qs[i]))
			continue;
		for (j = 0; j < qs[i]->nquestions; j++) {
			const struct question *q = qs[i]->questions[j];
			if (!in_pass(q, pass) || !question_visible(qs[i], q, e, m))
				continue;
			o->items = xgrow(o->items, sizeof(*o->items), o->n + 1, &o->cap);
			o->items[o->n].qn = qs[i];
			o->items[o->n++].q = q;
		}
	}
}

struct triage_question *questionnaire_triage_order(struct questionnaire *const *qs, size_t n,
						   const struct strlist *chosen,
						   enum triage_mode mode, const struct element *e,
						   const struct model *m, size_t *count)
{
	struct order o = {NULL, 0, 0};

	if (mode == TRIAGE_REVIEW) {
		add_pass(&o, qs, n, chosen, PASS_ALL, e, m);
	} else {
		add_pass(&o, qs, n, chosen, PASS_CORE, e, m);
		if (mode == TRIAGE_WORKSHOP_ALL)
			add_pass(&o, qs, n, chosen, PASS_REST, e, m);
	}
	*count = o.n;
	return o.items ? o.items : xcalloc(1, sizeof(*o.items));
}

struct triage_pack *questionnaire_triage_progress(struct questionnaire *const *qs, size_t n,
						  const struct strlist *chosen,
						  const struct element *e, const struct model *m,
						  size_t *count)
{
	struct triage_pack *out = xcalloc(n + 1, sizeof(*out));
	size_t i, j;

	*count = 0;
	for (i = 0; i < n; i++) {
		struct triage_pack *p = &out[*count];
		if (!pack_chosen(chosen, qs[i]))
			continue;
		memset(p, 0, sizeof(*p));
		p->qn = qs[i];
		for (j = 0; j < qs[i]->nquestions; j++) {
			const struct question *q = qs[i]->questions[j];
			question_progress_add(qs[i], q, e, m, &p->all);
			if (q->core)
				question_progress_add(qs[i], q, e, m, &p->core);
		}
		if (p->all.applicable)
			(*count)++;
	}
	return out;
}
