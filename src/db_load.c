/*
 * Reading a whole model file into memory, in the order the file was written. References between
 * tables (a threat's element, a link's threat and mitigation, a vote's participant) are
 * resolved here from the rowids of the rows already read, rather than by joins: SQLite would
 * look up each referenced row again, for tens of thousands of rows in a large model.
 *
 * A model file may have been edited with any SQLite client, so every row is checked against
 * the rules stridewalk keeps when it writes (ids, references, statuses): a row that breaks
 * one refuses the model with a message naming it, rather than being dropped or passed on.
 */
#include "db_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "coverage.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

/* The rows of one table read so far: rowids in ascending order (each query orders by them). */
struct rowmap {
	sqlite3_int64 *ids;
	void **objects; /* what each row became; borrowed from the model */
	size_t n, cap;
};

/* An element's boundary, source and target as rowids, resolved once every element is read. */
struct element_links {
	sqlite3_int64 id[3];
	unsigned set; /* bit i: id[i] is not NULL */
};

struct loading {
	struct model *m;
	struct rowmap elements, threats, mitigations, participants;
	struct element_links *links; /* per element read, in order */
	size_t links_cap;
	bool gate; /* only what the CI gate reads (DB_GATE_ONLY) */
	struct sbuf why; /* what is wrong with the row that stopped the load */
};

