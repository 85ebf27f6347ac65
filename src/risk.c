/* Likelihood x impact risk and its bands (see risk.h for the cut-offs). */
#include "risk.h"

#include "util.h"

static const char *const band_names[RISK_BAND_COUNT] = {"low", "medium", "high", "critical"};
static const int band_min[RISK_BAND_COUNT] = {1, 5, 10, 17};

int risk_score(int likelihood, int impact)
{
	if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5)
		return 0;
	return likelihood * impact;
}

enum risk_band risk_band_of(int score)
{
	if (score >= 20)
		return RISK_CRITICAL;
	if (score >= 10)
		return RISK_HIGH;
	if (score >= 5)
		return RISK_MEDIUM;
	return RISK_LOW;
}

const char *risk_band_name(enum risk_band band)
{
	return band_names[band];
}

int risk_band_parse(const char *s, enum risk_band *out)
{
	int i;

	for (i = 0; i < RISK_BAND_COUNT; i++) {
		if (str_eq(s, band_names[i])) {
			*out = (enum risk_band)i;
			return 0;
		}
	}
	return -1;
}

int risk_band_min_score(enum risk_band band)
{
	return band == RISK_CRITICAL ? 20 : band_min[band];
}
