/*
 * Infrastructure code to a model: every row of the mapping table, the flow rules and the
 * evidence rules on our own fixtures (tests/fixtures/iac/), the readers' errors with their
 * file:line:col, what is listed as not drawn or not resolved, the YAML tags, and that every
 * answer the rules give is a valid answer to a shipped question that applies to its element.
 */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cfn_yaml.h"
#include "fileio.h"
#include "iac_map.h"
#include "import_iac.h"
#include "json.h"
#include "model.h"
#include "qlibrary.h"
#include "questionnaire.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "util.h"

#define FIXTURES "fixtures/iac/"
#define NOW "2026-03-01T10:00:00Z"

/* Reads text as `format` (or detected) and builds the model; fails the test on an error. */
static struct model *model_of_text(const char *name, const char *text, int format,
				   struct iac_report *rep)
{
	struct sw_error err = SW_ERROR_INIT;
	struct iac_doc *doc = NULL;
	enum iac_format f = format < 0 ? IAC_CFN : (enum iac_format)format;
	struct json_value *json = NULL;
	struct model *m;

	if (text[strspn(text, " \n")] == '{' &&
	    json_parse(name, text, strlen(text), NULL, &json, &err))
		fail_msg("%s: %d:%d: %s", name, err.line, err.col, err.msg);
	if (format < 0 && !iac_sniff(text, strlen(text), json, &f))
		fail_msg("%s is not recognised as infrastructure code", name);
	if (iac_read(name, text, strlen(text), json, f, &doc, &err))
		fail_msg("%s: %d:%d: %s", name, err.line, err.col, err.msg);
	m = iac_model(&doc, 1, NOW, rep);
	iac_doc_free(doc);
	json_free(json);
	sw_error_release(&err);
	return m;
}

static struct model *model_of(const char *path, struct iac_report *rep)
{
	char *text = test_read(path);
	struct model *m;

	if (!text)
		fail_msg("cannot read %s", path);
	m = model_of_text(path, text, -1, rep);
	free(text);
	return m;
}

/* The error reading text gives, as "line:col: message". */
static char *error_of(const char *text, int format)
{
	struct sw_error err = SW_ERROR_INIT;
	struct iac_doc *doc = NULL;
	struct sbuf out = SBUF_INIT;

	if (iac_read("bad", text, strlen(text), NULL, (enum iac_format)format, &doc, &err) == 0)
		fail_msg("no error for: %s", text);
	assert_null(doc);
	sbuf_addf(&out, "%d:%d: %s", err.line, err.col, err.msg);
	sw_error_release(&err);
	return sbuf_detach(&out);
}

static void assert_element(const struct model *m, const char *id, const char *type,
			   const char *boundary)
{
	const struct element *e = model_element(m, id);

	if (!e)
		fail_msg("no element '%s'", id);
	if (type && !str_eq(e->type, type))
		fail_msg("'%s' is %s, expected %s", id, e->type, type);
	if (boundary && !str_eq(e->boundary, boundary))
		fail_msg("'%s' is in %s, expected %s", id, e->boundary ? e->boundary : "nothing",
			 boundary);
	assert_non_null(e->origin);
}

static const struct element *flow(const struct model *m, const char *from, const char *to)
{
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_DATA_FLOW && str_eq(e->from, from) && str_eq(e->to, to))
			return e;
	}
	return NULL;
}

static void assert_flow(const struct model *m, const char *from, const char *to, const char *name,
			const char *evidence)
{
	const struct element *f = flow(m, from, to);

	if (!f)
		fail_msg("no flow %s -> %s", from, to);
	if (!str_eq(f->name, name))
		fail_msg("flow %s -> %s is '%s', expected '%s'", from, to, f->name, name);
	if (evidence && (!f->origin->property || !strstr(f->origin->property, evidence)))
		fail_msg("flow %s -> %s: evidence '%s' lacks '%s'", from, to,
			 f->origin->property ? f->origin->property : "", evidence);
}

static size_t count_kind(const struct model *m, enum element_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < m->nelements; i++)
		n += m->elements[i]->kind == k;
	return n;
}

/* The answer with its evidence line (0: any line). */
static void assert_answer(const struct model *m, const char *element, const char *qq,
			  const char *value, int line)
{
	char qn[64];
	const char *slash = strchr(qq, '/');
	const struct answer *a;

	snprintf(qn, sizeof(qn), "%.*s", (int)(slash - qq), qq);
	a = model_answer(m, element, qn, slash + 1);
	if (!a)
		fail_msg("no answer %s for %s", qq, element);
	if (!str_eq(a->value, value))
		fail_msg("%s for %s is '%s', expected '%s' (%s)", qq, element, a->value, value,
			 a->evidence ? a->evidence->property : "");
	assert_non_null(a->evidence);
	assert_string_equal(a->evidence->value, value);
	assert_null(a->who);
	if (line && a->evidence->line != line)
		fail_msg("%s for %s: evidence at line %d, expected %d", qq, element,
			 a->evidence->line, line);
}

static void assert_no_answer(const struct model *m, const char *element, const char *qq)
{
	char qn[64];
	const char *slash = strchr(qq, '/');

	snprintf(qn, sizeof(qn), "%.*s", (int)(slash - qq), qq);
	if (model_answer(m, element, qn, slash + 1))
		fail_msg("%s for %s is answered (%s), expected no answer", qq, element,
			 model_answer(m, element, qn, slash + 1)->value);
}

static bool listed(const struct strlist *l, const char *part)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		if (strstr(l->items[i], part))
			return true;
	return false;
}

/* ---- the mapping table ---- */

