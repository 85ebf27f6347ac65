/*
 * Comparing two models (see model_diff.h). Objects are matched by their stable ids (elements,
 * threats, mitigations, items) or keys (answers by element and question, coverage by element
 * and letter), so a renamed element is "changed (name)", never "removed" plus "added".
 */
#include "model_diff.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "model_index.h"
#include "risk.h"
#include "util.h"
#include "xalloc.h"

static const char *const subject_names[DIFF_SUBJECT_COUNT] = {
    "model", "boundary", "element", "flow", "threat", "mitigation", "answer", "coverage", "item",
};

static const char *const subject_titles[DIFF_SUBJECT_COUNT] = {
    "Model",       "Trust boundaries",      "Elements",        "Data flows", "Threats",
    "Mitigations", "Questionnaire answers", "STRIDE coverage", "Open items",
};

static const char *const change_names[] = {"added", "removed", "changed"};

const char *model_diff_subject_title(enum diff_subject s)
{
	return subject_titles[s];
}

const char *model_diff_change_name(enum diff_change c)
{
	return change_names[c];
}

const char *diff_subject_name(enum diff_subject s)
{
	return subject_names[s];
}

/* Takes ownership of `detail` (a new string or NULL). */
static void add(struct model_diff *d, enum diff_subject subject, enum diff_change change,
		const char *id, const char *label, char *detail)
{
	struct diff_entry *e;

	d->entries = xgrow(d->entries, sizeof(*d->entries), d->count + 1, &d->cap);
	e = &d->entries[d->count++];
	e->subject = subject;
	e->change = change;
	e->id = xstrdup(id);
	e->label = str_empty(label) ? NULL : xstrdup(label);
	e->detail = detail;
}

void model_diff_release(struct model_diff *d)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		free(d->entries[i].id);
		free(d->entries[i].label);
		free(d->entries[i].detail);
	}
	free(d->entries);
	memset(d, 0, sizeof(*d));
}

/* Appends "name" to a comma-separated list of changed fields. */
static void field(struct sbuf *sb, const char *name)
{
	sbuf_addf(sb, "%s%s", sb->len ? ", " : "", name);
}

static char *detach_or_null(struct sbuf *sb)
{
	if (!sb->len) {
		sbuf_release(sb);
		return NULL;
	}
	return sbuf_detach(sb);
}

/* ---- model text -------------------------------------------------------------------------- */

static void diff_meta(const struct model *a, const struct model *b, struct model_diff *d)
{
	struct sbuf sb = SBUF_INIT;

	if (!str_eq(a->name, b->name))
		field(&sb, "name");
	if (!str_eq(a->description, b->description))
		field(&sb, "description");
	if (!str_eq(a->scope, b->scope))
		field(&sb, "scope");
	if (!strlist_equal(&a->assumptions, &b->assumptions))
		field(&sb, "assumptions");
	if (sb.len)
		add(d, DIFF_MODEL, DIFF_CHANGED, "model", b->name, sbuf_detach(&sb));
	sbuf_release(&sb);
}

/* ---- elements ---------------------------------------------------------------------------- */

static enum diff_subject element_subject(const struct element *e)
{
	if (e->kind == KIND_TRUST_BOUNDARY)
		return DIFF_BOUNDARY;
	return e->kind == KIND_DATA_FLOW ? DIFF_FLOW : DIFF_ELEMENT;
}

static char *element_fields(const struct element *a, const struct element *b)
{
	struct sbuf sb = SBUF_INIT;

	if (a->kind != b->kind)
		field(&sb, "kind");
	if (!str_eq(a->type, b->type))
		field(&sb, "type");
	if (!str_eq(a->name, b->name))
		field(&sb, "name");
	if (!str_eq(a->description, b->description))
		field(&sb, "description");
	if (!str_eq(a->boundary, b->boundary))
		field(&sb, a->kind == KIND_TRUST_BOUNDARY ? "parent" : "boundary");
	if (!strlist_equal(&a->tags, &b->tags))
		field(&sb, "tags");
	if (a->is_log != b->is_log)
		field(&sb, "is_log");
	if (a->out_of_scope != b->out_of_scope ||
	    !str_eq(a->out_of_scope_reason, b->out_of_scope_reason))
		field(&sb, "out_of_scope");
	if (!str_eq(a->from, b->from))
		field(&sb, "from");
	if (!str_eq(a->to, b->to))
		field(&sb, "to");
	if (!str_eq(a->protocol, b->protocol))
		field(&sb, "protocol");
	if (!strlist_equal(&a->data, &b->data))
		field(&sb, "data");
	if (a->bidirectional != b->bidirectional)
		field(&sb, "bidirectional");
	return detach_or_null(&sb);
}

