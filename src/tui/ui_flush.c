/* ui_flush.c - one screen update: what the views drew goes out in one
 * write, with the blanks between fields in their neighbour's colour
 *
 * Apart from ui.c, which sets the terminal up and draws: this is the
 * path every update leaves by, and what make bench's bytes per changed
 * cell measure. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <wchar.h>

#include "tui/ui.h"

/* What shows of a blank cell: its background only, unless it is reversed
 * or underlined (or might blink). */
#define UI_BLANK_SHOWS (A_REVERSE | A_STANDOUT | A_UNDERLINE | A_BLINK)

/* Curses sends a run of unchanged cells between changed ones again when
 * it is no longer than a cursor move over it ("\033[23C": five bytes);
 * a longer one it moves over. */
#define UI_SHORT_RUN 5

/* A pair of the terminal's own colours, drawn for pair 0, or 0 (no
 * colours). */
static int plain_pair;

/* Pairs of the terminal's foreground on a background, made as needed:
 * curses sends a pair's foreground and background each time it switches
 * to it, and a run of blanks needs only the background. */
static struct {
	int bg, pair;
} bare[32];
static size_t nbare;

void ui_flush_colors(int plain)
{
	plain_pair = plain;
	nbare = 0;
}

/* The pair of the default foreground on bg, or -1. */
static int bare_pair(int bg)
{
	int pair;

	for (size_t i = 0; i < nbare; i++)
		if (bare[i].bg == bg)
			return bare[i].pair;
	if (nbare == sizeof bare / sizeof bare[0] || (pair = alloc_pair(-1, bg)) < 0)
		return -1;
	bare[nbare].bg = bg;
	bare[nbare++].pair = pair;
	return pair;
}

/* A cell of curses' next screen (newscr) or of the terminal's (curscr). */
struct cell {
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs; /* without the colour */
	int pair;
	int bg;       /* the background it paints, -1 the default */
	bool blank;   /* a space that shows only its background */
	bool set;     /* changed here: to be written back to newscr */
};

static void cell_read(struct cell *c, const cchar_t *cc)
{
	short pair = 0;
	int fg = -1;

	c->cc = *cc;
	c->set = false;
	c->attrs = 0;
	c->bg = -1;
	if (getcchar(cc, c->wch, &c->attrs, &pair, NULL) == ERR) {
		c->wch[0] = L'\0';
		c->pair = -1;
		c->blank = false;
		return;
	}
	c->pair = PAIR_NUMBER(c->attrs) ? PAIR_NUMBER(c->attrs) : pair;
	c->attrs &= A_ATTRIBUTES & ~A_COLOR;
	if (c->pair > 0 && extended_pair_content(c->pair, &fg, &c->bg) == ERR)
		c->pair = -1;
	c->blank = c->pair >= 0 && c->wch[0] == L' ' && c->wch[1] == L'\0' &&
		   !(c->attrs & UI_BLANK_SHOWS);
}

/* Give a cell these attributes and pair. */
static void cell_set(struct cell *c, attr_t attrs, int pair)
{
	if (c->attrs == attrs && c->pair == pair)
		return;
	setcchar(&c->cc, c->wch, attrs, (short)pair, NULL);
	c->attrs = attrs;
	c->pair = pair;
	c->set = true;
}

/* The same to curses, which sends every cell that differs in anything. */
static bool cell_same(const struct cell *a, const struct cell *b)
{
	return a->attrs == b->attrs && a->pair == b->pair && wcscmp(a->wch, b->wch) == 0;
}

/* The same to a person: a blank's colour or weight does not show. */
static bool cell_looks_same(const struct cell *a, const struct cell *b)
{
	return a->blank && b->blank ? a->bg == b->bg : cell_same(a, b);
}

/* Blanks [s, t) that change on screen: each in the colour and weight of
 * the cell to its left, where that one has its background, so the
 * terminal is not told to switch colour around each gap between fields. */
static void join(struct cell *n, int s, int t)
{
	for (int x = s > 0 ? s : 1; x < t; x++) {
		const struct cell *l = &n[x - 1];
		if (l->pair >= 0 && l->bg == n[x].bg && !(l->attrs & UI_BLANK_SHOWS))
			cell_set(&n[x], l->attrs, l->pair == 0 && plain_pair > 0 ? plain_pair : l->pair);
	}
}

