/*
 * libFuzzer target: the OTM importer (otm_import_text: the JSON parser, then the mapping onto
 * a model), i.e. `stridewalk import MODEL.db FILE.otm`. A model that maps must be one the rest
 * of stridewalk accepts: its YAML and JSON exports import back to the same model
 * (roundtrip.h), and its OTM and Threat Dragon exports import again.
 */
#include <stdint.h>

#include "fuzz_checks.h"
#include "roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct otm_report report = OTM_REPORT_INIT;
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	struct model *m = NULL;

	if (otm_import_text("fuzz.otm", (const char *)data, size, &m, &report, &err) == 0) {
		otm_report_write(&report, "fuzz.otm", &text);
		roundtrip_check(m); /* its YAML and JSON exports import back to the same model */
		fuzz_check_otm(m);
		fuzz_check_threatdragon(m);
		model_free(m);
	}
	otm_report_release(&report);
	sbuf_release(&text);
	sw_error_release(&err);
	return 0;
}
