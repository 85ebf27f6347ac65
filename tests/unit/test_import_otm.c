/*
 * OTM import: the StartLeft samples in ../shared/samples/otm with every component, dataflow,
 * threat and mitigation; our own fixture of what StartLeft writes (zones nested by parent and
 * inside components, types in and out of the table, categories, states, assets, the 0-100
 * scale); malformed files with their exact errors; and the documented rules themselves.
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "import_otm.h"
#include "import_otm_map.h"
#include "model.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "util.h"

#define FIXTURES "fixtures/otm/"
#define SAMPLES "../../shared/samples/otm/"

static struct model *import_file(const char *path, struct otm_report *r)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	struct model *m = NULL;

	if (file_read_all(path, &text, &err) ||
	    otm_import_text(path, text.buf, text.len, &m, r, &err))
		fail_msg("%s: %d:%d: %s", path, err.line, err.col, err.msg);
	sbuf_release(&text);
	sw_error_release(&err);
	return m;
}

/* StartLeft's CloudFormation example: OTM 0.1, components nested in components, no threats. */
static void test_sample_cloudformation(void **state)
{
	struct otm_report r;
	struct model *m;

	if (access(SAMPLES "startleft-otm-file-example.otm", R_OK) != 0)
		skip();
	m = import_file(SAMPLES "startleft-otm-file-example.otm", &r);
	assert_string_equal(r.version, "0.1.0");
	assert_int_equal(test_count_kind(m, KIND_TRUST_BOUNDARY), 2);
	assert_int_equal(r.entities + r.processes + r.stores, 22);
	assert_int_equal(test_count_kind(m, KIND_EXTERNAL_ENTITY) +
			     test_count_kind(m, KIND_PROCESS) + test_count_kind(m, KIND_DATA_STORE),
			 22);
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 22);
	assert_int_equal(m->nthreats, 0);
	/* two VPC endpoints called VPCssm: unique ids; a subnet's child sits in the VPC's zone */
	assert_non_null(model_element(m, "vpcssm"));
	assert_non_null(model_element(m, "vpcssm-2"));
	assert_string_equal(model_element(m, "vpcssm")->boundary, "public-cloud");
	assert_true(
	    strlist_contains(&model_element(m, "vpcssm")->tags, "otm-parent:privatesubnet1"));
	assert_string_equal(model_element(m, "0-0-0-0-0")->type, "generic.client");
	assert_true(strlist_contains(&model_element(m, "customvpc")->tags, "otm-type:vpc"));
	test_assert_listed(&r.approximated, "18 components nested in another component");
	test_assert_listed(&r.dropped, "1 representation");
	test_assert_yaml_round_trip(m);
	model_free(m);
	otm_report_release(&r);
}

/* StartLeft's Microsoft TMT conversion: OTM 0.2, 43 threats each with a mitigation. */
static void test_sample_tmt(void **state)
{
	struct otm_report r;
	struct model *m;
	const struct threat *t;
	size_t i, linked = 0;

	if (access(SAMPLES "startleft-mtmt-mvp.otm", R_OK) != 0)
		skip();
	m = import_file(SAMPLES "startleft-mtmt-mvp.otm", &r);
	assert_string_equal(r.version, "0.2.0");
	assert_int_equal(test_count_kind(m, KIND_TRUST_BOUNDARY), 2);
	assert_int_equal(test_count_kind(m, KIND_EXTERNAL_ENTITY) +
			     test_count_kind(m, KIND_PROCESS) + test_count_kind(m, KIND_DATA_STORE),
			 4);
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 6);
	assert_int_equal(m->nthreats, 43);
	assert_int_equal(m->nmitigations, 43);
	for (i = 0; i < m->nmitigations; i++)
		linked += m->mitigations[i]->threats.count;
	assert_int_equal(linked, 43);
	assert_int_equal(model_element(m, "mobile-client")->kind, KIND_EXTERNAL_ENTITY);
	assert_int_equal(model_element(m, "accounting-postgresql")->kind, KIND_DATA_STORE);
	t = model_threat(m, "T-0001");
	assert_int_equal(t->likelihood, 5); /* 100 on the 0-100 scale */
	assert_int_equal(t->impact, 5);
	assert_int_equal(t->origin, ORIGIN_IMPORT);
	assert_string_equal(t->provenance, "otm threat 55: Elevation of Privileges");
	assert_int_equal(m->mitigations[0]->status, MITIGATION_PROPOSED); /* RECOMMENDED */
	test_assert_listed(&r.dropped, "the risk reductions of 43 mitigations");
	test_assert_yaml_round_trip(m);
	model_free(m);
	otm_report_release(&r);
}

