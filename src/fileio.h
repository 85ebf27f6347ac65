/* Whole-file reads and crash-safe writes (temporary file, fsync, rename), always mode 0600. */
#ifndef SW_FILEIO_H
#define SW_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "sbuf.h"

/* Largest input file we read (documented in stridewalk(1) LIMITS). */
#define SW_MAX_INPUT_BYTES (64u * 1024 * 1024)

/*
 * Appends the whole file to `out`. Refuses directories, files over the limit and NUL bytes.
 * Afterwards out->buf is never NULL (an empty file gives ""), whatever the outcome.
 */
int file_read_all(const char *path, struct sbuf *out, struct sw_error *err);

/*
 * Writes `len` bytes to `path` through a temporary file in the same directory that is renamed
 * into place, so readers see the old file or the new one, never a partial one. Mode 0600.
 */
int file_write_atomic(const char *path, const char *data, size_t len, struct sw_error *err);

/*
 * The same, in pieces, for output too large to hold whole (a large report): file_out_begin
 * starts the temporary file, file_out_write appends, file_out_end syncs and renames it into
 * place and frees f, or with `keep` false removes it and leaves the old file as it was.
 */
struct file_out;
int file_out_begin(const char *path, struct file_out **out, struct sw_error *err);
int file_out_write(struct file_out *f, const char *data, size_t len, struct sw_error *err);
int file_out_end(struct file_out *f, bool keep, struct sw_error *err);

#endif
