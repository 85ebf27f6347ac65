/* Answering a question of the current element by command, from any screen. No curses. */
#include <stdlib.h>
#include <string.h>

#include "act.h"
#include "app_questionnaire.h"
#include "command.h"
#include "qlibrary.h"
#include "util.h"

static int answer(struct ui_ctx *ctx, const char *arg)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf path = SBUF_INIT, input = SBUF_INIT;
	const struct element *e = ui_element(ctx);
	const struct questionnaire *qn = NULL;
	const struct question *q = NULL;
	const char *rest = arg ? arg : "";
	char *slash, *value = NULL;
	int flags;

	if (command_word(&rest, &path) && (slash = strchr(path.buf, '/'))) {
		*slash = '\0';
		qn = ui_qlib(ctx) ? qlibrary_questionnaire(ui_qlib(ctx), path.buf) : NULL;
		q = qn ? questionnaire_find_question(qn, slash + 1) : NULL;
		*slash = '/';
	}
	command_rest(rest, &input);
	if (!e) {
		flags = ui_fail(ctx, "there is no element to answer for");
	} else if (!q) {
		flags = ui_fail(ctx, "no question '%s' (write QUESTIONNAIRE/QUESTION VALUE)",
				sbuf_str(&path));
	} else if (app_answer_value(q, sbuf_str(&input), &value, &err) ||
		   app_answer_question(ctx->app, ui_qlib(ctx), e->id, qn->id, q->id, value, NULL,
				       &err)) {
		flags = ui_error(ctx, &err);
	} else {
		ui_message(ctx, MSG_SAVED, "saved answer %s = %s", path.buf, value);
		flags = VIEW_DONE;
	}
	free(value);
	sbuf_release(&path);
	sbuf_release(&input);
	return flags;
}

int act_answer(struct ui_ctx *ctx, const struct request *req)
{
	return answer(ctx, req->arg);
}
