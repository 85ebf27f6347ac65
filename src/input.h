/*
 * Input events for the UI loop: keys from the terminal, or the lines of a STRIDEWALK_SCRIPT
 * file (script.h).
 */
#ifndef SW_INPUT_H
#define SW_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

enum input_type {
	INPUT_KEY, /* key */
	INPUT_COMMAND, /* text: a command line without its ':' */
	INPUT_TEXT, /* text: characters to type, as if keyed one by one */
	INPUT_RESIZE, /* rows, cols (0 from a terminal: ask curses) */
	INPUT_TICK, /* nothing happened for a while: time to refresh a timer */
	INPUT_END, /* end of the script, or of input */
};

struct input_event {
	enum input_type type;
	int key;
	const char *text; /* borrowed from the script until it is freed */
	int rows, cols;
	int line; /* script line, 0 for the terminal */
};

/*
 * Reads one event from the terminal (curses must be running), waiting at most `timeout_ms`
 * (negative: forever); INPUT_TICK when the time ran out.
 */
void input_read(struct input_event *ev, int timeout_ms);

#endif
