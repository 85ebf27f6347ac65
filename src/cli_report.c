/* stridewalk report MODEL [-o FILE]: the Markdown report, exactly export --format md. */
#include <stdlib.h>

#include "cli_internal.h"
#include "util.h"
#include "xalloc.h"

int cli_report(struct cli *cli, int argc, char **argv)
{
	char **args = xcalloc((size_t)argc + 3, sizeof(*args));
	int i, n = 0, rc;

	for (i = 0; i < argc; i++) {
		if (str_eq(argv[i], "--format")) {
			free(args);
			return cli_usage("report: always Markdown; use export for other formats");
		}
		args[n++] = argv[i];
	}
	args[n++] = "--format";
	args[n++] = "md";
	rc = cli_export(cli, n, args);
	free(args);
	return rc;
}
