/*
 * Input events for the UI loop: keys from the terminal, and the lines of a STRIDEWALK_SCRIPT
 * file (one key name, ":command", "quoted text to type" or "<Resize COLSxROWS>" per line;
 * "#" starts a comment). Script syntax errors are reported as FILE:LINE: message.
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

struct script;

/* Parses script text; *out is a new script for script_free(). -1 with err as FILE:LINE. */
int script_parse(const char *file, const char *text, struct script **out, struct sw_error *err);
/* Reads and parses the file at `path`. */
int script_load(const char *path, struct script **out, struct sw_error *err);
void script_free(struct script *s);
/* The next event, or INPUT_END once every line was read. */
void script_next(struct script *s, struct input_event *ev);
const char *script_file(const struct script *s); /* borrowed */

/*
 * Reads one event from the terminal (curses must be running), waiting at most `timeout_ms`
 * (negative: forever); INPUT_TICK when the time ran out.
 */
void input_read(struct input_event *ev, int timeout_ms);

#endif
