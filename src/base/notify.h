/* notify.h - desktop notifications by terminal escape sequence: which one
 * a terminal understands, and the bytes of one (pure) */
#ifndef HKTOP_NOTIFY_H
#define HKTOP_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>

/* alerts.notify: auto chooses from the environment. */
enum notify_kind { NOTIFY_AUTO, NOTIFY_OSC9, NOTIFY_OSC777, NOTIFY_OSC99, NOTIFY_BELL,
		   NOTIFY_NONE, NOTIFY_KIND_COUNT };

/* "auto", "osc9", "osc777", "osc99", "bell", "none", NULL-ended. */
extern const char *const notify_names[];

/* The longest text a notification carries, in bytes: a desktop shows a
 * line or two, and a terminal must not be made to buffer a book. */
#define NOTIFY_TEXT_MAX 200

/* What the terminal described by the environment (TERM_PROGRAM,
 * KITTY_WINDOW_ID, TERM, VTE_VERSION, KONSOLE_VERSION; each NULL when
 * unset) understands: OSC 99 for kitty, OSC 9 for iTerm2, WezTerm and
 * Ghostty, OSC 777 for foot, Konsole, VTE terminals and urxvt, else the
 * bell. Inside tmux, TERM is tmux's own, but the other variables are
 * those of the terminal that started it. want other than NOTIFY_AUTO is
 * taken as it is. */
enum notify_kind notify_choose(enum notify_kind want, const char *term_program,
			       const char *kitty_window_id, const char *term,
			       const char *vte_version, const char *konsole_version);

/* The bytes that show title/body (already sanitised UTF-8, cut here to
 * NOTIFY_TEXT_MAX on a character boundary, ';' and control characters
 * taken out) as a notification of kind, wrapped for tmux passthrough
 * ("\ePtmux;" with every ESC doubled, then "\e\\") when tmux. NOTIFY_BELL
 * is "\a"; NOTIFY_NONE and NOTIFY_AUTO nothing. Returns the length
 * (NUL-terminated in buf, cut to nothing when it does not fit). */
size_t notify_format(enum notify_kind kind, bool tmux, const char *title, const char *body,
		     char *buf, size_t len);

#endif
