/* Input events from the terminal, through curses (see input.h). */
#include "input.h"

#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "ui_curses.h"
#include "util.h"

static const struct {
	int curses;
	int key;
} special[] = {
    {KEY_UP, KEYC_UP},       {KEY_DOWN, KEYC_DOWN},  {KEY_LEFT, KEYC_LEFT},
    {KEY_RIGHT, KEYC_RIGHT}, {KEY_PPAGE, KEYC_PGUP}, {KEY_NPAGE, KEYC_PGDN},
    {KEY_HOME, KEYC_HOME},   {KEY_END, KEYC_END},    {KEY_BACKSPACE, KEYC_BACKSPACE},
    {KEY_DC, KEYC_DELETE},   {KEY_IC, KEYC_INSERT},  {KEY_BTAB, KEYC_BTAB},
    {KEY_ENTER, KEYC_ENTER},
};

static int translate(int code)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(special); i++)
		if (special[i].curses == code)
			return special[i].key;
	if (code >= KEY_F(1) && code <= KEY_F(12))
		return KEYC_F1 + code - KEY_F(1);
	return -1;
}

void input_read(struct input_event *ev, int timeout_ms)
{
	wint_t wc;
	int rc;

	memset(ev, 0, sizeof(*ev));
	for (;;) {
		timeout(timeout_ms);
		rc = get_wch(&wc);
		if (rc == ERR) {
			ev->type = INPUT_TICK; /* a timeout, or a signal interrupted the wait */
			return;
		}
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			ev->type = INPUT_RESIZE;
			return;
		}
		ev->type = INPUT_KEY;
		if (rc == KEY_CODE_YES)
			ev->key = translate((int)wc);
		else if (wc == '\r')
			ev->key = KEYC_ENTER;
		else if (wc == 127 || wc == 8)
			ev->key = KEYC_BACKSPACE;
		else
			ev->key = (int)wc;
		if (ev->key >= 0)
			return;
	}
}
