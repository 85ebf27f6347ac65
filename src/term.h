/*
 * The workshop UI in the terminal: curses set-up, signals, and the event loop. Environment:
 * STRIDEWALK_NO_DISPLAY=1 draws on a virtual screen (size STRIDEWALK_SIZE, default 80x24)
 * instead of the terminal; STRIDEWALK_SCRIPT=FILE reads
 * the input from FILE (see input.h) and quits at its end; STRIDEWALK_NOW fixes the clock;
 * NO_COLOR or STRIDEWALK_THEME=mono use the monochrome theme.
 */
#ifndef SW_TERM_H
#define SW_TERM_H

#include <stdbool.h>

#include "app.h"
#include "error.h"

struct qlibrary;
struct strlist;

/*
 * Runs the UI on `app` until the user quits, the script ends, or a signal (SIGINT, SIGTERM,
 * SIGHUP) arrives; the terminal is restored in every case. Borrows app and qlib. Returns 0, or
 * -1 with err set when the UI could not start (a bad script, no terminal). `greeting` (may be
 * NULL) is the first message on the message line. Script commands that
 * failed are reported on stderr as "stridewalk: FILE:LINE: message".
 */
int term_run(struct app *app, const struct strlist *questionnaire_dirs, bool review,
	     const char *greeting, struct sw_error *err);

/* The signal (SIGINT, SIGTERM, SIGHUP) that ended the last term_run(), or 0. */
int term_caught_signal(void);

/* STRIDEWALK_NO_DISPLAY is set. */
bool term_headless(void);

#endif
