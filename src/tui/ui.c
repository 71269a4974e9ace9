/* ui.c - curses on a terminal or a virtual screen; colour schemes as data */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "base/keycode.h"
#include "base/text.h"
#include "tui/ui.h"

#define DEFAULT_COLOR (-1)

/* One row per colour slot: the 8-colour, 256-colour and direct-colour
 * pairs, and the attributes used in every tier (mono uses only these). */
static const struct scheme {
	short fg8, bg8;
	short fg256, bg256;
	int rgb_fg, rgb_bg;   /* -1 = terminal default */
	attr_t attr;          /* added in colour tiers */
	attr_t mono;          /* the whole look in monochrome */
} scheme[UI_COLOR_COUNT] = {
	[UI_DEFAULT]  = { -1, -1, -1, -1, -1, -1, A_NORMAL, A_NORMAL },
	[UI_HEADER]   = { -1, -1, -1, -1, -1, -1, A_NORMAL, A_NORMAL },
	[UI_TITLE]    = { COLOR_BLACK, COLOR_CYAN, 16, 110, 0x101010, 0x8fb8d8, A_BOLD, A_REVERSE | A_BOLD },
	[UI_COLHEAD]  = { COLOR_BLACK, COLOR_CYAN, 16, 110, 0x101010, 0x8fb8d8, A_NORMAL, A_BOLD | A_UNDERLINE },
	[UI_UP]       = { COLOR_GREEN, -1, 40, -1, 0x2ec66a, -1, A_NORMAL, A_BOLD },
	[UI_DOWN]     = { COLOR_RED, -1, 203, -1, 0xf0524a, -1, A_NORMAL, A_NORMAL },
	[UI_FLAT]     = { -1, -1, -1, -1, -1, -1, A_NORMAL, A_NORMAL },
	[UI_STALE]    = { COLOR_YELLOW, -1, 178, -1, 0xd7a82a, -1, A_NORMAL, A_DIM },
	[UI_SELECTED] = { -1, -1, -1, -1, -1, -1, A_REVERSE, A_REVERSE },
	[UI_STATUS]   = { COLOR_BLACK, COLOR_WHITE, 252, 236, 0xd0d0d0, 0x303030, A_NORMAL, A_REVERSE },
	[UI_ERROR]    = { COLOR_WHITE, COLOR_RED, 231, 124, 0xffffff, 0xa01818, A_BOLD, A_REVERSE | A_BOLD },
	[UI_DEMO]     = { COLOR_BLACK, COLOR_YELLOW, 16, 220, 0x000000, 0xffcc00, A_BOLD, A_REVERSE | A_BOLD },
	[UI_DIM]      = { COLOR_CYAN, -1, 245, -1, 0x8a8a8a, -1, A_NORMAL, A_DIM },
	[UI_KEY]      = { COLOR_CYAN, -1, 81, -1, 0x5fd7ff, -1, A_BOLD, A_BOLD },
};

/* Which slot a rise or a fall uses after colors.up is applied. */
static enum ui_color effective(const struct ui *ui, enum ui_color c)
{
	if (ui->red_up && c == UI_UP)
		return UI_DOWN;
	if (ui->red_up && c == UI_DOWN)
		return UI_UP;
	return c;
}

/* Starts colour unless the user or the terminal wants none. COLORS is
 * only known once start_color() has run: read before, it is 0, and every
 * 256-colour terminal would get 8. */
static enum ui_tier start_tier(void)
{
	const char *nc = getenv("NO_COLOR");

	if ((nc && *nc) || !has_colors() || start_color() == ERR)
		return UI_MONO;
	use_default_colors();
	if (COLORS >= 0x1000000 || tigetflag("RGB") > 0)
		return UI_DIRECT;
	return COLORS >= 256 ? UI_256 : UI_8;
}

