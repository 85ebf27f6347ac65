/*
 * A model in which every string a person could type is hostile: table pipes, line breaks that
 * try to start headings, lists and code fences, HTML and script tags, backticks, Mermaid syntax,
 * spreadsheet formulas. Shared by the Markdown and CSV escaping tests.
 */
#ifndef SW_TEST_HOSTILE_MODEL_H
#define SW_TEST_HOSTILE_MODEL_H

#include <stdlib.h>

#include "model.h"
#include "sbuf.h"
#include "session.h"
#include "xalloc.h"

/* Starts with a formula; then everything else that could break a report. */
#define HOSTILE                                                                                    \
	"=HYPERLINK(\"http://evil.example\",\"click\") | cell | break\n# injected heading\n"       \
	"- injected item\n```\ninjected fence\n<script>alert(1)</script> `tick` *b* _i_ "          \
	"[link](javascript:x) \"]; end; subgraph evil; A-->B; click A call x() %%{init}%% "        \
	"#quot; & $math$ \\ ~~s~~ \r\n+1 @SUM(A1) -2\t\r"

/* HOSTILE with a tag, so that each field's text can be told apart: a new string. */
static inline char *hostile(const char *field)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s %s", HOSTILE, field);
	return sbuf_detach(&sb);
}

static inline struct element *hostile_element(const char *id, enum element_kind kind,
					      const char *boundary)
{
	struct element *e = element_new(id, kind);

	e->name = hostile("name");
	e->description = hostile("description");
	e->boundary = boundary ? xstrdup(boundary) : NULL;
	strlist_push(&e->tags, HOSTILE " tag");
	if (kind != KIND_TRUST_BOUNDARY && kind != KIND_DATA_FLOW)
		e->type = hostile("type");
	return e;
}

static inline void hostile_threat(struct model *m, const char *id, const char *element,
				  enum threat_status status)
{
	struct threat *t = threat_new(id, element, STRIDE_T);

	t->title = hostile("title");
	t->description = hostile("description");
	t->likelihood = 5;
	t->impact = 4;
	t->status = status;
	t->justification = hostile("justification");
	t->raised_by = hostile("raised_by");
	t->raised_at = hostile("raised_at");
	t->provenance = hostile("provenance");
	model_add_threat(m, t);
}

static inline void hostile_people(struct model *m)
{
	struct participant *p = xcalloc(1, sizeof(*p));
	struct vote *v = xcalloc(1, sizeof(*v));
	struct session *s = session_new(1, HOSTILE " mode", "2026-11-20T09:00:00Z");
	struct review_mark *r;

	p->name = hostile("participant");
	p->role = hostile("role");
	model_add_participant(m, p);
	v->participant = hostile("participant");
	v->threat = xstrdup("T-0001");
	v->count = 2;
	model_add_vote(m, v);
	s->facilitator = hostile("facilitator");
	s->notes = hostile("notes");
	s->ended = xstrdup("2026-11-20T10:00:00Z");
	free(s->phases[0].name);
	s->phases[0].name = hostile("phase");
	model_add_session(m, s);
	/* A start the lenient time parser reads, with a line break and markup around it. */
	s = session_new(2, "workshop", "\n 2026-11-21T09:00:00Z<script>| x");
	s->phases[0].started = hostile("started");
	model_add_session(m, s);
	r = xcalloc(1, sizeof(*r));
	r->subject = hostile("subject");
	r->comment = hostile("comment");
	r->who = hostile("who");
	r->at = hostile("at");
	model_add_review(m, r);
}

static inline void hostile_work(struct model *m)
{
	struct mitigation *mit = mitigation_new("M-0001", HOSTILE " title");
	struct decision *d = xcalloc(1, sizeof(*d));
	struct answer *a = answer_new("evil-fn", "identity", "role-per-function", HOSTILE " value");
	struct answer *u = answer_new("evil-store", "data-storage", "public-access", "unknown");
	struct open_item *q = xcalloc(1, sizeof(*q)), *park = xcalloc(1, sizeof(*park));

	mit->description = hostile("description");
	mit->owner = hostile("owner");
	mit->ticket = hostile("ticket");
	mit->due = hostile("due");
	mit->verification = hostile("verification");
	strlist_push(&mit->threats, "T-0001");
	strlist_push(&mit->threats, "T-0002");
	model_add_mitigation(m, mit);
	d->element = xstrdup("evil-flow");
	d->letter = STRIDE_I;
	d->state = CELL_NONE;
	d->reason = hostile("reason");
	model_add_decision(m, d);
	a->note = hostile("note");
	a->who = hostile("who");
	model_add_answer(m, a);
	model_add_answer(m, u);
	q->id = xstrdup("Q-0001");
	q->kind = ITEM_QUESTION;
	q->text = hostile("question");
	q->owner = hostile("owner");
	q->due = hostile("due");
	q->element = xstrdup("evil-fn");
	model_add_item(m, q);
	park->id = xstrdup("Q-0002");
	park->kind = ITEM_PARKING;
	park->text = hostile("parking");
	park->owner = hostile("owner");
	model_add_item(m, park);
}

/* Returns a new model; free with model_free(). */
static inline struct model *hostile_model(void)
{
	struct model *m = model_new();
	struct element *flow;

	m->name = hostile("model name");
	m->description = hostile("model description");
	m->scope = hostile("scope");
	strlist_push(&m->assumptions, HOSTILE " assumption");
	model_add_element(m, hostile_element("evil-zone", KIND_TRUST_BOUNDARY, NULL));
	model_add_element(m, hostile_element("evil-user", KIND_EXTERNAL_ENTITY, NULL));
	model_add_element(m, hostile_element("evil-fn", KIND_PROCESS, "evil-zone"));
	model_add_element(m, hostile_element("evil-store", KIND_DATA_STORE, "evil-zone"));
	flow = hostile_element("evil-flow", KIND_DATA_FLOW, NULL);
	flow->from = xstrdup("evil-user");
	flow->to = xstrdup("evil-fn");
	flow->protocol = hostile("protocol");
	strlist_push(&flow->data, HOSTILE " data");
	model_add_element(m, flow);
	flow = hostile_element("evil-write", KIND_DATA_FLOW, NULL);
	flow->from = xstrdup("evil-fn");
	flow->to = xstrdup("evil-store");
	flow->out_of_scope = true;
	flow->out_of_scope_reason = hostile("out_of_scope_reason");
	flow->bidirectional = true;
	model_add_element(m, flow);
	hostile_threat(m, "T-0001", "evil-fn", THREAT_OPEN);
	hostile_threat(m, "T-0002", "evil-store", THREAT_ACCEPTED);
	hostile_threat(m, "T-0003", "evil-flow", THREAT_TRANSFERRED);
	hostile_people(m);
	hostile_work(m);
	return m;
}

#endif
