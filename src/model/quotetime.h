/* quotetime.h - a quote's time: its exchange's clock and its source's usual delay (pure) */
#ifndef HKTOP_QUOTETIME_H
#define HKTOP_QUOTETIME_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/hktime.h"
#include "model/market.h"
#include "model/quote.h"

/* Slack on top of a source's usual delay and the refresh interval before
 * a quote counts as old: the feeds stamp their snapshots a little late. */
#define QUOTE_GRACE_S 60

/* The zone of q's exchange (of in's): New York for a US listing, else Hong Kong. */
enum hktime_zone quotetime_zone(const struct quote *q);
enum hktime_zone quotetime_zone_of(const struct instrument *in);

/* How far behind the exchange q's source usually is, in seconds (from
 * quote_usual_delay; HKEX's 15 minutes when the source is not known). */
long quotetime_usual_delay(const struct quote *q);

/* A quote more than this many days old is old whatever the sessions: no
 * closure of either exchange lasts so long (Easter's is six days), and it
 * bounds the walk over the days. */
#define QUOTE_OLD_DAYS 10

/* Is q old: has its exchange traded, between q's time and now, longer
 * than its source's usual delay, one refresh interval and QUOTE_GRACE_S?
 * Only continuous trading counts: HKEX's morning and afternoon by cal
 * (so not a lunch break, a night, a weekend or a holiday), and for a US
 * listing 09:30-16:00 New York on weekdays (no US holidays are known:
 * they count as trading). A quote without a time is not old. */
bool quotetime_is_old(const struct quote *q, const struct market_calendar *cal, time_t now,
		      long refresh_s);

/* The TIME column's text of q at now (fmt_quote_time on the clock of
 * q's exchange, marked when old); "" when q has no time. */
int quotetime_cell(const struct quote *q, const struct market_calendar *cal, time_t now,
		   long refresh_s, char *buf, size_t len);

#endif
