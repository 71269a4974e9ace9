/* demo.c - a simulated market that answers in Tencent's own wire format
 *
 * Each stock's log distance from its previous close is a shared market
 * factor (times the stock's beta) plus its own part, both mean-reverting
 * random walks (Ornstein-Uhlenbeck, stepped exactly for any time gap, so
 * a refresh after five seconds and one after an hour are equally right).
 * Indexes follow the cap-weighted average of the stocks. Prices are kept
 * in thousandths as integers and rounded to the HKEX spread table, so the
 * lines add up exactly as the real feed's do: change = price - previous
 * close at the printed decimals, VWAP = turnover / volume, and so on. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feeds/demo.h"
#include "feeds/demo_wire.h"
#include "base/hktime.h"
#include "model/market.h"
#include "base/num.h"
#include "base/text.h"

#define DEMO_COLS 10
#define HALF_LIFE_S (4 * 3600.0) /* a move fades by half in four hours */
#define MARKET_SD 0.015     /* spread of the shared factor, as a log return */
#define MAX_MOVE 0.15       /* log return: no stock strays over 16% from its close */
#define DAY_TURNOVER 0.003  /* share of the float a stock trades in a day */
#define SESSION_S (5.5 * 3600)
#define OPENING_S 1800.0    /* what the day has traded by the first quote */
#define OPEN_S (9 * 3600 + 30 * 60)  /* 09:30 HKT */
#define WARMUP_STEP_S 60

enum { COL_SYMBOL, COL_PREV, COL_LOT, COL_SHARES, COL_VOL, COL_EPS, COL_BVPS,
       COL_DPS, COL_NAME_EN, COL_NAME_ZH };

struct demo_inst {
	struct instrument in;
	struct demo_figures f;         /* the day so far, as its line shows it */
	double vol;                    /* spread of its own part (an index: its noise) */
	double beta;                   /* how hard the market factor moves it */
	double x;                      /* its own part now, a log deviation */
};

struct demo {
	struct demo_inst *v;
	size_t n;
	uint64_t rng;
	double market;                 /* shared log deviation */
	time_t t;                      /* the market has been simulated up to here */
};

/* ---- randomness: splitmix64, so a seed replays the same market ---------- */

static uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double uniform(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) * 0x1.0p-53;
}

/* Box-Muller; the second variate is dropped to keep the draw order simple. */
static double gauss(uint64_t *s)
{
	double u1 = 1.0 - uniform(s), u2 = uniform(s);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * 3.14159265358979323846 * u2);
}

/* One exact Ornstein-Uhlenbeck step with stationary spread sd. */
static double ou_step(double x, double sd, double decay, double z)
{
	return x * decay + sd * sqrt(1.0 - decay * decay) * z;
}

/* ---- prices ------------------------------------------------------------- */

/* The nearest price on the grid, in thousandths. HKEX bands end on
 * multiples of both neighbouring ticks, so rounding across a band edge
 * lands on the edge itself and stays on the grid. */
static long long on_grid(const struct demo_inst *s, double milli, time_t when)
{
	long long tick = 10; /* US cents; index hundredths */
	long long p;

	if (s->in.market == MARKET_HK) {
		tick = llround(market_tick_size(milli / 1000.0, when) * 1000.0);
		if (tick <= 0)
			tick = milli > 1000.0 ? 5000 : 1;
	}
	p = llround(milli / (double)tick) * tick;
	return p < tick ? tick : p;
}

static void set_price(struct demo_inst *s, long long p)
{
	s->f.price = p;
	if (p > s->f.high)
		s->f.high = p;
	if (p < s->f.low)
		s->f.low = p;
	if (s->f.high > s->f.high52)
		s->f.high52 = s->f.high;
	if (s->f.low < s->f.low52)
		s->f.low52 = s->f.low;
}

