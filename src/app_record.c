/* Changing what the workshop records besides threats, answers and people: open items, the name. */
#include <stdlib.h>

#include "app_internal.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static int write_item(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_item(app->db, arg, err);
}

static void apply_item(struct app *app, const void *arg)
{
	const struct open_item *item = arg;
	size_t i;

	model_index_touch(&app->index);
	for (i = 0; i < app->model->nitems; i++) {
		if (str_eq(app->model->items[i]->id, item->id)) {
			open_item_free(app->model->items[i]);
			app->model->items[i] = open_item_dup(item);
			return;
		}
	}
	model_add_item(app->model, open_item_dup(item));
}

int app_put_item(struct app *app, const struct open_item *item, struct sw_error *err)
{
	struct sbuf summary = SBUF_INIT;
	int rc;

	if (str_empty(item->text))
		return sw_error(err, "an open item needs text");
	if (item->element && !model_element(app->model, item->element))
		return sw_error(err, "no element '%s'", item->element);
	sbuf_addf(&summary, "%s %s: %s", item->kind == ITEM_PARKING ? "park" : "open question",
		  item->id, item->text);
	rc = app_change(app, "put-item", summary.buf, write_item, apply_item, item, err);
	sbuf_release(&summary);
	return rc;
}

static int write_meta(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_meta(app->db, arg, err);
}

static void apply_meta(struct app *app, const void *arg)
{
	const struct model *fields = arg;
	/* Copy before freeing: callers pass the model's own strings for what they keep as is. */
	char *name = xstrdup(fields->name), *description = xstrdup(fields->description);
	char *scope = xstrdup(fields->scope);

	free(app->model->name);
	free(app->model->description);
	free(app->model->scope);
	app->model->name = name;
	app->model->description = description;
	app->model->scope = scope;
	model_index_touch(&app->index);
}

int app_set_meta(struct app *app, const char *name, const char *description, const char *scope,
		 struct sw_error *err)
{
	struct model fields = {0};

	if (str_empty(name))
		return sw_error(err, "the system needs a name");
	fields.name = (char *)name;
	fields.description = (char *)description;
	fields.scope = (char *)scope;
	return app_change(app, "meta", "rename the system", write_meta, apply_meta, &fields, err);
}
