/* The table of export formats (see export.h); each format's writer lives in its own file. */
#include "export.h"

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

static const struct {
	const char *name;
	int (*write)(const struct model *m, const struct export_options *opts, struct sbuf *out,
		     struct sw_error *err);
} formats[] = {
	{ "yaml", write_yaml },
	{ "json", write_json },
};

bool export_format_known(const char *format)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(formats); i++)
		if (str_eq(formats[i].name, format))
			return true;
	return false;
}

const char *export_format_names(void)
{
	return "yaml or json";
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
