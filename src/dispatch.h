/*
 * Carrying out a request: the current screen's handler first, then the global handler the
 * action table names for the action (act.h), in that order and no other.
 */
#ifndef SW_DISPATCH_H
#define SW_DISPATCH_H

#include "ui.h"
#include "view.h"

/* Returns the view_flag bits; an action nothing takes leaves a message saying so. */
int dispatch_request(struct ui_ctx *ctx, const struct request *req);

/* Runs a command line ("threat Forged token") as a request. */
int dispatch_command(struct ui_ctx *ctx, const char *line);

#endif
