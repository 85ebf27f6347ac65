/*
 * libFuzzer target: the OWASP Threat Dragon importer (td_import_text: the JSON parser, then
 * the mapping onto a model), i.e. `stridewalk import MODEL.db FILE.json`. A model that maps
 * must be one the rest of stridewalk accepts: its YAML and JSON exports import back to the same
 * model (roundtrip.h), and its Threat Dragon and OTM exports import again.
 */
#include <stdint.h>

#include "fuzz_checks.h"
#include "roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct td_report report = TD_REPORT_INIT;
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	struct model *m = NULL;

	if (td_import_text("fuzz.json", (const char *)data, size, &m, &report, &err) == 0) {
		td_report_write(&report, "fuzz.json", &text);
		roundtrip_check(m);
		fuzz_check_threatdragon(m);
		fuzz_check_otm(m);
		model_free(m);
	}
	td_report_release(&report);
	sbuf_release(&text);
	sw_error_release(&err);
	return 0;
}
