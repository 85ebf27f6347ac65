/* The OTM writer (see report_otm.h). Objects keep their stridewalk ids; sections in OTM order. */
#include "report_otm.h"

#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "import_otm_map.h"
#include "model_index.h"
#include "model_slug.h"
#include "treew.h"
#include "util.h"

struct writer {
	const struct model *m;
	struct tw *w;
	struct model_index ix;
	bool outside; /* some element sits outside every boundary */
};

/* The "stridewalk:KEY" attribute, when it has a value. */
static void attr(struct tw *w, const char *key, const char *value)
{
	struct sbuf k = SBUF_INIT;

	if (str_empty(value))
		return;
	sbuf_addf(&k, "%s%s", OTM_ATTR, key);
	tw_kv_str(w, k.buf, value);
	sbuf_release(&k);
}

static void attr_list(struct tw *w, const char *key, const struct strlist *list)
{
	struct sbuf k = SBUF_INIT;

	sbuf_addf(&k, "%s%s", OTM_ATTR, key);
	tw_kv_list_opt(w, k.buf, list, true);
	sbuf_release(&k);
}

static void write_project(struct writer *wr)
{
	struct model *none = model_new();
	struct slug_maker ids;
	char *id;
	size_t i;

	slug_maker_init(&ids, none);
	id = slug_maker_make(&ids, wr->m->name, "project");
	tw_key(wr->w, "project");
	tw_map_begin(wr->w, false);
	tw_kv_str(wr->w, "name", wr->m->name);
	tw_kv_str(wr->w, "id", id);
	tw_kv_str_opt(wr->w, "description", wr->m->description);
	for (i = 0; i < wr->m->nparticipants; i++) {
		if (str_eq(wr->m->participants[i]->role, "owner")) {
			tw_kv_str(wr->w, "owner", wr->m->participants[i]->name);
			break;
		}
	}
	tw_key(wr->w, "attributes");
	tw_map_begin(wr->w, false);
	attr(wr->w, "format", "1");
	attr(wr->w, "scope", wr->m->scope);
	attr_list(wr->w, "assumptions", &wr->m->assumptions);
	tw_map_end(wr->w);
	tw_map_end(wr->w);
	slug_maker_release(&ids);
	model_free(none);
	free(id);
}

static void write_zone(struct tw *w, const char *id, const char *name, const char *description,
		       const char *parent)
{
	tw_map_begin(w, false);
	tw_kv_str(w, "id", id);
	tw_kv_str(w, "name", name);
	tw_kv_str_opt(w, "description", description);
	tw_key(w, "risk");
	tw_map_begin(w, true);
	tw_kv_int(w, "trustRating", OTM_TRUST_RATING);
	tw_map_end(w);
	if (parent) {
		tw_key(w, "parent");
		tw_map_begin(w, true);
		tw_kv_str(w, "trustZone", parent);
		tw_map_end(w);
	}
	tw_map_end(w);
}

static void write_trust_zones(struct writer *wr)
{
	size_t i;

	tw_key(wr->w, "trustZones");
	tw_seq_begin(wr->w, false);
	for (i = 0; i < wr->m->nelements; i++) {
		const struct element *e = wr->m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY)
			write_zone(wr->w, e->id, e->name, e->description, e->boundary);
		else if (e->kind != KIND_DATA_FLOW && !e->boundary)
			wr->outside = true;
	}
	/* OTM gives every component a parent: those outside every boundary get this zone */
	if (wr->outside)
		write_zone(wr->w, OTM_OUTSIDE_ZONE, "Outside every trust boundary",
			   "Elements that sit outside every trust boundary of the model.", NULL);
	tw_seq_end(wr->w);
}

