/*
 * System-model YAML: the tree from tree_yaml.c is checked section by section into a model, then
 * every reference is resolved, so a file either loads whole or not at all.
 */
#include "system_yaml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "coverage.h"
#include "fileio.h"
#include "tree_yaml.h"
#include "util.h"
#include "xalloc.h"
#include "ynode.h"

struct loader {
	struct yctx ctx;
	struct model *m;
	struct strmap nodes; /* id -> the ynode mapping that defined it (elements and threats) */
	/* Going on past problems (lint): the ids of elements and threats that did not load,
	 * which the reference checks skip, and whether the sections whose references are
	 * checked by position (mitigations, coverage, answers, ...) all loaded. */
	struct strmap failed;
	bool positions_unsafe;
};

static const char *const top_keys[] = {
    "stridewalk",
    "name",
    "description",
    "scope",
    "boundaries",
    "elements",
    "flows",
    "assumptions",
    "threats",
    "mitigations",
    "coverage",
    "answers",
    "suggestion_decisions",
    "open_items",
    "participants",
    "votes",
    "sessions",
    "reviews",
    NULL,
};
static const char *const boundary_keys[] = {"id", "name", "description", "parent", "origin", NULL};
static const char *const element_keys[] = {
    "id",       "kind", "type",   "name",         "description",
    "boundary", "tags", "is_log", "out_of_scope", "out_of_scope_reason",
    "origin",   NULL,
};
static const char *const flow_keys[] = {
    "id",   "from",          "to",   "name",         "description",         "protocol",
    "data", "bidirectional", "tags", "out_of_scope", "out_of_scope_reason", "origin",
    NULL,
};
static const char *const threat_keys[] = {
    "id",     "element",       "stride", "title",     "description", "likelihood", "impact",
    "status", "justification", "origin", "raised_by", "raised_at",   "provenance", NULL,
};
static const char *const mitigation_keys[] = {
    "id",     "title", "description",  "status",  "owner",
    "ticket", "due",   "verification", "threats", NULL,
};
static const char *const coverage_keys[] = {"element", "letter", "state", "reason", "who", NULL};
static const char *const answer_keys[] = {
    "element", "questionnaire", "question", "value",    "note",
    "who",     "when",          "session",  "evidence", NULL,
};
static const char *const origin_keys[] = {"file",     "line",  "resource", "type",
					  "property", "state", NULL};
static const char *const evidence_keys[] = {"file", "line", "resource", "property", "value", NULL};
static const char *const suggestion_decision_keys[] = {
    "element", "questionnaire", "question", "answer", "index", "decision", "threat", NULL,
};
static const char *const item_keys[] = {
    "id", "kind", "text", "owner", "due", "element", "closed", "resolution", NULL,
};
static const char *const participant_keys[] = {"name", "role", NULL};
static const char *const vote_keys[] = {"participant", "threat", "count", NULL};
static const char *const session_keys[] = {
    "number", "mode",  "facilitator",  "started", "ended",
    "notes",  "packs", "participants", "phases",  NULL,
};
static const char *const phase_keys[] = {"name", "minutes", "started", "ended", NULL};
static const char *const review_keys[] = {"subject", "comment", "who", "at", NULL};

/* The value node under `key`, or the mapping itself so errors still point somewhere. */
static const struct ynode *at(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	return v ? v : map;
}

/* Checks that `id` is a well-formed slug not used before (the caller then remembers it). */
static int define_id(struct loader *ld, const struct ynode *map, const char *id)
{
	const struct ynode *first = strmap_get(&ld->nodes, id);

	if (!slug_valid(id))
		return yerr(&ld->ctx, at(map, "id"),
			    "id '%s' must be a lowercase slug: letters, digits and '-', at most 64",
			    id);
	if (first)
		return yerr(&ld->ctx, at(map, "id"), "duplicate id '%s' (first defined at line %d)",
			    id, first->line);
	return 0;
}

/* Adds a parsed element to the model and indexes where it was defined (keyed by its own id). */
static void add_element(struct loader *ld, const struct ynode *map, struct element *e)
{
	model_add_element(ld->m, e);
	strmap_put(&ld->nodes, e->id, (void *)map);
}

/* origin: { file, line, resource, type, property, state } */
static int origin_field(struct loader *ld, const struct ynode *map, struct element *e)
{
	const struct yctx *c = &ld->ctx;
	const struct ynode *o = ynode_get(map, "origin");
	char *state = NULL;
	long line = 0;
	int rc = 0;

	if (!o)
		return 0;
	if (ynode_expect(c, o, YNODE_MAP, "an origin") ||
	    ynode_check_keys(c, o, "an origin", origin_keys))
		return -1;
	e->origin = origin_new(NULL, 0, NULL, NULL, NULL);
	if (ynode_str(c, o, "file", true, &e->origin->file) ||
	    ynode_int(c, o, "line", true, 0, 100000000, &line) ||
	    ynode_str(c, o, "resource", false, &e->origin->resource) ||
	    ynode_str(c, o, "type", false, &e->origin->type) ||
	    ynode_str(c, o, "property", false, &e->origin->property) ||
	    ynode_str(c, o, "state", false, &state))
		rc = -1;
	e->origin->line = (int)line;
	if (rc == 0 && state && import_state_parse(state, &e->origin->state))
		rc = yerr(c, at(o, "state"),
			  "unknown state '%s' (expected new, changed or removed)", state);
	free(state);
	return rc;
}

