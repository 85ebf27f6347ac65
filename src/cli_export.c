/* stridewalk export MODEL.db --format yaml|json [-o FILE] */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "cli_internal.h"
#include "export.h"
#include "sbuf.h"
#include "util.h"

int cli_export(struct cli *cli, int argc, char **argv)
{
	const char *model_path = NULL, *format = NULL, *out = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	struct export_options opts = { 0 };
	struct app *app = NULL;
	int i, rc = EXIT_OK;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (str_eq(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (str_eq(argv[i], "--per") && i + 1 < argc)
			opts.per = argv[++i];
		else if (argv[i][0] == '-')
			return cli_usage("export: unknown option '%s'", argv[i]);
		else if (!model_path)
			model_path = argv[i];
		else
			return cli_usage("export: more than one model file given");
	}
	if (!model_path || !format)
		return cli_usage("export: need a model and a format (stridewalk export MODEL.db "
				 "--format yaml)");
	if (!export_format_known(format))
		return cli_usage("export: unknown format '%s' (expected %s)", format,
				 export_format_names());
	if (app_open(model_path, DB_READONLY, &app, &err) ||
	    export_model(app->model, format, &opts, &text, &err))
		rc = cli_fail(&err);
	else
		rc = cli_output(out, text.buf, text.len);
	app_close(app);
	sbuf_release(&text);
	sw_error_release(&err);
	return rc;
}
