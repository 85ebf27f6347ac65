/* Threat Dragon threats in stridewalk terms (see import_threatdragon_threat.h). */
#include "import_threatdragon_threat.h"

#include <stdlib.h>
#include <string.h>

#include "import_foreign.h"
#include "risk.h"
#include "util.h"
#include "xalloc.h"

/* The parts after the type, in the order they are written. */
static const char *const part_keys[] = {", severity ", ", status ", ", model ", ", score "};

void td_origin_write(const struct td_origin *o, struct sbuf *out)
{
	const char *parts[] = {o->severity, o->status, o->model, o->score};
	size_t i;

	sbuf_addstr(out, TD_PROVENANCE);
	if (o->number >= 0)
		sbuf_addf(out, " #%ld", o->number);
	if (o->id)
		sbuf_addf(out, " (id %s)", o->id);
	sbuf_addf(out, ": %s", str_empty(o->type) ? "no type" : o->type);
	for (i = 0; i < ARRAY_SIZE(parts); i++)
		if (!str_empty(parts[i]))
			sbuf_addf(out, "%s%s", part_keys[i], parts[i]);
}

/* The last occurrence of `key` in [s, end), or NULL. */
static const char *last_of(const char *s, const char *end, const char *key)
{
	size_t n = strlen(key);
	const char *p;

	for (p = end - n; p >= s; p--)
		if (!memcmp(p, key, n))
			return p;
	return NULL;
}

static void parse_head(const char *head, const char *colon, struct td_origin *o)
{
	const char *p = head;

	if (*p == ' ' && p[1] == '#') {
		char *stop;
		long n = strtol(p + 2, &stop, 10);
		if (stop > p + 2 && n >= 0) {
			o->number = n;
			p = stop;
		}
	}
	if (str_starts_with(p, " (id ") && colon > p && colon[-1] == ')')
		o->id = xstrndup(p + 5, (size_t)(colon - 1 - (p + 5)));
}

void td_origin_parse(const char *provenance, struct td_origin *o)
{
	const char *colon, *end;
	char **slots[] = {&o->severity, &o->status, &o->model, &o->score};
	int i;

	memset(o, 0, sizeof(*o));
	o->number = -1;
	if (!provenance || !str_starts_with(provenance, TD_PROVENANCE) ||
	    !(colon = strstr(provenance, ": ")))
		return;
	o->found = true;
	parse_head(provenance + strlen(TD_PROVENANCE), colon, o);
	end = colon + strlen(colon);
	for (i = (int)ARRAY_SIZE(part_keys) - 1; i >= 0; i--) {
		const char *at = last_of(colon + 2, end, part_keys[i]);
		if (!at)
			continue;
		*slots[i] =
		    xstrndup(at + strlen(part_keys[i]), (size_t)(end - at - strlen(part_keys[i])));
		end = at;
	}
	o->type = xstrndup(colon + 2, (size_t)(end - colon - 2));
	if (str_eq(o->type, "no type"))
		o->type[0] = '\0';
}

void td_origin_release(struct td_origin *o)
{
	free(o->id);
	free(o->type);
	free(o->severity);
	free(o->status);
	free(o->model);
	free(o->score);
	memset(o, 0, sizeof(*o));
	o->number = -1;
}

bool td_id_keepable(const char *id)
{
	size_t n;

	for (n = 0; id && id[n]; n++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-",
			    id[n]))
			return false;
	return n > 0 && n <= 100;
}

int td_severity_rating(const char *severity, bool *known)
{
	static const char *const names[] = {"low", "medium", "high", "critical"};
	char key[32];
	size_t s;

	foreign_squash(severity, key, sizeof(key));
	*known = true;
	if (str_eq(key, "veryhigh"))
		return 5;
	for (s = 0; s < ARRAY_SIZE(names); s++) {
		if (str_eq(names[s], key))
			return (int)s + 2;
	}
	*known = false;
	return 3;
}

const char *td_severity_of_risk(int risk)
{
	static const char *const words[RISK_BAND_COUNT] = {"Low", "Medium", "High", "Critical"};

	return words[risk_band_of(risk)];
}

enum threat_status td_status_of(const char *word, bool *known, bool *usual)
{
	static const struct foreign_word words[] = {
	    {"open", THREAT_OPEN, true},
	    {"mitigated", THREAT_MITIGATED, true},
	    {"notapplicable", THREAT_NOT_APPLICABLE, true},
	    {"na", THREAT_NOT_APPLICABLE, false},
	    {"accepted", THREAT_ACCEPTED, true},
	    {"transferred", THREAT_TRANSFERRED, true},
	    {"avoided", THREAT_AVOIDED, true},
	    {"eliminated", THREAT_AVOIDED, false},
	};
	const struct foreign_word *w = foreign_lookup(words, ARRAY_SIZE(words), word);
	enum threat_status s = w ? (enum threat_status)w->value : THREAT_OPEN;

	*known = w != NULL;
	*usual = w && w->flag && str_eq(word, td_status_word(s));
	return s;
}

const char *td_status_word(enum threat_status s)
{
	static const char *const words[THREAT_STATUS_COUNT] = {
	    "Open",        "Open",    "Mitigated",     "Accepted",
	    "Transferred", "Avoided", "NotApplicable", "NotApplicable",
	};

	return words[s];
}

const char *td_default_justification(enum threat_status s)
{
	switch (s) {
	case THREAT_NOT_APPLICABLE:
		return "Marked not applicable in Threat Dragon";
	case THREAT_ACCEPTED:
		return "Accepted in Threat Dragon";
	case THREAT_TRANSFERRED:
		return "Transferred in Threat Dragon";
	case THREAT_AVOIDED:
		return "Avoided in Threat Dragon";
	default:
		return "Closed in Threat Dragon";
	}
}

enum stride_letter td_letter_of(const char *type, const struct element *e)
{
	bool exact;
	enum stride_letter l = foreign_letter(type, &exact);

	return foreign_nearest_letter(l == STRIDE_COUNT ? STRIDE_I : l, e);
}
