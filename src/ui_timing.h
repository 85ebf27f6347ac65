/*
 * Action latency as the user sees it, measured inside the UI for the benchmarks (scripts/bench):
 * with STRIDEWALK_TIMINGS=FILE, the time from reading an input event to the end of the frame
 * that shows its effect is recorded per event and appended to FILE as "SCREEN NANOSECONDS"
 * lines (SCREEN is where the event was handled). Meant for scripted runs: interactively, the
 * wait for the next key would be counted too. Costs nothing when the variable is unset.
 */
#ifndef SW_UI_TIMING_H
#define SW_UI_TIMING_H

#include "error.h"

struct ui_timing;

/* Returns a new recorder when $STRIDEWALK_TIMINGS names a file, else NULL; ends with ui_timing_finish(). */
struct ui_timing *ui_timing_new(void);

/*
 * Call once per turn of the UI loop, right after the frame is drawn (or found clean): the time
 * since the previous call is one event's latency. `screen` names the screen now current, which
 * is where the next event will be handled; it must stay valid until ui_timing_finish (a static
 * name such as view_ops.name). Does nothing when t is NULL.
 */
void ui_timing_frame(struct ui_timing *t, const char *screen);

/* Appends the samples to the file (created 0600) and frees t; 0, or -1 with err set. NULL: 0. */
int ui_timing_finish(struct ui_timing *t, struct sw_error *err);

#endif
