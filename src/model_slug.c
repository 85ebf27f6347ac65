/* Unique ids from names (see model_slug.h). */
#include "model_slug.h"

#include <stdlib.h>

#include "sbuf.h"
#include "xalloc.h"

/* Room left in a 64-character id for a "-NNNNNNN" suffix. */
#define SLUG_BASE_MAX 56

struct slug_count {
	char *base; /* the key in `next` */
	long next; /* the next suffix to try */
};

void slug_maker_init(struct slug_maker *s, const struct model *m)
{
	struct strmap empty = STRMAP_INIT;

	s->m = m;
	s->next = empty;
	s->counts = NULL;
	s->ncounts = s->counts_cap = 0;
	s->probes = 0;
}

void slug_maker_release(struct slug_maker *s)
{
	size_t i;

	for (i = 0; i < s->ncounts; i++) {
		free(s->counts[i]->base);
		free(s->counts[i]);
	}
	free(s->counts);
	strmap_clear(&s->next);
	s->counts = NULL;
	s->ncounts = s->counts_cap = 0;
}

static void base_of(const char *name, const char *fallback, struct sbuf *base)
{
	for (; name && *name && base->len < SLUG_BASE_MAX; name++) {
		unsigned char c = (unsigned char)*name;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			sbuf_addch(base, (char)c);
		else if (c >= 'A' && c <= 'Z')
			sbuf_addch(base, (char)(c - 'A' + 'a'));
		else if (base->len && base->buf[base->len - 1] != '-')
			sbuf_addch(base, '-');
	}
	while (base->len && base->buf[base->len - 1] == '-')
		sbuf_truncate(base, base->len - 1);
	if (!base->len)
		sbuf_addstr(base, fallback);
}

static bool taken(struct slug_maker *s, const char *id)
{
	s->probes++;
	return model_element(s->m, id) != NULL;
}

static struct slug_count *count_of(struct slug_maker *s, const char *base)
{
	struct slug_count *c = strmap_get(&s->next, base);

	if (c)
		return c;
	c = xmalloc(sizeof(*c));
	c->base = xstrdup(base);
	c->next = 2;
	s->counts = xgrow(s->counts, sizeof(*s->counts), s->ncounts + 1, &s->counts_cap);
	s->counts[s->ncounts++] = c;
	strmap_put(&s->next, c->base, c);
	return c;
}

char *slug_maker_make(struct slug_maker *s, const char *name, const char *fallback)
{
	struct sbuf base = SBUF_INIT, id = SBUF_INIT;
	struct slug_count *c;

	base_of(name, fallback, &base);
	c = strmap_get(&s->next, base.buf);
	if (!c && !taken(s, base.buf)) {
		count_of(s, base.buf);
		return sbuf_detach(&base);
	}
	c = count_of(s, base.buf);
	do {
		sbuf_reset(&id);
		sbuf_addf(&id, "%s-%ld", base.buf, c->next++);
	} while (taken(s, id.buf));
	sbuf_release(&base);
	return sbuf_detach(&id);
}
