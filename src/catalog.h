/* The catalog of element types (aws.lambda, azure.blob, generic.*, ...) and the kind each is. */
#ifndef SW_CATALOG_H
#define SW_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "element.h"

struct catalog_type {
	const char *id; /* "aws.lambda" */
	enum element_kind kind; /* the kind this type is drawn as */
	bool is_log; /* a log store: R applies */
	const char *label; /* "AWS Lambda function" */
};

/* Returns the catalog entry, or NULL for unknown types and for every generic.* type. */
const struct catalog_type *catalog_find(const char *type);

/*
 * True when `type` may be used for an element of `kind`: a known type of that kind, or any
 * well-formed generic.NAME. Fills `why` with a borrowed reason when false.
 */
bool catalog_type_fits(const char *type, enum element_kind kind, const char **why);

/* All known types, for `list` and completion. */
const struct catalog_type *catalog_all(size_t *count);

#endif
