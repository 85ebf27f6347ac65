/*
 * The view interface (tig's view_ops, htop's HandlerResult). A screen is a state struct plus
 * `handle`, which takes an action and changes the model only through app.h, never touching the
 * terminal (so tests drive it without one), plus `draw`, which reads that state and draws.
 * What the screens share (the current element and letter, the speaker, the message line, a
 * pending prompt) lives in struct ui_ctx; global actions are handled in view_actions.c.
 */
#ifndef SW_VIEW_H
#define SW_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "app.h"
#include "coverage.h"
#include "error.h"
#include "sbuf.h"
#include "stride.h"
#include "strlist.h"
#include "strmap.h"

struct qlibrary;

enum view_id {
	VIEW_OVERVIEW,
	VIEW_WALK,
	VIEW_QUESTIONNAIRE,
	VIEW_BOARD,
	VIEW_PRIORITISE,
	VIEW_BACKLOG,
	VIEW_SESSION,
	VIEW_REVIEW,
	VIEW_HELP,
	VIEW_COUNT
};

/* What handle() returns: bits. */
enum view_flag {
	VIEW_HANDLED = 1 << 0, /* the action meant something here (else the global map is asked) */
	VIEW_REDRAW = 1 << 1, /* the screen must be drawn again */
	VIEW_PROMPT = 1 << 2, /* ctx->prompt asks the user for a line of text */
	VIEW_QUIT = 1 << 3,
};

/* One action to carry out: from a key (arg NULL), a command, or an answered prompt. */
struct request {
	enum action action;
	const char *arg; /* NULL or "": none given (a handler may then prompt) */
	int step; /* 0, or which question of a multi-step prompt `arg` answers */
	const char *subject; /* the id the prompt was about, or NULL */
};

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

struct rect {
	int y, x, h, w;
};

struct view;
struct ui_ctx;

/* A key hint: the action's first key and a label (NULL: the action table's). */
struct hint {
	enum action action;
	const char *label;
};

struct view_ops {
	const char *name; /* for :view NAME */
	const char *title; /* on the tab bar */
	enum view_id id;
	unsigned scope; /* its key map (one enum action_scope bit) */
	struct view *(*create)(void);
	void (*destroy)(struct view *v);
	/* Became the current screen (may be NULL). */
	void (*enter)(struct view *v, struct ui_ctx *ctx);
	int (*handle)(struct view *v, struct ui_ctx *ctx, const struct request *req);
	void (*draw)(struct view *v, struct ui_ctx *ctx, const struct rect *area);
	/* Key hints for the footer: a static list ending with ACT_NONE_. */
	const struct hint *(*hints)(struct view *v, struct ui_ctx *ctx);
	/* The id of the selected item ("T-0003", "M-0002", an element id), or NULL; borrowed. */
	const char *(*selected)(struct view *v, struct ui_ctx *ctx);
};

struct view {
	const struct view_ops *ops;
};

/* What the screens derive from the model, kept up to date change by change (view_cache.c). */
struct ui_cache;

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
	char *speaker; /* who is talking: raised_by of captured threats; owned */
	bool present; /* presentation mode on the walk and questionnaire */
	bool review; /* started with --review */
	bool mono; /* no colours (NO_COLOR, monochrome theme) */

	unsigned long generation; /* bumped by every change: views rebuild what they derived */
	unsigned long reshaped; /* the generation of the last change of anything (ui_changed) */
	unsigned long recounted; /* the generation of the last change to votes or mitigations */
	unsigned long loads; /* app->loads the screens derived from */
	struct sbuf message;
	enum message_kind message_kind;
	bool prompting;
	struct prompt_request prompt;
	int page; /* rows a page holds on the current screen (for paging) */
	bool quit;
	struct ui_cache *cache;
};

extern const struct view_ops view_overview_ops, view_walk_ops, view_questionnaire_ops,
    view_board_ops, view_prioritise_ops, view_backlog_ops, view_session_ops, view_review_ops,
    view_help_ops;

/* Returns a new context with every screen created, on the overview (the review with --review).
 * Borrows app and qlib; free with ui_ctx_free(). */
struct ui_ctx *ui_ctx_new(struct app *app, const struct qlibrary *qlib, bool review);

