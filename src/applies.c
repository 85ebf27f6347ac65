/* Matching elements against applies_to (see applies.h). */
#include "applies.h"

void applies_to_release(struct applies_to *at)
{
	strlist_clear(&at->types);
	at->kinds = 0;
	at->crossing = false;
}

bool applies_to_match(const struct applies_to *at, const struct element *e)
{
	if (at->kinds && !(at->kinds & KIND_BIT(e->kind)))
		return false;
	if (at->types.count == 0)
		return true;
	/* Types narrow the kinds that have types; a flow is matched by its kind being listed. */
	if (!e->type)
		return at->kinds != 0;
	return strlist_contains(&at->types, e->type);
}
