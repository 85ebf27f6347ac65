/* stridewalk import MODEL.db FILE [--replace]: a system-model YAML file into a model. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "cli_internal.h"
#include "model_merge.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "util.h"

static void print_merge(const char *file, const struct merge_report *r)
{
	size_t i;

	printf("imported %s: %d added, %d changed, %d removed, %d unchanged "
	       "(elements, flows and boundaries)\n",
	       file, r->added, r->changed, r->removed, r->unchanged);
	printf("carried over %d threats", r->threats_kept);
	if (r->threats_dropped || r->decisions_dropped || r->answers_dropped)
		printf("; dropped %d threats, %d coverage decisions and %d answers on removed "
		       "elements or letters that no longer apply",
		       r->threats_dropped, r->decisions_dropped, r->answers_dropped);
	printf("\n");
	if (r->changed_ids.count) {
		printf("to walk again (new or changed):");
		for (i = 0; i < r->changed_ids.count; i++)
			printf(" %s", r->changed_ids.items[i]);
		printf("\n");
	}
}

/* Puts `incoming` into the model: whole when the model is empty or --replace, else merged. */
static int apply(struct app *app, struct model *incoming, const char *file, bool replace,
		 struct sw_error *err)
{
	struct merge_report report;
	struct model *merged;
	struct sbuf summary = SBUF_INIT;
	int rc;

	sbuf_addf(&summary, "import %s", file);
	if (replace || app->model->nelements == 0) {
		rc = app_replace_model(app, incoming, "import", summary.buf, err);
		if (rc == 0)
			printf("imported %s: %zu elements, flows and boundaries, %zu threats\n", file,
			       app->model->nelements, app->model->nthreats);
		else
			model_free(incoming);
		sbuf_release(&summary);
		return rc;
	}
	if (model_has_work(incoming)) {
		model_free(incoming);
		sbuf_release(&summary);
		return sw_error(err,
				"%s already holds a model and %s records workshop work; use --replace "
				"to overwrite the model, or import into a new file",
				db_path(app->db), file);
	}
	merged = model_merge(app->model, incoming, &report);
	model_free(incoming);
	rc = app_replace_model(app, merged, "import", summary.buf, err);
	if (rc == 0)
		print_merge(file, &report);
	else
		model_free(merged);
	merge_report_release(&report);
	sbuf_release(&summary);
	return rc;
}

int cli_import(struct cli *cli, int argc, char **argv)
{
	const char *model_path = NULL, *file = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct model *incoming = NULL;
	struct app *app = NULL;
	bool replace = false;
	int i, rc = EXIT_OK;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--replace"))
			replace = true;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage("import: unknown option '%s'", argv[i]);
		else if (!model_path)
			model_path = argv[i];
		else if (!file)
			file = argv[i];
		else
			return cli_usage("import: too many arguments");
	}
	if (!file)
		return cli_usage("import: need a model and a file (stridewalk import MODEL.db FILE)");
	/* Parse first: a bad file must not even create the model. */
	if (system_yaml_load(file, &incoming, &err) || app_open(model_path, DB_CREATE, &app, &err) ||
	    apply(app, incoming, file, replace, &err)) {
		if (!app)
			model_free(incoming);
		rc = cli_fail(&err);
	}
	app_close(app);
	sw_error_release(&err);
	return rc;
}
