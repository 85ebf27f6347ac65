/*
 * The evidence rules: questionnaire answers the code settles, each with the file:line and the
 * property that settles it (stridewalk-iac(5) lists every rule). A rule answers only what the
 * file shows; where the answer depends on something the file cannot show, it stays for the
 * team. Secret values are never copied into the evidence.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "iac_build.h"
#include "util.h"

static void say(struct iac_build *b, const struct iac_res *r, const char *qn, const char *q,
		const char *value, const struct iac_res *holder, int line, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

static void say(struct iac_build *b, const struct iac_res *r, const char *qn, const char *q,
		const char *value, const struct iac_res *holder, int line, const char *fmt, ...)
{
	struct sbuf text = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&text, fmt, ap);
	va_end(ap);
	iac_answer(b, iac_element_of(b, r), qn, q, value, holder ? holder : r,
		   line ? line : r->line, text.buf);
	sbuf_release(&text);
}

/* "Timeout: 900": a fact's path and value, for evidence. */
static void fact_says(const struct iac_res *r, enum iac_fact f, struct sbuf *out)
{
	char path[128];
	const char *p = iac_fact_path(r, f, path, sizeof(path));

	iac_prop_text(p ? p : "?", iac_fact(r, f), out);
}

static const char *text_of_fact(const struct iac_res *r, enum iac_fact f, struct sbuf *buf)
{
	sbuf_reset(buf);
	fact_says(r, f, buf);
	return buf->buf;
}

/* --- identity --- */

struct grant_scan {
	const struct iac_build *b;
	size_t count;
	bool unknown;
	const struct iac_grant *wild, *iam, *broad;
	struct iac_grant wild_copy, iam_copy, broad_copy;
};

static void scan_grant(const struct iac_grant *g, void *arg)
{
	struct grant_scan *s = arg;

	s->count++;
	if (g->unknown && !g->managed) {
		s->unknown = true;
		return;
	}
	if (g->unknown)
		s->unknown = true;
	if (!s->wild && (iac_grant_wildcard_action(g) || iac_grant_wildcard_resource(g))) {
		s->wild_copy = *g;
		s->wild = &s->wild_copy;
	}
	if (!s->iam && iac_grant_iam_write(g)) {
		s->iam_copy = *g;
		s->iam = &s->iam_copy;
	}
	if (!s->broad && g->managed && iac_managed_broad(g->managed)) {
		s->broad_copy = *g;
		s->broad = &s->broad_copy;
	}
}

static void grant_text(const struct iac_grant *g, struct sbuf *out)
{
	sbuf_addstr(out, g->where ? g->where : "policy");
	if (g->managed)
		return;
	if (g->actions) {
		sbuf_addstr(out, g->not_action ? ", NotAction: " : ", Action: ");
		iac_value_text(g->actions, out);
	}
	if (g->resources) {
		sbuf_addstr(out, ", Resource: ");
		iac_value_text(g->resources, out);
	}
}

static void role_per_function(struct iac_build *b, const struct iac_res *fn)
{
	struct iac_res *role = iac_role_of(b, fn);
	struct sbuf t = SBUF_INIT;

	if (role) {
		const struct reslist *users = iac_role_users(b, role);
		size_t i;
		if (users->n > 1) { /* a state machine or pipe under the same role shares it too */
			sbuf_addf(&t, "Role: %s, shared by", role->id);
			for (i = 0; i < users->n; i++)
				sbuf_addf(&t, "%s %s", i ? "," : "", users->items[i]->id);
			say(b, fn, "identity", "role-per-function", "no", fn,
			    iac_fact_line(fn, IF_ROLE), "%s", t.buf);
		} else {
			say(b, fn, "identity", "role-per-function", "yes", fn,
			    iac_fact_line(fn, IF_ROLE), "Role: %s, used by this function only",
			    role->id);
		}
	} else if (!iac_fact(fn, IF_ROLE) && fn->map->facts[IF_POLICIES]) {
		say(b, fn, "identity", "role-per-function", "yes", fn, fn->line,
		    "no Role: SAM creates an execution role for this function alone");
	}
	sbuf_release(&t);
}

static void identity(struct iac_build *b, const struct iac_res *fn)
{
	struct grant_scan s;
	struct sbuf t = SBUF_INIT;

	memset(&s, 0, sizeof(s));
	s.b = b;
	role_per_function(b, fn);
	iac_each_grant(b, fn, scan_grant, &s);
	if (s.wild) {
		grant_text(s.wild, &t);
		say(b, fn, "identity", "wildcard-permissions", "yes", s.wild->holder, s.wild->line,
		    "%s", t.buf);
	} else if (!s.unknown && (s.count || fn->map->facts[IF_POLICIES])) {
		say(b, fn, "identity", "wildcard-permissions", "no", fn,
		    iac_fact_line(fn, iac_fact(fn, IF_ROLE) ? IF_ROLE : IF_POLICIES),
		    "every statement names its actions and resources");
	}
	sbuf_reset(&t);
	if (s.iam) {
		grant_text(s.iam, &t);
		say(b, fn, "identity", "iam-write", "yes", s.iam->holder, s.iam->line, "%s", t.buf);
	} else if (!s.unknown && (s.count || fn->map->facts[IF_POLICIES])) {
		say(b, fn, "identity", "iam-write", "no", fn,
		    iac_fact_line(fn, iac_fact(fn, IF_ROLE) ? IF_ROLE : IF_POLICIES),
		    "no iam: or sts:AssumeRole action in its policies");
	}
	if (s.broad)
		say(b, fn, "identity", "permission-origin", "managed-broad", s.broad->holder,
		    s.broad->line, "%s", s.broad->where);
	sbuf_release(&t);
}

