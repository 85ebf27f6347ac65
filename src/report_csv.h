/*
 * The CSV backlog (export --format csv): one row per threat, or per mitigation, with a header
 * whose first columns carry the names the Jira and GitHub CSV importers map without help
 * (Summary, Description, Priority, Labels, Status, Assignee, Due date), RFC 4180 quoting, CRLF
 * line ends, and formula-like cells neutralised. Pure: no I/O.
 */
#ifndef SW_REPORT_CSV_H
#define SW_REPORT_CSV_H

#include <stdbool.h>

#include "model.h"
#include "sbuf.h"

/* Appends the backlog: a row per mitigation when `per_mitigation`, else a row per threat. */
void report_csv_write(const struct model *m, bool per_mitigation, struct sbuf *out);

#endif
