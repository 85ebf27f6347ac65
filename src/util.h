/* Small string helpers shared by every layer. */
#ifndef SW_UTIL_H
#define SW_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

bool str_eq(const char *a, const char *b); /* NULL-safe: NULL equals only NULL */
bool str_empty(const char *s); /* NULL or "" */
bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);

/* An id: 1 to 64 of [a-z0-9-], starting with a letter or digit. */
bool slug_valid(const char *s);

/* Parses a whole decimal integer in [min, max]; returns 0 or -1. */
int parse_int(const char *s, long min, long max, long *out);

/* YYYY-MM-DD with a real calendar date. */
bool date_valid(const char *s);
/* Whether `s` has the shape of one (2027-02-30 has; "soon" has not), valid or not. */
bool date_shaped(const char *s);

/*
 * Decodes the well-formed, shortest-form UTF-8 character at `p` (at most `left` bytes, or up to
 * a NUL, which ends it as a bad byte would): returns its length and sets *cp, or returns 0 for
 * bytes that are not UTF-8 (a surrogate or a code point above U+10FFFF included).
 */
size_t utf8_decode(const unsigned char *p, size_t left, uint32_t *cp);

/* Display width of a UTF-8 string in terminal columns (wide characters count 2). */
int utf8_width(const char *s);

#endif
