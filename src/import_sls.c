/* serverless.yml into the intermediate description (see import_sls.h). */
#include "import_sls.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "import_cfn.h"
#include "util.h"
#include "xalloc.h"

/* The variable sources the framework resolves; anything else in ${...} is CloudFormation's. */
static const char *const sources[] = {"self:", "opt:", "sls:",       "param:", "env:",
				      "file(", "ssm:", "s3:",        "cf:",    "cf(",
				      "aws:",  "git:", "strToBool(", "sm:",    NULL};

struct sls {
	struct iac_doc *doc;
	struct iac_value *root;
	const struct iac_value *provider;
	const char *stage;
	struct iac_value *authorizers_rest; /* authorizers the http events name */
	struct iac_value *authorizers_http;
	bool need_rest, need_http, need_ws, need_role;
	long budget; /* variables left to resolve: a file of cycles must end */
};

/* A mapping or list under construction. */
struct build {
	struct iac_value **items;
	const char **keys;
	size_t n, cap, kcap;
};

static void put(struct build *b, const char *key, const struct iac_value *v)
{
	if (!v)
		return;
	b->items = xgrow(b->items, sizeof(*b->items), b->n + 1, &b->cap);
	b->keys = xgrow(b->keys, sizeof(*b->keys), b->n + 1, &b->kcap);
	b->keys[b->n] = key;
	b->items[b->n++] = (struct iac_value *)v;
}

static struct iac_value *done(struct sls *s, struct build *b, enum iac_kind kind, int line)
{
	struct iac_value *v = iac_value_new(s->doc, kind, line, 1);

	iac_value_fill(s->doc, v, b->items, kind == IAC_MAP ? b->keys : NULL, b->n);
	free(b->items);
	free(b->keys);
	memset(b, 0, sizeof(*b));
	return v;
}

static struct iac_value *str(struct sls *s, const char *text, int line)
{
	return iac_str_new(s->doc, text, line, 1);
}

static struct iac_value *ref(struct sls *s, const char *id, int line)
{
	struct iac_value *v = iac_value_new(s->doc, IAC_REF, line, 1);

	v->str = iac_strdup(s->doc, id);
	return v;
}

static struct iac_value *getatt(struct sls *s, const char *id, const char *attr, int line)
{
	struct iac_value *v = iac_value_new(s->doc, IAC_GETATT, line, 1);

	v->str = iac_strdup(s->doc, id);
	v->attr = attr;
	return v;
}

bool sls_detect(const struct iac_value *root)
{
	return iac_get(root, "service") &&
	       (iac_get(root, "provider") || iac_get(root, "functions"));
}

/* --- variables --- */

static bool known_source(const char *s)
{
	size_t i;

	s += strspn(s, " ");
	for (i = 0; sources[i]; i++)
		if (str_starts_with(s, sources[i]))
			return true;
	return false;
}

static const char *resolve_text(struct sls *s, const char *text, int line, int depth,
				const struct iac_value **whole);

/* A value that still holds a variable did not resolve (a cycle, or a source not read). */
static const char *fully(const char *text)
{
	return text && !strstr(text, "${") ? text : NULL;
}

/* A default after the comma: a quoted string, a number, or another variable. */
static const char *default_value(struct sls *s, const char *d, int line, int depth)
{
	size_t n;

	d += strspn(d, " ");
	n = strlen(d);
	while (n && d[n - 1] == ' ')
		n--;
	if (n >= 2 && (d[0] == '"' || d[0] == '\'') && d[n - 1] == d[0]) {
		char *q = xstrndup(d + 1, n - 2);
		const char *out = iac_strdup(s->doc, q);
		free(q);
		return out;
	}
	if (known_source(d)) {
		struct sbuf sb = SBUF_INIT;
		const char *out;
		sbuf_addf(&sb, "${%.*s}", (int)n, d);
		out = resolve_text(s, sb.buf, line, depth + 1, NULL);
		sbuf_release(&sb);
		return out && !strstr(out, "${") ? out : NULL;
	}
	{
		char *q = xstrndup(d, n);
		const char *out = iac_strdup(s->doc, q);
		free(q);
		return out;
	}
}

static const struct iac_value *self_lookup(struct sls *s, const char *path)
{
	char buf[256];
	size_t n = strcspn(path, " ,");

	if (n >= sizeof(buf))
		return NULL;
	memcpy(buf, path, n);
	buf[n] = '\0';
	return n ? iac_path(s->root, buf) : s->root;
}

