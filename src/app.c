/* The application service: open, the clock, and the transaction + audit wrapper every change uses. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

time_t app_now(void)
{
	const char *fixed = getenv("STRIDEWALK_NOW");
	struct tm tm;
	long secs;

	if (!fixed || !*fixed)
		return time(NULL);
	if (parse_int(fixed, 0, 253402300799L, &secs) == 0)
		return (time_t)secs;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(fixed, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
		   &tm.tm_min, &tm.tm_sec) >= 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		return timegm(&tm);
	}
	return time(NULL);
}

char *app_now_iso(void)
{
	time_t t = app_now();
	struct tm tm;
	char buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(buf);
}

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
	if (db_open(path, flags, &app->db, err)) {
		app_close(app);
		return -1;
	}
	/* Read before the load: a commit in between then looks like news, never like old news. */
	app->data_version = db_data_version(app->db);
	if (db_load(app->db, &app->model, err)) {
		app_close(app);
		return -1;
	}
	*out = app;
	return 0;
}

void app_close(struct app *app)
{
	if (!app)
		return;
	model_free(app->model);
	db_close(app->db);
	free(app->who);
	free(app);
}

void app_close_at_exit(struct app *app)
{
	if (!app)
		return;
	db_close(app->db);
	free(app->who);
	free(app);
}

void app_set_who(struct app *app, const char *who)
{
	if (str_empty(who))
		return;
	free(app->who);
	app->who = xstrdup(who);
}

void app_set_model(struct app *app, struct model *fresh)
{
	model_free(app->model);
	app->model = fresh;
	app->loads++;
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
	       const void *arg, struct sw_error *err)
{
	char *now = app_now_iso();
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
	rc = db_commit(app->db, err);
	if (rc == 0)
		app->data_version = db_data_version(app->db);
out:
	free(now);
	return rc;
}

static int write_model(struct app *app, const void *arg, struct sw_error *err)
{
	return db_store_model(app->db, arg, err);
}

int app_replace_model(struct app *app, struct model *incoming, const char *action,
		      const char *summary, struct sw_error *err)
{
	if (app_change(app, action, summary, write_model, incoming, err))
		return -1;
	app_set_model(app, incoming);
	return 0;
}

int app_undo(struct app *app, char **summary, struct sw_error *err)
{
	char *now = app_now_iso();
	int rc;

	*summary = NULL;
	rc = db_begin(app->db, err);
	if (rc == 0) {
		rc = db_undo(app->db, app->who, now, summary, err);
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
