/*
 * The CSV backlog (see report_csv.h). Column mapping for importers, documented in stridewalk(1):
 *   Summary     -> Jira Summary / GitHub issue title   (threat or mitigation title)
 *   Description -> Jira Description / issue body       (details on several lines)
 *   Priority    -> Jira Priority                       (risk band: Highest, High, Medium, Low)
 *   Labels      -> Jira Labels / issue labels          (space-separated, no spaces inside)
 *   Status      -> Jira Status                         (our status word; map it in the wizard)
 *   Assignee    -> Jira Assignee / issue assignee      (mitigation owner)
 *   Due date    -> Jira Due date                       (YYYY-MM-DD)
 * The remaining columns (Threat id, ...) are for custom fields or for matching rows later.
 */
#include "report_csv.h"

#include <string.h>

#include "escape.h"
#include "report.h"
#include "risk.h"
#include "util.h"

/* Jira refuses summaries longer than 255 characters. */
#define SUMMARY_MAX 255

struct csv {
	const struct model *m;
	struct sbuf *out;
	struct report r; /* the index: the same counts the screens show */
	bool first; /* no field written yet on this row */
};

static void field(struct csv *c, const char *s)
{
	if (!c->first)
		sbuf_addch(c->out, ',');
	c->first = false;
	esc_csv_cell(c->out, s ? s : "");
}

static void field_sb(struct csv *c, struct sbuf *sb)
{
	field(c, sbuf_str(sb));
	sbuf_reset(sb);
}

static void row_end(struct csv *c)
{
	sbuf_addstr(c->out, "\r\n");
	c->first = true;
}

static const char *report_csv_priority(int risk)
{
	static const char *const names[RISK_BAND_COUNT] = {"Low", "Medium", "High", "Highest"};

	return names[risk_band_of(risk)];
}

/*
 * The title cut to Jira's limit (counted in bytes, which is stricter than characters, and
 * counting the apostrophe that neutralises a formula) at a character boundary, with "...".
 */
static void summary(struct csv *c, const char *title)
{
	struct sbuf sb = SBUF_INIT;
	size_t max = SUMMARY_MAX - (esc_csv_is_formula(title) ? 1 : 0);
	size_t n = title ? strlen(title) : 0;

	if (n <= max) {
		field(c, title);
		return;
	}
	n = max - 3;
	while (n > 0 && ((unsigned char)title[n] & 0xC0) == 0x80)
		n--;
	sbuf_add(&sb, title, n);
	sbuf_addstr(&sb, "...");
	field_sb(c, &sb);
	sbuf_release(&sb);
}

static void line(struct sbuf *sb, const char *label, const char *value)
{
	if (str_empty(value))
		return;
	sbuf_addf(sb, "%s%s: %s", sb->len ? "\n" : "", label, value);
}

static void mitigation_line(struct sbuf *sb, const struct mitigation *mit)
{
	sbuf_addf(sb, "\n- %s %s (%s", mit->id, mit->title ? mit->title : "",
		  mitigation_status_name(mit->status));
	if (!str_empty(mit->owner))
		sbuf_addf(sb, ", owner %s", mit->owner);
	if (!str_empty(mit->ticket))
		sbuf_addf(sb, ", ticket %s", mit->ticket);
	if (!str_empty(mit->due))
		sbuf_addf(sb, ", due %s", mit->due);
	sbuf_addch(sb, ')');
}

static void threat_description(struct csv *c, size_t i, struct sbuf *sb)
{
	const struct threat *t = c->m->threats[i];
	const struct element *e = model_element(c->m, t->element);
	char letters[STRIDE_COUNT + 1];
	size_t k;

	threat_letters_text(t, letters);
	if (!str_empty(t->description))
		sbuf_addf(sb, "%s\n", t->description);
	sbuf_addf(sb, "%sElement: %s", sb->len ? "\n" : "", t->element);
	if (e)
		sbuf_addf(sb, " (%s, %s)", e->name ? e->name : "", element_kind_label(e->kind));
	sbuf_addf(sb, "\nSTRIDE: %s\nRisk: %d %s (likelihood %d, impact %d); votes %d", letters,
		  threat_risk(t), risk_band_name(risk_band_of(threat_risk(t))), t->likelihood,
		  t->impact, c->r.ix->votes[i]);
	sbuf_addf(sb, "\nOrigin: %s", threat_origin_name(t->origin));
	line(sb, "Raised by", t->raised_by);
	line(sb, "Provenance", t->provenance);
	line(sb, "Justification", t->justification);
	if (c->r.ix->threat_mitigations[i].n)
		sbuf_addstr(sb, "\nMitigations:");
	for (k = 0; k < c->r.ix->threat_mitigations[i].n; k++)
		mitigation_line(sb, c->m->mitigations[c->r.ix->threat_mitigations[i].items[k]]);
}

