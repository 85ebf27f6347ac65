/*
 * Threat Dragon import: our own 1.x and 2.x fixtures (counts of elements, flows, threats, what was
 * approximated and dropped), malformed files with their exact errors, the round trip through our
 * YAML, and the Threat Dragon demo model from ../shared/samples when it is there.
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "import_threatdragon.h"
#include "import_threatdragon_threat.h"
#include "model.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "util.h"

#define FIXTURES "fixtures/threatdragon/"
#define SAMPLE "../../shared/samples/threat-dragon-v2-demo.json"

/* Imports a file; fails the test with the error when it does not import. */
static struct model *import_file(const char *path, struct td_report *r)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	struct model *m = NULL;

	if (file_read_all(path, &text, &err) ||
	    td_import_text(path, text.buf, text.len, &m, r, &err))
		fail_msg("%s: %d:%d: %s", path, err.line, err.col, err.msg);
	sbuf_release(&text);
	sw_error_release(&err);
	return m;
}

static void test_v2(void **state)
{
	struct td_report r;
	struct model *m = import_file(FIXTURES "v2-basic.json", &r);
	const struct element *e;
	const struct threat *t;
	const struct mitigation *mit;

	assert_int_equal(r.version, 2);
	assert_int_equal(r.actors, 1);
	assert_int_equal(r.processes, 2);
	assert_int_equal(r.stores, 2);
	assert_int_equal(r.flows, 2);
	assert_int_equal(r.boundaries, 3);
	assert_int_equal(r.threats, 6);
	assert_int_equal(r.mitigations, 2);
	assert_int_equal(r.participants, 3);
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 2);
	assert_int_equal(test_count_kind(m, KIND_TRUST_BOUNDARY), 3);
	assert_int_equal(m->nthreats, 6);
	assert_string_equal(m->name, "Orders service");

	/* Boundaries: nested boxes by geometry, an unnamed curve named after its kind. */
	assert_string_equal(model_element(m, "private-subnet")->boundary, "aws-account");
	assert_null(model_element(m, "aws-account")->boundary);
	assert_non_null(model_element(m, "trust-boundary-1"));
	/* Membership: geometry, the smallest box, and a parent link that wins over geometry. */
	assert_null(model_element(m, "customer")->boundary);
	e = model_element(m, "orders-lambda");
	assert_string_equal(e->type, "aws.lambda");
	assert_string_equal(e->boundary, "aws-account");
	assert_string_equal(model_element(m, "process-1")->boundary, "private-subnet");
	assert_string_equal(model_element(m, "orders-table")->boundary, "private-subnet");
	/* Same name twice: unique slugs; a log store; out of scope with its reason. */
	e = model_element(m, "orders-table-2");
	assert_true(e->is_log);
	assert_string_equal(e->type, "generic.log-store");
	assert_true(e->out_of_scope);
	assert_string_equal(e->out_of_scope_reason, "Owned by the data team");
	assert_true(strlist_contains(&model_element(m, "orders-table")->tags, "encrypted"));
	e = model_element(m, "place-order");
	assert_string_equal(e->from, "customer");
	assert_string_equal(e->to, "orders-lambda");
	assert_string_equal(e->protocol, "HTTPS");
	assert_true(e->bidirectional);

	/* Threats: letters, severity, status, provenance, mitigations. */
	t = model_threat(m, "T-0001");
	assert_int_equal(t->letter, STRIDE_E);
	assert_int_equal(t->status, THREAT_MITIGATED);
	assert_int_equal(t->likelihood * t->impact, 9);
	assert_int_equal(t->origin, ORIGIN_IMPORT);
	assert_string_equal(t->provenance,
			    "threat-dragon #3 (id t1): Elevation of privilege, severity Medium");
	t = model_threat(m, "T-0002");
	assert_int_equal(t->status, THREAT_NOT_APPLICABLE);
	assert_string_equal(t->justification, "The function has no state.");
	t = model_threat(m, "T-0004");
	assert_string_equal(t->element, "orders-table");
	assert_int_equal(t->letter, STRIDE_T); /* E does not apply to a store: kept, flagged */
	assert_int_equal(t->likelihood * t->impact, 16);
	t = model_threat(m, "T-0006");
	assert_int_equal(t->letter, STRIDE_I); /* Confidentiality */
	assert_int_equal(t->likelihood * t->impact, 25);
	mit = model_mitigation(m, "M-0002");
	assert_string_equal(mit->title, "Require a signed token");
	assert_int_equal(mit->threats.count, 2);
	assert_int_equal(mit->status, MITIGATION_PROPOSED);
	assert_int_equal(model_mitigation(m, "M-0001")->status, MITIGATION_IMPLEMENTED);
	assert_non_null(model_participant(m, "Eve"));

	test_assert_listed(&r.approximated,
			   "T-0004 on data store 'orders-table': Elevation of privilege "
			   "does not apply to a data store, so the threat is kept under T");
	test_assert_listed(&r.approximated,
			   "T-0003: type 'Lateral movement' is not a STRIDE category");
	test_assert_listed(&r.approximated, "T-0006: type 'Confidentiality' filed under I");
	test_assert_listed(&r.approximated, "Critical -> 5x5 (1)");
	test_assert_listed(&r.approximated, "1 curved trust boundary imported without members");
	test_assert_listed(&r.dropped,
			   "flow 'Dangling' at line 84:11: its source is not connected");
	test_assert_listed(&r.dropped, "text block at line 89:11 ('Note: draft')");
	test_assert_listed(&r.dropped, "1 threat on the boundary at line 18:11");
	test_assert_yaml_round_trip(m);
	model_free(m);
	td_report_release(&r);
}

