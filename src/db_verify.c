/*
 * A model file is untrusted input: anyone can hand over a .db with a trigger that rewrites
 * what the team captures, or a view that runs on every read. Before stridewalk reads or
 * writes a model, its schema is compared with the one stridewalk's own migrations create,
 * built afresh in an in-memory database: any table, index, view or trigger that is not
 * there, or whose definition differs, refuses the whole file.
 */
#include "db_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db_schema.h"
#include "sbuf.h"
#include "strlist.h"
#include "util.h"
#include "xalloc.h"

/* The tables SQLite itself may add to a model (ANALYZE, PRAGMA optimize), as it defines them. */
static const char *const sqlite_own[][2] = {
    {"sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"},
    {"sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"},
};

void db_harden(sqlite3 *h)
{
	/*
	 * Defensive: no writable_schema, no direct page writes, nothing that could corrupt the
	 * file on purpose. Untrusted schema: functions with side effects may not run from a
	 * view, trigger, index or CHECK in the file. Main-schema triggers and views are off
	 * altogether (the audit log uses TEMP triggers, which stay allowed).
	 */
	sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
	sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
	sqlite3_exec(h, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0", NULL, NULL, NULL);
}

/*
 * SQL as a comparable key: runs of white space become one space (none next to punctuation),
 * letters outside quotes are folded to lower case. SQLite keeps a CREATE statement as typed,
 * and ALTER TABLE edits that text, so two SQLite versions may space the same schema apart.
 */
static void normalise_sql(const char *sql, struct sbuf *out)
{
	char quote = 0;
	bool space = false;

	for (; sql && *sql; sql++) {
		unsigned char c = (unsigned char)*sql;
		if (quote) {
			sbuf_addch(out, (char)c);
			if (c == (unsigned char)quote)
				quote = 0;
			continue;
		}
		if (isspace(c)) {
			space = true;
			continue;
		}
		if (space && out->len && !strchr("(),;=", out->buf[out->len - 1]) &&
		    !strchr("(),;=", c))
			sbuf_addch(out, ' ');
		space = false;
		if (c == '\'' || c == '"' || c == '`' || c == '[')
			quote = c == '[' ? ']' : (char)c;
		sbuf_addch(out, (char)tolower(c));
	}
}

/* The objects of a schema: "type name" in keys, "tbl_name sql" at the same place in defs. */
struct schema {
	struct strlist keys, defs;
};

static void schema_add(struct schema *s, const char *type, const char *name, const char *tbl,
		       const char *sql)
{
	struct sbuf key = SBUF_INIT, def = SBUF_INIT;

	sbuf_addf(&key, "%s %s", type, name);
	sbuf_addf(&def, "%s ", tbl);
	normalise_sql(sql, &def);
	strlist_push(&s->keys, key.buf);
	strlist_push(&s->defs, def.buf);
	sbuf_release(&key);
	sbuf_release(&def);
}

/* The definition of "type name", or NULL when the schema has no such object. */
static const char *schema_def(const struct schema *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->keys.count; i++)
		if (str_eq(s->keys.items[i], key))
			return s->defs.items[i];
	return NULL;
}

static void schema_release(struct schema *s)
{
	strlist_clear(&s->keys);
	strlist_clear(&s->defs);
}

static int read_schema(sqlite3 *h, struct schema *out)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(h, "SELECT type, name, tbl_name, sql FROM main.sqlite_master", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		schema_add(out, (const char *)sqlite3_column_text(st, 0),
			   (const char *)sqlite3_column_text(st, 1),
			   (const char *)sqlite3_column_text(st, 2),
			   (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The schema the migrations up to `version` create, in a database of its own. */
static int expected_schema(long version, struct schema *out)
{
	sqlite3 *h = NULL;
	long v;
	size_t i;
	int rc = -1;

	if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) !=
	    SQLITE_OK)
		goto out;
	db_harden(h);
	for (v = 1; v <= version; v++)
		if (sqlite3_exec(h, db_schema_migration((int)v), NULL, NULL, NULL) != SQLITE_OK)
			goto out;
	rc = read_schema(h, out);
	for (i = 0; rc == 0 && i < ARRAY_SIZE(sqlite_own); i++)
		schema_add(out, "table", sqlite_own[i][0], sqlite_own[i][0], sqlite_own[i][1]);
out:
	sqlite3_close(h);
	return rc;
}

static int refuse(struct db *db, const char *key, const char *what, struct sw_error *err)
{
	const char *name = strchr(key, ' ');

	return sw_error_at(err, db->path, 0, 0,
			   "%.*s '%s' %s; the model file was changed outside stridewalk and is "
			   "not opened",
			   (int)(name - key), key, name + 1, what);
}

/* Refuses (with `err`) a schema `have` that is not `want`: an object more, less or different. */
static int compare(struct db *db, const struct schema *want, const struct schema *have,
		   struct sw_error *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < have->keys.count; i++) {
		const char *key = have->keys.items[i], *def = schema_def(want, key);
		if (!def)
			rc = refuse(db, key, "is not part of a stridewalk model", err);
		else if (!str_eq(def, have->defs.items[i]))
			rc =
			    refuse(db, key, "does not have the definition stridewalk gave it", err);
	}
	for (i = 0; rc == 0 && i < want->keys.count; i++) {
		const char *key = want->keys.items[i];
		if (!schema_def(have, key) && !str_starts_with(key, "table sqlite_stat"))
			rc = refuse(db, key, "is missing", err);
	}
	return rc;
}

/* The schema of this build's version as db_schema_known.c keeps it, already normalised. */
static void known_schema(struct schema *out)
{
	size_t i;

	for (i = 0; db_schema_known[i]; i += 2) {
		strlist_push(&out->keys, db_schema_known[i]);
		strlist_push(&out->defs, db_schema_known[i + 1]);
	}
}

int db_schema_expected_text(long version, struct sbuf *out)
{
	struct schema want = {STRLIST_INIT, STRLIST_INIT};
	size_t i;

	if (expected_schema(version, &want))
		return -1;
	for (i = 0; i < want.keys.count; i++)
		sbuf_addf(out, "%s\n%s\n", want.keys.items[i], want.defs.items[i]);
	schema_release(&want);
	return 0;
}

int db_verify_schema(struct db *db, long version, struct sw_error *err)
{
	struct schema want = {STRLIST_INIT, STRLIST_INIT}, have = {STRLIST_INIT, STRLIST_INIT};
	struct sw_error quiet = SW_ERROR_INIT;
	int rc = 0;

	if (read_schema(db->h, &have)) {
		schema_release(&have);
		return db_fail(db, "cannot read the model", err);
	}
	/*
	 * The usual case first: a model of this build's version, compared with the schema kept
	 * in the source, which saves building one afresh on every open. Anything else, or a
	 * SQLite that spells an altered table otherwise, takes the long way.
	 */
	if (version == db_schema_version()) {
		known_schema(&want);
		rc = compare(db, &want, &have, &quiet);
		sw_error_release(&quiet);
		schema_release(&want);
		if (rc == 0) {
			schema_release(&have);
			return 0;
		}
	}
	if (expected_schema(version, &want))
		rc = sw_error_at(err, db->path, 0, 0, "cannot build the schema to compare with");
	else
		rc = compare(db, &want, &have, err);
	schema_release(&want);
	schema_release(&have);
	return rc;
}
