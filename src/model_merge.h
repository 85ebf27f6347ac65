/*
 * Re-importing a changed system description: the new file's diagram replaces the old one, and
 * the work recorded so far (threats, decisions, answers, ...) carries over wherever its element
 * still exists and its letter still applies. Pure: no I/O.
 */
#ifndef SW_MODEL_MERGE_H
#define SW_MODEL_MERGE_H

#include "model.h"

struct merge_report {
	int added, changed, removed, unchanged; /* elements, flows and boundaries */
	int threats_kept, threats_dropped;
	int decisions_dropped, answers_dropped;
	struct strlist changed_ids; /* new or changed: what the next session should walk */
	struct strlist removed_ids;
};

/* Returns a new model; `report` is filled (release it with merge_report_release()). */
struct model *model_merge(const struct model *current, const struct model *incoming,
			  struct merge_report *report);
void merge_report_release(struct merge_report *report);

/* True when the model records any workshop work (threats, decisions, answers, ...). */
bool model_has_work(const struct model *m);

#endif
