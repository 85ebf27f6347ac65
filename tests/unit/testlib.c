/* Helpers shared by the cmocka tests (see testlib.h). */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/wait.h>

#include "sbuf.h"
#include "fileio.h"
#include "model.h"
#include "strlist.h"
#include "system_yaml.h"
#include "xalloc.h"

char *test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s/stridewalk-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(sb.buf))
		fail_msg("mkdtemp failed");
	return sbuf_detach(&sb);
}

char *test_path(const char *dir, const char *name)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s/%s", dir, name);
	return sbuf_detach(&sb);
}

char *test_read(const char *path)
{
	struct sbuf sb = SBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return NULL;
	sbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sbuf_add(&sb, buf, n);
	fclose(f);
	return sbuf_detach(&sb);
}

void test_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

int test_run(const char *cmdline, char **output)
{
	struct sbuf sb = SBUF_INIT;
	char buf[4096];
	size_t n;
	int status;
	FILE *p;

	sbuf_init(&sb);
	sbuf_addf(&sb, "%s 2>&1", cmdline);
	p = popen(sb.buf, "r");
	assert_non_null(p);
	sbuf_reset(&sb);
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		sbuf_add(&sb, buf, n);
	status = pclose(p);
	if (output)
		*output = sbuf_detach(&sb);
	else
		sbuf_release(&sb);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

const char *test_binary(void)
{
	const char *bin = getenv("SW_BINARY");

	if (!bin)
		fail_msg("SW_BINARY is not set; run the tests through ctest");
	return bin;
}

const char *test_source_dir(void)
{
	const char *dir = getenv("SW_SOURCE_DIR");

	return dir && *dir ? dir : "..";
}

struct model *test_template(const char *name)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf rel = SBUF_INIT;
	struct model *m = NULL;
	char *path;

	sbuf_addf(&rel, "templates/%s.yaml", name);
	path = test_path(test_source_dir(), rel.buf);
	if (system_yaml_load(path, &m, &err))
		fail_msg("%s:%d:%d: %s", path, err.line, err.col, err.msg ? err.msg : "?");
	free(path);
	sbuf_release(&rel);
	return m;
}

size_t test_count_kind(const struct model *m, int kind)
{
	size_t i, n = 0;

	for (i = 0; i < m->nelements; i++)
		n += (int)m->elements[i]->kind == kind;
	return n;
}

void test_assert_listed(const struct strlist *list, const char *part)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strstr(list->items[i], part))
			return;
	fail_msg("no line mentions \"%s\"", part);
}

void test_assert_yaml_round_trip(const struct model *m)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf a = SBUF_INIT, b = SBUF_INIT;
	struct model *again = NULL;

	assert_int_equal(system_write(m, false, &a, &err), 0);
	if (system_yaml_parse("export.yaml", a.buf, a.len, &again, &err))
		fail_msg("export does not load: %d:%d: %s\n%s", err.line, err.col, err.msg, a.buf);
	assert_int_equal(system_write(again, false, &b, &err), 0);
	assert_string_equal(a.buf, b.buf);
	model_free(again);
	sbuf_release(&a);
	sbuf_release(&b);
}

void test_assert_errors(const char *dir, const char *const (*cases)[2], size_t n,
			int (*import)(const char *path, const char *text, size_t len,
				      struct sw_error *err))
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct sw_error err = SW_ERROR_INIT;
		struct sbuf text = SBUF_INIT, got = SBUF_INIT, want = SBUF_INIT;
		char *path = test_path(dir, cases[i][0]);

		assert_int_equal(file_read_all(path, &text, &err), 0);
		assert_int_equal(import(path, text.buf, text.len, &err), -1);
		sw_error_format(&err, &got);
		sbuf_addf(&want, "%s:%s", path, cases[i][1]);
		assert_string_equal(got.buf, want.buf);
		free(path);
		sbuf_release(&text);
		sbuf_release(&got);
		sbuf_release(&want);
		sw_error_release(&err);
	}
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void test_template_names(struct strlist *out)
{
	char *dir = test_path(test_source_dir(), "templates");
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t first = out->count;

	if (!d)
		fail_msg("cannot list %s", dir);
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		if (n > 5 && !strcmp(de->d_name + n - 5, ".yaml")) {
			char *name = strndup(de->d_name, n - 5);
			strlist_push(out, name);
			free(name);
		}
	}
	closedir(d);
	free(dir);
	qsort(out->items + first, out->count - first, sizeof(*out->items), compare_names);
}
