/*
 * Infrastructure code to a model: reading CloudFormation/SAM, serverless.yml and Terraform plan
 * files (one at a time or a whole directory) into the intermediate description of iac.h, then
 * the elements, boundaries, flows and evidence answers the mapping table and the rules derive
 * from it, with a report of what was read, what was not drawn and what could not be resolved.
 */
#ifndef SW_IMPORT_IAC_H
#define SW_IMPORT_IAC_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "iac.h"
#include "model.h"
#include "sbuf.h"
#include "strlist.h"

struct json_value;

struct iac_report {
	struct strlist files; /* "template.yaml (CloudFormation/SAM, 14 resources)" */
	struct strlist unknown; /* "template.yaml:80: AWS::IoT::TopicRule IotRule" */
	struct strlist unresolved; /* "template.yaml:118: AWS::Include of 'api.yaml' ..." */
	struct strlist skipped; /* directory imports: files not recognised */
	size_t resources, helpers, elements, flows, boundaries, answers;
};

#define IAC_REPORT_INIT                                                                            \
	{                                                                                          \
		STRLIST_INIT, STRLIST_INIT, STRLIST_INIT, STRLIST_INIT, 0, 0, 0, 0, 0, 0           \
	}

void iac_report_release(struct iac_report *r);
/* The report as lines of text for the command line. */
void iac_report_write(const struct iac_report *r, struct sbuf *out);

/*
 * Whether a file is infrastructure code, and which: from its parsed JSON (`json`, when it is
 * JSON) or from the top-level keys of its YAML text. Returns true and sets *format.
 */
bool iac_sniff(const char *text, size_t len, const struct json_value *json,
	       enum iac_format *format);

/*
 * Reads one file's text as `format` into a new document (*out, free with iac_doc_free). `name`
 * is how evidence names the file; `json` (may be NULL) is the text already parsed as JSON.
 * Errors carry name:line:col.
 */
int iac_read(const char *name, const char *text, size_t len, const struct json_value *json,
	     enum iac_format format, struct iac_doc **out, struct sw_error *err);

/*
 * Reads every file under `dir` that is infrastructure code (directories starting with '.' and
 * node_modules are skipped), in name order; names are relative to `dir`. Files that are not
 * are listed in `skipped`. *docs gets a new array of new documents.
 */
int iac_read_dir(const char *dir, struct iac_doc ***docs, size_t *ndocs, struct strlist *skipped,
		 struct sw_error *err);

/*
 * The model the documents describe: one account boundary, a VPC boundary per VPC, an element
 * per mapped resource, the derived flows, a caller entity in front of each public entry point,
 * and the answers the code settles, stamped `now`. Returns a new model; fills `report`.
 */
struct model *iac_model(struct iac_doc *const *docs, size_t ndocs, const char *now,
			struct iac_report *report);

#endif
