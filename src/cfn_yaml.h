/*
 * YAML for infrastructure code (CloudFormation/SAM templates, serverless.yml): like
 * tree_yaml.c, but it keeps the short-form intrinsic tags (!Ref, !GetAtt, !Sub, !Join, ...)
 * as intrinsic nodes, resolves anchors, aliases and merge keys (<<), and builds the values of
 * iac.h directly in the document's arena.
 */
#ifndef SW_CFN_YAML_H
#define SW_CFN_YAML_H

#include <stddef.h>

#include "error.h"
#include "iac.h"

/* Aliases may expand a document to at most this many values (a "billion laughs" guard). */
#define CFN_YAML_MAX_VALUES (4u * 1024 * 1024)

/*
 * Parses one YAML document into *root (memory of doc's arena). Malformed YAML, duplicate keys,
 * non-scalar keys, unknown aliases, several documents and nesting deeper than YAML_MAX_DEPTH
 * are errors reported as doc->file:line:col.
 */
int cfn_yaml_parse(struct iac_doc *doc, const char *text, size_t len, struct iac_value **root,
		   struct sw_error *err);

#endif
