/* Changing the diagram: adding, editing and deleting elements, flows and boundaries. */
#include <stdlib.h>

#include "app_internal.h"
#include "catalog.h"
#include "sbuf.h"
#include "util.h"

static int check_ref(const struct model *m, const char *id, bool boundary, const char *role,
		     struct sw_error *err)
{
	const struct element *t = model_element(m, id);

	if (!t)
		return sw_error(err, "%s '%s' does not exist", role, id);
	if (boundary != (t->kind == KIND_TRUST_BOUNDARY) ||
	    (!boundary && t->kind == KIND_DATA_FLOW))
		return sw_error(err, "%s '%s' is a %s", role, id, element_kind_label(t->kind));
	return 0;
}

/* Would making `e` a child of its boundary close a loop? */
static bool makes_cycle(const struct model *m, const struct element *e)
{
	const char *at = e->boundary;
	size_t steps = 0;

	while (at && steps++ <= m->nelements) {
		const struct element *b;
		if (str_eq(at, e->id))
			return true;
		b = model_element(m, at);
		at = b ? b->boundary : NULL;
	}
	return false;
}

static int check_element(const struct model *m, const struct element *e, struct sw_error *err)
{
	const char *why = NULL;

	if (!slug_valid(e->id))
		return sw_error(err, "id '%s' must be a lowercase slug: letters, digits and '-'",
				e->id);
	if (str_empty(e->name))
		return sw_error(err, "'%s' needs a name", e->id);
	if (e->boundary && check_ref(m, e->boundary, true, "boundary", err))
		return -1;
	if (e->kind == KIND_TRUST_BOUNDARY && makes_cycle(m, e))
		return sw_error(err, "boundary '%s' would be nested inside itself", e->id);
	if (e->kind == KIND_DATA_FLOW)
		return check_ref(m, e->from, false, "source", err) ||
			       check_ref(m, e->to, false, "target", err)
			   ? -1
			   : 0;
	if (e->kind != KIND_TRUST_BOUNDARY &&
	    !catalog_type_fits(e->type ? e->type : "", e->kind, &why))
		return sw_error(err, "type '%s' does not fit a %s: %s", e->type ? e->type : "",
				element_kind_label(e->kind), why);
	return 0;
}

static int write_element(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_element(app->db, arg, err);
}

/* An element moves the outline, the walk order and every position after it: build again. */
static void apply_element(struct app *app, const void *arg)
{
	model_put_element(app->model, element_dup(arg));
	model_index_build(&app->index, app->model);
}

int app_put_element(struct app *app, const struct element *e, struct sw_error *err)
{
	const struct element *old = model_element(app->model, e->id);
	struct sbuf summary = SBUF_INIT;
	int rc;

	if (old && old->kind != e->kind)
		return sw_error(err, "id '%s' is already used by a %s", e->id,
				element_kind_label(old->kind));
	if (check_element(app->model, e, err))
		return -1;
	sbuf_addf(&summary, "%s %s '%s'", old ? "edit" : "add", element_kind_label(e->kind), e->id);
	rc = app_change(app, old ? "edit-element" : "add-element", summary.buf, write_element,
			apply_element, e, err);
	sbuf_release(&summary);
	return rc;
}

static int write_delete(struct app *app, const void *arg, struct sw_error *err)
{
	return db_delete_element(app->db, arg, err);
}

int app_delete_element(struct app *app, const char *id, struct sw_error *err)
{
	const struct element *e = model_element(app->model, id);
	struct sbuf summary = SBUF_INIT;
	int rc;

	if (!e)
		return sw_error(err, "no element '%s'", id);
	sbuf_addf(&summary, "delete %s '%s'", element_kind_label(e->kind), id);
	/* The database cascades to flows, threats and answers: no apply, the model is read back. */
	rc = app_change(app, "delete-element", summary.buf, write_delete, NULL, id, err);
	sbuf_release(&summary);
	return rc;
}
