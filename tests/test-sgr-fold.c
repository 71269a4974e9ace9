/* test-sgr-fold.c - sgr_fold sends the same screen in fewer bytes: known
 * cases byte for byte, and random streams played through a small model
 * terminal, folded and not, leaving the same cells and state. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "base/sgr_fold.h"

static char out[1 << 16];

/* Fold s from f's state; the text out, or "(failed)". */
static const char *fold(struct sgr_fold *f, const char *s)
{
	size_t n;

	if (!sgr_fold(f, s, strlen(s), out, sizeof out - 1, &n))
		return "(failed)";
	out[n] = '\0';
	return out;
}

/* A fold that has seen a reset and ASCII in G0, as after an update. */
static struct sgr_fold settled(void)
{
	struct sgr_fold f;

	sgr_fold_init(&f);
	fold(&f, "\033(B\033[m");
	return f;
}

/* The model terminal: the subset of xterm that the random streams use. */
#define ROWS 6
#define COLS 40
struct rend {
	unsigned attrs;
	long fg, bg; /* -1, or kind * 1000 + value (kind 1 basic, 2 index), rgb as 3e9 + rgb */
};
struct term {
	struct rend cur, cell_r[ROWS][COLS];
	char cell[ROWS][COLS], g0, cell_g0[ROWS][COLS];
	int y, x;
};

static void term_sgr(struct term *t, const char *p, size_t n)
{
	long v[32];
	size_t nv = 0;
	char *end;
	const char *q = p;

	/* Every parameter, an empty one 0: n + 1 of them for n ';'. */
	for (;;) {
		v[nv++] = q < p + n && *q >= '0' && *q <= '9' ? strtol(q, &end, 10) : 0;
		q = q < p + n && *q >= '0' && *q <= '9' ? end : q;
		if (q >= p + n || *q != ';' || nv == 32)
			break;
		q++;
	}
	for (size_t i = 0; i < nv; i++) {
		long c = v[i];
		if (c == 0)
			t->cur = (struct rend){ 0, -1, -1 };
		else if (c >= 1 && c <= 9)
			t->cur.attrs |= 1u << c;
		else if (c == 22)
			t->cur.attrs &= ~6u;
		else if (c >= 23 && c <= 29)
			t->cur.attrs &= ~(1u << (c - 20));
		else if (c >= 30 && c <= 37)
			t->cur.fg = 1000 + c - 30;
		else if (c >= 90 && c <= 97)
			t->cur.fg = 1008 + c - 90;
		else if (c >= 40 && c <= 47)
			t->cur.bg = 1000 + c - 40;
		else if (c >= 100 && c <= 107)
			t->cur.bg = 1008 + c - 100;
		else if (c == 39)
			t->cur.fg = -1;
		else if (c == 49)
			t->cur.bg = -1;
		else if ((c == 38 || c == 48) && v[i + 1] == 5) {
			*(c == 38 ? &t->cur.fg : &t->cur.bg) = 2000 + v[i + 2];
			i += 2;
		} else if (c == 38 || c == 48) {
			*(c == 38 ? &t->cur.fg : &t->cur.bg) = 3000000000L + (v[i + 2] << 16 | v[i + 3] << 8 | v[i + 4]);
			i += 4;
		}
	}
}

static void term_put(struct term *t, char ch)
{
	if (t->x >= COLS)
		return;
	t->cell[t->y][t->x] = ch;
	t->cell_r[t->y][t->x] = t->cur;
	t->cell_g0[t->y][t->x] = t->g0;
	t->x++;
}

