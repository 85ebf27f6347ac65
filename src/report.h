/*
 * What the report writers (report_md.c, report_csv.c) and the CI gate share: per-threat facts
 * computed once per model (votes, linked mitigations, the order by risk) so that no writer walks
 * the votes or mitigations once per threat. Pure: no I/O.
 */
#ifndef SW_REPORT_H
#define SW_REPORT_H

#include <stddef.h>
#include <time.h>

#include "model.h"

struct report_index {
	const struct model *m; /* borrowed; must outlive the index */
	int *votes; /* per m->threats[i]: votes summed over participants */
	/* Mitigations of threat i: m->mitigations[mit_list[k]] for k in mit_start[i]..mit_start[i+1] */
	size_t *mit_start;
	size_t *mit_list;
	/* Threat indexes: highest risk first, then most votes, then id. */
	size_t *order;
	struct strmap threat_pos; /* threat id -> index + 1 (uintptr_t) */
};

void report_index_init(struct report_index *ix, const struct model *m);
void report_index_release(struct report_index *ix);

/* Index of the threat with this id in m->threats, or -1. */
long report_threat_index(const struct report_index *ix, const char *id);

/* The threat's letters, primary first, then the others in STRIDE order: "EI". */
void report_letters(const struct threat *t, char out[STRIDE_COUNT + 1]);

/* YYYY-MM-DD of `t` in UTC into `out` (11 bytes). */
void report_date(time_t t, char out[11]);

/* The earliest due date among the threat's mitigations, or NULL (borrowed). */
const char *report_threat_due(const struct report_index *ix, size_t threat);
/* The owner of the threat's first mitigation that has one, or NULL (borrowed). */
const char *report_threat_owner(const struct report_index *ix, size_t threat);

#endif
