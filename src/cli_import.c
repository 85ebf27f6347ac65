/*
 * stridewalk import MODEL.db FILE|DIR [--dry-run] [--format F] [--replace]: a system-model
 * YAML file (or its JSON export), an OWASP Threat Dragon model, an Open Threat Model (OTM) file,
 * or infrastructure code (CloudFormation/SAM, serverless.yml, a Terraform plan, or a directory
 * of them) into a model. Files are recognised by content, through one table of readers.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "cli_internal.h"
#include "clock.h"
#include "fileio.h"
#include "import_otm.h"
#include "import_threatdragon.h"
#include "json.h"
#include "model_merge.h"
#include "report.h"
#include "sbuf.h"
#include "system_yaml.h"
#include "util.h"
#include "xalloc.h"

/* A file as the readers see it: its text, and its JSON tree when it is JSON. */
struct input {
	const char *path;
	struct sbuf text;
	struct json_value *json;
};

static bool detect_code(const struct input *in, enum iac_format f)
{
	enum iac_format found;

	return iac_sniff(in->text.buf, in->text.len, in->json, &found) && found == f;
}

static bool detect_cfn(const struct input *in)
{
	return detect_code(in, IAC_CFN);
}

static bool detect_sls(const struct input *in)
{
	return detect_code(in, IAC_SLS);
}

static bool detect_tfplan(const struct input *in)
{
	return detect_code(in, IAC_TFPLAN);
}

static bool detect_td(const struct input *in)
{
	return in->json && td_detect(in->json);
}

static bool detect_otm(const struct input *in)
{
	return in->json && otm_detect(in->json);
}

static bool detect_native_json(const struct input *in)
{
	return in->json && json_get(in->json, "stridewalk");
}

static bool detect_yaml(const struct input *in)
{
	return !in->json;
}

/* The name origins give a file: its base name (a directory's files: relative to it). */
static const char *display_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

static int read_code_text(const struct input *in, enum iac_format f, struct imported *out,
			  struct sw_error *err)
{
	struct iac_doc *doc = NULL;
	char *now;

	if (iac_read(display_name(in->path), in->text.buf, in->text.len, in->json, f, &doc, err))
		return -1;
	now = clock_now_iso();
	out->model = iac_model(&doc, 1, now, &out->iac);
	strlist_push(&out->files, doc->file);
	free(now);
	iac_doc_free(doc);
	return 0;
}

static int read_cfn(const struct input *in, struct imported *out, struct sw_error *err)
{
	return read_code_text(in, IAC_CFN, out, err);
}

static int read_sls(const struct input *in, struct imported *out, struct sw_error *err)
{
	return read_code_text(in, IAC_SLS, out, err);
}

static int read_tfplan(const struct input *in, struct imported *out, struct sw_error *err)
{
	return read_code_text(in, IAC_TFPLAN, out, err);
}

static int read_td(const struct input *in, struct imported *out, struct sw_error *err)
{
	struct td_report r = TD_REPORT_INIT;
	int rc;

	if (!in->json)
		return sw_error_at(err, in->path, 1, 1, "a Threat Dragon model is JSON");
	rc = td_import(in->path, in->json, &out->model, &r, err);
	if (rc == 0)
		td_report_write(&r, in->path, &out->report);
	td_report_release(&r);
	return rc;
}

static int read_otm(const struct input *in, struct imported *out, struct sw_error *err)
{
	struct otm_report r = OTM_REPORT_INIT;
	int rc;

	if (!in->json)
		return sw_error_at(err, in->path, 1, 1, "an OTM file is JSON");
	rc = otm_import(in->path, in->json, &out->model, &r, err);
	if (rc == 0)
		otm_report_write(&r, in->path, &out->report);
	otm_report_release(&r);
	return rc;
}

static int read_native(const struct input *in, struct imported *out, struct sw_error *err)
{
	return system_yaml_parse(in->path, in->text.buf, in->text.len, &out->model, err);
}