/* Permissions on the function: every one limited to a source, or not. */
static void invoke_restricted(struct iac_build *b, const struct iac_res *fn)
{
	const struct reslist *h = iac_helpers(b, fn);
	const struct iac_res *open = NULL;
	size_t i, n = 0;

	for (i = 0; i < h->n; i++) {
		const struct iac_res *p = h->items[i];
		const char *principal = iac_literal(b->doc, iac_fact(p, IF_PRINCIPAL));
		if (!iac_is(p, IC_PERMISSION))
			continue;
		n++;
		if (!open && (str_eq(principal, "*") ||
			      (!iac_fact(p, IF_SOURCE) && !iac_get(p->props, "SourceAccount") &&
			       !iac_get(p->props, "source_account"))))
			open = p;
	}
	if (open)
		say(b, fn, "identity", "invoke-restricted", "no", open, open->line,
		    "%s: Principal %s without SourceArn or SourceAccount", open->id,
		    iac_literal(b->doc, iac_fact(open, IF_PRINCIPAL))
			? iac_literal(b->doc, iac_fact(open, IF_PRINCIPAL))
			: "?");
	else if (n)
		say(b, fn, "identity", "invoke-restricted", "yes", h->items[0], h->items[0]->line,
		    "every Lambda permission names its SourceArn or SourceAccount");
}

/* --- secrets --- */

static bool word_in(const char *upper, const char *word)
{
	return strstr(upper, word) != NULL;
}

/* DB_PASSWORD, API_KEY, CLIENT_SECRET; not DB_SECRET_ARN or TOKEN_TTL, which name or size one. */
static bool secret_name(const char *name)
{
	static const char *const words[] = {"PASSWORD",   "PASSWD",   "SECRET",      "TOKEN",
					    "API_KEY",    "APIKEY",   "PRIVATE_KEY", "ACCESS_KEY",
					    "CREDENTIAL", "AUTH_KEY", "PWD"};
	static const char *const not_values[] = {"_ARN",    "_NAME",      "_ID",  "_PATH",
						 "_PARAM",  "_PARAMETER", "_TTL", "_EXPIRY",
						 "_LENGTH", "_HEADER",    "_URL", "_REGION"};
	char upper[128];
	size_t i, n = strlen(name);

	if (n >= sizeof(upper))
		n = sizeof(upper) - 1;
	for (i = 0; i < n; i++)
		upper[i] = (char)toupper((unsigned char)name[i]);
	upper[n] = '\0';
	for (i = 0; i < ARRAY_SIZE(not_values); i++)
		if (str_ends_with(upper, not_values[i]))
			return false;
	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (word_in(upper, words[i]))
			return true;
	return false;
}

enum secret_kind { SECRET_NONE, SECRET_STORE, SECRET_PLAIN };

struct secret_find {
	enum secret_kind kind;
	const char *var;
	int line;
	char how[160];
	bool literal; /* written in the template itself */
};

static void env_secret(struct iac_build *b, const char *name, const struct iac_value *v, int line,
		       struct secret_find *f)
{
	struct iac_res *target = iac_target(b, v);
	const char *lit = iac_scalar(v);
	const struct iac_param *p = v->kind == IAC_REF ? iac_doc_param(b->doc, v->str) : NULL;

	if (iac_is(target, IC_SECRET) || iac_is(target, IC_PARAMETER)) {
		if (f->kind == SECRET_NONE) {
			f->kind = SECRET_STORE;
			f->var = name;
			f->line = line;
			snprintf(f->how, sizeof(f->how), "names %s, read at run time", target->id);
		}
		return;
	}
	if (!secret_name(name) || f->kind == SECRET_PLAIN)
		return;
	if (lit && (strstr(lit, "{{resolve:") || strstr(lit, "${ssm:") || strstr(lit, "${sm:"))) {
		snprintf(f->how, sizeof(f->how),
			 "a secret resolved into the environment at deploy");
	} else if (lit && *lit) {
		snprintf(f->how, sizeof(f->how), "a literal value (%zu characters)", strlen(lit));
		f->literal = true;
	} else if (p) {
		snprintf(f->how, sizeof(f->how), "!Ref %s (%sparameter%s)", p->name,
			 p->no_echo ? "a NoEcho " : "a ", p->def ? " with a Default" : "");
		f->literal = p->def != NULL;
	} else if (v->kind == IAC_SUB && v->count && iac_scalar(v->items[0]) &&
		   strstr(v->items[0]->str, "{{resolve:")) {
		snprintf(f->how, sizeof(f->how),
			 "a secret resolved into the environment at deploy");
	} else {
		return;
	}
	f->kind = SECRET_PLAIN;
	f->var = name;
	f->line = line;
}

static void secrets(struct iac_build *b, const struct iac_res *fn)
{
	const struct iac_value *env = iac_fact(fn, IF_ENV);
	struct secret_find f;
	size_t i;
	bool static_keys = false;
	int static_line = 0;
	const char *static_var = NULL;

	memset(&f, 0, sizeof(f));
	for (i = 0; env && env->kind == IAC_MAP && i < env->count; i++) {
		int line = env->key_lines ? env->key_lines[i] : env->items[i]->line;
		env_secret(b, env->keys[i], env->items[i], line, &f);
		if ((str_eq(env->keys[i], "AWS_ACCESS_KEY_ID") ||
		     str_eq(env->keys[i], "AWS_SECRET_ACCESS_KEY") ||
		     str_ends_with(env->keys[i], "SECRET_ACCESS_KEY")) &&
		    !static_keys && iac_scalar(env->items[i]) && *env->items[i]->str) {
			static_keys = true;
			static_line = line;
			static_var = env->keys[i];
		}
	}
	if (static_keys)
		say(b, fn, "identity", "credential-source", "static", fn, static_line,
		    "Environment.Variables.%s: a literal key", static_var);
	if (f.kind == SECRET_PLAIN) {
		say(b, fn, "secrets", "secret-location", "plain-settings", fn, f.line,
		    "Environment.Variables.%s: %s", f.var, f.how);
		say(b, fn, "secrets", "config-readers", "yes", fn, f.line,
		    "Environment.Variables.%s: %s", f.var, f.how);
		if (f.literal)
			say(b, fn, "secrets", "deploy-secrets", "no", fn, f.line,
			    "Environment.Variables.%s: %s", f.var, f.how);
	} else if (f.kind == SECRET_STORE) {
		say(b, fn, "secrets", "secret-location", "secret-store", fn, f.line,
		    "Environment.Variables.%s: %s", f.var, f.how);
	}
}

/* --- connectivity, cost, logging, errors, dependencies --- */

