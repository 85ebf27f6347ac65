/*
 * The JSON parser (see json.h). Recursive descent over the whole text, keeping line and column
 * as it goes so that every value and every error has a position without re-scanning. Strict:
 * no comments, no trailing commas, no duplicate keys, valid UTF-8 only, no NUL in strings.
 */
#include "json.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"
#include "xalloc.h"

/*
 * Every value, key and string of a tree lives in the chunks of one arena, freed at once with
 * the root: a model file of 100,000 cells is millions of small pieces, and allocating and
 * freeing each one cost more than reading them. Only the lists of items and members grow
 * with realloc and are freed one by one.
 */
#define CHUNK_SIZE (64 * 1024)

struct json_chunk {
	struct json_chunk *next;
	size_t used, cap;
	max_align_t data[]; /* cap bytes */
};

struct parser {
	const char *file;
	const char *p, *end;
	int line, col;
	int depth;
	size_t values;
	struct json_limits lim;
	struct sw_error *err;
	struct json_chunk *arena; /* the chunk being filled first, the older ones after it */
	struct sbuf scratch; /* a string being read, copied into the arena when it is whole */
};

/* `size` bytes from the arena, aligned for any value; zeroed. */
static void *arena_alloc(struct parser *ps, size_t size)
{
	struct json_chunk *c = ps->arena;
	size_t need = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	void *p;

	if (!c || c->cap - c->used < need) {
		size_t cap = need > CHUNK_SIZE / 4 ? need : CHUNK_SIZE;
		c = xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->cap = cap;
		if (need > CHUNK_SIZE / 4 &&
		    ps->arena) { /* a big piece: keep filling the current chunk */
			c->next = ps->arena->next;
			ps->arena->next = c;
		} else {
			c->next = ps->arena;
			ps->arena = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += need;
	memset(p, 0, size);
	return p;
}

static char *arena_strndup(struct parser *ps, const char *s, size_t n)
{
	char *copy = arena_alloc(ps, n + 1);

	memcpy(copy, s, n);
	return copy;
}

static void arena_free(struct json_chunk *c)
{
	while (c) {
		struct json_chunk *next = c->next;
		free(c);
		c = next;
	}
}

/* Objects with more members than this check for duplicate keys through a hash map. */
#define LINEAR_KEYS 8

static void advance(struct parser *ps, size_t n)
{
	const char *stop = ps->p + n;

	for (; ps->p < stop; ps->p++) {
		if (*ps->p == '\n') {
			ps->line++;
			ps->col = 1;
		} else if (((unsigned char)*ps->p & 0xC0) != 0x80) {
			ps->col++;
		}
	}
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when it is not valid. */
static size_t utf8_seq(const unsigned char *p, size_t avail)
{
	size_t n, i;
	unsigned char lo = 0x80, hi = 0xBF;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	if (avail < n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* What stands at the current position, for "found ..." in messages. */
static void describe(const struct parser *ps, struct sbuf *sb)
{
	unsigned char c;
	size_t n;

	if (ps->p >= ps->end) {
		sbuf_addstr(sb, "the end of the file");
		return;
	}
	c = (unsigned char)*ps->p;
	n = utf8_seq((const unsigned char *)ps->p, (size_t)(ps->end - ps->p));
	if (c == '\n' || c == '\r')
		sbuf_addstr(sb, "a line break");
	else if (c > 0x20 && c < 0x7f)
		sbuf_addf(sb, "'%c'", c);
	else if (c >= 0x80 && n > 1) {
		sbuf_addch(sb, '\'');
		sbuf_add(sb, ps->p, n);
		sbuf_addch(sb, '\'');
	} else
		sbuf_addf(sb, "byte 0x%02x", c);
}

static int fail_at(struct parser *ps, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail_at(struct parser *ps, int line, int col, const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	sw_error_at(ps->err, ps->file, line, col, "%s", sbuf_str(&sb));
	sbuf_release(&sb);
	return -1;
}

/* "expected WHAT, found X" at the current position. */
static int fail_expected(struct parser *ps, const char *what)
{
	struct sbuf found = SBUF_INIT;
	int rc;

	describe(ps, &found);
	rc = fail_at(ps, ps->line, ps->col, "expected %s, found %s", what, sbuf_str(&found));
	sbuf_release(&found);
	return rc;
}

static void skip_ws(struct parser *ps)
{
	const char *q = ps->p;

	while (q < ps->end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
		q++;
	advance(ps, (size_t)(q - ps->p));
}

static bool at(const struct parser *ps, char c)
{
	return ps->p < ps->end && *ps->p == c;
}

static struct json_value *value_new(struct parser *ps, enum json_type type)
{
	struct json_value *v = arena_alloc(ps, sizeof(*v));

	v->type = type;
	v->line = ps->line;
	v->col = ps->col;
	return v;
}

/* The lists of a tree; the values and strings go with the arena. */
static void free_lists(struct json_value *v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < v->nitems; i++)
		free_lists(v->items[i]);
	for (i = 0; i < v->nmembers; i++)
		free_lists(v->members[i].value);
	free(v->items);
	free(v->members);
}

void json_free(struct json_value *v)
{
	struct json_chunk *arena;

	if (!v)
		return;
	arena = v->arena;
	free_lists(v);
	arena_free(arena);
}

static void put_utf8(struct sbuf *sb, unsigned long cp)
{
	if (cp < 0x80) {
		sbuf_addch(sb, (char)cp);
	} else if (cp < 0x800) {
		sbuf_addch(sb, (char)(0xC0 | (cp >> 6)));
		sbuf_addch(sb, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		sbuf_addch(sb, (char)(0xE0 | (cp >> 12)));
		sbuf_addch(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sbuf_addch(sb, (char)(0x80 | (cp & 0x3F)));
	} else {
		sbuf_addch(sb, (char)(0xF0 | (cp >> 18)));
		sbuf_addch(sb, (char)(0x80 | ((cp >> 12) & 0x3F)));
		sbuf_addch(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		sbuf_addch(sb, (char)(0x80 | (cp & 0x3F)));
	}
}

/* Four hex digits after "\u" at p; returns the value or -1. */
static long hex4(const struct parser *ps, const char *p)
{
	long v = 0;
	int i;

	if (ps->end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		char c = p[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* A \uXXXX escape (with its low surrogate when it needs one) at the backslash. */
static int unicode_escape(struct parser *ps, struct sbuf *sb)
{
	long cp = hex4(ps, ps->p + 2), lo;

	if (cp < 0)
		return fail_at(ps, ps->line, ps->col, "\\u needs four hexadecimal digits");
	if (cp == 0)
		return fail_at(ps, ps->line, ps->col, "\\u0000 (NUL) is not allowed in a string");
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return fail_at(ps, ps->line, ps->col, "unpaired surrogate \\u%04lX in a string",
			       cp);
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		lo = ps->end - ps->p >= 12 && ps->p[6] == '\\' && ps->p[7] == 'u'
			 ? hex4(ps, ps->p + 8)
			 : -1;
		if (lo < 0xDC00 || lo > 0xDFFF)
			return fail_at(ps, ps->line, ps->col,
				       "unpaired surrogate \\u%04lX in a string", cp);
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		advance(ps, 6);
	}
	put_utf8(sb, (unsigned long)cp);
	advance(ps, 6);
	return 0;
}

static int escape(struct parser *ps, struct sbuf *sb)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit;
	struct sbuf what = SBUF_INIT;
	int rc;

	if (ps->end - ps->p < 2) {
		advance(ps, 1);
		return fail_expected(ps, "an escaped character after '\\'");
	}
	if (ps->p[1] == 'u')
		return unicode_escape(ps, sb);
	hit = ps->p[1] ? strchr(from, ps->p[1]) : NULL;
	if (hit) {
		sbuf_addch(sb, to[hit - from]);
		advance(ps, 2);
		return 0;
	}
	advance(ps, 1);
	describe(ps, &what);
	rc = fail_at(ps, ps->line, ps->col - 1, "invalid escape '\\' followed by %s in a string",
		     sbuf_str(&what));
	sbuf_release(&what);
	return rc;
}

/* Plain characters up to the next quote, backslash, control character or non-ASCII byte. */
static void plain_run(struct parser *ps, struct sbuf *sb)
{
	const char *q = ps->p;

	while (q < ps->end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20 &&
	       (unsigned char)*q < 0x80)
		q++;
	sbuf_add(sb, ps->p, (size_t)(q - ps->p));
	advance(ps, (size_t)(q - ps->p));
}

static int string_char(struct parser *ps, struct sbuf *sb)
{
	unsigned char c = (unsigned char)*ps->p;
	size_t n;

	if (c == '\\')
		return escape(ps, sb);
	if (c == '\n' || c == '\r')
		return fail_at(ps, ps->line, ps->col,
			       "line break in a string (write it as \\n, or close the string)");
	if (c < 0x20)
		return fail_at(ps, ps->line, ps->col,
			       "control character U+%04X in a string (escape it)", c);
	n = utf8_seq((const unsigned char *)ps->p, (size_t)(ps->end - ps->p));
	if (n == 0)
		return fail_at(ps, ps->line, ps->col, "invalid UTF-8 byte 0x%02x in a string", c);
	sbuf_add(sb, ps->p, n);
	advance(ps, n);
	return 0;
}

/* A string at the opening quote; *out gets a string in the arena. */
static int parse_string(struct parser *ps, char **out)
{
	int line = ps->line, col = ps->col;
	struct sbuf *sb = &ps->scratch;

	sbuf_reset(sb);
	advance(ps, 1);
	for (;;) {
		plain_run(ps, sb);
		if (ps->p >= ps->end)
			return fail_at(ps, line, col, "string is never closed");
		if (*ps->p == '"')
			break;
		if (string_char(ps, sb))
			return -1;
	}
	advance(ps, 1);
	*out = arena_strndup(ps, sb->buf, sb->len);
	return 0;
}

static const char *digits(const char *p, const char *end)
{
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	return p;
}

/* The end of a number per the JSON grammar, or NULL when the text there is not one. */
static const char *number_end(const char *p, const char *end)
{
	const char *d;

	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if ((d = digits(p, end)) > p)
		p = d;
	else
		return NULL;
	if (p < end && *p == '.') {
		if ((d = digits(p + 1, end)) == p + 1)
			return NULL;
		p = d;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if ((d = digits(p, end)) == p)
			return NULL;
		p = d;
	}
	return p;
}

/* The value of a well-formed number, computed by hand so that no locale can change it. */
static double number_value(const char *p, const char *end)
{
	double v = 0, scale = 1;
	bool neg = *p == '-';
	long e = 0;
	int esign = 1;

	p += neg;
	for (; p < end && *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (*p - '0');
	if (p < end && *p == '.')
		for (p++; p < end && *p >= '0' && *p <= '9'; p++)
			v += (*p - '0') * (scale /= 10);
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (*p == '+' || *p == '-')
			esign = *p++ == '-' ? -1 : 1;
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if (e < 1000)
				e = e * 10 + (*p - '0');
	}
	v *= pow(10, (double)(esign * e));
	return neg ? -v : v;
}

static int parse_number(struct parser *ps, struct json_value *v)
{
	const char *end = number_end(ps->p, ps->end), *tok = ps->p;

	/* A token that is not a number also takes its trailing letters and digits, for the message. */
	if (!end || (end < ps->end && strchr("0123456789.eE+-", *end) && *end)) {
		while (tok < ps->end && *tok && strchr("0123456789.eE+-abcdfxABCDFX", *tok))
			tok++;
		return fail_at(ps, ps->line, ps->col, "invalid number '%.*s'",
			       (int)(tok - ps->p > 40 ? 40 : tok - ps->p), ps->p);
	}
	v->text = arena_strndup(ps, ps->p, (size_t)(end - ps->p));
	v->number = number_value(ps->p, end);
	advance(ps, (size_t)(end - ps->p));
	return 0;
}

static int parse_word(struct parser *ps, struct json_value *v)
{
	const char *q = ps->p;
	size_t n;

	while (q < ps->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			       (*q >= '0' && *q <= '9') || *q == '_'))
		q++;
	n = (size_t)(q - ps->p);
	if (n == 4 && !memcmp(ps->p, "true", 4))
		v->type = JSON_BOOL, v->boolean = true;
	else if (n == 5 && !memcmp(ps->p, "false", 5))
		v->type = JSON_BOOL;
	else if (n == 4 && !memcmp(ps->p, "null", 4))
		v->type = JSON_NULL;
	else
		return fail_at(ps, ps->line, ps->col,
			       "unknown word '%.*s' (expected true, false or null)",
			       (int)(n > 40 ? 40 : n), ps->p);
	advance(ps, n);
	return 0;
}

static int parse_value(struct parser *ps, struct json_value **out);

static int enter(struct parser *ps)
{
	if (++ps->depth > ps->lim.max_depth)
		return fail_at(ps, ps->line, ps->col, "nesting deeper than %d levels",
			       ps->lim.max_depth);
	advance(ps, 1);
	skip_ws(ps);
	return 0;
}

/* After ',' the next item must follow, not the closing bracket. */
static int after_comma(struct parser *ps, char close)
{
	advance(ps, 1);
	skip_ws(ps);
	if (at(ps, close))
		return fail_at(ps, ps->line, ps->col, "trailing comma before '%c'", close);
	return 0;
}

static int parse_array(struct parser *ps, struct json_value *v)
{
	size_t cap = 0;

	if (enter(ps))
		return -1;
	if (at(ps, ']'))
		goto done;
	for (;;) {
		int rc;

		v->items = xgrow(v->items, sizeof(*v->items), v->nitems + 1, &cap);
		rc = parse_value(ps, &v->items[v->nitems]);
		v->nitems++; /* also a half-built item, so that json_free frees it */
		if (rc)
			return -1;
		skip_ws(ps);
		if (at(ps, ']'))
			break;
		if (!at(ps, ','))
			return fail_expected(ps, "',' or ']' after an array element");
		if (after_comma(ps, ']'))
			return -1;
	}
done:
	advance(ps, 1);
	ps->depth--;
	return 0;
}

/* Index of the member named `key` among the first n, or -1. */
static long find_key(const struct json_value *v, const struct strmap *keys, const char *key)
{
	size_t i;

	if (keys->count)
		return (long)(uintptr_t)strmap_get(keys, key) - 1;
	for (i = 0; i < v->nmembers; i++)
		if (str_eq(v->members[i].key, key))
			return (long)i;
	return -1;
}

static void index_key(struct json_value *v, struct strmap *keys)
{
	size_t i;

	if (v->nmembers < LINEAR_KEYS)
		return;
	if (keys->count == 0)
		for (i = 0; i < v->nmembers; i++)
			strmap_put(keys, v->members[i].key, (void *)(uintptr_t)(i + 1));
	else
		strmap_put(keys, v->members[v->nmembers - 1].key, (void *)(uintptr_t)v->nmembers);
}

/* One "key": value member, appended to v. */
static int parse_member(struct parser *ps, struct json_value *v, struct strmap *keys, size_t *cap)
{
	struct json_member mb = {NULL, ps->line, ps->col, NULL};
	long dup;

	if (!at(ps, '"'))
		return fail_expected(ps, v->nmembers ? "a string key" : "a string key or '}'");
	if (parse_string(ps, &mb.key))
		return -1;
	dup = find_key(v, keys, mb.key);
	if (dup >= 0) {
		fail_at(ps, mb.line, mb.col, "duplicate key '%s' (first at line %d, column %d)",
			mb.key, v->members[dup].line, v->members[dup].col);
		return -1;
	}
	v->members = xgrow(v->members, sizeof(*v->members), v->nmembers + 1, cap);
	v->members[v->nmembers++] = mb;
	index_key(v, keys);
	skip_ws(ps);
	if (!at(ps, ':'))
		return fail_expected(ps, "':' after the key");
	advance(ps, 1);
	skip_ws(ps);
	return parse_value(ps, &v->members[v->nmembers - 1].value);
}

static int parse_object(struct parser *ps, struct json_value *v)
{
	struct strmap keys = STRMAP_INIT;
	size_t cap = 0;
	int rc = -1;

	if (enter(ps))
		return -1;
	if (at(ps, '}'))
		goto done;
	for (;;) {
		if (parse_member(ps, v, &keys, &cap))
			goto out;
		skip_ws(ps);
		if (at(ps, '}'))
			break;
		if (!at(ps, ',')) {
			fail_expected(ps, "',' or '}' after an object member");
			goto out;
		}
		if (after_comma(ps, '}'))
			goto out;
	}
done:
	advance(ps, 1);
	ps->depth--;
	rc = 0;
out:
	strmap_clear(&keys);
	return rc;
}

static int parse_value(struct parser *ps, struct json_value **out)
{
	struct json_value *v;
	char c = ps->p < ps->end ? *ps->p : 0;
	int rc;

	*out = NULL;
	if (ps->p >= ps->end ||
	    !(strchr("{[\"-", c) || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	      (c >= 'A' && c <= 'Z')) ||
	    !c)
		return fail_expected(ps, "a value");
	if (++ps->values > ps->lim.max_values)
		return fail_at(ps, ps->line, ps->col, "more than %zu values", ps->lim.max_values);
	*out = v = value_new(ps, JSON_NULL);
	if (c == '{')
		v->type = JSON_OBJECT, rc = parse_object(ps, v);
	else if (c == '[')
		v->type = JSON_ARRAY, rc = parse_array(ps, v);
	else if (c == '"')
		v->type = JSON_STRING, rc = parse_string(ps, &v->text);
	else if (c == '-' || (c >= '0' && c <= '9'))
		v->type = JSON_NUMBER, rc = parse_number(ps, v);
	else
		rc = parse_word(ps, v);
	return rc;
}

int json_parse(const char *file, const char *text, size_t len, const struct json_limits *limits,
	       struct json_value **out, struct sw_error *err)
{
	static const struct json_limits defaults = JSON_LIMITS_DEFAULT;
	struct parser ps = {file, text, text + len, 1, 1, 0, 0, defaults, err, NULL, SBUF_INIT};
	struct json_value *root = NULL;

	*out = NULL;
	if (limits)
		ps.lim = *limits;
	if (len > ps.lim.max_bytes)
		return sw_error_at(err, file, 0, 0, "larger than %zu bytes", ps.lim.max_bytes);
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		ps.p += 3;
	skip_ws(&ps);
	if (parse_value(&ps, &root) == 0) {
		skip_ws(&ps);
		if (ps.p >= ps.end) {
			root->arena = ps.arena;
			sbuf_release(&ps.scratch);
			*out = root;
			return 0;
		}
		fail_expected(&ps, "the end of the file after the JSON value");
	}
	free_lists(root);
	arena_free(ps.arena);
	sbuf_release(&ps.scratch);
	return -1;
}

const char *json_type_name(enum json_type t)
{
	static const char *const names[] = {"null",   "boolean", "number",
					    "string", "array",   "object"};

	return names[t];
}

const struct json_value *json_get(const struct json_value *object, const char *key)
{
	size_t i;

	if (!object || object->type != JSON_OBJECT)
		return NULL;
	/* the first byte first: importers look up many keys an object does not have */
	for (i = 0; i < object->nmembers; i++)
		if (object->members[i].key[0] == key[0] && !strcmp(object->members[i].key, key))
			return object->members[i].value;
	return NULL;
}

const struct json_value *json_path(const struct json_value *v, ...)
{
	const char *key;
	va_list ap;

	va_start(ap, v);
	while (v && (key = va_arg(ap, const char *)) != NULL)
		v = json_get(v, key);
	va_end(ap);
	return v;
}

const char *json_str(const struct json_value *v)
{
	return v && v->type == JSON_STRING ? v->text : NULL;
}

const char *json_get_str(const struct json_value *object, const char *key)
{
	return json_str(json_get(object, key));
}

bool json_get_bool(const struct json_value *object, const char *key)
{
	const struct json_value *v = json_get(object, key);

	return v && v->type == JSON_BOOL && v->boolean;
}

double json_get_num(const struct json_value *object, const char *key, double fallback)
{
	const struct json_value *v = json_get(object, key);

	return v && v->type == JSON_NUMBER ? v->number : fallback;
}

/* "a string or a number": the types of `types` for people, null left out. */
static void expected_types(unsigned types, struct sbuf *out)
{
	static const char *const words[] = {"null",     "true or false", "a number",
					    "a string", "a list",        "an object"};
	int t, listed = 0;

	for (t = JSON_BOOL; t <= JSON_OBJECT; t++)
		if (types & JSON_TYPE(t))
			sbuf_addf(out, "%s%s", listed++ ? " or " : "", words[t]);
}

int json_member(const char *file, const struct json_value *object, const char *key, unsigned types,
		const struct json_value **out, struct sw_error *err)
{
	const struct json_value *v = json_get(object, key);
	struct sbuf want = SBUF_INIT;

	*out = NULL;
	if (!v || (v->type == JSON_NULL && (types & JSON_TYPE(JSON_NULL))))
		return 0;
	if (types & JSON_TYPE(v->type)) {
		*out = v;
		return 0;
	}
	expected_types(types, &want);
	sw_error_at(err, file, v->line, v->col, "'%s' must be %s, not %s", key, sbuf_str(&want),
		    json_type_name(v->type));
	sbuf_release(&want);
	return -1;
}

int json_check(const char *file, const struct json_value *object, const struct json_rule *rules,
	       size_t n, struct sw_error *err)
{
	const struct json_value *v;
	size_t i, k;

	/* member by member, in file order: objects have fewer members than the rules have keys */
	for (i = 0; object && object->type == JSON_OBJECT && i < object->nmembers; i++) {
		const char *key = object->members[i].key;
		for (k = 0; k < n; k++)
			if (rules[k].key[0] == key[0] && !strcmp(rules[k].key, key))
				break;
		if (k < n && json_member(file, object, key, rules[k].types, &v, err))
			return -1;
	}
	return 0;
}
