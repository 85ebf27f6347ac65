/* What the questionnaire engine keeps in the model file: suggestion decisions and snapshots. */
#include "db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char sql_decision[] =
    "INSERT INTO suggestion_decision (element_id, questionnaire, question, answer, idx, "
    "decision, threat_id) VALUES ((SELECT id FROM element WHERE slug = ?), ?, ?, ?, ?, ?, "
    "(SELECT id FROM threat WHERE ref = ?)) ON CONFLICT (element_id, questionnaire, question, "
    "answer, idx) DO UPDATE SET decision = excluded.decision, threat_id = excluded.threat_id";
static const char sql_snapshot_put[] =
    "INSERT INTO questionnaire_snapshot (id, version, hash, content, taken_at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version, "
    "hash = excluded.hash, content = excluded.content, taken_at = excluded.taken_at";
static const char sql_snapshot_get[] =
    "SELECT version, hash, content, taken_at FROM questionnaire_snapshot WHERE id = ?";

/* Steps a cached statement that returns no rows and resets it for the next use. */
static int run(struct db *db, sqlite3_stmt *st, const char *what, struct sw_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, what, err);
}

int db_put_suggestion_decision(struct db *db, const struct suggestion_decision *d,
			       struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_SUGGESTION_DECISION, sql_decision, err);

	if (!st)
		return -1;
	/* A missing element would become a NULL element_id, which NOT NULL turns into an error. */
	db_bind_text(st, 1, d->element);
	db_bind_text(st, 2, d->questionnaire);
	db_bind_text(st, 3, d->question);
	db_bind_text(st, 4, d->answer);
	sqlite3_bind_int(st, 5, d->index);
	db_bind_text(st, 6, d->accepted ? "accepted" : "skipped");
	db_bind_text(st, 7, d->threat);
	return run(db, st, "cannot save a suggestion decision", err);
}

int db_store_suggestion_decisions(struct db *db, const struct model *m, struct sw_error *err)
{
	size_t i;

	if (db_exec(db, "DELETE FROM suggestion_decision", err))
		return -1;
	for (i = 0; i < m->nsuggestion_decisions; i++)
		if (db_put_suggestion_decision(db, m->suggestion_decisions[i], err))
			return -1;
	return 0;
}

void qsnapshot_release(struct qsnapshot *s)
{
	free(s->id);
	free(s->hash);
	free(s->content);
	free(s->taken_at);
	memset(s, 0, sizeof(*s));
}

int db_put_snapshot(struct db *db, const struct qsnapshot *s, struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_SNAPSHOT_PUT, sql_snapshot_put, err);

	if (!st)
		return -1;
	db_bind_text(st, 1, s->id);
	sqlite3_bind_int64(st, 2, s->version);
	db_bind_text(st, 3, s->hash);
	db_bind_text(st, 4, s->content);
	db_bind_text(st, 5, s->taken_at);
	return run(db, st, "cannot save the questionnaire snapshot", err);
}

int db_get_snapshot(struct db *db, const char *id, struct qsnapshot *out, struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_SNAPSHOT_GET, sql_snapshot_get, err);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return -1;
	db_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = xstrdup(id);
		out->version = (long)sqlite3_column_int64(st, 0);
		out->hash = db_column_dup(st, 1);
		out->content = db_column_dup(st, 2);
		out->taken_at = db_column_dup(st, 3);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : db_fail(db, "cannot read the questionnaire snapshot", err);
}
