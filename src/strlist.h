/* An owned list of strings (tags, data items, assumptions). */
#ifndef SW_STRLIST_H
#define SW_STRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct strlist {
	char **items; /* each owned: malloc'd, or a pool's (freed with free_unless_pooled()) */
	size_t count;
	size_t cap;
};

#define STRLIST_INIT                                                                               \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void strlist_push(struct strlist *list, const char *s); /* copies s */
void strlist_take(struct strlist *list, char *s); /* keeps s itself, which the list now owns */
bool strlist_contains(const struct strlist *list, const char *s);
bool strlist_equal(const struct strlist *a, const struct strlist *b);
void strlist_copy(struct strlist *dst, const struct strlist *src); /* dst must be empty */
void strlist_clear(struct strlist *list);
/* Removes every item equal to s, keeping the order of the rest; returns how many went. */
size_t strlist_remove(struct strlist *list, const char *s);

#endif
