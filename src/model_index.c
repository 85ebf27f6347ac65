/*
 * The derived index (model_index.h): built in a few passes over the model, then kept up to date
 * by one update per change. Each update touches what its change touched — a captured threat one
 * element, a vote one threat and one participant, a mitigation the threats it lists — so a
 * workshop's actions cost about the same in a model of any size.
 */
#include "model_index.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

/* ---- small helpers ---- */

/*
 * Room for one more position. Most lists are short (a threat has a mitigation or two), so the
 * first holds two, not xgrow's eight: a large model has tens of thousands of them. A list with
 * no capacity may hold positions all the same: a slice of a full build's block (slices()),
 * copied out to a list of its own the first time it grows.
 */
static void list_grow(struct position_list *l)
{
	size_t *own;

	if (l->cap == 0) {
		l->cap = l->n < 2 ? 2 : 2 * l->n;
		own = xmalloc(l->cap * sizeof(*own));
		if (l->n)
			memcpy(own, l->items, l->n * sizeof(*own));
		l->items = own;
	} else {
		l->items = xgrow(l->items, sizeof(*l->items), l->n + 1, &l->cap);
	}
}

static void list_push(struct position_list *l, size_t at)
{
	list_grow(l);
	l->items[l->n++] = at;
}

/* Inserts `at` keeping the list ascending (a no-op when it is there already). */
static void list_insert(struct position_list *l, size_t at)
{
	size_t i = l->n;

	while (i > 0 && l->items[i - 1] > at)
		i--;
	if (i > 0 && l->items[i - 1] == at)
		return;
	list_grow(l);
	memmove(l->items + i + 1, l->items + i, (l->n - i) * sizeof(*l->items));
	l->items[i] = at;
	l->n++;
}

static void list_remove(struct position_list *l, size_t at)
{
	size_t i;

	for (i = 0; i < l->n && l->items[i] != at; i++)
		;
	if (i == l->n)
		return;
	memmove(l->items + i, l->items + i + 1, (l->n - i - 1) * sizeof(*l->items));
	l->n--;
}

static void lists_free(struct position_list *lists, size_t n)
{
	size_t i;

	for (i = 0; lists && i < n; i++)
		if (lists[i].cap) /* not a slice of a block */
			free(lists[i].items);
	free(lists);
}

/*
 * A full build gives each of `n` lists a slice of one block, room[i] positions long, counted
 * first: a malloc and a realloc or two per list cost more than the rest of the build. Returns
 * the block, for the index to free; slices_done() then leaves the slices without capacity.
 */
static size_t *slices(struct position_list *lists, size_t n, const size_t *room)
{
	size_t i, total = 0, *block;

	for (i = 0; i < n; i++)
		total += room[i];
	block = xmalloc((total ? total : 1) * sizeof(*block));
	for (i = 0, total = 0; i < n; i++) {
		lists[i].items = block + total;
		lists[i].n = 0;
		lists[i].cap = room[i];
		total += room[i];
	}
	return block;
}

static void slices_done(struct position_list *lists, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		lists[i].cap = 0;
}

static size_t lookup(const struct strmap *map, const char *key, size_t none)
{
	uintptr_t at = key ? (uintptr_t)strmap_get(map, key) : 0;

	return at ? at - 1 : none;
}

static void remember(struct strmap *map, const char *key, size_t at)
{
	strmap_put(map, key, (void *)(uintptr_t)(at + 1));
}

/*
 * Where a threat or mitigation sits, by its id. Ids the app makes count up with no gaps, so
 * "T-0042" is usually the 42nd: only ids that are not in order are looked up in a map, made
 * the first time one is asked for and extended as records are added (edits keep ids; anything
 * that removes one builds the index again).
 */
struct id_map {
	struct strmap map;
	size_t known; /* records entered so far */
};

static const char *id_of(void *const *records, size_t i, size_t id_offset)
{
	return *(const char *const *)((const char *)records[i] + id_offset);
}

