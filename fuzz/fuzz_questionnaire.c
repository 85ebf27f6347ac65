/*
 * libFuzzer target: the questionnaire loader (questionnaire_load_text), the parser every
 * questionnaire file from a user's --questionnaires directory goes through, and lint's core
 * count check on what it accepts.
 */
#include <stddef.h>
#include <stdint.h>

#include "questionnaire_triage.h"
#include "questionnaire_yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	return 0;
}
