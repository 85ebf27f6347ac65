/*
 * libFuzzer target: the system-model loader (system_yaml_parse), i.e. `stridewalk import` and
 * `new --template FILE`. A model that loads is also written back out in every export format,
 * and its YAML and JSON exports must import back to the same model (roundtrip.h): the round
 * trip the design promises (export -> import -> export is byte-identical), on hostile input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "roundtrip.h"
#include "system_yaml.h"
#include "ynode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void export_all(const struct model *m)
{
	static const char *const formats[] = {"json", "md", "csv"};
	struct export_options opts = {0};
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		struct sw_error err = SW_ERROR_INIT;
		struct sbuf out = SBUF_INIT;

		if (export_format_known(formats[i]))
			export_model(m, formats[i], &opts, &out, &err);
		sbuf_release(&out);
		sw_error_release(&err);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sw_error err = SW_ERROR_INIT;
	struct yproblems all = {STRLIST_INIT, 100};
	struct model *m = NULL;
	bool loaded = system_yaml_parse("fuzz.yaml", (const char *)data, size, &m, &err) == 0;

	if (loaded) {
		export_all(m);
		roundtrip_check(m);
		model_free(m);
	}
	sw_error_release(&err);
	/* lint's reading goes on past every problem; it must agree on whether there is one */
	if ((system_yaml_check("fuzz.yaml", (const char *)data, size, &all, &err) == 0) != loaded)
		abort();
	strlist_clear(&all.messages);
	sw_error_release(&err);
	return 0;
}
