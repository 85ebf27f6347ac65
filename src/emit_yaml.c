/*
 * The tree writer's YAML backend (see treew.h). It writes the text itself, byte for byte what
 * libyaml's emitter wrote for these trees before (indent 2, block sequences not indented
 * under their key, no line folding, empty collections as [] and {}, the same choice between
 * plain, single- and double-quoted scalars and the same escapes), because going through
 * libyaml's event queue took most of the time of exporting a large model. The state below
 * (indent stack, column, whitespace, indention) mirrors the emitter's, so do the decisions.
 */
#define _POSIX_C_SOURCE 200809L
#include "treew.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "xalloc.h"

#define MAX_LEVELS 128
#define INDENT 2

enum level_kind { L_ROOT, L_BLOCK_MAP, L_BLOCK_SEQ, L_FLOW_MAP, L_FLOW_SEQ };

struct level {
	enum level_kind kind;
	bool started; /* block: the first entry was written; flow: any entry was */
	bool want_value; /* mappings: a key was written, its value comes next */
	bool mapping_context; /* block sequences: the value of a block mapping key */
};

struct yaml_tw {
	struct tw base; /* first, so a struct tw * is a struct yaml_tw * */
	struct level levels[MAX_LEVELS];
	int depth;
	int indents[MAX_LEVELS];
	int nindents;
	int indent; /* -1 before the root collection */
	int column; /* in characters */
	bool whitespace, indention;
	int flow_level;
	bool failed;
};

static struct yaml_tw *yt(struct tw *w)
{
	return (struct yaml_tw *)w;
}

/* ---- output primitives, as libyaml's emitter has them ---- */

static void put(struct yaml_tw *y, char c)
{
	sbuf_addch(y->base.out, c);
	y->column++;
}

static void put_break(struct yaml_tw *y)
{
	sbuf_addch(y->base.out, '\n');
	y->column = 0;
}

static void write_indent(struct yaml_tw *y)
{
	static const char spaces[] = "                                ";
	int indent = y->indent >= 0 ? y->indent : 0;

	if (!y->indention || y->column > indent || (y->column == indent && !y->whitespace))
		put_break(y);
	while (y->column < indent) {
		int n = indent - y->column < (int)sizeof(spaces) - 1 ? indent - y->column
								     : (int)sizeof(spaces) - 1;
		sbuf_add(y->base.out, spaces, (size_t)n);
		y->column += n;
	}
	y->whitespace = true;
	y->indention = true;
}

static void write_indicator(struct yaml_tw *y, const char *ind, bool need_whitespace,
			    bool is_whitespace, bool is_indention)
{
	if (need_whitespace && !y->whitespace)
		put(y, ' ');
	sbuf_addstr(y->base.out, ind);
	y->column += (int)strlen(ind);
	y->whitespace = is_whitespace;
	y->indention = y->indention && is_indention;
}

static void increase_indent(struct yaml_tw *y, bool flow, bool indentless)
{
	if (y->nindents < MAX_LEVELS)
		y->indents[y->nindents++] = y->indent;
	if (y->indent < 0)
		y->indent = flow ? INDENT : 0;
	else if (!indentless)
		y->indent += INDENT;
}

static void pop_indent(struct yaml_tw *y)
{
	if (y->nindents > 0)
		y->indent = y->indents[--y->nindents];
}

/* ---- characters, as libyaml classifies them (on UTF-8 bytes) ---- */

static int width_of(unsigned char c)
{
	return (c & 0x80) == 0      ? 1
	       : (c & 0xe0) == 0xc0 ? 2
	       : (c & 0xf0) == 0xe0 ? 3
	       : (c & 0xf8) == 0xf0 ? 4
				    : 0;
}

static bool is_printable(const unsigned char *s)
{
	return s[0] == 0x0a || (s[0] >= 0x20 && s[0] <= 0x7e) || (s[0] == 0xc2 && s[1] >= 0xa0) ||
	       (s[0] > 0xc2 && s[0] < 0xed) || (s[0] == 0xed && s[1] < 0xa0) || s[0] == 0xee ||
	       (s[0] == 0xef && !(s[1] == 0xbb && s[2] == 0xbf) &&
		!(s[1] == 0xbf && (s[2] == 0xbe || s[2] == 0xbf)));
}

static bool is_break(const unsigned char *s)
{
	return s[0] == '\r' || s[0] == '\n' || (s[0] == 0xc2 && s[1] == 0x85) ||
	       (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9));
}

