/*
 * Writing a whole model at once (an import, a new model, the demo): every table emptied and
 * refilled in model order, so that loading gives the model back in the same order. A large
 * model is a hundred thousand rows, so this path avoids what is fine for one object at a time
 * (db_store.c): references are bound as the rowids remembered while inserting instead of being
 * looked up by id in a subquery, text is bound without copying, nothing is cleared twice, and
 * the audit log gets one set-based copy of the replaced rows instead of a trigger per row.
 * Rows with an id of their own are plain inserts (an id given twice is an error, which the
 * loaders never let through); the others keep db_store.c's upserts.
 */
#include "db_internal.h"

#include <stdint.h>

#include "strmap.h"
#include "util.h"

enum bulk_stmt {
	B_ELEMENT,
	B_REFS,
	B_TAG,
	B_DATA,
	B_ASSUMPTION,
	B_THREAT,
	B_MITIGATION,
	B_LINK,
	B_DECISION,
	B_ANSWER,
	B_ITEM,
	B_PARTICIPANT,
	B_VOTE,
	B_COUNT
};

static const char *const bulk_sql[B_COUNT] = {
    [B_ELEMENT] = "INSERT INTO element (" DB_ELEMENT_COLUMNS ", boundary_id, source_id, target_id)"
		  " VALUES (" DB_ELEMENT_VALUES ", ?, ?, ?)",
    [B_REFS] = "UPDATE element SET boundary_id = ?, source_id = ?, target_id = ? WHERE id = ?",
    [B_TAG] = "INSERT INTO element_tag (element_id, pos, tag) VALUES (?, ?, ?)",
    [B_DATA] = "INSERT INTO flow_data (element_id, pos, item) VALUES (?, ?, ?)",
    [B_ASSUMPTION] = "INSERT INTO assumption (text) VALUES (?)",
    [B_THREAT] = "INSERT INTO threat (ref, element_id, letter, extra_letters, title, "
		 "description, likelihood, impact, status, justification, origin, raised_by, "
		 "raised_at, provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [B_MITIGATION] = "INSERT INTO mitigation (ref, title, description, status, owner, ticket, "
		     "due, verification) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [B_LINK] = "INSERT INTO threat_mitigation (threat_id, mitigation_id) VALUES (?, ?)",
    [B_DECISION] = "INSERT INTO coverage (element_id, letter, state, reason, who) VALUES "
		   "(?, ?, ?, ?, ?) ON CONFLICT (element_id, letter) DO UPDATE SET "
		   "state = excluded.state, reason = excluded.reason, who = excluded.who",
    [B_ANSWER] =
	"INSERT INTO answer (" DB_ANSWER_COLUMNS ") VALUES (?, " DB_ANSWER_VALUES
	") ON CONFLICT (element_id, questionnaire, question) DO UPDATE SET " DB_ANSWER_UPDATE,
    [B_ITEM] = "INSERT INTO open_item (ref, kind, text, owner, due, element_id, closed, "
	       "resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ref) DO UPDATE SET "
	       "kind = excluded.kind, text = excluded.text, owner = excluded.owner, "
	       "due = excluded.due, element_id = excluded.element_id, closed = excluded.closed, "
	       "resolution = excluded.resolution",
    [B_PARTICIPANT] = "INSERT INTO participant (name, role) VALUES (?, ?)",
    [B_VOTE] = "INSERT INTO vote (participant_id, threat_id, count) VALUES (?, ?, ?) "
	       "ON CONFLICT (participant_id, threat_id) DO UPDATE SET count = excluded.count",
};

/* Every table a whole-model store empties and fills, children before their parents. */
static const char *const model_tables[] = {
    "vote",
    "participant",
    "open_item",
    "answer",
    "suggestion_decision",
    "coverage",
    "threat_mitigation",
    "mitigation",
    "threat",
    "assumption",
    "flow_data",
    "element_tag",
    "phase",
    "session",
    "review",
    "element",
    "meta",
};

struct bulk {
	struct db *db;
	/* outlives every statement, so its text is bound without a copy (db_bind_kept) */
	const struct model *m;
	sqlite3_stmt *st[B_COUNT];
	/* rowids by id, stored as pointers (a rowid is never 0, so NULL means unknown) */
	struct strmap elements, threats, participants;
};

static void rowid(sqlite3_stmt *st, int i, const struct strmap *map, const char *id)
{
	intptr_t r = (intptr_t)strmap_get(map, id);

	if (r)
		sqlite3_bind_int64(st, i, (sqlite3_int64)r);
	else
		sqlite3_bind_null(st,
				  i); /* unknown: the NOT NULL constraints say so, as upstream */
}

static void remember(struct strmap *map, const char *id, sqlite3_int64 r)
{
	strmap_put(map, id, (void *)(intptr_t)r);
}

/* Runs statement `which`; *id (may be NULL) gets the rowid of the row it inserted. */
static int run(struct bulk *b, enum bulk_stmt which, const char *what, sqlite3_int64 *id,
	       struct sw_error *err)
{
	sqlite3_stmt *st = b->st[which];
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(b->db, what, err);
	if (id)
		*id = sqlite3_last_insert_rowid(b->db->h);
	return 0;
}

static int put_list(struct bulk *b, enum bulk_stmt which, sqlite3_int64 element,
		    const struct strlist *list, struct sw_error *err)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		sqlite3_bind_int64(b->st[which], 1, element);
		sqlite3_bind_int64(b->st[which], 2, (sqlite3_int64)i);
		db_bind_kept(b->st[which], 3, list->items[i]);
		if (run(b, which, "cannot save an element", NULL, err))
			return -1;
	}
	return 0;
}

