/* The outline of the diagram (outline.h). */
#include "outline.h"

#include "util.h"
#include "xalloc.h"

struct outline {
	struct outline_row *rows;
	size_t n, cap;
};

static void outline_push(struct outline *o, enum outline_kind kind, const struct model *m,
			 size_t index, int depth)
{
	o->rows = xgrow(o->rows, sizeof(*o->rows), o->n + 1, &o->cap);
	o->rows[o->n].kind = kind;
	o->rows[o->n].element = m && index < m->nelements ? m->elements[index] : NULL;
	o->rows[o->n].index = index;
	o->rows[o->n].depth = depth;
	o->n++;
}

static bool is_node(const struct element *e)
{
	return e->kind != KIND_TRUST_BOUNDARY && e->kind != KIND_DATA_FLOW;
}

/* A boundary's heading, its own elements, then its nested boundaries, depth first. */
static void outline_boundary(struct outline *o, const struct model *m, size_t at, int depth)
{
	const struct element *b = m->elements[at];
	size_t i;

	if (depth > 16)
		return; /* app_put_element refuses loops; this only guards a damaged file */
	outline_push(o, OUTLINE_BOUNDARY, m, at, depth);
	for (i = 0; i < m->nelements; i++)
		if (is_node(m->elements[i]) && str_eq(m->elements[i]->boundary, b->id))
			outline_push(o, OUTLINE_ELEMENT, m, i, depth + 1);
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY && str_eq(e->boundary, b->id))
			outline_boundary(o, m, i, depth + 1);
	}
}

static bool boundary_known(const struct model *m, const char *id)
{
	const struct element *b = id ? model_element(m, id) : NULL;

	return b && b->kind == KIND_TRUST_BOUNDARY;
}

struct outline_row *outline_build(const struct model *m, size_t *n)
{
	struct outline o = {NULL, 0, 0};
	bool heading = false;
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY && !boundary_known(m, e->boundary))
			outline_boundary(&o, m, i, 0);
	}
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (!is_node(e) || boundary_known(m, e->boundary))
			continue;
		if (!heading)
			outline_push(&o, OUTLINE_OUTSIDE, NULL, 0, 0);
		heading = true;
		outline_push(&o, OUTLINE_ELEMENT, m, i, 1);
	}
	heading = false;
	for (i = 0; i < m->nelements; i++) {
		if (m->elements[i]->kind != KIND_DATA_FLOW)
			continue;
		if (!heading)
			outline_push(&o, OUTLINE_FLOWS, NULL, 0, 0);
		heading = true;
		outline_push(&o, OUTLINE_ELEMENT, m, i, 1);
	}
	*n = o.n;
	return o.rows;
}

const struct element **outline_walk_order(const struct outline_row *rows, size_t nrows, size_t *n)
{
	const struct element **out = xcalloc(nrows + 1, sizeof(*out));
	size_t i, count = 0;

	for (i = 0; i < nrows; i++)
		if (rows[i].kind == OUTLINE_ELEMENT && element_letters(rows[i].element))
			out[count++] = rows[i].element;
	*n = count;
	return out;
}
