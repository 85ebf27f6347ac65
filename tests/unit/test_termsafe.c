/* Text made safe for the terminal: controls, bidi and invisible characters, broken UTF-8. */
#include "testlib.h"

#include <string.h>

#include "termsafe.h"

static void check(const char *in, size_t len, enum termsafe_mode mode, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	termsafe_add(&sb, in, len, mode);
	assert_string_equal(sbuf_str(&sb), want);
	sbuf_release(&sb);
}

static void lines(const char *in, const char *want)
{
	check(in, strlen(in), TERMSAFE_LINES, want);
}

static void test_plain_text_unchanged(void **state)
{
	lines("Forged token accepted (T-0001): 20 critical",
	      "Forged token accepted (T-0001): 20 critical");
	lines("naïve café, Größe, 日本語, emoji 🙂",
	      "naïve café, Größe, 日本語, emoji 🙂");
	lines("two\nlines\tand a tab", "two\nlines\tand a tab");
	lines("", "");
}

static void test_c0_and_del(void **state)
{
	lines("\x1b]0;owned\a", "<U+001B>]0;owned<U+0007>");
	lines("\x1b[2J\x1b[H", "<U+001B>[2J<U+001B>[H");
	lines("over\rwrite", "over<U+000D>write");
	lines("crlf\r\nline\r", "crlf\r\nline<U+000D>");
	lines("del\x7f", "del<U+007F>");
	check("a\0b", 3, TERMSAFE_LINES, "a<U+0000>b");
	/* one line: breaks, tabs and CR are spaces, the rest as above */
	check("title\r\nwith\tbreaks\x1b", 19, TERMSAFE_LINE, "title  with breaks<U+001B>");
}

static void test_c1(void **state)
{
	lines("csi \xc2\x9b"
	      "2J",
	      "csi <U+009B>2J");
	lines("osc \xc2\x9d"
	      "52;c;ZXZpbA==\xc2\x9c",
	      "osc <U+009D>52;c;ZXZpbA==<U+009C>");
	lines("nel \xc2\x85 end", "nel <U+0085> end");
	/* U+00A0 and above are text */
	lines("nbsp\xc2\xa0here", "nbsp\xc2\xa0here");
}

static void test_bidi_and_invisible(void **state)
{
	lines("invoice_\xe2\x80\xae"
	      "fdp.exe",
	      "invoice_<U+202E>fdp.exe");
	lines("\xe2\x81\xa6"
	      "isolate\xe2\x81\xa9",
	      "<U+2066>isolate<U+2069>");
	lines("zero\xe2\x80\x8bwidth\xe2\x80\x8d", "zero<U+200B>width<U+200D>");
	lines("\xef\xbb\xbf"
	      "bom",
	      "<U+FEFF>bom");
	lines("line\xe2\x80\xa8sep", "line<U+2028>sep");
	lines("soft\xc2\xadhyphen", "soft<U+00AD>hyphen");
	lines("tag \xf3\xa0\x80\x81"
	      "x",
	      "tag <U+E0001>x");
	lines("arabic mark \xd8\x9c", "arabic mark <U+061C>");
}

static void test_broken_utf8(void **state)
{
	lines("lone \x9b byte", "lone <0x9B> byte");
	lines("cut \xe2\x80", "cut <0xE2><0x80>");
	lines("overlong \xc0\xaf", "overlong <0xC0><0xAF>");
	lines("surrogate \xed\xa0\x80", "surrogate <0xED><0xA0><0x80>");
	lines("\xff\xfe", "<0xFF><0xFE>");
}

static void test_find(void **state)
{
	uint32_t cp = 0;

	assert_int_equal(termsafe_find("clean\ttext\n", 11, &cp), 11);
	assert_int_equal(termsafe_find("ab\x1b[", 4, &cp), 2);
	assert_int_equal(cp, 0x1b);
	assert_int_equal(termsafe_find("é\xe2\x80\xae", 5, &cp), 2);
	assert_int_equal(cp, 0x202e);
	assert_int_equal(termsafe_find("x\xc2\x85", 3, &cp), 1);
	assert_int_equal(cp, 0x85);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_text_unchanged),
	    cmocka_unit_test(test_c0_and_del),
	    cmocka_unit_test(test_c1),
	    cmocka_unit_test(test_bidi_and_invisible),
	    cmocka_unit_test(test_broken_utf8),
	    cmocka_unit_test(test_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
