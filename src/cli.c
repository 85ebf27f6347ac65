/* The command line's front door: global options, --help, --version, and the subcommand table. */
#include "cli.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "action.h"
#include "cli_internal.h"
#include "fileio.h"
#include "sbuf.h"
#include "termsafe.h"
#include "util.h"
#include "xalloc.h"

static void usage(FILE *out)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(
	    &sb, "usage: stridewalk [--questionnaires DIR]... [--review | --summary] [MODEL.db]\n");
	cli_synopses(&sb);
	sbuf_addstr(&sb,
		    "       stridewalk COMMAND --help | --help [COMMAND]\n"
		    "       stridewalk --help-keys [--mdoc] | --version\n\n"
		    "Runs STRIDE-per-element threat-modeling workshops for serverless systems.\n"
		    "Without a command, opens MODEL.db (default ./threatmodel.db) in the workshop "
		    "UI.\n"
		    "Exit status: 0 success, 1 check failed or models differ, 2 usage or input "
		    "error.\n"
		    "See stridewalk(1), stridewalk-model(5) and stridewalk-questionnaire(5).\n");
	fputs(sb.buf, out);
	sbuf_release(&sb);
}

int cli_print_usage(void)
{
	usage(stderr);
	return EXIT_USAGE;
}

/* Writes text to `f` with everything that could steer a terminal made visible. */
static void put_clean(FILE *f, const char *text, size_t len)
{
	struct sbuf clean = SBUF_INIT;
	uint32_t cp;

	if (termsafe_find(text, len, &cp) == len) {
		fwrite(text, 1, len, f); /* the usual case: nothing to make visible, no copy */
		return;
	}
	termsafe_add(&clean, text, len, TERMSAFE_LINES);
	fwrite(clean.buf, 1, clean.len, f);
	sbuf_release(&clean);
}

static void vprint_clean(FILE *f, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
static void vprint_clean(FILE *f, const char *fmt, va_list ap)
{
	struct sbuf sb = SBUF_INIT;
	char line[512]; /* most lines: formatted without an allocation */
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(line, sizeof(line), fmt, again);
	va_end(again);
	if (n >= 0 && (size_t)n < sizeof(line)) {
		put_clean(f, line, (size_t)n);
		return;
	}
	sbuf_vaddf(&sb, fmt, ap);
	put_clean(f, sb.buf, sb.len);
	sbuf_release(&sb);
}

void cli_out(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint_clean(stdout, fmt, ap);
	va_end(ap);
}

void cli_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint_clean(stderr, fmt, ap);
	va_end(ap);
}

void cli_out_text(const char *text, size_t len)
{
	put_clean(stdout, text, len);
}

int cli_fail(const struct sw_error *err)
{
	struct sbuf sb = SBUF_INIT;

	sw_error_format(err, &sb);
	cli_err("stridewalk: error: %s\n", sbuf_str(&sb));
	sbuf_release(&sb);
	return EXIT_USAGE;
}

void cli_warn(const struct sw_error *err)
{
	struct sbuf sb = SBUF_INIT;

	sw_error_format(err, &sb);
	cli_err("stridewalk: warning: %s\n", sbuf_str(&sb));
	sbuf_release(&sb);
}

int cli_usage(const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	cli_err("stridewalk: error: %s\n(see 'stridewalk --help')\n", sb.buf);
	sbuf_release(&sb);
	return EXIT_USAGE;
}

/*
 * An export on standard output is written as it is into a pipe or a file (it must import
 * again byte for byte), but cleaned when a person reads it on a terminal.
 */
static size_t write_stdout(const char *text, size_t len)
{
	struct sbuf clean = SBUF_INIT;
	size_t n;

	if (!isatty(STDOUT_FILENO))
		return fwrite(text, 1, len, stdout);
	termsafe_add(&clean, text, len, TERMSAFE_LINES);
	n = fwrite(clean.buf, 1, clean.len, stdout) == clean.len ? len : 0;
	sbuf_release(&clean);
	return n;
}

/* `export MODEL.db -o MODEL.db` is one typo away: an export must never replace a model. */
static bool is_sqlite_file(const char *path)
{
	char header[16];
	struct stat st;
	bool yes;
	FILE *f;

	/* Only regular files: opening a named pipe to peek would wait for a writer forever. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb")))
		return false;
	yes = fread(header, 1, sizeof(header), f) == sizeof(header) &&
	      memcmp(header, "SQLite format 3", sizeof(header)) == 0;
	fclose(f);
	return yes;
}

int cli_output(const char *path, const char *text, size_t len)
{
	struct sw_error err = SW_ERROR_INIT;

	if (!path || str_eq(path, "-")) {
		/* a failure is said once, by cli_main on the way out */
		return write_stdout(text, len) != len || fflush(stdout) != 0 ? EXIT_USAGE : 0;
	}
	if (is_sqlite_file(path)) {
		sw_error_at(
		    &err, path, 0, 0,
		    "is a SQLite database (a model?); refusing to replace it with an export");
		cli_fail(&err);
		sw_error_release(&err);
		return EXIT_USAGE;
	}
	if (file_write_atomic(path, text, len, &err)) {
		cli_fail(&err);
		sw_error_release(&err);
		return EXIT_USAGE;
	}
	return 0;
}

struct cli_stream {
	struct file_out *file; /* NULL: standard output */
	bool failed;
};