/* evidence: { file, line, resource, property, value } */
static int evidence_field(struct loader *ld, const struct ynode *map, struct answer *a)
{
	const struct yctx *c = &ld->ctx;
	const struct ynode *v = ynode_get(map, "evidence");
	long line = 0;

	if (!v)
		return 0;
	if (ynode_expect(c, v, YNODE_MAP, "evidence") ||
	    ynode_check_keys(c, v, "evidence", evidence_keys))
		return -1;
	a->evidence = evidence_new(NULL, 0, NULL, NULL, NULL);
	if (ynode_str(c, v, "file", true, &a->evidence->file) ||
	    ynode_int(c, v, "line", true, 0, 100000000, &line) ||
	    ynode_str(c, v, "resource", false, &a->evidence->resource) ||
	    ynode_str(c, v, "property", false, &a->evidence->property) ||
	    ynode_str(c, v, "value", true, &a->evidence->value))
		return -1;
	a->evidence->line = (int)line;
	return 0;
}

static int common_fields(struct loader *ld, const struct ynode *map, struct element *e)
{
	const struct yctx *c = &ld->ctx;

	if (ynode_str(c, map, "name", true, &e->name) ||
	    ynode_str(c, map, "description", false, &e->description) ||
	    ynode_str_list(c, map, "tags", &e->tags) ||
	    ynode_bool(c, map, "out_of_scope", &e->out_of_scope) ||
	    ynode_str(c, map, "out_of_scope_reason", false, &e->out_of_scope_reason))
		return -1;
	if (e->out_of_scope_reason && !e->out_of_scope)
		return yerr(c, at(map, "out_of_scope_reason"),
			    "'out_of_scope_reason' needs 'out_of_scope: true'");
	return origin_field(ld, map, e);
}

/* Common start of every section item: a mapping with only allowed keys and a fresh id. */
static int item_start(struct loader *ld, const struct ynode *map, const char *what,
		      const char *const *keys, char **id)
{
	const struct yctx *c = &ld->ctx;

	if (ynode_expect(c, map, YNODE_MAP, what) || ynode_check_keys(c, map, what, keys) ||
	    ynode_str(c, map, "id", true, id))
		return -1;
	return define_id(ld, map, *id);
}

static int load_boundary(struct loader *ld, const struct ynode *map)
{
	char *id = NULL;
	struct element *e;

	if (item_start(ld, map, "a boundary", boundary_keys, &id)) {
		free(id);
		return -1;
	}
	e = element_new(id, KIND_TRUST_BOUNDARY);
	free(id);
	add_element(ld, map, e);
	if (ynode_str(&ld->ctx, map, "name", true, &e->name) ||
	    ynode_str(&ld->ctx, map, "description", false, &e->description) ||
	    origin_field(ld, map, e))
		return -1;
	return ynode_str(&ld->ctx, map, "parent", false, &e->boundary);
}

static int element_kind_field(struct loader *ld, const struct ynode *map, enum element_kind *kind)
{
	char *s = NULL;
	int rc;

	if (ynode_str(&ld->ctx, map, "kind", true, &s))
		return -1;
	rc = element_kind_parse(s, kind);
	if (rc == 0 && (*kind == KIND_DATA_FLOW || *kind == KIND_TRUST_BOUNDARY))
		rc = yerr(&ld->ctx, at(map, "kind"),
			  "kind '%s' belongs in the '%s' section, not in 'elements'", s,
			  *kind == KIND_DATA_FLOW ? "flows" : "boundaries");
	else if (rc)
		yerr(&ld->ctx, at(map, "kind"),
		     "unknown kind '%s' (expected external_entity, process or data_store)", s);
	free(s);
	return rc ? -1 : 0;
}

static int load_element(struct loader *ld, const struct ynode *map)
{
	enum element_kind kind;
	const char *why = NULL;
	char *id = NULL;
	struct element *e;

	if (item_start(ld, map, "an element", element_keys, &id) ||
	    element_kind_field(ld, map, &kind)) {
		free(id);
		return -1;
	}
	e = element_new(id, kind);
	free(id);
	add_element(ld, map, e);
	if (ynode_str(&ld->ctx, map, "type", true, &e->type) || common_fields(ld, map, e) ||
	    ynode_str(&ld->ctx, map, "boundary", false, &e->boundary) ||
	    ynode_bool(&ld->ctx, map, "is_log", &e->is_log))
		return -1;
	if (!catalog_type_fits(e->type, kind, &why))
		return yerr(&ld->ctx, at(map, "type"), "type '%s' does not fit a %s: %s", e->type,
			    element_kind_label(kind), why);
	if (e->is_log && kind != KIND_DATA_STORE)
		return yerr(&ld->ctx, at(map, "is_log"), "'is_log' is only for data stores");
	return 0;
}

