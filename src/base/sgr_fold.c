/* sgr_fold.c - fold the renditions of a terminal byte stream (see sgr_fold.h)
 *
 * Only ECMA-48 sequences whose whole effect is known are folded: SGR with
 * the parameters of sgr_state, the G0 designations ESC ( B and ESC ( 0,
 * and cursor moves, which change neither and so may pass pending changes.
 * Everything else flushes them first and goes out as it came. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/sgr_fold.h"
#include "base/sgr_move.h"

#define ESC '\033'

/* Colours as sent: the kind in the high bits, the value in the low. */
#define COLOR_BASIC (1L << 24) /* 30-37 (0-7), 90-97 (8-15) */
#define COLOR_INDEX (2L << 24) /* 38;5;N */
#define COLOR_RGB (3L << 24)   /* 38;2;R;G;B */
#define COLOR_KIND(c) ((c) & (3L << 24))

/* The attributes of SGR 1-9 (6 aside), as bit p for parameter p, and the
 * parameter that turns each off (22 turns off both 1 and 2). */
#define ATTR_BITS 0x3beu
static const unsigned char attr_off[10] = { 0, 22, 22, 23, 24, 25, 0, 27, 28, 29 };

/* The longest change: a reset, eight attributes, two direct colours. */
#define SGR_MAX 80
static const struct sgr_state plain = { 0, -1, -1 };

/* Field by field: a struct's padding is not its value. */
static bool state_same(const struct sgr_state *a, const struct sgr_state *b)
{
	return a->attrs == b->attrs && a->fg == b->fg && a->bg == b->bg;
}

void sgr_fold_init(struct sgr_fold *f)
{
	f->known = false;
	f->term = plain;
	f->g0 = 0;
	f->rows = f->cols = 0;
}

size_t sgr_fold_bound(size_t len)
{
	/* A change (G0, rendition, a move of at most two sequences) goes
	 * out only for a byte or more taken in. */
	return len + (len + 1) * (SGR_MAX + 3 + SGR_MOVE_MAX);
}

void sgr_fold_size(struct sgr_fold *f, int rows, int cols)
{
	f->rows = rows > 0 && rows < 10000 ? rows : 0;
	f->cols = cols > 0 && cols < 10000 ? cols : 0;
}

/* Output that stops at cap; fail says it did. */
struct sink {
	char *p;
	size_t len, cap;
	bool fail;
};

static void put(struct sink *s, const char *b, size_t n)
{
	if (s->fail || n > s->cap - s->len) {
		s->fail = true;
		return;
	}
	memcpy(s->p + s->len, b, n);
	s->len += n;
}

/* Parameters of one SGR into st (known: st holds the state before; a
 * reset makes it known). False for any parameter not modelled. */
static bool sgr_apply(const char *p, size_t n, struct sgr_state *st, bool *known)
{
	long v[64];
	size_t nv = 0, i = 0;

	/* Split on ';'; an empty parameter is 0. */
	for (;;) {
		long x = 0;
		size_t digits = 0;

		while (i < n && p[i] >= '0' && p[i] <= '9') {
			if (++digits > 4)
				return false;
			x = x * 10 + (p[i++] - '0');
		}
		if (nv == sizeof v / sizeof v[0])
			return false;
		v[nv++] = x;
		if (i == n)
			break;
		if (p[i++] != ';')
			return false;
	}
	for (i = 0; i < nv; i++) {
		long c = v[i], *slot;

		if (c == 0) {
			*st = plain;
			*known = true;
			continue;
		}
		if (!*known)
			return false;
		if (c < 10 && (ATTR_BITS >> c & 1)) {
			st->attrs |= 1u << c;
			continue;
		}
		if (c == 22) {
			st->attrs &= ~(1u << 1 | 1u << 2);
			continue;
		}
		if (c > 22 && c < 30 && c != 26) {
			st->attrs &= ~(1u << (c - 20));
			continue;
		}
		slot = (c >= 30 && c <= 39) || (c >= 90 && c <= 97) ? &st->fg : &st->bg;
		if ((c >= 30 && c <= 37) || (c >= 40 && c <= 47))
			*slot = COLOR_BASIC | (c % 10);
		else if ((c >= 90 && c <= 97) || (c >= 100 && c <= 107))
			*slot = COLOR_BASIC | (c % 10 + 8);
		else if (c == 39 || c == 49)
			*slot = -1;
		else if ((c == 38 || c == 48) && i + 2 < nv && v[i + 1] == 5 && v[i + 2] <= 255) {
			*slot = COLOR_INDEX | v[i + 2];
			i += 2;
		} else if ((c == 38 || c == 48) && i + 4 < nv && v[i + 1] == 2 && v[i + 2] <= 255 &&
			   v[i + 3] <= 255 && v[i + 4] <= 255) {
			*slot = COLOR_RGB | v[i + 2] << 16 | v[i + 3] << 8 | v[i + 4];
			i += 4;
		} else
			return false;
	}
	return true;
}

