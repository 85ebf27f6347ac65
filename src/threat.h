/* Threats and mitigations: statuses, which need a justification, and their lifecycles. */
#ifndef SW_THREAT_H
#define SW_THREAT_H

#include <stdbool.h>

#include "stride.h"
#include "strlist.h"

enum threat_status {
	THREAT_OPEN,
	THREAT_IN_DISCUSSION,
	THREAT_MITIGATED,
	THREAT_ACCEPTED,
	THREAT_TRANSFERRED,
	THREAT_AVOIDED,
	THREAT_NOT_APPLICABLE,
	THREAT_FALSE_POSITIVE,
	THREAT_STATUS_COUNT
};

enum threat_origin {
	ORIGIN_BRAINSTORM,
	ORIGIN_QUESTIONNAIRE,
	ORIGIN_CUE,
	ORIGIN_IMPORT,
	ORIGIN_COUNT
};

struct threat {
	char *id; /* "T-0001" */
	char *element; /* element id */
	enum stride_letter letter; /* primary letter */
	unsigned extra; /* further letters (STRIDE_BIT set), never including `letter` */
	char *title;
	char *description;
	int likelihood; /* 1-5 */
	int impact; /* 1-5 */
	enum threat_status status;
	char *justification; /* required by the statuses of threat_status_needs_reason() */
	enum threat_origin origin;
	char *raised_by; /* participant name; may be NULL */
	char *raised_at; /* ISO 8601 UTC; may be NULL */
	char *provenance; /* "identity/role-per-function = no"; may be NULL */
};

const char *threat_status_name(enum threat_status s); /* "in-discussion" */
int threat_status_parse(const char *s, enum threat_status *out);
bool threat_status_needs_reason(enum threat_status s);
bool threat_status_is_active(enum threat_status s); /* open or in discussion */

const char *threat_origin_name(enum threat_origin o);
int threat_origin_parse(const char *s, enum threat_origin *out);

struct threat *threat_new(const char *id, const char *element, enum stride_letter letter);
struct threat *threat_dup(const struct threat *t);
void threat_free(struct threat *t);
unsigned threat_letters(const struct threat *t); /* primary plus extra */
/* The letters as people read them everywhere: the primary first, then the others in STRIDE
 * order ("EI"). */
void threat_letters_text(const struct threat *t, char out[STRIDE_COUNT + 1]);
int threat_risk(const struct threat *t);

enum mitigation_status {
	MITIGATION_PROPOSED,
	MITIGATION_PLANNED,
	MITIGATION_IN_PROGRESS,
	MITIGATION_IMPLEMENTED,
	MITIGATION_VERIFIED,
	MITIGATION_WONT_DO,
	MITIGATION_STATUS_COUNT
};

struct mitigation {
	char *id; /* "M-0001" */
	char *title;
	char *description;
	enum mitigation_status status;
	char *owner;
	char *ticket;
	char *due; /* YYYY-MM-DD */
	char *verification;
	struct strlist threats; /* threat ids, in the order given */
};

const char *mitigation_status_name(enum mitigation_status s);
int mitigation_status_parse(const char *s, enum mitigation_status *out);

struct mitigation *mitigation_new(const char *id, const char *title);
struct mitigation *mitigation_dup(const struct mitigation *m);
void mitigation_free(struct mitigation *m);

/* Formats "T-0042" / "M-0042" style ids into a new string the caller frees. */
char *ref_format(char prefix, long number);
/* Parses the number out of "T-0042"; returns -1 when the id is not of that form. */
long ref_number(const char *id, char prefix);

#endif
