/* STRIDE coverage cells and their totals (see coverage.h). */
#include "coverage.h"

#include <string.h>

#include "util.h"

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

void coverage_totals(const struct element_coverage *cov, size_t n, struct coverage_totals *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++)
		coverage_totals_add(out, &cov[i], 1);
}

int coverage_percent(const struct coverage_totals *t)
{
	if (t->cells == 0)
		return 0; /* nothing to walk is nothing walked, never "complete" */
	return (t->cells - t->count[CELL_PENDING]) * 100 / t->cells;
}

const char *coverage_empty_reason(const struct model *m, const struct coverage_totals *t)
{
	size_t i, walkable = 0;

	if (t->cells)
		return NULL;
	if (!m->nelements)
		return "no elements";
	for (i = 0; i < m->nelements; i++)
		walkable += m->elements[i]->kind != KIND_TRUST_BOUNDARY;
	return walkable ? "every element is out of scope" : "no elements, only trust boundaries";
}
