/*
 * Parses YAML text into a struct ynode tree (the YAML reader of our own formats; see ynode.h;
 * cfn_yaml.c reads CloudFormation's tagged YAML with the same error messages).
 */
#ifndef SW_TREE_YAML_H
#define SW_TREE_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "ynode.h"

/* Deepest nesting accepted; our formats need six levels. */
#define YAML_MAX_DEPTH 64

/*
 * Parses one YAML document. On success *root is a new tree the caller frees with ynode_free().
 * Aliases, duplicate keys, non-scalar keys, several documents and nesting deeper than
 * YAML_MAX_DEPTH are errors reported with the file's line and column.
 */
int yaml_parse_tree(const char *file, const char *text, size_t len, struct ynode **root,
		    struct sw_error *err);

struct yaml_event_s; /* libyaml's yaml_event_t, for the *_yaml.c files that include yaml.h */
/*
 * Feeds every event of `text` to `handle` until it sets *done or fails (returns non-zero); a
 * libyaml error is reported with its line and column and where the construct it was parsing
 * began. Returns 0 or -1.
 */
int yaml_each_event(const char *file, const char *text, size_t len,
		    int (*handle)(void *ctx, const struct yaml_event_s *ev, bool *done), void *ctx,
		    struct sw_error *err);

#endif
