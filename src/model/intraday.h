/* intraday.h - a minute series of one instrument, as the rally board
 * draws it: the last good series cut into the board's columns, and how
 * its latest fetch went
 *
 * net/minute_fetch.c fills an array of these; the view reads them through
 * the dash (tui/dash.h) without knowing how they were fetched. An entry
 * keeps a few numbers a column, not the series: a board of thousands of
 * tickers holds no thousands of series, and a redraw reads no bars. */
#ifndef HKTOP_INTRADAY_H
#define HKTOP_INTRADAY_H

#include <stdbool.h>
#include <time.h>

#include "model/rally.h"
#include "model/series.h"

struct intraday_entry {
	struct instrument in;
	struct rally_day day;   /* the last good series, cut; see last */
	time_t last;            /* its newest bar's start, 0 for no series */
	time_t end;             /* and that bar's end: the minutes reach to it */
	double prev_close;      /* the series' own, NaN when it has none */
	bool done;              /* a fetch for it has finished, good or not */
	bool stale;             /* the latest fetch failed: day is older */
	char err[SERIES_ERR_MAX];
};

/* Cut minute series s into e's day, as of asof: each bar's close is its
 * price at the end of its minute (bar.t + interval). Columns as
 * rally_columns, of the day of s's newest bar. False when out of memory,
 * e left as it was. */
bool intraday_entry_set(struct intraday_entry *e, const struct series *s, time_t asof, int step,
			bool half_day);

/* Free what e holds, keeping its instrument. */
void intraday_entry_done(struct intraday_entry *e);

#endif
