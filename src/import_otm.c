/*
 * OTM import (see import_otm.h). The document is read in dependency order: project, assets,
 * trust zones, components, their parents, dataflows, threat and mitigation definitions, then
 * the threat instances on components and dataflows, each of which becomes one stridewalk
 * threat (T-0001... in the order of the threat definitions). The mapping rules for types,
 * states and the 0-100 scale are in import_otm_map.c.
 */
#include "import_otm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "coverage.h"
#include "import_foreign.h"
#include "import_otm_map.h"
#include "model_slug.h"
#include "util.h"
#include "xalloc.h"

#define STR JSON_T_STRING
#define TEXT JSON_T_TEXT
#define NUM JSON_T_NUMBER
#define LIST (JSON_T_ARRAY | JSON_T_NULL)
#define MAP (JSON_T_OBJECT | JSON_T_NULL)

/* A threat instance: the threat definition named on an element. */
struct instance {
	struct element *e;
	const struct json_value *json;
};

/* A trust zone, component, threat or mitigation of the file, by its OTM id. */
struct object {
	const struct json_value *json;
	const char *otm_id;
	struct element *e; /* zones and components */
	struct mitigation *mit; /* mitigation definitions */
	struct instance *instances; /* threat definitions: where they are instanced */
	size_t ninstances, instances_cap;
	bool state_read; /* mitigations: a state was taken from an instance */
};

struct section {
	struct object *items;
	size_t n;
	struct strmap by_id; /* OTM id -> struct object * */
};

struct importer {
	const char *file;
	struct sw_error *err;
	struct otm_report *r;
	struct model *m;
	bool ours; /* written by stridewalk: ids and "stridewalk:" attributes are kept */
	struct slug_maker ids;
	struct section zones, components, flows, threats, mitigations;
	struct strmap assets; /* OTM asset id -> its name (borrowed) */
	struct strlist unknown_types; /* OTM types the table does not know, once each */
	size_t representations, positions, attributes, nested, zone_parents;
	size_t ratings, reductions, unused_threats, unused_mitigations, mixed_states, unnamed;
	size_t unknown_states, rated_default, trust_zone_ends;
	size_t names_made[KIND_COUNT]; /* per kind: names made for objects that had none */
};

/* ---- small helpers ------------------------------------------------------------------------- */

/* The member `key` of `obj` checked to be of `types`; *out NULL when absent. */
static int member(struct importer *im, const struct json_value *obj, const char *key,
		  unsigned types, const struct json_value **out)
{
	return json_member(im->file, obj, key, types, out, im->err);
}

/* A string member that must be there and not be empty. */
static int required(struct importer *im, const struct json_value *obj, const char *key,
		    const char *what, const char **out)
{
	const struct json_value *v;

	if (member(im, obj, key, STR, &v))
		return -1;
	if (!v || !*v->text)
		return foreign_error(im->err, im->file, v ? v : obj, "%s has no '%s'", what, key);
	*out = v->text;
	return 0;
}

static int want_object(struct importer *im, const struct json_value *v, const char *what)
{
	if (v->type == JSON_OBJECT)
		return 0;
	return foreign_error(im->err, im->file, v, "%s must be an object, not %s", what,
			     json_type_name(v->type));
}

/* The value of attribute "stridewalk:KEY" when the file is stridewalk's; NULL otherwise. */
static const struct json_value *attr(const struct importer *im, const struct json_value *obj,
				     const char *key)
{
	struct sbuf k = SBUF_INIT;
	const struct json_value *v;

	if (!im->ours)
		return NULL;
	sbuf_addf(&k, "%s%s", OTM_ATTR, key);
	v = json_get(json_get(obj, "attributes"), k.buf);
	sbuf_release(&k);
	return v;
}

/* A "stridewalk:" attribute that must be a string when present. */
static int attr_str(struct importer *im, const struct json_value *obj, const char *key,
		    const char **out)
{
	const struct json_value *v = attr(im, obj, key);

	*out = NULL;
	if (!v)
		return 0;
	if (v->type != JSON_STRING)
		return foreign_error(im->err, im->file, v,
				     "attribute '%s%s' must be a string, not %s", OTM_ATTR, key,
				     json_type_name(v->type));
	*out = v->text;
	return 0;
}

/* A list of strings (nulls skipped) into `out`, each cleaned of control characters. */
static int string_list(struct importer *im, const struct json_value *list, const char *what,
		       struct strlist *out)
{
	size_t i;

	for (i = 0; list && i < list->nitems; i++) {
		const struct json_value *v = list->items[i];
		char *s;
		if (v->type == JSON_NULL)
			continue;
		if (v->type != JSON_STRING)
			return foreign_error(im->err, im->file, v, "%s must be strings, not %s",
					     what, json_type_name(v->type));
		if ((s = foreign_name(v->text)) != NULL && !strlist_contains(out, s))
			strlist_push(out, s);
		free(s);
	}
	return 0;
}

/* Counts what the file has that stridewalk keeps nowhere: diagram shapes, free attributes. */
static void count_extras(struct importer *im, const struct json_value *obj)
{
	const struct json_value *reps = json_get(obj, "representations");
	const struct json_value *attrs = json_get(obj, "attributes");
	size_t i;

	for (i = 0; reps && reps->type == JSON_ARRAY && i < reps->nitems; i++)
		im->positions += json_get(reps->items[i], "position") != NULL;
	if (!attrs || attrs->type != JSON_OBJECT)
		return;
	for (i = 0; i < attrs->nmembers; i++) {
		if (!im->ours || !str_starts_with(attrs->members[i].key, OTM_ATTR)) {
			im->attributes++;
			return;
		}
	}
}

/* ---- sections ------------------------------------------------------------------------------ */

/* The list under `key` (absent or null: empty) as objects with an id, indexed by it. */
static int read_section(struct importer *im, const struct json_value *root, const char *key,
			const char *what, struct section *s)
{
	const struct json_value *list;
	size_t i;

	if (member(im, root, key, LIST, &list))
		return -1;
	s->n = list ? list->nitems : 0;
	s->items = xcalloc(s->n ? s->n : 1, sizeof(*s->items));
	for (i = 0; i < s->n; i++) {
		struct object *o = &s->items[i];
		struct object *first;
		o->json = list->items[i];
		if (want_object(im, o->json, what) || required(im, o->json, "id", what, &o->otm_id))
			return -1;
		if ((first = strmap_get(&s->by_id, o->otm_id)) != NULL)
			return foreign_error(im->err, im->file, json_get(o->json, "id"),
					     "duplicate id '%s' in '%s' (first at line %d)",
					     o->otm_id, key, first->json->line);
		strmap_put(&s->by_id, o->otm_id, o);
	}
	return 0;
}

