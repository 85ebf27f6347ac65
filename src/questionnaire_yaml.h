/*
 * Loading questionnaire files with strict validation: every problem is reported once, as
 * "file:line:col: message", and nothing is returned unless the whole file is valid.
 * The format is documented in stridewalk-questionnaire(5).
 */
#ifndef SW_QUESTIONNAIRE_YAML_H
#define SW_QUESTIONNAIRE_YAML_H

#include <stddef.h>

#include "error.h"
#include "questionnaire.h"
#include "ynode.h"

/*
 * Reads and validates the file at `path`. On success *out is a new questionnaire (path and
 * content hash set) the caller frees with questionnaire_free(); on failure *out is NULL.
 */
int questionnaire_load(const char *path, struct questionnaire **out, struct sw_error *err);

/* The same for text already in memory; `file` names it in errors and becomes qn->path. */
int questionnaire_load_text(const char *file, const char *text, size_t len,
			    struct questionnaire **out, struct sw_error *err);

/*
 * Validates a parsed tree (the root of a questionnaire file). On success *out is a new
 * questionnaire without path or hash, which the caller sets and frees with questionnaire_free().
 */
int questionnaire_from_tree(const struct yctx *ctx, const struct ynode *root,
			    struct questionnaire **out);

#endif
