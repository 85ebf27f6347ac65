/*
 * Escaping for the export formats (see escape.h). Markdown text is escaped by backslash for
 * its punctuation and by entity for HTML, which every CommonMark renderer (GitHub, GitLab)
 * reads back as the literal character, so the report still reads well as plain text.
 */
#include "escape.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "util.h"

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
	/* bit c: byte c needs md_char's attention (controls, "<>&", md_special's punctuation),
	 * or md_unlink's (":.@", which can make a link) */
	static const uint64_t attention[2] = {
	    0xffffffffull | (1ull << '&') | (1ull << '$') | (1ull << '*') | (1ull << '<') |
		(1ull << '>') | (1ull << ':') | (1ull << '.'),
	    (1ull << ('@' - 64)) | (1ull << ('[' - 64)) | (1ull << ('\\' - 64)) |
		(1ull << (']' - 64)) | (1ull << ('_' - 64)) | (1ull << ('`' - 64)) |
		(1ull << ('|' - 64)) | (1ull << ('~' - 64)) | (1ull << (0x7f - 64)),
	};
	const unsigned char *p = (const unsigned char *)s;

	while (*p >= 0x80 || !((attention[*p >> 6] >> (*p & 63)) & 1))
		p++;
	return (size_t)(p - (const unsigned char *)s);
}

static bool ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/*
 * Typed text must not become a link. GitHub links bare URLs (scheme://...), www. names and
 * e-mail addresses by itself, even through backslash escapes and entities, so the character
 * that would make one is written in brackets instead, as security reports defang addresses:
 * https[:]//host, www[.]host, name[@]host. Returns whether it wrote the character at s.
 */
static bool md_unlink(struct sbuf *out, const char *s, const char *start)
{
	char prev = s > start ? s[-1] : ' ';
	const char *brackets = NULL;

	if (*s == ':' && s[1] == '/' && s[2] == '/' && ascii_alnum(prev))
		brackets = "\\[:\\]";
	else if (*s == '.' && s - start >= 3 && strncasecmp(s - 3, "www", 3) == 0 &&
		 (s - 3 == start || !ascii_alnum(s[-4])) && ascii_alnum(s[1]))
		brackets = "\\[.\\]";
	else if (*s == '@' && (ascii_alnum(prev) || strchr("._+-", prev)) && ascii_alnum(s[1]))
		brackets = "\\[@\\]";
	if (brackets)
		sbuf_addstr(out, brackets);
	return brackets != NULL;
}

/*
 * Running Markdown up to the end or a line break, which is left at *s for the caller; `start`
 * is where the whole text begins, for what comes before s.
 */
static const char *md_text(struct sbuf *out, const char *s, const char *start)
{
	while (*s && *s != '\n' && *s != '\r') {
		size_t n = md_plain_run(s);
		if (n) {
			sbuf_add(out, s, n);
			s += n;
		} else if (md_unlink(out, s, start)) {
			s++;
		} else {
			md_char(out, *s++);
		}
	}
	return s;
}

/* The length of the line break at `s`: 2 for CR LF, 1 for LF or a lone CR, else 0. */
static size_t line_break(const char *s)
{
	if (*s == '\r')
		return s[1] == '\n' ? 2 : 1;
	return *s == '\n';
}

/* Whether the line at `s` shows nothing (spaces, tabs, controls): Markdown reads it as blank. */
static bool blank_line(const char *s)
{
	for (; *s && !line_break(s); s++)
		if (*s != ' ' && !is_control((unsigned char)*s))
			return false;
	return true;
}

/* Past the line at `s` and its line break. */
static const char *next_line(const char *s)
{
	while (*s && !line_break(s))
		s++;
	return s + line_break(s);
}

void esc_md_cell(struct sbuf *out, const char *s)
{
	const char *start = s;

	while (s && *s) {
		s = md_text(out, s, start);
		if (*s) {
			sbuf_addstr(out, "<br>");
			s += line_break(s);
		}
	}
}

void esc_md_inline(struct sbuf *out, const char *s)
{
	const char *start = s;

	if (!s)
		return;
	s = md_line_start(out, s);
	while (*s) {
		s = md_text(out, s, start);
		if (*s) {
			sbuf_addch(out, ' ');
			s += line_break(s);
		}
	}
}

/*
 * A single newline inside a paragraph is a space to CommonMark, so each line break becomes a
 * hard break (a backslash at the end of the line, which GitHub and GitLab render and which
 * shows no trailing space); blank lines become one paragraph break. Each new line starts
 * through md_line_start, so no line can open a block.
 */
void esc_md_block(struct sbuf *out, const char *s)
{
	const char *start = s;

	if (!s)
		return;
	while (*s && blank_line(s))
		s = next_line(s);
	s = md_line_start(out, s);
	while (*s) {
		s = md_text(out, s, start);
		if (!*s)
			break;
		s += line_break(s);
		if (!blank_line(s)) {
			sbuf_addstr(out, "\\\n");
		} else {
			while (*s && blank_line(s))
				s = next_line(s);
			if (*s)
				sbuf_addstr(out, "\n\n");
		}
		s = md_line_start(out, s);
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

/* The length of the white space at s (ASCII, no-break and ideographic), or 0. */
static size_t csv_space(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	if (str_starts_with(s, "\xc2\xa0")) /* U+00A0 */
		return 2;
	if (str_starts_with(s, "\xe3\x80\x80")) /* U+3000 */
		return 3;
	return 0;
}

/*
 * Spreadsheets skip leading white space before they look for a formula, and read the
 * fullwidth forms U+FF1D U+FF0B U+FF0D U+FF20 as = + - @: both are guarded against.
 */
bool esc_csv_is_formula(const char *s)
{
	static const char *const fullwidth[] = {"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d",
						"\xef\xbc\xa0"};
	size_t i, n;

	if (!s || !*s)
		return false;
	if (*s == '\t' || *s == '\r')
		return true;
	while ((n = csv_space(s)))
		s += n;
	for (i = 0; i < sizeof(fullwidth) / sizeof(fullwidth[0]); i++)
		if (str_starts_with(s, fullwidth[i]))
			return true;
	return *s && strchr("=+-@", *s) != NULL;
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