static const struct iac_res *url_of(const struct iac_build *b, const struct iac_res *fn)
{
	size_t i;

	for (i = 0; i < b->doc->nres; i++)
		if (iac_is(b->doc->res[i], IC_FUNCTION_URL) &&
		    iac_target(b, iac_fact(b->doc->res[i], IF_TARGET)) == fn)
			return b->doc->res[i];
	return NULL;
}

/* The flows into an element whose source is of catalog type `types` (comma-separated). */
static const struct element *flow_in_from(const struct iac_build *b, const char *to,
					  const char *const *types)
{
	size_t i, j;

	for (i = 0; i < b->m->nelements; i++) {
		const struct element *f = b->m->elements[i];
		const struct element *from;
		if (f->kind != KIND_DATA_FLOW || !str_eq(f->to, to))
			continue;
		from = model_element(b->m, f->from);
		for (j = 0; from && types[j]; j++)
			if (str_eq(from->type, types[j]))
				return f;
	}
	return NULL;
}

static const char *answer_of(const struct iac_build *b, const char *element, const char *qn,
			     const char *q)
{
	const struct answer *a = model_answer(b->m, element, qn, q);

	return a ? a->value : NULL;
}

static void public_paths(struct iac_build *b, const struct iac_res *fn)
{
	static const char *const entries[] = {"aws.apigateway", "aws.function-url", "aws.elb",
					      "aws.appsync", NULL};
	const char *self = iac_element_of(b, fn);
	const char *worst = NULL, *why = NULL;
	const struct element *via = NULL;
	size_t i;

	for (i = 0; i < b->m->nelements; i++) {
		const struct element *f = b->m->elements[i];
		const struct element *from;
		const char *auth, *value;
		size_t j;
		bool entry = false;
		if (f->kind != KIND_DATA_FLOW || !str_eq(f->to, self) ||
		    !(from = model_element(b->m, f->from)))
			continue;
		for (j = 0; entries[j]; j++)
			entry |= str_eq(from->type, entries[j]);
		if (!entry || !model_element(b->m, f->from))
			continue;
		auth = answer_of(b, from->id, "api-edge", "route-auth");
		value = str_eq(auth, "none") || str_eq(auth, "api-key-only") ? "public-unauth"
			: str_eq(from->type, "aws.function-url")             ? "direct-auth"
									     : "gateway-auth";
		if (!worst || str_eq(value, "public-unauth")) {
			worst = value;
			why = auth;
			via = f;
		}
	}
	/* without an entry point in the file, other callers (another account) may still exist */
	if (via)
		say(b, fn, "connectivity", "public-paths", worst, fn,
		    via->origin ? via->origin->line : 0, "%s reaches it (%s)", via->from,
		    why ? why : "route auth not in the file");
}

static void network(struct iac_build *b, const struct iac_res *fn)
{
	const struct iac_res *url = url_of(b, fn);
	const struct iac_value *vpc = iac_fact(fn, IF_VPC);
	bool in_vpc = vpc && vpc->kind != IAC_NULL && !(vpc->kind == IAC_LIST && !vpc->count);
	struct sbuf t = SBUF_INIT;

	if (url) {
		const char *auth = iac_literal(b->doc, iac_fact(url, IF_AUTH));
		say(b, fn, "connectivity", "aws-url-none", str_eq(auth, "NONE") ? "yes" : "no", url,
		    iac_fact_line(url, IF_AUTH), "%s AuthType: %s", url->id, auth ? auth : "?");
	} else {
		say(b, fn, "connectivity", "aws-url-none", "no", fn, fn->line, "no function URL");
	}
	public_paths(b, fn);
	if (in_vpc) {
		say(b, fn, "connectivity", "private-network", "yes", fn, iac_fact_line(fn, IF_VPC),
		    "%s", text_of_fact(fn, IF_VPC, &t));
	} else {
		say(b, fn, "connectivity", "private-network", "no", fn, fn->line, "no VpcConfig");
		say(b, fn, "connectivity", "egress", "open", fn, fn->line,
		    "no VpcConfig: the function reaches the internet directly");
	}
	sbuf_release(&t);
}

static void wallet(struct iac_build *b, const struct iac_res *fn)
{
	const struct iac_value *reserved = iac_fact(fn, IF_RESERVED);
	long timeout = iac_num(b->doc, iac_fact(fn, IF_TIMEOUT), -1);
	long memory = iac_num(b->doc, iac_fact(fn, IF_MEMORY), -1);
	bool terraform = iac_is_terraform(fn->map);
	struct sbuf t = SBUF_INIT;

	if (reserved && iac_num(b->doc, reserved, -1) >= 0) {
		text_of_fact(fn, IF_RESERVED, &t);
		say(b, fn, "denial-of-wallet", "concurrency-cap", "yes", fn,
		    iac_fact_line(fn, IF_RESERVED), "%s", t.buf);
		say(b, fn, "denial-of-wallet", "shared-pool", "no", fn,
		    iac_fact_line(fn, IF_RESERVED), "%s", t.buf);
	} else if (!reserved || iac_num(b->doc, reserved, 0) < 0) {
		say(b, fn, "denial-of-wallet", "concurrency-cap", "no", fn, fn->line,
		    "no reserved concurrency");
		say(b, fn, "denial-of-wallet", "shared-pool", "yes", fn, fn->line,
		    "no reserved concurrency: it draws on the account's shared pool");
	}
	if (timeout >= 300)
		say(b, fn, "denial-of-wallet", "timeout-memory", "maximum", fn,
		    iac_fact_line(fn, IF_TIMEOUT), "Timeout: %ld seconds (the most is 900)",
		    timeout);
	else if ((timeout < 0 && memory < 0) || (terraform && timeout == 3 && memory == 128))
		say(b, fn, "denial-of-wallet", "timeout-memory", "defaults", fn, fn->line,
		    "no Timeout or MemorySize: the platform defaults");
	sbuf_release(&t);
}

/* The log group a function writes to, when the file defines it: a flow to a log group. */
static const struct iac_res *log_group_of(const struct iac_build *b, const struct iac_res *fn)
{
	const char *self = iac_element_of(b, fn);
	size_t i;

	for (i = 0; i < b->m->nelements; i++) {
		const struct element *f = b->m->elements[i];
		const struct element *to;
		if (f->kind != KIND_DATA_FLOW || !str_eq(f->from, self) ||
		    !(to = model_element(b->m, f->to)) ||
		    !str_eq(to->type, "aws.cloudwatch-logs") || !to->origin)
			continue;
		return iac_doc_res(b->doc, to->origin->resource);
	}
	return NULL;
}

