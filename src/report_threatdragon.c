/*
 * The Threat Dragon writer (see report_threatdragon.h). The cells come in drawing order:
 * boundary boxes (outer ones lowest), then actors, processes and stores, then flows. Cell ids
 * are the element ids, so the file reads back into the same diagram.
 */
#include "report_threatdragon.h"

#include <stdlib.h>
#include <string.h>

#include "import_threatdragon.h"
#include "import_threatdragon_threat.h"
#include "model_index.h"
#include "report_layout.h"
#include "treew.h"
#include "util.h"
#include "xalloc.h"

struct writer {
	const struct model *m;
	struct tw *w;
	struct layout layout;
	struct model_index ix; /* threats per element, mitigations per threat */
	struct td_origin *origins; /* per threat: what its provenance says */
	long *numbers; /* per threat: the number it is written with */
	long top; /* the highest number */
};

/* Threat numbers: kept where the provenance has one, the others counted on from the highest. */
static void number_threats(struct writer *wr)
{
	size_t i, n = wr->m->nthreats ? wr->m->nthreats : 1;

	wr->origins = xcalloc(n, sizeof(*wr->origins));
	wr->numbers = xcalloc(n, sizeof(*wr->numbers));
	for (i = 0; i < wr->m->nthreats; i++) {
		td_origin_parse(wr->m->threats[i]->provenance, &wr->origins[i]);
		if (wr->origins[i].number > wr->top)
			wr->top = wr->origins[i].number;
	}
	for (i = 0; i < wr->m->nthreats; i++)
		wr->numbers[i] = wr->origins[i].number >= 0 ? wr->origins[i].number : ++wr->top;
}

static void release(struct writer *wr)
{
	size_t i;

	for (i = 0; i < wr->m->nthreats; i++)
		td_origin_release(&wr->origins[i]);
	free(wr->origins);
	free(wr->numbers);
	model_index_release(&wr->ix);
	layout_release(&wr->layout);
}

/* A cell id: the element id, which is unique; one letter is too short for Threat Dragon. */
static void cell_id(struct tw *w, const char *key, const char *id)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addstr(&sb, id);
	if (sb.len < 2)
		sbuf_addch(&sb, '_'); /* never in a slug, so never another element's id */
	tw_kv_str(w, key, sb.buf);
	sbuf_release(&sb);
}

/* ---- threats --------------------------------------------------------------------------- */

/* The mitigation texts of a threat, one paragraph each, or the justification of a closed one. */
static void mitigation_text(const struct writer *wr, size_t at, struct sbuf *out)
{
	const struct threat *t = wr->m->threats[at];
	const struct position_list *mits = &wr->ix.threat_mitigations[at];
	size_t i;

	for (i = 0; i < mits->n; i++) {
		const struct mitigation *mit = wr->m->mitigations[mits->items[i]];
		sbuf_addf(out, "%s%s", i ? "\n\n" : "",
			  mit->description ? mit->description : mit->title);
	}
	if (!mits->n && threat_status_needs_reason(t->status) && t->justification &&
	    !str_eq(t->justification, td_default_justification(t->status)))
		sbuf_addstr(out, t->justification);
}

/* The original severity while the ratings are what it became; else the word of the band. */
static const char *severity_of(const struct threat *t, const struct td_origin *o)
{
	bool known;
	int rating = td_severity_rating(o->severity, &known);

	if (o->found && t->likelihood == rating && t->impact == rating)
		return o->severity ? o->severity : "";
	return td_severity_of_risk(threat_risk(t));
}

static const char *type_of(const struct threat *t, const struct td_origin *o,
			   const struct element *e)
{
	if (o->found && e && td_letter_of(o->type, e) == t->letter)
		return o->type;
	return stride_name(t->letter);
}

static const char *status_of(const struct threat *t, const struct td_origin *o)
{
	bool known, usual;

	if (o->found && o->status && td_status_of(o->status, &known, &usual) == t->status)
		return o->status;
	return td_status_word(t->status);
}

