/* The STRIDE table (Microsoft's STRIDE per element, with R on data stores that hold logs). */
#include "stride.h"

#include <string.h>
#include <strings.h>

static const struct {
	char letter;
	const char *name;
	const char *property;
	const char *meaning;
} letters[STRIDE_COUNT] = {
    {'S', "Spoofing", "Authentication",
     "Someone or something pretends to be a user, service or component it is not."},
    {'T', "Tampering", "Integrity",
     "Data or code is changed without permission: in transit, at rest or in memory."},
    {'R', "Repudiation", "Non-repudiation",
     "Someone can deny having done something because nothing can prove they did."},
    {'I', "Information disclosure", "Confidentiality",
     "Data reaches someone who is not allowed to see it."},
    {'D', "Denial of service", "Availability",
     "The service is degraded or stopped, or made to run up the bill."},
    {'E', "Elevation of privilege", "Authorization",
     "Someone gains capabilities beyond those they were granted."},
};

char stride_char(enum stride_letter l)
{
	return letters[l].letter;
}

const char *stride_name(enum stride_letter l)
{
	return letters[l].name;
}

const char *stride_property(enum stride_letter l)
{
	return letters[l].property;
}

const char *stride_meaning(enum stride_letter l)
{
	return letters[l].meaning;
}

int stride_parse(const char *s, enum stride_letter *out)
{
	int i;

	bool one = s[0] && !s[1]; /* a letter, as the model file holds it, or a name */

	for (i = 0; i < STRIDE_COUNT; i++) {
		if (one ? s[0] == letters[i].letter : !strcasecmp(s, letters[i].name)) {
			*out = (enum stride_letter)i;
			return 0;
		}
	}
	return -1;
}

unsigned stride_applicable(enum element_kind kind, bool is_log)
{
	switch (kind) {
	case KIND_EXTERNAL_ENTITY:
		return STRIDE_BIT(STRIDE_S) | STRIDE_BIT(STRIDE_R);
	case KIND_PROCESS:
		return STRIDE_ALL;
	case KIND_DATA_STORE:
		return STRIDE_BIT(STRIDE_T) | STRIDE_BIT(STRIDE_I) | STRIDE_BIT(STRIDE_D) |
		       (is_log ? STRIDE_BIT(STRIDE_R) : 0);
	case KIND_DATA_FLOW:
		return STRIDE_BIT(STRIDE_T) | STRIDE_BIT(STRIDE_I) | STRIDE_BIT(STRIDE_D);
	case KIND_TRUST_BOUNDARY:
	case KIND_COUNT:
		break;
	}
	return 0;
}

void stride_set_string(unsigned set, char out[STRIDE_COUNT + 1])
{
	int i, n = 0;

	for (i = 0; i < STRIDE_COUNT; i++)
		if (set & STRIDE_BIT(i))
			out[n++] = letters[i].letter;
	out[n] = '\0';
}
