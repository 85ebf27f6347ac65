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

static int lint_file(const char *path, int *problems)
{
	struct sw_error err = SW_ERROR_INIT, warning = SW_ERROR_INIT;
	struct model *m = NULL;
	int rc;

	if (is_system_model(path)) {
		rc = system_yaml_load(path, &m, &err);
		model_free(m);
	} else {
		rc = qlibrary_lint(path, NULL, &warning, &err);
	}
	if (rc) {
		cli_fail(&err);
		(*problems)++;
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
static void lint_dir(const char *dir, int *problems, int *files)
{
	struct strlist paths = STRLIST_INIT;
	struct dirent *ent;
	DIR *d = opendir(dir);
	size_t i;

	if (!d) {
		fprintf(stderr, "stridewalk: error: %s: cannot read the directory\n", dir);
		(*problems)++;
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
		if (stat(paths.items[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			lint_dir(paths.items[i], problems, files);
		} else {
			(*files)++;
			lint_file(paths.items[i], problems);
		}
	}
	strlist_clear(&paths);
}

int cli_lint(struct cli *cli, int argc, char **argv)
{
	int i, problems = 0, files = 0;

	if (argc == 0)
		return cli_usage("lint: which files? (stridewalk lint PATH...)");
	for (i = 0; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			lint_dir(argv[i], &problems, &files);
		} else {
			files++;
			lint_file(argv[i], &problems);
		}
	}
	if (problems) {
		fprintf(stderr, "stridewalk: %d of %d file%s failed the lint\n", problems, files,
			files == 1 ? "" : "s");
		return EXIT_USAGE;
	}
	printf("%d file%s ok\n", files, files == 1 ? "" : "s");
	return EXIT_OK;
}
