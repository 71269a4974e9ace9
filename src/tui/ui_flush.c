/* ui_flush.c - one screen update: what the views drew goes out in one
 * write, with the blanks between fields in their neighbour's colour
 *
 * Apart from ui.c, which sets the terminal up and draws: this is the
 * path every update leaves by, and what make bench's bytes per changed
 * cell measure. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>

#include "tui/ui.h"

/* What shows of a blank cell: its background only, unless it is reversed
 * or underlined (or might blink). */
#define UI_BLANK_SHOWS (A_REVERSE | A_STANDOUT | A_UNDERLINE | A_BLINK)

static bool blank_bg_default(attr_t attrs, int pair)
{
	int fg = -1, bg = -1;

	if (attrs & UI_BLANK_SHOWS)
		return false;
	if (pair > 0 && extended_pair_content(pair, &fg, &bg) == ERR)
		return false;
	return bg < 0;
}

/* A blank on the default background looks the same in any colour and
 * weight: draw it in those of the cell to its left, if that one is on the
 * default background too, so the terminal is not told to switch colour
 * off and on again around each gap between fields (a changed figure then
 * costs its characters, not a colour change and a cursor move each side).
 * Done on curses' copy of the next screen, not on stdscr: what the views
 * drew, and the screen dumps of the tests, stay as they were. */
static void blend_blanks(WINDOW *scr)
{
	int rows, cols, cy, cx;

	getmaxyx(scr, rows, cols);
	getyx(scr, cy, cx);
	for (int y = 0; y < rows; y++) {
		attr_t prev_attrs = 0;
		int prev_pair = 0;
		bool prev_blankable = false;

		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs = 0;
			short pair_s = 0;
			int pair;
			bool blankable;

			if (mvwin_wch(scr, y, x, &cc) == ERR ||
			    getcchar(&cc, wch, &attrs, &pair_s, NULL) == ERR) {
				prev_blankable = false;
				continue;
			}
			pair = PAIR_NUMBER(attrs) ? PAIR_NUMBER(attrs) : pair_s;
			attrs &= A_ATTRIBUTES & ~A_COLOR;
			blankable = blank_bg_default(attrs, pair);
			if (blankable && prev_blankable && wch[0] == L' ' && wch[1] == L'\0' &&
			    (attrs != prev_attrs || pair != prev_pair)) {
				cchar_t blank;

				setcchar(&blank, L" ", prev_attrs, (short)prev_pair, NULL);
				mvwadd_wchnstr(scr, y, x, &blank, 1);
				attrs = prev_attrs;
				pair = prev_pair;
			}
			prev_attrs = attrs;
			prev_pair = pair;
			prev_blankable = blankable;
		}
	}
	wmove(scr, cy, cx);
}

void ui_flush(void)
{
	wnoutrefresh(stdscr);
	blend_blanks(newscr);
	doupdate();
}

void ui_notify(const struct ui *ui, const char *seq, size_t len)
{
	/* curses' own stream, flushed by doupdate: what follows it comes out
	 * after the update, whole. */
	if (ui->test || !len || !ui->screen)
		return;
	fwrite(seq, 1, len, stdout);
	fflush(stdout);
}