static size_t id_position(struct id_map *lazy, void *const *records, size_t n, size_t id_offset,
			  char prefix, const char *id)
{
	long k = id ? ref_number(id, prefix) : -1;

	if (k >= 1 && (size_t)k <= n && str_eq(id_of(records, (size_t)k - 1, id_offset), id))
		return (size_t)k - 1;
	if (!id || !lazy)
		return n;
	for (; lazy->known < n; lazy->known++)
		remember(&lazy->map, id_of(records, lazy->known, id_offset), lazy->known);
	return lookup(&lazy->map, id, n);
}

static size_t mitigation_at(const struct model_index *ix, const struct model *m, const char *id)
{
	return id_position(ix->mitigation_at, (void *const *)m->mitigations, ix->nmitigations,
			   offsetof(struct mitigation, id), 'M', id);
}

static void id_map_free(struct id_map *lazy)
{
	if (!lazy)
		return;
	strmap_clear(&lazy->map);
	free(lazy);
}

static struct threat_facts threat_facts_of(const struct threat *t)
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

void model_index_release(struct model_index *ix)
{
	unsigned long generation = ix->generation;
	size_t i;

	free(ix->outline);
	free(ix->order);
	free(ix->walk_at);
	free(ix->order_element);
	free(ix->cov);
	lists_free(ix->element_threats, ix->nelements);
	strmap_clear(&ix->element_at);
	id_map_free(ix->threat_at);
	free(ix->threat_element);
	free(ix->facts);
	free(ix->votes);
	lists_free(ix->threat_mitigations, ix->nthreats);
	free(ix->threat_raiser);
	id_map_free(ix->mitigation_at);
	lists_free(ix->mitigation_threats, ix->nmitigations);
	for (i = 0; i < ARRAY_SIZE(ix->blocks); i++)
		free(ix->blocks[i]);
	strmap_clear(&ix->participant_at);
	free(ix->tally);
	memset(ix, 0, sizeof(*ix));
	ix->generation = generation;
}

/* ---- building ---- */

static void build_elements(struct model_index *ix, const struct model *m)
{
	size_t i;

	ix->nelements = m->nelements;
	for (i = 0; i < m->nelements; i++)
		remember(&ix->element_at, m->elements[i]->id, i);
	ix->outline = outline_build(m, &ix->noutline);
	ix->order = outline_walk_order(ix->outline, ix->noutline, &ix->norder);
	ix->walk_at = xcalloc(m->nelements + 1, sizeof(*ix->walk_at));
	ix->order_element = xcalloc(ix->norder + 1, sizeof(*ix->order_element));
	for (i = 0; i < ix->norder; i++) {
		ix->order_element[i] = model_index_element(ix, ix->order[i]->id);
		ix->walk_at[ix->order_element[i]] = i + 1;
	}
	ix->cov = xcalloc(m->nelements + 1, sizeof(*ix->cov));
	ix->element_threats = xcalloc(m->nelements + 1, sizeof(*ix->element_threats));
}

/* Room for `n` threats in every per-threat array. */
static void grow_threats(struct model_index *ix, size_t n)
{
	size_t cap = ix->threats_cap;

	if (n <= cap)
		return;
	ix->threat_element = xgrow(ix->threat_element, sizeof(size_t), n, &cap);
	cap = ix->threats_cap;
	ix->facts = xgrow(ix->facts, sizeof(*ix->facts), n, &cap);
	cap = ix->threats_cap;
	ix->votes = xgrow(ix->votes, sizeof(int), n, &cap);
	cap = ix->threats_cap;
	ix->threat_raiser = xgrow(ix->threat_raiser, sizeof(size_t), n, &cap);
	cap = ix->threats_cap;
	ix->threat_mitigations =
	    xgrow(ix->threat_mitigations, sizeof(*ix->threat_mitigations), n, &cap);
	memset(ix->threat_mitigations + ix->threats_cap, 0,
	       (cap - ix->threats_cap) * sizeof(*ix->threat_mitigations));
	ix->threats_cap = cap;
}

