/*
 * STRIDE cue cards: three to six short prompts per letter that a facilitator reads out while the
 * team walks an element, from cards for its type, its kind, and flows that cross a boundary. A
 * prompt of a specific card may stand in for one of a general card that asks the same thing
 * (`replaces`), so the room hears each question once. Pure: no I/O (cue_yaml.h loads them).
 */
#ifndef SW_CUE_H
#define SW_CUE_H

#include <stdbool.h>
#include <stddef.h>

#include "applies.h"
#include "element.h"
#include "error.h"
#include "stride.h"
#include "strlist.h"

#define CUE_MIN_PROMPTS 3
#define CUE_MAX_PROMPTS 6

/* Which cards an element gets, in the order their prompts are shown. */
enum cue_rank { CUE_NONE, CUE_BY_TYPE, CUE_BY_KIND, CUE_BY_CROSSING };

struct cue_prompt {
	char *text;
	char *id; /* NULL unless another card's prompt replaces this one */
	/* A prompt of another card, as "CARD/PROMPT", that this one stands in for when both
	 * cards apply; NULL for none. */
	char *replaces;
	int line, col; /* where `replaces` was written, for errors */
};

struct cue_prompt_list {
	struct cue_prompt *items;
	size_t count, cap;
};

struct cue_card {
	char *id;
	char *title;
	struct applies_to applies_to; /* exactly one of kinds, types or crossing */
	struct cue_prompt_list prompts[STRIDE_COUNT];
	char *path; /* file it was read from; may be NULL */
	int line;
};

/* Returns a new, empty card; free with cue_card_free(). */
struct cue_card *cue_card_new(void);
void cue_card_free(struct cue_card *card);

/* Appends a prompt with a copy of `text` and no id; returns it (borrowed from the card). */
struct cue_prompt *cue_card_add_prompt(struct cue_card *card, enum stride_letter l,
				       const char *text);

/* The letter and prompt of `card` with id `id`, or NULL (borrowed). */
const struct cue_prompt *cue_card_prompt(const struct cue_card *card, const char *id,
					 enum stride_letter *letter);

/* The letters the card has prompts for (STRIDE_BIT set). */
unsigned cue_card_letters(const struct cue_card *card);

/*
 * How the card applies to the element: by its type, by its kind, as the card for a data flow
 * that crosses a trust boundary (`crossing`, from model_flow_crosses), or not at all.
 */
enum cue_rank cue_card_rank(const struct cue_card *card, const struct element *e, bool crossing);

/*
 * Appends to `out` the prompts for letter `l` of element `e` from `cards`: type cards first,
 * then kind cards, then crossing cards, each in the order given, without repeating a prompt
 * and without a prompt that a prompt of another card given here replaces. Nothing when the
 * letter does not apply to the element (or it is out of scope).
 */
void cue_prompts_for(struct cue_card *const *cards, size_t n, const struct element *e,
		     bool crossing, enum stride_letter l, struct strlist *out);

/*
 * Checks the `replaces` of `card` (of every card when `card` is NULL) against `cards`: each
 * must name a card there and one of its prompts under the same letter, a prompt that does not
 * replace another in turn. Returns 0, or -1 with err set to "file:line:col: message" at the
 * first bad reference.
 */
int cue_check_replaces(struct cue_card *const *cards, size_t n, const struct cue_card *card,
		       struct sw_error *err);

#endif
