/* Stable counting sort by a small integer key (see keysort.h). */
#include "keysort.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

bool keysort(const void *rows, void *out, size_t n, size_t size, int (*key)(const void *row))
{
	const char *in = rows;
	char *to = out;
	size_t i, range, *start;
	long lo = 0, hi = 0, k;

	for (i = 0; i < n; i++) {
		k = key(in + i * size);
		lo = i == 0 || k < lo ? k : lo;
		hi = i == 0 || k > hi ? k : hi;
	}
	range = n ? (size_t)(hi - lo) + 1 : 0;
	if (range > 4 * n + 1024)
		return false;
	start = xcalloc(range + 1, sizeof(*start)); /* start[k - lo]: where key k's run begins */
	for (i = 0; i < n; i++)
		start[key(in + i * size) - lo + 1]++;
	for (i = 1; i <= range; i++)
		start[i] += start[i - 1];
	for (i = 0; i < n; i++)
		memcpy(to + start[key(in + i * size) - lo]++ * size, in + i * size, size);
	free(start);
	return true;
}
