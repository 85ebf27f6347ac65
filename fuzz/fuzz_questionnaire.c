/*
 * libFuzzer target: the questionnaire loader (questionnaire_load_text), the parser every
 * questionnaire file from a user's --questionnaires directory goes through, lint's core
 * count check on what it accepts, and the same loader as lint drives it, going on past every
 * problem.
 */
#include <stddef.h>
#include <stdint.h>

#include "questionnaire_triage.h"
#include "questionnaire_yaml.h"
#include "tree_yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The same file as lint reads it, going on past every problem to find the next. */
static void lint_all(const uint8_t *data, size_t size)
{
	struct yproblems all = {STRLIST_INIT, 100};
	struct sw_error err = SW_ERROR_INIT;
	struct yctx ctx = {"fuzz.yaml", &err, &all};
	struct ynode *root = NULL;
	struct questionnaire *out = NULL;

	if (yaml_parse_tree("fuzz.yaml", (const char *)data, size, &root, &err) == 0 &&
	    questionnaire_from_tree(&ctx, root, &out) == 0)
		questionnaire_free(out);
	ynode_free(root);
	strlist_clear(&all.messages);
	sw_error_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sw_error err = SW_ERROR_INIT, warn = SW_ERROR_INIT;
	struct questionnaire *qn = NULL;

	if (questionnaire_load_text("fuzz.yaml", (const char *)data, size, &qn, &err) == 0) {
		questionnaire_triage_check(qn, &warn);
		questionnaire_free(qn);
	}
	sw_error_release(&warn);
	sw_error_release(&err);
	lint_all(data, size);
	return 0;
}