/* One CloudFormation resource and one Terraform resource of every type the table draws. */
static void test_every_mapped_type(void **state)
{
	struct sbuf cfn = SBUF_INIT, tf = SBUF_INIT;
	struct iac_report rep = IAC_REPORT_INIT, rep2 = IAC_REPORT_INIT;
	const struct iac_type *rows;
	size_t n, i, elements = 0, cfn_n = 0, tf_n = 0;
	struct model *m, *t;

	rows = iac_map_all(&n);
	sbuf_addstr(&cfn, "Resources:\n");
	sbuf_addstr(&tf, "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": "
			 "{\"resources\": [\n");
	for (i = 0; i < n; i++) {
		if (iac_is_terraform(&rows[i]) && !str_starts_with(rows[i].type, "data."))
			sbuf_addf(&tf,
				  "%s{\"address\": \"%s.r%zu\", \"mode\": \"managed\", "
				  "\"type\": \"%s\", \"name\": \"r%zu\", \"values\": {}}\n",
				  tf_n++ ? "," : "", rows[i].type, i, rows[i].type, i);
		else if (!iac_is_terraform(&rows[i]))
			sbuf_addf(&cfn, "  R%zu:\n    Type: %s\n", i, rows[i].type), cfn_n++;
		elements += rows[i].catalog != NULL;
	}
	sbuf_addstr(&tf, "]}}}\n");
	assert_true(elements >= 40);
	m = model_of_text("every.yaml", cfn.buf, IAC_CFN, &rep);
	t = model_of_text("every.json", tf.buf, IAC_TFPLAN, &rep2);
	for (i = 0; i < n; i++) {
		const struct model *in = iac_is_terraform(&rows[i]) ? t : m;
		const struct element *found = NULL;
		struct sbuf id = SBUF_INIT;
		size_t j;
		if (str_starts_with(rows[i].type, "data."))
			continue;
		if (iac_is_terraform(&rows[i]))
			sbuf_addf(&id, "%s.r%zu", rows[i].type, i);
		else
			sbuf_addf(&id, "R%zu", i);
		for (j = 0; j < in->nelements && !found; j++)
			if (in->elements[j]->origin && !in->elements[j]->origin->property &&
			    str_eq(in->elements[j]->origin->resource, id.buf))
				found = in->elements[j];
		if (rows[i].catalog && (!found || !str_eq(found->type, rows[i].catalog)))
			fail_msg("%s: expected an element of type %s", rows[i].type,
				 rows[i].catalog);
		if (rows[i].cls == IC_VPC && (!found || found->kind != KIND_TRUST_BOUNDARY))
			fail_msg("%s: expected a boundary", rows[i].type);
		if (!rows[i].catalog && rows[i].cls != IC_VPC && found)
			fail_msg("%s: a helper, drawn as %s", rows[i].type, found->id);
		sbuf_release(&id);
	}
	assert_int_equal(rep.unknown.count, 0);
	assert_int_equal(rep2.unknown.count, 0);
	assert_int_equal(rep.resources, cfn_n);
	assert_int_equal(rep2.resources, tf_n);
	model_free(m);
	model_free(t);
	iac_report_release(&rep);
	iac_report_release(&rep2);
	sbuf_release(&cfn);
	sbuf_release(&tf);
}

/* Every element type of the table is in the catalog, of a kind its class fits. */
static void test_table_catalog_types(void **state)
{
	size_t n, i;
	const struct iac_type *rows = iac_map_all(&n);

	for (i = 0; i < n; i++) {
		if (!rows[i].catalog)
			continue;
		if (!catalog_find(rows[i].catalog))
			fail_msg("%s maps to %s, which the catalog lacks", rows[i].type,
				 rows[i].catalog);
		assert_true(iac_class_is_element(rows[i].cls));
		assert_ptr_equal(iac_map_find(rows[i].type), &rows[i]);
	}
}

/* stridewalk-iac(5) lists every row of the table, and nothing the table lacks. */
static void test_man_page_lists_the_table(void **state)
{
	char *path = test_path(test_source_dir(), "man/stridewalk-iac.5");
	char *page = test_read(path);
	const struct iac_type *rows;
	size_t n, i;
	const char *p;

	assert_non_null(page);
	rows = iac_map_all(&n);
	for (i = 0; i < n; i++) {
		struct sbuf want = SBUF_INIT;
		sbuf_addf(&want, "Li %s ", rows[i].type);
		if (!strstr(page, want.buf)) {
			sbuf_truncate(&want, want.len - 1);
			sbuf_addch(&want, '\n');
			if (!strstr(page, want.buf))
				fail_msg("man/stridewalk-iac.5 does not list %s", rows[i].type);
		}
		sbuf_release(&want);
	}
	p = strstr(page, ".Ss Resource mapping");
	assert_non_null(p);
	for (p = strstr(p, ".It Li "); p && p < strstr(page, ".Ss Flows");
	     p = strstr(p + 1, ".It Li ")) {
		const char *q = p + 4;
		while (str_starts_with(q, "Li ")) {
			char type[96];
			size_t len = strcspn(q + 3, " \n");
			snprintf(type, sizeof(type), "%.*s", (int)len, q + 3);
			if (!iac_map_find(type))
				fail_msg("the man page lists %s, which the table lacks", type);
			q += 3 + len;
			q += strspn(q, " ,");
			if (*q == 'T' || *q == '\n')
				break;
		}
	}
	free(page);
	free(path);
}

/* ---- flows ---- */

