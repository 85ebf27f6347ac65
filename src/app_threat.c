/* Changing threats, coverage decisions, mitigations and votes. */
#include <stdlib.h>

#include "app_internal.h"
#include "clock.h"
#include "coverage.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

int app_check_threat(const struct model *m, const struct threat *t, struct sw_error *err)
{
	const struct element *e = model_element(m, t->element);
	char allowed[STRIDE_COUNT + 1];

	if (!e || e->kind == KIND_TRUST_BOUNDARY)
		return sw_error(err, "no element '%s' to put a threat on", t->element);
	if (threat_letters(t) & ~stride_applicable(e->kind, e->is_log)) {
		stride_set_string(stride_applicable(e->kind, e->is_log), allowed);
		return sw_error(err, "%s '%s' takes only the letters %s",
				element_kind_label(e->kind), e->id, allowed);
	}
	if (str_empty(t->title))
		return sw_error(err, "a threat needs a title");
	if (t->likelihood < 1 || t->likelihood > 5 || t->impact < 1 || t->impact > 5)
		return sw_error(err, "likelihood and impact go from 1 to 5");
	if (threat_status_needs_reason(t->status) && str_empty(t->justification))
		return sw_error(err, "status '%s' needs a justification",
				threat_status_name(t->status));
	return 0;
}

static int write_threat(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_threat(app->db, arg, err);
}

static void apply_threat(struct app *app, const void *arg)
{
	const struct threat *t = arg;

	model_put_threat(app->model, threat_dup(t));
	model_index_threat(&app->index, app->model, t->id);
}

int app_put_threat(struct app *app, const struct threat *t, struct sw_error *err)
{
	struct sbuf summary = SBUF_INIT;
	int rc;

	if (app_check_threat(app->model, t, err))
		return -1;
	sbuf_addf(&summary, "%s threat %s: %s", model_threat(app->model, t->id) ? "edit" : "add",
		  t->id, t->title);
	rc = app_change(app, "put-threat", summary.buf, write_threat, apply_threat, t, err);
	sbuf_release(&summary);
	return rc;
}

int app_add_threat(struct app *app, const char *element, enum stride_letter letter,
		   const char *title, const char *raised_by, char **id, struct sw_error *err)
{
	char *ref = model_next_ref(app->model, 'T');
	struct threat *t = threat_new(ref, element, letter);
	int rc;

	t->title = xstrdup(title);
	t->raised_by = xstrdup(raised_by);
	t->raised_at = clock_now_iso();
	rc = app_put_threat(app, t, err);
	threat_free(t);
	if (rc == 0 && id)
		*id = ref;
	else
		free(ref);
	return rc;
}

static int write_threat_delete(struct app *app, const void *arg, struct sw_error *err)
{
	return db_delete_threat(app->db, arg, err);
}

/* The same cascade as the file's, so the model need not be read back; positions move, so the
 * index is built again. */
static void apply_threat_delete(struct app *app, const void *arg)
{
	model_delete_threat(app->model, arg);
	model_index_build(&app->index, app->model);
}

int app_delete_threat(struct app *app, const char *id, struct sw_error *err)
{
	struct sbuf summary = SBUF_INIT;
	char *own = xstrdup(id); /* `id` may be the threat's own, which goes */
	int rc;

	if (!model_threat(app->model, own)) {
		free(own);
		return sw_error(err, "no threat '%s'", id);
	}
	sbuf_addf(&summary, "delete threat %s", own);
	rc = app_change(app, "delete-threat", summary.buf, write_threat_delete, apply_threat_delete,
			own, err);
	sbuf_release(&summary);
	free(own);
	return rc;
}

/* Cells of one element decided together: `letters` (STRIDE_BIT set), one state and reason. */
struct decisions {
	struct decision d; /* the letter varies */
	unsigned letters;
};

static int write_decisions(struct app *app, const void *arg, struct sw_error *err)
{
	const struct decisions *ds = arg;
	struct decision d = ds->d;
	int l;

	for (l = 0; l < STRIDE_COUNT; l++) {
		if (!(ds->letters & STRIDE_BIT(l)))
			continue;
		d.letter = (enum stride_letter)l;
		if (d.state == CELL_PENDING ? db_delete_decision(app->db, d.element, d.letter, err)
					    : db_put_decision(app->db, &d, err))
			return -1;
	}
	return 0;
}

/* One index update per cell decided: each moves that cell's coverage and its credit. */
static void apply_decisions(struct app *app, const void *arg)
{
	const struct decisions *ds = arg;
	struct decision d = ds->d;
	int l;

	for (l = 0; l < STRIDE_COUNT; l++) {
		const struct decision *old;
		char *before;
		if (!(ds->letters & STRIDE_BIT(l)))
			continue;
		d.letter = (enum stride_letter)l;
		old = model_decision(app->model, d.element, d.letter);
		before = old ? xstrdup(old->who) : NULL;
		model_remove_decision(app->model, d.element, d.letter);
		if (d.state != CELL_PENDING)
			model_add_decision(app->model, decision_dup(&d));
		model_index_cell(&app->index, app->model, d.element, before,
				 d.state != CELL_PENDING ? d.who : NULL);
		free(before);
	}
}

