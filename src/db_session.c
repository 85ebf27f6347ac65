/* Sessions, their agenda phases, who took part, and review marks in the model file. */
#include "db_internal.h"

#include <stdbool.h>

#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static const char sql_session[] =
    "INSERT INTO session (id, mode, facilitator, started_at, ended_at, notes, packs) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, "
    "facilitator = excluded.facilitator, started_at = excluded.started_at, "
    "ended_at = excluded.ended_at, notes = excluded.notes, packs = excluded.packs";
static const char sql_people_clear[] = "DELETE FROM session_participant WHERE session_id = ?";
static const char sql_person[] =
    "INSERT INTO session_participant (session_id, pos, name) VALUES (?, ?, ?)";
static const char sql_phases_clear[] = "DELETE FROM phase WHERE session_id = ?";
static const char sql_phase[] = "INSERT INTO phase (session_id, pos, name, timebox_min, "
				"started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_review[] =
    "INSERT INTO review (subject, comment, who, at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (subject) DO UPDATE SET comment = excluded.comment, who = excluded.who, "
    "at = excluded.at";

static int run(struct db *db, sqlite3_stmt *st, const char *what, struct sw_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, what, err);
}

static int put_phases(struct db *db, const struct session *s, struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_PHASES_CLEAR, sql_phases_clear, err);
	size_t i;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, s->number);
	if (run(db, st, "cannot save the agenda", err))
		return -1;
	for (i = 0; i < s->nphases; i++) {
		const struct phase *p = &s->phases[i];
		if (!(st = db_cached(db, ST_PHASE, sql_phase, err)))
			return -1;
		sqlite3_bind_int64(st, 1, s->number);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		db_bind_text(st, 3, p->name);
		sqlite3_bind_int(st, 4, p->timebox_min);
		db_bind_text(st, 5, p->started);
		db_bind_text(st, 6, p->ended);
		if (run(db, st, "cannot save the agenda", err))
			return -1;
	}
	return 0;
}

static int put_people(struct db *db, const struct session *s, struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_PEOPLE_CLEAR, sql_people_clear, err);
	size_t i;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, s->number);
	if (run(db, st, "cannot save who took part", err))
		return -1;
	for (i = 0; i < s->people.count; i++) {
		if (!(st = db_cached(db, ST_PERSON, sql_person, err)))
			return -1;
		sqlite3_bind_int64(st, 1, s->number);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		db_bind_text(st, 3, s->people.items[i]);
		if (run(db, st, "cannot save who took part", err))
			return -1;
	}
	return 0;
}

/* The packs as one column: ids are slugs, so a space separates them. */
static char *packs_text(const struct strlist *packs)
{
	struct sbuf sb = SBUF_INIT;
	size_t i;

	for (i = 0; i < packs->count; i++)
		sbuf_addf(&sb, "%s%s", i ? " " : "", packs->items[i]);
	return packs->count ? sbuf_detach(&sb) : NULL;
}

static void packs_parse(const char *text, struct strlist *out)
{
	const char *p = text;

	while (p && *p) {
		size_t n = strcspn(p, " ");
		char *word = xstrndup(p, n);
		if (n)
			strlist_push(out, word);
		free(word);
		p += n + (p[n] == ' ');
	}
}

int db_put_session(struct db *db, const struct session *s, struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_SESSION, sql_session, err);
	char *packs;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, s->number);
	db_bind_text(st, 2, s->mode);
	db_bind_text(st, 3, s->facilitator);
	db_bind_text(st, 4, s->started);
	db_bind_text(st, 5, s->ended);
	db_bind_text(st, 6, s->notes);
	packs = packs_text(&s->packs);
	db_bind_text(st, 7, packs);
	free(packs);
	if (run(db, st, "cannot save the session", err))
		return -1;
	return put_phases(db, s, err) || put_people(db, s, err) ? -1 : 0;
}

int db_put_review(struct db *db, const struct review_mark *r, struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_REVIEW, sql_review, err);

	if (!st)
		return -1;
	db_bind_text(st, 1, r->subject);
	db_bind_text(st, 2, r->comment);
	db_bind_text(st, 3, r->who);
	db_bind_text(st, 4, r->at);
	return run(db, st, "cannot save the review mark", err);
}

static const char sql_room[] =
    "INSERT INTO session_room (session_id, speaker, element, letter) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (session_id) DO UPDATE SET speaker = excluded.speaker, "
    "element = excluded.element, letter = excluded.letter";

