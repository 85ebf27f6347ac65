/*
 * Reading a whole model file into memory, in the order the file was written. References between
 * tables (a threat's element, a link's threat and mitigation, a vote's participant) are
 * resolved here from the rowids of the rows already read, rather than by joins: SQLite would
 * look up each referenced row again, for tens of thousands of rows in a large model.
 */
#include "db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "util.h"
#include "xalloc.h"

/* The rows of one table read so far: rowids in ascending order (each query orders by them). */
struct rowmap {
	sqlite3_int64 *ids;
	void **objects; /* what each row became; borrowed from the model */
	size_t n, cap;
};

struct loading {
	struct model *m;
	struct rowmap elements, threats, mitigations, participants;
	bool gate; /* only what the CI gate reads (DB_GATE_ONLY) */
};

static void rowmap_add(struct rowmap *map, sqlite3_int64 id, void *object)
{
	size_t cap = map->cap;

	map->ids = xgrow(map->ids, sizeof(*map->ids), map->n + 1, &cap);
	map->objects = xgrow(map->objects, sizeof(*map->objects), map->n + 1, &map->cap);
	map->ids[map->n] = id;
	map->objects[map->n++] = object;
}

/* The object of column `col`'s rowid, or NULL (a NULL column, or a row that is not there). */
static void *rowmap_find(const struct rowmap *map, sqlite3_stmt *st, int col)
{
	sqlite3_int64 id = sqlite3_column_int64(st, col);
	size_t lo = 0, hi = map->n;

	if (sqlite3_column_type(st, col) == SQLITE_NULL || map->n == 0)
		return NULL;
	/* Rowids written in one go are consecutive: try the row's place first, so a large model
	 * does not pay a search (and its cache misses) for each of a million references. */
	if (id >= map->ids[0] && (sqlite3_uint64)(id - map->ids[0]) < map->n &&
	    map->ids[id - map->ids[0]] == id)
		return map->objects[id - map->ids[0]];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (map->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < map->n && map->ids[lo] == id ? map->objects[lo] : NULL;
}

static void rowmap_release(struct rowmap *map)
{
	free(map->ids);
	free(map->objects);
}

/* Runs `sql` and hands each row to `row`; stops at the first failure. */
static int each_row(struct db *db, struct loading *ld, const char *sql,
		    int (*row)(struct loading *ld, sqlite3_stmt *st), struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (row(ld, st)) {
			sqlite3_finalize(st);
			return sw_error_at(err, db->path, 0, 0,
					   "the model file holds a value this version cannot read");
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot read the model", err);
	return 0;
}

static int meta_row(struct loading *ld, sqlite3_stmt *st)
{
	struct model *m = ld->m;
	const char *key = (const char *)sqlite3_column_text(st, 0);
	char *value = db_column_dup(st, 1);
	char **slot = str_eq(key, "name")          ? &m->name
		      : str_eq(key, "description") ? &m->description
		      : str_eq(key, "scope")       ? &m->scope
						   : NULL;

	if (slot && !str_empty(value)) {
		free(*slot);
		*slot = value;
	} else {
		free(value);
	}
	return 0;
}

static int element_row(struct loading *ld, sqlite3_stmt *st)
{
	enum element_kind kind;
	struct element *e;

	if (element_kind_parse((const char *)sqlite3_column_text(st, 1), &kind))
		return -1;
	e = element_new((const char *)sqlite3_column_text(st, 0), kind);
	e->type = db_column_dup(st, 2);
	e->name = db_column_dup(st, 3);
	e->description = db_column_dup(st, 4);
	e->boundary = db_column_dup(st, 5);
	e->is_log = sqlite3_column_int(st, 6) != 0;
	e->out_of_scope = sqlite3_column_int(st, 7) != 0;
	e->out_of_scope_reason = db_column_dup(st, 8);
	e->from = db_column_dup(st, 9);
	e->to = db_column_dup(st, 10);
	e->protocol = db_column_dup(st, 11);
	e->bidirectional = sqlite3_column_int(st, 12) != 0;
	if (sqlite3_column_type(st, 14) != SQLITE_NULL) {
		e->origin = origin_new((const char *)sqlite3_column_text(st, 14),
				       sqlite3_column_int(st, 15),
				       (const char *)sqlite3_column_text(st, 16),
				       (const char *)sqlite3_column_text(st, 17),
				       (const char *)sqlite3_column_text(st, 18));
		if (*(const char *)sqlite3_column_text(st, 19) &&
		    import_state_parse((const char *)sqlite3_column_text(st, 19),
				       &e->origin->state)) {
			element_free(e);
			return -1;
		}
	}
	model_add_element(ld->m, e);
	rowmap_add(&ld->elements, sqlite3_column_int64(st, 13), e);
	return 0;
}

static int tag_row(struct loading *ld, sqlite3_stmt *st)
{
	struct element *e = rowmap_find(&ld->elements, st, 0);

	if (e)
		strlist_push(&e->tags, (const char *)sqlite3_column_text(st, 1));
	return 0;
}

static int data_row(struct loading *ld, sqlite3_stmt *st)
{
	struct element *e = rowmap_find(&ld->elements, st, 0);

	if (e)
		strlist_push(&e->data, (const char *)sqlite3_column_text(st, 1));
	return 0;
}

static int assumption_row(struct loading *ld, sqlite3_stmt *st)
{
	strlist_push(&ld->m->assumptions, (const char *)sqlite3_column_text(st, 0));
	return 0;
}

static int letters_of(const char *s, unsigned *out)
{
	enum stride_letter l;
	char one[2] = {0, 0};

	*out = 0;
	for (; s && *s; s++) {
		one[0] = *s;
		if (stride_parse(one, &l))
			return -1;
		*out |= STRIDE_BIT(l);
	}
	return 0;
}

static int threat_row(struct loading *ld, sqlite3_stmt *st)
{
	const struct element *e = rowmap_find(&ld->elements, st, 1);
	enum stride_letter letter;
	struct threat *t;
	unsigned extra;

	if (!e)
		return 0; /* the foreign keys make this impossible; a join would drop it too */
	if (stride_parse((const char *)sqlite3_column_text(st, 2), &letter) ||
	    letters_of((const char *)sqlite3_column_text(st, 3), &extra))
		return -1;
	t = threat_new((const char *)sqlite3_column_text(st, 0), e->id, letter);
	t->extra = extra & ~STRIDE_BIT(letter);
	t->title = db_column_dup(st, 4);
	t->likelihood = sqlite3_column_int(st, 6);
	t->impact = sqlite3_column_int(st, 7);
	t->justification = db_column_dup(st, 9);
	if (!ld->gate) { /* the gate prints none of these: a large model skips a million copies */
		t->description = db_column_dup(st, 5);
		t->raised_by = db_column_dup(st, 11);
		t->raised_at = db_column_dup(st, 12);
		t->provenance = db_column_dup(st, 13);
	}
	model_add_threat(ld->m, t);
	rowmap_add(&ld->threats, sqlite3_column_int64(st, 14), t);
	if (threat_status_parse((const char *)sqlite3_column_text(st, 8), &t->status) ||
	    threat_origin_parse((const char *)sqlite3_column_text(st, 10), &t->origin))
		return -1;
	return 0;
}

static int mitigation_row(struct loading *ld, sqlite3_stmt *st)
{
	struct mitigation *mit = mitigation_new((const char *)sqlite3_column_text(st, 0),
						(const char *)sqlite3_column_text(st, 1));

	mit->description = db_column_dup(st, 2);
	mit->owner = db_column_dup(st, 4);
	mit->ticket = db_column_dup(st, 5);
	mit->due = db_column_dup(st, 6);
	mit->verification = db_column_dup(st, 7);
	model_add_mitigation(ld->m, mit);
	rowmap_add(&ld->mitigations, sqlite3_column_int64(st, 8), mit);
	return mitigation_status_parse((const char *)sqlite3_column_text(st, 3), &mit->status);
}

static int link_row(struct loading *ld, sqlite3_stmt *st)
{
	struct mitigation *mit = rowmap_find(&ld->mitigations, st, 0);
	const struct threat *t = rowmap_find(&ld->threats, st, 1);

	if (mit && t)
		strlist_push(&mit->threats, t->id);
	return 0;
}

static int decision_row(struct loading *ld, sqlite3_stmt *st)
{
	const struct element *e = rowmap_find(&ld->elements, st, 0);
	struct decision *d;
	int rc;

	if (!e)
		return 0;
	d = xcalloc(1, sizeof(*d));
	rc = stride_parse((const char *)sqlite3_column_text(st, 1), &d->letter) ||
	     cell_state_parse((const char *)sqlite3_column_text(st, 2), &d->state);
	d->element = xstrdup(e->id);
	d->reason = db_column_dup(st, 3);
	d->who = db_column_dup(st, 4);
	if (rc) {
		decision_free(d);
		return -1;
	}
	model_add_decision(ld->m, d);
	return 0;
}

static int answer_row(struct loading *ld, sqlite3_stmt *st)
{
	const struct element *e = rowmap_find(&ld->elements, st, 0);
	struct answer *a;

	if (!e)
		return 0;
	a = answer_new(e->id, (const char *)sqlite3_column_text(st, 1),
		       (const char *)sqlite3_column_text(st, 2),
		       (const char *)sqlite3_column_text(st, 3));

	a->note = db_column_dup(st, 4);
	a->who = db_column_dup(st, 5);
	a->when = db_column_dup(st, 6);
	a->session = (long)sqlite3_column_int64(st, 7); /* NULL reads as 0: no session */
	if (sqlite3_column_type(st, 8) != SQLITE_NULL)
		a->evidence = evidence_new((const char *)sqlite3_column_text(st, 8),
					   sqlite3_column_int(st, 9),
					   (const char *)sqlite3_column_text(st, 10),
					   (const char *)sqlite3_column_text(st, 11),
					   (const char *)sqlite3_column_text(st, 12));
	model_add_answer(ld->m, a);
	return 0;
}

static int suggestion_decision_row(struct loading *ld, sqlite3_stmt *st)
{
	const char *decision = (const char *)sqlite3_column_text(st, 5);
	struct suggestion_decision *d;

	if (!str_eq(decision, "accepted") && !str_eq(decision, "skipped"))
		return -1;
	d = suggestion_decision_new(
	    (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
	    (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
	    sqlite3_column_int(st, 4));
	d->accepted = str_eq(decision, "accepted");
	d->threat = db_column_dup(st, 6);
	model_add_suggestion_decision(ld->m, d);
	return 0;
}

static int item_row(struct loading *ld, sqlite3_stmt *st)
{
	struct open_item *item = xcalloc(1, sizeof(*item));

	item->id = db_column_dup(st, 0);
	item->kind = str_eq((const char *)sqlite3_column_text(st, 1), "parking") ? ITEM_PARKING
										 : ITEM_QUESTION;
	item->text = db_column_dup(st, 2);
	item->owner = db_column_dup(st, 3);
	item->due = db_column_dup(st, 4);
	item->element = db_column_dup(st, 5);
	item->closed = sqlite3_column_int(st, 6) != 0;
	item->resolution = db_column_dup(st, 7);
	model_add_item(ld->m, item);
	return 0;
}

static int participant_row(struct loading *ld, sqlite3_stmt *st)
{
	struct participant *p = xcalloc(1, sizeof(*p));

	p->name = db_column_dup(st, 0);
	p->role = db_column_dup(st, 1);
	model_add_participant(ld->m, p);
	rowmap_add(&ld->participants, sqlite3_column_int64(st, 2), p);
	return 0;
}

static int vote_row(struct loading *ld, sqlite3_stmt *st)
{
	const struct participant *p = rowmap_find(&ld->participants, st, 0);
	const struct threat *t = rowmap_find(&ld->threats, st, 1);
	struct vote *v;

	if (!p || !t)
		return 0;
	v = xcalloc(1, sizeof(*v));
	v->participant = xstrdup(p->name);
	v->threat = xstrdup(t->id);
	v->count = sqlite3_column_int(st, 2);
	model_add_vote(ld->m, v);
	return 0;
}

/* `gate`: what the CI gate needs (DB_GATE_ONLY); votes order its list, by participant. */
static const struct {
	const char *sql;
	int (*row)(struct loading *ld, sqlite3_stmt *st);
	bool gate;
} loaders[] = {
    {"SELECT key, value FROM meta", meta_row, true},
    {"SELECT e.slug, e.kind, e.type, e.name, e.description, b.slug, e.is_log, e.out_of_scope,"
     " e.out_of_scope_reason, s.slug, t.slug, e.protocol, e.bidirectional, e.id, e.origin_file,"
     " e.origin_line, e.origin_resource, e.origin_type, e.origin_property, e.import_state"
     " FROM element e"
     " LEFT JOIN element b ON b.id = e.boundary_id LEFT JOIN element s ON s.id = e.source_id"
     " LEFT JOIN element t ON t.id = e.target_id ORDER BY e.id",
     element_row, true},
    {"SELECT element_id, tag FROM element_tag ORDER BY element_id, pos", tag_row, false},
    {"SELECT element_id, item FROM flow_data ORDER BY element_id, pos", data_row, false},
    {"SELECT text FROM assumption ORDER BY id", assumption_row, false},
    {"SELECT ref, element_id, letter, extra_letters, title, description, likelihood, impact,"
     " status, justification, origin, raised_by, raised_at, provenance, id"
     " FROM threat ORDER BY id",
     threat_row, true},
    {"SELECT ref, title, description, status, owner, ticket, due, verification, id"
     " FROM mitigation ORDER BY id",
     mitigation_row, false},
    /* In rowid order, each mitigation's list comes out in the order it was written. */
    {"SELECT mitigation_id, threat_id FROM threat_mitigation ORDER BY rowid", link_row, false},
    {"SELECT element_id, letter, state, reason, who FROM coverage ORDER BY rowid", decision_row,
     true},
    {"SELECT element_id, questionnaire, question, value, note, who, answered_at, session_id,"
     " evidence_file, evidence_line, evidence_resource, evidence_property, evidence_value"
     " FROM answer ORDER BY rowid",
     answer_row, false},
    {"SELECT e.slug, d.questionnaire, d.question, d.answer, d.idx, d.decision, t.ref"
     " FROM suggestion_decision d JOIN element e ON e.id = d.element_id"
     " LEFT JOIN threat t ON t.id = d.threat_id ORDER BY d.rowid",
     suggestion_decision_row, false},
    {"SELECT i.ref, i.kind, i.text, i.owner, i.due, e.slug, i.closed, i.resolution FROM "
     "open_item i"
     " LEFT JOIN element e ON e.id = i.element_id ORDER BY i.id",
     item_row, false},
    {"SELECT name, role, id FROM participant ORDER BY id", participant_row, true},
    {"SELECT participant_id, threat_id, count FROM vote ORDER BY rowid", vote_row, true},
};

int db_load(struct db *db, struct model **out, struct sw_error *err)
{
	struct model *m = model_new();
	struct loading ld = {m, {0}, {0}, {0}, {0}, db->gate_only};
	size_t i;
	int rc = 0;

	*out = NULL;
	/* One read transaction, so another process's commit cannot tear the snapshot. */
	if (db_exec(db, "BEGIN", err)) {
		model_free(m);
		return -1;
	}
	for (i = 0; i < ARRAY_SIZE(loaders) && rc == 0; i++)
		if (loaders[i].gate || !db->gate_only)
			rc = each_row(db, &ld, loaders[i].sql, loaders[i].row, err);
	if (rc == 0 && !db->gate_only)
		rc = db_load_sessions(db, m, err);
	sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	rowmap_release(&ld.elements);
	rowmap_release(&ld.threats);
	rowmap_release(&ld.mitigations);
	rowmap_release(&ld.participants);
	if (rc) {
		model_free(m);
		return -1;
	}
	if (!m->name)
		m->name = xstrdup("Untitled system");
	*out = m;
	return 0;
}