/*
 * Threat `p` as the index first sees it (no votes or mitigations yet), but not yet in its
 * element's list. Threats come element by element and raised by one person after another,
 * so the previous threat's element and raiser are usually this one's: no lookup then.
 */
static void place_threat(struct model_index *ix, const struct model *m, size_t p)
{
	const struct threat *t = m->threats[p], *before = p ? m->threats[p - 1] : NULL;

	ix->threat_element[p] = before && str_eq(t->element, before->element)
				    ? ix->threat_element[p - 1]
				    : model_index_element(ix, t->element);
	ix->facts[p] = threat_facts_of(t);
	ix->votes[p] = 0;
	ix->threat_mitigations[p].n = 0;
	ix->threat_raiser[p] = before && str_eq(t->raised_by, before->raised_by)
				   ? ix->threat_raiser[p - 1]
				   : model_index_participant(ix, t->raised_by);
	if (ix->threat_raiser[p] < ix->nparticipants)
		ix->tally[ix->threat_raiser[p]].raised++;
}

/* Every element's threats, in one block. */
static void list_threats(struct model_index *ix)
{
	size_t *room = xcalloc(ix->nelements + 1, sizeof(*room)), p, k;

	for (p = 0; p < ix->nthreats; p++)
		if ((k = ix->threat_element[p]) < ix->nelements)
			room[k]++;
	ix->blocks[0] = slices(ix->element_threats, ix->nelements, room);
	for (p = 0; p < ix->nthreats; p++)
		if ((k = ix->threat_element[p]) < ix->nelements)
			list_push(&ix->element_threats[k], p);
	free(room);
}

static void build_participants(struct model_index *ix, const struct model *m)
{
	size_t i;

	ix->nparticipants = m->nparticipants;
	for (i = 0; i < m->nparticipants; i++)
		remember(&ix->participant_at, m->participants[i]->name, i);
	ix->tally = xcalloc(m->nparticipants + 1, sizeof(*ix->tally));
}

/* Links mitigation q to the threats it lists; returns how many it lists that are not there. */
static size_t link_mitigation(struct model_index *ix, const struct model *m, size_t q)
{
	const struct mitigation *mit = m->mitigations[q];
	struct position_list *l = &ix->mitigation_threats[q];
	size_t j, p, missing = 0;

	l->n = 0;
	for (j = 0; j < mit->threats.count; j++) {
		p = model_index_threat_at(ix, mit->threats.items[j]);
		if (p == ix->nthreats) {
			missing++;
			continue;
		}
		list_insert(l, p);
		list_insert(&ix->threat_mitigations[p], q);
	}
	return missing;
}

/* Every mitigation's threats and every threat's mitigations, each family in one block. */
static void build_mitigations(struct model_index *ix, const struct model *m)
{
	size_t q, j, n = 0, p, *at, *room;

	ix->nmitigations = ix->mitigations_cap = m->nmitigations;
	ix->mitigation_threats = xcalloc(m->nmitigations + 1, sizeof(*ix->mitigation_threats));
	room = xcalloc(m->nmitigations + ix->nthreats + 1, sizeof(*room));
	for (q = 0; q < m->nmitigations; q++)
		n += room[q] = m->mitigations[q]->threats.count;
	ix->blocks[1] = slices(ix->mitigation_threats, m->nmitigations, room);
	at = xmalloc((n + 1) * sizeof(*at)); /* each link's threat position, in order */
	memset(room, 0, ix->nthreats * sizeof(*room));
	for (q = 0, n = 0; q < m->nmitigations; q++) {
		const struct strlist *ids = &m->mitigations[q]->threats;
		for (j = 0; j < ids->count; j++)
			if ((p = at[n++] = model_index_threat_at(ix, ids->items[j])) < ix->nthreats)
				room[p]++;
	}
	ix->blocks[2] = slices(ix->threat_mitigations, ix->nthreats, room);
	for (q = 0, n = 0; q < m->nmitigations; q++) {
		for (j = 0; j < m->mitigations[q]->threats.count; j++) {
			if ((p = at[n++]) == ix->nthreats) {
				ix->dangling++;
				continue;
			}
			list_insert(&ix->mitigation_threats[q], p);
			list_insert(&ix->threat_mitigations[p], q);
		}
	}
	slices_done(ix->mitigation_threats, m->nmitigations);
	slices_done(ix->threat_mitigations, ix->nthreats);
	free(at);
	free(room);
}

