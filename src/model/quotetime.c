/* quotetime.c - a quote's time: its exchange's clock and its source's usual delay
 *
 * A quote is shown on its own exchange's clock, so a New York close of
 * Friday 16:04 reads as Friday's, not as Saturday morning in Hong Kong.
 *
 * A quote is old when the feed should have brought a newer one: when its
 * exchange has traded longer since it than the feed usually lags. So the
 * clock of trading is counted, not the wall clock's: the last price of a
 * session stays the current one through the lunch break, the night and
 * the weekend, and the mark means what a trader takes it for. */
#include "config.h"

#include "base/fmt.h"
#include "model/quotetime.h"

#define HKEX_FREE_DELAY_S 900 /* HKEX: free quotes are at least 15 minutes late */
#define DAY_S 86400

enum hktime_zone quotetime_zone(const struct quote *q)
{
	return quotetime_zone_of(&q->in);
}

enum hktime_zone quotetime_zone_of(const struct instrument *in)
{
	return in->market == MARKET_US ? HKTIME_US_EASTERN : HKTIME_HK;
}

long quotetime_usual_delay(const struct quote *q)
{
	long delay = HKEX_FREE_DELAY_S;

	if (q->source)
		quote_usual_delay(q->source, q->in.market, &delay);
	return delay;
}

/* The US regular session of the New York day `day` (days since
 * 1970-01-01): 09:30-16:00 on weekdays, each end at the offset then in
 * force. Without a US holiday calendar a holiday counts as a trading
 * day: the mark shows then, the cautious side. */
static size_t us_day_spans(long long day, struct market_span out[MARKET_SPANS_MAX])
{
	long long w = (day + 4) % 7, y; /* 0 = Sunday: 1970-01-01 was a Thursday */
	int mo, d;

	if (w < 0)
		w += 7;
	if (w == 0 || w == 6)
		return 0;
	hktime_civil_from_days(day, &y, &mo, &d);
	if (!hktime_make((int)y, mo, d, 9, 30, 0, hktime_us_eastern_offset((int)y, mo, d, 9),
			 &out[0].start) ||
	    !hktime_make((int)y, mo, d, 16, 0, 0, hktime_us_eastern_offset((int)y, mo, d, 16),
			 &out[0].end))
		return 0;
	return 1;
}

bool quotetime_is_old(const struct quote *q, const struct market_calendar *cal, time_t now,
		      long refresh_s)
{
	long long allow = (long long)quotetime_usual_delay(q) + refresh_s + QUOTE_GRACE_S;
	long long gap = (long long)now - (long long)q->time, traded = 0, last;
	enum hktime_zone z = quotetime_zone(q);

	/* The trading time is never more than the wall clock's: most rows,
	 * fresh ones, are answered here; and a quote of weeks ago is old
	 * without a walk over its days. */
	if (!q->time || gap <= allow)
		return false;
	if (gap > (long long)QUOTE_OLD_DAYS * DAY_S)
		return true;
	last = hktime_day(now, hktime_zone_offset(z, now));
	for (long long day = hktime_day(q->time, hktime_zone_offset(z, q->time)); day <= last;
	     day++) {
		struct market_span sp[MARKET_SPANS_MAX];
		size_t n = z == HKTIME_US_EASTERN ? us_day_spans(day, sp)
						  : market_day_spans(cal, day, sp);

		for (size_t i = 0; i < n; i++) {
			time_t from = sp[i].start > q->time ? sp[i].start : q->time;
			time_t to = sp[i].end < now ? sp[i].end : now;

			/* Stop once past the allowance: the rest cannot undo it. */
			if (to > from && (traded += (long long)(to - from)) > allow)
				return true;
		}
	}
	return false;
}

int quotetime_cell(const struct quote *q, const struct market_calendar *cal, time_t now,
		   long refresh_s, char *buf, size_t len)
{
	enum hktime_zone z = quotetime_zone(q);

	if (len > 0)
		buf[0] = '\0';
	if (!q->time)
		return 0;
	/* The zone's offsets, not q->utc_offset: the exchange's, whoever parsed it */
	return fmt_quote_time(q->time, hktime_zone_offset(z, q->time), now,
			      hktime_zone_offset(z, now), quotetime_is_old(q, cal, now, refresh_s),
			      buf, len);
}