/* What an added or removed element is: "process, aws.lambda" or "employee -> employee-api". */
static char *element_summary(const struct element *e)
{
	struct sbuf sb = SBUF_INIT;

	if (e->kind == KIND_DATA_FLOW)
		sbuf_addf(&sb, "%s %s %s", e->from ? e->from : "?", e->bidirectional ? "<->" : "->",
			  e->to ? e->to : "?");
	else if (e->kind == KIND_TRUST_BOUNDARY)
		sbuf_addstr(&sb, e->boundary ? e->boundary : "top level");
	else
		sbuf_addf(&sb, "%s, %s", element_kind_label(e->kind),
			  e->type ? e->type : "no type");
	return sbuf_detach(&sb);
}

static void diff_elements(const struct model *a, const struct model *b, enum diff_subject subject,
			  struct model_diff *d)
{
	size_t i;

	for (i = 0; i < b->nelements; i++) {
		const struct element *e = b->elements[i];
		if (element_subject(e) == subject && !model_element(a, e->id))
			add(d, subject, DIFF_ADDED, e->id, e->name, element_summary(e));
	}
	for (i = 0; i < a->nelements; i++) {
		const struct element *e = a->elements[i];
		if (element_subject(e) == subject && !model_element(b, e->id))
			add(d, subject, DIFF_REMOVED, e->id, e->name, element_summary(e));
	}
	for (i = 0; i < b->nelements; i++) {
		const struct element *e = b->elements[i], *old = model_element(a, e->id);
		char *fields;
		if (element_subject(e) != subject || !old || !(fields = element_fields(old, e)))
			continue;
		add(d, subject, DIFF_CHANGED, e->id, e->name, fields);
	}
}

/* ---- threats ----------------------------------------------------------------------------- */

static void threat_fields(const struct threat *a, const struct threat *b, struct sbuf *sb)
{
	if (!str_eq(a->element, b->element))
		field(sb, "element");
	if (threat_letters(a) != threat_letters(b) || a->letter != b->letter)
		field(sb, "letters");
	if (!str_eq(a->title, b->title))
		field(sb, "title");
	if (!str_eq(a->description, b->description))
		field(sb, "description");
	if (!str_eq(a->justification, b->justification))
		field(sb, "justification");
	if (a->origin != b->origin)
		field(sb, "origin");
	if (!str_eq(a->raised_by, b->raised_by))
		field(sb, "raised_by");
	if (!str_eq(a->provenance, b->provenance))
		field(sb, "provenance");
}

