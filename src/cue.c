/* Cue cards, choosing the prompts for an element, and checking what prompts replace (see cue.h). */
#include "cue.h"

#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

struct cue_card *cue_card_new(void)
{
	return xcalloc(1, sizeof(struct cue_card));
}

static void prompt_list_release(struct cue_prompt_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		free(list->items[i].text);
		free(list->items[i].id);
		free(list->items[i].replaces);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
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
		prompt_list_release(&card->prompts[l]);
	free(card->path);
	free(card);
}

struct cue_prompt *cue_card_add_prompt(struct cue_card *card, enum stride_letter l,
				       const char *text)
{
	struct cue_prompt_list *list = &card->prompts[l];
	struct cue_prompt *p;

	list->items = xgrow(list->items, sizeof(*list->items), list->count + 1, &list->cap);
	p = &list->items[list->count++];
	memset(p, 0, sizeof(*p));
	p->text = xstrdup(text);
	return p;
}

const struct cue_prompt *cue_card_prompt(const struct cue_card *card, const char *id,
					 enum stride_letter *letter)
{
	size_t i;
	int l;

	for (l = 0; l < STRIDE_COUNT; l++)
		for (i = 0; i < card->prompts[l].count; i++)
			if (card->prompts[l].items[i].id &&
			    str_eq(card->prompts[l].items[i].id, id)) {
				if (letter)
					*letter = (enum stride_letter)l;
				return &card->prompts[l].items[i];
			}
	return NULL;
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

/* "CARD/PROMPT" of a prompt of `card`, as a new string, or NULL when it has no id. */
static char *prompt_ref(const struct cue_card *card, const struct cue_prompt *p)
{
	struct sbuf ref = SBUF_INIT;

	if (!p->id)
		return NULL;
	sbuf_addf(&ref, "%s/%s", card->id, p->id);
	return sbuf_detach(&ref);
}

/* The prompts that the cards applying to the element replace for letter `l`. */
static void replaced_refs(struct cue_card *const *cards, size_t n, const struct element *e,
			  bool crossing, enum stride_letter l, struct strlist *out)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct cue_prompt_list *list = &cards[i]->prompts[l];
		if (cue_card_rank(cards[i], e, crossing) == CUE_NONE)
			continue;
		for (j = 0; j < list->count; j++)
			if (list->items[j].replaces)
				strlist_push(out, list->items[j].replaces);
	}
}

static void add_prompts(const struct cue_card *card, enum stride_letter l,
			const struct strlist *replaced, struct strlist *out)
{
	const struct cue_prompt_list *list = &card->prompts[l];
	size_t i;

	for (i = 0; i < list->count; i++) {
		char *ref = prompt_ref(card, &list->items[i]);
		bool hidden = ref && strlist_contains(replaced, ref);
		free(ref);
		if (!hidden && !strlist_contains(out, list->items[i].text))
			strlist_push(out, list->items[i].text);
	}
}

void cue_prompts_for(struct cue_card *const *cards, size_t n, const struct element *e,
		     bool crossing, enum stride_letter l, struct strlist *out)
{
	struct strlist replaced = STRLIST_INIT;
	enum cue_rank rank;
	size_t i;

	if (!(element_letters(e) & STRIDE_BIT(l)))
		return;
	replaced_refs(cards, n, e, crossing, l, &replaced);
	for (rank = CUE_BY_TYPE; rank <= CUE_BY_CROSSING; rank++)
		for (i = 0; i < n; i++)
			if (cue_card_rank(cards[i], e, crossing) == rank)
				add_prompts(cards[i], l, &replaced, out);
	strlist_clear(&replaced);
}

static const struct cue_card *find_card(struct cue_card *const *cards, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (str_eq(cards[i]->id, id))
			return cards[i];
	return NULL;
}

/* One `replaces` of `card`, a prompt under letter `l`. */
static int check_ref(struct cue_card *const *cards, size_t n, const struct cue_card *card,
		     enum stride_letter l, const struct cue_prompt *p, struct sw_error *err)
{
	const char *slash = strchr(p->replaces, '/');
	char *card_id = xstrndup(p->replaces, (size_t)(slash - p->replaces));
	const struct cue_card *target = find_card(cards, n, card_id);
	enum stride_letter at = l;
	const struct cue_prompt *old = target ? cue_card_prompt(target, slash + 1, &at) : NULL;
	int rc = -1;

	if (!target)
		sw_error_at(err, card->path, p->line, p->col,
			    "'replaces' names '%s', but no cue card has the id '%s'", p->replaces,
			    card_id);
	else if (!old)
		sw_error_at(
		    err, card->path, p->line, p->col,
		    "'replaces' names '%s', but cue card '%s' has no prompt with the id '%s'",
		    p->replaces, card_id, slash + 1);
	else if (at != l)
		sw_error_at(
		    err, card->path, p->line, p->col,
		    "'%s' is a prompt for %c, and this one is for %c: a prompt replaces one "
		    "for its own letter",
		    p->replaces, stride_char(at), stride_char(l));
	else if (old->replaces)
		sw_error_at(err, card->path, p->line, p->col,
			    "'%s' replaces '%s' itself: name that one instead", p->replaces,
			    old->replaces);
	else
		rc = 0;
	free(card_id);
	return rc;
}

static int check_card(struct cue_card *const *cards, size_t n, const struct cue_card *card,
		      struct sw_error *err)
{
	size_t i;
	int l;

	for (l = 0; l < STRIDE_COUNT; l++)
		for (i = 0; i < card->prompts[l].count; i++)
			if (card->prompts[l].items[i].replaces &&
			    check_ref(cards, n, card, (enum stride_letter)l,
				      &card->prompts[l].items[i], err))
				return -1;
	return 0;
}

int cue_check_replaces(struct cue_card *const *cards, size_t n, const struct cue_card *card,
		       struct sw_error *err)
{
	size_t i;

	if (card)
		return check_card(cards, n, card, err);
	for (i = 0; i < n; i++)
		if (check_card(cards, n, cards[i], err))
			return -1;
	return 0;
}
