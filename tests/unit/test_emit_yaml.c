/*
 * The YAML writer (emit_yaml.c) claims to write, byte for byte, what libyaml's emitter writes
 * for the same tree with the same settings (indent 2, no folding, Unicode). This test keeps the
 * claim honest with libyaml itself as the oracle: a corpus of awkward strings and thousands of
 * generated ones, alone and in generated trees of mappings and sequences, block and flow.
 *
 * The writer may choose to double-quote a string libyaml would write plain (so a YAML 1.1
 * reader cannot retype it); that choice is its own, so for each string the oracle is asked for
 * both styles and the writer must match the one it chose, exactly.
 */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "sbuf.h"
#include "treew.h"
#include "util.h"
#include "xalloc.h"

/* ---- the oracle: libyaml's emitter, set up as the writer describes itself ---- */

struct oracle {
	yaml_emitter_t emitter;
	struct sbuf out;
	bool failed;
};

static int collect(void *data, unsigned char *buffer, size_t size)
{
	sbuf_add(&((struct oracle *)data)->out, (const char *)buffer, size);
	return 1;
}

static void emit(struct oracle *o, yaml_event_t *ev)
{
	if (!o->failed && !yaml_emitter_emit(&o->emitter, ev))
		o->failed = true;
}

static void oracle_begin(struct oracle *o)
{
	yaml_event_t ev;

	memset(o, 0, sizeof(*o));
	sbuf_init(&o->out);
	assert_true(yaml_emitter_initialize(&o->emitter));
	yaml_emitter_set_output(&o->emitter, collect, o);
	yaml_emitter_set_unicode(&o->emitter, 1);
	yaml_emitter_set_width(&o->emitter, -1);
	yaml_emitter_set_indent(&o->emitter, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(o, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(o, &ev);
}

/* Ends the document; returns what libyaml wrote (the caller releases o->out). */
static const char *oracle_end(struct oracle *o)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	emit(o, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(o, &ev);
	yaml_emitter_delete(&o->emitter);
	return o->failed ? NULL : sbuf_str(&o->out);
}

static void oracle_scalar(struct oracle *o, const char *s, bool quoted)
{
	yaml_event_t ev;

	/* libyaml refuses a value that is not UTF-8 here, not when emitting */
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
					  quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
						 : YAML_ANY_SCALAR_STYLE)) {
		o->failed = true;
		return;
	}
	emit(o, &ev);
}

static void oracle_collection(struct oracle *o, bool map, bool flow)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_start_event_initialize(
		    &ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
						     flow ? YAML_FLOW_SEQUENCE_STYLE
							  : YAML_BLOCK_SEQUENCE_STYLE);
	emit(o, &ev);
}

static void oracle_close(struct oracle *o, bool map)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	emit(o, &ev);
}

/* ---- one string: the writer's choice of style, and both outputs ---- */

/* What the writer makes of `{k: s}`; NULL when it refuses (invalid UTF-8). New string. */
static char *writer_pair(const char *s)
{
	struct sbuf out = SBUF_INIT;
	struct tw *w = tw_new_yaml(&out);

	tw_map_begin(w, false);
	tw_kv_str(w, "k", s);
	tw_map_end(w);
	if (tw_finish(w)) {
		sbuf_release(&out);
		return NULL;
	}
	return sbuf_detach(&out);
}

/* What libyaml makes of `{k: s}` with the value's style given; NULL when it refuses. */
static char *oracle_pair(const char *s, bool quoted)
{
	struct oracle o;
	const char *text;
	char *copy;

	oracle_begin(&o);
	oracle_collection(&o, true, false);
	oracle_scalar(&o, "k", false);
	oracle_scalar(&o, s, quoted);
	oracle_close(&o, true);
	text = oracle_end(&o);
	copy = text ? xstrdup(text) : NULL;
	sbuf_release(&o.out);
	return copy;
}

static void show(const char *what, const char *s)
{
	const unsigned char *p;

	fprintf(stderr, "%s: \"", what);
	for (p = (const unsigned char *)s; p && *p; p++)
		fprintf(stderr, *p < 0x20 || *p >= 0x7f ? "\\x%02x" : "%c", *p);
	fprintf(stderr, "\"\n");
}

/* Checks one string; returns whether the writer quoted it (its own choice). */
static bool agree_on(const char *s)
{
	char *mine = writer_pair(s), *plain = oracle_pair(s, false), *quoted = oracle_pair(s, true);
	bool chose_quotes = mine && plain && strcmp(mine, plain) != 0;

	if ((mine == NULL) != (plain == NULL) ||
	    (mine && strcmp(mine, plain) != 0 && strcmp(mine, quoted) != 0)) {
		show("string", s);
		show("writer", mine ? mine : "(refused)");
		show("libyaml", plain ? plain : "(refused)");
		show("libyaml, double-quoted", quoted ? quoted : "(refused)");
		fail_msg("the YAML writer and libyaml disagree");
	}
	free(mine);
	free(plain);
	free(quoted);
	return chose_quotes;
}