static void write_threat(struct writer *wr, size_t at, const struct element *e)
{
	const struct threat *t = wr->m->threats[at];
	const struct td_origin *o = &wr->origins[at];
	struct sbuf text = SBUF_INIT;

	tw_map_begin(wr->w, false);
	tw_kv_str(wr->w, "id", o->id ? o->id : t->id);
	tw_kv_str(wr->w, "title", t->title);
	tw_kv_str(wr->w, "status", status_of(t, o));
	tw_kv_str(wr->w, "severity", severity_of(t, o));
	tw_kv_str(wr->w, "type", type_of(t, o, e));
	tw_kv_str(wr->w, "description", t->description ? t->description : "");
	mitigation_text(wr, at, &text);
	tw_kv_str(wr->w, "mitigation", text.buf);
	tw_kv_str(wr->w, "modelType", o->model ? o->model : "STRIDE");
	tw_kv_bool(wr->w, "new", false);
	tw_kv_int(wr->w, "number", wr->numbers[at]);
	tw_kv_str(wr->w, "score", o->score ? o->score : "");
	tw_map_end(wr->w);
	sbuf_release(&text);
}

static bool has_open_threats(const struct writer *wr, const struct position_list *threats)
{
	size_t i;

	for (i = 0; i < threats->n; i++)
		if (threat_status_is_active(wr->m->threats[threats->items[i]]->status))
			return true;
	return false;
}

/* ---- cells ----------------------------------------------------------------------------- */

static void write_geometry(struct writer *wr, size_t i)
{
	const struct layout_rect *r = &wr->layout.rects[i];

	tw_key(wr->w, "position");
	tw_map_begin(wr->w, true);
	tw_kv_int(wr->w, "x", r->x);
	tw_kv_int(wr->w, "y", r->y);
	tw_map_end(wr->w);
	tw_key(wr->w, "size");
	tw_map_begin(wr->w, true);
	tw_kv_int(wr->w, "width", r->w);
	tw_kv_int(wr->w, "height", r->h);
	tw_map_end(wr->w);
}

/* attrs.text.text (nodes) or attrs.label.text (boxes): the name, wrapped to fit the shape. */
static void write_label(struct tw *w, const char *part, const char *name)
{
	char *text = layout_wrap(name, 18);

	tw_key(w, "attrs");
	tw_map_begin(w, false);
	tw_key(w, part);
	tw_map_begin(w, false);
	tw_kv_str(w, "text", text);
	tw_map_end(w);
	tw_map_end(w);
	free(text);
}

static void write_box(struct writer *wr, size_t i)
{
	const struct element *e = wr->m->elements[i];

	tw_map_begin(wr->w, false);
	write_geometry(wr, i);
	write_label(wr->w, "label", e->name);
	tw_kv_bool(wr->w, "visible", true);
	tw_kv_str(wr->w, "shape", "trust-boundary-box");
	cell_id(wr->w, "id", e->id);
	tw_kv_int(wr->w, "zIndex", wr->layout.depth[i] - wr->layout.max_depth - 1);
	tw_key(wr->w, "data");
	tw_map_begin(wr->w, false);
	tw_kv_str(wr->w, "type", "tm.BoundaryBox");
	tw_kv_str(wr->w, "name", e->name);
	tw_kv_str(wr->w, "description", e->description ? e->description : "");
	tw_kv_bool(wr->w, "isTrustBoundary", true);
	tw_kv_bool(wr->w, "hasOpenThreats", false);
	tw_map_end(wr->w);
	tw_map_end(wr->w);
}

/* The flags of this kind of cell, from the element's tags, and its privilege level. */
static void write_flags(struct tw *w, const struct element *e)
{
	size_t n, i, k;
	const struct td_flag *flags = td_flags(&n);

	for (i = 0; i < n; i++)
		if (flags[i].kinds & (1u << e->kind))
			tw_kv_bool(w, flags[i].key, strlist_contains(&e->tags, flags[i].tag));
	if (e->kind == KIND_DATA_STORE)
		tw_kv_bool(w, "isALog", e->is_log);
	if (e->kind == KIND_DATA_FLOW) {
		tw_kv_bool(w, "isBidirectional", e->bidirectional);
		tw_kv_str(w, "protocol", e->protocol ? e->protocol : "");
	}
	if (e->kind != KIND_PROCESS)
		return;
	for (k = 0; k < e->tags.count; k++)
		if (str_starts_with(e->tags.items[k], TD_PRIVILEGE_TAG))
			break;
	tw_kv_str(w, "privilegeLevel",
		  k < e->tags.count ? e->tags.items[k] + strlen(TD_PRIVILEGE_TAG) : "");
}

