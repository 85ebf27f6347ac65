/*
 * stridewalk export MODEL --format yaml|json|md|csv|otm|threatdragon [-o FILE]
 * [--per threat|mitigation]
 */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "app_questionnaire.h"
#include "cli_internal.h"
#include "clock.h"
#include "export.h"
#include "qlibrary.h"
#include "report_md.h"
#include "sbuf.h"
#include "util.h"

/*
 * The questionnaires named with --questionnaires as well as the shipped and user ones, which
 * the report uses to name questions and mark risky answers. When they cannot be loaded the
 * report still comes out after a warning, with the shipped ones.
 */
static struct qlibrary *load_questionnaires(const struct cli *cli)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf msg = SBUF_INIT;
	struct qlibrary *lib = qlibrary_new();

	if (qlibrary_load(lib, &cli->questionnaire_dirs, &err) == 0)
		return lib;
	sw_error_format(&err, &msg);
	cli_err("stridewalk: warning: %s (the report falls back to the shipped "
		"questionnaires)\n",
		sbuf_str(&msg));
	sbuf_release(&msg);
	sw_error_release(&err);
	qlibrary_free(lib);
	return NULL;
}

static int stream_piece(void *arg, const char *text, size_t len)
{
	return cli_stream_write(arg, text, len) ? -1 : 0;
}

/*
 * The report goes out in pieces as it is written: a large model's report would otherwise
 * sit in memory whole, next to the model, several times the model's own size.
 */
static int export_report(const struct model *m, struct export_options *opts, const char *out)
{
	struct sw_error err = SW_ERROR_INIT;
	struct cli_stream *stream = NULL;
	struct report_sink sink = {stream_piece, NULL};
	struct sbuf unused = SBUF_INIT;
	int rc = cli_stream_open(out, &stream);

	if (rc)
		return rc;
	sink.arg = stream;
	opts->sink = &sink;
	rc = export_model(m, "md", opts, &unused, &err);
	if (rc && cli_stream_failed(stream)) /* said already, or by cli_main for stdout */
		rc = cli_stream_close(stream, false);
	else if (rc) {
		cli_stream_close(stream, false);
		rc = cli_fail(&err);
	} else {
		rc = cli_stream_close(stream, true);
	}
	sbuf_release(&unused);
	sw_error_release(&err);
	return rc;
}

/*
 * A report on a model file describes each question as it was when it was answered: the
 * questionnaires loaded now, replaced by the model's snapshots where their files changed since.
 */
static int read_for_report(const struct cli *cli, const char *path, struct model **m,
			   struct qlibrary **lib, struct sw_error *err)
{
	struct sw_error warn = SW_ERROR_INIT;
	struct sbuf msg = SBUF_INIT;
	struct app *app = NULL;

	if (app_open(path, DB_READONLY | APP_READ_ONCE, &app, err))
		return -1;
	*lib = load_questionnaires(cli);
	if (!*lib)
		*lib = qlibrary_new();
	if (app_use_snapshots(app, *lib, &warn) < 0) {
		sw_error_format(&warn, &msg);
		cli_err("stridewalk: warning: %s (the report uses the files as they are)\n",
			sbuf_str(&msg));
	}
	*m = app->model;
	app->model = NULL;
	app_close(app);
	sbuf_release(&msg);
	sw_error_release(&warn);
	return 0;
}

int cli_export(struct cli *cli, int argc, char **argv)
{
	const char *model_path = NULL, *format = NULL, *out = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct export_options opts = {0};
	struct sbuf text = SBUF_INIT;
	struct qlibrary *lib = NULL;
	struct model *m = NULL;
	int i, rc;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
		else if (str_eq(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (str_eq(argv[i], "--per") && i + 1 < argc)
			opts.per = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
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
	if (str_eq(format, "md") && !cli_is_text_model(model_path))
		rc = read_for_report(cli, model_path, &m, &lib, &err);
	else
		rc = cli_read_model(model_path, &m, &err);
	if (rc) {
		rc = cli_fail(&err);
		qlibrary_free(lib);
		sw_error_release(&err);
		return rc;
	}
	if (str_eq(format, "md") && !lib)
		lib = load_questionnaires(cli);
	opts.now = clock_now();
	opts.qlib = lib;
	if (str_eq(format, "md"))
		rc = export_report(m, &opts, out);
	else if (export_model(m, format, &opts, &text, &err))
		rc = cli_fail(&err);
	else
		rc = cli_output(out, text.buf, text.len);
	qlibrary_free(lib);
	cli_drop_model(m);
	sbuf_release(&text);
	sw_error_release(&err);
	return rc;
}