static void test_foreign(void **state)
{
	struct otm_report r;
	struct model *m = import_file(FIXTURES "foreign.otm", &r);
	const struct element *e;
	const struct threat *t;
	const struct mitigation *mit;
	struct sbuf out = SBUF_INIT;

	assert_false(r.ours);
	assert_string_equal(m->name, "Orders platform");
	assert_non_null(model_participant(m, "Morgan"));
	/* trust zones: nested by parent, and inside a component */
	assert_string_equal(model_element(m, "private-subnet")->boundary, "public-cloud");
	assert_string_equal(model_element(m, "inside-the-vpc")->boundary, "public-cloud");
	/* components: the table, the words of unknown types, nesting, no name */
	e = model_element(m, "orders-api");
	assert_string_equal(e->type, "aws.apigateway");
	assert_string_equal(e->boundary, "public-cloud"); /* from its parent component's zone */
	assert_true(strlist_contains(&e->tags, "otm-parent:orders-vpc"));
	e = model_element(m, "orders-vpc");
	assert_string_equal(e->type, "generic.service");
	assert_true(strlist_contains(&e->tags, "otm-type:vpc"));
	assert_true(strlist_contains(&e->tags, "AWS::EC2::VPC"));
	e = model_element(m, "orders-2");
	assert_int_equal(e->kind, KIND_DATA_STORE); /* CD-...-DB-POSTGRESQL: the word "db" */
	assert_string_equal(e->boundary, "inside-the-vpc");
	e = model_element(m, "data-store-1");
	assert_true(e->is_log); /* cloudwatch */
	/* dataflows: assets by name, direction, a generated name, one to a zone dropped */
	e = model_element(m, "place-order-2");
	assert_true(e->bidirectional);
	assert_true(strlist_contains(&e->data, "Card number"));
	assert_true(strlist_contains(&e->tags, "HTTPS"));
	assert_string_equal(model_element(m, "orders-api-to-place-order")->from, "orders-api");
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 3);
	/* threats: one per instance, letters, the scale, states */
	assert_int_equal(m->nthreats, 6);
	t = model_threat(m, "T-0001");
	assert_int_equal(t->letter, STRIDE_T);
	assert_int_equal(t->extra, STRIDE_BIT(STRIDE_I));
	assert_int_equal(t->likelihood, 3); /* 50 */
	assert_int_equal(t->impact, 5); /* 81 */
	assert_non_null(strstr(t->description, "Likelihood: Seen in similar systems"));
	assert_string_equal(t->provenance,
			    "otm threat th-inject: Tampering, Information Disclosure, CWE-89");
	assert_int_equal(model_threat(m, "T-0002")->status, THREAT_MITIGATED);
	t = model_threat(m, "T-0003"); /* the same threat on the table: E does not apply */
	assert_string_equal(t->element, "orders");
	assert_int_equal(t->letter, STRIDE_T);
	t = model_threat(m, "T-0004");
	assert_int_equal(t->status, THREAT_ACCEPTED);
	assert_non_null(t->justification);
	assert_int_equal(t->letter, STRIDE_D); /* Availability */
	assert_int_equal(t->likelihood, 3); /* null */
	assert_int_equal(t->impact, 1); /* 0 */
	assert_int_equal(model_threat(m, "T-0005")->status, THREAT_OPEN); /* partly-mitigated */
	assert_string_equal(model_threat(m, "T-0006")->element, "orders-api-to-place-order");
	/* mitigations: linked, state from the first instance, the unused one kept */
	mit = model_mitigation(m, "M-0002");
	assert_int_equal(mit->threats.count, 2);
	assert_int_equal(mit->status, MITIGATION_IMPLEMENTED);
	assert_int_equal(model_mitigation(m, "M-0001")->status, MITIGATION_PLANNED);
	assert_int_equal(model_mitigation(m, "M-0003")->threats.count, 0);

	test_assert_listed(&r.approximated,
			   "T-0003 on data store 'orders': Elevation of privilege does "
			   "not apply to a data store");
	test_assert_listed(&r.approximated, "T-0004: category 'Availability' filed under D");
	test_assert_listed(&r.approximated, "2 component types not in the type table");
	test_assert_listed(&r.approximated, "1 mitigation with different states");
	test_assert_listed(&r.dropped, "the trust ratings of 4 trust zones");
	test_assert_listed(&r.dropped, "1 dataflow from or to a trust zone");
	test_assert_listed(&r.dropped, "1 threat instanced on no component or dataflow");
	test_assert_listed(&r.dropped, "the positions and sizes of 1 object");
	otm_report_write(&r, "foreign.otm", &out);
	assert_true(str_starts_with(out.buf, "imported foreign.otm (OTM 0.1.0): 4 trust zones, "
					     "7 components (1 external entity, 3 processes, "
					     "3 data stores), 3 dataflows, 6 threats, "
					     "3 mitigations, 1 participant\n"));
	test_assert_yaml_round_trip(m);
	sbuf_release(&out);
	model_free(m);
	otm_report_release(&r);
}

