/*
 * The one header that includes curses: every UI file includes this instead, so the wide-character
 * API is always on and no other layer can reach the terminal by accident.
 */
#ifndef SW_UI_CURSES_H
#define SW_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
