/*
 * The oracle the model-producing fuzz targets share: every JSON and YAML export of a model
 * must import back to the same model, i.e. to a model whose YAML export is the same bytes.
 * A finding aborts, which libFuzzer and the corpus replay both report.
 */
#ifndef SW_FUZZ_ROUNDTRIP_H
#define SW_FUZZ_ROUNDTRIP_H

#include <stdlib.h>
#include <string.h>

#include "system_yaml.h"

/* Imports `text` (an export) and aborts unless its YAML export is `want`. */
static void roundtrip_expect(const struct sbuf *text, const char *name, const struct sbuf *want)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf again = SBUF_INIT;
	struct model *m = NULL;

	if (system_yaml_parse(name, text->buf, text->len, &m, &err) != 0)
		abort(); /* we wrote something we cannot read back */
	if (system_write(m, false, &again, &err) != 0 || again.len != want->len ||
	    memcmp(again.buf, want->buf, want->len) != 0)
		abort(); /* the export imports as a different model */
	model_free(m);
	sbuf_release(&again);
	sw_error_release(&err);
}

static void roundtrip_check(const struct model *m)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf yaml = SBUF_INIT, json = SBUF_INIT;

	if (system_write(m, false, &yaml, &err) == 0) {
		roundtrip_expect(&yaml, "export.yaml", &yaml);
		if (system_write(m, true, &json, &err) != 0)
			abort(); /* a model YAML can carry and JSON cannot */
		roundtrip_expect(&json, "export.json", &yaml);
	}
	sbuf_release(&yaml);
	sbuf_release(&json);
	sw_error_release(&err);
}

#endif
