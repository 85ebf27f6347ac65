/*
 * sw_saver: performs committed changes through the application service, one at a time, the
 * way the workshop UI does, and prints "saved NAME-i" only after each one is committed.
 *   sw_saver MODEL.db NAME [COUNT]
 * Operation i (from 1) on the model's first process element: i%3 == 1 adds a threat titled
 * NAME-i, i%3 == 2 sets the system description to NAME-i, i%3 == 0 marks its T cell "none"
 * with the reason NAME-i. COUNT 0 (the default) means until killed. Before each change it calls
 * app_refresh(), as the UI should before every action, to pick up another process's commits.
 * A change refused because another process committed first ("changed the model a moment
 * ago") is repeated, as a user would; any other failure prints "failed NAME-i: message" and
 * exits 3: never silently.
 * Used by the SIGKILL durability test and the two-process test (tests/cli/).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "sbuf.h"
#include "xalloc.h"

static const char *first_process(const struct model *m)
{
	size_t i;

	for (i = 0; i < m->nelements; i++)
		if (m->elements[i]->kind == KIND_PROCESS)
			return m->elements[i]->id;
	return NULL;
}

/* Copies: app_set_meta() frees the model's strings before it copies its arguments. */
static int set_description(struct app *app, const char *text, struct sw_error *err)
{
	char *name = xstrdup(app->model->name);
	char *scope = app->model->scope ? xstrdup(app->model->scope) : NULL;
	int rc = app_set_meta(app, name, text, scope, err);

	free(name);
	free(scope);
	return rc;
}

static int one_change(struct app *app, const char *element, long i, const char *label,
		      struct sw_error *err)
{
	if (app_refresh(app, err) < 0)
		return -1;
	switch (i % 3) {
	case 1:
		return app_add_threat(app, element, STRIDE_S, label, "saver", NULL, err);
	case 2:
		return set_description(app, label, err);
	default:
		return app_decide(app, element, STRIDE_T, CELL_NONE, label, err);
	}
}

/*
 * A change refused because another process committed first is what a user would see and
 * repeat after the screen refreshes; the saver repeats it too (app_refresh picks up the news).
 */
static int with_retries(struct app *app, const char *element, long i, const char *label,
			struct sw_error *err)
{
	int tries;

	for (tries = 0; tries < 1000; tries++) {
		if (one_change(app, element, i, label, err) == 0)
			return 0;
		if (!err->msg || !strstr(err->msg, "changed the model a moment ago"))
			return -1;
		printf("retry %s\n", label);
		sw_error_release(err);
	}
	return -1;
}

int main(int argc, char **argv)
{
	struct sw_error err = SW_ERROR_INIT;
	struct app *app = NULL;
	char *element = NULL; /* a copy: app_refresh() replaces the model it came from */
	long i, count = argc > 3 ? atol(argv[3]) : 0;

	if (argc < 3) {
		fprintf(stderr, "usage: sw_saver MODEL.db NAME [COUNT]\n");
		return 2;
	}
	if (app_open(argv[1], 0, &app, &err) || !first_process(app->model)) {
		fprintf(stderr, "sw_saver: cannot use %s: %s\n", argv[1],
			err.msg ? err.msg : "no process element");
		return 2;
	}
	element = xstrdup(first_process(app->model));
	app_set_who(app, argv[2]);
	for (i = 1; count == 0 || i <= count; i++) {
		struct sbuf label = SBUF_INIT;
		int rc;

		sbuf_addf(&label, "%s-%ld", argv[2], i);
		rc = with_retries(app, element, i, label.buf, &err);
		if (rc) {
			struct sbuf msg = SBUF_INIT;
			sw_error_format(&err, &msg);
			printf("failed %s: %s\n", label.buf, msg.buf);
			fflush(stdout);
			fprintf(stderr, "sw_saver: failed %s: %s\n", label.buf, msg.buf);
			sbuf_release(&msg);
			sbuf_release(&label);
			app_close(app);
			sw_error_release(&err);
			free(element);
			return 3;
		}
		printf("saved %s\n", label.buf);
		fflush(stdout);
		sbuf_release(&label);
	}
	app_close(app);
	free(element);
	return 0;
}
