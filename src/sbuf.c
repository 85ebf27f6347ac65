/* Growable string buffer (see sbuf.h). */
#include "sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char sbuf_empty[1];

void sbuf_init(struct sbuf *sb)
{
	sb->buf = sbuf_empty;
	sb->len = 0;
	sb->cap = 0;
}

void sbuf_release(struct sbuf *sb)
{
	if (sb->cap)
		free(sb->buf);
	sb->buf = sbuf_empty;
	sb->len = sb->cap = 0;
}

void sbuf_reset(struct sbuf *sb)
{
	sbuf_truncate(sb, 0);
}

void sbuf_grow(struct sbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 < sb->len)
		die("string too large");
	sb->buf = xgrow(sb->cap ? sb->buf : NULL, 1, sb->len + extra + 1, &sb->cap);
	sb->buf[sb->len] = '\0';
}

void sbuf_add(struct sbuf *sb, const void *data, size_t len)
{
	/* Writers append millions of short pieces: grow only when the room runs out. */
	if (sb->cap - sb->len <= len || !sb->cap)
		sbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void sbuf_addstr(struct sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

void sbuf_addch(struct sbuf *sb, char c)
{
	if (sb->cap - sb->len <= 1 || !sb->cap)
		sbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void sbuf_addlong(struct sbuf *sb, long n)
{
	char digits[24];
	size_t k = sizeof(digits);
	unsigned long u = n < 0 ? 0ul - (unsigned long)n : (unsigned long)n;

	do
		digits[--k] = (char)('0' + u % 10);
	while ((u /= 10) && k > 1);
	if (n < 0)
		digits[--k] = '-';
	sbuf_add(sb, digits + k, sizeof(digits) - k);
}

void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	sbuf_grow(sb, 64);
	va_copy(copy, ap);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, copy);
	va_end(copy);
	if (n < 0)
		die("bad format string");
	if ((size_t)n >= sb->cap - sb->len) {
		sbuf_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void sbuf_addf(struct sbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sbuf_truncate(struct sbuf *sb, size_t len)
{
	if (len > sb->len)
		return;
	sb->len = len;
	if (sb->cap)
		sb->buf[len] = '\0';
}

char *sbuf_detach(struct sbuf *sb)
{
	char *s;

	if (!sb->cap)
		sbuf_grow(sb, 0);
	s = sb->buf;
	sbuf_init(sb);
	return s;
}
