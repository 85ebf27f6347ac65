/* stridewalk diff OLD NEW [--format text|md]: what changed; exit 1 when the models differ. */
#include <stdio.h>
#include <stdlib.h>

#include "cli_internal.h"
#include "report_diff.h"
#include "sbuf.h"
#include "util.h"

static int parse_args(int argc, char **argv, const char **old, const char **new_,
		      const char **format)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--format") && i + 1 < argc)
			*format = argv[++i];
		else if (str_starts_with(argv[i], "--format="))
			*format = argv[i] + 9;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage("diff: unknown option '%s'", argv[i]);
		else if (!*old)
			*old = argv[i];
		else if (!*new_)
			*new_ = argv[i];
		else
			return cli_usage("diff: too many arguments");
	}
	if (!*new_)
		return cli_usage("diff: need two models (stridewalk diff OLD.db NEW.db)");
	if (!str_eq(*format, "text") && !str_eq(*format, "md"))
		return cli_usage("diff: unknown format '%s' (expected text or md)", *format);
	return 0;
}

int cli_diff(struct cli *cli, int argc, char **argv)
{
	const char *old_path = NULL, *new_path = NULL, *format = "text";
	struct sw_error err = SW_ERROR_INIT;
	struct model *old = NULL, *new_ = NULL;
	struct model_diff d = MODEL_DIFF_INIT;
	struct sbuf out = SBUF_INIT;
	int rc;

	if (parse_args(argc, argv, &old_path, &new_path, &format))
		return EXIT_USAGE;
	if (cli_read_model(old_path, &old, &err) || cli_read_model(new_path, &new_, &err)) {
		rc = cli_fail(&err);
		goto out;
	}
	model_diff_compute(old, new_, &d);
	if (str_eq(format, "md"))
		report_diff_md(&d, old_path, new_path, &out);
	else
		report_diff_text(&d, &out);
	cli_out_text(out.buf, out.len); /* a write error is caught on the way out (cli_main) */
	rc = d.count ? EXIT_FAILED : EXIT_OK;
out:
	model_free(old);
	model_free(new_);
	model_diff_release(&d);
	sbuf_release(&out);
	sw_error_release(&err);
	return rc;
}
