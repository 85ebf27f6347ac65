/*
 * Finding what a value names: references, and the names and ARNs templates write out (a table
 * named in an environment variable, a bucket in a policy's Resource). Also which helpers belong
 * to which resource, and who runs under which role (see iac_build.h).
 */
#include <stdlib.h>
#include <string.h>

#include "iac_build.h"
#include "util.h"
#include "xalloc.h"

bool iac_is(const struct iac_res *r, enum iac_class c)
{
	return r && r->map && r->map->cls == c;
}

static struct reslist *list_new(struct iac_build *b)
{
	struct reslist *l = xcalloc(1, sizeof(*l));

	b->owned_lists =
	    xgrow(b->owned_lists, sizeof(*b->owned_lists), b->nowned + 1, &b->owned_cap);
	b->owned_lists[b->nowned++] = l;
	return l;
}

static void list_add(struct reslist *l, struct iac_res *r)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i] == r)
			return;
	l->items = xgrow(l->items, sizeof(*l->items), l->n + 1, &l->cap);
	l->items[l->n++] = r;
}

static void list_put(struct iac_build *b, struct strmap *map, const char *key, struct iac_res *r)
{
	struct reslist *l = strmap_get(map, key);

	if (!l) {
		l = list_new(b);
		strmap_put(map, key, l);
	}
	list_add(l, r);
}

/* A Sub template with parameter defaults filled in and anything else as '*'. */
static void sub_text(const struct iac_doc *doc, const struct iac_value *v, struct sbuf *out)
{
	const char *s = iac_scalar(v->count ? v->items[0] : NULL), *p;

	if (!s)
		return;
	for (p = s; *p;) {
		const char *close;
		if (p[0] != '$' || p[1] != '{' || !(close = strchr(p, '}'))) {
			sbuf_addch(out, *p++);
			continue;
		}
		{
			char *name = xstrndup(p + 2, (size_t)(close - p - 2));
			const struct iac_param *prm = iac_doc_param(doc, name);
			const struct iac_value *local =
			    v->count > 1 ? iac_get(v->items[1], name) : NULL;
			const char *lit = local             ? iac_literal(doc, local)
					  : prm && prm->def ? iac_scalar(prm->def)
							    : NULL;
			sbuf_addstr(out, lit ? lit : "*");
			free(name);
		}
		p = close + 1;
	}
}

/* The text a value writes out, where it is known (parameters resolved). */
static bool literal_text(const struct iac_doc *doc, const struct iac_value *v, struct sbuf *out)
{
	const char *lit = iac_literal(doc, v);

	if (lit) {
		sbuf_addstr(out, lit);
		return true;
	}
	if (v && v->kind == IAC_SUB) {
		sub_text(doc, v, out);
		return out->len > 0;
	}
	return false;
}

void iac_build_index(struct iac_build *b)
{
	size_t i;

	for (i = 0; i < b->doc->nres; i++) {
		struct iac_res *r = b->doc->res[i];
		struct sbuf name = SBUF_INIT;
		if (r->map && r->map->facts[IF_NAME] &&
		    literal_text(b->doc, iac_fact(r, IF_NAME), &name) && !strchr(name.buf, '*'))
			list_put(b, &b->names, iac_strdup(b->doc, name.buf), r);
		sbuf_release(&name);
	}
	for (i = 0; i < b->doc->nres; i++) {
		struct iac_res *r = b->doc->res[i];
		struct reslist targets = {NULL, 0, 0};
		size_t j;
		if (!r->map || iac_class_is_element(r->map->cls) || !r->map->facts[IF_TARGET])
			continue;
		/* gather first: a helper may name its target twice (!Ref and a name) */
		{
			const struct iac_value *t = iac_fact(r, IF_TARGET);
			struct iac_res *one;
			size_t k;
			if (t && t->kind == IAC_LIST)
				for (k = 0; k < t->count; k++) {
					if ((one = iac_target(b, t->items[k])))
						list_add(&targets, one);
				}
			else if ((one = iac_target(b, t)))
				list_add(&targets, one);
		}
		for (j = 0; j < targets.n; j++)
			list_put(b, &b->attached, targets.items[j]->id, r);
		free(targets.items);
	}
	for (i = 0; i < b->doc->nres; i++) {
		struct iac_res *r = b->doc->res[i];
		struct iac_res *role = iac_role_of(b, r);
		if (role)
			list_put(b, &b->role_users, role->id, r);
	}
}

