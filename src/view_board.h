/* The threat board's sort orders and filters, shared with the tests. */
#ifndef SW_VIEW_BOARD_H
#define SW_VIEW_BOARD_H

#include <stdbool.h>

#include "error.h"
#include "model.h"

enum board_sort {
	SORT_RISK,
	SORT_VOTES,
	SORT_ELEMENT,
	SORT_LETTER,
	SORT_STATUS,
	SORT_ID,
	SORT_COUNT
};

/* What the board shows; all zero shows every threat. */
struct board_filter {
	bool active; /* unresolved: open or in discussion */
	bool unmitigated; /* no mitigation linked */
	int min_band; /* 0, or enum risk_band + 1: at least that band */
	int status; /* 0, or enum threat_status + 1 */
	char *element; /* owned; NULL for any */
	bool has_letter;
	enum stride_letter letter;
	char *text; /* the filter as shown ("unresolved high"); owned, NULL for "all" */
};

/* Parses "high unresolved element=payslip-fn letter=S" (words combine with "and"; "open" and
 * "active" also mean unresolved); "" or "all" clears it. On error `out` is cleared and err
 * says which word is wrong. */
int board_filter_parse(const char *text, struct board_filter *out, struct sw_error *err);
struct model_index;
/* Whether the threat `t`, at `at` in model->threats, passes the filter (its facts and counts
 * read from the index). */
bool board_filter_match(const struct board_filter *f, const struct model_index *ix,
			const struct threat *t, size_t at);
void board_filter_release(struct board_filter *f);

#endif
