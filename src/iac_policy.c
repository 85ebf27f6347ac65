/*
 * Permissions as grants, wherever a template writes them: a role's inline policies, policies
 * attached to it, managed policies by name, SAM's Policies (managed names, policy templates,
 * inline statements), serverless.yml's statements, Terraform's JSON policies and policy
 * documents (see iac_build.h).
 */
#include <string.h>

#include "iac_build.h"
#include "util.h"

/* SAM policy templates: what each one lets the function do, and on what. */
static const struct {
	const char *name, *service;
	unsigned access;
} templates[] = {
    {"DynamoDBCrudPolicy", "dynamodb", IAC_READ | IAC_WRITE},
    {"DynamoDBReadPolicy", "dynamodb", IAC_READ},
    {"DynamoDBWritePolicy", "dynamodb", IAC_WRITE},
    {"DynamoDBReconfigurePolicy", "dynamodb", IAC_WRITE},
    {"DynamoDBStreamReadPolicy", "dynamodb", IAC_READ},
    {"DynamoDBBackupFullAccessPolicy", "dynamodb", IAC_READ | IAC_WRITE},
    {"DynamoDBRestoreFromBackupPolicy", "dynamodb", IAC_WRITE},
    {"S3ReadPolicy", "s3", IAC_READ},
    {"S3WritePolicy", "s3", IAC_WRITE},
    {"S3CrudPolicy", "s3", IAC_READ | IAC_WRITE},
    {"S3FullAccessPolicy", "s3", IAC_READ | IAC_WRITE},
    {"SQSPollerPolicy", "sqs", IAC_READ},
    {"SQSSendMessagePolicy", "sqs", IAC_WRITE},
    {"SNSPublishMessagePolicy", "sns", IAC_WRITE},
    {"SNSCrudPolicy", "sns", IAC_READ | IAC_WRITE},
    {"LambdaInvokePolicy", "lambda", IAC_WRITE},
    {"KinesisCrudPolicy", "kinesis", IAC_READ | IAC_WRITE},
    {"KinesisStreamReadPolicy", "kinesis", IAC_READ},
    {"StepFunctionsExecutionPolicy", "states", IAC_WRITE},
    {"EventBridgePutEventsPolicy", "events", IAC_WRITE},
    {"AWSSecretsManagerGetSecretValuePolicy", "secretsmanager", IAC_READ},
    {"SSMParameterReadPolicy", "ssm", IAC_READ},
    {"SSMParameterWithSlashPrefixReadPolicy", "ssm", IAC_READ},
    {"KMSDecryptPolicy", "kms", IAC_READ},
    {"KMSEncryptPolicy", "kms", IAC_WRITE},
    {"SESCrudPolicy", "ses", IAC_WRITE},
    {"SESSendBouncePolicy", "ses", IAC_WRITE},
    {"SESBulkTemplatedCrudPolicy", "ses", IAC_WRITE},
    {"SESEmailTemplateCrudPolicy", "ses", IAC_WRITE},
    {"FirehoseWritePolicy", "firehose", IAC_WRITE},
    {"FirehoseCrudPolicy", "firehose", IAC_READ | IAC_WRITE},
    {"CloudWatchPutMetricPolicy", "cloudwatch", IAC_WRITE},
    {"VPCAccessPolicy", "ec2", IAC_WRITE},
    {"AthenaQueryPolicy", "athena", IAC_READ | IAC_WRITE},
    {"CloudWatchDescribeAlarmHistoryPolicy", "cloudwatch", IAC_READ},
    {"EC2DescribePolicy", "ec2", IAC_READ},
    {"AMIDescribePolicy", "ec2", IAC_READ},
    {"CloudFormationDescribeStacksPolicy", "cloudformation", IAC_READ},
    {"RekognitionDetectOnlyPolicy", "rekognition", IAC_READ},
    {"TextractDetectAnalyzePolicy", "textract", IAC_READ},
    {"ComprehendBasicAccessPolicy", "comprehend", IAC_READ},
    {"PollyFullAccessPolicy", "polly", IAC_READ | IAC_WRITE},
};

