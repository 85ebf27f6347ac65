/*
 * The Markdown report (see report_md.h). One function per section, in the order a reader
 * wants them: summary, sessions, scope, diagram, elements, coverage, risk, threats, backlog,
 * answers, open questions, parking lot, residual risk. Every string a person typed goes
 * through escape.h for the place it lands; the markup around it is ours.
 */
#define _POSIX_C_SOURCE 200809L
#include "report_md.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "escape.h"
#include "qlibrary.h"
#include "report.h"
#include "risk.h"
#include "session.h"
#include "util.h"
#include "xalloc.h"

#define NONE_MARK "—"

struct md {
	const struct model *m;
	struct sbuf *out;
	struct report r; /* the index: the same counts the screens show */
	const struct element_coverage *cov; /* r.ix->cov */
	const struct qlibrary *qlib;
	const char *qlib_note;
	time_t now;
	const struct report_sink *sink; /* NULL: everything stays in `out` */
	bool failed; /* the sink refused a piece */
	/* per answer: the open question an "unknown" raised (borrowed), NULL for the others */
	const struct open_item **answer_item;
	/* people named as raising a threat who are not participants, first named first */
	struct strlist outsiders;
	int *outsider_raised; /* per outsider: threats raised */
};

/* ---- small writers ---------------------------------------------------------------------- */

/* Hands what has piled up to the sink. Any point will do: the report is a stream of bytes. */
static void pass_on(struct md *md)
{
	if (!md->sink || md->out->len < REPORT_PIECE)
		return;
	if (!md->failed && md->sink->write(md->sink->arg, md->out->buf, md->out->len))
		md->failed = true;
	sbuf_reset(md->out);
}

static void put(struct md *md, const char *s)
{
	pass_on(md);
	sbuf_addstr(md->out, s);
}

static void putf(struct md *md, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(struct md *md, const char *fmt, ...)
{
	va_list ap;

	pass_on(md);
	va_start(ap, fmt);
	sbuf_vaddf(md->out, fmt, ap);
	va_end(ap);
}

/* Every block starts with a blank line, so blocks never run into each other. */
static void heading(struct md *md, int level, const char *text)
{
	putf(md, "\n%.*s %s\n", level, "######", text);
}

/* A heading whose text the caller appends (escaped), ending it with a newline. */
static void heading_open(struct md *md, int level)
{
	put(md, "\n");
	sbuf_add(md->out, "######", (size_t)level); /* each threat has one: no format machinery */
	put(md, " ");
}

static void para(struct md *md, const char *text)
{
	putf(md, "\n%s\n", text);
}

/* A table header from "Id|Name|Kind". */
static void table_head(struct md *md, const char *spec)
{
	const char *p;

	put(md, "\n| ");
	for (p = spec; *p; p++)
		put(md, *p == '|' ? " | " : (char[]){*p, 0});
	put(md, " |\n|");
	for (p = spec;; p++) {
		if (!*p || *p == '|')
			put(md, "---|");
		if (!*p)
			break;
	}
	put(md, "\n");
}

/* A cell of user text; empty text shows a dash so the column still reads. */
static void cell(struct md *md, const char *s)
{
	put(md, "| ");
	if (str_empty(s))
		put(md, NONE_MARK);
	else
		esc_md_cell(md->out, s);
	put(md, " ");
}

/* A cell of our own text (numbers, vocabulary words): no escaping needed. */
static void cellf(struct md *md, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void cellf(struct md *md, const char *fmt, ...)
{
	va_list ap;

	put(md, "| ");
	va_start(ap, fmt);
	sbuf_vaddf(md->out, fmt, ap);
	va_end(ap);
	put(md, " ");
}

/* The common cells skip the format machinery: a report has a few for every threat. */
static void cell_word(struct md *md, const char *word) /* our own vocabulary: no escaping */
{
	put(md, "| ");
	put(md, word);
	put(md, " ");
}

static void cell_number(struct md *md, long n)
{
	put(md, "| ");
	sbuf_addlong(md->out, n);
	put(md, " ");
}

static void cell_risk(struct md *md, int risk) /* "12 high" */
{
	put(md, "| ");
	sbuf_addlong(md->out, risk);
	put(md, " ");
	put(md, risk_band_name(risk_band_of(risk)));
	put(md, " ");
}

static void row_end(struct md *md)
{
	put(md, "|\n");
}

/* "a, b, c" of a string list, escaped for a cell. */
static void cell_list(struct md *md, const struct strlist *list)
{
	size_t i;

	put(md, "| ");
	if (!list->count)
		put(md, NONE_MARK);
	for (i = 0; i < list->count; i++) {
		if (i)
			put(md, ", ");
		esc_md_cell(md->out, list->items[i]);
	}
	put(md, " ");
}

static void link(struct md *md, const char *text, const char *anchor)
{
	put(md, "[");
	esc_md_link_text(md->out, text);
	put(md, "](#");
	put(md, anchor);
	put(md, ")");
}

/* "1 threat", "2 threats". */
static void put_count(struct md *md, long n, const char *one, const char *many)
{
	putf(md, "%ld %s", n, report_plural(n, one, many));
}

static size_t count_kind(const struct model *m, enum element_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < m->nelements; i++)
		n += m->elements[i]->kind == kind;
	return n;
}

/* ---- title and summary ------------------------------------------------------------------ */

static long session_seconds(const struct session *s)
{
	time_t a, b;

	if (!s->started || !s->ended || iso_time_parse(s->started, &a) ||
	    iso_time_parse(s->ended, &b) || b < a)
		return -1;
	return (long)(b - a);
}

static void put_duration(struct md *md, long secs)
{
	long min = (secs + 30) / 60;

	if (min >= 60)
		putf(md, "%ld h %02ld min", min / 60, min % 60);
	else
		putf(md, "%ld min", min);
}

static void summary_sessions(struct md *md)
{
	const struct model *m = md->m;
	long total = 0, secs;
	size_t i, timed = 0, running = 0;
	time_t started;
	char day[11];

	put(md, "- **Sessions:** ");
	if (!m->nsessions)
		put(md, "none recorded");
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = m->sessions[i];
		putf(md, "%s#%ld ", i ? "; " : "", s->number);
		esc_md_inline(md->out, s->mode);
		if (!iso_time_parse(s->started, &started)) {
			report_date(started, day);
			putf(md, " %s", day);
		}
		if (!s->ended) {
			put(md, ", still running");
			running++;
		}
		if ((secs = session_seconds(s)) >= 0) {
			total += secs;
			timed++;
		}
	}
	put(md, "\n- **Duration:** ");
	if (timed)
		put_duration(md, total);
	else
		put(md, running ? "still running" : "not recorded");
	if (timed && timed < m->nsessions)
		putf(md, " (%zu of %zu sessions ended)", timed, m->nsessions);
	put(md, "\n");
}

