/* Loading questionnaires and cue cards from the search path, with overrides (see qlibrary.h). */
#define _POSIX_C_SOURCE 200809L
#include "qlibrary.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cue_yaml.h"
#include "datadir.h"
#include "fileio.h"
#include "questionnaire_triage.h"
#include "questionnaire_yaml.h"
#include "sbuf.h"
#include "tree_yaml.h"
#include "util.h"
#include "xalloc.h"

/* One file read and validated, before it joins the library. */
struct qfile {
	struct ynode *root;
	struct questionnaire *questionnaire;
	struct cue_card *cue;
};

static const char *const source_names[QLIB_SOURCE_COUNT] = {"shipped", "user", "extra", "snapshot"};

const char *qlib_source_name(enum qlib_source s)
{
	return source_names[s];
}

struct qlibrary *qlibrary_new(void)
{
	return xcalloc(1, sizeof(struct qlibrary));
}

static void entry_release(struct qlib_entry *e)
{
	questionnaire_free(e->questionnaire);
	cue_card_free(e->cue);
	free(e->path);
	free(e->replaced);
	memset(e, 0, sizeof(*e));
}

void qlibrary_free(struct qlibrary *lib)
{
	size_t i;

	if (!lib)
		return;
	for (i = 0; i < lib->nquestionnaires; i++)
		entry_release(&lib->questionnaires[i]);
	for (i = 0; i < lib->ncues; i++)
		entry_release(&lib->cues[i]);
	free(lib->questionnaires);
	free(lib->cues);
	free(lib);
}

static void qfile_release(struct qfile *f)
{
	ynode_free(f->root);
	questionnaire_free(f->questionnaire);
	cue_card_free(f->cue);
	memset(f, 0, sizeof(*f));
}

static int qfile_read(const char *path, struct qfile *f, struct yproblems *all,
		      struct sw_error *err)
{
	struct yctx ctx = {path, err, all};
	struct sbuf text = SBUF_INIT;
	int rc = -1;

	memset(f, 0, sizeof(*f));
	if (file_read_all(path, &text, err) ||
	    yaml_parse_tree(path, sbuf_str(&text), text.len, &f->root, err))
		goto out;
	if (f->root->type == YNODE_MAP && cue_tree_is_card(f->root)) {
		rc = cue_from_tree(&ctx, f->root, &f->cue);
		if (rc == 0)
			f->cue->path = xstrdup(path);
		goto out;
	}
	rc = questionnaire_from_tree(&ctx, f->root, &f->questionnaire);
	if (rc == 0) {
		f->questionnaire->path = xstrdup(path);
		questionnaire_hash(sbuf_str(&text), text.len, f->questionnaire->hash);
	}
out:
	sbuf_release(&text);
	return rc;
}

static const char *entry_id(const struct qlib_entry *e)
{
	return e->questionnaire ? e->questionnaire->id : e->cue->id;
}

static struct qlib_entry *find_entry(struct qlib_entry *list, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (str_eq(entry_id(&list[i]), id))
			return &list[i];
	return NULL;
}

/* The new entry takes the old one's slot, so the order stays that of first appearance. */
static void replace_entry(struct qlib_entry *old, struct qlib_entry *e)
{
	e->replaced = old->path;
	e->replaced_source = old->source;
	old->path = NULL;
	entry_release(old);
	*old = *e;
}

static int add_entry(struct qlibrary *lib, struct qfile *f, struct qlib_entry *e,
		     struct sw_error *err)
{
	bool cue = e->cue != NULL;
	struct qlib_entry **list = cue ? &lib->cues : &lib->questionnaires;
	size_t *n = cue ? &lib->ncues : &lib->nquestionnaires;
	size_t *cap = cue ? &lib->cues_cap : &lib->questionnaires_cap;
	struct qlib_entry *old = find_entry(*list, *n, entry_id(e));
	const struct ynode *id = ynode_get(f->root, "id");

	if (old && old->dir == e->dir)
		return sw_error_at(err, e->path, id->line, id->col,
				   "%s id '%s' is also used by '%s'",
				   cue ? "cue card" : "questionnaire", entry_id(e), old->path);
	if (old) {
		replace_entry(old, e);
		return 0;
	}
	*list = xgrow(*list, sizeof(**list), *n + 1, cap);
	(*list)[(*n)++] = *e;
	return 0;
}

void qlibrary_put_snapshot(struct qlibrary *lib, struct questionnaire *q, const char *origin)
{
	struct qlib_entry e, *old;

	memset(&e, 0, sizeof(e));
	e.questionnaire = q;
	e.path = xstrdup(origin);
	e.source = QLIB_SNAPSHOT;
	e.dir = lib->ndirs++;
	old = find_entry(lib->questionnaires, lib->nquestionnaires, q->id);
	if (old) {
		replace_entry(old, &e);
		return;
	}
	lib->questionnaires = xgrow(lib->questionnaires, sizeof(*lib->questionnaires),
				    lib->nquestionnaires + 1, &lib->questionnaires_cap);
	lib->questionnaires[lib->nquestionnaires++] = e;
}

