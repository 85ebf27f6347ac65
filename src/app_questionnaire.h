/*
 * Answering questionnaires (app_questionnaire.c): recording an answer, the open question an
 * "unknown" opens, the snapshot of the questionnaire the model keeps, and accepting or skipping
 * the threats a risky answer suggests. Like every app_* change, each call is one transaction
 * with one audit change, committed before app->model shows it.
 *
 * Questionnaires and questions are named by id and looked up in `lib`, which is borrowed for
 * the call only. Suggestions are named by their index in question_suggestions() for the
 * element's current answer, from 0; the decision is kept for that answer value, so answering
 * the same again never re-offers a decided suggestion, and a different risky value offers its
 * own suggestions.
 */
#ifndef SW_APP_QUESTIONNAIRE_H
#define SW_APP_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "qlibrary.h"

/*
 * Turns what someone typed into an answer value for `q`: "y"/"yes", "n"/"no", "u"/"?"/"unknown",
 * "n/a"/"N/A" (not applicable, for any question), an option's number (1 for the first) or id,
 * or any text for a text question. *value gets a new string the caller frees. Returns -1 with
 * a message naming the valid answers otherwise.
 */
int app_answer_value(const struct question *q, const char *input, char **value,
		     struct sw_error *err);

/*
 * Records `value` ("yes", "no", "unknown", "n/a", an option id, or text) with `note` (may be
 * NULL) as the answer of `element` to questionnaire/question, with app->who, the time and the
 * current session, in one change. The question must be visible for the element (it applies
 * and its show_if holds). "unknown" opens an open question (kind question, owner app->who)
 * unless one is open already; any other answer, "n/a" included, closes it. The first answer
 * to a questionnaire, or the first after its file changed, also stores its snapshot
 * (db_get_snapshot).
 * Giving the answer it already has, with the same note, changes nothing and returns 0.
 */
int app_answer_question(struct app *app, const struct qlibrary *lib, const char *element,
			const char *questionnaire, const char *question, const char *value,
			const char *note, struct sw_error *err);

/* One suggestion the current answer offers that nobody has accepted or skipped yet. */
struct suggestion_offer {
	int index; /* what accept and skip take */
	const struct suggestion *suggestion; /* borrowed from the library */
	unsigned letters; /* its letters that apply to the element (STRIDE_BIT set); 0: it can
			     only be skipped */
	/* A threat already on one of those cells that accepting would copy: one with the same
	 * title (any case) or raised by the same answer, or failing those one that looks alike
	 * (on exactly the suggestion's letters, sharing several of its words). Accepting links it
	 * instead (borrowed id), or NULL. */
	const char *same_as;
	bool alike; /* same_as only looks alike: the room should compare the two titles */
};

/*
 * The pending suggestions of the element's current answer, in suggestion order. *out gets a
 * new array the caller frees with free() (NULL when *count is 0); no answer, or an answer
 * that is not risky, gives none.
 */
int app_pending_suggestions(const struct app *app, const struct qlibrary *lib, const char *element,
			    const char *questionnaire, const char *question,
			    struct suggestion_offer **out, size_t *count, struct sw_error *err);

/*
 * Accepts suggestion `index` of the element's current answer, in one change: a new threat
 * (origin questionnaire, provenance "identity/role-per-function = no", the suggestion's title,
 * description, likelihood and impact) and one new mitigation (status proposed) per suggested
 * mitigation, linked to it. Letters that do not apply to the element are dropped; when the
 * primary one is among them, the first that applies leads. Refused when none applies or the
 * suggestion was accepted before; a skipped one may still be accepted. *threat_id (may be
 * NULL) gets the new threat's id, a new string the caller frees.
 */
int app_accept_suggestion(struct app *app, const struct qlibrary *lib, const char *element,
			  const char *questionnaire, const char *question, int index,
			  char **threat_id, struct sw_error *err);

/* Records suggestion `index` as accepted by the threat `threat` already on the element (one
 * that says the same), instead of adding a copy of it. */
int app_link_suggestion(struct app *app, const struct qlibrary *lib, const char *element,
			const char *questionnaire, const char *question, int index,
			const char *threat, struct sw_error *err);

/* Records that suggestion `index` was skipped. Skipping it again does nothing; an accepted
 * suggestion cannot be skipped (delete its threat instead). */
int app_skip_suggestion(struct app *app, const struct qlibrary *lib, const char *element,
			const char *questionnaire, const char *question, int index,
			struct sw_error *err);

/*
 * The questionnaires as they were when this model's answers were given: every questionnaire the
 * answers use whose loaded file differs from the model's snapshot (or is gone) is replaced in
 * `lib` by that snapshot, so a report stays true after the YAML files change. Returns how many
 * were replaced, or -1 with err set.
 */
int app_use_snapshots(struct app *app, struct qlibrary *lib, struct sw_error *err);

#endif
