/* stridewalk list templates|questionnaires|types */
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "qlibrary.h"
#include "cli_internal.h"
#include "system_yaml.h"
#include "templates.h"
#include "util.h"

static int list_templates(void)
{
	struct sw_error err = SW_ERROR_INIT;
	struct strlist names = STRLIST_INIT;
	size_t i;
	int rc = EXIT_OK;

	if (templates_names(&names, &err)) {
		rc = cli_fail(&err);
		goto out;
	}
	for (i = 0; i < names.count; i++) {
		char *path = NULL;
		struct model *m = NULL;
		if (templates_resolve(names.items[i], &path, &err) ||
		    system_yaml_load(path, &m, &err)) {
			rc = cli_fail(&err); /* a broken shipped template is a bug worth showing */
			sw_error_release(&err);
		} else {
			cli_out("%-24s %s\n", names.items[i], m->name);
		}
		model_free(m);
		free(path);
	}
out:
	strlist_clear(&names);
	sw_error_release(&err);
	return rc;
}

static int list_types(void)
{
	size_t i, n;
	const struct catalog_type *types = catalog_all(&n);

	for (i = 0; i < n; i++)
		cli_out("%-24s %-10s %s%s\n", types[i].id,
			types[i].kind == KIND_PROCESS ? "process" : "data_store", types[i].label,
			types[i].is_log ? " (log store)" : "");
	cli_out("%-24s %-10s %s\n", "generic.NAME", "any", "anything else (generic.user, ...)");
	return EXIT_OK;
}

static int list_questionnaires(const struct cli *cli)
{
	struct sw_error err = SW_ERROR_INIT;
	struct qlibrary *lib = qlibrary_new();
	size_t i;
	int rc = EXIT_OK;

	if (qlibrary_load(lib, &cli->questionnaire_dirs, &err)) {
		rc = cli_fail(&err);
		goto out;
	}
	for (i = 0; i < lib->nquestionnaires; i++) {
		const struct qlib_entry *e = &lib->questionnaires[i];
		cli_out("%-18s %-44s %3zu questions  %s", e->questionnaire->id,
			e->questionnaire->title, e->questionnaire->nquestions, e->path);
		if (e->replaced)
			cli_out(" (replaces %s %s)", qlib_source_name(e->replaced_source),
				e->replaced);
		cli_out("\n");
	}
out:
	qlibrary_free(lib);
	sw_error_release(&err);
	return rc;
}

int cli_list(struct cli *cli, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage("list: what? (templates, questionnaires or types)");
	if (str_eq(argv[0], "templates"))
		return list_templates();
	if (str_eq(argv[0], "types"))
		return list_types();
	if (str_eq(argv[0], "questionnaires"))
		return list_questionnaires(cli);
	return cli_usage("list: unknown list '%s' (expected templates, questionnaires or types)",
			 argv[0]);
}
