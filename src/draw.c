/* Drawing helpers, the colour table and the frame around every screen (see draw.h). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "draw.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "clock.h"
#include "coverage.h"
#include "keymap.h"
#include "overdraw.h"
#include "termsafe.h"
#include "ui.h"
#include "util.h"

/* One row per enum ui_color: the colour pair, and the attributes in colour and in monochrome. */
static const struct {
	short fg, bg;
	attr_t color, mono;
} theme[UC_COUNT] = {
    [UC_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [UC_STATUS] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [UC_TAB] = {-1, -1, A_NORMAL, A_NORMAL},
    [UC_TAB_CURRENT] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
    [UC_TITLE] = {-1, -1, A_BOLD, A_BOLD},
    [UC_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [UC_SELECTED] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    [UC_KEY] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [UC_DIM] = {-1, -1, A_DIM, A_DIM},
    [UC_PENDING] = {-1, -1, A_NORMAL, A_NORMAL},
    [UC_THREATS] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [UC_NONE] = {COLOR_GREEN, -1, A_BOLD, A_NORMAL},
    [UC_NA] = {COLOR_BLUE, -1, A_NORMAL, A_DIM},
    [UC_LOW] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [UC_MEDIUM] = {COLOR_YELLOW, -1, A_BOLD, A_NORMAL},
    [UC_HIGH] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [UC_CRITICAL] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [UC_SAVED] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [UC_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [UC_WARN] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE},
};

void draw_init(bool mono)
{
	int i;

	if (mono || !has_colors())
		return; /* without start_color() COLOR_PAIRS stays 0: draw_mono() */
	start_color();
	use_default_colors();
	for (i = 1; i < UC_COUNT; i++)
		init_pair((short)i, theme[i].fg, theme[i].bg);
}

static bool draw_mono(void)
{
	return COLOR_PAIRS == 0;
}

static attr_t draw_attr(enum ui_color c)
{
	if (draw_mono())
		return theme[c].mono;
	if (theme[c].fg == -1 && theme[c].bg == -1)
		return theme[c].color;
	return theme[c].color | COLOR_PAIR(c);
}

int draw_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	/* ids and most names are plain ASCII: a column sized to a whole model stays cheap */
	while (*p >= 0x20 && *p < 0x7f)
		p++;
	return *p ? utf8_width(s) : (int)(p - (const unsigned char *)s);
}

/* One character of `s` (which has `left` bytes): its length in bytes and its display width.
 * A byte that starts no valid character counts as one column ('?'). */
static size_t next_char(const char *s, size_t left, mbstate_t *st, wchar_t *wc, int *w)
{
	size_t n;

	if (*s >= 0x20 && *s < 0x7f) { /* printable ASCII, most of what a screen shows: one column,
					  without the locale's conversion (a large share of a frame) */
		*wc = (wchar_t)*s;
		*w = 1;
		return 1;
	}
	n = mbrtowc(wc, s, left, st);

	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		memset(st, 0, sizeof(*st));
		*wc = L'?';
		n = 1;
	}
	*w = wcwidth(*wc);
	if (*w < 0)
		*w = 1;
	return n;
}

/* The display width of `s`, counted only as far as one column past `limit`: a long string
 * costs no more than the room it is cut to. */
static int width_up_to(const char *s, size_t len, int limit)
{
	mbstate_t st;
	int used = 0, w;
	wchar_t wc;

	memset(&st, 0, sizeof(st));
	while (len > 0 && used <= limit) {
		size_t n = next_char(s, len, &st, &wc, &w);
		used += w;
		s += n;
		len -= n;
	}
	return used;
}

/* `s` (`left` bytes) cut to `width` columns, "…" when cut or when `more` follows. */
static void fit(struct sbuf *out, const char *s, size_t left, bool more, int width, bool pad)
{
	bool cut = more || width_up_to(s, left, width) > width;
	int used = 0, w;
	mbstate_t st;
	wchar_t wc;

	memset(&st, 0, sizeof(st));
	while (left > 0 && width > 0) {
		size_t n = next_char(s, left, &st, &wc, &w);
		if (used + w > width - (cut ? 1 : 0))
			break;
		if (wc == L'\n' || wc == L'\t')
			sbuf_addch(out, ' ');
		else
			sbuf_add(out, s, n);
		used += w;
		s += n;
		left -= n;
	}
	if (cut && width > 0) {
		sbuf_addstr(out, "…");
		used++;
	}
	while (pad && used++ < width)
		sbuf_addch(out, ' ');
}