void iac_build_release_doc(struct iac_build *b)
{
	size_t i;

	for (i = 0; i < b->nowned; i++) {
		free(b->owned_lists[i]->items);
		free(b->owned_lists[i]);
	}
	free(b->owned_lists);
	b->owned_lists = NULL;
	b->nowned = b->owned_cap = 0;
	strmap_clear(&b->names);
	strmap_clear(&b->attached);
	strmap_clear(&b->role_users);
}

/* The name an ARN or a queue URL ends with ("arn:aws:dynamodb:r:a:table/Orders" -> Orders). */
static void name_of_arn(const char *text, struct sbuf *out)
{
	static const char *const prefixes[] = {
	    "table/",     "function:", "stateMachine:",   "event-bus/",    "secret:",
	    "log-group:", "stream/",   "deliverystream/", "key/",          "userpool/",
	    "parameter",  "identity/", "cluster:",        "db:",           "file-system/",
	    "rule/",      "schedule/", "pipe/",           "loadbalancer/", "apis/",
	};
	const char *res = text, *matched = NULL;
	size_t i;
	int colons = 0;

	if (str_starts_with(text, "https://sqs.")) { /* a queue URL ends with the queue's name */
		const char *slash = strrchr(text, '/');
		sbuf_addstr(out, slash ? slash + 1 : text);
		return;
	}
	for (; *res && colons < 5; res++)
		if (*res == ':')
			colons++;
	if (colons < 5) {
		sbuf_addstr(out, text);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(prefixes) && !matched; i++)
		if (str_starts_with(res, prefixes[i])) {
			matched = prefixes[i];
			res += strlen(prefixes[i]);
		}
	if (str_eq(matched, "parameter")) /* parameter/app/db names "/app/db" */
		sbuf_add(out, res, strcspn(res, "*"));
	else if (str_eq(matched, "log-group:"))
		sbuf_add(out, res, strcspn(res, ":*"));
	else
		sbuf_add(out, res, strcspn(res, "/:*"));
}

/* "arn:aws:dynamodb:..." -> "dynamodb" into buf; "" for what is not an ARN. */
static void arn_service(const char *text, char *buf, size_t size)
{
	const char *p = str_starts_with(text, "arn:") ? strchr(text + 4, ':') : NULL;
	size_t n = p ? strcspn(p + 1, ":") : 0;

	buf[0] = '\0';
	if (p && n < size) {
		memcpy(buf, p + 1, n);
		buf[n] = '\0';
	}
}

/* Of the resources sharing a name: the class asked for, the ARN's service, an element. */
static struct iac_res *pick(const struct reslist *l, const char *service, enum iac_class cls)
{
	size_t i;

	for (i = 0; l && cls != IC_CLASS_COUNT && i < l->n; i++)
		if (iac_is(l->items[i], cls))
			return l->items[i];
	if (cls != IC_CLASS_COUNT)
		return NULL;
	for (i = 0; l && *service && i < l->n; i++)
		if (str_eq(iac_service_of(l->items[i]), service))
			return l->items[i];
	for (i = 0; l && i < l->n; i++)
		if (l->items[i]->map && iac_class_is_element(l->items[i]->map->cls))
			return l->items[i];
	return l && l->n ? l->items[0] : NULL;
}

struct iac_res *iac_target_named(const struct iac_build *b, const char *text, enum iac_class cls)
{
	struct sbuf name = SBUF_INIT;
	const struct reslist *l = NULL;
	char service[32];

	if (str_empty(text) || str_starts_with(text, "{{resolve:"))
		return NULL;
	arn_service(text, service, sizeof(service));
	name_of_arn(text, &name);
	if (name.len)
		l = strmap_get(&b->names, name.buf);
	if (!l && name.len > 1 && name.buf[0] == '/') /* an SSM parameter named without '/' */
		l = strmap_get(&b->names, name.buf + 1);
	if (!l && name.len && name.buf[0] != '/') {
		struct sbuf slash = SBUF_INIT;
		sbuf_addf(&slash, "/%s", name.buf);
		l = strmap_get(&b->names, slash.buf);
		sbuf_release(&slash);
	}
	sbuf_release(&name);
	return pick(l, service, cls);
}

struct iac_res *iac_target_by_name(const struct iac_build *b, const char *text)
{
	return iac_target_named(b, text, IC_CLASS_COUNT);
}

struct each_target {
	const struct iac_build *b;
	void (*fn)(struct iac_res *, const struct iac_value *, void *);
	void *arg;
};

