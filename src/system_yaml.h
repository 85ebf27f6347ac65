/* The system-model YAML format (stridewalk-model(5)): loading with exact errors, and writing. */
#ifndef SW_SYSTEM_YAML_H
#define SW_SYSTEM_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "model.h"
#include "sbuf.h"

#define SYSTEM_FORMAT_VERSION 1

/*
 * Parses and validates a system model. On success *out is a new model (free with model_free()).
 * Every problem is reported as file:line:col with what was expected; nothing is returned then.
 */
int system_yaml_parse(const char *file, const char *text, size_t len, struct model **out,
		      struct sw_error *err);

/*
 * Checks a system model as system_yaml_parse does, but goes on past a problem to find the
 * others (stridewalk lint): each is added to `all` (ynode.h). Returns 0 when there is none;
 * a file that is not YAML at all sets only `err`.
 */
struct yproblems;
int system_yaml_check(const char *file, const char *text, size_t len, struct yproblems *all,
		      struct sw_error *err);

/* Reads and parses a file (see system_yaml_parse). */
int system_yaml_load(const char *path, struct model **out, struct sw_error *err);

/*
 * Appends the model as system-model YAML, or with `json` as JSON of the same shape and key
 * order (system_write.c). The same model always gives the same bytes.
 */
int system_write(const struct model *m, bool json, struct sbuf *out, struct sw_error *err);

#endif