/*
 * Where the room is (the speaker, the cell) is written on every change of speaker, so on its
 * own it is committed without waiting for the disk: it survives stridewalk being killed, as the
 * system holds the write, and the next change of the model's work, which waits for the disk as
 * every such change does, makes it durable too. A power cut in between costs only the room's
 * place. Inside the caller's transaction it is simply part of it.
 */
int db_put_room(struct db *db, const struct db_room *room, struct sw_error *err)
{
	sqlite3_stmt *st = db_cached(db, ST_ROOM_PUT, sql_room, err);
	char letter[2] = {room->letter, 0};
	bool alone = sqlite3_get_autocommit(db->h);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, room->session);
	db_bind_text(st, 2, room->speaker);
	db_bind_text(st, 3, room->element);
	db_bind_text(st, 4, room->letter ? letter : NULL);
	if (alone)
		sqlite3_exec(db->h, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	rc = run(db, st, "cannot keep where the room was", err);
	if (alone &&
	    sqlite3_exec(db->h, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "cannot make the model's changes wait for the disk again", err);
	return rc;
}

int db_get_room(struct db *db, long session, struct db_room *out, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(
	    db, "SELECT speaker, element, letter FROM session_room WHERE session_id = ?", err);
	const unsigned char *letter;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, session);
	rc = sqlite3_step(st);
	out->session = session;
	if (rc == SQLITE_ROW) {
		out->speaker = db_column_dup(st, 0);
		out->element = db_column_dup(st, 1);
		letter = sqlite3_column_text(st, 2);
		out->letter = letter ? (char)letter[0] : 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		   ? 0
		   : db_fail(db, "cannot read where the room was", err);
}

void db_room_release(struct db_room *room)
{
	free(room->speaker);
	free(room->element);
	memset(room, 0, sizeof(*room));
}

int db_store_sessions(struct db *db, const struct model *m, struct sw_error *err)
{
	size_t i;

	if (db_exec(db,
		    "DELETE FROM phase; DELETE FROM session_participant; DELETE FROM session; "
		    "DELETE FROM review;",
		    err))
		return -1;
	for (i = 0; i < m->nsessions; i++)
		if (db_put_session(db, m->sessions[i], err))
			return -1;
	for (i = 0; i < m->nreviews; i++)
		if (db_put_review(db, m->reviews[i], err))
			return -1;
	return 0;
}

static int load_phases(struct db *db, struct model *m, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT session_id, name, timebox_min, started_at, ended_at "
				      "FROM phase ORDER BY session_id, pos",
				      err);
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct session *s = model_session(m, (long)sqlite3_column_int64(st, 0));
		struct phase *p;
		if (!s) {
			sw_error_at(err, db->path, 0, 0,
				    "an agenda phase names session %lld, which does not exist; the "
				    "model file was changed outside stridewalk and is not opened",
				    (long long)sqlite3_column_int64(st, 0));
			sqlite3_finalize(st);
			return -1;
		}
		session_add_phase(s, (const char *)sqlite3_column_text(st, 1),
				  sqlite3_column_int(st, 2));
		p = &s->phases[s->nphases - 1];
		p->started = db_column_dup(st, 3);
		p->ended = db_column_dup(st, 4);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot read the agenda", err);
}

static int load_people(struct db *db, struct model *m, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(
	    db, "SELECT session_id, name FROM session_participant ORDER BY session_id, pos", err);
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct session *s = model_session(m, (long)sqlite3_column_int64(st, 0));
		if (s)
			strlist_push(&s->people, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot read who took part", err);
}

int db_load_sessions(struct db *db, struct model *m, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT id, mode, facilitator, started_at, ended_at, notes, "
				      "packs FROM session ORDER BY id",
				      err);
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct session *s = xcalloc(1, sizeof(*s));
		s->number = (long)sqlite3_column_int64(st, 0);
		s->mode = db_column_dup(st, 1);
		s->facilitator = db_column_dup(st, 2);
		s->started = db_column_dup(st, 3);
		s->ended = db_column_dup(st, 4);
		s->notes = db_column_dup(st, 5);
		packs_parse((const char *)sqlite3_column_text(st, 6), &s->packs);
		model_add_session(m, s);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot read the sessions", err);
	if (load_phases(db, m, err) || load_people(db, m, err))
		return -1;
	st = db_prepare(db, "SELECT subject, comment, who, at FROM review ORDER BY id", err);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct review_mark *r = xcalloc(1, sizeof(*r));
		r->subject = db_column_dup(st, 0);
		r->comment = db_column_dup(st, 1);
		r->who = db_column_dup(st, 2);
		r->at = db_column_dup(st, 3);
		model_add_review(m, r);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot read the review marks", err);
}