/* Managed policies whose content is known and narrow (logging, tracing, network interfaces). */
static const char *const narrow_managed[] = {
    "AWSLambdaBasicExecutionRole",
    "AWSLambdaVPCAccessExecutionRole",
    "AWSXRayDaemonWriteAccess",
    "AWSXrayWriteOnlyAccess",
    "AWSLambdaSQSQueueExecutionRole",
    "AWSLambdaDynamoDBExecutionRole",
    "AWSLambdaKinesisExecutionRole",
    "AWSLambdaMSKExecutionRole",
    "CloudWatchLambdaInsightsExecutionRolePolicy",
    "AWSLambdaRole",
    "AmazonAPIGatewayPushToCloudWatchLogs",
};

/* Actions that are granted on "*" by design: writing logs, traces, metrics, VPC interfaces. */
static const char *const star_by_design[] = {
    "logs:CreateLogGroup",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "xray:PutTraceSegments",
    "xray:PutTelemetryRecords",
    "xray:GetSamplingRules",
    "xray:GetSamplingTargets",
    "cloudwatch:PutMetricData",
    "ec2:CreateNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
    "sts:GetCallerIdentity",
    "ssm:GetParameters",
};

static const char *const read_verbs[] = {
    "Get",     "List",    "Describe",        "Query", "Scan",     "BatchGet",
    "Receive", "Read",    "Select",          "Head",  "Lookup",   "Search",
    "Filter",  "Decrypt", "GenerateDataKey", "Poll",  "Download",
};

bool iac_managed_broad(const char *name)
{
	return str_eq(name, "AdministratorAccess") || str_eq(name, "PowerUserAccess") ||
	       str_ends_with(name, "ReadOnlyAccess") || str_ends_with(name, "FullAccess");
}

static bool managed_narrow(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(narrow_managed); i++)
		if (str_eq(narrow_managed[i], name))
			return true;
	return false;
}

/* "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" -> its name. */
static const char *managed_name(const char *text)
{
	const char *slash;

	if (!str_starts_with(text, "arn:"))
		return text;
	if (!strstr(text, ":iam::aws:policy/"))
		return NULL; /* a customer policy: its content is elsewhere */
	slash = strrchr(text, '/');
	return slash ? slash + 1 : NULL;
}

static const struct iac_value *key_of(const struct iac_value *stmt, const char *a, const char *b)
{
	const struct iac_value *v = iac_get(stmt, a);

	return v ? v : iac_get(stmt, b);
}

static void one_statement(const struct iac_build *b, const struct iac_value *st,
			  const struct iac_res *holder, const char *where,
			  void (*fn)(const struct iac_grant *, void *), void *arg)
{
	struct iac_grant g;
	const char *effect;

	if (!st || st->kind != IAC_MAP)
		return;
	memset(&g, 0, sizeof(g));
	g.holder = holder;
	g.line = st->line;
	g.where = where;
	g.actions = key_of(st, "Action", "actions");
	if (!g.actions) {
		g.actions = key_of(st, "NotAction", "not_actions");
		g.not_action = g.actions != NULL;
	}
	g.resources = key_of(st, "Resource", "resources");
	if (!g.resources)
		g.resources = key_of(st, "NotResource", "not_resources");
	effect = iac_literal(b->doc, key_of(st, "Effect", "effect"));
	g.deny = effect && (str_eq(effect, "Deny") || str_eq(effect, "deny"));
	fn(&g, arg);
}

static void unknown_grant(const struct iac_res *holder, int line, const char *where,
			  void (*fn)(const struct iac_grant *, void *), void *arg)
{
	struct iac_grant g;

	memset(&g, 0, sizeof(g));
	g.holder = holder;
	g.line = line;
	g.where = where;
	g.unknown = true;
	fn(&g, arg);
}