static void test_v1(void **state)
{
	struct td_report r;
	struct model *m = import_file(FIXTURES "v1-basic.json", &r);
	struct sbuf out = SBUF_INIT;

	assert_int_equal(r.version, 1);
	assert_int_equal(test_count_kind(m, KIND_EXTERNAL_ENTITY), 1);
	assert_int_equal(test_count_kind(m, KIND_PROCESS), 1);
	assert_int_equal(test_count_kind(m, KIND_DATA_STORE), 2);
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 3);
	assert_int_equal(test_count_kind(m, KIND_TRUST_BOUNDARY), 1);
	assert_int_equal(m->nthreats, 4);
	assert_string_equal(model_element(m, "web-server")->name, "Web Server");
	assert_true(model_element(m, "logs")->is_log);
	assert_string_equal(model_element(m, "request")->from, "browser");
	assert_string_equal(model_element(m, "write-log")->to, "logs");
	assert_int_equal(model_threat(m, "T-0004")->letter, STRIDE_T); /* R on a flow */
	assert_int_equal(model_threat(m, "T-0002")->status, THREAT_MITIGATED);
	assert_true(r.dropped.count == 0);
	td_report_write(&r, "v1-basic.json", &out);
	assert_true(str_starts_with(out.buf,
				    "imported v1-basic.json (Threat Dragon 1.x, 1 diagram): "
				    "1 actor, 1 process, 2 stores, 3 flows, 1 boundary, "
				    "4 threats, 4 mitigations, 1 participant\n"));
	assert_non_null(strstr(out.buf, "dropped: nothing\n"));
	test_assert_yaml_round_trip(m);
	sbuf_release(&out);
	model_free(m);
	td_report_release(&r);
}

static void test_several_diagrams(void **state)
{
	struct td_report r;
	struct model *m = import_file(FIXTURES "v2-two-diagrams.json", &r);

	assert_int_equal(r.diagrams, 2);
	assert_int_equal(test_count_kind(m, KIND_EXTERNAL_ENTITY), 2);
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 2);
	assert_true(strlist_contains(&model_element(m, "user")->tags, "diagram-front-end"));
	assert_true(strlist_contains(&model_element(m, "user-2")->tags, "diagram-back-end"));
	assert_string_equal(model_element(m, "user-to-api")->name, "User to API");
	assert_string_equal(model_element(m, "user-to-cache")->from, "user-2");
	test_assert_listed(&r.approximated, "2 diagrams merged into one model");
	test_assert_yaml_round_trip(m);
	model_free(m);
	td_report_release(&r);
}

/* An import that must fail: it returns no model. */
static int import_fails(const char *path, const char *text, size_t len, struct sw_error *err)
{
	struct td_report r;
	struct model *m = NULL;
	int rc = td_import_text(path, text, len, &m, &r, err);

	assert_null(m);
	model_free(m);
	return rc;
}

