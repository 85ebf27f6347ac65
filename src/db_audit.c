/*
 * The audit log. An application operation opens a change (who, when, what); temporary triggers,
 * generated from the schema at open time, then record every row it touches as JSON before and
 * after. Undo replays a change's rows backwards, as a change of its own.
 */
#include "db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static const char *const audited[] = {
    "meta",
    "element",
    "element_tag",
    "flow_data",
    "assumption",
    "threat",
    "mitigation",
    "threat_mitigation",
    "coverage",
    "session",
    "phase",
    "answer",
    "open_item",
    "participant",
    "vote",
    "suggestion_decision",
    "review",
    "questionnaire_snapshot",
    "session_participant",
};

/* Column names of a table, in order. */
static int table_columns(struct db *db, const char *table, struct strlist *out,
			 struct sw_error *err)
{
	struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *st;

	sbuf_addf(&sql, "PRAGMA main.table_info(\"%s\")", table);
	st = db_prepare(db, sql.buf, err);
	sbuf_release(&sql);
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		strlist_push(out, (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return 0;
}

static bool table_audited(const char *table);

static void json_of_row(struct sbuf *sql, const char *ref, const struct strlist *cols)
{
	size_t i;

	sbuf_addf(sql, "json_object('rowid', %s.rowid", ref);
	for (i = 0; i < cols->count; i++)
		sbuf_addf(sql, ", '%s', %s.\"%s\"", cols->items[i], ref, cols->items[i]);
	sbuf_addch(sql, ')');
}

static void add_trigger(struct sbuf *sql, const char *table, const char *event,
			const struct strlist *cols)
{
	bool has_old = strcmp(event, "INSERT") != 0, has_new = strcmp(event, "DELETE") != 0;

	sbuf_addf(sql,
		  "CREATE TEMP TRIGGER audit_%s_%s AFTER %s ON main.\"%s\" "
		  "WHEN (SELECT on_ FROM temp.sw_audit) BEGIN "
		  "INSERT INTO change_row (change_id, tbl, row_key, before, after) VALUES ("
		  "(SELECT max(id) FROM change), '%s', %s.rowid, ",
		  table, event, event, table, table, has_new ? "NEW" : "OLD");
	if (has_old)
		json_of_row(sql, "OLD", cols);
	else
		sbuf_addstr(sql, "NULL");
	sbuf_addstr(sql, ", ");
	if (has_new)
		json_of_row(sql, "NEW", cols);
	else
		sbuf_addstr(sql, "NULL");
	sbuf_addstr(sql, "); END;\n");
}

/* The triggers of every audited table, or (drop) the statements that remove them. */
static int audit_triggers(struct db *db, bool drop, struct sbuf *sql, struct sw_error *err)
{
	static const char *const events[] = {"INSERT", "UPDATE", "DELETE"};
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(audited); i++) {
		struct strlist cols = STRLIST_INIT;
		if (drop) {
			for (j = 0; j < ARRAY_SIZE(events); j++)
				sbuf_addf(sql, "DROP TRIGGER temp.audit_%s_%s;\n", audited[i],
					  events[j]);
			continue;
		}
		if (table_columns(db, audited[i], &cols, err))
			return -1;
		for (j = 0; j < ARRAY_SIZE(events); j++)
			add_trigger(sql, audited[i], events[j], &cols);
		strlist_clear(&cols);
	}
	return 0;
}

static int exec_triggers(struct db *db, bool drop, const char *prefix, struct sw_error *err)
{
	struct sbuf sql = SBUF_INIT;
	int rc;

	sbuf_addstr(&sql, prefix);
	rc = audit_triggers(db, drop, &sql, err);
	if (rc == 0)
		rc = db_exec(db, sql.buf, err);
	sbuf_release(&sql);
	return rc;
}

int db_audit_install(struct db *db, struct sw_error *err)
{
	return exec_triggers(db, false,
			     "CREATE TEMP TABLE sw_audit (on_ INTEGER NOT NULL);"
			     "INSERT INTO temp.sw_audit VALUES (0);\n",
			     err);
}

int db_audit_pause(struct db *db, struct sw_error *err)
{
	return exec_triggers(db, true, "", err);
}

int db_audit_resume(struct db *db, struct sw_error *err)
{
	return exec_triggers(db, false, "", err);
}

/*
 * What the DELETE triggers would record for every row of `tables`, in one statement per table:
 * the copy a whole-model replacement keeps of the model it replaces.
 */
int db_audit_keep_rows(struct db *db, const char *const *tables, size_t n, struct sw_error *err)
{
	struct sbuf sql = SBUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		struct strlist cols = STRLIST_INIT;
		if (!table_audited(tables[i]))
			continue;
		rc = table_columns(db, tables[i], &cols, err);
		if (rc == 0) {
			sbuf_addf(&sql,
				  "INSERT INTO change_row (change_id, tbl, row_key, before, after) "
				  "SELECT (SELECT max(id) FROM change), '%s', rowid, ",
				  tables[i]);
			json_of_row(&sql, "OLD", &cols);
			sbuf_addf(&sql, ", NULL FROM main.\"%s\" AS OLD ORDER BY rowid;\n",
				  tables[i]);
		}
		strlist_clear(&cols);
	}
	if (rc == 0 && sql.len)
		rc = db_exec(db, sql.buf, err);
	sbuf_release(&sql);
	return rc;
}