static void init_colors(struct ui *ui)
{
	ui->tier = start_tier();
	for (int i = 0; i < UI_COLOR_COUNT; i++) {
		const struct scheme *s = &scheme[effective(ui, (enum ui_color)i)];
		const struct scheme *own = &scheme[i];
		int fg, bg;

		if (ui->tier == UI_MONO) {
			ui->attrs[i] = own->mono;
			continue;
		}
		switch (ui->tier) {
		case UI_DIRECT:
			fg = s->rgb_fg;
			bg = own->rgb_bg;
			break;
		case UI_256:
			fg = s->fg256;
			bg = own->bg256;
			break;
		default:
			fg = s->fg8;
			bg = own->bg8;
			break;
		}
		init_extended_pair(i + 1, fg < 0 ? DEFAULT_COLOR : fg, bg < 0 ? DEFAULT_COLOR : bg);
		ui->attrs[i] = COLOR_PAIR(i + 1) | own->attr;
	}
	heatmap_colors_init(ui);
}

/* However hktop ends, the terminal is given back. */
static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

/* For a fatal signal, where endwin() may not be called: the terminal's
 * settings from before curses and its own sequences that leave curses'
 * modes, kept where a signal handler can reach them. Process-wide, like
 * the terminal itself. */
static struct {
	volatile sig_atomic_t armed;
	struct termios tios;
	char seq[256];
	size_t len;
} emergency;

static void emergency_add(const char *s)
{
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (emergency.len + n < sizeof emergency.seq) {
		memcpy(emergency.seq + emergency.len, s, n);
		emergency.len += n;
	}
}

/* mouse: curses turned mouse reporting on. It is turned off as endwin()
 * does, with the terminal's XM (xterm's modes, parameter 0 for off) or,
 * without one, the xterm sequence ncurses itself falls back to; else the
 * terminal goes on typing mouse reports into the shell. */
static void emergency_arm(bool mouse)
{
	static const char *const caps[] = { "sgr0", "cnorm", "rmkx", "rmcup" };

	emergency.len = 0;
	if (mouse) {
		const char *xm = tigetstr("XM");

		if (xm && xm != (char *)-1)
			emergency_add(tiparm(xm, 0));
		else
			emergency_add("\033[?1000l");
	}
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
		emergency_add(tigetstr(caps[i]));
	emergency.armed = 1;
}

void ui_emergency_restore(void)
{
	if (!emergency.armed)
		return;
	emergency.armed = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &emergency.tios);
	if (write(STDOUT_FILENO, emergency.seq, emergency.len) < 0) {
		/* Nothing more can be done from a dying process. */
	}
}

/* $TERM for a message: it is the user's, and may hold escapes. */
static const char *term_name(char *buf, size_t len)
{
	const char *t = getenv("TERM");

	if (!t)
		return "(unset)";
	text_sanitize(buf, len, t, strlen(t));
	return buf;
}

static bool can_address(void)
{
	const char *cup = tigetstr("cup");

	return cup && cup != (char *)-1;
}

