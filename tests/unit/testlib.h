/* Helpers shared by the cmocka tests: temporary files, reading files, running the binary. */
#ifndef SW_TESTLIB_H
#define SW_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Returns a new path to a fresh, empty temporary directory (removed by the OS's tmp cleaning). */
char *test_tmpdir(void);
/* Returns a new path "dir/name"; the caller frees it. */
char *test_path(const char *dir, const char *name);
/* Returns the file's contents as a new string, or NULL when it cannot be read. */
char *test_read(const char *path);
void test_write(const char *path, const char *text);
/* Runs a shell command line; returns its exit status, stdout+stderr into *output (new string). */
int test_run(const char *cmdline, char **output);
struct model;
struct sw_error;

/* Path of the stridewalk binary under test (from $SW_BINARY). */
const char *test_binary(void);
/* The source tree ($SW_SOURCE_DIR, else the parent of the tests' working directory). */
const char *test_source_dir(void);
/* The shipped template `name` ("demo-hr-workshop") as a new model; fails the test when it
 * does not load. Free with model_free(). */
struct model *test_template(const char *name);
struct strlist;
/* How many elements of `kind` (an enum element_kind) the model has. */
size_t test_count_kind(const struct model *m, int kind);
/* Fails the test unless one line of `list` contains `part`. */
void test_assert_listed(const struct strlist *list, const char *part);
/* Fails the test unless the model's YAML export loads and exports again to the same bytes. */
void test_assert_yaml_round_trip(const struct model *m);
/*
 * For each of the `n` cases {file in `dir`, "line:col: message"}: `import` (which reads the
 * text, returns 0 or -1 and fills err, and frees what it made) must fail with exactly
 * "dir/file:line:col: message".
 */
void test_assert_errors(const char *dir, const char *const (*cases)[2], size_t n,
			int (*import)(const char *path, const char *text, size_t len,
				      struct sw_error *err));
/* The names of every shipped template ("hello-lambda", ...), sorted, appended to `out`. */
void test_template_names(struct strlist *out);

#endif
