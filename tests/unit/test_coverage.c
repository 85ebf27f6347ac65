/* Coverage per element and overall, and which flows cross a trust boundary. */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "model_index.h"
#include "system_yaml.h"
#include "xalloc.h"

static struct model *load(void)
{
	struct model *m = NULL;

	assert_int_equal(system_yaml_load("fixtures/models/good-minimal.yaml", &m, NULL), 0);
	return m;
}

static size_t index_of(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nelements; i++)
		if (!strcmp(m->elements[i]->id, id))
			return i;
	fail_msg("no element %s", id);
	return 0;
}

static void test_cells(void **state)
{
	struct model *m = load();
	struct model_index ix = MODEL_INDEX_INIT;
	const struct element_coverage *cov;
	struct threat *t = threat_new("T-0001", "fn", STRIDE_S);
	struct decision *d = xcalloc(1, sizeof(*d));
	size_t fn = index_of(m, "fn");

	t->extra = STRIDE_BIT(STRIDE_E);
	model_add_threat(m, t);
	d->element = xstrdup("fn");
	d->letter = STRIDE_T;
	d->state = CELL_NONE;
	d->reason = xstrdup("signed deployments only");
	model_add_decision(m, d);
	model_index_build(&ix, m);
	cov = ix.cov;
	assert_int_equal(coverage_cell(&cov[fn], STRIDE_S), CELL_THREATS);
	assert_int_equal(coverage_cell(&cov[fn], STRIDE_E), CELL_THREATS); /* extra letters count */
	assert_int_equal(coverage_cell(&cov[fn], STRIDE_T), CELL_NONE);
	assert_int_equal(coverage_cell(&cov[fn], STRIDE_R), CELL_PENDING);
	model_index_release(&ix);
	model_free(m);
}

static void test_totals(void **state)
{
	struct model *m = load();
	struct model_index ix = MODEL_INDEX_INIT;

	/* user SR(2) + api 6 + fn 6 + table TID(3) + logs TRID(4) + 4 flows x TID(12) = 33 */
	model_index_build(&ix, m);
	assert_int_equal(ix.totals.cells, 33);
	assert_int_equal(ix.totals.count[CELL_PENDING], 33);
	assert_int_equal(coverage_percent(&ix.totals), 0);
	model_element(m, "api")->out_of_scope = true;
	model_index_build(&ix, m);
	assert_int_equal(ix.totals.cells, 27);
	assert_null(coverage_empty_reason(m, &ix.totals));
	model_index_release(&ix);
	model_free(m);
}

/* No cells is nothing walked: 0%, never 100%, with the reason a report or the gate gives. */
static void test_nothing_to_walk(void **state)
{
	struct model *m = model_new();
	struct model_index ix = MODEL_INDEX_INIT;
	struct element *e;

	model_index_build(&ix, m);
	assert_int_equal(coverage_percent(&ix.totals), 0);
	assert_string_equal(coverage_empty_reason(m, &ix.totals), "no elements");
	model_add_element(m, element_new("aws", KIND_TRUST_BOUNDARY));
	model_index_build(&ix, m);
	assert_string_equal(coverage_empty_reason(m, &ix.totals),
			    "no elements, only trust boundaries");
	e = element_new("fn", KIND_PROCESS);
	e->out_of_scope = true;
	model_add_element(m, e);
	model_index_build(&ix, m);
	assert_int_equal(coverage_percent(&ix.totals), 0);
	assert_string_equal(coverage_empty_reason(m, &ix.totals), "every element is out of scope");
	model_index_release(&ix);
	model_free(m);
}

static void test_crossing(void **state)
{
	struct model *m = load();
	struct strlist crossed = STRLIST_INIT;

	/* user (internet) -> api (aws): crosses both */
	assert_true(model_flow_crosses(m, model_element(m, "call"), &crossed));
	assert_int_equal(crossed.count, 2);
	strlist_clear(&crossed);
	/* api (aws) -> fn (vpc inside aws): crosses the nested vpc only */
	assert_true(model_flow_crosses(m, model_element(m, "invoke"), &crossed));
	assert_int_equal(crossed.count, 1);
	assert_string_equal(crossed.items[0], "vpc");
	strlist_clear(&crossed);
	/* fn -> table, both in vpc: no crossing */
	assert_false(model_flow_crosses(m, model_element(m, "write"), NULL));
	/* an element is not a flow */
	assert_false(model_flow_crosses(m, model_element(m, "fn"), NULL));
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cells),
	    cmocka_unit_test(test_totals),
	    cmocka_unit_test(test_nothing_to_walk),
	    cmocka_unit_test(test_crossing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