static void target_ref(const char *id, const struct iac_value *at, void *arg)
{
	struct each_target *t = arg;
	struct iac_res *r = iac_doc_res(t->b->doc, id);

	if (r)
		t->fn(r, at, t->arg);
}

static void each_literal(const struct iac_build *b, const struct iac_value *v,
			 void (*fn)(struct iac_res *, const struct iac_value *, void *), void *arg,
			 int depth)
{
	struct sbuf text = SBUF_INIT;
	size_t i;

	if (!v || depth > 32)
		return;
	if (iac_scalar(v) || v->kind == IAC_SUB || v->kind == IAC_REF) {
		if (literal_text(b->doc, v, &text)) {
			struct iac_res *r = iac_target_by_name(b, text.buf);
			if (r)
				fn(r, v, arg);
		}
		sbuf_release(&text);
		return;
	}
	if (v->kind == IAC_LIST || v->kind == IAC_MAP ||
	    (v->kind == IAC_FN && !str_eq(v->str, "Join")))
		for (i = 0; i < v->count; i++)
			each_literal(b, v->items[i], fn, arg, depth + 1);
	if (v->kind == IAC_FN && str_eq(v->str, "Join") && v->count == 2 &&
	    v->items[1]->kind ==
		IAC_LIST) { /* !Join ['', [arn:..., !Ref X, ...]]: the joined text */
		const struct iac_value *parts = v->items[1];
		const char *delim = iac_literal(b->doc, v->items[0]);
		for (i = 0; i < parts->count; i++) {
			if (i && delim)
				sbuf_addstr(&text, delim);
			if (!literal_text(b->doc, parts->items[i], &text))
				sbuf_addch(&text, '*');
		}
		if (text.len) {
			struct iac_res *r = iac_target_by_name(b, text.buf);
			if (r)
				fn(r, v, arg);
		}
		sbuf_release(&text);
	}
}

void iac_each_target(const struct iac_build *b, const struct iac_value *v,
		     void (*fn)(struct iac_res *r, const struct iac_value *at, void *arg),
		     void *arg)
{
	struct each_target t = {b, fn, arg};

	iac_each_ref(b->doc, v, target_ref, &t);
	each_literal(b, v, fn, arg, 0);
}

static void keep_first(struct iac_res *r, const struct iac_value *at, void *arg)
{
	struct iac_res **out = arg;

	if (!*out)
		*out = r;
}

struct iac_res *iac_target(const struct iac_build *b, const struct iac_value *v)
{
	struct iac_res *r = NULL;

	iac_each_target(b, v, keep_first, &r);
	return r;
}

const struct reslist *iac_helpers(const struct iac_build *b, const struct iac_res *r)
{
	static const struct reslist none = {NULL, 0, 0};
	const struct reslist *l = r ? strmap_get(&b->attached, r->id) : NULL;

	return l ? l : &none;
}

const struct iac_value *iac_fact_of(const struct iac_build *b, const struct iac_res *r,
				    enum iac_fact f, const struct iac_res **holder)
{
	const struct reslist *h;
	const struct iac_value *v = iac_fact(r, f);
	size_t i;

	if (holder)
		*holder = r;
	if (v)
		return v;
	h = iac_helpers(b, r);
	for (i = 0; i < h->n; i++)
		if ((v = iac_fact(h->items[i], f))) {
			if (holder)
				*holder = h->items[i];
			return v;
		}
	return NULL;
}

struct iac_res *iac_role_of(const struct iac_build *b, const struct iac_res *r)
{
	struct iac_res *role;

	if (!r || !r->map || !r->map->facts[IF_ROLE])
		return NULL;
	role = iac_target(b, iac_fact(r, IF_ROLE));
	return iac_is(role, IC_ROLE) ? role : NULL;
}

const struct reslist *iac_role_users(const struct iac_build *b, const struct iac_res *role)
{
	static const struct reslist none = {NULL, 0, 0};
	const struct reslist *l = role ? strmap_get(&b->role_users, role->id) : NULL;

	return l ? l : &none;
}

const char *iac_element_of(const struct iac_build *b, const struct iac_res *r)
{
	return r && r->slug && model_element(b->m, r->slug) ? r->slug : NULL;
}

const char *iac_element_named(const struct iac_build *b, const struct iac_value *v)
{
	return iac_element_of(b, iac_target(b, v));
}

void iac_prop_text(const char *path, const struct iac_value *v, struct sbuf *out)
{
	sbuf_addf(out, "%s: ", path);
	iac_value_text(v, out);
}