static int load_flow(struct loader *ld, const struct ynode *map)
{
	char *id = NULL;
	struct element *e;

	if (item_start(ld, map, "a flow", flow_keys, &id)) {
		free(id);
		return -1;
	}
	e = element_new(id, KIND_DATA_FLOW);
	free(id);
	add_element(ld, map, e);
	if (ynode_str(&ld->ctx, map, "from", true, &e->from) ||
	    ynode_str(&ld->ctx, map, "to", true, &e->to) || common_fields(ld, map, e) ||
	    ynode_str(&ld->ctx, map, "protocol", false, &e->protocol) ||
	    ynode_str_list(&ld->ctx, map, "data", &e->data))
		return -1;
	return ynode_bool(&ld->ctx, map, "bidirectional", &e->bidirectional);
}

static int stride_field(struct loader *ld, const struct ynode *map, struct threat *t)
{
	const struct ynode *list = ynode_get(map, "stride");
	size_t i;

	if (!list)
		return yerr(&ld->ctx, map, "missing required key 'stride'");
	if (list->type != YNODE_SEQ || list->count == 0)
		return yerr(&ld->ctx, list, "'stride' must be a list of letters such as [S, E]");
	for (i = 0; i < list->count; i++) {
		const struct ynode *item = list->items[i];
		enum stride_letter l;
		if (item->type != YNODE_SCALAR || stride_parse(item->scalar, &l))
			return yerr(&ld->ctx, item,
				    "'%s' is not a STRIDE letter (S, T, R, I, D or E)",
				    item->type == YNODE_SCALAR ? item->scalar : "?");
		if (i == 0)
			t->letter = l;
		else if (l != t->letter)
			t->extra |= STRIDE_BIT(l);
	}
	return 0;
}

static int enum_field(struct loader *ld, const struct ynode *map, const char *key,
		      int (*parse)(const char *, void *), void *out, const char *expected)
{
	char *s = NULL;
	int rc = 0;

	if (!ynode_get(map, key))
		return 0;
	if (ynode_str(&ld->ctx, map, key, true, &s))
		return -1;
	if (parse(s, out))
		rc =
		    yerr(&ld->ctx, at(map, key), "unknown %s '%s' (expected %s)", key, s, expected);
	free(s);
	return rc;
}

static int parse_threat_status(const char *s, void *out)
{
	return threat_status_parse(s, out);
}

static int parse_origin(const char *s, void *out)
{
	return threat_origin_parse(s, out);
}

static int parse_mitigation_status(const char *s, void *out)
{
	return mitigation_status_parse(s, out);
}

static int rating(struct loader *ld, const struct ynode *map, const char *key, int *out)
{
	long v = 0;

	if (ynode_int(&ld->ctx, map, key, true, 1, 5, &v))
		return -1;
	*out = (int)v;
	return 0;
}

static int load_threat(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct threat *t;
	char *id = NULL;

	if (ynode_expect(c, map, YNODE_MAP, "a threat") ||
	    ynode_check_keys(c, map, "a threat", threat_keys) || ynode_str(c, map, "id", true, &id))
		goto fail;
	if (ref_number(id, 'T') < 0 || model_threat(ld->m, id)) {
		yerr(c, at(map, "id"),
		     model_threat(ld->m, id) ? "duplicate threat id '%s'"
					     : "threat id '%s' must look like T-0001",
		     id);
		goto fail;
	}
	t = threat_new(id, "", STRIDE_S);
	free(id);
	model_add_threat(ld->m, t);
	if (ynode_str(c, map, "element", true, &t->element) || stride_field(ld, map, t) ||
	    ynode_str(c, map, "title", true, &t->title) ||
	    ynode_str(c, map, "description", false, &t->description) ||
	    rating(ld, map, "likelihood", &t->likelihood) ||
	    rating(ld, map, "impact", &t->impact) ||
	    enum_field(ld, map, "status", parse_threat_status, &t->status,
		       "open, in-discussion, mitigated, accepted, transferred, avoided, "
		       "not-applicable or false-positive") ||
	    ynode_str(c, map, "justification", false, &t->justification) ||
	    enum_field(ld, map, "origin", parse_origin, &t->origin,
		       "brainstorm, questionnaire, cue or import") ||
	    ynode_str(c, map, "raised_by", false, &t->raised_by) ||
	    ynode_str(c, map, "raised_at", false, &t->raised_at) ||
	    ynode_str(c, map, "provenance", false, &t->provenance))
		return -1;
	strmap_put(&ld->nodes, t->id, (void *)map);
	if (threat_status_needs_reason(t->status) && str_empty(t->justification))
		return yerr(c, at(map, "status"), "status '%s' needs a 'justification'",
			    threat_status_name(t->status));
	return 0;
fail:
	free(id);
	return -1;
}

