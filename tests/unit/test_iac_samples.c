/*
 * Real infrastructure code from other projects (../shared/samples/iac/, when it is there):
 * each file imports with the elements, flows and evidence answers a reviewer would draw and
 * give by hand from the same file. Skipped, saying so, when the samples are absent.
 */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "import_iac.h"
#include "json.h"
#include "model.h"
#include "util.h"

#define SAMPLES "../../shared/samples/iac/"

static struct model *sample(const char *name, struct iac_report *rep)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf path = SBUF_INIT, text = SBUF_INIT;
	struct json_value *json = NULL;
	struct iac_doc *doc = NULL;
	enum iac_format f;
	struct model *m;

	sbuf_addf(&path, SAMPLES "%s", name);
	if (file_read_all(path.buf, &text, &err) ||
	    (text.buf[0] == '{' && json_parse(name, text.buf, text.len, NULL, &json, &err)))
		fail_msg("%s: %s", path.buf, err.msg);
	if (!iac_sniff(text.buf, text.len, json, &f))
		fail_msg("%s is not recognised", name);
	if (iac_read(name, text.buf, text.len, json, f, &doc, &err))
		fail_msg("%s:%d:%d: %s", name, err.line, err.col, err.msg);
	m = iac_model(&doc, 1, "2026-03-01T10:00:00Z", rep);
	iac_doc_free(doc);
	json_free(json);
	sbuf_release(&path);
	sbuf_release(&text);
	return m;
}

static void el(const struct model *m, const char *id, const char *type, const char *boundary)
{
	const struct element *e = model_element(m, id);

	if (!e || !str_eq(e->type, type) || !str_eq(e->boundary, boundary))
		fail_msg("expected %s, a %s in %s", id, type, boundary);
}

static void fl(const struct model *m, const char *from, const char *to, const char *name)
{
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_DATA_FLOW && str_eq(e->from, from) && str_eq(e->to, to)) {
			if (!str_eq(e->name, name))
				fail_msg("flow %s -> %s is '%s', expected '%s'", from, to, e->name,
					 name);
			return;
		}
	}
	fail_msg("no flow %s -> %s", from, to);
}

static size_t flows(const struct model *m)
{
	size_t i, n = 0;

	for (i = 0; i < m->nelements; i++)
		n += m->elements[i]->kind == KIND_DATA_FLOW;
	return n;
}

static void an(const struct model *m, const char *element, const char *qn, const char *q,
	       const char *value, int line)
{
	const struct answer *a = model_answer(m, element, qn, q);

	if (!a || !str_eq(a->value, value) || !a->evidence || (line && a->evidence->line != line))
		fail_msg("expected %s/%s = %s for %s (line %d), got %s (line %d)", qn, q, value,
			 element, line, a ? a->value : "nothing",
			 a && a->evidence ? a->evidence->line : 0);
}

/* The samples are not part of the repository: without them each test says so and skips. */
#define NEED_SAMPLES()                                                                             \
	do {                                                                                       \
		if (access(SAMPLES, F_OK) != 0) {                                                  \
			print_message("skipped: %s is not there (no shared samples)\n", SAMPLES);  \
			skip();                                                                    \
		}                                                                                  \
	} while (0)

static void test_sam_api_lambda_dynamodb(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m;

	NEED_SAMPLES();
	m = sample("sam-apigw-lambda-dynamodb.yaml", &rep);

	el(m, "lambda-function", "aws.lambda", "aws-account");
	el(m, "dynamo-db-table", "aws.dynamodb", "aws-account");
	el(m, "serverless-rest-api", "aws.apigateway", "aws-account");
	el(m, "serverless-rest-api-caller", "generic.client", "internet");
	fl(m, "serverless-rest-api-caller", "serverless-rest-api", "Request");
	fl(m, "serverless-rest-api", "lambda-function", "Invoke");
	fl(m, "lambda-function", "dynamo-db-table", "Read and write");
	assert_int_equal(flows(m), 3);
	an(m, "serverless-rest-api", "api-edge", "route-auth", "none", 17);
	an(m, "lambda-function", "identity", "role-per-function", "yes", 5);
	an(m, "lambda-function", "identity", "wildcard-permissions", "no", 0);
	an(m, "lambda-function", "connectivity", "public-paths", "public-unauth", 17);
	an(m, "lambda-function", "connectivity", "egress", "open", 5);
	an(m, "dynamo-db-table", "data-storage", "encryption-at-rest", "provider-key", 22);
	model_free(m);
	iac_report_release(&rep);
}

static void test_sam_api_lambda_authorizer(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m;

	NEED_SAMPLES();
	m = sample("sam-apigw-lambda-authorizer.yaml", &rep);

	el(m, "app-api", "aws.apigateway", "aws-account");
	el(m, "app-function", "aws.lambda", "aws-account");
	el(m, "token-authorizer-function", "aws.lambda", "aws-account");
	assert_null(model_element(m, "authorizers-lambda-token")); /* a helper, not drawn */
	fl(m, "app-api-caller", "app-api", "Request");
	fl(m, "app-api", "app-function", "Invoke");
	fl(m, "app-api", "token-authorizer-function", "Authorize request");
	assert_int_equal(flows(m), 3);
	an(m, "app-api", "api-edge", "route-auth", "custom", 26);
	an(m, "app-function", "identity", "invoke-restricted", "yes", 0);
	an(m, "app-function", "connectivity", "public-paths", "gateway-auth", 0);
	assert_int_equal(rep.unknown.count, 0);
	model_free(m);
	iac_report_release(&rep);
}