static void logging(struct iac_build *b, const struct iac_res *fn)
{
	const struct iac_res *lg = log_group_of(b, fn);
	const char *tracing = iac_literal(b->doc, iac_fact(fn, IF_TRACING));
	struct sbuf t = SBUF_INIT;

	if (!lg)
		say(b, fn, "logging", "retention", "not-set", fn, fn->line,
		    "no log group for it in the file: Lambda creates one that never expires");
	else if (!iac_fact(lg, IF_RETENTION) || iac_num(b->doc, iac_fact(lg, IF_RETENTION), 0) == 0)
		say(b, fn, "logging", "retention", "not-set", lg, lg->line,
		    "%s has no RetentionInDays", lg->id);
	if (str_eq(tracing, "Active") || iac_true(b->doc, iac_fact(fn, IF_TRACING)))
		say(b, fn, "logging", "tracing", "yes", fn, iac_fact_line(fn, IF_TRACING), "%s",
		    text_of_fact(fn, IF_TRACING, &t));
	else
		say(b, fn, "logging", "tracing", "no", fn,
		    iac_fact(fn, IF_TRACING) ? iac_fact_line(fn, IF_TRACING) : fn->line, "%s",
		    iac_fact(fn, IF_TRACING) ? text_of_fact(fn, IF_TRACING, &t) : "no tracing");
	sbuf_release(&t);
}

/* Whether failed events are kept: a DLQ, a failure destination, or the source queue's DLQ. */
static const struct iac_res *failure_capture(const struct iac_build *b, const struct iac_res *fn,
					     const struct element *trigger, int *line,
					     struct sbuf *why)
{
	const struct reslist *h = iac_helpers(b, fn);
	const struct element *src = trigger ? model_element(b->m, trigger->from) : NULL;
	bool polled = src && (str_eq(src->type, "aws.sqs") || str_eq(src->type, "aws.kinesis") ||
			      str_eq(src->type, "aws.dynamodb"));
	size_t i;

	/* a dead-letter queue or destination of the function keeps only what was invoked
	 * asynchronously; records polled from a queue or stream fail on the mapping */
	if (!polled && iac_fact(fn, IF_DLQ)) {
		*line = iac_fact_line(fn, IF_DLQ);
		fact_says(fn, IF_DLQ, why);
		return fn;
	}
	if (!polled && iac_path(iac_fact(fn, IF_INVOKE_CONFIG), "DestinationConfig.OnFailure")) {
		*line = iac_fact_line(fn, IF_INVOKE_CONFIG);
		sbuf_addstr(why, "EventInvokeConfig: an OnFailure destination");
		return fn;
	}
	for (i = 0; i < h->n; i++)
		if ((polled ? iac_is(h->items[i], IC_EVENT_SOURCE_MAPPING)
			    : iac_is(h->items[i], IC_INVOKE_CONFIG)) &&
		    iac_fact(h->items[i], IF_DLQ)) {
			*line = iac_fact_line(h->items[i], IF_DLQ);
			sbuf_addf(why, "%s: ", h->items[i]->id);
			fact_says(h->items[i], IF_DLQ, why);
			return h->items[i];
		}
	if (src && str_eq(src->type, "aws.sqs")) { /* the queue's own dead-letter queue */
		for (i = 0; i < b->doc->nres; i++) {
			const struct iac_res *q = b->doc->res[i];
			const struct iac_res *holder;
			if (!str_eq(q->slug, src->id))
				continue;
			if (iac_fact_of(b, q, IF_REDRIVE, &holder)) {
				*line = iac_fact_line(holder, IF_REDRIVE);
				sbuf_addf(why, "%s has a dead-letter queue (RedrivePolicy)", q->id);
				return holder;
			}
		}
	}
	return NULL;
}

static void errors(struct iac_build *b, const struct iac_res *fn)
{
	static const char *const async_types[] = {
	    "aws.s3", "aws.sns", "aws.eventbridge", "aws.sqs", "aws.kinesis", "aws.dynamodb", NULL};
	static const char *const sync_types[] = {"aws.apigateway", "aws.function-url", "aws.elb",
						 "aws.appsync",    "aws.cognito",      NULL};
	const char *self = iac_element_of(b, fn);
	const struct element *trigger = flow_in_from(b, self, async_types);
	struct sbuf why = SBUF_INIT;
	const struct iac_res *holder;
	int line = 0;

	if (trigger) {
		say(b, fn, "error-handling", "async-triggers", "yes", fn,
		    trigger->origin ? trigger->origin->line : 0, "%s triggers it (%s)",
		    trigger->from, trigger->name);
		holder = failure_capture(b, fn, trigger, &line, &why);
		if (holder)
			say(b, fn, "error-handling", "failed-events", "yes", holder, line, "%s",
			    why.buf);
		else
			say(b, fn, "error-handling", "failed-events", "no", fn, fn->line,
			    "no dead-letter queue or OnFailure destination for %s's events",
			    trigger->from);
	} else if (flow_in_from(b, self, sync_types)) {
		trigger = flow_in_from(b, self, sync_types);
		say(b, fn, "error-handling", "async-triggers", "no", fn,
		    trigger->origin ? trigger->origin->line : 0,
		    "only %s invokes it, synchronously", trigger->from);
	}
	sbuf_release(&why);
}

