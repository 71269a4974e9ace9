/* series.h - price bars for the detail view's charts: the model, its
 * checks and the chart ranges (the parsers and URLs: feeds/series_source.h)
 *
 * Pure: no I/O. A parser builds a series with series_begin .. series_end
 * and either fills a whole series whose every bar has been checked, or
 * refuses the reply with a cause; it never hands back a series with a
 * wrong bar in it. */
#ifndef HKTOP_SERIES_H
#define HKTOP_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/num.h"
#include "model/symbol.h"

#define SERIES_MAX_BARS 20000              /* more is not a chart reply */
#define SERIES_ERR_MAX 256

/* One bar. Prices are > 0 and low <= open, close <= high; volume is shares
 * traded within the bar (not cumulative), !ok when the source has none
 * that means anything (indexes). */
struct bar {
	time_t t;                          /* start of the bar (a day's bars: 00:00 local) */
	struct num open, high, low, close;
	struct num volume;
};

struct series {
	struct bar *v;                     /* owned; strictly increasing t */
	size_t n;
	struct instrument in;
	struct num prev_close;             /* the close before the day; !ok when unknown */
	int utc_offset;                    /* of the exchange, to show bar times */
	int interval;                      /* seconds per bar: 60, 300, 86400, 604800 */
	int dp;                            /* decimals to show prices with */
	bool ohlc;                         /* false: each bar is one price (Tencent minute) */
	char source[16];                   /* "tencent", "yahoo" */
	char err[SERIES_ERR_MAX];          /* "<source>: <symbol>: <cause>" on failure */
};

/* Free the bars and empty *s; its err is kept. Safe on a zeroed series. */
void series_done(struct series *s);

/* Is there a break in trading between bars i-1 and i that a chart must not
 * draw a line across? For intraday series: a new exchange day, and for HK
 * the lunch break (bar i-1 before 13:00, bar i from 13:00). A daily series
 * skipping a weekend has none. */
bool series_gap_before(const struct series *s, size_t i);

/* ---- chart ranges ------------------------------------------------------- */

enum series_range {
	SERIES_1D, SERIES_5D, SERIES_1M, SERIES_3M, SERIES_6M, SERIES_1Y, SERIES_5Y,
	SERIES_RANGE_COUNT
};

struct series_range_def {
	const char *name;                  /* "1D", shown on the range bar */
};

extern const struct series_range_def series_ranges[SERIES_RANGE_COUNT];

/* Parse "1D", "5y" ... (case-insensitive). */
bool series_range_parse(const char *s, enum series_range *out);

/* ---- building a series: what every parser does -------------------------- */

/* Empty *s and name the source, the exchange's offset and the bar size
 * (0: the shortest step between bars). */
void series_begin(struct series *s, const struct instrument *in, const char *source,
		  int utc_offset, int interval);

/* Drop the bars and write "<source>: <symbol>: <cause>"; returns false. */
bool series_fail(struct series *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Room for n bars; refuses 0 and more than SERIES_MAX_BARS. */
bool series_alloc(struct series *s, size_t n);

/* Append a bar after checking it; refuses the series if it is not
 * believable. The caller must have allocated room. */
bool series_push(struct series *s, const struct bar *b);

/* After the last bar: at least one, and the interval known. */
bool series_end(struct series *s);

/* A bar's time for messages: "2026-08-07 10:31", or the date of a day bar. */
const char *series_when(const struct series *s, time_t t, char *buf, size_t len);

/* Feed text made safe for an error message. */
const char *series_show(const char *text, size_t len, char *buf, size_t cap);

#endif
