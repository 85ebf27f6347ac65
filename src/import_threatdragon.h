/*
 * OWASP Threat Dragon models (format 1.x and 2.x JSON) mapped onto a stridewalk model: actors,
 * processes and stores become elements, flows keep their source and target, curved and boxed
 * trust boundaries become boundaries (boxes also get their members, from the file's parent
 * links or from geometry), and threats keep title, type, status, severity, description,
 * mitigation, score, number and id (import_threatdragon_threat.h). A wrong JSON type anywhere
 * the importer reads is an error at its line and column. What could only be approximated and
 * what had to be dropped is reported, never silently lost. Pure: no I/O.
 */
#ifndef SW_IMPORT_THREATDRAGON_H
#define SW_IMPORT_THREATDRAGON_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "json.h"
#include "model.h"
#include "sbuf.h"
#include "strlist.h"

struct td_report {
	int version; /* 1 or 2: the Threat Dragon format read */
	size_t diagrams, blank_diagrams; /* blank: never drawn, no cells */
	size_t actors, processes, stores, flows, boundaries;
	size_t threats, mitigations, participants;
	size_t id_lookups; /* candidate ids tried for unique ids: linear in the elements */
	struct strlist approximated; /* one sentence per approximation */
	struct strlist dropped; /* one sentence per thing left out, with its line:col */
};

#define TD_REPORT_INIT                                                                             \
	{                                                                                          \
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, STRLIST_INIT, STRLIST_INIT                     \
	}

/* The tag a process's privilegeLevel becomes: "privilege:" followed by the level. */
#define TD_PRIVILEGE_TAG "privilege:"

/* A Threat Dragon flag (a boolean of a cell), the tag it becomes, the kinds that carry it. */
struct td_flag {
	const char *key; /* "storesCredentials" */
	const char *tag; /* "credentials" */
	unsigned kinds; /* bits (1u << enum element_kind) */
};

/* The table of flags, for the exporter; borrowed, static. */
const struct td_flag *td_flags(size_t *count);

/* A JSON document that looks like a Threat Dragon model: an object with "detail" or "summary". */
bool td_detect(const struct json_value *root);

/*
 * Maps a parsed Threat Dragon document (`file` names it in messages). On success *out is a new
 * model (free with model_free()) and `report` is filled (release it with td_report_release());
 * on error nothing is returned and err says "file:line:col: message".
 */
int td_import(const char *file, const struct json_value *root, struct model **out,
	      struct td_report *report, struct sw_error *err);

/* Parses `len` bytes of JSON, then td_import(). */
int td_import_text(const char *file, const char *text, size_t len, struct model **out,
		   struct td_report *report, struct sw_error *err);

void td_report_release(struct td_report *r);

/* Appends the report for people: what was mapped, approximated and dropped, one per line. */
void td_report_write(const struct td_report *r, const char *file, struct sbuf *out);

#endif