void iac_each_statement(const struct iac_build *b, const struct iac_value *doc,
			const struct iac_res *holder, const char *where,
			void (*fn)(const struct iac_grant *g, void *arg), void *arg)
{
	const struct iac_value *st;
	struct iac_res *r;
	size_t i;

	if (!doc)
		return;
	if (iac_scalar(doc)) {
		const struct iac_value *parsed = iac_parse_json_string(b->doc, doc);
		if (!parsed) {
			unknown_grant(holder, doc->line, where, fn, arg);
			return;
		}
		doc = parsed;
	}
	if (doc->kind == IAC_REF || doc->kind == IAC_GETATT) {
		r = iac_target(b, doc);
		if (iac_is(r, IC_POLICY_DOCUMENT) || iac_is(r, IC_POLICY)) {
			iac_each_statement(b, iac_fact(r, IF_STATEMENTS), r, where, fn, arg);
		} else { /* Terraform: a policy that names a resource, its text known later */
			struct iac_grant g;
			memset(&g, 0, sizeof(g));
			g.holder = holder;
			g.line = doc->line;
			g.where = where;
			g.resources = r ? doc : NULL;
			g.unknown = true;
			fn(&g, arg);
		}
		return;
	}
	if (doc->kind == IAC_UNKNOWN || doc->kind == IAC_FN || doc->kind == IAC_SUB) {
		unknown_grant(holder, doc->line, where, fn, arg);
		return;
	}
	if (doc->kind == IAC_LIST && doc->count && doc->items[0]->kind == IAC_REF) {
		struct iac_grant g; /* Terraform: the policy names these, its actions come later */
		memset(&g, 0, sizeof(g));
		g.holder = holder;
		g.line = doc->line;
		g.where = where;
		g.resources = doc;
		g.unknown = true;
		fn(&g, arg);
		return;
	}
	st = doc->kind == IAC_MAP ? iac_get(doc, "Statement") : doc;
	if (st && st->kind == IAC_MAP)
		one_statement(b, st, holder, where, fn, arg);
	for (i = 0; st && st->kind == IAC_LIST && i < st->count; i++)
		one_statement(b, st->items[i], holder, where, fn, arg);
}

