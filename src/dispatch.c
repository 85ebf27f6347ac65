/* Carrying out a request (dispatch.h): the screen, then the handler the action table names. */
#include "dispatch.h"

#include <stddef.h>

#include "act.h"
#include "command.h"

typedef int (*global_handler)(struct ui_ctx *ctx, const struct request *req);

static const global_handler handlers[ACT_COUNT] = {
#define X(id, name, scopes, keys, args, label, help, handler) [ACT_##id] = handler,
    ACTION_TABLE(X)
#undef X
};

int dispatch_request(struct ui_ctx *ctx, const struct request *req)
{
	struct view *v = ctx->views[ctx->current];
	const struct action_info *info = action_info(req->action);
	int flags;

	if (!info)
		return 0;
	if (req->action != ACT_RATE_CAPTURED)
		ui_rating_clear(ctx); /* digits rate only what was captured just before */
	flags = v->ops->handle(v, ctx, req);
	if (!(flags & VIEW_HANDLED) && handlers[req->action])
		flags = handlers[req->action](ctx, req);
	if (!(flags & VIEW_HANDLED)) {
		ui_message(ctx, MSG_ERROR, "'%s' does nothing on the %s screen", info->name,
			   view_info(ctx->current)->name);
		flags = VIEW_DONE;
	}
	app_keep_place(ctx->app, ctx->element, ctx->letter);
	if (ctx->quit)
		flags |= VIEW_QUIT;
	return flags;
}

int dispatch_command(struct ui_ctx *ctx, const char *line)
{
	struct sw_error err = SW_ERROR_INIT;
	struct request req = {ACT_NONE_, NULL, 0, NULL};

	if (command_parse(line, &req.action, &req.arg, &err))
		return ui_error(ctx, &err);
	return dispatch_request(ctx, &req);
}
