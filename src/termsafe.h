/*
 * Text that is safe to put on a terminal. Anything a model, a questionnaire or a file name
 * holds may reach the screen, and a terminal obeys what it is sent: ESC and CSI sequences set
 * the window title, clear the screen or write the clipboard (OSC 52), and bidi controls such as
 * U+202E reorder what follows so a line reads other than it is. Every line stridewalk prints,
 * on the command line and in the UI, goes through termsafe_add.
 */
#ifndef SW_TERMSAFE_H
#define SW_TERMSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

enum termsafe_mode {
	TERMSAFE_LINES, /* keeps line breaks (LF, CR LF) and tabs: messages, lists, exports */
	TERMSAFE_LINE, /* one line: line breaks, tabs and CR become spaces */
};

/*
 * Appends `len` bytes of `s` to `out` with every C0 control (but what the mode keeps), DEL and
 * C1 control, and every bidi or invisible format character (U+200B-U+200F, U+202A-U+202E,
 * U+2060-U+206F, U+FEFF, U+2028, U+2029, tag characters, ...) written as "<U+202E>", and
 * every byte that is not UTF-8 as "<0xFF>". Plain text is copied as it is.
 */
void termsafe_add(struct sbuf *out, const char *s, size_t len, enum termsafe_mode mode);

/*
 * The first character termsafe_add would rewrite (LF and tabs aside): returns its
 * byte offset and sets *cp to its code point (or to the byte, for one that is not UTF-8), or
 * returns `len` when the text is clean.
 */
size_t termsafe_find(const char *s, size_t len, uint32_t *cp);

#endif