static void write_data(struct writer *wr, size_t i)
{
	static const char *const types[] = {"tm.Actor", "tm.Process", "tm.Store", "tm.Flow"};
	const struct element *e = wr->m->elements[i];
	const struct position_list *threats = &wr->ix.element_threats[i];
	size_t k;

	tw_key(wr->w, "data");
	tw_map_begin(wr->w, false);
	tw_kv_str(wr->w, "type", types[e->kind]);
	tw_kv_str(wr->w, "name", e->name);
	tw_kv_str(wr->w, "description", e->description ? e->description : "");
	tw_kv_bool(wr->w, "isTrustBoundary", false);
	tw_kv_bool(wr->w, "outOfScope", e->out_of_scope);
	tw_kv_str(wr->w, "reasonOutOfScope", e->out_of_scope_reason ? e->out_of_scope_reason : "");
	write_flags(wr->w, e);
	tw_kv_bool(wr->w, "hasOpenThreats", has_open_threats(wr, threats));
	tw_key(wr->w, "threats");
	tw_seq_begin(wr->w, false);
	for (k = 0; k < threats->n; k++)
		write_threat(wr, threats->items[k], e);
	tw_seq_end(wr->w);
	tw_map_end(wr->w);
}

static void write_node(struct writer *wr, size_t i, int z)
{
	static const char *const shapes[] = {"actor", "process", "store"};
	const struct element *e = wr->m->elements[i];

	tw_map_begin(wr->w, false);
	write_geometry(wr, i);
	write_label(wr->w, "text", e->name);
	tw_kv_bool(wr->w, "visible", true);
	tw_kv_str(wr->w, "shape", shapes[e->kind]);
	cell_id(wr->w, "id", e->id);
	tw_kv_int(wr->w, "zIndex", z);
	write_data(wr, i);
	tw_map_end(wr->w);
}

static void write_end(struct tw *w, const char *key, const char *id)
{
	tw_key(w, key);
	tw_map_begin(w, true);
	cell_id(w, "cell", id);
	tw_map_end(w);
}

static void write_line(struct tw *w, bool both_ways)
{
	tw_key(w, "attrs");
	tw_map_begin(w, false);
	tw_key(w, "line");
	tw_map_begin(w, false);
	tw_kv_str(w, "stroke", "#333333");
	tw_key(w, "targetMarker");
	tw_map_begin(w, true);
	tw_kv_str(w, "name", "block");
	tw_map_end(w);
	tw_key(w, "sourceMarker");
	tw_map_begin(w, true);
	tw_kv_str(w, "name", both_ways ? "block" : "");
	tw_map_end(w);
	tw_map_end(w);
	tw_map_end(w);
}

static void write_flow(struct writer *wr, size_t i, int z)
{
	const struct element *e = wr->m->elements[i];
	struct tw *w = wr->w;

	tw_map_begin(w, false);
	tw_kv_str(w, "shape", "flow");
	write_line(w, e->bidirectional);
	tw_kv_int(w, "zIndex", z);
	tw_kv_str(w, "connector", "smooth");
	tw_key(w, "labels");
	tw_seq_begin(w, false);
	tw_map_begin(w, false);
	tw_key(w, "attrs");
	tw_map_begin(w, false);
	tw_key(w, "label");
	tw_map_begin(w, false);
	tw_kv_str(w, "text", e->name);
	tw_map_end(w);
	tw_map_end(w);
	tw_map_end(w);
	tw_seq_end(w);
	write_data(wr, i);
	cell_id(w, "id", e->id);
	write_end(w, "source", e->from);
	write_end(w, "target", e->to);
	tw_key(w, "vertices");
	tw_seq_begin(w, false);
	if (wr->layout.has_bend[i]) {
		tw_map_begin(w, true);
		tw_kv_int(w, "x", wr->layout.bend_x[i]);
		tw_kv_int(w, "y", wr->layout.bend_y[i]);
		tw_map_end(w);
	}
	tw_seq_end(w);
	tw_map_end(w);
}

