/* columns.h - the watchlist's column table, which columns fit a width
 * (dropped by priority), the `columns` key's text and cut names (pure) */
#ifndef HKTOP_COLUMNS_H
#define HKTOP_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/board.h"

struct column_spec {
	const char *title;
	int width;     /* columns; the name's is its longest cell, up to COLUMNS_NAME_MAX */
	int min;       /* the name shrinks down to this before a main column drops */
	int align;     /* > 0: right-aligned */
	int priority;  /* 0 is kept longest; the highest number drops first */
};

/* Indexed by enum board_col: an added column is one entry here, its key
 * in board_col_keys and its cell in tui/view_watchlist.c. */
extern const struct column_spec columns_specs[COL_COUNT];

/* Columns whose priority is above this are extras: they drop before the
 * name is cut. The others drop only when the name is down to its min. */
#define COLUMNS_EXTRA 12

/* The widest the name grows into spare room. */
#define COLUMNS_NAME_MAX 40

/* What columns_fit decided: the columns shown, left to right, and where. */
struct columns_layout {
	int order[COL_COUNT];
	int n;
	int x[COL_COUNT];      /* by enum board_col: its first terminal column */
	int width[COL_COUNT];  /* by enum board_col; 0: not shown */
	int lead, name_want;   /* what it was fitted with, to fit again (columns_refit) */
	int cols;
};

/* Fit the wanted columns (want[0..nwant), left to right; a repeat counts
 * once) in `width` terminal columns, one space between columns and `lead`
 * columns at the left for the marks. The name wants name_want columns
 * (its longest cell; at least its min, at most COLUMNS_NAME_MAX). The
 * extras drop first, most droppable first; then the name shrinks; then
 * the main columns drop. Never overflows: the last column left is
 * clipped. Returns l->n. */
int columns_fit(const int *want, size_t nwant, int width, int lead, int name_want,
		struct columns_layout *l);

/* Fit other columns as l was fitted (the same width, lead and name). */
int columns_refit(const int *want, size_t nwant, struct columns_layout *l);

bool columns_shown(const struct columns_layout *l, int col);

/* The column under terminal column x (its gap on the right included), or -1. */
int columns_at(const struct columns_layout *l, int x);

/* The sort after `sort` for the sort-next key: the next shown column that
 * sorts, left to right, -1 (watchlist order) after the last. */
int columns_sort_next(const struct columns_layout *l, int sort);

/* s cut to `width` terminal columns into out: when it does not fit, it
 * ends in a mark that says so, '…' when the terminal can draw it (utf8),
 * else '~' (as tig). */
void columns_cut(const char *s, int width, bool utf8, char *out, size_t len);

/* Where a figure's text (now, right-aligned in its cell) starts to differ
 * from what it was: the byte of now from which the two differ, read as
 * aligned on the right; 0 when their lengths differ, strlen(now) when
 * they are the same. Only the digits that moved flash. */
size_t columns_changed_from(const char *now, const char *was);

#endif