/*
 * Every string drawn passes here, so nothing typed can steer the terminal: controls, bidi
 * and invisible characters are cleaned (termsafe.h). Only as much as can show is cleaned
 * (four bytes a column, and some), so a long string still costs what its room costs.
 */
static void draw_fit(struct sbuf *out, const char *s, int width, bool pad)
{
	struct sbuf clean = SBUF_INIT;
	size_t len = strlen(s), room = (size_t)(width > 0 ? width : 0) * 4 + 16;

	termsafe_add(&clean, s, len < room ? len : room, TERMSAFE_LINE);
	fit(out, clean.buf, clean.len, len > room, width, pad);
	sbuf_release(&clean);
}

int draw_text(int y, int x, int width, const char *s, enum ui_color c)
{
	struct sbuf sb = SBUF_INIT;
	int used;

	if (width <= 0)
		return 0;
	draw_fit(&sb, s, width, false);
	used = draw_width(sbuf_str(&sb));
	overdraw_text(y, x, used, sbuf_str(&sb));
	attrset(draw_attr(c));
	mvaddstr(y, x, sbuf_str(&sb));
	attrset(A_NORMAL);
	sbuf_release(&sb);
	return used;
}

int draw_textf(int y, int x, int width, enum ui_color c, const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;
	int used;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	used = draw_text(y, x, width, sbuf_str(&sb), c);
	sbuf_release(&sb);
	return used;
}

void draw_fill(int y, int x, int width, enum ui_color c)
{
	if (width <= 0)
		return;
	overdraw_background(y, x, width);
	attrset(draw_attr(c));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

/* The byte length of the longest prefix of `s` that fits `width` columns, ending at a space
 * when the text goes on (a word longer than the line is cut). */
static size_t wrap_point(const char *s, int width, size_t *skip)
{
	size_t len = strlen(s), best = 0, i = 0;
	int used = 0;
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	*skip = 0;
	while (i < len) {
		wchar_t wc;
		size_t n;
		int w;
		n = next_char(s + i, len - i, &st, &wc, &w);
		if (wc == L'\n') {
			*skip = 1;
			return i;
		}
		if (used + w > width) {
			if (best == 0)
				return i;
			*skip = 1;
			return best;
		}
		if (wc == L' ')
			best = i;
		used += w;
		i += n;
	}
	return len;
}

/*
 * Word-wraps `s` from (y, x): the first line `width` columns, the next ones `hang` columns in and
 * that much narrower, at most `rows` of them, the last showing it was cut. Draws only when
 * `draw`; returns the lines used.
 */
static int wrap_text(int y, int x, int width, int hang, int rows, const char *s, enum ui_color c,
		     bool draw)
{
	struct sbuf line = SBUF_INIT;
	int used = 0;

	while (s && *s && used < rows) {
		int w = used && width - hang > 0 ? width - hang : width;
		size_t skip, n = wrap_point(s, w, &skip);
		if (n + skip == 0) { /* one character wider than the line: take it whole */
			mbstate_t st;
			wchar_t wc;
			int cw;
			memset(&st, 0, sizeof(st));
			n = next_char(s, strlen(s), &st, &wc, &cw);
		}
		if (draw) {
			sbuf_reset(&line);
			sbuf_add(&line, s, n);
		}
		s += n + skip;
		if (draw && used == rows - 1 && *s) {
			sbuf_addstr(&line, " ");
			sbuf_addstr(&line, s); /* the last row shows it was cut */
		}
		if (draw)
			draw_text(y + used, x + (w == width ? 0 : hang), w, sbuf_str(&line), c);
		used++;
		while (*s == ' ')
			s++;
	}
	sbuf_release(&line);
	return used;
}

int draw_wrap_rows(const char *s, int width)
{
	return width > 0 ? wrap_text(0, 0, width, 0, INT_MAX, s, UC_NORMAL, false) : 0;
}

int draw_wrap(int y, int x, int width, int rows, const char *s, enum ui_color c)
{
	return width > 0 ? wrap_text(y, x, width, 0, rows, s, c, true) : 0;
}

size_t draw_wrap_line(const char *s, int width, size_t *len)
{
	size_t skip, n = wrap_point(s, width, &skip), step = n + skip;

	*len = n;
	while (s[step] == ' ')
		step++;
	return step;
}

void draw_join(struct sbuf *out, const char *parts, const char *sep, int width)
{
	struct sbuf part = SBUF_INIT;
	int used = 0, gap = draw_width(sep);
	const char *p = parts;

	while (p && *p) {
		const char *end = strchr(p, '\t');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		int w;
		sbuf_reset(&part);
		sbuf_add(&part, p, n);
		p = end ? end + 1 : p + n;
		if (!n)
			continue;
		w = draw_width(part.buf);
		if (used && used + gap + w > width) {
			sbuf_addch(out, '\n');
			used = 0;
		} else if (used) {
			sbuf_addstr(out, sep);
			used += gap;
		}
		sbuf_addstr(out, part.buf);
		used += w;
	}
	sbuf_release(&part);
}

int draw_take(int *left, int want)
{
	int n = want < *left ? want : *left;

	if (n <= 0)
		return 0;
	*left -= n;
	return n;
}

int draw_cells_lines(const struct draw_cell *cells, size_t n)
{
	int most = 1;
	size_t i;

	for (i = 0; i < n; i++) {
		int rows = cells[i].w > 0 ? wrap_text(0, 0, cells[i].w, cells[i].hang, INT_MAX,
						      cells[i].text, UC_NORMAL, false)
					  : 0;
		if (rows > most)
			most = rows;
	}
	return most;
}

void draw_cells(int y, int lines, const struct draw_cell *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cells[i].w > 0)
			wrap_text(y, cells[i].x, cells[i].w, cells[i].hang, lines, cells[i].text,
				  cells[i].color, true);
}

