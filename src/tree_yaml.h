/*
 * Parses YAML text into a struct ynode tree (the YAML reader of our own formats; see ynode.h;
 * cfn_yaml.c reads CloudFormation's tagged YAML with the same error messages).
 */
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

struct yaml_parser_s; /* libyaml's yaml_parser_t, for the *_yaml.c files that include yaml.h */
/* Sets `err` from libyaml's problem and where the construct it was parsing began; returns -1. */
int yaml_parse_failure(const struct yaml_parser_s *parser, const char *file, struct sw_error *err);

#endif
