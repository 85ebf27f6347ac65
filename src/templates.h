/* The shipped starter systems (templates/NAME.yaml): finding one by name and listing them. */
#ifndef SW_TEMPLATES_H
#define SW_TEMPLATES_H

#include "error.h"
#include "strlist.h"

/*
 * Resolves NAME (a shipped template) or a path to a YAML file into a new path string the
 * caller frees. A NAME that is neither gives an error listing what exists.
 */
int templates_resolve(const char *name_or_path, char **path, struct sw_error *err);

/* Appends the names of the shipped templates (file names without .yaml), sorted. */
int templates_names(struct strlist *out, struct sw_error *err);

#endif