static void test_cfn_flows(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of(FIXTURES "cfn-flows.yaml", &rep);

	/* callers in front of the public entry points, in the internet boundary */
	assert_element(m, "orders-api-caller", "generic.client", "internet");
	assert_element(m, "customer-pool-caller", "generic.user", "internet");
	assert_flow(m, "orders-api-caller", "orders-api", "Request", "public entry point");
	assert_flow(m, "notifier-url-caller", "notifier-url", "Request", NULL);
	/* event sources into functions */
	assert_flow(m, "orders-api", "create-order", "Invoke", "Events.Create (Api)");
	assert_flow(m, "order-queue", "fulfil-order", "Messages", "Events.Work (SQS)");
	assert_flow(m, "receipts-bucket", "receipt-mailer", "Object events", "Events.NewReceipt");
	assert_element(m, "receipt-mailer-nightly", "aws.eventbridge", "aws-account");
	assert_flow(m, "receipt-mailer-nightly", "receipt-mailer", "Scheduled invocation", NULL);
	assert_flow(m, "orders-table", "audit-writer", "Stream records", "EventSourceArn");
	assert_flow(m, "order-topic", "notifier", "Notifications", "Subscription");
	assert_flow(m, "order-bus", "shipped-rule", "Events", "EventBusName");
	assert_flow(m, "shipped-rule", "order-topic", "Events", "Targets");
	assert_flow(m, "customer-pool", "sign-up-check", "Trigger", "LambdaConfig");
	/* authorizers and the function URL */
	assert_flow(m, "orders-api", "token-checker", "Authorize request",
		    "Auth.Authorizers.Tokens");
	assert_flow(m, "orders-api", "customer-pool", "Validate tokens", NULL);
	assert_flow(m, "notifier-url", "notifier", "Invoke", NULL);
	/* permissions: policy templates, inline statements, a policy attached to a role */
	assert_flow(m, "create-order", "orders-table", "Read and write", "DynamoDBCrudPolicy");
	assert_true(flow(m, "create-order", "orders-table")->bidirectional);
	assert_flow(m, "create-order", "order-queue", "Write", "SQSSendMessagePolicy");
	assert_flow(m, "fulfil-order", "receipts-bucket", "Write", "S3WritePolicy");
	assert_flow(m, "fulfil-order", "order-bus", "Write", "Policies");
	assert_flow(m, "audit-writer", "receipts-bucket", "Write", "AuditPolicy");
	/* a poller's read permission joins its event flow instead of drawing its own */
	assert_null(flow(m, "fulfil-order", "order-queue"));
	assert_flow(m, "order-queue", "fulfil-order", "Messages", "SQSPollerPolicy");
	/* environment variables, by reference (Globals) and by name */
	assert_flow(m, "receipt-mailer", "sender", "Uses", "Environment SENDER");
	assert_flow(m, "receipt-mailer", "orders-table", "Uses", "Environment TABLE_NAME");
	/* what Globals give a function is evidenced where Globals says it */
	assert_int_equal(flow(m, "receipt-mailer", "orders-table")->origin->line, 18);
	/* the state machine's tasks, dead letters, logs */
	assert_flow(m, "refund-flow", "create-order", "Invoke", "Definition Task");
	assert_flow(m, "refund-flow", "orders-table", "Read and write", "dynamodb:putItem");
	assert_flow(m, "audit-writer", "audit-dead-letters", "Dead letters", "DeadLetterConfig");
	assert_flow(m, "order-queue", "order-dead-letters", "Dead letters", "RedrivePolicy");
	assert_flow(m, "create-order", "create-order-logs", "Logs", "LogGroupName");
	assert_true(model_element(m, "create-order-logs")->is_log);
	/* the evidence line of a flow */
	assert_int_equal(flow(m, "orders-api", "create-order")->origin->line, 52);
	assert_string_equal(flow(m, "orders-api", "create-order")->origin->file,
			    FIXTURES "cfn-flows.yaml");
	/* not drawn: listed with file:line, type and id */
	assert_true(listed(&rep.unknown, "cfn-flows.yaml:242: AWS::IoT::TopicRule IotIngest"));
	assert_null(model_element(m, "orders-alarm"));
	model_free(m);
	iac_report_release(&rep);
}

static void test_cfn_boundaries_and_buckets(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of(FIXTURES "cfn-evidence.yaml", &rep);
	const struct element *vpc = model_element(m, "vpc");

	assert_element(m, "aws-account", NULL, NULL);
	assert_int_equal(model_element(m, "aws-account")->kind, KIND_TRUST_BOUNDARY);
	assert_non_null(vpc);
	assert_int_equal(vpc->kind, KIND_TRUST_BOUNDARY);
	assert_string_equal(vpc->boundary, "aws-account");
	assert_element(m, "charge", "aws.lambda", "vpc");
	assert_element(m, "refund", "aws.lambda", "aws-account");
	assert_int_equal(count_kind(m, KIND_TRUST_BOUNDARY), 3);
	model_free(m);
	iac_report_release(&rep);
}

/* ---- evidence ---- */

