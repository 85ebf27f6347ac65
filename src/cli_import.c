/*
 * stridewalk import MODEL.db FILE [--replace]: a system-model YAML file (or its JSON export), an
 * OWASP Threat Dragon model or an Open Threat Model (OTM) file, into a model. JSON files are
 * recognised by content, through one table of readers.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli_internal.h"
#include "fileio.h"
#include "import_otm.h"
#include "import_threatdragon.h"
#include "json.h"
#include "model_merge.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "util.h"

static void print_merge(const char *file, const struct merge_report *r)
{
	size_t i;

	cli_out("imported %s: %d added, %d changed, %d removed, %d unchanged "
		"(elements, flows and boundaries)\n",
		file, r->added, r->changed, r->removed, r->unchanged);
	cli_out("carried over %d threats", r->threats_kept);
	if (r->threats_dropped || r->decisions_dropped || r->answers_dropped)
		cli_out("; dropped %d threats, %d coverage decisions and %d answers on removed "
			"elements or letters that no longer apply",
			r->threats_dropped, r->decisions_dropped, r->answers_dropped);
	cli_out("\n");
	if (r->changed_ids.count) {
		cli_out("to walk again (new or changed):");
		for (i = 0; i < r->changed_ids.count; i++)
			cli_out(" %s", r->changed_ids.items[i]);
		cli_out("\n");
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
			cli_out("imported %s: %zu elements, flows and boundaries, %zu threats\n",
				file, app->model->nelements, app->model->nthreats);
		else
			model_free(incoming);
		sbuf_release(&summary);
		return rc;
	}
	if (model_has_work(incoming)) {
		model_free(incoming);
		sbuf_release(&summary);
		return sw_error(
		    err,
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

/* A foreign model replaces the whole model: only into an empty model or with --replace. */
static int apply_foreign(struct app *app, struct model *incoming, const char *file, bool replace,
			 const char *label, const struct sbuf *report, struct sw_error *err)
{
	struct sbuf text = SBUF_INIT;
	int rc;

	if (!replace && app->model->nelements != 0) {
		model_free(incoming);
		return sw_error(err,
				"%s already holds a model; use --replace to overwrite it with %s, "
				"or import into a new file",
				db_path(app->db), file);
	}
	sbuf_addf(&text, "import %s (%s)", file, label);
	rc = app_replace_model(app, incoming, "import", text.buf, err);
	if (rc)
		model_free(incoming);
	else
		cli_out_text(report->buf, report->len);
	sbuf_release(&text);
	return rc;
}

/* ---- the JSON readers ---------------------------------------------------------------------- */

static bool is_system_json(const struct json_value *root)
{
	return json_get(root, "stridewalk") != NULL;
}

/* The JSON export is the YAML format's twin; its reader takes the text again. */
static int read_system_json(const char *file, const struct json_value *root, const char *text,
			    size_t len, struct model **out, struct sbuf *report,
			    struct sw_error *err)
{
	return system_yaml_parse(file, text, len, out, err);
}

static int read_threatdragon(const char *file, const struct json_value *root, const char *text,
			     size_t len, struct model **out, struct sbuf *report,
			     struct sw_error *err)
{
	struct td_report r = TD_REPORT_INIT;
	int rc = td_import(file, root, out, &r, err);

	if (rc == 0)
		td_report_write(&r, file, report);
	td_report_release(&r);
	return rc;
}

static int read_otm(const char *file, const struct json_value *root, const char *text, size_t len,
		    struct model **out, struct sbuf *report, struct sw_error *err)
{
	struct otm_report r = OTM_REPORT_INIT;
	int rc = otm_import(file, root, out, &r, err);

	if (rc == 0)
		otm_report_write(&r, file, report);
	otm_report_release(&r);
	return rc;
}

