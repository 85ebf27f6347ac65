/*
 * The subcommands and their options, in one table: dispatch, `stridewalk --help`,
 * `stridewalk COMMAND --help` and the shell completion (`stridewalk --complete`, which the
 * bash and zsh scripts in completion/ call) all read it, so a new option is one row here.
 * Each cli_*.c still parses its own arguments; the table describes them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_internal.h"
#include "export.h"
#include "sbuf.h"
#include "templates.h"
#include "util.h"

#define HELP_OPTION                                                                                \
	{                                                                                          \
		"-h, --help", NULL, CLI_NOTHING, NULL, "show this help and exit"                   \
	}
#define END_OPTIONS                                                                                \
	{                                                                                          \
		NULL, NULL, CLI_NOTHING, NULL, NULL                                                \
	}

static const struct cli_option new_options[] = {
    {"--template", "NAME|FILE", CLI_TEMPLATE, NULL,
     "start from a shipped template (stridewalk list templates) or a system-model file"},
    {"--from", "FILE|DIR", CLI_FILE, NULL,
     "start from what import reads: infrastructure code, another tool's file"},
    {"--name", "TEXT", CLI_TEXT, NULL, "the system's name"},
    HELP_OPTION,
    END_OPTIONS,
};

static const struct cli_option import_options[] = {
    {"--dry-run", NULL, CLI_NOTHING, NULL,
     "print what the import would add, change and remove, and write nothing"},
    {"--format", "FORMAT", CLI_WORDS, "cfn sls tfplan threatdragon otm yaml json",
     "read FILE as cfn, sls, tfplan, threatdragon, otm, yaml or json"},
    {"--replace", NULL, CLI_NOTHING, NULL,
     "overwrite the whole model instead of carrying its work over"},
    HELP_OPTION,
    END_OPTIONS,
};

static const struct cli_option export_options[] = {
    {"--format", "FORMAT", CLI_FORMAT, NULL, "what to write:"},
    {"--per", "threat|mitigation", CLI_WORDS, "threat mitigation",
     "csv: one row per threat (the default) or per mitigation"},
    {"-o", "FILE", CLI_FILE, NULL,
     "write FILE (mode 0600, put in place whole) instead of standard output"},
    HELP_OPTION,
    END_OPTIONS,
};

static const struct cli_option report_options[] = {
    {"-o", "FILE", CLI_FILE, NULL,
     "write FILE (mode 0600, put in place whole) instead of standard output"},
    HELP_OPTION,
    END_OPTIONS,
};

static const struct cli_option check_options[] = {
    {"--fail-on", "BAND", CLI_WORDS, "none low medium high critical",
     "fail on open threats of this risk band or above (default high; none: off)"},
    {"--require-coverage", NULL, CLI_NOTHING, NULL, "fail on STRIDE cells still pending"},
    HELP_OPTION,
    END_OPTIONS,
};

static const struct cli_option diff_options[] = {
    {"--format", "text|md", CLI_WORDS, "text md", "one line per change, or a Markdown page"},
    HELP_OPTION,
    END_OPTIONS,
};

static const struct cli_option help_only[] = {HELP_OPTION, END_OPTIONS};

/* Options every command takes, wherever they stand on the line (cli.c takes them out). */
static const struct cli_option global_options[] = {
    {"--questionnaires", "DIR", CLI_DIR, NULL,
     "also load the questionnaires and cue cards in DIR (may be repeated)"},
    {"--review", NULL, CLI_NOTHING, NULL, "open the UI in review mode"},
    {"--summary", NULL, CLI_NOTHING, NULL, "print the model's summary instead of the UI"},
    END_OPTIONS,
};

/* Only before any command. */
static const struct cli_option top_options[] = {
    {"--help", NULL, CLI_NOTHING, NULL, NULL},
    {"--help-keys", NULL, CLI_NOTHING, NULL, NULL},
    {"--version", NULL, CLI_NOTHING, NULL, NULL},
    END_OPTIONS,
};