static void test_cfn_evidence(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of(FIXTURES "cfn-evidence.yaml", &rep);

	/* identity */
	assert_answer(m, "charge", "identity/role-per-function", "no", 21);
	assert_answer(m, "charge", "identity/wildcard-permissions", "yes", 56);
	assert_answer(m, "charge", "identity/iam-write", "yes", 56);
	assert_answer(m, "charge", "identity/permission-origin", "managed-broad", 56);
	assert_string_equal(
	    model_answer(m, "charge", "identity", "permission-origin")->evidence->property,
	    "ManagedPolicyArns: AdministratorAccess");
	assert_answer(m, "webhook", "identity/role-per-function", "yes", 66);
	assert_answer(m, "webhook", "identity/wildcard-permissions", "yes", 73);
	assert_answer(m, "webhook", "identity/iam-write", "yes", 76);
	assert_answer(m, "webhook", "identity/invoke-restricted", "no", 84);
	assert_answer(m, "quote", "identity/wildcard-permissions", "yes", 105);
	assert_answer(m, "settle", "identity/wildcard-permissions", "no", 0);
	/* secrets: a NoEcho parameter with a default, a dynamic reference, never the value */
	assert_answer(m, "charge", "secrets/secret-location", "plain-settings", 25);
	assert_answer(m, "charge", "secrets/config-readers", "yes", 25);
	assert_answer(m, "charge", "secrets/deploy-secrets", "no", 25);
	assert_answer(m, "refund", "secrets/secret-location", "plain-settings", 44);
	assert_no_answer(m, "refund", "secrets/deploy-secrets");
	assert_null(
	    strstr(model_answer(m, "charge", "secrets", "secret-location")->evidence->property,
		   "change-me"));
	assert_answer(m, "ledger-secret", "secrets/rotation", "automatic", 184);
	assert_answer(m, "api-token", "secrets/rotation", "never", 191);
	/* the API edge */
	assert_answer(m, "webhook-url", "api-edge/route-auth", "none", 80);
	assert_answer(m, "webhook-url", "api-edge/cors", "any-origin", 82);
	assert_answer(m, "public-api", "api-edge/route-auth", "none", 107);
	assert_answer(m, "public-api", "api-edge/cors", "any-origin", 0);
	assert_answer(m, "public-api", "api-edge/route-throttles", "yes", 96);
	assert_answer(m, "public-api", "api-edge/waf", "no", 0);
	assert_answer(m, "public-api", "denial-of-wallet/per-client-limits", "no", 0);
	/* connectivity */
	assert_answer(m, "webhook", "connectivity/aws-url-none", "yes", 80);
	assert_answer(m, "webhook", "connectivity/public-paths", "public-unauth", 0);
	assert_answer(m, "quote", "connectivity/public-paths", "public-unauth", 107);
	assert_answer(m, "charge", "connectivity/private-network", "yes", 29);
	assert_no_answer(m, "charge", "connectivity/egress");
	assert_answer(m, "refund", "connectivity/private-network", "no", 35);
	assert_answer(m, "refund", "connectivity/egress", "open", 35);
	/* denial of wallet */
	assert_answer(m, "charge", "denial-of-wallet/concurrency-cap", "yes", 33);
	assert_answer(m, "charge", "denial-of-wallet/shared-pool", "no", 33);
	assert_answer(m, "refund", "denial-of-wallet/concurrency-cap", "no", 35);
	assert_answer(m, "refund", "denial-of-wallet/shared-pool", "yes", 35);
	assert_answer(m, "charge", "denial-of-wallet/timeout-memory", "maximum", 22);
	assert_answer(m, "refund", "denial-of-wallet/timeout-memory", "defaults", 35);
	/* logging */
	assert_answer(m, "charge", "logging/retention", "not-set", 199);
	assert_answer(m, "charge-logs", "logging/retention", "not-set", 199);
	assert_answer(m, "refund", "logging/retention", "not-set", 35);
	assert_answer(m, "charge", "logging/tracing", "yes", 32);
	assert_answer(m, "refund", "logging/tracing", "no", 35);
	/* data storage */
	assert_answer(m, "ledger", "data-storage/encryption-at-rest", "customer-key", 143);
	assert_answer(m, "settle-failures", "data-storage/encryption-at-rest", "customer-key", 133);
	assert_answer(m, "statements", "data-storage/encryption-at-rest", "provider-key", 147);
	assert_answer(m, "events", "data-storage/encryption-at-rest", "not-encrypted", 174);
	assert_answer(m, "payments-db", "data-storage/encryption-at-rest", "not-encrypted", 204);
	assert_answer(m, "statements", "data-storage/public-access", "yes", 150);
	assert_answer(m, "exports", "data-storage/public-access", "yes", 169);
	assert_answer(m, "exports", "data-storage/s3-block-public", "no", 157);
	assert_answer(m, "payments-db", "data-storage/public-access", "yes", 209);
	assert_answer(m, "ledger", "data-storage/backups", "yes", 145);
	assert_answer(m, "exports", "data-storage/backups", "no", 154);
	assert_answer(m, "payments-db", "data-storage/backups", "no", 210);
	/* error handling */
	assert_answer(m, "settle", "error-handling/async-triggers", "yes", 120);
	assert_answer(m, "settle", "error-handling/failed-events", "yes", 124);
	assert_answer(m, "quote", "error-handling/async-triggers", "no", 107);
	/* dependencies */
	assert_answer(m, "charge", "dependencies/runtime-support", "no", 18);
	assert_answer(m, "charge", "dependencies/code-signing", "no", 15);
	assert_answer(m, "refund", "dependencies/code-signing", "yes", 63);
	assert_no_answer(m, "refund", "dependencies/runtime-support");
	model_free(m);
	iac_report_release(&rep);
}

static void test_cfn_flow_evidence(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of(FIXTURES "cfn-flows.yaml", &rep);

	assert_answer(m, "fulfil-order", "error-handling/async-triggers", "yes", 73);
	assert_answer(m, "fulfil-order", "error-handling/failed-events", "yes", 135);
	/* a stream-triggered function's DLQ keeps only asynchronous invocations */
	assert_answer(m, "audit-writer", "error-handling/failed-events", "no", 0);
	assert_answer(m, "audit-writer", "identity/role-per-function", "no", 102);
	assert_answer(m, "create-order", "connectivity/public-paths", "gateway-auth", 52);
	assert_answer(m, "orders-api", "api-edge/route-auth", "jwt", 52);
	assert_answer(m, "notifier-url", "api-edge/route-auth", "iam-signed", 121);
	assert_no_answer(m, "create-order", "logging/retention"); /* its log group keeps 30 days */
	assert_answer(m, "orders-table", "data-storage/backups", "no", 124);
	model_free(m);
	iac_report_release(&rep);
}

