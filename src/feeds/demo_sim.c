/* demo_sim.c - the simulated trading day: paths, auctions, the story, history
 *
 * Each stock's log distance from its previous close is a shared market
 * factor (times the stock's beta), an overnight gap, its own random walk
 * and, for the names of the day's story, a move that starts when the
 * story breaks and settles by the close. The walk of a story name is a
 * Brownian bridge pinned to zero at the close, so the story's names close
 * where the story says whatever the seed: Alibaba about 5.5 % up on a
 * chip deal, Baidu far more, the AI-chip names after them. Indexes follow
 * the cap-weighted move of the stocks. Trading follows the HKEX day
 * (HK-FACTS §3a): the pre-opening auction matches at a random moment
 * from 09:20 and sets the open, the lunch break trades nothing, the
 * closing auction ends at a random moment from 16:08 with one last
 * print; the ADRs trade the US session of the same date. Prices are
 * integers in thousandths on the HKEX spread table, so every figure
 * derived from them adds up exactly as the real feed's do. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "feeds/demo_sim.h"

#define MAX_MOVE 0.2           /* log return: no stock strays over 22 % from its close */
#define DAY_TURNOVER 0.003     /* share of the float a stock trades in a day */
#define MARKET_GAP_SD 0.004    /* the market's overnight gap */
#define MARKET_DAY_SD 0.009    /* and its spread over the day */
#define STORY_TAU 12.0         /* minutes a story move takes to be mostly done */
#define HIST_PULL 0.004        /* the history's pull back toward today's level */
#define HOUR 3600

/* The day's story (share/demo-news.xml tells it at the same minutes): a
 * chip deal for Alibaba at 10:14, the AI-chip names after it. Percent
 * move by the close, and the minute bar it starts at (0 = 09:30; the
 * ADRs' bar 0 is their open, 09:30 New York). */
static const struct {
	const char *symbol;
	double pct;
	int bar;
} story[] = {
	{ "9988", 5.6, 45 },   /* 10:15 Alibaba: the deal */
	{ "9888", 13.8, 45 },  /* Baidu: its Kunlunxin chips are the deal */
	{ "6082", 11.2, 50 },  /* 10:20 Biren */
	{ "9903", 9.4, 50 },   /* Iluvatar CoreX */
	{ "0981", 6.3, 52 },   /* 10:22 SMIC */
	{ "1347", 7.1, 52 },   /* Hua Hong */
	{ "9660", 4.8, 70 },   /* 10:40 Horizon Robotics */
	{ "0020", 5.9, 70 },   /* SenseTime */
	{ "BABA.N", 6.0, 0 },
	{ "BIDU.OQ", 14.6, 0 },
};

/* ---- randomness: splitmix64, so a seed replays the same day ------------- */

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

/* Each instrument draws from its own stream: adding a name to demo.tsv
 * leaves the others' days as they were. */