/* An import that must fail: it returns no model. */
static int import_fails(const char *path, const char *text, size_t len, struct sw_error *err)
{
	struct otm_report r;
	struct model *m = NULL;
	int rc = otm_import_text(path, text, len, &m, &r, err);

	assert_null(m);
	model_free(m);
	return rc;
}

/* Each malformed fixture fails with exactly this error. */
static void test_malformed(void **state)
{
	static const char *const cases[][2] = {
	    {"bad-not-object.otm",
	     "1:1: expected an OTM file (an object with 'otmVersion'), found array"},
	    {"bad-version.otm", "1:17: OTM version '1.0.0' is not supported (expected 0.1 or 0.2)"},
	    {"bad-no-project.otm", "1:1: an OTM file has no 'project'"},
	    {"bad-name-number.otm", "2:40: 'name' must be a string, not number"},
	    {"bad-threats-not-list.otm", "4:32: 'threats' must be a list, not string"},
	    {"bad-unknown-parent.otm",
	     "2:84: parent names trust zone 'nowhere', which the file does not define"},
	    {"bad-unknown-threat.otm",
	     "2:84: threat instance names threat 't9', which the file does not define"},
	    {"bad-unknown-mitigation.otm", "3:89: mitigation instance names mitigation 'm9', "
					   "which the file does not define"},
	    {"bad-likelihood.otm", "3:67: 'likelihood' must be from 0 to 100, not 150"},
	    {"bad-duplicate-id.otm", "3:27: duplicate id 'c' in 'components' (first at line 2)"},
	    {"bad-flow-end.otm",
	     "3:74: dataflow destination 'ghost' is not a component of the file"},
	    {"bad-missing-id.otm", "2:19: a trust zone has no 'id'"},
	    {"bad-ours-kind.otm",
	     "3:56: unknown kind 'gateway' (expected external_entity, process or data_store)"},
	    {"bad-ours-letter.otm", "5:55: letter E does not apply to data store 'c'"},
	};
	test_assert_errors("fixtures/otm", cases, ARRAY_SIZE(cases), import_fails);
}

/* The 0-100 scale onto 1-5 and back, at the edges of every fifth. */
static void test_levels(void **state)
{
	static const struct {
		double in;
		int level;
	} cases[] = {{0, 1},  {1, 1},  {20, 1}, {20.5, 2}, {40, 2}, {41, 3},
		     {60, 3}, {61, 4}, {80, 4}, {81, 5},   {100, 5}};
	size_t i;
	int l;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(otm_level_in(cases[i].in), cases[i].level);
	for (l = 1; l <= 5; l++)
		assert_int_equal(otm_level_in(otm_level_out(l)), l);
}

/* Every row of the type table is in stridewalk-model(5), which documents the mapping. */
static void test_type_table_documented(void **state)
{
	char *path = test_path(test_source_dir(), "man/stridewalk-model.5");
	char *page = test_read(path);
	const char *otm, *type;
	enum element_kind kind;
	size_t i;

	assert_non_null(page);
	for (i = 0; otm_type_row(i, &otm, &kind, &type); i++) {
		struct sbuf line = SBUF_INIT;
		sbuf_addf(&line, "%s Ta %s Ta %s", otm, element_kind_name(kind), type);
		if (!strstr(page, line.buf))
			fail_msg("stridewalk-model.5 has no table row \"%s\"", line.buf);
		sbuf_release(&line);
	}
	free(page);
	free(path);
}

static void test_detect(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *v;

	assert_int_equal(json_parse("x", "{\"otmVersion\":\"0.2.0\"}", 22, NULL, &v, &err), 0);
	assert_true(otm_detect(v));
	json_free(v);
	assert_int_equal(json_parse("x", "{\"summary\":{}}", 14, NULL, &v, &err), 0);
	assert_false(otm_detect(v));
	json_free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sample_cloudformation),
	    cmocka_unit_test(test_sample_tmt),
	    cmocka_unit_test(test_foreign),
	    cmocka_unit_test(test_malformed),
	    cmocka_unit_test(test_levels),
	    cmocka_unit_test(test_type_table_documented),
	    cmocka_unit_test(test_detect),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
