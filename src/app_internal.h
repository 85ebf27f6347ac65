/* What the app_*.c files share: the transaction + audit wrapper. */
#ifndef SW_APP_INTERNAL_H
#define SW_APP_INTERNAL_H

#include "app.h"

typedef int (*app_write_fn)(struct app *app, const void *arg, struct sw_error *err);

/*
 * Runs `write` inside one transaction that also records one audit change (action, summary).
 * Returns 0 once committed; on any failure nothing is written and err says why.
 */
int app_change(struct app *app, const char *action, const char *summary, app_write_fn write,
	       const void *arg, struct sw_error *err);

/* Replaces the in-memory model with `fresh` (read back after a change the database cascaded). */
void app_set_model(struct app *app, struct model *fresh);

#endif
