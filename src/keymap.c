/* Key names and the key maps derived from the action table (see keymap.h). */
#include "keymap.h"

#include <string.h>
#include <strings.h>

#include "util.h"

static const struct {
	const char *name;
	int key;
} named[] = {
    {"Enter", KEYC_ENTER},
    {"CR", KEYC_ENTER},
    {"Tab", KEYC_TAB},
    {"Esc", KEYC_ESC},
    {"Space", ' '},
    {"BS", KEYC_BACKSPACE},
    {"Backspace", KEYC_BACKSPACE},
    {"Del", KEYC_DELETE},
    {"Ins", KEYC_INSERT},
    {"Up", KEYC_UP},
    {"Down", KEYC_DOWN},
    {"Left", KEYC_LEFT},
    {"Right", KEYC_RIGHT},
    {"PgUp", KEYC_PGUP},
    {"PageUp", KEYC_PGUP},
    {"PgDn", KEYC_PGDN},
    {"PageDown", KEYC_PGDN},
    {"Home", KEYC_HOME},
    {"End", KEYC_END},
    {"S-Tab", KEYC_BTAB},
    {"lt", '<'},
};

/* Decodes one UTF-8 character that makes up the whole string; -1 otherwise. */
static int single_char(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	int cp, extra, i;

	if (u[0] < 0x80)
		return u[0] && !u[1] ? u[0] : -1;
	if ((u[0] & 0xe0) == 0xc0)
		cp = u[0] & 0x1f, extra = 1;
	else if ((u[0] & 0xf0) == 0xe0)
		cp = u[0] & 0x0f, extra = 2;
	else if ((u[0] & 0xf8) == 0xf0)
		cp = u[0] & 0x07, extra = 3;
	else
		return -1;
	for (i = 1; i <= extra; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (u[i] & 0x3f);
	}
	return u[extra + 1] ? -1 : cp;
}

static int bracketed(const char *inner, size_t len)
{
	char buf[16];
	long f;
	size_t i;

	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, inner, len);
	buf[len] = '\0';
	for (i = 0; i < ARRAY_SIZE(named); i++)
		if (strcasecmp(named[i].name, buf) == 0)
			return named[i].key;
	if (len == 3 && (buf[0] == 'C' || buf[0] == 'c') && buf[1] == '-' && buf[2] >= '@' &&
	    (buf[2] | 0x20) >= 'a' && (buf[2] | 0x20) <= 'z')
		return KEYC_CTRL(buf[2]);
	if ((buf[0] == 'F' || buf[0] == 'f') && parse_int(buf + 1, 1, 12, &f) == 0)
		return KEYC_F1 + (int)f - 1;
	return -1;
}

int keymap_parse_key(const char *name)
{
	size_t len = strlen(name);
	int key = single_char(name);

	if (key > 0)
		return key < 32 || key == 127 ? -1 : key;
	if (len > 2 && name[0] == '<' && name[len - 1] == '>')
		return bracketed(name + 1, len - 2);
	return -1;
}

static void add_utf8(struct sbuf *out, int cp)
{
	char b[4];

	if (cp < 0x80) {
		sbuf_addch(out, (char)cp);
		return;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		sbuf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		sbuf_add(out, b, 3);
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		sbuf_add(out, b, 4);
	}
}

void keymap_format_key(int key, struct sbuf *out)
{
	size_t i;

	if (key == '<') {
		sbuf_addstr(out, "<lt>");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(named); i++) {
		if (named[i].key == key && key != '<') {
			sbuf_addf(out, "<%s>", named[i].name);
			return;
		}
	}
	if (key > 0 && key < 32)
		sbuf_addf(out, "<C-%c>", 'a' + key - 1);
	else if (key >= KEYC_F1 && key <= KEYC_F12)
		sbuf_addf(out, "<F%d>", key - KEYC_F1 + 1);
	else if (key > 32 && key < KEYC_SPECIAL)
		add_utf8(out, key);
	else
		sbuf_addf(out, "<key-%d>", key);
}

/* Does the space-separated key list `keys` hold `key`? Digit ranges pass their digit. */
static bool keys_hold(const char *keys, int key, char *argbuf, const char **arg)
{
	const char *p = keys;
	char one[16], last;

	while (*p) {
		size_t len = strcspn(p, " ");
		if (action_key_digits(p, len, &last) && key >= '1' && key <= last) {
			argbuf[0] = (char)key;
			argbuf[1] = '\0';
			*arg = argbuf;
			return true;
		}
		if (len < sizeof(one)) {
			memcpy(one, p, len);
			one[len] = '\0';
			if (keymap_parse_key(one) == key)
				return true;
		}
		p += len;
		p += strspn(p, " ");
	}
	return false;
}

static enum action lookup_in(unsigned mask, int key, char *argbuf, const char **arg)
{
	int i;

	for (i = 1; i < ACT_COUNT; i++) {
		const struct action_info *a = action_info((enum action)i);
		if ((a->scopes & mask) && keys_hold(a->keys, key, argbuf, arg))
			return (enum action)i;
	}
	return ACT_NONE_;
}

enum action keymap_lookup(unsigned scope, int key, char *argbuf, const char **arg)
{
	enum action a = ACT_NONE_;

	*arg = NULL;
	if (scope & ~(unsigned)SC_GLOBAL)
		a = lookup_in(scope & ~(unsigned)SC_GLOBAL, key, argbuf, arg);
	if (a == ACT_NONE_)
		a = lookup_in(SC_GLOBAL, key, argbuf, arg);
	return a;
}

void keymap_first_key(enum action a, struct sbuf *out)
{
	const struct action_info *info = action_info(a);
	size_t len;
	const char *k;
	char last;

	if (!info || !*info->keys)
		return;
	k = info->keys;
	len = strcspn(k, " ");
	if (action_key_digits(k, len, &last)) {
		sbuf_addf(out, "1-%c", last);
	} else if (len > 4 && k[0] == '<' && (k[1] == 'C' || k[1] == 'c') && k[2] == '-') {
		sbuf_addf(out, "^%c", k[3] & ~0x20);
	} else if (len > 2 && k[0] == '<') {
		sbuf_add(out, k + 1, len - 2);
	} else {
		sbuf_add(out, k, len);
	}
}
