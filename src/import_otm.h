/*
 * Open Threat Model files (OTM 0.1 and 0.2 JSON, as IriusRisk's StartLeft writes them from
 * CloudFormation, Terraform, Visio, draw.io and Microsoft TMT models) mapped onto a stridewalk
 * model: trust zones become boundaries (nested by parent), components elements (their types
 * through the table of import_otm_map.h), dataflows flows, and every threat instance on a
 * component or dataflow a threat with its mitigations. A file stridewalk wrote (its project
 * has the attribute "stridewalk:format") comes back whole: ids, kinds and types, letters,
 * statuses, coverage decisions, owners and tickets. What could only be approximated and what
 * had to be dropped (representations, positions, trust ratings, ...) is reported. A wrong JSON
 * type, a missing id or name, or a reference to an id the file does not define is an error at
 * its line and column. Pure: no I/O.
 */
#ifndef SW_IMPORT_OTM_H
#define SW_IMPORT_OTM_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "json.h"
#include "model.h"
#include "sbuf.h"
#include "strlist.h"

struct otm_report {
	char version[16]; /* otmVersion as the file gives it */
	bool ours; /* written by stridewalk */
	size_t trust_zones, entities, processes, stores, dataflows;
	size_t threats, mitigations, participants;
	size_t id_lookups; /* candidate ids tried for unique ids: linear in the elements */
	struct strlist approximated; /* one sentence per approximation */
	struct strlist dropped; /* one sentence per thing left out */
};

#define OTM_REPORT_INIT                                                                            \
	{                                                                                          \
		"", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, STRLIST_INIT, STRLIST_INIT                   \
	}

/* A JSON document that says it is OTM: an object with "otmVersion". */
bool otm_detect(const struct json_value *root);

/*
 * Maps a parsed OTM document (`file` names it in messages). On success *out is a new model
 * (free with model_free()) and `report` is filled (release it with otm_report_release());
 * on error nothing is returned and err says "file:line:col: message".
 */
int otm_import(const char *file, const struct json_value *root, struct model **out,
	       struct otm_report *report, struct sw_error *err);

/* Parses `len` bytes of JSON, then otm_import(). */
int otm_import_text(const char *file, const char *text, size_t len, struct model **out,
		    struct otm_report *report, struct sw_error *err);

void otm_report_release(struct otm_report *r);

/* Appends the report for people: what was read, approximated and dropped, one per line. */
void otm_report_write(const struct otm_report *r, const char *file, struct sbuf *out);

#endif
