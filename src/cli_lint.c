/*
 * stridewalk lint PATH...: checks system models, templates, questionnaires and cue cards.
 * Every problem of every file in one run (up to a cap per file and in all), each file once
 * however symbolic links lead to it, and a warning for text that would reach a terminal as a
 * control or bidi character. Exits 0, or 2 when any file has a problem.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_internal.h"
#include "fileio.h"
#include "qlibrary.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "termsafe.h"
#include "tree_yaml.h"
#include "util.h"
#include "xalloc.h"
#include "ynode.h"

#define PROBLEMS_PER_FILE 100
#define PROBLEMS_IN_ALL 1000
#define MAX_DEPTH 32 /* directories below a PATH */

struct lint {
	struct strlist seen; /* "dev:inode" of every file and directory visited */
	char *root; /* the directory PATH being checked, resolved; NULL for a file PATH */
	int files, failed, problems;
	bool capped; /* PROBLEMS_IN_ALL reached: the rest is not checked */
	/* The cue cards that passed on their own: their `replaces` are checked once all are
	 * read, since a prompt may replace one of another card. */
	struct strlist cue_paths;
};

/* Whether the file or directory was visited already (through another path or a link); with
 * `mark`, it counts as visited from now on. */
static bool seen_before(struct lint *l, const struct stat *st, bool mark)
{
	struct sbuf key = SBUF_INIT;
	bool seen;

	sbuf_addf(&key, "%llu:%llu", (unsigned long long)st->st_dev,
		  (unsigned long long)st->st_ino);
	seen = strlist_contains(&l->seen, key.buf);
	if (!seen && mark)
		strlist_push(&l->seen, key.buf);
	sbuf_release(&key);
	return seen;
}

static void problem(struct lint *l, const char *message)
{
	cli_err("stridewalk: error: %s\n", message);
	l->problems++;
}

static void problem_err(struct lint *l, const struct sw_error *err)
{
	struct sbuf sb = SBUF_INIT;

	sw_error_format(err, &sb);
	problem(l, sb.buf);
	sbuf_release(&sb);
}

/* A system model starts with the `stridewalk:` format key; anything else is questionnaire data. */
static bool is_system_model(const char *text)
{
	const char *p;

	for (p = text; p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (str_starts_with(p, "stridewalk:"))
			return true;
	}
	return false;
}

struct warn_ctx {
	const char *path;
};

/* Text that would reach the terminal as a control or bidi character: a warning, not a fault. */
static void warn_controls(const struct ynode *s, void *arg)
{
	const struct warn_ctx *w = arg;
	size_t len = strlen(s->scalar);
	uint32_t cp;

	if (termsafe_find(s->scalar, len, &cp) < len)
		cli_err("stridewalk: warning: %s:%d:%d: the text holds U+%04X, a control or "
			"invisible character (shown as <U+%04X>)\n",
			w->path, s->line, s->col, (unsigned)cp, (unsigned)cp);
}

static void check_controls(const char *path, const struct sbuf *text)
{
	struct sw_error err = SW_ERROR_INIT;
	struct warn_ctx w = {path};
	struct ynode *root = NULL;

	if (yaml_parse_tree(path, text->buf, text->len, &root, &err) == 0)
		ynode_each_scalar(root, warn_controls, &w);
	ynode_free(root);
	sw_error_release(&err);
}

static void lint_file(struct lint *l, const char *path)
{
	struct yproblems all = {STRLIST_INIT, PROBLEMS_PER_FILE};
	struct sw_error err = SW_ERROR_INIT, warning = SW_ERROR_INIT;
	enum qfile_kind kind = QFILE_QUESTIONNAIRE;
	struct sbuf text = SBUF_INIT;
	size_t i;
	int rc, before = l->problems;

	if (PROBLEMS_IN_ALL - l->problems < PROBLEMS_PER_FILE)
		all.max = (size_t)(PROBLEMS_IN_ALL - l->problems);
	l->files++;
	rc = file_read_all(path, &text, &err);
	if (rc == 0 && is_system_model(text.buf))
		rc = system_yaml_check(path, text.buf, text.len, &all, &err);
	else if (rc == 0 && (rc = qlibrary_lint(path, &kind, &warning, &all, &err)) == 0 &&
		 kind == QFILE_CUE)
		strlist_push(&l->cue_paths, path);
	if (rc && all.messages.count == 0)
		problem_err(l, &err); /* not YAML at all, or unreadable: one problem */
	for (i = 0; i < all.messages.count; i++)
		problem(l, all.messages.items[i]);
	if (all.messages.count == PROBLEMS_PER_FILE)
		cli_err("stridewalk: %s: stopped after %d problems in this file\n", path,
			PROBLEMS_PER_FILE);
	if (warning.msg)
		cli_warn(&warning); /* the file is still usable: lint passes */
	if (text.len)
		check_controls(path, &text);
	if (l->problems > before)
		l->failed++;
	l->capped = l->problems >= PROBLEMS_IN_ALL;
	strlist_clear(&all.messages);
	sbuf_release(&text);
	sw_error_release(&warning);
	sw_error_release(&err);
}

