/* ui_flush.c - one screen update: what the views drew goes out in one
 * write, each cell in the colours the terminal is already in where a
 * person would see no difference, its renditions folded (sgr_fold)
 *
 * Apart from ui.c, which sets the terminal up and draws: this is the
 * path every update leaves by, and what make bench's bytes per changed
 * cell measure. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>

#include "base/sgr_fold.h"
#include "tui/ui.h"

/* What shows of a blank cell: its background only, unless it is reversed
 * or underlined (or might blink, or be drawn from another character set). */
#define UI_BLANK_SHOWS (A_REVERSE | A_STANDOUT | A_UNDERLINE | A_BLINK | A_ALTCHARSET)

/* Curses sends a run of unchanged cells between changed ones again when
 * it is no longer than a cursor move over it ("\033[23C": five bytes);
 * a longer one it moves over. */
#define UI_SHORT_RUN 5

/* A pair of the terminal's own colours, or 0 (no colours). */
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

/* The colours of each pair met in this update: a screen has a handful of
 * pairs and some 10,000 cells to read back. Emptied (a new generation)
 * at each update and whenever a pair is made, as alloc_pair may reuse a
 * number. */
static struct {
	int pair, fg, bg;
	unsigned gen;
} seen[64];
static unsigned seen_gen = 1;

static bool pair_colors(int pair, int *fg, int *bg)
{
	unsigned i = (unsigned)pair % (sizeof seen / sizeof seen[0]);

	if (seen[i].gen == seen_gen && seen[i].pair == pair) {
		*fg = seen[i].fg;
		*bg = seen[i].bg;
		return true;
	}
	if (extended_pair_content(pair, fg, bg) == ERR)
		return false;
	seen[i].pair = pair;
	seen[i].fg = *fg;
	seen[i].bg = *bg;
	seen[i].gen = seen_gen;
	return true;
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
	seen_gen++;
	bare[nbare].bg = bg;
	bare[nbare++].pair = pair;
	return pair;
}

/* A cell of curses' next screen (newscr) or of the terminal's (curscr). */
struct cell {
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs; /* without the colour */
	int pair;     /* -1: not known, left alone */
	int fg, bg;   /* the pair's colours, -1 the terminal's own */
	bool blank;   /* a space that shows only its background */
	bool set;     /* changed here: to be written back to newscr */
};

/* The terminal's attributes and colours after the cells sent so far. */
struct sent {
	attr_t attrs;
	int pair, fg, bg;
};

static void cell_read(struct cell *c, const cchar_t *cc)
{
	short pair = 0;

	c->cc = *cc;
	c->set = false;
	c->attrs = 0;
	c->fg = c->bg = -1;
	if (getcchar(cc, c->wch, &c->attrs, &pair, NULL) == ERR) {
		c->wch[0] = L'\0';
		c->pair = -1;
		c->blank = false;
		return;
	}
	c->pair = PAIR_NUMBER(c->attrs) ? PAIR_NUMBER(c->attrs) : pair;
	c->attrs &= A_ATTRIBUTES & ~A_COLOR;
	if (c->pair > 0 && !pair_colors(c->pair, &c->fg, &c->bg))
		c->pair = -1;
	c->blank = c->pair >= 0 && c->wch[0] == L' ' && c->wch[1] == L'\0' &&
		   !(c->attrs & UI_BLANK_SHOWS);
}

/* Give a cell these attributes and pair (of the same colours, or for a
 * blank of the same background). */
static void cell_set(struct cell *c, attr_t attrs, int pair, int fg, int bg)
{
	if (c->attrs == attrs && c->pair == pair)
		return;
	setcchar(&c->cc, c->wch, attrs, (short)pair, NULL);
	c->attrs = attrs;
	c->pair = pair;
	c->fg = fg;
	c->bg = bg;
	c->set = true;
}

/* The same to curses, which sends every cell that differs in anything. */
static bool cell_same(const struct cell *a, const struct cell *b)
{
	return a->attrs == b->attrs && a->pair == b->pair && wcscmp(a->wch, b->wch) == 0;
}

/* The same to a person: the same character, attributes and colours,
 * whatever the pair's number; of a blank, only the background. */
