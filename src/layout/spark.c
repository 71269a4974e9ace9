/* spark.c - the sparkline: a day's prices in a few cells of text */
#include "config.h"

#include <math.h>
#include <string.h>

#include "layout/spark.h"

/* Points across a cell and heights of each style. */
static const struct {
	int across, heights;
} shape[] = {
	[SPARK_BRAILLE] = { 2, 4 },
	[SPARK_BLOCKS]  = { 1, 8 },
	[SPARK_ASCII]   = { 1, 4 },
};

/* Braille dots from the bottom up: the left column, then the right. */
static const unsigned char dots[2][4] = { { 0x40, 0x04, 0x02, 0x01 }, { 0x80, 0x20, 0x10, 0x08 } };

static size_t put_utf8(char *out, unsigned cp)
{
	out[0] = (char)(0xe0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

int spark_draw(const double *v, size_t slots, int width, enum spark_style style, char *out,
	       size_t len)
{
	int across = shape[style].across, heights = shape[style].heights, xs = width * across;
	double lo = INFINITY, hi = -INFINITY;
	size_t used = 0;

	if (len)
		out[0] = '\0';
	if (width <= 0 || slots == 0 || len < (size_t)width * SPARK_CELL_MAX + 1)
		return 0;
	for (size_t i = 0; i < slots; i++)
		if (isfinite(v[i])) {
			lo = v[i] < lo ? v[i] : lo;
			hi = v[i] > hi ? v[i] : hi;
		}
	if (lo > hi)
		return 0;
	for (int cell = 0; cell < width; cell++) {
		int level[2] = { -1, -1 };

		/* Each x takes the last point that falls on it: with more
		 * points than room, the price at the end of its span. */
		for (int k = 0; k < across; k++) {
			size_t from = (size_t)(cell * across + k) * slots / (size_t)xs,
			       to = (size_t)(cell * across + k + 1) * slots / (size_t)xs;
			for (size_t i = from; i < to && i < slots; i++)
				if (isfinite(v[i]))
					level[k] = hi > lo ? (int)lround((v[i] - lo) / (hi - lo) * (heights - 1))
							   : heights / 2;
		}
		if (level[0] < 0 && level[1] < 0) {
			out[used++] = ' ';
		} else if (style == SPARK_BRAILLE) {
			unsigned bits = 0;
			for (int k = 0; k < 2; k++)
				if (level[k] >= 0)
					bits |= dots[k][level[k]];
			used += put_utf8(out + used, 0x2800 + bits);
		} else if (style == SPARK_BLOCKS) {
			used += put_utf8(out + used, 0x2581 + (unsigned)level[0]);
		} else {
			out[used++] = "_-~^"[level[0]];
		}
	}
	out[used] = '\0';
	return width;
}