/* An element with the references to elements stored before it (put_refs() does the rest). */
static int put_element(struct bulk *b, const struct element *e, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_ELEMENT];
	sqlite3_int64 id = 0;

	db_bind_element_fields(st, e);
	rowid(st, 17, &b->elements, e->boundary);
	rowid(st, 18, &b->elements, e->from);
	rowid(st, 19, &b->elements, e->to);
	if (run(b, B_ELEMENT, "cannot save an element", &id, err))
		return -1;
	remember(&b->elements, e->id, id);
	return put_list(b, B_TAG, id, &e->tags, err) || put_list(b, B_DATA, id, &e->data, err) ? -1
											       : 0;
}

/* Whether `ref` names this element or one stored after it, which its insert could not bind. */
static bool stored_later(const struct bulk *b, const char *ref, intptr_t self)
{
	return ref && (intptr_t)strmap_get(&b->elements, ref) >= self;
}

/*
 * References to elements stored later go in a second pass, so that an element may name one
 * defined after it. Models list boundaries and nodes before flows, so this is rare: an update
 * here also rewrites three indexes.
 */
static int put_refs(struct bulk *b, const struct element *e, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_REFS];
	intptr_t self = (intptr_t)strmap_get(&b->elements, e->id);

	if (!stored_later(b, e->boundary, self) && !stored_later(b, e->from, self) &&
	    !stored_later(b, e->to, self))
		return 0;
	rowid(st, 1, &b->elements, e->boundary);
	rowid(st, 2, &b->elements, e->from);
	rowid(st, 3, &b->elements, e->to);
	rowid(st, 4, &b->elements, e->id);
	return run(b, B_REFS, "cannot save an element", NULL, err);
}

static int put_threat(struct bulk *b, const struct threat *t, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_THREAT];
	sqlite3_int64 id = 0;

	if (t->likelihood < 1 || t->likelihood > 5 || t->impact < 1 || t->impact > 5)
		return sw_error(
		    err, "cannot save threat '%s': likelihood and impact go from 1 to 5", t->id);
	db_bind_kept(st, 1, t->id);
	rowid(st, 2, &b->elements, t->element);
	db_bind_threat_fields(st, t);
	if (run(b, B_THREAT, "cannot save a threat", &id, err))
		return -1;
	remember(&b->threats, t->id, id);
	return 0;
}

static int put_mitigation(struct bulk *b, const struct mitigation *mit, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_MITIGATION];
	sqlite3_int64 id = 0;
	size_t i;

	db_bind_mitigation_fields(st, mit);
	if (run(b, B_MITIGATION, "cannot save a mitigation", &id, err))
		return -1;
	for (i = 0; i < mit->threats.count; i++) {
		rowid(b->st[B_LINK], 1, &b->threats, mit->threats.items[i]);
		sqlite3_bind_int64(b->st[B_LINK], 2, id);
		if (run(b, B_LINK, "cannot link a mitigation to a threat", NULL, err))
			return -1;
	}
	return 0;
}

static int put_decision(struct bulk *b, const struct decision *d, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_DECISION];
	char letter[2] = {stride_char(d->letter), '\0'};

	rowid(st, 1, &b->elements, d->element);
	db_bind_kept(st, 2, letter);
	db_bind_kept(st, 3, d->state == CELL_NA ? "n/a" : "none");
	db_bind_kept(st, 4, d->reason);
	db_bind_kept(st, 5, d->who);
	return run(b, B_DECISION, "cannot save a coverage decision", NULL, err);
}

static int put_answer(struct bulk *b, const struct answer *a, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_ANSWER];

	rowid(st, 1, &b->elements, a->element);
	db_bind_answer_fields(st, a);
	return run(b, B_ANSWER, "cannot save an answer", NULL, err);
}

static int put_item(struct bulk *b, const struct open_item *item, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_ITEM];

	db_bind_item_fields(st, item);
	rowid(st, 6, &b->elements, item->element);
	return run(b, B_ITEM, "cannot save an open question", NULL, err);
}

static int put_participant(struct bulk *b, const struct participant *p, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_PARTICIPANT];
	sqlite3_int64 id = 0;

	db_bind_kept(st, 1, p->name);
	db_bind_kept(st, 2, p->role);
	if (run(b, B_PARTICIPANT, "cannot save a participant", &id, err))
		return -1;
	remember(&b->participants, p->name, id);
	return 0;
}

