/* Risk = likelihood x impact and the documented band cut-offs. */
#include "testlib.h"

#include "risk.h"

static void test_bands(void **state)
{
	assert_int_equal(risk_band_of(risk_score(1, 1)), RISK_LOW);
	assert_int_equal(risk_band_of(risk_score(2, 2)), RISK_LOW); /* 4 */
	assert_int_equal(risk_band_of(risk_score(1, 5)), RISK_MEDIUM); /* 5 */
	assert_int_equal(risk_band_of(risk_score(3, 3)), RISK_MEDIUM); /* 9 */
	assert_int_equal(risk_band_of(risk_score(2, 5)), RISK_HIGH); /* 10 */
	assert_int_equal(risk_band_of(risk_score(4, 4)), RISK_HIGH); /* 16 */
	assert_int_equal(risk_band_of(risk_score(4, 5)), RISK_CRITICAL); /* 20 */
	assert_int_equal(risk_band_of(risk_score(5, 5)), RISK_CRITICAL); /* 25 */
}

static void test_every_product_has_a_band(void **state)
{
	int l, i, seen[RISK_BAND_COUNT] = {0};

	for (l = 1; l <= 5; l++)
		for (i = 1; i <= 5; i++)
			seen[risk_band_of(risk_score(l, i))]++;
	assert_int_equal(seen[RISK_LOW], 8);
	assert_int_equal(seen[RISK_MEDIUM], 7);
	assert_int_equal(seen[RISK_HIGH], 7);
	assert_int_equal(seen[RISK_CRITICAL], 3);
}

static void test_out_of_range(void **state)
{
	assert_int_equal(risk_score(0, 3), 0);
	assert_int_equal(risk_score(3, 6), 0);
}

static void test_names(void **state)
{
	enum risk_band b;

	assert_string_equal(risk_band_name(RISK_CRITICAL), "critical");
	assert_int_equal(risk_band_parse("medium", &b), 0);
	assert_int_equal(b, RISK_MEDIUM);
	assert_int_equal(risk_band_parse("severe", &b), -1);
	assert_int_equal(risk_band_min_score(RISK_HIGH), 10);
	assert_int_equal(risk_band_min_score(RISK_CRITICAL), 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bands),
	    cmocka_unit_test(test_every_product_has_a_band),
	    cmocka_unit_test(test_out_of_range),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
