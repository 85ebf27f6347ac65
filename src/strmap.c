/* Open-addressing hash map with linear probing (see strmap.h). */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct strmap_entry {
	const char *key; /* NULL = empty slot */
	void *value;
	uint32_t hash;
};

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static struct strmap_entry *find_slot(const struct strmap *map, const char *key, uint32_t h)
{
	size_t i = h & (map->cap - 1);

	while (map->slots[i].key && (map->slots[i].hash != h || strcmp(map->slots[i].key, key)))
		i = (i + 1) & (map->cap - 1);
	return &map->slots[i];
}

static void rehash(struct strmap *map, size_t cap)
{
	struct strmap old = *map;
	size_t i;

	map->slots = xcalloc(cap, sizeof(*map->slots));
	map->cap = cap;
	for (i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find_slot(map, old.slots[i].key, old.slots[i].hash) = old.slots[i];
	free(old.slots);
}

void strmap_reserve(struct strmap *map, size_t n)
{
	size_t cap = map->cap ? map->cap : 16;

	while (n * 4 > cap * 3) /* strmap_put's load limit */
		cap *= 2;
	if (cap != map->cap)
		rehash(map, cap);
}

void strmap_put(struct strmap *map, const char *key, void *value)
{
	struct strmap_entry *e;
	uint32_t h = hash_str(key);

	if ((map->count + 1) * 4 > map->cap * 3)
		rehash(map, map->cap ? map->cap * 2 : 16);
	e = find_slot(map, key, h);
	if (!e->key)
		map->count++;
	e->key = key;
	e->value = value;
	e->hash = h;
}

void *strmap_get(const struct strmap *map, const char *key)
{
	const struct strmap_entry *e;

	if (!map->cap || !key)
		return NULL;
	e = find_slot(map, key, hash_str(key));
	return e->key ? e->value : NULL;
}

void strmap_remove(struct strmap *map, const char *key)
{
	struct strmap_entry *e;
	size_t i, j;

	if (!map->cap)
		return;
	e = find_slot(map, key, hash_str(key));
	if (!e->key)
		return;
	/* Backward-shift deletion keeps probe chains intact without tombstones. */
	i = (size_t)(e - map->slots);
	map->slots[i].key = NULL;
	map->slots[i].value = NULL;
	map->count--;
	for (j = (i + 1) & (map->cap - 1); map->slots[j].key; j = (j + 1) & (map->cap - 1)) {
		struct strmap_entry moved = map->slots[j];
		map->slots[j].key = NULL;
		map->slots[j].value = NULL;
		*find_slot(map, moved.key, moved.hash) = moved;
	}
}

void strmap_clear(struct strmap *map)
{
	free(map->slots);
	map->slots = NULL;
	map->cap = map->count = 0;
}
