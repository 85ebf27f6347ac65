/* libyaml's events as iac values, keeping intrinsic tags (see cfn_yaml.h). */
#include "cfn_yaml.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "strmap.h"
#include "tree_yaml.h"
#include "util.h"
#include "xalloc.h"

/* An open mapping or list with the children collected so far (scratch, reused by depth). */
struct level {
	struct iac_value *node;
	const char *tag; /* arena copy, or NULL */
	const char *anchor; /* arena copy, or NULL */
	const char *pending_key;
	bool have_key;
	struct iac_value **items;
	const char **keys;
	int *key_lines;
	int pending_line;
	size_t count, items_cap, keys_cap, lines_cap;
	size_t weight; /* values below, aliases counted in full */
	struct strmap seen;
};

/* What an anchor names, and how many values it stands for. */
struct anchor {
	struct iac_value *node;
	size_t weight;
};

struct reader {
	struct iac_doc *doc;
	struct sw_error *err;
	struct level levels[YAML_MAX_DEPTH + 1];
	int depth;
	struct iac_value *root;
	size_t root_weight;
	struct strmap anchors; /* name -> struct anchor (heap; freed at the end) */
	struct anchor **owned;
	size_t nowned, owned_cap;
};

static int fail(struct reader *rd, const yaml_mark_t *m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct reader *rd, const yaml_mark_t *m, const char *fmt, ...)
{
	struct sbuf msg = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	sw_error_at(rd->err, rd->doc->file, (int)m->line + 1, (int)m->column + 1, "%s", msg.buf);
	sbuf_release(&msg);
	return -1;
}

static const char *copy_text(struct reader *rd, const yaml_char_t *s)
{
	return s ? iac_strdup(rd->doc, (const char *)s) : NULL;
}

static bool has_key(struct level *l, const char *key)
{
	size_t i;

	if (l->count < 16) {
		for (i = 0; i < l->count; i++)
			if (str_eq(l->keys[i], key))
				return true;
		return false;
	}
	if (!l->seen.count)
		for (i = 0; i < l->count; i++)
			strmap_put(&l->seen, l->keys[i], (void *)l->keys[i]);
	return strmap_get(&l->seen, key) != NULL;
}

static void collect(struct level *l, const char *key, int key_line, struct iac_value *v)
{
	l->items = xgrow(l->items, sizeof(*l->items), l->count + 1, &l->items_cap);
	if (l->node->kind == IAC_MAP) {
		l->keys = xgrow(l->keys, sizeof(*l->keys), l->count + 1, &l->keys_cap);
		l->key_lines =
		    xgrow(l->key_lines, sizeof(*l->key_lines), l->count + 1, &l->lines_cap);
		l->keys[l->count] = key;
		l->key_lines[l->count] = key_line;
		if (l->seen.count)
			strmap_put(&l->seen, key, (void *)key);
	}
	l->items[l->count++] = v;
}

/* The arguments of a tagged node: a list's items, or the node itself. */
static void take_args(struct reader *rd, struct iac_value *fn, struct iac_value *arg)
{
	if (arg->kind == IAC_LIST)
		iac_value_fill(rd->doc, fn, arg->items, NULL, arg->count);
	else
		iac_value_fill(rd->doc, fn, &arg, NULL, 1);
}

/* A short-form intrinsic ("!Ref X") as the node the long form would normalize to. */
static struct iac_value *tagged(struct reader *rd, const char *tag, struct iac_value *v)
{
	struct iac_value *out;
	const char *name;

	if (!tag || tag[0] != '!' || tag[1] == '!' || !tag[1])
		return v; /* untagged, or a standard tag such as !!str */
	name = tag + 1;
	if (str_eq(name, "Ref") && iac_scalar(v)) {
		out = iac_value_new(rd->doc, IAC_REF, v->line, v->col);
		out->str = v->str;
		return out;
	}
	if (str_eq(name, "GetAtt")) {
		struct iac_value *map = iac_value_new(rd->doc, IAC_MAP, v->line, v->col);
		const char *key = "Fn::GetAtt";
		iac_value_fill(rd->doc, map, &v, &key, 1);
		return iac_normalize(rd->doc, map);
	}
	out = iac_value_new(rd->doc, str_eq(name, "Sub") ? IAC_SUB : IAC_FN, v->line, v->col);
	out->str = str_eq(name, "Sub") ? NULL : iac_strdup(rd->doc, name);
	take_args(rd, out, v);
	return out;
}

