/* Cue cards and choosing the prompts for an element (see cue.h). */
#include "cue.h"

#include <stdlib.h>

#include "xalloc.h"

struct cue_card *cue_card_new(void)
{
	return xcalloc(1, sizeof(struct cue_card));
}

void cue_card_free(struct cue_card *card)
{
	int l;

	if (!card)
		return;
	free(card->id);
	free(card->title);
	applies_to_release(&card->applies_to);
	for (l = 0; l < STRIDE_COUNT; l++)
		strlist_clear(&card->prompts[l]);
	free(card->path);
	free(card);
}

unsigned cue_card_letters(const struct cue_card *card)
{
	unsigned set = 0;
	int l;

	for (l = 0; l < STRIDE_COUNT; l++)
		if (card->prompts[l].count)
			set |= STRIDE_BIT(l);
	return set;
}

enum cue_rank cue_card_rank(const struct cue_card *card, const struct element *e, bool crossing)
{
	const struct applies_to *at = &card->applies_to;

	if (at->crossing)
		return e->kind == KIND_DATA_FLOW && crossing ? CUE_BY_CROSSING : CUE_NONE;
	if (at->types.count)
		return e->type && strlist_contains(&at->types, e->type) ? CUE_BY_TYPE : CUE_NONE;
	return at->kinds & KIND_BIT(e->kind) ? CUE_BY_KIND : CUE_NONE;
}

static void add_prompts(const struct strlist *prompts, struct strlist *out)
{
	size_t i;

	for (i = 0; i < prompts->count; i++)
		if (!strlist_contains(out, prompts->items[i]))
			strlist_push(out, prompts->items[i]);
}

void cue_prompts_for(struct cue_card *const *cards, size_t n, const struct element *e,
		     bool crossing, enum stride_letter l, struct strlist *out)
{
	enum cue_rank rank;
	size_t i;

	if (!(element_letters(e) & STRIDE_BIT(l)))
		return;
	for (rank = CUE_BY_TYPE; rank <= CUE_BY_CROSSING; rank++)
		for (i = 0; i < n; i++)
			if (cue_card_rank(cards[i], e, crossing) == rank)
				add_prompts(&cards[i]->prompts[l], out);
}
