/*
 * The JSON types of a Threat Dragon model, checked before anything is mapped: every member the
 * importer reads must have the type Threat Dragon writes (a name is a string, `threats` is a
 * list of objects, a flag is true or false), or the file is refused at that member's line and
 * column. Members the importer does not read are not checked. Pure: no I/O.
 */
#ifndef SW_IMPORT_THREATDRAGON_CHECK_H
#define SW_IMPORT_THREATDRAGON_CHECK_H

#include "error.h"
#include "json.h"

/* 0 when the document's types are right; else -1 and "file:line:col: 'key' must be ..." */
int td_check_types(const char *file, const struct json_value *root, struct sw_error *err);

#endif
