/*
 * The flow rules: event sources into functions, integrations and authorizers behind APIs,
 * functions to what their permissions and environment variables reach, state machines to the
 * tasks they call, deliveries, dead letters and logs, and a caller in front of every public
 * entry point. Each flow keeps its evidence (file:line and the property).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iac_build.h"
#include "util.h"
#include "xalloc.h"

/* One rule's target: every element a value names gets a flow with these words. */
struct to_each {
	struct iac_build *b;
	const struct iac_res *holder;
	const char *from; /* NULL: the target is the source, and `to` the destination */
	const char *to;
	const char *verb, *protocol;
	unsigned access;
	int line;
	const char *property;
};

static void flow_to(struct iac_res *r, const struct iac_value *at, void *arg)
{
	struct to_each *t = arg;
	const char *el = iac_element_of(t->b, r);

	if (!el)
		return;
	if (t->from)
		iac_flow(t->b, t->from, el, t->verb, t->protocol, t->access, t->holder, t->line,
			 t->property);
	else
		iac_flow(t->b, el, t->to, t->verb, t->protocol, t->access, t->holder, t->line,
			 t->property);
}

/* Flows from `from` to everything `v` names (or, with from NULL, from each to `to`). */
static void flows_for(struct iac_build *b, const struct iac_value *v, const char *from,
		      const char *to, const char *verb, const char *protocol,
		      const struct iac_res *holder, int line, const char *property)
{
	struct to_each t = {b, holder, from, to, verb, protocol, 0, line, property};

	if (v && (from || to))
		iac_each_target(b, v, flow_to, &t);
}

