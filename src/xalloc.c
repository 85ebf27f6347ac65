/* Allocation wrappers: the rest of the code never checks for NULL from malloc. */
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*die_callback)(void);

void die_set_callback(void (*callback)(void))
{
	die_callback = callback;
}

void die(const char *fmt, ...)
{
	va_list ap;

	if (die_callback) {
		void (*cb)(void) = die_callback;
		die_callback = NULL; /* a failing callback must not recurse */
		cb();
	}
	fputs("stridewalk: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die("out of memory allocating %zu bytes", size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		die("out of memory allocating %zu items", count);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		die("out of memory reallocating %zu bytes", size);
	return p;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *xgrow(void *array, size_t item_size, size_t need, size_t *cap)
{
	size_t cap2;

	if (need <= *cap)
		return array;
	cap2 = *cap ? *cap : 8;
	while (cap2 < need) {
		if (cap2 > SIZE_MAX / 2 / item_size)
			die("array too large");
		cap2 *= 2;
	}
	*cap = cap2;
	return xrealloc(array, cap2 * item_size);
}
