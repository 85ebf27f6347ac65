/* What the cli_*.c subcommands share: global options, error printing, exit statuses. */
#ifndef SW_CLI_INTERNAL_H
#define SW_CLI_INTERNAL_H

#include <stdbool.h>

#include "error.h"
#include "strlist.h"

struct model;

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

struct cli {
	struct strlist questionnaire_dirs; /* --questionnaires DIR, in order */
	bool review; /* --review */
	bool summary; /* --summary: print the model's summary, no UI */
	const char *greeting; /* the UI's first message (where the demo copy is), or NULL */
};

/* Prints "stridewalk: error: file:line:col: message" to stderr; returns EXIT_USAGE. */
int cli_fail(const struct sw_error *err);
/* Prints "stridewalk: warning: file:line:col: message" to stderr. */
void cli_warn(const struct sw_error *err);
/* Prints "stridewalk: error: ..." and a hint to --help; returns EXIT_USAGE. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Writes `text` to `path` (atomically, mode 0600) or to stdout when path is NULL or "-".
 * Returns 0, or EXIT_USAGE after printing why.
 */
int cli_output(const char *path, const char *text, size_t len);

/*
 * The same, in pieces, for output too large to hold whole: cli_stream_open checks `path` as
 * cli_output does, cli_stream_write appends, cli_stream_close puts the file in place (with ok
 * false: leaves any old file as it was) and frees s. Each returns 0, or EXIT_USAGE after
 * printing why.
 */
struct cli_stream;
int cli_stream_open(const char *path, struct cli_stream **out);
int cli_stream_write(struct cli_stream *s, const char *text, size_t len);
int cli_stream_close(struct cli_stream *s, bool ok);

int cli_new(struct cli *cli, int argc, char **argv);
int cli_import(struct cli *cli, int argc, char **argv);
int cli_export(struct cli *cli, int argc, char **argv);
int cli_lint(struct cli *cli, int argc, char **argv);
int cli_list(struct cli *cli, int argc, char **argv);
int cli_open(struct cli *cli, int argc, char **argv);
int cli_demo(struct cli *cli, int argc, char **argv);
int cli_report(struct cli *cli, int argc, char **argv);
int cli_check(struct cli *cli, int argc, char **argv);
int cli_diff(struct cli *cli, int argc, char **argv);

/*
 * Reads a model for check, diff and report: a model file, or a system-model YAML or JSON export
 * (by the extension .yaml, .yml or .json). *out is a new model the caller frees with model_free().
 */
int cli_read_model(const char *path, struct model **out, struct sw_error *err);
/*
 * For a model read by a command that ends right after: release builds leave it to the operating
 * system, which takes it back faster than a million free() calls; debug, sanitizer and valgrind
 * builds free it, for the leak checks. cli_drop_app does the same for an open app.
 */
struct app;
void cli_drop_model(struct model *m);
void cli_drop_app(struct app *app);
/* A .yaml, .yml or .json model (an export) rather than a model file. */
bool cli_is_text_model(const char *path);

#endif
