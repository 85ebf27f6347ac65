/* The system-model format: every template and the man-page example load and round-trip
 * byte-identically; every kind of bad input names its file, line and column exactly. */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "catalog.h"
#include "json.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "threat.h"

static const struct {
	const char *file;
	const char *message;
} bad_inputs[] = {
    {"bad-malformed.yaml",
     "5:1: malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping that "
     "starts at line 4, column 5)"},
    {"bad-unknown-key.yaml",
     "8:5: unknown key 'colour' in an element (expected one of: id, kind, type, name, "
     "description, boundary, tags, is_log, out_of_scope, out_of_scope_reason, origin)"},
    {"bad-wrong-type.yaml", "8:11: 'tags' must be a list, not a scalar"},
    {"bad-wrong-rating.yaml", "10:17: 'likelihood' must be a whole number from 1 to 5, not 'high'"},
    {"bad-unknown-kind.yaml",
     "5:11: unknown kind 'lambda' (expected external_entity, process or data_store)"},
    {"bad-duplicate-id.yaml", "7:11: duplicate id 'fn' (first defined at line 4)"},
    {"bad-flow-unknown-element.yaml", "8:9: data flow 'write' names unknown element 'bucket'"},
    {"bad-threat-unknown-element.yaml", "7:14: threat 'T-0001' names unknown element 'fnn'"},
    {"bad-unknown-boundary.yaml", "6:68: process 'fn' names unknown boundary 'azure'"},
    {"bad-cyclic-boundary.yaml", "4:31: boundary 'a' is nested inside itself"},
    {"bad-letter-not-applicable.yaml",
     "8:13: letter E does not apply to data store 'bucket' (it takes TID)"},
    {"bad-missing-justification.yaml", "12:13: status 'accepted' needs a 'justification'"},
    {"bad-newer-format.yaml", "1:13: format version 2 is newer than this stridewalk reads (1)"},
    {"bad-unknown-type.yaml",
     "4:36: type 'aws.lamda' does not fit a process: unknown type (see 'stridewalk list "
     "types'; generic.NAME fits anything)"},
    {"bad-alias.yaml", "5:5: aliases (*name) are not supported; write the value out"},
    {"bad-session-stranger.yaml", "31:27: 'Nobody' took part but is not in 'participants'"},
};

static void test_bad_inputs(void **state)
{
	size_t i;

	for (i = 0; i < sizeof(bad_inputs) / sizeof(bad_inputs[0]); i++) {
		struct sw_error err = SW_ERROR_INIT;
		struct sbuf path = SBUF_INIT, got = SBUF_INIT, want = SBUF_INIT;
		struct model *m = NULL;

		sbuf_addf(&path, "fixtures/models/%s", bad_inputs[i].file);
		sbuf_addf(&want, "%s:%s", path.buf, bad_inputs[i].message);
		assert_int_equal(system_yaml_load(path.buf, &m, &err), -1);
		assert_null(m);
		sw_error_format(&err, &got);
		assert_string_equal(got.buf, want.buf);
		sw_error_release(&err);
		sbuf_release(&path);
		sbuf_release(&got);
		sbuf_release(&want);
	}
}

/* Loads, writes, parses the output and writes again: both writes must match byte for byte. */
static void assert_round_trip(const char *path)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf first = SBUF_INIT, second = SBUF_INIT;
	struct model *m = NULL, *again = NULL;

	if (system_yaml_load(path, &m, &err)) {
		struct sbuf msg = SBUF_INIT;
		sw_error_format(&err, &msg);
		fail_msg("%s", msg.buf);
	}
	assert_int_equal(system_write(m, false, &first, &err), 0);
	assert_int_equal(system_yaml_parse("export", first.buf, first.len, &again, &err), 0);
	assert_int_equal(system_write(again, false, &second, &err), 0);
	assert_string_equal(first.buf, second.buf);
	model_free(m);
	model_free(again);
	sbuf_release(&first);
	sbuf_release(&second);
}

static void test_templates_round_trip(void **state)
{
	static const char *const templates[] = {
	    "hello-lambda",      "api-crud",         "s3-presigned-download",
	    "event-pipeline",    "hr-payslips",      "azure-functions-orders",
	    "gcp-pubsub-ingest", "demo-hr-workshop",
	};
	size_t i;

	for (i = 0; i < sizeof(templates) / sizeof(templates[0]); i++) {
		struct sbuf path = SBUF_INIT;
		sbuf_addf(&path, "../templates/%s.yaml", templates[i]);
		assert_round_trip(path.buf);
		sbuf_release(&path);
	}
}

static void test_hr_example_is_big_enough(void **state)
{
	struct model *m = NULL;
	size_t i, elements = 0, flows = 0;

	assert_int_equal(system_yaml_load("../templates/hr-payslips.yaml", &m, NULL), 0);
	for (i = 0; i < m->nelements; i++) {
		if (m->elements[i]->kind == KIND_DATA_FLOW)
			flows++;
		else if (m->elements[i]->kind != KIND_TRUST_BOUNDARY)
			elements++;
	}
	assert_true(elements >= 12);
	assert_true(flows >= 14);
	model_free(m);
}

