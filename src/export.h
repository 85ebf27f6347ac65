/* The export formats by name: one table that the CLI and the report commands share. */
#ifndef SW_EXPORT_H
#define SW_EXPORT_H

#include <stdbool.h>
#include <time.h>

#include "error.h"
#include "model.h"
#include "sbuf.h"

struct qlibrary;
struct report_sink;

struct export_options {
	const char *per; /* csv: "threat" (default) or "mitigation" */
	time_t now; /* md: the report's date; 0 = clock_now() (honours STRIDEWALK_NOW) */
	/* md: questionnaires to name questions and mark risky answers (borrowed); NULL = the
	 * shipped and user questionnaires, loaded for the occasion */
	const struct qlibrary *qlib;
	/* md: when set, the report goes to the sink in pieces (report_md.h), not into `out` */
	const struct report_sink *sink;
};

bool export_format_known(const char *format);
const char *export_format_names(void); /* "yaml, json, ..." for messages; borrowed */
/* The i-th format's name ("yaml"), from 0, or NULL past the last: for help and completion. */
const char *export_format_name(size_t i);

/* Appends the model in `format` to `out`. */
int export_model(const struct model *m, const char *format, const struct export_options *opts,
		 struct sbuf *out, struct sw_error *err);

#endif
