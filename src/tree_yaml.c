/* libyaml's event stream turned into a ynode tree, iteratively, with hostile-input limits. */
#include "tree_yaml.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "strmap.h"
#include "util.h"
#include "xalloc.h"

/*
 * An open mapping or list, and the children collected for it so far. The child arrays are
 * scratch space reused by the next container at the same depth; a finished container gets
 * exact-size copies in the arena.
 */
struct level {
	struct ynode *node;
	struct ynode *pending_key; /* a mapping's key awaiting its value */
	struct ynode **keys, **items;
	size_t count, keys_cap, items_cap;
	struct strmap seen; /* the keys so far, once there are too many to compare one by one */
};

/* Up to this many keys, the duplicate-key check compares; beyond, it looks the key up. */
#define LINEAR_KEYS 16

struct builder {
	const char *file;
	struct sw_error *err;
	struct yarena *arena;
	struct level levels[YAML_MAX_DEPTH + 1];
	int depth;
	struct ynode *root;
};

static struct ynode *node_new(struct builder *b, enum ynode_type type, const yaml_mark_t *mark)
{
	struct ynode *n = yarena_alloc(b->arena, sizeof(*n));

	*n =
	    (struct ynode){.type = type, .line = (int)mark->line + 1, .col = (int)mark->column + 1};
	return n;
}

static void collect(struct level *l, struct ynode *key, struct ynode *value)
{
	l->items = xgrow(l->items, sizeof(*l->items), l->count + 1, &l->items_cap);
	if (l->node->type == YNODE_MAP) {
		l->keys = xgrow(l->keys, sizeof(*l->keys), l->count + 1, &l->keys_cap);
		l->keys[l->count] = key;
		if (l->seen.count)
			strmap_put(&l->seen, key->scalar, key);
	}
	l->items[l->count++] = value;
}

/* Linear in the size of the mapping: a hostile file may hold a mapping of 100,000 keys. */
static bool has_key(struct level *l, const char *key)
{
	size_t i;

	if (l->count < LINEAR_KEYS) {
		for (i = 0; i < l->count; i++)
			if (l->keys[i]->scalar[0] == key[0] && strcmp(l->keys[i]->scalar, key) == 0)
				return true;
		return false;
	}
	if (!l->seen.count)
		for (i = 0; i < l->count; i++)
			strmap_put(&l->seen, l->keys[i]->scalar, l->keys[i]);
	return strmap_get(&l->seen, key) != NULL;
}

/* Attaches a finished node to its parent; returns -1 on a bad key. */
static int attach(struct builder *b, struct ynode *node)
{
	struct level *parent;

	if (b->depth == 0) {
		b->root = node;
		return 0;
	}
	parent = &b->levels[b->depth - 1];
	if (parent->node->type == YNODE_SEQ) {
		collect(parent, NULL, node);
		return 0;
	}
	if (parent->pending_key) {
		collect(parent, parent->pending_key, node);
		parent->pending_key = NULL;
		return 0;
	}
	if (node->type != YNODE_SCALAR)
		return sw_error_at(b->err, b->file, node->line, node->col,
				   "mapping keys must be plain values, not %s",
				   ynode_type_name(node->type));
	if (has_key(parent, node->scalar))
		return sw_error_at(b->err, b->file, node->line, node->col, "duplicate key '%s'",
				   node->scalar);
	parent->pending_key = node;
	return 0;
}

static int push(struct builder *b, struct ynode *node)
{
	struct level *l;

	if (b->depth >= YAML_MAX_DEPTH)
		return sw_error_at(b->err, b->file, node->line, node->col,
				   "nesting deeper than %d levels", YAML_MAX_DEPTH);
	l = &b->levels[b->depth++];
	l->node = node;
	l->pending_key = NULL;
	l->count = 0;
	if (l->seen.count)
		strmap_clear(&l->seen);
	return 0;
}

static struct ynode **copy_children(struct builder *b, struct ynode *const *children, size_t n)
{
	struct ynode **copy = yarena_alloc(b->arena, n * sizeof(*copy));

	memcpy(copy, children, n * sizeof(*copy));
	return copy;
}

