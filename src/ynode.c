/* Shape and type checks on parsed YAML, with file:line:col errors (see ynode.h). */
#include "ynode.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

/* Arena blocks: most allocations share a block; a large one gets a block of its own. */
#define YARENA_BLOCK 65536
#define YARENA_ALIGN 8 /* nodes hold pointers and sizes at most; strings need none */

struct yblock {
	struct yblock *next;
	_Alignas(YARENA_ALIGN) unsigned char data[];
};

struct yarena {
	struct yblock *blocks;
	unsigned char *next; /* free space in the newest shared block */
	size_t left;
};

struct yarena *yarena_new(void)
{
	return xcalloc(1, sizeof(struct yarena));
}

static struct yblock *add_block(struct yarena *a, size_t size)
{
	struct yblock *b = xmalloc(sizeof(*b) + size);

	b->next = a->blocks;
	a->blocks = b;
	return b;
}

void *yarena_alloc(struct yarena *a, size_t size)
{
	struct yblock *b;
	void *p;

	size = (size + YARENA_ALIGN - 1) & ~(size_t)(YARENA_ALIGN - 1);
	if (size > YARENA_BLOCK / 4) {
		p = add_block(a, size)->data;
	} else {
		if (size > a->left) {
			b = add_block(a, YARENA_BLOCK);
			a->next = b->data;
			a->left = YARENA_BLOCK;
		}
		p = a->next;
		a->next += size;
		a->left -= size;
	}
	return p;
}