static void summary_people(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	put(md, "- **Participants:** ");
	if (!m->nparticipants && !md->outsiders.count)
		put(md, "none recorded");
	for (i = 0; i < m->nparticipants; i++) {
		if (i)
			put(md, ", ");
		esc_md_inline(md->out, m->participants[i]->name);
		if (!str_empty(m->participants[i]->role)) {
			put(md, " (");
			esc_md_inline(md->out, m->participants[i]->role);
			put(md, ")");
		}
	}
	for (i = 0; i < md->outsiders.count; i++) {
		if (i || m->nparticipants)
			put(md, ", ");
		esc_md_inline(md->out, md->outsiders.items[i]);
		put(md, " (raised threats, not a participant)");
	}
	put(md, "\n");
}

static void summary_threats(struct md *md)
{
	const struct model *m = md->m;
	const struct threat_facts *f = md->r.ix->facts;
	size_t band[RISK_BAND_COUNT] = {0}, active = 0, i;
	int b, first = 1;

	for (i = 0; i < m->nthreats; i++) {
		if (!threat_status_is_active((enum threat_status)f[i].status))
			continue;
		active++;
		band[risk_band_of(f[i].risk)]++;
	}
	putf(md, "- **Threats:** %zu recorded, %zu open or in discussion", m->nthreats, active);
	for (b = RISK_CRITICAL; b >= RISK_LOW; b--) {
		if (!band[b])
			continue;
		putf(md, "%s%zu %s", first ? " (" : ", ", band[b],
		     risk_band_name((enum risk_band)b));
		first = 0;
	}
	put(md, first ? "\n" : ")\n");
}

/* An "unknown" answer is an open question of its own when no recorded question stands for it. */
static bool answer_is_open_question(const struct md *md, size_t i)
{
	return str_eq(md->m->answers[i]->value, ANSWER_UNKNOWN) && !md->answer_item[i];
}

static void summary_questions(struct md *md)
{
	const struct model *m = md->m;
	long open = 0, no_owner = 0, no_due = 0;
	size_t i;

	for (i = 0; i < m->nitems; i++) {
		const struct open_item *it = m->items[i];
		if (it->kind != ITEM_QUESTION || it->closed)
			continue;
		open++;
		no_owner += str_empty(it->owner);
		no_due += str_empty(it->due);
	}
	for (i = 0; i < m->nanswers; i++) {
		if (!answer_is_open_question(md, i))
			continue;
		open++;
		no_owner++;
		no_due++;
	}
	put(md, "- **Open questions:** ");
	if (!open) {
		put(md, "none\n");
		return;
	}
	put_count(md, open, "open question", "open questions");
	if (no_owner)
		putf(md, ", %ld with no owner", no_owner);
	if (no_due)
		putf(md, ", %ld with no due date", no_due);
	put(md, "\n");
}

static void summary_coverage(struct md *md)
{
	const struct coverage_totals *tot = &md->r.ix->totals;
	const char *none = coverage_empty_reason(md->m, &md->r.ix->totals);

	if (none) {
		putf(md, "- **Coverage:** %d%% (%s: nothing has been walked)\n",
		     coverage_percent(tot), none);
		return;
	}
	putf(md, "- **Coverage:** %d of %d STRIDE %s decided (%d%%)\n",
	     tot->cells - tot->count[CELL_PENDING], tot->cells,
	     report_plural(tot->cells, "cell", "cells"), coverage_percent(tot));
}

static void title_and_summary(struct md *md)
{
	const struct model *m = md->m;
	char date[11];
	size_t nodes;

	report_date(md->now, date);
	put(md, "# Threat model: ");
	esc_md_inline(md->out, m->name);
	put(md, "\n\n- **System:** ");
	esc_md_inline(md->out, m->name);
	putf(md, "\n- **Date:** %s\n", date);
	summary_sessions(md);
	summary_people(md);
	nodes = m->nelements - count_kind(m, KIND_DATA_FLOW) - count_kind(m, KIND_TRUST_BOUNDARY);
	put(md, "- **Diagram:** ");
	put_count(md, (long)nodes, "element", "elements");
	put(md, " and ");
	put_count(md, (long)count_kind(m, KIND_DATA_FLOW), "data flow", "data flows");
	put(md, " in ");
	put_count(md, (long)count_kind(m, KIND_TRUST_BOUNDARY), "trust boundary",
		  "trust boundaries");
	put(md, "\n");
	summary_threats(md);
	summary_questions(md);
	summary_coverage(md);
	if (!str_empty(m->description)) {
		put(md, "\n");
		esc_md_block(md->out, m->description);
		put(md, "\n");
	}
}

static void contents(struct md *md)
{
	static const char *const sections[][2] = {
	    {"Sessions and participants", "sessions-and-participants"},
	    {"Scope and assumptions", "scope-and-assumptions"},
	    {"Data-flow diagram", "data-flow-diagram"},
	    {"Elements", "elements"},
	    {"STRIDE coverage", "stride-coverage"},
	    {"Risk summary", "risk-summary"},
	    {"Threats", "threats"},
	    {"Mitigation backlog", "mitigation-backlog"},
	    {"Questionnaire answers", "questionnaire-answers"},
	    {"Open questions", "open-questions"},
	    {"Parking lot", "parking-lot"},
	    {"Accepted and transferred risks", "accepted-and-transferred-risks"},
	};
	size_t i;

	heading(md, 2, "Contents");
	put(md, "\n");
	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		putf(md, "%zu. ", i + 1);
		link(md, sections[i][0], sections[i][1]);
		put(md, "\n");
	}
}

/* ---- sessions ----------------------------------------------------------------------------- */

/* Minutes from one ISO time to another, rounded; -1 when either is missing or they disagree. */
static long minutes_between(const char *from, const char *to)
{
	time_t a, b;

	if (!from || !to || iso_time_parse(from, &a) || iso_time_parse(to, &b) || b < a)
		return -1;
	return (long)((b - a + 30) / 60);
}

/* Each phase with its planned minutes and what it took. */
static void phases_cell(struct md *md, const struct session *s)
{
	long took;
	size_t i;

	put(md, "| ");
	if (!s->nphases)
		put(md, NONE_MARK);
	for (i = 0; i < s->nphases; i++) {
		const struct phase *p = &s->phases[i];
		if (i)
			put(md, "<br>");
		esc_md_cell(md->out, p->name);
		putf(md, ": planned %d min, ", p->timebox_min);
		if ((took = minutes_between(p->started, p->ended)) >= 0)
			putf(md, "took %ld min", took);
		else if (!p->started)
			put(md, "not started");
		else if (!p->ended)
			put(md, s->ended ? "no end recorded" : "running");
		else
			put(md, "times not readable");
	}
	put(md, " ");
}

/* An ISO time as "09:00" when it falls on the day `since` does (NULL: no such day), else as
 * "2026-11-21 00:15"; as stored, escaped, when it does not parse. Written from the parsed
 * time, never from the text, which the parser reads leniently. */
