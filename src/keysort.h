/*
 * A stable counting sort of records by a small integer key: linear where qsort is n log n, for
 * lists of tens of thousands that re-sort at a key press (the board, the prioritise screen).
 */
#ifndef SW_KEYSORT_H
#define SW_KEYSORT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Writes the n records of `size` bytes at `rows` into `out` (room for n records), ordered by
 * key(record) ascending, equal keys keeping their order. Returns false, writing nothing, when
 * the keys span more than about four values per record: the caller sorts another way.
 */
bool keysort(const void *rows, void *out, size_t n, size_t size, int (*key)(const void *row));

#endif
