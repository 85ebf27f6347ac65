/*
 * The model file: opening (create, validate, migrate), transactions, and loading/storing the
 * in-memory model. Only db*.c files see SQLite; everyone else holds an opaque struct db.
 */
#ifndef SW_DB_H
#define SW_DB_H

#include <stdbool.h>

#include "error.h"
#include "model.h"

struct db;

enum db_open_flag {
	DB_CREATE = 1 << 0, /* create the file (mode 0600) when it does not exist */
	DB_READONLY = 1 << 1, /* never write; also chosen automatically for read-only files */
	DB_NEW = 1 << 2, /* the file must not exist yet */
	/*
	 * Load only what the CI gate (stridewalk check) reads: the elements, the threats
	 * (without their descriptions, provenance and who raised them), the coverage decisions
	 * and the votes, a third of a large model. Implies DB_READONLY: such a model is
	 * incomplete and must never be written back.
	 */
	DB_GATE_ONLY = 1 << 3,
};

/* Opens a model. On success *out is a new handle for db_close(). */
int db_open(const char *path, unsigned flags, struct db **out, struct sw_error *err);
void db_close(struct db *db);
/*
 * Deletes a model file with its -wal, -shm and -journal companions: for undoing a model this
 * process has just created and closed (a failed `new`), never for one that others may use.
 */
void db_remove_files(const char *path);
bool db_is_readonly(const struct db *db);
const char *db_path(const struct db *db); /* borrowed */
/* Path of the backup written before the last migration, or NULL; borrowed. */
const char *db_backup_path(const struct db *db);

int db_begin(struct db *db, struct sw_error *err);
int db_commit(struct db *db, struct sw_error *err);
void db_rollback(struct db *db);

/* Changes whenever another connection commits (PRAGMA data_version). */
long db_data_version(struct db *db);

/* Loads everything into a new model; the caller frees it with model_free(). */
int db_load(struct db *db, struct model **out, struct sw_error *err);

/* Replaces the whole content of the model file with `m` (inside the caller's transaction). */
int db_store_model(struct db *db, const struct model *m, struct sw_error *err);

/* Per-object writes, inside the caller's transaction. Objects are matched by their id. */
int db_put_meta(struct db *db, const struct model *m, struct sw_error *err);
int db_put_element(struct db *db, const struct element *e, struct sw_error *err);
int db_delete_element(struct db *db, const char *id, struct sw_error *err);
int db_put_threat(struct db *db, const struct threat *t, struct sw_error *err);
int db_delete_threat(struct db *db, const char *id, struct sw_error *err);
int db_put_mitigation(struct db *db, const struct mitigation *mit, struct sw_error *err);
int db_put_decision(struct db *db, const struct decision *d, struct sw_error *err);
int db_delete_decision(struct db *db, const char *element, enum stride_letter l,
		       struct sw_error *err);
int db_put_answer(struct db *db, const struct answer *a, struct sw_error *err);
int db_put_item(struct db *db, const struct open_item *item, struct sw_error *err);
int db_put_participant(struct db *db, const struct participant *p, struct sw_error *err);
int db_put_vote(struct db *db, const struct vote *v, struct sw_error *err);
/* Renames a participant everywhere a name stands for them (threats raised, answers, decisions,
 * owners, facilitators, attendance); votes follow the participant row. */
int db_rename_participant(struct db *db, const char *from, const char *to, struct sw_error *err);
/* Removes a participant and, with them, their votes. */
int db_delete_participant(struct db *db, const char *name, struct sw_error *err);
int db_put_session(struct db *db, const struct session *s, struct sw_error *err);
int db_put_review(struct db *db, const struct review_mark *r, struct sw_error *err);

/*
 * Where the room was in a session: who spoke and the cell on screen, so a reopened model picks
 * up there. Not part of the model: written on its own, outside the audit log and undo.
 */
struct db_room {
	long session; /* the session's number */
	char *speaker; /* NULL: nobody */
	char *element; /* NULL: none yet */
	char letter; /* 'S' ... 'E', or 0 */
};
int db_put_room(struct db *db, const struct db_room *room, struct sw_error *err);
/* Fills *out (fields NULL/0 when nothing was kept); free with db_room_release(). */
int db_get_room(struct db *db, long session, struct db_room *out, struct sw_error *err);
void db_room_release(struct db_room *room);

/*
 * Questionnaires (db_questionnaire.c), inside the caller's transaction. A suggestion decision
 * is matched by (element, questionnaire, question, answer, index) and replaced when it exists.
 */
int db_put_suggestion_decision(struct db *db, const struct suggestion_decision *d,
			       struct sw_error *err);

/* A questionnaire as it was when the model's answers were given (questionnaire_snapshot). */
struct qsnapshot {
	char *id;
	long version;
	char *hash; /* questionnaire_hash() of the file it was loaded from */
	char *content; /* the questionnaire as YAML (questionnaire_write) */
	char *taken_at; /* ISO 8601 UTC */
};

void qsnapshot_release(struct qsnapshot *s);
/* Inserts or replaces the snapshot of s->id. */
int db_put_snapshot(struct db *db, const struct qsnapshot *s, struct sw_error *err);
/*
 * Reads the snapshot of questionnaire `id` into *out (new strings; release with
 * qsnapshot_release). Returns 0, 1 when there is none (*out left zeroed), or -1.
 */
int db_get_snapshot(struct db *db, const char *id, struct qsnapshot *out, struct sw_error *err);

/*
 * Audit: db_change_begin() records who did what (one row per application operation) and turns
 * on row-level recording of every before -> after until db_commit/db_rollback.
 */
int db_change_begin(struct db *db, const char *who, const char *at, const char *action,
		    const char *summary, struct sw_error *err);
/*
 * Reverts the most recent change not yet undone, as a new change by `who`. *summary gets a new
 * string naming what was undone (caller frees). Returns 1 when there was nothing to undo.
 */
int db_undo(struct db *db, const char *who, const char *at, char **summary, struct sw_error *err);
/* Takes back the newest undo no change has followed: the undone change applies again. */
int db_redo(struct db *db, const char *who, const char *at, char **summary, struct sw_error *err);

#endif
