/* Cleaning text for the terminal (see termsafe.h). */
#include "termsafe.h"

#include "util.h"

/* Controls, and format characters that are invisible or reorder text (Unicode class Cf, Zl, Zp). */
static const struct {
	uint32_t lo, hi;
} unsafe[] = {
    {0x0000, 0x001F},   {0x007F, 0x009F},   {0x00AD, 0x00AD},   {0x0600, 0x0605},
    {0x061C, 0x061C},   {0x06DD, 0x06DD},   {0x070F, 0x070F},   {0x08E2, 0x08E2},
    {0x180E, 0x180E},   {0x200B, 0x200F},   {0x2028, 0x202E},   {0x2060, 0x206F},
    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0000, 0xE007F},
};

static bool is_unsafe(uint32_t cp)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(unsafe) && cp >= unsafe[i].lo; i++)
		if (cp <= unsafe[i].hi)
			return true;
	return false;
}

/* Whether the character at p must be rewritten; *n gets its length (1 for a bad byte). */
static bool needs_rewrite(const unsigned char *p, size_t left, uint32_t *cp, size_t *n)
{
	*n = utf8_decode(p, left, cp);
	if (*n == 0) {
		*cp = p[0];
		*n = 1;
		return true;
	}
	return is_unsafe(*cp);
}

void termsafe_add(struct sbuf *out, const char *s, size_t len, enum termsafe_mode mode)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len, *run = p;
	uint32_t cp;
	size_t n;

	while (p < end) {
		if (*p >= 0x20 && *p < 0x7f) { /* most text: printable ASCII */
			p++;
			continue;
		}
		/* CR before LF ends a line (CSV's CRLF); only a CR alone can overwrite one */
		if (!needs_rewrite(p, (size_t)(end - p), &cp, &n) ||
		    (cp == '\r' && mode == TERMSAFE_LINES && p + 1 < end && p[1] == '\n')) {
			p += n;
			continue;
		}
		sbuf_add(out, run, (size_t)(p - run));
		if (cp == '\n' || cp == '\t' || (cp == '\r' && mode == TERMSAFE_LINE))
			sbuf_addch(out, mode == TERMSAFE_LINE ? ' ' : (char)cp);
		else if (n == 1 && cp >= 0x80)
			sbuf_addf(out, "<0x%02X>", (unsigned)cp);
		else
			sbuf_addf(out, "<U+%04X>", (unsigned)cp);
		p += n;
		run = p;
	}
	sbuf_add(out, run, (size_t)(p - run));
}

size_t termsafe_find(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t n;

	while (p < end) {
		if (*p >= 0x20 && *p < 0x7f) {
			p++;
			continue;
		}
		if (needs_rewrite(p, (size_t)(end - p), cp, &n) && *cp != '\n' && *cp != '\t')
			return (size_t)(p - (const unsigned char *)s);
		p += n;
	}
	return len;
}