static bool cell_looks_same(const struct cell *a, const struct cell *b)
{
	if (a->pair < 0 || b->pair < 0)
		return cell_same(a, b);
	if (a->blank && b->blank)
		return a->bg == b->bg;
	return a->attrs == b->attrs && a->fg == b->fg && a->bg == b->bg &&
	       wcscmp(a->wch, b->wch) == 0;
}

/* A cell that looks on screen as it will: left as the terminal has it,
 * so that curses sends nothing for it. */
static void keep(struct cell *n, const struct cell *c)
{
	if (!cell_same(n, c)) {
		*n = *c;
		n->set = true;
	}
}

/* A cell curses sends: in the pair the terminal is in where it would
 * look the same so (a blank needs only the background), else in a pair
 * of its colours that costs the least to switch to: the terminal's own
 * colours by a pair rather than pair 0, whose end costs a reset and the
 * colours again; a blank on a colour, where bare says nothing of its
 * colour follows, without a foreground. */
static void send(struct cell *n, const struct cell *c, struct sent *st, bool bare_ok)
{
	int pair;

	if (n->pair >= 0 && n->blank && st->bg == n->bg && !(st->attrs & UI_BLANK_SHOWS))
		cell_set(n, st->attrs, st->pair, st->fg, st->bg);
	else if (n->pair >= 0 && st->attrs == n->attrs && st->fg == n->fg && st->bg == n->bg)
		cell_set(n, n->attrs, st->pair, st->fg, st->bg);
	else if (n->pair == 0 && plain_pair > 0)
		cell_set(n, n->attrs, plain_pair, -1, -1);
	else if (n->blank && bare_ok && n->bg >= 0 && n->fg >= 0 && plain_pair > 0 &&
		 (pair = bare_pair(n->bg)) >= 0)
		cell_set(n, n->attrs, pair, -1, n->bg);
	if (!cell_same(n, c))
		*st = (struct sent){ n->attrs, n->pair, n->fg, n->bg };
}

static void blend_row(struct cell *n, const struct cell *c, int cols, struct sent *st)
{
	for (int x = 0; x < cols;) {
		int e;
		bool bare_ok;

		if (!n[x].blank) {
			if (cell_looks_same(&n[x], &c[x]))
				keep(&n[x], &c[x]);
			else
				send(&n[x], &c[x], st, false);
			x++;
			continue;
		}
		/* A run of blanks on one background; whether a cell of its
		 * colour follows (whose foreground its pair could bring). */
		for (e = x; e < cols && n[e].blank && n[e].bg == n[x].bg; e++)
			;
		bare_ok = !(e < cols && n[e].pair >= 0 && n[e].bg == n[x].bg);
		while (x < e) {
			int end = x;
			bool sent;

			if (!cell_looks_same(&n[x], &c[x])) {
				send(&n[x], &c[x], st, bare_ok);
				x++;
				continue;
			}
			/* Blanks that look the same: kept, but a short run between
			 * two sent cells curses sends anyway, so in the colours
			 * the terminal is in. */
			while (end < e && cell_looks_same(&n[end], &c[end]))
				end++;
			sent = end - x <= UI_SHORT_RUN && x > 0 && !cell_same(&n[x - 1], &c[x - 1]) &&
			       end < cols && !cell_looks_same(&n[end], &c[end]);
			for (; x < end; x++)
				if (sent)
					send(&n[x], &c[x], st, bare_ok);
				else
					keep(&n[x], &c[x]);
		}
	}
}

/* A row of a window, cell by cell (win_wchnstr would skip the right
 * halves of wide characters); those, and the wide characters, are left
 * alone. */
static void row_read(WINDOW *w, int y, int cols, struct cell *row)
{
	for (int x = 0; x < cols; x++) {
		cchar_t cc;

		if (mvwin_wch(w, y, x, &cc) == ERR) {
			row[x].pair = -1;
			row[x].blank = row[x].set = false;
			row[x].wch[0] = L'\0';
			continue;
		}
		cell_read(&row[x], &cc);
		/* No character below U+1100 is wide: most cells skip wcwidth. */
		if (row[x].pair >= 0 && row[x].wch[0] >= 0x1100 && wcwidth(row[x].wch[0]) > 1) {
			row[x].pair = -1;
			row[x].blank = false;
			if (x + 1 < cols && mvwin_wch(w, y, x + 1, &cc) != ERR) {
				cell_read(&row[++x], &cc);
				row[x].pair = -1;
				row[x].blank = false;
			}
		}
	}
}