enum credit_kind { CREDIT_ANSWER, CREDIT_DECISION };

static int *credit_slot(struct participant_tally *t, enum credit_kind k)
{
	return k == CREDIT_ANSWER ? &t->answers : &t->decisions;
}

/* Moves one credit (an answer, a decision) from `before` to `after`. */
static void credit(struct model_index *ix, enum credit_kind k, const char *before,
		   const char *after)
{
	size_t was = model_index_participant(ix, before), now = model_index_participant(ix, after);

	if (was < ix->nparticipants)
		(*credit_slot(&ix->tally[was], k))--;
	if (now < ix->nparticipants)
		(*credit_slot(&ix->tally[now], k))++;
}

static void count_credits(struct model_index *ix, const struct model *m)
{
	size_t i;

	for (i = 0; i < m->nanswers; i++)
		credit(ix, CREDIT_ANSWER, NULL, m->answers[i]->who);
	for (i = 0; i < m->ndecisions; i++)
		credit(ix, CREDIT_DECISION, NULL, m->decisions[i]->who);
}

static void count_votes(struct model_index *ix, const struct model *m)
{
	size_t i, p, who;

	for (i = 0; i < m->nvotes; i++) {
		const struct vote *v = m->votes[i];
		if ((p = model_index_threat_at(ix, v->threat)) < ix->nthreats)
			ix->votes[p] += v->count;
		if ((who = model_index_participant(ix, v->participant)) < ix->nparticipants)
			ix->tally[who].dots += v->count;
	}
}

static void decide_cells(struct model_index *ix, const struct model *m)
{
	size_t i, k;

	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *d = m->decisions[i];
		if ((k = model_index_element(ix, d->element)) == ix->nelements)
			continue;
		if (d->state == CELL_NONE)
			ix->cov[k].none |= STRIDE_BIT(d->letter);
		else if (d->state == CELL_NA)
			ix->cov[k].na |= STRIDE_BIT(d->letter);
	}
}

void model_index_build(struct model_index *ix, const struct model *m)
{
	size_t i;

	model_index_release(ix);
	ix->generation++;
	ix->model = m;
	ix->threat_at = xcalloc(1, sizeof(*ix->threat_at));
	ix->mitigation_at = xcalloc(1, sizeof(*ix->mitigation_at));
	build_elements(ix, m);
	build_participants(ix, m);
	grow_threats(ix, m->nthreats + 1);
	for (ix->nthreats = 0; ix->nthreats < m->nthreats; ix->nthreats++)
		place_threat(ix, m, ix->nthreats);
	list_threats(ix);
	slices_done(ix->element_threats, ix->nelements);
	build_mitigations(ix, m);
	count_votes(ix, m);
	count_credits(ix, m);
	for (i = 0; i < m->nelements; i++)
		ix->cov[i].applicable = element_letters(m->elements[i]);
	for (i = 0; i < ix->nthreats; i++)
		if (ix->threat_element[i] < ix->nelements)
			ix->cov[ix->threat_element[i]].threats |= ix->facts[i].letters;
	decide_cells(ix, m);
	coverage_totals(ix->cov, ix->nelements, &ix->totals);
}

/* ---- updates ---- */

