/*
 * The UI's input without a terminal: STRIDEWALK_SCRIPT files (key names, commands, text to
 * type, resizes, comments, and errors as FILE:LINE), the prompt's UTF-8 aware editing and Tab
 * completion, and the scrolling list's selection over headings.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "script.h"
#include "keymap.h"
#include "listview.h"
#include "prompt.h"
#include "util.h"

static void script_lines(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct script *s;
	struct input_event ev;

	assert_int_equal(script_parse("walk.script",
				      "# a comment\n\n  j\n<Enter>\n:threat Forged token\n"
				      "\"Ana María\"\n<Resize 100x30>\n<C-s>\n",
				      &s, &err),
			 0);
	script_next(s, &ev);
	assert_int_equal(ev.type, INPUT_KEY);
	assert_int_equal(ev.key, 'j');
	assert_int_equal(ev.line, 3);
	script_next(s, &ev);
	assert_int_equal(ev.key, KEYC_ENTER);
	script_next(s, &ev);
	assert_int_equal(ev.type, INPUT_COMMAND);
	assert_string_equal(ev.text, "threat Forged token");
	script_next(s, &ev);
	assert_int_equal(ev.type, INPUT_TEXT);
	assert_string_equal(ev.text, "Ana María");
	script_next(s, &ev);
	assert_int_equal(ev.type, INPUT_RESIZE);
	assert_int_equal(ev.cols, 100);
	assert_int_equal(ev.rows, 30);
	script_next(s, &ev);
	assert_int_equal(ev.key, KEYC_CTRL('s'));
	script_next(s, &ev);
	assert_int_equal(ev.type, INPUT_END);
	script_free(s);
}

static void script_errors_name_the_line(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf msg = SBUF_INIT;
	struct script *s = NULL;

	assert_int_equal(script_parse("bad.script", "j\n<Enterr>\n", &s, &err), -1);
	assert_null(s);
	sw_error_format(&err, &msg);
	assert_string_equal(msg.buf,
			    "bad.script:2: unknown key '<Enterr>' (expected a key such as j "
			    "or <Enter>, a :command, or \"text to type\")");
	sbuf_reset(&msg);
	assert_int_equal(script_parse("bad.script", "# ok\n:frobnicate now\n", &s, &err), -1);
	sw_error_format(&err, &msg);
	assert_string_equal(msg.buf, "bad.script:2: unknown command 'frobnicate' (see ':help')");
	sbuf_release(&msg);
	sw_error_release(&err);
}

static void type(struct prompt *p, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;

	while (*s) {
		int cp = *s++;
		if (cp >= 0xc0) { /* two-byte sequences are enough for these tests */
			cp = ((cp & 0x1f) << 6) | (*s++ & 0x3f);
		}
		assert_int_equal(prompt_key(p, cp, NULL), PROMPT_GOING);
	}
}

static void prompt_edits_utf8(void **state)
{
	struct prompt p;

	prompt_init(&p, "");
	type(&p, "Ana María");
	prompt_key(&p, KEYC_BACKSPACE, NULL);
	assert_string_equal(p.text.buf, "Ana Marí");
	prompt_key(&p, KEYC_BACKSPACE, NULL); /* the two bytes of í go together */
	assert_string_equal(p.text.buf, "Ana Mar");
	prompt_key(&p, KEYC_HOME, NULL);
	prompt_key(&p, KEYC_DELETE, NULL);
	assert_string_equal(p.text.buf, "na Mar");
	prompt_key(&p, KEYC_END, NULL);
	prompt_key(&p, KEYC_CTRL('w'), NULL);
	assert_string_equal(p.text.buf, "na ");
	assert_int_equal(prompt_key(&p, KEYC_ENTER, NULL), PROMPT_DONE);
	assert_int_equal(prompt_key(&p, KEYC_ESC, NULL), PROMPT_CANCEL);
	prompt_release(&p);
}

static void prompt_initial_text_is_replaced_by_typing(void **state)
{
	struct prompt p;

	prompt_init(&p, "open");
	type(&p, "accepted");
	assert_string_equal(p.text.buf, "accepted");
	prompt_release(&p);
	prompt_init(&p, "aws.lambda");
	prompt_key(&p, KEYC_BACKSPACE, NULL); /* editing keeps it */
	type(&p, "x");
	assert_string_equal(p.text.buf, "aws.lambdx");
	prompt_release(&p);
}

static void prompt_completes_with_tab(void **state)
{
	struct strlist words = STRLIST_INIT;
	struct prompt p;

	strlist_push(&words, "aws.lambda");
	strlist_push(&words, "aws.s3");
	strlist_push(&words, "generic.store");
	prompt_init(&p, "");
	type(&p, "aws");
	prompt_key(&p, KEYC_TAB, &words);
	assert_string_equal(p.text.buf, "aws.lambda");
	prompt_key(&p, KEYC_TAB, &words);
	assert_string_equal(p.text.buf, "aws.s3");
	prompt_key(&p, KEYC_TAB, &words);
	assert_string_equal(p.text.buf, "aws.lambda");
	prompt_release(&p);
	strlist_clear(&words);
}

static bool odd_rows(const void *data, size_t row)
{
	return row % 2 == 1; /* even rows are headings */
}

static void listview_skips_headings(void **state)
{
	struct listview lv = {0, 0, 0, odd_rows, NULL};

	listview_set_count(&lv, 9);
	assert_int_equal(lv.selected, 1);
	listview_move(&lv, 1);
	assert_int_equal(lv.selected, 3);
	listview_handle(&lv, ACT_LAST, 4);
	assert_int_equal(lv.selected, 7);
	listview_handle(&lv, ACT_DOWN, 4);
	assert_int_equal(lv.selected, 7);
	listview_handle(&lv, ACT_PAGE_UP, 4);
	assert_int_equal(lv.selected, 1);
	listview_scroll(&lv, 3);
	assert_true(lv.top <= lv.selected);
	listview_set_count(&lv, 0);
	assert_int_equal(lv.selected, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(script_lines),
	    cmocka_unit_test(script_errors_name_the_line),
	    cmocka_unit_test(prompt_edits_utf8),
	    cmocka_unit_test(prompt_initial_text_is_replaced_by_typing),
	    cmocka_unit_test(prompt_completes_with_tab),
	    cmocka_unit_test(listview_skips_headings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