static int load_mitigation(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct mitigation *mit;
	char *id = NULL;

	if (ynode_expect(c, map, YNODE_MAP, "a mitigation") ||
	    ynode_check_keys(c, map, "a mitigation", mitigation_keys) ||
	    ynode_str(c, map, "id", true, &id))
		goto fail;
	if (ref_number(id, 'M') < 0 || model_mitigation(ld->m, id)) {
		yerr(c, at(map, "id"),
		     model_mitigation(ld->m, id) ? "duplicate mitigation id '%s'"
						 : "mitigation id '%s' must look like M-0001",
		     id);
		goto fail;
	}
	mit = mitigation_new(id, NULL);
	free(id);
	model_add_mitigation(ld->m, mit);
	if (ynode_str(c, map, "title", true, &mit->title) ||
	    ynode_str(c, map, "description", false, &mit->description) ||
	    enum_field(ld, map, "status", parse_mitigation_status, &mit->status,
		       "proposed, planned, in-progress, implemented, verified or wont-do") ||
	    ynode_str(c, map, "owner", false, &mit->owner) ||
	    ynode_str(c, map, "ticket", false, &mit->ticket) ||
	    ynode_str(c, map, "due", false, &mit->due) ||
	    ynode_str(c, map, "verification", false, &mit->verification) ||
	    ynode_str_list(c, map, "threats", &mit->threats))
		return -1;
	if (mit->due && !date_valid(mit->due))
		return yerr(c, at(map, "due"), "'due' must be a date like 2026-12-31, not '%s'",
			    mit->due);
	return 0;
fail:
	free(id);
	return -1;
}

/* Resolves each threat id a mitigation names, in the order given. */
static int check_mitigation_refs(struct loader *ld, const struct ynode *map,
				 const struct mitigation *mit)
{
	const struct ynode *list = ynode_get(map, "threats");
	size_t i;

	for (i = 0; i < mit->threats.count; i++)
		if (!model_threat(ld->m, mit->threats.items[i]))
			return yerr(&ld->ctx, list->items[i],
				    "mitigation '%s' names unknown threat '%s'", mit->id,
				    mit->threats.items[i]);
	return 0;
}

static int load_decision(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct decision *d = xcalloc(1, sizeof(*d));
	char *letter = NULL, *state = NULL;
	int rc = -1;

	if (ynode_expect(c, map, YNODE_MAP, "a coverage entry") ||
	    ynode_check_keys(c, map, "a coverage entry", coverage_keys) ||
	    ynode_str(c, map, "element", true, &d->element) ||
	    ynode_str(c, map, "letter", true, &letter) ||
	    ynode_str(c, map, "state", true, &state) ||
	    ynode_str(c, map, "reason", true, &d->reason) ||
	    ynode_str(c, map, "who", false, &d->who))
		goto out;
	if (stride_parse(letter, &d->letter)) {
		yerr(c, at(map, "letter"), "'%s' is not a STRIDE letter (S, T, R, I, D or E)",
		     letter);
		goto out;
	}
	if (cell_state_parse(state, &d->state) || (d->state != CELL_NONE && d->state != CELL_NA)) {
		yerr(c, at(map, "state"), "unknown state '%s' (expected none or n/a)", state);
		goto out;
	}
	if (model_decision(ld->m, d->element, d->letter)) {
		yerr(c, map, "coverage for '%s' letter %s is given twice", d->element, letter);
		goto out;
	}
	model_add_decision(ld->m, d);
	d = NULL;
	rc = 0;
out:
	decision_free(d);
	free(letter);
	free(state);
	return rc;
}

static int load_answer(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct answer *a = answer_new(NULL, NULL, NULL, NULL);

	if (ynode_expect(c, map, YNODE_MAP, "an answer") ||
	    ynode_check_keys(c, map, "an answer", answer_keys) ||
	    ynode_str(c, map, "element", true, &a->element) ||
	    ynode_str(c, map, "questionnaire", true, &a->questionnaire) ||
	    ynode_str(c, map, "question", true, &a->question) ||
	    ynode_str(c, map, "value", false, &a->value) ||
	    ynode_str(c, map, "note", false, &a->note) ||
	    ynode_str(c, map, "who", false, &a->who) ||
	    ynode_str(c, map, "when", false, &a->when) ||
	    ynode_int(c, map, "session", false, 1, 1000000, &a->session) ||
	    evidence_field(ld, map, a)) {
		answer_free(a);
		return -1;
	}
	if (!a->value)
		a->value = xstrdup("");
	if (model_answer(ld->m, a->element, a->questionnaire, a->question)) {
		answer_free(a);
		return yerr(c, map, "this question is answered twice for the same element");
	}
	model_add_answer(ld->m, a);
	return 0;
}

/* The fields after the key (element, questionnaire, question, answer, index). */
static int suggestion_decision_fields(struct loader *ld, const struct ynode *map,
				      struct suggestion_decision *d)
{
	const struct yctx *c = &ld->ctx;
	char *decision = NULL;
	int rc = 0;

	if (ynode_str(c, map, "decision", true, &decision) ||
	    ynode_str(c, map, "threat", false, &d->threat))
		rc = -1;
	else if (!str_eq(decision, "accepted") && !str_eq(decision, "skipped"))
		rc = yerr(c, at(map, "decision"),
			  "unknown decision '%s' (expected accepted or skipped)", decision);
	else if (d->threat && str_eq(decision, "skipped"))
		rc = yerr(c, at(map, "threat"), "a skipped suggestion has no 'threat'");
	d->accepted = str_eq(decision, "accepted");
	free(decision);
	return rc;
}