/* The complete example in stridewalk-model(5) is the one .Bd -literal block. */
static void test_man_page_example_loads(void **state)
{
	char *page = test_read("../man/stridewalk-model.5");
	char *start, *end, *dir = test_tmpdir(), *path = test_path(dir, "example.yaml");

	assert_non_null(page);
	start = strstr(page, ".Bd -literal");
	assert_non_null(start);
	start = strchr(start, '\n') + 1;
	end = strstr(start, "\n.Ed");
	assert_non_null(end);
	*end = '\0';
	test_write(path, start);
	assert_round_trip(path);
	free(page);
	free(path);
	free(dir);
}

/* A model stored in SQLite and read back writes the same YAML as the file it came from. */
static void test_database_round_trip(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf before = SBUF_INIT, after = SBUF_INIT;
	char *dir = test_tmpdir(), *db = test_path(dir, "m.db");
	struct model *m = NULL;
	struct app *app = NULL;

	assert_int_equal(system_yaml_load("../templates/demo-hr-workshop.yaml", &m, &err), 0);
	assert_int_equal(system_write(m, false, &before, &err), 0);
	assert_int_equal(app_open(db, DB_NEW, &app, &err), 0);
	assert_int_equal(app_replace_model(app, m, "import", "test", &err), 0);
	app_close(app);
	assert_int_equal(app_open(db, 0, &app, &err), 0);
	assert_int_equal(system_write(app->model, false, &after, &err), 0);
	assert_string_equal(before.buf, after.buf);
	app_close(app);
	sbuf_release(&before);
	sbuf_release(&after);
	free(db);
	free(dir);
}

static void test_json_has_the_same_content(void **state)
{
	struct model *m = NULL;
	struct sbuf json = SBUF_INIT;

	assert_int_equal(system_yaml_load("fixtures/models/good-minimal.yaml", &m, NULL), 0);
	assert_int_equal(system_write(m, true, &json, NULL), 0);
	assert_non_null(strstr(json.buf, "\"stridewalk\": 1,\n  \"name\": \"Minimal\",\n"));
	assert_non_null(strstr(json.buf, "\"is_log\": true"));
	assert_non_null(strstr(json.buf, "\"parent\": \"aws\""));
	model_free(m);
	sbuf_release(&json);
}

/* The enumeration `path` of the schema, e.g. the threat statuses, as one "a b c" string. */
static void schema_enum(const struct json_value *schema, const char *def, const char *key,
			struct sbuf *out)
{
	const struct json_value *d = json_path(schema, "$defs", def, NULL);
	const struct json_value *list = key ? json_path(d, "properties", key, "enum", NULL)
					    : json_get(json_get(d, "anyOf")->items[0], "enum");
	size_t i;

	assert_non_null(list);
	for (i = 0; i < list->nitems; i++)
		sbuf_addf(out, "%s%s", i ? " " : "", list->items[i]->text);
}

/* The published schema of the JSON export names the catalog's types and the statuses the
 * loader takes, so it cannot fall behind them unnoticed. */
static void test_schema_matches_the_loader(void **state)
{
	char *path = test_path(test_source_dir(), "man/stridewalk-model.schema.json");
	char *text = test_read(path);
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *schema = NULL;
	struct sbuf got = SBUF_INIT, want = SBUF_INIT;
	const struct catalog_type *types;
	size_t i, n;

	assert_non_null(text);
	assert_int_equal(json_parse(path, text, strlen(text), NULL, &schema, &err), 0);
	types = catalog_all(&n);
	for (i = 0; i < n; i++)
		sbuf_addf(&want, "%s%s", i ? " " : "", types[i].id);
	schema_enum(schema, "type", NULL, &got);
	assert_string_equal(got.buf, want.buf);
	sbuf_reset(&got);
	sbuf_reset(&want);
	for (i = 0; i < THREAT_STATUS_COUNT; i++)
		sbuf_addf(&want, "%s%s", i ? " " : "", threat_status_name((enum threat_status)i));
	schema_enum(schema, "threat", "status", &got);
	assert_string_equal(got.buf, want.buf);
	sbuf_reset(&got);
	sbuf_reset(&want);
	for (i = 0; i < MITIGATION_STATUS_COUNT; i++)
		sbuf_addf(&want, "%s%s", i ? " " : "",
			  mitigation_status_name((enum mitigation_status)i));
	schema_enum(schema, "mitigation", "status", &got);
	assert_string_equal(got.buf, want.buf);
	json_free(schema);
	sbuf_release(&got);
	sbuf_release(&want);
	free(text);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bad_inputs),
	    cmocka_unit_test(test_templates_round_trip),
	    cmocka_unit_test(test_hr_example_is_big_enough),
	    cmocka_unit_test(test_man_page_example_loads),
	    cmocka_unit_test(test_database_round_trip),
	    cmocka_unit_test(test_json_has_the_same_content),
	    cmocka_unit_test(test_schema_matches_the_loader),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
