/* Parses YAML text into a struct ynode tree (the only YAML reader; see ynode.h). */
#ifndef SW_TREE_YAML_H
#define SW_TREE_YAML_H

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

#endif
