/*
 * STRIDEWALK_SCRIPT files: one key name, ":command", "quoted text to type" or
 * "<Resize COLSxROWS>" per line; "#" starts a comment. Syntax errors are reported as
 * FILE:LINE: message. A script is read as a series of input events (input.h).
 */
#ifndef SW_SCRIPT_H
#define SW_SCRIPT_H

#include "error.h"
#include "input.h"

struct script;

/* Parses script text; *out is a new script for script_free(). -1 with err as FILE:LINE. */
int script_parse(const char *file, const char *text, struct script **out, struct sw_error *err);
/* Reads and parses the file at `path`. */
int script_load(const char *path, struct script **out, struct sw_error *err);
void script_free(struct script *s);
/* The next event, or INPUT_END once every line was read. */
void script_next(struct script *s, struct input_event *ev);
const char *script_file(const struct script *s); /* borrowed */

#endif
