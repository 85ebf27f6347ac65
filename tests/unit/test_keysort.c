/* keysort: ascending by key, equal keys in their first order, and a refusal for wide keys. */
#include "testlib.h"

#include "keysort.h"

struct rec {
	int key;
	int seq; /* the order before sorting */
};

static int rec_key(const void *r)
{
	return ((const struct rec *)r)->key;
}

static void sorts_stably(void **state)
{
	struct rec in[] = {{3, 0}, {-2, 1}, {3, 2}, {0, 3}, {-2, 4}, {7, 5}, {0, 6}};
	struct rec out[7];
	static const int keys[] = {-2, -2, 0, 0, 3, 3, 7}, seqs[] = {1, 4, 3, 6, 0, 2, 5};
	size_t i;

	(void)state;
	assert_true(keysort(in, out, 7, sizeof(*in), rec_key));
	for (i = 0; i < 7; i++) {
		assert_int_equal(out[i].key, keys[i]);
		assert_int_equal(out[i].seq, seqs[i]);
	}
	assert_true(keysort(in, out, 0, sizeof(*in), rec_key)); /* nothing to sort */
}

static void refuses_keys_spread_too_wide(void **state)
{
	struct rec in[] = {{0, 0}, {1000000, 1}}, out[2] = {{-1, -1}, {-1, -1}};

	(void)state;
	assert_false(keysort(in, out, 2, sizeof(*in), rec_key));
	assert_int_equal(out[0].key, -1); /* nothing written */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sorts_stably),
	    cmocka_unit_test(refuses_keys_spread_too_wide),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
