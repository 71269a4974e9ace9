/* intraday.h - a minute series of one instrument, as the rally board
 * draws it: the last good series and how its latest fetch went
 *
 * net/minute_fetch.c fills an array of these; the view reads them through
 * the dash (tui/dash.h) without knowing how they were fetched. */
#ifndef HKTOP_INTRADAY_H
#define HKTOP_INTRADAY_H

#include <stdbool.h>

#include "model/series.h"

struct intraday_entry {
	struct instrument in;
	struct series s;        /* the last good series; s.n == 0 for none */
	bool done;              /* a fetch for it has finished, good or not */
	bool stale;             /* the latest fetch failed: s is older */
	char err[SERIES_ERR_MAX];
};

#endif