static int remember_anchor(struct reader *rd, const char *name, struct iac_value *node,
			   size_t weight)
{
	struct anchor *a;

	if (!name)
		return 0;
	a = xcalloc(1, sizeof(*a));
	a->node = node;
	a->weight = weight;
	rd->owned = xgrow(rd->owned, sizeof(*rd->owned), rd->nowned + 1, &rd->owned_cap);
	rd->owned[rd->nowned++] = a;
	strmap_put(&rd->anchors, name, a); /* a later anchor of the same name wins, as in YAML */
	return 0;
}

/* Hands a finished value to its parent (or makes it the root). */
static int attach(struct reader *rd, struct iac_value *v, size_t weight, const yaml_mark_t *m)
{
	struct level *parent;

	if (rd->depth == 0) {
		rd->root = v;
		rd->root_weight = weight;
		return 0;
	}
	parent = &rd->levels[rd->depth - 1];
	parent->weight += weight;
	if (parent->weight > CFN_YAML_MAX_VALUES)
		return fail(rd, m, "aliases expand the document beyond %u values",
			    CFN_YAML_MAX_VALUES);
	if (parent->node->kind == IAC_LIST) {
		collect(parent, NULL, 0, v);
		return 0;
	}
	if (parent->have_key) {
		collect(parent, parent->pending_key, parent->pending_line, v);
		parent->have_key = false;
		return 0;
	}
	if (!iac_scalar(v) && v->kind != IAC_NULL)
		return fail(rd, m, "mapping keys must be plain values");
	if (has_key(parent, v->str ? v->str : ""))
		return fail(rd, m, "duplicate key '%s'", v->str ? v->str : "");
	parent->pending_key = v->str ? v->str : "";
	parent->pending_line = v->line;
	parent->have_key = true;
	return 0;
}

static int on_scalar(struct reader *rd, const yaml_event_t *ev)
{
	const char *text = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	struct iac_value *v;

	if (memchr(text, '\0', len))
		return fail(rd, &ev->start_mark, "a value holds a NUL byte");
	if (plain && !ev->data.scalar.tag &&
	    (len == 0 || (len == 1 && text[0] == '~') || str_eq(text, "null") ||
	     str_eq(text, "Null") || str_eq(text, "NULL")))
		v = iac_value_new(rd->doc, IAC_NULL, (int)ev->start_mark.line + 1,
				  (int)ev->start_mark.column + 1);
	else
		v = iac_str_new(rd->doc, text, (int)ev->start_mark.line + 1,
				(int)ev->start_mark.column + 1);
	v = tagged(rd, (const char *)ev->data.scalar.tag, v);
	remember_anchor(rd, copy_text(rd, ev->data.scalar.anchor), v, 1);
	return attach(rd, v, 1, &ev->start_mark);
}

static int push(struct reader *rd, const yaml_event_t *ev, enum iac_kind kind,
		const yaml_char_t *tag, const yaml_char_t *anchor)
{
	struct level *l;

	if (rd->depth >= YAML_MAX_DEPTH)
		return fail(rd, &ev->start_mark, "nesting deeper than %d levels", YAML_MAX_DEPTH);
	l = &rd->levels[rd->depth++];
	l->node = iac_value_new(rd->doc, kind, (int)ev->start_mark.line + 1,
				(int)ev->start_mark.column + 1);
	l->tag = copy_text(rd, tag);
	l->anchor = copy_text(rd, anchor);
	l->have_key = false;
	l->count = 0;
	l->weight = 1;
	if (l->seen.count)
		strmap_clear(&l->seen);
	return 0;
}

/* Adds the keys of `src` that `l` does not have yet (a merge key's mapping). */
static void merge_from(struct level *l, const struct iac_value *src)
{
	size_t i;

	if (!src || src->kind != IAC_MAP)
		return;
	for (i = 0; i < src->count; i++)
		if (!has_key(l, src->keys[i]))
			collect(l, src->keys[i], src->key_lines ? src->key_lines[i] : 0,
				src->items[i]);
}

