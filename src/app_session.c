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

void app_put_session_in_model(struct model *m, struct session *s)
{
	size_t i;

	for (i = 0; i < m->nsessions; i++) {
		if (m->sessions[i]->number == s->number) {
			session_free(m->sessions[i]);
			m->sessions[i] = s;
			return;
		}
	}
	model_add_session(m, s);
}

/* Takes the committed session (save_session's to give). */
static void apply_session(struct app *app, const void *arg)
{
	app_put_session_in_model(app->model, (struct session *)arg);
	model_index_touch(&app->index);
}

/* ---- where the room was ---- */

/*
 * Where the room is. A change of speaker is written at once; a move to another cell (most
 * key presses) only in memory, and written with the next change of the work, or when the
 * model is closed: a write per move would fill the write-ahead log that every change then
 * waits for the disk to take.
 */
static void keep_room(struct app *app, const char *speaker, const char *element, char letter,
		      bool now)
{
	const struct session *s = model_current_session(app->model);
	struct db_room next = {0, NULL, NULL, letter};

	if (!s || db_is_readonly(app->db))
		return;
	if (s->number != app->room.session || !str_eq(speaker, app->room.speaker) ||
	    !str_eq(element, app->room.element) || letter != app->room.letter) {
		next.session = s->number;
		next.speaker = xstrdup(speaker);
		next.element = xstrdup(element);
		db_room_release(&app->room);
		app->room = next;
		app->room_unsaved = true;
	}
	if (now)
		app_save_room(app);
}

void app_save_room(struct app *app)
{
	struct sw_error ignored = SW_ERROR_INIT;

	/* best effort: a model that cannot be written just forgets where the room was */
	if (app->room_unsaved && app->room.session && !db_is_readonly(app->db) &&
	    db_put_room(app->db, &app->room, &ignored) == 0)
		app->room_unsaved = false;
	sw_error_release(&ignored);
}

void app_set_speaker(struct app *app, const char *name)
{
	char *old = app->speaker; /* `name` may be the old one's own */
	const struct session *s = model_current_session(app->model);
	bool same = s && s->number == app->room.session; /* else a place from an ended session */

	app->speaker = xstrdup(name);
	free(old);
	keep_room(app, app->speaker, same ? app->room.element : NULL, same ? app->room.letter : 0,
		  true);
}

void app_keep_place(struct app *app, const char *element, enum stride_letter letter)
{
	if (element)
		keep_room(app, app->speaker, element, stride_char(letter), false);
}

bool app_kept_place(const struct app *app, const char **element, enum stride_letter *letter)
{
	const struct session *s = model_current_session(app->model);
	char kept[2] = {app->room.letter, 0};
	enum stride_letter l;

	if (!app->room.element || !s || s->number != app->room.session || stride_parse(kept, &l))
		return false;
	*element = app->room.element;
	*letter = l;
	return true;
}