/* Says what is wrong with the current row; returns -1 for the loader to stop. */
static int bad_row(struct loading *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad_row(struct loading *ld, const char *fmt, ...)
{
	va_list ap;

	sbuf_reset(&ld->why);
	va_start(ap, fmt);
	sbuf_vaddf(&ld->why, fmt, ap);
	va_end(ap);
	return -1;
}

/* Column `col` as a string of the model's pool (see strpool.h); NULL stays NULL. */
static char *keep(struct loading *ld, sqlite3_stmt *st, int col)
{
	return strpool_dup(ld->m->strings, (const char *)sqlite3_column_text(st, col));
}

static const char *text(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	return s ? s : "";
}

/*
 * "T-0001": the prefix, a dash and at least four digits (ref_number() without its conversion,
 * which a large model would pay for tens of thousands of times). Ids are unique: the schema,
 * verified at open, has a UNIQUE constraint on each of them.
 */
static bool ref_valid(const char *ref, char prefix)
{
	const char *p = ref + 2;
	bool nonzero = false;

	if (ref[0] != prefix || ref[1] != '-')
		return false;
	for (; *p >= '0' && *p <= '9'; p++)
		nonzero = nonzero || *p != '0';
	return !*p && nonzero && p - ref >= 6 && p - ref <= 11;
}

/* A reference column that is set but names no row of its table (SQLite never checks old rows). */
static bool dangling(sqlite3_stmt *st, int id_col, const void *found)
{
	return sqlite3_column_type(st, id_col) != SQLITE_NULL && !found;
}

static void rowmap_add(struct rowmap *map, sqlite3_int64 id, void *object)
{
	size_t cap = map->cap;

	map->ids = xgrow(map->ids, sizeof(*map->ids), map->n + 1, &cap);
	map->objects = xgrow(map->objects, sizeof(*map->objects), map->n + 1, &map->cap);
	map->ids[map->n] = id;
	map->objects[map->n++] = object;
}

/* The object of rowid `id`, or NULL when that row is not there. */
static void *rowmap_get(const struct rowmap *map, sqlite3_int64 id)
{
	size_t lo = 0, hi = map->n;

	/* Rowids written in one go are consecutive: try the row's place first, so a large model
	 * does not pay a search (and its cache misses) for each of a million references. */
	if (map->n && id >= map->ids[0] && (sqlite3_uint64)(id - map->ids[0]) < map->n &&
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

/* The object of column `col`'s rowid, or NULL (a NULL column, or a row that is not there). */
static void *rowmap_find(const struct rowmap *map, sqlite3_stmt *st, int col)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return NULL;
	return rowmap_get(map, sqlite3_column_int64(st, col));
}

static void rowmap_release(struct rowmap *map)
{
	free(map->ids);
	free(map->objects);
}

/* The model is not opened: says why (what bad_row() said), naming the file. */
static int refused(struct db *db, const struct loading *ld, struct sw_error *err)
{
	if (!ld->why.len)
		return sw_error_at(err, db->path, 0, 0,
				   "the model file holds a value this version cannot read");
	return sw_error_at(err, db->path, 0, 0,
			   "%s; the model file was changed outside stridewalk and is not opened",
			   ld->why.buf);
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
			return refused(db, ld, err);
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

/*
 * Element `i`'s boundary, source and target, once every element is read: a reference may
 * name a row that comes later, and looking them up here costs SQLite no joins.
 */
static int element_refs(struct loading *ld, size_t i)
{
	static const char *const what[] = {"boundary", "source", "target"};
	struct element *e = ld->m->elements[i];
	const struct element_links *l = &ld->links[i];
	sqlite3_int64 row = ld->elements.ids[i];
	char **slot[] = {&e->boundary, &e->from, &e->to};
	int k;

	for (k = 0; k < 3; k++) {
		bool set = l->set & (1u << k);
		const struct element *to = set ? rowmap_get(&ld->elements, l->id[k]) : NULL;
		if (set && !to)
			return bad_row(
			    ld, "element row %lld ('%s') names %s row %lld, which does not exist",
			    (long long)row, e->id, what[k], (long long)l->id[k]);
		if (!set && k > 0 && e->kind == KIND_DATA_FLOW)
			return bad_row(ld, "flow row %lld ('%s') has no %s", (long long)row, e->id,
				       what[k]);
		if (!set)
			continue;
		if (k > 0 && e->kind != KIND_DATA_FLOW)
			return bad_row(ld, "element row %lld ('%s') is not a flow but has a %s",
				       (long long)row, e->id, what[k]);
		if ((k == 0) != (to->kind == KIND_TRUST_BOUNDARY))
			return bad_row(
			    ld, "element row %lld ('%s') has '%s' as its %s, which is a %s",
			    (long long)row, e->id, to->id, what[k], element_kind_name(to->kind));
		if (k > 0 && to->kind == KIND_DATA_FLOW)
			return bad_row(ld, "flow row %lld ('%s') has the flow '%s' as its %s",
				       (long long)row, e->id, to->id, what[k]);
		*slot[k] = strpool_dup(ld->m->strings, to->id);
	}
	return 0;
}

/* What an element row must be before it joins the model (its references are checked after). */
static int element_valid(struct loading *ld, sqlite3_stmt *st, enum element_kind *kind)
{
	sqlite3_int64 row = sqlite3_column_int64(st, 13);
	const char *slug = text(st, 0), *type = (const char *)sqlite3_column_text(st, 2), *why;

	if (!slug_valid(slug))
		return bad_row(ld, "element row %lld has the id '%s', which is not a valid id",
			       (long long)row, slug);
	if (element_kind_parse(text(st, 1), kind))
		return bad_row(ld, "element row %lld ('%s') has the unknown kind '%s'",
			       (long long)row, slug, text(st, 1));
	if (*kind != KIND_DATA_FLOW && *kind != KIND_TRUST_BOUNDARY &&
	    !catalog_type_fits(type, *kind, &why))
		return bad_row(ld,
			       "element row %lld ('%s') has the type '%s', which does not fit a %s",
			       (long long)row, slug, type ? type : "", element_kind_label(*kind));
	if (sqlite3_column_int(st, 6) && *kind != KIND_DATA_STORE)
		return bad_row(ld,
			       "element row %lld ('%s') is marked as a log but is not a data store",
			       (long long)row, slug);
	return 0;
}

static int element_row(struct loading *ld, sqlite3_stmt *st)
{
	static const int ref_cols[] = {5, 9, 10}; /* boundary_id, source_id, target_id */
	enum element_kind kind;
	struct element_links *l;
	struct element *e;
	int k;

	if (element_valid(ld, st, &kind))
		return -1;
	e = strpool_record(ld->m->strings, sizeof(*e));
	e->id = keep(ld, st, 0);
	e->kind = kind;
	e->type = keep(ld, st, 2);
	e->name = keep(ld, st, 3);
	e->description = keep(ld, st, 4);
	e->is_log = sqlite3_column_int(st, 6) != 0;
	e->out_of_scope = sqlite3_column_int(st, 7) != 0;
	e->out_of_scope_reason = keep(ld, st, 8);
	e->protocol = keep(ld, st, 11);
	e->bidirectional = sqlite3_column_int(st, 12) != 0;
	if (sqlite3_column_type(st, 14) != SQLITE_NULL) {
		e->origin = origin_new((const char *)sqlite3_column_text(st, 14),
				       sqlite3_column_int(st, 15),
				       (const char *)sqlite3_column_text(st, 16),
				       (const char *)sqlite3_column_text(st, 17),
				       (const char *)sqlite3_column_text(st, 18));
		if (*text(st, 19) && import_state_parse(text(st, 19), &e->origin->state)) {
			element_free(e);
			return bad_row(
			    ld, "element row %lld ('%s') has the unknown import state '%s'",
			    (long long)sqlite3_column_int64(st, 13), text(st, 0), text(st, 19));
		}
	}
	ld->links = xgrow(ld->links, sizeof(*ld->links), ld->elements.n + 1, &ld->links_cap);
	l = &ld->links[ld->elements.n];
	l->set = 0;
	for (k = 0; k < 3; k++) {
		l->id[k] = sqlite3_column_int64(st, ref_cols[k]);
		if (sqlite3_column_type(st, ref_cols[k]) != SQLITE_NULL)
			l->set |= 1u << k;
	}
	model_add_element(ld->m, e);
	rowmap_add(&ld->elements, sqlite3_column_int64(st, 13), e);
	return 0;
}

static int tag_row(struct loading *ld, sqlite3_stmt *st)
{
	struct element *e = rowmap_find(&ld->elements, st, 0);

	if (!e)
		return bad_row(ld, "a tag ('%s') names element row %lld, which does not exist",
			       text(st, 1), (long long)sqlite3_column_int64(st, 0));
	strlist_take(&e->tags, keep(ld, st, 1));
	return 0;
}

static int data_row(struct loading *ld, sqlite3_stmt *st)
{
	struct element *e = rowmap_find(&ld->elements, st, 0);

	if (!e)
		return bad_row(ld,
			       "a data item ('%s') names element row %lld, which does not exist",
			       text(st, 1), (long long)sqlite3_column_int64(st, 0));
	strlist_take(&e->data, keep(ld, st, 1));
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

/* What a threat row must be before it joins the model (its status is checked after). */
static int threat_valid(struct loading *ld, sqlite3_stmt *st, const struct element *e)
{
	const char *ref = text(st, 0);
	int l = sqlite3_column_int(st, 6), i = sqlite3_column_int(st, 7);

	if (!ref_valid(ref, 'T'))
		return bad_row(ld, "threat row %lld has the id '%s', which is not like T-0001",
			       (long long)sqlite3_column_int64(st, 14), ref);
	if (!e)
		return bad_row(ld, "threat '%s' names element row %lld, which does not exist", ref,
			       (long long)sqlite3_column_int64(st, 1));
	if (e->kind == KIND_TRUST_BOUNDARY)
		return bad_row(ld, "threat '%s' is on the trust boundary '%s'", ref, e->id);
	if (l < 1 || l > 5 || i < 1 || i > 5)
		return bad_row(ld, "threat '%s' has likelihood %d and impact %d (each 1 to 5)", ref,
			       l, i);
	return 0;
}

static int threat_status_valid(struct loading *ld, sqlite3_stmt *st, struct threat *t)
{
	if (threat_status_parse(text(st, 8), &t->status))
		return bad_row(ld, "threat '%s' has the unknown status '%s'", t->id, text(st, 8));
	if (threat_origin_parse(text(st, 10), &t->origin))
		return bad_row(ld, "threat '%s' has the unknown origin '%s'", t->id, text(st, 10));
	if (threat_status_needs_reason(t->status) && str_empty(t->justification))
		return bad_row(ld, "threat '%s' is %s without a justification", t->id,
			       threat_status_name(t->status));
	return 0;
}

static int threat_row(struct loading *ld, sqlite3_stmt *st)
{
	const struct element *e = rowmap_find(&ld->elements, st, 1);
	enum stride_letter letter;
	struct threat *t;
	unsigned extra;

	if (threat_valid(ld, st, e))
		return -1;
	if (stride_parse((const char *)sqlite3_column_text(st, 2), &letter) ||
	    letters_of((const char *)sqlite3_column_text(st, 3), &extra))
		return bad_row(ld,
			       "threat '%s' has the letters '%s%s', which are not STRIDE letters",
			       text(st, 0), text(st, 2), text(st, 3));
	t = strpool_record(ld->m->strings, sizeof(*t)); /* every field is set below */
	t->letter = letter;
	t->id = keep(ld, st, 0);
	t->element = strpool_dup(ld->m->strings, e->id);
	t->extra = extra & ~STRIDE_BIT(letter);
	t->title = keep(ld, st, 4);
	t->likelihood = sqlite3_column_int(st, 6);
	t->impact = sqlite3_column_int(st, 7);
	t->justification = keep(ld, st, 9);
	if (!ld->gate) { /* the gate prints none of these; its query leaves them NULL */
		t->description = keep(ld, st, 5);
		t->raised_by = keep(ld, st, 11);
		t->raised_at = keep(ld, st, 12);
		t->provenance = keep(ld, st, 13);
	}
	model_add_threat(ld->m, t);
	rowmap_add(&ld->threats, sqlite3_column_int64(st, 14), t);
	return threat_status_valid(ld, st, t);
}

/* The checks of a mitigation row that need no other row (the CI gate makes only these). */
static int mitigation_check(struct loading *ld, sqlite3_stmt *st, enum mitigation_status *status)
{
	const char *ref = text(st, 0), *due = (const char *)sqlite3_column_text(st, 6);

	if (!ref_valid(ref, 'M'))
		return bad_row(ld, "mitigation row %lld has the id '%s', which is not like M-0001",
			       (long long)sqlite3_column_int64(st, 8), ref);
	if (mitigation_status_parse(text(st, 3), status))
		return bad_row(ld, "mitigation '%s' has the unknown status '%s'", ref, text(st, 3));
	if (due && !date_valid(due))
		return bad_row(ld, "mitigation '%s' is due on '%s', which is not a date", ref, due);
	return 0;
}

/* The gate's reading of a mitigation: checked, and its rowid kept so links can be checked. */
static int mitigation_gate(struct loading *ld, sqlite3_stmt *st)
{
	static const char seen = 1; /* stands for a mitigation the gate does not build */
	enum mitigation_status status;

	if (mitigation_check(ld, st, &status))
		return -1;
	rowmap_add(&ld->mitigations, sqlite3_column_int64(st, 8), (void *)&seen);
	return 0;
}

static int mitigation_row(struct loading *ld, sqlite3_stmt *st)
{
	enum mitigation_status status;
	struct mitigation *mit;

	if (mitigation_check(ld, st, &status))
		return -1;
	mit = strpool_record(ld->m->strings, sizeof(*mit));
	mit->id = keep(ld, st, 0);
	mit->title = keep(ld, st, 1);
	mit->description = keep(ld, st, 2);
	mit->owner = keep(ld, st, 4);
	mit->ticket = keep(ld, st, 5);
	mit->due = keep(ld, st, 6);
	mit->verification = keep(ld, st, 7);
	model_add_mitigation(ld->m, mit);
	rowmap_add(&ld->mitigations, sqlite3_column_int64(st, 8), mit);
	mit->status = status;
	return 0;
}

/* The message the gate's reference check gives for the same link (gate_refs). */
static int link_missing(struct loading *ld, sqlite3_stmt *st, bool threat_missing)
{
	int by = threat_missing ? 0 : 1;

	return bad_row(
	    ld, "a link of %s row %lld names %s row %lld, which does not exist",
	    threat_missing ? "mitigation" : "threat", (long long)sqlite3_column_int64(st, by),
	    threat_missing ? "threat" : "mitigation", (long long)sqlite3_column_int64(st, 1 - by));
}

static int link_row(struct loading *ld, sqlite3_stmt *st)
{
	struct mitigation *mit = rowmap_find(&ld->mitigations, st, 0);
	const struct threat *t = rowmap_find(&ld->threats, st, 1);

	if (!mit || !t)
		return link_missing(ld, st, !t);
	strlist_take(&mit->threats, strpool_dup(ld->m->strings, t->id));
	return 0;
}

static int decision_row(struct loading *ld, sqlite3_stmt *st)
{
	const struct element *e = rowmap_find(&ld->elements, st, 0);
	struct decision *d;
	int rc;

	if (!e)
		return bad_row(ld,
			       "a coverage decision names element row %lld, which does not exist",
			       (long long)sqlite3_column_int64(st, 0));
	d = strpool_record(ld->m->strings, sizeof(*d));
	rc = stride_parse((const char *)sqlite3_column_text(st, 1), &d->letter) ||
	     cell_state_parse((const char *)sqlite3_column_text(st, 2), &d->state) ||
	     (d->state != CELL_NONE && d->state != CELL_NA);
	d->element = strpool_dup(ld->m->strings, e->id);
	d->reason = keep(ld, st, 3);
	d->who = keep(ld, st, 4);
	if (rc || model_decision(ld->m, e->id, d->letter)) {
		decision_free(d);
		return bad_row(
		    ld, "the coverage decision on '%s' letter '%s' (state '%s') is not valid",
		    e->id, text(st, 1), text(st, 2));
	}
	model_add_decision(ld->m, d);
	return 0;
}

static int answer_row(struct loading *ld, sqlite3_stmt *st)
{
	const struct element *e = rowmap_find(&ld->elements, st, 0);
	struct answer *a;

	if (!e)
		return bad_row(ld,
			       "an answer to %s/%s names element row %lld, which does not exist",
			       text(st, 1), text(st, 2), (long long)sqlite3_column_int64(st, 0));
	a = strpool_record(ld->m->strings, sizeof(*a));
	a->element = strpool_dup(ld->m->strings, e->id);
	a->questionnaire = keep(ld, st, 1);
	a->question = keep(ld, st, 2);
	a->value = keep(ld, st, 3);
	a->note = keep(ld, st, 4);
	a->who = keep(ld, st, 5);
	a->when = keep(ld, st, 6);
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

static int suggestion_decision_check(struct loading *ld, sqlite3_stmt *st)
{
	const char *decision = (const char *)sqlite3_column_text(st, 5);

	if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		return bad_row(ld,
			       "a suggestion decision on %s/%s names element row %lld, which does "
			       "not exist",
			       text(st, 1), text(st, 2), (long long)sqlite3_column_int64(st, 7));
	if (sqlite3_column_type(st, 8) != SQLITE_NULL && sqlite3_column_type(st, 6) == SQLITE_NULL)
		return bad_row(ld,
			       "a suggestion decision on %s/%s names threat row %lld, which does "
			       "not exist",
			       text(st, 1), text(st, 2), (long long)sqlite3_column_int64(st, 8));
	if (!str_eq(decision, "accepted") && !str_eq(decision, "skipped"))
		return bad_row(ld, "a suggestion decision on %s/%s is '%s' (accepted or skipped)",
			       text(st, 1), text(st, 2), text(st, 5));
	return 0;
}

static int suggestion_decision_row(struct loading *ld, sqlite3_stmt *st)
{
	const char *decision = (const char *)sqlite3_column_text(st, 5);
	struct suggestion_decision *d;

	if (suggestion_decision_check(ld, st))
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

static int item_check(struct loading *ld, sqlite3_stmt *st)
{
	bool parking = str_eq(text(st, 1), "parking");

	if (!ref_valid(text(st, 0), parking ? 'P' : 'Q'))
		return bad_row(ld, "open item row %lld has the id '%s', which is not like %s",
			       (long long)sqlite3_column_int64(st, 8), text(st, 0),
			       parking ? "P-0001" : "Q-0001");
	if (dangling(st, 9, sqlite3_column_text(st, 5)))
		return bad_row(ld, "open item '%s' names element row %lld, which does not exist",
			       text(st, 0), (long long)sqlite3_column_int64(st, 9));
	return 0;
}

static int item_row(struct loading *ld, sqlite3_stmt *st)
{
	bool parking = str_eq(text(st, 1), "parking");
	struct open_item *item;

	if (item_check(ld, st))
		return -1;
	item = xcalloc(1, sizeof(*item));
	item->id = db_column_dup(st, 0);
	item->kind = parking ? ITEM_PARKING : ITEM_QUESTION;
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
	struct participant *p;

	if (str_empty(text(st, 0)))
		return bad_row(ld, "participant row %lld has an empty name",
			       (long long)sqlite3_column_int64(st, 2));
	p = xcalloc(1, sizeof(*p));

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
		return bad_row(ld,
			       "a vote names participant row %lld and threat row %lld, one of "
			       "which does not exist",
			       (long long)sqlite3_column_int64(st, 0),
			       (long long)sqlite3_column_int64(st, 1));
	if (sqlite3_column_int(st, 2) < 1)
		return bad_row(ld, "a vote by '%s' for '%s' has %d dots", p->name, t->id,
			       sqlite3_column_int(st, 2));
	v = xcalloc(1, sizeof(*v));
	v->participant = xstrdup(p->name);
	v->threat = xstrdup(t->id);
	v->count = sqlite3_column_int(st, 2);
	model_add_vote(ld->m, v);
	return 0;
}

/*
 * `gate`: what the CI gate (DB_GATE_ONLY) does with each row: `row` for what it reads (votes
 * order its list, by participant), a check of the row alone for the rest, or nothing where
 * only references could be wrong (gate_references() looks at those). `gate_sql`, where there
 * is one, is the gate's query: NULL for the columns it neither prints nor checks, so the column
 * numbers stay those of `sql` and SQLite copies out less.
 */
typedef int (*row_fn)(struct loading *ld, sqlite3_stmt *st);
static const struct {
	const char *sql;
	row_fn row, gate;
	const char *gate_sql;
} loaders[] = {
    {"SELECT key, value FROM meta", meta_row, meta_row, NULL},
    {"SELECT slug, kind, type, name, description, boundary_id, is_log, out_of_scope,"
     " out_of_scope_reason, source_id, target_id, protocol, bidirectional, id, origin_file,"
     " origin_line, origin_resource, origin_type, origin_property, import_state FROM element"
     " ORDER BY id",
     element_row, element_row, NULL},
    {"SELECT element_id, tag FROM element_tag ORDER BY element_id, pos", tag_row, NULL, NULL},
    {"SELECT element_id, item FROM flow_data ORDER BY element_id, pos", data_row, NULL, NULL},
    {"SELECT text FROM assumption ORDER BY id", assumption_row, NULL, NULL},
    {"SELECT ref, element_id, letter, extra_letters, title, description, likelihood, impact,"
     " status, justification, origin, raised_by, raised_at, provenance, id"
     " FROM threat ORDER BY id",
     threat_row, threat_row,
     "SELECT ref, element_id, letter, extra_letters, title, NULL, likelihood, impact, status,"
     " justification, origin, NULL, NULL, NULL, id FROM threat ORDER BY id"},
    {"SELECT ref, title, description, status, owner, ticket, due, verification, id"
     " FROM mitigation ORDER BY id",
     mitigation_row, mitigation_gate,
     "SELECT ref, NULL, NULL, status, NULL, NULL, due, NULL, id FROM mitigation ORDER BY id"},
    /* In rowid order, each mitigation's list comes out in the order it was written. */
    {"SELECT mitigation_id, threat_id FROM threat_mitigation ORDER BY rowid", link_row, NULL, NULL},
    {"SELECT element_id, letter, state, reason, who FROM coverage ORDER BY rowid", decision_row,
     decision_row, NULL},
    {"SELECT element_id, questionnaire, question, value, note, who, answered_at, session_id,"
     " evidence_file, evidence_line, evidence_resource, evidence_property, evidence_value"
     " FROM answer ORDER BY rowid",
     answer_row, NULL, NULL},
    {"SELECT e.slug, d.questionnaire, d.question, d.answer, d.idx, d.decision, t.ref,"
     " d.element_id, d.threat_id FROM suggestion_decision d LEFT JOIN element e ON e.id = "
     "d.element_id"
     " LEFT JOIN threat t ON t.id = d.threat_id ORDER BY d.rowid",
     suggestion_decision_row, suggestion_decision_check, NULL},
    {"SELECT i.ref, i.kind, i.text, i.owner, i.due, e.slug, i.closed, i.resolution, i.id,"
     " i.element_id FROM open_item i"
     " LEFT JOIN element e ON e.id = i.element_id ORDER BY i.id",
     item_row, item_check, NULL},
    {"SELECT name, role, id FROM participant ORDER BY id", participant_row, participant_row, NULL},
    {"SELECT participant_id, threat_id, count FROM vote ORDER BY rowid", vote_row, vote_row, NULL},
};

/*
 * The references the CI gate does not follow row by row, and what each must name. A reference
 * is wrong exactly when its value lies below the first row of its table, above the last, or
 * in a gap that deleted rows left: `indexed` columns lead an index, so each of those ranges is
 * one search, and a large model pays a few lookups instead of a read of every row. A text
 * value sorts above every number, so "above the last" finds it too. `subject` names the row
 * that holds the reference, with its column `subject_col`.
 */
enum ref_parent { TO_ELEMENTS, TO_THREATS, TO_MITIGATIONS, TO_SESSIONS };
static const struct gate_ref {
	const char *table, *column;
	enum ref_parent parent;
	bool indexed;
	const char *subject, *subject_col;
} gate_refs[] = {
    {"threat_mitigation", "threat_id", TO_THREATS, true, "a link of mitigation row",
     "mitigation_id"},
    {"threat_mitigation", "mitigation_id", TO_MITIGATIONS, true, "a link of threat row",
     "threat_id"},
    {"element_tag", "element_id", TO_ELEMENTS, true, "element_tag row", "rowid"},
    {"flow_data", "element_id", TO_ELEMENTS, true, "flow_data row", "rowid"},
    {"answer", "element_id", TO_ELEMENTS, true, "answer row", "rowid"},
    {"answer", "session_id", TO_SESSIONS, false, "answer row", "rowid"},
    {"phase", "session_id", TO_SESSIONS, true, "phase row", "rowid"},
};

static const char *const parent_names[] = {"element", "threat", "mitigation", "session"};

/* The first row of `st` (bound already) names a row that does not exist: says which. */
static int ref_found(struct db *db, const struct gate_ref *ref, sqlite3_stmt *st,
		     struct sw_error *err)
{
	return sw_error_at(err, db->path, 0, 0,
			   "%s %lld names %s row %s, which does not exist; the model file was "
			   "changed outside stridewalk and is not opened",
			   ref->subject, (long long)sqlite3_column_int64(st, 0),
			   parent_names[ref->parent], (const char *)sqlite3_column_text(st, 1));
}

/* Runs the range query `st` for [lo, hi]; 1 when a row lies there (and *err says which). */
static int ref_range(struct db *db, const struct gate_ref *ref, sqlite3_stmt *st, sqlite3_int64 lo,
		     sqlite3_int64 hi, struct sw_error *err)
{
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, lo);
	sqlite3_bind_int64(st, 2, hi);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return ref_found(db, ref, st, err), 1;
	return rc == SQLITE_DONE ? 0 : (db_fail(db, "cannot read the model", err), 1);
}

/* One reference column against the rowids of its parent (ascending). */
static int ref_check(struct db *db, const struct gate_ref *ref, const struct rowmap *ids,
		     struct sw_error *err)
{
	struct sbuf sql = SBUF_INIT;
	sqlite3_stmt *range = NULL, *above = NULL;
	size_t i;
	int rc = -1;

	if (!ref->indexed) { /* one read of the table: outside the rowids' span, or in a gap */
		bool gaps =
		    ids->n > 0 && ids->ids[ids->n - 1] - ids->ids[0] != (sqlite3_int64)ids->n - 1;
		if (gaps)
			sbuf_addf(
			    &sql,
			    "SELECT %s, %s FROM %s WHERE %s NOT IN (SELECT id FROM %s) LIMIT 1",
			    ref->subject_col, ref->column, ref->table, ref->column,
			    parent_names[ref->parent]);
		else
			sbuf_addf(&sql,
				  "SELECT %s, %s FROM %s WHERE NOT (%s BETWEEN ?1 AND ?2) LIMIT 1",
				  ref->subject_col, ref->column, ref->table, ref->column);
		if ((range = db_prepare(db, sql.buf, err)))
			rc = ref_range(db, ref, range, ids->n ? ids->ids[0] : 1,
				       ids->n ? ids->ids[ids->n - 1] : 0, err)
				 ? -1
				 : 0;
		goto out;
	}
	sbuf_addf(&sql, "SELECT %s, %s FROM %s WHERE %s BETWEEN ?1 AND ?2 LIMIT 1",
		  ref->subject_col, ref->column, ref->table, ref->column);
	if (!(range = db_prepare(db, sql.buf, err)))
		goto out;
	sbuf_reset(&sql);
	sbuf_addf(&sql, "SELECT %s, %s FROM %s WHERE %s > ?1 LIMIT 1", ref->subject_col,
		  ref->column, ref->table, ref->column);
	if (!(above = db_prepare(db, sql.buf, err)))
		goto out;
	if (ids->n == 0) {
		if (ref_range(db, ref, range, INT64_MIN, INT64_MAX, err) ||
		    ref_range(db, ref, above, INT64_MAX, 0, err))
			goto out;
		rc = 0;
		goto out;
	}
	if (ids->ids[0] > INT64_MIN && ref_range(db, ref, range, INT64_MIN, ids->ids[0] - 1, err))
		goto out;
	for (i = 0; i + 1 < ids->n; i++)
		if (ids->ids[i + 1] - ids->ids[i] > 1 &&
		    ref_range(db, ref, range, ids->ids[i] + 1, ids->ids[i + 1] - 1, err))
			goto out;
	if (ref_range(db, ref, above, ids->ids[ids->n - 1], 0, err))
		goto out;
	rc = 0;
out:
	sqlite3_finalize(range);
	sqlite3_finalize(above);
	sbuf_release(&sql);
	return rc;
}

/*
 * The CI gate reads neither links, tags, flow data, answers nor phases, but a model whose
 * rows there name rows that do not exist must not pass it either.
 */
static int gate_references(struct db *db, struct loading *ld, struct sw_error *err)
{
	struct rowmap sessions = {0};
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM session ORDER BY id", err);
	size_t i;
	int rc = 0;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		rowmap_add(&sessions, sqlite3_column_int64(st, 0), NULL);
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? 0 : db_fail(db, "cannot read the model", err);
	for (i = 0; i < ARRAY_SIZE(gate_refs) && rc == 0; i++) {
		const struct rowmap *parents[] = {&ld->elements, &ld->threats, &ld->mitigations,
						  &sessions};
		rc = ref_check(db, &gate_refs[i], parents[gate_refs[i].parent], err);
	}
	rowmap_release(&sessions);
	return rc;
}

/* What only the whole model can tell: boundaries nested in themselves, answers' sessions. */
static int check_whole(struct db *db, const struct model *m, struct sw_error *err)
{
	size_t i, steps;

	for (i = 0; i < m->nelements; i++) {
		const struct element *b = m->elements[i], *e = b;
		bool cycle = false;
		if (b->kind != KIND_TRUST_BOUNDARY)
			continue;
		for (steps = 0; e && e->boundary && !cycle; steps++) {
			e = model_element(m, e->boundary);
			cycle = e == b || steps > m->nelements;
		}
		if (cycle)
			return sw_error_at(err, db->path, 0, 0,
					   "boundary '%s' is nested inside itself; the model file "
					   "was changed outside stridewalk and is not opened",
					   b->id);
	}
	for (i = 0; !db->gate_only && i < m->nanswers; i++)
		if (m->answers[i]->session && !model_session(m, m->answers[i]->session))
			return sw_error_at(err, db->path, 0, 0,
					   "the answer to %s/%s on '%s' names session %ld, which "
					   "does not exist; the model file was changed outside "
					   "stridewalk and is not opened",
					   m->answers[i]->questionnaire, m->answers[i]->question,
					   m->answers[i]->element, m->answers[i]->session);
	return 0;
}

/*
 * Room for every record at once: growing the arrays and their id maps as rows come costs a
 * large model more than counting them (SQLite counts a table by its pages, not its rows).
 */
static int reserve(struct db *db, struct model *m, struct sw_error *err)
{
	sqlite3_stmt *st = db_prepare(
	    db,
	    db->gate_only ? "SELECT (SELECT count(*) FROM element), (SELECT count(*) FROM threat), "
			    "(SELECT count(*) FROM coverage), 0, 0"
			  : "SELECT (SELECT count(*) FROM element), (SELECT count(*) FROM threat), "
			    "(SELECT count(*) FROM coverage), (SELECT count(*) FROM mitigation), "
			    "(SELECT count(*) FROM answer)",
	    err);
	struct model_sizes n;

	if (!st)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, "cannot read the model", err);
	}
	n.elements = (size_t)sqlite3_column_int64(st, 0);
	n.threats = (size_t)sqlite3_column_int64(st, 1);
	n.decisions = (size_t)sqlite3_column_int64(st, 2);
	n.mitigations = (size_t)sqlite3_column_int64(st, 3);
	n.answers = (size_t)sqlite3_column_int64(st, 4);
	sqlite3_finalize(st);
	model_reserve(m, &n);
	return 0;
}

int db_load(struct db *db, struct model **out, struct sw_error *err)
{
	struct model *m = model_new();
	struct loading ld = {.m = m, .gate = db->gate_only, .why = SBUF_INIT};
	size_t i;
	int rc = 0;

	*out = NULL;
	m->strings = strpool_new();
	m->loading = true;
	/* One read transaction, so another process's commit cannot tear the snapshot. */
	if (db_exec(db, "BEGIN", err)) {
		model_free(m);
		return -1;
	}
	rc = reserve(db, m, err);
	for (i = 0; i < ARRAY_SIZE(loaders) && rc == 0; i++) {
		row_fn row = db->gate_only ? loaders[i].gate : loaders[i].row;
		const char *sql =
		    db->gate_only && loaders[i].gate_sql ? loaders[i].gate_sql : loaders[i].sql;
		if (row)
			rc = each_row(db, &ld, sql, row, err);
	}
	for (i = 0; rc == 0 && i < m->nelements; i++)
		if (element_refs(&ld, i))
			rc = refused(db, &ld, err);
	if (rc == 0)
		rc = db->gate_only ? gate_references(db, &ld, err) : db_load_sessions(db, m, err);
	if (rc == 0)
		rc = check_whole(db, m, err);
	sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	sbuf_release(&ld.why);
	free(ld.links);
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
	m->loading = false;
	*out = m;
	return 0;
}