/* The cards together, over the search path they would be used with. */
static void lint_replaces(const struct cli *cli, struct lint *l)
{
	struct qlibrary *lib;
	size_t i;

	if (l->cue_paths.count == 0)
		return;
	lib = qlibrary_lint_context(&l->cue_paths, &cli->questionnaire_dirs);
	for (i = 0; i < l->cue_paths.count; i++) {
		struct sw_error err = SW_ERROR_INIT;
		if (qlibrary_lint_replaces(lib, l->cue_paths.items[i], &err)) {
			problem_err(l, &err);
			l->failed++;
		}
		sw_error_release(&err);
	}
	qlibrary_free(lib);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool yaml_name(const char *name)
{
	return str_ends_with(name, ".yaml") || str_ends_with(name, ".yml");
}

/* The entries of `dir` worth a look (directories, YAML files), sorted; -1 when unreadable. */
static int list_dir(const char *dir, struct strlist *out)
{
	struct dirent *ent;
	DIR *d = opendir(dir);

	if (!d)
		return -1;
	while ((ent = readdir(d))) {
		struct sbuf path = SBUF_INIT;
		struct stat st;
		if (ent->d_name[0] == '.')
			continue;
		sbuf_addf(&path, "%s/%s", dir, ent->d_name);
		if (stat(path.buf, &st) == 0 && (S_ISDIR(st.st_mode) || yaml_name(ent->d_name)))
			strlist_push(out, path.buf);
		sbuf_release(&path);
	}
	closedir(d);
	if (out->count) /* an empty list has no array at all */
		qsort(out->items, out->count, sizeof(char *), cmp_str);
	return 0;
}

static void lint_path(struct lint *l, const char *path, int depth);

/*
 * A symbolic link that leads out of the directory given: stridewalk does not follow it when
 * it loads questionnaires, so lint does not either, and says so.
 */
static bool leads_out(struct lint *l, const char *path)
{
	struct stat st;
	char *real;
	size_t n = strlen(l->root);
	bool out;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return false;
	real = realpath(path, NULL);
	out = !real || strncmp(real, l->root, n) != 0 || (real[n] != '/' && real[n] != '\0');
	free(real);
	if (out) {
		cli_err("stridewalk: error: %s: is a symbolic link that leads out of the "
			"directory; it is not followed\n",
			path);
		l->problems++;
	}
	return out;
}

/* Every .yaml/.yml file below a directory, in name order. */
static void lint_dir(struct lint *l, const char *dir, int depth)
{
	struct strlist paths = STRLIST_INIT;
	size_t i;

	if (depth > MAX_DEPTH) {
		cli_err("stridewalk: error: %s: more than %d directories deep; not read\n", dir,
			MAX_DEPTH);
		l->problems++;
		return;
	}
	if (list_dir(dir, &paths)) {
		cli_err("stridewalk: error: %s: cannot read the directory: %s\n", dir,
			strerror(errno));
		l->problems++;
		return;
	}
	for (i = 0; i < paths.count && !l->capped; i++)
		if (!leads_out(l, paths.items[i]))
			lint_path(l, paths.items[i], depth + 1);
	strlist_clear(&paths);
}

static void lint_path(struct lint *l, const char *path, int depth)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		cli_err("stridewalk: error: %s: cannot read: %s\n", path, strerror(errno));
		l->problems++;
		return;
	}
	if (seen_before(l, &st, true))
		return;
	if (S_ISDIR(st.st_mode))
		lint_dir(l, path, depth);
	else
		lint_file(l, path);
}

int cli_lint(struct cli *cli, int argc, char **argv)
{
	struct lint l = {STRLIST_INIT, NULL, 0, 0, 0, false, STRLIST_INIT};
	int i;

	if (argc == 0)
		return cli_usage("lint: which files? (stridewalk lint PATH...)");
	for (i = 0; i < argc && !l.capped; i++) {
		int files = l.files;
		struct stat st;
		bool dir =
		    stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) && !seen_before(&l, &st, false);
		free(l.root);
		l.root = dir ? realpath(argv[i], NULL) : NULL;
		if (dir && !l.root)
			l.root = xstrdup(argv[i]);
		lint_path(&l, argv[i], 0);
		if (dir && l.files == files) {
			cli_err("stridewalk: error: %s: no .yaml or .yml files to check\n",
				argv[i]);
			l.problems++;
		}
	}
	if (!l.capped)
		lint_replaces(cli, &l);
	strlist_clear(&l.cue_paths);
	strlist_clear(&l.seen);
	free(l.root);
	if (l.capped)
		cli_err("stridewalk: stopped after %d problems; the rest was not checked\n",
			PROBLEMS_IN_ALL);
	if (l.problems) {
		cli_err("stridewalk: %d problem%s in %d of %d file%s\n", l.problems,
			l.problems == 1 ? "" : "s", l.failed, l.files, l.files == 1 ? "" : "s");
		return EXIT_USAGE;
	}
	cli_out("%d file%s ok\n", l.files, l.files == 1 ? "" : "s");
	return EXIT_OK;
}