/* Blank, a break, or the end of the string. */
static bool is_blankz(const unsigned char *s)
{
	return s[0] == ' ' || s[0] == '\t' || s[0] == '\0' || is_break(s);
}

/* The checks libyaml makes before it accepts a scalar: well-formed, shortest-form UTF-8. */
static bool utf8_valid(const unsigned char *s, size_t len)
{
	const unsigned char *end = s + len;

	while (s < end) {
		int w = width_of(s[0]), k;
		uint32_t v = w == 1   ? s[0]
			     : w == 2 ? s[0] & 0x1fu
			     : w == 3 ? s[0] & 0x0fu
				      : s[0] & 0x07u;
		if (!w || s + w > end)
			return false;
		for (k = 1; k < w; k++) {
			if ((s[k] & 0xc0) != 0x80)
				return false;
			v = (v << 6) + (s[k] & 0x3fu);
		}
		if (!(w == 1 || (w == 2 && v >= 0x80) || (w == 3 && v >= 0x800) ||
		      (w == 4 && v >= 0x10000)))
			return false;
		s += w;
	}
	return true;
}

/* ---- choosing a scalar's style (libyaml's analyze_scalar and select_scalar_style) ---- */

struct analysis {
	bool multiline, flow_plain, block_plain, single_quoted;
};

static bool first_char_indicator(const unsigned char *s, bool followed_by_ws, bool *block)
{
	if (strchr("#,[]{}&*!|>'\"%@`", s[0])) {
		*block = true;
		return true;
	}
	if (s[0] == '?' || s[0] == ':') {
		*block = *block || followed_by_ws;
		return true;
	}
	if (s[0] == '-' && followed_by_ws) {
		*block = true;
		return true;
	}
	return false;
}

static bool later_char_indicator(const unsigned char *s, bool preceded_by_ws, bool followed_by_ws,
				 bool *block)
{
	if (strchr(",?[]{}", s[0]))
		return true;
	if (s[0] == ':') {
		*block = *block || followed_by_ws;
		return true;
	}
	if (s[0] == '#' && preceded_by_ws) {
		*block = true;
		return true;
	}
	return false;
}

struct scan {
	bool flow_ind, block_ind, breaks, special;
	bool leading_space, leading_break, trailing_space, trailing_break;
	bool break_space, space_break;
};

static void scan_char(struct scan *sc, const unsigned char *p, const unsigned char *start,
		      const unsigned char *end, bool *prev_space, bool *prev_break)
{
	int w = width_of(p[0]);

	if (!is_printable(p))
		sc->special = true;
	if (is_break(p))
		sc->breaks = true;
	if (p[0] == ' ') {
		sc->leading_space = sc->leading_space || p == start;
		sc->trailing_space = sc->trailing_space || p + w == end;
		sc->break_space = sc->break_space || *prev_break;
		*prev_space = true;
		*prev_break = false;
	} else if (is_break(p)) {
		sc->leading_break = sc->leading_break || p == start;
		sc->trailing_break = sc->trailing_break || p + w == end;
		sc->space_break = sc->space_break || *prev_space;
		*prev_space = false;
		*prev_break = true;
	} else {
		*prev_space = *prev_break = false;
	}
}

static struct analysis analyze(const char *text, size_t len)
{
	const unsigned char *start = (const unsigned char *)text, *end = start + len, *p = start;
	struct analysis a = {false, false, true, true};
	struct scan sc = {0};
	bool preceded = true, followed, prev_space = false, prev_break = false;

	if (len == 0)
		return a;
	if ((p[0] == '-' && p[1] == '-' && p[2] == '-') ||
	    (p[0] == '.' && p[1] == '.' && p[2] == '.'))
		sc.flow_ind = sc.block_ind = true;
	followed = is_blankz(p + width_of(p[0]));
	while (p < end) {
		int w = width_of(p[0]);
		if (p == start ? first_char_indicator(p, followed, &sc.block_ind)
			       : later_char_indicator(p, preceded, followed, &sc.block_ind))
			sc.flow_ind = true;
		scan_char(&sc, p, start, end, &prev_space, &prev_break);
		preceded = is_blankz(p);
		p += w;
		if (p < end)
			followed = is_blankz(p + width_of(p[0]));
	}
	a.multiline = sc.breaks;
	a.flow_plain = a.block_plain = a.single_quoted = true;
	if (sc.leading_space || sc.leading_break || sc.trailing_space || sc.trailing_break)
		a.flow_plain = a.block_plain = false;
	if (sc.break_space)
		a.flow_plain = a.block_plain = a.single_quoted = false;
	if (sc.space_break || sc.special)
		a.flow_plain = a.block_plain = a.single_quoted = false;
	if (sc.breaks)
		a.flow_plain = a.block_plain = false;
	if (sc.flow_ind)
		a.flow_plain = false;
	if (sc.block_ind)
		a.block_plain = false;
	return a;
}

