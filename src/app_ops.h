/*
 * Application operations the workshop UI needs beyond app.h (app_ui_ops.c). Like every app_*
 * change: one transaction with one audit change, committed before app->model shows it.
 */
#ifndef SW_APP_OPS_H
#define SW_APP_OPS_H

#include "app.h"

/*
 * Makes a decided cell (none or n/a) pending again. The model is read back from the file
 * afterwards, so no pointer into the old decision survives. -1 with err when the cell has no
 * decision.
 */
int app_reopen_cell(struct app *app, const char *element, enum stride_letter letter,
		    struct sw_error *err);

#endif