/* Trade for secs seconds: busier when the price has just moved. */
static void trade(struct demo *d, struct demo_inst *s, double secs, double moved)
{
	double want = s->f.shares * DAY_TURNOVER * secs / SESSION_S *
		      (0.5 + uniform(&d->rng)) * (1.0 + 30.0 * moved);
	long long lots = (long long)(want / (double)s->f.lot);

	s->f.volume += lots * s->f.lot;
	s->f.turnover += lots * s->f.lot * s->f.price;
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Stocks first, then the indexes, which only read the stocks. */
static void move_stocks(struct demo *d, double decay, double secs, time_t when)
{
	for (size_t i = 0; i < d->n; i++) {
		struct demo_inst *s = &d->v[i];
		double r;
		long long was = s->f.price;

		if (s->in.market == MARKET_HK_INDEX)
			continue;
		s->x = ou_step(s->x, s->vol, decay, gauss(&d->rng));
		r = clamp(s->beta * d->market + s->x, -MAX_MOVE, MAX_MOVE);
		set_price(s, on_grid(s, (double)s->f.prev * exp(r), when));
		trade(d, s, secs, fabs((double)(s->f.price - was) / (double)s->f.prev));
	}
}

/* An index's turnover is its market's: here, all the simulated stocks'. */
static void move_indexes(struct demo *d, double decay)
{
	double sum = 0, weight = 0;
	long long turnover = 0;

	for (size_t i = 0; i < d->n; i++) {
		const struct demo_inst *s = &d->v[i];
		double w = (double)s->f.prev * s->f.shares;

		if (s->in.market != MARKET_HK)
			continue;
		sum += w * ((double)s->f.price / (double)s->f.prev - 1.0);
		weight += w;
		turnover += s->f.turnover;
	}
	for (size_t i = 0; i < d->n; i++) {
		struct demo_inst *s = &d->v[i];
		double level;

		if (s->in.market != MARKET_HK_INDEX)
			continue;
		s->x = ou_step(s->x, s->vol, decay, gauss(&d->rng));
		level = (double)s->f.prev * (1.0 + (weight > 0 ? sum / weight : 0)) * exp(s->x);
		set_price(s, on_grid(s, level, 0));
		s->f.turnover = turnover;
	}
}

/* 09:30 HKT of t's day. */
static time_t session_open(time_t t)
{
	long long local = (long long)t + HKT_OFFSET;
	long long day = local / 86400 - (local % 86400 < 0);

	return (time_t)(day * 86400 + OPEN_S - HKT_OFFSET);
}

/* Seconds of (t0, t1] of trading: all of them, for the demo market is
 * open around the clock (demo_wire_stamp), so that it is alive whenever
 * it is run and its volume moves with its prices. */
static double trading_secs(time_t t0, time_t t1)
{
	return t1 > t0 ? difftime(t1, t0) : 0;
}

static void advance(struct demo *d, time_t now)
{
	double decay;

	if (now <= d->t)
		return;
	decay = exp(-log(2.0) * difftime(now, d->t) / HALF_LIFE_S);
	d->market = ou_step(d->market, MARKET_SD, decay, gauss(&d->rng));
	move_stocks(d, decay, trading_secs(d->t, now), now);
	move_indexes(d, decay);
	d->t = now;
}

/* The day opens a little away from the previous close, with the volume of
 * its first half hour already done. */
static void open_day(struct demo *d, time_t start)
{
	d->t = start;
	d->market = 0.3 * MARKET_SD * gauss(&d->rng);
	for (size_t i = 0; i < d->n; i++) {
		struct demo_inst *s = &d->v[i];

		s->x = 0.3 * s->vol * gauss(&d->rng);
		s->f.high52 = on_grid(s, (double)s->f.prev * 1.38, start);
		s->f.low52 = on_grid(s, (double)s->f.prev * 0.72, start);
		s->f.high = 0;
		s->f.low = INT64_MAX;
		if (s->in.market == MARKET_HK_INDEX)
			continue;
		set_price(s, on_grid(s, (double)s->f.prev *
				     exp(clamp(s->beta * d->market + s->x, -MAX_MOVE, MAX_MOVE)),
				     start));
		s->f.open = s->f.price;
		trade(d, s, OPENING_S, 0);
		if (s->f.volume == 0)
			trade(d, s, SESSION_S, 0);
	}
	move_indexes(d, 1.0);
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].in.market == MARKET_HK_INDEX)
			d->v[i].f.open = d->v[i].f.price;
}

