/*
 * stridewalk check MODEL [--fail-on none|low|medium|high|critical] [--require-coverage]
 * The CI gate: one grep-friendly line per problem on stdout, exit 1 when there is any.
 * Also home of cli_read_model(), which check and diff share.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli_internal.h"
#include "coverage.h"
#include "report.h"
#include "risk.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "termsafe.h"
#include "util.h"

bool cli_is_text_model(const char *path)
{
	return str_ends_with(path, ".yaml") || str_ends_with(path, ".yml") ||
	       str_ends_with(path, ".json");
}

int cli_read_model(const char *path, struct model **out, struct sw_error *err)
{
	struct app *app = NULL;

	*out = NULL;
	if (cli_is_text_model(path))
		return system_yaml_load(path, out, err);
	if (app_open(path, DB_READONLY | APP_READ_ONCE, &app, err))
		return -1;
	*out = app->model;
	app->model = NULL;
	app_close(app);
	return 0;
}

void cli_drop_app(struct app *app)
{
#ifdef NDEBUG
	app_close_at_exit(app);
#else
	app_close(app);
#endif
}

void cli_drop_model(struct model *m)
{
#ifdef NDEBUG
	(void)m;
#else
	model_free(m);
#endif
}

static int risk_problems(const char *path, const struct report *r)
{
	const struct model *m = r->m;
	char letters[STRIDE_COUNT + 1];
	struct sbuf line = SBUF_INIT;
	size_t k;
	int n = 0;

	for (k = 0; k < r->norder; k++) { /* only the active threats at min_score or above */
		const struct threat *t = m->threats[r->order[k]];
		int risk = threat_risk(t);
		threat_letters_text(t, letters);
		sbuf_reset(&line);
		/* "PATH: T-0001: open high risk 16 (orders-fn, S): " in pieces, not a format:
		 * a large model has thousands of these lines */
		sbuf_addstr(&line, path);
		sbuf_addstr(&line, ": ");
		sbuf_addstr(&line, t->id);
		sbuf_addstr(&line, ": ");
		sbuf_addstr(&line, threat_status_name(t->status));
		sbuf_addch(&line, ' ');
		sbuf_addstr(&line, risk_band_name(risk_band_of(risk)));
		sbuf_addstr(&line, " risk ");
		sbuf_addlong(&line, risk);
		sbuf_addstr(&line, " (");
		sbuf_addstr(&line, t->element);
		sbuf_addstr(&line, ", ");
		sbuf_addstr(&line, letters);
		sbuf_addstr(&line, "): ");
		/* one line: a title with a line break must not split a problem in two */
		termsafe_add(&line, t->title ? t->title : "", t->title ? strlen(t->title) : 0,
			     TERMSAFE_LINE);
		sbuf_addch(&line, '\n');
		cli_out_text(line.buf, line.len);
		n++;
	}
	sbuf_release(&line);
	return n;
}

static int coverage_problems(const char *path, const struct report *r)
{
	const struct model *m = r->m;
	const struct element_coverage *cov = r->ix->cov;
	const char *none = coverage_empty_reason(r->m, &r->ix->totals);
	size_t i;
	int l, n = 0;

	/* No cell pending is not coverage when there are no cells: 0%, and the gate says why. */
	if (none) {
		cli_out("%s: %s: nothing has been walked\n", path, none);
		return 1;
	}
	for (i = 0; i < m->nelements; i++) {
		for (l = 0; l < STRIDE_COUNT; l++) {
			if (!(cov[i].applicable & STRIDE_BIT(l)) ||
			    coverage_cell(&cov[i], (enum stride_letter)l) != CELL_PENDING)
				continue;
			cli_out("%s: %s: pending STRIDE cell %c (%s)\n", path, m->elements[i]->id,
				stride_char((enum stride_letter)l),
				stride_name((enum stride_letter)l));
			n++;
		}
	}
	return n;
}

/* "none" turns the risk check off (for --require-coverage alone); 0 = off. */
static int parse_fail_on(const char *s, int *min_score)
{
	enum risk_band band;

	if (str_eq(s, "none")) {
		*min_score = 0;
		return 0;
	}
	if (risk_band_parse(s, &band))
		return -1;
	*min_score = risk_band_min_score(band);
	return 0;
}

int cli_check(struct cli *cli, int argc, char **argv)
{
	const char *path = NULL, *fail_on = "high";
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;
	struct app *app = NULL;
	struct report r;
	bool coverage = false;
	int i, min_score, problems = 0;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--fail-on") && i + 1 < argc)
			fail_on = argv[++i];
		else if (str_starts_with(argv[i], "--fail-on="))
			fail_on = argv[i] + 10;
		else if (str_eq(argv[i], "--require-coverage"))
			coverage = true;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage("check: unknown option '%s'", argv[i]);
		else if (!path)
			path = argv[i];
		else
			return cli_usage("check: more than one model given");
	}
	if (!path)
		return cli_usage("check: need a model (stridewalk check MODEL.db --fail-on high)");
	if (parse_fail_on(fail_on, &min_score))
		return cli_usage("check: unknown band '%s' for --fail-on (expected none, low, "
				 "medium, high or critical)",
				 fail_on);
	/* A model file is read through the app, whose index the gate then reads as it is. */
	if (cli_is_text_model(path) ? system_yaml_load(path, &m, &err)
				    : app_open(path, DB_READONLY | DB_GATE_ONLY, &app, &err)) {
		cli_fail(&err);
		sw_error_release(&err);
		return EXIT_USAGE;
	}
	report_init_at_risk(&r, app ? app->model : m, app ? &app->index : NULL,
			    min_score ? min_score : INT_MAX); /* off: nothing to order */
	if (min_score)
		problems += risk_problems(path, &r);
	if (coverage)
		problems += coverage_problems(path, &r);
	report_release(&r);
	if (app)
		cli_drop_app(app);
	else
		cli_drop_model(m);
	if (fflush(stdout) != 0)
		return EXIT_USAGE; /* cli_main says why */
	if (problems) {
		cli_err("stridewalk: check failed: %d %s (--fail-on %s%s)\n", problems,
			report_plural(problems, "problem", "problems"), fail_on,
			coverage ? ", --require-coverage" : "");
		return EXIT_FAILED;
	}
	cli_err("stridewalk: check passed (--fail-on %s%s)\n", fail_on,
		coverage ? ", --require-coverage" : "");
	return EXIT_OK;
}