/* Element k's coverage again from its threats and the model's decisions, and the totals. */
static void recount(struct model_index *ix, const struct model *m, size_t k)
{
	const struct position_list *l;
	struct element_coverage now;
	const struct decision *d;
	size_t i;
	int s;

	if (k >= ix->nelements)
		return;
	l = &ix->element_threats[k];
	memset(&now, 0, sizeof(now));
	now.applicable = element_letters(m->elements[k]);
	for (i = 0; i < l->n; i++)
		now.threats |= ix->facts[l->items[i]].letters;
	for (s = 0; s < STRIDE_COUNT; s++) {
		if (!(d = model_decision(m, m->elements[k]->id, (enum stride_letter)s)))
			continue;
		if (d->state == CELL_NONE)
			now.none |= STRIDE_BIT(s);
		else if (d->state == CELL_NA)
			now.na |= STRIDE_BIT(s);
	}
	coverage_totals_add(&ix->totals, &ix->cov[k], -1);
	coverage_totals_add(&ix->totals, &now, 1);
	ix->cov[k] = now;
}

void model_index_threat(struct model_index *ix, const struct model *m, const char *id)
{
	size_t p = model_index_threat_at(ix, id), was, k, who;
	const struct threat *t;

	if (p == ix->nthreats) { /* captured: the model's last */
		if (m->nthreats != ix->nthreats + 1 || ix->dangling ||
		    !str_eq(m->threats[p]->id, id)) {
			model_index_build(ix, m);
			return;
		}
		grow_threats(ix, p + 2);
		place_threat(ix, m, p);
		if (ix->threat_element[p] < ix->nelements)
			list_push(&ix->element_threats[ix->threat_element[p]], p);
		ix->nthreats++;
		recount(ix, m, ix->threat_element[p]);
		ix->generation++;
		return;
	}
	t = m->threats[p];
	ix->facts[p] = threat_facts_of(t);
	k = model_index_element(ix, t->element);
	if ((was = ix->threat_element[p]) != k) { /* moved to another element: rare */
		if (was < ix->nelements)
			list_remove(&ix->element_threats[was], p);
		if (k < ix->nelements)
			list_insert(&ix->element_threats[k], p);
		ix->threat_element[p] = k;
		recount(ix, m, was);
	}
	if ((who = model_index_participant(ix, t->raised_by)) != ix->threat_raiser[p]) {
		if (ix->threat_raiser[p] < ix->nparticipants)
			ix->tally[ix->threat_raiser[p]].raised--;
		if (who < ix->nparticipants)
			ix->tally[who].raised++;
		ix->threat_raiser[p] = who;
	}
	recount(ix, m, k);
	ix->generation++;
}

void model_index_cell(struct model_index *ix, const struct model *m, const char *element,
		      const char *before, const char *after)
{
	size_t k = model_index_element(ix, element);

	if (k == ix->nelements || m->nelements != ix->nelements) {
		model_index_build(ix, m);
		return;
	}
	recount(ix, m, k);
	credit(ix, CREDIT_DECISION, before, after);
	ix->generation++;
}

void model_index_answer(struct model_index *ix, const char *before, const char *after)
{
	credit(ix, CREDIT_ANSWER, before, after);
	ix->generation++;
}

void model_index_mitigation(struct model_index *ix, const struct model *m, const char *id)
{
	size_t q = mitigation_at(ix, m, id), j;
	struct position_list *l;

	/* A link to a threat not there may name the next capture: only a rebuild gets it right. */
	if (ix->dangling || (q == ix->nmitigations && (m->nmitigations != ix->nmitigations + 1 ||
						       !str_eq(m->mitigations[q]->id, id)))) {
		model_index_build(ix, m);
		return;
	}
	if (q == ix->nmitigations) { /* added: the model's last */
		ix->mitigation_threats =
		    xgrow(ix->mitigation_threats, sizeof(*l), q + 2, &ix->mitigations_cap);
		memset(&ix->mitigation_threats[q], 0, sizeof(*l));
		ix->nmitigations++;
	}
	l = &ix->mitigation_threats[q];
	for (j = 0; j < l->n; j++) /* edited: forget the threats it listed */
		list_remove(&ix->threat_mitigations[l->items[j]], q);
	if (link_mitigation(ix, m, q)) {
		model_index_build(ix, m);
		return;
	}
	ix->generation++;
}