/*
 * The readers. Without --format, a JSON file goes to the one JSON reader whose signs it has
 * (none or several is an error naming them all); any other file to the first YAML reader that
 * recognises it, system-model YAML last.
 */
static const struct reader {
	const char *format; /* for --format */
	const char *label; /* for people */
	const char *sign; /* what detection looks for, for the refusal message; NULL: not JSON */
	enum import_kind kind;
	bool (*detect)(const struct input *in);
	int (*read)(const struct input *in, struct imported *out, struct sw_error *err);
} readers[] = {
    {"json", "stridewalk model", "a top-level 'stridewalk' key", IMPORT_NATIVE, detect_native_json,
     read_native},
    {"threatdragon", "Threat Dragon", "'summary' or 'detail'", IMPORT_FOREIGN, detect_td, read_td},
    {"otm", "OTM", "'otmVersion'", IMPORT_FOREIGN, detect_otm, read_otm},
    {"cfn", "CloudFormation/SAM", "'Resources'", IMPORT_CODE, detect_cfn, read_cfn},
    {"tfplan", "Terraform plan", "'format_version' and 'planned_values' or 'values'", IMPORT_CODE,
     detect_tfplan, read_tfplan},
    {"sls", "Serverless Framework", NULL, IMPORT_CODE, detect_sls, read_sls},
    {"yaml", "stridewalk model", NULL, IMPORT_NATIVE, detect_yaml, read_native},
};

/* The one JSON reader whose signs the document has; none or several is an error. */
static const struct reader *json_reader_for(const struct input *in, struct sw_error *err)
{
	const struct reader *found = NULL;
	struct sbuf tried = SBUF_INIT;
	size_t i, matches = 0;

	for (i = 0; i < ARRAY_SIZE(readers); i++) {
		if (!readers[i].sign)
			continue;
		if (in->json->type == JSON_OBJECT && readers[i].detect(in)) {
			found = found ? found : &readers[i];
			matches++;
		}
		sbuf_addf(&tried, "%s%s: %s", tried.len ? "; " : "", readers[i].label,
			  readers[i].sign);
	}
	if (matches != 1) {
		sw_error_at(err, in->path, in->json->line, in->json->col,
			    matches
				? "JSON that has the signs of more than one format (%s)"
				: "JSON that is none of the formats stridewalk reads (tried: %s)",
			    tried.buf);
		found = NULL;
	}
	sbuf_release(&tried);
	return found;
}

static const struct reader *reader_named(const char *format)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(readers); i++)
		if (str_eq(readers[i].format, format))
			return &readers[i];
	return NULL;
}

/* A directory is one system, named after it ("." is the directory it stands for). */
static void name_after_directory(struct model *m, const char *path)
{
	char *real = realpath(path, NULL);
	const char *name = display_name(real && strcmp(real, "/") ? real : path);
	struct element *account = model_element(m, "aws-account");
	struct sbuf sb = SBUF_INIT;

	free(m->name);
	m->name = xstrdup(name);
	if (account) {
		sbuf_addf(&sb, "AWS account (%s)", name);
		free(account->name);
		account->name = sbuf_detach(&sb);
	}
	free(real);
}

static int read_directory(const char *path, const char *format, struct imported *out,
			  struct sw_error *err)
{
	struct iac_doc **docs = NULL;
	size_t n = 0, i;
	char *now;

	if (format && (!reader_named(format) || reader_named(format)->kind != IMPORT_CODE))
		return sw_error_at(err, path, 0, 0,
				   "is a directory: only infrastructure code (cfn, sls, tfplan) is "
				   "read from a directory");
	if (iac_read_dir(path, &docs, &n, &out->iac.skipped, err))
		return -1;
	now = clock_now_iso();
	out->model = iac_model(docs, n, now, &out->iac);
	name_after_directory(out->model, path);
	for (i = 0; i < n; i++) {
		strlist_push(&out->files, docs[i]->file);
		iac_doc_free(docs[i]);
	}
	free(docs);
	free(now);
	out->kind = IMPORT_CODE;
	out->format = "directory";
	out->directory = true;
	return 0;
}

