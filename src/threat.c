/* Threat and mitigation vocabularies and lifecycles (see threat.h). */
#include "threat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "risk.h"
#include "strpool.h"
#include "util.h"
#include "xalloc.h"

static const char *const status_names[THREAT_STATUS_COUNT] = {
    "open",        "in-discussion", "mitigated",      "accepted",
    "transferred", "avoided",       "not-applicable", "false-positive",
};

static const char *const origin_names[ORIGIN_COUNT] = {
    "brainstorm",
    "questionnaire",
    "cue",
    "import",
};

static const char *const mitigation_names[MITIGATION_STATUS_COUNT] = {
    "proposed", "planned", "in-progress", "implemented", "verified", "wont-do",
};

/* Every threat and mitigation read names its status: the first letter rules out most names. */
static int parse_name(const char *const *names, int count, const char *s, int *out)
{
	int i;

	for (i = 0; s && i < count; i++) {
		if (names[i][0] == s[0] && strcmp(names[i], s) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

const char *threat_status_name(enum threat_status s)
{
	return status_names[s];
}

int threat_status_parse(const char *s, enum threat_status *out)
{
	int v;

	if (parse_name(status_names, THREAT_STATUS_COUNT, s, &v))
		return -1;
	*out = (enum threat_status)v;
	return 0;
}

bool threat_status_needs_reason(enum threat_status s)
{
	return s != THREAT_OPEN && s != THREAT_IN_DISCUSSION && s != THREAT_MITIGATED;
}

bool threat_status_is_active(enum threat_status s)
{
	return s == THREAT_OPEN || s == THREAT_IN_DISCUSSION;
}

const char *threat_origin_name(enum threat_origin o)
{
	return origin_names[o];
}

int threat_origin_parse(const char *s, enum threat_origin *out)
{
	int v;

	if (parse_name(origin_names, ORIGIN_COUNT, s, &v))
		return -1;
	*out = (enum threat_origin)v;
	return 0;
}

struct threat *threat_new(const char *id, const char *element, enum stride_letter letter)
{
	struct threat *t = xcalloc(1, sizeof(*t));

	t->id = xstrdup(id);
	t->element = xstrdup(element);
	t->letter = letter;
	t->likelihood = 3;
	t->impact = 3;
	return t;
}

struct threat *threat_dup(const struct threat *src)
{
	struct threat *t = threat_new(src->id, src->element, src->letter);

	t->extra = src->extra;
	t->title = xstrdup(src->title);
	t->description = xstrdup(src->description);
	t->likelihood = src->likelihood;
	t->impact = src->impact;
	t->status = src->status;
	t->justification = xstrdup(src->justification);
	t->origin = src->origin;
	t->raised_by = xstrdup(src->raised_by);
	t->raised_at = xstrdup(src->raised_at);
	t->provenance = xstrdup(src->provenance);
	return t;
}

void threat_free(struct threat *t)
{
	if (!t)
		return;
	free_unless_pooled(t->id);
	free_unless_pooled(t->element);
	free_unless_pooled(t->title);
	free_unless_pooled(t->description);
	free_unless_pooled(t->justification);
	free_unless_pooled(t->raised_by);
	free_unless_pooled(t->raised_at);
	free_unless_pooled(t->provenance);
	free_unless_pooled(t);
}

unsigned threat_letters(const struct threat *t)
{
	return STRIDE_BIT(t->letter) | t->extra;
}

void threat_letters_text(const struct threat *t, char out[STRIDE_COUNT + 1])
{
	int l, n = 0;

	out[n++] = stride_char(t->letter);
	for (l = 0; l < STRIDE_COUNT; l++)
		if ((t->extra & STRIDE_BIT(l)) && l != (int)t->letter)
			out[n++] = stride_char((enum stride_letter)l);
	out[n] = '\0';
}

int threat_risk(const struct threat *t)
{
	return risk_score(t->likelihood, t->impact);
}

const char *mitigation_status_name(enum mitigation_status s)
{
	return mitigation_names[s];
}

int mitigation_status_parse(const char *s, enum mitigation_status *out)
{
	int v;

	if (parse_name(mitigation_names, MITIGATION_STATUS_COUNT, s, &v))
		return -1;
	*out = (enum mitigation_status)v;
	return 0;
}

struct mitigation *mitigation_new(const char *id, const char *title)
{
	struct mitigation *m = xcalloc(1, sizeof(*m));

	m->id = xstrdup(id);
	m->title = xstrdup(title);
	return m;
}

struct mitigation *mitigation_dup(const struct mitigation *src)
{
	struct mitigation *m = mitigation_new(src->id, src->title);

	m->description = xstrdup(src->description);
	m->status = src->status;
	m->owner = xstrdup(src->owner);
	m->ticket = xstrdup(src->ticket);
	m->due = xstrdup(src->due);
	m->verification = xstrdup(src->verification);
	strlist_copy(&m->threats, &src->threats);
	return m;
}

void mitigation_free(struct mitigation *m)
{
	if (!m)
		return;
	free_unless_pooled(m->id);
	free_unless_pooled(m->title);
	free_unless_pooled(m->description);
	free_unless_pooled(m->owner);
	free_unless_pooled(m->ticket);
	free_unless_pooled(m->due);
	free_unless_pooled(m->verification);
	strlist_clear(&m->threats);
	free_unless_pooled(m);
}

char *ref_format(char prefix, long number)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%c-%04ld", prefix, number);
	return xstrdup(buf);
}

long ref_number(const char *id, char prefix)
{
	long n = 0;
	int digits = 0;
	const char *p;

	if (!id || id[0] != prefix || id[1] != '-')
		return -1;
	/* the usual "T-0042", digit by digit: it runs for every threat a model loads */
	for (p = id + 2; *p >= '0' && *p <= '9' && digits < 9; p++, digits++)
		n = n * 10 + (*p - '0');
	if (!*p && digits >= 4 && n >= 1)
		return n;
	if (strlen(id) < 6 || parse_int(id + 2, 1, 999999999, &n))
		return -1;
	return n;
}
