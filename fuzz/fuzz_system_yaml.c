/*
 * libFuzzer target: the system-model loader (system_yaml_parse), i.e. `stridewalk import` and
 * `new --template FILE`. A model that loads is also written back out in every export format,
 * and the YAML export must load again and write the same bytes: the round trip the design
 * promises (export yaml -> import -> export yaml is byte-identical), checked on hostile input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "system_yaml.h"

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

/* Aborts (a finding) when the YAML export of `m` does not survive a load + write. */
static void check_round_trip(const struct model *m)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf first = SBUF_INIT, second = SBUF_INIT;
	struct model *again = NULL;

	if (system_write(m, false, &first, &err) == 0) {
		if (system_yaml_parse("export.yaml", first.buf, first.len, &again, &err) != 0)
			abort(); /* we wrote something we cannot read back */
		if (system_write(again, false, &second, &err) != 0 || second.len != first.len ||
		    memcmp(first.buf, second.buf, first.len) != 0)
			abort(); /* export yaml -> import -> export yaml changed the bytes */
	}
	model_free(again);
	sbuf_release(&first);
	sbuf_release(&second);
	sw_error_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;

	if (system_yaml_parse("fuzz.yaml", (const char *)data, size, &m, &err) == 0) {
		export_all(m);
		check_round_trip(m);
		model_free(m);
	}
	sw_error_release(&err);
	return 0;
}
