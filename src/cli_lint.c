/* stridewalk lint PATH...: checks system models, templates, questionnaires and cue cards. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_internal.h"
#include "fileio.h"
#include "model.h"
#include "qlibrary.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "util.h"

/* A system model starts with the `stridewalk:` format key; anything else is questionnaire data. */
static bool is_system_model(const char *path)
{
	struct sbuf text = SBUF_INIT;
	const char *p;
	bool yes = false;

	if (file_read_all(path, &text, NULL) == 0) {
		for (p = sbuf_str(&text); p && !yes; p = strchr(p, '\n')) {
			if (*p == '\n')
				p++;
			yes = str_starts_with(p, "stridewalk:");
		}
	}
	sbuf_release(&text);
	return yes;
}

/* One run over the files given. */
struct lint_run {
	int problems, files;
	/* The cue cards that passed on their own: their `replaces` are checked once all are
	 * read, since a prompt may replace one of another card. */
	struct strlist cue_paths;
};

static int lint_file(const char *path, struct lint_run *run)
{
	struct sw_error err = SW_ERROR_INIT, warning = SW_ERROR_INIT;
	enum qfile_kind kind = QFILE_QUESTIONNAIRE;
	struct model *m = NULL;
	int rc;

	if (is_system_model(path)) {
		rc = system_yaml_load(path, &m, &err);
		model_free(m);
	} else {
		rc = qlibrary_lint(path, &kind, &warning, &err);
		if (rc == 0 && kind == QFILE_CUE)
			strlist_push(&run->cue_paths, path);
	}
	run->files++;
	if (rc) {
		cli_fail(&err);
		run->problems++;
	}
	if (warning.msg)
		cli_warn(&warning); /* the file is still usable: lint passes */
	sw_error_release(&warning);
	sw_error_release(&err);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lints every .yaml/.yml file below a directory, in name order. */
static void lint_dir(const char *dir, struct lint_run *run)
{
	struct strlist paths = STRLIST_INIT;
	struct dirent *ent;
	DIR *d = opendir(dir);
	size_t i;

	if (!d) {
		fprintf(stderr, "stridewalk: error: %s: cannot read the directory\n", dir);
		run->problems++;
		return;
	}
	while ((ent = readdir(d))) {
		struct sbuf path = SBUF_INIT;
		struct stat st;
		if (ent->d_name[0] == '.')
			continue;
		sbuf_addf(&path, "%s/%s", dir, ent->d_name);
		if (stat(path.buf, &st) == 0 &&
		    (S_ISDIR(st.st_mode) || str_ends_with(ent->d_name, ".yaml") ||
		     str_ends_with(ent->d_name, ".yml")))
			strlist_push(&paths, path.buf);
		sbuf_release(&path);
	}
	closedir(d);
	qsort(paths.items, paths.count, sizeof(char *), cmp_str);
	for (i = 0; i < paths.count; i++) {
		struct stat st;
		if (stat(paths.items[i], &st) == 0 && S_ISDIR(st.st_mode))
			lint_dir(paths.items[i], run);
		else
			lint_file(paths.items[i], run);
	}
	strlist_clear(&paths);
}

/* The cards together, over the search path they would be used with. */
static void lint_replaces(const struct cli *cli, struct lint_run *run)
{
	struct qlibrary *lib;
	size_t i;

	if (run->cue_paths.count == 0)
		return;
	lib = qlibrary_lint_context(&run->cue_paths, &cli->questionnaire_dirs);
	for (i = 0; i < run->cue_paths.count; i++) {
		struct sw_error err = SW_ERROR_INIT;
		if (qlibrary_lint_replaces(lib, run->cue_paths.items[i], &err)) {
			cli_fail(&err);
			run->problems++;
		}
		sw_error_release(&err);
	}
	qlibrary_free(lib);
}

int cli_lint(struct cli *cli, int argc, char **argv)
{
	struct lint_run run = {0, 0, STRLIST_INIT};
	int i;

	if (argc == 0)
		return cli_usage("lint: which files? (stridewalk lint PATH...)");
	for (i = 0; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			lint_dir(argv[i], &run);
		else
			lint_file(argv[i], &run);
	}
	lint_replaces(cli, &run);
	strlist_clear(&run.cue_paths);
	if (run.problems) {
		fprintf(stderr, "stridewalk: %d of %d file%s failed the lint\n", run.problems,
			run.files, run.files == 1 ? "" : "s");
		return EXIT_USAGE;
	}
	printf("%d file%s ok\n", run.files, run.files == 1 ? "" : "s");
	return EXIT_OK;
}
