/* series.c - the bar series model, its checks, and what to fetch per range
 *
 * The parsers live in series_tencent.c and series_yahoo.c and meet here:
 * every bar goes through series_push, which refuses the whole series on
 * the first bar that is not believable (a price not above 0, low above
 * high, time not after the bar before). A chart with a wrong bar in it is
 * worse than no chart. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/hktime.h"
#include "model/series.h"
#include "feeds/series_json.h"
#include "base/text.h"

#define DAY_S 86400
#define LUNCH_END_S (13 * 3600)

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b < 0);
}

static long long floor_mod(long long a, long long b)
{
	return a - floor_div(a, b) * b;
}

void series_free(struct series *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

bool series_gap_before(const struct series *s, size_t i)
{
	long long a, b;

	if (i == 0 || i >= s->n || s->interval <= 0 || s->interval >= DAY_S)
		return false;
	a = (long long)s->v[i - 1].t + s->utc_offset;
	b = (long long)s->v[i].t + s->utc_offset;
	if (floor_div(a, DAY_S) != floor_div(b, DAY_S))
		return true; /* overnight */
	/* HKEX breaks for lunch 12:00-13:00 (HK-FACTS §3a) */
	return s->in.market != MARKET_US && floor_mod(a, DAY_S) < LUNCH_END_S &&
	       floor_mod(b, DAY_S) >= LUNCH_END_S;
}

/* ---- shared by the parsers (series_json.h) ------------------------------ */

void series_begin(struct series *s, const struct instrument *in, const char *source,
		  int utc_offset, int interval)
{
	memset(s, 0, sizeof *s);
	s->in = *in;
	snprintf(s->source, sizeof s->source, "%s", source);
	s->utc_offset = utc_offset;
	s->interval = interval;
	s->ohlc = true;
}