static void term_play(struct term *t, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] == '\r') {
			t->x = 0;
			i++;
		} else if (s[i] == '\b') {
			t->x -= t->x > 0;
			i++;
		} else if (s[i] == '\033' && s[i + 1] == '(') {
			t->g0 = s[i + 2];
			i += 3;
		} else if (s[i] == '\033' && s[i + 1] == '[') {
			size_t j = i + 2;
			long a, b;
			while (j < n && (s[j] < 0x40 || s[j] > 0x7e))
				j++;
			a = atol(s + i + 2);
			b = strchr(s + i + 2, ';') && strchr(s + i + 2, ';') < s + j ? atol(strchr(s + i + 2, ';') + 1) : 1;
			switch (s[j]) {
			case 'm': term_sgr(t, s + i + 2, j - i - 2); break;
			case 'H': t->y = (a ? a : 1) - 1; t->x = (b ? b : 1) - 1; break;
			case 'G': t->x = (a ? a : 1) - 1; break;
			case 'd': t->y = (a ? a : 1) - 1; break;
			case 'A': t->y -= a ? a : 1; if (t->y < 0) t->y = 0; break;
			case 'C': t->x += a ? a : 1; if (t->x > COLS - 1) t->x = COLS - 1; break;
			case 'D': t->x -= a ? a : 1; if (t->x < 0) t->x = 0; break;
			case 'X':
				for (int k = 0; k < (a ? a : 1) && t->x + k < COLS; k++) {
					t->cell[t->y][t->x + k] = ' ';
					t->cell_r[t->y][t->x + k] = (struct rend){ 0, -1, t->cur.bg };
					t->cell_g0[t->y][t->x + k] = 0;
				}
				break;
			case 'K':
				for (int k = t->x; k < COLS; k++) {
					t->cell[t->y][k] = ' ';
					t->cell_r[t->y][k] = (struct rend){ 0, -1, t->cur.bg };
					t->cell_g0[t->y][k] = 0;
				}
				break;
			}
			i = j + 1;
		} else
			term_put(t, s[i++]);
	}
}

/* One random unit of what curses sends. */
static size_t random_unit(char *b)
{
	static const char *const attrs[] = { "0", "", "1", "2", "4", "7", "22", "24", "27", "39", "49",
					     "31", "92", "44", "104" };
	int k = rand() % 16;

	if (k < 4) {
		size_t n = 2;
		int np = 1 + rand() % 3;
		memcpy(b, "\033[", 2);
		for (int i = 0; i < np; i++) {
			int c = rand() % 18;
			if (i)
				b[n++] = ';';
			if (c < 15)
				n += (size_t)sprintf(b + n, "%s", attrs[c]);
			else if (c < 17)
				n += (size_t)sprintf(b + n, "%d;5;%d", c == 15 ? 38 : 48, rand() % 256);
			else
				n += (size_t)sprintf(b + n, "38;2;%d;%d;%d", rand() % 256, rand() % 256, rand() % 256);
		}
		b[n++] = 'm';
		return n;
	}
	switch (k) {
	case 4: return (size_t)sprintf(b, "\033(%c", rand() % 2 ? 'B' : '0');
	case 5: return (size_t)sprintf(b, "\033[%d;%dH", 1 + rand() % ROWS, 1 + rand() % (COLS - 10));
	case 6: return (size_t)sprintf(b, "\033[%dG", 1 + rand() % (COLS - 10));
	case 7: return (size_t)sprintf(b, "%s", rand() % 2 ? "\r" : "\b");
	case 8: return (size_t)sprintf(b, "\033[%dX", 1 + rand() % 5);
	case 10: return (size_t)sprintf(b, "\033[%dd", 1 + rand() % ROWS);
	case 11: return (size_t)sprintf(b, "\033[%dC", rand() % 12);
	case 12: return (size_t)sprintf(b, "\033[%dD", rand() % 12);
	case 13: return (size_t)sprintf(b, "\033[%dA", rand() % 3);
	case 9: return (size_t)sprintf(b, "\033[K");
	case 14: return (size_t)sprintf(b, "%.*s", 1 + rand() % 3, "   ");
	default: return (size_t)sprintf(b, "%c%c", 'a' + rand() % 26, 'q');
	}
}

/* Field by field: a struct's padding is not its value. */
static bool rend_same(const struct rend *p, const struct rend *q)
{
	return p->attrs == q->attrs && p->fg == q->fg && p->bg == q->bg;
}

/* The cells look the same to a person: of a space only its background
 * shows, unless it is underlined, blinking, reversed, invisible or struck
 * through (then all of its rendition may show). */
static bool cells_look_same(const struct term *a, const struct term *b)
{
	const unsigned on_blank = 1u << 4 | 1u << 5 | 1u << 7 | 1u << 8 | 1u << 9;

	for (int y = 0; y < ROWS; y++)
		for (int x = 0; x < COLS; x++) {
			const struct rend *p = &a->cell_r[y][x], *q = &b->cell_r[y][x];

			if (a->cell[y][x] != b->cell[y][x] || a->cell_g0[y][x] != b->cell_g0[y][x])
				return false;
			if (a->cell[y][x] == ' ' && !((p->attrs | q->attrs) & on_blank)) {
				if (p->bg != q->bg)
					return false;
			} else if (!rend_same(p, q))
				return false;
		}
	return true;
}