static uint64_t stream(uint64_t seed, const char *name)
{
	uint64_t h = 1469598103934665603ULL;

	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return seed ^ h;
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- the clock of the day ----------------------------------------------- */

long long demo_sim_grid(const struct demo_inst *s, double milli, time_t when)
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

int demo_sim_bars_at(const struct demo *d, const struct demo_inst *s, time_t t)
{
	long sec = (long)(t - d->day), k;

	if (s->in.market == MARKET_US) {
		if (t < d->us_open)
			return 0;
		k = (long)(t - d->us_open) / 60 + 1;
		return k > DEMO_US_BARS ? DEMO_US_BARS : (int)k;
	}
	if (sec < 9 * HOUR + 1800)
		return 0;
	if (sec < 12 * HOUR)
		return (int)((sec - 9 * HOUR - 1800) / 60 + 1);
	if (sec < 13 * HOUR)
		return DEMO_HK_MORNING;
	if (sec < 16 * HOUR)
		return DEMO_HK_MORNING + (int)((sec - 13 * HOUR) / 60 + 1);
	return t < d->close_at ? DEMO_HK_BARS - 1 : DEMO_HK_BARS;
}

time_t demo_sim_bar_time(const struct demo *d, const struct demo_inst *s, int k)
{
	if (s->in.market == MARKET_US)
		return d->us_open + 60 * k;
	if (k < DEMO_HK_MORNING)
		return d->day + 9 * HOUR + 1800 + 60 * k;
	if (k < DEMO_HK_BARS - 1)
		return d->day + 13 * HOUR + 60 * (k - DEMO_HK_MORNING);
	return d->close_at - d->close_at % 60;
}

/* A full trading day: the morning session at 10:00 (half days count). */
static bool trading_day(const struct market_calendar *cal, time_t day)
{
	struct market_status ms;
	long long n = hktime_day(day, HKT_OFFSET);

	if (!cal)
		return (n + 4) % 7 != 0 && (n + 4) % 7 != 6;
	market_status(cal, day + 10 * HOUR, &ms);
	return ms.session == MARKET_MORNING;
}

/* ---- drawing the day ---------------------------------------------------- */

static bool alloc_paths(struct demo_inst *s, int bars)
{
	s->bars = bars;
	s->px = calloc((size_t)bars, sizeof *s->px);
	s->cumvol = calloc((size_t)bars, sizeof *s->cumvol);
	s->cumturn = calloc((size_t)bars, sizeof *s->cumturn);
	s->hist = calloc(DEMO_HIST_DAYS, sizeof *s->hist);
	return s->px && s->cumvol && s->cumturn && s->hist;
}

/* How far along its story s is at bar k: 0 before, 1 at the last bar. */
static double ramp(const struct demo_inst *s, int k)
{
	double u = k - s->story_bar + 1, whole = s->bars - s->story_bar;

	if (u <= 0)
		return 0;
	return (1 - exp(-u / STORY_TAU)) / (1 - exp(-whole / STORY_TAU));
}

/* Trade in lots: busier at the open and the close, after a move, and
 * once a story breaks. */
static void trade(struct demo_inst *s, int k, double weight, double moved, uint64_t *r,
		  long long *vol, long long *turn)
{
	double want = s->f.shares * DAY_TURNOVER / s->bars * weight * (0.5 + uniform(r)) *
		      (1.0 + 60.0 * moved);
	long long lots;

	if (s->story != 0 && k >= s->story_bar)
		want *= 1.0 + 3.0 * exp(-(k - s->story_bar) / 40.0);
	lots = (long long)(want / (double)s->f.lot);
	*vol += lots * s->f.lot;
	*turn += lots * s->f.lot * s->px[k];
}

/* A stock's day. mkt[k] is the market factor at bar k, mkt_open at the
 * opening auction. */
static void draw_stock(struct demo *d, struct demo_inst *s, const double *mkt, double mkt_open,
		       uint64_t *r)
{
	double x[DEMO_US_BARS], sd = s->vol / sqrt((double)s->bars), walk = 0;
	double gap = 0.3 * s->vol * gauss(r), target = 0, prev = (double)s->f.prev;
	long long vol = 0, turn = 0, last;
	int n = s->bars;
	bool us = s->in.market == MARKET_US;

	for (int k = 0; k < n; k++)
		x[k] = walk += sd * gauss(r);
	if (s->story != 0) {
		for (int k = 0; k < n; k++)
			x[k] -= x[n - 1] * (k + 1) / n;
		target = s->story - (s->beta * mkt[n - 1] + gap);
	}
	s->open = demo_sim_grid(s, prev * exp(clamp(s->beta * mkt_open + gap, -MAX_MOVE, MAX_MOVE)),
				d->day);
	if (!us) {
		s->auction_vol = (long long)(s->f.shares * DAY_TURNOVER / 40.0 * (0.5 + uniform(r)) /
					     (double)s->f.lot) * s->f.lot;
		vol = s->auction_vol;
		turn = vol * s->open;
	}
	last = s->open;
	for (int k = 0; k < n; k++) {
		double rr = s->beta * mkt[k] + gap + x[k] + target * ramp(s, k);
		double w = 1.0 + 1.2 * exp(-k / 20.0) + 0.8 * exp(-(n - 2 - k) / 25.0);

		s->px[k] = demo_sim_grid(s, prev * exp(clamp(rr, -MAX_MOVE, MAX_MOVE)), d->day);
		if (!us && k == n - 1)
			w = 6.0; /* the closing auction's print */
		trade(s, k, w, fabs((double)(s->px[k] - last) / prev), r, &vol, &turn);
		s->cumvol[k] = vol;
		s->cumturn[k] = turn;
		last = s->px[k];
	}
}

/* An index: the cap-weighted move of the HK stocks, and a little noise. */
static void draw_index(struct demo *d, struct demo_inst *s, uint64_t *r)
{
	double noise = 0, sd = s->vol / sqrt((double)s->bars), prev = (double)s->f.prev;

	for (int k = -1; k < s->bars; k++) {
		double sum = 0, weight = 0;
		long long turn = 0;

		for (size_t i = 0; i < d->n; i++) {
			const struct demo_inst *o = &d->v[i];
			double w = (double)o->f.prev * o->f.shares;
			long long p = k < 0 ? o->open : o->px[k];

			if (o->in.market != MARKET_HK)
				continue;
			sum += w * ((double)p / (double)o->f.prev - 1.0);
			weight += w;
			turn += k < 0 ? o->auction_vol * o->open : o->cumturn[k];
		}
		if (k >= 0)
			noise += sd * gauss(r);
		sum = prev * (1.0 + (weight > 0 ? sum / weight : 0)) * exp(noise);
		if (k < 0) {
			s->open = demo_sim_grid(s, sum, d->day);
			s->auction_vol = turn; /* an index's figure is its market's turnover */
		} else {
			s->px[k] = demo_sim_grid(s, sum, d->day);
			s->cumturn[k] = turn;
		}
	}
}

/* Day bars before the demo day, drawn backwards from the previous close. */
static void draw_history(struct demo *d, struct demo_inst *s, const struct market_calendar *cal,
			 uint64_t *r)
{
	bool idx = s->in.market == MARKET_HK_INDEX;
	double sd = idx ? 0.012 : hypot(s->vol, s->beta * 0.015), c = (double)s->f.prev;
	time_t t = d->day;

	for (int j = DEMO_HIST_DAYS - 1; j >= 0; j--) {
		struct demo_day *h = &s->hist[j];
		double rr = sd * gauss(r) + HIST_PULL * log(c / (double)s->f.prev), o, hi, lo;
		int guard = 0;

		do
			t -= 86400;
		while (!trading_day(cal, t) && ++guard < 30);
		h->t = t;
		h->close = j == DEMO_HIST_DAYS - 1 ? s->f.prev : demo_sim_grid(s, c, t);
		c = (double)h->close / exp(rr);
		o = c * exp(0.25 * sd * gauss(r));
		h->open = demo_sim_grid(s, o, t);
		hi = fmax((double)h->open, (double)h->close) * exp(0.5 * sd * fabs(gauss(r)));
		lo = fmin((double)h->open, (double)h->close) * exp(-0.5 * sd * fabs(gauss(r)));
		h->high = demo_sim_grid(s, hi, t);
		h->low = demo_sim_grid(s, lo, t);
		if (h->high < h->open || h->high < h->close)
			h->high = h->open > h->close ? h->open : h->close;
		if (h->low > h->open || h->low > h->close)
			h->low = h->open < h->close ? h->open : h->close;
		if (!idx)
			h->volume = (long long)(s->f.shares * DAY_TURNOVER * (0.5 + uniform(r)) *
						(1 + 15 * fabs(rr)) / (double)s->f.lot) * s->f.lot;
	}
}

static void find_story(struct demo_inst *s)
{
	struct instrument in;
	char err[64];

	for (size_t i = 0; i < sizeof story / sizeof story[0]; i++)
		if (symbol_parse(story[i].symbol, &in, err, sizeof err) && symbol_equal(&in, &s->in)) {
			s->story = log(1 + story[i].pct / 100);
			s->story_bar = story[i].bar;
		}
}

bool demo_sim_build(struct demo *d, const struct market_calendar *cal)
{
	double hk[DEMO_HK_BARS], us[DEMO_US_BARS], hk_open, us_open, m = 0;
	uint64_t r = d->seed;
	long long y, n = hktime_day(d->day, HKT_OFFSET);
	int mo, dd;

	hktime_civil_from_days(n, &y, &mo, &dd);
	hktime_make((int)y, mo, dd, 9, 30, 0, hktime_us_eastern_offset((int)y, mo, dd, 9), &d->us_open);
	d->match_at = d->day + 9 * HOUR + 20 * 60 + (time_t)(uniform(&r) * 120);
	d->close_at = d->day + 16 * HOUR + 8 * 60 + (time_t)(uniform(&r) * 120);
	hk_open = MARKET_GAP_SD * gauss(&r);
	for (int k = 0; k < DEMO_HK_BARS; k++)
		hk[k] = m += MARKET_DAY_SD / sqrt(DEMO_HK_BARS) * gauss(&r) + (k ? 0 : hk_open);
	us_open = MARKET_GAP_SD * gauss(&r);
	m = 0;
	for (int k = 0; k < DEMO_US_BARS; k++)
		us[k] = m += MARKET_DAY_SD / sqrt(DEMO_US_BARS) * gauss(&r) + (k ? 0 : us_open);
	for (size_t i = 0; i < d->n; i++) {
		struct demo_inst *s = &d->v[i];
		bool is_us = s->in.market == MARKET_US;
		uint64_t own = stream(d->seed, s->in.display);

		find_story(s);
		if (!alloc_paths(s, is_us ? DEMO_US_BARS : DEMO_HK_BARS))
			return false;
		draw_history(d, s, cal, &own);
		if (s->in.market != MARKET_HK_INDEX)
			draw_stock(d, s, is_us ? us : hk, is_us ? us_open : hk_open, &own);
	}
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].in.market == MARKET_HK_INDEX) {
			uint64_t own = stream(d->seed, d->v[i].in.display);
			draw_index(d, &d->v[i], &own);
		}
	return true;
}

