/* The STRIDE-per-element table, letters, and element kinds. */
#include "testlib.h"

#include "element.h"
#include "stride.h"

static void test_table(void **state)
{
	char s[STRIDE_COUNT + 1];

	stride_set_string(stride_applicable(KIND_EXTERNAL_ENTITY, false), s);
	assert_string_equal(s, "SR");
	stride_set_string(stride_applicable(KIND_PROCESS, false), s);
	assert_string_equal(s, "STRIDE");
	stride_set_string(stride_applicable(KIND_DATA_STORE, false), s);
	assert_string_equal(s, "TID");
	stride_set_string(stride_applicable(KIND_DATA_STORE, true), s);
	assert_string_equal(s, "TRID");
	stride_set_string(stride_applicable(KIND_DATA_FLOW, false), s);
	assert_string_equal(s, "TID");
	assert_int_equal(stride_applicable(KIND_TRUST_BOUNDARY, false), 0);
}

static void test_out_of_scope_has_no_letters(void **state)
{
	struct element *e = element_new("legacy", KIND_PROCESS);

	assert_int_equal(element_letters(e), STRIDE_ALL);
	e->out_of_scope = true;
	assert_int_equal(element_letters(e), 0);
	element_free(e);
}

static void test_parse_letters(void **state)
{
	enum stride_letter l;

	assert_int_equal(stride_parse("S", &l), 0);
	assert_int_equal(l, STRIDE_S);
	assert_int_equal(stride_parse("denial of service", &l), 0);
	assert_int_equal(l, STRIDE_D);
	assert_int_equal(stride_parse("X", &l), -1);
	assert_int_equal(stride_parse("", &l), -1);
	assert_string_equal(stride_property(STRIDE_S), "Authentication");
	assert_string_equal(stride_property(STRIDE_E), "Authorization");
}

static void test_kinds(void **state)
{
	enum element_kind k;

	assert_int_equal(element_kind_parse("data_store", &k), 0);
	assert_int_equal(k, KIND_DATA_STORE);
	assert_int_equal(element_kind_parse("datastore", &k), -1);
	assert_string_equal(element_kind_label(KIND_EXTERNAL_ENTITY), "external entity");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_out_of_scope_has_no_letters),
	    cmocka_unit_test(test_parse_letters),
	    cmocka_unit_test(test_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