static void put_clock(struct md *md, const char *iso, const char *since)
{
	char text[24], day[11], since_day[11];
	struct tm tm;
	time_t t, s;

	if (iso_time_parse(iso, &t)) {
		esc_md_cell(md->out, iso);
		return;
	}
	report_date(t, day);
	if (since && !iso_time_parse(since, &s))
		report_date(s, since_day);
	else
		since_day[0] = '\0';
	gmtime_r(&t, &tm);
	strftime(text, sizeof(text), str_eq(day, since_day) ? "%H:%M" : "%Y-%m-%d %H:%M", &tm);
	put(md, text);
}

/* The Date and Time cells: when the session started and, once it has, when it ended. */
static void session_date_cell(struct md *md, const struct session *s)
{
	char day[11];
	time_t t;

	if (!s->started || iso_time_parse(s->started, &t)) {
		cell_word(md, "not recorded");
		return;
	}
	report_date(t, day);
	cell_word(md, day);
}

static void session_time_cell(struct md *md, const struct session *s)
{
	time_t t;

	if (!s->started || iso_time_parse(s->started, &t)) {
		cell(md, s->started);
		return;
	}
	put(md, "| ");
	if (!s->ended)
		put(md, "from ");
	put_clock(md, s->started, s->started);
	if (s->ended) {
		put(md, "–");
		put_clock(md, s->ended, s->started);
	}
	put(md, " ");
}

/* From the session's start and end; "still running" until it has ended. */
static void session_duration_cell(struct md *md, const struct session *s)
{
	long secs;

	put(md, "| ");
	if (!s->ended)
		put(md, "still running");
	else if ((secs = session_seconds(s)) >= 0)
		put_duration(md, secs);
	else
		put(md, "not recorded");
	put(md, " ");
}

/* What a security champion marked as reviewed, with the comment left. */
static void review_marks(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	if (!m->nreviews)
		return;
	para(md, "Review marks:");
	table_head(md, "Subject|Comment|By|At");
	for (i = 0; i < m->nreviews; i++) {
		cell(md, m->reviews[i]->subject);
		cell(md, m->reviews[i]->comment);
		cell(md, m->reviews[i]->who);
		cell(md, m->reviews[i]->at);
		row_end(md);
	}
}

/* Participants with what the index counts for each, then the people who raised threats
 * without being on the list. */
static void participants(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	if (!m->nparticipants && !md->outsiders.count) {
		para(md, "No participants recorded.");
		return;
	}
	table_head(md, "Participant|Role|Threats raised|Answers given|Cells decided|Dots given");
	for (i = 0; i < m->nparticipants; i++) {
		const struct participant_tally *t = &md->r.ix->tally[i];
		cell(md, m->participants[i]->name);
		cell(md, m->participants[i]->role);
		cell_number(md, t->raised);
		cell_number(md, t->answers);
		cell_number(md, t->decisions);
		cell_number(md, t->dots);
		row_end(md);
	}
	/* the index counts only participants' answers, decisions and dots */
	for (i = 0; i < md->outsiders.count; i++) {
		cell(md, md->outsiders.items[i]);
		cell_word(md, "not a participant");
		cell_number(md, md->outsider_raised[i]);
		put(md, "| " NONE_MARK " | " NONE_MARK " | " NONE_MARK " ");
		row_end(md);
	}
}

static void sessions(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	heading(md, 2, "Sessions and participants");
	if (!m->nsessions)
		para(md, "No sessions recorded.");
	else
		table_head(md, "Session|Date|Mode|Facilitated by|Time (UTC)|Duration|Phases|Notes");
	for (i = 0; i < m->nsessions; i++) {
		const struct session *s = m->sessions[i];
		cellf(md, "%ld", s->number);
		session_date_cell(md, s);
		cell(md, s->mode);
		/* as stored: the participant who facilitated, never who ran the program */
		if (str_empty(s->facilitator))
			cell_word(md, "not recorded");
		else
			cell(md, s->facilitator);
		session_time_cell(md, s);
		session_duration_cell(md, s);
		phases_cell(md, s);
		cell(md, s->notes);
		row_end(md);
	}
	participants(md);
	review_marks(md);
}

/* ---- scope ------------------------------------------------------------------------------ */

static void scope(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	heading(md, 2, "Scope and assumptions");
	if (str_empty(m->scope)) {
		para(md, "No scope recorded.");
	} else {
		put(md, "\n");
		esc_md_block(md->out, m->scope);
		put(md, "\n");
	}
	if (!m->assumptions.count) {
		para(md, "No assumptions recorded.");
		return;
	}
	para(md, "Assumptions:");
	put(md, "\n");
	for (i = 0; i < m->assumptions.count; i++) {
		put(md, "- ");
		esc_md_inline(md->out, m->assumptions.items[i]);
		put(md, "\n");
	}
}

/* ---- Mermaid diagram ---------------------------------------------------------------------- */

struct dfd {
	struct md *md;
	struct sbuf sb;
	struct strmap index; /* element id -> index + 1: Mermaid ids are n<index>, b<index> */
};

static long element_pos(const struct dfd *d, const char *id)
{
	return id ? (long)(uintptr_t)strmap_get(&d->index, id) - 1 : -1;
}

static void indent(struct dfd *d, int depth)
{
	int i;

	for (i = 0; i < depth + 1; i++)
		sbuf_addstr(&d->sb, "  ");
}

static void dfd_node(struct dfd *d, size_t i, int depth)
{
	const struct element *e = d->md->m->elements[i];
	static const char *const open[] = {"[\"", "(\"", "[(\""}, *const close[] = {"\"]", "\")",
										    "\")]"};
	int shape = e->kind == KIND_PROCESS ? 1 : e->kind == KIND_DATA_STORE ? 2 : 0;

	indent(d, depth);
	sbuf_addf(&d->sb, "n%zu%s", i, open[shape]);
	esc_mermaid_label(&d->sb, str_empty(e->name) ? e->id : e->name);
	if (e->out_of_scope)
		esc_mermaid_label(&d->sb, " (out of scope)");
	sbuf_addf(&d->sb, "%s\n", close[shape]);
}

static bool is_node(const struct element *e)
{
	return e->kind == KIND_EXTERNAL_ENTITY || e->kind == KIND_PROCESS ||
	       e->kind == KIND_DATA_STORE;
}

/* Whether the element's parent is `boundary` (NULL: the element sits at the top level). */
static bool placed_in(const struct dfd *d, const struct element *e, const char *boundary)
{
	long at = element_pos(d, e->boundary);
	bool top = at < 0 || d->md->m->elements[at]->kind != KIND_TRUST_BOUNDARY;

	return boundary ? !top && str_eq(e->boundary, boundary) : top;
}

static void dfd_level(struct dfd *d, const char *boundary, int depth);