/* The threat instances on element `at`, each with the instances of its mitigations. */
static void write_instances(struct writer *wr, size_t at)
{
	const struct position_list *threats = &wr->ix.element_threats[at];
	size_t i, k;

	if (!threats->n)
		return;
	tw_key(wr->w, "threats");
	tw_seq_begin(wr->w, false);
	for (i = 0; i < threats->n; i++) {
		size_t t = threats->items[i];
		const struct position_list *mits = &wr->ix.threat_mitigations[t];
		tw_map_begin(wr->w, false);
		tw_kv_str(wr->w, "threat", wr->m->threats[t]->id);
		tw_kv_str(wr->w, "state", otm_threat_state_out(wr->m->threats[t]->status));
		tw_key(wr->w, "mitigations");
		tw_seq_begin(wr->w, false);
		for (k = 0; k < mits->n; k++) {
			const struct mitigation *mit = wr->m->mitigations[mits->items[k]];
			tw_map_begin(wr->w, true);
			tw_kv_str(wr->w, "mitigation", mit->id);
			tw_kv_str(wr->w, "state", otm_mitigation_state_out(mit->status));
			tw_map_end(wr->w);
		}
		tw_seq_end(wr->w);
		tw_map_end(wr->w);
	}
	tw_seq_end(wr->w);
}

/* The STRIDE cells decided for the element: stridewalk:coverage:L and stridewalk:reason:L. */
static void write_coverage(struct writer *wr, const struct element *e)
{
	struct sbuf key = SBUF_INIT;
	int l;

	for (l = 0; l < STRIDE_COUNT; l++) {
		const struct decision *d = model_decision(wr->m, e->id, (enum stride_letter)l);
		if (!d)
			continue;
		sbuf_reset(&key);
		sbuf_addf(&key, "coverage:%c", stride_char((enum stride_letter)l));
		attr(wr->w, key.buf, cell_state_name(d->state));
		sbuf_reset(&key);
		sbuf_addf(&key, "reason:%c", stride_char((enum stride_letter)l));
		attr(wr->w, key.buf, d->reason);
	}
	sbuf_release(&key);
}

/* The attributes every element has: kind and type, scope, coverage. */
static void write_element_attributes(struct writer *wr, const struct element *e)
{
	tw_key(wr->w, "attributes");
	tw_map_begin(wr->w, false);
	if (e->kind != KIND_DATA_FLOW) {
		attr(wr->w, "kind", element_kind_name(e->kind));
		attr(wr->w, "type", e->type);
	}
	attr(wr->w, "is_log", e->is_log ? "true" : NULL);
	attr(wr->w, "out_of_scope", e->out_of_scope ? "true" : NULL);
	attr(wr->w, "out_of_scope_reason", e->out_of_scope_reason);
	if (e->kind == KIND_DATA_FLOW) {
		attr(wr->w, "protocol", e->protocol);
		attr_list(wr->w, "data", &e->data);
	}
	write_coverage(wr, e);
	tw_map_end(wr->w);
}

/* The OTM type: the one an earlier import kept as a tag, else the table's. */
static const char *component_type(const struct element *e)
{
	size_t i;

	for (i = 0; i < e->tags.count; i++)
		if (str_starts_with(e->tags.items[i], OTM_TYPE_TAG) &&
		    e->tags.items[i][strlen(OTM_TYPE_TAG)])
			return e->tags.items[i] + strlen(OTM_TYPE_TAG);
	return otm_type_out(e);
}

static void write_components(struct writer *wr)
{
	size_t i;

	tw_key(wr->w, "components");
	tw_seq_begin(wr->w, false);
	for (i = 0; i < wr->m->nelements; i++) {
		const struct element *e = wr->m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY || e->kind == KIND_DATA_FLOW)
			continue;
		tw_map_begin(wr->w, false);
		tw_kv_str(wr->w, "id", e->id);
		tw_kv_str(wr->w, "name", e->name);
		tw_kv_str(wr->w, "type", component_type(e));
		tw_kv_str_opt(wr->w, "description", e->description);
		tw_key(wr->w, "parent");
		tw_map_begin(wr->w, true);
		tw_kv_str(wr->w, "trustZone", e->boundary ? e->boundary : OTM_OUTSIDE_ZONE);
		tw_map_end(wr->w);
		tw_kv_list_opt(wr->w, "tags", &e->tags, true);
		write_instances(wr, i);
		write_element_attributes(wr, e);
		tw_map_end(wr->w);
	}
	tw_seq_end(wr->w);
}

