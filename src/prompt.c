/* The one-line text input (see prompt.h). */
#include "prompt.h"

#include <string.h>

#include "draw.h"
#include "keymap.h"
#include "util.h"

void prompt_init(struct prompt *p, const char *initial)
{
	sbuf_init(&p->text);
	sbuf_init(&p->stem);
	sbuf_addstr(&p->text, initial ? initial : "");
	p->cursor = p->text.len;
	p->completion = -1;
	p->fresh = p->text.len > 0;
}

void prompt_release(struct prompt *p)
{
	sbuf_release(&p->text);
	sbuf_release(&p->stem);
}

static bool continuation(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

static size_t prev_char(const struct prompt *p, size_t at)
{
	while (at > 0 && continuation(p->text.buf[--at]))
		;
	return at;
}

static size_t next_char(const struct prompt *p, size_t at)
{
	if (at < p->text.len)
		at++;
	while (at < p->text.len && continuation(p->text.buf[at]))
		at++;
	return at;
}

/* Removes bytes [from, to) of the text. */
static void cut(struct prompt *p, size_t from, size_t to)
{
	memmove(p->text.buf + from, p->text.buf + to, p->text.len - to + 1);
	p->text.len -= to - from;
	p->cursor = from;
}

static void insert(struct prompt *p, int cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6)), b[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12)), b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	} else {
		b[0] = (char)(0xf0 | (cp >> 18)), b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), b[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	}
	sbuf_grow(&p->text, n);
	memmove(p->text.buf + p->cursor + n, p->text.buf + p->cursor, p->text.len - p->cursor + 1);
	memcpy(p->text.buf + p->cursor, b, n);
	p->text.len += n;
	p->cursor += n;
}

/* Tab: the next completion that starts with what was typed before cycling began. */
static void complete(struct prompt *p, const struct strlist *words)
{
	size_t i, n;

	if (!words || words->count == 0)
		return;
	if (p->completion < 0) {
		sbuf_reset(&p->stem);
		sbuf_addstr(&p->stem, sbuf_str(&p->text));
	}
	n = words->count;
	for (i = 1; i <= n; i++) {
		size_t at = (size_t)(p->completion + (long)i) % n;
		if (str_starts_with(words->items[at], sbuf_str(&p->stem))) {
			p->completion = (long)at;
			sbuf_reset(&p->text);
			sbuf_addstr(&p->text, words->items[at]);
			p->cursor = p->text.len;
			return;
		}
	}
}

static void delete_word(struct prompt *p)
{
	size_t at = p->cursor;

	while (at > 0 && p->text.buf[at - 1] == ' ')
		at--;
	while (at > 0 && p->text.buf[at - 1] != ' ')
		at--;
	cut(p, at, p->cursor);
}

enum prompt_result prompt_key(struct prompt *p, int key, const struct strlist *completions)
{
	/* Like a selected default in a dialog: typing replaces the initial text, editing keeps it. */
	if (p->fresh && key >= 32 && key != 127 && key < KEYC_SPECIAL) {
		sbuf_reset(&p->text);
		p->cursor = 0;
	}
	p->fresh = false;
	if (key != KEYC_TAB)
		p->completion = -1;
	switch (key) {
	case KEYC_ENTER:
		return PROMPT_DONE;
	case KEYC_ESC:
	case KEYC_CTRL('g'):
		return PROMPT_CANCEL;
	case KEYC_TAB:
		complete(p, completions);
		break;
	case KEYC_BACKSPACE:
	case KEYC_CTRL('h'):
		if (p->cursor > 0)
			cut(p, prev_char(p, p->cursor), p->cursor);
		break;
	case KEYC_DELETE:
	case KEYC_CTRL('d'):
		if (p->cursor < p->text.len)
			cut(p, p->cursor, next_char(p, p->cursor));
		break;
	case KEYC_LEFT:
	case KEYC_CTRL('b'):
		p->cursor = prev_char(p, p->cursor);
		break;
	case KEYC_RIGHT:
	case KEYC_CTRL('f'):
		p->cursor = next_char(p, p->cursor);
		break;
	case KEYC_HOME:
	case KEYC_CTRL('a'):
		p->cursor = 0;
		break;
	case KEYC_END:
	case KEYC_CTRL('e'):
		p->cursor = p->text.len;
		break;
	case KEYC_CTRL('u'):
		cut(p, 0, p->cursor);
		break;
	case KEYC_CTRL('k'):
		sbuf_truncate(&p->text, p->cursor);
		break;
	case KEYC_CTRL('w'):
		delete_word(p);
		break;
	default:
		if (key >= 32 && key != 127 && key < KEYC_SPECIAL)
			insert(p, key);
		break;
	}
	return PROMPT_GOING;
}

int prompt_rows(const char *label, int width)
{
	int lines = draw_wrap_rows(label, width - 4);

	return (lines > 0 ? lines : 1) + 3;
}

void prompt_draw(const struct prompt *p, const char *label, const struct rect *area)
{
	struct sbuf before = SBUF_INIT, shown = SBUF_INIT;
	int width = area->w - 6, cw, input = area->y + area->h - 2;
	const char *start = sbuf_str(&p->text);

	/* The label is what to type: it wraps inside the box, never cut at the edge. */
	draw_box(area, NULL, UC_TITLE);
	draw_wrap(area->y + 1, area->x + 2, area->w - 4, area->h - 3, label, UC_TITLE);
	/* Scroll so that the cursor stays on screen: drop whole characters from the left. */
	sbuf_add(&before, start, p->cursor);
	while (draw_width(sbuf_str(&before)) > width - 1) {
		size_t n = 1;
		while (continuation(before.buf[n]))
			n++;
		memmove(before.buf, before.buf + n, before.len - n + 1);
		before.len -= n;
		start += n;
	}
	draw_text(input, area->x + 2, 2, ">", UC_KEY);
	sbuf_addstr(&shown, start);
	draw_text(input, area->x + 4, width, sbuf_str(&shown), UC_NORMAL);
	cw = draw_width(sbuf_str(&before));
	move(input, area->x + 4 + cw);
	sbuf_release(&before);
	sbuf_release(&shown);
}