static struct object *find(const struct section *s, const char *otm_id)
{
	return otm_id ? strmap_get(&s->by_id, otm_id) : NULL;
}

/* The id of a new element: the file's own when stridewalk wrote it, else a slug of its name. */
static int element_id(struct importer *im, const struct object *o, const char *name,
		      const char *fallback, char **out)
{
	if (!im->ours) {
		*out = slug_maker_make(&im->ids, name, fallback);
		return 0;
	}
	if (!slug_valid(o->otm_id))
		return foreign_error(im->err, im->file, json_get(o->json, "id"),
				     "id '%s' must be a lowercase slug in a file stridewalk wrote",
				     o->otm_id);
	if (model_element(im->m, o->otm_id))
		return foreign_error(im->err, im->file, json_get(o->json, "id"),
				     "duplicate id '%s'", o->otm_id);
	*out = xstrdup(o->otm_id);
	return 0;
}

/* A new element's name and description; a missing name is made from its kind ("Process 2"). */
static int name_and_description(struct importer *im, const struct object *o, struct element *e)
{
	static const char *const words[KIND_COUNT] = {"External entity", "Process", "Data store",
						      "Flow", "Trust zone"};
	const struct json_value *name, *description;

	if (member(im, o->json, "name", TEXT, &name) ||
	    member(im, o->json, "description", TEXT, &description))
		return -1;
	e->name = foreign_name(json_str(name));
	if (!e->name && e->kind == KIND_DATA_FLOW)
		return 0; /* named after its ends once they are known */
	if (!e->name) {
		struct sbuf sb = SBUF_INIT;
		sbuf_addf(&sb, "%s %zu", words[e->kind], ++im->names_made[e->kind]);
		e->name = sbuf_detach(&sb);
		im->unnamed++;
	}
	e->description = foreign_text(json_str(description));
	return 0;
}

/* Gives the new element its id (taking it over) and adds it to the model as the object's. */
static void adopt(struct importer *im, struct object *o, struct element *e, char *id)
{
	free(e->id);
	e->id = id;
	o->e = e;
	model_add_element(im->m, e);
	count_extras(im, o->json);
}

/* Reads the section under `key`, then makes each of its objects with `make`. */
static int read_objects(struct importer *im, const struct json_value *root, const char *key,
			const char *what, struct section *s,
			int (*make)(struct importer *, struct object *))
{
	size_t i;

	if (read_section(im, root, key, what, s))
		return -1;
	for (i = 0; i < s->n; i++)
		if (make(im, &s->items[i]))
			return -1;
	return 0;
}

/* ---- project and assets --------------------------------------------------------------------- */

static int read_version(struct importer *im, const struct json_value *root)
{
	const char *v = NULL;

	if (required(im, root, "otmVersion", "an OTM file", &v))
		return -1;
	if (!str_eq(v, "0.1") && !str_eq(v, "0.2") && !str_starts_with(v, "0.1.") &&
	    !str_starts_with(v, "0.2."))
		return foreign_error(im->err, im->file, json_get(root, "otmVersion"),
				     "OTM version '%s' is not supported (expected 0.1 or 0.2)", v);
	snprintf(im->r->version, sizeof(im->r->version), "%s", v);
	return 0;
}

static void add_owner(struct importer *im, const char *raw)
{
	struct participant *p;
	char *name = foreign_name(raw);

	if (!name)
		return;
	p = xcalloc(1, sizeof(*p));
	p->name = name;
	p->role = xstrdup("owner");
	model_add_participant(im->m, p);
	im->r->participants++;
}

static int read_project(struct importer *im, const struct json_value *root)
{
	static const struct json_rule rules[] = {
	    {"name", TEXT}, {"description", TEXT}, {"owner", TEXT}, {"attributes", MAP}};
	const struct json_value *project, *v;
	const char *scope;

	if (member(im, root, "project", JSON_T_OBJECT, &project))
		return -1;
	if (!project)
		return foreign_error(im->err, im->file, root, "an OTM file has no 'project'");
	if (json_check(im->file, project, rules, ARRAY_SIZE(rules), im->err))
		return -1;
	im->ours = json_get_str(json_get(project, "attributes"), OTM_ATTR_FORMAT) != NULL;
	im->r->ours = im->ours;
	im->m->name = foreign_name(json_get_str(project, "name"));
	if (!im->m->name) {
		im->m->name = xstrdup("OTM model");
		foreign_note(&im->r->approximated, "the project had no name; called 'OTM model'");
	}
	im->m->description = foreign_text(json_get_str(project, "description"));
	if (attr_str(im, project, "scope", &scope))
		return -1;
	im->m->scope = foreign_text(scope);
	v = attr(im, project, "assumptions");
	if (v && v->type != JSON_ARRAY)
		return foreign_error(im->err, im->file, v,
				     "attribute '%sassumptions' must be a list, not %s", OTM_ATTR,
				     json_type_name(v->type));
	if (string_list(im, v, "assumptions", &im->m->assumptions))
		return -1;
	add_owner(im, json_get_str(project, "owner"));
	count_extras(im, project);
	return 0;
}

static int read_assets(struct importer *im, const struct json_value *root)
{
	const struct json_value *list;
	size_t i;

	if (member(im, root, "assets", LIST, &list))
		return -1;
	for (i = 0; list && i < list->nitems; i++) {
		const char *id = NULL, *name = NULL;
		if (want_object(im, list->items[i], "an asset") ||
		    required(im, list->items[i], "id", "an asset", &id) ||
		    required(im, list->items[i], "name", "an asset", &name))
			return -1;
		strmap_put(&im->assets, id, (void *)name);
	}
	return 0;
}

/* ---- trust zones ---------------------------------------------------------------------------- */

