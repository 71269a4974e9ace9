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

/* What the terminal described by the environment (env: getenv, or a
 * stand-in) understands: OSC 99 for kitty, OSC 9 for iTerm2, WezTerm and
 * Ghostty, OSC 777 for foot, Konsole, VTE terminals and urxvt, else the
 * bell. Inside tmux, TERM is tmux's own and so is TERM_PROGRAM (3.2 on),
 * but the variables the outer terminal set for the shell that started
 * tmux are still there (KITTY_WINDOW_ID, LC_TERMINAL, ITERM_SESSION_ID,
 * WEZTERM_PANE, GHOSTTY_RESOURCES_DIR, VTE_VERSION, KONSOLE_VERSION). An
 * empty variable counts as unset. want other than NOTIFY_AUTO is taken as
 * it is. */
enum notify_kind notify_choose(enum notify_kind want, const char *(*env)(const char *name));

/* The bytes that show title/body (already sanitised UTF-8, cut here to
 * NOTIFY_TEXT_MAX on a character boundary, ';' and control characters
 * taken out) as a notification of kind, wrapped for tmux passthrough
 * ("\ePtmux;" with every ESC doubled, then "\e\\") when tmux. NOTIFY_BELL
 * is "\a"; NOTIFY_NONE and NOTIFY_AUTO nothing. id tells one notification
 * from the next where the dialect needs it (OSC 99's i=hktop-ID: kitty
 * updates a notification shown under the same identifier). Returns the length
 * (NUL-terminated in buf, cut to nothing when it does not fit). */
size_t notify_format(enum notify_kind kind, bool tmux, unsigned id, const char *title,
		     const char *body, char *buf, size_t len);

#endif
