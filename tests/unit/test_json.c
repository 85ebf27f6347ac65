/* The JSON parser: values and their positions, every error with its line:col, and the limits. */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "sbuf.h"

static struct json_value *parse_ok(const char *text)
{
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *v = NULL;

	if (json_parse("t.json", text, strlen(text), NULL, &v, &err))
		fail_msg("unexpected error: %d:%d: %s", err.line, err.col, err.msg);
	sw_error_release(&err);
	return v;
}

/* Parses `text` expecting an error; compares "file:line:col: message". */
static void parse_err(const char *text, const char *want)
{
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *v = (struct json_value *)1;
	struct sbuf sb = SBUF_INIT;

	assert_int_equal(json_parse("t.json", text, strlen(text), NULL, &v, &err), -1);
	assert_null(v);
	sbuf_init(&sb);
	sw_error_format(&err, &sb);
	assert_string_equal(sbuf_str(&sb), want);
	sbuf_release(&sb);
	sw_error_release(&err);
}

static void test_values(void **state)
{
	struct json_value *v = parse_ok("{\"a\": [1, -2.5, 3e2, 0.125E-1, true, false, null],\n "
					"\"s\": \"x\\ty\\u00e9\\ud83d\\ude00\\/\"}");

	assert_int_equal(v->type, JSON_OBJECT);
	assert_int_equal(v->nmembers, 2);
	assert_string_equal(v->members[0].key, "a");
	assert_int_equal(json_get(v, "a")->nitems, 7);
	assert_true(json_get(v, "a")->items[0]->number == 1);
	assert_true(json_get(v, "a")->items[1]->number == -2.5);
	assert_string_equal(json_get(v, "a")->items[1]->text, "-2.5");
	assert_true(json_get(v, "a")->items[2]->number == 300);
	assert_true(json_get(v, "a")->items[3]->number > 0.0124 &&
		    json_get(v, "a")->items[3]->number < 0.0126);
	assert_int_equal(json_get(v, "a")->items[4]->type, JSON_BOOL);
	assert_true(json_get(v, "a")->items[4]->boolean);
	assert_int_equal(json_get(v, "a")->items[6]->type, JSON_NULL);
	assert_string_equal(json_get_str(v, "s"), "x\ty\xc3\xa9\xf0\x9f\x98\x80/");
	assert_null(json_get_str(v, "a"));
	assert_null(json_get(v, "missing"));
	json_free(v);
}

static void test_positions(void **state)
{
	struct json_value *v =
	    parse_ok("{\n  \"name\": \"é\", \"n\": 5,\n  \"list\": [\n    {}]\n}");

	assert_int_equal(v->line, 1);
	assert_int_equal(v->col, 1);
	assert_int_equal(v->members[0].line, 2);
	assert_int_equal(v->members[0].col, 3);
	assert_int_equal(json_get(v, "name")->col, 11);
	/* Columns count characters: "é" is one. */
	assert_int_equal(json_get(v, "n")->line, 2);
	assert_int_equal(json_get(v, "n")->col, 21);
	assert_int_equal(json_get(v, "list")->items[0]->line, 4);
	assert_int_equal(json_get(v, "list")->items[0]->col, 5);
	assert_true(json_get_num(v, "n", 0) == 5);
	assert_true(json_get_num(v, "name", -1) == -1);
	assert_non_null(json_path(v, "list", NULL));
	assert_null(json_path(v, "list", "x", NULL));
	json_free(v);
}

static void test_bom_and_scalars(void **state)
{
	struct json_value *v = parse_ok("\xEF\xBB\xBF  \"top\"  ");

	assert_string_equal(json_str(v), "top");
	assert_int_equal(v->col, 3);
	json_free(v);
	v = parse_ok("[]");
	assert_int_equal(v->nitems, 0);
	json_free(v);
}

static void test_syntax_errors(void **state)
{
	parse_err("", "t.json:1:1: expected a value, found the end of the file");
	parse_err("   \n  ", "t.json:2:3: expected a value, found the end of the file");
	parse_err("{\"a\": 1,}", "t.json:1:9: trailing comma before '}'");
	parse_err("[1, 2,\n]", "t.json:2:1: trailing comma before ']'");
	parse_err("{\"a\" 1}", "t.json:1:6: expected ':' after the key, found '1'");
	parse_err("{\"a\": 1 \"b\": 2}",
		  "t.json:1:9: expected ',' or '}' after an object member, found '\"'");
	parse_err("[1 2]", "t.json:1:4: expected ',' or ']' after an array element, found '2'");
	parse_err("{a: 1}", "t.json:1:2: expected a string key or '}', found 'a'");
	parse_err("{\"a\": 1, 2}", "t.json:1:10: expected a string key, found '2'");
	parse_err("{\"a\": tru}", "t.json:1:7: unknown word 'tru' (expected true, false or null)");
	parse_err("{\"a\": 01}", "t.json:1:7: invalid number '01'");
	parse_err("[1.]", "t.json:1:2: invalid number '1.'");
	parse_err("[-]", "t.json:1:2: invalid number '-'");
	parse_err("[1e+]", "t.json:1:2: invalid number '1e+'");
	parse_err("[1] x",
		  "t.json:1:5: expected the end of the file after the JSON value, found 'x'");
	parse_err("{\"a\": 1} // c",
		  "t.json:1:10: expected the end of the file after the JSON value, found '/'");
	parse_err("['x']", "t.json:1:2: expected a value, found '''");
	parse_err("{\"a\": }", "t.json:1:7: expected a value, found '}'");
	parse_err("[\"é\", ü]", "t.json:1:7: expected a value, found 'ü'");
}

