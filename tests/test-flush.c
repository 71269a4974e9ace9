/* test-flush.c - ui_flush fits curses' next screen to what the terminal
 * shows where a person sees no difference: blanks between fields in their
 * left neighbour's colour, blanks that look as on screen left as they are,
 * pair 0 as the pair of the same colours; on curses' next screen only. And
 * what that saves: the bytes a model watchlist update sends, counted from
 * the curses output (xterm-256color) against the cells that change. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* What a person sees of each cell of stdscr: its character and colour
 * pair; a blank only its background (every blank here is on the default
 * background but the status line's). */
static void look(int rows, int cols, long *out)
{
	for (int y = 0; y < rows; y++)
		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t attrs = 0;
			short pair = 0;

			mvwin_wch(stdscr, y, x, &cc);
			getcchar(&cc, wch, &attrs, &pair, NULL);
			if (wch[0] == L' ' && pair != UI_STATUS + 1)
				pair = 0;
			out[y * cols + x] = (long)wch[0] << 16 | pair;
		}
}

/* A row of a model watchlist: code and name plain, three figures in the
 * direction's colour, volume and time plain, one-column gaps drawn plain as
 * the view draws them. */
static void model_row(int y, int dir, int vol)
{
	static const char *const figs[3][3] = {
		{ "99.900", "-0.100", "-0.10%" },
		{ "100.000", "0.000", "0.00%" },
		{ "100.100", "+0.100", "+0.10%" },
	};
	static const enum ui_color color[3] = { UI_DOWN, UI_FLAT, UI_UP };
	char code[16], volume[16];
	int x = 0;

	snprintf(code, sizeof code, "%05d", y);
	snprintf(volume, sizeof volume, "%d.%02dM", vol / 100, vol % 100);
	ui_text(stdscr, y, x, 1, " ", 0, A_NORMAL);
	x += 1;
	ui_text(stdscr, y, x, 6, code, 0, ui.attrs[UI_DEFAULT]);
	ui_text(stdscr, y, x += 6, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, y, x += 1, 12, "STOCK", 0, ui.attrs[UI_DEFAULT]);
	ui_text(stdscr, y, x += 12, 1, " ", 0, A_NORMAL);
	x += 1;
	for (int k = 0; k < 3; k++) {
		ui_text(stdscr, y, x, 9, figs[dir][k], 1, ui.attrs[color[dir]]);
		ui_text(stdscr, y, x += 9, 1, " ", 0, A_NORMAL);
		x += 1;
	}
	ui_text(stdscr, y, x, 8, volume, 1, ui.attrs[UI_DEFAULT]);
	ui_text(stdscr, y, x += 8, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, y, x += 1, 8, "15:59:58", 1, ui.attrs[UI_DIM]);
	ui_clear_row(stdscr, y, x + 8, COLS - x - 8, A_NORMAL);
}

static void model_screen(int frame)
{
	char status[64];

	for (int y = 0; y < LINES - 1; y++)
		model_row(y, (y + (y % 4 == 0 ? frame : 0)) % 3, 100 + y + (y % 5 == 0 ? frame : 0));
	snprintf(status, sizeof status, " Updated 15:59:%02d", 10 + frame);
	ui_text(stdscr, LINES - 1, 0, COLS - 10, status, 0, ui.attrs[UI_STATUS]);
	ui_text(stdscr, LINES - 1, COLS - 10, 10, "| ? help ", 1, ui.attrs[UI_STATUS]);
}

/* What a person sees of a cell of a window: character, attributes and
 * colours; of a blank that shows only its background, that. */
static void seen(WINDOW *w, int y, int x, wchar_t *ch, attr_t *attrs, int *fg, int *bg)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1] = { 0 };
	short pair = 0;

	*attrs = 0;
	*fg = *bg = -1;
	mvwin_wch(w, y, x, &cc);
	getcchar(&cc, wch, attrs, &pair, NULL);
	*attrs &= A_ATTRIBUTES & ~A_COLOR;
	if (pair > 0)
		extended_pair_content(pair, fg, bg);
	*ch = wch[0];
	if (wch[0] == L' ' && !(*attrs & (A_REVERSE | A_STANDOUT | A_UNDERLINE | A_BLINK))) {
		*attrs = 0;
		*fg = -1;
	}
}