static int pop(struct builder *b)
{
	struct level *l = &b->levels[--b->depth];
	struct ynode *node = l->node;

	node->count = l->count;
	if (l->count) {
		node->items = copy_children(b, l->items, l->count);
		if (node->type == YNODE_MAP)
			node->keys = copy_children(b, l->keys, l->count);
	}
	return attach(b, node);
}

static struct ynode *scalar_node(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *n = node_new(b, YNODE_SCALAR, &ev->start_mark);
	size_t len = ev->data.scalar.length;
	const char *text = (const char *)ev->data.scalar.value;

	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (n->plain && ((len == 1 && text[0] == '~') || (len == 4 && !memcmp(text, "null", 4))))
		len = 0;
	n->scalar = yarena_alloc(b->arena, len + 1);
	memcpy(n->scalar, text, len);
	n->scalar[len] = '\0';
	return n;
}

static int handle_event(struct builder *b, const yaml_event_t *ev, bool *done)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return attach(b, scalar_node(b, ev));
	case YAML_SEQUENCE_START_EVENT:
		return push(b, node_new(b, YNODE_SEQ, &ev->start_mark));
	case YAML_MAPPING_START_EVENT:
		return push(b, node_new(b, YNODE_MAP, &ev->start_mark));
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return pop(b);
	case YAML_ALIAS_EVENT:
		return sw_error_at(b->err, b->file, (int)ev->start_mark.line + 1,
				   (int)ev->start_mark.column + 1,
				   "aliases (*name) are not supported; write the value out");
	case YAML_DOCUMENT_START_EVENT:
		if (b->root)
			return sw_error_at(b->err, b->file, (int)ev->start_mark.line + 1,
					   (int)ev->start_mark.column + 1,
					   "more than one YAML document in the file");
		return 0;
	case YAML_STREAM_END_EVENT:
		*done = true;
		return 0;
	default:
		return 0;
	}
}

static void builder_release(struct builder *b)
{
	int i;

	for (i = 0; i <= YAML_MAX_DEPTH; i++) {
		free(b->levels[i].keys);
		free(b->levels[i].items);
		strmap_clear(&b->levels[i].seen);
	}
}

/* libyaml's problem, plus where the construct it was parsing began ("while parsing a ..."). */
static int parse_failure(const yaml_parser_t *parser, const char *file, struct sw_error *err)
{
	const yaml_mark_t *m = &parser->problem_mark;
	const char *problem = parser->problem ? parser->problem : "syntax error";

	if (parser->context)
		return sw_error_at(err, file, (int)m->line + 1, (int)m->column + 1,
				   "malformed YAML: %s (%s that starts at line %d, column %d)",
				   problem, parser->context, (int)parser->context_mark.line + 1,
				   (int)parser->context_mark.column + 1);
	return sw_error_at(err, file, (int)m->line + 1, (int)m->column + 1, "malformed YAML: %s",
			   problem);
}

int yaml_each_event(const char *file, const char *text, size_t len,
		    int (*handle)(void *ctx, const yaml_event_t *ev, bool *done), void *ctx,
		    struct sw_error *err)
{
	yaml_parser_t parser;
	bool done = false;
	int rc = 0;

	if (!yaml_parser_initialize(&parser))
		die("out of memory starting the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && rc == 0) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = parse_failure(&parser, file, err);
			break;
		}
		rc = handle(ctx, &ev, &done);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return rc ? -1 : 0;
}

static int handle_builder(void *ctx, const yaml_event_t *ev, bool *done)
{
	return handle_event(ctx, ev, done);
}

int yaml_parse_tree(const char *file, const char *text, size_t len, struct ynode **root,
		    struct sw_error *err)
{
	struct builder b;
	int rc;

	memset(&b, 0, sizeof(b));
	b.file = file;
	b.err = err;
	b.arena = yarena_new();
	*root = NULL;
	rc = yaml_each_event(file, text, len, handle_builder, &b, err);
	builder_release(&b);
	if (rc == 0 && !b.root)
		rc = sw_error_at(err, file, 1, 1, "the file is empty");
	if (rc) {
		yarena_free(b.arena);
		return -1;
	}
	b.root->arena = b.arena;
	*root = b.root;
	return 0;
}
