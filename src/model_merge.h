/*
 * Re-importing a changed system description: the new file's diagram replaces the old one, and
 * the work recorded so far (threats, decisions, answers, ...) carries over wherever its element
 * still exists and its letter still applies. Pure: no I/O.
 *
 * A diagram derived from infrastructure code is an increment instead (merge_options.code): the
 * code owns what it derives (kind, type, boundary, the ends of a flow) and the team owns what it
 * edits (names, descriptions, tags, scope decisions, protocols, data); resources that are gone
 * stay as removed and out of scope, with their threats; every element the last import added or
 * changed says so in its origin; and answers the code settles follow the code unless the team
 * overruled them.
 */
#ifndef SW_MODEL_MERGE_H
#define SW_MODEL_MERGE_H

#include "model.h"

struct merge_options {
	bool code; /* the incoming diagram comes from infrastructure code */
	/*
	 * The files the incoming diagram describes: an element of the current model whose origin
	 * is one of them and that the incoming diagram lacks was removed. NULL: every element
	 * with an origin (a directory import describes the whole system).
	 */
	const struct strlist *files;
};

struct merge_report {
	int added, changed, removed, unchanged; /* elements, flows and boundaries */
	int threats_kept, threats_dropped;
	int decisions_dropped, answers_dropped;
	struct strlist changed_ids; /* new or changed: what the next session should walk */
	struct strlist removed_ids;
	/* increments from code */
	struct strlist added_ids; /* new: pending, walked first */
	struct strlist removed_threats; /* "T-0003 on legacy-fn": kept, on a removed element */
	int answers_added, answers_updated, answers_withdrawn, answers_overruled;
	int answers_moved; /* the same value, its evidence elsewhere (a line moved, a new file) */
};

/* Returns a new model; `report` is filled (release it with merge_report_release()). */
struct model *model_merge(const struct model *current, const struct model *incoming,
			  struct merge_report *report);
/* The same with options; NULL options are model_merge's. */
struct model *model_merge_with(const struct model *current, const struct model *incoming,
			       const struct merge_options *options, struct merge_report *report);
void merge_report_release(struct merge_report *report);

/* True when the model records any workshop work (threats, decisions, answers, ...). */
bool model_has_work(const struct model *m);

#endif
