/* Running sessions: starting one, moving through the agenda, notes, and review marks. */
#include <stdlib.h>

#include "app_internal.h"
#include "clock.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

static int write_session(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_session(app->db, arg, err);
}

/* Swaps the committed session (save_session's to give) into the model. */
static void apply_session(struct app *app, const void *arg)
{
	struct session *s = (struct session *)arg;
	size_t i;

	model_index_touch(&app->index);
	for (i = 0; i < app->model->nsessions; i++) {
		if (app->model->sessions[i]->number == s->number) {
			session_free(app->model->sessions[i]);
			app->model->sessions[i] = s;
			return;
		}
	}
	model_add_session(app->model, s);
}

/* Saves `s` (a changed copy of a session, or a new one) and takes it. */
static int save_session(struct app *app, struct session *s, const char *action, const char *summary,
			struct sw_error *err)
{
	if (app_change(app, action, summary, write_session, apply_session, s, err)) {
		session_free(s);
		return -1;
	}
	return 0;
}

/* A new session after the last one, with the default agenda; or NULL when one is running. */
static struct session *new_session(const struct model *m, const char *mode, const char *facilitator,
				   struct sw_error *err)
{
	long next = m->nsessions ? m->sessions[m->nsessions - 1]->number + 1 : 1;
	char *now;
	struct session *s;

	if (model_current_session(m)) {
		sw_error(err, "session %ld is still running; end it first",
			 model_current_session(m)->number);
		return NULL;
	}
	now = clock_now_iso();
	s = session_new(next, mode, now);
	free(now);
	s->facilitator = xstrdup(facilitator);
	return s;
}

int app_start_session(struct app *app, const char *mode, const char *facilitator, long *number,
		      struct sw_error *err)
{
	struct session *s = new_session(app->model, mode, facilitator, err);
	struct sbuf summary = SBUF_INIT;
	long n;
	int rc;

	if (!s)
		return -1;
	n = s->number;
	sbuf_addf(&summary, "start %s session %ld", s->mode, n);
	rc = save_session(app, s, "session", summary.buf, err);
	sbuf_release(&summary);
	if (rc == 0 && number)
		*number = n;
	return rc;
}

/* Ends the running phase of `s` and starts (or continues) `next`. */
static void move_to_phase(struct session *s, struct phase *next)
{
	char *now = clock_now_iso();
	struct phase *running = session_current_phase(s);

	if (running && running != next) {
		free(running->ended);
		running->ended = xstrdup(now);
	}
	/* Re-entering a phase continues its clock rather than restarting it. */
	free(next->ended);
	next->ended = NULL;
	if (!next->started)
		next->started = xstrdup(now);
	free(now);
}

int app_set_phase(struct app *app, const char *name, const char *mode, const char *facilitator,
		  struct sw_error *err)
{
	struct session *cur = model_current_session(app->model), *s;
	struct phase *next;
	struct sbuf summary = SBUF_INIT;
	int rc;

	s = cur ? session_dup(cur) : new_session(app->model, mode, facilitator, err);
	if (!s)
		return -1;
	if (!(next = session_phase(s, name))) {
		session_free(s);
		return sw_error(err, "no phase '%s' on the agenda", name);
	}
	move_to_phase(s, next);
	if (!cur)
		sbuf_addf(&summary, "start %s session %ld, ", s->mode, s->number);
	sbuf_addf(&summary, "phase %s", name);
	rc = save_session(app, s, "phase", summary.buf, err);
	sbuf_release(&summary);
	return rc;
}

int app_end_session(struct app *app, struct sw_error *err)
{
	struct session *cur = model_current_session(app->model), *s;
	struct phase *running;

	if (!cur)
		return sw_error(err, "no session is running");
	s = session_dup(cur);
	s->ended = clock_now_iso();
	if ((running = session_current_phase(s)))
		running->ended = xstrdup(s->ended);
	return save_session(app, s, "session", "end the session", err);
}

int app_set_session_notes(struct app *app, const char *notes, struct sw_error *err)
{
	struct session *cur = model_current_session(app->model), *s;

	if (!cur)
		return sw_error(err, "no session is running");
	s = session_dup(cur);
	free(s->notes);
	s->notes = xstrdup(notes);
	return save_session(app, s, "session", "session notes", err);
}

/* Review marks written together: every subject gets the same comment, who and when. */
struct review_batch {
	const struct strlist *subjects;
	struct review_mark mark; /* subject set per row */
};

static int write_reviews(struct app *app, const void *arg, struct sw_error *err)
{
	const struct review_batch *b = arg;
	struct review_mark r = b->mark;
	size_t i;

	for (i = 0; i < b->subjects->count; i++) {
		r.subject = b->subjects->items[i];
		if (db_put_review(app->db, &r, err))
			return -1;
	}
	return 0;
}

static void remember_review(struct model *m, const struct review_mark *r)
{
	struct review_mark *old = model_review(m, r->subject);

	if (!old) {
		model_add_review(m, review_mark_dup(r));
		return;
	}
	free(old->comment);
	free(old->who);
	free(old->at);
	old->comment = xstrdup(r->comment);
	old->who = xstrdup(r->who);
	old->at = xstrdup(r->at);
}

static void apply_reviews(struct app *app, const void *arg)
{
	const struct review_batch *b = arg;
	struct review_mark r = b->mark;
	size_t i;

	for (i = 0; i < b->subjects->count; i++) {
		r.subject = b->subjects->items[i];
		remember_review(app->model, &r);
	}
	model_index_touch(&app->index);
}

int app_review_marks(struct app *app, const struct strlist *subjects, const char *comment,
		     struct sw_error *err)
{
	struct review_batch b = {subjects, {NULL, (char *)comment, app->who, NULL}};
	struct sbuf summary = SBUF_INIT;
	size_t i;
	int rc;

	if (subjects->count == 0)
		return sw_error(err, "nothing to mark as reviewed");
	for (i = 0; i < subjects->count; i++)
		if (str_empty(subjects->items[i]))
			return sw_error(err, "nothing to mark as reviewed");
	b.mark.at = clock_now_iso();
	sbuf_addstr(&summary, "review ");
	for (i = 0; i < subjects->count; i++)
		sbuf_addf(&summary, "%s%s", i ? ", " : "", subjects->items[i]);
	rc = app_change(app, "review", summary.buf, write_reviews, apply_reviews, &b, err);
	sbuf_release(&summary);
	free(b.mark.at);
	return rc;
}

int app_review_mark(struct app *app, const char *subject, const char *comment, struct sw_error *err)
{
	struct strlist one = STRLIST_INIT;
	int rc;

	strlist_push(&one, subject ? subject : "");
	rc = app_review_marks(app, &one, comment, err);
	strlist_clear(&one);
	return rc;
}
