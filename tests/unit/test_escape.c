/* Escaping for Markdown cells and text, HTML, Mermaid labels and CSV cells. */
#include "testlib.h"

#include <string.h>

#include "escape.h"
#include "sbuf.h"

/* Runs one escaper over `in` and compares with `want`. */
static void check(void (*esc)(struct sbuf *, const char *), const char *in, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_init(&sb);
	esc(&sb, in);
	assert_string_equal(sbuf_str(&sb), want);
	sbuf_release(&sb);
}

static void test_md_cell(void **state)
{
	check(esc_md_cell, "plain text, 42", "plain text, 42");
	check(esc_md_cell, "a | b", "a \\| b");
	check(esc_md_cell, "line one\nline two", "line one<br>line two");
	check(esc_md_cell, "crlf\r\nend", "crlf<br>end");
	check(esc_md_cell, "lone\rcr", "lone<br>cr");
	check(esc_md_cell, "blank\n\nline", "blank<br><br>line");
	check(esc_md_cell, "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
	check(esc_md_cell, "AT&T", "AT&amp;T");
	check(esc_md_cell, "`code` *em* _em_ ~~x~~", "\\`code\\` \\*em\\* \\_em\\_ \\~\\~x\\~\\~");
	check(esc_md_cell, "[link](http://x)", "\\[link\\](http\\[:\\]//x)");
	check(esc_md_cell, "back\\slash", "back\\\\slash");
	check(esc_md_cell, "$x^2$", "\\$x^2\\$");
	check(esc_md_cell, "tab\there", "tab here");
	check(esc_md_cell, "bell\a", "bell");
	check(esc_md_cell, "# not a heading in a cell", "# not a heading in a cell");
	check(esc_md_cell, "naïve café", "naïve café");
	check(esc_md_cell, NULL, "");
}

static void test_md_inline(void **state)
{
	check(esc_md_inline, "# heading", "\\# heading");
	check(esc_md_inline, "- item", "\\- item");
	check(esc_md_inline, "+ item", "\\+ item");
	check(esc_md_inline, "1. first", "1\\. first");
	check(esc_md_inline, "12) twelfth", "12\\) twelfth");
	check(esc_md_inline, "    code block", "code block");
	check(esc_md_inline, "> quote", "&gt; quote");
	check(esc_md_inline, "two\nlines", "two lines");
	check(esc_md_inline, "cr\rlf\r\nend", "cr lf end");
	check(esc_md_inline, "a - b # c", "a - b # c");
	check(esc_md_inline, "===", "\\===");
}

static void test_md_block(void **state)
{
	/* A line break is a hard break (a backslash ends the line), a blank line a new paragraph. */
	check(esc_md_block, "first\n# second\n- third\n\nnew paragraph",
	      "first\\\n\\# second\\\n\\- third\n\nnew paragraph");
	check(esc_md_block, "text\n---", "text\\\n\\---");
	check(esc_md_block, "text\n===", "text\\\n\\===");
	check(esc_md_block, "```\nfenced\n```", "\\`\\`\\`\\\nfenced\\\n\\`\\`\\`");
	check(esc_md_block, "    indented", "indented");
	check(esc_md_block, "<div>\nhtml\n</div>", "&lt;div&gt;\\\nhtml\\\n&lt;/div&gt;");
	check(esc_md_block, "ends with\n", "ends with");
	/* CR LF and a lone CR break lines too; several blank lines are one paragraph break. */
	check(esc_md_block, "one\r\ntwo\rthree", "one\\\ntwo\\\nthree");
	check(esc_md_block, "\n\none\n \n\t\n\a\ntwo\n\n", "one\n\ntwo");
	/* A typed backslash at the end of a line stays a backslash, and the break still holds. */
	check(esc_md_block, "path C:\\\nnext", "path C:\\\\\\\nnext");
	/* After a hard break, a line still cannot open a block. */
	check(esc_md_block, "a\n> quote\n    code\n1. one\n<b>x</b>\n[r]: http://x",
	      "a\\\n&gt; quote\\\ncode\\\n1\\. one\\\n&lt;b&gt;x&lt;/b&gt;\\\n\\[r\\]: "
	      "http\\[:\\]//x");
}

static void test_link_text_and_html(void **state)
{
	check(esc_md_link_text, "a ] b [ c", "a \\] b \\[ c");
	check(esc_md_link_text, "x\ny", "x y");
	check(esc_html, "<a href=\"x\">'&'</a>",
	      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
	check(esc_html, "two\nlines", "two lines");
}

static void test_mermaid(void **state)
{
	check(esc_mermaid_label, "Payslip function", "Payslip function");
	check(esc_mermaid_label, "say \"hi\"", "say #quot;hi#quot;");
	check(esc_mermaid_label, "a[b](c){d}", "a#91;b#93;#40;c#41;#123;d#125;");
	check(esc_mermaid_label, "x; y # z", "x#59; y #35; z");
	check(esc_mermaid_label, "A-->B|C", "A--#62;B#124;C");
	check(esc_mermaid_label, "end\nsubgraph x", "end subgraph x");
	check(esc_mermaid_label, "<script>&", "#60;script#62;#38;");
	check(esc_mermaid_label, "%%{init}%%", "#37;#37;#123;init#125;#37;#37;");
	check(esc_mermaid_label, "`md` \\", "#96;md#96; #92;");
	check(esc_mermaid_label, "Zürich", "Zürich");
}

/* Typed text never becomes a link on GitHub: bare URLs, www. names and e-mail addresses. */
static void test_md_no_autolinks(void **state)
{
	check(esc_md_cell, "see https://evil.example/x", "see https\\[:\\]//evil.example/x");
	check(esc_md_inline, "HTTP://EVIL.EXAMPLE", "HTTP\\[:\\]//EVIL.EXAMPLE");
	check(esc_md_block, "ftp://x.example\nwww.evil.example",
	      "ftp\\[:\\]//x.example\\\nwww\\[.\\]evil.example");
	check(esc_md_inline, "(WWW.evil.example)", "(WWW\\[.\\]evil.example)");
	check(esc_md_cell, "mail bob.smith+x@example.com", "mail bob.smith+x\\[@\\]example.com");
	check(esc_md_cell, "mailto:bob@example.com", "mailto:bob\\[@\\]example.com");
	check(esc_md_link_text, "s3://bucket/key", "s3\\[:\\]//bucket/key");
	/* what is no link stays as typed */
	check(esc_md_cell, "at 10:30, v1.2.3, a.b, @alice, www, wwwx.example, e.g. foo.",
	      "at 10:30, v1.2.3, a.b, @alice, www, wwwx.example, e.g. foo.");
	check(esc_md_cell, "://x and www. and x@ and @", "://x and www. and x@ and @");
}

static void test_csv(void **state)
{
	check(esc_csv_cell, "plain", "plain");
	check(esc_csv_cell, "", "");
	check(esc_csv_cell, "a,b", "\"a,b\"");
	check(esc_csv_cell, "say \"x\"", "\"say \"\"x\"\"\"");
	check(esc_csv_cell, "two\nlines", "\"two\nlines\"");
	check(esc_csv_cell, "=HYPERLINK(\"http://evil\",\"x\")",
	      "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
	check(esc_csv_cell, "+1", "'+1");
	check(esc_csv_cell, "-2+3", "'-2+3");
	check(esc_csv_cell, "@SUM(A1)", "'@SUM(A1)");
	check(esc_csv_cell, "\tcmd", "'\tcmd");
	check(esc_csv_cell, "\rcmd", "\"'\rcmd\"");
	check(esc_csv_cell, "a=b", "a=b");
	/* white space before the formula, and the fullwidth forms */
	check(esc_csv_cell, "  =1+1", "'  =1+1");
	check(esc_csv_cell, " @SUM(A1)", "' @SUM(A1)");
	check(esc_csv_cell, "\n-2", "\"'\n-2\"");
	check(esc_csv_cell, "\xc2\xa0+1", "'\xc2\xa0+1");
	check(esc_csv_cell, "\xe3\x80\x80=1", "'\xe3\x80\x80=1");
	check(esc_csv_cell, "\xef\xbc\x9dHYPERLINK(1)", "'\xef\xbc\x9dHYPERLINK(1)"); /* ＝ */
	check(esc_csv_cell,
	      "\xef\xbc\x8b"
	      "1",
	      "'\xef\xbc\x8b"
	      "1"); /* ＋ */
	check(esc_csv_cell,
	      "\xef\xbc\x8d"
	      "1",
	      "'\xef\xbc\x8d"
	      "1"); /* － */
	check(esc_csv_cell, " \xef\xbc\xa0SUM(A1)", "' \xef\xbc\xa0SUM(A1)"); /* ＠ */
	check(esc_csv_cell, "   ", "   ");
	check(esc_csv_cell, "a =b", "a =b");
	assert_true(esc_csv_is_formula("=1"));
	assert_false(esc_csv_is_formula("1="));
	assert_false(esc_csv_is_formula(""));
	assert_false(esc_csv_is_formula(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_md_cell),         cmocka_unit_test(test_md_inline),
	    cmocka_unit_test(test_md_block),        cmocka_unit_test(test_link_text_and_html),
	    cmocka_unit_test(test_mermaid),         cmocka_unit_test(test_csv),
	    cmocka_unit_test(test_md_no_autolinks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
