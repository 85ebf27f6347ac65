/* stridewalk new MODEL.db [--template NAME|FILE | --from FILE|DIR] [--name TEXT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli_import.h"
#include "cli_internal.h"
#include "system_yaml.h"
#include "sbuf.h"
#include "templates.h"
#include "util.h"
#include "xalloc.h"

/* A model read from anything `import` reads: infrastructure code, Threat Dragon, YAML. */
static int load_from(const char *from, const char *name, struct imported *in, struct model **out,
		     struct sw_error *err)
{
	if (cli_import_read(from, NULL, in, err))
		return -1;
	*out = in->model;
	in->model = NULL;
	if (name) {
		free((*out)->name);
		(*out)->name = xstrdup(name);
	}
	return 0;
}

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
	const char *model_path = NULL, *template = NULL, *name = NULL, *from = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct imported in;
	struct model *start = NULL;
	struct app *app = NULL;
	int i, rc = EXIT_USAGE;

	memset(&in, 0, sizeof(in));
	sbuf_init(&in.report);

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--template") && i + 1 < argc)
			template = argv[++i];
		else if (str_eq(argv[i], "--name") && i + 1 < argc)
			name = argv[++i];
		else if (str_eq(argv[i], "--from") && i + 1 < argc)
			from = argv[++i];
		else if (argv[i][0] == '-')
			return cli_usage("new: unknown option '%s'", argv[i]);
		else if (!model_path)
			model_path = argv[i];
		else
			return cli_usage("new: more than one model file given");
	}
	if (!model_path)
		return cli_usage("new: which model file? (stridewalk new MODEL.db)");
	if (template && from)
		return cli_usage("new: give --template or --from, not both");
	/* Read the template before creating anything, so a bad one leaves no file behind. */
	if ((from ? load_from(from, name, &in, &start, &err)
		  : load_start(template, name, &start, &err)) ||
	    app_open(model_path, DB_NEW, &app, &err) ||
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
	if (from)
		imported_print(&in, from);
	cli_out("created %s: %s\n", model_path, app->model->name);
	rc = EXIT_OK;
out:
	imported_release(&in);
	app_close(app);
	sw_error_release(&err);
	return rc;
}