/* ---- serverless.yml ---- */

static void test_sls(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of(FIXTURES "sls-orders.yml", &rep);

	assert_string_equal(m->name, "orders");
	assert_element(m, "create", "aws.lambda", "aws-account");
	assert_element(m, "worker", "aws.lambda", "aws-account");
	assert_element(m, "api-gateway-rest-api", "aws.apigateway", "aws-account");
	assert_element(m, "http-api", "aws.apigateway", "aws-account");
	assert_element(m, "create-log-group", "aws.cloudwatch-logs", NULL);
	/* the bucket and the topic the framework creates for events; the existing topic by name */
	assert_element(m, "s3-bucket-uploadsdev", "aws.s3", NULL);
	assert_null(model_element(m, "sns-topic-ordersalerts"));
	assert_flow(m, "alert-topic", "worker", "Notifications", "Events.sns3");
	assert_flow(m, "api-gateway-rest-api", "create", "Invoke", "Events.http1");
	assert_flow(m, "http-api", "list", "Invoke", "Events.httpApi2");
	assert_flow(m, "jobs", "worker", "Messages", "Events.sqs1");
	assert_flow(m, "create", "orders-table", "Read and write", "IamRoleLambdaExecution");
	assert_flow(m, "create", "alert-topic", "Write", NULL);
	assert_flow(m, "create", "create-log-group", "Logs", NULL);
	/* one role for every function without one of its own */
	assert_answer(m, "create", "identity/role-per-function", "no", 45);
	assert_answer(m, "list", "identity/role-per-function", "no", 53);
	assert_answer(m, "worker", "identity/role-per-function", "yes", 63);
	/* variables, defaults, merge keys */
	assert_answer(m, "create", "secrets/secret-location", "plain-settings", 25);
	assert_no_answer(m, "create", "denial-of-wallet/timeout-memory"); /* <<: *defaults */
	assert_answer(m, "list", "denial-of-wallet/timeout-memory", "defaults", 52);
	assert_answer(m, "worker", "denial-of-wallet/concurrency-cap", "yes", 61);
	assert_answer(m, "create", "logging/tracing", "yes", 22);
	assert_no_answer(m, "create", "logging/retention"); /* logRetentionInDays: 14 */
	assert_answer(m, "api-gateway-rest-api", "api-edge/route-auth", "none", 55);
	assert_answer(m, "api-gateway-rest-api", "api-edge/route-throttles", "yes", 0);
	assert_answer(m, "api-gateway-rest-api", "denial-of-wallet/per-client-limits", "yes", 0);
	assert_true(
	    listed(&rep.unresolved, "sls-orders.yml:73: ${env:WORKER_TOKEN} is not resolved"));
	model_free(m);
	iac_report_release(&rep);
}

static void test_sls_variables(void **state)
{
	const char *text = "service: shop\n"
			   "provider:\n"
			   "  name: aws\n"
			   "  stage: ${opt:stage, 'qa'}\n"
			   "custom:\n"
			   "  table: ${self:service}-${sls:stage}\n"
			   "  nested: ${opt:missing, ${self:custom.table}}\n"
			   "functions:\n"
			   "  f:\n"
			   "    handler: f.h\n"
			   "    environment:\n"
			   "      TABLE: ${self:custom.nested}\n"
			   "      REGION: ${aws:region}\n"
			   "resources:\n"
			   "  Resources:\n"
			   "    T:\n"
			   "      Type: AWS::DynamoDB::Table\n"
			   "      Properties:\n"
			   "        TableName: shop-qa\n";
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of_text("serverless.yml", text, IAC_SLS, &rep);

	assert_flow(m, "f", "t", "Uses", "Environment TABLE");
	assert_int_equal(rep.unresolved.count, 0);
	model_free(m);
	iac_report_release(&rep);
}

/* ---- Terraform ---- */

static void test_tfplan(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of(FIXTURES "tfplan-jobs.json", &rep);

	assert_element(m, "lambda-function-worker", "aws.lambda", "aws-account");
	assert_element(m, "reports-lambda-function-this", "aws.lambda", NULL);
	assert_element(m, "apigatewayv2-api-public", "aws.apigateway", NULL);
	assert_flow(m, "apigatewayv2-api-public-caller", "apigatewayv2-api-public", "Request",
		    NULL);
	assert_flow(m, "apigatewayv2-api-public", "lambda-function-worker", "Invoke",
		    "integration_uri");
	assert_flow(m, "sqs-queue-jobs", "lambda-function-worker", "Messages", "event_source_arn");
	assert_flow(m, "sqs-queue-jobs", "sqs-queue-jobs-dlq", "Dead letters", "redrive_policy");
	/* a policy whose actions are known only after apply still names what it reaches */
	assert_flow(m, "lambda-function-worker", "dynamodb-table-orders", "Uses",
		    "aws_iam_role_policy.worker");
	/* a deferred policy document, read from the configuration */
	assert_flow(m, "lambda-function-worker", "s3-bucket-reports", "Read", "read_reports");
	/* through a module input: var.bucket_arn and var.role_arn */
	assert_flow(m, "reports-lambda-function-this", "s3-bucket-reports", "Read", "Environment");
	assert_answer(m, "reports-lambda-function-this", "identity/role-per-function", "no", 0);
	assert_flow(m, "lambda-function-worker", "cloudwatch-log-group-worker", "Logs", NULL);
	assert_answer(m, "lambda-function-worker", "logging/retention", "not-set", 0);
	assert_answer(m, "lambda-function-worker", "secrets/secret-location", "plain-settings", 0);
	assert_answer(m, "lambda-function-worker", "error-handling/failed-events", "yes", 0);
	assert_answer(m, "lambda-function-worker", "denial-of-wallet/concurrency-cap", "no", 0);
	assert_no_answer(m, "lambda-function-worker", "identity/wildcard-permissions");
	assert_answer(m, "reports-lambda-function-this", "denial-of-wallet/timeout-memory",
		      "maximum", 0);
	assert_answer(m, "reports-lambda-function-this", "dependencies/runtime-support", "no", 0);
	assert_answer(m, "apigatewayv2-api-public", "api-edge/route-auth", "none", 0);
	assert_answer(m, "apigatewayv2-api-public", "api-edge/cors", "allow-list", 0);
	assert_answer(m, "sqs-queue-jobs-dlq", "data-storage/encryption-at-rest", "not-encrypted",
		      0);
	assert_answer(m, "s3-bucket-reports", "data-storage/s3-block-public", "yes", 0);
	assert_answer(m, "s3-bucket-reports", "data-storage/backups", "yes", 0);
	assert_answer(m, "dynamodb-table-orders", "data-storage/backups", "yes", 0);
	assert_true(listed(&rep.unknown, "aws_route53_record aws_route53_record.www"));
	assert_true(listed(&rep.unresolved, "module 'vpc' from 'terraform-aws-modules/vpc/aws'"));
	assert_true(
	    listed(&rep.unresolved, "local.mode (a local value) in aws_lambda_function.worker"));
	model_free(m);
	iac_report_release(&rep);
}

