/*
 * libFuzzer target: the OWASP Threat Dragon importer (td_import_text: the JSON parser, then
 * the mapping onto a model), i.e. `stridewalk import MODEL.db FILE.json`. A model that maps
 * is written back as system YAML, which must load again: the importer may only produce
 * models the rest of stridewalk accepts.
 */
#include <stdint.h>
#include <stdlib.h>

#include "import_threatdragon.h"
#include "system_yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_writable(const struct model *m)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf yaml = SBUF_INIT;
	struct model *again = NULL;

	if (system_write(m, false, &yaml, &err) == 0 &&
	    system_yaml_parse("export.yaml", yaml.buf, yaml.len, &again, &err) != 0)
		abort(); /* an imported model whose YAML export cannot be imported */
	model_free(again);
	sbuf_release(&yaml);
	sw_error_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct td_report report = TD_REPORT_INIT;
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT;
	struct model *m = NULL;

	if (td_import_text("fuzz.json", (const char *)data, size, &m, &report, &err) == 0) {
		td_report_write(&report, "fuzz.json", &text);
		check_writable(m);
		model_free(m);
	}
	td_report_release(&report);
	sbuf_release(&text);
	sw_error_release(&err);
	return 0;
}
