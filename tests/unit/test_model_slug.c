/*
 * Unique ids from names: the slugs themselves, numbering past ids already taken, and the count
 * of lookups, which must grow linearly with the number of ids made (a probe from -2 upwards for
 * every new id would make 10,000 same-named elements cost 50 million lookups).
 */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>

#include "model.h"
#include "model_slug.h"

/* Makes an id for `name` and adds an element with it, as an importer does. */
static char *add(struct model *m, struct slug_maker *s, const char *name)
{
	char *id = slug_maker_make(s, name, "element");

	model_add_element(m, element_new(id, KIND_PROCESS));
	return id;
}

static void assert_made(struct model *m, struct slug_maker *s, const char *name, const char *want)
{
	char *id = add(m, s, name);

	assert_string_equal(id, want);
	free(id);
}

static void test_slugs(void **state)
{
	struct model *m = model_new();
	struct slug_maker s;

	slug_maker_init(&s, m);
	assert_made(m, &s, "Orders table", "orders-table");
	assert_made(m, &s, "  Orders  TABLE! ", "orders-table-2");
	assert_made(m, &s, "Café API", "caf-api");
	assert_made(m, &s, "???", "element");
	assert_made(m, &s, "", "element-2");
	assert_made(m, &s, "Orders table 2", "orders-table-2-2"); /* the plain slug is taken */
	assert_made(m, &s, "Orders table", "orders-table-3");
	assert_made(m, &s,
		    "A name far longer than any id may be, sixty-four characters at the very most",
		    "a-name-far-longer-than-any-id-may-be-sixty-four-characte");
	slug_maker_release(&s);
	model_free(m);
}

/* Ids the model holds already, such as "api-2" written by hand, are skipped, not reused. */
static void test_taken_before(void **state)
{
	struct model *m = model_new();
	struct slug_maker s;

	model_add_element(m, element_new("api", KIND_PROCESS));
	model_add_element(m, element_new("api-2", KIND_PROCESS));
	model_add_element(m, element_new("api-4", KIND_PROCESS));
	slug_maker_init(&s, m);
	assert_made(m, &s, "API", "api-3");
	assert_made(m, &s, "API", "api-5");
	slug_maker_release(&s);
	model_free(m);
}

/* 10,000 elements with one name: each id costs about one lookup, never a scan from -2. */
static void test_linear(void **state)
{
	struct model *m = model_new();
	struct slug_maker s;
	char want[32];
	size_t i, n = 10000;

	slug_maker_init(&s, m);
	for (i = 0; i < n; i++)
		free(add(m, &s, "Worker"));
	assert_non_null(model_element(m, "worker"));
	snprintf(want, sizeof(want), "worker-%zu", n);
	assert_non_null(model_element(m, want));
	assert_true(s.probes <= 2 * n);
	slug_maker_release(&s);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_slugs),
	    cmocka_unit_test(test_taken_before),
	    cmocka_unit_test(test_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
