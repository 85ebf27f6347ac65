/*
 * The generated layout (see report_layout.h). Two passes over the boundary tree: the first
 * measures each box bottom-up (its children packed in rows about as wide as the box is tall
 * times 1.6), the second gives every child its place top-down.
 */
#include "report_layout.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "strmap.h"
#include "xalloc.h"

#define GAP 60 /* between siblings */
#define PAD 30 /* inside a box, around its children */
#define LABEL 30 /* above a box's children, for its name */
#define EMPTY_W 180 /* a box with nothing in it */
#define EMPTY_H 100
#define WRAP 18 /* characters per line of a label */

struct item {
	size_t element; /* index in the model */
	size_t *children; /* boundaries: what sits directly inside */
	size_t nchildren, cap;
};

struct layouter {
	const struct model *m;
	struct layout *out;
	struct item *items; /* one per element */
	struct item root; /* what sits outside every boundary */
	struct strmap index; /* element id -> index + 1 */
};

static void add_child(struct item *parent, size_t child)
{
	parent->children =
	    xgrow(parent->children, sizeof(*parent->children), parent->nchildren + 1, &parent->cap);
	parent->children[parent->nchildren++] = child;
}

char *layout_wrap(const char *name, size_t width)
{
	struct sbuf sb = SBUF_INIT;
	size_t line = 0;
	const char *p = name ? name : "";

	while (*p) {
		size_t word = strcspn(p, " ");
		if (line && line + 1 + word > width) {
			sbuf_addch(&sb, '\n');
			line = 0;
		} else if (line) {
			sbuf_addch(&sb, ' ');
			line++;
		}
		sbuf_add(&sb, p, word);
		line += word;
		p += word;
		p += strspn(p, " ");
	}
	return sbuf_detach(&sb);
}

/* Lines and the longest line of a wrapped label. */
static void label_size(const char *name, size_t *lines, size_t *longest)
{
	char *text = layout_wrap(name, WRAP);
	const char *p = text;

	*lines = 0;
	*longest = 0;
	while (*p) {
		size_t n = strcspn(p, "\n");
		(*lines)++;
		if (n > *longest)
			*longest = n;
		p += n;
		p += *p == '\n';
	}
	free(text);
}

/* The size of an element's shape: a process is a circle, the others rectangles. */
static void node_size(const struct element *e, struct layout_rect *r)
{
	size_t lines, longest;
	long text_w, text_h;

	label_size(e->name, &lines, &longest);
	text_w = (long)longest * 8 + 30;
	text_h = (long)lines * 18 + 30;
	if (e->kind == KIND_PROCESS) {
		r->w = r->h = text_w > text_h ? text_w : text_h;
		if (r->w < 100)
			r->w = r->h = 100;
		return;
	}
	r->w = text_w < 160 ? 160 : text_w;
	r->h = text_h < 80 ? 80 : text_h;
}

/* Boundaries first, then entities, processes and stores, each in model order. */
static int rank(const struct element *e)
{
	return e->kind == KIND_TRUST_BOUNDARY ? 0 : 1 + (int)e->kind;
}

static void order_children(const struct layouter *lo, struct item *it)
{
	size_t i, j, n = 0;
	size_t *sorted = xmalloc((it->nchildren ? it->nchildren : 1) * sizeof(*sorted));
	int r;

	for (r = 0; r <= 1 + (int)KIND_DATA_STORE; r++)
		for (i = 0; i < it->nchildren; i++)
			if (rank(lo->m->elements[it->children[i]]) == r)
				sorted[n++] = it->children[i];
	for (j = 0; j < n; j++)
		it->children[j] = sorted[j];
	free(sorted);
}

/*
 * Measures the children of `it` and places them relative to (0, 0), in rows no wider than
 * the wider of the widest child and 1.6 times the square root of their total area. Returns
 * the size taken in *w, *h.
 */
static void measure(struct layouter *lo, struct item *it, int depth, long *w, long *h);

static void measure_child(struct layouter *lo, size_t child, int depth)
{
	const struct element *e = lo->m->elements[child];
	struct layout_rect *r = &lo->out->rects[child];
	long cw, ch;

	if (e->kind != KIND_TRUST_BOUNDARY) {
		node_size(e, r);
		return;
	}
	lo->out->depth[child] = depth;
	if (depth > lo->out->max_depth)
		lo->out->max_depth = depth;
	measure(lo, &lo->items[child], depth + 1, &cw, &ch);
	r->w = cw ? cw + 2 * PAD : EMPTY_W;
	r->h = ch ? ch + 2 * PAD + LABEL : EMPTY_H;
	if (r->w < EMPTY_W)
		r->w = EMPTY_W;
}

static void measure(struct layouter *lo, struct item *it, int depth, long *w, long *h)
{
	double area = 0;
	long row_w = 0, row_h = 0, x = 0, y = 0, limit = 0;
	size_t i;

	*w = *h = 0;
	order_children(lo, it);
	for (i = 0; i < it->nchildren; i++) {
		const struct layout_rect *r = &lo->out->rects[it->children[i]];
		measure_child(lo, it->children[i], depth);
		area += (double)(r->w + GAP) * (double)(r->h + GAP);
		if (r->w > limit)
			limit = r->w;
	}
	if (sqrt(area) * 1.6 > (double)limit)
		limit = (long)(sqrt(area) * 1.6);
	for (i = 0; i < it->nchildren; i++) {
		struct layout_rect *r = &lo->out->rects[it->children[i]];
		if (row_w && row_w + GAP + r->w > limit) {
			y += row_h + GAP;
			x = row_w = row_h = 0;
		}
		r->x = x; /* relative to the box's content for now */
		r->y = y;
		x += r->w + GAP;
		row_w = x - GAP;
		if (r->h > row_h)
			row_h = r->h;
		if (row_w > *w)
			*w = row_w;
	}
	if (it->nchildren)
		*h = y + row_h;
}

