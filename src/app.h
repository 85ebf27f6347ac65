/*
 * The application service: the one way the model changes. Each operation is one SQLite
 * transaction with one audit change (who, when, what), committed before the in-memory model
 * (what the screen shows) and its derived index are updated to match. Below the UI: no
 * printing, errors through sw_error.
 */
#ifndef SW_APP_H
#define SW_APP_H

#include <stdbool.h>

#include "db.h"
#include "error.h"
#include "model.h"
#include "model_index.h"

struct app {
	struct db *db;
	struct model *model; /* what was last committed */
	/* What is derived from `model`, updated by every operation: read it, never change it.
	 * Its generation goes up with every change, the model replaced included. */
	struct model_index index;
	char *who; /* recorded in the audit log: the facilitator or $USER */
	/* Who is speaking in the room, or NULL: captured threats, answers, decisions and
	 * accepted suggestions are credited to them (app_credit). */
	char *speaker;
	struct db_room room; /* where the running session's room is */
	bool room_unsaved; /* `room` has moved since it was last written (app_save_room) */
	long data_version; /* to notice another process's commits */
};

/* Dots each participant may give in dot voting. */
#define APP_DOTS 3

/*
 * An app_open() flag beside the DB_* ones: the model only, for a command that reads it once
 * and then builds what it needs itself (export, report, diff). Such an app has no index and
 * no room, and takes no changes.
 */
#define APP_READ_ONCE (1u << 16)

/* Opens (and with DB_CREATE creates) a model file and loads it. Free with app_close(). */
int app_open(const char *path, unsigned flags, struct app **out, struct sw_error *err);
void app_close(struct app *app);
/*
 * For a process about to exit: closes the model file but leaves the in-memory model to the
 * operating system, which takes it back faster than half a million free() calls would.
 */
void app_close_at_exit(struct app *app);

void app_set_who(struct app *app, const char *who);
/* Sets (NULL: clears) who is speaking; a running session keeps it for the next opening. */
void app_set_speaker(struct app *app, const char *name);
/*
 * Keeps the cell on screen for the running session, so a reopened model picks up there. It is
 * written with the next change, or when the model is closed (see app_save_room).
 */
void app_keep_place(struct app *app, const char *element, enum stride_letter letter);
/* Writes where the room is, if it moved since it was last written (best effort). */
void app_save_room(struct app *app);
/* The cell the running session's room was on when the model was last closed: false when none
 * was kept. `element` is borrowed. */
bool app_kept_place(const struct app *app, const char **element, enum stride_letter *letter);
/* Who the room's next change is credited to: the speaker, else the running session's
 * facilitator, else NULL. Borrowed. */
const char *app_credit(const struct app *app);

/* Re-reads the model if another process committed since; returns 1 when it did. */
int app_refresh(struct app *app, struct sw_error *err);

/* Replaces the whole model with `incoming` (import, new); takes ownership on success. */
int app_replace_model(struct app *app, struct model *incoming, const char *action,
		      const char *summary, struct sw_error *err);

/* Sets the name, description and scope from `m` (only those fields are read). */
int app_set_meta(struct app *app, const char *name, const char *description, const char *scope,
		 struct sw_error *err);

/* Adds or updates an element (matched by id), after checking its references. */
int app_put_element(struct app *app, const struct element *e, struct sw_error *err);
/* Deletes an element with its flows, threats, decisions and answers. */
int app_delete_element(struct app *app, const char *id, struct sw_error *err);

/*
 * Records a new threat on (element, letter) with likelihood and impact 3, origin brainstorm.
 * *id (may be NULL) gets the new threat's id, a new string the caller frees.
 */
int app_add_threat(struct app *app, const char *element, enum stride_letter letter,
		   const char *title, const char *raised_by, char **id, struct sw_error *err);
/* Adds or updates a threat as given (validated: element, letters, ratings, justification). */
int app_put_threat(struct app *app, const struct threat *t, struct sw_error *err);
int app_delete_threat(struct app *app, const char *id, struct sw_error *err);

/* Marks a cell none / n/a with a reason, or back to pending (state CELL_PENDING);
 * app_decide_cells does it for several letters of one element (STRIDE_BIT set) in one change. */
int app_decide_cells(struct app *app, const char *element, unsigned letters, enum cell_state state,
		     const char *reason, struct sw_error *err);
int app_decide(struct app *app, const char *element, enum stride_letter letter,
	       enum cell_state state, const char *reason, struct sw_error *err);

int app_put_mitigation(struct app *app, const struct mitigation *mit, struct sw_error *err);
int app_put_item(struct app *app, const struct open_item *item, struct sw_error *err);
/*
 * People (app_people.c). A participant added while a session runs joins it, and facilitates
 * it when their role is "facilitator" and nobody does yet. Renaming follows the person
 * everywhere a name stands for them; removing takes their votes with them.
 */
int app_put_participant(struct app *app, const struct participant *p, struct sw_error *err);
int app_rename_participant(struct app *app, const char *from, const char *to, struct sw_error *err);
int app_remove_participant(struct app *app, const char *name, struct sw_error *err);
/* Sets how many of their APP_DOTS dots `participant` gives `threat` (0 takes them back). */
int app_set_vote(struct app *app, const char *participant, const char *threat, int count,
		 struct sw_error *err);

/*
 * Sessions (app_session.c). A new session gets the default agenda, the last session's people
 * and packs when `carry` (everyone known for the first session), and as facilitator the first
 * of them whose role is facilitator; *number (may be NULL) gets its number. Moving to a phase
 * ends the running one; re-entering a phase continues its clock. With no session running,
 * app_set_phase starts one (of `mode`, carrying the people over) in the same change, so it is
 * one step to undo.
 */
int app_start_session(struct app *app, const char *mode, bool carry, long *number,
		      struct sw_error *err);
int app_set_phase(struct app *app, const char *name, const char *mode, struct sw_error *err);
/* The running session: who facilitates it (a participant), a phase's minutes, the packs its
 * questionnaires ask (empty: every pack). */
int app_set_facilitator(struct app *app, const char *name, struct sw_error *err);
int app_set_timebox(struct app *app, const char *phase, int minutes, struct sw_error *err);
int app_set_session_packs(struct app *app, const struct strlist *packs, struct sw_error *err);
int app_end_session(struct app *app, struct sw_error *err);
int app_set_session_notes(struct app *app, const char *notes, struct sw_error *err);
/* Marks `subject` ("threat:T-0001", "cell:ELEMENT/S", ...) reviewed with a comment. */
int app_review_mark(struct app *app, const char *subject, const char *comment,
		    struct sw_error *err);
/* The same for several subjects at once, with one comment: one change, one undo. */
int app_review_marks(struct app *app, const struct strlist *subjects, const char *comment,
		     struct sw_error *err);

/* Reverts the last change; *summary (new string) says what. Returns 1 when nothing to undo. */
int app_undo(struct app *app, char **summary, struct sw_error *err);
/* Does again what the last undo took back, unless something changed since; 1 when there is
 * nothing to redo. */
int app_redo(struct app *app, char **summary, struct sw_error *err);

/* Checks a threat against the model: element exists, letters apply, ratings, justification. */
int app_check_threat(const struct model *m, const struct threat *t, struct sw_error *err);
/* Checks that nobody in `m` gives more than APP_DOTS dots (an import must not either), as the
 * index `ix` of `m` counts them. */
int app_check_votes(const struct model *m, const struct model_index *ix, struct sw_error *err);

#endif