void db_audit_set(struct db *db, bool on)
{
	if (db->audit_on == on || !db->h)
		return;
	sqlite3_exec(db->h,
		     on ? "UPDATE temp.sw_audit SET on_ = 1" : "UPDATE temp.sw_audit SET on_ = 0",
		     NULL, NULL, NULL);
	db->audit_on = on;
}

int db_change_begin(struct db *db, const char *who, const char *at, const char *action,
		    const char *summary, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(
	    db, "INSERT INTO change (at, who, action, summary) VALUES (?, ?, ?, ?)", err);

	if (!st)
		return -1;
	db_bind_text(st, 1, at);
	db_bind_text(st, 2, who);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, summary);
	if (db_step_done(db, st, "cannot record the change", err))
		return -1;
	db_audit_set(db, true);
	return 0;
}

/* Builds the statement that puts one recorded row back the way it was before. */
static int revert_sql(struct db *db, const char *table, const char *before, const char *after,
		      struct sbuf *sql, struct sw_error *err)
{
	struct strlist cols = STRLIST_INIT;
	size_t i;

	if (table_columns(db, table, &cols, err))
		return -1;
	if (!before) {
		sbuf_addf(sql, "DELETE FROM main.\"%s\" WHERE rowid = ?1", table);
	} else if (!after) {
		sbuf_addf(sql, "INSERT INTO main.\"%s\" (rowid", table);
		for (i = 0; i < cols.count; i++)
			sbuf_addf(sql, ", \"%s\"", cols.items[i]);
		sbuf_addstr(sql, ") VALUES (json_extract(?2, '$.rowid')");
		for (i = 0; i < cols.count; i++)
			sbuf_addf(sql, ", json_extract(?2, '$.\"%s\"')", cols.items[i]);
		sbuf_addch(sql, ')');
	} else {
		sbuf_addf(sql, "UPDATE main.\"%s\" SET ", table);
		for (i = 0; i < cols.count; i++)
			sbuf_addf(sql, "%s\"%s\" = json_extract(?2, '$.\"%s\"')", i ? ", " : "",
				  cols.items[i], cols.items[i]);
		sbuf_addstr(sql, " WHERE rowid = ?1");
	}
	strlist_clear(&cols);
	return 0;
}

static bool table_audited(const char *table)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(audited); i++)
		if (str_eq(audited[i], table))
			return true;
	return false;
}

static int revert_rows(struct db *db, sqlite3_int64 change, struct sw_error *err)
{
	sqlite3_stmt *rows = db_prepare(db,
					"SELECT tbl, row_key, before, after FROM change_row "
					"WHERE change_id = ? ORDER BY id DESC",
					err);
	int rc = 0;

	if (!rows)
		return -1;
	sqlite3_bind_int64(rows, 1, change);
	while (rc == 0 && sqlite3_step(rows) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(rows, 0);
		struct sbuf sql = SBUF_INIT;
		sqlite3_stmt *st;

		if (!table_audited(
			table)) /* the log is data too: never run what it names blindly */
			continue;
		rc = revert_sql(db, table, (const char *)sqlite3_column_text(rows, 2),
				(const char *)sqlite3_column_text(rows, 3), &sql, err);
		if (rc == 0 && !(st = db_prepare(db, sql.buf, err)))
			rc = -1;
		if (rc == 0) {
			sqlite3_bind_int64(st, 1, sqlite3_column_int64(rows, 1));
			db_bind_text(st, 2, (const char *)sqlite3_column_text(rows, 2));
			rc = db_step_done(db, st, "cannot undo", err);
		}
		sbuf_release(&sql);
	}
	sqlite3_finalize(rows);
	return rc;
}

