/* demo_sim.h - the simulated trading day behind --demo (internal to feeds/)
 *
 * The whole day is drawn at start-up from the seed: a minute path per
 * instrument over the HKEX session (and the US session for the ADRs),
 * the auctions, and about five years of day bars before it. What the demo
 * shows at a moment is then a pure function of that moment: a quote line
 * (demo.c), the minute bars so far and the day and week bars (demo_series.c)
 * all read the same path, so they agree to the share and the tenth of a
 * cent. */
#ifndef HKTOP_DEMO_SIM_H
#define HKTOP_DEMO_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "feeds/demo_wire.h"
#include "model/market.h"
#include "model/symbol.h"

#define DEMO_HK_MORNING 150   /* minute bars 09:30-11:59 */
#define DEMO_HK_BARS 331      /* and 13:00-15:59, then the closing auction's */
#define DEMO_US_BARS 390      /* 09:30-15:59 US Eastern */
#define DEMO_HIST_DAYS 1330   /* day bars before the demo day: 265 weeks and more */

/* A day's bar; prices in thousandths. */
struct demo_day {
	time_t t;                 /* 00:00 HKT of the day */
	long long open, high, low, close, volume;
};

struct demo_inst {
	struct instrument in;
	struct demo_figures f;    /* the fixed figures: names, lot, shares, prev */
	double vol, beta;         /* own daily spread; pull of the market factor */
	double story;             /* the day's story: log move by the close (0: none) */
	int story_bar;            /* the bar it starts at */
	int bars;                 /* DEMO_HK_BARS or DEMO_US_BARS */
	long long open;           /* the opening auction's price */
	long long auction_vol;    /* and its volume */
	long long *px;            /* [bars]: price at the end of each minute */
	long long *cumvol;        /* [bars]: volume so far (with the auction's) */
	long long *cumturn;       /* [bars]: turnover so far, thousandths */
	struct demo_day *hist;    /* DEMO_HIST_DAYS, oldest first */
};

struct demo {
	struct demo_inst *v;
	size_t n;
	uint64_t seed;
	time_t day;               /* 00:00 HKT of the simulated day */
	time_t match_at;          /* the pre-opening auction's random matching */
	time_t close_at;          /* the closing auction's random close */
	time_t us_open;           /* 09:30 US Eastern of the same date */
};

/* Draw the day of d (its instruments loaded, day set) from its seed; the
 * history's dates skip the days cal closes (NULL: weekends only). False
 * when out of memory. */
bool demo_sim_build(struct demo *d, const struct market_calendar *cal);
void demo_sim_free(struct demo *d);

/* The instrument of d, or NULL. */
const struct demo_inst *demo_find(const struct demo *d, const struct instrument *in);

/* The price on the grid nearest milli (thousandths). */
long long demo_sim_grid(const struct demo_inst *s, double milli, time_t when);

/* Minute bars of s traded by t (0 before the first), and bar k's start. */
int demo_sim_bars_at(const struct demo *d, const struct demo_inst *s, time_t t);
time_t demo_sim_bar_time(const struct demo *d, const struct demo_inst *s, int k);

/* s's quote line at t (figures and the time it is stamped with). */
void demo_sim_figures(const struct demo *d, const struct demo_inst *s, time_t t,
		      struct demo_figures *f, time_t *stamp);

/* The day's bar of s as of t, from its minute bars: false before any
 * trade (and for the ADRs before their session). */
bool demo_sim_today(const struct demo *d, const struct demo_inst *s, time_t t,
		    struct demo_day *out);

#endif