int app_decide_cells(struct app *app, const char *element, unsigned letters, enum cell_state state,
		     const char *reason, struct sw_error *err)
{
	const struct element *e = model_element(app->model, element);
	struct decisions ds = {
	    {(char *)element, STRIDE_S, state, (char *)reason, (char *)app_credit(app), NULL},
	    letters};
	struct sbuf summary = SBUF_INIT;
	char shown[STRIDE_COUNT + 1];
	int rc;

	if (!e || !letters || (letters & ~element_letters(e))) {
		stride_set_string(letters, shown);
		return sw_error(err, "letter%s %s %s not apply to '%s'",
				letters & (letters - 1) ? "s" : "", shown,
				letters & (letters - 1) ? "do" : "does", element);
	}
	if (state == CELL_THREATS)
		return sw_error(err, "record a threat instead of marking the cell as having one");
	if (state != CELL_PENDING && str_empty(reason))
		return sw_error(err, "marking %s as %s needs a reason", element,
				cell_state_name(state));
	stride_set_string(letters, shown);
	sbuf_addf(&summary, "mark %s %s as %s", element, shown, cell_state_name(state));
	rc = app_change(app, "decide", summary.buf, write_decisions, apply_decisions, &ds, err);
	sbuf_release(&summary);
	return rc;
}

int app_decide(struct app *app, const char *element, enum stride_letter letter,
	       enum cell_state state, const char *reason, struct sw_error *err)
{
	return app_decide_cells(app, element, STRIDE_BIT(letter), state, reason, err);
}

static int write_mitigation(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_mitigation(app->db, arg, err);
}

static void apply_mitigation(struct app *app, const void *arg)
{
	const struct mitigation *mit = arg;

	model_put_mitigation(app->model, mitigation_dup(mit));
	model_index_mitigation(&app->index, app->model, mit->id);
}

int app_put_mitigation(struct app *app, const struct mitigation *mit, struct sw_error *err)
{
	struct sbuf summary = SBUF_INIT;
	size_t i;
	int rc;

	if (str_empty(mit->title))
		return sw_error(err, "a mitigation needs a title");
	if (mit->due && !date_valid(mit->due))
		return sw_error(err,
				date_shaped(mit->due) ? "due date '%s' is not a day of the calendar"
						      : "due date '%s' must look like 2026-12-31",
				mit->due);
	for (i = 0; i < mit->threats.count; i++)
		if (!model_threat(app->model, mit->threats.items[i]))
			return sw_error(err, "no threat '%s'", mit->threats.items[i]);
	sbuf_addf(&summary, "%s mitigation %s: %s",
		  model_mitigation(app->model, mit->id) ? "edit" : "add", mit->id, mit->title);
	rc = app_change(app, "put-mitigation", summary.buf, write_mitigation, apply_mitigation, mit,
			err);
	sbuf_release(&summary);
	return rc;
}

static int write_vote(struct app *app, const void *arg, struct sw_error *err)
{
	return db_put_vote(app->db, arg, err);
}

/* The dots `participant` has on `threat`, and where that vote sits in m->votes (nvotes: none). */
static int votes_on(const struct model *m, const char *participant, const char *threat, size_t *at)
{
	size_t i;

	for (i = 0; i < m->nvotes; i++) {
		if (str_eq(m->votes[i]->participant, participant) &&
		    str_eq(m->votes[i]->threat, threat)) {
			*at = i;
			return m->votes[i]->count;
		}
	}
	*at = m->nvotes;
	return 0;
}

static void apply_vote(struct app *app, const void *arg)
{
	const struct vote *v = arg;
	size_t at;
	int before = votes_on(app->model, v->participant, v->threat, &at);

	if (at < app->model->nvotes && v->count == 0)
		model_remove_vote(app->model, at);
	else if (at < app->model->nvotes)
		app->model->votes[at]->count = v->count;
	else if (v->count > 0)
		model_add_vote(app->model, vote_dup(v));
	model_index_vote(&app->index, app->model, v->participant, v->threat, before, v->count);
}

int app_check_votes(const struct model *m, const struct model_index *ix, struct sw_error *err)
{
	size_t i;

	for (i = 0; i < m->nparticipants; i++)
		if (ix->tally[i].dots > APP_DOTS)
			return sw_error(err, "%s gives %d dots; everyone has %d",
					m->participants[i]->name, ix->tally[i].dots, APP_DOTS);
	return 0;
}

int app_set_vote(struct app *app, const char *participant, const char *threat, int count,
		 struct sw_error *err)
{
	struct vote v = {(char *)participant, (char *)threat, count};
	struct sbuf summary = SBUF_INIT;
	size_t at;
	int given, rc;

	if (!model_participant(app->model, participant))
		return sw_error(err, "no participant '%s'", participant);
	if (!model_threat(app->model, threat))
		return sw_error(err, "no threat '%s'", threat);
	if (count < 0)
		return sw_error(err, "a vote count cannot be negative");
	given = model_index_dots(&app->index, participant) -
		votes_on(app->model, participant, threat, &at) + count;
	if (given > APP_DOTS)
		return sw_error(err, "%s has used all %d dots (take one back first)", participant,
				APP_DOTS);
	sbuf_addf(&summary, "%s gives %s %d vote%s", participant, threat, count,
		  count == 1 ? "" : "s");
	rc = app_change(app, "vote", summary.buf, write_vote, apply_vote, &v, err);
	sbuf_release(&summary);
	return rc;
}