static int make_zone(struct importer *im, struct object *o)
{
	static const struct json_rule rules[] = {{"type", TEXT},
						 {"risk", MAP},
						 {"parent", MAP},
						 {"representations", LIST},
						 {"attributes", MAP}};
	char *id;

	/* stridewalk's stand-in zone for elements outside every boundary is no boundary */
	if (im->ours && str_eq(o->otm_id, OTM_OUTSIDE_ZONE))
		return 0;
	if (json_check(im->file, o->json, rules, ARRAY_SIZE(rules), im->err))
		return -1;
	o->e = element_new("", KIND_TRUST_BOUNDARY);
	if (name_and_description(im, o, o->e) || element_id(im, o, o->e->name, "trust-zone", &id)) {
		element_free(o->e);
		o->e = NULL;
		return -1;
	}
	adopt(im, o, o->e, id);
	im->r->trust_zones++;
	im->ratings += json_get(o->json, "risk") != NULL;
	return 0;
}

static int read_zones(struct importer *im, const struct json_value *root)
{
	return read_objects(im, root, "trustZones", "a trust zone", &im->zones, make_zone);
}

/* The parent object {trustZone: id} or {component: id}; both NULL when there is none. */
static int parent_of(struct importer *im, const struct object *o, struct object **zone,
		     struct object **component)
{
	static const struct json_rule rules[] = {{"trustZone", TEXT}, {"component", TEXT}};
	const struct json_value *parent = json_get(o->json, "parent");
	const char *zid, *cid;

	*zone = *component = NULL;
	if (!parent || parent->type != JSON_OBJECT)
		return 0;
	if (json_check(im->file, parent, rules, ARRAY_SIZE(rules), im->err))
		return -1;
	zid = json_get_str(parent, "trustZone");
	cid = json_get_str(parent, "component");
	if (zid && !(*zone = find(&im->zones, zid)))
		return foreign_error(im->err, im->file, json_get(parent, "trustZone"),
				     "parent names trust zone '%s', which the file does not define",
				     zid);
	if (!zid && cid && !(*component = find(&im->components, cid)))
		return foreign_error(im->err, im->file, json_get(parent, "component"),
				     "parent names component '%s', which the file does not define",
				     cid);
	return 0;
}

/*
 * The boundary an object sits in (NULL for none or stridewalk's outside zone), through the
 * components it may be nested in; *component is the component it names as its parent, if any.
 */
static int zone_of(struct importer *im, const struct object *o, struct element **zone_out,
		   struct object **component)
{
	struct object *zone, *up;
	size_t steps;

	*zone_out = NULL;
	if (parent_of(im, o, &zone, component))
		return -1;
	for (steps = 0, up = *component; !zone && up && steps <= im->components.n; steps++)
		if (parent_of(im, up, &zone, &up))
			return -1;
	*zone_out = zone ? zone->e : NULL;
	return 0;
}

/* Nesting of trust zones; a zone inside a component goes inside that component's zone. */
static int link_zones(struct importer *im)
{
	size_t i;

	for (i = 0; i < im->zones.n; i++) {
		struct object *o = &im->zones.items[i], *component;
		struct element *parent, *up;
		size_t steps = 0;
		if (!o->e) /* stridewalk's outside zone */
			continue;
		if (zone_of(im, o, &parent, &component))
			return -1;
		im->zone_parents += component != NULL;
		for (up = parent; up && up != o->e && steps++ <= im->zones.n;)
			up = up->boundary ? model_element(im->m, up->boundary) : NULL;
		if (up && up == o->e)
			return foreign_error(im->err, im->file, json_get(o->json, "parent"),
					     "trust zone '%s' is nested inside itself", o->otm_id);
		if (parent)
			o->e->boundary = xstrdup(parent->id);
	}
	return 0;
}

/* ---- components ----------------------------------------------------------------------------- */

static void note_unknown_type(struct importer *im, const char *otm_type)
{
	if (!strlist_contains(&im->unknown_types, otm_type))
		strlist_push(&im->unknown_types, otm_type);
}

/* The generic type of a kind, for a kind the file gives without a type that fits it. */
static const char *generic_type(enum element_kind kind)
{
	return kind == KIND_EXTERNAL_ENTITY ? "generic.client"
	       : kind == KIND_DATA_STORE    ? "generic.database"
					    : "generic.service";
}

/* Kind and type: stridewalk's own attributes, else the type table or the words of the type. */
static int component_kind(struct importer *im, const struct object *o, struct element *e)
{
	const char *otm_type = json_get_str(o->json, "type"), *kind, *type, *why = NULL;
	enum element_kind k, own = KIND_PROCESS;
	bool known;
	const char *mapped = otm_type_in(otm_type, &k, &known);

	if (attr_str(im, o->json, "kind", &kind) || attr_str(im, o->json, "type", &type))
		return -1;
	if (kind &&
	    (element_kind_parse(kind, &own) || own == KIND_DATA_FLOW || own == KIND_TRUST_BOUNDARY))
		return foreign_error(
		    im->err, im->file, attr(im, o->json, "kind"),
		    "unknown kind '%s' (expected external_entity, process or data_store)", kind);
	if (type) {
		const struct catalog_type *t = catalog_find(type);
		if (!kind)
			own = t ? t->kind : k;
		if (!catalog_type_fits(type, own, &why))
			return foreign_error(im->err, im->file, attr(im, o->json, "type"),
					     "type '%s' does not fit a %s: %s", type,
					     element_kind_label(own), why);
		e->kind = own;
		e->type = xstrdup(type);
		return 0;
	}
	if (kind && own != k) {
		e->kind = own;
		e->type = xstrdup(generic_type(own));
		return 0;
	}
	e->kind = k;
	e->type = xstrdup(mapped);
	if (!known && otm_type) {
		struct sbuf tag = SBUF_INIT;
		sbuf_addf(&tag, "%s%s", OTM_TYPE_TAG, otm_type);
		strlist_push(&e->tags, tag.buf);
		sbuf_release(&tag);
		note_unknown_type(im, otm_type);
	}
	return 0;
}

