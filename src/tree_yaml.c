/* libyaml's event stream turned into a ynode tree, iteratively, with hostile-input limits. */
#include "tree_yaml.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"
#include "xalloc.h"

struct builder {
	const char *file;
	struct sw_error *err;
	struct ynode *stack[YAML_MAX_DEPTH + 1];
	int depth;
	struct ynode *root;
	struct ynode *pending_key[YAML_MAX_DEPTH + 1]; /* a mapping's key awaiting its value */
};

static struct ynode *node_new(enum ynode_type type, const yaml_mark_t *mark)
{
	struct ynode *n = xcalloc(1, sizeof(*n));

	n->type = type;
	n->line = (int)mark->line + 1;
	n->col = (int)mark->column + 1;
	return n;
}

static void append(struct ynode *parent, struct ynode *key, struct ynode *value)
{
	size_t cap = parent->cap;

	parent->items = xgrow(parent->items, sizeof(*parent->items), parent->count + 1, &cap);
	if (parent->type == YNODE_MAP) {
		size_t kcap = parent->cap;
		parent->keys = xgrow(parent->keys, sizeof(*parent->keys), parent->count + 1, &kcap);
		parent->keys[parent->count] = key;
	}
	parent->cap = cap;
	parent->items[parent->count++] = value;
}

/* Attaches a finished node to its parent; returns -1 on a bad key. */
static int attach(struct builder *b, struct ynode *node)
{
	struct ynode *parent;
	struct ynode *key;

	if (b->depth == 0) {
		b->root = node;
		return 0;
	}
	parent = b->stack[b->depth - 1];
	if (parent->type == YNODE_SEQ) {
		append(parent, NULL, node);
		return 0;
	}
	key = b->pending_key[b->depth - 1];
	if (!key) {
		if (node->type != YNODE_SCALAR) {
			sw_error_at(b->err, b->file, node->line, node->col,
				    "mapping keys must be plain values, not %s",
				    ynode_type_name(node->type));
			ynode_free(node);
			return -1;
		}
		if (ynode_get(parent, node->scalar)) {
			sw_error_at(b->err, b->file, node->line, node->col, "duplicate key '%s'",
				    node->scalar);
			ynode_free(node);
			return -1;
		}
		b->pending_key[b->depth - 1] = node;
		return 0;
	}
	b->pending_key[b->depth - 1] = NULL;
	append(parent, key, node);
	return 0;
}

static int push(struct builder *b, struct ynode *node)
{
	if (b->depth >= YAML_MAX_DEPTH) {
		sw_error_at(b->err, b->file, node->line, node->col,
			    "nesting deeper than %d levels", YAML_MAX_DEPTH);
		ynode_free(node);
		return -1;
	}
	b->pending_key[b->depth] = NULL;
	b->stack[b->depth++] = node;
	return 0;
}

static int pop(struct builder *b)
{
	struct ynode *node = b->stack[--b->depth];

	return attach(b, node);
}

static int handle_event(struct builder *b, const yaml_event_t *ev, bool *done)
{
	struct ynode *n;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = node_new(YNODE_SCALAR, &ev->start_mark);
		n->scalar = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (n->plain && (str_eq(n->scalar, "~") || str_eq(n->scalar, "null"))) {
			free(n->scalar);
			n->scalar = xstrdup("");
		}
		return attach(b, n);
	case YAML_SEQUENCE_START_EVENT:
		return push(b, node_new(YNODE_SEQ, &ev->start_mark));
	case YAML_MAPPING_START_EVENT:
		return push(b, node_new(YNODE_MAP, &ev->start_mark));
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

static void free_partial(struct builder *b)
{
	int i;

	for (i = 0; i < b->depth; i++) {
		ynode_free(b->pending_key[i]);
		ynode_free(b->stack[i]);
	}
	ynode_free(b->root);
	b->root = NULL;
	b->depth = 0;
}

/* libyaml's problem, plus where the construct it was parsing began ("while parsing a ..."). */
static int parse_failure(const yaml_parser_t *parser, const char *file, struct sw_error *err)
{
	const yaml_mark_t *m = &parser->problem_mark;
	const char *problem = parser->problem ? parser->problem : "syntax error";

	if (parser->context)
		return sw_error_at(err, file, (int)m->line + 1, (int)m->column + 1,
				   "malformed YAML: %s (%s that starts at line %d, column %d)", problem,
				   parser->context, (int)parser->context_mark.line + 1,
				   (int)parser->context_mark.column + 1);
	return sw_error_at(err, file, (int)m->line + 1, (int)m->column + 1, "malformed YAML: %s",
			   problem);
}

int yaml_parse_tree(const char *file, const char *text, size_t len, struct ynode **root,
		    struct sw_error *err)
{
	struct builder b;
	yaml_parser_t parser;
	bool done = false;
	int rc = 0;

	memset(&b, 0, sizeof(b));
	b.file = file;
	b.err = err;
	*root = NULL;
	if (!yaml_parser_initialize(&parser))
		die("out of memory starting the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && rc == 0) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = parse_failure(&parser, file, err);
			break;
		}
		rc = handle_event(&b, &ev, &done);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (rc == 0 && !b.root)
		rc = sw_error_at(err, file, 1, 1, "the file is empty");
	if (rc) {
		free_partial(&b);
		return -1;
	}
	*root = b.root;
	return 0;
}