static int load_suggestion_decision(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct suggestion_decision *d = suggestion_decision_new(NULL, NULL, NULL, NULL, 0);
	long index = 0;

	if (ynode_expect(c, map, YNODE_MAP, "a suggestion decision") ||
	    ynode_check_keys(c, map, "a suggestion decision", suggestion_decision_keys) ||
	    ynode_str(c, map, "element", true, &d->element) ||
	    ynode_str(c, map, "questionnaire", true, &d->questionnaire) ||
	    ynode_str(c, map, "question", true, &d->question) ||
	    ynode_str(c, map, "answer", true, &d->answer) ||
	    ynode_int(c, map, "index", true, 0, 1000, &index) ||
	    suggestion_decision_fields(ld, map, d)) {
		suggestion_decision_free(d);
		return -1;
	}
	d->index = (int)index;
	if (model_suggestion_decision(ld->m, d->element, d->questionnaire, d->question, d->answer,
				      d->index)) {
		suggestion_decision_free(d);
		return yerr(c, map, "this suggestion is decided twice for the same answer");
	}
	model_add_suggestion_decision(ld->m, d);
	return 0;
}

static int load_item(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct open_item *item = xcalloc(1, sizeof(*item));
	char *kind = NULL;

	model_add_item(ld->m, item);
	if (ynode_expect(c, map, YNODE_MAP, "an open item") ||
	    ynode_check_keys(c, map, "an open item", item_keys) ||
	    ynode_str(c, map, "id", true, &item->id) || ynode_str(c, map, "kind", false, &kind) ||
	    ynode_str(c, map, "text", true, &item->text) ||
	    ynode_str(c, map, "owner", false, &item->owner) ||
	    ynode_str(c, map, "due", false, &item->due) ||
	    ynode_str(c, map, "element", false, &item->element) ||
	    ynode_bool(c, map, "closed", &item->closed) ||
	    ynode_str(c, map, "resolution", false, &item->resolution)) {
		free(kind);
		return -1;
	}
	item->kind = str_eq(kind, "parking") ? ITEM_PARKING : ITEM_QUESTION;
	if (kind && !str_eq(kind, "parking") && !str_eq(kind, "question")) {
		free(kind);
		return yerr(c, at(map, "kind"),
			    "unknown kind of open item (expected question or "
			    "parking)");
	}
	free(kind);
	if (ref_number(item->id, item->kind == ITEM_PARKING ? 'P' : 'Q') < 0)
		return yerr(c, at(map, "id"), "open item id '%s' must look like %s", item->id,
			    item->kind == ITEM_PARKING ? "P-0001" : "Q-0001");
	return 0;
}

static int load_participant(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct participant *p = xcalloc(1, sizeof(*p));

	if (ynode_expect(c, map, YNODE_MAP, "a participant") ||
	    ynode_check_keys(c, map, "a participant", participant_keys) ||
	    ynode_str(c, map, "name", true, &p->name) ||
	    ynode_str(c, map, "role", false, &p->role)) {
		participant_free(p);
		return -1;
	}
	if (model_participant(ld->m, p->name)) {
		yerr(c, at(map, "name"), "participant '%s' is listed twice", p->name);
		participant_free(p);
		return -1;
	}
	model_add_participant(ld->m, p);
	return 0;
}

static int load_vote(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct vote *v = xcalloc(1, sizeof(*v));
	long count = 1;

	model_add_vote(ld->m, v);
	if (ynode_expect(c, map, YNODE_MAP, "a vote") ||
	    ynode_check_keys(c, map, "a vote", vote_keys) ||
	    ynode_str(c, map, "participant", true, &v->participant) ||
	    ynode_str(c, map, "threat", true, &v->threat) ||
	    ynode_int(c, map, "count", false, 1, 1000, &count))
		return -1;
	v->count = (int)count;
	if (!model_participant(ld->m, v->participant))
		return yerr(c, at(map, "participant"), "vote by unknown participant '%s'",
			    v->participant);
	if (!model_threat(ld->m, v->threat))
		return yerr(c, at(map, "threat"), "vote for unknown threat '%s'", v->threat);
	return 0;
}

static int load_phase(struct loader *ld, const struct ynode *map, struct session *s)
{
	const struct yctx *c = &ld->ctx;
	char *name = NULL;
	long minutes = 0;
	struct phase *p;

	if (ynode_expect(c, map, YNODE_MAP, "a phase") ||
	    ynode_check_keys(c, map, "a phase", phase_keys) ||
	    ynode_str(c, map, "name", true, &name) ||
	    ynode_int(c, map, "minutes", true, 1, 1440, &minutes)) {
		free(name);
		return -1;
	}
	session_add_phase(s, name, (int)minutes);
	free(name);
	p = &s->phases[s->nphases - 1];
	return ynode_str(c, map, "started", false, &p->started) ||
		       ynode_str(c, map, "ended", false, &p->ended)
		   ? -1
		   : 0;
}

/* A session's packs are questionnaire ids; who took part are participants, once each. */
static int check_session_lists(struct loader *ld, const struct ynode *map, const struct session *s)
{
	const struct yctx *c = &ld->ctx;
	const struct ynode *packs = ynode_get(map, "packs"),
			   *people = ynode_get(map, "participants");
	size_t i, j;

	for (i = 0; i < s->packs.count; i++)
		if (!slug_valid(s->packs.items[i]))
			return yerr(c, packs->items[i],
				    "'%s' is not a questionnaire id (lowercase letters, digits and "
				    "dashes)",
				    s->packs.items[i]);
	for (i = 0; i < s->people.count; i++) {
		if (!model_participant(ld->m, s->people.items[i]))
			return yerr(c, people->items[i],
				    "'%s' took part but is not in 'participants'",
				    s->people.items[i]);
		for (j = 0; j < i; j++)
			if (str_eq(s->people.items[i], s->people.items[j]))
				return yerr(c, people->items[i], "'%s' is listed twice",
					    s->people.items[i]);
	}
	return 0;
}

