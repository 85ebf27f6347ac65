/* A string-keyed hash map for id lookups (element ids, threat ids); values are borrowed pointers. */
#ifndef SW_STRMAP_H
#define SW_STRMAP_H

#include <stddef.h>

struct strmap_entry;

struct strmap {
	struct strmap_entry *slots;
	size_t cap; /* a power of two, or 0 */
	size_t count;
};

#define STRMAP_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Keys are borrowed: they must outlive their entry (they usually live in the value). */
void strmap_put(struct strmap *map, const char *key, void *value);
void *strmap_get(const struct strmap *map, const char *key);
void strmap_remove(struct strmap *map, const char *key);
void strmap_clear(struct strmap *map);
/* Room for `n` entries in all, so that adding them never rebuilds the table. */
void strmap_reserve(struct strmap *map, size_t n);

#endif
