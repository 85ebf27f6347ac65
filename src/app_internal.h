/* What the app_*.c files share: the transaction + audit + index wrapper. */
#ifndef SW_APP_INTERNAL_H
#define SW_APP_INTERNAL_H

#include "app.h"

/* Writes a change to the database, inside the transaction app_change() opened. */
typedef int (*app_write_fn)(struct app *app, const void *arg, struct sw_error *err);
/* Applies the committed change to app->model and brings app->index up to date with one
 * model_index_* update. Cannot fail: everything that could was checked before the write. */
typedef void (*app_apply_fn)(struct app *app, const void *arg);

/*
 * Runs `write` inside one transaction that also records one audit change (action, summary),
 * then `apply` (NULL: the database cascaded further than the model can follow, so the model is
 * read back). Returns 0 once committed and applied; on any failure nothing is written, nothing
 * applied, and err says why. Debug builds then check the index against a fresh build.
 */
int app_change(struct app *app, const char *action, const char *summary, app_write_fn write,
	       app_apply_fn apply, const void *arg, struct sw_error *err);

/* Puts a committed session (taken) into the model, in place of the one with its number. */
void app_put_session_in_model(struct model *m, struct session *s);
/* Picks up the running session's speaker and place, as app_keep_place kept them. */
void app_resume_room(struct app *app);

#endif
