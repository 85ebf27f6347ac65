/* The tree writer's format-independent half: dispatch and key/value helpers (see treew.h). */
#include "treew.h"

#include "util.h"

int tw_finish(struct tw *w)
{
	return w->ops->finish(w);
}

void tw_map_begin(struct tw *w, bool flow)
{
	w->ops->map_begin(w, flow);
}

void tw_map_end(struct tw *w)
{
	w->ops->map_end(w);
}

void tw_seq_begin(struct tw *w, bool flow)
{
	w->ops->seq_begin(w, flow);
}

void tw_seq_end(struct tw *w)
{
	w->ops->seq_end(w);
}

void tw_str(struct tw *w, const char *s)
{
	w->ops->str(w, s ? s : "");
}

static void tw_int(struct tw *w, long v)
{
	w->ops->num(w, v);
}

void tw_bool(struct tw *w, bool v)
{
	w->ops->boolean(w, v);
}

void tw_key(struct tw *w, const char *k)
{
	w->ops->key(w, k);
}

void tw_kv_str(struct tw *w, const char *key, const char *value)
{
	tw_key(w, key);
	tw_str(w, value);
}

void tw_kv_str_opt(struct tw *w, const char *key, const char *value)
{
	if (!str_empty(value))
		tw_kv_str(w, key, value);
}

void tw_kv_int(struct tw *w, const char *key, long value)
{
	tw_key(w, key);
	tw_int(w, value);
}

void tw_kv_bool(struct tw *w, const char *key, bool value)
{
	tw_key(w, key);
	tw_bool(w, value);
}

void tw_kv_true_opt(struct tw *w, const char *key, bool value)
{
	if (value)
		tw_kv_bool(w, key, true);
}

void tw_kv_list_opt(struct tw *w, const char *key, const struct strlist *list, bool flow)
{
	size_t i;

	if (!list->count)
		return;
	tw_key(w, key);
	tw_seq_begin(w, flow);
	for (i = 0; i < list->count; i++)
		tw_str(w, list->items[i]);
	tw_seq_end(w);
}
