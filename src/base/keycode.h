/* keycode.h - the special keys (arrows, pages, F1-F12...) apart from curses */
#ifndef HKTOP_KEYCODE_H
#define HKTOP_KEYCODE_H

/* The keys that are no character, numbered above every Unicode code point
 * so that none meets a typed character. The key table (config/keys.h) and
 * the '/' line (layout/prompt.c) know keys by these, not by curses' KEY_*:
 * tui/ translates those in one table (ui_key_code) where keys come in. */
enum key_code {
	KEYC_BASE = 0x110000,
	KEYC_UNKNOWN = KEYC_BASE, /* a curses key with no name here */
	KEYC_UP, KEYC_DOWN, KEYC_LEFT, KEYC_RIGHT,
	KEYC_PGUP, KEYC_PGDN, KEYC_HOME, KEYC_END,
	KEYC_INS, KEYC_DC, KEYC_BACKSPACE, KEYC_BTAB,
	KEYC_ENTER,               /* the keypad's; the main one is '\n' or '\r' */
	KEYC_RESIZE, KEYC_MOUSE,
	KEYC_F1,
	KEYC_F12 = KEYC_F1 + 11,
};
#define KEYC_F(n) (KEYC_F1 + (n) - 1)

#endif