int cli_stream_open(const char *path, struct cli_stream **out)
{
	struct sw_error err = SW_ERROR_INIT;
	struct cli_stream *s = xcalloc(1, sizeof(*s));
	int rc = 0;

	*out = s;
	if (!path || str_eq(path, "-"))
		return 0;
	if (is_sqlite_file(path))
		sw_error_at(
		    &err, path, 0, 0,
		    "is a SQLite database (a model?); refusing to replace it with an export");
	else if (file_out_begin(path, &s->file, &err) == 0)
		return 0;
	rc = cli_fail(&err);
	sw_error_release(&err);
	free(s);
	*out = NULL;
	return rc;
}

int cli_stream_write(struct cli_stream *s, const char *text, size_t len)
{
	struct sw_error err = SW_ERROR_INIT;

	if (s->failed)
		return EXIT_USAGE;
	if (!s->file) {
		if (write_stdout(text, len) == len)
			return 0;
		s->failed = true; /* cli_main says so */
		return EXIT_USAGE;
	}
	if (file_out_write(s->file, text, len, &err) == 0)
		return 0;
	s->failed = true;
	cli_fail(&err);
	sw_error_release(&err);
	return EXIT_USAGE;
}

bool cli_stream_failed(const struct cli_stream *s)
{
	return s->failed;
}

int cli_stream_close(struct cli_stream *s, bool ok)
{
	struct sw_error err = SW_ERROR_INIT;
	int rc = 0;

	if (!s)
		return 0;
	ok = ok && !s->failed;
	if (!s->file && ok && fflush(stdout) != 0)
		rc = EXIT_USAGE; /* cli_main says so */
	if (s->file && file_out_end(s->file, ok, &err)) {
		rc = cli_fail(&err);
		sw_error_release(&err);
	}
	free(s);
	return rc ? rc : ok ? 0 : EXIT_USAGE;
}

/* Takes the global options out of argv wherever they stand; returns the new argc or -1. */
static int take_globals(struct cli *cli, int argc, char **argv)
{
	int i, n = 0;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--questionnaires")) {
			if (i + 1 >= argc)
				return cli_usage("--questionnaires needs a directory"), -1;
			strlist_push(&cli->questionnaire_dirs, argv[++i]);
		} else if (str_starts_with(argv[i], "--questionnaires=")) {
			strlist_push(&cli->questionnaire_dirs,
				     argv[i] + strlen("--questionnaires="));
		} else if (str_eq(argv[i], "--review")) {
			cli->review = true;
		} else if (str_eq(argv[i], "--summary")) {
			cli->summary = true;
		} else {
			argv[n++] = argv[i];
		}
	}
	argv[n] = NULL;
	return n;
}

/* The workshop's keys and commands, from the action table that also drives the UI. */
static void print_keys(bool mdoc)
{
	struct sbuf sb = SBUF_INIT;

	if (mdoc)
		action_mdoc(&sb);
	else
		action_dump(&sb);
	fputs(sbuf_str(&sb), stdout);
	sbuf_release(&sb);
}

/* `COMMAND ... --help` anywhere before a lone "--": the command's own help. */
static bool asks_help(int argc, char **argv)
{
	int i;

	for (i = 0; i < argc && !str_eq(argv[i], "--"); i++)
		if (str_eq(argv[i], "--help") || str_eq(argv[i], "-h"))
			return true;
	return false;
}

static int dispatch(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = argc >= 1 ? cli_command_find(argv[0]) : NULL;

	if (argc >= 1 && (str_eq(argv[0], "--help") || str_eq(argv[0], "-h"))) {
		if (argc > 1 && cli_command_find(argv[1]))
			return cli_command_help(cli_command_find(argv[1]));
		if (argc > 1)
			return cli_usage("--help: no command '%s'", argv[1]);
		usage(stdout);
		return EXIT_OK;
	}
	if (cmd)
		return asks_help(argc - 1, argv + 1) ? cli_command_help(cmd)
						     : cmd->run(cli, argc - 1, argv + 1);
	if (argc >= 1 && str_eq(argv[0], "--help-keys")) {
		print_keys(argc > 1 && str_eq(argv[1], "--mdoc"));
		return EXIT_OK;
	}
	if (argc >= 1 && str_eq(argv[0], "--version")) {
		printf("stridewalk %s\n", SW_VERSION);
		return EXIT_OK;
	}
	if (argc >= 1 && argv[0][0] == '-')
		return cli_usage("unknown option '%s'", argv[0]);
	if (argc > 1)
		return cli_usage("unknown command '%s'", argv[0]);
	return cli_open(cli, argc, argv);
}

int cli_main(int argc, char **argv)
{
	struct cli cli = {STRLIST_INIT, false, false, NULL};
	int rc;

	if (argc >= 2 && str_eq(argv[1], "--complete")) {
		rc = cli_complete(argc - 2, argv + 2); /* the words as typed, global options too */
	} else {
		argc = take_globals(&cli, argc - 1, argv + 1);
		rc = argc < 0 ? EXIT_USAGE : dispatch(&cli, argc, argv + 1);
	}
	strlist_clear(&cli.questionnaire_dirs);
	/* Every command that prints ends here: output that was lost (a full disk, a closed pipe,
	 * >/dev/full) must not pass for success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("stridewalk: error: cannot write to standard output\n", stderr);
		rc = EXIT_USAGE;
	}
	return rc;
}
