/*
 * The action table and what comes from it: key names, key maps without clashes, the ':'
 * command parser, and the KEY BINDINGS and WORKSHOP COMMANDS sections of stridewalk(1) (its
 * COMMANDS section is the subcommands'), which must
 * list every key and every command of the table (and no command the table lacks).
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "command.h"
#include "keymap.h"
#include "util.h"
#include "xalloc.h"

#define MAN_PAGE "../man/stridewalk.1"

/* Calls fn(action, key) for every default key of every action. */
static void each_key(void (*fn)(enum action a, const char *key, void *arg), void *arg)
{
	char key[32];
	int i;

	for (i = 1; i < ACT_COUNT; i++) {
		const char *p = action_info((enum action)i)->keys;
		while (*p) {
			size_t len = strcspn(p, " ");
			assert_true(len < sizeof(key));
			memcpy(key, p, len);
			key[len] = '\0';
			fn((enum action)i, key, arg);
			p += len + strspn(p + len, " ");
		}
	}
}

static void key_parses(enum action a, const char *key, void *arg)
{
	struct sbuf back = SBUF_INIT;
	int k;

	char last;

	if (action_key_digits(key, strlen(key), &last))
		return;
	k = keymap_parse_key(key);
	if (k < 0)
		fail_msg("action '%s': key '%s' does not parse", action_info(a)->name, key);
	keymap_format_key(k, &back);
	assert_int_equal(keymap_parse_key(back.buf), k);
	sbuf_release(&back);
}

static void every_default_key_parses(void **state)
{
	each_key(key_parses, NULL);
}

static void key_names_round_trip(void **state)
{
	static const char *const names[] = {"j",       "<Enter>", "<Esc>", "<C-s>", "<Tab>", "<Up>",
					    "<S-Tab>", "<Space>", "<F5>",  "é",     "<lt>",  "?"};
	struct sbuf sb = SBUF_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		int k = keymap_parse_key(names[i]);
		assert_true(k > 0);
		sbuf_reset(&sb);
		keymap_format_key(k, &sb);
		assert_string_equal(sb.buf, names[i]);
	}
	assert_int_equal(keymap_parse_key("<Nope>"), -1);
	assert_int_equal(keymap_parse_key("jk"), -1);
	assert_int_equal(keymap_parse_key("<C-1>"), -1);
	sbuf_release(&sb);
}

/* A screen's own binding wins over the global one; digit keys carry their digit. */
static void screen_keys_come_first(void **state)
{
	char argbuf[8];
	const char *arg;

	/* the lookup finds the screen's binding before the global one */
	assert_int_equal(keymap_lookup(SC_QUESTIONNAIRE, 'n', argbuf, &arg), ACT_NO);
	assert_int_equal(keymap_lookup(SC_WALK, 'n', argbuf, &arg), ACT_NONE);
	assert_int_equal(keymap_lookup(SC_QUESTIONNAIRE, 'u', argbuf, &arg), ACT_UNKNOWN);
	assert_int_equal(keymap_lookup(SC_WALK, 't', argbuf, &arg), ACT_THREAT);
	assert_int_equal(keymap_lookup(SC_QUESTIONNAIRE, '7', argbuf, &arg), ACT_CHOOSE);
	assert_string_equal(arg, "7");
	assert_int_equal(keymap_lookup(SC_WALK, '4', argbuf, &arg), ACT_RATE_CAPTURED);
	assert_string_equal(arg, "4");
	assert_int_equal(keymap_lookup(SC_BOARD, '7', argbuf, &arg), ACT_NONE_);
}

struct clash {
	unsigned scope;
	int key;
	enum action first;
};

static void same_level_clash(enum action a, const char *key, void *arg)
{
	const struct action_info *info = action_info(a);
	char last;
	int k = action_key_digits(key, strlen(key), &last) ? '1' : keymap_parse_key(key);
	int s, i;

	for (s = 0; s < SC_COUNT_BITS; s++) {
		if (!(info->scopes & (1u << s)))
			continue;
		for (i = (int)a + 1; i < ACT_COUNT; i++) {
			const struct action_info *o = action_info((enum action)i);
			const char *p = o->keys;
			if (!(o->scopes & (1u << s)))
				continue;
			while (*p) {
				char one[32];
				size_t len = strcspn(p, " ");
				memcpy(one, p, len);
				one[len] = '\0';
				if ((action_key_digits(one, len, &last)
					 ? '1'
					 : keymap_parse_key(one)) == k)
					fail_msg("key '%s' is both '%s' and '%s' on the %s map",
						 key, info->name, o->name,
						 action_scope_name(1u << s));
				p += len + strspn(p + len, " ");
			}
		}
	}
	(void)arg;
}

static void no_two_actions_share_a_key_on_one_map(void **state)
{
	each_key(same_level_clash, NULL);
}

static void names_are_unique_commands(void **state)
{
	int i, j;

	for (i = 1; i < ACT_COUNT; i++)
		for (j = i + 1; j < ACT_COUNT; j++)
			assert_string_not_equal(action_info((enum action)i)->name,
						action_info((enum action)j)->name);
}

