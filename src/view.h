/*
 * The screen interface (tig's view_ops, htop's HandlerResult). A screen is a state struct plus
 * `handle`, which takes an action and changes the model only through app.h, never touching the
 * terminal (so tests drive it without one), plus `draw`, which reads that state and draws.
 * Which screens there are comes from the screen table (screens.h); what they share lives in
 * struct ui_ctx (ui.h); actions a screen does not take go to the global handlers (dispatch.c).
 */
#ifndef SW_VIEW_H
#define SW_VIEW_H

#include <stdbool.h>

#include "action.h"
#include "screens.h"

struct ui_ctx;

enum view_id {
#define S(X, id, ...) VIEW_##id,
	SCREEN_TABLE(S, _)
#undef S
	    VIEW_COUNT
};

/* What handle() returns: bits. */
enum view_flag {
	VIEW_HANDLED = 1 << 0, /* the action meant something here (else the global handler runs) */
	VIEW_REDRAW = 1 << 1, /* the screen must be drawn again */
	VIEW_PROMPT = 1 << 2, /* ctx->prompt asks the user for a line of text */
	VIEW_QUIT = 1 << 3,
	VIEW_DONE = VIEW_HANDLED | VIEW_REDRAW, /* what most handlers return */
};

/* One action to carry out: from a key (arg NULL), a command, or an answered prompt. */
struct request {
	enum action action;
	const char *arg; /* NULL or "": none given (a handler may then prompt) */
	int step; /* 0, or which question of a multi-step prompt `arg` answers */
	const char *subject; /* the id the prompt was about, or NULL */
};

struct rect {
	int y, x, h, w;
};

/* A key hint: the action's first key and a label (NULL: the action table's). */
struct hint {
	enum action action;
	const char *label;
};

struct view;

struct view_ops {
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
	enum view_id id;
};

/* A screen as the screen table describes it. */
struct view_info {
	enum view_id id;
	const char *name; /* for :view NAME */
	const char *alias; /* another name it answers to, or NULL */
	const char *title; /* on the tab bar */
	enum action jump; /* the action that makes it the current screen */
	unsigned scope; /* its key map: one enum action_scope bit */
	bool cycles; /* Tab and Shift-Tab visit it */
	const struct view_ops *ops;
};

#define S(X, id, file, ...) extern const struct view_ops view_##file##_ops;
SCREEN_TABLE(S, _)
#undef S

/* Borrowed, static. view_info(id) for every id below VIEW_COUNT; view_named() NULL when no
 * screen has that name (or alias). */
const struct view_info *view_info(enum view_id id);
const struct view_info *view_named(const char *name);
/* The screen `action` jumps to, or VIEW_COUNT when it is no screen-jump action. */
enum view_id view_jumped_to(enum action action);
/* The next screen of the Tab cycle after `from` (delta 1) or before it (-1). */
enum view_id view_cycle(enum view_id from, int delta);
/* "overview, walk, ..." for messages: every screen's name. */
const char *view_names(void);

#endif