/* Append k ";"-separated parameters to b (n bytes so far, "\033[" the
 * first two). */
static void param(char *b, size_t *n, const long *v, size_t k)
{
	for (size_t j = 0; j < k; j++)
		*n += (size_t)snprintf(b + *n, SGR_MAX - *n, "%s%ld", *n > 2 ? ";" : "", v[j]);
}

static void color(char *b, size_t *n, long c, long base)
{
	long x = c & 0xffffff;

	if (c < 0) {
		long v[] = { base + 9 };
		param(b, n, v, 1);
	} else if (COLOR_KIND(c) == COLOR_BASIC) {
		long v[] = { x < 8 ? base + x : base + 60 + x - 8 };
		param(b, n, v, 1);
	} else if (COLOR_KIND(c) == COLOR_INDEX) {
		long v[] = { base + 8, 5, x };
		param(b, n, v, 3);
	} else {
		long v[] = { base + 8, 2, x >> 16, x >> 8 & 255, x & 255 };
		param(b, n, v, 5);
	}
}

/* The SGR that takes a terminal from `from` to `to`, into b (SGR_MAX). */
static size_t sgr_change(const struct sgr_state *from, const struct sgr_state *to, char *b)
{
	size_t n = 2;
	unsigned now = from->attrs;

	memcpy(b, "\033[", 2);
	for (unsigned c = 1; c < 10; c++)
		if ((now & ~to->attrs) >> c & 1) {
			long v[] = { attr_off[c] };
			param(b, &n, v, 1);
			now &= attr_off[c] == 22 ? ~(1u << 1 | 1u << 2) : ~(1u << c);
		}
	for (unsigned c = 1; c < 10; c++)
		if ((to->attrs & ~now) >> c & 1) {
			long v[] = { (long)c };
			param(b, &n, v, 1);
		}
	if (from->fg != to->fg)
		color(b, &n, to->fg, 30);
	if (from->bg != to->bg)
		color(b, &n, to->bg, 40);
	b[n++] = 'm';
	return n;
}

/* Send what is pending: the terminal to want, G0 to g0. */
static void flush(struct sgr_fold *f, const struct sgr_state *want, bool want_known, char g0,
		  struct sink *s)
{
	if (g0 && g0 != f->g0) {
		char d[3] = { ESC, '(', g0 };
		put(s, d, 3);
		f->g0 = g0;
	}
	if (!want_known)
		return;
	if (!f->known || !state_same(&f->term, want)) {
		char a[SGR_MAX], b[SGR_MAX];
		size_t na = sgr_change(&plain, want, a), nb = 0;

		/* From a reset: "\033[m" alone, else an empty parameter (0)
		 * before the rest. */
		if (na > 3) {
			memmove(a + 3, a + 2, na - 2);
			a[2] = ';';
			na++;
		}
		if (f->known)
			nb = sgr_change(&f->term, want, b);
		if (f->known && nb < na)
			put(s, b, nb);
		else
			put(s, a, na);
		f->term = *want;
		f->known = true;
	}
}

/* The moves taken in, out. */
static void move_flush(struct sgr_cursor *c, struct sink *s)
{
	char b[SGR_MOVE_MAX];

	put(s, b, sgr_move_flush(c, b));
}

/* The length of the unit at p: a CSI sequence, an ESC sequence or string,
 * one byte. 0 for one cut short at the end. */
static size_t unit_len(const char *p, size_t n)
{
	size_t i;

	if (p[0] != ESC)
		return 1;
	if (n < 2)
		return 0;
	if (p[1] == '[') {
		for (i = 2; i < n; i++) {
			unsigned char c = (unsigned char)p[i];
			if (c >= 0x40 && c <= 0x7e)
				return i + 1;
			if (c < 0x20 || c > 0x7e)
				return i; /* broken: up to here, not understood */
		}
		return 0;
	}
	if (p[1] == ']' || p[1] == 'P' || p[1] == '_' || p[1] == '^' || p[1] == 'X') {
		/* A string, to BEL or ST. */
		for (i = 2; i < n; i++) {
			if (p[i] == '\a')
				return i + 1;
			if (p[i] == ESC && i + 1 < n && p[i + 1] == '\\')
				return i + 2;
		}
		return 0;
	}
	/* ESC, intermediates, a final. */
	for (i = 1; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x2f)
			return i + 1;
	return 0;
}