void yarena_free(struct yarena *a)
{
	struct yblock *b, *next;

	if (!a)
		return;
	for (b = a->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void ynode_free(struct ynode *node)
{
	if (node)
		yarena_free(node->arena);
}

const char *ynode_type_name(enum ynode_type type)
{
	switch (type) {
	case YNODE_SCALAR:
		return "a scalar";
	case YNODE_SEQ:
		return "a list";
	case YNODE_MAP:
		return "a mapping";
	}
	return "?";
}

/* Position of `key` in a mapping, or -1. Loaders ask for every field by name, so this is hot. */
static long key_index(const struct ynode *map, const char *key)
{
	size_t i;

	if (!map || map->type != YNODE_MAP)
		return -1;
	for (i = 0; i < map->count; i++) {
		const char *k = map->keys[i]->scalar;
		if (k[0] == key[0] && strcmp(k, key) == 0)
			return (long)i;
	}
	return -1;
}

const struct ynode *ynode_key_node(const struct ynode *map, const char *key)
{
	long i = key_index(map, key);

	return i < 0 ? NULL : map->keys[i];
}

const struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	long i = key_index(map, key);

	return i < 0 ? NULL : map->items[i];
}

bool ynode_go_on(const struct yctx *ctx)
{
	return ctx->all && ctx->all->messages.count < ctx->all->max;
}

bool ynode_stop(const struct yctx *ctx, int rc, bool *bad)
{
	if (!rc)
		return false;
	*bad = true;
	return !ynode_go_on(ctx);
}

int yerr(const struct yctx *ctx, const struct ynode *at, const char *fmt, ...)
{
	struct sw_error one = SW_ERROR_INIT;
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	sw_error_at(ctx->err, ctx->file, at ? at->line : 0, at ? at->col : 0, "%s", sb.buf);
	if (ynode_go_on(ctx)) {
		sw_error_at(&one, ctx->file, at ? at->line : 0, at ? at->col : 0, "%s", sb.buf);
		sbuf_reset(&sb);
		sw_error_format(&one, &sb);
		strlist_push(&ctx->all->messages, sb.buf);
		sw_error_release(&one);
	}
	sbuf_release(&sb);
	return -1;
}

int ynode_expect(const struct yctx *ctx, const struct ynode *node, enum ynode_type type,
		 const char *what)
{
	if (node->type == type)
		return 0;
	return yerr(ctx, node, "%s must be %s, not %s", what, ynode_type_name(type),
		    ynode_type_name(node->type));
}

static bool key_allowed(const char *k, const char *const *allowed)
{
	size_t j;

	for (j = 0; allowed[j]; j++)
		if (k[0] == allowed[j][0] && strcmp(k, allowed[j]) == 0)
			return true;
	return false;
}

int ynode_check_keys(const struct yctx *ctx, const struct ynode *map, const char *what,
		     const char *const *allowed)
{
	size_t i, j;

	bool bad = false;

	for (i = 0; i < map->count; i++) {
		const char *k = map->keys[i]->scalar;
		bool ok = key_allowed(k, allowed);
		if (!ok) {
			struct sbuf list = SBUF_INIT;
			for (j = 0; allowed[j]; j++)
				sbuf_addf(&list, "%s%s", j ? ", " : "", allowed[j]);
			yerr(ctx, map->keys[i], "unknown key '%s' in %s (expected one of: %s)",
			     map->keys[i]->scalar, what, list.buf);
			sbuf_release(&list);
			if (ynode_stop(ctx, -1, &bad))
				return -1;
		}
	}
	return bad ? -1 : 0;
}

bool ynode_any_key(const struct ynode *map, const char *const *allowed)
{
	size_t i;

	for (i = 0; i < map->count; i++)
		if (key_allowed(map->keys[i]->scalar, allowed))
			return true;
	return false;
}

int ynode_check_file_keys(const struct yctx *ctx, const struct ynode *root, const char *what,
			  const char *const *allowed)
{
	struct sbuf list = SBUF_INIT;
	size_t i;
	int rc;

	if (ynode_any_key(root, allowed))
		return ynode_check_keys(ctx, root, what, allowed);
	if (root->count == 0)
		return 0; /* an empty mapping: the missing keys say what is wrong */
	for (i = 0; allowed[i]; i++)
		sbuf_addf(&list, "%s%s", i ? ", " : "", allowed[i]);
	rc = yerr(ctx, root, "not %s: it has none of the keys %s", what, list.buf);
	sbuf_release(&list);
	return rc;
}

void ynode_each_scalar(const struct ynode *node, void (*fn)(const struct ynode *s, void *arg),
		       void *arg)
{
	size_t i;

	if (node->type == YNODE_SCALAR) {
		fn(node, arg);
		return;
	}
	for (i = 0; i < node->count; i++) {
		if (node->type == YNODE_MAP)
			fn(node->keys[i], arg);
		ynode_each_scalar(node->items[i], fn, arg);
	}
}

int ynode_require(const struct yctx *ctx, const struct ynode *map, const char *what,
		  const char *key)
{
	if (ynode_get(map, key))
		return 0;
	return yerr(ctx, map, "%s has no '%s'", what, key);
}

static const struct ynode *scalar_value(const struct yctx *ctx, const struct ynode *map,
					const char *key, bool required, int *rc)
{
	const struct ynode *v = ynode_get(map, key);

	*rc = 0;
	if (!v) {
		if (required)
			*rc = yerr(ctx, map, "missing required key '%s'", key);
		return NULL;
	}
	if (v->type != YNODE_SCALAR) {
		*rc = yerr(ctx, v, "'%s' must be a single value, not %s", key,
			   ynode_type_name(v->type));
		return NULL;
	}
	return v;
}

int ynode_str(const struct yctx *ctx, const struct ynode *map, const char *key, bool required,
	      char **out)
{
	int rc;
	const struct ynode *v = scalar_value(ctx, map, key, required, &rc);

	if (!v)
		return rc;
	if (required && str_empty(v->scalar))
		return yerr(ctx, v, "'%s' must not be empty", key);
	free(*out);
	*out = xstrdup(v->scalar);
	return 0;
}

int ynode_int(const struct yctx *ctx, const struct ynode *map, const char *key, bool required,
	      long min, long max, long *out)
{
	int rc;
	const struct ynode *v = scalar_value(ctx, map, key, required, &rc);

	if (!v)
		return rc;
	if (parse_int(v->scalar, min, max, out))
		return yerr(ctx, v, "'%s' must be a whole number from %ld to %ld, not '%s'", key,
			    min, max, v->scalar);
	return 0;
}

int ynode_bool(const struct yctx *ctx, const struct ynode *map, const char *key, bool *out)
{
	int rc;
	const struct ynode *v = scalar_value(ctx, map, key, false, &rc);

	if (!v)
		return rc;
	if (str_eq(v->scalar, "true") || str_eq(v->scalar, "yes")) {
		*out = true;
		return 0;
	}
	if (str_eq(v->scalar, "false") || str_eq(v->scalar, "no")) {
		*out = false;
		return 0;
	}
	return yerr(ctx, v, "'%s' must be true or false, not '%s'", key, v->scalar);
}

int ynode_str_list(const struct yctx *ctx, const struct ynode *map, const char *key,
		   struct strlist *out)
{
	const struct ynode *v = ynode_get(map, key);
	size_t i;

	if (!v)
		return 0;
	if (v->type != YNODE_SEQ)
		return yerr(ctx, v, "'%s' must be a list, not %s", key, ynode_type_name(v->type));
	for (i = 0; i < v->count; i++) {
		if (v->items[i]->type != YNODE_SCALAR)
			return yerr(ctx, v->items[i], "items of '%s' must be single values", key);
		strlist_push(out, v->items[i]->scalar);
	}
	return 0;
}
