/* test-columns.c - columns fit the width, dropped by priority, never overflow */
#include "config.h"

#include "layout/columns.h"
#include "tap.h"

static int used(const bool shown[COL_COUNT], const int widths[COL_COUNT], int lead)
{
	int sum = lead, n = 0;

	for (int c = 0; c < COL_COUNT; c++)
		if (shown[c]) {
			sum += widths[c];
			n++;
		}
	return sum + (n > 1 ? n - 1 : 0);
}

int main(void)
{
	bool shown[COL_COUNT];
	int widths[COL_COUNT];

	columns_fit(200, 1, 12, shown, widths);
	for (int c = 0; c < COL_COUNT; c++)
		ok(shown[c] == (c <= COL_SORT_LAST), "all quote columns at 200, no position ones (%s)",
		   columns_specs[c].title);
	is_int(widths[COL_NAME], 12, "name takes what it needs");

	for (int w = 1; w <= 200; w++) {
		int n = columns_fit(w, 1, 20, shown, widths);
		ok(used(shown, widths, 1) <= w || n == 1, "width %d: %d columns fit", w, n);
		ok(shown[COL_CODE], "width %d keeps the code", w);
	}
	columns_fit(40, 1, 20, shown, widths);
	ok(shown[COL_LAST] && shown[COL_PCT], "40 columns: last and change %% stay");
	ok(!shown[COL_MCAP] && !shown[COL_OPEN], "40 columns: market cap and open go first");
	ok(shown[COL_NAME] && widths[COL_NAME] >= 12, "name shrinks but stays readable");
	columns_fit(80, 1, 20, shown, widths);
	ok(shown[COL_TIME] && shown[COL_CHANGE], "80 columns: time and change shown");
	ok(!shown[COL_MCAP], "80 columns: no market cap");
	columns_fit(120, 1, 20, shown, widths);
	ok(shown[COL_VOLUME] && shown[COL_TURNOVER] && shown[COL_HIGH], "120: volume, turnover, high");
	/* Held positions: every column at 200; at 80 the P&L and the day's
	 * P&L outlast volume, quantity and value go first. */
	{
		bool all[COL_COUNT];

		for (int c = 0; c < COL_COUNT; c++)
			all[c] = true;
		columns_fit_want(200, 1, 12, all, shown, widths);
		for (int c = 0; c < COL_COUNT; c++)
			ok(shown[c], "positions held: all columns at 200 (%s)", columns_specs[c].title);
		columns_fit_want(80, 1, 20, all, shown, widths);
		ok(shown[COL_PNL] && shown[COL_DAY_PNL] && shown[COL_PCT], "80 with positions: P&L, day P&L");
		ok(!shown[COL_QTY] && !shown[COL_VALUE] && !shown[COL_VOLUME], "80: no quantity, value or volume");
		ok(used(shown, widths, 1) <= 80, "80: fits");
	}
	columns_fit(5, 1, 20, shown, widths);
	is_int(used(shown, widths, 1), 5, "a tiny width clips the code, never overflows");
	return tap_done();
}
