/* Writing the model one object at a time, for the UI (a whole model: db_bulk.c). */
#include "db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "util.h"

#define ELEMENT_ID "(SELECT id FROM element WHERE slug = ?)"

static const char *const sql_of[] = {
    [ST_META] = "INSERT INTO meta (key, value) VALUES (?, ?) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    [ST_ELEMENT] =
	"INSERT INTO element (" DB_ELEMENT_COLUMNS ") VALUES (" DB_ELEMENT_VALUES
	") ON CONFLICT (slug) DO UPDATE SET "
	"kind = excluded.kind, type = excluded.type, name = excluded.name, "
	"description = excluded.description, is_log = excluded.is_log, "
	"out_of_scope = excluded.out_of_scope, "
	"out_of_scope_reason = excluded.out_of_scope_reason, "
	"protocol = excluded.protocol, bidirectional = excluded.bidirectional, "
	"origin_file = excluded.origin_file, origin_line = excluded.origin_line, "
	"origin_resource = excluded.origin_resource, origin_type = excluded.origin_type, "
	"origin_property = excluded.origin_property, "
	"import_state = excluded.import_state",
    [ST_ELEMENT_REFS] = "UPDATE element SET boundary_id = " ELEMENT_ID ", source_id = " ELEMENT_ID
			", target_id = " ELEMENT_ID " WHERE slug = ?",
    [ST_TAGS_CLEAR] = "DELETE FROM element_tag WHERE element_id = " ELEMENT_ID,
    [ST_TAG] = "INSERT INTO element_tag (element_id, pos, tag) VALUES (" ELEMENT_ID ", ?, ?)",
    [ST_DATA_CLEAR] = "DELETE FROM flow_data WHERE element_id = " ELEMENT_ID,
    [ST_DATA] = "INSERT INTO flow_data (element_id, pos, item) VALUES (" ELEMENT_ID ", ?, ?)",
    [ST_ELEMENT_DELETE] = "DELETE FROM element WHERE slug = ?",
    [ST_ASSUMPTION] = "INSERT INTO assumption (text) VALUES (?)",
    [ST_THREAT] = "INSERT INTO threat (ref, element_id, letter, extra_letters, title, "
		  "description, likelihood, impact, status, justification, origin, raised_by, "
		  "raised_at, provenance) VALUES (?, " ELEMENT_ID ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		  "?, ?) ON CONFLICT (ref) DO UPDATE SET element_id = excluded.element_id, "
		  "letter = excluded.letter, extra_letters = excluded.extra_letters, "
		  "title = excluded.title, description = excluded.description, "
		  "likelihood = excluded.likelihood, impact = excluded.impact, "
		  "status = excluded.status, justification = excluded.justification, "
		  "origin = excluded.origin, raised_by = excluded.raised_by, "
		  "raised_at = excluded.raised_at, provenance = excluded.provenance",
    [ST_THREAT_DELETE] = "DELETE FROM threat WHERE ref = ?",
    [ST_MITIGATION] = "INSERT INTO mitigation (ref, title, description, status, owner, ticket, "
		      "due, verification) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ref) DO "
		      "UPDATE SET title = excluded.title, description = excluded.description, "
		      "status = excluded.status, owner = excluded.owner, "
		      "ticket = excluded.ticket, due = excluded.due, "
		      "verification = excluded.verification",
    [ST_LINKS_CLEAR] = "DELETE FROM threat_mitigation WHERE mitigation_id = "
		       "(SELECT id FROM mitigation WHERE ref = ?)",
    [ST_LINK] = "INSERT INTO threat_mitigation (threat_id, mitigation_id) VALUES ("
		"(SELECT id FROM threat WHERE ref = ?), (SELECT id FROM mitigation WHERE ref = ?))",
    [ST_DECISION] =
	"INSERT INTO coverage (element_id, letter, state, reason, who) VALUES (" ELEMENT_ID
	", ?, ?, ?, ?) ON CONFLICT (element_id, letter) DO UPDATE SET "
	"state = excluded.state, reason = excluded.reason, who = excluded.who",
    [ST_DECISION_DELETE] = "DELETE FROM coverage WHERE element_id = " ELEMENT_ID " AND letter = ?",
    [ST_ANSWER] = "INSERT INTO answer (" DB_ANSWER_COLUMNS ") VALUES (" ELEMENT_ID
		  ", " DB_ANSWER_VALUES ") ON CONFLICT (element_id, questionnaire, question) DO "
		  "UPDATE SET " DB_ANSWER_UPDATE,
    [ST_ITEM] =
	"INSERT INTO open_item (ref, kind, text, owner, due, element_id, closed, "
	"resolution) VALUES (?, ?, ?, ?, ?, " ELEMENT_ID ", ?, ?) ON CONFLICT (ref) DO UPDATE "
	"SET kind = excluded.kind, text = excluded.text, owner = excluded.owner, "
	"due = excluded.due, element_id = excluded.element_id, closed = excluded.closed, "
	"resolution = excluded.resolution",
    [ST_PARTICIPANT] = "INSERT INTO participant (name, role) VALUES (?, ?) "
		       "ON CONFLICT (name) DO UPDATE SET role = excluded.role",
    [ST_VOTE] =
	"INSERT INTO vote (participant_id, threat_id, count) VALUES ("
	"(SELECT id FROM participant WHERE name = ?), (SELECT id FROM threat WHERE ref = ?), "
	"?) ON CONFLICT (participant_id, threat_id) DO UPDATE SET count = excluded.count",
    [ST_VOTE_DELETE] = "DELETE FROM vote WHERE participant_id = (SELECT id FROM participant "
		       "WHERE name = ?) AND threat_id = (SELECT id FROM threat WHERE ref = ?)",
};

