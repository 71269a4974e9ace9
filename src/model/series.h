/* series.h - price bars for the detail view's charts: the model, the
 * three parsers (Tencent minute, Tencent kline, Yahoo chart) and the URLs
 * that fetch them
 *
 * Pure: no I/O. A parser either fills a whole series whose every bar has
 * been checked, or refuses the reply with a cause; it never hands back a
 * series with a wrong bar in it. */
#ifndef HKTOP_SERIES_H
#define HKTOP_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/num.h"
#include "model/symbol.h"

#define SERIES_MAX_BARS 20000              /* more is not a chart reply */
#define SERIES_MAX_BODY (8 * 1024 * 1024)  /* bigger replies are refused unread */
#define SERIES_ERR_MAX 256
#define SERIES_URL_MAX 512

#define SERIES_TENCENT_BASE "https://web.ifzq.gtimg.cn"
#define SERIES_YAHOO_BASE "https://query1.finance.yahoo.com"

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
void series_free(struct series *s);

/* Is there a break in trading between bars i-1 and i that a chart must not
 * draw a line across? For intraday series: a new exchange day, and for HK
 * the lunch break (bar i-1 before 13:00, bar i from 13:00). A daily series
 * skipping a weekend has none. */
bool series_gap_before(const struct series *s, size_t i);

/* The parsers. Each overwrites *out (without freeing it) and returns true
 * with at least one bar, or false with out->err set and no bars. */

/* appstock/app/minute/query?code=hk00700: one day, HKT, a bar a minute
 * ("HHMM price cumVolume cumTurnover"), none in the lunch break. */
bool series_parse_tencent_minute(const char *body, size_t len, const struct instrument *in,
				 struct series *out);

/* appstock/app/fqkline/get?param=hk00700,day,,,320,qfq, with or without a
 * "name=" prefix. period is "day" or "week". Rows are [date, open, close,
 * high, low, volume, ...]. */
bool series_parse_tencent_kline(const char *body, size_t len, const struct instrument *in,
				const char *period, struct series *out);

/* v8/finance/chart/0700.HK: bars with a null anywhere are skipped, prices
 * rounded to meta.priceHint decimals. */
bool series_parse_yahoo_chart(const char *body, size_t len, const struct instrument *in,
			      struct series *out);

/* ---- what to fetch for a chart range ------------------------------------ */

enum series_range {
	SERIES_1D, SERIES_5D, SERIES_1M, SERIES_3M, SERIES_6M, SERIES_1Y, SERIES_5Y,
	SERIES_RANGE_COUNT
};

enum series_endpoint {
	SERIES_TENCENT_MINUTE,
	SERIES_TENCENT_KLINE,
	SERIES_YAHOO_CHART,
};

/* One row per range: where each source finds it. */
struct series_range_def {
	const char *name;                  /* "1D", shown on the range bar */
	enum series_endpoint tencent;      /* the Tencent endpoint, or SERIES_YAHOO_CHART
					    * when Yahoo is the first choice */
	const char *kline_period;          /* "day", "week" for SERIES_TENCENT_KLINE */
	int kline_count;                   /* bars to ask for */
	const char *yahoo_range, *yahoo_interval;
};

extern const struct series_range_def series_ranges[SERIES_RANGE_COUNT];

/* Parse "1D", "5y" ... (case-insensitive). */
bool series_range_parse(const char *s, enum series_range *out);

/* A request: which parser reads the reply, and the URL. */
struct series_request {
	enum series_endpoint endpoint;
	const char *period;                /* for SERIES_TENCENT_KLINE */
	char url[SERIES_URL_MAX];
};

/* Plan the fetch of range r: the first choice, or with fallback the other
 * source. HK stocks and indexes go to Tencent except 5D (Yahoo 5-minute
 * bars); US listings go to Yahoo only. False with a cause when there is no
 * such request (US has no fallback; Yahoo has only 1D and 5D of HSTECH).
 * A NULL base means the public host. */
bool series_plan(const struct instrument *in, enum series_range r, bool fallback,
		 const char *tencent_base, const char *yahoo_base,
		 struct series_request *req, char *err, size_t errlen);

/* Parse a reply to req with the parser it calls for. */
bool series_parse(const struct series_request *req, const char *body, size_t len,
		  const struct instrument *in, struct series *out);

/* The URL builders; false when the instrument has no code there or buf is
 * too small. */
bool series_tencent_minute_url(const char *base, const struct instrument *in,
			       char *buf, size_t len);
bool series_tencent_kline_url(const char *base, const struct instrument *in,
			      const char *period, int count, char *buf, size_t len);
bool series_yahoo_url(const char *base, const struct instrument *in, enum series_range r,
		      char *buf, size_t len);

#endif