static void write_cells(struct writer *wr)
{
	size_t i;
	int z = 1;

	tw_key(wr->w, "cells");
	tw_seq_begin(wr->w, false);
	for (i = 0; i < wr->m->nelements; i++)
		if (wr->m->elements[i]->kind == KIND_TRUST_BOUNDARY)
			write_box(wr, i);
	for (i = 0; i < wr->m->nelements; i++) {
		enum element_kind k = wr->m->elements[i]->kind;
		if (k != KIND_TRUST_BOUNDARY && k != KIND_DATA_FLOW)
			write_node(wr, i, z++);
	}
	for (i = 0; i < wr->m->nelements; i++)
		if (wr->m->elements[i]->kind == KIND_DATA_FLOW)
			write_flow(wr, i, z++);
	tw_seq_end(wr->w);
}

/* ---- the document ---------------------------------------------------------------------- */

/* The first participant with `role`, or "". */
static const char *person(const struct model *m, const char *role)
{
	size_t i;

	for (i = 0; i < m->nparticipants; i++)
		if (str_eq(m->participants[i]->role, role))
			return m->participants[i]->name;
	return "";
}

static void write_summary(struct writer *wr)
{
	tw_key(wr->w, "summary");
	tw_map_begin(wr->w, false);
	tw_kv_str(wr->w, "title", wr->m->name);
	tw_kv_str(wr->w, "owner", person(wr->m, "owner"));
	tw_kv_str(wr->w, "description", wr->m->description ? wr->m->description : "");
	tw_kv_int(wr->w, "id", 0);
	tw_map_end(wr->w);
}

static void write_contributors(struct writer *wr)
{
	const char *owner = person(wr->m, "owner"), *reviewer = person(wr->m, "reviewer");
	size_t i;

	tw_key(wr->w, "contributors");
	tw_seq_begin(wr->w, false);
	for (i = 0; i < wr->m->nparticipants; i++) {
		const char *name = wr->m->participants[i]->name;
		if (str_eq(name, owner) || str_eq(name, reviewer))
			continue;
		tw_map_begin(wr->w, true);
		tw_kv_str(wr->w, "name", name);
		tw_map_end(wr->w);
	}
	tw_seq_end(wr->w);
}

static void write_diagram(struct writer *wr)
{
	tw_key(wr->w, "diagrams");
	tw_seq_begin(wr->w, false);
	tw_map_begin(wr->w, false);
	tw_kv_int(wr->w, "id", 0);
	tw_kv_str(wr->w, "title", wr->m->name);
	tw_kv_str(wr->w, "diagramType", "STRIDE");
	tw_kv_str(wr->w, "placeholder", "");
	tw_kv_str(wr->w, "thumbnail", "./public/content/images/thumbnail.stride.jpg");
	tw_kv_str(wr->w, "version", TD_EXPORT_VERSION);
	tw_kv_str(wr->w, "description", "");
	write_cells(wr);
	tw_map_end(wr->w);
	tw_seq_end(wr->w);
}

int report_threatdragon_write(const struct model *m, struct sbuf *out, struct sw_error *err)
{
	struct writer wr;

	memset(&wr, 0, sizeof(wr));
	wr.m = m;
	wr.w = tw_new_json(out);
	layout_make(m, &wr.layout);
	model_index_build(&wr.ix, m);
	number_threats(&wr);
	tw_map_begin(wr.w, false);
	tw_kv_str(wr.w, "version", TD_EXPORT_VERSION);
	write_summary(&wr);
	tw_key(wr.w, "detail");
	tw_map_begin(wr.w, false);
	write_contributors(&wr);
	write_diagram(&wr);
	tw_kv_int(wr.w, "diagramTop", 1);
	tw_kv_str(wr.w, "reviewer", person(m, "reviewer"));
	tw_kv_int(wr.w, "threatTop", wr.top);
	tw_map_end(wr.w);
	tw_map_end(wr.w);
	release(&wr);
	if (tw_finish(wr.w))
		return sw_error(err,
				"cannot write Threat Dragon JSON (a string is not valid UTF-8)");
	return 0;
}