void model_index_vote(struct model_index *ix, const struct model *m, const char *participant,
		      const char *threat, int before, int after)
{
	size_t p = model_index_threat_at(ix, threat);
	size_t who = model_index_participant(ix, participant);

	(void)m;
	if (p < ix->nthreats)
		ix->votes[p] += after - before;
	if (who < ix->nparticipants)
		ix->tally[who].dots += after - before;
	ix->generation++;
}

void model_index_participants(struct model_index *ix, const struct model *m)
{
	size_t i, p, who;

	strmap_clear(&ix->participant_at);
	free(ix->tally);
	build_participants(ix, m);
	for (p = 0; p < ix->nthreats; p++) {
		ix->threat_raiser[p] = model_index_participant(ix, m->threats[p]->raised_by);
		if (ix->threat_raiser[p] < ix->nparticipants)
			ix->tally[ix->threat_raiser[p]].raised++;
	}
	for (i = 0; i < m->nvotes; i++)
		if ((who = model_index_participant(ix, m->votes[i]->participant)) <
		    ix->nparticipants)
			ix->tally[who].dots += m->votes[i]->count;
	count_credits(ix, m);
	ix->generation++;
}

void model_index_touch(struct model_index *ix)
{
	ix->generation++;
}

/* ---- reading ---- */

size_t model_index_element(const struct model_index *ix, const char *id)
{
	return lookup(&ix->element_at, id, ix->nelements);
}

size_t model_index_threat_at(const struct model_index *ix, const char *id)
{
	if (!ix->model)
		return ix->nthreats;
	return id_position(ix->threat_at, (void *const *)ix->model->threats, ix->nthreats,
			   offsetof(struct threat, id), 'T', id);
}

size_t model_index_participant(const struct model_index *ix, const char *name)
{
	return lookup(&ix->participant_at, name, ix->nparticipants);
}

size_t model_index_walk_position(const struct model_index *ix, const char *element)
{
	size_t k = model_index_element(ix, element);

	return k < ix->nelements && ix->walk_at[k] ? ix->walk_at[k] - 1 : ix->norder;
}

const struct element_coverage *model_index_coverage(const struct model_index *ix,
						    const char *element)
{
	size_t k = model_index_element(ix, element);

	return k < ix->nelements ? &ix->cov[k] : NULL;
}

int model_index_cell_threats(const struct model_index *ix, const struct model *m,
			     const char *element, enum stride_letter l)
{
	size_t k = model_index_element(ix, element), i;
	const struct position_list *on;
	int n = 0;

	(void)m;
	if (k == ix->nelements)
		return 0;
	on = &ix->element_threats[k];
	for (i = 0; i < on->n; i++)
		n += (ix->facts[on->items[i]].letters & STRIDE_BIT(l)) != 0;
	return n;
}

int model_index_dots(const struct model_index *ix, const char *participant)
{
	size_t who = model_index_participant(ix, participant);

	return who < ix->nparticipants ? ix->tally[who].dots : 0;
}

/* ---- the self-check ---- */

static bool lists_equal(const struct position_list *a, const struct position_list *b)
{
	return a->n == b->n &&
	       (a->n == 0 || memcmp(a->items, b->items, a->n * sizeof(size_t)) == 0);
}

/* Says what differs ("the coverage of element", "payslip-fn"); returns true. */
static bool differ(struct sbuf *why, const char *what, const char *id)
{
	if (why)
		sbuf_addf(why, "%s%s%s", what, id ? " " : "", id ? id : "");
	return true;
}