static void random_streams(void)
{
	static char in[4096], folded[sizeof in * 40];
	int bad = 0, shorter = 0, longer = 0;

	srand(13);
	for (int round = 0; round < 3000; round++) {
		struct term a, b;
		struct sgr_fold f;
		size_t n = 0, m = 0;
		int chunks = 1 + rand() % 3;

		memset(&a, 0, sizeof a);
		a.cur = (struct rend){ 0, -1, -1 };
		b = a;
		sgr_fold_init(&f);
		if (round % 4)
			sgr_fold_size(&f, ROWS, COLS);
		for (int c = 0; c < chunks; c++) {
			size_t start = n, got;
			int units = rand() % 40;
			for (int u = 0; u < units; u++)
				n += random_unit(in + n);
			if (!sgr_fold(&f, in + start, n - start, folded + m, sgr_fold_bound(n - start), &got))
				bad++;
			m += got;
		}
		term_play(&a, in, n);
		term_play(&b, folded, m);
		if (!cells_look_same(&a, &b) || !rend_same(&a.cur, &b.cur) ||
		    a.g0 != b.g0 || a.y != b.y || a.x != b.x) {
			if (!bad++)
				printf("# differs: %.*s\n#      as: %.*s\n", (int)n, in, (int)m, folded);
		}
		shorter += m < n;
		if (m > n && !longer++)
			printf("# longer: %.*s\n#     as: %.*s\n", (int)n, in, (int)m, folded);
	}
	is_int(bad, 0, "3000 random streams show the same cells and leave the same state folded");
	ok(shorter > 2000, "most come out shorter (%d)", shorter);
	is_int(longer, 0, "none longer");
}