static const struct cli_command commands[] = {
    {"new",
     cli_new,
     "new MODEL.db [--template NAME|FILE | --from FILE|DIR] [--name TEXT]",
     "Creates a model file (mode 0600), empty, from a starter system, or from infrastructure\n"
     "code (CloudFormation/SAM, serverless.yml, a Terraform plan) or another file import\n"
     "reads. The file must not exist yet.",
     {CLI_FILE},
     false,
     NULL,
     new_options},
    {"import",
     cli_import,
     "import MODEL.db FILE|DIR [--dry-run] [--format FORMAT] [--replace]",
     "Reads a system-model YAML file, its JSON export, an OWASP Threat Dragon or Open Threat\n"
     "Model file, or infrastructure code (CloudFormation/SAM, serverless.yml, a Terraform\n"
     "plan or state; a directory of them is one system) into a model, creating the model\n"
     "when it does not exist. A changed diagram carries the team's work over; changed code\n"
     "is an increment. Nothing is written unless the whole file is valid.",
     {CLI_FILE, CLI_FILE},
     false,
     NULL,
     import_options},
    {"export",
     cli_export,
     "export MODEL --format FORMAT [--per threat|mitigation] [-o FILE]",
     "Writes the model in another format, to standard output or to a file. MODEL is a model\n"
     "file or a .yaml, .yml or .json export.",
     {CLI_FILE},
     false,
     NULL,
     export_options},
    {"report",
     cli_report,
     "report MODEL [-o FILE]",
     "Writes the Markdown report, the same as export --format md.",
     {CLI_FILE},
     false,
     NULL,
     report_options},
    {"check",
     cli_check,
     "check MODEL [--fail-on none|low|medium|high|critical] [--require-coverage]",
     "The CI gate: one line per problem on standard output, exit 1 when there is any.",
     {CLI_FILE},
     false,
     NULL,
     check_options},
    {"diff",
     cli_diff,
     "diff OLD NEW [--format text|md]",
     "What changed between two models (files or exports); exit 1 when they differ.",
     {CLI_FILE, CLI_FILE},
     false,
     NULL,
     diff_options},
    {"lint",
     cli_lint,
     "lint PATH...",
     "Checks system models, templates, questionnaires and cue cards, every .yaml and .yml\n"
     "file below a directory, and reports every problem as FILE:LINE:COL: message.",
     {CLI_FILE},
     true,
     NULL,
     help_only},
    {"list",
     cli_list,
     "list templates|questionnaires|types",
     "Lists the shipped templates, the questionnaires in use, or the catalog of element\n"
     "types.",
     {CLI_WORDS},
     false,
     "templates questionnaires types",
     help_only},
    {"demo",
     cli_demo,
     "demo [FILE]",
     "Opens a copy of the bundled example workshop: a fresh one in a temporary directory,\n"
     "or FILE, made from the example the first time and kept as you leave it.",
     {CLI_FILE},
     false,
     NULL,
     help_only},
};

const struct cli_command *cli_command_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < ARRAY_SIZE(commands); i++)
		if (str_eq(commands[i].name, name))
			return &commands[i];
	return NULL;
}

void cli_synopses(struct sbuf *out)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		sbuf_addf(out, "       stridewalk %s\n", commands[i].synopsis);
}

/* "--format FORMAT", or "-h, --help": what the help's first column shows. */
static void option_label(const struct cli_option *o, struct sbuf *out)
{
	sbuf_addstr(out, o->name);
	if (o->arg)
		sbuf_addf(out, " %s", o->arg);
}

static void option_lines(const struct cli_option *list, int width, struct sbuf *out)
{
	size_t i, k;

	for (; list->name; list++) {
		struct sbuf label = SBUF_INIT;
		option_label(list, &label);
		sbuf_addf(out, "  %-*s  %s", width, label.buf, list->help);
		for (k = 0, i = 0; list->value == CLI_FORMAT && export_format_name(i); i++, k++)
			sbuf_addf(out, "%s%s", k ? ", " : " ", export_format_name(i));
		sbuf_addch(out, '\n');
		sbuf_release(&label);
	}
}

static int label_width(const struct cli_option *list, int width)
{
	for (; list->name; list++) {
		struct sbuf label = SBUF_INIT;
		option_label(list, &label);
		if ((int)label.len > width)
			width = (int)label.len;
		sbuf_release(&label);
	}
	return width;
}

