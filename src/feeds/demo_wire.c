/* demo_wire.c - the simulated market's figures, written as Tencent qt lines
 *
 * The layouts follow the real lines of FORMATS.md §1.1 field by field,
 * including the fields we never read, so the real parser sees nothing it
 * would not see from qt.gtimg.cn. Derived figures are computed from the
 * printed ones where the feed's arithmetic demands it (change, VWAP). */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feeds/demo_wire.h"
#include "base/hktime.h"

static void put(struct demo_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct demo_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	size_t ncap;
	char *np;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (b->len + (size_t)n + 1 > b->cap) {
		ncap = b->cap * 2 + (size_t)n + 4096;
		if (!(np = realloc(b->p, ncap))) {
			b->oom = true;
			return;
		}
		b->p = np;
		b->cap = ncap;
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void demo_wire_put(struct demo_buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof small) {
		put(b, "%s", small);
		return;
	}
	b->oom = true; /* the demo writes no field this long */
}

bool demo_wire_take(struct demo_buf *b, char **body, size_t *len, char *err, size_t errlen)
{
	if (!b->oom && !b->p && !(b->p = calloc(1, 1)))
		b->oom = true;
	if (b->oom) {
		free(b->p);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	*body = b->p;
	*len = b->len;
	return true;
}

static void sep(struct demo_buf *b)
{
	if (!b->first)
		put(b, "~");
	b->first = false;
}

#define F(b, ...) do { sep(b); put(b, __VA_ARGS__); } while (0)

static void zeros(struct demo_buf *b, int k)
{
	while (k-- > 0)
		F(b, "0");
}

static void empty(struct demo_buf *b, int k)
{
	while (k-- > 0)
		F(b, "%s", "");
}

/* v in units of 10^-dp, printed with dp (2 or 3) decimals. Integer
 * arithmetic: no "-0.00", no 478.79999. */
static void fixed(struct demo_buf *b, long long v, int dp)
{
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	unsigned long long scale = dp == 2 ? 100 : 1000;

	F(b, "%s%llu.%0*llu", v < 0 ? "-" : "", a / scale, dp, a % scale);
}

#define PRICE(b, v) fixed(b, v, 3)
#define PCT(b, x) fixed(b, llround((x) * 100.0), 2)

static double price_of(const struct demo_figures *f)
{
	return (double)f->price / 1000.0;
}

/* P/E, P/B: price over a per-share figure; 0 (shown blank) without one. */
static double multiple(struct num per_share, double price)
{
	return per_share.ok && per_share.v != 0 ? price / per_share.v : 0;
}

static double yield(const struct demo_figures *f)
{
	return f->dps.ok ? f->dps.v / price_of(f) * 100.0 : 0;
}

/* Fields 3-5: price, previous close, open. */
static void head(struct demo_buf *b, const char *market_id, const struct demo_figures *f)
{
	F(b, "%s", market_id);
	F(b, "%s", f->name);
	F(b, "%s", f->reply);
	PRICE(b, f->price);
	PRICE(b, f->prev);
	PRICE(b, f->open);
}

/* Fields 31-34, the same in every layout. */
static void moves(struct demo_buf *b, const struct demo_figures *f)
{
	PRICE(b, f->price - f->prev);
	PCT(b, (double)(f->price - f->prev) / (double)f->prev * 100.0);
	PRICE(b, f->high);
	PRICE(b, f->low);
}

static double amplitude(const struct demo_figures *f)
{
	return (double)(f->high - f->low) / (double)f->prev * 100.0;
}

static void hk_stock(struct demo_buf *b, const struct demo_figures *f, const char *when)
{
	double pe = multiple(f->eps, price_of(f)), cap = price_of(f) * f->shares / 1e8;

	head(b, "100", f);
	F(b, "%lld.0", f->volume);
	zeros(b, 2);
	PRICE(b, f->price);                   /* 9: "bid" = last; HK has no book */
	zeros(b, 9);
	PRICE(b, f->price);                   /* 19: "ask" */
	zeros(b, 9);
	F(b, "%lld.0", f->volume);            /* 29 */
	F(b, "%s", when);
	moves(b, f);
	PRICE(b, f->price);                   /* 35 */
	F(b, "%lld.0", f->volume);
	PRICE(b, f->turnover);
	zeros(b, 1);
	PCT(b, pe);                           /* 39 */
	empty(b, 1);
	zeros(b, 2);
	PCT(b, amplitude(f));                 /* 43 */
	F(b, "%.4f", cap);                    /* 44, 45: market cap in 亿 */
	F(b, "%.4f", cap);
	F(b, "%s", f->name_en);
	PCT(b, yield(f));
	PRICE(b, f->high52);
	PRICE(b, f->low52);
	zeros(b, 7);                          /* 50-56 */
	PCT(b, pe);
	PCT(b, multiple(f->bvps, price_of(f)));
	PCT(b, (double)f->volume / f->shares * 100.0); /* 59: turnover rate */
	F(b, "%ld", f->lot);
	zeros(b, 2);
	F(b, "GP");                           /* 63 */
	zeros(b, 5);
	F(b, "%.2f", f->shares);              /* 69, 70 */
	F(b, "%.2f", f->shares);
	PCT(b, pe);
	F(b, "%.3f", f->dps.ok ? f->dps.v : 0.0);
	PRICE(b, f->volume ? llround((double)f->turnover / (double)f->volume) : f->price);
	zeros(b, 1);
	F(b, "HKD");                          /* 75 */
	F(b, "1");
	F(b, "50");
}

/* Fields 6, 36 and 37 carry the turnover in 10^4 HK$; there is no volume. */
static void hk_index(struct demo_buf *b, const struct demo_figures *f, const char *when)
{
	double turnover = (double)f->turnover / 1e7;

	head(b, "100", f);
	F(b, "%.4f", turnover);
	zeros(b, 22);
	F(b, "0.0");                          /* 29 */
	F(b, "%s", when);
	moves(b, f);
	PRICE(b, f->price);
	F(b, "%.4f", turnover);
	F(b, "%.4f", turnover);
	zeros(b, 2);
	empty(b, 1);
	zeros(b, 2);
	PCT(b, amplitude(f));                 /* 43 */
	zeros(b, 2);
	F(b, "%s", f->name_en);
	zeros(b, 1);
	PRICE(b, f->high52);
	PRICE(b, f->low52);
	zeros(b, 13);                         /* 50-62 */
	F(b, "ZS");
	zeros(b, 11);                         /* 64-74 */
	F(b, "HKD");
	zeros(b, 2);
}

/* US lines have a real book (a cent either side here) and put the
 * currency at 35. */
static void us_stock(struct demo_buf *b, const struct demo_figures *f, const char *when)
{
	double cap = price_of(f) * f->shares / 1e8;

	head(b, "200", f);
	F(b, "%lld", f->volume);
	zeros(b, 2);
	PRICE(b, f->price > 10 ? f->price - 10 : f->price);
	F(b, "300");
	zeros(b, 8);
	PRICE(b, f->price + 10);              /* 19 */
	F(b, "200");
	zeros(b, 8);
	empty(b, 1);                          /* 29 */
	F(b, "%s", when);
	moves(b, f);
	F(b, "USD");                          /* 35 */
	F(b, "%lld", f->volume);
	PRICE(b, f->turnover);
	PCT(b, (double)f->volume / f->shares * 100.0);
	PCT(b, multiple(f->eps, price_of(f)));
	empty(b, 3);                          /* 40-42 */
	PCT(b, amplitude(f));
	PCT(b, cap);                          /* 44, 45: market cap in 亿 US$ */
	PCT(b, cap);
	F(b, "%s", f->name_en);
	PCT(b, yield(f));
	PRICE(b, f->high52);
	PRICE(b, f->low52);
	zeros(b, 1);
	empty(b, 1);
	F(b, "GP");                           /* 52 */
	zeros(b, 3);
	F(b, "%.0f", f->shares);              /* 56 */
	zeros(b, 14);                         /* 57-70 */
}

void demo_wire_line(struct demo_buf *b, const char *code, const struct demo_figures *f,
		    const char *when)
{
	put(b, "v_%s=\"", code);
	b->first = true;
	if (f && f->market == MARKET_HK)
		hk_stock(b, f, when);
	else if (f && f->market == MARKET_HK_INDEX)
		hk_index(b, f, when);
	else if (f)
		us_stock(b, f, when);
	put(b, "\";\n");
}

void demo_wire_stamp(char *buf, size_t len, time_t now, bool us)
{
	int off = HKT_OFFSET;
	time_t t;
	struct tm tm;

	if (us) {
		/* The offset depends on the Eastern date; EST gets that right
		 * but for an hour a year. */
		t = now - 5 * 3600;
		gmtime_r(&t, &tm);
		off = hktime_us_eastern_offset(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
					       tm.tm_hour);
	}
	t = now + off;
	gmtime_r(&t, &tm);
	strftime(buf, len, us ? "%Y-%m-%d %H:%M:%S" : "%Y/%m/%d %H:%M:%S", &tm);
}
