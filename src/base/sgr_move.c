/* sgr_move.c - cursor moves in the fewest bytes, for sgr_fold: where a
 * move lands is known exactly (the screen's size given), it goes out as
 * the shortest of CUP, VPA, CHA, CUF, CUB, CR and backspaces. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/sgr_move.h"

/* The longest single move: "\033[9999;9999H". */
#define MOVE_ONE 16

/* The shortest way along a row from x (-1: not known) to column c. */
static size_t move_along(int x, int c, char *b)
{
	char t[MOVE_ONE];
	size_t n = (size_t)snprintf(b, MOVE_ONE, "\033[%dG", c + 1), k;

	if (c == 0) {
		b[0] = '\r';
		return 1;
	}
	if (x < 0)
		return n;
	if (c > x)
		k = c - x == 1 ? (size_t)snprintf(t, sizeof t, "\033[C") :
				 (size_t)snprintf(t, sizeof t, "\033[%dC", c - x);
	else if (x - c <= 3)
		k = (size_t)snprintf(t, sizeof t, "%.*s", x - c, "\b\b\b");
	else
		k = (size_t)snprintf(t, sizeof t, "\033[%dD", x - c);
	if (k < n) {
		memcpy(b, t, k);
		n = k;
	}
	return n;
}

/* Send the moves taken in: the shortest of CUP, VPA and a move along
 * the row, from where the cursor is. */
size_t sgr_move_flush(struct sgr_cursor *c, char *out)
{
	bool dy = c->want_y >= 0 && c->want_y != c->y, dx = c->want_x >= 0 && c->want_x != c->x;
	char a[MOVE_ONE];
	size_t na, n = 0;

	if (dy && (!dx || c->want_x < 0)) {
		n = (size_t)snprintf(out, MOVE_ONE, "\033[%dd", c->want_y + 1);
	} else if (dx && !dy) {
		n = move_along(c->x, c->want_x, out);
	} else if (dx && dy) {
		na = c->want_x ? (size_t)snprintf(a, sizeof a, "\033[%d;%dH", c->want_y + 1, c->want_x + 1) :
				 (size_t)snprintf(a, sizeof a, "\033[%dH", c->want_y + 1);
		n = (size_t)snprintf(out, MOVE_ONE, "\033[%dd", c->want_y + 1);
		n += move_along(c->x, c->want_x, out + n);
		if (na <= n) {
			memcpy(out, a, na);
			n = na;
		}
	}
	c->y = c->want_y;
	c->x = c->want_x;
	return n;
}

/* A cursor move taken in (CUP, HVP, CHA, HPA, VPA, CUF, CUB, HPR, CR,
 * BS) where it is exactly known where it puts the cursor: true. */
bool sgr_move_take(struct sgr_cursor *c, int rows, int cols, const char *p, size_t n)
{
	long a = 0, b = 0;
	int k = 0;
	char fin = p[n - 1];

	if (!rows || !cols)
		return false;
	if (n == 1) {
		if (p[0] == '\r')
			c->want_x = 0;
		else if (c->want_x > 0) /* BS; at 0 it may wrap back */
			c->want_x--;
		else
			return false;
		return true;
	}
	/* Two parameters at most, digits only; 0 or none is 1. */
	for (size_t i = 2; i + 1 < n; i++) {
		long *v = k ? &b : &a;
		if (p[i] == ';' && k++ == 0)
			continue;
		if (p[i] < '0' || p[i] > '9' || *v > 9999)
			return false;
		*v = *v * 10 + (p[i] - '0');
	}
	a = a ? a : 1;
	b = b ? b : 1;
	if (k && fin != 'H' && fin != 'f')
		return false;
	/* Past an edge the terminal stops at its own, which may not be
	 * where curses thinks it is: left as it came. */
	switch (fin) {
	case 'H':
	case 'f':
		if (a > rows || b > cols)
			return false;
		c->want_y = (int)a - 1;
		c->want_x = (int)b - 1;
		return true;
	case 'G':
	case '`':
		if (a > cols)
			return false;
		c->want_x = (int)a - 1;
		return true;
	case 'd':
		if (a > rows)
			return false;
		c->want_y = (int)a - 1;
		return true;
	case 'C':
	case 'a':
		if (c->want_x < 0 || c->want_x + a >= cols)
			return false;
		c->want_x += (int)a;
		return true;
	case 'D':
		if (c->want_x < 0 || c->want_x - a < 0)
			return false;
		c->want_x -= (int)a;
		return true;
	}
	return false;
}
