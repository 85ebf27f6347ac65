/* The clock every layer reads, so that tests and scripted runs can fix the time. */
#ifndef SW_CLOCK_H
#define SW_CLOCK_H

#include <time.h>

/* Now: $STRIDEWALK_NOW (seconds since the epoch, or YYYY-MM-DDTHH:MM:SSZ) when set. */
time_t clock_now(void);
/* Now as YYYY-MM-DDTHH:MM:SSZ: returns a new string the caller frees. */
char *clock_now_iso(void);

#endif
