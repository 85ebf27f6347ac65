/*
 * Questionnaire triage: which questions a room asks first. Each pack marks a few core
 * questions (its expert's first five: the ones that find the most serious problems fastest).
 * A workshop asks the core questions of the packs chosen for the session first and the rest
 * only when asked for; a solo review asks every question. Pure: reads questionnaires and a
 * model's answers, changes nothing.
 */
#ifndef SW_QUESTIONNAIRE_TRIAGE_H
#define SW_QUESTIONNAIRE_TRIAGE_H

#include <stddef.h>

#include "error.h"
#include "questionnaire.h"
#include "strlist.h"

/* How many core questions a pack should mark (a pack with fewer questions marks them all). */
#define TRIAGE_CORE_MIN 3
#define TRIAGE_CORE_MAX 5

enum triage_mode {
	TRIAGE_WORKSHOP, /* the core questions of the chosen packs, nothing else */
	TRIAGE_WORKSHOP_ALL, /* those first, then the other questions of the chosen packs */
	TRIAGE_REVIEW, /* every question of the chosen packs, pack by pack in file order */
};

/* One question to ask, with the pack it belongs to; both borrowed from the questionnaires. */
struct triage_question {
	const struct questionnaire *qn;
	const struct question *q;
};

/* One pack's progress for one element: all its visible questions, and its core ones. */
struct triage_pack {
	const struct questionnaire *qn; /* borrowed */
	struct qprogress all;
	struct qprogress core;
};

/* The number of questions of `qn` marked core. */
size_t questionnaire_triage_core_count(const struct questionnaire *qn);

/*
 * Checks that `qn` marks TRIAGE_CORE_MIN to TRIAGE_CORE_MAX core questions (or every question,
 * when it has fewer than TRIAGE_CORE_MIN). Returns 0, or -1 with *warn set to a message at
 * qn->path and the place to fix: the `questions` key when too few are marked, the first core
 * question too many when too many are. The pack still works either way: lint warns.
 */
int questionnaire_triage_check(const struct questionnaire *qn, struct sw_error *warn);

/*
 * The questions to ask element `e`, in order, from the packs of `qs` (for example those
 * qlibrary_applicable() gives) whose id is in `chosen` (NULL or empty: every pack, as for a
 * session's `packs`). Only questions visible with the answers in `m` are listed (see
 * question_visible), answered ones included, so the list changes as answers are given. TRIAGE_WORKSHOP: the core questions, pack by pack
 * in `qs` order and file order within a pack; TRIAGE_WORKSHOP_ALL: the same, then the other
 * questions in that order; TRIAGE_REVIEW: every question, pack by pack in file order.
 * Returns a new array the caller frees with free() (never NULL); *count gets its length.
 */
struct triage_question *questionnaire_triage_order(struct questionnaire *const *qs, size_t n,
						   const struct strlist *chosen,
						   enum triage_mode mode, const struct element *e,
						   const struct model *m, size_t *count);

/*
 * Progress of element `e` for each pack of `qs` whose id is in `chosen` (NULL or empty: every
 * pack), in `qs` order; packs that ask `e` nothing are left out. Answers "unknown" and "n/a" count
 * as answered. Returns a new array the caller frees with free() (never NULL); *count gets its
 * length.
 */
struct triage_pack *questionnaire_triage_progress(struct questionnaire *const *qs, size_t n,
						  const struct strlist *chosen,
						  const struct element *e, const struct model *m,
						  size_t *count);

#endif
