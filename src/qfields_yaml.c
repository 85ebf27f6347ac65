/* Fields shared by questionnaire and cue-card files (see qfields_yaml.h). */
#include "qfields_yaml.h"

#include <string.h>

#include "catalog.h"
#include "util.h"

/* The kinds a file may name: trust boundaries are not walked, so nothing is asked of them. */
#define WALKED_KINDS "external_entity, process, data_store, data_flow"

const struct ynode *yfield_list(const struct yctx *ctx, const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	if (!v) {
		yerr(ctx, map, "missing required key '%s'", key);
		return NULL;
	}
	if (v->type != YNODE_SEQ) {
		yerr(ctx, v, "'%s' must be a list, not %s", key, ynode_type_name(v->type));
		return NULL;
	}
	if (v->count == 0) {
		yerr(ctx, v, "'%s' must not be empty", key);
		return NULL;
	}
	return v;
}

int yfield_slug(const struct yctx *ctx, const struct ynode *map, const char *key, char **out)
{
	if (ynode_str(ctx, map, key, true, out))
		return -1;
	if (slug_valid(*out))
		return 0;
	return yerr(ctx, ynode_get(map, key),
		    "'%s' must be a lowercase slug (a-z, 0-9 and '-', at most 64), not '%s'", key,
		    *out);
}

static int scalar_item(const struct yctx *ctx, const struct ynode *item, const char *key)
{
	if (item->type == YNODE_SCALAR)
		return 0;
	return yerr(ctx, item, "items of '%s' must be single values, not %s", key,
		    ynode_type_name(item->type));
}

static int letter_item(const struct yctx *ctx, const struct ynode *item, unsigned *set,
		       enum stride_letter *l)
{
	if (scalar_item(ctx, item, "stride"))
		return -1;
	if (stride_parse(item->scalar, l))
		return yerr(ctx, item, "unknown STRIDE letter '%s' (expected S, T, R, I, D or E)",
			    item->scalar);
	if (*set & STRIDE_BIT(*l))
		return yerr(ctx, item, "letter '%s' is listed twice", item->scalar);
	*set |= STRIDE_BIT(*l);
	return 0;
}

int yfield_letters(const struct yctx *ctx, const struct ynode *map, const char *key, bool required,
		   enum stride_letter *first, unsigned *set)
{
	const struct ynode *v = ynode_get(map, key);
	enum stride_letter l;
	unsigned got = 0;
	size_t i;

	if (!v && !required)
		return 0;
	if (!(v = yfield_list(ctx, map, key)))
		return -1;
	for (i = 0; i < v->count; i++) {
		if (letter_item(ctx, v->items[i], &got, &l))
			return -1;
		if (i == 0 && first)
			*first = l;
	}
	*set = got;
	return 0;
}

static int kind_item(const struct yctx *ctx, const struct ynode *item, unsigned *kinds)
{
	enum element_kind k;

	if (scalar_item(ctx, item, "kinds"))
		return -1;
	if (element_kind_parse(item->scalar, &k))
		return yerr(ctx, item, "unknown kind '%s' (expected one of: %s)", item->scalar,
			    WALKED_KINDS);
	if (k == KIND_TRUST_BOUNDARY)
		return yerr(ctx, item, "kind '%s' is not walked (expected one of: %s)",
			    item->scalar, WALKED_KINDS);
	*kinds |= KIND_BIT(k);
	return 0;
}

int yfield_kinds(const struct yctx *ctx, const struct ynode *map, struct applies_to *out)
{
	const struct ynode *v;
	size_t i;

	if (!ynode_get(map, "kinds"))
		return 0;
	if (!(v = yfield_list(ctx, map, "kinds")))
		return -1;
	for (i = 0; i < v->count; i++)
		if (kind_item(ctx, v->items[i], &out->kinds))
			return -1;
	return 0;
}

/* Known, or a well-formed generic.NAME. */
static int type_known(const struct yctx *ctx, const struct ynode *item)
{
	const char *why = NULL;

	if (!str_starts_with(item->scalar, "generic.")) {
		if (catalog_find(item->scalar))
			return 0;
		return yerr(ctx, item,
			    "unknown type '%s' (see 'stridewalk list types'; generic.NAME fits "
			    "anything)",
			    item->scalar);
	}
	if (catalog_type_fits(item->scalar, KIND_PROCESS, &why))
		return 0;
	return yerr(ctx, item, "type '%s' is not valid: %s", item->scalar, why);
}

static bool type_fits_kinds(const char *type, unsigned kinds, const char **why)
{
	int k;

	*why = "data flows have no type";
	if (!kinds)
		return true;
	for (k = 0; k < KIND_DATA_FLOW; k++)
		if ((kinds & KIND_BIT(k)) && catalog_type_fits(type, (enum element_kind)k, why))
			return true;
	return false;
}

static int type_item(const struct yctx *ctx, const struct ynode *item, struct applies_to *out)
{
	const char *why = NULL;

	if (scalar_item(ctx, item, "types"))
		return -1;
	if (type_known(ctx, item))
		return -1;
	if (!type_fits_kinds(item->scalar, out->kinds, &why))
		return yerr(ctx, item, "type '%s' does not fit the kinds listed: %s", item->scalar,
			    why);
	if (strlist_contains(&out->types, item->scalar))
		return yerr(ctx, item, "type '%s' is listed twice", item->scalar);
	strlist_push(&out->types, item->scalar);
	return 0;
}

int yfield_types(const struct yctx *ctx, const struct ynode *map, struct applies_to *out)
{
	const struct ynode *v;
	size_t i;

	if (!ynode_get(map, "types"))
		return 0;
	if (!(v = yfield_list(ctx, map, "types")))
		return -1;
	for (i = 0; i < v->count; i++)
		if (type_item(ctx, v->items[i], out))
			return -1;
	return 0;
}