static void part(struct sbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends one "; "-separated part of a detail. */
static void part(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;

	if (sb->len)
		sbuf_addstr(sb, "; ");
	va_start(ap, fmt);
	sbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

static char *threat_change(const struct threat *a, const struct threat *b, int va, int vb)
{
	struct sbuf sb = SBUF_INIT, fields = SBUF_INIT;
	int ra = threat_risk(a), rb = threat_risk(b);

	if (a->status != b->status)
		part(&sb, "status %s -> %s", threat_status_name(a->status),
		     threat_status_name(b->status));
	if (ra != rb)
		part(&sb, "risk %d %s -> %d %s", ra, risk_band_name(risk_band_of(ra)), rb,
		     risk_band_name(risk_band_of(rb)));
	if (a->likelihood != b->likelihood)
		part(&sb, "likelihood %d -> %d", a->likelihood, b->likelihood);
	if (a->impact != b->impact)
		part(&sb, "impact %d -> %d", a->impact, b->impact);
	if (va != vb)
		part(&sb, "votes %d -> %d", va, vb);
	threat_fields(a, b, &fields);
	if (fields.len)
		part(&sb, "%s", fields.buf);
	sbuf_release(&fields);
	return detach_or_null(&sb);
}

static char *threat_summary(const struct threat *t)
{
	struct sbuf sb = SBUF_INIT;
	char letters[STRIDE_COUNT + 1];
	int r = threat_risk(t);

	threat_letters_text(t, letters);
	sbuf_addf(&sb, "%s %s, risk %d %s, %s", t->element ? t->element : "?", letters, r,
		  risk_band_name(risk_band_of(r)), threat_status_name(t->status));
	return sbuf_detach(&sb);
}

static void diff_threats(const struct model *a, const struct model *b, const struct model_index *ia,
			 const struct model_index *ib, struct model_diff *d)
{
	size_t i;

	for (i = 0; i < b->nthreats; i++)
		if (!model_threat(a, b->threats[i]->id))
			add(d, DIFF_THREAT, DIFF_ADDED, b->threats[i]->id, b->threats[i]->title,
			    threat_summary(b->threats[i]));
	for (i = 0; i < a->nthreats; i++)
		if (!model_threat(b, a->threats[i]->id))
			add(d, DIFF_THREAT, DIFF_REMOVED, a->threats[i]->id, a->threats[i]->title,
			    threat_summary(a->threats[i]));
	for (i = 0; i < b->nthreats; i++) {
		const struct threat *t = b->threats[i];
		size_t old = model_index_threat_at(ia, t->id);
		char *detail;
		if (old == a->nthreats ||
		    !(detail = threat_change(a->threats[old], t, ia->votes[old], ib->votes[i])))
			continue;
		add(d, DIFF_THREAT, DIFF_CHANGED, t->id, t->title, detail);
	}
}

/* ---- mitigations ------------------------------------------------------------------------- */

static char *mitigation_change(const struct mitigation *a, const struct mitigation *b)
{
	struct sbuf sb = SBUF_INIT, fields = SBUF_INIT;

	if (a->status != b->status)
		part(&sb, "status %s -> %s", mitigation_status_name(a->status),
		     mitigation_status_name(b->status));
	if (!str_eq(a->title, b->title))
		field(&fields, "title");
	if (!str_eq(a->description, b->description))
		field(&fields, "description");
	if (!str_eq(a->owner, b->owner))
		field(&fields, "owner");
	if (!str_eq(a->ticket, b->ticket))
		field(&fields, "ticket");
	if (!str_eq(a->due, b->due))
		field(&fields, "due");
	if (!str_eq(a->verification, b->verification))
		field(&fields, "verification");
	if (!strlist_equal(&a->threats, &b->threats))
		field(&fields, "threats");
	if (fields.len)
		part(&sb, "%s", fields.buf);
	sbuf_release(&fields);
	return detach_or_null(&sb);
}

static void diff_mitigations(const struct model *a, const struct model *b, struct model_diff *d)
{
	size_t i;

	for (i = 0; i < b->nmitigations; i++)
		if (!model_mitigation(a, b->mitigations[i]->id))
			add(d, DIFF_MITIGATION, DIFF_ADDED, b->mitigations[i]->id,
			    b->mitigations[i]->title,
			    xstrdup(mitigation_status_name(b->mitigations[i]->status)));
	for (i = 0; i < a->nmitigations; i++)
		if (!model_mitigation(b, a->mitigations[i]->id))
			add(d, DIFF_MITIGATION, DIFF_REMOVED, a->mitigations[i]->id,
			    a->mitigations[i]->title, NULL);
	for (i = 0; i < b->nmitigations; i++) {
		const struct mitigation *mit = b->mitigations[i], *old;
		char *detail;
		if (!(old = model_mitigation(a, mit->id)) ||
		    !(detail = mitigation_change(old, mit)))
			continue;
		add(d, DIFF_MITIGATION, DIFF_CHANGED, mit->id, mit->title, detail);
	}
}

/* ---- answers ----------------------------------------------------------------------------- */

static char *answer_key(const struct answer *x)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s %s/%s", x->element, x->questionnaire, x->question);
	return sbuf_detach(&sb);
}

static void add_answer(struct model_diff *d, enum diff_change change, const struct answer *x,
		       char *detail)
{
	char *key = answer_key(x);

	add(d, DIFF_ANSWER, change, key, NULL, detail);
	free(key);
}

static char *prefixed(const char *prefix, const char *value)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s%s", prefix, value ? value : "");
	return sbuf_detach(&sb);
}

static void diff_answers(const struct model *a, const struct model *b, struct model_diff *d)
{
	size_t i;

	for (i = 0; i < b->nanswers; i++) {
		const struct answer *x = b->answers[i];
		if (!model_answer(a, x->element, x->questionnaire, x->question))
			add_answer(d, DIFF_ADDED, x, prefixed("= ", x->value));
	}
	for (i = 0; i < a->nanswers; i++) {
		const struct answer *x = a->answers[i];
		if (!model_answer(b, x->element, x->questionnaire, x->question))
			add_answer(d, DIFF_REMOVED, x, prefixed("was ", x->value));
	}
	for (i = 0; i < b->nanswers; i++) {
		const struct answer *x = b->answers[i];
		const struct answer *o = model_answer(a, x->element, x->questionnaire, x->question);
		struct sbuf sb = SBUF_INIT;
		if (!o)
			continue;
		if (!str_eq(o->value, x->value))
			part(&sb, "%s -> %s", o->value ? o->value : "", x->value ? x->value : "");
		if (!str_eq(o->note, x->note))
			part(&sb, "note");
		if (sb.len)
			add_answer(d, DIFF_CHANGED, x, sbuf_detach(&sb));
		sbuf_release(&sb);
	}
}

/* ---- coverage ---------------------------------------------------------------------------- */

static const char *state_word(const struct element_coverage *c, enum stride_letter l)
{
	if (!(c->applicable & STRIDE_BIT(l)))
		return "not a letter of this element";
	return cell_state_name(coverage_cell(c, l));
}

