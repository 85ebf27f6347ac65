/* The cue-card loader: walks the ynode tree of one file and checks it (see cue_yaml.h). */
#include "cue_yaml.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "fileio.h"
#include "qfields_yaml.h"
#include "sbuf.h"
#include "tree_yaml.h"
#include "util.h"
#include "xalloc.h"

static const char *const file_keys[] = {"cues", "id", "title", "applies_to", "prompts", NULL};
static const char *const applies_keys[] = {"kinds", "types", "crossing", NULL};

bool cue_tree_is_card(const struct ynode *root)
{
	return ynode_get(root, "cues") != NULL;
}

static int read_version(const struct yctx *ctx, const struct ynode *root)
{
	const struct ynode *v;
	long version;

	if (ynode_require(ctx, root, "a cue card", "cues"))
		return -1;
	v = ynode_get(root, "cues");
	if (v->type != YNODE_SCALAR || parse_int(v->scalar, 1, CUE_FORMAT_VERSION, &version))
		return yerr(ctx, v, "unsupported cue-card format '%s' (this build reads %d)",
			    v->type == YNODE_SCALAR ? v->scalar : ynode_type_name(v->type),
			    CUE_FORMAT_VERSION);
	return 0;
}

static int read_crossing(const struct yctx *ctx, const struct ynode *node, struct applies_to *at)
{
	if (!ynode_get(node, "crossing"))
		return 0;
	if (ynode_bool(ctx, node, "crossing", &at->crossing))
		return -1;
	if (!at->crossing)
		return yerr(ctx, ynode_get(node, "crossing"),
			    "'crossing' must be true: it picks the flows that cross a boundary");
	return 0;
}

/* One selector per card keeps "type card, then kind card" ordering unambiguous. */
static int read_applies(const struct yctx *ctx, const struct ynode *root, struct applies_to *at)
{
	const struct ynode *node;

	if (ynode_require(ctx, root, "a cue card", "applies_to"))
		return -1;
	node = ynode_get(root, "applies_to");
	if (ynode_expect(ctx, node, YNODE_MAP, "'applies_to'") ||
	    ynode_check_keys(ctx, node, "applies_to", applies_keys))
		return -1;
	if (node->count != 1)
		return yerr(ctx, node,
			    "'applies_to' needs exactly one of kinds, types or crossing");
	if (yfield_kinds(ctx, node, at) || yfield_types(ctx, node, at) ||
	    read_crossing(ctx, node, at))
		return -1;
	return 0;
}

/* The letters some element the card is for can have (data stores: R when they hold logs). */
static unsigned type_letters(const char *type)
{
	const struct catalog_type *t = catalog_find(type);

	if (t)
		return stride_applicable(t->kind, t->is_log);
	/* generic.NAME can be drawn as an entity, a process or a store. */
	return stride_applicable(KIND_PROCESS, false) | stride_applicable(KIND_DATA_STORE, true);
}

static unsigned card_letters(const struct applies_to *at)
{
	unsigned set = 0;
	size_t i;
	int k;

	if (at->crossing)
		return stride_applicable(KIND_DATA_FLOW, false);
	for (k = 0; k < KIND_COUNT; k++)
		if (at->kinds & KIND_BIT(k))
			set |= stride_applicable((enum element_kind)k, true);
	for (i = 0; i < at->types.count; i++)
		set |= type_letters(at->types.items[i]);
	return set;
}

static const char *const prompt_keys[] = {"text", "id", "replaces", NULL};

/* "CARD/PROMPT", both slugs, naming a prompt of another card. */
static int read_replaces(const struct yctx *ctx, const struct ynode *item,
			 const struct cue_card *card, struct cue_prompt *p)
{
	const struct ynode *node = ynode_get(item, "replaces");
	const char *slash;
	char *card_id;
	bool ok;

	if (!node)
		return 0;
	if (ynode_str(ctx, item, "replaces", false, &p->replaces))
		return -1;
	p->line = node->line;
	p->col = node->col;
	slash = strchr(p->replaces, '/');
	card_id = slash ? xstrndup(p->replaces, (size_t)(slash - p->replaces)) : NULL;
	ok = card_id && slug_valid(card_id) && slug_valid(slash + 1);
	if (ok && str_eq(card_id, card->id)) {
		free(card_id);
		return yerr(ctx, node,
			    "'replaces' names a prompt of this same card ('%s'); it can only "
			    "replace one of another card",
			    p->replaces);
	}
	free(card_id);
	if (!ok)
		return yerr(ctx, node,
			    "'replaces' must name another card's prompt as CARD/PROMPT, such as "
			    "process/injection, not '%s'",
			    p->replaces);
	return 0;
}

/* A prompt written as a mapping: its text, the id others replace it by, what it replaces. */
static int read_prompt_map(const struct yctx *ctx, const struct ynode *item, struct cue_card *card,
			   enum stride_letter l)
{
	struct cue_prompt *p;
	char *text = NULL;