static void write_dataflows(struct writer *wr)
{
	size_t i;

	tw_key(wr->w, "dataflows");
	tw_seq_begin(wr->w, false);
	for (i = 0; i < wr->m->nelements; i++) {
		const struct element *e = wr->m->elements[i];
		if (e->kind != KIND_DATA_FLOW)
			continue;
		tw_map_begin(wr->w, false);
		tw_kv_str(wr->w, "id", e->id);
		tw_kv_str(wr->w, "name", e->name);
		tw_kv_str_opt(wr->w, "description", e->description);
		tw_kv_bool(wr->w, "bidirectional", e->bidirectional);
		tw_kv_str(wr->w, "source", e->from);
		tw_kv_str(wr->w, "destination", e->to);
		tw_kv_list_opt(wr->w, "tags", &e->tags, true);
		write_instances(wr, i);
		write_element_attributes(wr, e);
		tw_map_end(wr->w);
	}
	tw_seq_end(wr->w);
}

static void write_threat(struct writer *wr, const struct threat *t)
{
	char letters[STRIDE_COUNT + 2];
	int l;

	tw_map_begin(wr->w, false);
	tw_kv_str(wr->w, "id", t->id);
	tw_kv_str(wr->w, "name", t->title);
	tw_kv_str_opt(wr->w, "description", t->description);
	tw_key(wr->w, "categories");
	tw_seq_begin(wr->w, true);
	tw_str(wr->w, stride_name(t->letter));
	for (l = 0; l < STRIDE_COUNT; l++)
		if (t->extra & STRIDE_BIT(l))
			tw_str(wr->w, stride_name((enum stride_letter)l));
	tw_seq_end(wr->w);
	tw_key(wr->w, "risk");
	tw_map_begin(wr->w, true);
	tw_kv_int(wr->w, "likelihood", otm_level_out(t->likelihood));
	tw_kv_int(wr->w, "impact", otm_level_out(t->impact));
	tw_map_end(wr->w);
	letters[0] = stride_char(t->letter);
	stride_set_string(t->extra, letters + 1);
	tw_key(wr->w, "attributes");
	tw_map_begin(wr->w, false);
	attr(wr->w, "stride", letters);
	attr(wr->w, "status", threat_status_name(t->status));
	attr(wr->w, "justification", t->justification);
	attr(wr->w, "origin", threat_origin_name(t->origin));
	attr(wr->w, "raised_by", t->raised_by);
	attr(wr->w, "raised_at", t->raised_at);
	attr(wr->w, "provenance", t->provenance);
	tw_map_end(wr->w);
	tw_map_end(wr->w);
}

static void write_mitigation(struct writer *wr, const struct mitigation *mit)
{
	tw_map_begin(wr->w, false);
	tw_kv_str(wr->w, "id", mit->id);
	tw_kv_str(wr->w, "name", mit->title);
	tw_kv_str_opt(wr->w, "description", mit->description);
	tw_kv_int(wr->w, "riskReduction", OTM_RISK_REDUCTION);
	tw_key(wr->w, "attributes");
	tw_map_begin(wr->w, false);
	attr(wr->w, "status", mitigation_status_name(mit->status));
	attr(wr->w, "owner", mit->owner);
	attr(wr->w, "ticket", mit->ticket);
	attr(wr->w, "due", mit->due);
	attr(wr->w, "verification", mit->verification);
	tw_map_end(wr->w);
	tw_map_end(wr->w);
}

int report_otm_write(const struct model *m, struct sbuf *out, struct sw_error *err)
{
	struct writer wr;
	size_t i;

	memset(&wr, 0, sizeof(wr));
	wr.m = m;
	wr.w = tw_new_json(out);
	model_index_build(&wr.ix, m);
	tw_map_begin(wr.w, false);
	tw_kv_str(wr.w, "otmVersion", OTM_EXPORT_VERSION);
	write_project(&wr);
	write_trust_zones(&wr);
	write_components(&wr);
	write_dataflows(&wr);
	tw_key(wr.w, "threats");
	tw_seq_begin(wr.w, false);
	for (i = 0; i < m->nthreats; i++)
		write_threat(&wr, m->threats[i]);
	tw_seq_end(wr.w);
	tw_key(wr.w, "mitigations");
	tw_seq_begin(wr.w, false);
	for (i = 0; i < m->nmitigations; i++)
		write_mitigation(&wr, m->mitigations[i]);
	tw_seq_end(wr.w);
	tw_map_end(wr.w);
	model_index_release(&wr.ix);
	if (tw_finish(wr.w))
		return sw_error(err, "cannot write OTM JSON (a string is not valid UTF-8)");
	return 0;
}
