/* Writing what `stridewalk diff` found (model_diff.h) as text lines or a Markdown page. */
#ifndef SW_REPORT_DIFF_H
#define SW_REPORT_DIFF_H

#include "model_diff.h"
#include "sbuf.h"

/* One line per difference: "+ element new-fn: New function (process, aws.lambda)". */
void report_diff_text(const struct model_diff *d, struct sbuf *out);
/* A Markdown page with one table per subject; the names head the page (escaped). */
void report_diff_md(const struct model_diff *d, const char *old_name, const char *new_name,
		    struct sbuf *out);

#endif
