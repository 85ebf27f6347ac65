/* The tree writer's YAML backend, through libyaml's emitter (see treew.h). */
#include "treew.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "util.h"
#include "xalloc.h"

struct yaml_tw {
	struct tw base; /* first, so a struct tw * is a struct yaml_tw * */
	yaml_emitter_t emitter;
	int failed;
};

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	struct yaml_tw *y = data;

	sbuf_add(y->base.out, buffer, size);
	return 1;
}

static void emit(struct tw *w, yaml_event_t *ev)
{
	struct yaml_tw *y = (struct yaml_tw *)w;

	if (!y->failed && !yaml_emitter_emit(&y->emitter, ev))
		y->failed = 1;
}

static void map_begin(struct tw *w, bool flow)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
					    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	emit(w, &ev);
}

static void map_end(struct tw *w)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	emit(w, &ev);
}

static void seq_begin(struct tw *w, bool flow)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
					     flow ? YAML_FLOW_SEQUENCE_STYLE
						  : YAML_BLOCK_SEQUENCE_STYLE);
	emit(w, &ev);
}

static void seq_end(struct tw *w)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	emit(w, &ev);
}

/* Would a YAML 1.1 reader take this plain scalar for something other than a string? */
static bool looks_typed(const char *s)
{
	static const char *const words[] = { "", "~", "null", "true", "false", "yes", "no",
					     "on", "off", "y", "n" };
	char *end;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (!strcasecmp(s, words[i]))
			return true;
	strtod(s, &end);
	return *end == '\0' || s[0] == '.' || (s[0] == '0' && (s[1] == 'x' || s[1] == 'o'));
}

static void scalar(struct tw *w, const char *s, bool quoted)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
				     quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
					    : YAML_ANY_SCALAR_STYLE);
	emit(w, &ev);
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
	struct yaml_tw *y = (struct yaml_tw *)w;
	yaml_event_t ev;
	int rc;

	yaml_document_end_event_initialize(&ev, 1);
	emit(w, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(w, &ev);
	rc = y->failed ? -1 : 0;
	yaml_emitter_delete(&y->emitter);
	free(y);
	return rc;
}

static const struct tw_ops yaml_ops = {
	map_begin, map_end, seq_begin, seq_end, str, num, boolean, key, finish,
};

struct tw *tw_new_yaml(struct sbuf *out)
{
	struct yaml_tw *y = xcalloc(1, sizeof(*y));
	yaml_event_t ev;

	y->base.ops = &yaml_ops;
	y->base.out = out;
	if (!yaml_emitter_initialize(&y->emitter))
		die("out of memory starting the YAML emitter");
	yaml_emitter_set_output(&y->emitter, write_handler, y);
	yaml_emitter_set_unicode(&y->emitter, 1);
	yaml_emitter_set_width(&y->emitter, -1);
	yaml_emitter_set_indent(&y->emitter, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&y->base, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&y->base, &ev);
	return &y->base;
}