/* Fit curses' copy of the next screen to what the terminal shows, cell by
 * cell, where a person would see no difference (see send and keep). Not
 * done on stdscr: what the views drew, and the screen dumps of the tests,
 * stay as they were. */
static void blend(WINDOW *next, WINDOW *shown)
{
	int rows, cols, cy, cx, sy, sx;
	struct sent st = { 0, 0, -1, -1 }; /* curses ends each update so */
	struct cell *n, *c;

	getmaxyx(next, rows, cols);
	if (rows <= 0 || cols <= 0)
		return;
	getyx(next, cy, cx);
	getyx(shown, sy, sx);
	seen_gen++;
	n = calloc((size_t)cols, sizeof *n);
	c = calloc((size_t)cols, sizeof *c);
	for (int y = 0; n && c && y < rows; y++) {
		if (!is_linetouched(next, y))
			continue;
		row_read(next, y, cols, n);
		row_read(shown, y, cols, c);
		blend_row(n, c, cols, &st);
		for (int x = 0; x < cols; x++)
			if (n[x].set)
				mvwadd_wchnstr(next, y, x, &n[x].cc, 1);
	}
	free(n);
	free(c);
	wmove(shown, sy, sx);
	wmove(next, cy, cx);
}

/* Curses writes an update to its own descriptor; for the update, that
 * is pointed at a file of ours in memory, whose bytes are then folded and
 * written to the terminal at once.
 *
 * The file is memory (memfd), not a file system that can fill: curses
 * drops bytes it cannot write, and a screen that curses thinks drawn but
 * the terminal never got stays wrong until a full redraw. Its room is
 * reserved ahead (RESERVE_CELL bytes a cell of the screen), so a write
 * within it needs no new memory; an update that reaches the end of it
 * (whose bytes may then be short) is followed by a full redraw, and the
 * room doubles. Without such a file, updates go straight out unfolded. */
#define RESERVE_CELL 64
#define RESERVE_MIN  (64 * 1024)

static struct {
	int curses_fd;   /* what curses writes to: a copy of the terminal's */
	int term_fd;     /* where an update goes, -1: back to curses_fd */
	int file_fd;     /* where curses writes an update meanwhile */
	int saved_fd;    /* curses_fd's own, during the update */
	off_t room;      /* bytes of file_fd reserved */
	sigset_t mask;   /* before SIGTSTP was held for the update */
	char *in, *out;
	size_t in_cap, out_cap;
	struct sgr_fold fold;
} cap = { -1, -1, -1, -1, 0 };

/* The file of ours: memory that no file system holds, or -1. */
static int memory_file(void)
{
#ifdef HAVE_MEMFD_CREATE
	return memfd_create("hktop-update", MFD_CLOEXEC);
#else
	return -1;
#endif
}

/* At least want bytes of the file reserved; false when they cannot be. */
static bool reserve(off_t want)
{
	if (want <= cap.room)
		return true;
	if (posix_fallocate(cap.file_fd, 0, want) != 0)
		return false;
	cap.room = want;
	return true;
}

/* What the screen's size calls for. */
static off_t reserve_for_screen(void)
{
	off_t cells = (off_t)(LINES > 0 ? LINES : 1) * (COLS > 0 ? COLS : 1);

	return cells * RESERVE_CELL + RESERVE_MIN;
}

bool ui_flush_open(int curses_fd, int term_fd)
{
	ui_flush_close();
	sgr_fold_init(&cap.fold);
	cap.file_fd = memory_file();
	if (cap.file_fd < 0)
		return false;
	cap.curses_fd = curses_fd;
	cap.term_fd = term_fd;
	return true;
}