static void test_string_errors(void **state)
{
	parse_err("{\"a\": \"open", "t.json:1:7: string is never closed");
	parse_err("[\"two\nlines\"]",
		  "t.json:1:6: line break in a string (write it as \\n, or close the string)");
	parse_err("[\"tab\there\"]",
		  "t.json:1:6: control character U+0009 in a string (escape it)");
	parse_err("[\"bad \\q\"]", "t.json:1:7: invalid escape '\\' followed by 'q' in a string");
	parse_err("[\"\\u12\"]", "t.json:1:3: \\u needs four hexadecimal digits");
	parse_err("[\"\\u0000\"]", "t.json:1:3: \\u0000 (NUL) is not allowed in a string");
	parse_err("[\"\\ud800x\"]", "t.json:1:3: unpaired surrogate \\uD800 in a string");
	parse_err("[\"\\udc00\"]", "t.json:1:3: unpaired surrogate \\uDC00 in a string");
	parse_err("[\"\xff\"]", "t.json:1:3: invalid UTF-8 byte 0xff in a string");
	parse_err("[\"\xc3\"]", "t.json:1:3: invalid UTF-8 byte 0xc3 in a string");
	parse_err("[\"\xed\xa0\x80\"]", "t.json:1:3: invalid UTF-8 byte 0xed in a string");
	parse_err("{\"k\": 1, \"k\": 2}",
		  "t.json:1:10: duplicate key 'k' (first at line 1, column 2)");
}

static void test_duplicate_key_in_large_object(void **state)
{
	struct sbuf sb = SBUF_INIT;
	int i;

	sbuf_addch(&sb, '{');
	for (i = 0; i < 40; i++)
		sbuf_addf(&sb, "\"k%d\": %d, ", i, i);
	sbuf_addstr(&sb, "\"k17\": 0}");
	parse_err(sb.buf, "t.json:1:422: duplicate key 'k17' (first at line 1, column 169)");
	sbuf_release(&sb);
}

static void test_limits(void **state)
{
	struct json_limits lim = {64, 3, 5};
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *v;
	struct sbuf sb = SBUF_INIT;

	assert_int_equal(json_parse("t.json", "[[[1]]]", 7, &lim, &v, &err), 0);
	json_free(v);
	assert_int_equal(json_parse("t.json", "[[[[1]]]]", 9, &lim, &v, &err), -1);
	sw_error_format(&err, &sb);
	assert_string_equal(sbuf_str(&sb), "t.json:1:4: nesting deeper than 3 levels");
	sbuf_reset(&sb);
	assert_int_equal(json_parse("t.json", "[1,2,3,4,5]", 11, &lim, &v, &err), -1);
	sw_error_format(&err, &sb);
	assert_string_equal(sbuf_str(&sb), "t.json:1:10: more than 5 values");
	sbuf_reset(&sb);
	lim.max_bytes = 4;
	assert_int_equal(json_parse("t.json", "[1,2]", 5, &lim, &v, &err), -1);
	sw_error_format(&err, &sb);
	assert_string_equal(sbuf_str(&sb), "t.json: larger than 4 bytes");
	sbuf_release(&sb);
	sw_error_release(&err);
}

/* The default depth limit keeps a deeply nested file from exhausting the stack. */
static void test_deep_nesting(void **state)
{
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *v;
	size_t n = 100000;
	char *text = malloc(n);

	memset(text, '[', n);
	assert_int_equal(json_parse("t.json", text, n, NULL, &v, &err), -1);
	assert_int_equal(err.col, 129);
	assert_string_equal(err.msg, "nesting deeper than 128 levels");
	sw_error_release(&err);
	free(text);
}

/* Typed member lookups: absent and null are fine, a wrong type is an error at the value. */
static void test_member_types(void **state)
{
	struct json_value *v = parse_ok("{\"a\": \"x\", \"n\": null,\n \"b\": 3}");
	const struct json_rule rules[] = {
	    {"a", JSON_TYPE(JSON_STRING)},
	    {"n", JSON_TYPE(JSON_STRING) | JSON_TYPE(JSON_NULL)},
	    {"missing", JSON_TYPE(JSON_ARRAY)},
	    {"b", JSON_TYPE(JSON_STRING) | JSON_TYPE(JSON_BOOL) | JSON_TYPE(JSON_NULL)},
	};
	struct sw_error err = SW_ERROR_INIT;
	const struct json_value *got;
	struct sbuf sb = SBUF_INIT;

	assert_int_equal(json_member("t.json", v, "a", JSON_TYPE(JSON_STRING), &got, &err), 0);
	assert_string_equal(got->text, "x");
	assert_int_equal(json_member("t.json", v, "n", JSON_TYPE(JSON_NULL), &got, &err), 0);
	assert_null(got);
	assert_int_equal(json_check("t.json", v, rules, 3, &err), 0);
	assert_int_equal(json_check("t.json", v, rules, 4, &err), -1);
	sw_error_format(&err, &sb);
	assert_string_equal(sb.buf,
			    "t.json:2:7: 'b' must be true or false or a string, not number");
	sbuf_release(&sb);
	sw_error_release(&err);
	json_free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_values),
	    cmocka_unit_test(test_positions),
	    cmocka_unit_test(test_bom_and_scalars),
	    cmocka_unit_test(test_syntax_errors),
	    cmocka_unit_test(test_string_errors),
	    cmocka_unit_test(test_duplicate_key_in_large_object),
	    cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_member_types),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
