/* A growable string buffer: every string built at run time goes through one of these. */
#ifndef SW_SBUF_H
#define SW_SBUF_H

#include <stdarg.h>
#include <stddef.h>

struct sbuf {
	char *buf; /* always NUL-terminated and never NULL: "" until something is added */
	size_t len;
	size_t cap; /* 0 while buf is the shared empty string, which is never freed or written */
};

/* The empty string every unused sbuf points at, so reading .buf is always safe. */
extern char sbuf_empty[1];

#define SBUF_INIT                                                                                  \
	{                                                                                          \
		sbuf_empty, 0, 0                                                                   \
	}

void sbuf_init(struct sbuf *sb);
void sbuf_release(struct sbuf *sb);
void sbuf_reset(struct sbuf *sb); /* empty it, keep the memory */
void sbuf_grow(struct sbuf *sb, size_t extra);
void sbuf_add(struct sbuf *sb, const void *data, size_t len);
void sbuf_addstr(struct sbuf *sb, const char *s);
void sbuf_addch(struct sbuf *sb, char c);
void sbuf_addlong(struct sbuf *sb, long n); /* in decimal, without the format machinery */
void sbuf_addf(struct sbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vaddf(struct sbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void sbuf_truncate(struct sbuf *sb, size_t len);

/* Returns the buffer as a new string the caller frees with free(); the sbuf is left empty. */
char *sbuf_detach(struct sbuf *sb);

/* Borrowed view of the contents; valid until the next change to the sbuf. */
static inline const char *sbuf_str(const struct sbuf *sb)
{
	return sb->buf ? sb->buf : ""; /* a zero-filled struct sbuf has no buffer yet */
}

#endif
