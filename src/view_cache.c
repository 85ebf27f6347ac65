/*
 * What the screens derive from the model: the walk order and each element's place in it, every
 * element's coverage and the totals, the threats on each element, each threat's packed facts,
 * the votes and mitigations per threat, and the tallies per participant. Built once, then kept
 * up to date change by change (the ui_*_changed functions of view.h): a captured threat or a
 * decided cell touches one element, a vote or a mitigation only the counts, an answer nothing
 * here, so a workshop's actions cost about the same in a model of any size (design.md 8).
 * Anything else (undo, deletes, another process's commit) rebuilds it all when next asked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "coverage.h"
#include "model.h"
#include "util.h"
#include "view.h"
#include "xalloc.h"

struct threat_list {
	const struct threat **items;
	size_t n, cap;
};

struct position_list {
	size_t *items;
	size_t n;
};

struct ui_cache {
	const struct model *model; /* what the rest was derived from; NULL when nothing is */
	unsigned long reshaped; /* ctx->reshaped when it was built */
	size_t nelements;
	struct strmap positions; /* element id -> its index in model->elements, plus one */
	const struct element **order; /* the walk order */
	size_t norder;
	size_t *walk_at; /* per element index: its place in `order` plus one; 0 when not walked */
	struct element_coverage *cov; /* indexed like model->elements */
	struct coverage_totals totals;
	size_t *threat_element; /* per threat index: its element's index (nelements: none) */
	size_t known, known_cap; /* how many of model->threats the cache has accounted for */
	struct threat_list *threats; /* per element index, in model order; made on first use */
	struct threat_facts *facts; /* indexed like model->threats; made on first use */
	size_t facts_seen, facts_cap;
	struct strmap threat_at; /* threat id -> its index plus one, for the first `indexed` */
	size_t indexed;
	struct position_list *links; /* per mitigation index: the threats it lists, as positions */
	size_t links_seen; /* mitigations resolved so far */
	struct participant_tally *tally; /* indexed like model->participants */
	unsigned long tallied; /* ctx->generation the tally was counted for, plus one */
	bool tallied_raised; /* with the threats raised (a pass over every threat) */
};

static void drop_lists(struct ui_cache *c)
{
	size_t i;

	for (i = 0; c->threats && i < c->nelements; i++)
		free(c->threats[i].items);
	free(c->threats);
	c->threats = NULL;
}

static struct position_list resolve_links(struct ui_ctx *ctx, const struct mitigation *mit);

static void release(struct ui_cache *c)
{
	size_t i;

	drop_lists(c);
	for (i = 0; i < c->links_seen; i++)
		free(c->links[i].items);
	free(c->links);
	free(c->tally);
	free(c->facts);
	free(c->threat_element);
	free(c->order);
	free(c->walk_at);
	free(c->cov);
	strmap_clear(&c->positions);
	strmap_clear(&c->threat_at);
	memset(c, 0, sizeof(*c));
}

void ui_cache_free(struct ui_cache *c)
{
	if (!c)
		return;
	release(c);
	free(c);
}

static size_t position(const struct ui_cache *c, const char *element)
{
	uintptr_t at = (uintptr_t)strmap_get(&c->positions, element);

	return at ? at - 1 : c->nelements;
}

static void build(struct ui_cache *c, const struct model *m, unsigned long reshaped)
{
	size_t i;

	release(c);
	c->model = m;
	c->reshaped = reshaped;
	c->nelements = m->nelements;
	for (i = 0; i < m->nelements; i++)
		strmap_put(&c->positions, m->elements[i]->id, (void *)(uintptr_t)(i + 1));
	c->order = ui_walk_order(m, &c->norder);
	c->walk_at = xcalloc(m->nelements + 1, sizeof(*c->walk_at));
	for (i = 0; i < c->norder; i++)
		c->walk_at[position(c, c->order[i]->id)] = i + 1;
	c->cov = xcalloc(m->nelements + 1, sizeof(*c->cov));
	c->threat_element = xgrow(NULL, sizeof(*c->threat_element), m->nthreats + 1, &c->known_cap);
	coverage_compute_placed(m, c->cov, c->threat_element);
	c->known = m->nthreats;
	coverage_totals(m, c->cov, &c->totals);
}

