/* The command line's front door: global options, --help, --version, and the subcommand table. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "action.h"
#include "cli_internal.h"
#include "fileio.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static const struct {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *synopsis;
} commands[] = {
    {"new", cli_new, "new MODEL.db [--template NAME|FILE | --from FILE|DIR] [--name TEXT]"},
    {"import", cli_import,
     "import MODEL.db FILE|DIR [--dry-run] [--format cfn|sls|tfplan|threatdragon|otm|yaml|json] "
     "[--replace]"},
    {"export", cli_export,
     "export MODEL.db --format yaml|json|md|csv|otm|threatdragon [--per threat|mitigation] "
     "[-o FILE]"},
    {"report", cli_report, "report MODEL.db [-o FILE]"},
    {"check", cli_check,
     "check MODEL.db [--fail-on none|low|medium|high|critical] [--require-coverage]"},
    {"diff", cli_diff, "diff OLD.db NEW.db [--format text|md]"},
    {"lint", cli_lint, "lint PATH..."},
    {"list", cli_list, "list templates|questionnaires|types"},
    {"demo", cli_demo, "demo [FILE]"},
};

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: stridewalk [--questionnaires DIR]... [--review | --summary] [MODEL.db]\n",
	      out);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(out, "       stridewalk %s\n", commands[i].synopsis);
	fputs("       stridewalk --help | --help-keys [--mdoc] | --version\n\n"
	      "Runs STRIDE-per-element threat-modeling workshops for serverless systems.\n"
	      "Without a command, opens MODEL.db (default ./threatmodel.db) in the workshop UI.\n"
	      "Exit status: 0 success, 1 check failed or models differ, 2 usage or input error.\n"
	      "See stridewalk(1), stridewalk-model(5) and stridewalk-questionnaire(5).\n",
	      out);
}

int cli_fail(const struct sw_error *err)
{
	struct sbuf sb = SBUF_INIT;

	sw_error_format(err, &sb);
	fprintf(stderr, "stridewalk: error: %s\n", sbuf_str(&sb));
	sbuf_release(&sb);
	return EXIT_USAGE;
}

void cli_warn(const struct sw_error *err)
{
	struct sbuf sb = SBUF_INIT;

	sw_error_format(err, &sb);
	fprintf(stderr, "stridewalk: warning: %s\n", sbuf_str(&sb));
	sbuf_release(&sb);
}

int cli_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("stridewalk: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n(see 'stridewalk --help')\n", stderr);
	return EXIT_USAGE;
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
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
			fputs("stridewalk: error: cannot write to standard output\n", stderr);
			return EXIT_USAGE;
		}
		return 0;
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
		if (fwrite(text, 1, len, stdout) == len)
			return 0;
		fputs("stridewalk: error: cannot write to standard output\n", stderr);
		s->failed = true;
		return EXIT_USAGE;
	}
	if (file_out_write(s->file, text, len, &err) == 0)
		return 0;
	s->failed = true;
	cli_fail(&err);
	sw_error_release(&err);
	return EXIT_USAGE;
}

int cli_stream_close(struct cli_stream *s, bool ok)
{
	struct sw_error err = SW_ERROR_INIT;
	int rc = 0;

	if (!s)
		return 0;
	ok = ok && !s->failed;
	if (!s->file && ok && fflush(stdout) != 0) {
		fputs("stridewalk: error: cannot write to standard output\n", stderr);
		rc = EXIT_USAGE;
	}
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

static int dispatch(struct cli *cli, int argc, char **argv)
{
	size_t i;

	if (argc >= 1 && (str_eq(argv[0], "--help") || str_eq(argv[0], "-h"))) {
		usage(stdout);
		return EXIT_OK;
	}
	if (argc >= 1 && str_eq(argv[0], "--help-keys")) {
		print_keys(argc > 1 && str_eq(argv[1], "--mdoc"));
		return EXIT_OK;
	}
	if (argc >= 1 && str_eq(argv[0], "--version")) {
		printf("stridewalk %s\n", SW_VERSION);
		return EXIT_OK;
	}
	for (i = 0; argc >= 1 && i < ARRAY_SIZE(commands); i++)
		if (str_eq(argv[0], commands[i].name))
			return commands[i].run(cli, argc - 1, argv + 1);
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

	argc = take_globals(&cli, argc - 1, argv + 1);
	rc = argc < 0 ? EXIT_USAGE : dispatch(&cli, argc, argv + 1);
	strlist_clear(&cli.questionnaire_dirs);
	return rc;
}