static int load_session(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct session *s = xcalloc(1, sizeof(*s));
	const struct ynode *phases;
	size_t i;

	model_add_session(ld->m, s);
	if (ynode_expect(c, map, YNODE_MAP, "a session") ||
	    ynode_check_keys(c, map, "a session", session_keys) ||
	    ynode_int(c, map, "number", true, 1, 1000000, &s->number) ||
	    ynode_str(c, map, "mode", false, &s->mode) ||
	    ynode_str(c, map, "facilitator", false, &s->facilitator) ||
	    ynode_str(c, map, "started", true, &s->started) ||
	    ynode_str(c, map, "ended", false, &s->ended) ||
	    ynode_str(c, map, "notes", false, &s->notes) ||
	    ynode_str_list(c, map, "packs", &s->packs) ||
	    ynode_str_list(c, map, "participants", &s->people))
		return -1;
	if (ld->m->nsessions > 1 && ld->m->sessions[ld->m->nsessions - 2]->number >= s->number)
		return yerr(c, at(map, "number"), "sessions must be listed in increasing 'number'");
	if (!s->mode)
		s->mode = xstrdup("workshop");
	if (check_session_lists(ld, map, s))
		return -1;
	phases = ynode_get(map, "phases");
	if (phases && phases->type != YNODE_SEQ)
		return yerr(c, phases, "'phases' must be a list, not %s",
			    ynode_type_name(phases->type));
	for (i = 0; phases && i < phases->count; i++)
		if (load_phase(ld, phases->items[i], s))
			return -1;
	return 0;
}

static int load_review(struct loader *ld, const struct ynode *map)
{
	const struct yctx *c = &ld->ctx;
	struct review_mark *r = xcalloc(1, sizeof(*r));
	int rc = 0;

	if (ynode_expect(c, map, YNODE_MAP, "a review mark") ||
	    ynode_check_keys(c, map, "a review mark", review_keys) ||
	    ynode_str(c, map, "subject", true, &r->subject) ||
	    ynode_str(c, map, "comment", false, &r->comment) ||
	    ynode_str(c, map, "who", false, &r->who) || ynode_str(c, map, "at", true, &r->at))
		rc = -1;
	else if (model_review(ld->m, r->subject))
		rc = yerr(c, at(map, "subject"), "'%s' is reviewed twice", r->subject);
	if (rc) {
		review_mark_free(r);
		return -1;
	}
	model_add_review(ld->m, r);
	return 0;
}

/* Runs `load` on every item of the list under `key`. */
static int load_section(struct loader *ld, const struct ynode *root, const char *key,
			int (*load)(struct loader *, const struct ynode *))
{
	const struct ynode *list = ynode_get(root, key);
	size_t i;

	bool bad = false;

	if (!list || (list->type == YNODE_SCALAR && str_empty(list->scalar)))
		return 0;
	if (list->type != YNODE_SEQ)
		return yerr(&ld->ctx, list, "'%s' must be a list, not %s", key,
			    ynode_type_name(list->type));
	for (i = 0; i < list->count; i++) {
		size_t elements = ld->m->nelements, threats = ld->m->nthreats;
		if (!load(ld, list->items[i]))
			continue;
		if (ynode_stop(&ld->ctx, -1, &bad))
			return -1;
		if (ld->m->nelements > elements)
			strmap_put(&ld->failed, ld->m->elements[elements]->id, ld);
		if (ld->m->nthreats > threats)
			strmap_put(&ld->failed, ld->m->threats[threats]->id, ld);
	}
	return bad ? -1 : 0;
}

static const struct ynode *node_of(struct loader *ld, const char *id)
{
	return strmap_get(&ld->nodes, id);
}

/* A reference from `map[key]` to an element that must exist and be of an allowed kind. */
static int check_ref(struct loader *ld, const struct ynode *map, const char *key, const char *what,
		     const char *id, bool want_boundary)
{
	const struct element *target = model_element(ld->m, id);

	if (!target)
		return yerr(&ld->ctx, at(map, key), "%s names unknown %s '%s'", what,
			    want_boundary ? "boundary" : "element", id);
	if (want_boundary != (target->kind == KIND_TRUST_BOUNDARY))
		return yerr(&ld->ctx, at(map, key), "%s names '%s', which is %s %s, not %s", what,
			    id, target->kind == KIND_EXTERNAL_ENTITY ? "an" : "a",
			    element_kind_label(target->kind),
			    want_boundary ? "a boundary" : "an element");
	if (!want_boundary && target->kind == KIND_DATA_FLOW)
		return yerr(&ld->ctx, at(map, key), "%s names '%s', which is a flow", what, id);
	return 0;
}