static void threat_labels(const struct threat *t, struct sbuf *sb)
{
	char letters[STRIDE_COUNT + 1];
	const char *l;

	threat_letters_text(t, letters);
	sbuf_addstr(sb, "stridewalk threat");
	for (l = letters; *l; l++)
		sbuf_addf(sb, " stride-%c", *l);
	sbuf_addf(sb, " risk-%s", risk_band_name(risk_band_of(threat_risk(t))));
	if (slug_valid(t->element))
		sbuf_addf(sb, " element-%s", t->element);
}

static void threat_row(struct csv *c, size_t i, struct sbuf *sb)
{
	const struct threat *t = c->m->threats[i];
	char letters[STRIDE_COUNT + 1];
	size_t k;

	threat_letters_text(t, letters);
	summary(c, t->title);
	threat_description(c, i, sb);
	field_sb(c, sb);
	field(c, report_csv_priority(threat_risk(t)));
	threat_labels(t, sb);
	field_sb(c, sb);
	field(c, threat_status_name(t->status));
	field(c, report_threat_owner(&c->r, i));
	field(c, report_threat_due(&c->r, i));
	field(c, t->id);
	field(c, t->element);
	field(c, letters);
	sbuf_addf(sb, "%d", t->likelihood);
	field_sb(c, sb);
	sbuf_addf(sb, "%d", t->impact);
	field_sb(c, sb);
	sbuf_addf(sb, "%d", threat_risk(t));
	field_sb(c, sb);
	sbuf_addf(sb, "%d", c->r.ix->votes[i]);
	field_sb(c, sb);
	for (k = 0; k < c->r.ix->threat_mitigations[i].n; k++)
		sbuf_addf(sb, "%s%s", k > 0 ? " " : "",
			  c->m->mitigations[c->r.ix->threat_mitigations[i].items[k]]->id);
	field_sb(c, sb);
	row_end(c);
}

/* The highest risk among the threats a mitigation addresses; 0 when it names none. */
static int mitigation_risk(const struct csv *c, const struct mitigation *mit)
{
	int best = 0;
	size_t k;

	for (k = 0; k < mit->threats.count; k++) {
		size_t t = model_index_threat_at(c->r.ix, mit->threats.items[k]);
		if (t < c->m->nthreats && threat_risk(c->m->threats[t]) > best)
			best = threat_risk(c->m->threats[t]);
	}
	return best;
}

static void mitigation_description(struct csv *c, const struct mitigation *mit, struct sbuf *sb)
{
	size_t k;

	if (!str_empty(mit->description))
		sbuf_addf(sb, "%s\n", mit->description);
	line(sb, "Verification", mit->verification);
	line(sb, "Ticket", mit->ticket);
	if (mit->threats.count)
		sbuf_addf(sb, "%sThreats addressed:", sb->len ? "\n" : "");
	for (k = 0; k < mit->threats.count; k++) {
		size_t t = model_index_threat_at(c->r.ix, mit->threats.items[k]);
		const struct threat *th = t < c->m->nthreats ? c->m->threats[t] : NULL;
		sbuf_addf(sb, "\n- %s", mit->threats.items[k]);
		if (th)
			sbuf_addf(sb, " %s (%s, risk %d %s, %s)", th->title ? th->title : "",
				  th->element, threat_risk(th),
				  risk_band_name(risk_band_of(threat_risk(th))),
				  threat_status_name(th->status));
	}
}

static void mitigation_row(struct csv *c, const struct mitigation *mit, struct sbuf *sb)
{
	int risk = mitigation_risk(c, mit);
	size_t k;

	summary(c, mit->title);
	mitigation_description(c, mit, sb);
	field_sb(c, sb);
	field(c, report_csv_priority(risk ? risk : 1));
	sbuf_addstr(sb, "stridewalk mitigation");
	if (risk)
		sbuf_addf(sb, " risk-%s", risk_band_name(risk_band_of(risk)));
	field_sb(c, sb);
	field(c, mitigation_status_name(mit->status));
	field(c, mit->owner);
	field(c, mit->due);
	for (k = 0; k < mit->threats.count; k++)
		sbuf_addf(sb, "%s%s", k ? " " : "", mit->threats.items[k]);
	field_sb(c, sb);
	field(c, mit->id);
	field(c, mit->ticket);
	row_end(c);
}

void report_csv_write(const struct model *m, bool per_mitigation, struct sbuf *out)
{
	struct csv c = {m, out, {0}, true};
	struct sbuf sb = SBUF_INIT;
	size_t i;

	report_init(&c.r, m, NULL);
	sbuf_init(&sb);
	sbuf_addstr(out, "Summary,Description,Priority,Labels,Status,Assignee,Due date,Threat id,");
	if (per_mitigation) {
		sbuf_addstr(out, "Mitigation id,Ticket\r\n");
		for (i = 0; i < m->nmitigations; i++)
			mitigation_row(&c, m->mitigations[i], &sb);
	} else {
		sbuf_addstr(out, "Element,STRIDE,Likelihood,Impact,Risk,Votes,Mitigations\r\n");
		for (i = 0; i < m->nthreats; i++)
			threat_row(&c, c.r.order[i], &sb);
	}
	sbuf_release(&sb);
	report_release(&c.r);
}
