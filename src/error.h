/*
 * Error reports below the UI: fallible functions return 0 on success or -1, and fill an optional
 * struct sw_error that says what went wrong and where (file:line:col). They never print.
 */
#ifndef SW_ERROR_H
#define SW_ERROR_H

#include "sbuf.h"

struct sw_error {
	char *file; /* owned; NULL when the error has no file */
	int line; /* 1-based; 0 when unknown */
	int col; /* 1-based; 0 when unknown */
	char *msg; /* owned; NULL when no error was set */
};

#define SW_ERROR_INIT                                                                              \
	{                                                                                          \
		NULL, 0, 0, NULL                                                                   \
	}

/* Sets the error (replacing any earlier one) and returns -1. `err` may be NULL. */
int sw_error_at(struct sw_error *err, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int sw_error(struct sw_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends "file:line:col: message" (or as much of it as is known) to `out`. */
void sw_error_format(const struct sw_error *err, struct sbuf *out);

void sw_error_release(struct sw_error *err);

#endif
