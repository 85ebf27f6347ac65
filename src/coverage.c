/* STRIDE coverage per element and overall (see coverage.h). */
#include "coverage.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

static const char *const state_names[CELL_STATE_COUNT] = {"pending", "threats", "none", "n/a"};

const char *cell_state_name(enum cell_state s)
{
	return state_names[s];
}

int cell_state_parse(const char *s, enum cell_state *out)
{
	int i;

	for (i = 0; i < CELL_STATE_COUNT; i++) {
		if (str_eq(s, state_names[i])) {
			*out = (enum cell_state)i;
			return 0;
		}
	}
	return -1;
}

void coverage_compute(const struct model *m, struct element_coverage *cov)
{
	coverage_compute_placed(m, cov, NULL);
}

void coverage_compute_placed(const struct model *m, struct element_coverage *cov,
			     size_t *threat_element)
{
	struct strmap position = STRMAP_INIT;
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		memset(&cov[i], 0, sizeof(cov[i]));
		cov[i].applicable = element_letters(m->elements[i]);
		strmap_put(&position, m->elements[i]->id, (void *)(uintptr_t)(i + 1));
	}
	for (i = 0; i < m->nthreats; i++) {
		uintptr_t at = (uintptr_t)strmap_get(&position, m->threats[i]->element);
		if (at)
			cov[at - 1].threats |= threat_letters(m->threats[i]);
		if (threat_element)
			threat_element[i] = at ? at - 1 : m->nelements;
	}
	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *d = m->decisions[i];
		uintptr_t at = (uintptr_t)strmap_get(&position, d->element);
		if (!at)
			continue;
		if (d->state == CELL_NONE)
			cov[at - 1].none |= STRIDE_BIT(d->letter);
		else if (d->state == CELL_NA)
			cov[at - 1].na |= STRIDE_BIT(d->letter);
	}
	strmap_clear(&position);
}

enum cell_state coverage_cell(const struct element_coverage *c, enum stride_letter l)
{
	unsigned bit = STRIDE_BIT(l);

	if (c->threats & bit)
		return CELL_THREATS;
	if (c->none & bit)
		return CELL_NONE;
	if (c->na & bit)
		return CELL_NA;
	return CELL_PENDING;
}

void coverage_of(const struct model *m, const struct element *e,
		 const struct threat *const *threats, size_t n, struct element_coverage *out)
{
	const struct decision *d;
	size_t i;
	int l;

	memset(out, 0, sizeof(*out));
	out->applicable = element_letters(e);
	for (i = 0; i < n; i++)
		out->threats |= threat_letters(threats[i]);
	for (l = 0; l < STRIDE_COUNT; l++) {
		if (!(d = model_decision(m, e->id, (enum stride_letter)l)))
			continue;
		if (d->state == CELL_NONE)
			out->none |= STRIDE_BIT(l);
		else if (d->state == CELL_NA)
			out->na |= STRIDE_BIT(l);
	}
}

void coverage_totals_add(struct coverage_totals *t, const struct element_coverage *c, int sign)
{
	int l;

	for (l = 0; l < STRIDE_COUNT; l++) {
		if (!(c->applicable & STRIDE_BIT(l)))
			continue;
		t->cells += sign;
		t->count[coverage_cell(c, (enum stride_letter)l)] += sign;
	}
}

void coverage_totals(const struct model *m, const struct element_coverage *cov,
		     struct coverage_totals *out)
{
	struct element_coverage *own = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (!cov) {
		own = xcalloc(m->nelements, sizeof(*own));
		coverage_compute(m, own);
		cov = own;
	}
	for (i = 0; i < m->nelements; i++)
		coverage_totals_add(out, &cov[i], 1);
	free(own);
}

int coverage_percent(const struct coverage_totals *t)
{
	if (t->cells == 0)
		return 100;
	return (t->cells - t->count[CELL_PENDING]) * 100 / t->cells;
}
