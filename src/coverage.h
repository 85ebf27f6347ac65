/*
 * STRIDE coverage: for every element and applicable letter, is the cell still pending, does it
 * have threats, or was it decided "none found" / "n/a"? A recorded threat outranks a decision.
 * What each element's coverage is comes from the derived index (model_index.h).
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

enum cell_state coverage_cell(const struct element_coverage *c, enum stride_letter l);
const char *cell_state_name(enum cell_state s); /* "pending", "threats", "none", "n/a" */
int cell_state_parse(const char *s, enum cell_state *out);

/* Totals over n elements' coverage. */
void coverage_totals(const struct element_coverage *cov, size_t n, struct coverage_totals *out);

/* Adds (sign 1) or takes away (sign -1) one element's cells from the totals. */
void coverage_totals_add(struct coverage_totals *t, const struct element_coverage *c, int sign);

/* Percentage of cells no longer pending, rounded down; 0 when there are no cells (a model with
 * no elements has had nothing walked). */
int coverage_percent(const struct coverage_totals *t);

/*
 * Why the model has no STRIDE cells to decide ("no elements", "every element is out of scope",
 * "no elements, only trust boundaries"), for whoever shows its 0% to say; NULL when it has
 * cells. A static string.
 */
const char *coverage_empty_reason(const struct model *m, const struct coverage_totals *t);

#endif