/* Blanks [s, t) that look on screen as they will: left as the terminal
 * has them, so that curses sends nothing for them; but a short run
 * between two cells that are sent goes with them (curses sends it anyway,
 * and in their colour it costs no switch). */
static void keep_or_join(struct cell *n, const struct cell *c, int cols, int s, int t)
{
	if (s >= t)
		return;
	if (t - s <= UI_SHORT_RUN && s > 0 && !cell_same(&n[s - 1], &c[s - 1]) && t < cols &&
	    !cell_looks_same(&n[t], &c[t])) {
		join(n, s, t);
		return;
	}
	for (int x = s; x < t; x++)
		if (!cell_same(&n[x], &c[x])) {
			n[x] = c[x];
			n[x].set = true;
		}
}

/* Blanks [s, t) on a colour, with no neighbour on it that they could
 * share a pair with: drawn without a foreground, which they do not show,
 * so that going to them costs the background alone. */
static void bare_run(struct cell *n, int cols, int s, int t)
{
	int bg = n[s].bg, fg = -1, pair;

	if (plain_pair <= 0 || bg < 0 || extended_pair_content(n[s].pair, &fg, &bg) == ERR ||
	    fg < 0)
		return;
	if (s > 0 && n[s - 1].pair >= 0 && n[s - 1].bg == bg && !(n[s - 1].attrs & UI_BLANK_SHOWS))
		return;
	if (t < cols && n[t].pair >= 0 && n[t].bg == bg)
		return;
	if ((pair = bare_pair(bg)) < 0)
		return;
	for (int x = s; x < t; x++)
		cell_set(&n[x], n[x].attrs, pair);
}

static void blend_row(struct cell *n, const struct cell *c, int cols)
{
	for (int x = 0; x < cols;) {
		int e, first = -1, last = -1;

		if (!n[x].blank) {
			x++;
			continue;
		}
		/* A run of blanks on one background, and the part of it that
		 * changes on screen. */
		for (e = x; e < cols && n[e].blank && n[e].bg == n[x].bg; e++)
			if (!cell_looks_same(&n[e], &c[e])) {
				if (first < 0)
					first = e;
				last = e;
			}
		bare_run(n, cols, x, e);
		if (first < 0) {
			keep_or_join(n, c, cols, x, e);
		} else {
			keep_or_join(n, c, cols, x, first);
			join(n, first, last + 1);
			keep_or_join(n, c, cols, last + 1, e);
		}
		x = e;
	}
}

/* Fit curses' copy of the next screen to what the terminal shows, cell by
 * cell, where a person would see no difference: pair 0 (whose end costs
 * the terminal a reset and its colours again) as the pair of the same
 * colours, and blanks as described above. Not done on stdscr: what the
 * views drew, and the screen dumps of the tests, stay as they were. */
static void blend_blanks(WINDOW *next, WINDOW *shown)
{
	int rows, cols, cy, cx, sy, sx;
	cchar_t *nbuf, *cbuf;
	struct cell *n, *c;

	getmaxyx(next, rows, cols);
	getyx(next, cy, cx);
	getyx(shown, sy, sx);
	nbuf = calloc((size_t)cols + 1, sizeof *nbuf);
	cbuf = calloc((size_t)cols + 1, sizeof *cbuf);
	n = calloc((size_t)cols, sizeof *n);
	c = calloc((size_t)cols, sizeof *c);
	for (int y = 0; nbuf && cbuf && n && c && y < rows; y++) {
		if (!is_linetouched(next, y) || mvwin_wchnstr(next, y, 0, nbuf, cols) == ERR ||
		    mvwin_wchnstr(shown, y, 0, cbuf, cols) == ERR)
			continue;
		for (int x = 0; x < cols; x++) {
			cell_read(&n[x], &nbuf[x]);
			cell_read(&c[x], &cbuf[x]);
			if (n[x].pair == 0 && plain_pair > 0)
				cell_set(&n[x], n[x].attrs, plain_pair);
		}
		blend_row(n, c, cols);
		for (int x = 0; x < cols; x++)
			if (n[x].set)
				mvwadd_wchnstr(next, y, x, &n[x].cc, 1);
	}
	free(nbuf);
	free(cbuf);
	free(n);
	free(c);
	wmove(shown, sy, sx);
	wmove(next, cy, cx);
}

void ui_flush(void)
{
	wnoutrefresh(stdscr);
	blend_blanks(newscr, curscr);
	doupdate();
}