/* Cells where curses' next screen would show other than what was drawn. */
static int unlike_drawn(void)
{
	int bad = 0;

	for (int y = 0; y < LINES; y++)
		for (int x = 0; x < COLS; x++) {
			wchar_t c1, c2;
			attr_t a1, a2;
			int f1, f2, b1, b2;
			seen(stdscr, y, x, &c1, &a1, &f1, &b1);
			seen(newscr, y, x, &c2, &a2, &f2, &b2);
			bad += c1 != c2 || a1 != a2 || f1 != f2 || b1 != b2;
		}
	return bad;
}

/* The bytes one ui_flush sends to the terminal. */
static long flush_bytes(int fd)
{
	struct stat st;
	off_t before;

	fstat(fd, &st);
	before = st.st_size;
	ui_flush();
	fstat(fd, &st);
	return (long)(st.st_size - before);
}

/* How many SGR sequences the last `bytes` sent hold. */
static int renditions(int fd, long bytes)
{
	char *buf = malloc((size_t)bytes + 1);
	const char *p;
	int n = 0;

	if (!buf || pread(fd, buf, (size_t)bytes, lseek(fd, 0, SEEK_END) - bytes) != bytes) {
		free(buf);
		return -1;
	}
	buf[bytes] = '\0';
	for (p = buf; (p = strstr(p, "\033[")); p++)
		n += p[2 + strspn(p + 2, "0123456789;")] == 'm';
	free(buf);
	return n;
}

static void bytes_per_cell(void)
{
	FILE *tmp = tmpfile();
	long *a = calloc((size_t)LINES * COLS, sizeof *a), *b = calloc((size_t)LINES * COLS, sizeof *b);
	long bytes, changed = 0;

	if (!tmp || !a || !b || dup2(fileno(tmp), fileno(ui.out)) < 0) {
		ok(0, "capture the terminal's bytes");
		free(a);
		free(b);
		return;
	}
	erase();
	model_screen(0);
	ok(flush_bytes(fileno(ui.out)) > 0, "the first screen goes out");
	look(LINES, COLS, a);
	model_screen(0);
	is_int(flush_bytes(fileno(ui.out)), 0, "the same screen drawn again sends nothing");

	/* A refresh: a quarter of the rows turn (three figures and their
	 * colour), a fifth have a volume digit move, the status line's time. */
	model_screen(1);
	look(LINES, COLS, b);
	for (int i = 0; i < LINES * COLS; i++)
		changed += a[i] != b[i];
	bytes = flush_bytes(fileno(ui.out));
	printf("# a refresh: %ld bytes for %ld changed cells, %.2f a cell\n", bytes, changed,
	       changed ? (double)bytes / (double)changed : 0.0);
	/* Its floor here is about 2.7: each turned row costs a move and a
	 * colour (18 bytes) and 27 characters for 19 changed cells, a volume
	 * digit a move along the row (4) for one, the status line's colours
	 * 19 and the reset at the end 3. Before the blanks that do not show
	 * were left alone, 3.14; before the update was folded (sgr_fold),
	 * 2.89 (347 bytes). */
	ok(changed > 0 && bytes * 100 <= 275 * changed,
	   "at most 2.75 bytes a changed cell (%ld for %ld)", bytes, changed);
	is_int(unlike_drawn(), 0, "and the terminal shows what was drawn, cell by cell");
	/* Six rows turn: a colour on and off each, and the status line's. */
	ok(renditions(fileno(ui.out), bytes) <= 6 * 2 + 2,
	   "the gaps between figures cost no colour changes (%d SGRs)", renditions(fileno(ui.out), bytes));

	/* A gap drawn in another colour that does not show: nothing to send. */
	ui_text(stdscr, 1, 0, 1, " ", 0, ui.attrs[UI_UP]);
	is_int(flush_bytes(fileno(ui.out)), 0, "a blank recoloured where it cannot show sends nothing");
	fclose(tmp);
	free(a);
	free(b);
}