/*
 * The questionnaires and cue cards: the library given to ui_ctx_new(), or, after
 * ui_load_questionnaires_later(), the shipped, user and `dirs` ones loaded the first time a
 * screen needs them (opening the UI stays quick). Borrowed; NULL when there are none.
 */
const struct qlibrary *ui_qlib(struct ui_ctx *ctx);
void ui_load_questionnaires_later(struct ui_ctx *ctx, const struct strlist *dirs);
void ui_ctx_free(struct ui_ctx *ctx);

/* The ops of each screen by id; by name ("walk"), or NULL. */
const struct view_ops *view_ops_of(enum view_id id);
const struct view_ops *view_ops_named(const char *name);

/*
 * Carries out a request: the current screen first, then the global actions. Returns the
 * view_flag bits; an action nothing handles leaves a message saying so.
 */
int view_dispatch(struct ui_ctx *ctx, const struct request *req);

/* Runs a command line ("threat Forged token") as a request. */
int view_command(struct ui_ctx *ctx, const char *line);

/* Makes `id` the current screen (calling its enter). */
void ui_switch(struct ui_ctx *ctx, enum view_id id);

/* The message line. ui_error returns VIEW_HANDLED | VIEW_REDRAW for `return ui_error(...)`. */
void ui_message(struct ui_ctx *ctx, enum message_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ui_error(struct ui_ctx *ctx, struct sw_error *err);
int ui_fail(struct ui_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Asks for a line of text: returns VIEW_HANDLED | VIEW_REDRAW | VIEW_PROMPT. */
int ui_prompt(struct ui_ctx *ctx, enum action action, int step, const char *subject,
	      const char *initial, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void ui_prompt_clear(struct ui_ctx *ctx);
/* Offers `word` for Tab completion in the prompt just requested. */
void ui_prompt_complete(struct ui_ctx *ctx, const char *word);

/*
 * After every successful app_* call, one of these: what the change touched decides how much
 * the screens re-derive. ui_changed() is always right; the other two are for the changes a
 * workshop makes all the time and keep them cheap in a large model.
 */
void ui_changed(struct ui_ctx *ctx); /* anything: rebuild everything */
/* One threat added, or edited in place (no votes or mitigations changed with it). */
void ui_threat_changed(struct ui_ctx *ctx, const char *id);
/* One cell of `element` decided (none, n/a) or reopened. */
void ui_cell_changed(struct ui_ctx *ctx, const char *element);
/* Votes, or the mitigation `mitigation` (NULL for votes) added or edited in place: the
 * per-threat counts change, no threat, cell or element does. */
void ui_counts_changed(struct ui_ctx *ctx, const char *mitigation);
/* Answers, open items, participants, the session, review marks: none of the above. */
void ui_other_changed(struct ui_ctx *ctx);
void ui_cache_free(struct ui_cache *cache);

/* Sets the current element (NULL: the first to walk) and keeps the letter one that applies. */
void ui_set_element(struct ui_ctx *ctx, const char *id);
/* The current element, or NULL when there is none to walk; borrowed from the model. */
const struct element *ui_element(struct ui_ctx *ctx);

/* One row of the diagram outline: a heading, or an element (a flow included). */
enum outline_kind { OUTLINE_BOUNDARY, OUTLINE_OUTSIDE, OUTLINE_FLOWS, OUTLINE_ELEMENT };

struct outline_row {
	enum outline_kind kind;
	const struct element *element; /* the boundary or element; NULL for the other headings */
	size_t index; /* the element's index in m->elements */
	int depth; /* boundary nesting */
};

/*
 * The model as the overview lists it: each boundary (nested ones inside their parent) with its
 * elements, then elements outside any boundary, then the flows. Returns a new array of n rows
 * (borrowed element pointers, valid until the model changes); free with free().
 */
struct outline_row *ui_outline(const struct model *m, size_t *n);

/*
 * The elements a walk visits, in outline order (no boundaries, nothing out of scope).
 * Returns a new array of borrowed pointers; free with free().
 */
const struct element **ui_walk_order(const struct model *m, size_t *n);

/* The walk order, per-element coverage (indexed like m->elements) and the totals, borrowed
 * from view_cache.c until the next change. */
const struct element **ui_order(struct ui_ctx *ctx, size_t *n);
/* The element's index in model->elements, in constant time (model->nelements when absent). */
size_t ui_element_position(struct ui_ctx *ctx, const struct element *e);
/* The element's place in the walk order, in constant time (the order's length when absent). */
size_t ui_walk_position(struct ui_ctx *ctx, const char *element);
/* The threats recorded on an element, in model order; borrowed until the model changes. */
const struct threat *const *ui_element_threats(struct ui_ctx *ctx, const struct element *e,
					       size_t *n);
/*
 * What the board and the prioritise screen sort, filter and count a threat by, packed in six
 * bytes: 200,000 of these stay in the CPU's cache while they are sorted, where the threats
 * themselves do not.
 */
struct threat_facts {
	unsigned char risk; /* likelihood x impact, 1-25 */
	unsigned char likelihood, impact; /* 1-5 */
	unsigned char status; /* enum threat_status */
	unsigned char letter; /* the primary letter */
	unsigned char letters; /* STRIDE_BIT set: primary and extra */
};
struct threat_facts threat_facts_of(const struct threat *t);
/* Every threat's facts, indexed like model->threats; borrowed until the next change. */
const struct threat_facts *ui_threat_facts(struct ui_ctx *ctx);
/* Where the threat `id` sits in model->threats (model->nthreats when absent). */
size_t ui_threat_position(struct ui_ctx *ctx, const char *id);
/* How many threats the cell (element, letter) has, primary or extra letter. */
int ui_cell_threat_count(struct ui_ctx *ctx, const struct element *e, enum stride_letter l);
const struct element_coverage *ui_coverage(struct ui_ctx *ctx);
const struct coverage_totals *ui_totals(struct ui_ctx *ctx);

/* The walk: the next / previous element in walk order from the current one. */
void ui_step_element(struct ui_ctx *ctx, int delta);

/* The running session and phase, or NULL (borrowed). */
const struct session *ui_session(const struct ui_ctx *ctx);
const struct phase *ui_phase(const struct ui_ctx *ctx);

/*
 * Votes and mitigations per threat, by the threat's position in model->threats, counted in one
 * pass so lists of thousands stay fast. Threats added after the count have none.
 */
struct threat_counts {
	size_t n; /* threats counted */
	int *votes;
	size_t *mitigations_at; /* position -> where its run in `mitigations` starts; n + 1 */
	const struct mitigation **mitigations; /* grouped by threat */
};

/* Counts over the model; valid until votes or mitigations change (ctx->recounted). */
void threat_counts_init(struct threat_counts *c, struct ui_ctx *ctx);
int threat_counts_votes(const struct threat_counts *c, size_t at);
int threat_counts_mitigations(const struct threat_counts *c, size_t at);
/* The mitigations that list the threat at `at`, in model order; *n of them, borrowed. */
const struct mitigation *const *threat_counts_mitigation_list(const struct threat_counts *c,
							      size_t at, size_t *n);
void threat_counts_release(struct threat_counts *c);

/* Per participant, indexed like model->participants: what the prioritise and session screens
 * show beside each name, counted in one pass after each change, not on every frame. */
struct participant_tally {
	int dots; /* dots given, over every threat */
	int raised; /* threats raised; counted only when `raised` is asked for */
};
const struct participant_tally *ui_participant_tally(struct ui_ctx *ctx, bool raised);

/* Dots each participant may give in dot voting. */
#define UI_DOTS 3

/* Dots `participant` has given, over every threat. */
int ui_votes_given(const struct model *m, const char *participant);

/* Handle the actions every screen accepts: view_actions.c (screens, the cell, people, the
 * agenda), view_records.c (threats and mitigations), view_diagram.c (elements, flows). */
int view_actions_handle(struct ui_ctx *ctx, const struct request *req);
int view_records_handle(struct ui_ctx *ctx, const struct request *req);
int view_diagram_handle(struct ui_ctx *ctx, const struct request *req);

/* The id an action without one is about: the first word of `arg` when it looks like
 * `prefix`-NNNN (and *rest gets what follows), else the current screen's selection. */
const char *ui_target(struct ui_ctx *ctx, const char *arg, char prefix, struct sbuf *id,
		      const char **rest);

#endif