static void dependencies(struct iac_build *b, const struct iac_res *fn)
{
	static const char *const retired[] = {
	    "nodejs",        "nodejs4.3",  "nodejs6.10",    "nodejs8.10",    "nodejs10.x",
	    "nodejs12.x",    "nodejs14.x", "nodejs16.x",    "nodejs18.x",    "python2.7",
	    "python3.6",     "python3.7",  "python3.8",     "ruby2.5",       "ruby2.7",
	    "java8",         "go1.x",      "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1",
	    "dotnetcore3.1", "dotnet5.0",  "dotnet6",       "dotnet7",       "provided",
	};
	const char *runtime = iac_literal(b->doc, iac_fact(fn, IF_RUNTIME));
	const struct iac_value *signing = iac_fact(fn, IF_SIGNING);
	size_t i;

	for (i = 0; runtime && i < ARRAY_SIZE(retired); i++)
		if (str_eq(runtime, retired[i]))
			say(b, fn, "dependencies", "runtime-support", "no", fn,
			    iac_fact_line(fn, IF_RUNTIME),
			    "Runtime: %s, no longer supported by AWS Lambda", runtime);
	if (!signing) {
		say(b, fn, "dependencies", "code-signing", "no", fn, fn->line,
		    "no CodeSigningConfigArn");
	} else {
		const struct iac_res *cfg = iac_target(b, signing);
		const char *policy = iac_literal(b->doc, iac_fact(cfg, IF_AUTH));
		if (str_eq(policy, "Enforce"))
			say(b, fn, "dependencies", "code-signing", "yes", cfg,
			    iac_fact_line(cfg, IF_AUTH),
			    "%s: UntrustedArtifactOnDeployment Enforce", cfg->id);
		else if (str_eq(policy, "Warn"))
			say(b, fn, "dependencies", "code-signing", "no", cfg,
			    iac_fact_line(cfg, IF_AUTH),
			    "%s: UntrustedArtifactOnDeployment Warn (only warns)", cfg->id);
	}
}

static void function_evidence(struct iac_build *b, const struct iac_res *fn)
{
	identity(b, fn);
	invoke_restricted(b, fn);
	secrets(b, fn);
	network(b, fn);
	wallet(b, fn);
	logging(b, fn);
	errors(b, fn);
	dependencies(b, fn);
}

/* --- API entry points --- */

enum auth_rank { AUTH_NONE, AUTH_KEY, AUTH_OTHER };

struct route_auth {
	const char *value; /* the answer for the worst route so far */
	enum auth_rank rank;
	const struct iac_res *holder;
	int line;
	char why[200];
	size_t routes;
	bool any_key; /* some route needs an API key */
};

static void route(struct route_auth *ra, const char *value, bool api_key,
		  const struct iac_res *holder, int line, const char *why)
{
	enum auth_rank rank = str_eq(value, "none") ? (api_key ? AUTH_KEY : AUTH_NONE) : AUTH_OTHER;

	if (rank == AUTH_KEY)
		value = "api-key-only";
	ra->any_key |= api_key;
	ra->routes++;
	if (ra->value && rank >= ra->rank)
		return;
	ra->value = value;
	ra->rank = rank;
	ra->holder = holder;
	ra->line = line;
	snprintf(ra->why, sizeof(ra->why), "%s", why);
}

/* AuthorizationType: NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT. */
static const char *auth_answer(const struct iac_build *b, const char *type,
			       const struct iac_res *authorizer)
{
	const char *kind = authorizer ? iac_literal(b->doc, iac_fact(authorizer, IF_AUTH)) : NULL;

	if (!type || str_eq(type, "NONE"))
		return "none";
	if (str_eq(type, "AWS_IAM"))
		return "iam-signed";
	if (str_eq(type, "COGNITO_USER_POOLS") || str_eq(type, "JWT") ||
	    str_eq(kind, "COGNITO_USER_POOLS") || str_eq(kind, "JWT"))
		return "jwt";
	return "custom";
}

static void method_routes(struct iac_build *b, const struct iac_res *api, struct route_auth *ra)
{
	const struct reslist *h = iac_helpers(b, api);
	size_t i;

	for (i = 0; i < h->n; i++) {
		const struct iac_res *m = h->items[i];
		const char *type = iac_literal(b->doc, iac_fact(m, IF_AUTH));
		const char *verb = iac_literal(b->doc, iac_get(m->props, "HttpMethod"));
		const char *key = iac_literal(b->doc, iac_get(m->props, "RouteKey"));
		char why[200];
		if (!iac_is(m, IC_API_METHOD) && !iac_is(m, IC_API_ROUTE))
			continue;
		if (!verb)
			verb = iac_literal(b->doc, iac_get(m->props, "http_method"));
		if (!key)
			key = iac_literal(b->doc, iac_get(m->props, "route_key"));
		if (str_eq(verb, "OPTIONS") || (key && str_starts_with(key, "OPTIONS ")))
			continue; /* a CORS preflight answers without credentials by design */
		snprintf(why, sizeof(why), "%s AuthorizationType: %s%s", m->id,
			 type ? type : "NONE",
			 iac_true(b->doc, iac_fact(m, IF_API_KEY)) ? ", ApiKeyRequired: true" : "");
		route(ra, auth_answer(b, type, iac_target(b, iac_fact(m, IF_AUTHORIZER))),
		      iac_true(b->doc, iac_fact(m, IF_API_KEY)), m, iac_fact_line(m, IF_AUTH), why);
	}
}

/* A SAM authorizer name in the API's Auth.Authorizers, as an answer. */
static const char *sam_authorizer(const struct iac_build *b, const struct iac_res *api,
				  const char *name)
{
	const struct iac_value *a = iac_get(iac_get(iac_fact(api, IF_AUTH), "Authorizers"), name);

	if (!name || str_eq(name, "NONE"))
		return "none";
	if (str_eq(name, "AWS_IAM"))
		return "iam-signed";
	if (iac_get(a, "UserPoolArn") || iac_get(a, "JwtConfiguration"))
		return "jwt";
	return "custom";
}

