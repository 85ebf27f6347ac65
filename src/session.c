/* Sessions, agenda phases and their timers (see session.h). */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

static const struct {
	const char *name;
	int minutes;
} default_agenda[] = {
    {"context", 10},
    {"walk", 35},
    {"prioritise", 10},
    {"wrap-up", 5},
};

struct session *session_new(long number, const char *mode, const char *started)
{
	struct session *s = xcalloc(1, sizeof(*s));
	size_t i;

	s->number = number;
	s->mode = xstrdup(mode ? mode : "workshop");
	s->started = xstrdup(started);
	for (i = 0; i < ARRAY_SIZE(default_agenda); i++)
		session_add_phase(s, default_agenda[i].name, default_agenda[i].minutes);
	return s;
}

void session_add_phase(struct session *s, const char *name, int timebox_min)
{
	struct phase *p;

	s->phases = xgrow(s->phases, sizeof(*s->phases), s->nphases + 1, &s->phases_cap);
	p = &s->phases[s->nphases++];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	p->timebox_min = timebox_min;
}

static void phases_clear(struct session *s)
{
	size_t i;

	for (i = 0; i < s->nphases; i++) {
		free(s->phases[i].name);
		free(s->phases[i].started);
		free(s->phases[i].ended);
	}
	free(s->phases);
	s->phases = NULL;
	s->nphases = s->phases_cap = 0;
}

struct session *session_dup(const struct session *src)
{
	struct session *s = xcalloc(1, sizeof(*s));
	size_t i;

	s->number = src->number;
	s->mode = xstrdup(src->mode);
	s->facilitator = xstrdup(src->facilitator);
	s->started = xstrdup(src->started);
	s->ended = xstrdup(src->ended);
	s->notes = xstrdup(src->notes);
	for (i = 0; i < src->nphases; i++) {
		session_add_phase(s, src->phases[i].name, src->phases[i].timebox_min);
		s->phases[i].started = xstrdup(src->phases[i].started);
		s->phases[i].ended = xstrdup(src->phases[i].ended);
	}
	strlist_copy(&s->people, &src->people);
	strlist_copy(&s->packs, &src->packs);
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	phases_clear(s);
	free(s->mode);
	free(s->facilitator);
	free(s->started);
	free(s->ended);
	free(s->notes);
	strlist_clear(&s->people);
	strlist_clear(&s->packs);
	free(s);
}

struct phase *session_phase(struct session *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nphases; i++)
		if (str_eq(s->phases[i].name, name))
			return &s->phases[i];
	return NULL;
}

struct phase *session_current_phase(const struct session *s)
{
	size_t i;

	for (i = 0; i < s->nphases; i++)
		if (s->phases[i].started && !s->phases[i].ended)
			return &s->phases[i];
	return NULL;
}

int iso_time_parse(const char *s, time_t *out)
{
	struct tm tm;
	char z = 0;

	memset(&tm, 0, sizeof(tm));
	if (!s ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z) != 7 ||
	    z != 'Z')
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*out = timegm(&tm);
	return 0;
}

long phase_remaining(const struct phase *p, time_t now)
{
	time_t start;

	if (!p->started || iso_time_parse(p->started, &start))
		return 0;
	return (long)p->timebox_min * 60 - (long)(now - start);
}

struct review_mark *review_mark_dup(const struct review_mark *src)
{
	struct review_mark *r = xcalloc(1, sizeof(*r));

	r->subject = xstrdup(src->subject);
	r->comment = xstrdup(src->comment);
	r->who = xstrdup(src->who);
	r->at = xstrdup(src->at);
	return r;
}

void review_mark_free(struct review_mark *r)
{
	if (!r)
		return;
	free(r->subject);
	free(r->comment);
	free(r->who);
	free(r->at);
	free(r);
}