/* Built for the model as it is, with no change since that the cache was not told about. */
static bool fits(const struct ui_ctx *ctx)
{
	const struct ui_cache *c = ctx->cache;
	const struct model *m = ctx->app->model;

	return c && c->model && c->model == m && c->reshaped == ctx->reshaped &&
	       ctx->loads == ctx->app->loads && c->nelements == m->nelements;
}

static struct ui_cache *cache(struct ui_ctx *ctx)
{
	if (!ctx->cache)
		ctx->cache = xcalloc(1, sizeof(*ctx->cache));
	if (ctx->loads != ctx->app->loads)
		ui_changed(ctx); /* a refused change read the model back: nothing old is valid */
	if (!fits(ctx) || ctx->cache->known != ctx->app->model->nthreats)
		build(ctx->cache, ctx->app->model, ctx->reshaped);
	return ctx->cache;
}

static void list_push(struct threat_list *l, const struct threat *t)
{
	l->items = xgrow(l->items, sizeof(*l->items), l->n + 1, &l->cap);
	l->items[l->n++] = t;
}

/* The threats per element, made from threat_element the first time they are asked for. */
static struct threat_list *threat_lists(struct ui_cache *c, const struct model *m)
{
	size_t i;

	if (c->threats)
		return c->threats;
	c->threats = xcalloc(c->nelements + 1, sizeof(*c->threats));
	for (i = 0; i < c->known; i++)
		if (c->threat_element[i] < c->nelements)
			list_push(&c->threats[c->threat_element[i]], m->threats[i]);
	return c->threats;
}

const struct element **ui_order(struct ui_ctx *ctx, size_t *n)
{
	struct ui_cache *c = cache(ctx);

	*n = c->norder;
	return c->order;
}

size_t ui_element_position(struct ui_ctx *ctx, const struct element *e)
{
	return position(cache(ctx), e->id);
}

size_t ui_walk_position(struct ui_ctx *ctx, const char *element)
{
	struct ui_cache *c = cache(ctx);
	size_t k = element ? position(c, element) : c->nelements;

	return k < c->nelements && c->walk_at[k] ? c->walk_at[k] - 1 : c->norder;
}

const struct threat *const *ui_element_threats(struct ui_ctx *ctx, const struct element *e,
					       size_t *n)
{
	struct ui_cache *c = cache(ctx);
	size_t k = position(c, e->id);
	struct threat_list *lists = threat_lists(c, ctx->app->model);

	*n = lists[k].n;
	return lists[k].items;
}

struct threat_facts threat_facts_of(const struct threat *t)
{
	struct threat_facts f;

	f.risk = (unsigned char)threat_risk(t);
	f.likelihood = (unsigned char)t->likelihood;
	f.impact = (unsigned char)t->impact;
	f.status = (unsigned char)t->status;
	f.letter = (unsigned char)t->letter;
	f.letters = (unsigned char)threat_letters(t);
	return f;
}

const struct threat_facts *ui_threat_facts(struct ui_ctx *ctx)
{
	struct ui_cache *c = cache(ctx);
	const struct model *m = ctx->app->model;
	size_t i;

	c->facts = xgrow(c->facts, sizeof(*c->facts), c->known + 1, &c->facts_cap);
	for (i = c->facts_seen; i < c->known; i++)
		c->facts[i] = threat_facts_of(m->threats[i]);
	c->facts_seen = c->known;
	return c->facts;
}

size_t ui_threat_position(struct ui_ctx *ctx, const char *id)
{
	struct ui_cache *c = cache(ctx);
	const struct model *m = ctx->app->model;
	uintptr_t at;

	for (; c->indexed < c->known; c->indexed++) /* ids are kept across edits: no rebuild */
		strmap_put(&c->threat_at, m->threats[c->indexed]->id,
			   (void *)(uintptr_t)(c->indexed + 1));
	at = (uintptr_t)strmap_get(&c->threat_at, id);
	return at ? at - 1 : m->nthreats;
}

int ui_cell_threat_count(struct ui_ctx *ctx, const struct element *e, enum stride_letter l)
{
	size_t n, i;
	const struct threat *const *on = ui_element_threats(ctx, e, &n);
	int total = 0;

	for (i = 0; i < n; i++)
		if (threat_letters(on[i]) & STRIDE_BIT(l))
			total++;
	return total;
}

