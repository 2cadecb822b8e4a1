// The ncursesw API as Swift can use it. SwiftPM drops pkg-config's -D flags, so the wide-character
// API is switched on here, before the include. Macros and C globals that Swift cannot import (or
// that Swift 6 rejects as shared mutable state) are wrapped in small inline functions.
#ifndef OMNIGAP_CNCURSES_SHIM_H
#define OMNIGAP_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *omnigap_stdscr(void) { return stdscr; }
/// A new screen on the process's standard input and output (NULL when the terminal is unknown).
static inline SCREEN *omnigap_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline attr_t omnigap_a_normal(void) { return A_NORMAL; }
static inline attr_t omnigap_a_bold(void) { return A_BOLD; }
static inline attr_t omnigap_a_reverse(void) { return A_REVERSE; }
static inline attr_t omnigap_a_underline(void) { return A_UNDERLINE; }
static inline attr_t omnigap_a_dim(void) { return A_DIM; }

static inline int omnigap_key_f(int n) { return KEY_F(n); }

/// Puts one character cell: up to a few wide characters (a base and its combining marks).
static inline int omnigap_put_cell(WINDOW *window, int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

/// Reads one key or character; returns OK, KEY_CODE_YES or ERR like wget_wch.
static inline int omnigap_get_wch(WINDOW *window, unsigned int *out) {
    wint_t value = 0;
    int result = wget_wch(window, &value);
    *out = (unsigned int)value;
    return result;
}

#endif
