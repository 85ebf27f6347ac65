/*
 * The actions whose record depends on what is named or selected, decided here and nowhere
 * else: rename and delete mean a threat when a T- id is named or a threat selected, else an
 * element; status means a mitigation when an M- id is named or one selected, else a threat.
 */
#include "act.h"
#include "util.h"

/* Is the status request about a mitigation: an M- id given, or one selected? */
static bool about_mitigation(struct ui_ctx *ctx, const struct request *req)
{
	const char *s = req->subject ? req->subject : req->arg;
	const char *sel;

	if (s && (s[0] == 'M' || s[0] == 'm') && (s[1] == '-' || (s[1] >= '0' && s[1] <= '9')))
		return true;
	if (s && (s[0] == 'T' || s[0] == 't') && (s[1] == '-' || (s[1] >= '0' && s[1] <= '9')))
		return false;
	sel = ui_selected(ctx);
	return sel && sel[0] == 'M';
}

/* Rename and delete mean a threat when one is named or selected, else an element. */
static bool about_threat(struct ui_ctx *ctx, const struct request *req)
{
	struct sbuf id = SBUF_INIT;
	const char *rest;
	bool yes = ui_target(ctx, req->subject ? req->subject : req->arg, 'T', &id, &rest) != NULL;

	sbuf_release(&id);
	return yes;
}

int act_edit_rename(struct ui_ctx *ctx, const struct request *req)
{
	return about_threat(ctx, req) ? act_threat_retitle(ctx, req) : act_diagram_rename(ctx, req);
}

int act_edit_delete(struct ui_ctx *ctx, const struct request *req)
{
	return about_threat(ctx, req) ? act_threat_delete(ctx, req) : act_diagram_delete(ctx, req);
}

int act_edit_status(struct ui_ctx *ctx, const struct request *req)
{
	return about_mitigation(ctx, req) ? act_mitigation_status(ctx, req)
					  : act_threat_status(ctx, req);
}
