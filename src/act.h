/*
 * The global actions: what an action does on any screen whose own handler does not take it.
 * The action table (action.h) names the handler of each; dispatch.c calls it. Each handler
 * changes the model only through app.h and says what it did on the message line. No curses.
 */
#ifndef SW_ACT_H
#define SW_ACT_H

#include "ui.h"
#include "view.h"

/* act_screen.c: screens, the prompt, undo, presentation mode */
int act_screen_quit(struct ui_ctx *ctx, const struct request *req);
int act_screen_command(struct ui_ctx *ctx, const struct request *req);
int act_screen_undo(struct ui_ctx *ctx, const struct request *req);
int act_screen_redo(struct ui_ctx *ctx, const struct request *req);
int act_screen_redraw(struct ui_ctx *ctx, const struct request *req);
int act_screen_save(struct ui_ctx *ctx, const struct request *req);
int act_screen_view(struct ui_ctx *ctx, const struct request *req);
int act_screen_next(struct ui_ctx *ctx, const struct request *req);
int act_screen_prev(struct ui_ctx *ctx, const struct request *req);
int act_screen_jump(struct ui_ctx *ctx, const struct request *req);
int act_screen_back(struct ui_ctx *ctx, const struct request *req);
int act_screen_present(struct ui_ctx *ctx, const struct request *req);

/* act_walk.c: the current element, letter and cell */
int act_walk_next_element(struct ui_ctx *ctx, const struct request *req);
int act_walk_prev_element(struct ui_ctx *ctx, const struct request *req);
int act_walk_goto(struct ui_ctx *ctx, const struct request *req);
int act_walk_letter(struct ui_ctx *ctx, const struct request *req);
int act_walk_capture(struct ui_ctx *ctx, const struct request *req);
int act_walk_rate_captured(struct ui_ctx *ctx, const struct request *req);
int act_walk_none(struct ui_ctx *ctx, const struct request *req);
int act_walk_na(struct ui_ctx *ctx, const struct request *req);
int act_walk_reopen(struct ui_ctx *ctx, const struct request *req);

/* act_people.c: who is in the room and who speaks. act_people_rename and act_people_remove
 * act on the participant `who` names (remove asks first unless `confirmed`). */
int act_people_speaker(struct ui_ctx *ctx, const struct request *req);
int act_people_participant(struct ui_ctx *ctx, const struct request *req);
int act_people_facilitator(struct ui_ctx *ctx, const struct request *req);
int act_people_rename(struct ui_ctx *ctx, const char *who, const char *to);
int act_people_remove(struct ui_ctx *ctx, const char *who, bool confirmed);
/* The participant `text` names, as :speaker finds one (any case, without accents, or the start
 * of one name), or NULL with a message that says what to do instead. */
const struct participant *act_people_named(struct ui_ctx *ctx, const char *text);
/* An owner as typed ("bart", "priya r."): the participant it names, as :speaker finds one, else
 * the text as it is (an owner may be outside the room). -1, with a message, when it could be
 * several participants. */
int act_people_owner(struct ui_ctx *ctx, const char *text, struct sbuf *out);

/* act_session.c: the agenda, starting and ending sessions, the parking lot, notes.
 * act_session_settle closes parking-lot item `id`, resolved when `note` says how. */
int act_session_park(struct ui_ctx *ctx, const struct request *req);
int act_session_resolve(struct ui_ctx *ctx, const struct request *req);
int act_session_note(struct ui_ctx *ctx, const struct request *req);
int act_session_phase(struct ui_ctx *ctx, const struct request *req);
int act_session_next_phase(struct ui_ctx *ctx, const struct request *req);
int act_session_start(struct ui_ctx *ctx, const struct request *req);
int act_session_end(struct ui_ctx *ctx, const struct request *req);
int act_session_timebox(struct ui_ctx *ctx, const struct request *req);
int act_session_settle(struct ui_ctx *ctx, const char *id, const char *note);

/* act_answer.c: answering a question by command, the suggestions answers raise, the packs a
 * session asks */
int act_answer(struct ui_ctx *ctx, const struct request *req);
int act_answer_accept(struct ui_ctx *ctx, const struct request *req);
int act_answer_skip(struct ui_ctx *ctx, const struct request *req);
int act_answer_packs(struct ui_ctx *ctx, const struct request *req);
int act_answer_owner(struct ui_ctx *ctx, const struct request *req);
/* After an "unknown": asks who finds out, and by when, for the open question `id`. */
int act_answer_ask_owner(struct ui_ctx *ctx, const char *id);
/* The question the room answered last, whose suggestions :accept and :skip act on. */
void act_answer_noted(struct ui_ctx *ctx, const char *element, const char *questionnaire,
		      const char *question);
/* The suggestions that answer offers and nobody decided: *offers is a new array to free. */
struct suggestion_offer;
size_t act_answer_waiting(struct ui_ctx *ctx, struct suggestion_offer **offers);
/* Accepts (linking to a threat that says the same, unless "new") or skips the Nth waiting
 * suggestion, N from req->arg (1 when none). */
int act_answer_decide(struct ui_ctx *ctx, const struct request *req, bool accept);

/* act_threat.c: a threat named by id or selected: ratings, letters, status, mitigations,
 * votes, title, deletion */
int act_threat_rate(struct ui_ctx *ctx, const struct request *req);
int act_threat_more_likely(struct ui_ctx *ctx, const struct request *req);
int act_threat_less_likely(struct ui_ctx *ctx, const struct request *req);
int act_threat_more_impact(struct ui_ctx *ctx, const struct request *req);
int act_threat_less_impact(struct ui_ctx *ctx, const struct request *req);
int act_threat_letters(struct ui_ctx *ctx, const struct request *req);
int act_threat_status(struct ui_ctx *ctx, const struct request *req);
int act_threat_mitigate(struct ui_ctx *ctx, const struct request *req);
int act_threat_vote(struct ui_ctx *ctx, const struct request *req);
int act_threat_unvote(struct ui_ctx *ctx, const struct request *req);
int act_threat_retitle(struct ui_ctx *ctx, const struct request *req);
int act_threat_delete(struct ui_ctx *ctx, const struct request *req);

/* act_mitigation.c: a mitigation named by id or selected. act_mitigation_save puts `m` (which
 * it frees) and says so with `what`; returns the view flags. */
int act_mitigation_save(struct ui_ctx *ctx, struct mitigation *m, const char *what);
int act_mitigation_status(struct ui_ctx *ctx, const struct request *req);
int act_mitigation_owner(struct ui_ctx *ctx, const struct request *req);
int act_mitigation_ticket(struct ui_ctx *ctx, const struct request *req);
int act_mitigation_due(struct ui_ctx *ctx, const struct request *req);

/* act_diagram.c: elements, flows and boundaries */
int act_diagram_add(struct ui_ctx *ctx, const struct request *req);
int act_diagram_add_flow(struct ui_ctx *ctx, const struct request *req);
int act_diagram_add_boundary(struct ui_ctx *ctx, const struct request *req);
int act_diagram_move(struct ui_ctx *ctx, const struct request *req);
int act_diagram_rename(struct ui_ctx *ctx, const struct request *req);
int act_diagram_delete(struct ui_ctx *ctx, const struct request *req);

/* act_edit.c: the actions that mean a threat, a mitigation or an element depending on the id
 * named or the item selected, decided in one place */
int act_edit_rename(struct ui_ctx *ctx, const struct request *req);
int act_edit_delete(struct ui_ctx *ctx, const struct request *req);
int act_edit_status(struct ui_ctx *ctx, const struct request *req);

#endif
