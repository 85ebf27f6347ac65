/*
 * What the importer fuzz targets check of every model they make, besides its YAML and JSON
 * exports (roundtrip.h): it is one the rest of stridewalk accepts. Each check aborts, so
 * libFuzzer reports the input, when it fails.
 */
#ifndef SW_FUZZ_CHECKS_H
#define SW_FUZZ_CHECKS_H

#include <stdlib.h>

#include "import_otm.h"
#include "import_threatdragon.h"
#include "report_otm.h"
#include "report_threatdragon.h"
#include "system_yaml.h"

/* Its Threat Dragon export imports again. */
static inline void fuzz_check_threatdragon(const struct model *m)
{
	struct sw_error err = SW_ERROR_INIT;
	struct td_report report = TD_REPORT_INIT;
	struct sbuf td = SBUF_INIT;
	struct model *again = NULL;

	if (report_threatdragon_write(m, &td, &err) == 0 &&
	    td_import_text("export.json", td.buf, td.len, &again, &report, &err) != 0)
		abort();
	model_free(again);
	td_report_release(&report);
	sbuf_release(&td);
	sw_error_release(&err);
}

/* Its OTM export imports again. */
static inline void fuzz_check_otm(const struct model *m)
{
	struct sw_error err = SW_ERROR_INIT;
	struct otm_report report = OTM_REPORT_INIT;
	struct sbuf otm = SBUF_INIT;
	struct model *again = NULL;

	if (report_otm_write(m, &otm, &err) == 0 &&
	    otm_import_text("export.otm", otm.buf, otm.len, &again, &report, &err) != 0)
		abort();
	model_free(again);
	otm_report_release(&report);
	sbuf_release(&otm);
	sw_error_release(&err);
}

#endif