/* ---- demo.tsv ----------------------------------------------------------- */

static bool span_num(struct text_span f, bool optional, struct num *out)
{
	if (optional && text_span_is(f, "-")) {
		out->ok = false;
		return true;
	}
	return num_parse(f.p, f.len, out);
}

/* Text we put between '~' and '"' must not contain either. */
static bool plain_text(struct text_span f)
{
	if (f.len == 0 || f.len >= DEMO_NAME_MAX)
		return false;
	for (size_t i = 0; i < f.len; i++)
		if ((unsigned char)f.p[i] < 0x20 || f.p[i] == 0x7f || f.p[i] == '~' ||
		    f.p[i] == '"' || f.p[i] == '\\')
			return false;
	return true;
}

static bool to_gbk(iconv_t cd, struct text_span f, char *out, size_t cap)
{
	char in[DEMO_NAME_MAX], *ip = in, *op = out;
	size_t il = f.len, ol = cap - 1;

	memcpy(in, f.p, f.len);
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		return false;
	*op = '\0';
	return true;
}

static const char *parse_row(struct demo *d, struct text_span *f, iconv_t cd,
			     struct demo_inst *s, time_t start)
{
	char sym[SYMBOL_MAX + 8], cause[128];
	struct num prev, lot, shares, vol;
	bool hk, idx;

	if (f[COL_SYMBOL].len >= sizeof sym)
		return "symbol too long";
	memcpy(sym, f[COL_SYMBOL].p, f[COL_SYMBOL].len);
	sym[f[COL_SYMBOL].len] = '\0';
	if (!symbol_parse(sym, &s->in, cause, sizeof cause))
		return "not a symbol";
	for (size_t i = 0; i < d->n; i++)
		if (symbol_equal(&d->v[i].in, &s->in))
			return "listed twice";
	s->f.market = s->in.market;
	hk = s->in.market == MARKET_HK;
	idx = s->in.market == MARKET_HK_INDEX;
	/* Tencent answers usBABA with the venue: BABA.N. */
	if (s->in.market == MARKET_US && !strchr(sym, '.'))
		return "US listings need the venue suffix Tencent replies with (.N, .OQ)";
	snprintf(s->f.reply, sizeof s->f.reply, "%s", s->in.market == MARKET_US ? sym : s->in.code);
	if (!span_num(f[COL_PREV], false, &prev) || prev.v <= 0 || prev.v > 1e6)
		return "bad previous close";
	s->f.prev = llround(prev.v * 1000);
	if (on_grid(s, (double)s->f.prev, start) != s->f.prev)
		return "previous close is off the price grid";
	if (!span_num(f[COL_LOT], !hk, &lot) || (hk && (!lot.ok || lot.v < 1 || lot.v > 1e6 ||
						       lot.v != floor(lot.v))))
		return "bad board lot";
	s->f.lot = hk ? (long)lot.v : 1;
	if (!span_num(f[COL_SHARES], idx, &shares) || (!idx && (!shares.ok || shares.v < 1)))
		return "bad share count";
	s->f.shares = shares.ok ? shares.v : 0;
	if (!span_num(f[COL_VOL], false, &vol) || vol.v <= 0 || vol.v > 20)
		return "bad volatility (percent, above 0 and at most 20)";
	s->vol = vol.v / 100;
	s->beta = idx ? 0 : clamp(s->vol / 0.016, 0.6, 1.6);
	if (!span_num(f[COL_EPS], true, &s->f.eps) || !span_num(f[COL_BVPS], true, &s->f.bvps) ||
	    !span_num(f[COL_DPS], true, &s->f.dps))
		return "bad per-share figure";
	if (!plain_text(f[COL_NAME_EN]) || !plain_text(f[COL_NAME_ZH]))
		return "bad name (empty, too long, or with ~ \" \\ or a control)";
	memcpy(s->f.name_en, f[COL_NAME_EN].p, f[COL_NAME_EN].len);
	s->f.name_en[f[COL_NAME_EN].len] = '\0';
	if (!to_gbk(cd, f[COL_NAME_ZH], s->f.name, sizeof s->f.name))
		return "Chinese name has no GBK form";
	return NULL;
}

