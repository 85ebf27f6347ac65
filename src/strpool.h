/*
 * Strings and records kept in a few large blocks instead of one allocation each: a model read
 * from its file holds hundreds of thousands of short strings, and a malloc per string was a
 * fifth of the time it took to open one. Nothing pooled is freed on its own;
 * free_unless_pooled() tells it from what malloc gave, so a record may hold both kinds after
 * an edit replaces one of its strings.
 *
 * Not thread-safe: the registry of live blocks is one per process (stridewalk is one thread).
 */
#ifndef SW_STRPOOL_H
#define SW_STRPOOL_H

#include <stddef.h>

struct strpool;

struct strpool *strpool_new(void);
/* `size` bytes, kept until strpool_free(); for a string the caller writes. */
char *strpool_alloc(struct strpool *pool, size_t size);
/* `size` zeroed bytes aligned for any type, kept until strpool_free(); for a record. */
void *strpool_record(struct strpool *pool, size_t size);
/* A copy of s[0..len) with a NUL after it, kept until strpool_free(). */
char *strpool_dupn(struct strpool *pool, const char *s, size_t len);
char *strpool_dup(struct strpool *pool, const char *s); /* NULL stays NULL */
void strpool_free(struct strpool *pool); /* every string it gave goes with it */

/* free(p) for what malloc gave; nothing for what a live pool holds. */
void free_unless_pooled(void *p);

#endif
