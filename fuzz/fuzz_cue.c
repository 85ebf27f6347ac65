/*
 * libFuzzer target: the cue-card loader (cue_load_text), which reads cards from the same
 * user-supplied questionnaire directories as the questionnaire loader.
 */
#include <stddef.h>
#include <stdint.h>

#include "cue_yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sw_error err = SW_ERROR_INIT;
	struct cue_card *card = NULL;

	if (cue_load_text("fuzz.yaml", (const char *)data, size, &card, &err) == 0)
		cue_card_free(card);
	sw_error_release(&err);
	return 0;
}
