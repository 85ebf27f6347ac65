/*
 * The application service: opening a model, and the wrapper every change goes through — one
 * transaction, one audit change, then the change applied to the model and its index.
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "clock.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static char *default_who(void)
{
	const char *who = getenv("STRIDEWALK_USER");

	if (!who || !*who)
		who = getenv("USER");
	return xstrdup(who && *who ? who : "unknown");
}

int app_open(const char *path, unsigned flags, struct app **out, struct sw_error *err)
{
	struct app *app = xcalloc(1, sizeof(*app));

	*out = NULL;
	app->who = default_who();
	if (db_open(path, flags & ~APP_READ_ONCE, &app->db, err)) {
		app_close(app);
		return -1;
	}
	/* Read before the load: a commit in between then looks like news, never like old news. */
	app->data_version = db_data_version(app->db);
	if (db_load(app->db, &app->model, err)) {
		app_close(app);
		return -1;
	}
	if (!(flags & APP_READ_ONCE)) {
		model_index_build(&app->index, app->model);
		app_resume_room(app);
	}
	*out = app;
	return 0;
}

void app_close(struct app *app)
{
	if (!app)
		return;
	app_save_room(app);
	model_index_release(&app->index);
	model_free(app->model);
	db_close(app->db);
	free(app->who);
	free(app->speaker);
	db_room_release(&app->room);
	free(app);
}

void app_close_at_exit(struct app *app)
{
	if (!app)
		return;
	app_save_room(app);
	db_close(app->db);
	free(app->who);
	free(app->speaker);
	db_room_release(&app->room);
	free(app);
}

const char *app_credit(const struct app *app)
{
	const struct session *s = model_current_session(app->model);

	if (app->speaker)
		return app->speaker;
	return s ? s->facilitator : NULL;
}

void app_set_who(struct app *app, const char *who)
{
	if (str_empty(who))
		return;
	free(app->who);
	app->who = xstrdup(who);
}

/*
 * The self-check of debug builds: the index an operation kept up to date must equal one built
 * from scratch. A difference is a bug in that operation's update, caught where it happened.
 */
static void check_index(struct app *app, const char *action)
{
#ifndef NDEBUG
	struct sbuf why = SBUF_INIT;

	if (model_index_verify(&app->index, app->model, &why))
		return;
	fprintf(stderr,
		"stridewalk: internal error: after '%s' the derived index differs from the "
		"model in %s\n",
		action, why.buf);
	abort();
#else
	(void)app;
	(void)action;
#endif
}

static void app_set_model(struct app *app, struct model *fresh)
{
	model_free(app->model);
	app->model = fresh;
	model_index_build(&app->index, fresh);
}

static int reload(struct app *app, struct sw_error *err)
{
	long version = db_data_version(app->db); /* before the load, as in app_open */
	struct model *m;

	if (db_load(app->db, &m, err))
		return -1;
	app_set_model(app, m);
	app->data_version = version;
	return 0;
}

int app_refresh(struct app *app, struct sw_error *err)
{
	if (db_data_version(app->db) == app->data_version)
		return 0;
	return reload(app, err) ? -1 : 1;
}

int app_change(struct app *app, const char *action, const char *summary, app_write_fn write,
	       app_apply_fn apply, const void *arg, struct sw_error *err)
{
	char *now = clock_now_iso();
	int rc = -1;

	if (db_begin(app->db, err))
		goto out;
	/*
	 * Under the write lock: when another process committed after our copy was read, this
	 * operation was worked out on stale data (a new threat's id may be taken by now), so it
	 * is refused rather than allowed to overwrite someone else's work.
	 */
	if (db_data_version(app->db) != app->data_version) {
		db_rollback(app->db);
		reload(app, NULL);
		sw_error(err, "another stridewalk changed the model a moment ago; nothing was "
			      "saved: look at the refreshed model and do it again");
		goto out;
	}
	if (db_change_begin(app->db, app->who, now, action, summary, err) || write(app, arg, err)) {
		db_rollback(app->db);
		goto out;
	}
	app_save_room(app); /* a place the room moved to goes with the change (not undone by it) */
	if (db_commit(app->db, err))
		goto out;
	app->data_version = db_data_version(app->db);
	if (apply)
		apply(app, arg);
	else if (reload(app, err))
		goto out;
	check_index(app, action);
	rc = 0;
out:
	free(now);
	return rc;
}

/* A model that replaces the app's, with its index: built once, for the checks and the app. */
struct replacement {
	struct model *model;
	struct model_index index;
};

static int write_model(struct app *app, const void *arg, struct sw_error *err)
{
	return db_store_model(app->db, ((const struct replacement *)arg)->model, err);
}

static void apply_model(struct app *app, const void *arg)
{
	struct replacement *r = (struct replacement *)arg; /* app_replace_model's to give */

	model_free(app->model);
	app->model = r->model;
	model_index_release(&app->index);
	app->index = r->index;
}

int app_replace_model(struct app *app, struct model *incoming, const char *action,
		      const char *summary, struct sw_error *err)
{
	struct replacement r = {incoming, MODEL_INDEX_INIT};
	int rc;

	r.index.generation = app->index.generation; /* the build makes it newer than the app's */
	model_index_build(&r.index, incoming);
	rc = app_check_votes(incoming, &r.index, err);
	if (rc == 0)
		rc = app_change(app, action, summary, write_model, apply_model, &r, err);
	if (rc)
		model_index_release(&r.index);
	return rc;
}

typedef int (*history_fn)(struct db *db, const char *who, const char *at, char **summary,
			  struct sw_error *err);

/* Undo and redo replay rows of the audit log generically: the model is read back after. */
static int step_history(struct app *app, history_fn step, char **summary, struct sw_error *err)
{
	char *now = clock_now_iso();
	int rc;

	*summary = NULL;
	rc = db_begin(app->db, err);
	if (rc == 0) {
		rc = step(app->db, app->who, now, summary, err);
		if (rc == 0)
			rc = db_commit(app->db, err);
		else
			db_rollback(app->db);
	}
	free(now);
	if (rc == 0 && reload(app, err))
		return -1;
	return rc;
}

int app_undo(struct app *app, char **summary, struct sw_error *err)
{
	return step_history(app, db_undo, summary, err);
}

int app_redo(struct app *app, char **summary, struct sw_error *err)
{
	return step_history(app, db_redo, summary, err);
}