/* A CSI that moves the cursor and nothing else (no private marker). */
static bool is_move(const char *p, size_t n)
{
	if (n < 3 || p[2] == '?' || p[2] == '>' || p[2] == '<' || p[2] == '=')
		return false;
	for (size_t i = 2; i + 1 < n; i++)
		if (!(p[i] >= '0' && p[i] <= '9') && p[i] != ';')
			return false;
	return strchr("ABCDEFGHfd`ae", p[n - 1]) != NULL;
}

/* A CSI that leaves rendition and character sets alone: the erases,
 * inserts, deletes and scrolls, cursor visibility, the mouse modes. */
static bool keeps_state(const char *p, size_t n)
{
	char fin = p[n - 1];

	if (n >= 3 && p[2] == '?' && (fin == 'h' || fin == 'l')) {
		static const char *const modes[] = { "25", "1000", "1002", "1003", "1006", "1015", "1005", "1" };
		size_t len = n - 4;

		for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
			if (strlen(modes[i]) == len && memcmp(p + 3, modes[i], len) == 0)
				return true;
		return false;
	}
	for (size_t i = 2; i + 1 < n; i++)
		if (!(p[i] >= '0' && p[i] <= '9') && p[i] != ';')
			return false;
	return strchr("KXJ@PLMST", fin) != NULL;
}

/* UTF-8 character at p of n bytes: its length, or 0 if not a valid one
 * or a C1 control (which a terminal may act on). */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	size_t len = p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;

	if (!len || len > n || p[0] > 0xf4)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if (len == 2 && p[0] == 0xc2 && p[1] < 0xa0)
		return 0;
	return len;
}

/* Renditions under which a space looks the same: of a blank only its
 * background shows, unless an attribute draws on it (underline, blink,
 * reverse, invisible, strike: then all of it may show). */
#define ATTR_ON_BLANK (1u << 4 | 1u << 5 | 1u << 7 | 1u << 8 | 1u << 9)

static bool blank_same(const struct sgr_state *a, const struct sgr_state *b)
{
	if ((a->attrs | b->attrs) & ATTR_ON_BLANK)
		return state_same(a, b);
	return a->bg == b->bg;
}

/* Is in[i] a glyph that shows its rendition: not a space or control? */
static bool shows_glyph(const char *in, size_t len, size_t i)
{
	unsigned char c = (unsigned char)in[i];

	if (c > 0x20 && c < 0x7f)
		return true;
	return c >= 0x80 && utf8_len((const unsigned char *)in + i, len - i) > 0;
}

/* A run of spaces from in[i] (rendition want), with SGRs between, before
 * a glyph: the glyph's rendition, when every space of the run looks the
 * same in it as in its own (*next), and the glyph's index (*end). Sent in
 * that rendition, the run needs no change of its own: a gap in a field's
 * colour, or after a reversed flash, costs nothing. */
static bool blank_ahead(const char *in, size_t len, size_t i, struct sgr_state want,
			struct sgr_state *next, size_t *end)
{
	struct sgr_state st = want;
	bool known = true;
	size_t k = i;

	/* The glyph, and its rendition. */
	while (k < len) {
		size_t n = unit_len(in + k, len - k);

		if (n == 1 && in[k] == ' ') {
			k++;
		} else if (n >= 3 && in[k] == ESC && in[k + 1] == '[' && in[k + n - 1] == 'm' &&
			   ((in[k + 2] >= '0' && in[k + 2] <= '9') || in[k + 2] == ';' || in[k + 2] == 'm')) {
			if (!sgr_apply(in + k + 2, n - 3, &st, &known) || !known)
				return false;
			k += n;
		} else
			break;
	}
	if (k >= len || !shows_glyph(in, len, k))
		return false;
	/* Every space of the run as it would look in it. */
	*next = st;
	st = want;
	for (size_t j = i; j < k;) {
		size_t n = unit_len(in + j, len - j);

		if (n == 1 && in[j] == ' ') {
			if (!blank_same(&st, next))
				return false;
		} else
			sgr_apply(in + j + 2, n - 3, &st, &known);
		j += n;
	}
	*end = k;
	return true;
}

