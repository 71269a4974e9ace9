/* test-columns.c - columns fit the width, dropped by priority, never
 * overflow; the name takes spare room and a cut one says so; the columns
 * key's words; sort-next and clicks through the columns shown */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "layout/columns.h"
#include "tap.h"

static int used(const struct columns_layout *l, int lead)
{
	int sum = lead;

	for (int i = 0; i < l->n; i++)
		sum += l->width[l->order[i]];
	return sum + (l->n > 1 ? l->n - 1 : 0);
}

static const int main_cols[] = { COL_CODE, COL_NAME, COL_LAST, COL_CHANGE, COL_PCT, COL_OPEN,
				 COL_HIGH, COL_LOW, COL_VOLUME, COL_TURNOVER, COL_MCAP, COL_TIME };
#define NMAIN (sizeof main_cols / sizeof main_cols[0])

static void fit_and_place(void)
{
	struct columns_layout l;
	int all[COL_COUNT];
	size_t nall = 0;

	/* Every column of the quote; the position ones are asked for only
	 * when a row is held (positions()). */
	for (int c = 0; c < COL_COUNT; c++)
		if (!board_col_position(c))
			all[nall++] = c;
	columns_fit(main_cols, NMAIN, 200, 1, 12, &l);
	for (size_t i = 0; i < NMAIN; i++)
		ok(columns_shown(&l, main_cols[i]), "all main columns at 200 (%s)",
		   columns_specs[main_cols[i]].title);
	is_int(l.width[COL_NAME], 12, "name takes what it needs");

	for (int w = 1; w <= 260; w++) {
		int n = columns_fit(all, nall, w, 1, 30, &l), x = 1;
		bool placed = true;
		ok(used(&l, 1) <= w, "width %d: %d columns fit", w, n);
		ok(w < 3 || columns_shown(&l, COL_CODE), "width %d keeps the code", w);
		for (int i = 0; i < l.n; i++) {
			placed = placed && l.x[l.order[i]] == x;
			x += l.width[l.order[i]] + 1;
		}
		ok(placed, "width %d: each column right after the last", w);
	}
	columns_fit(main_cols, NMAIN, 40, 1, 20, &l);
	ok(columns_shown(&l, COL_LAST) && columns_shown(&l, COL_PCT), "40 columns: last and change %% stay");
	ok(!columns_shown(&l, COL_MCAP) && !columns_shown(&l, COL_OPEN), "40 columns: market cap and open go first");
	ok(columns_shown(&l, COL_NAME) && l.width[COL_NAME] >= 12, "name shrinks but stays readable");
	columns_fit(main_cols, NMAIN, 80, 1, 20, &l);
	ok(columns_shown(&l, COL_TIME) && columns_shown(&l, COL_CHANGE), "80 columns: time and change shown");
	ok(!columns_shown(&l, COL_MCAP), "80 columns: no market cap");
	columns_fit(main_cols, NMAIN, 120, 1, 20, &l);
	ok(columns_shown(&l, COL_VOLUME) && columns_shown(&l, COL_TURNOVER) &&
	   columns_shown(&l, COL_HIGH), "120: volume, turnover, high");
	columns_fit(main_cols, NMAIN, 5, 1, 20, &l);
	is_int(used(&l, 1), 5, "a tiny width clips the code, never overflows");

	/* Extras drop before the name is cut; the name then takes the room. */
	columns_fit(all, nall, 200, 1, 29, &l);
	is_int(l.width[COL_NAME], 29, "200 columns, every column asked: the name is whole");
	ok(!columns_shown(&l, COL_ASK) && !columns_shown(&l, COL_BID), "... bid and ask gave way");
	ok(columns_shown(&l, COL_MCAP) && columns_shown(&l, COL_OPEN), "... the main ones did not");
	ok(used(&l, 1) > 180, "... and the table uses the width (%d)", used(&l, 1));
	columns_fit(main_cols, NMAIN, 200, 1, 80, &l);
	is_int(l.width[COL_NAME], COLUMNS_NAME_MAX, "a name grows to COLUMNS_NAME_MAX at most");
	columns_fit(all, nall, 120, 1, 29, &l);
	ok(!columns_shown(&l, COL_PREV) && columns_shown(&l, COL_MCAP), "120: extras out, main in");

	/* The order asked is the order shown, a repeat once, a bad index never. */
	{
		const int want[] = { COL_PCT, COL_CODE, COL_PCT, -1, COL_COUNT, COL_LAST };
		columns_fit(want, 6, 80, 1, 10, &l);
		is_int(l.n, 3, "repeats and bad indexes left out");
		ok(l.order[0] == COL_PCT && l.order[1] == COL_CODE && l.order[2] == COL_LAST,
		   "the order asked");
		is_int(columns_at(&l, 1), COL_PCT, "x 1 is in the first column");
		is_int(columns_at(&l, 9), COL_PCT, "its gap belongs to it");
		is_int(columns_at(&l, 10), COL_CODE, "then the code");
		is_int(columns_at(&l, 0), -1, "the mark column is no column");
		is_int(columns_at(&l, 79), -1, "past the table, none");
		is_int(columns_sort_next(&l, -1), COL_PCT, "sort-next from none: the first shown");
		is_int(columns_sort_next(&l, COL_PCT), COL_CODE, "then left to right");
		is_int(columns_sort_next(&l, COL_LAST), -1, "after the last: watchlist order");
		is_int(columns_sort_next(&l, COL_MCAP), COL_PCT, "from a hidden sort: the first shown");
		columns_refit(main_cols, NMAIN, &l);
		ok(l.cols == 80 && l.lead == 1 && l.name_want == 10 && columns_shown(&l, COL_TIME) &&
		   !columns_shown(&l, COL_MCAP), "refit: other columns at the same width, lead and name");
	}
	{
		const int want[] = { COL_CODE, COL_SPARK, COL_LAST };
		columns_fit(want, 3, 80, 1, 10, &l);
		is_int(columns_sort_next(&l, COL_CODE), COL_LAST, "the sparkline does not sort");
	}
}

