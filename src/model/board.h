/* board.h - the watchlist model: rows of the latest quotes, stale marks, order */
#ifndef HKTOP_BOARD_H
#define HKTOP_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/quote.h"

/* The watchlist columns; also the sort keys. */
enum board_col {
	COL_CODE, COL_NAME, COL_LAST, COL_CHANGE, COL_PCT, COL_OPEN, COL_HIGH, COL_LOW,
	COL_VOLUME, COL_TURNOVER, COL_MCAP, COL_TIME,
	/* The positions held (model/position.h), shown only when there are
	 * some; not sort keys: the board does not know them. */
	COL_QTY, COL_VALUE, COL_DAY_PNL, COL_PNL,
	COL_COUNT
};
#define COL_SORT_LAST COL_TIME

struct row {
	struct instrument in;
	bool have;                /* a quote arrived at least once */
	bool stale;               /* the last refresh failed for it: the quote is old */
	struct quote q;
	char err[QUOTE_ERR_MAX];  /* why the last refresh failed, or "" */
	unsigned seq;             /* position in the watchlist (the unsorted order) */
	char name_en[64], name_zh[64]; /* known names until a quote brings its own */
};

struct board {
	struct row *rows;   /* owned; display order */
	size_t n, cap;
	int sort;           /* enum board_col, or -1 for watchlist order */
	bool desc;
	bool zh;            /* sort names by their Chinese form */
	unsigned next_seq;
	struct symbol_index index; /* instrument -> display index, kept in step with rows */
};

bool board_init(struct board *b, const struct instrument *in, size_t n);
void board_done(struct board *b);

/* Index of an instrument's row, or -1. */
long board_find(const struct board *b, const struct instrument *in);

/* Append (false if present or out of memory); remove by display index. */
bool board_add(struct board *b, const struct instrument *in);
bool board_remove(struct board *b, size_t idx);

/* Take a refresh's results: a quote replaces the row's; a failure keeps
 * the old quote and marks it stale with the cause. Returns how many rows
 * changed what they show. Rows not in res are left alone. */
size_t board_apply(struct board *b, const struct quote_result *res, size_t n);

/* Sort by b->sort / b->desc; rows without the figure go last. Stable. */
void board_sort(struct board *b);

/* The instruments in watchlist order (for fetching and saving). The
 * caller frees *out. */
bool board_instruments(const struct board *b, struct instrument **out, size_t *n);

/* The sort column's title for the status line. */
const char *board_col_name(int col);

/* The name a row shows: the feed's in the language, else the instrument
 * table's, else the other language's, else the code. Never NULL. */
const char *board_row_name(const struct row *r, bool zh);

#endif
