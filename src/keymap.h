/*
 * Keys and key maps. A key is a Unicode code point, a control character (1-31, Enter is 10) or
 * one of the KEY_* codes below; key names are those a script writes ("j", "<Enter>", "<C-s>").
 * Key maps come from the action table: a screen's own bindings first, then the global ones.
 */
#ifndef SW_KEYMAP_H
#define SW_KEYMAP_H

#include "action.h"
#include "sbuf.h"

enum {
	KEYC_ENTER = 10,
	KEYC_TAB = 9,
	KEYC_ESC = 27,
	KEYC_SPECIAL = 0x200000, /* above every Unicode code point */
	KEYC_UP,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PGUP,
	KEYC_PGDN,
	KEYC_HOME,
	KEYC_END,
	KEYC_BACKSPACE,
	KEYC_DELETE,
	KEYC_INSERT,
	KEYC_BTAB,
	KEYC_F1, /* KEYC_F1 + n - 1 is <Fn>, n up to 12 */
	KEYC_F12 = KEYC_F1 + 11,
};

#define KEYC_CTRL(c) ((c)&0x1f)

/* Parses one key name; returns the key, or -1 when the name is not a key. */
int keymap_parse_key(const char *name);
/* Appends the key's name as keymap_parse_key() reads it. */
void keymap_format_key(int key, struct sbuf *out);

/*
 * The action bound to `key` for a screen whose key map is `scope` (one enum action_scope bit):
 * the screen's own bindings first, then the global ones. ACT_NONE_ when unbound. For keys that
 * carry their argument (a digit range, "1..9") *arg gets it (NUL-terminated, in `argbuf` of at least 8 bytes),
 * otherwise NULL.
 */
enum action keymap_lookup(unsigned scope, int key, char *argbuf, const char **arg);

/* The first default key of an action as it should be shown in hints ("t", "<Enter>"). */
void keymap_first_key(enum action a, struct sbuf *out);

#endif