/* is_log, out of scope and its reason: stridewalk's attributes, also on dataflows. */
static int scope_attributes(struct importer *im, const struct object *o, struct element *e)
{
	const char *is_log, *out, *reason;

	if (attr_str(im, o->json, "is_log", &is_log) ||
	    attr_str(im, o->json, "out_of_scope", &out) ||
	    attr_str(im, o->json, "out_of_scope_reason", &reason))
		return -1;
	e->is_log = e->kind == KIND_DATA_STORE && str_eq(is_log, "true");
	if (e->kind == KIND_DATA_STORE && !e->is_log) {
		const struct catalog_type *t = catalog_find(e->type);
		e->is_log = t && t->is_log;
	}
	e->out_of_scope = str_eq(out, "true");
	if (e->out_of_scope)
		e->out_of_scope_reason = foreign_text(reason);
	return 0;
}

static int make_component(struct importer *im, struct object *o)
{
	static const struct json_rule rules[] = {
	    {"type", TEXT},    {"parent", MAP}, {"representations", LIST}, {"assets", MAP},
	    {"threats", LIST}, {"tags", LIST},  {"attributes", MAP}};
	static const char *const fallbacks[] = {"entity", "process", "store"};
	struct element *e = element_new("", KIND_PROCESS);
	char *id = NULL;
	size_t *counts[] = {&im->r->entities, &im->r->processes, &im->r->stores};

	if (json_check(im->file, o->json, rules, ARRAY_SIZE(rules), im->err) ||
	    component_kind(im, o, e) || name_and_description(im, o, e) ||
	    string_list(im, json_get(o->json, "tags"), "tags", &e->tags) ||
	    scope_attributes(im, o, e) || element_id(im, o, e->name, fallbacks[e->kind], &id)) {
		element_free(e);
		return -1;
	}
	adopt(im, o, e, id);
	(*counts[e->kind])++;
	return 0;
}

/* Where each component sits: its trust zone, or the zone of the component it is nested in. */
static int link_components(struct importer *im)
{
	size_t i;

	for (i = 0; i < im->components.n; i++) {
		struct object *o = &im->components.items[i], *up;
		struct element *in;
		struct sbuf tag = SBUF_INIT;
		if (zone_of(im, o, &in, &up))
			return -1;
		if (in)
			o->e->boundary = xstrdup(in->id);
		if (!up)
			continue;
		sbuf_addf(&tag, "%s%s", OTM_PARENT_TAG, up->e->id);
		if (!strlist_contains(&o->e->tags, tag.buf))
			strlist_push(&o->e->tags, tag.buf);
		sbuf_release(&tag);
		im->nested++;
	}
	return 0;
}

static int read_components(struct importer *im, const struct json_value *root)
{
	return read_objects(im, root, "components", "a component", &im->components,
			    make_component) ||
		       link_zones(im) || link_components(im)
		   ? -1
		   : 0;
}

/* ---- dataflows ------------------------------------------------------------------------------ */

/* The component a dataflow end names; a trust zone there drops the flow (*drop set). */
static int flow_end(struct importer *im, const struct json_value *flow, const char *key,
		    struct element **out, bool *drop)
{
	const char *id = NULL;
	struct object *c;

	if (required(im, flow, key, "a dataflow", &id))
		return -1;
	if ((c = find(&im->components, id)) != NULL) {
		*out = c->e;
		return 0;
	}
	if (find(&im->zones, id)) {
		*drop = true;
		return 0;
	}
	return foreign_error(im->err, im->file, json_get(flow, key),
			     "dataflow %s '%s' is not a component of the file", key, id);
}

/* What the flow carries: stridewalk's attribute, else the names of its assets. */
static int flow_data(struct importer *im, const struct json_value *flow, struct element *e)
{
	const struct json_value *data = attr(im, flow, "data"), *assets;
	size_t i;

	if (data) {
		if (data->type != JSON_ARRAY)
			return foreign_error(im->err, im->file, data,
					     "attribute '%sdata' must be a list, not %s", OTM_ATTR,
					     json_type_name(data->type));
		return string_list(im, data, "data", &e->data);
	}
	if (member(im, flow, "assets", LIST, &assets))
		return -1;
	for (i = 0; assets && i < assets->nitems; i++) {
		const struct json_value *a = assets->items[i];
		const char *name;
		char *clean;
		if (a->type == JSON_NULL)
			continue;
		if (a->type != JSON_STRING)
			return foreign_error(im->err, im->file, a, "assets must be strings, not %s",
					     json_type_name(a->type));
		name = strmap_get(&im->assets, a->text);
		clean = foreign_name(name ? name : a->text);
		if (clean && !strlist_contains(&e->data, clean))
			strlist_push(&e->data, clean);
		free(clean);
	}
	return 0;
}

static int make_flow(struct importer *im, struct object *o)
{
	static const struct json_rule rules[] = {{"bidirectional", JSON_T_BOOL | JSON_T_NULL},
						 {"threats", LIST},
						 {"tags", LIST},
						 {"attributes", MAP}};
	struct element *from = NULL, *to = NULL, *e;
	const char *protocol;
	bool drop = false;
	char *id = NULL;

	if (json_check(im->file, o->json, rules, ARRAY_SIZE(rules), im->err) ||
	    flow_end(im, o->json, "source", &from, &drop) ||
	    flow_end(im, o->json, "destination", &to, &drop))
		return -1;
	if (drop) {
		im->trust_zone_ends++;
		return 0;
	}
	e = element_new("", KIND_DATA_FLOW);
	if (name_and_description(im, o, e) ||
	    string_list(im, json_get(o->json, "tags"), "tags", &e->tags) ||
	    flow_data(im, o->json, e) || attr_str(im, o->json, "protocol", &protocol) ||
	    scope_attributes(im, o, e)) {
		element_free(e);
		return -1;
	}
	if (!e->name) {
		struct sbuf sb = SBUF_INIT;
		sbuf_addf(&sb, "%s to %s", from->name, to->name);
		e->name = sbuf_detach(&sb);
		im->unnamed++;
	}
	e->from = xstrdup(from->id);
	e->to = xstrdup(to->id);
	e->protocol = foreign_name(protocol);
	e->bidirectional = json_get_bool(o->json, "bidirectional");
	if (element_id(im, o, e->name, "flow", &id)) {
		element_free(e);
		return -1;
	}
	adopt(im, o, e, id);
	im->r->dataflows++;
	return 0;
}

static int read_dataflows(struct importer *im, const struct json_value *root)
{
	return read_objects(im, root, "dataflows", "a dataflow", &im->flows, make_flow);
}

/* ---- mitigations ---------------------------------------------------------------------------- */