/* "prefix" followed by `arg`: the place a grant is written, as arena text. */
static const char *where_text(const struct iac_build *b, const char *prefix, const char *arg)
{
	struct sbuf sb = SBUF_INIT;
	const char *out;

	sbuf_addf(&sb, "%s%s", prefix, arg ? arg : "");
	out = iac_strdup(b->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

static void managed_grant(const struct iac_build *b, const struct iac_value *v,
			  const struct iac_res *holder, const char *where,
			  void (*fn)(const struct iac_grant *, void *), void *arg)
{
	struct iac_res *pol = iac_target(b, v);
	const char *lit = iac_literal(b->doc, v);
	struct iac_grant g;

	if (iac_is(pol, IC_POLICY)) {
		iac_each_statement(b, iac_fact(pol, IF_STATEMENTS), pol, where, fn, arg);
		return;
	}
	memset(&g, 0, sizeof(g));
	g.holder = holder;
	g.line = v->line;
	g.managed = lit ? managed_name(lit) : NULL;
	/* "ManagedPolicyArns: " names the policy; "Policies: AdministratorAccess" did already */
	g.where =
	    str_ends_with(where, ": ") ? where_text(b, where, g.managed ? g.managed : lit) : where;
	g.unknown = !g.managed || (!managed_narrow(g.managed) && !iac_managed_broad(g.managed));
	fn(&g, arg);
}

static void role_grants(const struct iac_build *b, const struct iac_res *role,
			void (*fn)(const struct iac_grant *, void *), void *arg)
{
	const struct iac_value *pols = iac_fact(role, IF_STATEMENTS);
	const struct iac_value *managed = iac_fact(role, IF_MANAGED);
	const struct reslist *h = iac_helpers(b, role);
	size_t i;

	for (i = 0; pols && pols->kind == IAC_LIST && i < pols->count; i++) {
		const struct iac_value *p = pols->items[i];
		const struct iac_value *name = key_of(p, "PolicyName", "name");
		const char *where = where_text(b, "Policies: ", iac_literal(b->doc, name));
		iac_each_statement(b, key_of(p, "PolicyDocument", "policy"), role, where, fn, arg);
	}
	for (i = 0; managed && managed->kind == IAC_LIST && i < managed->count; i++)
		managed_grant(b, managed->items[i], role, "ManagedPolicyArns: ", fn, arg);
	for (i = 0; i < h->n; i++) {
		const struct iac_res *p = h->items[i];
		if (iac_is(p, IC_POLICY))
			iac_each_statement(b, iac_fact(p, IF_STATEMENTS), p,
					   where_text(b, "", p->id), fn, arg);
		else if (iac_is(p, IC_POLICY_ATTACHMENT) && iac_fact(p, IF_MANAGED))
			managed_grant(b, iac_fact(p, IF_MANAGED), p, where_text(b, p->id, ": "), fn,
				      arg);
	}
}

void iac_each_role_grant(const struct iac_build *b, const struct iac_res *role,
			 void (*fn)(const struct iac_grant *g, void *arg), void *arg)
{
	if (iac_is(role, IC_ROLE))
		role_grants(b, role, fn, arg);
}

static int template_index(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(templates); i++)
		if (str_eq(templates[i].name, name))
			return (int)i;
	return -1;
}

/* One entry of SAM's Policies: a managed policy, a policy template, or a policy document. */
static void sam_policy(const struct iac_build *b, const struct iac_res *r,
		       const struct iac_value *p, void (*fn)(const struct iac_grant *, void *),
		       void *arg)
{
	struct iac_grant g;
	int t;

	if (iac_scalar(p) || p->kind == IAC_SUB || p->kind == IAC_REF) {
		managed_grant(b, p, r, where_text(b, "Policies: ", iac_literal(b->doc, p)), fn,
			      arg);
		return;
	}
	if (p->kind != IAC_MAP)
		return;
	if (iac_get(p, "Statement")) {
		iac_each_statement(b, p, r, "Policies", fn, arg);
		return;
	}
	if (p->count != 1)
		return;
	memset(&g, 0, sizeof(g));
	g.holder = r;
	g.line = p->line;
	g.where = where_text(b, "Policies: ", p->keys[0]);
	t = template_index(p->keys[0]);
	if (t < 0) {
		g.unknown = true;
	} else {
		g.service = templates[t].service;
		g.access = templates[t].access;
		g.resources = p->items[0];
	}
	fn(&g, arg);
}

void iac_each_grant(const struct iac_build *b, const struct iac_res *r,
		    void (*fn)(const struct iac_grant *g, void *arg), void *arg)
{
	const struct iac_value *role = iac_fact(r, IF_ROLE);
	const struct iac_value *pols = iac_fact(r, IF_POLICIES);
	struct iac_res *role_res = iac_role_of(b, r);
	size_t i;

	if (role_res) {
		role_grants(b, role_res, fn, arg);
		return;
	}
	if (role) { /* a role defined outside this file: its permissions are unknown here */
		unknown_grant(r, iac_fact_line(r, IF_ROLE), "Role", fn, arg);
		return;
	}
	if (!r->map->facts[IF_POLICIES]) /* a plain function must name a role */
		return;
	if (pols && pols->kind == IAC_LIST)
		for (i = 0; i < pols->count; i++)
			sam_policy(b, r, pols->items[i], fn, arg);
	else if (pols)
		sam_policy(b, r, pols, fn, arg);
}

static bool verb_is_read(const char *verb)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(read_verbs); i++)
		if (str_starts_with(verb, read_verbs[i]))
			return true;
	return false;
}

static unsigned action_access(const char *a, const char *service)
{
	const char *colon = strchr(a, ':');

	if (str_eq(a, "*"))
		return IAC_READ | IAC_WRITE;
	if (!colon)
		return 0;
	if (service && (strlen(service) != (size_t)(colon - a) ||
			strncmp(a, service, (size_t)(colon - a)) != 0))
		return 0;
	if (str_eq(colon + 1, "*"))
		return IAC_READ | IAC_WRITE;
	return verb_is_read(colon + 1) ? IAC_READ : IAC_WRITE;
}