static sqlite3_stmt *stmt(struct db *db, int which, struct sw_error *err)
{
	return db_cached(db, which, sql_of[which], err);
}

/* Steps a cached statement to completion. */
static int run(struct db *db, sqlite3_stmt *st, const char *what, struct sw_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, what, err);
	return 0;
}

int db_put_meta(struct db *db, const struct model *m, struct sw_error *err)
{
	const char *keys[] = {"name", "description", "scope"};
	const char *values[] = {m->name, m->description, m->scope};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		sqlite3_stmt *st = stmt(db, ST_META, err);
		if (!st)
			return -1;
		db_bind_text(st, 1, keys[i]);
		db_bind_text(st, 2, values[i] ? values[i] : "");
		if (run(db, st, "cannot save the model's name", err))
			return -1;
	}
	return 0;
}

static int put_list(struct db *db, int clear, int add, const char *slug, const struct strlist *list,
		    struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, clear, err);
	size_t i;

	if (!st)
		return -1;
	db_bind_text(st, 1, slug);
	if (run(db, st, "cannot save an element", err))
		return -1;
	for (i = 0; i < list->count; i++) {
		if (!(st = stmt(db, add, err)))
			return -1;
		db_bind_text(st, 1, slug);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		db_bind_text(st, 3, list->items[i]);
		if (run(db, st, "cannot save an element", err))
			return -1;
	}
	return 0;
}

static int put_element_row(struct db *db, const struct element *e, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_ELEMENT, err);

	if (!st)
		return -1;
	db_bind_element_fields(st, e);
	if (run(db, st, "cannot save an element", err))
		return -1;
	if (put_list(db, ST_TAGS_CLEAR, ST_TAG, e->id, &e->tags, err))
		return -1;
	return put_list(db, ST_DATA_CLEAR, ST_DATA, e->id, &e->data, err);
}

void db_bind_element_fields(sqlite3_stmt *st, const struct element *e)
{
	const struct origin *o = e->origin;

	db_bind_kept(st, 1, e->id);
	db_bind_kept(st, 2, element_kind_name(e->kind));
	db_bind_kept(st, 3, e->type);
	db_bind_kept(st, 4, e->name);
	db_bind_kept(st, 5, e->description);
	sqlite3_bind_int(st, 6, e->is_log);
	sqlite3_bind_int(st, 7, e->out_of_scope);
	db_bind_kept(st, 8, e->out_of_scope_reason);
	db_bind_kept(st, 9, e->protocol);
	sqlite3_bind_int(st, 10, e->bidirectional);
	db_bind_kept(st, 11, o ? o->file : NULL);
	if (o)
		sqlite3_bind_int(st, 12, o->line);
	else
		sqlite3_bind_null(st, 12);
	db_bind_kept(st, 13, o ? o->resource : NULL);
	db_bind_kept(st, 14, o ? o->type : NULL);
	db_bind_kept(st, 15, o ? o->property : NULL);
	db_bind_kept(st, 16, o ? import_state_name(o->state) : "");
}