/*
 * Most scalars are ids, names and sentences: a letter or digit, then printable ASCII without
 * any character that means something inside a scalar (",?[]{}:#"), not ending in a space.
 * Such a scalar may be plain anywhere; analyze() would say so too, only slower.
 */
static bool plain_anywhere(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	if (!len ||
	    !((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z') ||
	      (p[0] >= '0' && p[0] <= '9')) ||
	    end[-1] == ' ')
		return false;
	/* bit c of the pair: c is one of ",?[]{}:#" */
	static const uint64_t meaningful[2] = {
	    (1ull << '#') | (1ull << ',') | (1ull << ':') | (1ull << '?'),
	    (1ull << ('[' - 64)) | (1ull << (']' - 64)) | (1ull << ('{' - 64)) |
		(1ull << ('}' - 64)),
	};

	for (p++; p < end; p++)
		if (*p < 0x20 || *p > 0x7e || ((meaningful[*p >> 6] >> (*p & 63)) & 1))
			return false;
	return true;
}

enum style { S_PLAIN, S_SINGLE, S_DOUBLE };

static enum style choose(struct yaml_tw *y, const char *s, size_t len, bool quoted, bool simple_key)
{
	struct analysis a;
	enum style style = S_PLAIN;

	if (quoted) /* nothing below turns double quotes into another style */
		return S_DOUBLE;
	a = analyze(s, len);

	if (simple_key && a.multiline)
		style = S_DOUBLE;
	if (style == S_PLAIN) {
		if ((y->flow_level && !a.flow_plain) || (!y->flow_level && !a.block_plain))
			style = S_SINGLE;
		if (!len && (y->flow_level || simple_key))
			style = S_SINGLE;
	}
	if (style == S_SINGLE && !a.single_quoted)
		style = S_DOUBLE;
	return style;
}

/* ---- writing scalars ---- */

/* Characters, not bytes: the column is what the indentation compares. */
static int chars(const char *s, size_t len)
{
	int n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* `ascii`: every byte is a character, so counting them is not needed. */
static void write_plain(struct yaml_tw *y, const char *s, size_t len, bool ascii)
{
	if (!y->whitespace && (len || y->flow_level))
		put(y, ' ');
	sbuf_add(y->base.out, s, len);
	y->column += ascii ? (int)len : chars(s, len);
	y->whitespace = false;
	y->indention = false;
}

static void write_single(struct yaml_tw *y, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	bool breaks = false;

	write_indicator(y, "'", true, false, false);
	while (p < end) {
		int w = width_of(p[0]);
		if (p[0] == ' ') {
			put(y, ' ');
		} else if (is_break(p)) { /* only U+2028 and U+2029: newlines go double-quoted */
			sbuf_add(y->base.out, p, (size_t)w);
			y->column = 0;
			y->indention = true;
			breaks = true;
		} else {
			if (breaks)
				write_indent(y);
			if (p[0] == '\'')
				put(y, '\'');
			sbuf_add(y->base.out, p, (size_t)w);
			y->column++;
			y->indention = false;
			breaks = false;
		}
		p += w;
	}
	if (breaks)
		write_indent(y);
	write_indicator(y, "'", false, false, false);
	y->whitespace = false;
	y->indention = false;
}

static void write_escape(struct yaml_tw *y, const unsigned char *p, int w)
{
	static const char hex[] = "0123456789ABCDEF";
	uint32_t v = w == 1 ? p[0] : w == 2 ? p[0] & 0x1fu : w == 3 ? p[0] & 0x0fu : p[0] & 0x07u;
	int k, digits;
	char c;

	for (k = 1; k < w; k++)
		v = (v << 6) + (p[k] & 0x3fu);
	put(y, '\\');
	switch (v) {
	case 0x00:
		c = '0';
		break;
	case 0x07:
		c = 'a';
		break;
	case 0x08:
		c = 'b';
		break;
	case 0x09:
		c = 't';
		break;
	case 0x0a:
		c = 'n';
		break;
	case 0x0b:
		c = 'v';
		break;
	case 0x0c:
		c = 'f';
		break;
	case 0x0d:
		c = 'r';
		break;
	case 0x1b:
		c = 'e';
		break;
	case 0x22:
		c = '"';
		break;
	case 0x5c:
		c = '\\';
		break;
	case 0x85:
		c = 'N';
		break;
	case 0xa0:
		c = '_';
		break;
	case 0x2028:
		c = 'L';
		break;
	case 0x2029:
		c = 'P';
		break;
	default:
		c = 0;
		break;
	}
	if (c) {
		put(y, c);
		return;
	}
	put(y, v <= 0xff ? 'x' : v <= 0xffff ? 'u' : 'U');
	digits = v <= 0xff ? 2 : v <= 0xffff ? 4 : 8;
	for (k = (digits - 1) * 4; k >= 0; k -= 4)
		put(y, hex[(v >> k) & 0x0f]);
}

static void write_double(struct yaml_tw *y, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;

	write_indicator(y, "\"", true, false, false);
	while (p < end) {
		int w = width_of(p[0]);
		bool bom = p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf;
		if (!is_printable(p) || bom || is_break(p) || p[0] == '"' || p[0] == '\\') {
			write_escape(y, p, w);
		} else {
			sbuf_add(y->base.out, p, (size_t)w);
			y->column++;
		}
		p += w;
	}
	write_indicator(y, "\"", false, false, false);
	y->whitespace = false;
	y->indention = false;
}

/* ---- the tree: what happens before and after each node ---- */

static struct level *top(struct yaml_tw *y)
{
	return &y->levels[y->depth];
}

/* The parent's part before a node: "- " in a block sequence, a key's indent, a comma. */
static void node_start(struct yaml_tw *y)
{
	struct level *p = top(y);

	switch (p->kind) {
	case L_BLOCK_SEQ:
		if (!p->started)
			increase_indent(y, false, p->mapping_context && !y->indention);
		p->started = true;
		write_indent(y);
		write_indicator(y, "-", true, false, true);
		break;
	case L_BLOCK_MAP:
		if (p->want_value)
			break;
		if (!p->started)
			increase_indent(y, false, false);
		p->started = true;
		write_indent(y);
		break;
	case L_FLOW_SEQ:
	case L_FLOW_MAP:
		if (p->kind == L_FLOW_MAP && p->want_value)
			break;
		if (p->started)
			write_indicator(y, ",", false, false, false);
		p->started = true;
		break;
	case L_ROOT:
		break;
	}
}

/* The parent's part after a node: the ':' after a key. */
static void node_end(struct yaml_tw *y)
{
	struct level *p = top(y);

	if (p->kind != L_BLOCK_MAP && p->kind != L_FLOW_MAP)
		return;
	if (!p->want_value)
		write_indicator(y, ":", false, false, false);
	p->want_value = !p->want_value;
}

static void scalar(struct tw *w, const char *s, bool quoted)
{
	struct yaml_tw *y = yt(w);
	struct level *p = top(y);
	bool simple_key = (p->kind == L_BLOCK_MAP || p->kind == L_FLOW_MAP) && !p->want_value;
	size_t len = strlen(s);
	bool simple = !quoted && plain_anywhere(s, len); /* ASCII: no UTF-8 check needed */

	if (y->failed)
		return;
	if (!simple && !utf8_valid((const unsigned char *)s, len)) {
		y->failed = true;
		return;
	}
	node_start(y);
	increase_indent(y, true, false); /* what a broken line of the scalar would be indented by */
	switch (simple ? S_PLAIN : choose(y, s, len, quoted, simple_key)) {
	case S_PLAIN:
		write_plain(y, s, len, simple);
		break;
	case S_SINGLE:
		write_single(y, s, len);
		break;
	case S_DOUBLE:
		write_double(y, s, len);
		break;
	}
	pop_indent(y);
	node_end(y);
}

static void begin(struct tw *w, bool map, bool flow)
{
	struct yaml_tw *y = yt(w);
	bool mapping_context = top(y)->kind == L_BLOCK_MAP;
	struct level *l;

	if (y->failed)
		return;
	if (y->depth + 1 >= MAX_LEVELS) {
		y->failed = true;
		return;
	}
	node_start(y);
	l = &y->levels[++y->depth];
	memset(l, 0, sizeof(*l));
	l->mapping_context = mapping_context;
	if (flow || y->flow_level) {
		l->kind = map ? L_FLOW_MAP : L_FLOW_SEQ;
		write_indicator(y, map ? "{" : "[", true, true, false);
		increase_indent(y, true, false);
		y->flow_level++;
	} else {
		l->kind = map ? L_BLOCK_MAP : L_BLOCK_SEQ;
	}
}

static void end(struct tw *w)
{
	struct yaml_tw *y = yt(w);
	struct level *l = top(y);

	if (y->failed || y->depth == 0)
		return;
	if (l->kind == L_FLOW_MAP || l->kind == L_FLOW_SEQ) {
		y->flow_level--;
		pop_indent(y);
		write_indicator(y, l->kind == L_FLOW_MAP ? "}" : "]", false, false, false);
	} else if (!l->started) { /* an empty block collection is written as a flow one */
		write_indicator(y, l->kind == L_BLOCK_MAP ? "{" : "[", true, true, false);
		write_indicator(y, l->kind == L_BLOCK_MAP ? "}" : "]", false, false, false);
	} else {
		pop_indent(y);
	}
	y->depth--;
	node_end(y);
}

static void map_begin(struct tw *w, bool flow)
{
	begin(w, true, flow);
}

static void seq_begin(struct tw *w, bool flow)
{
	begin(w, false, flow);
}

/*
 * The characters of YAML 1.1's numbers after their first digit: ints (decimal, 0b binary,
 * 0 octal, 0x hex, with _ separators, and base 60 as in 1:20:30), floats (1.5, 1e+5,
 * 1:20.5) and dates (2026-12-04). A plain scalar made only of these, starting with a digit,
 * may be read as a number or a date; it is quoted. That quotes a little more than needed
 * ("1.2.3"), which costs nothing: a quoted scalar is a string to every reader.
 */
static bool number_like(const char *p)
{
	if (*p < '0' || *p > '9')
		return false;
	for (; *p; p++)
		if (!strchr("0123456789_:.+-eEoObBxXaAcCdDfF", *p))
			return false;
	return true;
}

/* 2026-12-04T10:00:00Z, 2001-12-14 21:59:43.10 -5: YAML 1.1 timestamps start "dddd-". */
static bool timestamp_like(const char *s)
{
	int i;

	for (i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[4] == '-' && s[5] >= '0' && s[5] <= '9';
}

/*
 * Would a YAML 1.1 reader (PyYAML, Ruby's Psych, most tools) take this plain scalar for
 * something other than a string: null, a boolean (yes/no, on/off, y/n in any case), a number,
 * a date or time, a merge key or the value key? YAML 1.2 readers want less quoted.
 */
static bool looks_typed(const char *s)
{
	static const char *const words[] = {"",   "~",   "null", "true", "false", "yes", "no",
					    "on", "off", "y",    "n",    "=",     "<<"};
	const char *p = s;
	char *end;
	size_t i;

	/* The words are short and start with one of these; strtod needs a digit, a dot, inf or nan. */
	if (!*s || (strchr("~nNtTfFyYoO=<", s[0]) && strnlen(s, 6) <= 5))
		for (i = 0; i < ARRAY_SIZE(words); i++)
			if (!strcasecmp(s, words[i]))
				return true;
	if (s[0] == '.' || timestamp_like(s))
		return true;
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		p++;
	if (number_like(p) || (*p == '.' && p > s))
		return true;
	if (!strchr("0123456789.iInN", *p) || !*p)
		return false;
	strtod(s, &end);
	return *end == '\0';
}

static void str(struct tw *w, const char *s)
{
	scalar(w, s, looks_typed(s) || strchr(s, '\n'));
}

static void num(struct tw *w, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	scalar(w, buf, false);
}

static void boolean(struct tw *w, bool v)
{
	scalar(w, v ? "true" : "false", false);
}

static void key(struct tw *w, const char *k)
{
	scalar(w, k, false);
}

static int finish(struct tw *w)
{
	struct yaml_tw *y = yt(w);
	int rc = y->failed || y->depth != 0 ? -1 : 0;

	if (rc == 0)
		write_indent(y); /* the end of the document: the last line's newline */
	free(y);
	return rc;
}

static const struct tw_ops yaml_ops = {
    map_begin, end, seq_begin, end, str, num, boolean, key, finish,
};

struct tw *tw_new_yaml(struct sbuf *out)
{
	struct yaml_tw *y = xcalloc(1, sizeof(*y));

	y->base.ops = &yaml_ops;
	y->base.out = out;
	y->levels[0].kind = L_ROOT;
	y->indent = -1;
	y->whitespace = true;
	y->indention = true;
	return &y->base;
}
