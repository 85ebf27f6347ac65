/*
 * STRIDE cue cards: three to six short prompts per letter that a facilitator reads out while the
 * team walks an element, from cards for its type, its kind, and flows that cross a boundary.
 * Pure: no I/O (cue_yaml.h loads them from files).
 */
#ifndef SW_CUE_H
#define SW_CUE_H

#include <stdbool.h>
#include <stddef.h>

#include "applies.h"
#include "element.h"
#include "stride.h"
#include "strlist.h"

#define CUE_MIN_PROMPTS 3
#define CUE_MAX_PROMPTS 6

/* Which cards an element gets, in the order their prompts are shown. */
enum cue_rank { CUE_NONE, CUE_BY_TYPE, CUE_BY_KIND, CUE_BY_CROSSING };

struct cue_card {
	char *id;
	char *title;
	struct applies_to applies_to; /* exactly one of kinds, types or crossing */
	struct strlist prompts[STRIDE_COUNT];
	char *path; /* file it was read from; may be NULL */
	int line;
};

/* Returns a new, empty card; free with cue_card_free(). */
struct cue_card *cue_card_new(void);
void cue_card_free(struct cue_card *card);

/* The letters the card has prompts for (STRIDE_BIT set). */
unsigned cue_card_letters(const struct cue_card *card);

/*
 * How the card applies to the element: by its type, by its kind, as the card for a data flow
 * that crosses a trust boundary (`crossing`, from model_flow_crosses), or not at all.
 */
enum cue_rank cue_card_rank(const struct cue_card *card, const struct element *e, bool crossing);

/*
 * Appends to `out` the prompts for letter `l` of element `e` from `cards`: type cards first,
 * then kind cards, then crossing cards, each in the order given, without repeating a prompt.
 * Nothing when the letter does not apply to the element (or it is out of scope).
 */
void cue_prompts_for(struct cue_card *const *cards, size_t n, const struct element *e,
		     bool crossing, enum stride_letter l, struct strlist *out);

#endif
