/* Terraform JSON plans and state into the intermediate description (see import_tfplan.h). */
#include "import_tfplan.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"
#include "xalloc.h"

/* A module of the configuration: its resources and calls, and how it was called. */
struct tf_module {
	const char *prefix; /* "" for the root, "module.api." for a child */
	const struct iac_value *body; /* the module's configuration */
	const struct iac_value *call; /* the module_calls entry that made it, or NULL */
	struct tf_module *parent;
};

struct tf {
	struct iac_doc *doc;
	struct strmap modules; /* prefix -> struct tf_module */
	struct strmap config; /* full address without index -> config resource */
	struct strmap config_module; /* full address without index -> struct tf_module */
	struct strmap unknown; /* address -> after_unknown map */
	struct strmap plain; /* address without index -> the first resource of that name */
	struct tf_module **owned;
	size_t nowned, owned_cap;
};

bool tfplan_detect(const struct iac_value *root)
{
	return iac_get(root, "format_version") &&
	       (iac_get(root, "planned_values") || iac_get(root, "values") ||
		iac_get(root, "resource_changes") || iac_get(root, "terraform_version"));
}

static const char *cat(struct tf *tf, const char *a, const char *b)
{
	struct sbuf sb = SBUF_INIT;
	const char *out;

	sbuf_addf(&sb, "%s%s", a, b);
	out = iac_strdup(tf->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

/* "aws_x.y[0]" -> "aws_x.y"; "module.a[\"k\"].aws_x.y" -> "module.a.aws_x.y". */
static const char *strip_index(struct tf *tf, const char *address)
{
	struct sbuf sb = SBUF_INIT;
	const char *p, *out;
	int depth = 0;

	for (p = address; *p; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']' && depth)
			depth--;
		else if (!depth)
			sbuf_addch(&sb, *p);
	}
	out = iac_strdup(tf->doc, sb.buf);
	sbuf_release(&sb);
	return out;
}

static void index_module(struct tf *tf, const char *prefix, const struct iac_value *body,
			 const struct iac_value *call, struct tf_module *parent, int depth)
{
	struct tf_module *m = xcalloc(1, sizeof(*m));
	const struct iac_value *res = iac_get(body, "resources"), *calls;
	size_t i;

	m->prefix = prefix;
	m->body = body;
	m->call = call;
	m->parent = parent;
	tf->owned = xgrow(tf->owned, sizeof(*tf->owned), tf->nowned + 1, &tf->owned_cap);
	tf->owned[tf->nowned++] = m;
	strmap_put(&tf->modules, prefix, m);
	for (i = 0; res && res->kind == IAC_LIST && i < res->count; i++) {
		const char *addr = iac_scalar(iac_get(res->items[i], "address"));
		if (!addr)
			continue;
		addr = cat(tf, prefix, addr);
		strmap_put(&tf->config, addr, res->items[i]);
		strmap_put(&tf->config_module, addr, m);
	}
	calls = iac_get(body, "module_calls");
	for (i = 0; calls && calls->kind == IAC_MAP && i < calls->count && depth < 16; i++) {
		const struct iac_value *c = calls->items[i], *child = iac_get(c, "module");
		struct sbuf p = SBUF_INIT;
		if (!child) {
			iac_note(tf->doc, c->line,
				 "module '%s' from '%s' has no configuration in the file (run "
				 "'terraform init' before 'terraform show -json')",
				 calls->keys[i],
				 iac_scalar(iac_get(c, "source")) ? iac_scalar(iac_get(c, "source"))
								  : "?");
			continue;
		}
		sbuf_addf(&p, "%smodule.%s.", prefix, calls->keys[i]);
		index_module(tf, iac_strdup(tf->doc, p.buf), child, c, m, depth + 1);
		sbuf_release(&p);
	}
}

struct refs {
	struct iac_value **items;
	size_t n, cap;
	int line;
};

static void add_ref(struct tf *tf, struct refs *out, const char *address)
{
	struct iac_value *v;
	size_t i;

	for (i = 0; i < out->n; i++)
		if (str_eq(out->items[i]->str, address))
			return;
	v = iac_value_new(tf->doc, IAC_REF, out->line, 0);
	v->str = address;
	out->items = xgrow(out->items, sizeof(*out->items), out->n + 1, &out->cap);
	out->items[out->n++] = v;
}

static void resolve_refs(struct tf *tf, const struct tf_module *m, const struct iac_value *list,
			 struct refs *out, const char *user, int depth);

/* The resource a reference names, with the dotted parts after it dropped. */
static const char *ref_address(struct tf *tf, const char *prefix, const char *ref)
{
	struct sbuf sb = SBUF_INIT;
	const char *p = ref, *out = NULL;
	int parts = str_starts_with(ref, "data.") ? 3 : 2, i;

	for (i = 0; i < parts; i++) {
		size_t n = strcspn(p, ".");
		if (!p[0])
			break;
		sbuf_add(&sb, p, n);
		p += n;
		if (*p == '.' && i + 1 < parts) {
			sbuf_addch(&sb, '.');
			p++;
		}
	}
	if (i == parts) {
		const struct iac_res *r =
		    strmap_get(&tf->plain, cat(tf, prefix, strip_index(tf, sb.buf)));
		if (r)
			out = r->id;
	}
	sbuf_release(&sb);
	return out;
}

/* var.NAME inside a module: what the module call passes for it, in the caller's module. */
static void follow_var(struct tf *tf, const struct tf_module *m, const char *name, struct refs *out,
		       const char *user, int depth)
{
	const struct iac_value *e;

	if (!m->call || !m->parent)
		return; /* a root variable: its value comes from outside the configuration */
	e = iac_path(m->call, "expressions");
	e = iac_get(e, name);
	resolve_refs(tf, m->parent, iac_get(e, "references"), out, user, depth + 1);
}

/* module.NAME.OUTPUT: the references of that output's expression, inside the child. */
static void follow_output(struct tf *tf, const struct tf_module *m, const char *ref,
			  struct refs *out, const char *user, int depth)
{
	struct sbuf prefix = SBUF_INIT;
	const char *p = ref + strlen("module."), *dot = strchr(p, '.');
	const struct tf_module *child;

	if (!dot)
		return;
	sbuf_addf(&prefix, "%smodule.", m->prefix);
	sbuf_add(&prefix, p, (size_t)(dot - p));
	sbuf_addch(&prefix, '.');
	child = strmap_get(&tf->modules, prefix.buf);
	if (child) {
		char name[128];
		size_t n = strcspn(dot + 1, ".[");
		if (n < sizeof(name)) {
			const struct iac_value *o;
			memcpy(name, dot + 1, n);
			name[n] = '\0';
			o = iac_get(iac_get(child->body, "outputs"), name);
			resolve_refs(tf, child, iac_path(o, "expression.references"), out, user,
				     depth + 1);
		}
	}
	sbuf_release(&prefix);
}

static void resolve_refs(struct tf *tf, const struct tf_module *m, const struct iac_value *list,
			 struct refs *out, const char *user, int depth)
{
	size_t i;

	for (i = 0; list && list->kind == IAC_LIST && i < list->count && depth < 8; i++) {
		const char *ref = iac_scalar(list->items[i]);
		const char *addr;
		if (!ref)
			continue;
		if (str_starts_with(ref, "var."))
			follow_var(tf, m, ref + 4, out, user, depth);
		else if (str_starts_with(ref, "module."))
			follow_output(tf, m, ref, out, user, depth);
		else if (str_starts_with(ref, "local."))
			iac_note(tf->doc, out->line, "%s (a local value) in %s is not resolved",
				 ref, user);
		else if ((addr = ref_address(tf, m->prefix, ref)))
			add_ref(tf, out, addr);
	}
}

static bool is_expression(const struct iac_value *e)
{
	size_t i;

	if (!e || e->kind != IAC_MAP || !e->count)
		return false;
	for (i = 0; i < e->count; i++)
		if (!str_eq(e->keys[i], "constant_value") && !str_eq(e->keys[i], "references"))
			return false;
	return true;
}

/* The map with `key` set to `v` (replaced, or added at the end). */
static struct iac_value *map_set(struct tf *tf, struct iac_value *map, const char *key,
				 struct iac_value *v)
{
	struct iac_value *out, **items;
	const char **keys;
	size_t i;

	for (i = 0; i < map->count; i++)
		if (str_eq(map->keys[i], key)) {
			map->items[i] = v;
			return map;
		}
	items = xcalloc(map->count + 1, sizeof(*items));
	keys = xcalloc(map->count + 1, sizeof(*keys));
	if (map->count) {
		memcpy(items, map->items, map->count * sizeof(*items));
		memcpy(keys, map->keys, map->count * sizeof(*keys));
	}
	items[map->count] = v;
	keys[map->count] = key;
	out = iac_value_new(tf->doc, IAC_MAP, map->line, map->col);
	iac_value_fill(tf->doc, out, items, keys, map->count + 1);
	out->key_lines = iac_alloc(tf->doc, (map->count + 1) * sizeof(*out->key_lines));
	for (i = 0; i <= map->count; i++)
		out->key_lines[i] = i < map->count && map->key_lines ? map->key_lines[i] : v->line;
	free(items);
	free(keys);
	return out;
}

static struct iac_value *overlay(struct tf *tf, const struct tf_module *m, struct iac_value *v,
				 const struct iac_value *e, const char *user, int line);

/* One expression: references become reference values, constants fill what the plan lacks. */
static struct iac_value *overlay_expression(struct tf *tf, const struct tf_module *m,
					    struct iac_value *v, const struct iac_value *e,
					    const char *user, int line)
{
	struct refs refs = {NULL, 0, 0, line};
	struct iac_value *out = v;

	resolve_refs(tf, m, iac_get(e, "references"), &refs, user, 0);
	if (refs.n == 1 && (!v || v->kind != IAC_MAP)) {
		out = refs.items[0];
	} else if (refs.n) {
		struct iac_value *list = iac_value_new(tf->doc, IAC_LIST, line, 0);
		iac_value_fill(tf->doc, list, refs.items, NULL, refs.n);
		out = v && v->kind == IAC_MAP ? map_set(tf, v, "~refs", list) : list;
	} else if ((!v || v->kind == IAC_NULL || v->kind == IAC_UNKNOWN) &&
		   iac_get(e, "constant_value")) {
		out = (struct iac_value *)iac_get(e, "constant_value");
	}
	free(refs.items);
	return out;
}

static struct iac_value *overlay(struct tf *tf, const struct tf_module *m, struct iac_value *v,
				 const struct iac_value *e, const char *user, int line)
{
	size_t i;

	if (is_expression(e))
		return overlay_expression(tf, m, v, e, user, line);
	if (e && e->kind == IAC_LIST) { /* nested blocks, item by item */
		if (!v || v->kind != IAC_LIST) {
			v = iac_value_new(tf->doc, IAC_LIST, line, 0);
			iac_value_fill(tf->doc, v, NULL, NULL, 0);
		}
		for (i = 0; i < e->count && i < v->count; i++)
			v->items[i] = overlay(tf, m, v->items[i], e->items[i], user, line);
		if (v->count == 0 && e->count) {
			struct iac_value **items = xcalloc(e->count, sizeof(*items));
			for (i = 0; i < e->count; i++)
				items[i] = overlay(tf, m, NULL, e->items[i], user, line);
			iac_value_fill(tf->doc, v, items, NULL, e->count);
			free(items);
		}
		return v;
	}
	if (e && e->kind == IAC_MAP) { /* a block's attributes */
		if (!v || v->kind != IAC_MAP) {
			v = iac_value_new(tf->doc, IAC_MAP, line, 0);
			iac_value_fill(tf->doc, v, NULL, NULL, 0);
		}
		for (i = 0; i < e->count; i++) {
			struct iac_value *cur = (struct iac_value *)iac_get(v, e->keys[i]);
			struct iac_value *next = overlay(tf, m, cur, e->items[i], user, line);
			if (next && next != cur)
				v = map_set(tf, v, e->keys[i], next);
		}
	}
	return v;
}

/* Attributes the plan knows only after apply, and nothing in the configuration names. */
static struct iac_value *mark_unknown(struct tf *tf, struct iac_value *props,
				      const struct iac_value *unknown)
{
	size_t i;

	for (i = 0; unknown && unknown->kind == IAC_MAP && i < unknown->count; i++)
		if (str_eq(iac_scalar(unknown->items[i]), "true") &&
		    !iac_get(props, unknown->keys[i]))
			props = map_set(tf, props, unknown->keys[i],
					iac_value_new(tf->doc, IAC_UNKNOWN, props->line, 0));
	return props;
}

static void add_resource(struct tf *tf, const struct iac_value *r, bool from_config)
{
	const char *address = iac_scalar(iac_get(r, "address"));
	const char *type = iac_scalar(iac_get(r, "type"));
	const char *mode = iac_scalar(iac_get(r, "mode"));
	struct iac_value *props;
	const struct iac_res *res;
	const char *plain;

	if (!address || !type || iac_doc_res(tf->doc, address))
		return;
	if (str_eq(mode, "data"))
		type = cat(tf, "data.", type);
	props = from_config ? NULL : (struct iac_value *)iac_get(r, "values");
	if (!props || props->kind != IAC_MAP) {
		props = iac_value_new(tf->doc, IAC_MAP, r->line, r->col);
		iac_value_fill(tf->doc, props, NULL, NULL, 0);
	}
	res = iac_doc_add(tf->doc, address, type, props, r->line, r->col);
	plain = strip_index(tf, address);
	if (!strmap_get(&tf->plain, plain))
		strmap_put(&tf->plain, plain, (void *)res);
}

/* Once every resource is known: the configuration's references, and what stays unknown. */
static void overlay_all(struct tf *tf)
{
	size_t i;

	for (i = 0; i < tf->doc->nres; i++) {
		struct iac_res *r = tf->doc->res[i];
		const char *key = strip_index(tf, r->id);
		const struct iac_value *cfg = strmap_get(&tf->config, key);
		const struct tf_module *m = strmap_get(&tf->config_module, key);
		if (cfg && m)
			r->props =
			    overlay(tf, m, r->props, iac_get(cfg, "expressions"), r->id, r->line);
		r->props = mark_unknown(tf, r->props, strmap_get(&tf->unknown, r->id));
	}
}

/* `terraform show -json` writes every resource as an object with a string address and type. */
static int check_resource(struct tf *tf, const struct iac_value *r, struct sw_error *err)
{
	const struct iac_value *address = iac_get(r, "address"), *type = iac_get(r, "type");

	if (r->kind != IAC_MAP)
		return sw_error_at(err, tf->doc->file, r->line, r->col,
				   "a resource of a Terraform module must be an object");
	if (!address || address->kind != IAC_STR || !type || type->kind != IAC_STR)
		return sw_error_at(err, tf->doc->file, r->line, r->col,
				   "a Terraform resource needs 'address' and 'type' strings");
	return 0;
}

static int add_module_values(struct tf *tf, const struct iac_value *module, bool data_only,
			     int depth, struct sw_error *err)
{
	const struct iac_value *res = iac_get(module, "resources");
	const struct iac_value *children = iac_get(module, "child_modules");
	size_t i;

	for (i = 0; res && res->kind == IAC_LIST && i < res->count; i++) {
		if (check_resource(tf, res->items[i], err))
			return -1;
		if (!data_only || str_eq(iac_scalar(iac_get(res->items[i], "mode")), "data"))
			add_resource(tf, res->items[i], false);
	}
	for (i = 0; children && children->kind == IAC_LIST && i < children->count && depth < 16;
	     i++)
		if (add_module_values(tf, children->items[i], data_only, depth + 1, err))
			return -1;
	return 0;
}

/* Data sources the plan deferred (their inputs are known only after apply): from the config. */
static void add_config_data(struct tf *tf)
{
	size_t i;

	for (i = 0; i < tf->nowned; i++) {
		const struct tf_module *m = tf->owned[i];
		const struct iac_value *res = iac_get(m->body, "resources");
		size_t j;
		for (j = 0; res && res->kind == IAC_LIST && j < res->count; j++) {
			const struct iac_value *r = res->items[j];
			const char *addr = iac_scalar(iac_get(r, "address"));
			struct iac_value *copy;
			if (!str_eq(iac_scalar(iac_get(r, "mode")), "data") || !addr)
				continue;
			addr = cat(tf, m->prefix, addr);
			if (iac_doc_res(tf->doc, addr))
				continue;
			copy = iac_value_new(tf->doc, IAC_MAP, r->line, r->col);
			{
				const char *keys[3] = {"address", "type", "mode"};
				struct iac_value *items[3];
				items[0] = iac_str_new(tf->doc, addr, r->line, r->col);
				items[1] = (struct iac_value *)iac_get(r, "type");
				items[2] = (struct iac_value *)iac_get(r, "mode");
				iac_value_fill(tf->doc, copy, items, keys, 3);
			}
			add_resource(tf, copy, true);
		}
	}
}

static void index_unknown(struct tf *tf, const struct iac_value *changes)
{
	size_t i;

	for (i = 0; changes && changes->kind == IAC_LIST && i < changes->count; i++) {
		const struct iac_value *c = changes->items[i];
		const char *addr = iac_scalar(iac_get(c, "address"));
		const struct iac_value *u = iac_path(c, "change.after_unknown");
		if (addr && u)
			strmap_put(&tf->unknown, addr, (void *)u);
	}
}

static void tf_release(struct tf *tf)
{
	size_t i;

	for (i = 0; i < tf->nowned; i++)
		free(tf->owned[i]);
	free(tf->owned);
	strmap_clear(&tf->modules);
	strmap_clear(&tf->config);
	strmap_clear(&tf->config_module);
	strmap_clear(&tf->unknown);
	strmap_clear(&tf->plain);
}

int tfplan_build(struct iac_doc *doc, struct iac_value *root, struct sw_error *err)
{
	struct tf tf = {
	    doc, STRMAP_INIT, STRMAP_INIT, STRMAP_INIT, STRMAP_INIT, STRMAP_INIT, NULL, 0, 0};
	const struct iac_value *values = iac_path(root, "planned_values.root_module");
	const struct iac_value *prior = iac_path(root, "prior_state.values.root_module");
	const char *version = iac_scalar(iac_get(root, "terraform_version"));

	if (root->kind != IAC_MAP || !tfplan_detect(root))
		return sw_error_at(err, doc->file, root->line, root->col,
				   "not a Terraform plan or state: 'terraform show -json' writes "
				   "'format_version' and 'planned_values' or 'values'");
	if (!values)
		values = iac_path(root, "values.root_module");
	if (!values && !iac_get(root, "planned_values") && !iac_get(root, "values"))
		return sw_error_at(
		    err, doc->file, root->line, root->col,
		    "a Terraform plan needs 'planned_values' (a state needs 'values')");
	if (version) {
		struct sbuf d = SBUF_INIT;
		sbuf_addf(&d, "Terraform %s %s", version,
			  iac_get(root, "planned_values") ? "plan" : "state");
		doc->description = sbuf_detach(&d);
	}
	index_unknown(&tf, iac_get(root, "resource_changes"));
	if (iac_path(root, "configuration.root_module"))
		index_module(&tf, "", iac_path(root, "configuration.root_module"), NULL, NULL, 0);
	if (add_module_values(&tf, values, false, 0, err) ||
	    add_module_values(&tf, prior, true, 0, err)) { /* prior: the data sources read */
		tf_release(&tf);
		return -1;
	}
	add_config_data(&tf);
	overlay_all(&tf);
	tf_release(&tf);
	return 0;
}
