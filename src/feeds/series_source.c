/* series_source.c - where each chart range is fetched, and which parser reads the reply */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "feeds/series_source.h"

/* Where each source finds a range. */
struct series_range_source {
	enum series_endpoint tencent;      /* the Tencent endpoint, or SERIES_YAHOO_CHART
					    * when Yahoo is the first choice */
	const char *kline_period;          /* "day", "week" for SERIES_TENCENT_KLINE */
	int kline_count;                   /* bars to ask for */
	const char *yahoo_range, *yahoo_interval;
};

/* About 21 trading days a month and 52 weeks a year, with a little over so
 * the range is full; Tencent treats the count as an upper bound. */
static const struct series_range_source range_sources[SERIES_RANGE_COUNT] = {
	[SERIES_1D] = { SERIES_TENCENT_MINUTE, NULL, 0, "1d", "1m" },
	[SERIES_5D] = { SERIES_YAHOO_CHART, "day", 5, "5d", "5m" },
	[SERIES_1M] = { SERIES_TENCENT_KLINE, "day", 25, "1mo", "1d" },
	[SERIES_3M] = { SERIES_TENCENT_KLINE, "day", 66, "3mo", "1d" },
	[SERIES_6M] = { SERIES_TENCENT_KLINE, "day", 130, "6mo", "1d" },
	[SERIES_1Y] = { SERIES_TENCENT_KLINE, "day", 250, "1y", "1d" },
	[SERIES_5Y] = { SERIES_TENCENT_KLINE, "week", 265, "5y", "1wk" },
};

static bool put(size_t len, int n)
{
	return n > 0 && (size_t)n < len;
}

/* Tencent's JSON endpoints answer HK stocks and indexes only here: their US
 * codes need an exchange suffix (usBABA.N) that we do not know for sure. */
static bool tencent_code(const struct instrument *in, char *buf, size_t len)
{
	return in->market != MARKET_US && symbol_tencent(in, false, buf, len);
}

bool series_source_tencent_minute_url(const char *base, const struct instrument *in,
			       char *buf, size_t len)
{
	char code[SYMBOL_MAX + 8];

	return tencent_code(in, code, sizeof code) &&
	       put(len, snprintf(buf, len, "%s/appstock/app/minute/query?code=%s",
				 base ? base : SERIES_TENCENT_BASE, code));
}

bool series_source_tencent_kline_url(const char *base, const struct instrument *in,
			      const char *period, int count, char *buf, size_t len)
{
	char code[SYMBOL_MAX + 8];

	if (strcmp(period, "day") != 0 && strcmp(period, "week") != 0)
		return false;
	if (count < 1 || count > 2000)
		return false;
	return tencent_code(in, code, sizeof code) &&
	       put(len, snprintf(buf, len, "%s/appstock/app/fqkline/get?param=%s,%s,,,%d,qfq",
				 base ? base : SERIES_TENCENT_BASE, code, period, count));
}

/* Yahoo lists HSTECH.HK for these ranges only ("must be one of ['1d', '5d']"). */
static bool yahoo_has(const struct instrument *in, enum series_range r)
{
	return !(in->market == MARKET_HK_INDEX && strcmp(in->code, "HSTECH") == 0 &&
		 r != SERIES_1D && r != SERIES_5D);
}

bool series_source_yahoo_url(const char *base, const struct instrument *in, enum series_range r,
		      char *buf, size_t len)
{
	char sym[SYMBOL_MAX + 8], esc[3 * sizeof sym];
	size_t o = 0;

	if ((unsigned)r >= SERIES_RANGE_COUNT || !yahoo_has(in, r) ||
	    !symbol_yahoo(in, sym, sizeof sym))
		return false;
	/* ^HSI: escape all but the unreserved characters of RFC 3986 */
	for (const char *p = sym; *p; p++) {
		if (isalnum((unsigned char)*p) || strchr("-._~", *p))
			esc[o++] = *p;
		else
			o += (size_t)snprintf(esc + o, sizeof esc - o, "%%%02X", (unsigned char)*p);
	}
	esc[o] = '\0';
	return put(len, snprintf(buf, len, "%s/v8/finance/chart/%s?range=%s&interval=%s",
				 base ? base : SERIES_YAHOO_BASE, esc,
				 range_sources[r].yahoo_range, range_sources[r].yahoo_interval));
}

bool series_source_plan(const struct instrument *in, enum series_range r, bool fallback,
		 const char *tencent_base, const char *yahoo_base,
		 struct series_request *req, char *err, size_t errlen)
{
	const struct series_range_source *d;
	enum series_endpoint e;
	bool ok = false;

	memset(req, 0, sizeof *req);
	if ((unsigned)r >= SERIES_RANGE_COUNT) {
		snprintf(err, errlen, "no such range");
		return false;
	}
	d = &range_sources[r];
	e = in->market == MARKET_US ? SERIES_YAHOO_CHART : d->tencent;
	if (fallback) {
		if (in->market == MARKET_US) {
			snprintf(err, errlen, "%s: no second source for US charts", in->display);
			return false;
		}
		/* Yahoo's 5-minute bars first, Tencent's days second */
		e = e == SERIES_YAHOO_CHART ? SERIES_TENCENT_KLINE : SERIES_YAHOO_CHART;
	}
	req->endpoint = e;
	req->range = r;
	req->count = d->kline_count;
	switch (e) {
	case SERIES_TENCENT_MINUTE:
		ok = series_source_tencent_minute_url(tencent_base, in, req->url, sizeof req->url);
		break;
	case SERIES_TENCENT_KLINE:
		req->period = d->kline_period;
		ok = series_source_tencent_kline_url(tencent_base, in, d->kline_period, d->kline_count,
					      req->url, sizeof req->url);
		break;
	case SERIES_YAHOO_CHART:
		if (!yahoo_has(in, r)) {
			snprintf(err, errlen, "%s: Yahoo has only 1D and 5D charts of it",
				 in->display);
			return false;
		}
		ok = series_source_yahoo_url(yahoo_base, in, r, req->url, sizeof req->url);
		break;
	}
	if (!ok)
		snprintf(err, errlen, "%s: no %s chart for this symbol", in->display,
			 e == SERIES_YAHOO_CHART ? "Yahoo" : "Tencent");
	return ok;
}

bool series_source_parse(const struct series_request *req, const char *body, size_t len,
		  const struct instrument *in, struct series *out)
{
	switch (req->endpoint) {
	case SERIES_TENCENT_MINUTE:
		return series_tencent_parse_minute(body, len, in, out);
	case SERIES_TENCENT_KLINE:
		return series_tencent_parse_kline(body, len, in, req->period ? req->period : "day",
						  out);
	case SERIES_YAHOO_CHART:
		return series_yahoo_parse_chart(body, len, in, out);
	}
	series_begin(out, in, "series", 0, 0);
	return series_fail(out, "unknown endpoint");
}
