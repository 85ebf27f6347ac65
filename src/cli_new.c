/* stridewalk new MODEL.db [--template NAME|FILE] [--name TEXT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli_internal.h"
#include "system_yaml.h"
#include "templates.h"
#include "util.h"
#include "xalloc.h"

static int load_start(const char *template, const char *name, struct model **out,
		      struct sw_error *err)
{
	char *path = NULL;
	int rc;

	if (!template) {
		*out = model_new();
		(*out)->name = xstrdup(name ? name : "Untitled system");
		return 0;
	}
	if (templates_resolve(template, &path, err))
		return -1;
	rc = system_yaml_load(path, out, err);
	free(path);
	if (rc == 0 && name) {
		free((*out)->name);
		(*out)->name = xstrdup(name);
	}
	return rc;
}

int cli_new(struct cli *cli, int argc, char **argv)
{
	const char *model_path = NULL, *template = NULL, *name = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct model *start = NULL;
	struct app *app = NULL;
	int i, rc = EXIT_USAGE;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--template") && i + 1 < argc)
			template = argv[++i];
		else if (str_eq(argv[i], "--name") && i + 1 < argc)
			name = argv[++i];
		else if (argv[i][0] == '-')
			return cli_usage("new: unknown option '%s'", argv[i]);
		else if (!model_path)
			model_path = argv[i];
		else
			return cli_usage("new: more than one model file given");
	}
	if (!model_path)
		return cli_usage("new: which model file? (stridewalk new MODEL.db)");
	/* Read the template before creating anything, so a bad one leaves no file behind. */
	if (load_start(template, name, &start, &err) || app_open(model_path, DB_NEW, &app, &err) ||
	    app_replace_model(app, start, "import", "new model", &err)) {
		rc = cli_fail(&err);
		if (app) { /* created but not filled (a full disk): leave nothing behind */
			app_close(app);
			app = NULL;
			db_remove_files(model_path);
		}
		model_free(start);
		goto out;
	}
	cli_out("created %s: %s\n", model_path, app->model->name);
	rc = EXIT_OK;
out:
	app_close(app);
	sw_error_release(&err);
	return rc;
}
