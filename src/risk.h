/*
 * Risk = likelihood x impact, each rated 1-5. Bands (inclusive): 1-4 low, 5-9 medium,
 * 10-16 high, 20-25 critical. Products 17-19 cannot occur; a score in that gap would be high.
 */
#ifndef SW_RISK_H
#define SW_RISK_H

enum risk_band { RISK_LOW, RISK_MEDIUM, RISK_HIGH, RISK_CRITICAL, RISK_BAND_COUNT };

int risk_score(int likelihood, int impact); /* 0 when either rating is out of 1-5 */
enum risk_band risk_band_of(int score);
const char *risk_band_name(enum risk_band band); /* "low", "medium", "high", "critical" */
int risk_band_parse(const char *s, enum risk_band *out);
int risk_band_min_score(enum risk_band band); /* lowest score in the band */

#endif