/* Whether any node sits in the boundary or in one nested in it (an empty box says nothing). */
static bool holds_nodes(const struct dfd *d, const char *boundary, int depth)
{
	const struct model *m = d->md->m;
	size_t i;

	for (i = 0; i < m->nelements && depth < 32; i++) {
		const struct element *e = m->elements[i];
		if (!placed_in(d, e, boundary))
			continue;
		if (is_node(e) ||
		    (e->kind == KIND_TRUST_BOUNDARY && holds_nodes(d, e->id, depth + 1)))
			return true;
	}
	return false;
}

static void dfd_boundary(struct dfd *d, size_t i, int depth)
{
	const struct element *b = d->md->m->elements[i];

	indent(d, depth);
	sbuf_addf(&d->sb, "subgraph b%zu[\"", i);
	esc_mermaid_label(&d->sb, str_empty(b->name) ? b->id : b->name);
	sbuf_addstr(&d->sb, "\"]\n");
	/* Loaders reject cycles; the depth cap only keeps a damaged model from recursing forever. */
	if (depth < 32)
		dfd_level(d, b->id, depth + 1);
	indent(d, depth);
	sbuf_addstr(&d->sb, "end\n");
}

static void dfd_level(struct dfd *d, const char *boundary, int depth)
{
	const struct model *m = d->md->m;
	size_t i;

	for (i = 0; i < m->nelements; i++)
		if (m->elements[i]->kind == KIND_TRUST_BOUNDARY &&
		    placed_in(d, m->elements[i], boundary) && holds_nodes(d, m->elements[i]->id, 0))
			dfd_boundary(d, i, depth);
	for (i = 0; i < m->nelements; i++)
		if (is_node(m->elements[i]) && placed_in(d, m->elements[i], boundary))
			dfd_node(d, i, depth);
}

static void dfd_flows(struct dfd *d)
{
	const struct model *m = d->md->m;
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		const struct element *f = m->elements[i];
		long from = element_pos(d, f->from), to = element_pos(d, f->to);
		if (f->kind != KIND_DATA_FLOW || from < 0 || to < 0 ||
		    !is_node(m->elements[from]) || !is_node(m->elements[to]))
			continue;
		/* Dotted arrows have no two-headed form that every Mermaid version reads. */
		sbuf_addf(&d->sb, "  n%ld %s|\"", from,
			  f->out_of_scope    ? "-.->"
			  : f->bidirectional ? "<-->"
					     : "-->");
		esc_mermaid_label(&d->sb, str_empty(f->name) ? f->id : f->name);
		if (f->out_of_scope)
			esc_mermaid_label(&d->sb, f->bidirectional ? " (both ways, out of scope)"
								   : " (out of scope)");
		sbuf_addf(&d->sb, "\"| n%ld\n", to);
	}
}

/* Style statements after everything else: inside a subgraph not every renderer takes them. */
static void dfd_classes(struct dfd *d)
{
	const struct model *m = d->md->m;
	size_t i;

	for (i = 0; i < m->nelements; i++)
		if (is_node(m->elements[i]) && m->elements[i]->out_of_scope)
			sbuf_addf(&d->sb, "  class n%zu outOfScope\n", i);
}

static void diagram(struct md *md)
{
	struct dfd d = {md, SBUF_INIT, STRMAP_INIT};
	size_t i;

	heading(md, 2, "Data-flow diagram");
	for (i = 0; i < md->m->nelements; i++)
		strmap_put(&d.index, md->m->elements[i]->id, (void *)(uintptr_t)(i + 1));
	sbuf_addstr(&d.sb, "flowchart LR\n");
	sbuf_addstr(&d.sb, "  classDef outOfScope stroke-dasharray: 5 5\n");
	dfd_level(&d, NULL, 0);
	dfd_flows(&d);
	dfd_classes(&d);
	if (d.sb.len > REPORT_MERMAID_MAX) {
		putf(md,
		     "\nThe diagram is left out: at %zu characters it is too large for Mermaid to "
		     "render. The element and flow tables below hold the same information.\n",
		     d.sb.len);
	} else {
		putf(md, "\n```mermaid\n%s```\n", sbuf_str(&d.sb));
		para(md, "Trust boundaries are drawn as boxes around what they contain (a boundary "
			 "that contains nothing is left out); rectangles "
			 "are external entities, rounded boxes processes, cylinders data stores; "
			 "out-of-scope elements and flows are dashed and labelled.");
	}
	sbuf_release(&d.sb);
	strmap_clear(&d.index);
}

/* ---- elements --------------------------------------------------------------------------- */

static void boundaries_table(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	heading(md, 3, "Trust boundaries");
	if (!count_kind(m, KIND_TRUST_BOUNDARY)) {
		para(md, "None.");
		return;
	}
	table_head(md, "Id|Name|Inside|Description");
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind != KIND_TRUST_BOUNDARY)
			continue;
		cell(md, e->id);
		cell(md, e->name);
		cell(md, e->boundary);
		cell(md, e->description);
		row_end(md);
	}
}

/* The Notes cell: log store, out of scope with its reason. */
/* "template.yaml:44 (AppFunction, Events.ApiEvent)": where the code says so. */
static void origin_text(struct md *md, const struct origin *o)
{
	esc_md_cell(md->out, o->file);
	putf(md, ":%d", o->line);
	if (o->resource || o->property) {
		put(md, " (");
		esc_md_cell(md->out, o->resource ? o->resource : "");
		if (o->resource && o->property)
			put(md, ", ");
		esc_md_cell(md->out, o->property ? o->property : "");
		put(md, ")");
	}
}

static void notes_cell(struct md *md, const struct element *e, const char *extra)
{
	bool any = false;

	put(md, "| ");
	if (e->is_log) {
		put(md, "log store");
		any = true;
	}
	if (extra) {
		putf(md, "%s%s", any ? "; " : "", extra);
		any = true;
	}
	if (e->out_of_scope) {
		putf(md, "%sout of scope", any ? "; " : "");
		if (!str_empty(e->out_of_scope_reason)) {
			put(md, ": ");
			esc_md_cell(md->out, e->out_of_scope_reason);
		}
		any = true;
	}
	if (e->origin) {
		putf(md, "%sfrom ", any ? "; " : "");
		origin_text(md, e->origin);
		if (e->origin->state == IMPORT_NEW || e->origin->state == IMPORT_CHANGED)
			putf(md, " (%s in the last import)", import_state_name(e->origin->state));
		any = true;
	}
	put(md, any ? " " : NONE_MARK " ");
}