/* One "${source:arg, default}" (without the braces); NULL when it cannot be resolved. */
static const char *resolve_one(struct sls *s, const char *expr, int line, int depth,
			       const struct iac_value **whole)
{
	const char *comma = strchr(expr, ',');
	const char *def = comma ? default_value(s, comma + 1, line, depth) : NULL;
	const char *e = expr + strspn(expr, " ");
	const struct iac_value *v;
	const char *lit;

	if (str_starts_with(e, "self:")) {
		v = self_lookup(s, e + 5);
		if (v && !iac_scalar(v) && whole) {
			*whole = v;
			return "";
		}
		lit = iac_scalar(v);
		if (lit)
			return fully(resolve_text(s, lit, line, depth + 1, NULL));
		return def;
	}
	if (str_starts_with(e, "opt:stage") || str_starts_with(e, "sls:stage"))
		return def ? def : s->stage;
	if (str_starts_with(e, "opt:region") || str_starts_with(e, "aws:region")) {
		lit = iac_scalar(iac_get(s->provider, "region"));
		return def                          ? def
		       : lit && !strstr(lit, "${")  ? lit
		       : str_starts_with(e, "aws:") ? "us-east-1"
						    : "us-east-1";
	}
	if (str_starts_with(e, "param:")) {
		char name[128];
		size_t n = strcspn(e + 6, " ,");
		if (n < sizeof(name)) {
			struct sbuf p = SBUF_INIT;
			memcpy(name, e + 6, n);
			name[n] = '\0';
			sbuf_addf(&p, "params.%s.%s", s->stage, name);
			v = iac_path(s->root, p.buf);
			sbuf_reset(&p);
			sbuf_addf(&p, "params.default.%s", name);
			if (!v)
				v = iac_path(s->root, p.buf);
			sbuf_release(&p);
			if (iac_scalar(v))
				return fully(resolve_text(s, iac_scalar(v), line, depth + 1, NULL));
		}
		return def;
	}
	return def; /* opt:*, env:*, ssm:, file(), cf: ...: only a default resolves them offline */
}