void app_resume_room(struct app *app)
{
	const struct session *s = model_current_session(app->model);
	struct sw_error ignored = SW_ERROR_INIT;

	db_room_release(&app->room);
	if (!s || db_get_room(app->db, s->number, &app->room, &ignored)) {
		sw_error_release(&ignored);
		return;
	}
	if (app->room.speaker && model_participant(app->model, app->room.speaker)) {
		free(app->speaker);
		app->speaker = xstrdup(app->room.speaker);
	}
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

/*
 * Who a new session starts with: the last session's people (carried over), or everyone known
 * when there was none; nobody when `carry` is false.
 */
static void first_people(const struct model *m, bool carry, struct strlist *out)
{
	size_t i;

	if (!carry)
		return;
	if (m->nsessions) {
		strlist_copy(out, &m->sessions[m->nsessions - 1]->people);
		return;
	}
	for (i = 0; i < m->nparticipants; i++)
		strlist_push(out, m->participants[i]->name);
}

/* The first of `people` whose role is facilitator, or NULL (borrowed). */
static const char *facilitator_among(const struct model *m, const struct strlist *people)
{
	size_t i;

	for (i = 0; i < people->count; i++) {
		const struct participant *p = model_participant(m, people->items[i]);
		if (p && p->role && str_eq(p->role, "facilitator"))
			return p->name;
	}
	return NULL;
}

/* A new session after the last one, with the default agenda; or NULL when one is running. */
static struct session *new_session(const struct model *m, const char *mode, bool carry,
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
	first_people(m, carry, &s->people);
	s->facilitator = xstrdup(facilitator_among(m, &s->people));
	if (m->nsessions) /* the packs chosen last time are likely this time's too */
		strlist_copy(&s->packs, &m->sessions[m->nsessions - 1]->packs);
	return s;
}

int app_start_session(struct app *app, const char *mode, bool carry, long *number,
		      struct sw_error *err)
{
	struct session *s = new_session(app->model, mode, carry, err);
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

int app_set_phase(struct app *app, const char *name, const char *mode, struct sw_error *err)
{
	struct session *cur = model_current_session(app->model), *s;
	struct phase *next;
	struct sbuf summary = SBUF_INIT;
	int rc;

	s = cur ? session_dup(cur) : new_session(app->model, mode, true, err);
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

/* Changes the running session with `change` (which may refuse); one change, one undo. */
static int change_session(struct app *app, const char *summary,
			  int (*change)(struct app *app, struct session *s, const void *arg,
					struct sw_error *err),
			  const void *arg, struct sw_error *err)
{
	struct session *cur = model_current_session(app->model), *s;

	if (!cur)
		return sw_error(err, "no session is running");
	s = session_dup(cur);
	if (change(app, s, arg, err)) {
		session_free(s);
		return -1;
	}
	return save_session(app, s, "session", summary, err);
}

static int set_facilitator(struct app *app, struct session *s, const void *arg,
			   struct sw_error *err)
{
	const char *name = arg;

	if (!model_participant(app->model, name))
		return sw_error(err, "no participant '%s' (:participant adds one)", name);
	free(s->facilitator);
	s->facilitator = xstrdup(name);
	if (!strlist_contains(&s->people, name))
		strlist_push(&s->people, name);
	return 0;
}

int app_set_facilitator(struct app *app, const char *name, struct sw_error *err)
{
	struct sbuf summary = SBUF_INIT;
	int rc;

	sbuf_addf(&summary, "%s facilitates", name);
	rc = change_session(app, summary.buf, set_facilitator, name, err);
	sbuf_release(&summary);
	return rc;
}

struct timebox {
	const char *phase;
	int minutes;
};

static int set_timebox(struct app *app, struct session *s, const void *arg, struct sw_error *err)
{
	const struct timebox *t = arg;
	struct phase *p = session_phase(s, t->phase);

	if (!p)
		return sw_error(err, "no phase '%s' on the agenda", t->phase);
	if (t->minutes < 1 || t->minutes > 600)
		return sw_error(err, "a timebox goes from 1 to 600 minutes");
	p->timebox_min = t->minutes;
	return 0;
}

int app_set_timebox(struct app *app, const char *phase, int minutes, struct sw_error *err)
{
	struct timebox t = {phase, minutes};
	struct sbuf summary = SBUF_INIT;
	int rc;

	sbuf_addf(&summary, "timebox %s %d minutes", phase, minutes);
	rc = change_session(app, summary.buf, set_timebox, &t, err);
	sbuf_release(&summary);
	return rc;
}

static int set_packs(struct app *app, struct session *s, const void *arg, struct sw_error *err)
{
	strlist_clear(&s->packs);
	strlist_copy(&s->packs, arg);
	return 0;
}

int app_set_session_packs(struct app *app, const struct strlist *packs, struct sw_error *err)
{
	return change_session(app, "choose the questionnaire packs", set_packs, packs, err);
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