static void nodes_table(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	heading(md, 3, "External entities, processes and data stores");
	if (!count_kind(m, KIND_EXTERNAL_ENTITY) && !count_kind(m, KIND_PROCESS) &&
	    !count_kind(m, KIND_DATA_STORE)) {
		para(md, "None.");
		return;
	}
	table_head(md, "Id|Name|Kind|Type|Boundary|Tags|Description|Notes");
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (!is_node(e))
			continue;
		cell(md, e->id);
		cell(md, e->name);
		cell(md, element_kind_label(e->kind));
		cell(md, e->type);
		cell(md, e->boundary);
		cell_list(md, &e->tags);
		cell(md, e->description);
		notes_cell(md, e, NULL);
		row_end(md);
	}
}

static void crossed_cell(struct md *md, const struct element *f)
{
	struct strlist crossed = STRLIST_INIT;

	model_flow_crosses(md->m, f, &crossed);
	cell_list(md, &crossed);
	strlist_clear(&crossed);
}

static void flows_table(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	heading(md, 3, "Data flows");
	if (!count_kind(m, KIND_DATA_FLOW)) {
		para(md, "None.");
		return;
	}
	table_head(md, "Id|Name|From|To|Protocol|Data|Crosses|Tags|Description|Notes");
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind != KIND_DATA_FLOW)
			continue;
		cell(md, e->id);
		cell(md, e->name);
		cell(md, e->from);
		cell(md, e->to);
		cell(md, e->protocol);
		cell_list(md, &e->data);
		crossed_cell(md, e);
		cell_list(md, &e->tags);
		cell(md, e->description);
		notes_cell(md, e, e->bidirectional ? "both ways" : NULL);
		row_end(md);
	}
}

static void elements(struct md *md)
{
	heading(md, 2, "Elements");
	boundaries_table(md);
	nodes_table(md);
	flows_table(md);
}

/* ---- coverage --------------------------------------------------------------------------- */

static void coverage_matrix(struct md *md)
{
	const struct model *m = md->m;
	size_t i;
	int l;

	table_head(md, "Element|S|T|R|I|D|E");
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (e->kind == KIND_TRUST_BOUNDARY || e->out_of_scope)
			continue;
		cell(md, e->id);
		for (l = 0; l < STRIDE_COUNT; l++) {
			enum cell_state s = coverage_cell(&md->cov[i], (enum stride_letter)l);
			if (!(md->cov[i].applicable & STRIDE_BIT(l)))
				cell_word(md, NONE_MARK);
			else
				cellf(md, s == CELL_PENDING ? "**pending**" : "%s",
				      cell_state_name(s));
		}
		row_end(md);
	}
}

static void coverage_reasons(struct md *md)
{
	const struct model *m = md->m;
	size_t i;

	heading(md, 3, "Cells closed without a threat");
	if (!m->ndecisions) {
		para(md, "None.");
		return;
	}
	table_head(md, "Element|Letter|Decision|Reason");
	for (i = 0; i < m->ndecisions; i++) {
		const struct decision *d = m->decisions[i];
		cell(md, d->element);
		cellf(md, "%c (%s)", stride_char(d->letter), stride_name(d->letter));
		cell_word(md, d->state == CELL_NONE ? "none found" : "n/a");
		cell(md, d->reason);
		row_end(md);
	}
}

static void out_of_scope(struct md *md)
{
	const struct model *m = md->m;
	size_t i, n = 0;

	heading(md, 3, "Out of scope");
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		if (!e->out_of_scope)
			continue;
		if (!n++)
			table_head(md, "Element|Reason");
		cell(md, e->id);
		cell(md, e->out_of_scope_reason);
		row_end(md);
	}
	if (!n)
		para(md, "Nothing is out of scope.");
}

static void coverage(struct md *md)
{
	struct coverage_totals t;

	const char *none = coverage_empty_reason(md->m, &md->r.ix->totals);

	t = md->r.ix->totals;
	heading(md, 2, "STRIDE coverage");
	if (none) {
		putf(md,
		     "\nNo STRIDE cells to decide (%s), so nothing has been walked: coverage is "
		     "%d%%.\n",
		     none, coverage_percent(&t));
		out_of_scope(md);
		return;
	}
	putf(md,
	     "\n%d of %d applicable %s decided (%d%%): %d with threats, %d considered with "
	     "nothing found, %d not applicable, %d pending.\n",
	     t.cells - t.count[CELL_PENDING], t.cells, t.cells == 1 ? "cell is" : "cells are",
	     coverage_percent(&t), t.count[CELL_THREATS], t.count[CELL_NONE], t.count[CELL_NA],
	     t.count[CELL_PENDING]);
	para(md, "Cells: `threats` at least one threat recorded, `none` considered and nothing "
		 "found, `n/a` not applicable, `pending` not yet decided, " NONE_MARK
		 " the letter does not apply to this kind of element.");
	coverage_matrix(md);
	coverage_reasons(md);
	out_of_scope(md);
}

/* ---- risk summary ----------------------------------------------------------------------- */

static void band_table(struct md *md)
{
	const struct model *m = md->m;
	size_t count[RISK_BAND_COUNT][THREAT_STATUS_COUNT] = {{0}},
	       total[THREAT_STATUS_COUNT] = {0};
	size_t i;
	int b, s;

	for (i = 0; i < m->nthreats; i++) {
		const struct threat_facts *f = &md->r.ix->facts[i];
		count[risk_band_of(f->risk)][f->status]++;
		total[f->status]++;
	}
	put(md, "\n| Band");
	for (s = 0; s < THREAT_STATUS_COUNT; s++)
		putf(md, " | %s", threat_status_name((enum threat_status)s));
	put(md, " | total |\n|---|");
	for (s = 0; s <= THREAT_STATUS_COUNT; s++)
		put(md, "---:|");
	put(md, "\n");
	for (b = RISK_CRITICAL; b >= RISK_LOW; b--) {
		size_t sum = 0;
		putf(md, "| %s (%d+) ", risk_band_name((enum risk_band)b),
		     risk_band_min_score((enum risk_band)b));
		for (s = 0; s < THREAT_STATUS_COUNT; s++) {
			cell_number(md, (long)count[b][s]);
			sum += count[b][s];
		}
		cell_number(md, (long)sum);
		row_end(md);
	}
	put(md, "| **total** ");
	for (s = 0; s < THREAT_STATUS_COUNT; s++)
		cell_number(md, (long)total[s]);
	cell_number(md, (long)m->nthreats);
	row_end(md);
}

/* Oriented as the Prioritise screen draws it: likelihood 5 at the top, impact 1 on the left. */
static void heat_map(struct md *md)
{
	const struct threat_facts *f = md->r.ix->facts;
	size_t grid[6][6] = {{0}}, i;
	int l, im;

	for (i = 0; i < md->m->nthreats; i++)
		if (threat_status_is_active((enum threat_status)f[i].status) && f[i].risk)
			grid[f[i].likelihood][f[i].impact]++;
	heading(md, 3, "Heat map");
	para(md, "Open and in-discussion threats by likelihood (rows, 5 at the top) and impact "
		 "(columns, 1 on the left), as the Prioritise screen shows them; each cell shows "
		 "the count and the band of that score.");
	put(md, "\n| Likelihood ↓ Impact → | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|\n");
	for (l = 5; l >= 1; l--) {
		putf(md, "| **%d** ", l);
		for (im = 1; im <= 5; im++) {
			const char *band = risk_band_name(risk_band_of(l * im));
			if (grid[l][im])
				cellf(md, "**%zu** %s", grid[l][im], band);
			else
				cellf(md, "%s %s", "·", band);
		}
		row_end(md);
	}
}

