/*
 * The Markdown report (stridewalk report, export --format md): what a workshop found, for the
 * wiki or the repository. It reads well as plain text and renders on GitHub and GitLab
 * (tables, a Mermaid data-flow diagram). The same model, date and questionnaires always give
 * the same bytes. Pure: no I/O.
 */
#ifndef SW_REPORT_MD_H
#define SW_REPORT_MD_H

#include <stddef.h>
#include <time.h>

#include "model.h"
#include "sbuf.h"

struct qlibrary;

/* Mermaid diagrams longer than this are left out: GitHub refuses to render them. */
#define REPORT_MERMAID_MAX 50000

/*
 * Appends the report of `m` dated `now` (UTC). `qlib` (borrowed, may be NULL) names the
 * questions and tells which answers are risky; without it questions appear by id and the report
 * says why, using `qlib_note` (may be NULL) as the reason.
 */
void report_md_write(const struct model *m, time_t now, const struct qlibrary *qlib,
		     const char *qlib_note, struct sbuf *out);

/* Where report_md_write_to sends the report, a piece at a time; write returns 0, or -1 to stop. */
struct report_sink {
	int (*write)(void *arg, const char *text, size_t len);
	void *arg;
};

/*
 * The same report handed to `sink` in pieces of about REPORT_PIECE bytes, so that a large
 * report never sits in memory whole. Returns 0, or -1 when the sink refused a piece.
 */
#define REPORT_PIECE (256 * 1024)
int report_md_write_to(const struct model *m, time_t now, const struct qlibrary *qlib,
		       const char *qlib_note, const struct report_sink *sink);

#endif
