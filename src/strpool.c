/* Block allocation for many short strings, and the registry that tells them from malloc's. */
#include "strpool.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum { FIRST_BLOCK = 16 << 10, LARGEST_BLOCK = 1 << 20 };

struct block {
	struct block *prev;
	size_t size; /* bytes of text after the header */
	char text[];
};

struct strpool {
	struct block *last;
	char *next, *end; /* the unused part of `last` */
};

/* Every live block's text as [lo, hi), sorted by lo: what free_unless_pooled() searches. */
static struct span {
	uintptr_t lo, hi;
} * spans;
static size_t nspans, spans_cap;

static size_t span_search(uintptr_t p) /* the first span whose lo is above p */
{
	size_t lo = 0, hi = nspans;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (spans[mid].lo <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void span_add(const struct block *b)
{
	uintptr_t lo = (uintptr_t)b->text;
	size_t at;

	spans = xgrow(spans, sizeof(*spans), nspans + 1, &spans_cap);
	at = span_search(lo);
	memmove(spans + at + 1, spans + at, (nspans - at) * sizeof(*spans));
	spans[at] = (struct span){lo, lo + b->size};
	nspans++;
}

static void span_remove(const struct block *b)
{
	size_t at = span_search((uintptr_t)b->text) - 1; /* the span whose lo is b->text */

	memmove(spans + at, spans + at + 1, (nspans - at - 1) * sizeof(*spans));
	nspans--;
}

static bool pooled(const void *s)
{
	uintptr_t p = (uintptr_t)s;
	size_t at;

	if (nspans == 0)
		return false;
	at = span_search(p);
	return at > 0 && p < spans[at - 1].hi;
}

struct strpool *strpool_new(void)
{
	return xcalloc(1, sizeof(struct strpool));
}

static void grow(struct strpool *pool, size_t need)
{
	size_t size = pool->last ? pool->last->size * 2 : FIRST_BLOCK;
	struct block *b;

	if (size > LARGEST_BLOCK)
		size = LARGEST_BLOCK;
	if (size < need)
		size = need;
	b = xmalloc(sizeof(*b) + size);
	b->prev = pool->last;
	b->size = size;
	pool->last = b;
	pool->next = b->text;
	pool->end = b->text + size;
	span_add(b);
}

char *strpool_alloc(struct strpool *pool, size_t size)
{
	char *out;

	if (!pool->last || (size_t)(pool->end - pool->next) < size)
		grow(pool, size);
	out = pool->next;
	pool->next += size;
	return out;
}

void *strpool_record(struct strpool *pool, size_t size)
{
	size_t align = _Alignof(max_align_t), skip;
	char *out;

	skip = pool->last ? (align - (uintptr_t)pool->next % align) % align : 0;
	if (!pool->last || (size_t)(pool->end - pool->next) < skip + size) {
		grow(pool, size + align);
		skip = (align - (uintptr_t)pool->next % align) % align;
	}
	out = pool->next + skip;
	pool->next = out + size;
	return memset(out, 0, size);
}

char *strpool_dupn(struct strpool *pool, const char *s, size_t len)
{
	char *out = strpool_alloc(pool, len + 1);

	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}

char *strpool_dup(struct strpool *pool, const char *s)
{
	return s ? strpool_dupn(pool, s, strlen(s)) : NULL;
}

void strpool_free(struct strpool *pool)
{
	struct block *b, *prev;

	if (!pool)
		return;
	for (b = pool->last; b; b = prev) {
		prev = b->prev;
		span_remove(b);
		free(b);
	}
	free(pool);
	if (nspans == 0) { /* the last pool gone: give the registry back too */
		free(spans);
		spans = NULL;
		spans_cap = 0;
	}
}

void free_unless_pooled(void *p)
{
	if (!pooled(p))
		free(p);
}