/* Each malformed fixture fails with exactly this error. */
static void test_malformed(void **state)
{
	static const char *const cases[][2] = {
	    {"bad-trailing-comma.json", "3:31: trailing comma before '}'"},
	    {"bad-string.json",
	     "2:32: line break in a string (write it as \\n, or close the string)"},
	    {"bad-root.json", "1:1: expected a Threat Dragon model (an object with 'summary' and "
			      "'detail'), found array"},
	    {"bad-no-detail.json", "1:1: missing 'detail' (a Threat Dragon model has 'summary' and "
				   "'detail')"},
	    {"bad-diagrams-not-list.json", "3:27: 'diagrams' must be a list, not object"},
	    {"bad-cell-not-object.json", "4:5: a diagram cell must be an object, not string"},
	    {"bad-version.json", "2:14: Threat Dragon format version '3.1.0' is not supported "
				 "(expected 1.x or 2.x)"},
	    {"bad-threats-not-list.json", "3:16: 'threats' must be a list, not string"},
	    {"bad-name-number.json", "2:76: 'name' must be a string, not number"},
	    {"bad-flag-string.json", "2:91: 'outOfScope' must be true or false, not string"},
	    {"bad-threat-not-object.json", "3:39: a threat must be an object, not string"},
	    {"bad-threat-title-list.json", "3:29: 'title' must be a string, not array"},
	    {"bad-v1-title-number.json", "1:25: 'title' must be a string, not number"},
	    {"bad-duplicate-cell-id.json", "3:11: duplicate cell id 'x' (first at line 2)"},
	};
	test_assert_errors("fixtures/threatdragon", cases, ARRAY_SIZE(cases), import_fails);
}

/* A diagram never drawn (no cells at all) is an empty diagram, not an error. */
static void test_blank_diagrams(void **state)
{
	struct td_report r;
	struct model *m = import_file(FIXTURES "v1-never-drawn.json", &r);
	struct sbuf out = SBUF_INIT;

	assert_int_equal(r.version, 1);
	assert_int_equal(r.diagrams, 1);
	assert_int_equal(r.blank_diagrams, 1);
	assert_int_equal(m->nelements, 0);
	assert_string_equal(m->name, "Tutorial shop");
	assert_non_null(model_participant(m, "Sasha"));
	td_report_write(&r, "v1-never-drawn.json", &out);
	assert_true(str_starts_with(out.buf, "imported v1-never-drawn.json (Threat Dragon 1.x, "
					     "1 diagram, 1 blank): 0 actors"));
	test_assert_yaml_round_trip(m);
	sbuf_release(&out);
	model_free(m);
	td_report_release(&r);

	m = import_file(FIXTURES "v2-blank-among-drawn.json", &r);
	assert_int_equal(r.version, 2);
	assert_int_equal(r.diagrams, 3);
	assert_int_equal(r.blank_diagrams, 2);
	assert_int_equal(test_count_kind(m, KIND_EXTERNAL_ENTITY), 1);
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 1);
	assert_true(strlist_contains(&model_element(m, "api")->tags, "diagram-drawn"));
	test_assert_yaml_round_trip(m);
	model_free(m);
	td_report_release(&r);
}

/* Score, privilege level, threat numbers and ids, methodology and status words are kept. */
static void test_kept(void **state)
{
	struct td_report r;
	struct model *m = import_file(FIXTURES "v2-kept.json", &r);
	const struct element *e;
	const struct threat *t;

	e = model_element(m, "payment-worker");
	assert_true(strlist_contains(&e->tags, "privilege:root"));
	assert_true(strlist_contains(&e->tags, "card-payment"));
	e = model_element(m, "card-vault");
	assert_true(strlist_contains(&e->tags, "inventory"));
	assert_true(strlist_contains(&e->tags, "credentials"));
	assert_true(strlist_contains(&e->tags, "encrypted"));
	e = model_element(m, "store-card");
	assert_true(e->out_of_scope);
	assert_string_equal(e->out_of_scope_reason, "Run by the bank");

	t = model_threat(m, "T-0001");
	assert_int_equal(t->status, THREAT_OPEN);
	assert_string_equal(t->provenance,
			    "threat-dragon #7 (id 8a1f0c2e-1111-4a4a-9b9b-000000000001): "
			    "Information disclosure, severity High, score 8.1");
	t = model_threat(m, "T-0002");
	assert_int_equal(t->status, THREAT_ACCEPTED);
	assert_string_equal(t->justification, "The bank runs its own checks.");
	assert_int_equal(t->likelihood * t->impact, 4);
	t = model_threat(m, "T-0003");
	assert_int_equal(t->status, THREAT_AVOIDED);
	assert_string_equal(t->justification, "Avoided in Threat Dragon");
	assert_string_equal(
	    t->provenance,
	    "threat-dragon #12 (id 8a1f0c2e-1111-4a4a-9b9b-000000000003): Linkability, "
	    "severity Critical, status Eliminated, model LINDDUN, score 9.8");
	t = model_threat(m, "T-0004");
	assert_int_equal(t->status, THREAT_TRANSFERRED);
	assert_string_equal(
	    t->provenance,
	    "threat-dragon (id vault-1): Information disclosure, severity TBD, score 4");
	/* only the open threat's text is a control; the others' texts are justifications */
	assert_int_equal(m->nmitigations, 1);
	assert_string_equal(m->mitigations[0]->title, "Mask card numbers before logging");
	test_assert_yaml_round_trip(m);
	model_free(m);
	td_report_release(&r);
}