void demo_sim_free(struct demo *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].px);
		free(d->v[i].cumvol);
		free(d->v[i].cumturn);
		free(d->v[i].hist);
	}
}

/* ---- the day at a moment ------------------------------------------------ */

bool demo_sim_today(const struct demo *d, const struct demo_inst *s, time_t t,
		    struct demo_day *out)
{
	int nb = demo_sim_bars_at(d, s, t);
	bool hk = s->in.market != MARKET_US;

	if (nb == 0 && !(hk && t >= d->match_at))
		return false;
	memset(out, 0, sizeof *out);
	out->t = d->day;
	out->open = out->high = out->low = out->close = s->open;
	out->volume = hk ? s->auction_vol : 0;
	for (int k = 0; k < nb; k++) {
		if (s->px[k] > out->high)
			out->high = s->px[k];
		if (s->px[k] < out->low)
			out->low = s->px[k];
		out->close = s->px[k];
		out->volume = s->cumvol[k];
	}
	if (s->in.market == MARKET_HK_INDEX)
		out->volume = 0;
	return true;
}

/* When the quote was last made: the moment itself while the market
 * trades, else the end of the last session. */
static time_t stamp_of(const struct demo *d, const struct demo_inst *s, time_t t)
{
	long sec = (long)(t - d->day);

	if (s->in.market == MARKET_US) {
		if (t < d->us_open) { /* 16:00 New York of the last session's date */
			long long y;
			int mo, dd;
			time_t close = 0;

			hktime_civil_from_days(hktime_day(s->hist[DEMO_HIST_DAYS - 1].t, HKT_OFFSET),
					       &y, &mo, &dd);
			hktime_make((int)y, mo, dd, 16, 0, 0,
				    hktime_us_eastern_offset((int)y, mo, dd, 16), &close);
			return close;
		}
		return t < d->us_open + 390 * 60 ? t : d->us_open + 390 * 60;
	}
	if (sec < 9 * HOUR)
		return s->hist[DEMO_HIST_DAYS - 1].t + 16 * HOUR + 10 * 60;
	if (sec >= 12 * HOUR && sec < 13 * HOUR)
		return d->day + 12 * HOUR;
	return t < d->close_at ? t : d->close_at;
}