static void risk_summary(struct md *md)
{
	heading(md, 2, "Risk summary");
	para(md, "Risk is likelihood × impact, each rated 1 to 5. Bands: low 1–4, medium 5–9, "
		 "high 10–16, critical 20–25 (scores 17–19 cannot occur).");
	band_table(md);
	heat_map(md);
}

/* ---- threats ---------------------------------------------------------------------------- */

static void mitigation_refs(struct md *md, size_t t)
{
	const struct position_list *l = &md->r.ix->threat_mitigations[t];
	size_t k;

	put(md, "| ");
	if (l->n == 0)
		put(md, NONE_MARK);
	for (k = 0; k < l->n; k++) {
		const struct mitigation *mit = md->m->mitigations[l->items[k]];
		if (k > 0)
			put(md, ", ");
		esc_md_cell(md->out, mit->id);
		put(md, " (");
		put(md, mitigation_status_name(mit->status));
		put(md, ")");
	}
	put(md, " ");
}

static void provenance_cell(struct md *md, const struct threat *t)
{
	put(md, "| ");
	put(md, threat_origin_name(t->origin));
	if (!str_empty(t->provenance)) {
		put(md, ": ");
		esc_md_cell(md->out, t->provenance);
	}
	put(md, " ");
}

static void lower_id(const char *id, struct sbuf *out)
{
	for (; *id; id++)
		sbuf_addch(out, *id >= 'A' && *id <= 'Z' ? (char)(*id - 'A' + 'a') : *id);
}

static void threat_row(struct md *md, size_t i)
{
	const struct threat *t = md->m->threats[i];
	char letters[STRIDE_COUNT + 1];
	struct sbuf anchor = SBUF_INIT;
	int risk = threat_risk(t);

	threat_letters_text(t, letters);
	put(md, "| ");
	/* The details heading "#### T-0001" gets the anchor "t-0001" on GitHub and GitLab. */
	lower_id(t->id, &anchor);
	if (slug_valid(sbuf_str(&anchor)))
		link(md, t->id, sbuf_str(&anchor));
	else
		esc_md_cell(md->out, t->id);
	sbuf_release(&anchor);
	put(md, " ");
	cell(md, t->title);
	cell(md, t->element);
	cell_word(md, letters);
	cell_number(md, t->likelihood);
	cell_number(md, t->impact);
	cell_risk(md, risk);
	cell_word(md, threat_status_name(t->status));
	cell_number(md, md->r.ix->votes[i]);
	cell(md, t->raised_by);
	provenance_cell(md, t);
	mitigation_refs(md, i);
	row_end(md);
}

static void threat_detail(struct md *md, size_t i)
{
	const struct threat *t = md->m->threats[i];

	heading_open(md, 4);
	esc_md_inline(md->out, t->id);
	put(md, "\n\n**");
	esc_md_inline(md->out, t->title);
	put(md, "**");
	if (!str_empty(t->raised_at)) {
		put(md, " (raised ");
		esc_md_inline(md->out, t->raised_at);
		put(md, ")");
	}
	put(md, "\n");
	if (!str_empty(t->description)) {
		put(md, "\n");
		esc_md_block(md->out, t->description);
		put(md, "\n");
	}
	if (!str_empty(t->justification)) {
		putf(md, "\nJustification (%s): ", threat_status_name(t->status));
		esc_md_block(md->out, t->justification);
		put(md, "\n");
	}
}

static void threats(struct md *md)
{
	size_t k;

	heading(md, 2, "Threats");
	if (!md->m->nthreats) {
		para(md, "No threats recorded.");
		return;
	}
	para(md, "Highest risk first, then most votes, then id. STRIDE lists the primary letter "
		 "first. L = likelihood, I = impact.");
	table_head(md, "Id|Title|Element|STRIDE|L|I|Risk|Status|Votes|Raised by|Provenance|"
		       "Mitigations");
	for (k = 0; k < md->m->nthreats; k++)
		threat_row(md, md->r.order[k]);
	heading(md, 3, "Threat details");
	for (k = 0; k < md->m->nthreats; k++)
		threat_detail(md, md->r.order[k]);
}

/* ---- mitigation backlog ----------------------------------------------------------------- */

struct mit_key {
	const struct mitigation *mit;
};

/* Work still to do first (by status), then by due date (none last), then id. */
static int by_backlog(const void *pa, const void *pb)
{
	const struct mitigation *a = ((const struct mit_key *)pa)->mit;
	const struct mitigation *b = ((const struct mit_key *)pb)->mit;
	int c;

	if (a->status != b->status)
		return (int)a->status - (int)b->status;
	if (str_empty(a->due) != str_empty(b->due))
		return str_empty(a->due) ? 1 : -1;
	if (!str_empty(a->due) && (c = strcmp(a->due, b->due)) != 0)
		return c;
	return strcmp(a->id, b->id);
}

static void backlog_row(struct md *md, const struct mitigation *mit)
{
	cell(md, mit->id);
	cell(md, mit->title);
	cell_word(md, mitigation_status_name(mit->status));
	cell(md, mit->owner);
	cell(md, mit->ticket);
	cell(md, mit->due);
	cell_list(md, &mit->threats);
	row_end(md);
}

static void backlog_detail(struct md *md, const struct mitigation *mit)
{
	if (str_empty(mit->description) && str_empty(mit->verification))
		return;
	heading_open(md, 4);
	esc_md_inline(md->out, mit->id);
	put(md, "\n\n**");
	esc_md_inline(md->out, mit->title);
	put(md, "**\n");
	if (!str_empty(mit->description)) {
		put(md, "\n");
		esc_md_block(md->out, mit->description);
		put(md, "\n");
	}
	if (!str_empty(mit->verification)) {
		put(md, "\nVerification: ");
		esc_md_block(md->out, mit->verification);
		put(md, "\n");
	}
}

static void backlog(struct md *md)
{
	const struct model *m = md->m;
	struct mit_key *keys;
	size_t i;

	heading(md, 2, "Mitigation backlog");
	if (!m->nmitigations) {
		para(md, "No mitigations recorded.");
		return;
	}
	keys = xcalloc(m->nmitigations, sizeof(*keys));
	for (i = 0; i < m->nmitigations; i++)
		keys[i].mit = m->mitigations[i];
	qsort(keys, m->nmitigations, sizeof(*keys), by_backlog);
	para(md, "Ordered by status (work still to do first), then due date.");
	table_head(md, "Id|Mitigation|Status|Owner|Ticket|Due|Threats");
	for (i = 0; i < m->nmitigations; i++)
		backlog_row(md, keys[i].mit);
	heading(md, 3, "Mitigation details");
	for (i = 0; i < m->nmitigations; i++)
		backlog_detail(md, keys[i].mit);
	free(keys);
}