const struct element_coverage *ui_coverage(struct ui_ctx *ctx)
{
	return cache(ctx)->cov;
}

const struct coverage_totals *ui_totals(struct ui_ctx *ctx)
{
	return &cache(ctx)->totals;
}

/* ---- changes ---- */

void ui_changed(struct ui_ctx *ctx)
{
	ctx->generation++;
	ctx->reshaped = ctx->recounted = ctx->generation;
	ctx->loads = ctx->app->loads;
	if (ctx->element && !model_element(ctx->app->model, ctx->element))
		ui_set_element(ctx, NULL); /* deleted, or undone */
}

/* Recomputes element k's coverage from its threats and decisions, and the totals with it. */
static void recount(struct ui_cache *c, const struct model *m, size_t k)
{
	struct threat_list *l;
	struct element_coverage now;

	if (k >= c->nelements)
		return;
	l = &threat_lists(c, m)[k];
	coverage_of(m, m->elements[k], l->items, l->n, &now);
	coverage_totals_add(&c->totals, &c->cov[k], -1);
	coverage_totals_add(&c->totals, &now, 1);
	c->cov[k] = now;
}

void ui_threat_changed(struct ui_ctx *ctx, const char *id)
{
	const struct model *m = ctx->app->model;
	const struct threat *t = model_threat(m, id);
	struct ui_cache *c = ctx->cache;
	size_t p, k, was;

	if (!t || !fits(ctx) || m->nthreats > c->known + 1) {
		ui_changed(ctx);
		return;
	}
	for (p = m->nthreats; p-- > 0 && m->threats[p] != t;) /* a capture is the last one */
		;
	k = position(c, t->element);
	if (p == c->known) { /* captured */
		c->threat_element =
		    xgrow(c->threat_element, sizeof(*c->threat_element), p + 1, &c->known_cap);
		c->threat_element[p] = k;
		c->known++;
		if (c->threats && k < c->nelements)
			list_push(&c->threats[k], t);
	} else if ((was = c->threat_element[p]) != k) { /* moved to another element: rare */
		c->threat_element[p] = k;
		drop_lists(c);
		recount(c, m, was);
	}
	if (p < c->facts_seen)
		c->facts[p] = threat_facts_of(t);
	recount(c, m, k);
	ctx->generation++;
}

void ui_other_changed(struct ui_ctx *ctx)
{
	if (!fits(ctx)) {
		ui_changed(ctx);
		return;
	}
	ctx->generation++;
}

void ui_counts_changed(struct ui_ctx *ctx, const char *mitigation)
{
	const struct model *m = ctx->app->model;
	struct ui_cache *c = ctx->cache;
	const struct mitigation *mit = mitigation ? model_mitigation(m, mitigation) : NULL;
	size_t i;

	ui_other_changed(ctx);
	ctx->recounted = ctx->generation;
	for (i = 0; mit && c && i < c->links_seen; i++) { /* edited in place: resolve it again */
		if (m->mitigations[i] != mit)
			continue;
		free(c->links[i].items);
		c->links[i] = resolve_links(ctx, mit);
	}
}

void ui_cell_changed(struct ui_ctx *ctx, const char *element)
{
	struct ui_cache *c = ctx->cache;
	size_t k;

	if (!fits(ctx) || c->known != ctx->app->model->nthreats ||
	    (k = position(c, element)) == c->nelements) {
		ui_changed(ctx);
		return;
	}
	ctx->generation++;
	recount(c, ctx->app->model, k);
}

const struct participant_tally *ui_participant_tally(struct ui_ctx *ctx, bool raised)
{
	struct ui_cache *c = cache(ctx);
	const struct model *m = ctx->app->model;
	struct strmap who = STRMAP_INIT;
	uintptr_t at;
	size_t i;

	if (c->tally && c->tallied == ctx->generation + 1 && (c->tallied_raised || !raised))
		return c->tally;
	free(c->tally);
	c->tally = xcalloc(m->nparticipants + 1, sizeof(*c->tally));
	for (i = 0; i < m->nparticipants; i++)
		strmap_put(&who, m->participants[i]->name, (void *)(uintptr_t)(i + 1));
	for (i = 0; i < m->nvotes; i++)
		if ((at = (uintptr_t)strmap_get(&who, m->votes[i]->participant)))
			c->tally[at - 1].dots += m->votes[i]->count;
	for (i = 0; raised && i < m->nthreats; i++)
		if ((at = (uintptr_t)strmap_get(&who, m->threats[i]->raised_by)))
			c->tally[at - 1].raised++;
	strmap_clear(&who);
	c->tallied = ctx->generation + 1;
	c->tallied_raised = raised;
	return c->tally;
}

