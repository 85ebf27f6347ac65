/*
 * Writing a model as system-model YAML or JSON. The order is fixed (sections as in stridewalk-model(5),
 * objects in model order, keys in a fixed order), so export -> import -> export is byte-identical.
 */
#include "system_yaml.h"

#include "coverage.h"
#include "util.h"
#include "treew.h"

/* Where infrastructure code put the element, as one flow mapping. */
static void write_origin(struct tw *y, const struct origin *o)
{
	if (!o)
		return;
	tw_key(y, "origin");
	tw_map_begin(y, true);
	tw_kv_str(y, "file", o->file);
	tw_kv_int(y, "line", o->line);
	tw_kv_str_opt(y, "resource", o->resource);
	tw_kv_str_opt(y, "type", o->type);
	tw_kv_str_opt(y, "property", o->property);
	tw_kv_str_opt(y, "state", import_state_name(o->state));
	tw_map_end(y);
}

static void write_evidence(struct tw *y, const struct evidence *e)
{
	if (!e)
		return;
	tw_key(y, "evidence");
	tw_map_begin(y, true);
	tw_kv_str(y, "file", e->file);
	tw_kv_int(y, "line", e->line);
	tw_kv_str_opt(y, "resource", e->resource);
	tw_kv_str_opt(y, "property", e->property);
	tw_kv_str(y, "value", e->value);
	tw_map_end(y);
}

static void write_boundaries(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "boundaries");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind != KIND_TRUST_BOUNDARY)
			continue;
		tw_map_begin(y, false);
		tw_kv_str(y, "id", e->id);
		tw_kv_str(y, "name", e->name);
		tw_kv_str_opt(y, "description", e->description);
		tw_kv_str_opt(y, "parent", e->boundary);
		write_origin(y, e->origin);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_scope(struct tw *y, const struct element *e)
{
	tw_kv_list_opt(y, "tags", &e->tags, true);
	tw_kv_true_opt(y, "out_of_scope", e->out_of_scope);
	tw_kv_str_opt(y, "out_of_scope_reason", e->out_of_scope_reason);
	write_origin(y, e->origin);
}

static void write_elements(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "elements");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY || e->kind == KIND_DATA_FLOW)
			continue;
		tw_map_begin(y, false);
		tw_kv_str(y, "id", e->id);
		tw_kv_str(y, "kind", element_kind_name(e->kind));
		tw_kv_str(y, "type", e->type);
		tw_kv_str(y, "name", e->name);
		tw_kv_str_opt(y, "description", e->description);
		tw_kv_str_opt(y, "boundary", e->boundary);
		tw_kv_true_opt(y, "is_log", e->is_log);
		write_scope(y, e);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_flows(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "flows");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind != KIND_DATA_FLOW)
			continue;
		tw_map_begin(y, false);
		tw_kv_str(y, "id", e->id);
		tw_kv_str(y, "from", e->from);
		tw_kv_str(y, "to", e->to);
		tw_kv_str(y, "name", e->name);
		tw_kv_str_opt(y, "description", e->description);
		tw_kv_str_opt(y, "protocol", e->protocol);
		tw_kv_list_opt(y, "data", &e->data, true);
		tw_kv_true_opt(y, "bidirectional", e->bidirectional);
		write_scope(y, e);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_letters(struct tw *y, const struct threat *t)
{
	int l;
	char one[2] = {0, 0};

	tw_key(y, "stride");
	tw_seq_begin(y, true);
	one[0] = stride_char(t->letter);
	tw_str(y, one);
	for (l = 0; l < STRIDE_COUNT; l++) {
		if (t->extra & STRIDE_BIT(l)) {
			one[0] = stride_char((enum stride_letter)l);
			tw_str(y, one);
		}
	}
	tw_seq_end(y);
}

