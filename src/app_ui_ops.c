/* The UI's own application operations (see app_ops.h). */
#include "app_ops.h"

#include <stdlib.h>

#include "app_internal.h"
#include "sbuf.h"

struct cell {
	const char *element;
	enum stride_letter letter;
};

static int write_reopen(struct app *app, const void *arg, struct sw_error *err)
{
	const struct cell *c = arg;

	return db_delete_decision(app->db, c->element, c->letter, err);
}

int app_reopen_cell(struct app *app, const char *element, enum stride_letter letter,
		    struct sw_error *err)
{
	struct cell c = {element, letter};
	struct sbuf summary = SBUF_INIT;
	struct model *fresh;
	int rc;

	if (!model_decision(app->model, element, letter))
		return sw_error(err, "%c on '%s' has no none or n/a decision to reopen",
				stride_char(letter), element);
	sbuf_addf(&summary, "reopen %s %c", element, stride_char(letter));
	rc = app_change(app, "decide", summary.buf, write_reopen, &c, err);
	sbuf_release(&summary);
	if (rc || db_load(app->db, &fresh, err))
		return -1;
	model_free(app->model);
	app->model = fresh;
	return 0;
}
