/*
 * The string pool: what it gives stays intact as it grows, free_unless_pooled() frees exactly
 * what malloc gave (AddressSanitizer reports a free of pooled memory, LeakSanitizer a string
 * it should have freed), and a pool's end leaves the others' strings recognised.
 */
#include "testlib.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strpool.h"
#include "xalloc.h"

static void test_strings_survive_growth(void **state)
{
	struct strpool *pool = strpool_new();
	static char *kept[20000];
	char want[32], *big = xmalloc(3 << 20);
	int i;

	for (i = 0; i < 20000; i++) { /* far more than the first block holds */
		snprintf(want, sizeof(want), "T-%05d", i);
		kept[i] = strpool_dup(pool, want);
	}
	memset(big, 'x', (3 << 20) - 1); /* larger than the largest block */
	big[(3 << 20) - 1] = '\0';
	char *copy = strpool_dup(pool, big);
	for (i = 0; i < 20000; i++) {
		snprintf(want, sizeof(want), "T-%05d", i);
		assert_string_equal(kept[i], want);
		free_unless_pooled(kept[i]); /* a no-op: freeing it would be an error */
	}
	assert_int_equal(strlen(copy), (3 << 20) - 1);
	assert_null(strpool_dup(pool, NULL));
	assert_string_equal(strpool_dupn(pool, "orders-fn, rest", 9), "orders-fn");
	free(big);
	strpool_free(pool);
}

static void test_free_tells_pooled_from_malloced(void **state)
{
	struct strpool *a = strpool_new(), *b = strpool_new();
	char *in_a = strpool_dup(a, "from a"), *in_b = strpool_dup(b, "from b");
	char *heap = xstrdup("from malloc");

	free_unless_pooled(in_a);
	free_unless_pooled(heap); /* freed: LeakSanitizer would report it otherwise */
	strpool_free(a);
	free_unless_pooled(in_b); /* b's blocks are still known after a's went */
	assert_string_equal(in_b, "from b");
	strpool_free(b);
	heap = xstrdup("after every pool"); /* no pool left: a plain free */
	free_unless_pooled(heap);
	free_unless_pooled(NULL);
}

struct record {
	char c;
	double d;
	void *p;
};

static void test_records_are_zeroed_and_aligned(void **state)
{
	struct strpool *pool = strpool_new();
	int i;

	for (i = 0; i < 1000; i++) {
		strpool_dup(pool, i % 2 ? "odd" : "x"); /* leaves the next free byte unaligned */
		struct record *r = strpool_record(pool, sizeof(*r));
		assert_int_equal((uintptr_t)r % _Alignof(max_align_t), 0);
		assert_int_equal(r->c, 0);
		assert_null(r->p);
		r->d = i;
		free_unless_pooled(r);
	}
	strpool_free(pool);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_strings_survive_growth),
	    cmocka_unit_test(test_free_tells_pooled_from_malloced),
	    cmocka_unit_test(test_records_are_zeroed_and_aligned),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
