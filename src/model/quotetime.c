/* quotetime.c - a quote's time: its exchange's clock and its source's usual delay
 *
 * A quote is shown on its own exchange's clock, so a New York close of
 * Friday 16:04 reads as Friday's, not as Saturday morning in Hong Kong. */
#include "config.h"

#include "base/fmt.h"
#include "model/quotetime.h"

#define HKEX_FREE_DELAY_S 900 /* HKEX: free quotes are at least 15 minutes late */

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

bool quotetime_is_old(const struct quote *q, time_t now, long refresh_s)
{
	if (!q->time)
		return false;
	return (long long)now - (long long)q->time >
	       (long long)quotetime_usual_delay(q) + refresh_s + QUOTE_GRACE_S;
}

int quotetime_cell(const struct quote *q, time_t now, long refresh_s, char *buf, size_t len)
{
	enum hktime_zone z = quotetime_zone(q);

	if (len > 0)
		buf[0] = '\0';
	if (!q->time)
		return 0;
	/* The zone's offsets, not q->utc_offset: the exchange's, whoever parsed it */
	return fmt_quote_time(q->time, hktime_zone_offset(z, q->time), now,
			      hktime_zone_offset(z, now), quotetime_is_old(q, now, refresh_s), buf, len);
}
