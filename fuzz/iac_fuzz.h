/*
 * What the three infrastructure-code fuzz targets share: the input read as one format
 * (iac_read: the YAML or JSON parser, then the reader), the model built from it (the mapping,
 * flow and evidence rules), and its YAML export, which must load again: the importer may only
 * produce models the rest of stridewalk accepts.
 */
#ifndef SW_FUZZ_IAC_H
#define SW_FUZZ_IAC_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_iac.h"
#include "system_yaml.h"

static void iac_fuzz_one(const uint8_t *data, size_t size, enum iac_format format)
{
	struct sw_error err = SW_ERROR_INIT;
	struct iac_report rep = IAC_REPORT_INIT;
	struct iac_doc *doc = NULL;
	struct sbuf yaml = SBUF_INIT;
	struct model *m, *again = NULL;
	char *text;

	if (memchr(data, '\0', size))
		return; /* file_read_all refuses NUL bytes before any reader sees the text */
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (iac_read("fuzz", text, size, NULL, format, &doc, &err) == 0) {
		m = iac_model(&doc, 1, "2026-03-01T10:00:00Z", &rep);
		iac_report_write(&rep, &yaml);
		sbuf_reset(&yaml);
		if (system_write(m, false, &yaml, &err) == 0 &&
		    system_yaml_parse("export.yaml", yaml.buf, yaml.len, &again, &err) != 0)
			abort(); /* an imported model whose YAML export cannot be imported */
		model_free(again);
		model_free(m);
		iac_doc_free(doc);
	}
	iac_report_release(&rep);
	sbuf_release(&yaml);
	sw_error_release(&err);
	free(text);
}

#endif