/* ---- questionnaire answers -------------------------------------------------------------- */

static const struct question *find_question(const struct md *md, const struct answer *a)
{
	const struct questionnaire *qn;

	if (!md->qlib || !(qn = qlibrary_questionnaire(md->qlib, a->questionnaire)))
		return NULL;
	return questionnaire_find_question(qn, a->question);
}

static void answer_value(struct md *md, const struct question *q, const struct answer *a,
			 const struct open_item *item)
{
	const struct question_option *o = q ? question_find_option(q, a->value) : NULL;

	put(md, "| ");
	if (str_eq(a->value, ANSWER_NA))
		put(md, "not applicable");
	else
		esc_md_cell(md->out, o && !str_empty(o->label) ? o->label : a->value);
	if (str_eq(a->value, ANSWER_UNKNOWN)) {
		put(md, item && item->closed ? " (question " : " (open question");
		if (item) {
			put(md, item->closed ? "" : " ");
			esc_md_cell(md->out, item->id);
		}
		put(md, item && item->closed ? ", closed)" : ")");
	}
	put(md, " ");
}

/* Who answered; an answer the code settles names its evidence, and an overruling says so. */
static void by_cell(struct md *md, const struct answer *a)
{
	const struct evidence *ev = a->evidence;

	if (!ev) {
		cell(md, a->who);
		return;
	}
	put(md, "| ");
	if (answer_overruled(a)) {
		esc_md_cell(md->out, str_empty(a->who) ? "the team" : a->who);
		put(md, ", overruling the code (");
		esc_md_cell(md->out, ev->value);
		put(md, ") from ");
	} else {
		put(md, "the code, from ");
	}
	esc_md_cell(md->out, ev->file);
	putf(md, ":%d", ev->line);
	if (!str_empty(ev->property)) {
		put(md, ", ");
		esc_md_cell(md->out, ev->property);
	}
	put(md, " ");
}

static void answer_row(struct md *md, size_t i)
{
	const struct answer *a = md->m->answers[i];
	const struct question *q = find_question(md, a);

	put(md, "| ");
	if (q) {
		esc_md_cell(md->out, q->text);
		put(md, " (");
	}
	esc_md_cell(md->out, a->questionnaire);
	put(md, "/");
	esc_md_cell(md->out, a->question);
	put(md, q ? ") " : " ");
	answer_value(md, q, a, md->answer_item[i]);
	if (str_eq(a->value, ANSWER_UNKNOWN) || str_eq(a->value, ANSWER_NA))
		cell_word(md, NONE_MARK);
	else if (!md->qlib)
		cell_word(md, "?");
	else if (!q)
		cell_word(md, "? (question not found)");
	else
		cell_word(md, question_answer_risky(q, a->value) ? "**risky**" : "no");
	cell(md, a->note);
	by_cell(md, a);
	row_end(md);
}

static void answers_for(struct md *md, const struct element *e, const size_t *list, size_t n)
{
	size_t i;

	heading_open(md, 3);
	esc_md_inline(md->out, e->id);
	put(md, " — ");
	esc_md_inline(md->out, str_empty(e->name) ? e->id : e->name);
	put(md, "\n");
	table_head(md, "Question|Answer|Risky|Note|By");
	for (i = 0; i < n; i++)
		answer_row(md, list[i]);
}

/*
 * Answer indexes grouped by element (elements in model order, answers in model order within):
 * the answers of element i are list[start[i]] .. list[start[i + 1] - 1]. Both arrays are new.
 */
static void group_answers(const struct model *m, size_t **start_out, size_t **list_out)
{
	struct strmap pos = STRMAP_INIT;
	size_t *start = xcalloc(m->nelements + 2, sizeof(size_t));
	size_t *list = xcalloc(m->nanswers ? m->nanswers : 1, sizeof(size_t));
	size_t *at = xcalloc(m->nanswers ? m->nanswers : 1, sizeof(size_t));
	size_t i;

	for (i = 0; i < m->nelements; i++)
		strmap_put(&pos, m->elements[i]->id, (void *)(uintptr_t)(i + 1));
	/* Answers on unknown elements get slot nelements and are not shown. */
	for (i = 0; i < m->nanswers; i++) {
		uintptr_t e = (uintptr_t)strmap_get(&pos, m->answers[i]->element);
		at[i] = e ? e - 1 : m->nelements;
		start[at[i] + 1]++;
	}
	for (i = 0; i <= m->nelements; i++)
		start[i + 1] += start[i];
	for (i = 0; i < m->nanswers; i++)
		list[start[at[i]]++] = i;
	for (i = m->nelements + 1; i > 0; i--)
		start[i] = start[i - 1];
	start[0] = 0;
	free(at);
	strmap_clear(&pos);
	*start_out = start;
	*list_out = list;
}

/* Answers grouped by element, elements in model order, answers in model order. */
static void answers(struct md *md)
{
	const struct model *m = md->m;
	size_t *start, *list, i;

	heading(md, 2, "Questionnaire answers");
	if (!md->qlib) {
		put(md, "\nThe questionnaires were not available");
		if (!str_empty(md->qlib_note)) {
			put(md, " (");
			esc_md_inline(md->out, md->qlib_note);
			put(md, ")");
		}
		put(md, ", so questions are shown by id and risky answers cannot be marked.\n");
	}
	if (!m->nanswers)
		para(md, "No answers recorded.");
	group_answers(m, &start, &list);
	for (i = 0; i < m->nelements; i++)
		if (start[i + 1] > start[i])
			answers_for(md, m->elements[i], list + start[i], start[i + 1] - start[i]);
	free(start);
	free(list);
}

/* ---- open questions, parking lot, residual risk ----------------------------------------- */

/* Owner and Due cells: what is missing is said, not left as a dash. */
static void owner_due_cells(struct md *md, const char *owner, const char *due)
{
	if (str_empty(owner))
		cell_word(md, "no owner");
	else
		cell(md, owner);
	if (str_empty(due))
		cell_word(md, "no due date");
	else
		cell(md, due);
}