bool ui_init(struct ui *ui, bool test, bool red_up, char *err, size_t errlen)
{
	static bool registered;

	const char *cs;
	char term[64];
	bool mouse = false, capture;
	int fd;

	memset(ui, 0, sizeof *ui);
	ui->test = test;
	ui->red_up = red_up;
	cs = nl_langinfo(CODESET);
	ui->utf8 = ui_codeset_is_utf8(cs);
	if (test) {
		/* Like tig's test mode: draw into curses' own buffer only. */
		if (!(ui->out = fopen("/dev/null", "w")) || !(ui->in = fopen("/dev/null", "r"))) {
			snprintf(err, errlen, "/dev/null: %s", strerror(errno));
			ui_done(ui);
			return false;
		}
		ui->screen = newterm(NULL, ui->out, ui->in);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			snprintf(err, errlen, "not a terminal (for a report use --once)");
			return false;
		}
		if (tcgetattr(STDIN_FILENO, &emergency.tios) != 0) {
			snprintf(err, errlen, "terminal settings: %s", strerror(errno));
			return false;
		}
		/* Curses writes to a copy of the terminal's descriptor, which
		 * each update points elsewhere a moment (ui_flush_begin). */
		fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
		if (fd < 0 || !(ui->out = fdopen(fd, "w"))) {
			snprintf(err, errlen, "terminal: %s", strerror(errno));
			if (fd >= 0)
				close(fd);
			return false;
		}
		ui->screen = newterm(NULL, ui->out, stdin);
	}
	if (!ui->screen) {
		snprintf(err, errlen, "cannot start curses on terminal type '%s'",
			 term_name(term, sizeof term));
		ui_done(ui);
		return false;
	}
	set_term(ui->screen);
	/* A terminal without cursor addressing (TERM=dumb) starts, and can
	 * show no more than one line: refused like an unknown one. */
	if (!can_address()) {
		snprintf(err, errlen, "terminal type '%s' cannot move the cursor (for a report use --once)",
			 term_name(term, sizeof term));
		ui_done(ui);
		return false;
	}
	if (!registered && atexit(restore_terminal) == 0)
		registered = true;
	cbreak();
	noecho();
	nonl();
	/* From here what curses writes goes out folded, the set-up too (the
	 * modes above are set on curses' descriptor, so before). */
	ui_flush_open(fileno(ui->out), test ? -1 : STDOUT_FILENO);
	capture = ui_flush_begin();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	/* The cursor is hidden: an update need not end by moving it. */
	leaveok(stdscr, TRUE);
	if (!test)
		mouse = mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
				  | BUTTON5_PRESSED
#endif
				  , NULL) != 0;
	init_colors(ui);
	ui_flush_colors(PAIR_NUMBER(ui->attrs[UI_DEFAULT]));
	getmaxyx(stdscr, ui->rows, ui->cols);
	/* ncurses (6.4) flushes after every cursor move until the screen has
	 * once left curses and come back (lib_mvcur.c: the "initial" state is
	 * taken for a terminfo-only program): a refresh would go out in one
	 * write() a move. Leave and come back now, while nothing is drawn,
	 * and each update leaves in one write. */
	endwin();
	doupdate();
	/* endwin() left keypad mode, which the first key read would enter
	 * again straight on the terminal: entered now, with the rest. */
	keypad(stdscr, TRUE);
	if (capture)
		ui_flush_end();
	if (!test)
		emergency_arm(mouse);
	return true;
}

void ui_done(struct ui *ui)
{
	emergency.armed = 0;
	if (ui->screen) {
		endwin();
		delscreen(ui->screen);
		ui->screen = NULL;
	}
	ui_flush_close();
	if (ui->out)
		fclose(ui->out);
	if (ui->in)
		fclose(ui->in);
	ui->out = ui->in = NULL;
}

void ui_resize(struct ui *ui)
{
	struct winsize ws;

	if (!ui->test && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col)
		resizeterm(ws.ws_row, ws.ws_col);
	getmaxyx(stdscr, ui->rows, ui->cols);
}

void ui_size_changed(struct ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
}

void ui_set_size(struct ui *ui, int rows, int cols)
{
	resizeterm(rows, cols);
	getmaxyx(stdscr, ui->rows, ui->cols);
}

const char *ui_locale_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

bool ui_codeset_is_utf8(const char *codeset)
{
	return codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0);
}

bool ui_locale_name_is_utf8(const char *name)
{
	const char *dot = name ? strchr(name, '.') : NULL;
	char codeset[16];
	size_t n;

	if (!dot)
		return false;
	n = strcspn(dot + 1, "@");
	if (n >= sizeof codeset)
		return false;
	memcpy(codeset, dot + 1, n);
	codeset[n] = '\0';
	return ui_codeset_is_utf8(codeset);
}

bool ui_locale_cjk(char *need, size_t len)
{
	if (ui_codeset_is_utf8(nl_langinfo(CODESET)))
		return true;
	snprintf(need, len, "a UTF-8 locale (LC_CTYPE is %s)", setlocale(LC_CTYPE, NULL));
	return false;
}

