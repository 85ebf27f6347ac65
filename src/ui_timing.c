/*
 * Per-event latency for the benchmarks (see ui_timing.h). Samples stay in memory until the UI
 * ends, so writing them never lands inside a measured interval.
 */
#define _POSIX_C_SOURCE 200809L
#include "ui_timing.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sbuf.h"
#include "xalloc.h"

struct sample {
	const char *screen;
	uint64_t ns;
};

struct ui_timing {
	char *path;
	struct sample *samples;
	size_t count, cap;
	uint64_t last; /* when the previous frame was done; 0 before the first */
	const char *screen; /* where the event being timed is handled */
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

struct ui_timing *ui_timing_new(void)
{
	const char *path = getenv("STRIDEWALK_TIMINGS");
	struct ui_timing *t;

	if (!path || !*path)
		return NULL;
	t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	return t;
}

void ui_timing_frame(struct ui_timing *t, const char *screen)
{
	uint64_t now;

	if (!t)
		return;
	now = now_ns();
	if (t->last) {
		t->samples = xgrow(t->samples, sizeof(*t->samples), t->count + 1, &t->cap);
		t->samples[t->count].screen = t->screen;
		t->samples[t->count].ns = now - t->last;
		t->count++;
	}
	t->screen = screen ? screen : "?";
	/* Read the clock again so recording the sample is not charged to the next event. */
	t->last = now_ns();
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int ui_timing_finish(struct ui_timing *t, struct sw_error *err)
{
	struct sbuf out = SBUF_INIT;
	size_t i;
	int fd, rc = 0;

	if (!t)
		return 0;
	for (i = 0; i < t->count; i++)
		sbuf_addf(&out, "%s %llu\n", t->samples[i].screen,
			  (unsigned long long)t->samples[i].ns);
	fd = open(t->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, sbuf_str(&out), out.len))
		rc =
		    sw_error(err, "cannot write the timings to '%s': %s", t->path, strerror(errno));
	if (fd >= 0 && close(fd) && rc == 0)
		rc =
		    sw_error(err, "cannot write the timings to '%s': %s", t->path, strerror(errno));
	sbuf_release(&out);
	free(t->samples);
	free(t->path);
	free(t);
	return rc;
}
