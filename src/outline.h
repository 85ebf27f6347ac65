/*
 * The diagram as the overview lists it and the walk follows it: each trust boundary (nested
 * ones inside their parent) with its elements, then the elements outside every boundary, then
 * the flows. Pure: no I/O.
 */
#ifndef SW_OUTLINE_H
#define SW_OUTLINE_H

#include <stddef.h>

#include "model.h"

/* One row: a heading, or an element (a flow included). */
enum outline_kind { OUTLINE_BOUNDARY, OUTLINE_OUTSIDE, OUTLINE_FLOWS, OUTLINE_ELEMENT };

struct outline_row {
	enum outline_kind kind;
	const struct element *element; /* the boundary or element; NULL for the other headings */
	size_t index; /* the element's index in m->elements */
	int depth; /* boundary nesting */
};

/* Returns a new array of *n rows (borrowed element pointers); free with free(). */
struct outline_row *outline_build(const struct model *m, size_t *n);

/* The elements a walk visits, in outline order: no boundaries, nothing out of scope. Returns a
 * new array of *n borrowed pointers; free with free(). */
const struct element **outline_walk_order(const struct outline_row *rows, size_t nrows, size_t *n);

#endif
