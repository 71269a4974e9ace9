/* series.c - the bar series model, its checks, and the chart ranges
 *
 * The parsers (feeds/series_tencent.c, series_yahoo.c) build a series
 * here: every bar goes through series_push, which refuses the whole series on
 * the first bar that is not believable (a price not above 0, low above
 * high, time not after the bar before). A chart with a wrong bar in it is
 * worse than no chart. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/hktime.h"
#include "model/series.h"
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

void series_done(struct series *s)
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

/* ---- building a series (the parsers) ----------------------------------- */

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

	series_done(s);
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

/* ---- chart ranges ------------------------------------------------------- */

const struct series_range_def series_ranges[SERIES_RANGE_COUNT] = {
	[SERIES_1D] = { "1D" }, [SERIES_5D] = { "5D" }, [SERIES_1M] = { "1M" },
	[SERIES_3M] = { "3M" }, [SERIES_6M] = { "6M" }, [SERIES_1Y] = { "1Y" },
	[SERIES_5Y] = { "5Y" },
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
