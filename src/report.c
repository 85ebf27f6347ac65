/* What the report writers and the CI gate share (report.h). */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

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

static size_t *order_by_risk(const struct model *m, const struct model_index *ix)
{
	struct sort_key *keys = xcalloc(m->nthreats + 1, sizeof(*keys));
	size_t *order = xcalloc(m->nthreats + 1, sizeof(*order));
	size_t i;

	for (i = 0; i < m->nthreats; i++) {
		keys[i].risk = ix->facts[i].risk;
		keys[i].votes = ix->votes[i];
		keys[i].head = id_head(m->threats[i]->id);
		keys[i].id = m->threats[i]->id;
		keys[i].index = i;
	}
	qsort(keys, m->nthreats, sizeof(*keys), by_risk);
	for (i = 0; i < m->nthreats; i++)
		order[i] = keys[i].index;
	free(keys);
	return order;
}

void report_init(struct report *r, const struct model *m, const struct model_index *ix)
{
	memset(r, 0, sizeof(*r));
	r->m = m;
	if (!ix) {
		model_index_build(&r->own, m);
		ix = &r->own;
	}
	r->ix = ix;
	r->order = order_by_risk(m, ix);
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
