/*
 * The one-line text input: editing (UTF-8 aware), Tab completion over a list of words, Enter
 * to accept and Esc to cancel. The editing is pure so tests drive it; prompt_draw shows it as
 * a framed box above the key hints, big enough to read from the back of the room.
 */
#ifndef SW_PROMPT_H
#define SW_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"
#include "strlist.h"

struct rect;

enum prompt_result { PROMPT_GOING, PROMPT_DONE, PROMPT_CANCEL };

struct prompt {
	struct sbuf text;
	size_t cursor; /* byte offset into text */
	struct sbuf stem; /* what the user typed before Tab started cycling */
	long completion; /* index of the completion shown, -1 when not cycling */
	bool fresh; /* the initial text is untouched: typing replaces it */
};

void prompt_init(struct prompt *p, const char *initial);
void prompt_release(struct prompt *p);

/* Applies one key (keymap.h codes); `completions` may be NULL. */
enum prompt_result prompt_key(struct prompt *p, int key, const struct strlist *completions);

/* The rows a prompt box needs for `label` at `width` columns: the label's lines, the input
 * line and the border. */
int prompt_rows(const char *label, int width);
/* Draws the box in `area` (prompt_rows high): the label wrapped, then the text, and places the
 * cursor. */
void prompt_draw(const struct prompt *p, const char *label, const struct rect *area);

#endif