int main(void)
{
	char err[256];
	short up = UI_UP + 1, plain = UI_DEFAULT + 1;
	short pair;
	attr_t attrs;

	setenv("TERM", "xterm-256color", 1);
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
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
	ui_text(stdscr, 1, 4, 1, "d", 0, ui.attrs[UI_STATUS]);
	/* Row 2: a reversed selection shows its blanks; so does underline. */
	ui_text(stdscr, 2, 0, 3, "sel", 0, A_REVERSE);
	ui_text(stdscr, 2, 3, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, 2, 4, 1, "x", 0, ui.attrs[UI_UP]);
	ui_text(stdscr, 2, 5, 1, " ", 0, A_UNDERLINE);
	/* Row 4: a tile of the heat scale, blank, then one with a label. */
	ui_text(stdscr, 4, 0, 4, "", 0, ui.heat[0]);
	ui_text(stdscr, 4, 4, 1, "", 0, A_NORMAL);
	ui_text(stdscr, 4, 5, 4, "  +1", 0, ui.heat[0]);
	/* Row 5: wide characters (a Chinese name) among fields and gaps. */
	ui_text(stdscr, 5, 0, 6, "\xe9\xa8\xb0\xe8\xa8\x8a", 0, ui.attrs[UI_DEFAULT]);
	ui_text(stdscr, 5, 6, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, 5, 7, 4, "1.5", 1, ui.attrs[UI_UP]);
	ui_text(stdscr, 5, 11, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, 5, 12, 6, "\xe9\xa8\xb0\xe8\xa8\x8a", 0, ui.attrs[UI_UP]);
	ui_text(stdscr, 5, 18, 2, "", 0, A_NORMAL);
	ui_text(stdscr, 5, 20, 3, "2.5", 0, ui.attrs[UI_UP]);
	/* Row 3: a green blank where the terminal has a plain one. */
	ui_text(stdscr, 3, 0, 1, " ", 0, A_NORMAL);
	ui_text(stdscr, 3, 1, 1, " ", 0, ui.attrs[UI_UP]);
	ui_flush();

	ok(pair_at(newscr, 0, 3) == up, "the gap between two green figures is green on screen");
	ok(pair_at(stdscr, 0, 3) == 0, "and stays plain in stdscr, which the screen dumps read");
	ok(pair_at(newscr, 0, 7) == pair_at(curscr, 0, 7) && pair_at(newscr, 0, 7) != up,
	   "the blanks after the last figure, as the terminal already shows them, are left so");
	ok(pair_at(newscr, 1, 3) == plain, "a blank next to a background colour keeps the default one");
	ok(pair_at(newscr, 1, 0) == UI_STATUS + 1, "and the colour beside it is kept");
	cell(newscr, 2, 3, &pair, &attrs);
	ok(pair == plain && attrs == A_NORMAL, "a blank after a reversed cell stays plain");
	ok(pair_at(newscr, 2, 4) == up, "a figure keeps its colour");
	cell(newscr, 2, 5, &pair, &attrs);
	ok(attrs == A_UNDERLINE, "an underlined blank keeps its underline");
	ok(pair_at(newscr, 3, 1) == pair_at(curscr, 3, 1) && pair_at(newscr, 3, 1) != up,
	   "a green blank where the terminal shows a plain one is left plain");
	cell(newscr, 2, 0, &pair, &attrs);
	ok(pair == plain && attrs == A_REVERSE,
	   "pair 0 goes out as the pair of the same colours (its end costs no reset)");

	{
		int fg = 0, bg = 0, tfg = 0, tbg = 0;
		extended_pair_content(pair_at(newscr, 4, 0), &fg, &bg);
		extended_pair_content(PAIR_NUMBER(ui.heat[0]), &tfg, &tbg);
		ok(fg == -1 && bg == tbg, "a blank tile goes out in its background without a foreground");
		extended_pair_content(pair_at(newscr, 4, 5), &fg, &bg);
		ok(fg == tfg && bg == tbg, "a tile with a label keeps the label's pair for its blanks");
	}

	is_int(unlike_drawn(), 0, "what goes out looks as what was drawn, cell by cell");
	ui_text(stdscr, 5, 7, 4, "-1.5", 1, ui.attrs[UI_DOWN]);
	ui_text(stdscr, 5, 12, 6, "\xe8\xa8\x8a\xe9\xa8\xb0", 0, ui.attrs[UI_DOWN]);
	ui_flush();
	is_int(unlike_drawn(), 0, "and so among wide characters after a change");

	/* The next update: stdscr drawn the same again is no change. */
	ui_text(stdscr, 0, 3, 1, " ", 0, A_NORMAL);
	ui_flush();
	ok(pair_at(newscr, 0, 3) == up && pair_at(curscr, 0, 3) == up,
	   "redrawn plain, the gap is green again and as on screen");

	bytes_per_cell();
	ui_done(&ui);
	return tap_done();
}
