/*
 * The headless screen's overdraw guard. In a frame, text drawn where other text was already
 * drawn (or a blank drawn over text) means two parts of a screen claim the same cells: the
 * garbled columns and lost names a room would see. The drawing helpers (draw.c) report every
 * write here; the loop (term.c) starts each frame and, when running headless, fails the run
 * with the first overdraw of a frame. A deliberate overlay (the prompt box) may cover what is
 * under it.
 */
#ifndef SW_OVERDRAW_H
#define SW_OVERDRAW_H

#include <stdbool.h>

/* Turns the guard on (headless runs) or off; off, every call below does nothing. */
void overdraw_enable(bool on);
/* A new frame of rows x cols begins, with nothing drawn. */
void overdraw_frame(int rows, int cols);
/* `text` was drawn at (y, x) over `width` columns. */
void overdraw_text(int y, int x, int width, const char *text);
/* Blanks, a fill, a rule or a border over `width` columns at (y, x). */
void overdraw_background(int y, int x, int width);
/* Between on and off, writes may cover earlier ones (a prompt box over the screen). */
void overdraw_overlay(bool on);
/* The first overdraw of the frame, described for a person ("row 4, column 30: 'kind' drawn
 * over 'type'"); NULL when there was none. Borrowed until the next frame. */
const char *overdraw_found(void);

#endif