static bool load(struct demo *d, const char *tsv, size_t len, time_t start,
		 char *err, size_t errlen)
{
	struct text_span f[DEMO_COLS];
	const char *cause;
	size_t pos = 0, lineno = 0, cap = 0;
	iconv_t cd = iconv_open("GBK", "UTF-8");
	bool ok = true;

	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, "demo data: iconv UTF-8 to GBK: %s", strerror(errno));
		return false;
	}
	while (ok && pos < len) {
		const char *line = tsv + pos, *nl = memchr(line, '\n', len - pos);
		struct text_span row = { line, nl ? (size_t)(nl - line) : len - pos };
		struct demo_inst *nv;

		pos += row.len + (nl != NULL);
		lineno++;
		if (row.len && row.p[row.len - 1] == '\r')
			row.len--;
		if (row.len == 0 || row.p[0] == '#')
			continue;
		if (d->n == cap) {
			cap = cap ? cap * 2 : 64;
			if (!(nv = realloc(d->v, cap * sizeof *nv))) {
				snprintf(err, errlen, "out of memory");
				ok = false;
				break;
			}
			d->v = nv;
		}
		memset(&d->v[d->n], 0, sizeof d->v[d->n]);
		if (text_split(row, '\t', f, DEMO_COLS) != DEMO_COLS)
			cause = "want 10 tab-separated columns";
		else
			cause = parse_row(d, f, cd, &d->v[d->n], start);
		if (cause) {
			snprintf(err, errlen, "demo data, line %zu: %s", lineno, cause);
			ok = false;
		}
		d->n++;
	}
	iconv_close(cd);
	if (ok && d->n == 0) {
		snprintf(err, errlen, "demo data: no instruments");
		ok = false;
	}
	return ok;
}

struct demo *demo_new(const char *tsv, size_t len, unsigned long seed, time_t start,
		      char *err, size_t errlen)
{
	struct demo *d = calloc(1, sizeof *d);
	time_t t;

	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (!load(d, tsv, len, start, err, errlen)) {
		demo_free(d);
		return NULL;
	}
	d->rng = (uint64_t)seed;
	/* Open at 09:30 and trade up to start a minute at a time, so the first
	 * screen already has a day behind it: a range, a volume, an open
	 * unlike the last price. Before 09:30 the day opens at start. */
	t = session_open(start);
	if (t > start)
		t = start;
	open_day(d, t);
	while ((t += WARMUP_STEP_S) < start)
		advance(d, t);
	advance(d, start);
	return d;
}

void demo_free(struct demo *d)
{
	if (!d)
		return;
	free(d->v);
	free(d);
}

/* ---- the reply body ----------------------------------------------------- */

static const struct demo_inst *find(const struct demo *d, const struct instrument *in)
{
	for (size_t i = 0; i < d->n; i++)
		if (symbol_equal(&d->v[i].in, in))
			return &d->v[i];
	return NULL;
}

bool demo_body(struct demo *d, time_t now, const struct instrument *in, size_t n,
	       char **body, size_t *len, char *err, size_t errlen)
{
	struct demo_buf b = { 0 };
	char code[SYMBOL_MAX + 8], hk_when[32], us_when[32];

	*body = NULL;
	*len = 0;
	advance(d, now);
	demo_wire_stamp(hk_when, sizeof hk_when, now, false);
	demo_wire_stamp(us_when, sizeof us_when, now, true);
	for (size_t i = 0; i < n; i++) {
		const struct demo_inst *s = find(d, &in[i]);

		/* No code, no request: the live app would not have asked. */
		if (symbol_tencent(&in[i], true, code, sizeof code))
			demo_wire_line(&b, code, s ? &s->f : NULL,
				       s && s->in.market == MARKET_US ? us_when : hk_when);
	}
	if (!b.oom && !b.p && !(b.p = calloc(1, 1)))
		b.oom = true;
	if (b.oom) {
		free(b.p);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	*body = b.p;
	*len = b.len;
	return true;
}
