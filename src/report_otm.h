/*
 * The Open Threat Model export (export --format otm): OTM 0.2.0 JSON that StartLeft's schema
 * accepts. Boundaries are trust zones (nested by parent), entities, processes and stores are
 * components, flows are dataflows, and each threat is an OTM threat instanced on its element
 * with its mitigations. Likelihood and impact go onto OTM's 0-100 scale (import_otm_map.h);
 * what OTM has no field for (kinds and types, STRIDE letters, statuses, justifications,
 * coverage decisions, owners and tickets, scope and assumptions) goes into attributes named
 * "stridewalk:...", which `import` reads back. Answers, sessions, votes, participants other
 * than the owner, open items and reviews are not written. Pure: no I/O.
 */
#ifndef SW_REPORT_OTM_H
#define SW_REPORT_OTM_H

#include "error.h"
#include "model.h"
#include "sbuf.h"

#define OTM_EXPORT_VERSION "0.2.0"

/* Appends the model as OTM JSON; -1 (err set) only for text that is not UTF-8. */
int report_otm_write(const struct model *m, struct sbuf *out, struct sw_error *err);

#endif
