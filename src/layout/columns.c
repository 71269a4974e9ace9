/* columns.c - the watchlist column table and the fit of columns to a width */
#include "config.h"

#include "layout/columns.h"

const struct column_spec columns_specs[COL_COUNT] = {
	[COL_CODE]     = { "CODE",     6,  6,  0, 0 },
	[COL_NAME]     = { "NAME",     20, 12, 0, 3 },
	[COL_LAST]     = { "LAST",     10, 10, 1, 1 },
	[COL_CHANGE]   = { "CHG",      9,  9,  1, 4 },
	[COL_PCT]      = { "CHG%",     8,  8,  1, 2 },
	[COL_OPEN]     = { "OPEN",     10, 10, 1, 10 },
	[COL_HIGH]     = { "HIGH",     10, 10, 1, 8 },
	[COL_LOW]      = { "LOW",      10, 10, 1, 9 },
	[COL_VOLUME]   = { "VOLUME",   8,  8,  1, 6 },
	[COL_TURNOVER] = { "TURNOVER", 8,  8,  1, 7 },
	[COL_MCAP]     = { "MKT CAP",  8,  8,  1, 11 },
	[COL_TIME]     = { "TIME",     8,  8,  1, 5 },
	/* Held positions (columns_fit_want): P&L outlasts TIME, the day's
	 * P&L VOLUME, at equal priority the earlier column drops first. */
	[COL_QTY]      = { "QTY",      8,  8,  1, 12 },
	[COL_VALUE]    = { "VALUE",    8,  8,  1, 11 },
	[COL_DAY_PNL]  = { "DAY P&L",  8,  8,  1, 6 },
	[COL_PNL]      = { "P&L",      8,  8,  1, 5 },
};

static int total(const bool shown[COL_COUNT], const int widths[COL_COUNT], int lead)
{
	int sum = lead, n = 0;

	for (int c = 0; c < COL_COUNT; c++)
		if (shown[c]) {
			sum += widths[c];
			n++;
		}
	return sum + (n > 1 ? n - 1 : 0);
}

int columns_fit(int width, int lead, int name_want, bool shown[COL_COUNT], int widths[COL_COUNT])
{
	return columns_fit_want(width, lead, name_want, NULL, shown, widths);
}

int columns_fit_want(int width, int lead, int name_want, const bool want[COL_COUNT],
		     bool shown[COL_COUNT], int widths[COL_COUNT])
{
	int n = 0;

	for (int c = 0; c < COL_COUNT; c++) {
		shown[c] = want ? want[c] : c <= COL_SORT_LAST;
		widths[c] = columns_specs[c].width;
		n += shown[c];
	}
	if (name_want < columns_specs[COL_NAME].min)
		name_want = columns_specs[COL_NAME].min;
	if (name_want < widths[COL_NAME])
		widths[COL_NAME] = name_want;
	while (n > 1 && total(shown, widths, lead) > width) {
		int over = total(shown, widths, lead) - width, drop = -1;

		/* The name gives up its spare width before any column goes. */
		if (shown[COL_NAME] && widths[COL_NAME] > columns_specs[COL_NAME].min) {
			int spare = widths[COL_NAME] - columns_specs[COL_NAME].min;
			widths[COL_NAME] -= over < spare ? over : spare;
			continue;
		}
		for (int c = 0; c < COL_COUNT; c++)
			if (shown[c] && (drop < 0 || columns_specs[c].priority > columns_specs[drop].priority))
				drop = c;
		shown[drop] = false;
		n--;
	}
	/* Still too wide for the last column: clip it, never overflow. */
	if (n > 0 && total(shown, widths, lead) > width) {
		for (int c = 0; c < COL_COUNT; c++)
			if (shown[c]) {
				widths[c] = width - lead > 0 ? width - lead : 0;
				break;
			}
	}
	return n;
}