/* A vote of 0 is no vote (db_put_vote deletes it), so it is not written. */
static int put_vote(struct bulk *b, const struct vote *v, struct sw_error *err)
{
	sqlite3_stmt *st = b->st[B_VOTE];

	if (v->count <= 0)
		return 0;
	rowid(st, 1, &b->participants, v->participant);
	rowid(st, 2, &b->threats, v->threat);
	sqlite3_bind_int(st, 3, v->count);
	return run(b, B_VOTE, "cannot save a vote", NULL, err);
}

static int put_assumptions(struct bulk *b, struct sw_error *err)
{
	size_t i;

	for (i = 0; i < b->m->assumptions.count; i++) {
		db_bind_kept(b->st[B_ASSUMPTION], 1, b->m->assumptions.items[i]);
		if (run(b, B_ASSUMPTION, "cannot save an assumption", NULL, err))
			return -1;
	}
	return 0;
}

static int store_elements(struct bulk *b, struct sw_error *err)
{
	const struct model *m = b->m;
	size_t i;

	for (i = 0; i < m->nelements; i++)
		if (put_element(b, m->elements[i], err))
			return -1;
	for (i = 0; i < m->nelements; i++)
		if (put_refs(b, m->elements[i], err))
			return -1;
	return 0;
}

static int store_threats(struct bulk *b, struct sw_error *err)
{
	const struct model *m = b->m;
	size_t i;

	for (i = 0; i < m->nthreats; i++)
		if (put_threat(b, m->threats[i], err))
			return -1;
	for (i = 0; i < m->nmitigations; i++)
		if (put_mitigation(b, m->mitigations[i], err))
			return -1;
	for (i = 0; i < m->ndecisions; i++)
		if (put_decision(b, m->decisions[i], err))
			return -1;
	return 0;
}

static int store_workshop(struct bulk *b, struct sw_error *err)
{
	const struct model *m = b->m;
	size_t i;

	for (i = 0; i < m->nanswers; i++)
		if (put_answer(b, m->answers[i], err))
			return -1;
	if (db_store_suggestion_decisions(b->db, m, err))
		return -1;
	for (i = 0; i < m->nitems; i++)
		if (put_item(b, m->items[i], err))
			return -1;
	for (i = 0; i < m->nparticipants; i++)
		if (put_participant(b, m->participants[i], err))
			return -1;
	for (i = 0; i < m->nvotes; i++)
		if (put_vote(b, m->votes[i], err))
			return -1;
	return 0;
}

static int store_all(struct bulk *b, struct sw_error *err)
{
	static const char clear[] =
	    "DELETE FROM vote; DELETE FROM participant; DELETE FROM open_item;"
	    "DELETE FROM answer; DELETE FROM coverage; DELETE FROM threat_mitigation;"
	    "DELETE FROM mitigation; DELETE FROM threat; DELETE FROM assumption;"
	    "DELETE FROM flow_data; DELETE FROM element_tag; DELETE FROM element;"
	    "DELETE FROM meta;";
	int i;

	for (i = 0; i < B_COUNT; i++)
		if (!(b->st[i] = db_prepare(b->db, bulk_sql[i], err)))
			return -1;
	if (db_exec(b->db, clear, err) || db_put_meta(b->db, b->m, err) ||
	    put_assumptions(b, err) || store_elements(b, err))
		return -1;
	/* Sessions before answers, which name the session they were given in. */
	if (db_store_sessions(b->db, b->m, err) || store_threats(b, err))
		return -1;
	return store_workshop(b, err);
}

static void bulk_release(struct bulk *b)
{
	int i;

	for (i = 0; i < B_COUNT; i++)
		sqlite3_finalize(b->st[i]);
	strmap_clear(&b->elements);
	strmap_clear(&b->threats);
	strmap_clear(&b->participants);
}

/*
 * The audit log keeps a copy of every row being replaced (nothing, for an empty model) and
 * the change row says what came in; the triggers are paused meanwhile, since copying each new
 * row too doubled the time and the file of a large import. Undo never crosses an import, so
 * it loses nothing.
 */
int db_store_model(struct db *db, const struct model *m, struct sw_error *err)
{
	struct bulk b = {db, m, {NULL}, STRMAP_INIT, STRMAP_INIT, STRMAP_INIT};
	bool audit = db->audit_on;
	int rc;

	if (audit && (db_audit_keep_rows(db, model_tables, ARRAY_SIZE(model_tables), err) ||
		      db_audit_pause(db, err)))
		return -1;
	/*
	 * SQLite evaluates a CHECK (x IN (...)) by building a temporary index for every row, a
	 * fifth of the time here; every checked value comes from an enum, except the ratings,
	 * which put_threat checks itself.
	 */
	rc = db_exec(db, "PRAGMA ignore_check_constraints = ON", err);
	if (rc == 0)
		rc = store_all(&b, err);
	bulk_release(&b);
	sqlite3_exec(db->h, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
	if (rc == 0 && audit)
		rc = db_audit_resume(db, err);
	return rc;
}