static void keys(void)
{
	int order[COL_COUNT];
	size_t n;
	char err[256], buf[512];

	ok(board_cols_parse("code, name  chg% spark", order, &n, err, sizeof err), "words and commas");
	is_int((int)n, 4, "four columns");
	ok(order[2] == COL_PCT && order[3] == COL_SPARK, "by their keys");
	board_cols_format(order, n, buf, sizeof buf);
	is_str(buf, "code name chg% spark", "formatted back");
	ok(!board_cols_parse("code price", order, &n, err, sizeof err), "an unknown word fails");
	ok(strstr(err, "\"price\": not a column") != NULL, "naming it: %s", err);
	ok(!board_cols_parse("code chg code", order, &n, err, sizeof err), "a repeat fails");
	ok(strstr(err, "listed twice") != NULL, "saying so: %s", err);
	ok(!board_cols_parse(" , ", order, &n, err, sizeof err), "no columns fails");
	for (int c = 0; c < COL_COUNT; c++) {
		ok(board_col_keys[c] && columns_specs[c].title && columns_specs[c].width > 0,
		   "column %d has a key, a title and a width", c);
		ok(columns_specs[c].min <= columns_specs[c].width, "column %d: min <= width", c);
	}
	ok(board_col_keys[COL_COUNT] == NULL, "the keys end in NULL");
}

static void cut(void)
{
	char out[64];

	columns_cut("Alibaba Group Holding", 12, true, out, sizeof out);
	is_str(out, "Alibaba Gro\u2026", "cut with an ellipsis in UTF-8");
	columns_cut("Alibaba Group Holding", 12, false, out, sizeof out);
	is_str(out, "Alibaba Gro~", "cut with ~ otherwise");
	columns_cut("TENCENT", 7, true, out, sizeof out);
	is_str(out, "TENCENT", "a name that fits is whole");
	columns_cut("\xe8\x85\xbe\xe8\xae\xaf\xe6\x8e\xa7\xe8\x82\xa1", 6, true, out, sizeof out);
	is_str(out, "\xe8\x85\xbe\xe8\xae\xaf\u2026", "wide characters never cut in half");
	columns_cut("abc", 0, true, out, sizeof out);
	is_str(out, "", "no room, nothing");
}

static void changed(void)
{
	is_int((int)columns_changed_from("479.400", "478.800"), 2, "478.800 to 479.400: from the 9");
	is_int((int)columns_changed_from("478.810", "478.800"), 5, "the last digits only");
	is_int((int)columns_changed_from("1000.000", "999.900"), 0, "longer: all of it");
	is_int((int)columns_changed_from("478.800", "478.800"), 7, "the same: nothing");
	is_int((int)columns_changed_from("", ""), 0, "empty");
}

/* Held positions: the watchlist asks for the main columns and then the
 * position ones; at 80 the P&L and the day's P&L outlast volume, and the
 * quantity and value go first. */
static void positions(void)
{
	struct columns_layout l;
	int want[NMAIN + 4];

	memcpy(want, main_cols, sizeof main_cols);
	want[NMAIN] = COL_QTY;
	want[NMAIN + 1] = COL_VALUE;
	want[NMAIN + 2] = COL_DAY_PNL;
	want[NMAIN + 3] = COL_PNL;
	columns_fit(want, NMAIN + 4, 200, 1, 12, &l);
	for (size_t i = 0; i < NMAIN + 4; i++)
		ok(columns_shown(&l, want[i]), "positions held: all asked at 200 (%s)",
		   columns_specs[want[i]].title);
	columns_fit(want, NMAIN + 4, 80, 1, 20, &l);
	ok(columns_shown(&l, COL_PNL) && columns_shown(&l, COL_DAY_PNL) && columns_shown(&l, COL_PCT),
	   "80 with positions: P&L, day P&L");
	ok(!columns_shown(&l, COL_QTY) && !columns_shown(&l, COL_VALUE) && !columns_shown(&l, COL_VOLUME),
	   "80: no quantity, value or volume");
	ok(used(&l, 1) <= 80, "80: fits");
	ok(!board_col_sortable(COL_PNL) && !board_col_sortable(COL_QTY), "position columns do not sort");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8"); /* wcwidth of the CJK names */
	fit_and_place();
	keys();
	cut();
	changed();
	positions();
	return tap_done();
}