void demo_sim_figures(const struct demo *d, const struct demo_inst *s, time_t t,
		      struct demo_figures *f, time_t *stamp)
{
	const struct demo_day *last = &s->hist[DEMO_HIST_DAYS - 1];
	struct demo_day today;
	long long turn = 0;
	int nb = demo_sim_bars_at(d, s, t);

	*f = s->f;
	*stamp = stamp_of(d, s, t);
	if (demo_sim_today(d, s, t, &today)) {
		turn = nb ? s->cumturn[nb - 1] : s->in.market == MARKET_HK_INDEX ? s->auction_vol :
		       s->auction_vol * s->open;
	} else if (s->in.market == MARKET_US) {
		/* Before its session an ADR shows the last one. */
		today = *last;
		f->prev = s->hist[DEMO_HIST_DAYS - 2].close;
		turn = last->volume * ((last->open + last->close) / 2);
	} else {
		/* Before the auction matches: the previous close, nothing traded. */
		today = (struct demo_day){ d->day, s->f.prev, s->f.prev, s->f.prev, s->f.prev, 0 };
	}
	f->price = today.close;
	f->open = today.open;
	f->high = today.high;
	f->low = today.low;
	f->volume = today.volume;
	f->turnover = turn;
	f->high52 = today.high;
	f->low52 = today.low;
	for (int j = DEMO_HIST_DAYS - 250; j < DEMO_HIST_DAYS; j++) {
		if (s->hist[j].high > f->high52)
			f->high52 = s->hist[j].high;
		if (s->hist[j].low < f->low52)
			f->low52 = s->hist[j].low;
	}
}
