/*
 * The questionnaires and cue cards in use, loaded from directories in order: the shipped ones,
 * then $XDG_CONFIG_HOME/stridewalk/questionnaires, then each --questionnaires DIR. A file whose
 * id was already loaded from an earlier directory replaces it, and the entry says so.
 */
#ifndef SW_QLIBRARY_H
#define SW_QLIBRARY_H

#include <stdbool.h>
#include <stddef.h>

#include "cue.h"
#include "error.h"
#include "questionnaire.h"
#include "strlist.h"

struct model;

enum qlib_source { QLIB_SHIPPED, QLIB_USER, QLIB_EXTRA, QLIB_SNAPSHOT, QLIB_SOURCE_COUNT };

enum qfile_kind { QFILE_QUESTIONNAIRE, QFILE_CUE };

/* One loaded file; exactly one of questionnaire and cue is set (owned by the library). */
struct qlib_entry {
	struct questionnaire *questionnaire;
	struct cue_card *cue;
	char *path; /* the file it came from */
	enum qlib_source source;
	char *replaced; /* path of the file with the same id it replaced, or NULL */
	enum qlib_source replaced_source;
	unsigned dir; /* which qlibrary_load_dir call loaded it (0, 1, ...) */
};

struct qlibrary {
	struct qlib_entry *questionnaires; /* in load order; a replacement keeps the old slot */
	size_t nquestionnaires, questionnaires_cap;
	struct qlib_entry *cues;
	size_t ncues, cues_cap;
	unsigned ndirs;
};

/* "shipped", "user" (the XDG config directory) or "extra" (--questionnaires): static strings. */
const char *qlib_source_name(enum qlib_source s);

/* Returns a new, empty library; free with qlibrary_free(). */
struct qlibrary *qlibrary_new(void);
void qlibrary_free(struct qlibrary *lib);

/*
 * Loads every *.yaml and *.yml file of `dir`, then of `dir`/cues, each in file-name order; a
 * file with a top-level `cues` key is a cue card, any other a questionnaire. A symbolic link
 * that leads out of `dir` is an error, never followed. A missing `dir` is
 * an error only when `must_exist`. Two files of one call with the same id are an error. On error
 * the library keeps what was loaded before the bad file.
 */
int qlibrary_load_dir(struct qlibrary *lib, const char *dir, enum qlib_source source,
		      bool must_exist, struct sw_error *err);

/*
 * Returns a new string naming $XDG_CONFIG_HOME/stridewalk/questionnaires (or
 * ~/.config/stridewalk/questionnaires), or NULL when neither variable is usable. Caller frees.
 */
char *qlibrary_user_dir(void);

/*
 * The shipped directory (datadir_find), the user directory, then each of `extra` in order;
 * then every cue card's `replaces` is checked against the cards loaded (qlibrary_check_cues).
 */
int qlibrary_load(struct qlibrary *lib, const struct strlist *extra, struct sw_error *err);

/* Each `replaces` of a cue card must name a prompt of a loaded card (cue_check_replaces). */
int qlibrary_check_cues(const struct qlibrary *lib, struct sw_error *err);

/*
 * Puts `q` (taken from a model's snapshot) in place of the loaded questionnaire with its id, or
 * beside the others when none is loaded. Takes ownership of q; `origin` says where it came from.
 */
void qlibrary_put_snapshot(struct qlibrary *lib, struct questionnaire *q, const char *origin);

/* Borrowed, or NULL. */
struct questionnaire *qlibrary_questionnaire(const struct qlibrary *lib, const char *id);
const struct qlib_entry *qlibrary_entry(const struct qlibrary *lib, const char *questionnaire_id);
struct cue_card *qlibrary_cue(const struct qlibrary *lib, const char *id);

/*
 * The questionnaires that apply to `e`, in library order. Returns a new array of borrowed
 * pointers (valid while the library lives) the caller frees with free(); *count its length.
 */
struct questionnaire **qlibrary_applicable(const struct qlibrary *lib, const struct element *e,
					   size_t *count);

/* Progress of one element over every questionnaire of the library. */
void qlibrary_element_progress(const struct qlibrary *lib, const struct element *e,
			       const struct model *m, struct qprogress *out);

/* Appends the cue prompts for letter `l` of `e` (see cue_prompts_for). */
void qlibrary_cue_prompts(const struct qlibrary *lib, const struct element *e, bool crossing,
			  enum stride_letter l, struct strlist *out);

/*
 * Checks one questionnaire or cue-card file (told apart by a top-level `cues` key); *kind
 * (may be NULL) says which it was. Returns 0, or -1 with err set to "file:line:col: message".
  * A file that loads but breaks a recommendation (a questionnaire that does not mark 3 to 5
 * core questions) still returns 0, with *warning (may be NULL) set; warning->msg stays NULL
 * otherwise. With `all` (ynode.h), goes on past a problem and adds each one found to it.
 */
struct yproblems;
int qlibrary_lint(const char *path, enum qfile_kind *kind, struct sw_error *warning,
		  struct yproblems *all, struct sw_error *err);

/*
 * Lint's check across files, for cue cards that passed qlibrary_lint: the cards at `paths`
 * put over the search path (shipped, user, `extra`), each taking the place of the card with
 * its id, as they would be used. Problems on the search path are left to the commands that
 * load it. Returns a new library; free with qlibrary_free().
 */
struct qlibrary *qlibrary_lint_context(const struct strlist *paths, const struct strlist *extra);

/* Checks the `replaces` of the card read from `path` into `lib` (see qlibrary_lint_context):
 * 0, or -1 with err set to "file:line:col: message". */
int qlibrary_lint_replaces(const struct qlibrary *lib, const char *path, struct sw_error *err);

#endif
