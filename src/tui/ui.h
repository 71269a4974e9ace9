/* ui.h - the terminal: ncurses set-up, colour slots, width-aware text, dumps */
#ifndef HKTOP_UI_H
#define HKTOP_UI_H

#include <stdbool.h>
#include <stdio.h>

#include <curses.h>

#include "layout/heatmap_scale.h"

/* Semantic colour slots; a scheme table maps each to colours per tier. */
#define COLOR_ELEMENTS(_) \
	_(DEFAULT) _(HEADER) _(TITLE) _(COLHEAD) _(UP) _(DOWN) _(FLAT) \
	_(STALE) _(SELECTED) _(STATUS) _(ERROR) _(DEMO) _(DIM) _(KEY)

enum ui_color {
#define UI_COLOR_ENUM(n) UI_##n,
	COLOR_ELEMENTS(UI_COLOR_ENUM)
#undef UI_COLOR_ENUM
	UI_COLOR_COUNT
};

enum ui_tier { UI_MONO, UI_8, UI_256, UI_DIRECT };

struct ui {
	SCREEN *screen;
	FILE *out, *in;     /* owned: curses' output (a copy of the terminal's, or
	                     * /dev/null in a test) and a test's input */
	int rows, cols;
	enum ui_tier tier;
	bool red_up;        /* rises drawn in red (CJK convention) */
	bool utf8;
	bool test;          /* virtual screen: output to /dev/null */
	attr_t attrs[UI_COLOR_COUNT];
	attr_t heat[HEAT_STYLES];     /* a heatmap tile by bucket (ui_heat.c) */
	char heat_letter[HEAT_STYLES];
};

/* Start curses on the terminal, or on a virtual screen of LINES x COLUMNS
 * (from the environment) when test is set. */
bool ui_init(struct ui *ui, bool test, bool red_up, char *err, size_t errlen);
void ui_done(struct ui *ui);

/* From a fatal signal handler (async-signal-safe): the terminal settings
 * from before curses back, curses' modes left. Once. */
void ui_emergency_restore(void);

/* Re-read the terminal size after SIGWINCH and resize curses' idea of it. */
void ui_resize(struct ui *ui);

/* Curses already has the new size (KEY_RESIZE): take it over. */
void ui_size_changed(struct ui *ui);
void ui_set_size(struct ui *ui, int rows, int cols); /* scripted resize */

/* The locale the environment asks for characters in: the first non-empty
 * of LC_ALL, LC_CTYPE and LANG; NULL if none is. */
const char *ui_locale_env(void);

/* Is this nl_langinfo(CODESET) UTF-8? Only then can the terminal show
 * Chinese names: in any other the curses library draws '?' for them. */
bool ui_codeset_is_utf8(const char *codeset);

/* Does a locale name ("zh_HK.UTF-8", "de_DE.utf8@euro") say UTF-8? */
bool ui_locale_name_is_utf8(const char *name);

/* Can the current locale show Chinese names? Only a UTF-8 one can draw
 * and measure them. If not, `need` gets what they need, for a message
 * such as "names = zh needs %s": "a UTF-8 locale (LC_CTYPE is C)". */
bool ui_locale_cjk(char *need, size_t len);

/* colors.up=auto: rises are red in Chinese (mainland, Taiwan), Japanese
 * and Korean locales, green elsewhere (Hong Kong included). */
bool ui_locale_red_up(const char *locale);

/* The direction colour of a signed value. */
enum ui_color ui_dir_color(double change);

/* Draw text at (y, x) in exactly `width` columns: sanitised, truncated by
 * display width (never mid-character), padded; align > 0 right-aligns. */
void ui_text(WINDOW *w, int y, int x, int width, const char *s, int align, attr_t a);

/* Fill the rest of a row with spaces in attribute a. */
void ui_clear_row(WINDOW *w, int y, int x, int width, attr_t a);

/* stdscr to the terminal: one doupdate(), each cell in the colours the
 * terminal is already in where a person would see no difference, and
 * nothing for cells that look as shown (see ui_flush.c). */
void ui_flush(void);

/* A pair of the terminal's own colours, which ui_flush sends plain cells
 * in after coloured ones (pair 0 would cost a reset), or 0 in monochrome;
 * set by ui_init. */
void ui_flush_colors(int plain_pair);

/* Updates go out folded (base/sgr_fold.h) through a file of ours:
 * curses writes to curses_fd, the update goes to term_fd (-1: to
 * curses_fd). False, and updates go straight out, when there is no file. */
bool ui_flush_open(int curses_fd, int term_fd);
void ui_flush_close(void);

/* What curses writes between these goes out as one folded update; begin
 * is false (and curses writes straight out) after endwin(). */
bool ui_flush_begin(void);
void ui_flush_end(void);

/* Bytes for the terminal that are not drawing (a bell, a notification
 * escape sequence), written after the screen update, which is out whole,
 * so they never land inside one of its sequences.
 * Nothing in a test (the virtual screen). */
void ui_notify(const struct ui *ui, const char *seq, size_t len);

/* The heat scale's pairs and attributes, by tier (ui_heat.c); called by
 * ui_init. The letter is what a colour dump shows for a heat pair. */
void heatmap_colors_init(struct ui *ui);
char heatmap_colors_letter(const struct ui *ui, short pair);

/* What a dump adds under each row of text: nothing, a letter per cell
 * naming its colour slot, or one naming the kind of its background. */
enum ui_dump_kind { UI_DUMP_TEXT, UI_DUMP_COLORS, UI_DUMP_BACKGROUNDS };

/* Write what is on the virtual screen as UTF-8 text, one line per row,
 * trailing spaces trimmed; each row followed by its line of letters unless
 * kind is UI_DUMP_TEXT (see ui.c). */
bool ui_dump(const struct ui *ui, const char *path, enum ui_dump_kind kind, char *err,
	     size_t errlen);

/* A key as get_wch gave it (is_code: KEY_CODE_YES) in the key table's
 * numbers: a character stays itself, a curses KEY_* becomes its enum
 * key_code, KEYC_UNKNOWN when it has none. */
int ui_key_code(wint_t ch, bool is_code);

#endif
