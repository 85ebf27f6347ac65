/* Error reports with file:line:col (see error.h). */
#include "error.h"

#include <stdarg.h>
#include <stdlib.h>

#include "xalloc.h"

static int error_set(struct sw_error *err, const char *file, int line, int col, const char *fmt,
		     va_list ap) __attribute__((format(printf, 5, 0)));

static int error_set(struct sw_error *err, const char *file, int line, int col, const char *fmt,
		     va_list ap)
{
	struct sbuf sb = SBUF_INIT;

	if (!err)
		return -1;
	sw_error_release(err);
	sbuf_vaddf(&sb, fmt, ap);
	err->file = xstrdup(file);
	err->line = line;
	err->col = col;
	err->msg = sbuf_detach(&sb);
	return -1;
}

int sw_error_at(struct sw_error *err, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_set(err, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

int sw_error(struct sw_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_set(err, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return -1;
}

void sw_error_format(const struct sw_error *err, struct sbuf *out)
{
	if (err->file) {
		sbuf_addstr(out, err->file);
		if (err->line > 0)
			sbuf_addf(out, ":%d", err->line);
		if (err->col > 0)
			sbuf_addf(out, ":%d", err->col);
		sbuf_addstr(out, ": ");
	}
	sbuf_addstr(out, err->msg ? err->msg : "unknown error");
}

void sw_error_release(struct sw_error *err)
{
	if (!err)
		return;
	free(err->file);
	free(err->msg);
	err->file = err->msg = NULL;
	err->line = err->col = 0;
}
