/*
 * Fields that questionnaire and cue-card files share (slug ids, STRIDE letter lists, kinds and
 * types), read from a ynode tree with file:line:col errors. No libyaml: it walks ynode trees.
 */
#ifndef SW_QFIELDS_YAML_H
#define SW_QFIELDS_YAML_H

#include <stdbool.h>

#include "applies.h"
#include "stride.h"
#include "ynode.h"

/* The required list under `key`, or NULL with ctx->err set. Borrowed from `map`. */
const struct ynode *yfield_list(const struct yctx *ctx, const struct ynode *map, const char *key);

/* A required slug under `key` into *out (a new string; the old one is freed). */
int yfield_slug(const struct yctx *ctx, const struct ynode *map, const char *key, char **out);

/*
 * A list of STRIDE letters under `key`: *first gets the first listed, *set all of them.
 * A missing key is an error when `required`, else leaves both untouched.
 */
int yfield_letters(const struct yctx *ctx, const struct ynode *map, const char *key, bool required,
		   enum stride_letter *first, unsigned *set);

/* `kinds:` into out->kinds: element kinds that are walked (not trust_boundary). */
int yfield_kinds(const struct yctx *ctx, const struct ynode *map, struct applies_to *out);

/* `types:` into out->types: each known or generic.NAME, fitting one of out->kinds if any. */
int yfield_types(const struct yctx *ctx, const struct ynode *map, struct applies_to *out);

#endif