/* A file's own mitigation fields kept in stridewalk's attributes: status, owner, ticket, ... */
static int mitigation_attributes(struct importer *im, const struct object *o,
				 struct mitigation *mit)
{
	const char *status, *owner, *ticket, *due, *verification;

	if (attr_str(im, o->json, "status", &status) || attr_str(im, o->json, "owner", &owner) ||
	    attr_str(im, o->json, "ticket", &ticket) || attr_str(im, o->json, "due", &due) ||
	    attr_str(im, o->json, "verification", &verification))
		return -1;
	if (status && mitigation_status_parse(status, &mit->status))
		return foreign_error(im->err, im->file, attr(im, o->json, "status"),
				     "unknown mitigation status '%s'", status);
	if (due && !date_valid(due))
		return foreign_error(im->err, im->file, attr(im, o->json, "due"),
				     "'due' must be a date like 2026-12-31, not '%s'", due);
	mit->owner = foreign_name(owner);
	mit->ticket = foreign_name(ticket);
	mit->due = xstrdup(due);
	mit->verification = foreign_text(verification);
	return 0;
}

/* Whether every object of the section has an id of the form P-0001 (kept as they are). */
static bool refs_kept(const struct importer *im, const struct section *s, char prefix)
{
	size_t i;

	if (!im->ours)
		return false;
	for (i = 0; i < s->n; i++)
		if (ref_number(s->items[i].otm_id, prefix) < 0 ||
		    (prefix == 'T' && s->items[i].ninstances > 1))
			return false;
	return true;
}

static int read_mitigations(struct importer *im, const struct json_value *root)
{
	static const struct json_rule rules[] = {{"name", TEXT},
						 {"description", TEXT},
						 {"riskReduction", NUM | JSON_T_NULL},
						 {"attributes", MAP}};
	bool keep;
	size_t i;

	if (read_section(im, root, "mitigations", "a mitigation", &im->mitigations))
		return -1;
	keep = refs_kept(im, &im->mitigations, 'M');
	for (i = 0; i < im->mitigations.n; i++) {
		struct object *o = &im->mitigations.items[i];
		char *id, *title;
		if (json_check(im->file, o->json, rules, ARRAY_SIZE(rules), im->err))
			return -1;
		id = keep ? xstrdup(o->otm_id) : model_next_ref(im->m, 'M');
		title = foreign_name(json_get_str(o->json, "name"));
		o->mit = mitigation_new(id, title ? title : "Mitigation");
		o->mit->description = foreign_text(json_get_str(o->json, "description"));
		model_add_mitigation(im->m, o->mit);
		free(id);
		free(title);
		if (mitigation_attributes(im, o, o->mit))
			return -1;
		im->reductions += !im->ours && json_get(o->json, "riskReduction");
		im->r->mitigations++;
		count_extras(im, o->json);
	}
	return 0;
}

/* ---- threat instances ----------------------------------------------------------------------- */

static int collect_instances(struct importer *im, const struct object *owner)
{
	static const struct json_rule rules[] = {
	    {"threat", STR}, {"state", TEXT}, {"mitigations", LIST}};
	const struct json_value *list = json_get(owner->json, "threats");
	size_t i;

	for (i = 0; owner->e && list && i < list->nitems; i++) {
		const struct json_value *inst = list->items[i];
		const char *id = NULL;
		struct object *def;
		if (want_object(im, inst, "a threat instance") ||
		    json_check(im->file, inst, rules, ARRAY_SIZE(rules), im->err) ||
		    required(im, inst, "threat", "a threat instance", &id))
			return -1;
		if (!(def = find(&im->threats, id)))
			return foreign_error(
			    im->err, im->file, json_get(inst, "threat"),
			    "threat instance names threat '%s', which the file does not "
			    "define",
			    id);
		def->instances = xgrow(def->instances, sizeof(*def->instances), def->ninstances + 1,
				       &def->instances_cap);
		def->instances[def->ninstances].e = owner->e;
		def->instances[def->ninstances++].json = inst;
	}
	return 0;
}

static int read_threat_definitions(struct importer *im, const struct json_value *root)
{
	static const struct json_rule rules[] = {
	    {"name", TEXT}, {"description", TEXT}, {"categories", LIST}, {"cwes", LIST},
	    {"risk", MAP},  {"tags", LIST},        {"attributes", MAP}};
	static const struct json_rule risk_rules[] = {{"likelihood", NUM | JSON_T_NULL},
						      {"impact", NUM | JSON_T_NULL},
						      {"likelihoodComment", TEXT},
						      {"impactComment", TEXT}};
	size_t i;

	if (read_section(im, root, "threats", "a threat", &im->threats))
		return -1;
	for (i = 0; i < im->threats.n; i++) {
		const struct json_value *t = im->threats.items[i].json;
		if (json_check(im->file, t, rules, ARRAY_SIZE(rules), im->err) ||
		    (json_get(t, "risk") && json_get(t, "risk")->type == JSON_OBJECT &&
		     json_check(im->file, json_get(t, "risk"), risk_rules, ARRAY_SIZE(risk_rules),
				im->err)))
			return -1;
	}
	for (i = 0; i < im->components.n; i++)
		if (collect_instances(im, &im->components.items[i]))
			return -1;
	for (i = 0; i < im->flows.n; i++)
		if (collect_instances(im, &im->flows.items[i]))
			return -1;
	return 0;
}

/* ---- threats -------------------------------------------------------------------------------- */

/* Letters from stridewalk's attribute "SE": the first is primary, each must apply. */
static int own_letters(struct importer *im, const struct json_value *at, const char *letters,
		       struct threat *t, const struct element *e)
{
	unsigned ok = stride_applicable(e->kind, e->is_log);
	size_t i;

	for (i = 0; letters[i]; i++) {
		char one[2] = {letters[i], 0};
		enum stride_letter l;
		if (stride_parse(one, &l))
			return foreign_error(im->err, im->file, at,
					     "'%c' is not a STRIDE letter (S, T, R, I, D or E)",
					     letters[i]);
		if (!(ok & STRIDE_BIT(l)))
			return foreign_error(im->err, im->file, at,
					     "letter %c does not apply to %s '%s'", letters[i],
					     element_kind_label(e->kind), e->id);
		if (i == 0)
			t->letter = l;
		else if (l != t->letter)
			t->extra |= STRIDE_BIT(l);
	}
	return i ? 0
		 : foreign_error(im->err, im->file, at, "'%sstride' needs at least one letter",
				 OTM_ATTR);
}