void draw_right(int y, int right, const char *s, enum ui_color c)
{
	int w = draw_width(s);

	draw_text(y, right - w > 0 ? right - w : 0, w, s, c);
}

void draw_center(int y, int x, int width, const char *s, enum ui_color c)
{
	int w = draw_width(s);

	draw_text(y, x + (w < width ? (width - w) / 2 : 0), width, s, c);
}

void draw_hline(int y, int x, int width)
{
	int i;

	overdraw_background(y, x, width);
	attrset(draw_attr(UC_DIM));
	for (i = 0; i < width; i++)
		mvaddstr(y, x + i, "─");
	attrset(A_NORMAL);
}

void draw_box(const struct rect *r, const char *title, enum ui_color c)
{
	int i;

	for (i = 0; i < r->h; i++)
		overdraw_background(r->y + i, r->x, r->w);
	attrset(draw_attr(c));
	mvaddstr(r->y, r->x, "┌");
	mvaddstr(r->y + r->h - 1, r->x, "└");
	mvaddstr(r->y, r->x + r->w - 1, "┐");
	mvaddstr(r->y + r->h - 1, r->x + r->w - 1, "┘");
	for (i = 1; i < r->w - 1; i++) {
		mvaddstr(r->y, r->x + i, "─");
		mvaddstr(r->y + r->h - 1, r->x + i, "─");
	}
	for (i = 1; i < r->h - 1; i++) {
		mvaddstr(r->y + i, r->x, "│");
		mvaddstr(r->y + i, r->x + r->w - 1, "│");
		mvhline(r->y + i, r->x + 1, ' ', r->w - 2);
	}
	attrset(A_NORMAL);
	if (title && *title)
		draw_textf(r->y, r->x + 2, r->w - 4, UC_TITLE, " %s ", title);
}

static int draw_key(int y, int x, int width, const char *key, const char *label)
{
	int used = draw_text(y, x, width, key, UC_KEY);

	if (used + 1 < width)
		used += 1 + draw_text(y, x + used + 1, width - used - 1, label, UC_NORMAL);
	return used;
}

const char *draw_cell_glyph(enum cell_state s)
{
	static const char *const glyphs[CELL_STATE_COUNT] = {"·", "!", "✓", "–"};

	return s < CELL_STATE_COUNT ? glyphs[s] : "?";
}

enum ui_color draw_cell_color(enum cell_state s)
{
	static const enum ui_color colors[CELL_STATE_COUNT] = {UC_PENDING, UC_THREATS, UC_NONE,
							       UC_NA};

	return s < CELL_STATE_COUNT ? colors[s] : UC_NORMAL;
}

enum ui_color draw_risk_color(enum risk_band b)
{
	static const enum ui_color colors[RISK_BAND_COUNT] = {UC_LOW, UC_MEDIUM, UC_HIGH,
							      UC_CRITICAL};

	return b < RISK_BAND_COUNT ? colors[b] : UC_NORMAL;
}

void draw_risk(struct sbuf *out, int score)
{
	sbuf_addf(out, "%2d %s", score, risk_band_name(risk_band_of(score)));
}

void draw_risk_short(struct sbuf *out, int score)
{
	static const char *const words[RISK_BAND_COUNT] = {"low", "med", "high", "crit"};

	sbuf_addf(out, "%2d %s", score, words[risk_band_of(score)]);
}