/* "<<: *base" or "<<: [*a, *b]": the merged mappings fill in the keys not written here. */
static void apply_merge_key(struct level *l)
{
	struct iac_value *merge = NULL;
	size_t i, j;

	for (i = 0; i < l->count; i++)
		if (str_eq(l->keys[i], "<<"))
			break;
	if (i == l->count)
		return;
	merge = l->items[i];
	for (j = i + 1; j < l->count; j++) {
		l->keys[j - 1] = l->keys[j];
		l->key_lines[j - 1] = l->key_lines[j];
		l->items[j - 1] = l->items[j];
	}
	l->count--;
	if (l->seen.count)
		strmap_clear(&l->seen);
	if (merge->kind == IAC_LIST)
		for (j = 0; j < merge->count; j++)
			merge_from(l, merge->items[j]);
	else
		merge_from(l, merge);
}

static int pop(struct reader *rd, const yaml_event_t *ev)
{
	struct level *l = &rd->levels[--rd->depth];
	struct iac_value *v = l->node;

	if (v->kind == IAC_MAP)
		apply_merge_key(l);
	iac_value_fill(rd->doc, v, l->items, v->kind == IAC_MAP ? l->keys : NULL, l->count);
	if (v->kind == IAC_MAP && l->count) {
		v->key_lines = iac_alloc(rd->doc, l->count * sizeof(*v->key_lines));
		memcpy(v->key_lines, l->key_lines, l->count * sizeof(*v->key_lines));
	}
	v = tagged(rd, l->tag, v);
	remember_anchor(rd, l->anchor, v, l->weight);
	return attach(rd, v, l->weight, &ev->start_mark);
}

static int on_alias(struct reader *rd, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	const struct anchor *a = strmap_get(&rd->anchors, name);

	if (!a)
		return fail(rd, &ev->start_mark, "alias '*%s' names no anchor defined before it",
			    name);
	return attach(rd, a->node, a->weight, &ev->start_mark);
}

static int handle(struct reader *rd, const yaml_event_t *ev, bool *done)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return on_scalar(rd, ev);
	case YAML_SEQUENCE_START_EVENT:
		return push(rd, ev, IAC_LIST, ev->data.sequence_start.tag,
			    ev->data.sequence_start.anchor);
	case YAML_MAPPING_START_EVENT:
		return push(rd, ev, IAC_MAP, ev->data.mapping_start.tag,
			    ev->data.mapping_start.anchor);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return pop(rd, ev);
	case YAML_ALIAS_EVENT:
		return on_alias(rd, ev);
	case YAML_DOCUMENT_START_EVENT:
		if (rd->root)
			return fail(rd, &ev->start_mark, "more than one YAML document in the file");
		return 0;
	case YAML_STREAM_END_EVENT:
		*done = true;
		return 0;
	default:
		return 0;
	}
}

static void reader_release(struct reader *rd)
{
	size_t i;
	int d;

	for (d = 0; d <= YAML_MAX_DEPTH; d++) {
		free(rd->levels[d].items);
		free(rd->levels[d].keys);
		free(rd->levels[d].key_lines);
		strmap_clear(&rd->levels[d].seen);
	}
	for (i = 0; i < rd->nowned; i++)
		free(rd->owned[i]);
	free(rd->owned);
	strmap_clear(&rd->anchors);
}

static int handle_reader(void *ctx, const yaml_event_t *ev, bool *done)
{
	return handle(ctx, ev, done);
}

int cfn_yaml_parse(struct iac_doc *doc, const char *text, size_t len, struct iac_value **root,
		   struct sw_error *err)
{
	struct reader rd;
	int rc;

	memset(&rd, 0, sizeof(rd));
	rd.doc = doc;
	rd.err = err;
	*root = NULL;
	rc = yaml_each_event(doc->file, text, len, handle_reader, &rd, err);
	if (rc == 0 && !rd.root)
		rc = sw_error_at(err, doc->file, 1, 1, "the file is empty");
	if (rc == 0)
		*root = rd.root;
	reader_release(&rd);
	return rc ? -1 : 0;
}
