/*
 * What changed between two versions of a model (stridewalk diff): boundaries, elements and
 * flows added, removed or changed (and which fields), threats added or removed or with a new
 * status, risk or votes, mitigations, questionnaire answers, coverage cells, open items and the
 * model's own text. Pure: no I/O; report_diff.c writes it as text or Markdown.
 */
#ifndef SW_MODEL_DIFF_H
#define SW_MODEL_DIFF_H

#include <stddef.h>

#include "model.h"
#include "sbuf.h"

enum diff_subject {
	DIFF_MODEL,
	DIFF_BOUNDARY,
	DIFF_ELEMENT,
	DIFF_FLOW,
	DIFF_THREAT,
	DIFF_MITIGATION,
	DIFF_ANSWER,
	DIFF_COVERAGE,
	DIFF_ITEM,
	DIFF_SUBJECT_COUNT
};

enum diff_change { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED };

struct diff_entry {
	enum diff_subject subject;
	enum diff_change change;
	char *id; /* "payslip-fn", "T-0001", "payslip-fn identity/role-per-function", "fn S" */
	char *label; /* name or title (may be NULL) */
	char *
	    detail; /* "description, tags" or "status open -> mitigated; risk 9 -> 16" (may be NULL) */
};

struct model_diff {
	struct diff_entry *entries; /* grouped by subject; within: added, removed, changed */
	size_t count, cap;
};

#define MODEL_DIFF_INIT                                                                            \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Fills `out` (empty, or released) with the differences from `old` to `new_`. */
void model_diff_compute(const struct model *old, const struct model *new_, struct model_diff *out);
void model_diff_release(struct model_diff *d);

const char *diff_subject_name(enum diff_subject s); /* "element", "threat", ... */
const char *model_diff_subject_title(enum diff_subject s); /* "Trust boundaries", ... */
const char *model_diff_change_name(enum diff_change c); /* "added", "removed", "changed" */

#endif
