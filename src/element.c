/* Element kinds and the element struct's lifecycle (see element.h). */
#include "element.h"

#include <stdlib.h>

#include "stride.h"
#include "strpool.h"
#include "util.h"
#include "xalloc.h"

static const char *const kind_names[KIND_COUNT] = {
    "external_entity", "process", "data_store", "data_flow", "trust_boundary",
};

static const char *const kind_labels[KIND_COUNT] = {
    "external entity", "process", "data store", "data flow", "trust boundary",
};

const char *element_kind_name(enum element_kind kind)
{
	return kind_names[kind];
}

const char *element_kind_label(enum element_kind kind)
{
	return kind_labels[kind];
}

int element_kind_parse(const char *s, enum element_kind *out)
{
	int i;

	for (i = 0; i < KIND_COUNT; i++) {
		if (str_eq(s, kind_names[i])) {
			*out = (enum element_kind)i;
			return 0;
		}
	}
	return -1;
}

static const char *const state_names[IMPORT_STATE_COUNT] = {"", "new", "changed", "removed"};

const char *import_state_name(enum import_state s)
{
	return state_names[s];
}

int import_state_parse(const char *s, enum import_state *out)
{
	int i;

	for (i = 1; i < IMPORT_STATE_COUNT; i++)
		if (str_eq(s, state_names[i])) {
			*out = (enum import_state)i;
			return 0;
		}
	return -1;
}

struct origin *origin_new(const char *file, int line, const char *resource, const char *type,
			  const char *property)
{
	struct origin *o = xcalloc(1, sizeof(*o));

	o->file = xstrdup(file);
	o->line = line;
	o->resource = xstrdup(resource);
	o->type = xstrdup(type);
	o->property = xstrdup(property);
	return o;
}

struct origin *origin_dup(const struct origin *src)
{
	struct origin *o;

	if (!src)
		return NULL;
	o = origin_new(src->file, src->line, src->resource, src->type, src->property);
	o->state = src->state;
	return o;
}

bool origin_equal(const struct origin *a, const struct origin *b)
{
	if (!a || !b)
		return a == b;
	return str_eq(a->file, b->file) && a->line == b->line && str_eq(a->resource, b->resource) &&
	       str_eq(a->type, b->type) && str_eq(a->property, b->property) && a->state == b->state;
}

void origin_free(struct origin *o)
{
	if (!o)
		return;
	free(o->file);
	free(o->resource);
	free(o->type);
	free(o->property);
	free(o);
}

struct element *element_new(const char *id, enum element_kind kind)
{
	struct element *e = xcalloc(1, sizeof(*e));

	e->id = xstrdup(id);
	e->kind = kind;
	return e;
}

struct element *element_dup(const struct element *src)
{
	struct element *e = element_new(src->id, src->kind);

	e->type = xstrdup(src->type);
	e->name = xstrdup(src->name);
	e->description = xstrdup(src->description);
	e->boundary = xstrdup(src->boundary);
	strlist_copy(&e->tags, &src->tags);
	e->is_log = src->is_log;
	e->out_of_scope = src->out_of_scope;
	e->out_of_scope_reason = xstrdup(src->out_of_scope_reason);
	e->from = xstrdup(src->from);
	e->to = xstrdup(src->to);
	e->protocol = xstrdup(src->protocol);
	strlist_copy(&e->data, &src->data);
	e->bidirectional = src->bidirectional;
	e->origin = origin_dup(src->origin);
	return e;
}

bool element_equal(const struct element *a, const struct element *b)
{
	return str_eq(a->id, b->id) && a->kind == b->kind && str_eq(a->type, b->type) &&
	       str_eq(a->name, b->name) && str_eq(a->description, b->description) &&
	       str_eq(a->boundary, b->boundary) && strlist_equal(&a->tags, &b->tags) &&
	       a->is_log == b->is_log && a->out_of_scope == b->out_of_scope &&
	       str_eq(a->out_of_scope_reason, b->out_of_scope_reason) && str_eq(a->from, b->from) &&
	       str_eq(a->to, b->to) && str_eq(a->protocol, b->protocol) &&
	       strlist_equal(&a->data, &b->data) && a->bidirectional == b->bidirectional;
}

void element_free(struct element *e)
{
	if (!e)
		return;
	free_unless_pooled(e->id);
	free_unless_pooled(e->type);
	free_unless_pooled(e->name);
	free_unless_pooled(e->description);
	free_unless_pooled(e->boundary);
	strlist_clear(&e->tags);
	free_unless_pooled(e->out_of_scope_reason);
	free_unless_pooled(e->from);
	free_unless_pooled(e->to);
	free_unless_pooled(e->protocol);
	strlist_clear(&e->data);
	origin_free(e->origin);
	free_unless_pooled(e);
}

unsigned element_letters(const struct element *e)
{
	if (e->out_of_scope)
		return 0;
	return stride_applicable(e->kind, e->is_log);
}