static void test_sam_http_api_sqs_sns(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m;

	NEED_SAMPLES();
	m = sample("sam-http-api-fifo-sqs-lambda-sns.yaml", &rep);

	el(m, "my-api", "aws.apigateway", "aws-account");
	el(m, "my-sqs-queue", "aws.sqs", "aws-account");
	el(m, "my-dead-letter-queue-for-sqs", "aws.sqs", "aws-account");
	el(m, "my-lambda-function", "aws.lambda", "aws-account");
	el(m, "my-sns-topic", "aws.sns", "aws-account");
	fl(m, "my-api-caller", "my-api", "Request");
	fl(m, "my-api", "my-sqs-queue", "Write"); /* MyAPiRole, the role the API assumes */
	fl(m, "my-sqs-queue", "my-lambda-function", "Messages");
	fl(m, "my-lambda-function", "my-sns-topic", "Write");
	fl(m, "my-sqs-queue", "my-dead-letter-queue-for-sqs", "Dead letters");
	assert_int_equal(flows(m), 5);
	an(m, "my-lambda-function", "error-handling", "async-triggers", "yes", 74);
	an(m, "my-lambda-function", "error-handling", "failed-events", "yes", 88);
	an(m, "my-lambda-function", "identity", "wildcard-permissions", "no", 0);
	assert_true(rep.unresolved.count == 1 &&
		    strstr(rep.unresolved.items[0], "sam-http-api-fifo-sqs-lambda-sns.yaml:118: "
						    "AWS::Include of 'api.yaml'"));
	model_free(m);
	iac_report_release(&rep);
}

static void test_sls_rest_api_dynamodb(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m;

	NEED_SAMPLES();
	m = sample("sls-apigw-rest-api-dynamodb.yml", &rep);

	assert_string_equal(m->name, "apigw-rest-api-dynamodb-sls");
	el(m, "api", "aws.apigateway", "aws-account");
	el(m, "dynamo-db-table", "aws.dynamodb", "aws-account");
	fl(m, "api-caller", "api", "Request");
	fl(m, "api", "dynamo-db-table", "Read and write"); /* PutItem and Query integrations */
	assert_int_equal(flows(m), 2);
	an(m, "api", "api-edge", "route-auth", "api-key-only", 0);
	an(m, "api", "api-edge", "route-throttles", "yes", 0);
	an(m, "api", "denial-of-wallet", "per-client-limits", "yes", 0);
	an(m, "dynamo-db-table", "data-storage", "backups", "no", 0);
	assert_int_equal(rep.unknown.count, 0);
	model_free(m);
	iac_report_release(&rep);
}

static void test_cfn_react_spa(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	struct model *m;

	NEED_SAMPLES();
	m = sample("cfn-react-cors-spa-stack.yaml", &rep);

	el(m, "simple-api", "aws.apigateway", "aws-account");
	el(m, "s3-bucket", "aws.s3", "aws-account");
	el(m, "logging-bucket", "aws.s3", "aws-account");
	el(m, "cf-distribution", "aws.cloudfront", "aws-account");
	assert_true(model_element(m, "logging-bucket")->is_log);
	fl(m, "simple-api-caller", "simple-api", "Request");
	fl(m, "cf-distribution-caller", "cf-distribution", "Request");
	fl(m, "cf-distribution", "s3-bucket", "Origin requests");
	fl(m, "s3-bucket", "logging-bucket", "Logs");
	fl(m, "cf-distribution", "logging-bucket", "Logs");
	assert_int_equal(flows(m), 5);
	an(m, "simple-api", "api-edge", "route-auth", "none", 38);
	an(m, "simple-api", "api-edge", "cors", "any-origin", 49);
	an(m, "s3-bucket", "data-storage", "s3-block-public", "yes", 75);
	an(m, "s3-bucket", "data-storage", "public-access", "no", 0);
	an(m, "s3-bucket", "data-storage", "backups", "yes", 84);
	an(m, "cf-distribution", "api-edge", "waf", "no", 0);
	model_free(m);
	iac_report_release(&rep);
}

static void test_tfplan_elb(void **state)
{
	struct iac_report rep = IAC_REPORT_INIT;
	const struct element *vpc;
	struct model *m;

	NEED_SAMPLES();
	m = sample("tfplan-elb.json", &rep);
	vpc = model_element(m, "vpc-foo");

	assert_non_null(vpc);
	assert_int_equal(vpc->kind, KIND_TRUST_BOUNDARY);
	assert_string_equal(vpc->boundary, "aws-account");
	el(m, "alb-qux", "aws.elb", "vpc-foo"); /* its subnets are in vpc foo */
	el(m, "wafregional-web-acl-foo", "aws.waf", "aws-account");
	assert_null(model_element(m, "alb-qux-caller")); /* internal: no caller from outside */
	assert_int_equal(flows(m), 0);
	assert_int_equal(rep.unknown.count, 0);
	assert_int_equal(rep.resources, 7);
	model_free(m);
	iac_report_release(&rep);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sam_api_lambda_dynamodb),
	    cmocka_unit_test(test_sam_api_lambda_authorizer),
	    cmocka_unit_test(test_sam_http_api_sqs_sns),
	    cmocka_unit_test(test_sls_rest_api_dynamodb),
	    cmocka_unit_test(test_cfn_react_spa),
	    cmocka_unit_test(test_tfplan_elb),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