int cli_command_help(const struct cli_command *c)
{
	struct sbuf out = SBUF_INIT;
	int width = label_width(global_options, label_width(c->options, 0));

	sbuf_addf(&out, "usage: stridewalk %s\n\n%s\n\noptions:\n", c->synopsis, c->summary);
	option_lines(c->options, width, &out);
	sbuf_addstr(&out, "\noptions of every command:\n");
	option_lines(global_options, width, &out);
	sbuf_addf(&out, "\nSee stridewalk(1), COMMANDS, for the whole story.\n");
	fputs(out.buf, stdout);
	sbuf_release(&out);
	return EXIT_OK;
}

/* ---- completion ---- */

/* Prints the words of `words` (space-separated) that start with `prefix`, one per line. */
static void offer_words(const char *words, const char *prefix)
{
	const char *p = words;

	while (p && *p) {
		size_t n = strcspn(p, " ");
		if (strncmp(p, prefix, strlen(prefix)) == 0 && n >= strlen(prefix))
			printf("%.*s\n", (int)n, p);
		p += n;
		p += strspn(p, " ");
	}
}

static void offer(const char *word, const char *prefix)
{
	if (str_starts_with(word, prefix))
		printf("%s\n", word);
}

/* What may stand where `kind` is asked for; "@file" and "@dir" ask the shell for names. */
static void offer_value(enum cli_value kind, const char *words, const char *prefix)
{
	struct strlist names = STRLIST_INIT;
	size_t i;

	switch (kind) {
	case CLI_FILE:
		puts("@file");
		break;
	case CLI_DIR:
		puts("@dir");
		break;
	case CLI_TEMPLATE:
		if (templates_names(&names, NULL) == 0)
			for (i = 0; i < names.count; i++)
				offer(names.items[i], prefix);
		strlist_clear(&names);
		puts("@file");
		break;
	case CLI_FORMAT:
		for (i = 0; export_format_name(i); i++)
			offer(export_format_name(i), prefix);
		break;
	case CLI_WORDS:
		offer_words(words, prefix);
		break;
	case CLI_NOTHING:
	case CLI_TEXT:
		break;
	}
}

static const struct cli_option *find_option(const struct cli_option *list, const char *name)
{
	for (; list && list->name; list++)
		if (str_eq(list->name, name) || (str_starts_with(list->name, "-h, ") &&
						 (str_eq(name, "-h") || str_eq(name, "--help"))))
			return list;
	return NULL;
}

static void offer_options(const struct cli_option *list, const char *prefix)
{
	for (; list && list->name; list++) {
		if (str_starts_with(list->name, "-h, "))
			offer("--help", prefix);
		else
			offer(list->name, prefix);
	}
}

/*
 * `stridewalk --complete WORD...`: the words typed after "stridewalk", the last one being the
 * word under the cursor (maybe empty). Prints the candidates for it, one per line.
 */
int cli_complete(int argc, char **argv)
{
	const struct cli_command *cmd = NULL;
	const char *prefix = argc > 0 ? argv[argc - 1] : "";
	const struct cli_option *o;
	size_t operands = 0, i;
	int k;

	for (k = 0; k < argc - 1; k++) {
		const char *w = argv[k];
		if ((o = find_option(global_options, w)) ||
		    (cmd && (o = find_option(cmd->options, w)))) {
			if (o->arg && k == argc - 2) {
				offer_value(o->value, o->words, prefix);
				return EXIT_OK;
			}
			k += o->arg ? 1 : 0;
		} else if (w[0] == '-') {
			continue;
		} else if (!cmd && !operands && (cmd = cli_command_find(w))) {
			continue;
		} else {
			operands++;
		}
	}
	if (prefix[0] == '-') {
		offer_options(global_options, prefix);
		if (cmd)
			offer_options(cmd->options, prefix);
		else if (!operands)
			offer_options(top_options, prefix);
		return EXIT_OK;
	}
	if (!cmd) {
		for (i = 0; !operands && i < ARRAY_SIZE(commands); i++)
			offer(commands[i].name, prefix);
		if (!operands)
			puts("@file"); /* stridewalk MODEL.db */
		return EXIT_OK;
	}
	for (i = 0; i < ARRAY_SIZE(cmd->operands) && cmd->operands[i]; i++)
		;
	if (operands < i || (cmd->repeats && i))
		offer_value(cmd->operands[operands < i ? operands : i - 1], cmd->operand_words,
			    prefix);
	return EXIT_OK;
}