static void commands_parse(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf w = SBUF_INIT;
	enum action a;
	const char *arg, *p;

	assert_int_equal(command_parse(":threat  Forged token accepted ", &a, &arg, &err), 0);
	assert_int_equal(a, ACT_THREAT);
	assert_string_equal(arg, "Forged token accepted ");
	assert_int_equal(command_parse("thr x", &a, &arg, &err), 0); /* a unique prefix */
	assert_int_equal(a, ACT_THREAT);
	assert_int_equal(command_parse("p", &a, &arg, &err), -1);
	assert_non_null(strstr(err.msg, "ambiguous command 'p' ("));
	assert_int_equal(command_parse("frobnicate", &a, &arg, &err), -1);
	assert_string_equal(err.msg, "unknown command 'frobnicate' (see ':help')");
	assert_int_equal(command_parse(":", &a, &arg, &err), -1);
	p = "\"Ana María\" \"the \\\"lead\\\"\" rest of it";
	assert_true(command_word(&p, &w));
	assert_string_equal(w.buf, "Ana María");
	assert_true(command_word(&p, &w));
	assert_string_equal(w.buf, "the \"lead\"");
	command_rest(p, &w);
	assert_string_equal(w.buf, "rest of it");
	command_rest("  \"quoted whole\"  ", &w);
	assert_string_equal(w.buf, "quoted whole");
	sbuf_release(&w);
	sw_error_release(&err);
}

/* The text of one section (".Sh NAME" up to the next ".Sh"), or NULL. */
static char *section(const char *page, const char *name)
{
	struct sbuf head = SBUF_INIT;
	const char *start, *end;
	char *out;

	sbuf_addf(&head, "\n.Sh %s\n", name);
	start = strstr(page, head.buf);
	sbuf_release(&head);
	if (!start)
		return NULL;
	start += 1;
	end = strstr(start + 4, "\n.Sh ");
	out = xstrndup(start, end ? (size_t)(end - start + 1) : strlen(start));
	return out;
}

struct man_check {
	const char *text;
	int bad;
};

static void key_in_man(enum action a, const char *key, void *arg)
{
	struct man_check *c = arg;
	struct sbuf want = SBUF_INIT;

	char last;

	sbuf_addf(&want, "Ic \\&%s", action_key_digits(key, strlen(key), &last) ? "1" : key);
	if (!strstr(c->text, want.buf)) {
		print_error("KEY BINDINGS lacks key '%s' (%s)\n", key, action_info(a)->name);
		c->bad++;
	}
	sbuf_release(&want);
}

/* Every action has its ".It Ic :name" line, and every such line names an action. */
static int check_commands(const char *cmds)
{
	struct sbuf want = SBUF_INIT;
	const char *p;
	enum action a;
	int i, bad = 0;

	for (i = 1; i < ACT_COUNT; i++) {
		sbuf_reset(&want);
		sbuf_addf(&want, ".It Ic :%s", action_info((enum action)i)->name);
		for (p = strstr(cmds, want.buf); p && p[want.len] != ' ' && p[want.len] != '\n';
		     p = strstr(p + 1, want.buf))
			; /* ":next" must not match ":next-view" */
		if (!p) {
			print_error("WORKSHOP COMMANDS lacks ':%s'\n",
				    action_info((enum action)i)->name);
			bad++;
		}
	}
	for (p = strstr(cmds, ".It Ic :"); p; p = strstr(p + 1, ".It Ic :")) {
		size_t len = strcspn(p + 8, " \n");
		sbuf_reset(&want);
		sbuf_add(&want, p + 8, len);
		if (action_find(want.buf, &a, NULL) || !str_eq(action_info(a)->name, want.buf)) {
			print_error("WORKSHOP COMMANDS documents ':%s', which is no command\n",
				    want.buf);
			bad++;
		}
	}
	sbuf_release(&want);
	return bad;
}

static void man_page_lists_every_key_and_command(void **state)
{
	char *page = test_read(MAN_PAGE), *keys, *cmds;
	struct man_check c = {NULL, 0};

	if (!page) {
		print_message("skipped: " MAN_PAGE " does not exist yet\n");
		skip();
	}
	keys = section(page, "KEY BINDINGS");
	cmds = section(page, "WORKSHOP COMMANDS");
	free(page);
	if (keys && cmds) {
		c.text = keys;
		each_key(key_in_man, &c);
		c.bad += check_commands(cmds);
	}
	free(keys);
	free(cmds);
	if (!keys || !cmds)
		fail_msg(MAN_PAGE " needs the KEY BINDINGS and WORKSHOP COMMANDS sections that "
				  "action_mdoc() writes (/tmp/swnotes/man-keys.mdoc)");
	if (c.bad)
		fail_msg(
		    "%d key(s) or command(s) of the action table are missing from " MAN_PAGE
		    " or documented there but gone: regenerate the sections with action_mdoc()",
		    c.bad);
}

static void mdoc_is_generated_for_every_action(void **state)
{
	struct sbuf sb = SBUF_INIT;
	struct man_check c = {NULL, 0};

	action_mdoc(&sb);
	assert_non_null(strstr(sb.buf, ".Sh KEY BINDINGS\n"));
	assert_non_null(
	    strstr(sb.buf, ".It Ic :status Oo Ar ID Oc Ar STATUS Oo Ar JUSTIFICATION Oc\n"));
	assert_non_null(strstr(sb.buf, ".It Ic \\&t\n"));
	assert_non_null(strstr(sb.buf, ".It Ic \\&j No or Ic \\&<Down>\n"));
	c.text = sb.buf;
	each_key(key_in_man, &c);
	c.bad += check_commands(sb.buf);
	sbuf_release(&sb);
	assert_int_equal(c.bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_default_key_parses),
	    cmocka_unit_test(key_names_round_trip),
	    cmocka_unit_test(screen_keys_come_first),
	    cmocka_unit_test(no_two_actions_share_a_key_on_one_map),
	    cmocka_unit_test(names_are_unique_commands),
	    cmocka_unit_test(commands_parse),
	    cmocka_unit_test(mdoc_is_generated_for_every_action),
	    cmocka_unit_test(man_page_lists_every_key_and_command),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