/* References go in a second step so that an element may name one defined after it. */
static int put_element_refs(struct db *db, const struct element *e, struct sw_error *err)
{
	sqlite3_stmt *st;

	if (!e->boundary && !e->from && !e->to)
		return 0;
	if (!(st = stmt(db, ST_ELEMENT_REFS, err)))
		return -1;
	db_bind_text(st, 1, e->boundary);
	db_bind_text(st, 2, e->from);
	db_bind_text(st, 3, e->to);
	db_bind_text(st, 4, e->id);
	return run(db, st, "cannot save an element", err);
}

int db_put_element(struct db *db, const struct element *e, struct sw_error *err)
{
	if (put_element_row(db, e, err))
		return -1;
	return put_element_refs(db, e, err);
}

static int delete_by_key(struct db *db, int which, const char *key, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, which, err);

	if (!st)
		return -1;
	db_bind_text(st, 1, key);
	return run(db, st, "cannot delete", err);
}

int db_delete_element(struct db *db, const char *id, struct sw_error *err)
{
	return delete_by_key(db, ST_ELEMENT_DELETE, id, err);
}

int db_put_threat(struct db *db, const struct threat *t, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_THREAT, err);
	if (!st)
		return -1;
	db_bind_text(st, 1, t->id);
	db_bind_text(st, 2, t->element);
	db_bind_threat_fields(st, t);
	return run(db, st, "cannot save a threat", err);
}

void db_bind_threat_fields(sqlite3_stmt *st, const struct threat *t)
{
	char letter[2] = {stride_char(t->letter), '\0'};
	char extra[STRIDE_COUNT + 1];

	stride_set_string(t->extra, extra);
	db_bind_text(st, 3, letter); /* these two are ours, on the stack */
	db_bind_text(st, 4, extra);
	db_bind_kept(st, 5, t->title);
	db_bind_kept(st, 6, t->description);
	sqlite3_bind_int(st, 7, t->likelihood);
	sqlite3_bind_int(st, 8, t->impact);
	db_bind_kept(st, 9, threat_status_name(t->status));
	db_bind_kept(st, 10, t->justification);
	db_bind_kept(st, 11, threat_origin_name(t->origin));
	db_bind_kept(st, 12, t->raised_by);
	db_bind_kept(st, 13, t->raised_at);
	db_bind_kept(st, 14, t->provenance);
}

int db_delete_threat(struct db *db, const char *id, struct sw_error *err)
{
	return delete_by_key(db, ST_THREAT_DELETE, id, err);
}

void db_bind_mitigation_fields(sqlite3_stmt *st, const struct mitigation *mit)
{
	db_bind_kept(st, 1, mit->id);
	db_bind_kept(st, 2, mit->title);
	db_bind_kept(st, 3, mit->description);
	db_bind_kept(st, 4, mitigation_status_name(mit->status));
	db_bind_kept(st, 5, mit->owner);
	db_bind_kept(st, 6, mit->ticket);
	db_bind_kept(st, 7, mit->due);
	db_bind_kept(st, 8, mit->verification);
}

int db_put_mitigation(struct db *db, const struct mitigation *mit, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_MITIGATION, err);
	size_t i;

	if (!st)
		return -1;
	db_bind_mitigation_fields(st, mit);
	if (run(db, st, "cannot save a mitigation", err) ||
	    delete_by_key(db, ST_LINKS_CLEAR, mit->id, err))
		return -1;
	for (i = 0; i < mit->threats.count; i++) {
		if (!(st = stmt(db, ST_LINK, err)))
			return -1;
		db_bind_text(st, 1, mit->threats.items[i]);
		db_bind_text(st, 2, mit->id);
		if (run(db, st, "cannot link a mitigation to a threat", err))
			return -1;
	}
	return 0;
}

int db_put_decision(struct db *db, const struct decision *d, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_DECISION, err);
	char letter[2] = {stride_char(d->letter), '\0'};

	if (!st)
		return -1;
	db_bind_text(st, 1, d->element);
	db_bind_text(st, 2, letter);
	db_bind_text(st, 3, d->state == CELL_NA ? "n/a" : "none");
	db_bind_text(st, 4, d->reason);
	db_bind_text(st, 5, d->who);
	return run(db, st, "cannot save a coverage decision", err);
}

