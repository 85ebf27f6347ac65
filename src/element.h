/* Elements of a data-flow diagram: entities, processes, stores, flows and trust boundaries. */
#ifndef SW_ELEMENT_H
#define SW_ELEMENT_H

#include <stdbool.h>

#include "strlist.h"

enum element_kind {
	KIND_EXTERNAL_ENTITY,
	KIND_PROCESS,
	KIND_DATA_STORE,
	KIND_DATA_FLOW,
	KIND_TRUST_BOUNDARY,
	KIND_COUNT
};

struct element {
	char *id; /* slug, unique across all kinds */
	enum element_kind kind;
	char *type; /* catalog type ("aws.lambda"); NULL for flows and boundaries */
	char *name;
	char *description; /* may be NULL */
	char *boundary; /* id of the enclosing boundary (a boundary's parent); may be NULL */
	struct strlist tags;
	bool is_log; /* data stores only: the store holds logs or audit records */
	bool out_of_scope;
	char *out_of_scope_reason;
	/* data flows only */
	char *from;
	char *to;
	char *protocol;
	struct strlist data;
	bool bidirectional;
};

const char *element_kind_name(enum element_kind kind); /* "external_entity" (file formats) */
const char *element_kind_label(enum element_kind kind); /* "external entity" (people) */
int element_kind_parse(const char *s, enum element_kind *out);

/* Returns a new element with the id and kind set; free with element_free(). */
struct element *element_new(const char *id, enum element_kind kind);
struct element *element_dup(const struct element *e);
bool element_equal(const struct element *a, const struct element *b);
void element_free(struct element *e);

/* The STRIDE letters to walk for this element (none when out of scope). */
unsigned element_letters(const struct element *e);

#endif
