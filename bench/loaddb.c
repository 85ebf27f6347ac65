/*
 * loaddb: `stridewalk import` without the 64 MiB input limit, for the 10x benchmark model
 * (about 140 MB of YAML). Same code path as the command: read the file, parse and check it
 * (system_yaml_parse), store it as one change (app_replace_model). Benchmarks only.
 *
 *   loaddb MODEL.yaml MODEL.db
 */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "system_yaml.h"

static int fail(const struct sw_error *err)
{
	fprintf(stderr, "loaddb: error: %s%s%s\n", err->file ? err->file : "",
		err->file ? ": " : "", err->msg ? err->msg : "failed");
	return 2;
}

/* The whole file, with no size limit; NULL when it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (text = malloc((size_t)size + 1)) && fread(text, 1, (size_t)size, f) == (size_t)size) {
		text[size] = '\0';
		*len = (size_t)size;
	} else {
		free(text);
		text = NULL;
	}
	fclose(f);
	return text;
}

int main(int argc, char **argv)
{
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;
	struct app *app = NULL;
	size_t len = 0;
	char *text;
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: loaddb MODEL.yaml MODEL.db\n");
		return 2;
	}
	if (!(text = read_file(argv[1], &len))) {
		fprintf(stderr, "loaddb: error: %s: cannot read\n", argv[1]);
		return 2;
	}
	if (system_yaml_parse(argv[1], text, len, &m, &err)) {
		rc = fail(&err);
	} else if (app_open(argv[2], DB_CREATE, &app, &err) ||
		   app_replace_model(app, m, "import", "benchmark model", &err)) {
		model_free(m); /* app_replace_model takes the model only when it succeeds */
		rc = fail(&err);
	}
	app_close(app);
	sw_error_release(&err);
	free(text);
	return rc;
}