/* Letters from the categories: the first that names a letter is primary, moved to the nearest
 * letter the element takes when it does not apply; other letters that apply are extra. */
static void category_letters(struct importer *im, const struct json_value *def, struct threat *t,
			     const struct element *e)
{
	const struct json_value *cats = json_get(def, "categories");
	unsigned ok = stride_applicable(e->kind, e->is_log);
	bool primary = false, exact;
	size_t i;

	for (i = 0; cats && cats->type == JSON_ARRAY && i < cats->nitems; i++) {
		enum stride_letter l = foreign_letter(json_str(cats->items[i]), &exact);
		if (l == STRIDE_COUNT)
			continue;
		if (!primary) {
			t->letter = foreign_nearest_letter(l, e);
			primary = true;
			if (!exact)
				foreign_note(&im->r->approximated,
					     "%s: category '%s' filed under %c (%s)", t->id,
					     json_str(cats->items[i]), stride_char(l),
					     stride_name(l));
			if (t->letter != l)
				foreign_note(&im->r->approximated,
					     "%s on %s '%s': %s does not apply to %s %s, so the "
					     "threat is kept under %c (%s)",
					     t->id, element_kind_label(e->kind), e->id,
					     stride_name(l), foreign_article(e->kind),
					     element_kind_label(e->kind), stride_char(t->letter),
					     stride_name(t->letter));
		} else if ((ok & STRIDE_BIT(l)) && l != t->letter) {
			t->extra |= STRIDE_BIT(l);
		}
	}
	if (!primary) {
		t->letter = foreign_nearest_letter(STRIDE_I, e);
		foreign_note(&im->r->approximated,
			     "%s: no category names a STRIDE letter; filed under %c (%s)", t->id,
			     stride_char(t->letter), stride_name(t->letter));
	}
}

/* A rating on OTM's 0-100 scale onto 1-5; absent or null is 3. */
static int rating(struct importer *im, const struct json_value *risk, const char *key, int *out)
{
	const struct json_value *v = json_get(risk, key);

	if (!v || v->type != JSON_NUMBER) {
		*out = 3;
		im->rated_default++;
		return 0;
	}
	if (v->number < 0 || v->number > 100)
		return foreign_error(im->err, im->file, v, "'%s' must be from 0 to 100, not %s",
				     key, v->text);
	*out = otm_level_in(v->number);
	return 0;
}

/* The description, with the file's comments on likelihood and impact after it. */
static char *threat_description(const struct json_value *def)
{
	const struct json_value *risk = json_get(def, "risk");
	char *text = foreign_text(json_get_str(def, "description"));
	char *lc = foreign_text(json_get_str(risk, "likelihoodComment"));
	char *ic = foreign_text(json_get_str(risk, "impactComment"));
	struct sbuf sb = SBUF_INIT;

	if (!lc && !ic)
		return text;
	sbuf_addstr(&sb, text ? text : "");
	if (lc)
		sbuf_addf(&sb, "%sLikelihood: %s", sb.len ? "\n\n" : "", lc);
	if (ic)
		sbuf_addf(&sb, "%sImpact: %s", sb.len ? "\n\n" : "", ic);
	free(text);
	free(lc);
	free(ic);
	return sbuf_detach(&sb);
}

/* "otm threat 55: Elevation of Privileges, CWE-79": what the threat was in the file. */
static char *foreign_provenance(const struct object *def)
{
	const char *lists[] = {"categories", "cwes"};
	struct sbuf sb = SBUF_INIT;
	size_t i, k, n = 0;

	sbuf_addf(&sb, "otm threat %s", def->otm_id);
	for (k = 0; k < ARRAY_SIZE(lists); k++) {
		const struct json_value *list = json_get(def->json, lists[k]);
		for (i = 0; list && list->type == JSON_ARRAY && i < list->nitems; i++) {
			char *s = foreign_name(json_str(list->items[i]));
			if (s)
				sbuf_addf(&sb, "%s%s", n++ ? ", " : ": ", s);
			free(s);
		}
	}
	return sbuf_detach(&sb);
}

/* Status, justification, origin, who, when and provenance: the file's own, or from the state. */
static int threat_record(struct importer *im, const struct object *def,
			 const struct json_value *inst, struct threat *t)
{
	const char *status, *why, *origin, *by, *at, *prov, *state = json_get_str(inst, "state");
	bool known;

	if (attr_str(im, def->json, "status", &status) ||
	    attr_str(im, def->json, "justification", &why) ||
	    attr_str(im, def->json, "origin", &origin) ||
	    attr_str(im, def->json, "raised_by", &by) ||
	    attr_str(im, def->json, "raised_at", &at) ||
	    attr_str(im, def->json, "provenance", &prov))
		return -1;
	if (status && threat_status_parse(status, &t->status))
		return foreign_error(im->err, im->file, attr(im, def->json, "status"),
				     "unknown threat status '%s'", status);
	if (!status) {
		t->status = otm_threat_state_in(state, &known);
		im->unknown_states += !known && !str_empty(state);
	}
	if (origin && threat_origin_parse(origin, &t->origin))
		return foreign_error(im->err, im->file, attr(im, def->json, "origin"),
				     "unknown origin '%s'", origin);
	if (!origin)
		t->origin = ORIGIN_IMPORT;
	t->justification = foreign_text(why);
	if (threat_status_needs_reason(t->status) && !t->justification) {
		struct sbuf sb = SBUF_INIT;
		sbuf_addf(&sb, "Marked %s in the OTM file", state ? state : status);
		t->justification = sbuf_detach(&sb);
	}
	t->raised_by = foreign_name(by);
	t->raised_at = foreign_name(at);
	t->provenance = im->ours ? foreign_text(prov) : foreign_provenance(def);
	return 0;
}