int db_delete_decision(struct db *db, const char *element, enum stride_letter l,
		       struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_DECISION_DELETE, err);
	char letter[2] = {stride_char(l), '\0'};

	if (!st)
		return -1;
	db_bind_text(st, 1, element);
	db_bind_text(st, 2, letter);
	return run(db, st, "cannot delete a coverage decision", err);
}

int db_put_answer(struct db *db, const struct answer *a, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_ANSWER, err);

	if (!st)
		return -1;
	db_bind_text(st, 1, a->element);
	db_bind_answer_fields(st, a);
	return run(db, st, "cannot save an answer", err);
}

void db_bind_answer_fields(sqlite3_stmt *st, const struct answer *a)
{
	db_bind_kept(st, 2, a->questionnaire);
	db_bind_kept(st, 3, a->question);
	db_bind_kept(st, 4, a->value);
	db_bind_kept(st, 5, a->note);
	db_bind_kept(st, 6, a->who);
	db_bind_kept(st, 7, a->when);
	if (a->session > 0)
		sqlite3_bind_int64(st, 8, a->session);
	else
		sqlite3_bind_null(st, 8);
	db_bind_kept(st, 9, a->evidence ? a->evidence->file : NULL);
	if (a->evidence)
		sqlite3_bind_int(st, 10, a->evidence->line);
	else
		sqlite3_bind_null(st, 10);
	db_bind_kept(st, 11, a->evidence ? a->evidence->resource : NULL);
	db_bind_kept(st, 12, a->evidence ? a->evidence->property : NULL);
	db_bind_kept(st, 13, a->evidence ? a->evidence->value : NULL);
}

int db_put_item(struct db *db, const struct open_item *item, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_ITEM, err);

	if (!st)
		return -1;
	db_bind_item_fields(st, item);
	db_bind_text(st, 6, item->element);
	return run(db, st, "cannot save an open question", err);
}

void db_bind_item_fields(sqlite3_stmt *st, const struct open_item *item)
{
	db_bind_text(st, 1, item->id);
	db_bind_text(st, 2, item->kind == ITEM_PARKING ? "parking" : "question");
	db_bind_text(st, 3, item->text);
	db_bind_text(st, 4, item->owner);
	db_bind_text(st, 5, item->due);
	sqlite3_bind_int(st, 7, item->closed);
	db_bind_text(st, 8, item->resolution);
}

int db_put_participant(struct db *db, const struct participant *p, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, ST_PARTICIPANT, err);

	if (!st)
		return -1;
	db_bind_text(st, 1, p->name);
	db_bind_text(st, 2, p->role);
	return run(db, st, "cannot save a participant", err);
}

/* Every place a person's name is written as text, besides their participant row. */
static const char *const renames[] = {
    "UPDATE participant SET name = ?1 WHERE name = ?2",
    "UPDATE threat SET raised_by = ?1 WHERE raised_by = ?2",
    "UPDATE answer SET who = ?1 WHERE who = ?2",
    "UPDATE coverage SET who = ?1 WHERE who = ?2",
    "UPDATE mitigation SET owner = ?1 WHERE owner = ?2",
    "UPDATE open_item SET owner = ?1 WHERE owner = ?2",
    "UPDATE session SET facilitator = ?1 WHERE facilitator = ?2",
    "UPDATE session_participant SET name = ?1 WHERE name = ?2",
};

int db_rename_participant(struct db *db, const char *from, const char *to, struct sw_error *err)
{
	size_t i;

	for (i = 0; i < sizeof(renames) / sizeof(renames[0]); i++) {
		sqlite3_stmt *st = db_prepare(db, renames[i], err);
		int rc;
		if (!st)
			return -1;
		db_bind_text(st, 1, to);
		db_bind_text(st, 2, from);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(db, "cannot rename the participant", err);
	}
	return 0;
}

int db_delete_participant(struct db *db, const char *name, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM participant WHERE name = ?", err);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot remove the participant", err);
}

int db_put_vote(struct db *db, const struct vote *v, struct sw_error *err)
{
	sqlite3_stmt *st = stmt(db, v->count > 0 ? ST_VOTE : ST_VOTE_DELETE, err);

	if (!st)
		return -1;
	db_bind_text(st, 1, v->participant);
	db_bind_text(st, 2, v->threat);
	if (v->count > 0)
		sqlite3_bind_int(st, 3, v->count);
	return run(db, st, "cannot save a vote", err);
}