int main(void)
{
	struct sgr_fold f;

	sgr_fold_init(&f);
	is_str(fold(&f, "\033[38;5;40mX"), "\033[38;5;40mX", "nothing known: a change goes out as it came");
	is_str(fold(&f, "\033[mX"), "\033[mX", "a reset makes it known");

	f = settled();
	is_str(fold(&f, "\033[38;5;40m\033[48;5;22mX"), "\033[38;5;40;48;5;22mX",
	       "two SGRs before a glyph go out as one");
	is_str(fold(&f, "\033[39;49m\033(B\033[m"), "\033[m",
	       "colours undone by a reset go out as the reset; G0 already ASCII is not sent");
	is_str(fold(&f, "\033(B\033[m\033[1;1HA"), "\033[1;1HA", "a reset already in force: nothing");
	is_str(fold(&f, "\033[1m\033[4;2H\033[22m\033[38;5;203mB"), "\033[4;2H\033[38;5;203mB",
	       "a cursor move passes pending changes; bold turned on and off never shows");
	is_str(fold(&f, "\033[39;49m\033[48;5;52m\033[K"), "\033[;48;5;52m\033[K",
	       "an erase shows the background: the change goes out before it, merged");
	is_str(fold(&f, "\033(B\033[m\033[38;5;231m\033[48;5;22m  "), "\033[38;5;231;48;5;22m  ",
	       "a reset then both colours: the change from the colours in force");
	is_str(fold(&f, "\033(0q\033(Bq"), "\033(0q\033(Bq", "G0 goes out before the glyph it draws");
	is_str(fold(&f, "\033(0\033(Bq"), "q", "a designation undone before a glyph is dropped");
	f = settled();
	is_str(fold(&f, "\033[1;4;7mA\033[mB"), "\033[1;4;7mA\033[mB", "a reset shorter than three offs");
	is_str(fold(&f, "\033[1;4;7mA\033[22;24mB"), "\033[1;4;7mA\033[;7mB",
	       "a reset and the rest, shorter than two offs");
	is_str(fold(&f, "\033[1;31mA\033[22mB"), "\033[1;31mA\033[22mB", "one off, shorter than a reset and the rest");
	f = settled();
	is_str(fold(&f, "\033[7;38;5;40m100\033(B\033[0m \033[38;5;40m   +0.1"),
	       "\033[7;38;5;40m100\033[27m    +0.1",
	       "a flash's end: the gap goes out in the next figure's colour (only its background shows)");
	f = settled();
	is_str(fold(&f, "\033[31mA\033[m \033[31mB"), "\033[31mA B",
	       "a gap between two figures of one colour: no change at all");
	is_str(fold(&f, "\033[m\033[7mA\033[m \033[7mB"), "\033[;7mA\033[m \033[7mB",
	       "a reversed glyph's colour would show on the gap: it keeps its own");
	is_str(fold(&f, "\033[m\033[41mA\033[m \033[41mB"), "\033[;41mA\033[m \033[41mB",
	       "as a background does");
	is_str(fold(&f, "\033[m\033[31mA\033[m \033[4X"), "\033[;31mA\033[m \033[4X",
	       "before an erase (not a glyph): the gap's own");
	f = settled();
	is_str(fold(&f, "\033[2mA\033[1;22;2mB"), "\033[2mAB", "bold and dim: 22 turns off both");
	is_str(fold(&f, "\033[1mA\033[22;2mB"), "\033[1mA\033[;2mB", "and the one to stay goes on again");
	f = settled();
	is_str(fold(&f, "\033[53mA\033[31mB"), "\033[53mA\033[31mB",
	       "a parameter not modelled goes out as it came, and then nothing is known");
	is_str(fold(&f, "\033[0;31mA\033[32mB"), "\033[;31mA\033[32mB", "until a reset");
	f = settled();
	is_str(fold(&f, "\033[31m\033[?1049h\033[32mA"), "\033[31m\033[?1049h\033[32mA",
	       "a sequence that may restore the rendition: pending first, then nothing known");
	f = settled();
	is_str(fold(&f, "\033[31m\033[?25l\033[32mA"), "\033[31m\033[?25l\033[32mA",
	       "any other sequence sends what is pending before it");
	f = settled();
	is_str(fold(&f, "\033[31m\033[>4;1m\033[m"), "\033[31m\033[>4;1m\033[m",
	       "a private 'm' (modifyOtherKeys) is not an SGR");
	f = settled();
	is_str(fold(&f, "\033[31m\302\205\033[mA"), "\033[31m\302\205\033[mA",
	       "a C1 control in UTF-8 is not understood");
	f = settled();
	is_str(fold(&f, "\033[31m\346\270\257"), "\033[31m\346\270\257", "a UTF-8 glyph shows the colour");
	f = settled();
	is_str(fold(&f, "\033[31m\033["), "\033[31m\033[", "a sequence cut short goes out after what is pending");
	is_str(fold(&f, "\033[0;38;2;1;2;3;48;5;7mA"), "\033[;38;2;1;2;3;48;5;7mA", "direct and indexed colours");
	is_str(fold(&f, "\033[38;2;1;2;3;44mB"), "\033[44mB", "each colour in the form it came in");
	f = settled();
	{
		size_t n = 1;
		ok(!sgr_fold(&f, "\033[1;2;3;4;5;7;8;9mA", 19, out, 5, &n) && n == 0, "a cap too small says so");
	}
	f = settled();
	sgr_fold_size(&f, 40, 120);
	is_str(fold(&f, "\033[4;26H84.000\033[4;100H2"), "\033[4;26H84.000\033[68C2",
	       "a move along the row where the cursor is known: CUF");
	is_str(fold(&f, "\033[4;26H8\033[4;28H9\033[4;1H"), "\033[4;26H8\033[C9\r",
	       "one column on, and the row's start: CR");
	is_str(fold(&f, "\033[4;26H8\033[4;21H9\033[4;19H"), "\033[4;26H8\033[6D9\b\b\b",
	       "back: CUB, or backspaces where shorter");
	is_str(fold(&f, "\033[4;26H8\033[7;27H9\033[8;90H"), "\033[4;26H8\033[7d9\033[8;90H",
	       "down to the same column: VPA; elsewhere: CUP");
	is_str(fold(&f, "\033[4;26H\033[38;5;40m\033[4;30H8"), "\033[4;30H\033[38;5;40m8",
	       "moves in a row fold into one");
	is_str(fold(&f, "\033[5;1HA\033[2;119Hxy\033[2;1H"), "\033[5HA\033[2;119Hxy\033[2H",
	       "after the last column the cursor is not known");
	is_str(fold(&f, "\033[5;1H\346\270\257\033[5;10H"), "\033[5H\346\270\257\033[5;10H",
	       "nor after a character not ASCII");
	is_str(fold(&f, "\033[5;4H\033[2Aq\033[5;6H"), "\033[5;4H\033[2Aq\033[5;6H",
	       "CUU goes as it came, and then the cursor is not known");
	is_str(fold(&f, "\033[5;4H\b\b\b\b\b"), "\033[5H\b\b",
	       "a backspace at the first column goes as it came");
	is_str(fold(&f, "\033[999;999Hq\033[40;100H"), "\033[999;999Hq\033[40;100H",
	       "a move past the edge goes as it came");
	random_streams();
	return tap_done();
}