static void diff_cell(const struct model *a, const struct model *b, const struct element *e,
		      const struct element_coverage *ca, const struct element_coverage *cb,
		      enum stride_letter l, struct model_diff *d)
{
	const char *sa = state_word(ca, l), *sb = state_word(cb, l);
	const struct decision *da = model_decision(a, e->id, l), *db = model_decision(b, e->id, l);
	struct sbuf key = SBUF_INIT, detail = SBUF_INIT;

	if (!str_eq(sa, sb))
		sbuf_addf(&detail, "%s -> %s", sa, sb);
	else if (da && db && da->state == db->state && !str_eq(da->reason, db->reason) &&
		 coverage_cell(cb, l) == db->state)
		sbuf_addstr(&detail, "reason");
	if (detail.len) {
		sbuf_addf(&key, "%s %c", e->id, stride_char(l));
		add(d, DIFF_COVERAGE, DIFF_CHANGED, key.buf, stride_name(l), sbuf_detach(&detail));
	}
	sbuf_release(&key);
	sbuf_release(&detail);
}

/*
 * Cells of elements both models have; the cells of added or removed elements go with them, and
 * so do those of an element taken out of scope (its own line says so).
 */
static void diff_coverage(const struct model *a, const struct model *b,
			  const struct model_index *ia, const struct model_index *ib,
			  struct model_diff *d)
{
	const struct element_coverage *ca = ia->cov, *cb = ib->cov;
	struct strmap pos = STRMAP_INIT;
	size_t i;
	int l;

	for (i = 0; i < a->nelements; i++)
		strmap_put(&pos, a->elements[i]->id, (void *)&ca[i]);
	for (i = 0; i < b->nelements; i++) {
		const struct element_coverage *old = strmap_get(&pos, b->elements[i]->id);
		if (!old || ((old->applicable | cb[i].applicable) == 0) ||
		    b->elements[i]->out_of_scope)
			continue;
		for (l = 0; l < STRIDE_COUNT; l++)
			if ((old->applicable | cb[i].applicable) & STRIDE_BIT(l))
				diff_cell(a, b, b->elements[i], old, &cb[i], (enum stride_letter)l,
					  d);
	}
	strmap_clear(&pos);
}

/* ---- open items -------------------------------------------------------------------------- */

static const struct open_item *find_item(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nitems; i++)
		if (str_eq(m->items[i]->id, id))
			return m->items[i];
	return NULL;
}

static char *item_change(const struct open_item *a, const struct open_item *b)
{
	struct sbuf sb = SBUF_INIT;

	if (a->closed != b->closed)
		field(&sb, b->closed ? "closed" : "reopened");
	if (a->kind != b->kind)
		field(&sb, "kind");
	if (!str_eq(a->text, b->text))
		field(&sb, "text");
	if (!str_eq(a->owner, b->owner))
		field(&sb, "owner");
	if (!str_eq(a->due, b->due))
		field(&sb, "due");
	if (!str_eq(a->element, b->element))
		field(&sb, "element");
	return detach_or_null(&sb);
}

static void diff_items(const struct model *a, const struct model *b, struct model_diff *d)
{
	size_t i;

	for (i = 0; i < b->nitems; i++)
		if (!find_item(a, b->items[i]->id))
			add(d, DIFF_ITEM, DIFF_ADDED, b->items[i]->id, b->items[i]->text,
			    xstrdup(b->items[i]->kind == ITEM_PARKING ? "parking lot"
								      : "question"));
	for (i = 0; i < a->nitems; i++)
		if (!find_item(b, a->items[i]->id))
			add(d, DIFF_ITEM, DIFF_REMOVED, a->items[i]->id, a->items[i]->text, NULL);
	for (i = 0; i < b->nitems; i++) {
		const struct open_item *old = find_item(a, b->items[i]->id);
		char *detail;
		if (old && (detail = item_change(old, b->items[i])))
			add(d, DIFF_ITEM, DIFF_CHANGED, b->items[i]->id, b->items[i]->text, detail);
	}
}

void model_diff_compute(const struct model *old, const struct model *new_, struct model_diff *out)
{
	struct model_index io = MODEL_INDEX_INIT, in = MODEL_INDEX_INIT;

	memset(out, 0, sizeof(*out));
	model_index_build(&io, old);
	model_index_build(&in, new_);
	diff_meta(old, new_, out);
	diff_elements(old, new_, DIFF_BOUNDARY, out);
	diff_elements(old, new_, DIFF_ELEMENT, out);
	diff_elements(old, new_, DIFF_FLOW, out);
	diff_threats(old, new_, &io, &in, out);
	diff_mitigations(old, new_, out);
	diff_answers(old, new_, out);
	diff_coverage(old, new_, &io, &in, out);
	diff_items(old, new_, out);
	model_index_release(&io);
	model_index_release(&in);
}
