/*
 * Loading cue-card files (a top-level `cues: 1`) with strict validation: file:line:col errors,
 * 3 to 6 prompts per letter, and only letters that apply to the elements the card is for.
 */
#ifndef SW_CUE_YAML_H
#define SW_CUE_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "cue.h"
#include "error.h"
#include "ynode.h"

/* The cue-card format version this build reads. */
#define CUE_FORMAT_VERSION 1

/* A parsed file is a cue card (not a questionnaire) when it has a top-level `cues` key. */
bool cue_tree_is_card(const struct ynode *root);

/*
 * Reads and validates the file at `path`. On success *out is a new card (path set) the caller
 * frees with cue_card_free(); on failure *out is NULL.
 */
int cue_load(const char *path, struct cue_card **out, struct sw_error *err);

/* The same for text already in memory; `file` names it in errors and becomes card->path. */
int cue_load_text(const char *file, const char *text, size_t len, struct cue_card **out,
		  struct sw_error *err);

/* Validates a parsed tree. On success *out is a new card without a path; caller frees it. */
int cue_from_tree(const struct yctx *ctx, const struct ynode *root, struct cue_card **out);

#endif
