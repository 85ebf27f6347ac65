/*
 * A generated diagram layout for the writers of drawn formats (Threat Dragon): every trust
 * boundary is a box around its members and its nested boundaries, elements sit in rows inside
 * their box, and no two siblings overlap. Flows are left to the writer (edges between their
 * ends); parallel flows between the same two elements get a bend each so they do not lie on
 * top of one another. Deterministic: the same model gives the same layout. Pure: no I/O.
 */
#ifndef SW_REPORT_LAYOUT_H
#define SW_REPORT_LAYOUT_H

#include <stddef.h>

#include "model.h"

struct layout_rect {
	long x, y, w, h; /* top-left corner and size, in diagram units (pixels) */
};

struct layout {
	struct layout_rect *rects; /* one per element, in model order; zero for flows */
	int *depth; /* boundaries: 0 for a top-level one, +1 per enclosing boundary */
	int max_depth;
	/* flows: the bend of the k-th flow between the same two elements, for k > 0 */
	long *bend_x, *bend_y;
	bool *has_bend;
	long width, height; /* of the whole diagram */
};

/* Lays the model out into `out` (release with layout_release()). */
void layout_make(const struct model *m, struct layout *out);
void layout_release(struct layout *l);

/* The label of an element with line breaks put in so that no line is much over `width`
 * characters; returns a new string. */
char *layout_wrap(const char *name, size_t width);

#endif