static void event_routes(struct iac_build *b, const struct iac_res *api, struct route_auth *ra)
{
	const struct iac_value *auth = iac_fact(api, IF_AUTH);
	const char *def = iac_literal(b->doc, iac_get(auth, "DefaultAuthorizer"));
	bool api_key_all = iac_true(b->doc, iac_get(auth, "ApiKeyRequired"));
	size_t i, j;

	for (i = 0; i < b->doc->nres; i++) {
		const struct iac_res *fn = b->doc->res[i];
		const struct iac_value *events = iac_fact(fn, IF_EVENTS);
		for (j = 0; events && events->kind == IAC_MAP && j < events->count; j++) {
			const struct iac_value *ev = events->items[j],
					       *p = iac_get(ev, "Properties");
			const char *type = iac_literal(b->doc, iac_get(ev, "Type"));
			const struct iac_value *id =
			    iac_get(p, str_eq(type, "Api") ? "RestApiId" : "ApiId");
			const char *name = iac_literal(b->doc, iac_path(p, "Auth.Authorizer"));
			const char *method = iac_literal(b->doc, iac_get(p, "Method"));
			bool key =
			    api_key_all || iac_true(b->doc, iac_path(p, "Auth.ApiKeyRequired"));
			char why[200];
			if ((!str_eq(type, "Api") && !str_eq(type, "HttpApi")) ||
			    (id ? iac_target(b, id) != api
				: !str_eq(api->id, str_eq(type, "Api") ? "ServerlessRestApi"
								       : "ServerlessHttpApi")))
				continue;
			if (method && (str_eq(method, "options") || str_eq(method, "OPTIONS")))
				continue;
			snprintf(why, sizeof(why), "%s Events.%s: %s%s", fn->id, events->keys[j],
				 name  ? name
				 : def ? def
				       : "no authorizer",
				 key ? ", ApiKeyRequired" : "");
			route(ra, sam_authorizer(b, api, name ? name : def), key, fn,
			      events->key_lines ? events->key_lines[j] : ev->line, why);
		}
	}
}

static bool star_origin(const char *s)
{
	return s && (str_eq(s, "*") || str_eq(s, "'*'") || str_eq(s, "\"*\""));
}

/* Any-origin, an allow-list, or nothing said; *line and why get the evidence. */
static const char *cors_of(const struct iac_build *b, const struct iac_value *v, int *line)
{
	const char *lit = iac_literal(b->doc, v);
	size_t i;

	if (!v)
		return NULL;
	*line = v->line;
	if (lit)
		return star_origin(lit) || str_eq(lit, "true") ? "any-origin" : "allow-list";
	if (v->kind == IAC_LIST) {
		for (i = 0; i < v->count; i++)
			if (star_origin(iac_literal(b->doc, v->items[i])))
				return "any-origin";
		return v->count ? "allow-list" : NULL;
	}
	if (v->kind == IAC_MAP) {
		const struct iac_value *o = iac_get(v, "AllowOrigin");
		if (!o)
			o = iac_get(v, "AllowOrigins");
		if (!o)
			o = iac_get(v, "allow_origins");
		return cors_of(b, o, line);
	}
	return NULL;
}

static void method_cors(struct iac_build *b, const struct iac_res *api, const char **value,
			const struct iac_res **holder, int *line)
{
	const struct reslist *h = iac_helpers(b, api);
	size_t i, j, k;

	for (i = 0; i < h->n && !*value; i++) {
		const struct iac_value *responses = iac_fact(h->items[i], IF_CORS);
		for (j = 0; responses && responses->kind == IAC_LIST && j < responses->count; j++) {
			const struct iac_value *params =
			    iac_get(responses->items[j], "ResponseParameters");
			for (k = 0; params && params->kind == IAC_MAP && k < params->count; k++)
				if (str_eq(params->keys[k],
					   "method.response.header.Access-Control-Allow-Origin")) {
					*value = star_origin(iac_literal(b->doc, params->items[k]))
						     ? "any-origin"
						     : "allow-list";
					*holder = h->items[i];
					*line =
					    params->key_lines ? params->key_lines[k] : params->line;
				}
		}
	}
}

static void api_cors(struct iac_build *b, const struct iac_res *api)
{
	const char *value = NULL;
	const struct iac_res *holder = api;
	int line = 0;
	size_t i, j;

	value = cors_of(b, iac_fact(api, IF_CORS), &line);
	if (!value)
		method_cors(b, api, &value, &holder, &line);
	for (i = 0; i < b->doc->nres && !value; i++) { /* serverless.yml's cors: on an http event */
		const struct iac_value *events = iac_fact(b->doc->res[i], IF_EVENTS);
		for (j = 0; events && events->kind == IAC_MAP && j < events->count && !value; j++) {
			const struct iac_value *p = iac_get(events->items[j], "Properties");
			if (iac_target(b, iac_get(p, "RestApiId")) == api && iac_get(p, "Cors")) {
				value = cors_of(b, iac_get(p, "Cors"), &line);
				holder = b->doc->res[i];
			}
		}
	}
	if (value)
		say(b, api, "api-edge", "cors", value, holder, line, "%s: %s", holder->id,
		    str_eq(value, "any-origin") ? "Access-Control-Allow-Origin '*'"
						: "CORS names its origins");
}

static bool throttled(const struct iac_build *b, const struct iac_value *v)
{
	static const char *const keys[] = {
	    "ThrottlingRateLimit", "ThrottlingBurstLimit",  "RateLimit",
	    "BurstLimit",          "throttling_rate_limit", "throttling_burst_limit",
	    "rate_limit",          "burst_limit",           "rateLimit",
	    "burstLimit"};
	size_t i;

	if (!v)
		return false;
	if (v->kind == IAC_LIST) {
		for (i = 0; i < v->count; i++)
			if (throttled(b, v->items[i]))
				return true;
		return false;
	}
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if (iac_get(v, keys[i]) && iac_num(b->doc, iac_get(v, keys[i]), -1) >= 0)
			return true;
	return false;
}

static void api_limits(struct iac_build *b, const struct iac_res *api, bool api_key)
{
	const struct reslist *h = iac_helpers(b, api);
	const struct iac_res *th = throttled(b, iac_fact(api, IF_THROTTLE)) ? api : NULL;
	const struct iac_res *plan = NULL, *waf = NULL;
	size_t i;

	for (i = 0; i < h->n; i++) {
		if (!th && throttled(b, iac_fact(h->items[i], IF_THROTTLE)))
			th = h->items[i];
		if (!plan && iac_is(h->items[i], IC_USAGE_PLAN))
			plan = h->items[i];
	}
	if (!plan && iac_get(api->props, "ApiKeys")) /* serverless.yml's apiKeys and usagePlan */
		plan = api;
	for (i = 0; i < h->n; i++) {
		if (!waf && iac_is(h->items[i], IC_WAF_ASSOCIATION))
			waf = h->items[i];
	}
	if (th)
		say(b, api, "api-edge", "route-throttles", "yes", th,
		    iac_fact_line(th, IF_THROTTLE), "%s: rate and burst limits set", th->id);
	else
		say(b, api, "api-edge", "route-throttles", "no", api, api->line,
		    "no throttling on any stage, route or usage plan");
	if (plan && api_key)
		say(b, api, "denial-of-wallet", "per-client-limits", "yes", plan, plan->line,
		    "%s: a usage plan for API keys", plan->id);
	else if (!plan && !waf)
		say(b, api, "denial-of-wallet", "per-client-limits", "no", api, api->line,
		    "no usage plan or web ACL");
	if (waf)
		say(b, api, "api-edge", "waf", "yes", waf, waf->line, "%s associates a web ACL",
		    waf->id);
	else
		say(b, api, "api-edge", "waf", "no", api, api->line,
		    "no web ACL association names it");
}

