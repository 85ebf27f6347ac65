/* Per-threat facts shared by the report writers and the CI gate (see report.h). */
#define _POSIX_C_SOURCE 200809L
#include "report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

long report_threat_index(const struct report_index *ix, const char *id)
{
	return (long)(uintptr_t)strmap_get(&ix->threat_pos, id) - 1;
}

static void count_votes(struct report_index *ix)
{
	const struct model *m = ix->m;
	size_t i;

	for (i = 0; i < m->nvotes; i++) {
		long t = report_threat_index(ix, m->votes[i]->threat);
		if (t >= 0)
			ix->votes[t] += m->votes[i]->count;
	}
}

/* Two passes over the mitigations' threat lists: count per threat, then fill. */
static void link_mitigations(struct report_index *ix)
{
	const struct model *m = ix->m;
	size_t i, k, total = 0, *fill;

	ix->mit_start = xcalloc(m->nthreats + 1, sizeof(size_t));
	for (i = 0; i < m->nmitigations; i++)
		for (k = 0; k < m->mitigations[i]->threats.count; k++) {
			long t = report_threat_index(ix, m->mitigations[i]->threats.items[k]);
			if (t >= 0)
				ix->mit_start[t + 1]++;
		}
	for (i = 0; i < m->nthreats; i++)
		ix->mit_start[i + 1] += ix->mit_start[i];
	total = ix->mit_start[m->nthreats];
	ix->mit_list = xcalloc(total ? total : 1, sizeof(size_t));
	fill = xcalloc(m->nthreats ? m->nthreats : 1, sizeof(size_t));
	for (i = 0; i < m->nmitigations; i++)
		for (k = 0; k < m->mitigations[i]->threats.count; k++) {
			long t = report_threat_index(ix, m->mitigations[i]->threats.items[k]);
			if (t >= 0)
				ix->mit_list[ix->mit_start[t] + fill[t]++] = i;
		}
	free(fill);
}

/* What the order by risk looks at, copied out so that the comparison needs no context. */
struct sort_key {
	int risk;
	int votes;
	const char *id;
	size_t index;
};

static int by_risk(const void *pa, const void *pb)
{
	const struct sort_key *a = pa, *b = pb;

	if (a->risk != b->risk)
		return b->risk - a->risk;
	if (a->votes != b->votes)
		return b->votes - a->votes;
	return strcmp(a->id, b->id);
}

static void sort_by_risk(struct report_index *ix)
{
	const struct model *m = ix->m;
	struct sort_key *keys = xcalloc(m->nthreats ? m->nthreats : 1, sizeof(*keys));
	size_t i;

	for (i = 0; i < m->nthreats; i++) {
		keys[i].risk = threat_risk(m->threats[i]);
		keys[i].votes = ix->votes[i];
		keys[i].id = m->threats[i]->id;
		keys[i].index = i;
	}
	qsort(keys, m->nthreats, sizeof(*keys), by_risk);
	ix->order = xcalloc(m->nthreats ? m->nthreats : 1, sizeof(size_t));
	for (i = 0; i < m->nthreats; i++)
		ix->order[i] = keys[i].index;
	free(keys);
}

void report_index_init(struct report_index *ix, const struct model *m)
{
	size_t i;

	memset(ix, 0, sizeof(*ix));
	ix->m = m;
	for (i = 0; i < m->nthreats; i++)
		strmap_put(&ix->threat_pos, m->threats[i]->id, (void *)(uintptr_t)(i + 1));
	ix->votes = xcalloc(m->nthreats ? m->nthreats : 1, sizeof(int));
	count_votes(ix);
	link_mitigations(ix);
	sort_by_risk(ix);
}

void report_index_release(struct report_index *ix)
{
	free(ix->votes);
	free(ix->mit_start);
	free(ix->mit_list);
	free(ix->order);
	strmap_clear(&ix->threat_pos);
	memset(ix, 0, sizeof(*ix));
}

void report_letters(const struct threat *t, char out[STRIDE_COUNT + 1])
{
	int l, n = 0;

	out[n++] = stride_char(t->letter);
	for (l = 0; l < STRIDE_COUNT; l++)
		if ((t->extra & STRIDE_BIT(l)) && l != (int)t->letter)
			out[n++] = stride_char((enum stride_letter)l);
	out[n] = '\0';
}

void report_date(time_t t, char out[11])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

const char *report_threat_due(const struct report_index *ix, size_t threat)
{
	const char *due = NULL;
	size_t k;

	for (k = ix->mit_start[threat]; k < ix->mit_start[threat + 1]; k++) {
		const char *d = ix->m->mitigations[ix->mit_list[k]]->due;
		if (!str_empty(d) && (!due || strcmp(d, due) < 0))
			due = d;
	}
	return due;
}

const char *report_threat_owner(const struct report_index *ix, size_t threat)
{
	size_t k;

	for (k = ix->mit_start[threat]; k < ix->mit_start[threat + 1]; k++) {
		const char *o = ix->m->mitigations[ix->mit_list[k]]->owner;
		if (!str_empty(o))
			return o;
	}
	return NULL;
}
