/*
 * stridewalk [MODEL.db] and stridewalk demo: open a model in the workshop UI. When standard
 * input or output is not a terminal (and STRIDEWALK_NO_DISPLAY does not ask for the virtual
 * screen), a one-paragraph summary of the model is printed instead, so scripts and pipes can
 * run `stridewalk MODEL.db` without a terminal.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli_internal.h"
#include "coverage.h"
#include "report.h"
#include "risk.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "templates.h"
#include "term.h"
#include "util.h"
#include "xalloc.h"

#define DEFAULT_MODEL "threatmodel.db"
#define DEMO_TEMPLATE "demo-hr-workshop"

/* "3 flows", "1 flow". */
static void count_of(int n, const char *one, const char *many, const char *after)
{
	cli_out("%d %s%s", n, report_plural(n, one, many), after);
}

static void print_summary(const struct app *app)
{
	const struct model *m = app->model;
	const struct coverage_totals *cov = &app->index.totals;
	const char *none = coverage_empty_reason(m, cov);
	int kinds[KIND_COUNT] = {0}, bands[RISK_BAND_COUNT] = {0};
	size_t i;

	for (i = 0; i < m->nelements; i++)
		kinds[m->elements[i]->kind]++;
	for (i = 0; i < m->nthreats; i++)
		if (threat_status_is_active(m->threats[i]->status))
			bands[risk_band_of(threat_risk(m->threats[i]))]++;
	cli_out("%s (%s)\n  ", m->name, db_path(app->db));
	count_of(kinds[KIND_TRUST_BOUNDARY], "boundary", "boundaries", ", ");
	count_of(kinds[KIND_EXTERNAL_ENTITY], "entity", "entities", ", ");
	count_of(kinds[KIND_PROCESS], "process", "processes", ", ");
	count_of(kinds[KIND_DATA_STORE], "data store", "data stores", ", ");
	count_of(kinds[KIND_DATA_FLOW], "flow", "flows", "\n  ");
	count_of((int)m->nthreats, "threat", "threats", "; ");
	cli_out("open: %d critical, %d high, %d medium, %d low\n  ", bands[RISK_CRITICAL],
		bands[RISK_HIGH], bands[RISK_MEDIUM], bands[RISK_LOW]);
	count_of((int)m->nmitigations, "mitigation", "mitigations", "; ");
	if (none)
		cli_out("coverage %d%% (%s: nothing has been walked)\n", coverage_percent(cov),
			none);
	else
		cli_out("coverage %d%% (%d of %d STRIDE %s decided)\n", coverage_percent(cov),
			cov->cells - cov->count[CELL_PENDING], cov->cells,
			report_plural(cov->cells, "cell", "cells"));
}

static bool interactive(void)
{
	return term_headless() || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO));
}

static int open_model(struct cli *cli, const char *path)
{
	struct sw_error err = SW_ERROR_INIT;
	struct app *app = NULL;
	int rc = EXIT_OK;

	if (app_open(path, DB_CREATE, &app, &err)) {
		rc = cli_fail(&err);
	} else {
		if (db_backup_path(app->db))
			cli_err("stridewalk: upgraded the model; the old one is kept as %s\n",
				db_backup_path(app->db));
		if (cli->summary || !interactive())
			print_summary(app);
		else if (term_run(app, &cli->questionnaire_dirs, cli->review, cli->greeting, &err))
			rc = cli_fail(&err);
		else if (term_caught_signal()) /* saved and restored; still say how it ended */
			rc = 128 + term_caught_signal();
	}
#ifdef NDEBUG
	app_close_at_exit(
	    app); /* the process ends next; debug builds free it all for the leak checks */
#else
	app_close(app);
#endif
	sw_error_release(&err);
	return rc;
}

int cli_open(struct cli *cli, int argc, char **argv)
{
	/*
	 * `stridewalk` alone in a script or a pipe: creating ./threatmodel.db there would be a
	 * surprise, so it only reads one that exists, and otherwise says how to call it.
	 */
	if (argc == 0 && (cli->summary || !interactive()) && access(DEFAULT_MODEL, F_OK) != 0) {
		cli_err("stridewalk: error: no model given and no ./" DEFAULT_MODEL
			" here (nothing was created)\n");
		return cli_print_usage();
	}
	return open_model(cli, argc > 0 ? argv[0] : DEFAULT_MODEL);
}

/* A fresh copy of the demo workshop at `at`, or in a private temporary directory. */
static int make_demo(const char *at, char **model_path, struct sw_error *err)
{
	const char *tmp = getenv("TMPDIR");
	struct sbuf dir = SBUF_INIT;
	struct model *m = NULL;
	struct app *app = NULL;
	char *template = NULL;
	int rc = -1;

	if (at) {
		sbuf_addstr(&dir, at);
	} else {
		sbuf_addf(&dir, "%s/stridewalk-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir.buf)) {
			sw_error(err, "cannot make a directory for the demo in '%s'",
				 tmp ? tmp : "/tmp");
			goto out;
		}
		sbuf_addstr(&dir, "/demo.db");
	}
	if (templates_resolve(DEMO_TEMPLATE, &template, err) ||
	    system_yaml_load(template, &m, err) || app_open(dir.buf, DB_NEW, &app, err))
		goto out;
	if (app_replace_model(app, m, "import", "demo model", err))
		goto out;
	m = NULL;
	*model_path = sbuf_detach(&dir);
	rc = 0;
out:
	model_free(m);
	app_close(app);
	free(template);
	sbuf_release(&dir);
	return rc;
}

int cli_demo(struct cli *cli, int argc, char **argv)
{
	struct sw_error err = SW_ERROR_INIT;
	char *path = NULL;
	int rc;

	struct sbuf greeting = SBUF_INIT;
	bool again;

	if (argc > 1)
		return cli_usage("demo takes at most one argument: where to keep the copy");
	/* A copy kept where the user asked is opened again next time, with their work. */
	again = argc == 1 && access(argv[0], F_OK) == 0;
	if (again) {
		path = xstrdup(argv[0]);
	} else if (make_demo(argc == 1 ? argv[0] : NULL, &path, &err)) {
		rc = cli_fail(&err);
		sw_error_release(&err);
		return rc;
	}
	sbuf_addf(&greeting, "the demo model is %s (%s)", path,
		  again  ? "your copy, as you left it"
		  : argc ? "a new copy: your work stays in it"
			 : "a copy in a temporary directory: stridewalk demo FILE keeps one");
	cli_err("stridewalk: %s\n", greeting.buf);
	cli->greeting = greeting.buf;
	rc = open_model(cli, path);
	cli->greeting = NULL;
	sbuf_release(&greeting);
	free(path);
	return rc;
}
