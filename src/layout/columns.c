/* columns.c - the watchlist column table and the fit of columns to a width */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/text.h"
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
	[COL_SPARK]    = { "DAY",      12, 12, 0, 13 },
	[COL_PREV]     = { "PREV",     10, 10, 1, 14 },
	[COL_52W]      = { "52W RANGE", 19, 19, 1, 15 },
	[COL_PE]       = { "P/E",      7,  7,  1, 16 },
	[COL_YIELD]    = { "YIELD",    6,  6,  1, 17 },
	[COL_VWAP]     = { "VWAP",     10, 10, 1, 18 },
	[COL_PB]       = { "P/B",      6,  6,  1, 19 },
	[COL_LOT]      = { "LOT",      6,  6,  1, 20 },
	[COL_BID]      = { "BID",      10, 10, 1, 21 },
	[COL_ASK]      = { "ASK",      10, 10, 1, 22 },
	/* Held positions (shown when a row is held): P&L outlasts TIME, the
	 * day's P&L VOLUME; at equal priority the earlier column drops first. */
	[COL_QTY]      = { "QTY",      8,  8,  1, 12 },
	[COL_VALUE]    = { "VALUE",    8,  8,  1, 11 },
	[COL_DAY_PNL]  = { "DAY P&L",  8,  8,  1, 6 },
	[COL_PNL]      = { "P&L",      8,  8,  1, 5 },
};

static int total(const struct columns_layout *l, int lead)
{
	int sum = lead;

	for (int i = 0; i < l->n; i++)
		sum += l->width[l->order[i]];
	return sum + (l->n > 1 ? l->n - 1 : 0);
}

/* The shown column that drops next: the highest priority number, an
 * extra only while extras_only. -1 if none. */
static int next_drop(const struct columns_layout *l, bool extras_only)
{
	int drop = -1;

	for (int i = 0; i < l->n; i++) {
		int c = l->order[i];
		if (extras_only && columns_specs[c].priority <= COLUMNS_EXTRA)
			continue;
		if (drop < 0 || columns_specs[c].priority > columns_specs[drop].priority)
			drop = c;
	}
	return drop;
}

static void drop(struct columns_layout *l, int col)
{
	int k = 0;

	for (int i = 0; i < l->n; i++)
		if (l->order[i] != col)
			l->order[k++] = l->order[i];
	l->n = k;
	l->width[col] = 0;
}

int columns_fit(const int *want, size_t nwant, int width, int lead, int name_want,
		struct columns_layout *l)
{
	int name_min = columns_specs[COL_NAME].min, x = lead, c;

	memset(l, 0, sizeof *l);
	l->cols = width;
	l->lead = lead;
	l->name_want = name_want;
	for (size_t i = 0; i < nwant; i++) {
		if (want[i] < 0 || want[i] >= COL_COUNT || l->width[want[i]])
			continue;
		l->order[l->n++] = want[i];
		l->width[want[i]] = columns_specs[want[i]].width;
	}
	if (name_want < name_min)
		name_want = name_min;
	if (name_want > COLUMNS_NAME_MAX)
		name_want = COLUMNS_NAME_MAX;
	/* Whole before the extras, cut before the main columns. */
	l->width[COL_NAME] = l->width[COL_NAME] ? name_want : 0;
	while (l->n > 1 && total(l, lead) > width && (c = next_drop(l, true)) >= 0)
		drop(l, c);
	if (l->width[COL_NAME] && total(l, lead) > width) {
		int cut = total(l, lead) - width, spare = l->width[COL_NAME] - name_min;
		l->width[COL_NAME] -= cut < spare ? cut : spare > 0 ? spare : 0;
	}
	while (l->n > 1 && total(l, lead) > width)
		drop(l, next_drop(l, false));
	/* Still too wide for the last column: clip it, never overflow. */
	if (l->n == 1 && total(l, lead) > width)
		l->width[l->order[0]] = width - lead > 0 ? width - lead : 0;
	for (int i = 0; i < l->n; i++) {
		l->x[l->order[i]] = x;
		x += l->width[l->order[i]] + 1;
	}
	return l->n;
}

int columns_refit(const int *want, size_t nwant, struct columns_layout *l)
{
	return columns_fit(want, nwant, l->cols, l->lead, l->name_want, l);
}

bool columns_shown(const struct columns_layout *l, int col)
{
	return col >= 0 && col < COL_COUNT && l->width[col] > 0;
}

int columns_at(const struct columns_layout *l, int x)
{
	for (int i = 0; i < l->n; i++) {
		int c = l->order[i];
		if (x >= l->x[c] && x <= l->x[c] + l->width[c])
			return c;
	}
	return -1;
}

int columns_sort_next(const struct columns_layout *l, int sort)
{
	int i = 0;

	if (columns_shown(l, sort))
		while (l->order[i] != sort)
			i++;
	for (i = columns_shown(l, sort) ? i + 1 : 0; i < l->n; i++)
		if (board_col_sortable(l->order[i]))
			return l->order[i];
	return -1;
}

void columns_cut(const char *s, int width, bool utf8, char *out, size_t len)
{
	const char *mark = utf8 ? "\u2026" : "~";
	size_t k;

	if (!len)
		return;
	if (width <= 0) {
		out[0] = '\0';
		return;
	}
	if (text_width(s) <= width) {
		snprintf(out, len, "%s", s);
		return;
	}
	k = text_fit(s, width - 1, NULL);
	snprintf(out, len, "%.*s%s", (int)k, s, mark);
}

size_t columns_changed_from(const char *now, const char *was)
{
	size_t n = strlen(now), i = 0;

	if (n != strlen(was))
		return 0;
	while (i < n && now[i] == was[i])
		i++;
	return i;
}
