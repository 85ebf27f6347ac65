/* Reading a whole model file into memory, in the order the file was written. */
#include "db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "util.h"
#include "xalloc.h"

/* Runs `sql` and hands each row to `row`; stops at the first failure. */
static int each_row(struct db *db, struct model *m, const char *sql,
		    int (*row)(struct model *m, sqlite3_stmt *st), struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (row(m, st)) {
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

static int meta_row(struct model *m, sqlite3_stmt *st)
{
	const char *key = (const char *)sqlite3_column_text(st, 0);
	char *value = db_column_dup(st, 1);
	char **slot = str_eq(key, "name") ? &m->name
		      : str_eq(key, "description") ? &m->description
		      : str_eq(key, "scope") ? &m->scope
						  : NULL;

	if (slot && !str_empty(value)) {
		free(*slot);
		*slot = value;
	} else {
		free(value);
	}
	return 0;
}

static int element_row(struct model *m, sqlite3_stmt *st)
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
	model_add_element(m, e);
	return 0;
}

static int tag_row(struct model *m, sqlite3_stmt *st)
{
	struct element *e = model_element(m, (const char *)sqlite3_column_text(st, 0));

	if (e)
		strlist_push(&e->tags, (const char *)sqlite3_column_text(st, 1));
	return 0;
}

static int data_row(struct model *m, sqlite3_stmt *st)
{
	struct element *e = model_element(m, (const char *)sqlite3_column_text(st, 0));

	if (e)
		strlist_push(&e->data, (const char *)sqlite3_column_text(st, 1));
	return 0;
}

static int assumption_row(struct model *m, sqlite3_stmt *st)
{
	strlist_push(&m->assumptions, (const char *)sqlite3_column_text(st, 0));
	return 0;
}

static int letters_of(const char *s, unsigned *out)
{
	enum stride_letter l;
	char one[2] = { 0, 0 };

	*out = 0;
	for (; s && *s; s++) {
		one[0] = *s;
		if (stride_parse(one, &l))
			return -1;
		*out |= STRIDE_BIT(l);
	}
	return 0;
}

static int threat_row(struct model *m, sqlite3_stmt *st)
{
	enum stride_letter letter;
	struct threat *t;
	unsigned extra;

	if (stride_parse((const char *)sqlite3_column_text(st, 2), &letter) ||
	    letters_of((const char *)sqlite3_column_text(st, 3), &extra))
		return -1;
	t = threat_new((const char *)sqlite3_column_text(st, 0),
		       (const char *)sqlite3_column_text(st, 1), letter);
	t->extra = extra & ~STRIDE_BIT(letter);
	t->title = db_column_dup(st, 4);
	t->description = db_column_dup(st, 5);
	t->likelihood = sqlite3_column_int(st, 6);
	t->impact = sqlite3_column_int(st, 7);
	t->justification = db_column_dup(st, 9);
	t->raised_by = db_column_dup(st, 11);
	t->raised_at = db_column_dup(st, 12);
	t->provenance = db_column_dup(st, 13);
	model_add_threat(m, t);
	if (threat_status_parse((const char *)sqlite3_column_text(st, 8), &t->status) ||
	    threat_origin_parse((const char *)sqlite3_column_text(st, 10), &t->origin))
		return -1;
	return 0;
}

static int mitigation_row(struct model *m, sqlite3_stmt *st)
{
	struct mitigation *mit = mitigation_new((const char *)sqlite3_column_text(st, 0),
						(const char *)sqlite3_column_text(st, 1));

	mit->description = db_column_dup(st, 2);
	mit->owner = db_column_dup(st, 4);
	mit->ticket = db_column_dup(st, 5);
	mit->due = db_column_dup(st, 6);
	mit->verification = db_column_dup(st, 7);
	model_add_mitigation(m, mit);
	return mitigation_status_parse((const char *)sqlite3_column_text(st, 3), &mit->status);
}

static int link_row(struct model *m, sqlite3_stmt *st)
{
	struct mitigation *mit = model_mitigation(m, (const char *)sqlite3_column_text(st, 0));

	if (mit)
		strlist_push(&mit->threats, (const char *)sqlite3_column_text(st, 1));
	return 0;
}

static int decision_row(struct model *m, sqlite3_stmt *st)
{
	struct decision *d = xcalloc(1, sizeof(*d));
	int rc = stride_parse((const char *)sqlite3_column_text(st, 1), &d->letter) ||
		 cell_state_parse((const char *)sqlite3_column_text(st, 2), &d->state);

	d->element = db_column_dup(st, 0);
	d->reason = db_column_dup(st, 3);
	if (rc) {
		decision_free(d);
		return -1;
	}
	model_add_decision(m, d);
	return 0;
}

static int answer_row(struct model *m, sqlite3_stmt *st)
{
	struct answer *a = answer_new((const char *)sqlite3_column_text(st, 0),
				      (const char *)sqlite3_column_text(st, 1),
				      (const char *)sqlite3_column_text(st, 2),
				      (const char *)sqlite3_column_text(st, 3));

	a->note = db_column_dup(st, 4);
	a->who = db_column_dup(st, 5);
	a->when = db_column_dup(st, 6);
	model_add_answer(m, a);
	return 0;
}

static int item_row(struct model *m, sqlite3_stmt *st)
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
	model_add_item(m, item);
	return 0;
}

