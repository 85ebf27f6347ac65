/*
 * What every screen shares: the context (the app, the questionnaires, the screens, the current
 * element and letter, the speaker, the message line, a pending prompt) and the helpers that
 * change it. No curses here: handlers that use it are unit-tested without a terminal. The
 * model's derived facts are read from the app's index (ui_index), never kept here.
 */
#ifndef SW_UI_H
#define SW_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"
#include "error.h"
#include "model_index.h"
#include "sbuf.h"
#include "stride.h"
#include "strlist.h"
#include "view.h"

struct qlibrary;

/* A prompt a handler asks for; the UI reads a line and sends it back as a request. */
struct prompt_request {
	enum action action;
	int step;
	char *subject; /* owned */
	struct sbuf label; /* "New threat on Payslip function, S Spoofing" */
	struct sbuf initial; /* text the input starts with */
	struct strlist completions; /* what Tab offers (ids, types, statuses) */
};

enum message_kind { MSG_INFO, MSG_SAVED, MSG_ERROR };

struct ui_ctx {
	struct app *app;
	const struct qlibrary *qlib; /* borrowed, or loaded on first use: read it via ui_qlib() */
	struct qlibrary *own_qlib; /* what ui_qlib() loaded, freed with the context */
	const struct strlist *qlib_dirs; /* --questionnaires, for the first-use load */
	bool qlib_lazy; /* load on first use (when qlib is NULL) */
	struct view *views[VIEW_COUNT];
	enum view_id current, previous;

	char *element; /* the current element (walk, questionnaire); owned, or NULL */
	enum stride_letter letter; /* the current letter on the walk */
	bool present; /* presentation mode on the walk and questionnaire */
	bool review; /* started with --review */
	bool mono; /* no colours (NO_COLOR, monochrome theme) */

	struct { /* the threat just captured, which digits rate; owned, or NULL */
		char *threat;
		int likelihood; /* the first digit given, 0 before it */
	} rating;
	struct { /* the question answered last (act_answer_noted); owned, or NULL */
		char *element, *questionnaire, *question;
	} answered;
	struct sbuf message;
	enum message_kind message_kind;
	bool prompting;
	struct prompt_request prompt;
	int page; /* rows a page holds on the current screen (for paging) */
	int choices; /* options of the question on screen, for its hint ("1-4"); 0: none */
	bool quit;
};

/* Returns a new context with every screen created, on the overview (the review with --review).
 * Borrows app and qlib; free with ui_ctx_free(). */
struct ui_ctx *ui_ctx_new(struct app *app, const struct qlibrary *qlib, bool review);
void ui_ctx_free(struct ui_ctx *ctx);

/*
 * The questionnaires and cue cards: the library given to ui_ctx_new(), or, after
 * ui_load_questionnaires_later(), the shipped, user and `dirs` ones loaded the first time a
 * screen needs them (opening the UI stays quick). Borrowed; NULL when there are none.
 */
const struct qlibrary *ui_qlib(struct ui_ctx *ctx);
void ui_load_questionnaires_later(struct ui_ctx *ctx, const struct strlist *dirs);

/* What the model's derived facts are: the app's index, read-only; its generation tells a
 * screen when what it built from them is out of date. */
const struct model_index *ui_index(const struct ui_ctx *ctx);

/* Makes `id` the current screen (calling its enter). */
void ui_switch(struct ui_ctx *ctx, enum view_id id);
/* The current screen's selected id (borrowed), or NULL. */
const char *ui_selected(struct ui_ctx *ctx);

/* The message line. ui_error and ui_fail return VIEW_DONE for `return ui_error(...)`. */
void ui_message(struct ui_ctx *ctx, enum message_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ui_error(struct ui_ctx *ctx, struct sw_error *err);
int ui_fail(struct ui_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Asks for a line of text: returns VIEW_DONE | VIEW_PROMPT. */
int ui_prompt(struct ui_ctx *ctx, enum action action, int step, const char *subject,
	      const char *initial, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void ui_prompt_clear(struct ui_ctx *ctx);
/* Offers `word` for Tab completion in the prompt just requested. */
void ui_prompt_complete(struct ui_ctx *ctx, const char *word);

/* Sets the current element (NULL: the first to walk) and keeps the letter one that applies. */
void ui_set_element(struct ui_ctx *ctx, const char *id);
/* The element and letter where the running session's room was, else the first to walk;
 * true when there was such a place. */
bool ui_resume_place(struct ui_ctx *ctx);
/* The current element, or NULL when there is none to walk; borrowed from the model. */
const struct element *ui_element(struct ui_ctx *ctx);
/* The walk: the next / previous element in walk order from the current one. */
void ui_step_element(struct ui_ctx *ctx, int delta);
/* Moves to the next pending cell after the current one, in walk order, looking first at what
 * the last import added or changed; false when every cell is decided. */
bool ui_next_pending(struct ui_ctx *ctx);

/* The id an action without one is about: the first word of `arg` when it looks like
 * `prefix`-NNNN (and *rest gets what follows), else the current screen's selection when it is
 * such an id; NULL when neither is. */
const char *ui_target(struct ui_ctx *ctx, const char *arg, char prefix, struct sbuf *id,
		      const char **rest);

/* Forgets the threat digits would rate (any action but a rating does). */
void ui_rating_clear(struct ui_ctx *ctx);

/* The running session and phase, or NULL (borrowed). */
const struct session *ui_session(const struct ui_ctx *ctx);
const struct phase *ui_phase(const struct ui_ctx *ctx);

#endif