static int load_file(struct qlibrary *lib, const char *path, enum qlib_source source,
		     struct sw_error *err)
{
	struct qlib_entry e;
	struct qfile f;
	int rc;

	if (qfile_read(path, &f, NULL, err)) {
		qfile_release(&f);
		return -1;
	}
	memset(&e, 0, sizeof(e));
	e.questionnaire = f.questionnaire;
	e.cue = f.cue;
	e.path = xstrdup(path);
	e.source = source;
	e.dir = lib->ndirs;
	rc = add_entry(lib, &f, &e, err);
	if (rc == 0) {
		f.questionnaire = NULL; /* the library owns them now */
		f.cue = NULL;
	} else {
		free(e.path);
	}
	qfile_release(&f);
	return rc;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool yaml_name(const char *name)
{
	return name[0] != '.' && (str_ends_with(name, ".yaml") || str_ends_with(name, ".yml"));
}

/*
 * A questionnaire directory is followed only as far as it goes: a symbolic link inside it
 * may point to another file in it, never out of it (a pack handed over with a link to
 * /etc/shadow must not get the file read). 0 when `path` may be read.
 */
static int check_link(const char *dir, const char *path, struct sw_error *err)
{
	char *real_dir = realpath(dir, NULL), *real = realpath(path, NULL);
	size_t n = real_dir ? strlen(real_dir) : 0;
	int rc = 0;

	if (!real_dir || !real || strncmp(real, real_dir, n) != 0 || real[n] != '/')
		rc = sw_error_at(err, path, 0, 0,
				 "is a symbolic link that leads out of '%s'; it is not followed",
				 dir);
	free(real_dir);
	free(real);
	return rc;
}

/* The YAML files directly in `dir`, sorted by name so every machine loads them in one order. */
static int list_yaml(const char *dir, struct strlist *out, struct sw_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (!d)
		return sw_error_at(err, dir, 0, 0, "cannot open directory: %s", strerror(errno));
	while (rc == 0 && (de = readdir(d))) {
		struct sbuf path = SBUF_INIT;
		struct stat st;
		sbuf_addf(&path, "%s/%s", dir, de->d_name);
		if (yaml_name(de->d_name) && lstat(path.buf, &st) == 0 && S_ISLNK(st.st_mode))
			rc = check_link(dir, path.buf, err);
		if (rc == 0 && yaml_name(de->d_name) && stat(path.buf, &st) == 0 &&
		    S_ISREG(st.st_mode))
			strlist_push(out, path.buf);
		sbuf_release(&path);
	}
	closedir(d);
	if (out->count) /* a directory of nothing but a cues/ subdirectory has no list to sort */
		qsort(out->items, out->count, sizeof(*out->items), cmp_names);
	return rc;
}

static bool is_link(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* 1 when `dir` is a directory, 0 when it is absent and may be, -1 (err set) otherwise. */
static int check_dir(const char *dir, bool must_exist, struct sw_error *err)
{
	struct stat st;

	if (stat(dir, &st) != 0) {
		/* An optional directory we may not even look into (HOME kept from another user under
		 * sudo) is as good as absent; a broken file inside one is still reported. */
		if (!must_exist && (errno == ENOENT || errno == EACCES || errno == ENOTDIR))
			return 0;
		return sw_error_at(err, dir, 0, 0, "cannot open directory: %s", strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		return sw_error_at(err, dir, 0, 0, "is not a directory");
	return 1;
}

static int load_files(struct qlibrary *lib, const char *dir, enum qlib_source source,
		      struct sw_error *err)
{
	struct strlist files = STRLIST_INIT;
	size_t i;
	int rc = list_yaml(dir, &files, err);

	for (i = 0; rc == 0 && i < files.count; i++)
		rc = load_file(lib, files.items[i], source, err);
	strlist_clear(&files);
	return rc;
}

int qlibrary_load_dir(struct qlibrary *lib, const char *dir, enum qlib_source source,
		      bool must_exist, struct sw_error *err)
{
	struct sbuf cues = SBUF_INIT;
	int rc = check_dir(dir, must_exist, err);

	if (rc <= 0)
		return rc;
	sbuf_addf(&cues, "%s/cues", dir);
	rc = load_files(lib, dir, source, err);
	if (rc == 0 && is_link(cues.buf))
		rc = check_link(dir, cues.buf, err);
	if (rc == 0 && is_dir(cues.buf))
		rc = load_files(lib, cues.buf, source, err);
	sbuf_release(&cues);
	lib->ndirs++;
	return rc;
}

char *qlibrary_user_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct sbuf sb = SBUF_INIT;

	/* The XDG spec says to ignore a relative $XDG_CONFIG_HOME. */
	if (xdg && xdg[0] == '/')
		sbuf_addf(&sb, "%s/stridewalk/questionnaires", xdg);
	else if (home && home[0] == '/')
		sbuf_addf(&sb, "%s/.config/stridewalk/questionnaires", home);
	else
		return NULL;
	return sbuf_detach(&sb);
}

static int load_shipped(struct qlibrary *lib, struct sw_error *err)
{
	char *dir = datadir_find("questionnaires");
	int rc;

	if (!dir)
		return sw_error(err, "cannot find the shipped questionnaires "
				     "(set STRIDEWALK_DATADIR to the directory that holds them)");
	rc = qlibrary_load_dir(lib, dir, QLIB_SHIPPED, true, err);
	free(dir);
	return rc;
}

/* Every directory of the search path, without the check across cue cards. */
static int load_search_path(struct qlibrary *lib, const struct strlist *extra, struct sw_error *err)
{
	char *user;
	size_t i;
	int rc;

	if (load_shipped(lib, err))
		return -1;
	user = qlibrary_user_dir();
	rc = user ? qlibrary_load_dir(lib, user, QLIB_USER, false, err) : 0;
	free(user);
	for (i = 0; rc == 0 && extra && i < extra->count; i++)
		rc = qlibrary_load_dir(lib, extra->items[i], QLIB_EXTRA, true, err);
	return rc;
}

/* The cards as an array of borrowed pointers, for cue.h; caller frees the array. */
static struct cue_card **cue_cards(const struct qlibrary *lib)
{
	struct cue_card **cards = xcalloc(lib->ncues + 1, sizeof(*cards));
	size_t i;

	for (i = 0; i < lib->ncues; i++)
		cards[i] = lib->cues[i].cue;
	return cards;
}

int qlibrary_check_cues(const struct qlibrary *lib, struct sw_error *err)
{
	struct cue_card **cards = cue_cards(lib);
	int rc = cue_check_replaces(cards, lib->ncues, NULL, err);

	free(cards);
	return rc;
}

int qlibrary_load(struct qlibrary *lib, const struct strlist *extra, struct sw_error *err)
{
	if (load_search_path(lib, extra, err))
		return -1;
	return qlibrary_check_cues(lib, err);
}

const struct qlib_entry *qlibrary_entry(const struct qlibrary *lib, const char *questionnaire_id)
{
	return find_entry(lib->questionnaires, lib->nquestionnaires, questionnaire_id);
}

struct questionnaire *qlibrary_questionnaire(const struct qlibrary *lib, const char *id)
{
	const struct qlib_entry *e = qlibrary_entry(lib, id);

	return e ? e->questionnaire : NULL;
}

struct cue_card *qlibrary_cue(const struct qlibrary *lib, const char *id)
{
	const struct qlib_entry *e = find_entry(lib->cues, lib->ncues, id);

	return e ? e->cue : NULL;
}

struct questionnaire **qlibrary_applicable(const struct qlibrary *lib, const struct element *e,
					   size_t *count)
{
	struct questionnaire **out = xcalloc(lib->nquestionnaires + 1, sizeof(*out));
	size_t i;

	*count = 0;
	for (i = 0; i < lib->nquestionnaires; i++)
		if (questionnaire_applies(lib->questionnaires[i].questionnaire, e))
			out[(*count)++] = lib->questionnaires[i].questionnaire;
	return out;
}

void qlibrary_element_progress(const struct qlibrary *lib, const struct element *e,
			       const struct model *m, struct qprogress *out)
{
	size_t n;
	struct questionnaire **qs = qlibrary_applicable(lib, e, &n);

	questionnaires_element_progress(qs, n, e, m, out);
	free(qs);
}

void qlibrary_cue_prompts(const struct qlibrary *lib, const struct element *e, bool crossing,
			  enum stride_letter l, struct strlist *out)
{
	struct cue_card **cards = cue_cards(lib);

	cue_prompts_for(cards, lib->ncues, e, crossing, l, out);
	free(cards);
}

struct qlibrary *qlibrary_lint_context(const struct strlist *paths, const struct strlist *extra)
{
	struct sw_error ignored = SW_ERROR_INIT;
	struct qlibrary *lib = qlibrary_new();
	size_t i;

	/* A broken file on the search path is reported by the commands that use it; the
	 * cards that did load are still what these cards will be used with. */
	load_search_path(lib, extra, &ignored);
	for (i = 0; i < paths->count; i++)
		load_file(lib, paths->items[i], QLIB_EXTRA, &ignored);
	lib->ndirs++;
	sw_error_release(&ignored);
	return lib;
}

int qlibrary_lint_replaces(const struct qlibrary *lib, const char *path, struct sw_error *err)
{
	struct cue_card **cards;
	size_t i = lib->ncues;
	int rc;

	while (i > 0 && !str_eq(lib->cues[i - 1].path, path))
		i--;
	if (i == 0)
		return 0; /* not loaded (its id is taken by another file linted): nothing to check */
	cards = cue_cards(lib);
	rc = cue_check_replaces(cards, lib->ncues, lib->cues[i - 1].cue, err);
	free(cards);
	return rc;
}

int qlibrary_lint(const char *path, enum qfile_kind *kind, struct sw_error *warning,
		  struct yproblems *all, struct sw_error *err)
{
	struct qfile f;
	int rc = qfile_read(path, &f, all, err);

	if (rc == 0 && kind)
		*kind = f.cue ? QFILE_CUE : QFILE_QUESTIONNAIRE;
	if (rc == 0 && f.questionnaire)
		questionnaire_triage_check(f.questionnaire, warning);
	qfile_release(&f);
	return rc;
}