int cli_import_read(const char *path, const char *format, struct imported *out,
		    struct sw_error *err)
{
	struct input in = {path, SBUF_INIT, NULL};
	const struct reader *r = NULL;
	struct stat st;
	const char *p;
	size_t i;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	sbuf_init(&out->report);
	if (format && !reader_named(format))
		return sw_error(
		    err,
		    "unknown format '%s' (expected cfn, sls, tfplan, threatdragon, otm, yaml "
		    "or json)",
		    format);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return read_directory(path, format, out, err);
	if (file_read_all(path, &in.text, err))
		goto out;
	p = in.text.buf;
	if (str_starts_with(p, "\xEF\xBB\xBF"))
		p += 3;
	p += strspn(p, " \t\r\n");
	if ((*p == '{' || *p == '[') &&
	    json_parse(path, in.text.buf, in.text.len, NULL, &in.json, err))
		goto out;
	r = format ? reader_named(format) : in.json ? json_reader_for(&in, err) : NULL;
	for (i = 0; !r && !format && !in.json && i < ARRAY_SIZE(readers); i++)
		if (readers[i].detect(&in))
			r = &readers[i];
	if (!r)
		goto out;
	out->kind = r->kind;
	out->format = r->format;
	out->label = r->label;
	rc = r->read(&in, out, err);
out:
	json_free(in.json);
	sbuf_release(&in.text);
	return rc;
}

void imported_release(struct imported *in)
{
	model_free(in->model);
	in->model = NULL;
	sbuf_release(&in->report);
	iac_report_release(&in->iac);
	strlist_clear(&in->files);
}

void imported_print(const struct imported *in, const char *path)
{
	struct sbuf text = SBUF_INIT;

	if (in->kind == IMPORT_FOREIGN)
		sbuf_addstr(&text, sbuf_str(&in->report));
	else if (in->kind == IMPORT_CODE)
		iac_report_write(&in->iac, &text);
	cli_out_text(sbuf_str(&text), text.len);
	sbuf_release(&text);
}

static void print_ids(const char *label, const struct strlist *ids)
{
	size_t i;

	if (!ids->count)
		return;
	cli_out("%s:", label);
	for (i = 0; i < ids->count; i++)
		cli_out(" %s", ids->items[i]);
	cli_out("\n");
}

static void print_merge(const char *file, const struct merge_report *r, bool code, bool dry)
{
	cli_out("%s %s: %d added, %d changed, %d removed, %d unchanged "
		"(elements, flows and boundaries)\n",
		dry ? "dry run, nothing written: importing" : "imported", file, r->added,
		r->changed, r->removed, r->unchanged);
	cli_out("carried over %d %s", r->threats_kept,
		report_plural(r->threats_kept, "threat", "threats"));
	if (r->threats_dropped || r->decisions_dropped || r->answers_dropped)
		cli_out("; dropped %d %s, %d coverage %s and %d %s on removed elements or "
			"letters that no longer apply",
			r->threats_dropped, report_plural(r->threats_dropped, "threat", "threats"),
			r->decisions_dropped,
			report_plural(r->decisions_dropped, "decision", "decisions"),
			r->answers_dropped, report_plural(r->answers_dropped, "answer", "answers"));
	cli_out("\n");
	if (!code) {
		print_ids("to walk again (new or changed)", &r->changed_ids);
		return;
	}
	print_ids("new, pending: walk these first (Space on the Walk screen goes to them)",
		  &r->added_ids);
	{
		struct strlist changed = STRLIST_INIT;
		size_t i;
		for (i = 0; i < r->changed_ids.count; i++)
			if (!strlist_contains(&r->added_ids, r->changed_ids.items[i]))
				strlist_push(&changed, r->changed_ids.items[i]);
		print_ids("changed: walk again", &changed);
		strlist_clear(&changed);
	}
	print_ids("removed from the code, kept out of scope with their work", &r->removed_ids);
	print_ids("threats kept on removed elements", &r->removed_threats);
	cli_out("answers from the code: %d new, %d changed, %d withdrawn, %d the same with their "
		"evidence moved; %d overruled by the team and kept\n",
		r->answers_added, r->answers_updated, r->answers_withdrawn, r->answers_moved,
		r->answers_overruled);
}

