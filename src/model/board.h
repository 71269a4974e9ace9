/* board.h - the watchlist model: rows of the latest quotes, stale marks, order */
#ifndef HKTOP_BOARD_H
#define HKTOP_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/quote.h"

/* The watchlist columns; also the sort keys. New ones go at the end:
 * the order here is no order on screen (the columns key says that). */
enum board_col {
	COL_CODE, COL_NAME, COL_LAST, COL_CHANGE, COL_PCT, COL_OPEN, COL_HIGH, COL_LOW,
	COL_VOLUME, COL_TURNOVER, COL_MCAP, COL_TIME,
	COL_PREV, COL_VWAP, COL_BID, COL_ASK, COL_PE, COL_PB, COL_YIELD, COL_52W, COL_LOT,
	COL_SPARK,
	/* The positions held (model/position.h), shown when some row is
	 * held; not sort keys: the board does not know them. */
	COL_QTY, COL_VALUE, COL_DAY_PNL, COL_PNL,
	COL_COUNT
};

/* The columns by the names the config's `columns` key uses ("chg%"),
 * indexed by enum board_col, NULL-ended. */
extern const char *const board_col_keys[COL_COUNT + 1];

/* The `columns` key: words of board_col_keys, separated by spaces or
 * commas, none twice, into order[0..*n). False with the cause in err. */
bool board_cols_parse(const char *text, int order[COL_COUNT], size_t *n, char *err, size_t errlen);

/* The same as text, one space apart. */
void board_cols_format(const int *order, size_t n, char *buf, size_t len);

struct row {
	struct instrument in;
	bool have;                /* a quote arrived at least once */
	bool stale;               /* the last refresh failed for it: the quote is old */
	struct quote q;
	char err[QUOTE_ERR_MAX];  /* why the last refresh failed, or "" */
	unsigned seq;             /* position in the watchlist (the unsorted order) */
	signed char tick;         /* the last refresh moved the price: +1 up, -1 down */
	struct num tick_from;     /* the price before that move */
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

/* Put a removed row back at display index idx (clamped), with its place
 * in the watchlist order: undo of board_remove. False if its instrument
 * is on the board again or out of memory. */
bool board_restore(struct board *b, const struct row *r, size_t idx);

/* How many rows tick; forget the ticks (the flash of a changed price is
 * over), true if there were any. */
size_t board_ticks(const struct board *b);
bool board_clear_ticks(struct board *b);

/* Take a refresh's results: a quote replaces the row's; a failure keeps
 * the old quote and marks it stale with the cause. Returns how many rows
 * changed what they show. Rows not in res are left alone. */
size_t board_apply(struct board *b, const struct quote_result *res, size_t n);

/* A position column (qty, value, day P&L, P&L): shown when a row is held. */
bool board_col_position(int col);

/* Can the board sort by col? (Not by a sparkline.) */
bool board_col_sortable(int col);

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
