/*
 * Escaping for the export formats (see escape.h). Markdown text is escaped by backslash for
 * its punctuation and by entity for HTML, which every CommonMark renderer (GitHub, GitLab)
 * reads back as the literal character, so the report still reads well as plain text.
 */
#include "escape.h"

#include <stdint.h>
#include <string.h>

/* Punctuation that can open inline markup (emphasis, code, links, strikethrough, math, tables). */
static bool md_special(char c)
{
	switch (c) {
	case '\\':
	case '`':
	case '*':
	case '_':
	case '[':
	case ']':
	case '|':
	case '~':
	case '$':
		return true;
	default:
		return false;
	}
}

static bool is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* One byte of running Markdown; line breaks are the caller's business. */
static void md_char(struct sbuf *out, char c)
{
	if (c == '<')
		sbuf_addstr(out, "&lt;");
	else if (c == '>')
		sbuf_addstr(out, "&gt;");
	else if (c == '&')
		sbuf_addstr(out, "&amp;");
	else if (c == '\t')
		sbuf_addch(out, ' ');
	else if (is_control((unsigned char)c))
		return;
	else {
		if (md_special(c))
			sbuf_addch(out, '\\');
		sbuf_addch(out, c);
	}
}

/*
 * At the start of a line: drops the indentation (four spaces would start a code block) and
 * escapes what would open a heading, list, rule or setext underline. Returns where to go on.
 */
static const char *md_line_start(struct sbuf *out, const char *s)
{
	const char *d;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s && strchr("#+-=", *s)) {
		sbuf_addch(out, '\\');
		sbuf_addch(out, *s);
		return s + 1;
	}
	for (d = s; *d >= '0' && *d <= '9'; d++)
		;
	if (d > s && (*d == '.' || *d == ')')) {
		sbuf_add(out, s, (size_t)(d - s));
		sbuf_addch(out, '\\');
		sbuf_addch(out, *d);
		return d + 1;
	}
	return s;
}

/*
 * How many bytes from `s` on need nothing done: no control character, no HTML and no
 * Markdown punctuation (md_char). A report is mostly such text, so it is copied in runs
 * rather than byte by byte.
 */
static size_t md_plain_run(const char *s)
{
	/* bit c: byte c needs md_char's attention (controls, "<>&", md_special's punctuation) */
	static const uint64_t attention[2] = {
	    0xffffffffull | (1ull << '&') | (1ull << '$') | (1ull << '*') | (1ull << '<') |
		(1ull << '>'),
	    (1ull << ('[' - 64)) | (1ull << ('\\' - 64)) | (1ull << (']' - 64)) |
		(1ull << ('_' - 64)) | (1ull << ('`' - 64)) | (1ull << ('|' - 64)) |
		(1ull << ('~' - 64)) | (1ull << (0x7f - 64)),
	};
	const unsigned char *p = (const unsigned char *)s;

	while (*p >= 0x80 || !((attention[*p >> 6] >> (*p & 63)) & 1))
		p++;
	return (size_t)(p - (const unsigned char *)s);
}

/* Running Markdown up to the end or a newline, which is left at *s for the caller. */
static const char *md_text(struct sbuf *out, const char *s)
{
	while (*s && *s != '\n') {
		size_t n = md_plain_run(s);
		if (n) {
			sbuf_add(out, s, n);
			s += n;
		} else {
			md_char(out, *s++);
		}
	}
	return s;
}

void esc_md_cell(struct sbuf *out, const char *s)
{
	while (s && *s) {
		s = md_text(out, s);
		if (*s == '\n') {
			sbuf_addstr(out, "<br>");
			s++;
		}
	}
}

void esc_md_inline(struct sbuf *out, const char *s)
{
	if (!s)
		return;
	s = md_line_start(out, s);
	while (*s) {
		s = md_text(out, s);
		if (*s == '\n') {
			sbuf_addch(out, ' ');
			s++;
		}
	}
}

void esc_md_block(struct sbuf *out, const char *s)
{
	if (!s)
		return;
	s = md_line_start(out, s);
	while (*s) {
		s = md_text(out, s);
		if (*s == '\n') {
			sbuf_addch(out, '\n');
			s = md_line_start(out, s + 1);
		}
	}
}

void esc_md_link_text(struct sbuf *out, const char *s)
{
	esc_md_inline(out, s);
}

void esc_html(struct sbuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			sbuf_addstr(out, "&amp;");
			break;
		case '<':
			sbuf_addstr(out, "&lt;");
			break;
		case '>':
			sbuf_addstr(out, "&gt;");
			break;
		case '"':
			sbuf_addstr(out, "&quot;");
			break;
		case '\'':
			sbuf_addstr(out, "&#39;");
			break;
		case '\n':
		case '\r':
		case '\t':
			sbuf_addch(out, ' ');
			break;
		default:
			if (!is_control((unsigned char)*s))
				sbuf_addch(out, *s);
		}
	}
}

void esc_mermaid_label(struct sbuf *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n' || c == '\r' || c == '\t')
			sbuf_addch(out, ' ');
		else if (is_control(c))
			continue;
		else if (c == '"')
			sbuf_addstr(out, "#quot;");
		else if (strchr("#;[](){}<>|&%\\`", c))
			sbuf_addf(out, "#%d;", c);
		else
			sbuf_addch(out, (char)c);
	}
}

bool esc_csv_is_formula(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s) != NULL;
}

void esc_csv_cell(struct sbuf *out, const char *s)
{
	bool quote;

	if (!s)
		return;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		sbuf_addch(out, '"');
	if (esc_csv_is_formula(s))
		sbuf_addch(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			sbuf_addch(out, '"');
		sbuf_addch(out, *s);
	}
	if (quote)
		sbuf_addch(out, '"');
}