static void api_evidence(struct iac_build *b, const struct iac_res *api)
{
	struct route_auth ra;

	memset(&ra, 0, sizeof(ra));
	method_routes(b, api, &ra);
	event_routes(b, api, &ra);
	if (ra.value)
		say(b, api, "api-edge", "route-auth", ra.value, ra.holder, ra.line, "%s", ra.why);
	api_cors(b, api);
	api_limits(b, api, ra.any_key);
}

static void url_evidence(struct iac_build *b, const struct iac_res *url)
{
	const char *auth = iac_literal(b->doc, iac_fact(url, IF_AUTH));
	int line = 0;
	const char *cors = cors_of(b, iac_fact(url, IF_CORS), &line);

	if (auth)
		say(b, url, "api-edge", "route-auth", str_eq(auth, "NONE") ? "none" : "iam-signed",
		    url, iac_fact_line(url, IF_AUTH), "AuthType: %s", auth);
	if (cors)
		say(b, url, "api-edge", "cors", cors, url, line, "Cors.AllowOrigins%s",
		    str_eq(cors, "any-origin") ? " '*'" : " lists its origins");
}

static void cdn_evidence(struct iac_build *b, const struct iac_res *cdn)
{
	if (iac_fact(cdn, IF_WAF))
		say(b, cdn, "api-edge", "waf", "yes", cdn, iac_fact_line(cdn, IF_WAF),
		    "DistributionConfig.WebACLId set");
	else
		say(b, cdn, "api-edge", "waf", "no", cdn, cdn->line, "no WebACLId");
}

/* --- stores --- */

/* Encryption at rest: explicit settings, else what the service does without one. */
static void encryption(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_res *holder = r, *kh = r;
	const struct iac_value *enc = iac_fact_of(b, r, IF_ENCRYPTION, &holder);
	const struct iac_value *key = iac_fact_of(b, r, IF_KMS, &kh);
	const char *lit = iac_literal(b->doc, enc), *klit = iac_literal(b->doc, key);
	bool aws_key = klit && strstr(klit, "alias/aws/");
	enum iac_class c = r->map->cls;
	struct sbuf t = SBUF_INIT;
	const char *value;
	bool on_by_default = c == IC_TABLE || c == IC_BUCKET || c == IC_QUEUE || c == IC_SECRET ||
			     c == IC_LOG_GROUP || c == IC_TRAIL || c == IC_CACHE;

	if (c == IC_CACHE && !str_eq(r->type, "AWS::ElastiCache::ServerlessCache") &&
	    !str_eq(r->type, "aws_elasticache_serverless_cache"))
		on_by_default = false;
	if (key && !aws_key) {
		value = "customer-key";
		iac_prop_text("KMS key", key, &t);
		say(b, r, "data-storage", "encryption-at-rest", value, kh,
		    iac_fact_line(kh, IF_KMS), "%s", t.buf);
	} else if (enc && (iac_false(b->doc, enc) || str_eq(lit, "NONE") || str_eq(lit, "String") ||
			   str_eq(lit, "StringList"))) {
		fact_says(holder, IF_ENCRYPTION, &t);
		say(b, r, "data-storage", "encryption-at-rest", "not-encrypted", holder,
		    iac_fact_line(holder, IF_ENCRYPTION), "%s", t.buf);
	} else if (enc || aws_key) {
		fact_says(enc ? holder : kh, enc ? IF_ENCRYPTION : IF_KMS, &t);
		say(b, r, "data-storage", "encryption-at-rest", "provider-key", enc ? holder : kh,
		    iac_fact_line(enc ? holder : kh, enc ? IF_ENCRYPTION : IF_KMS), "%s", t.buf);
	} else if (on_by_default) {
		say(b, r, "data-storage", "encryption-at-rest", "provider-key", r, r->line,
		    "no encryption setting: the service encrypts with its own key");
	} else if (c != IC_PARAMETER) {
		say(b, r, "data-storage", "encryption-at-rest", "not-encrypted", r, r->line,
		    "no encryption setting");
	}
	sbuf_release(&t);
}

static bool loose_true(const struct iac_build *b, const struct iac_value *map, const char *a,
		       const char *c)
{
	return iac_true(b->doc, iac_get(map, a)) || iac_true(b->doc, iac_get(map, c));
}

static bool star_principal(const struct iac_value *p)
{
	const char *s = iac_scalar(p);

	if (s)
		return str_eq(s, "*");
	if (p && p->kind == IAC_MAP)
		return star_principal(iac_get(p, "AWS"));
	return false;
}

/* A bucket or queue policy statement that lets anyone in, without a condition. */
static const struct iac_res *public_policy(const struct iac_build *b, const struct iac_res *r,
					   int *line)
{
	const struct reslist *h = iac_helpers(b, r);
	size_t i, j;

	for (i = 0; i < h->n; i++) {
		const struct iac_value *doc = iac_fact(h->items[i], IF_STATEMENTS), *st;
		if (!iac_is(h->items[i], IC_STORE_POLICY) || !doc)
			continue;
		if (iac_scalar(doc))
			doc = iac_parse_json_string(b->doc, doc);
		st = iac_get(doc, "Statement");
		for (j = 0; st && st->kind == IAC_LIST && j < st->count; j++) {
			const struct iac_value *s = st->items[j];
			if (!str_eq(iac_literal(b->doc, iac_get(s, "Effect")), "Deny") &&
			    star_principal(iac_get(s, "Principal")) && !iac_get(s, "Condition")) {
				*line = s->line;
				return h->items[i];
			}
		}
	}
	return NULL;
}