/* Puts the import into the model: whole when it is empty or --replace, else merged. */
static int apply(struct app *app, struct imported *in, const char *file, bool replace, bool dry,
		 struct sw_error *err)
{
	struct merge_options opts = {in->kind == IMPORT_CODE, in->directory ? NULL : &in->files};
	struct merge_report report;
	struct model *merged;
	struct sbuf summary = SBUF_INIT;
	bool empty = !app || app->model->nelements == 0;
	int rc = 0;

	sbuf_addf(&summary, "import %s", file);
	if (in->kind == IMPORT_FOREIGN)
		sbuf_addf(&summary, " (%s)", in->label);
	if (in->kind == IMPORT_CODE)
		imported_print(in, file);
	if (replace || empty || in->kind == IMPORT_FOREIGN) {
		if (!replace && !empty)
			rc =
			    sw_error(err,
				     "%s already holds a model; use --replace to overwrite it with "
				     "%s, or import into a new file",
				     db_path(app->db), file);
		else if (dry)
			cli_out("dry run, nothing written: importing %s would write %zu elements, "
				"flows and boundaries and %zu %s\n",
				file, in->model->nelements, in->model->nthreats,
				report_plural((long)in->model->nthreats, "threat", "threats"));
		else if ((rc = app_replace_model(app, in->model, "import", summary.buf, err)) ==
			 0) {
			in->model = NULL; /* the app has it now */
			if (in->kind == IMPORT_FOREIGN)
				imported_print(in, file);
			else
				cli_out(
				    "imported %s: %zu elements, flows and boundaries, %zu %s\n",
				    file, app->model->nelements, app->model->nthreats,
				    report_plural((long)app->model->nthreats, "threat", "threats"));
		}
		sbuf_release(&summary);
		return rc;
	}
	if (in->kind == IMPORT_NATIVE && model_has_work(in->model)) {
		sbuf_release(&summary);
		return sw_error(
		    err,
		    "%s already holds a model and %s records workshop work; use --replace "
		    "to overwrite the model, or import into a new file",
		    db_path(app->db), file);
	}
	merged = model_merge_with(app->model, in->model, &opts, &report);
	if (dry)
		model_free(merged);
	else if ((rc = app_replace_model(app, merged, "import", summary.buf, err)))
		model_free(merged);
	if (rc == 0)
		print_merge(file, &report, opts.code, dry);
	merge_report_release(&report);
	sbuf_release(&summary);
	return rc;
}

int cli_import(struct cli *cli, int argc, char **argv)
{
	const char *model_path = NULL, *file = NULL, *format = NULL;
	struct sw_error err = SW_ERROR_INIT;
	struct imported in;
	struct app *app = NULL;
	bool replace = false, dry = false, existed;
	int i, rc = EXIT_OK;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--replace"))
			replace = true;
		else if (str_eq(argv[i], "--dry-run"))
			dry = true;
		else if (str_eq(argv[i], "--format") && i + 1 < argc)
			format = argv[++i];
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
		    "import: need a model and a file (stridewalk import MODEL.db FILE|DIR)");
	/* Read first: a bad file must not even create the model. */
	existed = access(model_path, F_OK) == 0;
	if (cli_import_read(file, format, &in, &err) ||
	    ((existed || !dry) &&
	     app_open(model_path, dry ? DB_READONLY : DB_CREATE, &app, &err)) ||
	    apply(app, &in, file, replace, dry, &err)) {
		rc = cli_fail(&err);
		if (app && !existed) { /* a model this import created (disk full): remove it */
			app_close(app);
			app = NULL;
			db_remove_files(model_path);
		}
	}
	cli_drop_app(app); /* the model just written is not freed on the way out */
	imported_release(&in);
	sw_error_release(&err);
	return rc;
}
