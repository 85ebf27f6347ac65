/*
 * A tree writer: mappings, lists and scalars, written as YAML (emit_yaml.c, which writes what
 * libyaml's emitter would, checked against libyaml by tests/unit/test_emit_yaml.c) or as JSON. The model writer drives either, so both formats carry the
 * same content in the same order.
 */
#ifndef SW_TREEW_H
#define SW_TREEW_H

#include <stdbool.h>

#include "sbuf.h"
#include "strlist.h"

struct tw;

/* The backend's operations (emit_yaml.c, emit_json.c). */
struct tw_ops {
	void (*map_begin)(struct tw *w, bool flow);
	void (*map_end)(struct tw *w);
	void (*seq_begin)(struct tw *w, bool flow);
	void (*seq_end)(struct tw *w);
	void (*str)(struct tw *w, const char *s);
	void (*num)(struct tw *w, long v);
	void (*boolean)(struct tw *w, bool v);
	void (*key)(struct tw *w, const char *k);
	int (*finish)(struct tw *w);
};

struct tw {
	const struct tw_ops *ops;
	struct sbuf *out;
};

/* Each returns a new writer appending to `out` (borrowed until tw_finish). */
struct tw *tw_new_yaml(struct sbuf *out);
struct tw *tw_new_json(struct sbuf *out);
/* Ends the document and frees the writer; returns 0, or -1 if the backend refused something. */
int tw_finish(struct tw *w);

void tw_map_begin(struct tw *w, bool flow);
void tw_map_end(struct tw *w);
void tw_seq_begin(struct tw *w, bool flow);
void tw_seq_end(struct tw *w);
void tw_str(struct tw *w, const char *s);
void tw_bool(struct tw *w, bool v);
void tw_key(struct tw *w, const char *k);

/* Key/value helpers for mappings; the _opt forms write nothing for NULL, false or empty. */
void tw_kv_str(struct tw *w, const char *key, const char *value);
void tw_kv_str_opt(struct tw *w, const char *key, const char *value);
void tw_kv_int(struct tw *w, const char *key, long value);
void tw_kv_bool(struct tw *w, const char *key, bool value);
void tw_kv_true_opt(struct tw *w, const char *key, bool value);
void tw_kv_list_opt(struct tw *w, const char *key, const struct strlist *list, bool flow);

#endif
