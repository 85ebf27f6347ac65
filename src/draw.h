/*
 * Drawing helpers for every screen: one colour table (with a monochrome theme, and NO_COLOR
 * honoured), text that is cut and padded by display width so UTF-8 and wide characters line up,
 * the glyphs that make every state readable without colour, and the frame around each screen
 * (status line, tabs, message line, key hints, the "terminal too small" notice).
 */
#ifndef SW_DRAW_H
#define SW_DRAW_H

#include <stdbool.h>

#include "coverage.h"
#include "model.h"
#include "risk.h"
#include "sbuf.h"
#include "ui_curses.h"
#include "view.h"

enum ui_color {
	UC_NORMAL,
	UC_STATUS, /* the status line */
	UC_TAB,
	UC_TAB_CURRENT,
	UC_TITLE, /* a screen's title and the current item's name */
	UC_HEADING, /* group headings: boundaries, sections */
	UC_SELECTED, /* the selected row */
	UC_KEY, /* key names in hints */
	UC_DIM,
	UC_PENDING,
	UC_THREATS,
	UC_NONE,
	UC_NA,
	UC_LOW,
	UC_MEDIUM,
	UC_HIGH,
	UC_CRITICAL,
	UC_SAVED,
	UC_ERROR,
	UC_WARN,
	UC_COUNT
};

/* The smallest screen every view is laid out for. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* Sets up colour pairs, or the monochrome theme when `mono` or the terminal has no colour. */
void draw_init(bool mono);

/* Display width of a UTF-8 string. */
int draw_width(const char *s);

/* Draws `s` at (y, x) in at most `width` columns; returns the columns used. */
int draw_text(int y, int x, int width, const char *s, enum ui_color c);
int draw_textf(int y, int x, int width, enum ui_color c, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Fills `width` columns with spaces in colour `c`. */
void draw_fill(int y, int x, int width, enum ui_color c);
/* Word-wraps `s` into at most `rows` lines of `width`; returns the lines used. */
int draw_wrap(int y, int x, int width, int rows, const char *s, enum ui_color c);
/* How many lines draw_wrap needs for all of `s`. */
int draw_wrap_rows(const char *s, int width);
/* The first line of `s` as draw_wrap breaks it at `width`: *len gets its bytes; returns the
 * bytes to step over to where the next line starts (0 at the end of `s`). */
size_t draw_wrap_line(const char *s, int width, size_t *len);
/* Joins the tab-separated `parts` with `sep`, starting a new line instead (a '\n', where
 * draw_wrap breaks) where the next part would pass `width`: a part that fits a line is never
 * split. Empty parts are left out. */
void draw_join(struct sbuf *out, const char *parts, const char *sep, int width);
/* Takes up to `want` lines (none when it is 0 or less) out of the `*left` there are. */
int draw_take(int *left, int want);

/* One column of a table row: text word-wrapped in its width, the lines after the first
 * `hang` columns in (so a reader sees they go on). */
struct draw_cell {
	int x, w;
	const char *text; /* NULL or "": nothing */
	enum ui_color color;
	int hang;
};
/* The lines a row of cells needs for every cell's text in full (at least 1). */
int draw_cells_lines(const struct draw_cell *cells, size_t n);
/* Draws each cell wrapped in at most `lines` lines from y (the last one cut when short). */
void draw_cells(int y, int lines, const struct draw_cell *cells, size_t n);
/* Text ending at column `right` (exclusive). */
void draw_right(int y, int right, const char *s, enum ui_color c);
/* Text centred in `width` columns starting at x. */
void draw_center(int y, int x, int width, const char *s, enum ui_color c);
/* A horizontal rule of `width` columns. */
void draw_hline(int y, int x, int width);
/* A frame around `r`, with `title` set into the top edge. */
void draw_box(const struct rect *r, const char *title, enum ui_color c);

/* The glyph of a coverage state: "·" pending, "!" threats, "✓" none found, "–" n/a. */
const char *draw_cell_glyph(enum cell_state s);
enum ui_color draw_cell_color(enum cell_state s);
enum ui_color draw_risk_color(enum risk_band b);
/* "20 critical", "12 high": score and band word. */
void draw_risk(struct sbuf *out, int score);
/* "20 crit", "15 high", " 9 med", " 4 low": for narrow columns. */
void draw_risk_short(struct sbuf *out, int score);

/* A countdown as "12:34", or "3h05" past an hour (the sign is dropped). */
void draw_clock(struct sbuf *out, long secs);

/* Six columns "S! T· R✓ I· D· E–" for an element, blanks for letters that do not apply;
 * returns the columns used (18). */
int draw_coverage(int y, int x, const struct element_coverage *c);

/* The frame: status line (row 0), tabs (row 1), message or prompt, key hints (last row). */
void draw_frame(struct ui_ctx *ctx, int rows, int cols);
/* The body area the current screen draws in. */
struct rect draw_body(int rows, int cols);
/* The message shown when the terminal is below UI_MIN_COLS x UI_MIN_ROWS. */
void draw_too_small(int rows, int cols, bool prompting);

#endif