static int check_boundary_cycle(struct loader *ld, const struct element *b)
{
	const struct element *e = b;
	size_t steps = 0;

	while (e && e->boundary) {
		e = model_element(ld->m, e->boundary);
		if (e == b || ++steps > ld->m->nelements)
			return yerr(&ld->ctx, at(node_of(ld, b->id), "parent"),
				    "boundary '%s' is nested inside itself", b->id);
	}
	return 0;
}

static int resolve_element(struct loader *ld, const struct element *e)
{
	const struct ynode *map = node_of(ld, e->id);
	struct sbuf what = SBUF_INIT;
	int rc = 0;

	sbuf_addf(&what, "%s '%s'", element_kind_label(e->kind), e->id);
	if (e->boundary)
		rc = check_ref(ld, map, e->kind == KIND_TRUST_BOUNDARY ? "parent" : "boundary",
			       what.buf, e->boundary, true);
	if (!rc && e->kind == KIND_TRUST_BOUNDARY)
		rc = check_boundary_cycle(ld, e);
	if (!rc && e->kind == KIND_DATA_FLOW)
		rc = check_ref(ld, map, "from", what.buf, e->from, false) ||
		     check_ref(ld, map, "to", what.buf, e->to, false);
	sbuf_release(&what);
	return rc ? -1 : 0;
}

static int resolve_threat(struct loader *ld, const struct threat *t)
{
	const struct ynode *map = node_of(ld, t->id);
	const struct element *e = model_element(ld->m, t->element);
	unsigned bad;
	char letters[STRIDE_COUNT + 1], allowed[STRIDE_COUNT + 1];

	if (!e || e->kind == KIND_TRUST_BOUNDARY)
		return yerr(&ld->ctx, at(map, "element"), "threat '%s' names unknown element '%s'",
			    t->id, t->element);
	bad = threat_letters(t) & ~stride_applicable(e->kind, e->is_log);
	if (bad) {
		stride_set_string(bad, letters);
		stride_set_string(stride_applicable(e->kind, e->is_log), allowed);
		return yerr(&ld->ctx, at(map, "stride"),
			    "letter %s does not apply to %s '%s' (it takes %s)", letters,
			    element_kind_label(e->kind), e->id, allowed);
	}
	return 0;
}

static int resolve_all(struct loader *ld, const struct ynode *root)
{
	const struct ynode *list;
	bool bad = false;
	size_t i;

	for (i = 0; i < ld->m->nelements; i++)
		if (!strmap_get(&ld->failed, ld->m->elements[i]->id) &&
		    ynode_stop(&ld->ctx, resolve_element(ld, ld->m->elements[i]), &bad))
			return -1;
	for (i = 0; i < ld->m->nthreats; i++)
		if (!strmap_get(&ld->failed, ld->m->threats[i]->id) &&
		    ynode_stop(&ld->ctx, resolve_threat(ld, ld->m->threats[i]), &bad))
			return -1;
	list = ynode_get(root, "mitigations"); /* by position: only when every one loaded */
	for (i = 0; !ld->positions_unsafe && i < ld->m->nmitigations; i++)
		if (ynode_stop(&ld->ctx,
			       check_mitigation_refs(ld, list->items[i], ld->m->mitigations[i]),
			       &bad))
			return -1;
	return bad ? -1 : 0;
}

/* Coverage, answers and open items name elements; checked once all elements are known. */
static int resolve_element_refs(struct loader *ld, const struct ynode *root)
{
	const struct ynode *list = ynode_get(root, "coverage");
	size_t i;

	for (i = 0; i < ld->m->ndecisions; i++) {
		const struct decision *d = ld->m->decisions[i];
		const struct element *e = model_element(ld->m, d->element);
		if (!e || e->kind == KIND_TRUST_BOUNDARY)
			return yerr(&ld->ctx, at(list->items[i], "element"),
				    "coverage names unknown element '%s'", d->element);
		if (!(element_letters(e) & STRIDE_BIT(d->letter)))
			return yerr(&ld->ctx, at(list->items[i], "letter"),
				    "letter %c does not apply to %s '%s'", stride_char(d->letter),
				    element_kind_label(e->kind), e->id);
	}
	list = ynode_get(root, "answers");
	for (i = 0; i < ld->m->nanswers; i++)
		if (!model_element(ld->m, ld->m->answers[i]->element))
			return yerr(&ld->ctx, at(list->items[i], "element"),
				    "answer names unknown element '%s'",
				    ld->m->answers[i]->element);
	list = ynode_get(root, "open_items");
	for (i = 0; i < ld->m->nitems; i++)
		if (ld->m->items[i]->element && !model_element(ld->m, ld->m->items[i]->element))
			return yerr(&ld->ctx, at(list->items[i], "element"),
				    "open item names unknown element '%s'",
				    ld->m->items[i]->element);
	return 0;
}