static int participant_row(struct model *m, sqlite3_stmt *st)
{
	struct participant *p = xcalloc(1, sizeof(*p));

	p->name = db_column_dup(st, 0);
	p->role = db_column_dup(st, 1);
	model_add_participant(m, p);
	return 0;
}

static int vote_row(struct model *m, sqlite3_stmt *st)
{
	struct vote *v = xcalloc(1, sizeof(*v));

	v->participant = db_column_dup(st, 0);
	v->threat = db_column_dup(st, 1);
	v->count = sqlite3_column_int(st, 2);
	model_add_vote(m, v);
	return 0;
}

static const struct {
	const char *sql;
	int (*row)(struct model *m, sqlite3_stmt *st);
} loaders[] = {
	{ "SELECT key, value FROM meta", meta_row },
	{ "SELECT e.slug, e.kind, e.type, e.name, e.description, b.slug, e.is_log, e.out_of_scope,"
	  " e.out_of_scope_reason, s.slug, t.slug, e.protocol, e.bidirectional FROM element e"
	  " LEFT JOIN element b ON b.id = e.boundary_id LEFT JOIN element s ON s.id = e.source_id"
	  " LEFT JOIN element t ON t.id = e.target_id ORDER BY e.id",
	  element_row },
	{ "SELECT e.slug, x.tag FROM element_tag x JOIN element e ON e.id = x.element_id"
	  " ORDER BY x.element_id, x.pos",
	  tag_row },
	{ "SELECT e.slug, x.item FROM flow_data x JOIN element e ON e.id = x.element_id"
	  " ORDER BY x.element_id, x.pos",
	  data_row },
	{ "SELECT text FROM assumption ORDER BY id", assumption_row },
	{ "SELECT t.ref, e.slug, t.letter, t.extra_letters, t.title, t.description, t.likelihood,"
	  " t.impact, t.status, t.justification, t.origin, t.raised_by, t.raised_at, t.provenance"
	  " FROM threat t JOIN element e ON e.id = t.element_id ORDER BY t.id",
	  threat_row },
	{ "SELECT ref, title, description, status, owner, ticket, due, verification"
	  " FROM mitigation ORDER BY id",
	  mitigation_row },
	{ "SELECT m.ref, t.ref FROM threat_mitigation x JOIN mitigation m ON m.id = x.mitigation_id"
	  " JOIN threat t ON t.id = x.threat_id ORDER BY x.mitigation_id, x.rowid",
	  link_row },
	{ "SELECT e.slug, c.letter, c.state, c.reason FROM coverage c JOIN element e"
	  " ON e.id = c.element_id ORDER BY c.rowid",
	  decision_row },
	{ "SELECT e.slug, a.questionnaire, a.question, a.value, a.note, a.who, a.answered_at"
	  " FROM answer a JOIN element e ON e.id = a.element_id ORDER BY a.rowid",
	  answer_row },
	{ "SELECT i.ref, i.kind, i.text, i.owner, i.due, e.slug, i.closed FROM open_item i"
	  " LEFT JOIN element e ON e.id = i.element_id ORDER BY i.id",
	  item_row },
	{ "SELECT name, role FROM participant ORDER BY id", participant_row },
	{ "SELECT p.name, t.ref, v.count FROM vote v JOIN participant p ON p.id = v.participant_id"
	  " JOIN threat t ON t.id = v.threat_id ORDER BY v.rowid",
	  vote_row },
};

int db_load(struct db *db, struct model **out, struct sw_error *err)
{
	struct model *m = model_new();
	size_t i;
	int rc = 0;

	*out = NULL;
	/* One read transaction, so another process's commit cannot tear the snapshot. */
	if (db_exec(db, "BEGIN", err)) {
		model_free(m);
		return -1;
	}
	for (i = 0; i < ARRAY_SIZE(loaders) && rc == 0; i++)
		rc = each_row(db, m, loaders[i].sql, loaders[i].row, err);
	if (rc == 0)
		rc = db_load_sessions(db, m, err);
	sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	if (rc) {
		model_free(m);
		return -1;
	}
	if (!m->name)
		m->name = xstrdup("Untitled system");
	*out = m;
	return 0;
}
