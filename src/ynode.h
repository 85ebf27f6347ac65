/*
 * A parsed YAML document as a plain tree with positions, plus the checks every loader shares
 * (expected shape, allowed keys, typed values). Pure: tree_yaml.c builds the tree from libyaml.
 */
#ifndef SW_YNODE_H
#define SW_YNODE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "strlist.h"

enum ynode_type { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

/*
 * Every node of a tree, with its strings and child arrays, lives in one arena owned by the root:
 * a large model is a million nodes, and one allocation each made loading and freeing it slow.
 */
struct yarena;

struct ynode {
	enum ynode_type type;
	int line, col; /* 1-based position of the node's start */
	char *scalar; /* YNODE_SCALAR: the text */
	bool plain; /* YNODE_SCALAR: written without quotes */
	struct ynode **keys; /* YNODE_MAP: key scalars */
	struct ynode **items; /* YNODE_SEQ: items; YNODE_MAP: values */
	size_t count;
	struct yarena *arena; /* the root only: the memory of the whole tree */
};

/* Every problem of a file, for lint: each as "file:line:col: message", at most `max`. */
struct yproblems {
	struct strlist messages;
	size_t max;
};

/*
 * The file name and error sink for one load; every check below reports through it. With
 * `all` set, loaders go on after a problem to find the others (lint); without, they stop at
 * the first, which is the one in `err`.
 */
struct yctx {
	const char *file;
	struct sw_error *err;
	struct yproblems *all;
};

/* Whether a loader that met a problem should look for more: collecting, and not full yet. */
bool ynode_go_on(const struct yctx *ctx);
/*
 * One step of a loader's chain of checks: notes a failed `rc` in *bad, and says whether to
 * stop there (it failed and the loader does not go on). Without `all`, the chain stops at the
 * first problem as it would with ||.
 */
bool ynode_stop(const struct yctx *ctx, int rc, bool *bad);

/* Frees a whole tree given its root; any other node belongs to its root and is left alone. */
void ynode_free(struct ynode *node);

/* The arena (for tree_yaml.c): memory handed out never moves and is freed all at once. */
struct yarena *yarena_new(void);
void *yarena_alloc(struct yarena *a, size_t size); /* not zeroed; aligned for pointers */
void yarena_free(struct yarena *a);
const char *ynode_type_name(enum ynode_type type); /* "a scalar", "a list", "a mapping" */

/* The value under `key` in a mapping, or NULL. */
const struct ynode *ynode_get(const struct ynode *map, const char *key);
const struct ynode *ynode_key_node(const struct ynode *map, const char *key);

/* Each returns 0, or -1 with ctx->err set to "file:line:col: message". */
int yerr(const struct yctx *ctx, const struct ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ynode_expect(const struct yctx *ctx, const struct ynode *node, enum ynode_type type,
		 const char *what);
/* Every key of `map` must be in the NULL-terminated `allowed`. */
int ynode_check_keys(const struct yctx *ctx, const struct ynode *map, const char *what,
		     const char *const *allowed);
/*
 * The same for the top of a file, which may be any file at all (a link to /etc/shadow): when
 * none of its keys is an allowed one, it is not one of ours, and the message says so without
 * quoting anything the file holds.
 */
int ynode_check_file_keys(const struct yctx *ctx, const struct ynode *root, const char *what,
			  const char *const *allowed);
/* Whether a mapping has at least one of the NULL-terminated `allowed` keys. */
bool ynode_any_key(const struct ynode *map, const char *const *allowed);
/* Calls `fn` on every scalar of the tree, keys included, in document order. */
void ynode_each_scalar(const struct ynode *node, void (*fn)(const struct ynode *s, void *arg),
		       void *arg);
int ynode_require(const struct yctx *ctx, const struct ynode *map, const char *what,
		  const char *key);

/* Typed getters: a missing optional key leaves *out untouched and returns 0. */
int ynode_str(const struct yctx *ctx, const struct ynode *map, const char *key, bool required,
	      char **out); /* *out becomes a new string (the old one is freed) */
int ynode_int(const struct yctx *ctx, const struct ynode *map, const char *key, bool required,
	      long min, long max, long *out);
int ynode_bool(const struct yctx *ctx, const struct ynode *map, const char *key, bool *out);
int ynode_str_list(const struct yctx *ctx, const struct ynode *map, const char *key,
		   struct strlist *out); /* a list of scalars; appended to out */

#endif
