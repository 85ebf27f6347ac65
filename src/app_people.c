/*
 * The people in the room: adding a participant (who joins the running session too, and
 * facilitates it when their role says so and nobody does yet), renaming one everywhere, and
 * removing one with their votes.
 */
#include <stdlib.h>

#include "app_internal.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

/* A participant, and the running session as it becomes when they join it (or NULL). */
struct joining {
	const struct participant *p;
	struct session *session;
};

static bool facilitates(const struct participant *p)
{
	return p->role && str_eq(p->role, "facilitator");
}

static int write_participant(struct app *app, const void *arg, struct sw_error *err)
{
	const struct joining *j = arg;

	if (db_put_participant(app->db, j->p, err))
		return -1;
	return j->session ? db_put_session(app->db, j->session, err) : 0;
}

static void apply_participant(struct app *app, const void *arg)
{
	const struct joining *j = arg;
	struct participant *old = model_participant(app->model, j->p->name);

	if (j->session)
		app_put_session_in_model(app->model, j->session);
	if (old) {
		free(old->role);
		old->role = xstrdup(j->p->role);
		model_index_touch(&app->index);
		return;
	}
	model_add_participant(app->model, participant_dup(j->p));
	model_index_participants(&app->index, app->model);
}

/* The running session once `p` is in it, or NULL when it needs no change. */
static struct session *joined(const struct model *m, const struct participant *p)
{
	const struct session *cur = model_current_session(m);
	struct session *s;
	bool in, leads;

	if (!cur)
		return NULL;
	in = strlist_contains(&cur->people, p->name);
	leads = facilitates(p) && str_empty(cur->facilitator);
	if (in && !leads)
		return NULL;
	s = session_dup(cur);
	if (!in)
		strlist_push(&s->people, p->name);
	if (leads) {
		free(s->facilitator);
		s->facilitator = xstrdup(p->name);
	}
	return s;
}

/* Names are matched without case or accents, so two that differ only there are one person. */
static int same_person(const struct participant *alike, const char *name, struct sw_error *err)
{
	return sw_error(
	    err,
	    "'%s' is already here as '%s': the room could not tell them apart (use that "
	    "name, or one that differs by more than case or accents)",
	    name, alike->name);
}

int app_put_participant(struct app *app, const struct participant *p, struct sw_error *err)
{
	const struct participant *alike;
	struct joining j = {p, NULL};
	struct sbuf summary = SBUF_INIT;
	int rc;

	if (str_empty(p->name))
		return sw_error(err, "a participant needs a name");
	if (!model_participant(app->model, p->name) &&
	    (alike = model_participant_alike(app->model, p->name)))
		return same_person(alike, p->name, err);
	j.session = joined(app->model, p);
	sbuf_addf(&summary, "participant %s%s%s", p->name, p->role ? " as " : "",
		  p->role ? p->role : "");
	rc = app_change(app, "participant", summary.buf, write_participant, apply_participant, &j,
			err);
	if (rc)
		session_free(j.session);
	sbuf_release(&summary);
	return rc;
}

struct renaming {
	const char *from, *to;
};

static int write_rename(struct app *app, const void *arg, struct sw_error *err)
{
	const struct renaming *r = arg;

	return db_rename_participant(app->db, r->from, r->to, err);
}

/* Names stand for people all over the model: every position may move, so build again. */
static void apply_rename(struct app *app, const void *arg)
{
	const struct renaming *r = arg;

	if (app->speaker && str_eq(app->speaker, r->from))
		app_set_speaker(app, r->to);
	model_rename_participant(app->model, r->from, r->to);
	model_index_build(&app->index, app->model);
}

int app_rename_participant(struct app *app, const char *from, const char *to, struct sw_error *err)
{
	const struct participant *alike;
	struct renaming r = {from, to};
	struct sbuf summary = SBUF_INIT;
	int rc;

	if (!model_participant(app->model, from))
		return sw_error(err, "no participant '%s'", from);
	if (str_empty(to))
		return sw_error(err, "a participant needs a name");
	if (model_participant(app->model, to))
		return sw_error(err, "'%s' is taken by another participant", to);
	if ((alike = model_participant_alike(app->model, to)) && !str_eq(alike->name, from))
		return same_person(alike, to, err);
	sbuf_addf(&summary, "rename participant %s to %s", from, to);
	rc = app_change(app, "participant", summary.buf, write_rename, apply_rename, &r, err);
	sbuf_release(&summary);
	return rc;
}

/* A participant leaving, and the running session without them (or NULL). */
struct leaving {
	const char *name;
	struct session *session;
};

static int write_remove(struct app *app, const void *arg, struct sw_error *err)
{
	const struct leaving *l = arg;

	if (db_delete_participant(app->db, l->name, err))
		return -1;
	return l->session ? db_put_session(app->db, l->session, err) : 0;
}

static void apply_remove(struct app *app, const void *arg)
{
	const struct leaving *l = arg;

	if (app->speaker && str_eq(app->speaker, l->name))
		app_set_speaker(app, NULL);
	if (l->session)
		app_put_session_in_model(app->model, l->session);
	model_remove_participant(app->model, l->name);
	model_index_build(&app->index, app->model);
}

int app_remove_participant(struct app *app, const char *name, struct sw_error *err)
{
	const struct session *cur = model_current_session(app->model);
	struct leaving l = {name, NULL};
	struct sbuf summary = SBUF_INIT;
	char *own = xstrdup(name); /* `name` may be the participant's own */
	int rc;

	l.name = own;
	if (!model_participant(app->model, own)) {
		free(own);
		return sw_error(err, "no participant '%s'", name);
	}
	if (cur && strlist_contains(&cur->people, own)) {
		l.session = session_dup(cur);
		strlist_remove(&l.session->people, own);
	}
	sbuf_addf(&summary, "remove participant %s", own);
	rc = app_change(app, "participant", summary.buf, write_remove, apply_remove, &l, err);
	if (rc)
		session_free(l.session);
	sbuf_release(&summary);
	free(own);
	return rc;
}
