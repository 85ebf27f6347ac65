/*
 * Writing a loaded questionnaire back as questionnaire YAML, in a canonical form: the snapshot
 * a model keeps of each questionnaire it was answered with, readable by questionnaire_load_text.
 */
#ifndef SW_QUESTIONNAIRE_WRITE_H
#define SW_QUESTIONNAIRE_WRITE_H

#include "error.h"
#include "questionnaire.h"
#include "sbuf.h"

/*
 * Appends `qn` as YAML to `out`: keys in the order of stridewalk-questionnaire(5), questions
 * and options in file order, risky choices marked on their options. Comments and the original
 * layout are not kept; the same questionnaire always gives the same bytes.
 */
int questionnaire_write(const struct questionnaire *qn, struct sbuf *out, struct sw_error *err);

#endif
