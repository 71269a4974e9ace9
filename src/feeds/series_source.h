/* series_source.h - the chart parsers (Tencent minute, Tencent kline,
 * Yahoo chart), the URLs that fetch each range, and which parser reads a
 * reply (pure: no I/O) */
#ifndef HKTOP_SERIES_SOURCE_H
#define HKTOP_SERIES_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/series.h"
#include "model/symbol.h"

#define SERIES_MAX_BODY (8 * 1024 * 1024)  /* bigger replies are refused unread */
#define SERIES_URL_MAX 512

#define SERIES_TENCENT_BASE "https://web.ifzq.gtimg.cn"
#define SERIES_YAHOO_BASE "https://query1.finance.yahoo.com"

/* The parsers. Each overwrites *out (without freeing it) and returns true
 * with at least one bar, or false with out->err set and no bars. */

/* appstock/app/minute/query?code=hk00700: one day, HKT, a bar a minute
 * ("HHMM price cumVolume cumTurnover"), none in the lunch break. */
bool series_tencent_parse_minute(const char *body, size_t len, const struct instrument *in,
				 struct series *out);

/* appstock/app/fqkline/get?param=hk00700,day,,,320,qfq, with or without a
 * "name=" prefix. period is "day" or "week". Rows are [date, open, close,
 * high, low, volume, ...]. */
bool series_tencent_parse_kline(const char *body, size_t len, const struct instrument *in,
				const char *period, struct series *out);

/* v8/finance/chart/0700.HK: bars with a null anywhere are skipped, prices
 * rounded to meta.priceHint decimals. */
bool series_yahoo_parse_chart(const char *body, size_t len, const struct instrument *in,
			      struct series *out);

/* ---- what to fetch for a chart range ------------------------------------ */

enum series_endpoint {
	SERIES_TENCENT_MINUTE,
	SERIES_TENCENT_KLINE,
	SERIES_YAHOO_CHART,
};

/* A request: which parser reads the reply, and the URL. */
struct series_request {
	enum series_endpoint endpoint;
	const char *period;                /* for SERIES_TENCENT_KLINE */
	enum series_range range;           /* asked for */
	int count;                         /* kline bars asked for */
	char url[SERIES_URL_MAX];
};

/* Plan the fetch of range r: the first choice, or with fallback the other
 * source. HK stocks and indexes go to Tencent except 5D (Yahoo 5-minute
 * bars); US listings go to Yahoo only. False with a cause when there is no
 * such request (US has no fallback; Yahoo has only 1D and 5D of HSTECH).
 * A NULL base means the public host. */
bool series_source_plan(const struct instrument *in, enum series_range r, bool fallback,
		 const char *tencent_base, const char *yahoo_base,
		 struct series_request *req, char *err, size_t errlen);

/* Parse a reply to req with the parser it calls for. */
bool series_source_parse(const struct series_request *req, const char *body, size_t len,
		  const struct instrument *in, struct series *out);

/* The URL builders; false when the instrument has no code there or buf is
 * too small. */
bool series_source_tencent_minute_url(const char *base, const struct instrument *in,
			       char *buf, size_t len);
bool series_source_tencent_kline_url(const char *base, const struct instrument *in,
			      const char *period, int count, char *buf, size_t len);
bool series_source_yahoo_url(const char *base, const struct instrument *in, enum series_range r,
		      char *buf, size_t len);

#endif