/* ---- votes and mitigations per threat ---- */

/*
 * A mitigation's threats as positions in model->threats. One not found is SIZE_MAX, never the
 * model's count: that becomes a real position as soon as a threat is captured.
 */
static struct position_list resolve_links(struct ui_ctx *ctx, const struct mitigation *mit)
{
	struct position_list l = {xcalloc(mit->threats.count + 1, sizeof(size_t)), 0};
	size_t at;

	for (l.n = 0; l.n < mit->threats.count; l.n++) {
		at = ui_threat_position(ctx, mit->threats.items[l.n]);
		l.items[l.n] = at < ctx->app->model->nthreats ? at : SIZE_MAX;
	}
	return l;
}

/*
 * Every mitigation's threats as positions, resolved once per mitigation (and again after an
 * edit, ui_counts_changed): recounting after a vote or a new mitigation then hashes no id.
 */
static const struct position_list *mitigation_links(struct ui_ctx *ctx)
{
	struct ui_cache *c = cache(ctx);
	const struct model *m = ctx->app->model;

	if (c->links_seen < m->nmitigations) {
		c->links = xrealloc(c->links, (m->nmitigations + 1) * sizeof(*c->links));
		for (; c->links_seen < m->nmitigations; c->links_seen++)
			c->links[c->links_seen] = resolve_links(ctx, m->mitigations[c->links_seen]);
	}
	return c->links;
}

void threat_counts_init(struct threat_counts *c, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	const struct position_list *links = mitigation_links(ctx);
	size_t i, j, at, *fill;

	memset(c, 0, sizeof(*c));
	c->n = m->nthreats;
	c->votes = xcalloc(c->n + 1, sizeof(*c->votes));
	c->mitigations_at = xcalloc(c->n + 1, sizeof(*c->mitigations_at));
	for (i = 0; i < m->nvotes; i++)
		if ((at = ui_threat_position(ctx, m->votes[i]->threat)) < c->n)
			c->votes[at] += m->votes[i]->count;
	/* Each threat's mitigations sit together in one array: count (one along, so that after
	 * the sums [t] is where threat t's run starts), then place. */
	for (i = 0; i < m->nmitigations; i++)
		for (j = 0; j < links[i].n; j++)
			if ((at = links[i].items[j]) < c->n)
				c->mitigations_at[at + 1]++;
	for (i = 1; i <= c->n; i++)
		c->mitigations_at[i] += c->mitigations_at[i - 1];
	c->mitigations = xcalloc(c->mitigations_at[c->n] + 1, sizeof(*c->mitigations));
	fill = xmalloc((c->n + 1) * sizeof(*fill));
	memcpy(fill, c->mitigations_at, (c->n + 1) * sizeof(*fill));
	for (i = 0; i < m->nmitigations; i++)
		for (j = 0; j < links[i].n; j++)
			if ((at = links[i].items[j]) < c->n)
				c->mitigations[fill[at]++] = m->mitigations[i];
	free(fill);
}

int threat_counts_votes(const struct threat_counts *c, size_t at)
{
	return at < c->n ? c->votes[at] : 0;
}

const struct mitigation *const *threat_counts_mitigation_list(const struct threat_counts *c,
							      size_t at, size_t *n)
{
	*n = at < c->n ? c->mitigations_at[at + 1] - c->mitigations_at[at] : 0;
	return at < c->n ? c->mitigations + c->mitigations_at[at] : NULL;
}

int threat_counts_mitigations(const struct threat_counts *c, size_t at)
{
	size_t n;

	threat_counts_mitigation_list(c, at, &n);
	return (int)n;
}

void threat_counts_release(struct threat_counts *c)
{
	free(c->votes);
	free(c->mitigations_at);
	free(c->mitigations);
	memset(c, 0, sizeof(*c));
}
