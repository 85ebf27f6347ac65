/* What the cli_*.c subcommands share: global options, error printing, exit statuses. */
#ifndef SW_CLI_INTERNAL_H
#define SW_CLI_INTERNAL_H

#include <stdbool.h>

#include "error.h"
#include "sbuf.h"
#include "strlist.h"

struct model;

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

struct cli {
	struct strlist questionnaire_dirs; /* --questionnaires DIR, in order */
	bool review; /* --review */
	bool summary; /* --summary: print the model's summary, no UI */
	const char *greeting; /* the UI's first message (where the demo copy is), or NULL */
};

/*
 * printf to standard output (cli_out) or standard error (cli_err), and text to standard output,
 * with every control and bidi character made visible (termsafe.h): whatever a model or a file
 * holds reaches the terminal as plain text. Every line the commands print goes through these.
 */
void cli_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_out_text(const char *text, size_t len);

/* Prints "stridewalk: error: file:line:col: message" to stderr; returns EXIT_USAGE. */
int cli_fail(const struct sw_error *err);
/* Prints the usage of every command to standard error; returns EXIT_USAGE. */
int cli_print_usage(void);
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
/* Whether a write to the stream failed (and was reported, or is left to cli_main for stdout). */
bool cli_stream_failed(const struct cli_stream *s);

/* What the shell completion offers for an option's value or an operand (cli_table.c). */
enum cli_value {
	CLI_NOTHING, /* a flag without a value; also ends a command's operand list */
	CLI_FILE, /* a file (or directory) name */
	CLI_DIR,
	CLI_TEMPLATE, /* a shipped template's name, or a file */
	CLI_FORMAT, /* an export format, from the export table */
	CLI_WORDS, /* one of a fixed list of words */
	CLI_TEXT, /* free text: nothing to offer */
};

struct cli_option {
	const char *name; /* "--format", "-o", or "-h, --help" */
	const char *arg; /* what its value is called ("FILE"); NULL for a flag */
	enum cli_value value;
	const char *words; /* CLI_WORDS: the words, separated by spaces */
	const char *help; /* one line */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *synopsis; /* after "stridewalk " */
	const char *summary; /* for COMMAND --help */
	enum cli_value operands[2]; /* what the operands are, in order */
	bool repeats; /* the last operand may be given any number of times */
	const char *operand_words; /* CLI_WORDS operands */
	const struct cli_option *options; /* ends with a NULL name */
};

/* The command called `name`, or NULL. Borrowed from the table. */
const struct cli_command *cli_command_find(const char *name);
/* Appends "       stridewalk SYNOPSIS\n" for every command, for --help. */
void cli_synopses(struct sbuf *out);
/* Prints the command's own usage and options to standard output; returns EXIT_OK. */
int cli_command_help(const struct cli_command *c);
/*
 * stridewalk --complete WORD...: the words after "stridewalk" with the one being completed
 * last; prints the candidates one per line, "@file" or "@dir" where the shell should offer
 * file or directory names. Returns EXIT_OK.
 */
int cli_complete(int argc, char **argv);

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
