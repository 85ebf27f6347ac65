/*
 * libFuzzer target: the cue-card loader (cue_load_text), which reads cards from the same
 * user-supplied questionnaire directories as the questionnaire loader, also as lint drives it.
 */
#include <stddef.h>
#include <stdint.h>

#include "cue_yaml.h"
#include "tree_yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The same file as lint reads it, going on past every problem to find the next. */
static void lint_all(const uint8_t *data, size_t size)
{
	struct yproblems all = {STRLIST_INIT, 100};
	struct sw_error err = SW_ERROR_INIT;
	struct yctx ctx = {"fuzz.yaml", &err, &all};
	struct ynode *root = NULL;
	struct cue_card *out = NULL;

	if (yaml_parse_tree("fuzz.yaml", (const char *)data, size, &root, &err) == 0 &&
	    cue_from_tree(&ctx, root, &out) == 0)
		cue_card_free(out);
	ynode_free(root);
	strlist_clear(&all.messages);
	sw_error_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sw_error err = SW_ERROR_INIT;
	struct cue_card *card = NULL;

	if (cue_load_text("fuzz.yaml", (const char *)data, size, &card, &err) == 0)
		cue_card_free(card);
	sw_error_release(&err);
	lint_all(data, size);
	return 0;
}
