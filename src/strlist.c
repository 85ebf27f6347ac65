/* Owned list of strings (see strlist.h). */
#include "strlist.h"

#include <stdlib.h>

#include "strpool.h"
#include "util.h"
#include "xalloc.h"

void strlist_push(struct strlist *list, const char *s)
{
	list->items = xgrow(list->items, sizeof(*list->items), list->count + 1, &list->cap);
	list->items[list->count++] = xstrdup(s);
}

void strlist_take(struct strlist *list, char *s)
{
	list->items = xgrow(list->items, sizeof(*list->items), list->count + 1, &list->cap);
	list->items[list->count++] = s;
}

bool strlist_contains(const struct strlist *list, const char *s)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (str_eq(list->items[i], s))
			return true;
	return false;
}

bool strlist_equal(const struct strlist *a, const struct strlist *b)
{
	size_t i;

	if (a->count != b->count)
		return false;
	for (i = 0; i < a->count; i++)
		if (!str_eq(a->items[i], b->items[i]))
			return false;
	return true;
}

void strlist_copy(struct strlist *dst, const struct strlist *src)
{
	size_t i;

	for (i = 0; i < src->count; i++)
		strlist_push(dst, src->items[i]);
}

void strlist_clear(struct strlist *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		free_unless_pooled(list->items[i]);
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}

size_t strlist_remove(struct strlist *list, const char *s)
{
	size_t i, kept = 0;

	for (i = 0; i < list->count; i++) {
		if (str_eq(list->items[i], s))
			free_unless_pooled(list->items[i]);
		else
			list->items[kept++] = list->items[i];
	}
	i = list->count - kept;
	list->count = kept;
	return i;
}