/* Provenance lines read back into what Threat Dragon had. */
static void test_origin(void **state)
{
	struct td_origin o;

	td_origin_parse("threat-dragon #12 (id a-1): Linkability, severity Critical, status "
			"Eliminated, model LINDDUN, score 9.8, maybe",
			&o);
	assert_true(o.found);
	assert_int_equal(o.number, 12);
	assert_string_equal(o.id, "a-1");
	assert_string_equal(o.type, "Linkability");
	assert_string_equal(o.severity, "Critical");
	assert_string_equal(o.status, "Eliminated");
	assert_string_equal(o.model, "LINDDUN");
	assert_string_equal(o.score, "9.8, maybe");
	td_origin_release(&o);
	td_origin_parse("threat-dragon: no type, severity High", &o);
	assert_true(o.found);
	assert_int_equal(o.number, -1);
	assert_null(o.id);
	assert_string_equal(o.type, "");
	assert_string_equal(o.severity, "High");
	assert_null(o.score);
	td_origin_release(&o);
	td_origin_parse("api-edge/object-authz = no", &o);
	assert_false(o.found);
	td_origin_release(&o);
}

/*
 * 20,000 actors with the same name, in a box: every id is made with about one lookup. Making
 * them by trying name, name-2, name-3, ... would take 200 million lookups here (and minutes).
 */
static void test_same_names_linear(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	struct td_report r;
	struct model *m = NULL;
	size_t i, n = 20000;

	sbuf_addstr(&text, "{\"version\": \"2.2.0\", \"detail\": {\"diagrams\": [{\"cells\": [\n"
			   "{\"id\": \"box\", \"shape\": \"trust-boundary-box\", \"position\": "
			   "{\"x\": 0, \"y\": 0}, \"size\": {\"width\": 1e9, \"height\": 1e9}}");
	for (i = 0; i < n; i++)
		sbuf_addf(&text,
			  ",\n{\"id\": \"a%zu\", \"shape\": \"actor\", \"position\": {\"x\": %zu, "
			  "\"y\": 10}, \"size\": {\"width\": 10, \"height\": 10}, \"data\": "
			  "{\"type\": \"tm.Actor\", \"name\": \"Worker\"}}",
			  i, i * 20);
	sbuf_addstr(&text, "]}]}}\n");
	if (td_import_text("many.json", text.buf, text.len, &m, &r, &err))
		fail_msg("%d:%d: %s", err.line, err.col, err.msg);
	assert_int_equal(r.actors, n);
	assert_non_null(model_element(m, "worker"));
	assert_non_null(model_element(m, "worker-20000"));
	assert_string_equal(model_element(m, "worker-20000")->boundary, "trust-boundary-1");
	assert_true(r.id_lookups <= 2 * n + 10);
	model_free(m);
	td_report_release(&r);
	sbuf_release(&text);
}

static void test_detect(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *v;

	assert_int_equal(json_parse("x", "{\"detail\":{}}", 13, NULL, &v, &err), 0);
	assert_true(td_detect(v));
	json_free(v);
	assert_int_equal(json_parse("x", "{\"stridewalk\":1}", 16, NULL, &v, &err), 0);
	assert_false(td_detect(v));
	json_free(v);
}

static void test_demo_sample(void **state)
{
	struct td_report r;
	struct model *m;

	if (access(SAMPLE, R_OK) != 0)
		skip();
	m = import_file(SAMPLE, &r);
	assert_int_equal(test_count_kind(m, KIND_EXTERNAL_ENTITY), 1);
	assert_int_equal(test_count_kind(m, KIND_PROCESS), 2);
	assert_int_equal(test_count_kind(m, KIND_DATA_STORE), 4);
	assert_int_equal(test_count_kind(m, KIND_DATA_FLOW), 10);
	assert_int_equal(test_count_kind(m, KIND_TRUST_BOUNDARY), 3);
	assert_int_equal(m->nthreats, 14);
	/* The demo's Spoofing threat on a store is kept, under a letter a store takes. */
	test_assert_listed(&r.approximated, "Spoofing does not apply to a data store");
	assert_int_equal(r.dropped.count, 0);
	test_assert_yaml_round_trip(m);
	model_free(m);
	td_report_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_v2),
	    cmocka_unit_test(test_v1),
	    cmocka_unit_test(test_several_diagrams),
	    cmocka_unit_test(test_malformed),
	    cmocka_unit_test(test_blank_diagrams),
	    cmocka_unit_test(test_kept),
	    cmocka_unit_test(test_origin),
	    cmocka_unit_test(test_same_names_linear),
	    cmocka_unit_test(test_detect),
	    cmocka_unit_test(test_demo_sample),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
