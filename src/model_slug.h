/*
 * Unique element ids made from names ("Orders table" -> orders-table, then orders-table-2, ...),
 * as importers of other tools' files need them. Each base name remembers the next number to
 * try, so a thousand elements with the same name cost a thousand lookups, not half a million.
 * Pure: no I/O.
 */
#ifndef SW_MODEL_SLUG_H
#define SW_MODEL_SLUG_H

#include <stddef.h>

#include "model.h"
#include "strmap.h"

struct slug_count;

struct slug_maker {
	const struct model *m; /* ids in use are the elements of this model (borrowed) */
	struct strmap next; /* base slug -> struct slug_count * */
	struct slug_count **counts; /* owned, for release */
	size_t ncounts, counts_cap;
	size_t probes; /* candidate ids looked up so far: tests check it stays linear */
};

void slug_maker_init(struct slug_maker *s, const struct model *m);
void slug_maker_release(struct slug_maker *s);

/*
 * Returns a new id (caller frees) made from `name`: lowercase ASCII letters and digits, other
 * runs become '-', at most 56 characters before a "-N" suffix; `fallback` (a slug) when the
 * name leaves nothing. The id is not used by any element of the model yet; the caller adds
 * the element before asking for the next id.
 */
char *slug_maker_make(struct slug_maker *s, const char *name, const char *fallback);

#endif
