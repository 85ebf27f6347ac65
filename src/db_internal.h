/* What the db*.c files share with each other, and nobody else sees. */
#ifndef SW_DB_INTERNAL_H
#define SW_DB_INTERNAL_H

#include <sqlite3.h>

#include "db.h"
#include "sbuf.h"

/* Statement cache slots, one per SQL text (db_store.c, db_session.c, db_questionnaire.c). */
enum db_stmt {
	ST_META,
	ST_ELEMENT,
	ST_ELEMENT_REFS,
	ST_TAGS_CLEAR,
	ST_TAG,
	ST_DATA_CLEAR,
	ST_DATA,
	ST_ELEMENT_DELETE,
	ST_ASSUMPTION,
	ST_THREAT,
	ST_THREAT_DELETE,
	ST_MITIGATION,
	ST_LINKS_CLEAR,
	ST_LINK,
	ST_DECISION,
	ST_DECISION_DELETE,
	ST_ANSWER,
	ST_ITEM,
	ST_PARTICIPANT,
	ST_VOTE,
	ST_VOTE_DELETE,
	ST_SESSION,
	ST_PHASES_CLEAR,
	ST_PHASE,
	ST_PEOPLE_CLEAR,
	ST_PERSON,
	ST_REVIEW,
	ST_SUGGESTION_DECISION,
	ST_SNAPSHOT_PUT,
	ST_SNAPSHOT_GET,
	ST_ROOM_PUT,
	DB_CACHE_SLOTS
};

struct db {
	sqlite3 *h;
	char *path;
	char *backup_path;
	bool readonly;
	const char *readonly_why; /* static text for messages: why writes are refused */
	bool audit_installed; /* the temp triggers exist (made before the first change) */
	bool audit_on; /* temp triggers record rows only while a change is open */
	bool gate_only; /* DB_GATE_ONLY: db_load reads only what `check` needs */
	sqlite3_stmt *cache[DB_CACHE_SLOTS];
};

/*
 * A statement prepared once per connection and reset for reuse; `slot` is unique to `sql`
 * (the DB_STMT_* numbers of db_store.c). Borrowed: never finalize it.
 */
sqlite3_stmt *db_cached(struct db *db, int slot, const char *sql, struct sw_error *err);

/* Prepares `sql` or sets err; returns NULL on failure. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, struct sw_error *err);
int db_exec(struct db *db, const char *sql, struct sw_error *err);
/* Sets err from the connection's last error, prefixed with `what`; returns -1. */
int db_fail(struct db *db, const char *what, struct sw_error *err);
/* Binds a possibly-NULL text; SQLITE_TRANSIENT copies it. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/*
 * The same without the copy, for text that stays as it is until the statement has run: a
 * field of the record being stored, a name from a table. Every store binds every parameter
 * again before it runs the statement, so a pointer kept from an earlier run is never read.
 */
void db_bind_kept(sqlite3_stmt *st, int i, const char *s);
/* A column as a new string (NULL for SQL NULL); the caller frees it. */
char *db_column_dup(sqlite3_stmt *st, int i);
/* Runs a statement that returns no rows; finalizes it. Returns 0 or -1. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *what, struct sw_error *err);

/*
 * Makes a connection safe for an untrusted model file (db_verify.c): SQLite's defensive mode,
 * untrusted schema, no triggers or views from the file itself. Called on every connection.
 */
void db_harden(sqlite3 *h);
/*
 * Compares the schema of the model (at user_version `version`) with the one the migrations up
 * to that version create; any other or changed table, index, view or trigger refuses the
 * file with a message naming the object. Reads only.
 */
int db_verify_schema(struct db *db, long version, struct sw_error *err);
/*
 * The schema the migrations up to `version` create, as db_verify_schema() compares it: "type
 * name" and its normalised definition, a line each. For the test that keeps db_schema_known.c
 * current.
 */
int db_schema_expected_text(long version, struct sbuf *out);
/* This build's schema in that form, key and definition in turn, ending with NULL
 * (db_schema_known.c, made from db_schema_expected_text() by the test of the schema). */
extern const char *const db_schema_known[];

/* Installs the audit triggers (db_audit.c) on a freshly opened connection. */
int db_audit_install(struct db *db, struct sw_error *err);
void db_audit_set(struct db *db, bool on);
/* Copies every row of `tables` into the open change as "before" images (deleted rows). */
int db_audit_keep_rows(struct db *db, const char *const *tables, size_t n, struct sw_error *err);
/*
 * Removes the audit triggers for a bulk write that keeps its own record (db_bulk.c), and puts
 * them back. Both inside the caller's transaction: a rollback restores the triggers too.
 */
int db_audit_pause(struct db *db, struct sw_error *err);
int db_audit_resume(struct db *db, struct sw_error *err);

/* An element row's columns, for both stores: db_bind_element_fields binds 1 to 16. */
#define DB_ELEMENT_COLUMNS                                                                         \
	"slug, kind, type, name, description, is_log, out_of_scope, out_of_scope_reason, "         \
	"protocol, bidirectional, origin_file, origin_line, origin_resource, origin_type, "        \
	"origin_property, import_state"
#define DB_ELEMENT_VALUES "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
void db_bind_element_fields(sqlite3_stmt *st, const struct element *e);

/* An answer row's columns; the element is column 1 (bound by slug or rowid), the rest 2 to 13. */
#define DB_ANSWER_COLUMNS                                                                          \
	"element_id, questionnaire, question, value, note, who, answered_at, session_id, "         \
	"evidence_file, evidence_line, evidence_resource, evidence_property, evidence_value"
#define DB_ANSWER_VALUES "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
#define DB_ANSWER_UPDATE                                                                           \
	"value = excluded.value, note = excluded.note, who = excluded.who, "                       \
	"answered_at = excluded.answered_at, session_id = excluded.session_id, "                   \
	"evidence_file = excluded.evidence_file, evidence_line = excluded.evidence_line, "         \
	"evidence_resource = excluded.evidence_resource, "                                         \
	"evidence_property = excluded.evidence_property, evidence_value = excluded.evidence_value"

/*
 * The columns a row has whichever way its element is bound (by slug in a single change, by
 * rowid in a whole-model store), shared so the two stores cannot drift apart: a threat's 3 to
 * 14, an answer's 2 to 13, an open item's 1 to 5 and 7, a mitigation's 1 to 8.
 */
void db_bind_threat_fields(sqlite3_stmt *st, const struct threat *t);
void db_bind_answer_fields(sqlite3_stmt *st, const struct answer *a);
void db_bind_item_fields(sqlite3_stmt *st, const struct open_item *item);
void db_bind_mitigation_fields(sqlite3_stmt *st, const struct mitigation *mit);

/* Sessions and review marks (db_session.c), used by db_load and db_store_model. */
int db_load_sessions(struct db *db, struct model *m, struct sw_error *err);
int db_store_sessions(struct db *db, const struct model *m, struct sw_error *err);

/* Replaces every suggestion decision with the model's (db_questionnaire.c), for db_store_model. */
int db_store_suggestion_decisions(struct db *db, const struct model *m, struct sw_error *err);

#endif