/* One row per open question: the recorded ones, then each "unknown" answer none stands for. */
static void open_questions(struct md *md)
{
	const struct model *m = md->m;
	size_t i, n = 0;

	heading(md, 2, "Open questions");
	para(md, "One row per open question: those raised in the workshop and those a "
		 "questionnaire answer of `unknown` raised.");
	for (i = 0; i < m->nitems; i++) {
		const struct open_item *it = m->items[i];
		if (it->kind != ITEM_QUESTION || it->closed)
			continue;
		if (!n++)
			table_head(md, "Ref|Element|Question|Owner|Due");
		cell(md, it->id);
		cell(md, it->element);
		cell(md, it->text);
		owner_due_cells(md, it->owner, it->due);
		row_end(md);
	}
	for (i = 0; i < m->nanswers; i++) {
		const struct answer *a = m->answers[i];
		const struct question *q = find_question(md, a);
		if (!answer_is_open_question(md, i))
			continue;
		if (!n++)
			table_head(md, "Ref|Element|Question|Owner|Due");
		cell_word(md, NONE_MARK);
		cell(md, a->element);
		put(md, "| ");
		if (q) {
			esc_md_cell(md->out, q->text);
			put(md, " (");
		}
		esc_md_cell(md->out, a->questionnaire);
		put(md, "/");
		esc_md_cell(md->out, a->question);
		put(md, q ? ", answered `unknown`" : " (answered `unknown`");
		if (!str_empty(a->who)) {
			put(md, " by ");
			esc_md_cell(md->out, a->who);
		}
		put(md, ") ");
		owner_due_cells(md, NULL, NULL);
		row_end(md);
	}
	if (!n)
		para(md, "None.");
}

static void parking_lot(struct md *md)
{
	const struct model *m = md->m;
	size_t i, n = 0;

	heading(md, 2, "Parking lot");
	for (i = 0; i < m->nitems; i++) {
		const struct open_item *it = m->items[i];
		if (it->kind != ITEM_PARKING)
			continue;
		if (!n++)
			table_head(md, "Ref|Item|Element|Owner|Due|Status");
		cell(md, it->id);
		cell(md, it->text);
		cell(md, it->element);
		owner_due_cells(md, it->owner, it->due);
		put(md, it->closed ? "| closed" : "| open");
		if (it->closed && !str_empty(it->resolution)) {
			put(md, ": ");
			esc_md_cell(md->out, it->resolution);
		}
		put(md, " ");
		row_end(md);
	}
	if (!n)
		para(md, "Nothing was parked.");
}

static void residual_risk(struct md *md)
{
	const struct model *m = md->m;
	size_t k, n = 0;

	heading(md, 2, "Accepted and transferred risks");
	para(md, "The residual risk: threats the team chose to live with or hand to someone else, "
		 "and why.");
	for (k = 0; k < m->nthreats; k++) {
		const struct threat *t = m->threats[md->r.order[k]];
		int risk = threat_risk(t);
		if (t->status != THREAT_ACCEPTED && t->status != THREAT_TRANSFERRED)
			continue;
		if (!n++)
			table_head(md, "Id|Title|Element|Risk|Status|Justification");
		cell(md, t->id);
		cell(md, t->title);
		cell(md, t->element);
		cell_risk(md, risk);
		cell_word(md, threat_status_name(t->status));
		cell(md, t->justification);
		row_end(md);
	}
	if (!n)
		para(md, "None.");
}

/* Who raised threats without being a participant, by the index's reading of raised_by. */
static void find_outsiders(struct md *md)
{
	const struct model *m = md->m;
	struct strmap at = STRMAP_INIT;
	size_t p;

	md->outsider_raised = xcalloc(m->nthreats + 1, sizeof(int));
	for (p = 0; p < m->nthreats; p++) {
		const char *who = m->threats[p]->raised_by;
		uintptr_t k;
		if (md->r.ix->threat_raiser[p] < md->r.ix->nparticipants || str_empty(who))
			continue;
		if (!(k = (uintptr_t)strmap_get(&at, who))) {
			strlist_push(&md->outsiders, who);
			k = md->outsiders.count;
			strmap_put(&at, md->outsiders.items[k - 1], (void *)k);
		}
		md->outsider_raised[k - 1]++;
	}
	strmap_clear(&at);
}

/*
 * The open question each "unknown" answer raised, looked up once for the sections that ask:
 * what model_answer_item() finds, through each element's question items instead of reading
 * every item for every answer.
 */
static void find_answer_items(struct md *md)
{
	const struct model *m = md->m;
	struct strmap first = STRMAP_INIT; /* element -> its first question item + 1 */
	size_t *next = xcalloc(m->nitems + 1, sizeof(*next)); /* the element's next item + 1 */
	size_t i, k;

	for (i = m->nitems; i-- > 0;) {
		const struct open_item *item = m->items[i];
		if (item->kind != ITEM_QUESTION || !item->element)
			continue;
		next[i] = (size_t)(uintptr_t)strmap_get(&first, item->element);
		strmap_put(&first, item->element, (void *)(uintptr_t)(i + 1));
	}
	md->answer_item = xcalloc(m->nanswers + 1, sizeof(*md->answer_item));
	for (i = 0; i < m->nanswers; i++) {
		const struct answer *a = m->answers[i];
		char *prefix;
		if (!str_eq(a->value, ANSWER_UNKNOWN))
			continue;
		prefix = model_answer_item_prefix(a->element, a->questionnaire, a->question);
		for (k = (size_t)(uintptr_t)strmap_get(&first, a->element);
		     k && !md->answer_item[i]; k = next[k - 1])
			if (model_item_asks(m->items[k - 1], a->element, prefix))
				md->answer_item[i] = m->items[k - 1];
		free(prefix);
	}
	strmap_clear(&first);
	free(next);
}

static void write_report(struct md *md_)
{
	struct md md = *md_;
	const struct model *m = md.m;

	report_init(&md.r, m, NULL);
	md.cov = md.r.ix->cov;
	find_outsiders(&md);
	find_answer_items(&md);
	title_and_summary(&md);
	contents(&md);
	sessions(&md);
	scope(&md);
	diagram(&md);
	elements(&md);
	coverage(&md);
	risk_summary(&md);
	threats(&md);
	backlog(&md);
	answers(&md);
	open_questions(&md);
	parking_lot(&md);
	residual_risk(&md);
	free(md.answer_item);
	free(md.outsider_raised);
	strlist_clear(&md.outsiders);
	report_release(&md.r);
	md_->failed = md.failed;
}

void report_md_write(const struct model *m, time_t now, const struct qlibrary *qlib,
		     const char *qlib_note, struct sbuf *out)
{
	struct md md = {.m = m, .out = out, .qlib = qlib, .qlib_note = qlib_note, .now = now};

	write_report(&md);
}

int report_md_write_to(const struct model *m, time_t now, const struct qlibrary *qlib,
		       const char *qlib_note, const struct report_sink *sink)
{
	struct sbuf piece = SBUF_INIT;
	struct md md = {
	    .m = m, .out = &piece, .qlib = qlib, .qlib_note = qlib_note, .now = now, .sink = sink};

	write_report(&md);
	if (!md.failed && piece.len && sink->write(sink->arg, piece.buf, piece.len))
		md.failed = true;
	sbuf_release(&piece);
	return md.failed ? -1 : 0;
}