static const char *fact_text(struct iac_build *b, const struct iac_res *r, enum iac_fact f)
{
	char path[128];
	struct sbuf sb = SBUF_INIT;
	const char *p = iac_fact_path(r, f, path, sizeof(path));
	const char *out;

	sbuf_addstr(&sb, p ? p : "?");
	out = iac_strdup(b->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

/* The fact's value, and flows from the resource to what it names. */
static void fact_flows(struct iac_build *b, const struct iac_res *r, enum iac_fact f,
		       const char *verb, const char *protocol, unsigned access)
{
	struct to_each t = {b,        r,      iac_element_of(b, r), NULL, verb,
			    protocol, access, iac_fact_line(r, f),  NULL};

	if (!t.from || !iac_fact(r, f))
		return;
	t.property = fact_text(b, r, f);
	iac_each_target(b, iac_fact(r, f), flow_to, &t);
}

/* A helper that links two elements: IF_SOURCE (or the helper's target) to IF_DEST. */
static void helper_link(struct iac_build *b, const struct iac_res *h, enum iac_fact src,
			enum iac_fact dst, const char *verb, const char *protocol)
{
	const struct iac_res *from = iac_target(b, iac_fact(h, src));
	struct to_each t = {b,        h, iac_element_of(b, from), NULL, verb,
			    protocol, 0, iac_fact_line(h, dst),   NULL};

	if (!t.from)
		return;
	t.property = fact_text(b, h, dst);
	iac_each_target(b, iac_fact(h, dst), flow_to, &t);
}

/* --- SAM events --- */

static const char *event_property(struct iac_build *b, const char *name, const char *type)
{
	struct sbuf sb = SBUF_INIT;
	const char *out;

	sbuf_addf(&sb, "Events.%s (%s)", name, type ? type : "?");
	out = iac_strdup(b->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

static void implicit_rule(struct iac_build *b, const struct iac_res *r, const char *name,
			  const struct iac_value *props, int line, const char *property,
			  bool schedule)
{
	struct sbuf label = SBUF_INIT;
	const char *rule, *self = iac_element_of(b, r);

	sbuf_addf(&label, "%s %s", name, schedule ? "schedule" : "rule");
	rule = iac_implicit(b, r, name, "aws.eventbridge", label.buf, line, property);
	iac_flow(b, rule, self, schedule ? "Scheduled invocation" : "Events", "EventBridge", 0, r,
		 line, property);
	flows_for(b, iac_get(props, "EventBusName"), NULL, rule, "Events", "EventBridge", r, line,
		  property);
	sbuf_release(&label);
}

static void api_event(struct iac_build *b, const struct iac_res *r, const struct iac_value *props,
		      const char *key, const char *implicit, int line, const char *property)
{
	const char *self = iac_element_of(b, r);
	const char *api = iac_element_named(b, iac_get(props, key));

	if (!api)
		api = iac_element_of(b, iac_doc_res(b->doc, implicit));
	iac_flow(b, api, self, "Invoke", iac_is(r, IC_FUNCTION) ? "Lambda Invoke" : "AWS API", 0, r,
		 line, property);
}

static void one_event(struct iac_build *b, const struct iac_res *r, const char *name,
		      const struct iac_value *ev, int line)
{
	const char *type = iac_literal(b->doc, iac_get(ev, "Type"));
	const struct iac_value *p = iac_get(ev, "Properties");
	const char *self = iac_element_of(b, r), *property = event_property(b, name, type);
	static const struct {
		const char *type, *key, *verb, *protocol;
	} sources[] = {
	    {"SQS", "Queue", "Messages", "Event source mapping"},
	    {"Kinesis", "Stream", "Stream records", "Event source mapping"},
	    {"DynamoDB", "Stream", "Stream records", "Event source mapping"},
	    {"SNS", "Topic", "Notifications", "SNS"},
	    {"S3", "Bucket", "Object events", "S3 event"},
	    {"Cognito", "UserPool", "Trigger", "Lambda Invoke"},
	    {"CloudWatchLogs", "LogGroupName", "Log events", "CloudWatch Logs"},
	    {"WebSocket", "ApiId", "Invoke", "Lambda Invoke"},
	    {"DocumentDB", "Cluster", "Stream records", "Event source mapping"},
	};
	size_t i;

	if (!type)
		return;
	if (str_eq(type, "Api"))
		return api_event(b, r, p, "RestApiId", "ServerlessRestApi", line, property);
	if (str_eq(type, "HttpApi"))
		return api_event(b, r, p, "ApiId", "ServerlessHttpApi", line, property);
	if (str_eq(type, "Schedule") || str_eq(type, "ScheduleV2"))
		return implicit_rule(b, r, name, p, line, property, true);
	if (str_eq(type, "EventBridgeRule") || str_eq(type, "CloudWatchEvent"))
		return implicit_rule(b, r, name, p, line, property, false);
	if (str_eq(type, "ALB")) {
		const struct iac_res *listener = iac_target(b, iac_get(p, "ListenerArn"));
		const char *lb = iac_element_named(b, iac_fact(listener, IF_TARGET));
		iac_flow(b, lb, self, "Invoke", "HTTPS", 0, r, line, property);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(sources); i++)
		if (str_eq(sources[i].type, type)) {
			flows_for(b, iac_get(p, sources[i].key), NULL, self, sources[i].verb,
				  sources[i].protocol, r, line, property);
			return;
		}
	iac_note(b->doc, line,
		 "event %s (%s) of %s comes from outside the file; its source is not "
		 "drawn",
		 name, type, r->id);
}

static void sam_events(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_value *events = iac_fact(r, IF_EVENTS);
	size_t i;

	for (i = 0; events && events->kind == IAC_MAP && i < events->count; i++)
		one_event(b, r, events->keys[i], events->items[i],
			  events->key_lines ? events->key_lines[i] : events->items[i]->line);
}

/* --- event sources written as resources --- */

static const char *source_verb(const struct iac_res *src)
{
	if (iac_is(src, IC_QUEUE))
		return "Messages";
	if (iac_is(src, IC_TABLE) || iac_is(src, IC_STREAM))
		return "Stream records";
	return "Events";
}

static void event_source_mapping(struct iac_build *b, const struct iac_res *h)
{
	const struct iac_res *src = iac_target(b, iac_fact(h, IF_SOURCE));
	const char *fn = iac_element_named(b, iac_fact(h, IF_TARGET));

	iac_flow(b, iac_element_of(b, src), fn, source_verb(src), "Event source mapping", 0, h,
		 iac_fact_line(h, IF_SOURCE), fact_text(b, h, IF_SOURCE));
	flows_for(b, iac_fact(h, IF_DLQ), fn, NULL, "Failed records", "AWS API", h,
		  iac_fact_line(h, IF_DLQ), fact_text(b, h, IF_DLQ));
}

/* Everything a notification configuration names but the bucket itself. */
static void notifications(struct iac_build *b, const struct iac_res *owner,
			  const struct iac_value *config, const char *bucket, int line,
			  const char *property)
{
	size_t i;

	for (i = 0; config && config->kind == IAC_MAP && i < config->count; i++)
		if (!str_eq(config->keys[i], "bucket"))
			flows_for(b, config->items[i], bucket, NULL, "Object events", "S3 event",
				  owner, line, property);
}

static void resource_sources(struct iac_build *b, const struct iac_res *r)
{
	const char *self = iac_element_of(b, r);

	switch (r->map->cls) {
	case IC_EVENT_SOURCE_MAPPING:
		event_source_mapping(b, r);
		break;
	case IC_BUCKET:
		notifications(b, r, iac_fact(r, IF_DEST), self, iac_fact_line(r, IF_DEST),
			      "NotificationConfiguration");
		break;
	case IC_BUCKET_NOTIFICATION:
		notifications(b, r, r->props, iac_element_named(b, iac_fact(r, IF_TARGET)), r->line,
			      r->id);
		break;
	case IC_TOPIC:
		fact_flows(b, r, IF_DEST, "Notifications", "SNS", 0);
		break;
	case IC_SUBSCRIPTION:
		helper_link(b, r, IF_SOURCE, IF_DEST, "Notifications", "SNS");
		break;
	case IC_EVENT_RULE:
	case IC_PIPE:
		flows_for(b, iac_fact(r, IF_SOURCE), NULL, self, "Events", "EventBridge", r,
			  iac_fact_line(r, IF_SOURCE), fact_text(b, r, IF_SOURCE));
		fact_flows(b, r, IF_DEST, "Events", "EventBridge", 0);
		break;
	case IC_EVENT_TARGET:
		helper_link(b, r, IF_SOURCE, IF_DEST, "Events", "EventBridge");
		break;
	case IC_SCHEDULE:
		fact_flows(b, r, IF_DEST, "Scheduled invocation", "EventBridge", 0);
		break;
	case IC_FIREHOSE:
		flows_for(b, iac_fact(r, IF_SOURCE), NULL, self, "Records", "Kinesis", r,
			  iac_fact_line(r, IF_SOURCE), fact_text(b, r, IF_SOURCE));
		fact_flows(b, r, IF_DEST, "Deliver records", "AWS API", IAC_WRITE);
		break;
	case IC_USER_POOL:
		fact_flows(b, r, IF_DEST, "Trigger", "Lambda Invoke", 0);
		break;
	case IC_LOG_SUBSCRIPTION:
		helper_link(b, r, IF_SOURCE, IF_DEST, "Log events", "CloudWatch Logs");
		break;
	case IC_ROTATION: {
		const char *fn = iac_element_named(b, iac_fact(r, IF_DEST));
		flows_for(b, iac_fact(r, IF_TARGET), fn, NULL, "Rotate secret", "AWS API", r,
			  r->line, r->id);
		break;
	}
	case IC_PERMISSION: /* who may invoke: a flow when the source is in the file */
		flows_for(b, iac_fact(r, IF_SOURCE), NULL,
			  iac_element_named(b, iac_fact(r, IF_TARGET)), "Invoke", "Lambda Invoke",
			  r, iac_fact_line(r, IF_SOURCE), fact_text(b, r, IF_SOURCE));
		break;
	default:
		break;
	}
}

/* --- APIs --- */

/* "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem" -> "dynamodb". */
static void integration_service(const struct iac_build *b, const struct iac_value *uri, char *out,
				size_t size)
{
	struct sbuf text = SBUF_INIT;
	const char *p, *q;

	out[0] = '\0';
	if (iac_literal(b->doc, uri))
		sbuf_addstr(&text, iac_literal(b->doc, uri));
	else if (uri && uri->kind == IAC_SUB && iac_scalar(uri->items[0]))
		sbuf_addstr(&text, uri->items[0]->str);
	p = strstr(text.buf, ":apigateway:");
	if (p && (p = strchr(p + strlen(":apigateway:"), ':')) && (q = strchr(p + 1, ':')) &&
	    (size_t)(q - p - 1) < size) {
		memcpy(out, p + 1, (size_t)(q - p - 1));
		out[q - p - 1] = '\0';
	}
	sbuf_release(&text);
}

struct role_flow {
	struct iac_build *b;
	const char *from;
	const char *service; /* only this service's actions, or NULL */
	const struct iac_res *self;
	const char *via; /* evidence prefix, or NULL */
};

static void grant_flow_to(struct iac_res *r, const struct iac_value *at, void *arg);

struct grant_target {
	struct role_flow *rf;
	const struct iac_grant *g;
};

static void grant_flow(const struct iac_grant *g, void *arg)
{
	struct role_flow *rf = arg;
	struct grant_target gt = {rf, g};

	if (g->deny || g->managed || !g->resources)
		return;
	iac_each_target(rf->b, g->resources, grant_flow_to, &gt);
}

/* The event flow source -> self that a read permission on the source only makes possible. */
static bool reverse_event_flow(struct iac_build *b, const char *self, const char *source,
			       const struct iac_grant *g)
{
	struct sbuf key = SBUF_INIT;
	struct iac_flow_note *note;
	const char *protocol;

	sbuf_addf(&key, "%s %s", source, self);
	note = strmap_get(&b->flows, key.buf);
	sbuf_release(&key);
	protocol = note ? note->flow->protocol : NULL;
	if (!str_eq(protocol, "Event source mapping"))
		return false;
	iac_flow(b, source, self, NULL, NULL, 0, g->holder, g->line, g->where);
	return true;
}

static void grant_flow_to(struct iac_res *r, const struct iac_value *at, void *arg)
{
	struct grant_target *gt = arg;
	const struct iac_grant *g = gt->g;
	const char *svc = iac_service_of(r), *to = iac_element_of(gt->rf->b, r);
	unsigned access;
	struct sbuf property = SBUF_INIT;
	bool invoke;

	if (!to || r == gt->rf->self || (gt->rf->service && !str_eq(svc, gt->rf->service)))
		return;
	access = g->unknown   ? 0 /* a policy naming it, with actions known only after apply */
		 : g->service ? (str_eq(g->service, svc) ? g->access : 0)
			      : iac_actions_access(g->actions, svc);
	if (!access && !g->unknown)
		return;
	invoke = iac_is(r, IC_FUNCTION) && (access & IAC_WRITE);
	if ((access == IAC_READ || g->unknown) &&
	    reverse_event_flow(gt->rf->b, gt->rf->from, to, g))
		return; /* permission to poll the source of its own event mapping */
	if (gt->rf->via)
		sbuf_addf(&property, "%s, ", gt->rf->via);
	sbuf_addstr(&property, g->where ? g->where : "policy");
	if (g->holder && g->holder != gt->rf->self && !str_eq(g->where, g->holder->id))
		sbuf_addf(&property, " in %s", g->holder->id);
	iac_flow(gt->rf->b, gt->rf->from, to, invoke ? "Invoke" : NULL,
		 invoke ? "Lambda Invoke" : "AWS API", invoke ? 0 : access, g->holder, g->line,
		 property.buf);
	sbuf_release(&property);
}

static void mark_used(struct strmap *used, const struct iac_res *role)
{
	if (role)
		strmap_put(used, role->id, (void *)role);
}

/* A method, integration or route: the function or service behind the API. */
static void integration(struct iac_build *b, const struct iac_res *h, struct strmap *used)
{
	const char *api = iac_element_named(b, iac_fact(h, IF_TARGET));
	const struct iac_value *uri = iac_fact(h, IF_URI);
	struct iac_res *target = iac_target(b, uri);
	struct iac_res *role = iac_target(b, iac_fact(h, IF_CREDENTIALS));

	if (!api)
		return;
	mark_used(used, role);
	if (iac_element_of(b, target)) {
		iac_flow(b, api, iac_element_of(b, target), "Invoke",
			 iac_is(target, IC_FUNCTION) ? "Lambda Invoke" : "AWS API", 0, h,
			 iac_fact_line(h, IF_URI), fact_text(b, h, IF_URI));
		return;
	}
	flows_for(b, iac_fact(h, IF_PARAMS), api, NULL, "Send", "AWS API", h,
		  iac_fact_line(h, IF_PARAMS), fact_text(b, h, IF_PARAMS));
}

/* The grants of a role that an integration uses as its credentials. */
static void credential_flows(struct iac_build *b, const struct iac_res *h, struct strmap *used)
{
	const char *api = iac_element_named(b, iac_fact(h, IF_TARGET));
	struct iac_res *role = iac_target(b, iac_fact(h, IF_CREDENTIALS));
	char service[64];
	struct sbuf via = SBUF_INIT;
	struct role_flow rf;

	if (!api || !iac_is(role, IC_ROLE) || iac_element_of(b, iac_target(b, iac_fact(h, IF_URI))))
		return;
	mark_used(used, role);
	integration_service(b, iac_fact(h, IF_URI), service, sizeof(service));
	sbuf_addf(&via, "%s %s", h->id, fact_text(b, h, IF_CREDENTIALS));
	rf.b = b;
	rf.from = api;
	rf.service = service[0] ? iac_strdup(b->doc, service) : NULL;
	rf.self = NULL;
	rf.via = iac_strdup(b->doc, via.buf);
	iac_each_role_grant(b, role, grant_flow, &rf);
	sbuf_release(&via);
}

/* SAM's Auth.Authorizers: the functions and user pools that check callers. */
static void sam_authorizers(struct iac_build *b, const struct iac_res *api)
{
	const struct iac_value *auth = iac_fact(api, IF_AUTH);
	const struct iac_value *list = iac_get(auth, "Authorizers");
	const char *self = iac_element_of(b, api);
	size_t i;

	for (i = 0; list && list->kind == IAC_MAP && i < list->count; i++) {
		const struct iac_value *a = list->items[i];
		struct sbuf p = SBUF_INIT;
		int line = list->key_lines ? list->key_lines[i] : a->line;
		sbuf_addf(&p, "Auth.Authorizers.%s", list->keys[i]);
		flows_for(b, iac_get(a, "FunctionArn"), self, NULL, "Authorize request",
			  "Lambda Invoke", api, line, iac_strdup(b->doc, p.buf));
		flows_for(b, iac_get(a, "UserPoolArn"), self, NULL, "Validate tokens", "HTTPS", api,
			  line, iac_strdup(b->doc, p.buf));
		flows_for(b, iac_get(a, "JwtConfiguration"), self, NULL, "Validate tokens", "HTTPS",
			  api, line, iac_strdup(b->doc, p.buf));
		sbuf_release(&p);
	}
}

static bool trusted_by(const struct iac_build *b, const struct iac_res *role, const char *service)
{
	const struct iac_value *trust = iac_fact(role, IF_TRUST);
	struct sbuf text = SBUF_INIT;
	bool found = false;

	if (iac_scalar(trust)) /* Terraform writes the trust policy as JSON text */
		found = strstr(trust->str, service) != NULL;
	else {
		const struct iac_value *st = iac_get(trust, "Statement");
		size_t i;
		for (i = 0; st && st->kind == IAC_LIST && i < st->count && !found; i++) {
			const struct iac_value *svc = iac_path(st->items[i], "Principal.Service");
			size_t j;
			if (iac_scalar(svc))
				found = str_eq(svc->str, service);
			for (j = 0; svc && svc->kind == IAC_LIST && j < svc->count; j++)
				found |= str_eq(iac_scalar(svc->items[j]), service);
		}
	}
	sbuf_release(&text);
	(void)b;
	return found;
}

/*
 * A role API Gateway may assume that no integration in the file names: its API's definition is
 * elsewhere (an OpenAPI file). With one API in the file, its flows are that role's grants.
 */
static void unclaimed_api_roles(struct iac_build *b, struct strmap *used)
{
	const struct iac_res *api = NULL;
	size_t i, apis = 0;

	for (i = 0; i < b->doc->nres; i++)
		if ((iac_is(b->doc->res[i], IC_REST_API) || iac_is(b->doc->res[i], IC_HTTP_API)) &&
		    ++apis)
			api = b->doc->res[i];
	if (apis != 1)
		return;
	for (i = 0; i < b->doc->nres; i++) {
		struct iac_res *role = b->doc->res[i];
		struct role_flow rf = {b, iac_element_of(b, api), NULL, api, NULL};
		struct sbuf via = SBUF_INIT;
		if (!iac_is(role, IC_ROLE) || strmap_get(used, role->id) ||
		    iac_role_users(b, role)->n || !trusted_by(b, role, "apigateway.amazonaws.com"))
			continue;
		sbuf_addf(&via, "%s, a role API Gateway assumes", role->id);
		rf.via = iac_strdup(b->doc, via.buf);
		iac_each_role_grant(b, role, grant_flow, &rf);
		sbuf_release(&via);
	}
}

static void api_flows(struct iac_build *b, struct strmap *used)
{
	size_t i;

	for (i = 0; i < b->doc->nres; i++) {
		const struct iac_res *r = b->doc->res[i];
		if (iac_is(r, IC_API_METHOD) || iac_is(r, IC_API_INTEGRATION)) {
			integration(b, r, used);
			credential_flows(b, r, used);
		} else if (iac_is(r, IC_AUTHORIZER)) {
			const char *api = iac_element_named(b, iac_fact(r, IF_TARGET));
			flows_for(b, iac_fact(r, IF_URI), api, NULL, "Authorize request",
				  "Lambda Invoke", r, iac_fact_line(r, IF_URI), r->id);
			flows_for(b, iac_fact(r, IF_SOURCE), api, NULL, "Validate tokens", "HTTPS",
				  r, iac_fact_line(r, IF_SOURCE), r->id);
		} else if (iac_is(r, IC_REST_API) || iac_is(r, IC_HTTP_API)) {
			sam_authorizers(b, r);
			fact_flows(b, r, IF_URI, "Invoke", "Lambda Invoke", 0);
		} else if (iac_is(r, IC_FUNCTION_URL)) {
			flows_for(b, iac_fact(r, IF_TARGET), iac_element_of(b, r), NULL, "Invoke",
				  "Lambda Invoke", r, iac_fact_line(r, IF_TARGET),
				  "TargetFunctionArn");
		} else if (iac_is(r, IC_DATA_SOURCE)) {
			flows_for(b, iac_fact(r, IF_DEST),
				  iac_element_named(b, iac_fact(r, IF_TARGET)), NULL, "Resolve",
				  "AWS API", r, iac_fact_line(r, IF_DEST),
				  fact_text(b, r, IF_DEST));
		}
	}
	unclaimed_api_roles(b, used);
}

/* A load balancer's listeners, their target groups, and the functions registered there. */
static void lb_flows(struct iac_build *b, const struct iac_res *lb)
{
	const struct reslist *listeners = iac_helpers(b, lb);
	const char *self = iac_element_of(b, lb);
	size_t i, j;

	for (i = 0; i < listeners->n; i++) {
		const struct iac_res *l = listeners->items[i];
		struct iac_res *tg = iac_target(b, iac_fact(l, IF_DEST));
		const struct reslist *att;
		if (!iac_is(l, IC_LB_LISTENER) || !tg)
			continue;
		flows_for(b, iac_fact(tg, IF_DEST), self, NULL, "Invoke", "HTTPS", tg,
			  iac_fact_line(tg, IF_DEST), "Targets");
		att = iac_helpers(b, tg);
		for (j = 0; j < att->n; j++)
			if (iac_is(att->items[j], IC_TARGET_ATTACHMENT))
				flows_for(b, iac_fact(att->items[j], IF_DEST), self, NULL, "Invoke",
					  "HTTPS", att->items[j], att->items[j]->line, "target_id");
	}
}

/* --- what runs: permissions, environment, state machine tasks --- */

static void grant_flows(struct iac_build *b, const struct iac_res *r)
{
	struct role_flow rf = {b, iac_element_of(b, r), NULL, r, NULL};

	if (rf.from)
		iac_each_grant(b, r, grant_flow, &rf);
}

static void env_flows(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_value *env = iac_fact(r, IF_ENV);
	const char *self = iac_element_of(b, r);
	size_t i;

	if (env && env->kind != IAC_MAP) /* Terraform: references known only as a whole */
		flows_for(b, env, self, NULL, NULL, "AWS API", r, iac_fact_line(r, IF_ENV),
			  "Environment");
	for (i = 0; env && env->kind == IAC_MAP && i < env->count; i++) {
		struct sbuf p = SBUF_INIT;
		if (str_eq(env->keys[i], "~refs"))
			sbuf_addstr(&p, "Environment");
		else
			sbuf_addf(&p, "Environment %s", env->keys[i]);
		flows_for(b, env->items[i], self, NULL, NULL, "AWS API", r,
			  env->key_lines ? env->key_lines[i] : env->items[i]->line,
			  iac_strdup(b->doc, p.buf));
		sbuf_release(&p);
	}
}

/* A Task's service integration: "arn:aws:states:::dynamodb:putItem" and its parameter. */
static void sfn_task(struct iac_build *b, const struct iac_res *sm, const char *resource,
		     const struct iac_value *params, const struct iac_value *subst, int line)
{
	static const struct {
		const char *service, *param;
	} keys[] = {
	    {"lambda", "FunctionName"}, {"dynamodb", "TableName"},
	    {"sqs", "QueueUrl"},        {"sns", "TopicArn"},
	    {"events", "Entries"},      {"states", "StateMachineArn"},
	    {"s3", "Bucket"},           {"firehose", "DeliveryStreamName"},
	};
	const char *self = iac_element_of(b, sm);
	char service[32] = "", action[64] = "";
	const struct iac_value *target = NULL;
	struct iac_res *r = NULL;
	size_t i;

	if (str_starts_with(resource, "arn:aws:states:::")) {
		const char *s = resource + strlen("arn:aws:states:::");
		size_t n = strcspn(s, ":");
		if (n < sizeof(service) && s[n] == ':') {
			memcpy(service, s, n);
			service[n] = '\0';
			snprintf(action, sizeof(action), "%.*s", (int)strcspn(s + n + 1, ".:"),
				 s + n + 1);
		}
		for (i = 0; i < ARRAY_SIZE(keys); i++)
			if (str_eq(keys[i].service, service)) {
				target = iac_get(params, keys[i].param);
				if (!target) { /* "TableName.$": a value from the state's input */
					struct sbuf k = SBUF_INIT;
					sbuf_addf(&k, "%s.$", keys[i].param);
					target = iac_get(params, k.buf);
					sbuf_release(&k);
					if (target)
						return; /* known only at run time */
				}
			}
	}
	if (iac_scalar(target) && str_starts_with(target->str, "${")) {
		char name[128];
		size_t n = strcspn(target->str + 2, "}");
		if (n < sizeof(name)) {
			memcpy(name, target->str + 2, n);
			name[n] = '\0';
			r = iac_get(subst, name) ? iac_target(b, iac_get(subst, name))
						 : iac_doc_res(b->doc, name);
		}
	} else if (target) {
		r = iac_target(b, target);
	} else if (!service[0]) { /* Resource names a function itself */
		if (str_starts_with(resource, "${")) {
			char name[128];
			size_t n = strcspn(resource + 2, "}");
			if (n < sizeof(name)) {
				memcpy(name, resource + 2, n);
				name[n] = '\0';
				r = iac_get(subst, name) ? iac_target(b, iac_get(subst, name))
							 : iac_doc_res(b->doc, name);
			}
		} else {
			r = iac_target_by_name(b, resource);
		}
	}
	if (!iac_element_of(b, r))
		return;
	{
		struct sbuf p = SBUF_INIT;
		bool invoke = iac_is(r, IC_FUNCTION) || iac_is(r, IC_STATE_MACHINE);
		unsigned access =
		    invoke ? 0
		    : (str_starts_with(action, "get") || str_starts_with(action, "query") ||
		       str_starts_with(action, "scan") || str_starts_with(action, "receive"))
			? IAC_READ
			: IAC_WRITE;
		sbuf_addf(&p, "Definition Task %s", resource);
		iac_flow(b, self, iac_element_of(b, r), invoke ? "Invoke" : NULL,
			 invoke ? "Lambda Invoke" : "AWS API", access, sm, line,
			 iac_strdup(b->doc, p.buf));
		sbuf_release(&p);
	}
}

static void sfn_walk(struct iac_build *b, const struct iac_res *sm, const struct iac_value *v,
		     const struct iac_value *subst, int line, int depth)
{
	size_t i;
	const char *resource;

	if (!v || depth > 48)
		return;
	if (v->kind == IAC_MAP && (resource = iac_literal(b->doc, iac_get(v, "Resource"))))
		sfn_task(b, sm, resource,
			 iac_get(v, "Parameters") ? iac_get(v, "Parameters")
						  : iac_get(v, "Arguments"),
			 subst, line ? line : v->line);
	for (i = 0; (v->kind == IAC_MAP || v->kind == IAC_LIST) && i < v->count; i++)
		sfn_walk(b, sm, v->items[i], subst, line, depth + 1);
}

static void sfn_flows(struct iac_build *b, const struct iac_res *sm)
{
	const struct iac_value *def = iac_fact(sm, IF_DEFINITION);
	const struct iac_value *subst = iac_fact(sm, IF_SUBST);
	const struct iac_value *parsed = def;
	int line = iac_fact_line(sm, IF_DEFINITION);

	if (!def)
		return;
	if (def->kind == IAC_SUB && def->count && iac_scalar(def->items[0])) {
		parsed = iac_parse_json_string(b->doc, def->items[0]);
		subst = def->count > 1 ? def->items[1] : subst;
	} else if (iac_scalar(def)) {
		parsed = iac_parse_json_string(b->doc, def);
	} else if (def->kind == IAC_FN && str_eq(def->str, "Join")) {
		parsed = NULL; /* a definition joined from pieces: its references still count */
	}
	if (parsed && parsed->kind == IAC_MAP)
		sfn_walk(b, sm, parsed, subst, def == parsed ? 0 : line, 0);
	/* references the walk could not place (a Join, Terraform's references) */
	flows_for(b, def, iac_element_of(b, sm), NULL, NULL, "AWS API", sm, line, "Definition");
	flows_for(b, subst, iac_element_of(b, sm), NULL, NULL, "AWS API", sm, line,
		  "DefinitionSubstitutions");
}

/* --- deliveries, dead letters and logs --- */

static void failure_flows(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_value *cfg = iac_fact(r, IF_INVOKE_CONFIG);
	const char *self = iac_element_of(b, r);
	const struct reslist *h = iac_helpers(b, r);
	size_t i;

	fact_flows(b, r, IF_DLQ, "Dead letters", "AWS API", IAC_WRITE);
	flows_for(b, iac_path(cfg, "DestinationConfig.OnFailure"), self, NULL, "Failed events",
		  "AWS API", r, iac_fact_line(r, IF_INVOKE_CONFIG), "EventInvokeConfig OnFailure");
	flows_for(b, iac_path(cfg, "DestinationConfig.OnSuccess"), self, NULL, "Results", "AWS API",
		  r, iac_fact_line(r, IF_INVOKE_CONFIG), "EventInvokeConfig OnSuccess");
	for (i = 0; i < h->n; i++)
		if (iac_is(h->items[i], IC_INVOKE_CONFIG))
			flows_for(b, iac_fact(h->items[i], IF_DLQ), self, NULL, "Failed events",
				  "AWS API", h->items[i], iac_fact_line(h->items[i], IF_DLQ),
				  fact_text(b, h->items[i], IF_DLQ));
}

/* A queue's RedrivePolicy: a map, JSON text (Terraform) or a reference. */
static void redrive_flows(struct iac_build *b, const struct iac_res *q,
			  const struct iac_res *holder)
{
	const struct iac_value *v = iac_fact(holder, IF_REDRIVE);
	const struct iac_value *parsed = iac_scalar(v) ? iac_parse_json_string(b->doc, v) : v;

	if (parsed && parsed->kind == IAC_MAP && iac_get(parsed, "deadLetterTargetArn"))
		parsed = iac_get(parsed, "deadLetterTargetArn");
	flows_for(b, parsed, iac_element_of(b, q), NULL, "Dead letters", "SQS", holder,
		  iac_fact_line(holder, IF_REDRIVE), fact_text(b, holder, IF_REDRIVE));
}

/* Logs: where a resource (or a helper of it, such as a stage) sends them. */
static void log_flows(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_res *owner = r;

	if (!iac_fact(r, IF_LOGGING))
		return;
	if (!iac_element_of(b, r)) /* a stage or logging setting: the element it belongs to */
		owner = iac_target(b, iac_fact(r, IF_TARGET));
	flows_for(b, iac_fact(r, IF_LOGGING), iac_element_of(b, owner), NULL, "Logs",
		  iac_is(owner, IC_FUNCTION) ? "CloudWatch Logs" : "AWS API", r,
		  iac_fact_line(r, IF_LOGGING), fact_text(b, r, IF_LOGGING));
}

/* A log group named after a function: /aws/lambda/<name>, or a Sub naming the function. */
static void function_log_group(struct iac_build *b, const struct iac_res *lg)
{
	const struct iac_value *name = iac_fact(lg, IF_NAME);
	const char *lit = iac_literal(b->doc, name);
	struct iac_res *fn = NULL;

	if (name && name->kind == IAC_SUB)
		fn = iac_ref_res(b->doc, name);
	else if (lit && str_starts_with(lit, "/aws/lambda/"))
		fn = iac_target_named(b, lit + strlen("/aws/lambda/"), IC_FUNCTION);
	if (iac_is(fn, IC_FUNCTION))
		iac_flow(b, iac_element_of(b, fn), iac_element_of(b, lg), "Logs", "CloudWatch Logs",
			 0, lg, iac_fact_line(lg, IF_NAME), fact_text(b, lg, IF_NAME));
}

static void cdn_flows(struct iac_build *b, const struct iac_res *cdn)
{
	const struct iac_value *origins = iac_fact(cdn, IF_DEST);
	const char *self = iac_element_of(b, cdn);
	size_t i;

	for (i = 0; origins && origins->kind == IAC_LIST && i < origins->count; i++) {
		const struct iac_value *o = origins->items[i];
		const struct iac_value *d = iac_get(o, "DomainName");
		flows_for(b, d ? d : iac_get(o, "domain_name"), self, NULL, "Origin requests",
			  "HTTPS", cdn, o->line, "DistributionConfig.Origins DomainName");
	}
}

/* --- callers --- */

static bool is_private_api(const struct iac_build *b, const struct iac_res *r)
{
	const struct iac_value *e = iac_fact(r, IF_ENDPOINT);
	size_t i;

	if (str_eq(iac_literal(b->doc, e), "PRIVATE"))
		return true;
	for (i = 0; e && e->kind == IAC_LIST && i < e->count; i++)
		if (str_eq(iac_literal(b->doc, e->items[i]), "PRIVATE"))
			return true;
	return false;
}

static void callers(struct iac_build *b, const struct iac_res *r)
{
	const char *scheme = iac_literal(b->doc, iac_fact(r, IF_INTERNAL));

	switch (r->map->cls) {
	case IC_REST_API:
		if (!is_private_api(b, r))
			iac_caller(b, r, "HTTPS");
		break;
	case IC_HTTP_API:
		iac_caller(b, r,
			   str_eq(iac_literal(b->doc, iac_fact(r, IF_PROTOCOL)), "WEBSOCKET")
			       ? "WSS"
			       : "HTTPS");
		break;
	case IC_LOAD_BALANCER:
		if (!str_eq(scheme, "internal") && !iac_true(b->doc, iac_fact(r, IF_INTERNAL)))
			iac_caller(b, r, "HTTPS");
		break;
	case IC_FUNCTION_URL:
	case IC_CDN:
	case IC_GRAPHQL_API:
	case IC_USER_POOL:
		iac_caller(b, r, "HTTPS");
		break;
	default:
		break;
	}
}

void iac_flows(struct iac_build *b)
{
	struct strmap used = STRMAP_INIT; /* roles integrations use as their credentials */
	size_t i;

	for (i = 0; i < b->doc->nres; i++)
		if (b->doc->res[i]->map)
			callers(b, b->doc->res[i]);
	api_flows(b, &used);
	/* event sources before permissions: a poller's read permission joins its event flow */
	for (i = 0; i < b->doc->nres; i++) {
		const struct iac_res *r = b->doc->res[i];
		if (!r->map)
			continue;
		resource_sources(b, r);
		log_flows(b, r);
		if (iac_is(r, IC_FUNCTION) || iac_is(r, IC_STATE_MACHINE))
			sam_events(b, r);
		if (iac_is(r, IC_FUNCTION))
			failure_flows(b, r);
		if (iac_is(r, IC_STATE_MACHINE))
			sfn_flows(b, r);
		if (iac_is(r, IC_QUEUE))
			redrive_flows(b, r, r);
		if (iac_is(r, IC_STORE_SETTING) && iac_fact(r, IF_REDRIVE))
			redrive_flows(b, iac_target(b, iac_fact(r, IF_TARGET)), r);
		if (iac_is(r, IC_LOG_GROUP))
			function_log_group(b, r);
		if (iac_is(r, IC_CDN))
			cdn_flows(b, r);
		if (iac_is(r, IC_LOAD_BALANCER))
			lb_flows(b, r);
	}
	for (i = 0; i < b->doc->nres; i++) {
		const struct iac_res *r = b->doc->res[i];
		if (iac_is(r, IC_FUNCTION) || iac_is(r, IC_STATE_MACHINE) || iac_is(r, IC_PIPE))
			grant_flows(b, r);
		if (iac_is(r, IC_FUNCTION))
			env_flows(b, r);
	}
	strmap_clear(&used);
}