bool ui_locale_red_up(const char *locale)
{
	static const char *const red[] = { "zh_CN", "zh_TW", "ja", "ko" };

	if (!locale)
		return false;
	for (size_t i = 0; i < sizeof red / sizeof red[0]; i++)
		if (strncmp(locale, red[i], strlen(red[i])) == 0)
			return true;
	return false;
}

enum ui_color ui_dir_color(double change)
{
	return change > 0 ? UI_UP : change < 0 ? UI_DOWN : UI_FLAT;
}

/* Decode up to max wide characters that fit in width columns. */
static size_t to_wide(const char *s, int width, wchar_t *out, size_t max, int *used)
{
	mbstate_t st;
	size_t n = 0, len = strlen(s);
	int cols = 0;

	memset(&st, 0, sizeof st);
	while (len > 0 && n < max) {
		wchar_t wc;
		size_t k;
		int w;

		if (*s >= 0x20 && *s < 0x7f) {
			/* Printable ASCII, most of every screen: one column in
			 * any locale hktop runs in, without asking libc. */
			if (cols + 1 > width)
				break;
			out[n++] = (wchar_t)*s++;
			cols++;
			len--;
			continue;
		}
		k = mbrtowc(&wc, s, len, &st);
		if (k == (size_t)-1 || k == (size_t)-2) {
			memset(&st, 0, sizeof st);
			wc = 0xFFFD;
			k = 1;
		} else if (k == 0) {
			break;
		}
		if (!iswprint((wint_t)wc))
			wc = 0xFFFD;
		if ((w = wcwidth(wc)) < 0) {
			wc = L'?';
			w = 1;
		}
		if (cols + w > width)
			break;
		out[n++] = wc;
		cols += w;
		s += k;
		len -= k;
	}
	*used = cols;
	return n;
}

