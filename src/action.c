/* The action table (action.h) and what is generated from it: lookups, the key dump, man text. */
#include "action.h"

#include <string.h>

#include "error.h"
#include "util.h"

static const struct action_info actions[ACT_COUNT] = {[ACT_NONE_] = {NULL, 0, "", "", "", ""},
#define X(id, name, scopes, keys, args, label, help, handler)                                      \
	[ACT_##id] = {name, scopes, keys, args, label, help},
						      ACTION_TABLE(X)
#undef X
};

static const char *const scope_names[SC_COUNT_BITS] = {[SCOPE_BIT_GLOBAL] = "everywhere",
#define S(X, id, file, name, ...) [SCOPE_BIT_##id] = name,
						       SCREEN_TABLE(S, _)
#undef S
};

/* Headings of the man page's KEY BINDINGS subsections, by scope bit. */
static const char *const scope_titles[SC_COUNT_BITS] = {[SCOPE_BIT_GLOBAL] = "Everywhere",
#define S(X, id, file, name, alias, title, heading, ...) [SCOPE_BIT_##id] = heading,
							SCREEN_TABLE(S, _)
#undef S
};

const struct action_info *action_info(enum action a)
{
	if (a <= ACT_NONE_ || a >= ACT_COUNT)
		return NULL;
	return &actions[a];
}

int action_find(const char *name, enum action *out, struct sw_error *err)
{
	size_t len = strlen(name);
	int found = 0, i;
	struct sbuf all = SBUF_INIT;

	for (i = 1; i < ACT_COUNT; i++) {
		if (str_eq(actions[i].name, name)) {
			*out = (enum action)i;
			return 0;
		}
	}
	for (i = 1; len > 0 && i < ACT_COUNT; i++) {
		if (strncmp(actions[i].name, name, len) == 0) {
			sbuf_addf(&all, "%s%s", found ? ", " : "", actions[i].name);
			*out = (enum action)i;
			found++;
		}
	}
	if (found == 1) {
		sbuf_release(&all);
		return 0;
	}
	if (found > 1)
		sw_error(err, "ambiguous command '%s' (%s)", name, sbuf_str(&all));
	else
		sw_error(err, "unknown command '%s' (see ':help')", name);
	sbuf_release(&all);
	return -1;
}

const char *action_scope_name(unsigned scope_bit)
{
	int i;

	for (i = 0; i < SC_COUNT_BITS; i++)
		if (scope_bit == (1u << i))
			return scope_names[i];
	return "?";
}

static void add_scopes(struct sbuf *out, unsigned scopes)
{
	int i, n = 0;

	for (i = 0; i < SC_COUNT_BITS; i++)
		if (scopes & (1u << i))
			sbuf_addf(out, "%s%s", n++ ? "," : "", scope_names[i]);
	if (n == 0)
		sbuf_addstr(out, "-");
}

void action_dump(struct sbuf *out)
{
	int i;

	for (i = 1; i < ACT_COUNT; i++) {
		const struct action_info *a = &actions[i];
		sbuf_addf(out, "%s\t", a->name);
		add_scopes(out, a->scopes);
		sbuf_addf(out, "\t%s\t:%s%s%s\t%s\n", *a->keys ? a->keys : "-", a->name,
			  *a->args ? " " : "", a->args, a->help);
	}
}

bool action_key_digits(const char *name, size_t len, char *last)
{
	if (len != 4 || strncmp(name, "1..", 3) != 0 || name[3] < '2' || name[3] > '9')
		return false;
	*last = name[3];
	return true;
}

/* One key as an mdoc argument: \& keeps ".", "?", "!", ":", "[", "]" from being punctuation. */
static void mdoc_key(struct sbuf *out, const char *key, size_t len)
{
	char last;

	if (action_key_digits(key, len, &last)) {
		sbuf_addf(out, "Ic \\&1 No to Ic \\&%c", last);
		return;
	}
	sbuf_addstr(out, "Ic \\&");
	sbuf_add(out, key, len);
}

static void mdoc_keys(struct sbuf *out, const char *keys)
{
	const char *p = keys;
	int n = 0;

	sbuf_addstr(out, ".It ");
	while (*p) {
		size_t len = strcspn(p, " ");
		if (n++)
			sbuf_addstr(out, " No or ");
		mdoc_key(out, p, len);
		p += len;
		p += strspn(p, " ");
	}
	sbuf_addch(out, '\n');
}

/*
 * "[ID] STATUS [JUSTIFICATION]" as "Oo Ar ID Oc Ar STATUS Oo Ar JUSTIFICATION Oc", nesting
 * kept; "NAME[, ROLE]" as "Ar NAME Ns Oo , Ar ROLE Oc" (no space before the bracket, and the
 * comma as punctuation rather than an argument).
 */
static void mdoc_args(struct sbuf *out, const char *args)
{
	const char *p = args;

	while (*p) {
		size_t len;
		if (*p == ' ') {
			p++;
		} else if (*p == '[') {
			sbuf_addstr(out,
				    p > args && p[-1] != ' ' && p[-1] != '[' ? " Ns Oo" : " Oo");
			p++;
		} else if (*p == ',') {
			sbuf_addstr(out, " ,");
			p++;
		} else if (*p == ']') {
			sbuf_addstr(out, " Oc");
			p++;
		} else {
			len = strcspn(p, " []");
			sbuf_addstr(out, " Ar ");
			sbuf_add(out, p, len);
			p += len;
		}
	}
}

static void mdoc_help(struct sbuf *out, const char *help)
{
	if (help[0] == '.' || help[0] == '\'')
		sbuf_addstr(out, "\\&");
	sbuf_addf(out, "%s.\n", help);
}

static void mdoc_key_section(struct sbuf *out)
{
	int s, i;

	sbuf_addstr(out, ".Sh KEY BINDINGS\n"
			 "Each screen's own keys come first; the keys listed under\n"
			 ".Sx Everywhere\n"
			 "work on every screen unless the screen uses the key itself.\n"
			 "The on-screen key hints and the help screen\n"
			 ".Pq Ic \\&?\n"
			 "are generated from the same table.\n");
	for (s = 0; s < SC_COUNT_BITS; s++) {
		int n = 0;
		for (i = 1; i < ACT_COUNT; i++) {
			const struct action_info *a = &actions[i];
			if (!(a->scopes & (1u << s)) || !*a->keys)
				continue;
			if (n++ == 0)
				sbuf_addf(out, ".Ss %s\n.Bl -tag -width Ds -compact\n",
					  scope_titles[s]);
			mdoc_keys(out, a->keys);
			mdoc_help(out, a->help);
		}
		if (n)
			sbuf_addstr(out, ".El\n");
	}
}

static void mdoc_command_section(struct sbuf *out)
{
	int i;

	sbuf_addstr(out, ".Sh WORKSHOP COMMANDS\n"
			 "Every action is also a command, typed after\n"
			 ".Ic \\&:\n"
			 "or written on a line of a\n"
			 ".Ev STRIDEWALK_SCRIPT\n"
			 "file.\n"
			 "A unique prefix of a command's name is enough.\n"
			 "An argument that holds spaces may be put in double quotes; the last\n"
			 "argument takes the rest of the line.\n"
			 "Where an\n"
			 ".Ar ID\n"
			 "is optional, the selected item is meant.\n"
			 ".Bl -tag -width Ds -compact\n");
	for (i = 1; i < ACT_COUNT; i++) {
		sbuf_addf(out, ".It Ic :%s", actions[i].name);
		mdoc_args(out, actions[i].args);
		sbuf_addch(out, '\n');
		mdoc_help(out, actions[i].help);
	}
	sbuf_addstr(out, ".El\n");
}

void action_mdoc(struct sbuf *out)
{
	mdoc_key_section(out);
	mdoc_command_section(out);
}