int draw_coverage(int y, int x, const struct element_coverage *c)
{
	int l;

	for (l = 0; l < STRIDE_COUNT; l++) {
		enum cell_state s;
		if (!(c->applicable & STRIDE_BIT(l)))
			continue;
		s = coverage_cell(c, (enum stride_letter)l);
		draw_textf(y, x + 3 * l, 2, draw_cell_color(s), "%c%s",
			   stride_char((enum stride_letter)l), draw_cell_glyph(s));
	}
	return 3 * STRIDE_COUNT;
}

struct rect draw_body(int rows, int cols)
{
	struct rect r = {2, 0, rows - 4, cols};

	return r;
}

void draw_too_small(int rows, int cols, bool prompting)
{
	struct sbuf sb = SBUF_INIT;
	int y = rows / 2 - 1;

	erase();
	sbuf_addf(&sb, "This terminal is %dx%d.", cols, rows);
	draw_center(y > 0 ? y : 0, 0, cols, "stridewalk needs at least 80x24", UC_TITLE);
	draw_center(y + 1, 0, cols, sbuf_str(&sb), UC_NORMAL);
	draw_center(y + 2, 0, cols, "Enlarge the window or use a smaller font.", UC_NORMAL);
	/* with a prompt open, q would only be typed into it */
	draw_center(y + 3, 0, cols,
		    prompting ? "(a prompt is open: Esc cancels it; nothing is lost)"
			      : "(until then only q works: it quits; nothing is lost)",
		    UC_DIM);
	sbuf_release(&sb);
}

void draw_clock(struct sbuf *out, long secs)
{
	if (secs < 0)
		secs = -secs;
	if (secs >= 100 * 60) /* a session left running: hours, so the line stays short */
		sbuf_addf(out, "%ldh%02ld", secs / 3600, secs / 60 % 60);
	else
		sbuf_addf(out, "%02ld:%02ld", secs / 60, secs % 60);
}

/* "walk 12:34 left", "walk 02:13 OVER", or how to start the agenda. */
static enum ui_color phase_text(struct ui_ctx *ctx, struct sbuf *out)
{
	const struct session *s = ui_session(ctx);
	const struct phase *p = ui_phase(ctx);
	long left;

	if (!s) {
		sbuf_addstr(out, "no session  --:--");
		return UC_STATUS;
	}
	if (!p) {
		sbuf_addf(out, "session %ld  --:--", s->number);
		return UC_STATUS;
	}
	left = phase_remaining(p, clock_now());
	if (left >= 0) {
		sbuf_addf(out, "%s ", p->name);
		draw_clock(out, left);
		sbuf_addstr(out, " left");
		return UC_STATUS;
	}
	left = -left;
	sbuf_addf(out, "%s ", p->name);
	draw_clock(out, left);
	sbuf_addstr(out, " OVER");
	return UC_CRITICAL;
}

/* Who gets the credit and the coverage, the right end of the status line; `shorter`: the
 * speaker as the room calls them. */
static void status_right(const struct ui_ctx *ctx, bool shorter, struct sbuf *out)
{
	const struct coverage_totals *cov = &ui_index(ctx)->totals;
	const char *who = ctx->app->speaker ? ctx->app->speaker : app_credit(ctx->app);

	sbuf_reset(out);
	if (who) {
		sbuf_addstr(out, "speaker ");
		if (shorter)
			model_call_name(ctx->app->model, who, out);
		else
			sbuf_addstr(out, who);
		/* nobody named: the facilitator gets the credit */
		sbuf_addstr(out, ctx->app->speaker ? "  " : " (facilitating)  ");
	}
	if (cov->cells)
		sbuf_addf(out, "coverage %d%% ", coverage_percent(cov));
	else
		sbuf_addstr(out, "coverage - ");
}

static void draw_status(struct ui_ctx *ctx, int cols)
{
	struct sbuf phase = SBUF_INIT, right = SBUF_INIT, title = SBUF_INIT;
	enum ui_color pc = phase_text(ctx, &phase);
	int pw, x;

	/* Said on every screen, so nobody types a threat that cannot be saved. */
	sbuf_addf(&title, " %s%s", db_is_readonly(ctx->app->db) ? "READ-ONLY: " : "",
		  ctx->app->model->name);
	pw = draw_width(phase.buf);
	status_right(ctx, false, &right);
	/* a long speaker's name never cuts the system's: the speaker goes by a shorter one */
	if (draw_width(title.buf) + 1 > cols - draw_width(right.buf) - pw - 3)
		status_right(ctx, true, &right);
	draw_fill(0, 0, cols, UC_STATUS);
	x = cols - draw_width(right.buf);
	draw_text(0, x > 0 ? x : 0, cols, right.buf, UC_STATUS);
	x -= pw + 3;
	draw_textf(0, x > 0 ? x : 0, pw + 2, pc, " %s ", phase.buf);
	draw_text(0, 0, x > 2 ? x - 1 : 0, title.buf, UC_STATUS);
	sbuf_release(&phase);
	sbuf_release(&right);
	sbuf_release(&title);
}