/* Answers name the session they were given in; decisions name an element and maybe a threat. */
static int resolve_questionnaire_refs(struct loader *ld, const struct ynode *root)
{
	const struct ynode *list = ynode_get(root, "answers");
	size_t i;

	for (i = 0; i < ld->m->nanswers; i++) {
		const struct answer *a = ld->m->answers[i];
		if (a->session && !model_session(ld->m, a->session))
			return yerr(&ld->ctx, at(list->items[i], "session"),
				    "answer names unknown session %ld", a->session);
	}
	list = ynode_get(root, "suggestion_decisions");
	for (i = 0; i < ld->m->nsuggestion_decisions; i++) {
		const struct suggestion_decision *d = ld->m->suggestion_decisions[i];
		if (!model_element(ld->m, d->element))
			return yerr(&ld->ctx, at(list->items[i], "element"),
				    "suggestion decision names unknown element '%s'", d->element);
		if (d->threat && !model_threat(ld->m, d->threat))
			return yerr(&ld->ctx, at(list->items[i], "threat"),
				    "suggestion decision names unknown threat '%s'", d->threat);
	}
	return 0;
}

/* What must hold before anything else is read: a mapping of ours, in a version we read. */
static int load_header(struct loader *ld, const struct ynode *root, bool *bad)
{
	const struct yctx *c = &ld->ctx;
	long version = 0;

	if (ynode_expect(c, root, YNODE_MAP, "a system model") ||
	    ynode_stop(c, ynode_check_file_keys(c, root, "a system model", top_keys), bad) ||
	    !ynode_any_key(root, top_keys))
		return -1;
	if (!ynode_get(root, "stridewalk"))
		return yerr(c, root, "missing 'stridewalk: %d' (the format version) at the top",
			    SYSTEM_FORMAT_VERSION);
	if (ynode_int(c, root, "stridewalk", true, 1, 1000000, &version))
		return -1;
	if (version > SYSTEM_FORMAT_VERSION)
		return yerr(c, ynode_get(root, "stridewalk"),
			    "format version %ld is newer than this stridewalk reads (%d)", version,
			    SYSTEM_FORMAT_VERSION);
	return ynode_stop(c, ynode_str(c, root, "name", true, &ld->m->name), bad) ||
		       ynode_stop(c, ynode_str(c, root, "description", false, &ld->m->description),
				  bad) ||
		       ynode_stop(c, ynode_str(c, root, "scope", false, &ld->m->scope), bad) ||
		       ynode_stop(c, ynode_str_list(c, root, "assumptions", &ld->m->assumptions),
				  bad)
		   ? -1
		   : 0;
}

/*
 * The sections in file order, then the references between them. Going on past problems
 * (lint), every section is read; references of coverage, answers and the like are checked by
 * their position in the file, so only when every one of those loaded.
 */
static int load_tree(struct loader *ld, const struct ynode *root)
{
	static const struct {
		const char *key;
		int (*load)(struct loader *, const struct ynode *);
		bool by_position;
	} sections[] = {
	    {"boundaries", load_boundary, false},
	    {"elements", load_element, false},
	    {"flows", load_flow, false},
	    {"threats", load_threat, false},
	    {"mitigations", load_mitigation, true},
	    {"coverage", load_decision, true},
	    {"answers", load_answer, true},
	    {"suggestion_decisions", load_suggestion_decision, true},
	    {"open_items", load_item, true},
	    {"participants", load_participant, false},
	    {"votes", load_vote, false},
	    {"sessions", load_session, true},
	    {"reviews", load_review, false},
	};
	const struct yctx *c = &ld->ctx;
	bool bad = false;
	size_t i;

	if (load_header(ld, root, &bad))
		return -1;
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		int rc = load_section(ld, root, sections[i].key, sections[i].load);
		if (rc && sections[i].by_position)
			ld->positions_unsafe = true;
		if (ynode_stop(c, rc, &bad))
			return -1;
	}
	if (ynode_stop(c, resolve_all(ld, root), &bad) || ld->positions_unsafe)
		return -1;
	if (ynode_stop(c, resolve_element_refs(ld, root), &bad) ||
	    ynode_stop(c, resolve_questionnaire_refs(ld, root), &bad))
		return -1;
	return bad ? -1 : 0;
}

static int parse(const char *file, const char *text, size_t len, struct yproblems *all,
		 struct model **out, struct sw_error *err)
{
	struct loader ld = {{file, err, all}, model_new(), STRMAP_INIT, STRMAP_INIT, false};
	struct ynode *root = NULL;
	int rc = -1;

	if (yaml_parse_tree(file, text, len, &root, err) == 0 && load_tree(&ld, root) == 0) {
		if (out) {
			*out = ld.m;
			ld.m = NULL;
		}
		rc = 0;
	}
	strmap_clear(&ld.nodes);
	strmap_clear(&ld.failed);
	model_free(ld.m);
	ynode_free(root);
	return rc;
}

int system_yaml_parse(const char *file, const char *text, size_t len, struct model **out,
		      struct sw_error *err)
{
	*out = NULL;
	return parse(file, text, len, NULL, out, err);
}

int system_yaml_check(const char *file, const char *text, size_t len, struct yproblems *all,
		      struct sw_error *err)
{
	return parse(file, text, len, all, NULL, err);
}

int system_yaml_load(const char *path, struct model **out, struct sw_error *err)
{
	struct sbuf text = SBUF_INIT;
	int rc;

	*out = NULL;
	sbuf_init(&text);
	rc = file_read_all(path, &text, err);
	if (rc == 0)
		rc = system_yaml_parse(path, text.buf, text.len, out, err);
	sbuf_release(&text);
	return rc;
}
