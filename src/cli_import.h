/*
 * Reading what `import` and `new --from` take: one table of readers, each with the test that
 * recognises its files and the `--format` name that forces it.
 */
#ifndef SW_CLI_IMPORT_H
#define SW_CLI_IMPORT_H

#include <stdbool.h>

#include "error.h"
#include "import_iac.h"
#include "model.h"
#include "sbuf.h"
#include "strlist.h"

enum import_kind {
	IMPORT_NATIVE, /* stridewalk's own YAML or JSON: merged into a diagram */
	IMPORT_FOREIGN, /* another tool's model: replaces the whole model */
	IMPORT_CODE, /* infrastructure code: an increment */
};

struct imported {
	struct model *model; /* owned until handed on */
	enum import_kind kind;
	const char *format; /* the reader's --format name */
	const char *label; /* the format for people ("Threat Dragon") */
	struct sbuf report; /* a foreign reader's report of what it mapped and dropped */
	struct iac_report iac;
	struct strlist files; /* code: the file names its origins use */
	bool directory; /* code read from a directory: it describes the whole system */
};

/*
 * Reads `path` (a file, or for infrastructure code a directory) with the reader `format` names,
 * or the first that recognises it when `format` is NULL. Nothing is written. Release `out`
 * with imported_release() whatever the result.
 */
int cli_import_read(const char *path, const char *format, struct imported *out,
		    struct sw_error *err);
void imported_release(struct imported *in);
/* Prints what a reader mapped, approximated or could not resolve (nothing for native files). */
void imported_print(const struct imported *in, const char *path);

#endif
