/* Screen dumps for golden tests and README captures (see screendump.h). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "screendump.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "fileio.h"
#include "ui_curses.h"
#include "xalloc.h"

/* One row as UTF-8; innwstr gives each wide character once, however many cells it covers. */
static void dump_row(int y, int cols, struct sbuf *out)
{
	wchar_t *w = xcalloc((size_t)cols + 1, sizeof(*w));
	char mb[MB_LEN_MAX];
	size_t start = out->len, i;
	mbstate_t st;
	int n = mvinnwstr(y, 0, w, cols);

	memset(&st, 0, sizeof(st));
	for (i = 0; n > 0 && i < (size_t)n && w[i]; i++) {
		size_t len = wcrtomb(mb, w[i], &st);
		if (len == (size_t)-1)
			sbuf_addch(out, '?');
		else
			sbuf_add(out, mb, len);
	}
	while (out->len > start && out->buf[out->len - 1] == ' ')
		sbuf_truncate(out, out->len - 1);
	sbuf_addch(out, '\n');
	free(w);
}

static void screendump_text(struct sbuf *out)
{
	int y;

	for (y = 0; y < LINES; y++)
		dump_row(y, COLS, out);
}

int screendump_write(const char *path, struct sw_error *err)
{
	struct sbuf text = SBUF_INIT;
	int rc;

	screendump_text(&text);
	rc = file_write_atomic(path, sbuf_str(&text), text.len, err);
	sbuf_release(&text);
	return rc;
}