/*
 * Takes change `id` back as a new change of `action` ("undo" or "redo") named `summary`: its
 * rows restored, and the change marked as taken back by the new one.
 */
static int take_back(struct db *db, const char *who, const char *at, const char *action,
		     const char *summary, sqlite3_int64 id, struct sw_error *err)
{
	sqlite3_stmt *st;

	if (db_exec(db, "PRAGMA defer_foreign_keys = ON", err) ||
	    db_change_begin(db, who, at, action, summary, err) || revert_rows(db, id, err))
		return -1;
	db_audit_set(db, false);
	st = db_prepare(
	    db, "UPDATE change SET undone_by = (SELECT max(id) FROM change) WHERE id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st, str_eq(action, "undo") ? "cannot undo" : "cannot redo", err);
}

/* A change's summary without the "undo: " and "redo: " that taking it back and forth added. */
static const char *plain_summary(const char *s)
{
	while (str_starts_with(s, "undo: ") || str_starts_with(s, "redo: "))
		s += 6;
	return s;
}

int db_undo(struct db *db, const char *who, const char *at, char **summary, struct sw_error *err)
{
	sqlite3_stmt *st;
	sqlite3_int64 change = 0;
	char *what = NULL;
	struct sbuf sb = SBUF_INIT;
	int rc = -1;

	*summary = NULL;
	/* The newest change that is neither undone nor itself an undo; an import ends the chain. */
	st = db_prepare(db,
			"SELECT id, summary, action FROM change WHERE undone_by IS NULL "
			"AND action <> 'undo' ORDER BY id DESC LIMIT 1",
			err);
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    !str_eq((const char *)sqlite3_column_text(st, 2), "import")) {
		change = sqlite3_column_int64(st, 0);
		what = db_column_dup(st, 1);
	}
	sqlite3_finalize(st);
	if (!change)
		return 1;
	sbuf_addf(&sb, "undo: %s", plain_summary(what));
	if (take_back(db, who, at, "undo", sb.buf, change, err) == 0) {
		*summary = xstrdup(plain_summary(what));
		rc = 0;
	}
	free(what);
	sbuf_release(&sb);
	return rc;
}

/* The undo a redo takes back: the newest undo not taken back yet, unless a new change came
 * after it (then there is nothing to redo). 0 when there is none. */
static sqlite3_int64 redoable(struct db *db, char **what, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(
	    db, "SELECT id, action, undone_by IS NOT NULL, summary FROM change ORDER BY id DESC",
	    err);
	sqlite3_int64 id = 0;

	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *action = (const char *)sqlite3_column_text(st, 1);
		if (str_eq(action, "redo") || (str_eq(action, "undo") && sqlite3_column_int(st, 2)))
			continue;
		if (str_eq(action, "undo")) {
			id = sqlite3_column_int64(st, 0);
			*what = db_column_dup(st, 3);
		}
		break;
	}
	sqlite3_finalize(st);
	return id;
}

int db_redo(struct db *db, const char *who, const char *at, char **summary, struct sw_error *err)
{
	sqlite3_int64 undo;
	char *what = NULL;
	struct sbuf sb = SBUF_INIT;
	int rc = -1;

	*summary = NULL;
	if ((undo = redoable(db, &what, err)) < 0)
		return -1;
	if (!undo)
		return 1;
	/* "undo: add threat T-0001: ..." is what the redo does again */
	sbuf_addf(&sb, "redo: %s", plain_summary(what));
	if (take_back(db, who, at, "redo", sb.buf, undo, err) == 0) {
		*summary = xstrdup(sb.buf + 6);
		rc = 0;
	}
	free(what);
	sbuf_release(&sb);
	return rc;
}
