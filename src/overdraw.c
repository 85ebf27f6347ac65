/*
 * The overdraw guard (overdraw.h): one owner per cell of the frame, the write that last drew
 * it. State lives here, not in a context, because the drawing helpers that feed it take none;
 * it is on only in headless runs.
 */
#include "overdraw.h"

#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "xalloc.h"

enum { CELL_EMPTY = -1, CELL_BACKGROUND = -2 };

static struct {
	bool on, overlay;
	int rows, cols;
	int *owner; /* per cell: the index of the text write that drew it, or CELL_* */
	char **texts; /* the frame's text writes, by index */
	size_t ntexts, texts_cap;
	struct sbuf found;
} g;

static void forget_texts(void)
{
	size_t i;

	for (i = 0; i < g.ntexts; i++)
		free(g.texts[i]);
	g.ntexts = 0;
}

void overdraw_enable(bool on)
{
	g.on = on;
	if (on)
		return;
	forget_texts();
	free(g.texts);
	free(g.owner);
	sbuf_release(&g.found);
	memset(&g, 0, sizeof(g));
}

void overdraw_frame(int rows, int cols)
{
	int i;

	if (!g.on)
		return;
	forget_texts();
	sbuf_reset(&g.found);
	if (rows * cols != g.rows * g.cols || !g.owner)
		g.owner = xrealloc(g.owner, (size_t)(rows > 0 && cols > 0 ? rows * cols : 1) *
						sizeof(*g.owner));
	g.rows = rows;
	g.cols = cols;
	for (i = 0; i < rows * cols; i++)
		g.owner[i] = CELL_EMPTY;
	g.overlay = false;
}

static void report(int y, int x, const char *what, int old)
{
	if (g.found.len)
		return; /* the first one says enough */
	sbuf_addf(&g.found, "row %d, column %d: %s drawn over '%s'", y + 1, x + 1, what,
		  g.texts[old]);
}

/* Claims cells [x, x + width) of row y for `owner`; reports the first text it covers. */
static void claim(int y, int x, int width, int owner, const char *what)
{
	int i;

	if (!g.on || y < 0 || y >= g.rows)
		return;
	for (i = x < 0 ? 0 : x; i < x + width && i < g.cols; i++) {
		int *cell = &g.owner[y * g.cols + i];
		if (*cell >= 0 && !g.overlay)
			report(y, i, what, *cell);
		*cell = owner;
	}
}

void overdraw_text(int y, int x, int width, const char *text)
{
	struct sbuf what = SBUF_INIT;

	if (!g.on || width <= 0)
		return;
	g.texts = xgrow(g.texts, sizeof(*g.texts), g.ntexts + 1, &g.texts_cap);
	g.texts[g.ntexts] = xstrdup(text);
	sbuf_addf(&what, "'%s'", text);
	claim(y, x, width, (int)g.ntexts, what.buf);
	g.ntexts++;
	sbuf_release(&what);
}

void overdraw_background(int y, int x, int width)
{
	claim(y, x, width, CELL_BACKGROUND, "a blank or a line");
}

void overdraw_overlay(bool on)
{
	g.overlay = on;
}

const char *overdraw_found(void)
{
	return g.on && g.found.len ? g.found.buf : NULL;
}
