/* What the report writers and the CI gate share (report.h). */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

/*
 * What the order by risk looks at, copied out so that the comparison needs no context. `head`
 * holds the id's first 8 bytes, big-endian, so most ties are broken without following `id`.
 */
struct sort_key {
	int risk;
	int votes;
	uint64_t head;
	const char *id;
	size_t index;
};

static uint64_t id_head(const char *id)
{
	uint64_t head = 0;
	int i;

	for (i = 0; i < 8; i++) {
		head = head << 8 | (unsigned char)*id;
		id += *id != '\0';
	}
	return head;
}

static int by_risk(const void *pa, const void *pb)
{
	const struct sort_key *a = pa, *b = pb;

	if (a->risk != b->risk)
		return b->risk - a->risk;
	if (a->votes != b->votes)
		return b->votes - a->votes;
	if (a->head != b->head) /* the order of strcmp, as bytes compare unsigned */
		return a->head < b->head ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* The threats whose facts have at least `min_risk` (and are active, when `active`), by risk. */
static size_t *order_by_risk(const struct model *m, const struct model_index *ix, int min_risk,
			     bool active, size_t *n)
{
	struct sort_key *keys = xcalloc(m->nthreats + 1, sizeof(*keys));
	size_t *order;
	size_t i;

	*n = 0;
	for (i = 0; i < m->nthreats; i++) {
		struct sort_key *k = &keys[*n];
		if (ix->facts[i].risk < min_risk ||
		    (active && !threat_status_is_active((enum threat_status)ix->facts[i].status)))
			continue;
		k->risk = ix->facts[i].risk;
		k->votes = ix->votes[i];
		k->head = id_head(m->threats[i]->id);
		k->id = m->threats[i]->id;
		k->index = i;
		(*n)++;
	}
	qsort(keys, *n, sizeof(*keys), by_risk);
	order = xcalloc(*n + 1, sizeof(*order));
	for (i = 0; i < *n; i++)
		order[i] = keys[i].index;
	free(keys);
	return order;
}

static void init(struct report *r, const struct model *m, const struct model_index *ix,
		 int min_risk, bool active)
{
	memset(r, 0, sizeof(*r));
	r->m = m;
	if (!ix) {
		model_index_build(&r->own, m);
		ix = &r->own;
	}
	r->ix = ix;
	r->order = order_by_risk(m, ix, min_risk, active, &r->norder);
}

void report_init(struct report *r, const struct model *m, const struct model_index *ix)
{
	init(r, m, ix, 0, false);
}

void report_init_at_risk(struct report *r, const struct model *m, const struct model_index *ix,
			 int min_risk)
{
	init(r, m, ix, min_risk, true);
}

void report_release(struct report *r)
{
	model_index_release(&r->own);
	free(r->order);
	memset(r, 0, sizeof(*r));
}

const char *report_plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void report_date(time_t t, char out[11])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

const char *report_threat_due(const struct report *r, size_t threat)
{
	const struct position_list *l = &r->ix->threat_mitigations[threat];
	const char *due = NULL;
	size_t k;

	for (k = 0; k < l->n; k++) {
		const char *d = r->m->mitigations[l->items[k]]->due;
		if (!str_empty(d) && (!due || strcmp(d, due) < 0))
			due = d;
	}
	return due;
}

const char *report_threat_owner(const struct report *r, size_t threat)
{
	const struct position_list *l = &r->ix->threat_mitigations[threat];
	size_t k;

	for (k = 0; k < l->n; k++) {
		const char *o = r->m->mitigations[l->items[k]]->owner;
		if (!str_empty(o))
			return o;
	}
	return NULL;
}
