/*
 * The ':' command line: "threat Forged token accepted" names an action (action.h) and gives its
 * argument text; the helpers split argument text into words (double quotes group spaces).
 */
#ifndef SW_COMMAND_H
#define SW_COMMAND_H

#include <stdbool.h>

#include "action.h"
#include "error.h"
#include "sbuf.h"

/*
 * Parses a command line (with or without its leading ':'). *action gets the action, *arg a
 * pointer into `line` at its argument text (never NULL; "" when there is none), trimmed.
 * Returns 0, or -1 with err set ("unknown command 'x'", "ambiguous command 'p' (...)").
 */
int command_parse(const char *line, enum action *action, const char **arg, struct sw_error *err);

/*
 * Takes the next word of *p into `out` (replacing its contents): a run of non-spaces, or a
 * double-quoted string in which \" and \\ stand for themselves. Advances *p past it and the
 * spaces after. Returns false when no word is left.
 */
bool command_word(const char **p, struct sbuf *out);

/* The rest of the text as one argument: trimmed, and unquoted when it is one quoted word. */
void command_rest(const char *p, struct sbuf *out);

#endif
