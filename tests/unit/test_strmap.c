/* The id index: lookups after removals and growth never return a stale pointer. */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>

#include "strmap.h"

static void test_remove_then_get(void **state)
{
	struct strmap map = STRMAP_INIT;
	int a = 1, b = 2;

	strmap_put(&map, "fn", &a);
	strmap_put(&map, "bucket", &b);
	strmap_remove(&map, "fn");
	assert_null(strmap_get(&map, "fn"));
	assert_ptr_equal(strmap_get(&map, "bucket"), &b);
	strmap_remove(&map, "fn"); /* removing twice is harmless */
	assert_int_equal(map.count, 1);
	strmap_clear(&map);
}

static void test_many(void **state)
{
	struct strmap map = STRMAP_INIT;
	static char keys[2000][8];
	int i;

	for (i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		strmap_put(&map, keys[i], keys[i]);
	}
	for (i = 0; i < 2000; i += 2)
		strmap_remove(&map, keys[i]);
	for (i = 0; i < 2000; i++) {
		if (i % 2)
			assert_ptr_equal(strmap_get(&map, keys[i]), keys[i]);
		else
			assert_null(strmap_get(&map, keys[i]));
	}
	assert_int_equal(map.count, 1000);
	strmap_clear(&map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_remove_then_get),
	    cmocka_unit_test(test_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
