/*
 * The derived index: every fact the screens, the reports, `check` and `diff` derive from a
 * model — the outline and walk order, each element's coverage and the totals, the threats on
 * each element, each threat's packed facts, votes and mitigations, each mitigation's threats,
 * and what each participant did. Built once from a model, then kept up to date by the app
 * change by change (each update touches only what the change touched), so one count is
 * computed one way for every reader. Pure: no I/O.
 *
 * The contract: after every change to the model, exactly one update call (or a rebuild) and
 * the index equals model_index_build() of the model as it now is; model_index_verify() checks
 * that, and debug builds run it after every app change. `generation` goes up by at least one
 * on every update and rebuild: a screen that remembers the generation it built its rows for
 * knows when to build them again, and nothing else.
 */
#ifndef SW_MODEL_INDEX_H
#define SW_MODEL_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "coverage.h"
#include "model.h"
#include "outline.h"
#include "sbuf.h"
#include "strmap.h"

/*
 * What lists sort, filter and count a threat by, packed in six bytes: 200,000 of these stay in
 * the CPU's cache while they are sorted, where the threats themselves do not.
 */
struct threat_facts {
	unsigned char risk; /* likelihood x impact, 1-25 */
	unsigned char likelihood, impact; /* 1-5 */
	unsigned char status; /* enum threat_status */
	unsigned char letter; /* the primary letter */
	unsigned char letters; /* STRIDE_BIT set: primary and extra */
};

/* What one participant did: dots given over every threat, threats raised, questions answered
 * and cells decided (credited to them as the speaker). */
struct participant_tally {
	int dots;
	int raised;
	int answers;
	int decisions;
};

/* A growable list of positions in one of the model's arrays, ascending. */
struct position_list {
	size_t *items;
	size_t n, cap;
};

struct model_index {
	unsigned long generation;

	size_t nelements;
	struct strmap element_at; /* element id -> its index in m->elements, plus one */
	struct outline_row *outline;
	size_t noutline;
	const struct element **order; /* the walk order */
	size_t norder;
	size_t *walk_at; /* per element: its place in `order` plus one; 0 when not walked */
	size_t *order_element; /* per place in `order`: the element's index in m->elements */
	struct element_coverage *cov; /* per element */
	struct coverage_totals totals;
	struct position_list *element_threats; /* per element: its threats' positions */

	const struct model *model; /* the model it was built for (borrowed) */

	size_t nthreats, threats_cap;
	struct id_map *threat_at; /* threat id -> position, for ids not in order (lazy) */
	size_t *threat_element; /* per threat: its element's index (nelements: none) */
	struct threat_facts *facts; /* per threat */
	int *votes; /* per threat: dots over every participant */
	struct position_list *threat_mitigations; /* per threat: the mitigations listing it */
	size_t *threat_raiser; /* per threat: who raised it, as a participant index (or npart.) */

	size_t nmitigations, mitigations_cap;
	struct id_map *mitigation_at; /* the same for mitigations */
	struct position_list *mitigation_threats; /* per mitigation: its threats' positions */
	size_t dangling; /* links to threats the model does not hold: a capture may resolve one */

	size_t nparticipants;
	struct strmap participant_at; /* name -> index in m->participants, plus one */
	struct participant_tally *tally; /* per participant */

	size_t *blocks[3]; /* the last full build's lists, as slices (model_index.c) */
};

struct id_map;

#define MODEL_INDEX_INIT                                                                           \
	{                                                                                          \
		0                                                                                  \
	}

/* Builds the index of `m` from scratch; `ix` keeps its generation, plus one. The index
 * borrows the model's strings and objects: it is valid until the model changes without it. */
void model_index_build(struct model_index *ix, const struct model *m);
void model_index_release(struct model_index *ix);

/* ---- updates, one per kind of change (what the app calls right after applying it) ---- */

/* Threat `id` was added (it is the model's last) or edited in place. */
void model_index_threat(struct model_index *ix, const struct model *m, const char *id);
/* A cell of `element` was decided (none, n/a) or reopened; the decision's credit went from
 * `before` to `after` (either NULL: nobody, or no decision). */
void model_index_cell(struct model_index *ix, const struct model *m, const char *element,
		      const char *before, const char *after);
/* An answer was given or changed; its credit went from `before` to `after` (NULL: nobody). */
void model_index_answer(struct model_index *ix, const char *before, const char *after);
/* Mitigation `id` was added (the model's last) or edited in place. */
void model_index_mitigation(struct model_index *ix, const struct model *m, const char *id);
/* `participant`'s dots on `threat` went from `before` to `after`. */
void model_index_vote(struct model_index *ix, const struct model *m, const char *participant,
		      const char *threat, int before, int after);
/* A participant was added or renamed (a role change needs only model_index_touch). */
void model_index_participants(struct model_index *ix, const struct model *m);
/* Anything the index holds nothing of: answers, open items, sessions, notes, review marks. */
void model_index_touch(struct model_index *ix);

/* ---- reading ---- */

/* The element's index in m->elements (ix->nelements when absent). */
size_t model_index_element(const struct model_index *ix, const char *id);
/* The threat's position in m->threats (ix->nthreats when absent). */
size_t model_index_threat_at(const struct model_index *ix, const char *id);
/* The element's place in the walk order (ix->norder when it is not walked). */
size_t model_index_walk_position(const struct model_index *ix, const char *element);
/* The coverage of the element (NULL when absent). */
const struct element_coverage *model_index_coverage(const struct model_index *ix,
						    const char *element);
/* Threats on the cell (element, letter), primary or extra letter. */
int model_index_cell_threats(const struct model_index *ix, const struct model *m,
			     const char *element, enum stride_letter l);
/* The participant's index in m->participants (ix->nparticipants when absent). */
size_t model_index_participant(const struct model_index *ix, const char *name);
/* Dots `participant` has given over every threat (0 for nobody known). */
int model_index_dots(const struct model_index *ix, const char *participant);

/* Compares the index with one built from scratch for `m`: true when they agree, else false
 * with the first difference described in `why` (may be NULL). */
bool model_index_verify(const struct model_index *ix, const struct model *m, struct sbuf *why);

#endif