bool series_fail(struct series *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	series_free(s);
	n = snprintf(s->err, sizeof s->err, "%s: %s: ", s->source, s->in.display);
	if (n < 0 || (size_t)n >= sizeof s->err)
		return false;
	va_start(ap, fmt);
	vsnprintf(s->err + n, sizeof s->err - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

bool series_alloc(struct series *s, size_t n)
{
	if (n == 0)
		return series_fail(s, "no bars in the reply");
	if (n > SERIES_MAX_BARS)
		return series_fail(s, "%zu bars in the reply (at most %d)", n, SERIES_MAX_BARS);
	if (!(s->v = calloc(n, sizeof *s->v)))
		return series_fail(s, "out of memory");
	return true;
}

const char *series_when(const struct series *s, time_t t, char *buf, size_t len)
{
	char iso[40];

	hktime_iso8601(t, s->utc_offset, iso, sizeof iso);
	iso[s->interval >= DAY_S ? 10 : 16] = '\0';
	if (iso[10] == 'T')
		iso[10] = ' ';
	if (len) {
		size_t n = strlen(iso);

		/* The caller's buffer may be shorter than a full stamp: cut, never overflow. */
		if (n >= len)
			n = len - 1;
		memcpy(buf, iso, n);
		buf[n] = '\0';
	}
	return buf;
}

const char *series_show(const char *text, size_t len, char *buf, size_t cap)
{
	text_sanitize(buf, cap, text, len);
	return buf;
}

/* Within [low, high], allowing the binary noise of equal decimals. */
static bool holds(struct num lo, struct num hi, struct num x)
{
	double eps = 1e-9 * x.v;

	return x.v >= lo.v - eps && x.v <= hi.v + eps;
}

bool series_push(struct series *s, const struct bar *b)
{
	const struct num *p[] = { &b->open, &b->high, &b->low, &b->close };
	static const char *const names[] = { "open", "high", "low", "close" };
	char when[24];

	series_when(s, b->t, when, sizeof when);
	for (size_t i = 0; i < 4; i++)
		if (!p[i]->ok || !isfinite(p[i]->v) || p[i]->v <= 0)
			return series_fail(s, "bar %s: %s is not above 0", when,
					   s->ohlc ? names[i] : "price");
	if (b->low.v > b->high.v || !holds(b->low, b->high, b->open) ||
	    !holds(b->low, b->high, b->close))
		return series_fail(s, "bar %s: open or close outside low - high", when);
	if (b->volume.ok && (!isfinite(b->volume.v) || b->volume.v < 0))
		return series_fail(s, "bar %s: negative volume", when);
	if (s->n > 0 && b->t <= s->v[s->n - 1].t)
		return series_fail(s, "bar %s is not after the bar before it", when);
	s->v[s->n++] = *b;
	if (b->close.dp > s->dp)
		s->dp = b->close.dp > 6 ? 6 : b->close.dp;
	return true;
}

bool series_end(struct series *s)
{
	if (s->n == 0)
		return series_fail(s, "no bars in the reply");
	/* The shortest step is the bar size when the source did not say it. */
	if (s->interval <= 0) {
		s->interval = DAY_S;
		for (size_t i = 1; i < s->n; i++)
			if (s->v[i].t - s->v[i - 1].t < s->interval)
				s->interval = (int)(s->v[i].t - s->v[i - 1].t);
	}
	if (s->prev_close.ok && !(s->prev_close.v > 0 && isfinite(s->prev_close.v)))
		s->prev_close.ok = false;
	return true;
}

const cJSON *series_get(const cJSON *o, const char *key)
{
	return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

cJSON *series_json(struct series *s, const char *body, size_t len)
{
	const char *p = body, *end = body + len, *q;
	char show[64];
	cJSON *root;

	if (len > SERIES_MAX_BODY) {
		series_fail(s, "reply too large (%zu bytes)", len);
		return NULL;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end) {
		series_fail(s, "empty reply");
		return NULL;
	}
	/* kline_dayqfq={...}: a JavaScript assignment around the object */
	for (q = p; q < end && (isalnum((unsigned char)*q) || *q == '_' || *q == '$'); q++)
		;
	if (q > p && q < end && *q == '=') {
		for (q++; q < end && isspace((unsigned char)*q); q++)
			;
		p = q;
	}
	if (p == end || *p != '{') {
		series_fail(s, "reply is not JSON: \"%s\"",
			    series_show(body, len < 32 ? len : 32, show, sizeof show));
		return NULL;
	}
	if (!(root = cJSON_ParseWithLength(p, (size_t)(end - p)))) {
		series_fail(s, "malformed or truncated JSON");
		return NULL;
	}
	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		series_fail(s, "reply is not a JSON object");
		return NULL;
	}
	return root;
}

/* ---- ranges and URLs ---------------------------------------------------- */

/* About 21 trading days a month and 52 weeks a year, with a little over so
 * the range is full; Tencent treats the count as an upper bound. */
const struct series_range_def series_ranges[SERIES_RANGE_COUNT] = {
	[SERIES_1D] = { "1D", SERIES_TENCENT_MINUTE, NULL, 0, "1d", "1m" },
	[SERIES_5D] = { "5D", SERIES_YAHOO_CHART, "day", 5, "5d", "5m" },
	[SERIES_1M] = { "1M", SERIES_TENCENT_KLINE, "day", 25, "1mo", "1d" },
	[SERIES_3M] = { "3M", SERIES_TENCENT_KLINE, "day", 66, "3mo", "1d" },
	[SERIES_6M] = { "6M", SERIES_TENCENT_KLINE, "day", 130, "6mo", "1d" },
	[SERIES_1Y] = { "1Y", SERIES_TENCENT_KLINE, "day", 250, "1y", "1d" },
	[SERIES_5Y] = { "5Y", SERIES_TENCENT_KLINE, "week", 265, "5y", "1wk" },
};

bool series_range_parse(const char *s, enum series_range *out)
{
	for (int r = 0; r < SERIES_RANGE_COUNT; r++)
		if (strcasecmp(s, series_ranges[r].name) == 0) {
			*out = (enum series_range)r;
			return true;
		}
	return false;
}

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

bool series_tencent_minute_url(const char *base, const struct instrument *in,
			       char *buf, size_t len)
{
	char code[SYMBOL_MAX + 8];

	return tencent_code(in, code, sizeof code) &&
	       put(len, snprintf(buf, len, "%s/appstock/app/minute/query?code=%s",
				 base ? base : SERIES_TENCENT_BASE, code));
}

bool series_tencent_kline_url(const char *base, const struct instrument *in,
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

bool series_yahoo_url(const char *base, const struct instrument *in, enum series_range r,
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
				 series_ranges[r].yahoo_range, series_ranges[r].yahoo_interval));
}

bool series_plan(const struct instrument *in, enum series_range r, bool fallback,
		 const char *tencent_base, const char *yahoo_base,
		 struct series_request *req, char *err, size_t errlen)
{
	const struct series_range_def *d;
	enum series_endpoint e;
	bool ok = false;

	memset(req, 0, sizeof *req);
	if ((unsigned)r >= SERIES_RANGE_COUNT) {
		snprintf(err, errlen, "no such range");
		return false;
	}
	d = &series_ranges[r];
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
	switch (e) {
	case SERIES_TENCENT_MINUTE:
		ok = series_tencent_minute_url(tencent_base, in, req->url, sizeof req->url);
		break;
	case SERIES_TENCENT_KLINE:
		req->period = d->kline_period;
		ok = series_tencent_kline_url(tencent_base, in, d->kline_period, d->kline_count,
					      req->url, sizeof req->url);
		break;
	case SERIES_YAHOO_CHART:
		if (!yahoo_has(in, r)) {
			snprintf(err, errlen, "%s: Yahoo has only 1D and 5D charts of it",
				 in->display);
			return false;
		}
		ok = series_yahoo_url(yahoo_base, in, r, req->url, sizeof req->url);
		break;
	}
	if (!ok)
		snprintf(err, errlen, "%s: no %s chart for this symbol", in->display,
			 e == SERIES_YAHOO_CHART ? "Yahoo" : "Tencent");
	return ok;
}

bool series_parse(const struct series_request *req, const char *body, size_t len,
		  const struct instrument *in, struct series *out)
{
	switch (req->endpoint) {
	case SERIES_TENCENT_MINUTE:
		return series_parse_tencent_minute(body, len, in, out);
	case SERIES_TENCENT_KLINE:
		return series_parse_tencent_kline(body, len, in, req->period ? req->period : "day",
						  out);
	case SERIES_YAHOO_CHART:
		return series_parse_yahoo_chart(body, len, in, out);
	}
	series_begin(out, in, "series", 0, 0);
	return series_fail(out, "unknown endpoint");
}
