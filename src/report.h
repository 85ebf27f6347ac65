/*
 * What the report writers (report_md.c, report_csv.c) and the CI gate share: the model, its
 * derived index (the same counts the screens show) and the threats in report order. Pure.
 */
#ifndef SW_REPORT_H
#define SW_REPORT_H

#include <stddef.h>
#include <time.h>

#include "model.h"
#include "model_index.h"

struct report {
	const struct model *m; /* borrowed; must outlive the report */
	const struct model_index *ix; /* `m`'s: the app's, or `own` */
	struct model_index own;
	size_t *order; /* threat positions: highest risk first, then most votes, then id */
	size_t norder; /* every threat's, or those report_init_at_risk() keeps */
};

/* Reads `ix` when it is given (the app's index of `m`, borrowed), else builds one. */
void report_init(struct report *r, const struct model *m, const struct model_index *ix);
/* The same, with `order` holding only the active threats whose risk is at least `min_risk`
 * (what the CI gate prints): a large model sorts a fifth of its threats instead of all. */
void report_init_at_risk(struct report *r, const struct model *m, const struct model_index *ix,
			 int min_risk);
void report_release(struct report *r);

/* `one` when n is 1, else `many`: "1 threat", "2 threats", "0 threats". */
const char *report_plural(long n, const char *one, const char *many);

/* YYYY-MM-DD of `t` in UTC into `out` (11 bytes). */
void report_date(time_t t, char out[11]);

/* The earliest due date among the threat's mitigations, or NULL (borrowed). */
const char *report_threat_due(const struct report *r, size_t threat);
/* The owner of the threat's first mitigation that has one, or NULL (borrowed). */
const char *report_threat_owner(const struct report *r, size_t threat);

#endif
