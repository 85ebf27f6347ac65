/*
 * What the importers of other tools' files share: names and texts cleaned of control
 * characters, threat categories read as STRIDE letters, titles made from long mitigation
 * texts, and the notes of the import report. Pure: no I/O.
 */
#ifndef SW_IMPORT_FOREIGN_H
#define SW_IMPORT_FOREIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "element.h"
#include "error.h"
#include "json.h"
#include "sbuf.h"
#include "stride.h"
#include "strlist.h"

/* "an" before "external entity", "a" before the other kinds' labels. */
const char *foreign_article(enum element_kind kind);

/* Sets err to "file:line:col: message" at the value `at` (no position when NULL); returns -1. */
int foreign_error(struct sw_error *err, const char *file, const struct json_value *at,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "3 threats" then `after` on an import report's count line ("1 threat" for one). */
void foreign_count(struct sbuf *out, size_t n, const char *one, const char *many,
		   const char *after);
/* A report list: "approximated:" and one "  - item" line each, or "approximated: nothing". */
void foreign_list(struct sbuf *out, const char *title, const struct strlist *list);

/* Appends one printf-formatted sentence to a report list. */
void foreign_note(struct strlist *list, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Whitespace runs (line breaks included) become one space, ends trimmed; returns a new string,
 * or NULL when nothing is left. */
char *foreign_name(const char *s);

/* A copy with line breaks kept (CR LF and CR become LF) and other control characters dropped;
 * returns a new string, or NULL when `s` is NULL or only white space. */
char *foreign_text(const char *s);

/* A word of another tool's vocabulary (squashed, see foreign_squash()) and what it means. */
struct foreign_word {
	const char *key;
	int value;
	bool flag; /* a second fact about the word, as the table's user defines it */
};

/* The entry of the `n` words whose key is `s` squashed, or NULL. */
const struct foreign_word *foreign_lookup(const struct foreign_word *words, size_t n,
					  const char *s);

/* Lowercase letters and digits only, at most size - 1 of them: "Denial of Service" -> "denialofservice". */
void foreign_squash(const char *s, char *out, size_t size);

/*
 * The STRIDE letter a threat category names: the six STRIDE names in any case and spacing
 * (also "Elevation of Privileges"), Confidentiality/Integrity/Availability and the LINDDUN
 * categories by their nearest letter (*exact false). STRIDE_COUNT for anything else.
 */
enum stride_letter foreign_letter(const char *category, bool *exact);

/* The letter nearest to `want` that `e` takes, in a fixed order of preference per letter. */
enum stride_letter foreign_nearest_letter(enum stride_letter want, const struct element *e);

/* A title for a mitigation text: its first sentence or line, cut at a space to 80 characters
 * with "..."; returns a new string ("Mitigation" when nothing is left). */
char *foreign_mitigation_title(const char *text);

#endif