/* The instance's mitigations, linked to the threat; the first state seen sets the status. */
static int link_mitigations(struct importer *im, const struct json_value *inst,
			    const struct threat *t)
{
	static const struct json_rule rules[] = {{"mitigation", TEXT}, {"state", TEXT}};
	const struct json_value *list = json_get(inst, "mitigations");
	size_t i;

	for (i = 0; list && i < list->nitems; i++) {
		const struct json_value *mi = list->items[i];
		const char *id = NULL, *state;
		struct object *def;
		enum mitigation_status s;
		bool known;
		if (mi->type == JSON_NULL)
			continue;
		if (want_object(im, mi, "a mitigation instance") ||
		    json_check(im->file, mi, rules, ARRAY_SIZE(rules), im->err) ||
		    required(im, mi, "mitigation", "a mitigation instance", &id))
			return -1;
		if (!(def = find(&im->mitigations, id)))
			return foreign_error(
			    im->err, im->file, json_get(mi, "mitigation"),
			    "mitigation instance names mitigation '%s', which the file "
			    "does not define",
			    id);
		if (!strlist_contains(&def->mit->threats, t->id))
			strlist_push(&def->mit->threats, t->id);
		state = json_get_str(mi, "state");
		if (im->ours || !state)
			continue;
		s = otm_mitigation_state_in(state, &known);
		im->unknown_states += !known;
		if (!def->state_read)
			def->mit->status = s;
		else if (def->mit->status != s)
			im->mixed_states++;
		def->state_read = true;
	}
	return 0;
}

static int make_threat(struct importer *im, const struct object *def, const struct instance *inst,
		       bool keep_id)
{
	const struct json_value *risk = json_get(def->json, "risk"), *letters;
	char *id = keep_id ? xstrdup(def->otm_id) : model_next_ref(im->m, 'T');
	struct threat *t = threat_new(id, inst->e->id, STRIDE_S);

	free(id);
	model_add_threat(im->m, t);
	im->r->threats++;
	t->title = foreign_name(json_get_str(def->json, "name"));
	if (!t->title)
		t->title = xstrdup("Untitled threat");
	t->description = threat_description(def->json);
	letters = attr(im, def->json, "stride");
	if (letters && letters->type != JSON_STRING)
		return foreign_error(im->err, im->file, letters,
				     "attribute '%sstride' must be a string, not %s", OTM_ATTR,
				     json_type_name(letters->type));
	if (letters ? own_letters(im, letters, letters->text, t, inst->e)
		    : (category_letters(im, def->json, t, inst->e), 0))
		return -1;
	if (rating(im, risk, "likelihood", &t->likelihood) ||
	    rating(im, risk, "impact", &t->impact) || threat_record(im, def, inst->json, t))
		return -1;
	return link_mitigations(im, inst->json, t);
}

static int make_threats(struct importer *im)
{
	bool keep = refs_kept(im, &im->threats, 'T');
	size_t i, k;

	for (i = 0; i < im->threats.n; i++) {
		const struct object *def = &im->threats.items[i];
		im->unused_threats += def->ninstances == 0;
		for (k = 0; k < def->ninstances; k++)
			if (make_threat(im, def, &def->instances[k], keep))
				return -1;
	}
	for (i = 0; i < im->mitigations.n; i++)
		im->unused_mitigations += im->mitigations.items[i].mit->threats.count == 0;
	return 0;
}

/* ---- coverage decisions (files stridewalk wrote) -------------------------------------------- */

static int coverage_of(struct importer *im, const struct object *o)
{
	struct sbuf key = SBUF_INIT;
	const char *state, *reason;
	int l, rc = 0;

	for (l = 0; rc == 0 && o->e && l < STRIDE_COUNT; l++) {
		struct decision *d;
		enum cell_state s;
		sbuf_reset(&key);
		sbuf_addf(&key, "coverage:%c", stride_char((enum stride_letter)l));
		if ((rc = attr_str(im, o->json, key.buf, &state)) != 0 || !state)
			continue;
		if (cell_state_parse(state, &s) || (s != CELL_NONE && s != CELL_NA)) {
			rc = foreign_error(im->err, im->file, attr(im, o->json, key.buf),
					   "unknown state '%s' (expected none or n/a)", state);
			break;
		}
		if (!(element_letters(o->e) & STRIDE_BIT(l))) {
			rc = foreign_error(im->err, im->file, attr(im, o->json, key.buf),
					   "letter %c does not apply to %s '%s'",
					   stride_char((enum stride_letter)l),
					   element_kind_label(o->e->kind), o->e->id);
			break;
		}
		sbuf_reset(&key);
		sbuf_addf(&key, "reason:%c", stride_char((enum stride_letter)l));
		if ((rc = attr_str(im, o->json, key.buf, &reason)) != 0)
			break;
		d = xcalloc(1, sizeof(*d));
		d->element = xstrdup(o->e->id);
		d->letter = (enum stride_letter)l;
		d->state = s;
		d->reason = foreign_text(reason);
		if (!d->reason)
			d->reason = xstrdup("Decided before the OTM export");
		model_add_decision(im->m, d);
	}
	sbuf_release(&key);
	return rc;
}

static int read_coverage(struct importer *im)
{
	size_t i;

	for (i = 0; im->ours && i < im->components.n; i++)
		if (coverage_of(im, &im->components.items[i]))
			return -1;
	for (i = 0; im->ours && i < im->flows.n; i++)
		if (coverage_of(im, &im->flows.items[i]))
			return -1;
	return 0;
}

/* ---- the report ----------------------------------------------------------------------------- */

static void count_representations(struct importer *im, const struct json_value *root)
{
	const struct json_value *reps = json_get(root, "representations");

	im->representations = reps && reps->type == JSON_ARRAY ? reps->nitems : 0;
}

static void join(struct sbuf *sb, const struct strlist *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		sbuf_addf(sb, "%s%s", i ? ", " : "", list->items[i]);
}

