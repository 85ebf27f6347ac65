/*
 * The resource mapping table (documented in stridewalk-iac(5)): for each CloudFormation/SAM
 * and Terraform resource type, what it becomes (an element of a catalog type, a boundary, or a
 * helper that only feeds flows and answers) and where each fact the rules read sits in its
 * properties. serverless.yml becomes CloudFormation/SAM resources first, so it has no rows of
 * its own. Pure: no I/O.
 */
#ifndef SW_IAC_MAP_H
#define SW_IAC_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "iac.h"

/* What a resource is, for the rules. Elements first, then the boundary, then the helpers. */
enum iac_class {
	IC_FUNCTION,
	IC_FUNCTION_URL,
	IC_REST_API,
	IC_HTTP_API,
	IC_LOAD_BALANCER,
	IC_GRAPHQL_API,
	IC_TABLE,
	IC_BUCKET,
	IC_QUEUE,
	IC_TOPIC,
	IC_EVENT_BUS,
	IC_EVENT_RULE,
	IC_PIPE,
	IC_SCHEDULE,
	IC_STREAM,
	IC_FIREHOSE,
	IC_STATE_MACHINE,
	IC_USER_POOL,
	IC_IDENTITY_POOL,
	IC_SECRET,
	IC_PARAMETER,
	IC_KMS_KEY,
	IC_LOG_GROUP,
	IC_DATABASE,
	IC_CACHE,
	IC_FILE_SYSTEM,
	IC_EMAIL,
	IC_CDN,
	IC_WAF,
	IC_TRAIL,
	IC_VPC, /* a trust boundary */
	IC_ROLE, /* the first helper */
	IC_POLICY,
	IC_POLICY_ATTACHMENT,
	IC_POLICY_DOCUMENT,
	IC_PERMISSION,
	IC_EVENT_SOURCE_MAPPING,
	IC_INVOKE_CONFIG,
	IC_API_METHOD,
	IC_API_INTEGRATION,
	IC_API_ROUTE,
	IC_AUTHORIZER,
	IC_API_STAGE,
	IC_USAGE_PLAN,
	IC_STORE_SETTING, /* a Terraform resource that configures a bucket, queue, ... */
	IC_STORE_POLICY,
	IC_BUCKET_NOTIFICATION,
	IC_SUBSCRIPTION,
	IC_EVENT_TARGET,
	IC_LB_LISTENER,
	IC_TARGET_GROUP,
	IC_TARGET_ATTACHMENT,
	IC_DATA_SOURCE,
	IC_ROTATION,
	IC_SECRET_VALUE,
	IC_WAF_ASSOCIATION,
	IC_NETWORK, /* subnets and security groups: they place resources in a VPC */
	IC_LOG_SUBSCRIPTION,
	IC_NESTED_STACK, /* read as unresolvable: its template is elsewhere */
	IC_OTHER, /* read and ignored: nothing in it changes the diagram or an answer */
	IC_CLASS_COUNT
};

/* The facts rules read; each row says where a fact sits ("A.B|C.D": the first present). */
enum iac_fact {
	IF_NAME, /* physical name (TableName, bucket, ...) */
	IF_ROLE, /* execution role */
	IF_POLICIES, /* SAM policies */
	IF_EVENTS, /* SAM events */
	IF_ENV, /* environment variables */
	IF_TIMEOUT,
	IF_MEMORY,
	IF_RESERVED, /* reserved concurrency */
	IF_TRACING,
	IF_VPC, /* subnets or the VPC configuration */
	IF_DLQ, /* dead-letter queue or failure destination */
	IF_RUNTIME,
	IF_SIGNING, /* code-signing configuration */
	IF_URL, /* SAM FunctionUrlConfig */
	IF_INVOKE_CONFIG, /* SAM EventInvokeConfig */
	IF_TARGET, /* a helper: the resource it belongs to */
	IF_SOURCE, /* where events come from */
	IF_DEST, /* where they go */
	IF_PRINCIPAL, /* who may invoke */
	IF_AUTH, /* authorization type */
	IF_AUTHORIZER,
	IF_API_KEY, /* API key required */
	IF_CORS,
	IF_THROTTLE,
	IF_ENDPOINT, /* endpoint type (PRIVATE means not public) */
	IF_ENCRYPTION,
	IF_KMS, /* a customer-managed key */
	IF_BACKUP, /* point-in-time recovery, versioning, backup retention */
	IF_PUBLIC, /* public access block, publicly accessible */
	IF_ACL,
	IF_LOGGING, /* where logs go */
	IF_RETENTION,
	IF_REDRIVE, /* a queue's dead-letter queue */
	IF_INTERNAL, /* a load balancer's scheme */
	IF_STATEMENTS, /* policy documents */
	IF_TRUST, /* who may assume a role */
	IF_MANAGED, /* managed policies */
	IF_URI, /* integration target */
	IF_CREDENTIALS, /* the role an integration uses */
	IF_PARAMS, /* integration request parameters */
	IF_DEFINITION, /* a state machine's definition */
	IF_SUBST, /* its definition substitutions */
	IF_PROTOCOL,
	IF_SECRET_VALUE, /* a secret written in the template */
	IF_WAF, /* the web ACL in front of it */
	IF_COUNT
};

struct iac_type {
	const char *type; /* "AWS::Lambda::Function" or "aws_lambda_function" */
	enum iac_class cls;
	const char *catalog; /* the element's catalog type; NULL for boundaries and helpers */
	const char *facts[IF_COUNT]; /* property paths; NULL where the type has no such fact */
};

/* The row of a resource type, or NULL when the table does not know it. */
const struct iac_type *iac_map_find(const char *type);
/* Every row, for the documentation test. */
const struct iac_type *iac_map_all(size_t *count);

bool iac_class_is_element(enum iac_class c);
bool iac_is_terraform(const struct iac_type *t);

/* The fact's value for a resource (NULL when its row has none or the property is absent). */
const struct iac_value *iac_fact(const struct iac_res *r, enum iac_fact f);
/* The line of the fact's key, else the resource's line. */
int iac_fact_line(const struct iac_res *r, enum iac_fact f);
/* The path that matched ("Environment.Variables"), for evidence; NULL when absent. */
const char *iac_fact_path(const struct iac_res *r, enum iac_fact f, char *buf, size_t size);

#endif
