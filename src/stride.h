/* STRIDE letters: what each means, the property it violates, and which apply to which element. */
#ifndef SW_STRIDE_H
#define SW_STRIDE_H

#include <stdbool.h>

#include "element.h"

enum stride_letter { STRIDE_S, STRIDE_T, STRIDE_R, STRIDE_I, STRIDE_D, STRIDE_E, STRIDE_COUNT };

/* A set of letters: bit (1u << letter). */
#define STRIDE_BIT(l) (1u << (l))
#define STRIDE_ALL ((1u << STRIDE_COUNT) - 1)

char stride_char(enum stride_letter l); /* 'S' */
const char *stride_name(enum stride_letter l); /* "Spoofing" */
const char *stride_property(enum stride_letter l); /* "Authentication" */
const char *stride_meaning(enum stride_letter l); /* one sentence for the walk screen */
int stride_parse(const char *s, enum stride_letter *out); /* "S" or "Spoofing"; 0 or -1 */

/* The letters that apply to an element of this kind (data stores get R only when is_log). */
unsigned stride_applicable(enum element_kind kind, bool is_log);

/* Writes the letters of `set` in STRIDE order into `out` ("STE"); out holds 7 bytes. */
void stride_set_string(unsigned set, char out[STRIDE_COUNT + 1]);

#endif
