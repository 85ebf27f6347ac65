/*
 * What the view tests share: a fresh model file made from a shipped template, the shipped
 * questionnaires, and a UI context on them, driven with requests and commands as the UI would
 * (no terminal involved). Header-only so each test_view_*.c stays one executable.
 */
#ifndef SW_UI_FIXTURE_H
#define SW_UI_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "qlibrary.h"
#include "system_yaml.h"
#include "templates.h"
#include "dispatch.h"
#include "ui.h"
#include "xalloc.h"

struct ui_fixture {
	char *dir;
	char *path;
	struct app *app;
	struct qlibrary *lib;
	struct ui_ctx *ctx;
};

static inline void fixture_fail(struct sw_error *err)
{
	fail_msg("%s:%d:%d: %s", err->file ? err->file : "", err->line, err->col,
		 err->msg ? err->msg : "?");
}

/* A model from `template` ("demo-hr-workshop", "hello-lambda") with a UI context on it. */
static inline struct ui_fixture *ui_fixture_new(const char *template, bool review)
{
	struct ui_fixture *f = xcalloc(1, sizeof(*f));
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;
	char *yaml = NULL;

	setenv("STRIDEWALK_NOW", "2026-03-02T10:00:00Z", 1);
	setenv("STRIDEWALK_USER", "tester", 1);
	f->dir = test_tmpdir();
	setenv("XDG_CONFIG_HOME", f->dir,
	       1); /* no questionnaires of the person running the tests */
	f->path = test_path(f->dir, "model.db");
	if (templates_resolve(template, &yaml, &err) || system_yaml_load(yaml, &m, &err) ||
	    app_open(f->path, DB_NEW, &f->app, &err) ||
	    app_replace_model(f->app, m, "import", "test model", &err))
		fixture_fail(&err);
	f->lib = qlibrary_new();
	if (qlibrary_load(f->lib, NULL, &err))
		fixture_fail(&err);
	f->ctx = ui_ctx_new(f->app, f->lib, review);
	free(yaml);
	return f;
}

static inline void ui_fixture_free(struct ui_fixture *f)
{
	ui_ctx_free(f->ctx);
	qlibrary_free(f->lib);
	app_close(f->app);
	free(f->path);
	free(f->dir);
	free(f);
}

/* cmocka set-ups and the tear-down: a fixture on the demo workshop or on hello-lambda. */
static inline int fixture_demo(void **state)
{
	*state = ui_fixture_new("demo-hr-workshop", false);
	return 0;
}

static inline int fixture_hello(void **state)
{
	*state = ui_fixture_new("hello-lambda", false);
	return 0;
}

static inline int fixture_free(void **state)
{
	ui_fixture_free(*state);
	return 0;
}

/* A key-less request: the action as a key press would send it. */
static inline int press(struct ui_fixture *f, enum action a)
{
	struct request req = {a, NULL, 0, NULL};

	return dispatch_request(f->ctx, &req);
}

/* Answers the prompt the last request opened, as Enter in the prompt would. */
static inline int answer_prompt(struct ui_fixture *f, const char *text)
{
	struct request req = {f->ctx->prompt.action, text, f->ctx->prompt.step, NULL};
	char *subject = f->ctx->prompt.subject ? xstrdup(f->ctx->prompt.subject) : NULL;
	int flags;

	assert_true(f->ctx->prompting);
	req.subject = subject;
	ui_prompt_clear(f->ctx);
	flags = dispatch_request(f->ctx, &req);
	free(subject);
	return flags;
}

/* Runs a command line; fails the test when it leaves an error message. */
static inline int run_ok(struct ui_fixture *f, const char *line)
{
	int flags;

	sbuf_reset(&f->ctx->message);
	flags = dispatch_command(f->ctx, line);
	if (f->ctx->message_kind == MSG_ERROR && f->ctx->message.len)
		fail_msg("':%s' failed: %s", line, f->ctx->message.buf);
	return flags;
}

/* Runs a command line that must fail with a message containing `want`. */
static inline void run_fails(struct ui_fixture *f, const char *line, const char *want)
{
	sbuf_reset(&f->ctx->message);
	dispatch_command(f->ctx, line);
	assert_int_equal(f->ctx->message_kind, MSG_ERROR);
	if (!strstr(sbuf_str(&f->ctx->message), want))
		fail_msg("':%s' said '%s', not '%s'", line, sbuf_str(&f->ctx->message), want);
}

static inline const struct threat *last_threat(struct ui_fixture *f)
{
	const struct model *m = f->app->model;

	assert_true(m->nthreats > 0);
	return m->threats[m->nthreats - 1];
}

#endif