/* Narrow screens name a tab's key only where it is not the title's first letter (K Backlog). */
static bool tab_key_shown(const struct view_info *info, const struct sbuf *key, bool all)
{
	return all || key->len != 1 || key->buf[0] != info->title[0];
}

static void draw_tabs(struct ui_ctx *ctx, int cols)
{
	bool all = cols >= 104;
	int x = 1, i;

	move(1, 0);
	clrtoeol();
	overdraw_background(1, 0, cols);
	for (i = 0; i < VIEW_COUNT; i++) {
		const struct view_info *info = view_info((enum view_id)i);
		bool cur = info->id == ctx->current;
		struct sbuf label = SBUF_INIT;
		if (!info->cycles)
			continue; /* help has its own key in the corner */
		keymap_first_key(info->jump, &label);
		if (!tab_key_shown(info, &label, all))
			sbuf_reset(&label);
		sbuf_addf(&label, "%s%s", label.len ? " " : "", info->title);
		x += draw_textf(1, x, cols - x, cur ? UC_TAB_CURRENT : UC_TAB,
				cur ? "[%s]" : " %s ", label.buf);
		x += all;
		sbuf_release(&label);
	}
}

/*
 * The message line. A message too long for it (a change, then a refusal, then the keys that
 * were ignored) takes the row above as well, over the screen's last row, rather than losing
 * its end: what was refused is what the room most needs to read.
 */
static void draw_message(struct ui_ctx *ctx, int y, int cols)
{
	enum ui_color c = ctx->message_kind == MSG_ERROR   ? UC_ERROR
			  : ctx->message_kind == MSG_SAVED ? UC_SAVED
							   : UC_NORMAL;
	struct sbuf text = SBUF_INIT;

	move(y, 0);
	clrtoeol();
	overdraw_background(y, 0, cols);
	if (!ctx->message.len)
		return;
	sbuf_addf(&text, "%s%s", ctx->message_kind == MSG_ERROR ? "error: " : "", ctx->message.buf);
	if (draw_width(text.buf) > cols - 2 && y > 2 && !ctx->prompting) {
		move(y - 1, 0);
		clrtoeol();
		overdraw_overlay(true); /* the second row covers the screen's last on purpose */
		overdraw_background(y - 1, 0, cols);
		draw_wrap(y - 1, 1, cols - 2, 2, text.buf, c);
		overdraw_overlay(false);
	} else {
		draw_text(y, 1, cols - 2, text.buf, c);
	}
	sbuf_release(&text);
}

static void draw_hints(struct ui_ctx *ctx, int y, int cols)
{
	struct view *v = ctx->views[ctx->current];
	const struct hint *hints = v->ops->hints ? v->ops->hints(v, ctx) : NULL;
	int x = 1, i;

	move(y, 0);
	clrtoeol();
	overdraw_background(y, 0, cols);
	if (ctx->prompting) {
		x += draw_key(y, x, cols - x, "Enter", "accept") + 3;
		x += draw_key(y, x, cols - x, "Esc", "cancel") + 3;
		if (ctx->prompt.completions.count)
			draw_key(y, x, cols - x, "Tab", "complete");
		return;
	}
	for (i = 0; hints && hints[i].action != ACT_NONE_; i++) {
		struct sbuf key = SBUF_INIT;
		const char *label =
		    hints[i].label ? hints[i].label : action_info(hints[i].action)->label;
		int need;
		if (hints[i].action == ACT_CHOOSE && ctx->choices > 0) /* not "1-9" for three */
			sbuf_addf(&key, ctx->choices == 1 ? "1" : "1-%d", ctx->choices);
		else
			keymap_first_key(hints[i].action, &key);
		need = draw_width(sbuf_str(&key)) + 1 + draw_width(label);
		if (x + need > cols - 9) {
			sbuf_release(&key);
			break;
		}
		x += draw_key(y, x, need, sbuf_str(&key), label) + 3;
		sbuf_release(&key);
	}
	if (ctx->current != VIEW_HELP) /* on Help, ? goes back: its hints say Esc */
		draw_key(y, cols - 7, 7, "?", "help");
}

void draw_frame(struct ui_ctx *ctx, int rows, int cols)
{
	draw_status(ctx, cols);
	draw_tabs(ctx, cols);
	draw_message(ctx, rows - 2, cols);
	draw_hints(ctx, rows - 1, cols);
}
