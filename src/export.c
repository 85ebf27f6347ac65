/* The table of export formats (see export.h); each format's writer lives in its own file. */
#include "export.h"

#include "clock.h"
#include "qlibrary.h"
#include "report_csv.h"
#include "report_md.h"
#include "report_otm.h"
#include "report_threatdragon.h"
#include "system_yaml.h"
#include "util.h"

static int write_yaml(const struct model *m, const struct export_options *opts, struct sbuf *out,
		      struct sw_error *err)
{
	return system_write(m, false, out, err);
}

static int write_json(const struct model *m, const struct export_options *opts, struct sbuf *out,
		      struct sw_error *err)
{
	return system_write(m, true, out, err);
}

/*
 * The report's date comes from the caller or the application clock (STRIDEWALK_NOW), and its
 * questionnaires from the caller or, failing that, the shipped and user directories; when
 * those cannot be loaded the report says so instead of failing.
 */
static int write_md(const struct model *m, const struct export_options *opts, struct sbuf *out,
		    struct sw_error *err)
{
	struct sw_error qerr = SW_ERROR_INIT;
	struct sbuf note = SBUF_INIT;
	struct qlibrary *own = NULL;
	const struct qlibrary *lib = opts ? opts->qlib : NULL;
	time_t now = opts && opts->now ? opts->now : clock_now();
	int rc = 0;

	if (!lib) {
		own = qlibrary_new();
		if (qlibrary_load(own, NULL, &qerr)) {
			sw_error_format(&qerr, &note);
			qlibrary_free(own);
			own = NULL;
		}
		lib = own;
	}
	if (opts && opts->sink)
		rc = report_md_write_to(m, now, lib, note.len ? note.buf : NULL, opts->sink);
	else
		report_md_write(m, now, lib, note.len ? note.buf : NULL, out);
	qlibrary_free(own);
	sbuf_release(&note);
	sw_error_release(&qerr);
	return rc ? sw_error(err, "cannot write the report") : 0;
}

static int write_csv(const struct model *m, const struct export_options *opts, struct sbuf *out,
		     struct sw_error *err)
{
	const char *per = opts && opts->per ? opts->per : "threat";

	if (!str_eq(per, "threat") && !str_eq(per, "mitigation"))
		return sw_error(err, "unknown --per '%s' (expected threat or mitigation)", per);
	report_csv_write(m, str_eq(per, "mitigation"), out);
	return 0;
}

static int write_threatdragon(const struct model *m, const struct export_options *opts,
			      struct sbuf *out, struct sw_error *err)
{
	return report_threatdragon_write(m, out, err);
}

static int write_otm(const struct model *m, const struct export_options *opts, struct sbuf *out,
		     struct sw_error *err)
{
	return report_otm_write(m, out, err);
}

static const struct {
	const char *name;
	int (*write)(const struct model *m, const struct export_options *opts, struct sbuf *out,
		     struct sw_error *err);
} formats[] = {
    {"yaml", write_yaml}, {"json", write_json}, {"md", write_md},
    {"csv", write_csv},   {"otm", write_otm},   {"threatdragon", write_threatdragon},
};

bool export_format_known(const char *format)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (str_eq(formats[i].name, format))
			return true;
	return false;
}

const char *export_format_name(size_t i)
{
	return i < ARRAY_SIZE(formats) ? formats[i].name : NULL;
}

const char *export_format_names(void)
{
	return "yaml, json, md, csv, otm or threatdragon";
}

int export_model(const struct model *m, const char *format, const struct export_options *opts,
		 struct sbuf *out, struct sw_error *err)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (str_eq(formats[i].name, format))
			return formats[i].write(m, opts, out, err);
	return sw_error(err, "unknown format '%s'", format);
}