static void approximations(struct importer *im)
{
	struct strlist *a = &im->r->approximated;
	struct sbuf sb = SBUF_INIT;

	if (im->unknown_types.count) {
		join(&sb, &im->unknown_types);
		foreign_note(a,
			     "%zu component type%s not in the type table became generic elements "
			     "tagged %sTYPE: %s",
			     im->unknown_types.count, im->unknown_types.count == 1 ? "" : "s",
			     OTM_TYPE_TAG, sb.buf);
	}
	if (im->nested)
		foreign_note(a,
			     "%zu component%s nested in another component placed in that "
			     "component's trust zone, tagged %sID",
			     im->nested, im->nested == 1 ? "" : "s", OTM_PARENT_TAG);
	if (im->zone_parents)
		foreign_note(a,
			     "%zu trust zone%s inside a component placed in that component's zone",
			     im->zone_parents, im->zone_parents == 1 ? "" : "s");
	if (im->unnamed)
		foreign_note(a, "%zu object%s without a name named after %s kind or ends",
			     im->unnamed, im->unnamed == 1 ? "" : "s",
			     im->unnamed == 1 ? "its" : "their");
	if (!im->ours && im->r->threats)
		foreign_note(a, "likelihood and impact from 0-100 onto 1-5: 0-20 is 1, 21-40 2, "
				"41-60 3, 61-80 4, 81-100 5");
	if (im->rated_default)
		foreign_note(a, "%zu missing likelihood or impact rating%s became 3",
			     im->rated_default, im->rated_default == 1 ? "" : "s");
	if (im->unknown_states)
		foreign_note(a, "%zu unknown threat or mitigation state%s read as open or proposed",
			     im->unknown_states, im->unknown_states == 1 ? "" : "s");
	if (im->mixed_states)
		foreign_note(a,
			     "%zu mitigation%s with different states on different threats "
			     "took the first",
			     im->mixed_states, im->mixed_states == 1 ? "" : "s");
	if (im->unused_mitigations)
		foreign_note(a, "%zu mitigation%s that no threat uses kept without threats",
			     im->unused_mitigations, im->unused_mitigations == 1 ? "" : "s");
	sbuf_release(&sb);
}

static void drops(struct importer *im)
{
	struct strlist *d = &im->r->dropped;

	if (im->representations)
		foreign_note(d, "%zu representation%s of the project (diagrams, code)",
			     im->representations, im->representations == 1 ? "" : "s");
	if (im->positions)
		foreign_note(d,
			     "the positions and sizes of %zu object%s: stridewalk lays its "
			     "diagrams out itself",
			     im->positions, im->positions == 1 ? "" : "s");
	if (!im->ours && im->ratings)
		foreign_note(d, "the trust ratings of %zu trust zone%s", im->ratings,
			     im->ratings == 1 ? "" : "s");
	if (im->reductions)
		foreign_note(d, "the risk reductions of %zu mitigation%s", im->reductions,
			     im->reductions == 1 ? "" : "s");
	if (im->attributes)
		foreign_note(d, "the free-form attributes of %zu object%s", im->attributes,
			     im->attributes == 1 ? "" : "s");
	if (im->trust_zone_ends)
		foreign_note(d, "%zu dataflow%s from or to a trust zone: flows join elements",
			     im->trust_zone_ends, im->trust_zone_ends == 1 ? "" : "s");
	if (im->unused_threats)
		foreign_note(d,
			     "%zu threat%s instanced on no component or dataflow: a threat "
			     "belongs to an element",
			     im->unused_threats, im->unused_threats == 1 ? "" : "s");
}

/* ---- the whole file ------------------------------------------------------------------------- */

static int read_document(struct importer *im, const struct json_value *root)
{
	if (root->type != JSON_OBJECT)
		return foreign_error(im->err, im->file, root,
				     "expected an OTM file (an object with 'otmVersion'), found %s",
				     json_type_name(root->type));
	if (read_version(im, root) || read_project(im, root) || read_assets(im, root) ||
	    read_zones(im, root) || read_components(im, root) || read_dataflows(im, root) ||
	    read_mitigations(im, root) || read_threat_definitions(im, root) || make_threats(im) ||
	    read_coverage(im))
		return -1;
	count_representations(im, root);
	approximations(im);
	drops(im);
	return 0;
}

bool otm_detect(const struct json_value *root)
{
	return root && root->type == JSON_OBJECT && json_get(root, "otmVersion");
}

static void release_section(struct section *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->items[i].instances);
	free(s->items);
	strmap_clear(&s->by_id);
}

int otm_import(const char *file, const struct json_value *root, struct model **out,
	       struct otm_report *report, struct sw_error *err)
{
	struct otm_report empty = OTM_REPORT_INIT;
	struct importer im;
	int rc;

	*out = NULL;
	*report = empty;
	memset(&im, 0, sizeof(im));
	im.file = file;
	im.err = err;
	im.r = report;
	im.m = model_new();
	slug_maker_init(&im.ids, im.m);
	rc = read_document(&im, root);
	report->id_lookups = im.ids.probes;
	if (rc == 0) {
		*out = im.m;
	} else {
		model_free(im.m);
		otm_report_release(report);
	}
	release_section(&im.zones);
	release_section(&im.components);
	release_section(&im.flows);
	release_section(&im.threats);
	release_section(&im.mitigations);
	strmap_clear(&im.assets);
	strlist_clear(&im.unknown_types);
	slug_maker_release(&im.ids);
	return rc;
}

int otm_import_text(const char *file, const char *text, size_t len, struct model **out,
		    struct otm_report *report, struct sw_error *err)
{
	struct otm_report empty = OTM_REPORT_INIT;
	struct json_value *root;
	int rc;

	*out = NULL;
	*report = empty;
	if (json_parse(file, text, len, NULL, &root, err))
		return -1;
	rc = otm_import(file, root, out, report, err);
	json_free(root);
	return rc;
}

void otm_report_release(struct otm_report *r)
{
	strlist_clear(&r->approximated);
	strlist_clear(&r->dropped);
}

void otm_report_write(const struct otm_report *r, const char *file, struct sbuf *out)
{
	sbuf_addf(out, "imported %s (OTM %s%s): ", file, r->version,
		  r->ours ? ", written by stridewalk" : "");
	foreign_count(out, r->trust_zones, "trust zone", "trust zones", ", ");
	foreign_count(out, r->entities + r->processes + r->stores, "component", "components", " (");
	foreign_count(out, r->entities, "external entity", "external entities", ", ");
	foreign_count(out, r->processes, "process", "processes", ", ");
	foreign_count(out, r->stores, "data store", "data stores", "), ");
	foreign_count(out, r->dataflows, "dataflow", "dataflows", ", ");
	foreign_count(out, r->threats, "threat", "threats", ", ");
	foreign_count(out, r->mitigations, "mitigation", "mitigations", ", ");
	foreign_count(out, r->participants, "participant", "participants", "\n");
	foreign_list(out, "approximated", &r->approximated);
	foreign_list(out, "dropped", &r->dropped);
}
