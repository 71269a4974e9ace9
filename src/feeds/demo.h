/* demo.h - a simulated trading day that answers in the services' own wire
 * formats
 *
 * `hktop --demo` runs offline through the same pipeline as live mode: the
 * simulator writes reply bodies exactly as the services would (Tencent's
 * GBK qt lines, v_r_hk00700="100~...~";, its minute and kline JSON,
 * Yahoo's chart JSON) and the app hands them to the real parsers. What
 * the demo shows has therefore passed the real parsers' checks. */
#ifndef HKTOP_DEMO_H
#define HKTOP_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/num.h"
#include "feeds/series_source.h"
#include "model/symbol.h"

struct demo; /* opaque */
struct market_calendar;

/* Build a simulated market from demo.tsv text (tsv, len bytes; see
 * share/demo.tsv for the columns) for the HKT day of `start`: the whole
 * day is drawn from the seed (the same seed, the same figures, byte for
 * byte), with day bars before it on the trading days of cal (NULL:
 * weekdays). NULL with "line N: cause" (or an iconv or memory cause) in
 * err. */
struct demo *demo_new(const char *tsv, size_t len, unsigned long seed, time_t start,
		      const struct market_calendar *cal, char *err, size_t errlen);
void demo_free(struct demo *d);

/* Where --demo starts: minute_of_day (HKT) on the latest full trading day
 * of cal on or before now's date. */
time_t demo_pick_start(const struct market_calendar *cal, time_t now, int minute_of_day);

/* Write a Tencent qt body, GBK-encoded, with the quotes of the n requested
 * instruments at `now` into a new buffer (*body, *len, NUL-terminated) the
 * caller frees. A function of now alone: asking again for an earlier time
 * answers as it did then. An instrument the demo does not know gets
 * `v_<code>="";`, exactly what the real service sends for an unknown
 * code. False only when out of memory, with a cause in err. */
bool demo_body(const struct demo *d, time_t now, const struct instrument *in, size_t n,
	       char **body, size_t *len, char *err, size_t errlen);

/* A chart reply as of `now` to req (series_source_plan's), in its
 * endpoint's wire format (Tencent minute or kline JSON, Yahoo chart JSON),
 * for the real parser to read. False when the demo does not know the
 * instrument (err says so) or out of memory. */
bool demo_series_body(const struct demo *d, time_t now, const struct instrument *in,
		      const struct series_request *req, char **body, size_t *len,
		      char *err, size_t errlen);

/* The demo day's USD/HKD: a fixed rate inside the peg's band (HK-FACTS
 * §3c), drawn from the seed, four decimals as Yahoo gives it. */
struct num demo_usdhkd(const struct demo *d);

/* ---- the demo clock ----------------------------------------------------- */

/* Demo time runs `speed` times as fast as the monotonic clock, from `at`
 * when the monotonic clock read at_ms; paused, it stands. Pure. */
struct demo_clock {
	time_t at;
	long long at_ms;
	long speed;
	bool paused;
};

void demo_clock_init(struct demo_clock *c, time_t start, long speed, long long mono_ms);
time_t demo_clock_now(const struct demo_clock *c, long long mono_ms);
void demo_clock_pause(struct demo_clock *c, bool pause, long long mono_ms);
/* Move the clock by secs, paused or not. */
void demo_clock_step(struct demo_clock *c, long secs, long long mono_ms);
/* Monotonic ms until the demo clock turns its next minute; -1 when paused. */
long long demo_clock_next_minute_ms(const struct demo_clock *c, long long mono_ms);

#endif