/* Resolves the framework's variables in `text`; a new arena string, or `text` itself. */
static const char *resolve_text(struct sls *s, const char *text, int line, int depth,
				const struct iac_value **whole)
{
	struct sbuf sb = SBUF_INIT;
	size_t limit;
	const char *out;
	int rounds = 0;

	if (!text || !strstr(text, "${"))
		return text;
	if (depth > 10 || s->budget <= 0)
		return NULL;
	sbuf_addstr(&sb, text);
	limit = sb.len;
	while (rounds++ < 64) {
		char *open = NULL, *p, *close;
		for (p = sb.buf; (p = strstr(p, "${")) && (size_t)(p - sb.buf) < limit; p += 2)
			open = p; /* the last one before the limit: the innermost */
		if (!open)
			break;
		close = strchr(open + 2, '}');
		if (!close || !known_source(open + 2) || --s->budget < 0 || sb.len > 65536) {
			limit = (size_t)(open - sb.buf);
			continue;
		}
		{
			char *expr = xstrndup(open + 2, (size_t)(close - open - 2));
			const struct iac_value *node = NULL;
			const bool alone = open == sb.buf && close[1] == '\0';
			const char *value =
			    resolve_one(s, expr, line, depth, alone && whole ? &node : NULL);
			if (node && whole) {
				*whole = node;
				free(expr);
				sbuf_release(&sb);
				return text;
			}
			if (!value) {
				iac_note(s->doc, line, "${%s} is not resolved offline", expr);
				limit = (size_t)(open - sb.buf);
			} else {
				struct sbuf next = SBUF_INIT;
				sbuf_add(&next, sb.buf, (size_t)(open - sb.buf));
				sbuf_addstr(&next, value);
				sbuf_addstr(&next, close + 1);
				sbuf_release(&sb);
				sb = next;
				limit = sb.len;
			}
			free(expr);
		}
	}
	out = iac_strdup(s->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

static struct iac_value *resolve_tree(struct sls *s, struct iac_value *v, int depth)
{
	size_t i;

	if (!v || depth > 64)
		return v;
	if (v->kind == IAC_STR && strstr(v->str, "${")) {
		const struct iac_value *whole = NULL;
		const char *t = resolve_text(s, v->str, v->line, 0, &whole);
		if (whole)
			return (struct iac_value *)whole;
		return t && t != v->str ? iac_str_new(s->doc, t, v->line, v->col) : v;
	}
	for (i = 0; i < v->count; i++)
		if (v->kind != IAC_SUB || i > 0) /* a Sub template is CloudFormation's */
			v->items[i] = resolve_tree(s, v->items[i], depth + 1);
		else if (iac_scalar(v->items[i]))
			v->items[i] = resolve_tree(s, v->items[i], depth + 1);
	return v;
}

/* --- functions and events --- */

/* The framework's logical id of a function: "get-user" -> "GetDashuserLambdaFunction". */
static const char *function_logical_id(struct sls *s, const char *name)
{
	struct sbuf sb = SBUF_INIT;
	const char *p, *out;

	for (p = name; *p; p++) {
		if (*p == '-')
			sbuf_addstr(&sb, "Dash");
		else if (*p == '_')
			sbuf_addstr(&sb, "Underscore");
		else
			sbuf_addch(&sb, p == name ? (char)toupper((unsigned char)*p) : *p);
	}
	sbuf_addstr(&sb, "LambdaFunction");
	out = iac_strdup(s->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

/* A resource id the framework would give: "SNSTopic" + the name without punctuation. */
static const char *named_id(struct sls *s, const char *prefix, const char *name)
{
	struct sbuf sb = SBUF_INIT;
	const char *p, *out;

	sbuf_addstr(&sb, prefix);
	for (p = name; *p; p++)
		if (isalnum((unsigned char)*p))
			sbuf_addch(&sb, p == name ? (char)toupper((unsigned char)*p) : *p);
	out = iac_strdup(s->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

static bool is_arn_or_intrinsic(const struct iac_value *v)
{
	const char *t = iac_scalar(v);

	return !t || str_starts_with(t, "arn:");
}

/* A resource the framework creates for an event (a topic, a bucket, a user pool), unless the
 * resources section has one of that name already. */
static const struct iac_value *created(struct sls *s, const char *prefix, const char *type,
				       const char *name_key, const struct iac_value *name)
{
	const char *id = named_id(s, prefix, iac_scalar(name));
	struct build b = {0};
	size_t i;

	for (i = 0; i < s->doc->nres; i++) {
		const struct iac_res *r = s->doc->res[i];
		if (str_eq(r->type, type) &&
		    str_eq(iac_scalar(iac_get(r->props, name_key)), iac_scalar(name)))
			return ref(s, r->id, name->line);
	}
	if (!iac_doc_res(s->doc, id)) {
		put(&b, name_key, name);
		iac_doc_add(s->doc, id, type, done(s, &b, IAC_MAP, name->line), name->line,
			    name->col);
	}
	return ref(s, id, name->line);
}

/* "GET /users" -> method and path; a map gives them by name. */
static void http_route(struct sls *s, const struct iac_value *ev, struct build *props)
{
	const char *t = iac_scalar(ev);

	if (t) {
		const char *sp = strchr(t, ' ');
		char *method = sp ? xstrndup(t, (size_t)(sp - t)) : xstrdup(t);
		put(props, "Method", str(s, method, ev->line));
		if (sp)
			put(props, "Path", str(s, sp + 1 + strspn(sp + 1, " "), ev->line));
		free(method);
		return;
	}
	put(props, "Method", iac_get(ev, "method"));
	put(props, "Path", iac_get(ev, "path"));
}

/* The authorizer an http or httpApi event names, as SAM's Auth and the API's Authorizers. */
static void event_auth(struct sls *s, const struct iac_value *ev, bool http_api,
		       struct build *props)
{
	const struct iac_value *a = iac_get(ev, "authorizer");
	const char *name = iac_scalar(a);
	const char *type = iac_scalar(iac_get(a, "type"));
	struct build auth = {0};
	int line = a ? a->line : ev->line;

	if (!name)
		name = iac_scalar(iac_get(a, "name"));
	if ((type && (str_eq(type, "aws_iam") || str_eq(type, "AWS_IAM"))) ||
	    str_eq(name, "aws_iam"))
		put(&auth, "Authorizer", str(s, "AWS_IAM", line));
	else if (name || iac_get(a, "arn") || iac_get(a, "id")) {
		struct iac_value **list = http_api ? &s->authorizers_http : &s->authorizers_rest;
		struct build def = {0}, all = {0};
		const struct iac_value *arn = iac_get(a, "arn");
		const char *arn_text = iac_scalar(arn);
		const char *key = name ? name : "authorizer";
		size_t i;
		if ((type && strstr(type, "COGNITO")) ||
		    (arn_text && strstr(arn_text, "cognito-idp")))
			put(&def, "UserPoolArn", arn);
		else if (arn)
			put(&def, "FunctionArn", arn);
		else if (iac_get(iac_get(s->root, "functions"), key))
			put(&def, "FunctionArn", getatt(s, key, "Arn", line));
		else if (!http_api)
			put(&def, "Identity", str(s, "external", line));
		for (i = 0; *list && i < (*list)->count; i++)
			if (!str_eq((*list)->keys[i], key))
				put(&all, (*list)->keys[i], (*list)->items[i]);
		if (!iac_get(*list, key))
			put(&all, iac_strdup(s->doc, key), done(s, &def, IAC_MAP, line));
		else
			free(def.items), free(def.keys);
		*list = done(s, &all, IAC_MAP, line);
		put(&auth, "Authorizer", str(s, key, line));
	}
	if (iac_true(s->doc, iac_get(ev, "private")))
		put(&auth, "ApiKeyRequired", str(s, "true", ev->line));
	if (auth.n)
		put(props, "Auth", done(s, &auth, IAC_MAP, line));
	else
		free(auth.items), free(auth.keys);
}

static struct iac_value *http_event(struct sls *s, const struct iac_value *ev, bool http_api)
{
	struct build p = {0}, e = {0};

	http_route(s, ev, &p);
	if (http_api) {
		s->need_http = true;
		put(&p, "ApiId", ref(s, "HttpApi", ev->line));
	} else {
		s->need_rest = true;
		put(&p, "RestApiId", ref(s, "ApiGatewayRestApi", ev->line));
		put(&p, "Cors", iac_get(ev, "cors"));
	}
	if (!iac_scalar(ev))
		event_auth(s, ev, http_api, &p);
	put(&e, "Type", str(s, http_api ? "HttpApi" : "Api", ev->line));
	put(&e, "Properties", done(s, &p, IAC_MAP, ev->line));
	return done(s, &e, IAC_MAP, ev->line);
}

/* An event whose one property is `src` (an ARN, a name or a map with `key`). */
static struct iac_value *simple_event(struct sls *s, const char *type, const char *prop,
				      const struct iac_value *value, const struct iac_value *ev)
{
	struct build p = {0}, e = {0};

	put(&p, prop, value);
	put(&e, "Type", str(s, type, ev->line));
	put(&e, "Properties", done(s, &p, IAC_MAP, ev->line));
	return done(s, &e, IAC_MAP, ev->line);
}

static struct iac_value *stream_event(struct sls *s, const struct iac_value *ev)
{
	const struct iac_value *arn = iac_scalar(ev) ? ev : iac_get(ev, "arn");
	const char *type = iac_scalar(iac_get(ev, "type"));
	const char *t = iac_scalar(arn);
	bool kinesis = str_eq(type, "kinesis") || (t && strstr(t, ":kinesis:")) ||
		       (arn && arn->kind == IAC_GETATT && str_eq(arn->attr, "Arn"));

	if (str_eq(type, "dynamodb"))
		kinesis = false;
	return simple_event(s, kinesis ? "Kinesis" : "DynamoDB", "Stream", arn, ev);
}

static struct iac_value *sns_event(struct sls *s, const struct iac_value *ev)
{
	const struct iac_value *t = iac_scalar(ev) ? ev : iac_get(ev, "arn");

	if (!t && iac_get(ev, "topicName"))
		t = iac_get(ev, "topicName");
	if (t && !is_arn_or_intrinsic(t))
		t = created(s, "SNSTopic", "AWS::SNS::Topic", "TopicName", t);
	return simple_event(s, "SNS", "Topic", t, ev);
}

static struct iac_value *s3_event(struct sls *s, const struct iac_value *ev)
{
	const struct iac_value *b = iac_scalar(ev) ? ev : iac_get(ev, "bucket");

	if (b && iac_scalar(b) && !iac_true(s->doc, iac_get(ev, "existing")))
		b = created(s, "S3Bucket", "AWS::S3::Bucket", "BucketName", b);
	return simple_event(s, "S3", "Bucket", b, ev);
}

static struct iac_value *cognito_event(struct sls *s, const struct iac_value *ev)
{
	const struct iac_value *pool = iac_get(ev, "pool");

	if (pool && iac_scalar(pool) && !iac_true(s->doc, iac_get(ev, "existing")))
		pool =
		    created(s, "CognitoUserPool", "AWS::Cognito::UserPool", "UserPoolName", pool);
	return simple_event(s, "Cognito", "UserPool", pool, ev);
}

static struct iac_value *one_event(struct sls *s, const char *fn, const char *type,
				   const struct iac_value *ev)
{
	const struct iac_value *arn = iac_scalar(ev) ? ev : iac_get(ev, "arn");

	if (str_eq(type, "http"))
		return http_event(s, ev, false);
	if (str_eq(type, "httpApi"))
		return http_event(s, ev, true);
	if (str_eq(type, "sqs"))
		return simple_event(s, "SQS", "Queue", arn, ev);
	if (str_eq(type, "stream"))
		return stream_event(s, ev);
	if (str_eq(type, "sns"))
		return sns_event(s, ev);
	if (str_eq(type, "s3"))
		return s3_event(s, ev);
	if (str_eq(type, "schedule"))
		return simple_event(s, "Schedule", "Schedule",
				    iac_scalar(ev) ? ev : iac_get(ev, "rate"), ev);
	if (str_eq(type, "eventBridge"))
		return simple_event(s, "EventBridgeRule", "EventBusName", iac_get(ev, "eventBus"),
				    ev);
	if (str_eq(type, "cognitoUserPool"))
		return cognito_event(s, ev);
	if (str_eq(type, "cloudwatchLog"))
		return simple_event(s, "CloudWatchLogs", "LogGroupName",
				    iac_scalar(ev) ? ev : iac_get(ev, "logGroup"), ev);
	if (str_eq(type, "alb"))
		return simple_event(s, "ALB", "ListenerArn", iac_get(ev, "listenerArn"), ev);
	if (str_eq(type, "websocket")) {
		s->need_ws = true;
		return simple_event(s, "WebSocket", "ApiId", ref(s, "WebsocketsApi", ev->line), ev);
	}
	iac_note(s->doc, ev->line, "event '%s' of function '%s' comes from outside the file", type,
		 fn);
	return NULL;
}

static struct iac_value *function_events(struct sls *s, const char *fn,
					 const struct iac_value *events)
{
	struct build b = {0};
	size_t i;

	for (i = 0; events && events->kind == IAC_LIST && i < events->count; i++) {
		const struct iac_value *item = events->items[i];
		struct sbuf key = SBUF_INIT;
		struct iac_value *ev;
		if (item->kind != IAC_MAP || item->count != 1)
			continue;
		ev = one_event(s, fn, item->keys[0], item->items[0]);
		sbuf_addf(&key, "%s%zu", item->keys[0], i + 1);
		if (ev)
			put(&b, iac_strdup(s->doc, key.buf), ev);
		sbuf_release(&key);
	}
	return b.n ? done(s, &b, IAC_MAP, events->line) : NULL;
}

/* fn's setting, or the provider's. */
static const struct iac_value *setting(struct sls *s, const struct iac_value *fn, const char *key)
{
	const struct iac_value *v = iac_get(fn, key);

	return v ? v : iac_get(s->provider, key);
}

static const struct iac_value *env_of(struct sls *s, const struct iac_value *fn)
{
	const struct iac_value *pe = iac_get(s->provider, "environment"),
			       *fe = iac_get(fn, "environment");
	struct build vars = {0}, env = {0};
	size_t i;
	int line = fe ? fe->line : pe ? pe->line : fn->line;

	if (!pe && !fe)
		return NULL;
	for (i = 0; pe && pe->kind == IAC_MAP && i < pe->count; i++)
		if (!iac_get(fe, pe->keys[i]))
			put(&vars, pe->keys[i], pe->items[i]);
	for (i = 0; fe && fe->kind == IAC_MAP && i < fe->count; i++)
		put(&vars, fe->keys[i], fe->items[i]);
	put(&env, "Variables", done(s, &vars, IAC_MAP, line));
	return done(s, &env, IAC_MAP, line);
}

/* The function's role: its own, the provider's named one, or the framework's shared role. */
static const struct iac_value *role_of(struct sls *s, const char *name, const struct iac_value *fn)
{
	const struct iac_value *r = iac_get(fn, "role");

	if (!r)
		r = iac_path(s->provider, "iam.role");
	if (r && r->kind == IAC_MAP)
		r = NULL; /* statements of the shared role, not a role of its own */
	if (!r)
		r = iac_get(s->provider, "role");
	if (iac_get(fn, "iamRoleStatements")) { /* one role per function (a common plugin) */
		struct sbuf id = SBUF_INIT;
		const char *rid;
		sbuf_addf(&id, "%sIamRoleLambdaExecution", name);
		rid = iac_strdup(s->doc, id.buf);
		sbuf_release(&id);
		return getatt(s, rid, "Arn", iac_get(fn, "iamRoleStatements")->line);
	}
	if (iac_scalar(r) && iac_doc_res(s->doc, iac_scalar(r)))
		return getatt(s, iac_scalar(r), "Arn", r->line);
	if (r)
		return r;
	s->need_role = true;
	return getatt(s, "IamRoleLambdaExecution", "Arn", fn->line);
}

static const struct iac_value *vpc_of(struct sls *s, const struct iac_value *fn)
{
	const struct iac_value *v = setting(s, fn, "vpc");
	struct build b = {0};

	if (!v || v->kind != IAC_MAP)
		return NULL;
	put(&b, "SubnetIds", iac_get(v, "subnetIds"));
	put(&b, "SecurityGroupIds", iac_get(v, "securityGroupIds"));
	return done(s, &b, IAC_MAP, v->line);
}

static const struct iac_value *url_of(struct sls *s, const struct iac_value *fn)
{
	const struct iac_value *u = iac_get(fn, "url"), *cors;
	struct build b = {0}, c = {0};

	if (!u || iac_false(s->doc, u))
		return NULL;
	put(&b, "AuthType",
	    str(s, str_eq(iac_scalar(iac_get(u, "authorizer")), "aws_iam") ? "AWS_IAM" : "NONE",
		u->line));
	cors = iac_get(u, "cors");
	if (cors) {
		const struct iac_value *origins = iac_get(cors, "allowedOrigins");
		if (!origins) {
			struct build any = {0};
			put(&any, NULL, str(s, "*", cors->line));
			origins = done(s, &any, IAC_LIST, cors->line);
		}
		put(&c, "AllowOrigins", origins);
		put(&b, "Cors", done(s, &c, IAC_MAP, cors->line));
	}
	return done(s, &b, IAC_MAP, u->line);
}

static const struct iac_value *tracing_of(struct sls *s, const struct iac_value *fn)
{
	const struct iac_value *t = iac_get(fn, "tracing");

	if (!t)
		t = iac_path(s->provider, "tracing.lambda");
	if (t && iac_true(s->doc, t))
		return str(s, "Active", t->line);
	return t;
}

static const struct iac_value *wrap(struct sls *s, const char *key, const struct iac_value *v)
{
	struct build b = {0};

	if (!v)
		return NULL;
	put(&b, key, v);
	return done(s, &b, IAC_MAP, v->line);
}

static void add_function(struct sls *s, const char *name, const struct iac_value *fn, int line)
{
	struct build p = {0};
	const struct iac_value *on_failure = iac_path(fn, "destinations.onFailure");
	struct iac_res *r;

	if (iac_get(fn, "name")) {
		put(&p, "FunctionName", iac_get(fn, "name"));
	} else { /* the name the framework deploys it under */
		struct sbuf full = SBUF_INIT;
		const char *service = iac_scalar(iac_get(s->root, "service"));
		sbuf_addf(&full, "%s-%s-%s", service ? service : "service", s->stage, name);
		put(&p, "FunctionName", str(s, full.buf, line));
		sbuf_release(&full);
	}
	put(&p, "Handler", iac_get(fn, "handler"));
	put(&p, "Runtime", setting(s, fn, "runtime"));
	put(&p, "Timeout", setting(s, fn, "timeout"));
	put(&p, "MemorySize", setting(s, fn, "memorySize"));
	put(&p, "ReservedConcurrentExecutions", iac_get(fn, "reservedConcurrency"));
	put(&p, "Tracing", tracing_of(s, fn));
	put(&p, "Environment", env_of(s, fn));
	put(&p, "Role", role_of(s, name, fn));
	put(&p, "VpcConfig", vpc_of(s, fn));
	put(&p, "DeadLetterQueue", wrap(s, "TargetArn", iac_get(fn, "onError")));
	if (on_failure)
		put(&p, "EventInvokeConfig",
		    wrap(s, "DestinationConfig",
			 wrap(s, "OnFailure", wrap(s, "Destination", on_failure))));
	put(&p, "FunctionUrlConfig", url_of(s, fn));
	put(&p, "Events", function_events(s, name, iac_get(fn, "events")));
	r = iac_doc_add(s->doc, name, "AWS::Serverless::Function", done(s, &p, IAC_MAP, fn->line),
			line, fn->col);
	strmap_put(&s->doc->by_id, function_logical_id(s, name), r);
}

/* The framework's log group per function, with the provider's retention. */
static void add_log_group(struct sls *s, const char *name, const struct iac_value *fn, int line)
{
	struct build p = {0};
	struct sbuf id = SBUF_INIT, group = SBUF_INIT;
	const struct iac_value *days = setting(s, fn, "logRetentionInDays");
	const char *service = iac_scalar(iac_get(s->root, "service"));

	sbuf_addf(&id, "%sLogGroup", name);
	sbuf_addf(&group, "/aws/lambda/%s-%s-%s", service ? service : "service", s->stage, name);
	put(&p, "LogGroupName", str(s, group.buf, line));
	put(&p, "RetentionInDays", days);
	if (!iac_doc_res(s->doc, id.buf))
		iac_doc_add(s->doc, id.buf, "AWS::Logs::LogGroup", done(s, &p, IAC_MAP, line), line,
			    fn->col);
	else
		free(p.items), free(p.keys);
	sbuf_release(&id);
	sbuf_release(&group);
}

static const struct iac_value *statements_of(struct sls *s, const struct iac_value *fn)
{
	const struct iac_value *st = fn ? iac_get(fn, "iamRoleStatements") : NULL;

	if (!st)
		st = iac_path(s->provider, "iam.role.statements");
	if (!st)
		st = iac_get(s->provider, "iamRoleStatements");
	return st;
}

static void add_role(struct sls *s, const char *id, const struct iac_value *statements,
		     const struct iac_value *managed, int line)
{
	struct build doc = {0}, pol = {0}, list = {0}, p = {0};

	if (iac_doc_res(s->doc, id))
		return;
	if (statements) {
		put(&doc, "Statement", statements);
		put(&pol, "PolicyName", str(s, "lambda", line));
		put(&pol, "PolicyDocument", done(s, &doc, IAC_MAP, statements->line));
		put(&list, NULL, done(s, &pol, IAC_MAP, statements->line));
		put(&p, "Policies", done(s, &list, IAC_LIST, statements->line));
	}
	put(&p, "ManagedPolicyArns", managed);
	iac_doc_add(s->doc, id, "AWS::IAM::Role", done(s, &p, IAC_MAP, line), line, 1);
}

/* The APIs the framework creates for http, httpApi and websocket events. */
static void add_apis(struct sls *s)
{
	const struct iac_value *gw = iac_get(s->provider, "apiGateway");
	const struct iac_value *hp = iac_get(s->provider, "httpApi");
	int line = s->provider ? s->provider->line : 1;
	struct build p = {0}, auth = {0};

	if (s->need_rest && !iac_doc_res(s->doc, "ApiGatewayRestApi")) {
		const struct iac_value *throttle = iac_path(gw, "usagePlan.throttle");
		put(&auth, "Authorizers", s->authorizers_rest);
		if (auth.n)
			put(&p, "Auth", done(s, &auth, IAC_MAP, line));
		put(&p, "MethodSettings", throttle);
		put(&p, "TracingEnabled", iac_path(s->provider, "tracing.apiGateway"));
		put(&p, "AccessLogSetting", iac_path(s->provider, "logs.restApi"));
		put(&p, "ApiKeys", iac_get(gw, "apiKeys"));
		iac_doc_add(s->doc, "ApiGatewayRestApi", "AWS::Serverless::Api",
			    done(s, &p, IAC_MAP, line), gw ? gw->line : line, 1);
	}
	if (s->need_http && !iac_doc_res(s->doc, "HttpApi")) {
		const struct iac_value *cors = iac_get(hp, "cors");
		memset(&auth, 0, sizeof(auth));
		put(&auth, "Authorizers", s->authorizers_http);
		if (auth.n)
			put(&p, "Auth", done(s, &auth, IAC_MAP, line));
		if (cors && iac_true(s->doc, cors)) {
			struct build c = {0}, any = {0};
			put(&any, NULL, str(s, "*", cors->line));
			put(&c, "AllowOrigins", done(s, &any, IAC_LIST, cors->line));
			put(&p, "CorsConfiguration", done(s, &c, IAC_MAP, cors->line));
		} else if (cors && iac_get(cors, "allowedOrigins")) {
			put(&p, "CorsConfiguration",
			    wrap(s, "AllowOrigins", iac_get(cors, "allowedOrigins")));
		}
		iac_doc_add(s->doc, "HttpApi", "AWS::Serverless::HttpApi",
			    done(s, &p, IAC_MAP, line), hp ? hp->line : line, 1);
	}
	if (s->need_ws && !iac_doc_res(s->doc, "WebsocketsApi")) {
		put(&p, "ProtocolType", str(s, "WEBSOCKET", line));
		iac_doc_add(s->doc, "WebsocketsApi", "AWS::ApiGatewayV2::Api",
			    done(s, &p, IAC_MAP, line), line, 1);
	}
}

static int add_functions(struct sls *s, struct sw_error *err)
{
	const struct iac_value *fns = iac_get(s->root, "functions");
	size_t i;

	if (!fns || fns->kind == IAC_NULL)
		return 0;
	if (fns->kind != IAC_MAP)
		return sw_error_at(err, s->doc->file, fns->line, fns->col,
				   "'functions' must be a mapping of function names");
	for (i = 0; i < fns->count; i++) {
		int line = fns->key_lines ? fns->key_lines[i] : fns->items[i]->line;
		const struct iac_value *fn = fns->items[i];
		if (fn->kind != IAC_MAP)
			return sw_error_at(err, s->doc->file, fn->line, fn->col,
					   "function '%s' must be a mapping", fns->keys[i]);
		if (iac_doc_res(s->doc, fns->keys[i]))
			return sw_error_at(err, s->doc->file, line, 1,
					   "function '%s' clashes with a resource of that id",
					   fns->keys[i]);
		add_function(s, fns->keys[i], fn, line);
		add_log_group(s, fns->keys[i], fn, line);
		if (iac_get(fn, "iamRoleStatements")) {
			struct sbuf id = SBUF_INIT;
			sbuf_addf(&id, "%sIamRoleLambdaExecution", fns->keys[i]);
			add_role(s, iac_strdup(s->doc, id.buf), statements_of(s, fn), NULL,
				 iac_get(fn, "iamRoleStatements")->line);
			sbuf_release(&id);
		}
	}
	return 0;
}

static int add_cfn_resources(struct sls *s, struct sw_error *err)
{
	const struct iac_value *res = iac_get(s->root, "resources");
	size_t i;

	if (!res || res->kind == IAC_NULL)
		return 0;
	if (res->kind == IAC_LIST) { /* several parts, usually ${file(...)} */
		for (i = 0; i < res->count; i++)
			if (res->items[i]->kind == IAC_MAP && iac_get(res->items[i], "Resources") &&
			    cfn_add_resources(s->doc, iac_get(res->items[i], "Resources"), NULL,
					      err))
				return -1;
		return 0;
	}
	if (iac_scalar(iac_get(res, "Description")) && !s->doc->description)
		s->doc->description = xstrdup(iac_scalar(iac_get(res, "Description")));
	return iac_get(res, "Resources")
		   ? cfn_add_resources(s->doc, iac_get(res, "Resources"), NULL, err)
		   : 0;
}

int sls_build(struct iac_doc *doc, struct iac_value *root, struct sw_error *err)
{
	struct sls s = {doc, NULL, NULL, "dev", NULL, NULL, false, false, false, false, 100000};
	const struct iac_value *service, *provider_name, *stage;
	size_t i;

	root = iac_normalize(doc, root);
	s.root = root;
	if (root->kind != IAC_MAP || !sls_detect(root))
		return sw_error_at(err, doc->file, root->line, root->col,
				   "not a serverless.yml: it needs 'service' and 'provider'");
	s.provider = iac_get(root, "provider");
	provider_name = iac_get(s.provider, "name");
	if (iac_scalar(provider_name) && !str_eq(iac_scalar(provider_name), "aws"))
		return sw_error_at(err, doc->file, provider_name->line, provider_name->col,
				   "provider '%s' is not read: stridewalk reads serverless.yml "
				   "for AWS",
				   iac_scalar(provider_name));
	stage = iac_get(s.provider, "stage");
	if (iac_scalar(stage)) {
		const char *t = resolve_text(&s, iac_scalar(stage), stage->line, 0, NULL);
		if (t && !strstr(t, "${"))
			s.stage = t;
	}
	root = resolve_tree(&s, root, 0);
	s.root = root;
	s.provider = iac_get(root, "provider");
	service = iac_get(root, "service");
	if (iac_get(service, "name"))
		service = iac_get(service, "name");
	doc->name = xstrdup(iac_scalar(service) ? iac_scalar(service) : doc->file);
	/* CloudFormation resources first, so that functions may name them as their role */
	if (add_cfn_resources(&s, err) || add_functions(&s, err))
		return -1;
	if (s.need_role)
		add_role(&s, "IamRoleLambdaExecution", statements_of(&s, NULL),
			 iac_path(s.provider, "iam.role.managedPolicies")
			     ? iac_path(s.provider, "iam.role.managedPolicies")
			     : iac_get(s.provider, "iamManagedPolicies"),
			 s.provider ? s.provider->line : 1);
	add_apis(&s);
	cfn_sam_implicit(doc, NULL);
	for (i = 0; i < doc->nres; i++) {
		struct sbuf w = SBUF_INIT;
		sbuf_addf(&w, "%s", doc->res[i]->id);
		cfn_note_unresolvable(doc, w.buf, doc->res[i]->props);
		sbuf_release(&w);
	}
	return 0;
}
