/* The clock (clock.h). */
#define _POSIX_C_SOURCE 200809L
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

time_t clock_now(void)
{
	const char *fixed = getenv("STRIDEWALK_NOW");
	struct tm tm;
	long secs;

	if (!fixed || !*fixed)
		return time(NULL);
	if (parse_int(fixed, 0, 253402300799L, &secs) == 0)
		return (time_t)secs;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(fixed, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
		   &tm.tm_min, &tm.tm_sec) >= 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		return timegm(&tm);
	}
	return time(NULL);
}

char *clock_now_iso(void)
{
	time_t t = clock_now();
	struct tm tm;
	char buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(buf);
}