static void bucket_public(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_res *holder = r;
	const struct iac_value *block = iac_fact_of(b, r, IF_PUBLIC, &holder);
	const char *acl = iac_literal(b->doc, iac_fact_of(b, r, IF_ACL, NULL));
	bool all = block && loose_true(b, block, "BlockPublicAcls", "block_public_acls") &&
		   loose_true(b, block, "BlockPublicPolicy", "block_public_policy") &&
		   loose_true(b, block, "IgnorePublicAcls", "ignore_public_acls") &&
		   loose_true(b, block, "RestrictPublicBuckets", "restrict_public_buckets");
	int line = 0;
	const struct iac_res *pol = public_policy(b, r, &line);

	if (block)
		say(b, r, "data-storage", "s3-block-public", all ? "yes" : "no", holder,
		    iac_fact_line(holder, IF_PUBLIC), "PublicAccessBlockConfiguration: %s",
		    all ? "all four settings true (this bucket)" : "some settings off");
	if (acl && (str_eq(acl, "PublicRead") || str_eq(acl, "PublicReadWrite") ||
		    str_eq(acl, "public-read") || str_eq(acl, "public-read-write")))
		say(b, r, "data-storage", "public-access", "yes", r, iac_fact_line(r, IF_ACL),
		    "AccessControl: %s", acl);
	else if (pol && !all)
		say(b, r, "data-storage", "public-access", "yes", pol, line,
		    "%s: Principal '*' without a Condition", pol->id);
	else if (all || !block)
		say(b, r, "data-storage", "public-access", "no", holder,
		    block ? iac_fact_line(holder, IF_PUBLIC) : r->line, "%s",
		    all ? "PublicAccessBlockConfiguration blocks public access"
			: "no public ACL or policy; new buckets block public access by default");
}

static void backups(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_res *holder = r;
	const struct iac_value *v = iac_fact_of(b, r, IF_BACKUP, &holder);
	const char *lit = iac_literal(b->doc, v);
	struct sbuf t = SBUF_INIT;
	bool on;

	if (!r->map->facts[IF_BACKUP] && !v)
		return;
	on = iac_true(b->doc, v) || str_eq(lit, "Enabled") || str_eq(lit, "ENABLED") ||
	     (iac_is(r, IC_DATABASE) && (!v || iac_num(b->doc, v, 1) > 0));
	if (v)
		fact_says(holder, IF_BACKUP, &t);
	else
		sbuf_addstr(&t, iac_is(r, IC_BUCKET) ? "no VersioningConfiguration"
						     : "no point-in-time recovery setting");
	say(b, r, "data-storage", "backups", on ? "yes" : "no", holder,
	    v ? iac_fact_line(holder, IF_BACKUP) : r->line, "%s", t.buf);
	sbuf_release(&t);
}

static void store_evidence(struct iac_build *b, const struct iac_res *r)
{
	int line = 0;

	encryption(b, r);
	if (iac_is(r, IC_BUCKET))
		bucket_public(b, r);
	else if (iac_is(r, IC_QUEUE) && public_policy(b, r, &line))
		say(b, r, "data-storage", "public-access", "yes", public_policy(b, r, &line), line,
		    "queue policy: Principal '*' without a Condition");
	else if (iac_is(r, IC_DATABASE) && iac_fact(r, IF_PUBLIC))
		say(b, r, "data-storage", "public-access",
		    iac_true(b->doc, iac_fact(r, IF_PUBLIC)) ? "yes" : "no", r,
		    iac_fact_line(r, IF_PUBLIC), "PubliclyAccessible: %s",
		    iac_literal(b->doc, iac_fact(r, IF_PUBLIC))
			? iac_literal(b->doc, iac_fact(r, IF_PUBLIC))
			: "?");
	backups(b, r);
}

static void secret_evidence(struct iac_build *b, const struct iac_res *r)
{
	const struct reslist *h = iac_helpers(b, r);
	const struct iac_res *rot = NULL;
	size_t i;

	for (i = 0; i < h->n && !rot; i++)
		if (iac_is(h->items[i], IC_ROTATION))
			rot = h->items[i];
	if (rot)
		say(b, r, "secrets", "rotation", "automatic", rot, rot->line,
		    "%s: a rotation schedule", rot->id);
	else if (iac_is(r, IC_SECRET))
		say(b, r, "secrets", "rotation", "never", r, r->line,
		    "no rotation schedule names this secret");
}

static void log_group_evidence(struct iac_build *b, const struct iac_res *lg)
{
	const struct iac_value *days = iac_fact(lg, IF_RETENTION);
	struct sbuf t = SBUF_INIT;

	if (!days || iac_num(b->doc, days, 0) == 0)
		say(b, lg, "logging", "retention", "not-set", lg,
		    days ? iac_fact_line(lg, IF_RETENTION) : lg->line, "%s",
		    days ? text_of_fact(lg, IF_RETENTION, &t)
			 : "no RetentionInDays: never expires");
	sbuf_release(&t);
}

void iac_evidence(struct iac_build *b)
{
	size_t i;

	/* APIs first: a function's public paths read the route auth of the APIs in front */
	for (i = 0; i < b->doc->nres; i++) {
		const struct iac_res *r = b->doc->res[i];
		if (iac_is(r, IC_REST_API) || iac_is(r, IC_HTTP_API))
			api_evidence(b, r);
		else if (iac_is(r, IC_FUNCTION_URL))
			url_evidence(b, r);
		else if (iac_is(r, IC_CDN))
			cdn_evidence(b, r);
	}
	for (i = 0; i < b->doc->nres; i++) {
		const struct iac_res *r = b->doc->res[i];
		if (!r->map || !iac_element_of(b, r))
			continue;
		switch (r->map->cls) {
		case IC_FUNCTION:
			function_evidence(b, r);
			break;
		case IC_TABLE:
		case IC_BUCKET:
		case IC_QUEUE:
		case IC_STREAM:
		case IC_DATABASE:
		case IC_CACHE:
		case IC_FILE_SYSTEM:
		case IC_TRAIL:
			store_evidence(b, r);
			break;
		case IC_SECRET:
		case IC_PARAMETER:
			encryption(b, r);
			secret_evidence(b, r);
			break;
		case IC_LOG_GROUP:
			encryption(b, r);
			log_group_evidence(b, r);
			break;
		default:
			break;
		}
	}
}