bool sgr_fold(struct sgr_fold *f, const char *in, size_t len, char *out, size_t cap, size_t *outlen)
{
	struct sink s = { out, 0, cap, false };
	struct sgr_state want = f->term;
	bool want_known = f->known;
	char g0 = f->g0;
	/* Where the cursor is is not kept from one call to the next: curses
	 * may move it between (after a suspend). */
	struct sgr_cursor cur = { -1, -1, -1, -1 };
	/* Spaces before blanks_to go out in the rendition the terminal is
	 * in: blank_ahead chose it (run) to show them as they should look. */
	size_t blanks_to = 0;
	struct sgr_state run;

	for (size_t i = 0; i < len;) {
		const char *p = in + i;
		size_t n = unit_len(p, len - i);
		bool known_after = true, stays = false;

		if (n == 1 && p[0] == ' ' && i >= blanks_to && want_known && f->known &&
		    g0 == f->g0 && blank_ahead(in, len, i, want, &run, &blanks_to)) {
			move_flush(&cur, &s);
			flush(f, &run, true, g0, &s);
		}
		if (n == 1 && p[0] == ' ' && i < blanks_to) {
			/* The renditions between stay pending, for the glyph,
			 * which wants the one the terminal is in. */
			move_flush(&cur, &s);
			put(&s, p, 1);
			i++;
			if (cur.x >= 0 && cur.x + 1 < f->cols)
				cur.x++;
			else
				cur.x = cur.y = -1;
			cur.want_x = cur.x;
			cur.want_y = cur.y;
			continue;
		}
		if (n == 0) {
			n = len - i; /* cut short: not understood */
			known_after = false;
		} else if (p[0] == ESC && p[1] == '[' && p[n - 1] == 'm' && n >= 3) {
			struct sgr_state st = want;
			bool k = want_known;

			if ((p[2] >= '0' && p[2] <= '9') || p[2] == ';' || p[2] == 'm') {
				if (sgr_apply(p + 2, n - 3, &st, &k) && k) {
					want = st;
					want_known = true;
					i += n;
					continue;
				}
			}
			known_after = false;
			stays = true;
		} else if (n == 3 && p[0] == ESC && p[1] == '(' && (p[2] == 'B' || p[2] == '0')) {
			g0 = p[2];
			i += n;
			continue;
		} else if ((p[0] == '\r' || p[0] == '\b' || (p[0] == ESC && p[1] == '[' && is_move(p, n))) &&
			   sgr_move_take(&cur, f->rows, f->cols, p, n)) {
			i += n;
			continue;
		} else if (p[0] == '\r' || p[0] == '\b' || (p[0] == ESC && p[1] == '[' && is_move(p, n))) {
			/* Moves that need not show the rendition: after the
			 * moves before them, then where the cursor is is not
			 * known. */
			move_flush(&cur, &s);
			put(&s, p, n);
			i += n;
			cur.y = cur.x = cur.want_y = cur.want_x = -1;
			continue;
		} else if (p[0] == ESC && p[1] == '[') {
			known_after = keeps_state(p, n);
			stays = known_after && strchr("KXJ@PST", p[n - 1]) && p[2] != '?';
		} else if (p[0] == ESC && p[1] == '(')
			known_after = false; /* another G0 */
		else if (p[0] == ESC)
			known_after = n == 2 && (p[1] == '=' || p[1] == '>');
		else if ((unsigned char)p[0] >= 0x80) {
			n = utf8_len((const unsigned char *)p, len - i);
			known_after = n > 0;
			if (!n)
				n = 1;
		} else
			stays = p[0] == '\a' || p[0] == 0x0e || p[0] == 0x0f;
		/* Something that shows the rendition, or not understood:
		 * what is pending first. */
		move_flush(&cur, &s);
		flush(f, &want, want_known, g0, &s);
		put(&s, p, n);
		i += n;
		/* A glyph of ASCII moves one on; at the edge the terminal
		 * may wrap, now or with the next. */
		if (n == 1 && p[0] >= 0x20 && p[0] < 0x7f && cur.x >= 0 && cur.x + 1 < f->cols)
			cur.x++;
		else if (!stays)
			cur.x = cur.y = -1;
		cur.want_x = cur.x;
		cur.want_y = cur.y;
		if (!known_after) {
			f->known = false;
			f->g0 = 0;
		}
		want = f->term;
		want_known = f->known;
		g0 = f->g0;
	}
	move_flush(&cur, &s);
	flush(f, &want, want_known, g0, &s);
	*outlen = s.fail ? 0 : s.len;
	return !s.fail;
}
