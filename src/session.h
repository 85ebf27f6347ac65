/*
 * Workshop sessions: who facilitated, the agenda's phases with timeboxes and actual times, and
 * review marks a security champion leaves. Pure: times are ISO 8601 strings or time_t passed in.
 */
#ifndef SW_SESSION_H
#define SW_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "strlist.h"

struct phase {
	char *name; /* "context", "walk", "prioritise", "wrap-up" or the team's own */
	int timebox_min; /* planned minutes */
	char *started; /* ISO 8601 UTC, or NULL when not started */
	char *ended; /* ISO 8601 UTC, or NULL while running / not started */
};

struct session {
	long number; /* 1, 2, ... in the order sessions were held */
	char *mode; /* "workshop" or "review" */
	char *facilitator;
	char *started;
	char *ended;
	char *notes;
	struct phase *phases;
	size_t nphases, phases_cap;
	struct strlist people; /* who took part, by participant name */
	struct strlist packs; /* the questionnaire packs it asks; empty: every pack */
};

/* A review mark: the champion looked at `subject` ("threat:T-0001", "cell:fn/S", ...). */
struct review_mark {
	char *subject;
	char *comment;
	char *who;
	char *at;
};

/* Returns a new session with the default agenda (context 10, walk 35, prioritise 10,
 * wrap-up 5 minutes); free with session_free(). */
struct session *session_new(long number, const char *mode, const char *started);
struct session *session_dup(const struct session *s);
void session_free(struct session *s);
void session_add_phase(struct session *s, const char *name, int timebox_min);
struct phase *session_phase(struct session *s, const char *name); /* borrowed, or NULL */

/* The running phase (started, not ended), or NULL. */
struct phase *session_current_phase(const struct session *s);

/* Seconds left in a phase at `now` (negative once it runs over); 0 when not started. */
long phase_remaining(const struct phase *p, time_t now);

/* Parses YYYY-MM-DDTHH:MM:SSZ; returns -1 when malformed. */
int iso_time_parse(const char *s, time_t *out);

struct review_mark *review_mark_dup(const struct review_mark *r);
void review_mark_free(struct review_mark *r);

#endif