static void write_threats(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "threats");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nthreats; i++) {
		const struct threat *t = m->threats[i];
		tw_map_begin(y, false);
		tw_kv_str(y, "id", t->id);
		tw_kv_str(y, "element", t->element);
		write_letters(y, t);
		tw_kv_str(y, "title", t->title);
		tw_kv_str_opt(y, "description", t->description);
		tw_kv_int(y, "likelihood", t->likelihood);
		tw_kv_int(y, "impact", t->impact);
		tw_kv_str(y, "status", threat_status_name(t->status));
		tw_kv_str_opt(y, "justification", t->justification);
		tw_kv_str(y, "origin", threat_origin_name(t->origin));
		tw_kv_str_opt(y, "raised_by", t->raised_by);
		tw_kv_str_opt(y, "raised_at", t->raised_at);
		tw_kv_str_opt(y, "provenance", t->provenance);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_mitigations(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "mitigations");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nmitigations; i++) {
		const struct mitigation *mit = m->mitigations[i];
		tw_map_begin(y, false);
		tw_kv_str(y, "id", mit->id);
		tw_kv_str(y, "title", mit->title);
		tw_kv_str_opt(y, "description", mit->description);
		tw_kv_str(y, "status", mitigation_status_name(mit->status));
		tw_kv_str_opt(y, "owner", mit->owner);
		tw_kv_str_opt(y, "ticket", mit->ticket);
		tw_kv_str_opt(y, "due", mit->due);
		tw_kv_str_opt(y, "verification", mit->verification);
		tw_kv_list_opt(y, "threats", &mit->threats, true);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_coverage(struct tw *y, const struct model *m)
{
	size_t i;
	char letter[2] = {0, 0};

	tw_key(y, "coverage");
	tw_seq_begin(y, false);
	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *d = m->decisions[i];
		letter[0] = stride_char(d->letter);
		tw_map_begin(y, false);
		tw_kv_str(y, "element", d->element);
		tw_kv_str(y, "letter", letter);
		tw_kv_str(y, "state", cell_state_name(d->state));
		tw_kv_str(y, "reason", d->reason);
		tw_kv_str_opt(y, "who", d->who);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_answers(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "answers");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nanswers; i++) {
		const struct answer *a = m->answers[i];
		tw_map_begin(y, false);
		tw_kv_str(y, "element", a->element);
		tw_kv_str(y, "questionnaire", a->questionnaire);
		tw_kv_str(y, "question", a->question);
		tw_kv_str(y, "value", a->value);
		tw_kv_str_opt(y, "note", a->note);
		tw_kv_str_opt(y, "who", a->who);
		tw_kv_str_opt(y, "when", a->when);
		if (a->session > 0)
			tw_kv_int(y, "session", a->session);
		write_evidence(y, a->evidence);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_suggestion_decisions(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "suggestion_decisions");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nsuggestion_decisions; i++) {
		const struct suggestion_decision *d = m->suggestion_decisions[i];
		tw_map_begin(y, false);
		tw_kv_str(y, "element", d->element);
		tw_kv_str(y, "questionnaire", d->questionnaire);
		tw_kv_str(y, "question", d->question);
		tw_kv_str(y, "answer", d->answer);
		tw_kv_int(y, "index", d->index);
		tw_kv_str(y, "decision", d->accepted ? "accepted" : "skipped");
		tw_kv_str_opt(y, "threat", d->threat);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_items(struct tw *y, const struct model *m)
{
	size_t i;

	tw_key(y, "open_items");
	tw_seq_begin(y, false);
	for (i = 0; i < m->nitems; i++) {
		const struct open_item *item = m->items[i];
		tw_map_begin(y, false);
		tw_kv_str(y, "id", item->id);
		tw_kv_str(y, "kind", item->kind == ITEM_PARKING ? "parking" : "question");
		tw_kv_str(y, "text", item->text);
		tw_kv_str_opt(y, "owner", item->owner);
		tw_kv_str_opt(y, "due", item->due);
		tw_kv_str_opt(y, "element", item->element);
		tw_kv_true_opt(y, "closed", item->closed);
		tw_kv_str_opt(y, "resolution", item->resolution);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_people(struct tw *y, const struct model *m)
{
	size_t i;

	if (m->nparticipants) {
		tw_key(y, "participants");
		tw_seq_begin(y, false);
		for (i = 0; i < m->nparticipants; i++) {
			tw_map_begin(y, false);
			tw_kv_str(y, "name", m->participants[i]->name);
			tw_kv_str_opt(y, "role", m->participants[i]->role);
			tw_map_end(y);
		}
		tw_seq_end(y);
	}
	if (m->nvotes) {
		tw_key(y, "votes");
		tw_seq_begin(y, false);
		for (i = 0; i < m->nvotes; i++) {
			tw_map_begin(y, false);
			tw_kv_str(y, "participant", m->votes[i]->participant);
			tw_kv_str(y, "threat", m->votes[i]->threat);
			tw_kv_int(y, "count", m->votes[i]->count);
			tw_map_end(y);
		}
		tw_seq_end(y);
	}
}

static void write_phases(struct tw *y, const struct session *s)
{
	size_t i;

	tw_key(y, "phases");
	tw_seq_begin(y, false);
	for (i = 0; i < s->nphases; i++) {
		tw_map_begin(y, false);
		tw_kv_str(y, "name", s->phases[i].name);
		tw_kv_int(y, "minutes", s->phases[i].timebox_min);
		tw_kv_str_opt(y, "started", s->phases[i].started);
		tw_kv_str_opt(y, "ended", s->phases[i].ended);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_sessions(struct tw *y, const struct model *m)
{
	size_t i;

	if (m->nsessions) {
		tw_key(y, "sessions");
		tw_seq_begin(y, false);
		for (i = 0; i < m->nsessions; i++) {
			const struct session *s = m->sessions[i];
			tw_map_begin(y, false);
			tw_kv_int(y, "number", s->number);
			tw_kv_str(y, "mode", s->mode);
			tw_kv_str_opt(y, "facilitator", s->facilitator);
			tw_kv_str(y, "started", s->started);
			tw_kv_str_opt(y, "ended", s->ended);
			tw_kv_str_opt(y, "notes", s->notes);
			tw_kv_list_opt(y, "packs", &s->packs, true);
			tw_kv_list_opt(y, "participants", &s->people, true);
			if (s->nphases)
				write_phases(y, s);
			tw_map_end(y);
		}
		tw_seq_end(y);
	}
	if (m->nreviews) {
		tw_key(y, "reviews");
		tw_seq_begin(y, false);
		for (i = 0; i < m->nreviews; i++) {
			tw_map_begin(y, false);
			tw_kv_str(y, "subject", m->reviews[i]->subject);
			tw_kv_str_opt(y, "comment", m->reviews[i]->comment);
			tw_kv_str_opt(y, "who", m->reviews[i]->who);
			tw_kv_str(y, "at", m->reviews[i]->at);
			tw_map_end(y);
		}
		tw_seq_end(y);
	}
}

static bool has_kind(const struct model *m, bool (*match)(enum element_kind))
{
	size_t i;

	for (i = 0; i < m->nelements; i++)
		if (match(m->elements[i]->kind))
			return true;
	return false;
}

static bool is_boundary(enum element_kind k)
{
	return k == KIND_TRUST_BOUNDARY;
}

static bool is_flow(enum element_kind k)
{
	return k == KIND_DATA_FLOW;
}

static bool is_node(enum element_kind k)
{
	return k != KIND_TRUST_BOUNDARY && k != KIND_DATA_FLOW;
}

int system_write(const struct model *m, bool json, struct sbuf *out, struct sw_error *err)
{
	struct tw *y = json ? tw_new_json(out) : tw_new_yaml(out);

	tw_map_begin(y, false);
	tw_kv_int(y, "stridewalk", SYSTEM_FORMAT_VERSION);
	tw_kv_str(y, "name", m->name);
	tw_kv_str_opt(y, "description", m->description);
	tw_kv_str_opt(y, "scope", m->scope);
	if (has_kind(m, is_boundary))
		write_boundaries(y, m);
	if (has_kind(m, is_node))
		write_elements(y, m);
	if (has_kind(m, is_flow))
		write_flows(y, m);
	tw_kv_list_opt(y, "assumptions", &m->assumptions, false);
	if (m->nthreats)
		write_threats(y, m);
	if (m->nmitigations)
		write_mitigations(y, m);
	if (m->ndecisions)
		write_coverage(y, m);
	if (m->nanswers)
		write_answers(y, m);
	if (m->nsuggestion_decisions)
		write_suggestion_decisions(y, m);
	if (m->nitems)
		write_items(y, m);
	write_people(y, m);
	write_sessions(y, m);
	tw_map_end(y);
	if (tw_finish(y))
		return sw_error(err, "cannot write %s (a string is not valid UTF-8)",
				json ? "JSON" : "YAML");
	return 0;
}
