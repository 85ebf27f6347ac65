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

/* Where an infrastructure-code import found an element, and what its last import did to it. */
enum import_state {
	IMPORT_KEPT, /* unchanged by the last import */
	IMPORT_NEW, /* added by the last import: walk it first */
	IMPORT_CHANGED, /* its resource changed */
	IMPORT_REMOVED, /* no longer in the code; kept out of scope with its threats */
	IMPORT_STATE_COUNT
};

struct origin {
	char *file; /* as given to the import, relative to the directory imported */
	int line;
	char *resource; /* logical id or Terraform address; NULL for what the import adds itself */
	char *type; /* the resource type, or NULL */
	char *property; /* what a flow was derived from ("Events.ApiEvent"); may be NULL */
	enum import_state state;
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
	struct origin *origin; /* NULL unless it came from infrastructure code */
};

const char *element_kind_name(enum element_kind kind); /* "external_entity" (file formats) */
const char *element_kind_label(enum element_kind kind); /* "external entity" (people) */
int element_kind_parse(const char *s, enum element_kind *out);

const char *import_state_name(enum import_state s); /* "", "new", "changed", "removed" */
int import_state_parse(const char *s, enum import_state *out);
/* Returns a new origin (strings copied, state IMPORT_KEPT); free with origin_free(). */
struct origin *origin_new(const char *file, int line, const char *resource, const char *type,
			  const char *property);
struct origin *origin_dup(const struct origin *o); /* NULL for NULL */
bool origin_equal(const struct origin *a, const struct origin *b);
void origin_free(struct origin *o);

/* Returns a new element with the id and kind set; free with element_free(). */
struct element *element_new(const char *id, enum element_kind kind);
struct element *element_dup(const struct element *e);
/* Every field but the origin: where the code put it is not part of the diagram. */
bool element_equal(const struct element *a, const struct element *b);
void element_free(struct element *e);

/* The STRIDE letters to walk for this element (none when out of scope). */
unsigned element_letters(const struct element *e);

#endif
