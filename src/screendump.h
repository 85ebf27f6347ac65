/* `:save-screen FILE`: the screen as plain text, one line per row, trailing blanks dropped. */
#ifndef SW_SCREENDUMP_H
#define SW_SCREENDUMP_H

#include "error.h"
#include "sbuf.h"

/* Writes it to `path` atomically, mode 0600. */
int screendump_write(const char *path, struct sw_error *err);

#endif
