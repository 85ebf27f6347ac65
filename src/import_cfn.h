/*
 * CloudFormation and AWS SAM templates (YAML with short-form intrinsics, or JSON) as the
 * intermediate description of iac.h. SAM's Globals are applied, and what the SAM transform
 * would create implicitly (the APIs of Api and HttpApi events, function URLs) becomes resources
 * of its own, positioned where the template asks for it.
 */
#ifndef SW_IMPORT_CFN_H
#define SW_IMPORT_CFN_H

#include <stdbool.h>

#include "error.h"
#include "iac.h"

/* The parsed file looks like a template: a Resources mapping or a template format version. */
bool cfn_detect(const struct iac_value *root);

/*
 * Reads a template's parsed tree into `doc`. A template without a Resources mapping, or with a
 * resource that has no Type, is an error with its file:line:col.
 */
int cfn_build(struct iac_doc *doc, struct iac_value *root, struct sw_error *err);

/*
 * Adds the resources of a Resources mapping (for serverless.yml's `resources` section too).
 * `globals` (may be NULL) is SAM's Globals section.
 */
int cfn_add_resources(struct iac_doc *doc, const struct iac_value *resources,
		      const struct iac_value *globals, struct sw_error *err);

/* What SAM creates implicitly: APIs for events without an API, function URLs. */
void cfn_sam_implicit(struct iac_doc *doc, const struct iac_value *globals);

/* Lists constructs that cannot be resolved offline (Fn::ImportValue, Fn::Transform, ...). */
void cfn_note_unresolvable(struct iac_doc *doc, const char *where, const struct iac_value *v);

#endif
