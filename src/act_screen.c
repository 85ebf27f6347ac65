/*
 * The actions about screens that every screen accepts: switching, the command prompt, undo,
 * saving the screen, presentation mode, quitting. No curses here.
 */
#include <stdlib.h>

#include "act.h"
#include "dispatch.h"
#include "util.h"

int act_screen_quit(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	ctx->quit = true;
	return VIEW_HANDLED | VIEW_QUIT;
}

int act_screen_command(struct ui_ctx *ctx, const struct request *req)
{
	if (str_empty(req->arg))
		return ui_prompt(ctx, ACT_COMMAND, 0, NULL, "", ":");
	return dispatch_command(ctx, req->arg);
}

int act_screen_undo(struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	char *summary = NULL;
	int rc = app_undo(ctx->app, &summary, &err);

	(void)req;
	if (rc < 0)
		return ui_error(ctx, &err);
	if (rc == 1)
		ui_message(ctx, MSG_INFO, "nothing to undo");
	else
		ui_message(ctx, MSG_SAVED, "undone: %s", summary ? summary : "the last change");
	free(summary);
	return VIEW_DONE;
}

int act_screen_redo(struct ui_ctx *ctx, const struct request *req)
{
	struct sw_error err = SW_ERROR_INIT;
	char *summary = NULL;
	int rc = app_redo(ctx->app, &summary, &err);

	(void)req;
	if (rc < 0)
		return ui_error(ctx, &err);
	if (rc == 1)
		ui_message(ctx, MSG_INFO,
			   "nothing to redo (only what U took back, before any change)");
	else
		ui_message(ctx, MSG_SAVED, "redone: %s", summary);
	free(summary);
	return VIEW_DONE;
}

int act_screen_redraw(struct ui_ctx *ctx, const struct request *req)
{
	(void)ctx;
	(void)req;
	return VIEW_DONE;
}

int act_screen_save(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	return ui_prompt(ctx, ACT_SAVE_SCREEN, 0, NULL, "screen.txt",
			 "Save the screen as text to the file");
}

int act_screen_view(struct ui_ctx *ctx, const struct request *req)
{
	const struct view_info *info;

	if (str_empty(req->arg))
		return ui_fail(ctx, "say which screen: %s", view_names());
	if (!(info = view_named(req->arg)))
		return ui_fail(ctx, "no screen '%s' (%s)", req->arg, view_names());
	ui_switch(ctx, info->id);
	return VIEW_DONE;
}

/* Help is not in the cycle: from help, the cycle goes on from the screen help was opened on. */
static int cycle(struct ui_ctx *ctx, int delta)
{
	enum view_id at = view_info(ctx->current)->cycles ? ctx->current : ctx->previous;

	ui_switch(ctx, view_cycle(at, delta));
	return VIEW_DONE;
}

int act_screen_next(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	return cycle(ctx, 1);
}

int act_screen_prev(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	return cycle(ctx, -1);
}

int act_screen_jump(struct ui_ctx *ctx, const struct request *req)
{
	ui_switch(ctx, view_jumped_to(req->action));
	return VIEW_DONE;
}

int act_screen_back(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	ui_switch(ctx, ctx->previous);
	return VIEW_DONE;
}

int act_screen_present(struct ui_ctx *ctx, const struct request *req)
{
	(void)req;
	ctx->present = !ctx->present;
	if (ctx->present && ctx->current != VIEW_WALK && ctx->current != VIEW_QUESTIONNAIRE)
		ui_switch(ctx, VIEW_WALK);
	ui_message(ctx, MSG_INFO, "presentation mode %s", ctx->present ? "on (z to leave)" : "off");
	return VIEW_DONE;
}