unsigned iac_actions_access(const struct iac_value *actions, const char *service)
{
	unsigned access = 0;
	size_t i;

	if (iac_scalar(actions))
		return action_access(actions->str, service);
	for (i = 0; actions && actions->kind == IAC_LIST && i < actions->count; i++)
		if (iac_scalar(actions->items[i]))
			access |= action_access(actions->items[i]->str, service);
	return access;
}

const char *iac_service_of(const struct iac_res *r)
{
	static const char *const services[IC_CLASS_COUNT] = {
	    [IC_FUNCTION] = "lambda",
	    [IC_TABLE] = "dynamodb",
	    [IC_BUCKET] = "s3",
	    [IC_QUEUE] = "sqs",
	    [IC_TOPIC] = "sns",
	    [IC_STREAM] = "kinesis",
	    [IC_FIREHOSE] = "firehose",
	    [IC_STATE_MACHINE] = "states",
	    [IC_EVENT_BUS] = "events",
	    [IC_SECRET] = "secretsmanager",
	    [IC_PARAMETER] = "ssm",
	    [IC_KMS_KEY] = "kms",
	    [IC_LOG_GROUP] = "logs",
	    [IC_EMAIL] = "ses",
	    [IC_USER_POOL] = "cognito-idp",
	    [IC_DATABASE] = "rds-data",
	    [IC_CACHE] = "elasticache",
	    [IC_FILE_SYSTEM] = "elasticfilesystem",
	    [IC_GRAPHQL_API] = "appsync",
	    [IC_REST_API] = "execute-api",
	    [IC_HTTP_API] = "execute-api",
	};

	return r && r->map ? services[r->map->cls] : NULL;
}

static bool any_action(const struct iac_value *actions, bool (*pred)(const char *))
{
	size_t i;

	if (iac_scalar(actions))
		return pred(actions->str);
	for (i = 0; actions && actions->kind == IAC_LIST && i < actions->count; i++)
		if (iac_scalar(actions->items[i]) && pred(actions->items[i]->str))
			return true;
	return false;
}

static bool is_star_action(const char *a)
{
	return str_eq(a, "*") || str_ends_with(a, ":*");
}

static bool not_by_design(const char *a)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(star_by_design); i++)
		if (str_eq(star_by_design[i], a))
			return false;
	return true;
}

static bool is_star(const char *s)
{
	return str_eq(s, "*");
}

bool iac_grant_wildcard_action(const struct iac_grant *g)
{
	if (g->deny)
		return false;
	if (g->managed)
		return iac_managed_broad(g->managed) &&
		       !str_ends_with(g->managed, "ReadOnlyAccess");
	return g->not_action || any_action(g->actions, is_star_action);
}

bool iac_grant_wildcard_resource(const struct iac_grant *g)
{
	if (g->deny || g->service)
		return false;
	if (g->managed)
		return iac_managed_broad(g->managed);
	return any_action(g->resources, is_star) && any_action(g->actions, not_by_design);
}

static bool is_iam_write(const char *a)
{
	if (str_eq(a, "*") || str_eq(a, "iam:*") || str_starts_with(a, "sts:AssumeRole"))
		return true;
	if (!str_starts_with(a, "iam:"))
		return false;
	return !str_starts_with(a + 4, "Get") && !str_starts_with(a + 4, "List") &&
	       !str_starts_with(a + 4, "Generate") && !str_starts_with(a + 4, "Simulate");
}

bool iac_grant_iam_write(const struct iac_grant *g)
{
	if (g->deny)
		return false;
	if (g->managed)
		return str_eq(g->managed, "AdministratorAccess") ||
		       str_eq(g->managed, "IAMFullAccess");
	return g->not_action || any_action(g->actions, is_iam_write);
}