	if (ynode_check_keys(ctx, item, "a prompt", prompt_keys) ||
	    ynode_require(ctx, item, "a prompt", "text") ||
	    ynode_str(ctx, item, "text", true, &text)) {
		free(text);
		return -1;
	}
	p = cue_card_add_prompt(card, l, text);
	free(text);
	if (ynode_get(item, "id")) {
		if (yfield_slug(ctx, item, "id", &p->id))
			return -1;
		if (cue_card_prompt(card, p->id, NULL) != p)
			return yerr(ctx, ynode_get(item, "id"),
				    "prompt id '%s' is used twice in this card", p->id);
	}
	return read_replaces(ctx, item, card, p);
}

static int read_letter_prompts(const struct yctx *ctx, const struct ynode *key,
			       const struct ynode *list, struct cue_card *card,
			       enum stride_letter l)
{
	size_t i;

	if (ynode_expect(ctx, list, YNODE_SEQ, "prompts for a letter"))
		return -1;
	if (list->count < CUE_MIN_PROMPTS || list->count > CUE_MAX_PROMPTS)
		return yerr(ctx, list, "'%s' needs %d to %d prompts, not %zu", key->scalar,
			    CUE_MIN_PROMPTS, CUE_MAX_PROMPTS, list->count);
	for (i = 0; i < list->count; i++) {
		const struct ynode *item = list->items[i];
		if (item->type == YNODE_MAP) {
			if (read_prompt_map(ctx, item, card, l))
				return -1;
			continue;
		}
		if (item->type != YNODE_SCALAR || str_empty(item->scalar))
			return yerr(ctx, item,
				    "each prompt must be a line of text, or a mapping with 'text'");
		cue_card_add_prompt(card, l, item->scalar);
	}
	return 0;
}

/* One `L: [...]` entry: a STRIDE letter that applies to the card's elements, and its prompts. */
static int read_letter(const struct yctx *ctx, const struct ynode *key, const struct ynode *list,
		       unsigned allowed, struct cue_card *card)
{
	char letters[STRIDE_COUNT + 1];
	enum stride_letter l;

	/* Keys are single letters, so a spelled-out name is a mistake too. */
	if (key->scalar[0] == '\0' || key->scalar[1] != '\0' || stride_parse(key->scalar, &l))
		return yerr(ctx, key, "unknown STRIDE letter '%s' (expected S, T, R, I, D or E)",
			    key->scalar);
	if (!(allowed & STRIDE_BIT(l))) {
		stride_set_string(allowed, letters);
		return yerr(ctx, key,
			    "letter '%s' does not apply to the elements this card is for "
			    "(they get %s)",
			    key->scalar, letters);
	}
	return read_letter_prompts(ctx, key, list, card, l);
}

static int read_prompts(const struct yctx *ctx, const struct ynode *root, struct cue_card *card)
{
	unsigned allowed = card_letters(&card->applies_to);
	const struct ynode *node;
	size_t i;

	if (ynode_require(ctx, root, "a cue card", "prompts"))
		return -1;
	node = ynode_get(root, "prompts");
	if (ynode_expect(ctx, node, YNODE_MAP, "'prompts'"))
		return -1;
	if (node->count == 0)
		return yerr(ctx, node, "'prompts' must not be empty");
	bool bad = false;

	for (i = 0; i < node->count; i++)
		if (ynode_stop(ctx, read_letter(ctx, node->keys[i], node->items[i], allowed, card),
			       &bad))
			return -1;
	return bad ? -1 : 0;
}

int cue_from_tree(const struct yctx *ctx, const struct ynode *root, struct cue_card **out)
{
	struct cue_card *card = cue_card_new();
	bool bad = false;

	*out = NULL;
	card->line = root->line;
	/* the prompts depend on what the card applies to: not read when that is wrong */
	if (ynode_expect(ctx, root, YNODE_MAP, "a cue-card file") ||
	    ynode_stop(ctx, ynode_check_file_keys(ctx, root, "a cue card", file_keys), &bad) ||
	    (bad && !ynode_any_key(root, file_keys)) ||
	    ynode_stop(ctx, read_version(ctx, root), &bad) ||
	    ynode_stop(ctx, yfield_slug(ctx, root, "id", &card->id), &bad) ||
	    ynode_stop(ctx, ynode_str(ctx, root, "title", true, &card->title), &bad) ||
	    read_applies(ctx, root, &card->applies_to) ||
	    ynode_stop(ctx, read_prompts(ctx, root, card), &bad) || bad) {
		cue_card_free(card);
		return -1;
	}
	*out = card;
	return 0;
}

int cue_load_text(const char *file, const char *text, size_t len, struct cue_card **out,
		  struct sw_error *err)
{
	struct yctx ctx = {file, err, NULL};
	struct ynode *root = NULL;

	*out = NULL;
	if (yaml_parse_tree(file, text, len, &root, err))
		return -1;
	if (cue_from_tree(&ctx, root, out) == 0)
		(*out)->path = xstrdup(file);
	ynode_free(root);
	return *out ? 0 : -1;
}

int cue_load(const char *path, struct cue_card **out, struct sw_error *err)
{
	struct sbuf text = SBUF_INIT;
	int rc;

	*out = NULL;
	if (file_read_all(path, &text, err)) {
		sbuf_release(&text);
		return -1;
	}
	rc = cue_load_text(path, sbuf_str(&text), text.len, out, err);
	sbuf_release(&text);
	return rc;
}
