/*
 * STRIDE coverage: for every element and applicable letter, is the cell still pending, does it
 * have threats, or was it decided "none found" / "n/a"? A recorded threat outranks a decision.
 */
#ifndef SW_COVERAGE_H
#define SW_COVERAGE_H

#include "model.h"

struct element_coverage {
	unsigned applicable; /* letters to walk */
	unsigned threats; /* letters with at least one threat (primary or extra letter) */
	unsigned none; /* letters decided "considered, nothing found" */
	unsigned na; /* letters decided "not applicable" */
};

struct coverage_totals {
	int cells;
	int count[CELL_STATE_COUNT]; /* cells per state */
};

/* Fills cov[i] for m->elements[i]; `cov` holds m->nelements entries. One pass over the model. */
void coverage_compute(const struct model *m, struct element_coverage *cov);
/* The same, and threat_element[i] gets the index of m->threats[i]'s element (m->nelements
 * when it names none): the same pass, for the UI's per-element lists. */
void coverage_compute_placed(const struct model *m, struct element_coverage *cov,
			     size_t *threat_element);

/*
 * One element's coverage from its threats (all of them, as listed) and the model's decisions:
 * what a screen recomputes after a change to that element's cells, instead of the whole model.
 */
void coverage_of(const struct model *m, const struct element *e,
		 const struct threat *const *threats, size_t n, struct element_coverage *out);

enum cell_state coverage_cell(const struct element_coverage *c, enum stride_letter l);
const char *cell_state_name(enum cell_state s); /* "pending", "threats", "none", "n/a" */
int cell_state_parse(const char *s, enum cell_state *out);

/* Totals over the given per-element coverage (or over the whole model with `cov` NULL). */
void coverage_totals(const struct model *m, const struct element_coverage *cov,
		     struct coverage_totals *out);

/* Adds (sign 1) or takes away (sign -1) one element's cells from the totals. */
void coverage_totals_add(struct coverage_totals *t, const struct element_coverage *c, int sign);

/* Percentage of cells no longer pending, rounded down; 100 when there are no cells. */
int coverage_percent(const struct coverage_totals *t);

#endif