/* Turns the relative places under `it` into places on the diagram, its content at (x, y). */
static void place(struct layouter *lo, const struct item *it, long x, long y)
{
	size_t i;

	for (i = 0; i < it->nchildren; i++) {
		size_t child = it->children[i];
		struct layout_rect *r = &lo->out->rects[child];
		r->x += x;
		r->y += y;
		if (lo->m->elements[child]->kind == KIND_TRUST_BOUNDARY)
			place(lo, &lo->items[child], r->x + PAD, r->y + PAD + LABEL);
	}
}

static long index_of(const struct layouter *lo, const char *id)
{
	return id ? (long)(uintptr_t)strmap_get(&lo->index, id) - 1 : -1;
}

/* The box each boundary and element sits in; a parent that would make a cycle is ignored. */
static void build_tree(struct layouter *lo)
{
	size_t i, steps;

	for (i = 0; i < lo->m->nelements; i++)
		strmap_put(&lo->index, lo->m->elements[i]->id, (void *)(uintptr_t)(i + 1));
	for (i = 0; i < lo->m->nelements; i++) {
		const struct element *e = lo->m->elements[i];
		long parent = index_of(lo, e->boundary), up = parent;
		if (e->kind == KIND_DATA_FLOW)
			continue;
		for (steps = 0; up >= 0 && steps <= lo->m->nelements; steps++) {
			if ((size_t)up == i)
				break;
			up = index_of(lo, lo->m->elements[up]->boundary);
		}
		if (parent >= 0 && lo->m->elements[parent]->kind == KIND_TRUST_BOUNDARY && up < 0)
			add_child(&lo->items[parent], i);
		else
			add_child(&lo->root, i);
	}
}

/* The k-th flow (k > 0) between two elements bends away from the straight line, k-th apart. */
static void bend_flows(struct layouter *lo)
{
	struct strmap seen = STRMAP_INIT;
	struct sbuf *keys = xcalloc(lo->m->nelements ? lo->m->nelements : 1, sizeof(*keys));
	size_t i;

	for (i = 0; i < lo->m->nelements; i++) {
		const struct element *e = lo->m->elements[i];
		long a = index_of(lo, e->from), b = index_of(lo, e->to), k;
		const struct layout_rect *ra, *rb;
		double dx, dy, len, mx, my, off;
		if (e->kind != KIND_DATA_FLOW || a < 0 || b < 0)
			continue;
		sbuf_addf(&keys[i], "%ld %ld", a < b ? a : b, a < b ? b : a);
		k = (long)(uintptr_t)strmap_get(&seen, keys[i].buf);
		strmap_put(&seen, keys[i].buf, (void *)(uintptr_t)(k + 1));
		ra = &lo->out->rects[a < b ? a : b]; /* one direction for both ways round */
		rb = &lo->out->rects[a < b ? b : a];
		mx = (ra->x + ra->w / 2.0 + rb->x + rb->w / 2.0) / 2;
		my = (ra->y + ra->h / 2.0 + rb->y + rb->h / 2.0) / 2;
		if (a == b) { /* a loop: out to the right of the element and back */
			lo->out->has_bend[i] = true;
			lo->out->bend_x[i] = ra->x + ra->w + 40 + 30 * k;
			lo->out->bend_y[i] = ra->y - 20 - 30 * k;
			continue;
		}
		if (k == 0)
			continue;
		dx = (rb->x + rb->w / 2.0) - (ra->x + ra->w / 2.0);
		dy = (rb->y + rb->h / 2.0) - (ra->y + ra->h / 2.0);
		len = sqrt(dx * dx + dy * dy);
		if (len < 1)
			len = 1;
		off = 40.0 * (double)((k + 1) / 2) * (k % 2 ? 1 : -1);
		lo->out->has_bend[i] = true;
		lo->out->bend_x[i] = (long)(mx - dy / len * off);
		lo->out->bend_y[i] = (long)(my + dx / len * off);
	}
	strmap_clear(&seen);
	for (i = 0; i < lo->m->nelements; i++)
		sbuf_release(&keys[i]);
	free(keys);
}

void layout_make(const struct model *m, struct layout *out)
{
	struct layouter lo;
	struct strmap empty = STRMAP_INIT;
	size_t n = m->nelements ? m->nelements : 1, i;

	memset(out, 0, sizeof(*out));
	out->rects = xcalloc(n, sizeof(*out->rects));
	out->depth = xcalloc(n, sizeof(*out->depth));
	out->bend_x = xcalloc(n, sizeof(*out->bend_x));
	out->bend_y = xcalloc(n, sizeof(*out->bend_y));
	out->has_bend = xcalloc(n, sizeof(*out->has_bend));
	memset(&lo, 0, sizeof(lo));
	lo.m = m;
	lo.out = out;
	lo.items = xcalloc(n, sizeof(*lo.items));
	lo.index = empty;
	build_tree(&lo);
	measure(&lo, &lo.root, 0, &out->width, &out->height);
	place(&lo, &lo.root, PAD, PAD);
	out->width += 2 * PAD;
	out->height += 2 * PAD;
	bend_flows(&lo);
	for (i = 0; i < m->nelements; i++)
		free(lo.items[i].children);
	free(lo.items);
	free(lo.root.children);
	strmap_clear(&lo.index);
}

void layout_release(struct layout *l)
{
	free(l->rects);
	free(l->depth);
	free(l->bend_x);
	free(l->bend_y);
	free(l->has_bend);
	memset(l, 0, sizeof(*l));
}
