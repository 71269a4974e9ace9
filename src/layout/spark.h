/* spark.h - a row's day as a line in a few cells: braille, blocks or ASCII (pure) */
#ifndef HKTOP_SPARK_H
#define HKTOP_SPARK_H

#include <stddef.h>

enum spark_style {
	SPARK_BRAILLE, /* 2 points a cell, 4 dots high: UTF-8 and a font with braille */
	SPARK_BLOCKS,  /* 1 point a cell, 8 heights (U+2581-2588): UTF-8 */
	SPARK_ASCII,   /* 1 point a cell, 4 heights ("_-~^"): any locale */
};

/* The most bytes spark_draw writes a cell (a braille character). */
#define SPARK_CELL_MAX 3

/* Draw v[0..slots) (NaN: no price) in width cells into out (len bytes,
 * NUL-terminated): the slots spread over the cells left to right, each
 * point at its height between the lowest and the highest; a cell without
 * a point (the part of the day still to come) is a space. Needs len >=
 * width * SPARK_CELL_MAX + 1, else draws nothing. Returns the cells drawn
 * (width, or 0 when there is no price at all: out is then ""). */
int spark_draw(const double *v, size_t slots, int width, enum spark_style style, char *out,
	       size_t len);

#endif
