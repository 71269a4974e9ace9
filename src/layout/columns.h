/* columns.h - which watchlist columns fit a width, dropped by priority (pure) */
#ifndef HKTOP_COLUMNS_H
#define HKTOP_COLUMNS_H

#include <stdbool.h>

#include "model/board.h"

struct column_spec {
	const char *title;
	int width;     /* columns; the name's is the most it may take */
	int min;       /* the name shrinks down to this before anything drops */
	int align;     /* > 0: right-aligned */
	int priority;  /* 0 is kept longest; the highest number drops first */
};

extern const struct column_spec columns_specs[COL_COUNT];

/* Fit the columns in `width` terminal columns (one space between
 * columns, plus `lead` columns at the left for the stale mark). Fills
 * shown[] and widths[], with the name taking name_want columns if it can.
 * Returns the number of columns shown. Never wraps, never overflows. */
int columns_fit(int width, int lead, int name_want, bool shown[COL_COUNT], int widths[COL_COUNT]);

/* The same among the columns in want (NULL: all but the position ones,
 * as columns_fit). */
int columns_fit_want(int width, int lead, int name_want, const bool want[COL_COUNT],
		     bool shown[COL_COUNT], int widths[COL_COUNT]);

#endif
