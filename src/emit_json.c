/*
 * The tree writer's JSON backend (see treew.h): two-space indentation, one member per line,
 * short lists of strings on one line, every string escaped for JSON (RFC 8259) and for the
 * YAML reader that imports it again.
 */
#include "treew.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"
#include "xalloc.h"

#define JSON_MAX_DEPTH 64

struct json_tw {
	struct tw base; /* first, so a struct tw * is a struct json_tw * */
	int depth;
	bool first[JSON_MAX_DEPTH]; /* no member written yet at this depth */
	bool flow[JSON_MAX_DEPTH]; /* this container is written on one line */
	bool after_key; /* the next value follows "key": */
	int failed;
};

/*
 * Characters JSON allows raw but a YAML reader (which `import` is) refuses or reads as a line
 * break: C1 controls (NEL among them), U+2028, U+2029, a BOM inside text, U+FFFE and U+FFFF.
 * Escaped, the export imports back to the same strings; raw, it would not.
 */
static bool escape_for_yaml(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff ||
	       cp == 0xfffe || cp == 0xffff;
}

/* Returns -1 for text that is not UTF-8, which JSON cannot carry. */
static int json_string(struct sbuf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	int n;

	sbuf_addch(out, '"');
	while (*p) {
		unsigned char c = *p;
		const unsigned char *run = p;
		/* most text needs nothing: copied a run at a time */
		while (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\')
			p++;
		if (p > run) {
			sbuf_add(out, run, (size_t)(p - run));
			continue;
		}
		if (c >= 0x80) {
			if (!(n = (int)utf8_decode(p, 4, &cp))) /* a NUL stops it */
				return -1;
			if (escape_for_yaml(cp))
				sbuf_addf(out, "\\u%04x", (unsigned)cp);
			else
				sbuf_add(out, p, (size_t)n);
			p += n;
			continue;
		}
		if (c == '"' || c == '\\')
			sbuf_addf(out, "\\%c", c);
		else if (c == '\n')
			sbuf_addstr(out, "\\n");
		else if (c == '\t')
			sbuf_addstr(out, "\\t");
		else if (c == '\r')
			sbuf_addstr(out, "\\r");
		else if (c < 0x20 || c == 0x7f)
			sbuf_addf(out, "\\u%04x", c);
		else
			sbuf_addch(out, (char)c);
		p++;
	}
	sbuf_addch(out, '"');
	return 0;
}

static void newline(struct json_tw *j)
{
	int i;

	sbuf_addch(j->base.out, '\n');
	for (i = 0; i < j->depth; i++)
		sbuf_addstr(j->base.out, "  ");
}

/* Separator and indentation before a value or a key. */
static void before_item(struct json_tw *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (!j->first[j->depth])
		sbuf_addch(j->base.out, ',');
	j->first[j->depth] = false;
	if (j->flow[j->depth])
		sbuf_addstr(j->base.out, j->base.out->buf[j->base.out->len - 1] == ',' ? " " : "");
	else
		newline(j);
}

static void open_container(struct tw *w, char c, bool flow)
{
	struct json_tw *j = (struct json_tw *)w;

	before_item(j);
	sbuf_addch(w->out, c);
	if (j->depth + 1 >= JSON_MAX_DEPTH) {
		j->failed = 1;
		return;
	}
	j->depth++;
	j->first[j->depth] = true;
	j->flow[j->depth] = flow || j->flow[j->depth - 1];
}

static void close_container(struct tw *w, char c)
{
	struct json_tw *j = (struct json_tw *)w;
	bool empty = j->first[j->depth], flow = j->flow[j->depth];

	j->depth--;
	if (!empty && !flow)
		newline(j);
	sbuf_addch(w->out, c);
}

static void map_begin(struct tw *w, bool flow)
{
	open_container(w, '{', flow);
}

static void map_end(struct tw *w)
{
	close_container(w, '}');
}

static void seq_begin(struct tw *w, bool flow)
{
	open_container(w, '[', flow);
}

static void seq_end(struct tw *w)
{
	close_container(w, ']');
}

static void str(struct tw *w, const char *s)
{
	before_item((struct json_tw *)w);
	if (json_string(w->out, s))
		((struct json_tw *)w)->failed = 1;
}

static void num(struct tw *w, long v)
{
	before_item((struct json_tw *)w);
	sbuf_addf(w->out, "%ld", v);
}

static void boolean(struct tw *w, bool v)
{
	before_item((struct json_tw *)w);
	sbuf_addstr(w->out, v ? "true" : "false");
}

static void key(struct tw *w, const char *k)
{
	struct json_tw *j = (struct json_tw *)w;

	before_item(j);
	if (json_string(w->out, k))
		j->failed = 1;
	sbuf_addstr(w->out, ": ");
	j->after_key = true;
}

static int finish(struct tw *w)
{
	struct json_tw *j = (struct json_tw *)w;
	int rc = j->failed || j->depth != 0 ? -1 : 0;

	sbuf_addch(w->out, '\n');
	free(j);
	return rc;
}

static const struct tw_ops json_ops = {
    map_begin, map_end, seq_begin, seq_end, str, num, boolean, key, finish,
};

struct tw *tw_new_json(struct sbuf *out)
{
	struct json_tw *j = xcalloc(1, sizeof(*j));

	j->base.ops = &json_ops;
	j->base.out = out;
	return &j->base;
}
