/*
 * The Threat Dragon export (export --format threatdragon): a Threat Dragon 2.x model with one
 * STRIDE diagram laid out by report_layout.c. Boundaries are boxes around their members,
 * actors, processes and stores are the matching shapes, flows are edges between them, and
 * threats carry their status, severity, score and mitigation text. A threat that came from
 * Threat Dragon gets back its number, id, type, severity, status word, methodology and score
 * from its provenance, as long as stridewalk did not change what they stand for. Pure: no I/O.
 */
#ifndef SW_REPORT_THREATDRAGON_H
#define SW_REPORT_THREATDRAGON_H

#include "error.h"
#include "model.h"
#include "sbuf.h"

/* The Threat Dragon version the export says it is. */
#define TD_EXPORT_VERSION "2.2.0"

/* Appends the model as Threat Dragon JSON; -1 (err set) only for text that is not UTF-8. */
int report_threatdragon_write(const struct model *m, struct sbuf *out, struct sw_error *err);

#endif
