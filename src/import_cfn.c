/* CloudFormation/SAM templates into the intermediate description (see import_cfn.h). */
#include "import_cfn.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

bool cfn_detect(const struct iac_value *root)
{
	const struct iac_value *res = iac_get(root, "Resources");

	return (res && res->kind == IAC_MAP) || iac_get(root, "AWSTemplateFormatVersion");
}

static int where(struct iac_doc *doc, const struct iac_value *v, struct sw_error *err,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int where(struct iac_doc *doc, const struct iac_value *v, struct sw_error *err,
		 const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	sw_error_at(err, doc->file, v ? v->line : 1, v ? v->col : 1, "%s", msg.buf);
	sbuf_release(&msg);
	return -1;
}

/* A line for each key of `map`: where the key is written, or `fallback`. */
static int key_line(const struct iac_value *map, size_t i, int fallback)
{
	return map->key_lines ? map->key_lines[i] : fallback;
}

/*
 * A copy of `props` with the keys of `globals` it lacks; maps present in both merge too. A key
 * taken from Globals keeps its own line, so evidence points at the Globals section.
 */
static struct iac_value *merge_globals(struct iac_doc *doc, struct iac_value *props,
				       const struct iac_value *globals, int line, int col)
{
	struct iac_value **items;
	const char **keys;
	struct iac_value *out;
	size_t n = 0, i, cap;
	int *lines;

	if (!globals || globals->kind != IAC_MAP)
		return props;
	if (!props)
		props = iac_value_new(doc, IAC_MAP, line, col);
	cap = props->count + globals->count;
	items = xcalloc(cap ? cap : 1, sizeof(*items));
	keys = xcalloc(cap ? cap : 1, sizeof(*keys));
	lines = iac_alloc(doc, (cap ? cap : 1) * sizeof(*lines));
	for (i = 0; i < props->count; i++) {
		const struct iac_value *g = iac_get(globals, props->keys[i]);
		keys[n] = props->keys[i];
		lines[n] = key_line(props, i, line);
		items[n++] = g && g->kind == IAC_MAP && props->items[i]->kind == IAC_MAP
				 ? merge_globals(doc, props->items[i], g, line, col)
				 : props->items[i];
	}
	for (i = 0; i < globals->count; i++)
		if (!iac_get(props, globals->keys[i])) {
			keys[n] = globals->keys[i];
			lines[n] = key_line(globals, i, globals->items[i]->line);
			items[n++] = globals->items[i];
		}
	out = iac_value_new(doc, IAC_MAP, props->line, props->col);
	iac_value_fill(doc, out, items, keys, n);
	out->key_lines = lines;
	free(items);
	free(keys);
	return out;
}

/* The Globals section that applies to a SAM resource type, or NULL. */
static const struct iac_value *globals_for(const struct iac_value *globals, const char *type)
{
	static const struct {
		const char *type, *section;
	} map[] = {
	    {"AWS::Serverless::Function", "Function"},
	    {"AWS::Serverless::Api", "Api"},
	    {"AWS::Serverless::HttpApi", "HttpApi"},
	    {"AWS::Serverless::SimpleTable", "SimpleTable"},
	    {"AWS::Serverless::StateMachine", "StateMachine"},
	    {"AWS::Serverless::LayerVersion", "LayerVersion"},
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (str_eq(map[i].type, type))
			return iac_get(globals, map[i].section);
	return NULL;
}

static int add_resource(struct iac_doc *doc, const char *id, int line, const struct iac_value *def,
			const struct iac_value *globals, struct sw_error *err)
{
	const struct iac_value *type = iac_get(def, "Type");
	struct iac_value *props = (struct iac_value *)iac_get(def, "Properties");

	if (def->kind != IAC_MAP)
		return where(doc, def, err, "resource '%s' must be a mapping with a 'Type'", id);
	if (!iac_scalar(type))
		return where(doc, type ? type : def, err,
			     "resource '%s' needs a 'Type' such as AWS::Lambda::Function", id);
	if (props && props->kind != IAC_MAP && props->kind != IAC_NULL)
		return where(doc, props, err, "the 'Properties' of resource '%s' must be a mapping",
			     id);
	if (iac_doc_res(doc, id))
		return where(doc, def, err, "resource '%s' is defined twice", id);
	props = merge_globals(doc, props && props->kind == IAC_MAP ? props : NULL,
			      globals_for(globals, type->str), def->line, def->col);
	iac_doc_add(doc, id, type->str, props, line, def->col);
	return 0;
}

int cfn_add_resources(struct iac_doc *doc, const struct iac_value *resources,
		      const struct iac_value *globals, struct sw_error *err)
{
	size_t i;

	if (!resources || resources->kind != IAC_MAP)
		return where(doc, resources, err, "'Resources' must be a mapping of logical ids");
	for (i = 0; i < resources->count; i++) {
		int line =
		    resources->key_lines ? resources->key_lines[i] : resources->items[i]->line;
		if (add_resource(doc, resources->keys[i], line, resources->items[i], globals, err))
			return -1;
	}
	return 0;
}

static void add_params(struct iac_doc *doc, const struct iac_value *params)
{
	size_t i;

	for (i = 0; params && params->kind == IAC_MAP && i < params->count; i++) {
		struct iac_param *p = iac_alloc(doc, sizeof(*p));
		const struct iac_value *def = params->items[i];
		p->name = params->keys[i];
		p->no_echo = iac_true(doc, iac_get(def, "NoEcho"));
		p->def = (struct iac_value *)iac_get(def, "Default");
		p->line = params->key_lines ? params->key_lines[i] : def->line;
		iac_doc_add_param(doc, p);
	}
}

/* Transform: the SAM transform is understood; any other macro is listed, not expanded. */
static void note_transforms(struct iac_doc *doc, const struct iac_value *t)
{
	size_t i;
	const char *name = iac_scalar(t);

	if (t && t->kind == IAC_LIST) {
		for (i = 0; i < t->count; i++)
			note_transforms(doc, t->items[i]);
		return;
	}
	if (!name) {
		if (t && t->kind == IAC_MAP)
			iac_note(doc, t->line, "macro '%s' (Transform) is not expanded offline",
				 iac_scalar(iac_get(t, "Name")) ? iac_scalar(iac_get(t, "Name"))
								: "?");
		return;
	}
	if (str_starts_with(name, "AWS::Serverless-") || str_eq(name, "AWS::LanguageExtensions"))
		return;
	iac_note(doc, t->line, "macro '%s' (Transform) is not expanded offline", name);
}

/*
 * Names a template may use without defining them: pseudo parameters (AWS::Region) and what the
 * SAM transform generates from a resource's logical id (OrdersRole, ServerlessRestApi).
 */
static bool defined_elsewhere(const struct iac_doc *doc, const char *name)
{
	size_t i;

	if (!strncmp(name, "AWS::", 5) || !strncmp(name, "Serverless", 10))
		return true;
	for (i = 0; i < doc->nres; i++) {
		const struct iac_res *r = doc->res[i];
		if (!strncmp(r->type, "AWS::Serverless::", 17) && str_starts_with(name, r->id))
			return true;
	}
	return false;
}

/* A Ref or GetAtt to a name the template does not define: CloudFormation would refuse it. */
static void note_undefined(struct iac_doc *doc, const char *where_, const struct iac_value *v)
{
	if (doc->format != IAC_CFN || !v->str || iac_doc_res(doc, v->str) ||
	    iac_doc_param(doc, v->str) || defined_elsewhere(doc, v->str))
		return;
	iac_note(doc, v->line, "%s %s names no resource or parameter of the template, in %s",
		 v->kind == IAC_REF ? "!Ref" : "!GetAtt", v->str, where_);
}

void cfn_note_unresolvable(struct iac_doc *doc, const char *where_, const struct iac_value *v)
{
	size_t i;
	const struct iac_value *arg;

	if (!v)
		return;
	if (v->kind == IAC_REF || v->kind == IAC_GETATT) {
		note_undefined(doc, where_, v);
		return;
	}
	if (v->kind == IAC_FN && str_eq(v->str, "ImportValue")) {
		struct sbuf what = SBUF_INIT;
		iac_value_text(v->count ? v->items[0] : NULL, &what);
		iac_note(doc, v->line, "cross-stack import %s (Fn::ImportValue) in %s", what.buf,
			 where_);
		sbuf_release(&what);
	} else if (v->kind == IAC_FN && str_eq(v->str, "Transform")) {
		arg = v->count ? v->items[0] : NULL;
		if (str_eq(iac_scalar(iac_get(arg, "Name")), "AWS::Include"))
			iac_note(doc, v->line, "AWS::Include of '%s' (Fn::Transform) in %s",
				 iac_scalar(iac_path(arg, "Parameters.Location"))
				     ? iac_scalar(iac_path(arg, "Parameters.Location"))
				     : "?",
				 where_);
		else
			iac_note(doc, v->line, "macro '%s' (Fn::Transform) in %s",
				 iac_scalar(iac_get(arg, "Name")) ? iac_scalar(iac_get(arg, "Name"))
								  : "?",
				 where_);
		return;
	}
	for (i = 0; i < v->count; i++) {
		if (v->kind == IAC_MAP &&
		    (str_eq(v->keys[i], "DefinitionUri") ||
		     str_eq(v->keys[i], "DefinitionS3Location")) &&
		    v->items[i]->kind != IAC_NULL)
			iac_note(doc, v->key_lines ? v->key_lines[i] : v->items[i]->line,
				 "definition kept elsewhere (%s) in %s", v->keys[i], where_);
		cfn_note_unresolvable(doc, where_, v->items[i]);
	}
}

/* An implicit API resource for events that name no API, placed at the first such event. */
static void implicit_api(struct iac_doc *doc, const char *event_type, const char *api_key,
			 const char *id, const char *type, const struct iac_value *globals)
{
	size_t i, j;

	if (iac_doc_res(doc, id))
		return;
	for (i = 0; i < doc->nres; i++) {
		const struct iac_res *r = doc->res[i];
		const struct iac_value *events;
		if (!str_eq(r->type, "AWS::Serverless::Function") &&
		    !str_eq(r->type, "AWS::Serverless::StateMachine"))
			continue;
		events = iac_get(r->props, "Events");
		for (j = 0; events && events->kind == IAC_MAP && j < events->count; j++) {
			const struct iac_value *ev = events->items[j];
			if (str_eq(iac_scalar(iac_get(ev, "Type")), event_type) &&
			    !iac_path(ev, api_key)) {
				struct iac_value *props = merge_globals(
				    doc, NULL, globals_for(globals, type), ev->line, ev->col);
				iac_doc_add(doc, id, type, props,
					    events->key_lines ? events->key_lines[j] : ev->line, 1);
				return;
			}
		}
	}
}

/* SAM's FunctionUrlConfig as the AWS::Lambda::Url resource the transform creates. */
static void implicit_urls(struct iac_doc *doc)
{
	size_t i, n = doc->nres;

	for (i = 0; i < n; i++) {
		const struct iac_res *r = doc->res[i];
		const struct iac_value *cfg = iac_get(r->props, "FunctionUrlConfig");
		const struct iac_value *auth = iac_get(cfg, "AuthType"),
				       *cors = iac_get(cfg, "Cors");
		struct iac_value *ref, *props, *items[3];
		const char *keys[3];
		struct sbuf id = SBUF_INIT;
		size_t k = 1;
		if (!str_eq(r->type, "AWS::Serverless::Function") || !cfg || cfg->kind != IAC_MAP)
			continue;
		ref = iac_value_new(doc, IAC_REF, cfg->line, cfg->col);
		ref->str = r->id;
		keys[0] = "TargetFunctionArn";
		items[0] = ref;
		if (auth) {
			keys[k] = "AuthType";
			items[k++] = (struct iac_value *)auth;
		}
		if (cors) {
			keys[k] = "Cors";
			items[k++] = (struct iac_value *)cors;
		}
		props = iac_value_new(doc, IAC_MAP, cfg->line, cfg->col);
		iac_value_fill(doc, props, items, keys, k);
		sbuf_addf(&id, "%sUrl", r->id);
		if (!iac_doc_res(doc, id.buf))
			iac_doc_add(doc, id.buf, "AWS::Lambda::Url", props,
				    iac_key_line(r->props, "FunctionUrlConfig"), cfg->col);
		sbuf_release(&id);
	}
}

void cfn_sam_implicit(struct iac_doc *doc, const struct iac_value *globals)
{
	implicit_api(doc, "Api", "Properties.RestApiId", "ServerlessRestApi",
		     "AWS::Serverless::Api", globals);
	implicit_api(doc, "HttpApi", "Properties.ApiId", "ServerlessHttpApi",
		     "AWS::Serverless::HttpApi", globals);
	implicit_urls(doc);
}

int cfn_build(struct iac_doc *doc, struct iac_value *root, struct sw_error *err)
{
	const struct iac_value *globals, *desc;
	size_t i;

	root = iac_normalize(doc, root);
	if (root->kind != IAC_MAP)
		return where(doc, root, err, "a template must be a mapping, not %s",
			     root->kind == IAC_LIST ? "a list" : "a single value");
	if (!iac_get(root, "Resources"))
		return where(doc, root, err,
			     "not a CloudFormation template: there is no 'Resources' mapping");
	desc = iac_get(root, "Description");
	if (iac_scalar(desc))
		doc->description = xstrdup(iac_scalar(desc));
	note_transforms(doc, iac_get(root, "Transform"));
	add_params(doc, iac_get(root, "Parameters"));
	globals = iac_get(root, "Globals");
	if (cfn_add_resources(doc, iac_get(root, "Resources"), globals, err))
		return -1;
	cfn_sam_implicit(doc, globals);
	for (i = 0; i < doc->nres; i++) {
		struct sbuf w = SBUF_INIT;
		sbuf_addf(&w, "resource %s", doc->res[i]->id);
		cfn_note_unresolvable(doc, w.buf, doc->res[i]->props);
		sbuf_release(&w);
	}
	return 0;
}
