/* Whole-file reads and atomic writes (see fileio.h). */
#define _POSIX_C_SOURCE 200809L
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

int file_read_all(const char *path, struct sbuf *out, struct sw_error *err)
{
	struct stat st;
	char buf[65536];
	size_t start = out->len;
	ssize_t n;
	int fd, rc = -1;

	if (!out->buf) /* callers may parse out->buf even when the file is empty */
		sbuf_grow(out, 0);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return sw_error_at(err, path, 0, 0, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0) {
		sw_error_at(err, path, 0, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		sw_error_at(err, path, 0, 0, "is a directory, expected a file");
		goto out;
	}
	/*
	 * A regular file's size is known: refuse it before reading 64 MiB of it for nothing, and
	 * make room once rather than doubling the buffer (which briefly needs twice the memory).
	 */
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > SW_MAX_INPUT_BYTES) {
		sw_error_at(err, path, 0, 0, "file is larger than the limit of %u MiB",
			    SW_MAX_INPUT_BYTES >> 20);
		goto out;
	}
	if (S_ISREG(st.st_mode))
		sbuf_grow(out, (size_t)st.st_size);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			sw_error_at(err, path, 0, 0, "cannot read: %s", strerror(errno));
			goto out;
		}
		if (out->len - start + (size_t)n > SW_MAX_INPUT_BYTES) {
			sw_error_at(err, path, 0, 0, "file is larger than the limit of %u MiB",
				    SW_MAX_INPUT_BYTES >> 20);
			goto out;
		}
		sbuf_add(out, buf, (size_t)n);
	}
	if (out->len > start && memchr(out->buf + start, '\0', out->len - start)) {
		size_t off = (size_t)((char *)memchr(out->buf + start, '\0', out->len - start) -
				      (out->buf + start));
		int line = 1, col = 1;
		size_t i;
		for (i = 0; i < off; i++) {
			if (out->buf[start + i] == '\n') {
				line++;
				col = 1;
			} else {
				col++;
			}
		}
		sw_error_at(err, path, line, col, "NUL byte in a text file");
		goto out;
	}
	rc = 0;
out:
	if (rc)
		sbuf_truncate(out, start);
	close(fd);
	return rc;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Makes the rename itself durable: until the directory is synced, a power cut may bring back
 * the old name. Best effort: some file systems refuse fsync on a directory.
 */
static void sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct sbuf dir = SBUF_INIT;
	int fd;

	if (!slash)
		sbuf_addstr(&dir, ".");
	else
		sbuf_add(&dir, path, slash == path ? 1 : (size_t)(slash - path));
	fd = open(dir.buf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	sbuf_release(&dir);
}

/* A device, pipe or terminal (-o /dev/stdout) is written in place: a rename would replace it. */
static int write_in_place(const char *path, const char *data, size_t len, struct sw_error *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return sw_error_at(err, path, 0, 0, "cannot open: %s", strerror(errno));
	if (write_all(fd, data, len)) {
		sw_error_at(err, path, 0, 0, "cannot write: %s", strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int file_write_atomic(const char *path, const char *data, size_t len, struct sw_error *err)
{
	struct sbuf tmp = SBUF_INIT;
	struct stat st;
	int fd, rc = -1;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return sw_error_at(err, path, 0, 0, "is a directory, expected a file");
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_in_place(path, data, len, err);
	sbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	fd = mkstemp(tmp.buf); /* mkstemp creates the file with mode 0600 */
	if (fd < 0) {
		sw_error_at(err, path, 0, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	if (write_all(fd, data, len) || fsync(fd)) {
		sw_error_at(err, path, 0, 0, "cannot write: %s", strerror(errno));
		close(fd);
		unlink(tmp.buf);
		goto out;
	}
	if (close(fd) || rename(tmp.buf, path)) {
		sw_error_at(err, path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	sync_parent(path);
	rc = 0;
out:
	sbuf_release(&tmp);
	return rc;
}

struct file_out {
	char *path;
	char *tmp; /* NULL: a device or pipe, written in place */
	int fd;
};

int file_out_begin(const char *path, struct file_out **out, struct sw_error *err)
{
	struct file_out *f;
	struct sbuf tmp = SBUF_INIT;
	struct stat st;
	bool in_place = stat(path, &st) == 0 && !S_ISREG(st.st_mode);

	*out = NULL;
	if (in_place && S_ISDIR(st.st_mode))
		return sw_error_at(err, path, 0, 0, "is a directory, expected a file");
	if (!in_place)
		sbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->fd = in_place ? open(path, O_WRONLY | O_CLOEXEC) : mkstemp(tmp.buf); /* mode 0600 */
	if (f->fd < 0) {
		sw_error_at(err, path, 0, 0, "cannot %s: %s", in_place ? "open" : "create",
			    strerror(errno));
		sbuf_release(&tmp);
		free(f->path);
		free(f);
		return -1;
	}
	f->tmp = in_place ? NULL : sbuf_detach(&tmp);
	*out = f;
	return 0;
}

int file_out_write(struct file_out *f, const char *data, size_t len, struct sw_error *err)
{
	if (write_all(f->fd, data, len))
		return sw_error_at(err, f->path, 0, 0, "cannot write: %s", strerror(errno));
	return 0;
}

int file_out_end(struct file_out *f, bool keep, struct sw_error *err)
{
	int rc = 0;

	if (!f)
		return 0;
	if (keep && f->tmp && fsync(f->fd))
		rc = sw_error_at(err, f->path, 0, 0, "cannot write: %s", strerror(errno));
	if (close(f->fd) && rc == 0 && keep)
		rc = sw_error_at(err, f->path, 0, 0, "cannot write: %s", strerror(errno));
	if (f->tmp && keep && rc == 0 && rename(f->tmp, f->path))
		rc = sw_error_at(err, f->path, 0, 0, "cannot write: %s", strerror(errno));
	if (f->tmp && (!keep || rc))
		unlink(f->tmp);
	else if (f->tmp)
		sync_parent(f->path);
	free(f->tmp);
	free(f->path);
	free(f);
	return keep ? rc : 0;
}
