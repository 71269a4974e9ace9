/* test-flush.c - ui_flush draws the blanks between fields in their left
 * neighbour's colour where that cannot show, on curses' next screen only */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "tap.h"
#include "tui/ui.h"

static struct ui ui;

/* The colour pair and attributes of a cell of a window. */
static void cell(WINDOW *w, int y, int x, short *pair, attr_t *attrs)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];

	*pair = -1;
	*attrs = 0;
	if (mvwin_wch(w, y, x, &cc) != ERR)
		getcchar(&cc, wch, attrs, pair, NULL);
	*attrs &= A_ATTRIBUTES & ~A_COLOR;
}

static short pair_at(WINDOW *w, int y, int x)
{
	short pair;
	attr_t attrs;

	cell(w, y, x, &pair, &attrs);
	return pair;
}

int main(void)
{
	char err[256];
	short up = UI_UP + 1;
	short pair;
	attr_t attrs;

	setenv("TERM", "xterm-256color", 1);
	unsetenv("NO_COLOR");
	setlocale(LC_ALL, "C.UTF-8");
	if (!ui_init(&ui, true, false, err, sizeof err)) {
		printf("1..0 # SKIP curses: %s\n", err);
		return 0;
	}
	ok(ui.tier != UI_MONO, "a colour tier");
	/* Row 0: two green figures with a plain gap and a plain tail. */
	ui_text(stdscr, 0, 0, 3, "1.5", 0, ui.attrs[UI_UP]);
	ui_text(stdscr, 0, 3, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, 0, 4, 3, "2.5", 0, ui.attrs[UI_UP]);
	ui_clear_row(stdscr, 0, 7, 5, A_NORMAL);
	/* Row 1: the status line's colour has a background: its neighbour
	 * blank keeps the default one. */
	ui_text(stdscr, 1, 0, 3, "abc", 0, ui.attrs[UI_STATUS]);
	ui_text(stdscr, 1, 3, 1, " ", 0, A_NORMAL);
	/* Row 2: a reversed selection shows its blanks; so does underline. */
	ui_text(stdscr, 2, 0, 3, "sel", 0, A_REVERSE);
	ui_text(stdscr, 2, 3, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, 2, 4, 1, "x", 0, ui.attrs[UI_UP]);
	ui_text(stdscr, 2, 5, 1, " ", 0, A_UNDERLINE);
	/* Row 3: a blank after a plain blank stays as it is. */
	ui_text(stdscr, 3, 0, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, 3, 1, 1, " ", 0, ui.attrs[UI_UP]);
	ui_flush();

	ok(pair_at(newscr, 0, 3) == up, "the gap between two green figures is green on screen");
	ok(pair_at(stdscr, 0, 3) == 0, "and stays plain in stdscr, which the screen dumps read");
	ok(pair_at(newscr, 0, 7) == up && pair_at(newscr, 0, 11) == up,
	   "the plain blanks after a green figure are green");
	ok(pair_at(newscr, 1, 3) == 0, "a blank next to a background colour keeps the default one");
	cell(newscr, 2, 3, &pair, &attrs);
	ok(pair == 0 && attrs == A_NORMAL, "a blank after a reversed cell stays plain");
	cell(newscr, 2, 5, &pair, &attrs);
	ok(attrs == A_UNDERLINE, "an underlined blank keeps its underline");
	ok(pair_at(newscr, 3, 1) == 0, "a green blank after a plain one turns plain");

	/* The next update: stdscr drawn the same again is no change. */
	ui_text(stdscr, 0, 3, 1, " ", 0, A_NORMAL);
	ui_flush();
	ok(pair_at(newscr, 0, 3) == up && pair_at(curscr, 0, 3) == up,
	   "redrawn plain, the gap is green again and as on screen");
	ui_done(&ui);
	return tap_done();
}