void ui_flush_close(void)
{
	if (cap.file_fd >= 0)
		close(cap.file_fd);
	free(cap.in);
	free(cap.out);
	cap.in = cap.out = NULL;
	cap.in_cap = cap.out_cap = 0;
	cap.room = 0;
	cap.file_fd = cap.curses_fd = cap.term_fd = -1;
}

/* Room for n bytes in *buf. */
static bool room(char **buf, size_t *have, size_t n)
{
	char *p;

	if (n <= *have)
		return true;
	if (!(p = realloc(*buf, n)))
		return false;
	*buf = p;
	*have = n;
	return true;
}

static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return; /* the terminal is gone: nothing to tell */
		p += w;
		n -= (size_t)w;
	}
}

/* Updates go straight out from now on. */
static void give_up(void)
{
	close(cap.file_fd);
	cap.file_fd = -1;
	cap.room = 0;
}

/* From here curses writes to the file. Not after endwin: curses then
 * sets the terminal's modes on its descriptor, and the terminal is no
 * longer as the fold knows it. SIGTSTP is held meanwhile, for curses'
 * handler leaves and resumes the terminal through the same descriptor. */
bool ui_flush_begin(void)
{
	sigset_t tstp;

	if (cap.file_fd >= 0 && !reserve(reserve_for_screen()))
		give_up();
	if (cap.file_fd < 0 || isendwin() || lseek(cap.file_fd, 0, SEEK_SET) != 0) {
		sgr_fold_init(&cap.fold);
		return false;
	}
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	sigprocmask(SIG_BLOCK, &tstp, &cap.mask);
	cap.saved_fd = fcntl(cap.curses_fd, F_DUPFD_CLOEXEC, 3);
	if (cap.saved_fd < 0 || dup2(cap.file_fd, cap.curses_fd) < 0) {
		if (cap.saved_fd >= 0)
			close(cap.saved_fd);
		sigprocmask(SIG_SETMASK, &cap.mask, NULL);
		sgr_fold_init(&cap.fold);
		return false;
	}
	return true;
}

/* Curses' descriptor back, and what it wrote to the terminal, folded. */
void ui_flush_end(void)
{
	off_t end = lseek(cap.file_fd, 0, SEEK_CUR);
	size_t n = end > 0 ? (size_t)end : 0, folded = 0;
	int to;

	dup2(cap.saved_fd, cap.curses_fd);
	close(cap.saved_fd);
	sigprocmask(SIG_SETMASK, &cap.mask, NULL);
	to = cap.term_fd >= 0 ? cap.term_fd : cap.curses_fd;
	if (n && room(&cap.in, &cap.in_cap, n) && pread(cap.file_fd, cap.in, n, 0) == (ssize_t)n) {
		sgr_fold_size(&cap.fold, LINES, COLS);
		/* Room for the update and half as much again: a fold comes out
		 * shorter (sgr_fold_bound, which always suffices, is a hundred
		 * times the input); one that would not fit goes out as it came. */
		if (room(&cap.out, &cap.out_cap, n + n / 2 + 256) &&
		    sgr_fold(&cap.fold, cap.in, n, cap.out, cap.out_cap, &folded))
			write_all(to, cap.out, folded);
		else
			write_all(to, cap.in, n); /* the fold followed it */
	} else if (n) {
		/* Not read back: what curses thinks is on screen is not. */
		clearok(curscr, TRUE);
		sgr_fold_init(&cap.fold);
	}
	if (end < 0 || end >= cap.room) {
		/* Some bytes may have found no room: all again, next time in
		 * twice the room (or straight out). */
		clearok(curscr, TRUE);
		sgr_fold_init(&cap.fold);
		if (end < 0 || !reserve(cap.room * 2))
			give_up();
	}
}

void ui_flush(void)
{
	wnoutrefresh(stdscr);
	blend(newscr, curscr);
	if (ui_flush_begin()) {
		doupdate();
		ui_flush_end();
	} else
		doupdate();
}

void ui_notify(const struct ui *ui, const char *seq, size_t len)
{
	/* After the update, which is out whole (ui_flush_end). */
	if (ui->test || !len || !ui->screen)
		return;
	fwrite(seq, 1, len, stdout);
	fflush(stdout);
}