/* vpc_config puts a Terraform function behind a VPC boundary; an empty block does not. */
static void test_tfplan_vpc(void **state)
{
	const char *text =
	    "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": "
	    "[\n"
	    "  {\"address\": \"aws_lambda_function.api\", \"mode\": \"managed\",\n"
	    "   \"type\": \"aws_lambda_function\", \"name\": \"api\",\n"
	    "   \"values\": {\"function_name\": \"api\", \"runtime\": \"python3.12\",\n"
	    "     \"vpc_config\": [{\"subnet_ids\": [\"subnet-0a\", \"subnet-0b\"],\n"
	    "                     \"security_group_ids\": [\"sg-1\"]}]}},\n"
	    "  {\"address\": \"aws_lambda_function.edge\", \"mode\": \"managed\",\n"
	    "   \"type\": \"aws_lambda_function\", \"name\": \"edge\",\n"
	    "   \"values\": {\"function_name\": \"edge\", \"runtime\": \"python3.12\",\n"
	    "     \"vpc_config\": []}}]}}}\n";
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of_text("plan.json", text, IAC_TFPLAN, &rep);
	const struct element *vpc = model_element(m, "vpc");

	assert_non_null(vpc);
	assert_int_equal(vpc->kind, KIND_TRUST_BOUNDARY);
	assert_string_equal(vpc->boundary, "aws-account");
	assert_string_equal(vpc->origin->file, "plan.json");
	assert_string_equal(vpc->origin->property, "vpc_config.subnet_ids");
	assert_element(m, "lambda-function-api", "aws.lambda", "vpc");
	assert_element(m, "lambda-function-edge", "aws.lambda", "aws-account");
	assert_answer(m, "lambda-function-api", "connectivity/private-network", "yes", 0);
	assert_answer(m, "lambda-function-edge", "connectivity/private-network", "no", 0);
	model_free(m);
	iac_report_release(&rep);
}

/* ---- the YAML reader ---- */

static void test_yaml_tags(void **state)
{
	const char *text = "Parameters:\n"
			   "  Stage: {Type: String, Default: prod}\n"
			   "Resources:\n"
			   "  Fn:\n"
			   "    Type: AWS::Lambda::Function\n"
			   "    Properties:\n"
			   "      Role: !GetAtt [Role, Arn]\n"
			   "      Environment:\n"
			   "        Variables:\n"
			   "          A: !Ref Table\n"
			   "          B: !Sub '${Queue.Arn}'\n"
			   "          C: !Join ['', ['arn:aws:sns:::', !GetAtt Topic.TopicName]]\n"
			   "          D: !If [IsProd, !Ref Bucket, !Ref AWS::NoValue]\n"
			   "          E: !Select [0, !Split [',', !Ref Stage]]\n"
			   "          F: !Sub ['${X}', {X: !Ref Secret}]\n"
			   "  Role:\n"
			   "    Type: AWS::IAM::Role\n"
			   "  Table: &table\n"
			   "    Type: AWS::DynamoDB::Table\n"
			   "  Queue: {Type: 'AWS::SQS::Queue'}\n"
			   "  Topic: {Type: 'AWS::SNS::Topic'}\n"
			   "  Bucket:\n"
			   "    <<: *table\n"
			   "    Type: AWS::S3::Bucket\n"
			   "  Secret: {Type: AWS::SecretsManager::Secret}\n";
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of_text("tags.yaml", text, IAC_CFN, &rep);

	assert_flow(m, "fn", "table", "Uses", "Environment A");
	assert_flow(m, "fn", "queue", "Uses", "Environment B");
	assert_flow(m, "fn", "topic", "Uses", "Environment C");
	assert_flow(m, "fn", "bucket", "Uses", "Environment D");
	assert_flow(m, "fn", "secret", "Uses", "Environment F");
	assert_element(m, "bucket", "aws.s3", NULL);
	assert_answer(m, "fn", "identity/role-per-function", "yes", 7);
	model_free(m);
	iac_report_release(&rep);
}