static bool elements_differ(const struct model_index *ix, const struct model_index *f,
			    const struct model *m, struct sbuf *why)
{
	size_t i;

	if (ix->nelements != f->nelements || ix->norder != f->norder ||
	    ix->noutline != f->noutline || ix->element_at.count != f->element_at.count)
		return differ(why, "the number of elements, outline rows or walked elements", NULL);
	if (memcmp(&ix->totals, &f->totals, sizeof(f->totals)) != 0)
		return differ(why, "the coverage totals", NULL);
	for (i = 0; i < f->noutline; i++)
		if (ix->outline[i].kind != f->outline[i].kind ||
		    ix->outline[i].element != f->outline[i].element ||
		    ix->outline[i].index != f->outline[i].index ||
		    ix->outline[i].depth != f->outline[i].depth)
			return differ(why, "the outline", NULL);
	for (i = 0; i < f->norder; i++)
		if (ix->order[i] != f->order[i] || ix->order_element[i] != f->order_element[i])
			return differ(why, "the walk order at", f->order[i]->id);
	for (i = 0; i < f->nelements; i++) {
		const char *id = m->elements[i]->id;
		if (model_index_element(ix, id) != i || ix->walk_at[i] != f->walk_at[i])
			return differ(why, "the position of element", id);
		if (memcmp(&ix->cov[i], &f->cov[i], sizeof(f->cov[i])) != 0)
			return differ(why, "the coverage of element", id);
		if (!lists_equal(&ix->element_threats[i], &f->element_threats[i]))
			return differ(why, "the threats on element", id);
	}
	return false;
}

static bool threats_differ(const struct model_index *ix, const struct model_index *f,
			   const struct model *m, struct sbuf *why)
{
	size_t p, q;

	if (ix->nthreats != f->nthreats)
		return differ(why, "the number of threats", NULL);
	for (p = 0; p < f->nthreats; p++) {
		const char *id = m->threats[p]->id;
		if (model_index_threat_at(ix, id) != p ||
		    ix->threat_element[p] != f->threat_element[p])
			return differ(why, "the position or element of threat", id);
		if (memcmp(&ix->facts[p], &f->facts[p], sizeof(f->facts[p])) != 0)
			return differ(why, "the ratings, status or letters of threat", id);
		if (ix->votes[p] != f->votes[p])
			return differ(why, "the votes on threat", id);
		if (ix->threat_raiser[p] != f->threat_raiser[p])
			return differ(why, "who raised threat", id);
		if (!lists_equal(&ix->threat_mitigations[p], &f->threat_mitigations[p]))
			return differ(why, "the mitigations of threat", id);
	}
	if (ix->nmitigations != f->nmitigations || ix->dangling != f->dangling)
		return differ(why, "the number of mitigations or of links to missing threats",
			      NULL);
	for (q = 0; q < f->nmitigations; q++)
		if (mitigation_at(ix, m, m->mitigations[q]->id) != q ||
		    !lists_equal(&ix->mitigation_threats[q], &f->mitigation_threats[q]))
			return differ(why, "the threats of mitigation", m->mitigations[q]->id);
	return false;
}

static bool people_differ(const struct model_index *ix, const struct model_index *f,
			  const struct model *m, struct sbuf *why)
{
	size_t i;

	if (ix->nparticipants != f->nparticipants)
		return differ(why, "the number of participants", NULL);
	for (i = 0; i < f->nparticipants; i++)
		if (model_index_participant(ix, m->participants[i]->name) != i ||
		    memcmp(&ix->tally[i], &f->tally[i], sizeof(f->tally[i])) != 0)
			return differ(why, "the tally of participant", m->participants[i]->name);
	return false;
}

bool model_index_verify(const struct model_index *ix, const struct model *m, struct sbuf *why)
{
	struct model_index fresh = MODEL_INDEX_INIT;
	bool drifted;

	model_index_build(&fresh, m);
	drifted = elements_differ(ix, &fresh, m, why) || threats_differ(ix, &fresh, m, why) ||
		  people_differ(ix, &fresh, m, why);
	model_index_release(&fresh);
	return !drifted;
}
