/*
 * One Threat Dragon threat in stridewalk terms and back: severity <-> likelihood x impact,
 * status words, the type <-> STRIDE letter, and the provenance line that keeps what
 * stridewalk has no field for (the threat's number and id, its original type, severity,
 * status word, methodology and score), so that an export gives Threat Dragon back what it
 * had. The provenance reads, with each part present only when the file had it:
 *
 *   threat-dragon #12 (id 7df716cd-...): Information disclosure, severity High,
 *       status Eliminated, model LINDDUN, score 8.1
 *
 * Pure: no I/O.
 */
#ifndef SW_IMPORT_THREATDRAGON_THREAT_H
#define SW_IMPORT_THREATDRAGON_THREAT_H

#include <stdbool.h>

#include "element.h"
#include "sbuf.h"
#include "threat.h"

#define TD_PROVENANCE "threat-dragon"

/* What a provenance line keeps of the original threat; every string is owned. */
struct td_origin {
	bool found; /* the provenance is a Threat Dragon one */
	long number; /* -1 when none */
	char *id; /* NULL when none */
	char *type; /* "" when the threat had none */
	char *severity; /* NULL when none */
	char *status; /* the original word, only when it was not the usual one for the status */
	char *model; /* the modelType, only when it was not STRIDE */
	char *score; /* NULL when none */
};

/* The provenance of `o` (found must be true), appended to `out`. */
void td_origin_write(const struct td_origin *o, struct sbuf *out);
/* Reads a provenance line; o->found is false when it is not a Threat Dragon one. */
void td_origin_parse(const char *provenance, struct td_origin *o);
void td_origin_release(struct td_origin *o);

/* Whether an id can be kept in a provenance line: 1 to 100 of [A-Za-z0-9._:-]. */
bool td_id_keepable(const char *id);

/* The rating a severity gets: Low 2, Medium 3, High 4, Critical 5, anything else 3 (both
 * likelihood and impact). *known is false for anything else. */
int td_severity_rating(const char *severity, bool *known);
/* The severity word for a risk score, by band: Low, Medium, High, Critical. */
const char *td_severity_of_risk(int risk);

/*
 * The stridewalk status of a Threat Dragon status word: Open, Mitigated, NotApplicable (or NA),
 * Accepted, Transferred, Avoided; Eliminated is read as avoided. *usual is false when the word
 * is not the one td_status_word() writes back (Eliminated, NA, other spellings); anything
 * unknown is open with *known false.
 */
enum threat_status td_status_of(const char *word, bool *known, bool *usual);
/* The Threat Dragon word for a status: in-discussion is Open, false-positive NotApplicable. */
const char *td_status_word(enum threat_status s);
/* The justification an import gives a status that needs one when the file gives no text. */
const char *td_default_justification(enum threat_status s);

/* The letter an import files a type under on element `e` (I for a type it does not know). */
enum stride_letter td_letter_of(const char *type, const struct element *e);

#endif