static void test_json_long_forms(void **state)
{
	const char *text =
	    "{\"Resources\": {\n"
	    "  \"Fn\": {\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\n"
	    "    \"Policies\": [{\"DynamoDBReadPolicy\": {\"TableName\": {\"Ref\": \"T\"}}}],\n"
	    "    \"Environment\": {\"Variables\": {\"Q\": {\"Fn::GetAtt\": [\"Q\", \"Arn\"]},\n"
	    "      \"I\": {\"Fn::ImportValue\": \"shared-bus\"}}}}},\n"
	    "  \"T\": {\"Type\": \"AWS::DynamoDB::Table\"},\n"
	    "  \"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}\n";
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of_text("template.json", text, -1, &rep);

	assert_flow(m, "fn", "t", "Read", "DynamoDBReadPolicy");
	assert_flow(m, "fn", "q", "Uses", "Environment Q");
	assert_true(listed(&rep.unresolved, "template.json:5: cross-stack import shared-bus "
					    "(Fn::ImportValue) in resource Fn"));
	model_free(m);
	iac_report_release(&rep);
}

/* Constructs resolved elsewhere are listed by name and line; the rest still imports. */
static void test_unresolvable(void **state)
{
	const char *text = "Transform: [AWS::Serverless-2016-10-31, Acme::Expand]\n"
			   "Resources:\n"
			   "  Api:\n"
			   "    Type: AWS::Serverless::Api\n"
			   "    Properties:\n"
			   "      DefinitionBody:\n"
			   "        Fn::Transform:\n"
			   "          Name: AWS::Include\n"
			   "          Parameters: {Location: s3://bucket/openapi.yaml}\n"
			   "  Child:\n"
			   "    Type: AWS::CloudFormation::Stack\n"
			   "    Properties: {TemplateURL: https://example.com/child.yaml}\n"
			   "  Fn:\n"
			   "    Type: AWS::Serverless::StateMachine\n"
			   "    Properties:\n"
			   "      DefinitionUri: s3://bucket/flow.json\n"
			   "      Events:\n"
			   "        Kafka: {Type: SelfManagedKafka, Properties: {Topics: [t]}}\n"
			   "      Role: !GetAtt FnRole.Arn\n" /* made by the SAM transform */
			   "  Queue:\n"
			   "    Type: AWS::SQS::Queue\n"
			   "    Properties:\n"
			   "      QueueName: !Sub '${AWS::StackName}-q'\n"
			   "      RedrivePolicy: {deadLetterTargetArn: !GetAtt Missing.Arn}\n"
			   "      Tags: [{Key: region, Value: !Ref AWS::Region}]\n";
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of_text("t.yaml", text, IAC_CFN, &rep);

	assert_true(listed(&rep.unresolved, "t.yaml:1: macro 'Acme::Expand' (Transform)"));
	assert_true(listed(&rep.unresolved,
			   "t.yaml:7: AWS::Include of 's3://bucket/openapi.yaml' (Fn::Transform)"));
	assert_true(listed(&rep.unresolved, "t.yaml:10: nested stack Child"));
	assert_true(
	    listed(&rep.unresolved, "t.yaml:16: definition kept elsewhere (DefinitionUri)"));
	assert_true(listed(&rep.unresolved, "t.yaml:18: event Kafka (SelfManagedKafka)"));
	assert_true(listed(&rep.unresolved, "t.yaml:24: !GetAtt Missing names no resource or "
					    "parameter of the template, in resource Queue"));
	assert_int_equal(rep.unresolved.count,
			 6); /* FnRole and AWS::Region are defined elsewhere */
	assert_element(m, "api", "aws.apigateway", NULL);
	assert_element(m, "fn", "aws.stepfunctions", NULL);
	model_free(m);
	iac_report_release(&rep);
}

static void test_bad_inputs(void **state)
{
	static const struct {
		const char *text;
		int format;
		const char *error;
	} cases[] = {
	    {"Resources:\n  A: {Type: AWS::SQS::Queue\n", IAC_CFN, "3:1: malformed YAML:"},
	    {"Resources:\n  A:\n    Properties: {}\n", IAC_CFN,
	     "3:5: resource 'A' needs a 'Type' such as AWS::Lambda::Function"},
	    {"Resources:\n  A: {Type: AWS::SQS::Queue}\n  A: {Type: AWS::SNS::Topic}\n", IAC_CFN,
	     "3:3: duplicate key 'A'"},
	    {"Resources: [a, b]\n", IAC_CFN, "1:12: 'Resources' must be a mapping of logical ids"},
	    {"Description: no resources\n", IAC_CFN,
	     "1:1: not a CloudFormation template: there is no 'Resources' mapping"},
	    {"Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: *nowhere\n", IAC_CFN,
	     "4:17: alias '*nowhere' names no anchor defined before it"},
	    {"Resources: {}\n---\nResources: {}\n", IAC_CFN,
	     "2:1: more than one YAML document in the file"},
	    {"service: a\nprovider: {name: azure}\n", IAC_SLS,
	     "2:18: provider 'azure' is not read: stridewalk reads serverless.yml for AWS"},
	    {"service: a\nprovider: {name: aws}\nfunctions: [f]\n", IAC_SLS,
	     "3:12: 'functions' must be a mapping of function names"},
	    {"{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": \n", IAC_TFPLAN,
	     "2:1: expected a value"},
	    {"{\"format_version\": \"1.2\"}", IAC_TFPLAN,
	     "1:1: not a Terraform plan or state: 'terraform show -json' writes 'format_version' "
	     "and 'planned_values' or 'values'"},
	    {"{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\n"
	     "  \"resources\": [{\"address\": 1, \"type\": \"aws_sqs_queue\"}]}}}\n",
	     IAC_TFPLAN, "2:17: a Terraform resource needs 'address' and 'type' strings"},
	    {"{\"format_version\": \"1.2\", \"values\": {\"root_module\": {\"child_modules\": [\n"
	     "  {\"resources\": [\"aws_sqs_queue.q\"]}]}}}\n",
	     IAC_TFPLAN, "2:18: a resource of a Terraform module must be an object"},
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char *got = error_of(cases[i].text, cases[i].format);
		if (!str_starts_with(got, cases[i].error))
			fail_msg("case %zu: '%s', expected '%s'", i, got, cases[i].error);
		free(got);
	}
}

