/*
 * Replays fuzz inputs without libFuzzer: each argument is a file or a directory of files, and
 * every file is fed once to the target's LLVMFuzzerTestOneInput. Built with the ordinary
 * compiler (gcc + ASan/UBSan, or plain for valgrind) so the corpora and every crasher ever
 * found run as ordinary ctest cases; a regression shows up as a sanitizer report or a crash.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads the whole file into a new buffer (exactly `*len` bytes, no terminator added). */
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (!f)
		return NULL;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		n = fread(buf + *len, 1, cap - *len, f);
		if (n == 0)
			break;
		*len += n;
	}
	fclose(f);
	/* An exact-size copy, so ASan catches a read one byte past the input. */
	return realloc(buf, *len ? *len : 1);
}

static int replay_file(const char *path)
{
	size_t len;
	uint8_t *data = slurp(path, &len);

	if (!data) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		return -1;
	}
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int replay_dir(const char *dir, int *count)
{
	struct dirent **names;
	int i, n = scandir(dir, &names, NULL, alphasort), rc = 0;

	if (n < 0) {
		fprintf(stderr, "replay: cannot list %s\n", dir);
		return -1;
	}
	for (i = 0; i < n; i++) {
		size_t need = strlen(dir) + strlen(names[i]->d_name) + 2;
		char *path = malloc(need);
		struct stat st;

		if (!path)
			abort();
		snprintf(path, need, "%s/%s", dir, names[i]->d_name);
		if (names[i]->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			rc |= replay_file(path);
			(*count)++;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	int i, count = 0, rc = 0;
	struct stat st;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: no such file or directory: %s\n", argv[i]);
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			rc |= replay_dir(argv[i], &count) ? 1 : 0;
		} else {
			rc |= replay_file(argv[i]) ? 1 : 0;
			count++;
		}
	}
	fprintf(stderr, "replay: %d inputs, no crash\n", count);
	return rc;
}