/* A reader of JSON files: how it knows its files, and whether it replaces the whole model. */
struct json_reader {
	const char *format; /* the format's name in messages and for --format */
	const char *label; /* for people */
	const char *sign; /* what detection looks for, for the refusal message */
	bool foreign; /* replaces the whole model and prints an import report */
	bool (*detect)(const struct json_value *root);
	int (*read)(const char *file, const struct json_value *root, const char *text, size_t len,
		    struct model **out, struct sbuf *report, struct sw_error *err);
};

static const struct json_reader json_readers[] = {
    {"json", "stridewalk model", "a top-level 'stridewalk' key", false, is_system_json,
     read_system_json},
    {"threatdragon", "Threat Dragon", "'summary' or 'detail'", true, td_detect, read_threatdragon},
    {"otm", "OTM", "'otmVersion'", true, otm_detect, read_otm},
};

/* The one reader whose signs the document has; none or several is an error naming them all. */
static const struct json_reader *json_reader_for(const char *file, const struct json_value *root,
						 struct sw_error *err)
{
	const struct json_reader *found = NULL;
	struct sbuf tried = SBUF_INIT;
	size_t i, matches = 0;

	for (i = 0; i < ARRAY_SIZE(json_readers); i++) {
		if (root->type == JSON_OBJECT && json_readers[i].detect(root)) {
			found = found ? found : &json_readers[i];
			matches++;
		}
		sbuf_addf(&tried, "%s%s: %s", i ? "; " : "", json_readers[i].label,
			  json_readers[i].sign);
	}
	if (matches != 1) {
		sw_error_at(err, file, root->line, root->col,
			    matches
				? "JSON that has the signs of more than one format (%s)"
				: "JSON that is none of the formats stridewalk reads (tried: %s)",
			    tried.buf);
		found = NULL;
	}
	sbuf_release(&tried);
	return found;
}

/*
 * Reads FILE. JSON (the first byte that is not white space is '{' or '[') goes to the one
 * JSON reader that recognises it; everything else is read as system-model YAML. *label is
 * set for a foreign format, whose import report goes to `report`.
 */
static int load_incoming(const char *file, struct model **out, const char **label,
			 struct sbuf *report, struct sw_error *err)
{
	const struct json_reader *reader;
	struct sbuf text = SBUF_INIT;
	struct json_value *root = NULL;
	const char *p;
	int rc = -1;

	*label = NULL;
	if (file_read_all(file, &text, err))
		goto out;
	p = sbuf_str(&text);
	if (str_starts_with(p, "\xEF\xBB\xBF"))
		p += 3;
	p += strspn(p, " \t\r\n");
	if (*p != '{' && *p != '[') {
		rc = system_yaml_parse(file, text.buf, text.len, out, err);
		goto out;
	}
	if (json_parse(file, text.buf, text.len, NULL, &root, err) ||
	    !(reader = json_reader_for(file, root, err)))
		goto out;
	rc = reader->read(file, root, text.buf, text.len, out, report, err);
	if (reader->foreign)
		*label = reader->label;
out:
	json_free(root);
	sbuf_release(&text);
	return rc;
}

int cli_import(struct cli *cli, int argc, char **argv)
{
	const char *model_path = NULL, *file = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct model *incoming = NULL;
	struct sbuf report = SBUF_INIT;
	const char *foreign = NULL;
	struct app *app = NULL;
	bool replace = false, existed;
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
		return cli_usage(
		    "import: need a model and a file (stridewalk import MODEL.db FILE)");
	/* Parse first: a bad file must not even create the model. */
	existed = access(model_path, F_OK) == 0;
	if (load_incoming(file, &incoming, &foreign, &report, &err) ||
	    app_open(model_path, DB_CREATE, &app, &err) ||
	    (foreign ? apply_foreign(app, incoming, file, replace, foreign, &report, &err)
		     : apply(app, incoming, file, replace, &err))) {
		if (!app)
			model_free(incoming);
		rc = cli_fail(&err);
		if (app &&
		    !existed) { /* a model this import created (disk full): remove it again */
			app_close(app);
			app = NULL;
			db_remove_files(model_path);
		}
	}
	app_close(app);
	sbuf_release(&report);
	sw_error_release(&err);
	return rc;
}