/* A hostile document of aliases expanding to billions of values is refused, quickly. */
static void test_billion_laughs(void **state)
{
	struct sbuf text = SBUF_INIT;
	char *got;
	int i;

	sbuf_addstr(&text, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (i = 1; i < 12; i++)
		sbuf_addf(&text,
			  "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, "
			  "*a%d]\n",
			  i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
			  i - 1);
	sbuf_addstr(&text, "Resources: {}\n");
	got = error_of(text.buf, IAC_CFN);
	assert_non_null(strstr(got, "aliases expand the document beyond 4194304 values"));
	free(got);
	sbuf_release(&text);
}

/* ---- answers are valid answers to shipped questions that apply ---- */

static void check_answers(const struct qlibrary *lib, const struct model *m, const char *file)
{
	size_t i;

	for (i = 0; i < m->nanswers; i++) {
		const struct answer *a = m->answers[i];
		const struct questionnaire *qn = qlibrary_questionnaire(lib, a->questionnaire);
		const struct question *q = qn ? questionnaire_find_question(qn, a->question) : NULL;
		const struct element *e = model_element(m, a->element);
		if (!q)
			fail_msg("%s: %s/%s is no shipped question", file, a->questionnaire,
				 a->question);
		if (!question_applies(qn, q, e))
			fail_msg("%s: %s/%s is not asked of %s (%s)", file, a->questionnaire,
				 a->question, e->id, e->type);
		if (!question_answer_valid(q, a->value))
			fail_msg("%s: '%s' is no answer to %s/%s", file, a->value, a->questionnaire,
				 a->question);
	}
}

static void test_answers_are_valid(void **state)
{
	static const char *const files[] = {"cfn-flows.yaml", "cfn-evidence.yaml", "sls-orders.yml",
					    "tfplan-jobs.json"};
	struct qlibrary *lib = qlibrary_new();
	struct sw_error err = SW_ERROR_INIT;
	char *dir = test_path(test_source_dir(), "questionnaires");
	struct strlist covered = STRLIST_INIT;
	size_t i, j;

	if (qlibrary_load_dir(lib, dir, QLIB_SHIPPED, true, &err))
		fail_msg("%s", err.msg);
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		struct iac_report rep = IAC_REPORT_INIT;
		char *path = test_path(FIXTURES, files[i]);
		struct model *m = model_of(path, &rep);
		check_answers(lib, m, files[i]);
		for (j = 0; j < m->nanswers; j++) {
			struct sbuf q = SBUF_INIT;
			sbuf_addf(&q, "%s/%s", m->answers[j]->questionnaire,
				  m->answers[j]->question);
			if (!strlist_contains(&covered, q.buf))
				strlist_push(&covered, q.buf);
			sbuf_release(&q);
		}
		model_free(m);
		iac_report_release(&rep);
		free(path);
	}
	/* the fixtures exercise at least twenty shipped questions */
	if (covered.count < 20)
		fail_msg("only %zu questions answered from evidence", covered.count);
	strlist_clear(&covered);
	qlibrary_free(lib);
	free(dir);
}

/* The model writes as system YAML that reads back to the same bytes, origins and evidence too. */
static void test_round_trip(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m = model_of(FIXTURES "cfn-evidence.yaml", &rep), *again = NULL;
	struct sbuf a = SBUF_INIT, b = SBUF_INIT;
	struct sw_error err = SW_ERROR_INIT;

	assert_int_equal(system_write(m, false, &a, &err), 0);
	assert_non_null(strstr(a.buf, "origin: {file: fixtures/iac/cfn-evidence.yaml, line: 15, "
				      "resource: Charge, type: 'AWS::Lambda::Function'}"));
	assert_non_null(strstr(a.buf, "evidence: {file: fixtures/iac/cfn-evidence.yaml, line: 56"));
	if (system_yaml_parse("a.yaml", a.buf, a.len, &again, &err))
		fail_msg("%d:%d: %s", err.line, err.col, err.msg);
	assert_int_equal(system_write(again, false, &b, &err), 0);
	assert_string_equal(a.buf, b.buf);
	model_free(m);
	model_free(again);
	sbuf_release(&a);
	sbuf_release(&b);
	iac_report_release(&rep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_mapped_type),
	    cmocka_unit_test(test_table_catalog_types),
	    cmocka_unit_test(test_man_page_lists_the_table),
	    cmocka_unit_test(test_cfn_flows),
	    cmocka_unit_test(test_cfn_boundaries_and_buckets),
	    cmocka_unit_test(test_cfn_evidence),
	    cmocka_unit_test(test_cfn_flow_evidence),
	    cmocka_unit_test(test_sls),
	    cmocka_unit_test(test_sls_variables),
	    cmocka_unit_test(test_tfplan),
	    cmocka_unit_test(test_tfplan_vpc),
	    cmocka_unit_test(test_yaml_tags),
	    cmocka_unit_test(test_json_long_forms),
	    cmocka_unit_test(test_unresolvable),
	    cmocka_unit_test(test_bad_inputs),
	    cmocka_unit_test(test_billion_laughs),
	    cmocka_unit_test(test_answers_are_valid),
	    cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
