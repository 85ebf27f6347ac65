/* The model file: creation with mode 0600, migrations with a backup, refusing what is not ours,
 * the audit log, and undo. */
#include "testlib.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "db.h"
#include "db_internal.h"
#include "db_schema.h"
#include "strpool.h"
#include "xalloc.h"
#include "sbuf.h"
#include "system_yaml.h"

static char *dir;

static int setup(void **state)
{
	dir = test_tmpdir();
	return 0;
}

static int teardown(void **state)
{
	free(dir);
	return 0;
}

static void expect_open_error(const char *path, unsigned flags, const char *suffix)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf got = SBUF_INIT, want = SBUF_INIT;
	struct db *db = NULL;

	assert_int_equal(db_open(path, flags, &db, &err), -1);
	assert_null(db);
	sw_error_format(&err, &got);
	sbuf_addf(&want, "%s: %s", path, suffix);
	assert_string_equal(got.buf, want.buf);
	sw_error_release(&err);
	sbuf_release(&got);
	sbuf_release(&want);
}

/* Writes a raw SQLite file with the given schema version and application id. */
static void make_raw(const char *path, int version, int app_id, bool with_schema)
{
	struct sbuf sql = SBUF_INIT;
	sqlite3 *h;
	int v;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	for (v = 1; with_schema && v <= version; v++)
		assert_int_equal(sqlite3_exec(h, db_schema_migration(v), NULL, NULL, NULL),
				 SQLITE_OK);
	/* without the real schema, any table, so that the file is a database at all */
	sbuf_addf(&sql, "%s PRAGMA user_version = %d; PRAGMA application_id = %d;",
		  with_schema ? "" : "CREATE TABLE IF NOT EXISTS x (y);", version, app_id);
	assert_int_equal(sqlite3_exec(h, sql.buf, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	sbuf_release(&sql);
}

static void test_created_private(void **state)
{
	char *path = test_path(dir, "private.db");
	struct db *db = NULL;
	struct stat st;

	umask(022);
	assert_int_equal(db_open(path, DB_CREATE, &db, NULL), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	db_close(db);
	free(path);
}

static int synchronous_level(struct db *db)
{
	sqlite3_stmt *st;
	int level;

	assert_int_equal(sqlite3_prepare_v2(db->h, "PRAGMA synchronous", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	level = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return level;
}

/* The room's place is kept without waiting for the disk; the model's work still waits. */
static void test_room_kept_then_work_waits_for_disk(void **state)
{
	char *path = test_path(dir, "room.db");
	struct db_room room = {1, "Zoë", "orders-fn", 'T'}, back;
	struct db *db = NULL;

	assert_int_equal(db_open(path, DB_CREATE, &db, NULL), 0);
	assert_int_equal(synchronous_level(db), 2); /* FULL */
	assert_int_equal(sqlite3_exec(db->h,
				      "INSERT INTO session (id, started_at) VALUES "
				      "(1, '2026-06-01T10:00:00Z')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(db_put_room(db, &room, NULL), 0);
	assert_int_equal(synchronous_level(db), 2);
	db_close(db);
	assert_int_equal(db_open(path, 0, &db, NULL), 0);
	assert_int_equal(db_get_room(db, 1, &back, NULL), 0);
	assert_string_equal(back.speaker, "Zoë");
	assert_string_equal(back.element, "orders-fn");
	assert_int_equal(back.letter, 'T');
	db_room_release(&back);
	db_close(db);
	free(path);
}

static void test_migrates_older_with_backup(void **state)
{
	char *path = test_path(dir, "old.db"), *backup = test_path(dir, "old.db.v1.bak");
	struct sw_error err = SW_ERROR_INIT;
	struct app *app = NULL;
	struct stat st;
	sqlite3 *h;
	sqlite3_stmt *q;

	make_raw(path, 1, 0x53574C4B, true);
	assert_int_equal(app_open(path, 0, &app, &err), 0);
	assert_string_equal(db_backup_path(app->db), backup);
	app_close(app);
	assert_int_equal(stat(backup, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), db_schema_version());
	sqlite3_finalize(q);
	/* the table version 2 added exists now */
	assert_int_equal(sqlite3_exec(h, "SELECT count(*) FROM review", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	/* the backup is still version 1 */
	assert_int_equal(sqlite3_open(backup, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	sqlite3_close(h);
	free(path);
	free(backup);
}

/* A version 2 model keeps its rows through migrations 3 and 4; origins and evidence then store. */
static void test_migrates_v2_then_keeps_origins(void **state)
{
	char *path = test_path(dir, "v2.db");
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL, *again = NULL;
	struct element *e;
	struct answer *a;
	struct db *db = NULL;
	sqlite3 *h;

	make_raw(path, 2, 0x53574C4B, true);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(h,
			 "INSERT INTO element (slug, kind, type, name) VALUES "
			 "('fn', 'process', 'aws.lambda', 'Function');"
			 "INSERT INTO answer (element_id, questionnaire, question, value, who) "
			 "VALUES (1, 'identity', 'role-per-function', 'no', 'Sam');",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(db_open(path, 0, &db, &err), 0);
	assert_int_equal(db_load(db, &m, &err), 0);
	assert_null(m->elements[0]->origin);
	assert_null(m->answers[0]->evidence);
	assert_string_equal(m->answers[0]->who, "Sam");
	/* an origin and an evidence record go in and come back */
	e = m->elements[0];
	e->origin = origin_new("template.yaml", 44, "Fn", "AWS::Lambda::Function", NULL);
	e->origin->state = IMPORT_NEW;
	a = m->answers[0];
	a->evidence = evidence_new("template.yaml", 47, "Fn", "Role: shared by Fn, Other", "no");
	assert_int_equal(db_begin(db, &err), 0);
	assert_int_equal(db_store_model(db, m, &err), 0);
	assert_int_equal(db_commit(db, &err), 0);
	assert_int_equal(db_load(db, &again, &err), 0);
	assert_true(origin_equal(again->elements[0]->origin, e->origin));
	assert_true(evidence_equal(again->answers[0]->evidence, a->evidence));
	/* and through the single-row store the UI uses */
	again->elements[0]->origin->state = IMPORT_REMOVED;
	free_unless_pooled(again->answers[0]->value); /* a loaded model's string: in its pool */
	again->answers[0]->value = strdup("yes");
	assert_int_equal(db_begin(db, &err), 0);
	assert_int_equal(db_put_element(db, again->elements[0], &err), 0);
	assert_int_equal(db_put_answer(db, again->answers[0], &err), 0);
	assert_int_equal(db_commit(db, &err), 0);
	model_free(m);
	assert_int_equal(db_load(db, &m, &err), 0);
	assert_int_equal(m->elements[0]->origin->state, IMPORT_REMOVED);
	assert_true(answer_overruled(m->answers[0]));
	assert_string_equal(m->answers[0]->evidence->value, "no");
	model_free(m);
	model_free(again);
	db_close(db);
	sw_error_release(&err);
	free(path);
}

/*
 * The schema stridewalk checks a model against comes from the migrations themselves: a model
 * made by any prefix of them opens (and is brought up to date), whatever migrations are added.
 */
static void test_every_version_opens(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf name = SBUF_INIT;
	struct app *app = NULL;
	int v;

	for (v = 1; v <= db_schema_version(); v++) {
		char *path;
		sbuf_reset(&name);
		sbuf_addf(&name, "version-%d.db", v);
		path = test_path(dir, name.buf);
		make_raw(path, v, 0x53574C4B, true);
		if (app_open(path, 0, &app, &err)) {
			struct sbuf msg = SBUF_INIT;
			sw_error_format(&err, &msg);
			fail_msg("a model of version %d does not open: %s", v, msg.buf);
		}
		app_close(app);
		app = NULL;
		free(path);
	}
	sbuf_release(&name);
}

/* Planted in an older model: refused before the migration writes its backup or anything else. */
static void test_refuses_planted_trigger_before_migrating(void **state)
{
	char *path = test_path(dir, "planted.db"), *backup = test_path(dir, "planted.db.v1.bak");
	struct stat st;
	sqlite3 *h;

	make_raw(path, 1, 0x53574C4B, true);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
				      "CREATE TRIGGER quiet AFTER INSERT ON threat BEGIN "
				      "UPDATE threat SET likelihood = 1; END",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	expect_open_error(path, 0,
			  "trigger 'quiet' is not part of a stridewalk model; the model file was "
			  "changed outside stridewalk and is not opened");
	assert_int_not_equal(stat(backup, &st), 0);
	free(path);
	free(backup);
}

static void test_refuses_newer(void **state)
{
	char *path = test_path(dir, "new.db");
	struct sbuf want = SBUF_INIT;

	make_raw(path, 99, 0x53574C4B, false);
	sbuf_addf(&want,
		  "was written by a newer stridewalk (model version 99; this version reads up "
		  "to %d); upgrade stridewalk to open it",
		  db_schema_version());
	expect_open_error(path, 0, want.buf);
	sbuf_release(&want);
	free(path);
}

static void test_refuses_foreign_files(void **state)
{
	char *empty = test_path(dir, "empty.db"), *text = test_path(dir, "notes.db");
	char *other = test_path(dir, "other.db");

	test_write(empty, "");
	expect_open_error(empty, DB_CREATE, "is an empty file, not a stridewalk model");
	test_write(text, "this is not a database, just some text that is long enough to fill a "
			 "whole SQLite header of a hundred bytes and then some more words");
	expect_open_error(text, 0, "is not a stridewalk model (not a SQLite file)");
	make_raw(other, 0, 0, false);
	expect_open_error(other, 0, "is a SQLite database but not a stridewalk model");
	expect_open_error(dir, 0, "is a directory, expected a model file");
	free(empty);
	free(text);
	free(other);
}

static void test_new_refuses_existing(void **state)
{
	char *path = test_path(dir, "exists.db");
	struct db *db = NULL;

	assert_int_equal(db_open(path, DB_CREATE, &db, NULL), 0);
	db_close(db);
	expect_open_error(path, DB_NEW, "already exists; choose another file name");
	free(path);
}

static int count_rows(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *q;
	int n;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(h);
	return n;
}

static void test_audit_and_undo(void **state)
{
	char *path = test_path(dir, "audit.db"), *summary = NULL, *id = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct element *fn = element_new("fn", KIND_PROCESS);
	struct app *app = NULL;

	fn->type = strdup("aws.lambda");
	fn->name = strdup("Function");
	assert_int_equal(app_open(path, DB_CREATE, &app, &err), 0);
	app_set_who(app, "Priya");
	assert_int_equal(app_put_element(app, fn, &err), 0);
	assert_int_equal(app_add_threat(app, "fn", STRIDE_S, "Forged caller", "Sam", &id, &err), 0);
	assert_string_equal(id, "T-0001");
	assert_int_equal(app_decide(app, "fn", STRIDE_T, CELL_NONE, "code signing", &err), 0);
	assert_int_equal(count_rows(path, "SELECT count(*) FROM change WHERE who = 'Priya'"), 3);
	assert_int_equal(count_rows(path, "SELECT count(*) FROM change_row WHERE tbl = 'threat' "
					  "AND before IS NULL AND after LIKE '%Forged caller%'"),
			 1);
	/* undo the decision, then the threat: the element stays */
	assert_int_equal(app_undo(app, &summary, &err), 0);
	assert_string_equal(summary, "mark fn T as none");
	free(summary);
	assert_null(model_decision(app->model, "fn", STRIDE_T));
	assert_int_equal(app_undo(app, &summary, &err), 0);
	free(summary);
	assert_null(model_threat(app->model, "T-0001"));
	assert_non_null(model_element(app->model, "fn"));
	app_close(app);
	/* undone changes stay undone after reopening */
	assert_int_equal(app_open(path, 0, &app, &err), 0);
	assert_int_equal(app->model->nthreats, 0);
	app_close(app);
	element_free(fn);
	free(id);
	free(path);
}

static void test_undo_restores_cascade(void **state)
{
	char *path = test_path(dir, "cascade.db"), *summary = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;
	struct app *app = NULL;

	assert_int_equal(app_open(path, DB_CREATE, &app, &err), 0);
	assert_int_equal(app_delete_element(app, "payslip-fn", &err), -1); /* nothing yet */
	sw_error_release(&err);
	assert_int_equal(system_yaml_load("../templates/demo-hr-workshop.yaml", &m, &err), 0);
	assert_int_equal(app_replace_model(app, m, "import", "demo", &err), 0);
	assert_int_equal(app_put_participant(app, &(struct participant){"Jo", "architect"}, &err),
			 0);
	{
		size_t before_elements = app->model->nelements,
		       before_threats = app->model->nthreats;
		const char *victim = app->model->threats[0]->element;
		char *keep = strdup(victim);
		assert_int_equal(app_delete_element(app, keep, &err), 0);
		assert_true(app->model->nthreats < before_threats);
		assert_int_equal(app_undo(app, &summary, &err), 0);
		assert_int_equal(app->model->nelements, before_elements);
		assert_int_equal(app->model->nthreats, before_threats);
		free(keep);
	}
	free(summary);
	app_close(app);
	free(path);
}

/* A whole model stored at once: references to elements listed before and after come back. */
static void test_store_keeps_references_either_way(void **state)
{
	char *path = test_path(dir, "refs.db");
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = model_new();
	struct element *fn = element_new("fn", KIND_PROCESS), *vpc, *flow, *caller;
	struct app *app = NULL;

	(void)state;
	fn->type = xstrdup("aws.lambda");
	fn->name = xstrdup("Function");
	fn->boundary = xstrdup("vpc"); /* the boundary comes after it */
	model_add_element(m, fn);
	flow = element_new("call", KIND_DATA_FLOW);
	flow->name = xstrdup("Call");
	flow->from = xstrdup("caller"); /* so does one end of this flow */
	flow->to = xstrdup("fn");
	model_add_element(m, flow);
	vpc = element_new("vpc", KIND_TRUST_BOUNDARY);
	vpc->name = xstrdup("VPC");
	model_add_element(m, vpc);
	caller = element_new("caller", KIND_EXTERNAL_ENTITY);
	caller->type = xstrdup("generic.user");
	caller->name = xstrdup("Caller");
	caller->boundary = xstrdup("vpc"); /* and this one came before */
	model_add_element(m, caller);
	assert_int_equal(app_open(path, DB_CREATE, &app, &err), 0);
	if (app_replace_model(app, m, "import", "refs", &err))
		fail_msg("%s", err.msg);
	app_close(app);
	assert_int_equal(app_open(path, DB_READONLY, &app, &err), 0);
	assert_string_equal(model_element(app->model, "fn")->boundary, "vpc");
	assert_string_equal(model_element(app->model, "call")->from, "caller");
	assert_string_equal(model_element(app->model, "call")->to, "fn");
	assert_string_equal(model_element(app->model, "caller")->boundary, "vpc");
	app_close(app);
	free(path);
}

/* Names the room could not tell apart are one person: a second "jo" beside Jo is refused. */
static void test_participants_alike_are_refused(void **state)
{
	char *path = test_path(dir, "alike.db");
	struct sw_error err = SW_ERROR_INIT;
	struct app *app = NULL;

	(void)state;
	assert_int_equal(app_open(path, DB_CREATE, &app, &err), 0);
	assert_int_equal(app_put_participant(app, &(struct participant){"Jo", NULL}, &err), 0);
	assert_int_equal(app_put_participant(app, &(struct participant){"José", NULL}, &err), 0);
	assert_int_equal(app_put_participant(app, &(struct participant){"jo", "developer"}, &err),
			 -1);
	assert_non_null(strstr(err.msg, "already here as 'Jo'"));
	sw_error_release(&err);
	assert_int_equal(app_rename_participant(app, "José", "jose", &err), 0); /* their own */
	assert_int_equal(app_rename_participant(app, "jose", "JO", &err), -1);
	sw_error_release(&err);
	assert_int_equal(app->model->nparticipants, 2);
	assert_non_null(model_participant(app->model, "jose"));
	app_close(app);
	free(path);
}

/* C for the table of db_schema_known.c: the strings of `text`, one line each. */
static void known_table(const char *text, struct sbuf *out)
{
	const char *p;

	sbuf_addstr(
	    out, "/*\n * This build's model schema as db_verify_schema() compares it: \"type "
		 "name\" and\n"
		 " * its normalised definition in turn. Made by tests/unit/test_db.c, which fails\n"
		 " * when the migrations change it (it writes the new table for this file).\n */\n"
		 "#include \"db_internal.h\"\n\n"
		 "const char *const db_schema_known[] = {\n");
	for (p = text; *p;) {
		const char *end = strchr(p, '\n');
		sbuf_addstr(out, "    \"");
		for (; p < end; p++) {
			if (*p == '"' || *p == '\\')
				sbuf_addch(out, '\\');
			sbuf_addch(out, *p);
		}
		sbuf_addstr(out, "\",\n");
		p = end + 1;
	}
	sbuf_addstr(out, "    NULL,\n};\n");
}

/* The schema kept in the source is the one the migrations make, so opening can trust it. */
static void test_known_schema_is_current(void **state)
{
	struct sbuf want = SBUF_INIT, have = SBUF_INIT, c = SBUF_INIT;
	size_t i;

	assert_int_equal(db_schema_expected_text(db_schema_version(), &want), 0);
	for (i = 0; db_schema_known[i]; i += 2)
		sbuf_addf(&have, "%s\n%s\n", db_schema_known[i], db_schema_known[i + 1]);
	if (strcmp(want.buf, have.buf) != 0) {
		char *path = test_path(dir, "db_schema_known.c");
		FILE *f = fopen(path, "w");
		known_table(want.buf, &c);
		if (f) {
			fputs(c.buf, f);
			fclose(f);
		}
		fail_msg("src/db_schema_known.c is not the schema the migrations make: copy %s "
			 "over it",
			 path);
	}
	sbuf_release(&want);
	sbuf_release(&have);
	sbuf_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_created_private),
	    cmocka_unit_test(test_room_kept_then_work_waits_for_disk),
	    cmocka_unit_test(test_migrates_older_with_backup),
	    cmocka_unit_test(test_migrates_v2_then_keeps_origins),
	    cmocka_unit_test(test_every_version_opens),
	    cmocka_unit_test(test_refuses_planted_trigger_before_migrating),
	    cmocka_unit_test(test_refuses_newer),
	    cmocka_unit_test(test_refuses_foreign_files),
	    cmocka_unit_test(test_new_refuses_existing),
	    cmocka_unit_test(test_audit_and_undo),
	    cmocka_unit_test(test_undo_restores_cascade),
	    cmocka_unit_test(test_store_keeps_references_either_way),
	    cmocka_unit_test(test_participants_alike_are_refused),
	    cmocka_unit_test(test_known_schema_is_current),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