static const char *const corpus[] = {
    "",
    " ",
    "plain",
    "two words",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "true",
    "False",
    "1",
    "-1",
    "+1",
    "1.5",
    ".5",
    "1e3",
    "0x1F",
    "0o17",
    "017",
    ".inf",
    "-.Inf",
    ".nan",
    "2026-12-04",
    "2026-12-04T10:00:00Z",
    "12:30",
    "1:30:00",
    "190:20:30",
    "-",
    "- item",
    "--",
    "---",
    "...",
    "a---",
    ": x",
    "a: b",
    "a:b",
    "key:",
    "#comment",
    "a #b",
    "a#b",
    " leading",
    "trailing ",
    "  ",
    "multi\nline",
    "\nleading break",
    "trailing break\n",
    "two\n\nbreaks",
    "tab\there",
    "\t",
    "carriage\rreturn",
    "ünïcödé",
    "日本語のテキスト",
    "emoji 🎉",
    "nel\xc2\x85here",
    "line\xe2\x80\xa8sep",
    "para\xe2\x80\xa9sep",
    "bom\xef\xbb\xbf",
    "nbsp\xc2\xa0",
    "'",
    "'quoted'",
    "\"",
    "\"double\"",
    "\\",
    "back\\slash",
    "@at",
    "`tick",
    "%percent",
    "!bang",
    "&anchor",
    "*alias",
    "|",
    ">",
    "?",
    "? q",
    "{",
    "}",
    "[",
    "]",
    ",",
    "a,b",
    "a[b]",
    "a{b}",
    "=",
    "<<",
    "control\x01char",
    "del\x7f",
    "esc\x1b[31m",
    "c1\xc2\x9b",
    "zero\xe2\x80\x8bwidth",
    "rlo\xe2\x80\xae",
    "bad\xff utf8",
    "overlong\xc0\xaf",
    "surrogate\xed\xa0\x80",
    "https://example.com/a?b=c#d",
    "T-0001",
    "payslip-fn",
    "Employee fetches a colleague's payslip by changing the employee id",
};

static void a_corpus_of_awkward_strings(void **state)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(corpus); i++)
		agree_on(corpus[i]);
}

/* ---- generated strings and trees ---- */

static unsigned long seed = 20261202;

static unsigned rnd(unsigned below)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((seed >> 33) % below);
}

/* Pieces strings are made of: what changes libyaml's choices, and plain text. */
static const char *const pieces[] = {
    "a",
    "b",
    "z",
    "0",
    "1",
    "9",
    " ",
    "  ",
    "-",
    ":",
    "#",
    ",",
    "?",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "\\",
    "|",
    ">",
    "!",
    "&",
    "*",
    "%",
    "@",
    "`",
    ".",
    "\n",
    "\t",
    "\r",
    "é",
    "日",
    "🎉",
    "\xc2\x85",
    "\xe2\x80\xa8",
    "\x01",
    "\x7f",
    "\xc2\xa0",
    "yes",
    "null",
    "~",
    "---",
};

static void generate(struct sbuf *sb)
{
	unsigned n = rnd(8), i;

	sbuf_reset(sb);
	for (i = 0; i < n; i++)
		sbuf_addstr(sb, pieces[rnd(ARRAY_SIZE(pieces))]);
}

static void generated_strings(void **state)
{
	struct sbuf sb = SBUF_INIT;
	int i;

	for (i = 0; i < 20000; i++) {
		generate(&sb);
		agree_on(sbuf_str(&sb));
	}
	sbuf_release(&sb);
}

/* Emits one generated value into both, the same way; `depth` bounds the nesting. */
static void value(struct tw *w, struct oracle *o, int depth, struct sbuf *sb)
{
	unsigned kind = depth > 3 ? 0 : rnd(4), n = rnd(4), i; /* empty collections too */
	bool flow = rnd(3) == 0, map = kind == 1;

	if (kind == 0 || kind == 3) { /* a scalar, half the time */
		generate(sb);
		oracle_scalar(o, sbuf_str(sb), agree_on(sbuf_str(sb)));
		tw_str(w, sbuf_str(sb));
		return;
	}
	oracle_collection(o, map, flow);
	if (map)
		tw_map_begin(w, flow);
	else
		tw_seq_begin(w, flow);
	for (i = 0; i < n; i++) {
		if (map) {
			char key[16];
			snprintf(key, sizeof(key), "key%u", i);
			oracle_scalar(o, key, false);
			tw_key(w, key);
		}
		value(w, o, depth + 1, sb);
	}
	oracle_close(o, map);
	if (map)
		tw_map_end(w);
	else
		tw_seq_end(w);
}

static void generated_trees(void **state)
{
	struct sbuf mine = SBUF_INIT, sb = SBUF_INIT;
	int i;

	for (i = 0; i < 2000; i++) {
		struct oracle o;
		struct tw *w;
		const char *want;
		int rc;
		sbuf_reset(&mine);
		w = tw_new_yaml(&mine);
		oracle_begin(&o);
		oracle_collection(&o, true, false); /* the writer's documents are mappings */
		tw_map_begin(w, false);
		oracle_scalar(&o, "root", false);
		tw_key(w, "root");
		value(w, &o, 0, &sb);
		oracle_close(&o, true);
		tw_map_end(w);
		rc = tw_finish(w);
		want = oracle_end(&o);
		if ((rc == 0) != (want != NULL) || (want && strcmp(sbuf_str(&mine), want) != 0)) {
			show("writer", sbuf_str(&mine));
			show("libyaml", want ? want : "(refused)");
			fail_msg("tree %d: the YAML writer and libyaml disagree", i);
		}
		sbuf_release(&o.out);
	}
	sbuf_release(&mine);
	sbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_corpus_of_awkward_strings),
	    cmocka_unit_test(generated_strings),
	    cmocka_unit_test(generated_trees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
