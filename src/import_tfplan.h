/*
 * Terraform plans and state as JSON (`terraform show -json`) as the intermediate description of
 * iac.h: the resources of `planned_values` (or a state's `values`), child modules included,
 * with the `configuration`'s references written in where the plan only knows a value after
 * apply. References that go through module inputs are followed; locals, and modules whose
 * configuration is not in the file, are listed as unresolved.
 */
#ifndef SW_IMPORT_TFPLAN_H
#define SW_IMPORT_TFPLAN_H

#include <stdbool.h>

#include "error.h"
#include "iac.h"

/* The parsed JSON looks like `terraform show -json` output. */
bool tfplan_detect(const struct iac_value *root);

int tfplan_build(struct iac_doc *doc, struct iac_value *root, struct sw_error *err);

#endif