void ui_text(WINDOW *w, int y, int x, int width, const char *s, int align, attr_t a)
{
	wchar_t wbuf[512];
	int used;
	size_t n;

	if (width <= 0)
		return;
	n = to_wide(s ? s : "", width, wbuf, sizeof wbuf / sizeof wbuf[0], &used);
	wattrset(w, a);
	wmove(w, y, x);
	if (align > 0)
		for (int i = used; i < width; i++)
			waddch(w, ' ');
	waddnwstr(w, wbuf, (int)n);
	if (align <= 0)
		for (int i = used; i < width; i++)
			waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

void ui_clear_row(WINDOW *w, int y, int x, int width, attr_t a)
{
	wattrset(w, a);
	wmove(w, y, x);
	for (int i = 0; i < width; i++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

/* One letter per cell for colour dumps: the 8-colour foreground of the
 * cell's slot ("krgybmcw", '.' = default), upper case when reversed; in
 * monochrome the attribute: b bold, r reverse, u underline, d dim. */
static char cell_letter(const struct ui *ui, attr_t attrs, short pair)
{
	static const char names[] = "krgybmcw";
	char c = '.';

	if (ui->tier == UI_MONO) {
		if (attrs & A_REVERSE)
			return 'r';
		if (attrs & A_BOLD)
			return 'b';
		if (attrs & A_UNDERLINE)
			return 'u';
		if (attrs & A_DIM)
			return 'd';
		return '.';
	}
	if (pair > 0 && pair <= UI_COLOR_COUNT) {
		short fg = scheme[effective(ui, (enum ui_color)(pair - 1))].fg8;
		if (fg >= 0 && fg < 8)
			c = names[fg];
	} else if (pair > UI_COLOR_COUNT) {
		c = heatmap_colors_letter(ui, pair);
	}
	/* Reversed swaps the colours: the case flips (heat tiles may already
	 * be upper case, see ui_heat.c). */
	if (attrs & A_REVERSE)
		c = c == '.' ? '#' : c >= 'a' ? (char)(c - 'a' + 'A') : (char)(c - 'A' + 'a');
	return c;
}

/* One letter per cell for background dumps: the colour the terminal is
 * asked to paint behind the cell, by kind, which tells the tiers apart:
 * '.' its default, an ANSI colour by name ("krgybmcw", upper case when
 * bright), 'x' one of xterm's 256, 't' a 24-bit one. Reversed, the
 * foreground is behind. */
static char bg_letter(attr_t attrs, short pair)
{
	static const char ansi[] = "krgybmcwKRGYBMCW";
	int fg = -1, bg = -1, c;

	if (pair > 0 && extended_pair_content(pair, &fg, &bg) == ERR)
		fg = bg = -1;
	c = attrs & A_REVERSE ? fg : bg;
	return c < 0 ? '.' : c < 16 ? ansi[c] : c < 256 ? 'x' : 't';
}

bool ui_dump(const struct ui *ui, const char *path, enum ui_dump_kind kind, char *err,
	     size_t errlen)
{
	FILE *fp = fopen(path, "w");

	if (!fp) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	for (int y = 0; y < ui->rows; y++) {
		char line[8192], attr_line[2048];
		size_t used = 0, last = 0, na = 0;

		for (int x = 0; x < ui->cols && used + MB_LEN_MAX < sizeof line; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs = 0;
			short pair = 0;
			mbstate_t st;
			size_t k;
			int w;

			memset(&st, 0, sizeof st);
			if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || wch[0] == 0)
				wch[0] = L' ';
			if (na + 2 < sizeof attr_line) {
				attr_line[na++] = kind == UI_DUMP_BACKGROUNDS ? bg_letter(attrs, pair)
									    : cell_letter(ui, attrs, pair);
			}
			k = wcrtomb(line + used, wch[0], &st);
			if (k == (size_t)-1) {
				line[used] = '?';
				k = 1;
			}
			used += k;
			if (wch[0] != L' ')
				last = used;
			if ((w = wcwidth(wch[0])) == 2) {
				x++; /* the next cell is the glyph's right half */
				if (na > 0 && na + 2 < sizeof attr_line) {
					attr_line[na] = attr_line[na - 1];
					na++;
				}
			}
		}
		fprintf(fp, "%.*s\n", (int)last, line);
		if (kind != UI_DUMP_TEXT) {
			while (na > 0 && attr_line[na - 1] == '.')
				na--;
			fprintf(fp, "%.*s\n", (int)na, attr_line);
		}
	}
	if (fclose(fp) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

/* Curses' codes for the keys the key table names; the rest are unknown. */
static const struct {
	int curses, key;
} key_codes[] = {
	{ KEY_UP, KEYC_UP }, { KEY_DOWN, KEYC_DOWN }, { KEY_LEFT, KEYC_LEFT },
	{ KEY_RIGHT, KEYC_RIGHT }, { KEY_PPAGE, KEYC_PGUP }, { KEY_NPAGE, KEYC_PGDN },
	{ KEY_HOME, KEYC_HOME }, { KEY_END, KEYC_END }, { KEY_IC, KEYC_INS },
	{ KEY_DC, KEYC_DC }, { KEY_BACKSPACE, KEYC_BACKSPACE }, { KEY_BTAB, KEYC_BTAB },
	{ KEY_ENTER, KEYC_ENTER }, { KEY_RESIZE, KEYC_RESIZE }, { KEY_MOUSE, KEYC_MOUSE },
};

int ui_key_code(wint_t ch, bool is_code)
{
	if (!is_code)
		return (int)ch;
	for (size_t i = 0; i < sizeof key_codes / sizeof key_codes[0]; i++)
		if ((wint_t)key_codes[i].curses == ch)
			return key_codes[i].key;
	if (ch >= (wint_t)KEY_F(1) && ch <= (wint_t)KEY_F(12))
		return KEYC_F((int)(ch - (wint_t)KEY_F(0)));
	return KEYC_UNKNOWN;
}
