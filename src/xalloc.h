/* Allocation wrappers that never return NULL, and die() for fatal start-up errors. */
#ifndef SW_XALLOC_H
#define SW_XALLOC_H

#include <stddef.h>

/* Each returns new memory; the caller frees it with free(). Out of memory dies. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s); /* xstrdup(NULL) returns NULL */
char *xstrndup(const char *s, size_t n);

/*
 * Grow an array so that it holds at least `need` items. `cap` is updated.
 * Returns the (possibly moved) array; the caller keeps ownership.
 */
void *xgrow(void *array, size_t item_size, size_t need, size_t *cap);

/* Called by die() before it prints, so the UI can restore the terminal. */
void die_set_callback(void (*callback)(void));

/* Prints "stridewalk: fatal: ..." to stderr and exits with status 2. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
