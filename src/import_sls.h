/*
 * The Serverless Framework's serverless.yml (AWS provider) as the intermediate description of
 * iac.h, the way the framework itself deploys it: each function becomes a SAM-shaped function
 * resource, its events SAM events (so the implicit REST and HTTP APIs, queues, topics and
 * buckets the framework creates appear too), the provider's IAM statements one execution role
 * shared by every function without a role of its own, and the `resources` section is read as
 * CloudFormation. `${self:...}`, `${opt:...}`, `${sls:...}`, `${param:...}`, `${aws:region}`
 * and defaults are resolved where the file says; the rest is listed as unresolved.
 */
#ifndef SW_IMPORT_SLS_H
#define SW_IMPORT_SLS_H

#include <stdbool.h>

#include "error.h"
#include "iac.h"

/* The parsed file looks like serverless.yml: a `service` and a `provider` or `functions`. */
bool sls_detect(const struct iac_value *root);

int sls_build(struct iac_doc *doc, struct iac_value *root, struct sw_error *err);

#endif
