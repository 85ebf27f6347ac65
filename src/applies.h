/*
 * Which elements a questionnaire, a question or a cue card is for: element kinds, catalog types
 * and, for cue cards, flows that cross a trust boundary. Pure: no I/O.
 */
#ifndef SW_APPLIES_H
#define SW_APPLIES_H

#include <stdbool.h>

#include "element.h"
#include "strlist.h"

#define KIND_BIT(k) (1u << (k))

struct applies_to {
	unsigned kinds; /* KIND_BIT set; 0 = any kind */
	struct strlist types; /* empty = every type; flows have no type and match by kind alone */
	bool crossing; /* cue cards only: data flows that cross a trust boundary */
};

#define APPLIES_TO_INIT                                                                            \
	{                                                                                          \
		0, STRLIST_INIT, false                                                             \
	}

void applies_to_release(struct applies_to *at);

/*
 * True when `e` is of a listed kind (or no kinds are listed) and, if it has a type, of a listed
 * type (or no types are listed). A flow matches only when its kind is listed, so types given
 * without kinds never match a flow. `crossing` is not looked at here (see cue.h).
 */
bool applies_to_match(const struct applies_to *at, const struct element *e);

#endif
