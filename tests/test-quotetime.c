/* test-quotetime.c - a quote's time on its exchange's clock, and when it counts as old */
#include "config.h"

#include <stdlib.h>

#include "base/builtin.h"
#include "base/hktime.h"
#include "model/quotetime.h"
#include "tap.h"

static time_t at(int y, int mo, int d, int h, int mi, int s, int off)
{
	time_t t = 0;

	if (!hktime_make(y, mo, d, h, mi, s, off, &t))
		abort();
	return t;
}

static struct quote quote(enum market m, const char *source, time_t t)
{
	struct quote q;

	memset(&q, 0, sizeof q);
	q.in.market = m;
	q.source = source;
	q.time = t;
	q.utc_offset = m == MARKET_US ? -4 * 3600 : HKT_OFFSET;
	return q;
}

static struct market_calendar cal;

static time_t hkt(int y, int mo, int d, int h, int mi, int s)
{
	return at(y, mo, d, h, mi, s, HKT_OFFSET);
}

static void cell(const struct quote *q, time_t now, const char *want, const char *what)
{
	char buf[32];

	quotetime_cell(q, &cal, now, 5, buf, sizeof buf);
	is_str(buf, want, "%s", what);
}

/* Is a quote of source at `from` old at `now` (refresh 5 s)? */
static bool old(enum market m, const char *source, time_t from, time_t now)
{
	struct quote q = quote(m, source, from);

	return quotetime_is_old(&q, &cal, now, 5);
}

/* A quote of `from` is current at `last` and old a second later. */
static void edge(enum market m, const char *source, time_t from, time_t last, const char *what)
{
	ok(!old(m, source, from, last), "%s: current until then", what);
	ok(old(m, source, from, last + 1), "%s: old a second later", what);
}

/* Allowances at a 5 s refresh: Tencent 900 + 5 + 60 = 965 s, Sina 65 s.
 * Only the continuous sessions count towards them. */
static void sessions(void)
{
	time_t noon = hkt(2026, 8, 6, 11, 59, 58); /* a Thursday */
	time_t thu = hkt(2026, 8, 6, 16, 9, 0), fri = hkt(2026, 8, 7, 16, 9, 0);
	time_t eve = hkt(2026, 9, 30, 16, 9, 0), xmas = hkt(2026, 12, 24, 11, 59, 58);

	edge(MARKET_HK, "tencent", hkt(2026, 8, 6, 10, 30, 0), hkt(2026, 8, 6, 10, 46, 5),
	     "feed stopped mid-session, 10:46:05 (965 s)");

	/* The lunch break */
	ok(!old(MARKET_HK, "sina", noon, hkt(2026, 8, 6, 12, 40, 0)),
	   "11:59:58 at 12:40, lunch: sina's quote is current");
	edge(MARKET_HK, "sina", noon, hkt(2026, 8, 6, 13, 1, 3), "sina, 13:01:03 (2 + 63 s)");
	ok(old(MARKET_HK, "sina", noon, hkt(2026, 8, 6, 13, 3, 0)),
	   "at 13:03: three minutes of the afternoon, old");
	ok(!old(MARKET_HK, "tencent", noon, hkt(2026, 8, 6, 13, 3, 0)),
	   "tencent at 13:03: 182 s, within its 965");
	edge(MARKET_HK, "tencent", noon, hkt(2026, 8, 6, 13, 16, 3), "tencent, 13:16:03");
	ok(!old(MARKET_HK_INDEX, "tencent", noon, hkt(2026, 8, 6, 12, 50, 0)),
	   "an index at lunch: current");

	/* The auctions are not counted: nothing trades until their match */
	ok(!old(MARKET_HK, "sina", hkt(2026, 8, 6, 15, 59, 58), hkt(2026, 8, 6, 16, 9, 0)),
	   "15:59:58 at 16:09, the closing auction: not old");
	ok(!old(MARKET_HK, "sina", thu, hkt(2026, 8, 7, 9, 25, 0)),
	   "yesterday's close in the pre-opening: not old");

	/* After the close, overnight, the weekend */
	ok(!old(MARKET_HK, "tencent", thu, hkt(2026, 8, 6, 20, 0, 0)),
	   "16:09 at 20:00: the close is the current price");
	ok(!old(MARKET_HK, "sina", thu, hkt(2026, 8, 7, 3, 0, 0)), "and at 03:00");
	edge(MARKET_HK, "tencent", thu, hkt(2026, 8, 7, 9, 46, 5), "the next morning, 09:46:05");
	ok(!old(MARKET_HK, "tencent", fri, hkt(2026, 8, 8, 12, 0, 0)),
	   "Friday's close on Saturday");
	edge(MARKET_HK, "tencent", fri, hkt(2026, 8, 10, 9, 46, 5),
	     "Friday's close, Monday 09:46:05");

	/* Holidays from share/hkex-calendar.tsv */
	ok(!old(MARKET_HK, "sina", eve, hkt(2026, 10, 1, 11, 0, 0)),
	   "National Day (Thursday 2026-10-01): the eve's close is current");
	edge(MARKET_HK, "sina", eve, hkt(2026, 10, 2, 9, 31, 5), "after National Day, 09:31:05");
	ok(!old(MARKET_HK, "tencent", hkt(2026, 4, 2, 16, 9, 0), hkt(2026, 4, 8, 9, 40, 0)),
	   "Easter: Thursday's close still current the next Wednesday at 09:40");
	ok(old(MARKET_HK, "tencent", hkt(2026, 4, 2, 16, 9, 0), hkt(2026, 4, 8, 10, 0, 0)),
	   "and old at 10:00");

	/* A half day: no afternoon */
	ok(!old(MARKET_HK, "sina", xmas, hkt(2026, 12, 24, 13, 30, 0)),
	   "Christmas Eve, a half day: 11:59:58 at 13:30 is current");
	ok(old(MARKET_HK, "sina", hkt(2026, 12, 23, 11, 59, 58), hkt(2026, 12, 23, 13, 30, 0)),
	   "a full day's 11:59:58 at 13:30 is old");
	edge(MARKET_HK, "sina", xmas, hkt(2026, 12, 28, 9, 31, 3),
	     "over Christmas Day and the weekend, Monday 09:31:03");

	/* Weeks old: old without a walk */
	ok(old(MARKET_HK, "tencent", hkt(2026, 7, 20, 16, 9, 0), hkt(2026, 8, 7, 9, 0, 0)),
	   "a quote of weeks ago, before the open: old");
}

/* A US listing: 09:30-16:00 New York on weekdays */
static void us_session(void)
{
	const int edt = -4 * 3600, est = -5 * 3600;
	time_t thu = at(2026, 9, 3, 16, 0, 2, edt);

	ok(!old(MARKET_US, "tencent", thu, hkt(2026, 9, 4, 10, 0, 0)),
	   "an ADR's close during Hong Kong's morning: current");
	ok(!old(MARKET_US, "tencent", thu, hkt(2026, 9, 4, 14, 30, 0)), "and its afternoon");
	edge(MARKET_US, "tencent", thu, at(2026, 9, 4, 9, 46, 5, edt),
	     "New York's next morning, 09:46:05");
	edge(MARKET_US, "tencent", at(2026, 9, 3, 11, 0, 0, edt), at(2026, 9, 3, 11, 16, 5, edt),
	     "an ADR's feed stopped mid-session, 11:16:05");
	/* Over the end of daylight saving (Sunday 2026-11-01): Monday opens at
	 * 09:30 EST, an hour later in UTC than Friday's did. */
	edge(MARKET_US, "tencent", at(2026, 10, 30, 16, 0, 0, edt), at(2026, 11, 2, 9, 46, 5, est),
	     "Friday EDT to Monday EST 09:46:05");
	/* No US holiday calendar: Labor Day counts as trading (the man page says so) */
	ok(old(MARKET_US, "tencent", at(2026, 9, 4, 16, 0, 0, edt), at(2026, 9, 7, 10, 0, 0, edt)),
	   "Labor Day: marked, the cautious side");
}

int main(void)
{
	const int edt = -4 * 3600;
	char err[128];
	time_t close = at(2026, 8, 7, 16, 8, 23, HKT_OFFSET);
	time_t mid = at(2026, 8, 7, 10, 8, 23, HKT_OFFSET);
	time_t ny_fri = at(2026, 9, 4, 16, 4, 0, edt);
	struct quote tc = quote(MARKET_HK, "tencent", close);
	struct quote sina = quote(MARKET_HK, "sina", close);
	struct quote idx = quote(MARKET_HK_INDEX, "tencent", at(2023, 11, 14, 16, 9, 5, HKT_OFFSET));
	struct quote baba = quote(MARKET_US, "tencent", ny_fri);
	struct quote none = quote(MARKET_HK, "tencent", 0);
	struct quote who = quote(MARKET_HK, NULL, close);
	struct quote tc_mid = quote(MARKET_HK, "tencent", mid);
	struct quote sina_mid = quote(MARKET_HK, "sina", mid);

	ok(market_calendar_load(&cal, builtin_calendar, builtin_calendar_len, err, sizeof err),
	   "the calendar loads %s", err);

	/* The usual delays: Tencent 15 minutes, Sina none */
	is_int(quotetime_usual_delay(&tc), 900, "tencent HK: 15 minutes");
	is_int(quotetime_usual_delay(&idx), 900, "tencent index: 15 minutes");
	is_int(quotetime_usual_delay(&baba), 900, "tencent US: 15 minutes");
	is_int(quotetime_usual_delay(&sina), 0, "sina HK: none");
	is_int(quotetime_usual_delay(&who), 900, "an unknown source: HKEX's 15 minutes");

	/* Old: past the delay, one refresh (5 s) and a minute's grace */
	ok(!quotetime_is_old(&tc_mid, &cal, mid + 900 + 65, 5), "tencent: 16m05s is its usual");
	ok(quotetime_is_old(&tc_mid, &cal, mid + 900 + 66, 5), "tencent: a second more is old");
	ok(!quotetime_is_old(&sina_mid, &cal, mid + 65, 5), "sina: 65 s is usual");
	ok(quotetime_is_old(&sina_mid, &cal, mid + 66, 5), "sina: 66 s is old");
	ok(!quotetime_is_old(&tc, &cal, close - 3600, 5), "a quote ahead of the clock is not old");
	ok(!quotetime_is_old(&none, &cal, close, 5), "no time, no mark");
	sessions();
	us_session();

	/* The TIME column on the exchange's clock */
	cell(&tc, close + 97, "16:08:23", "today's HK quote: its time");
	cell(&sina_mid, mid + 3600, "~10:08", "an old one: marked, no seconds");
	cell(&sina, close + 3600, "16:08:23", "after the close the close is current: unmarked");
	cell(&tc, at(2026, 8, 10, 9, 0, 0, HKT_OFFSET), "08-07",
	     "Monday before the open: Friday's date, unmarked");
	cell(&tc, at(2026, 8, 10, 10, 0, 0, HKT_OFFSET), "~08-07",
	     "Monday in the session: marked");
	cell(&idx, close, "~2023-11", "an index from 2023: its year");
	cell(&baba, at(2026, 9, 5, 10, 0, 0, HKT_OFFSET), "16:04:00",
	     "New York's Friday 16:04 at 10:00 Saturday in Hong Kong: still Friday there");
	cell(&baba, at(2026, 9, 5, 13, 0, 0, HKT_OFFSET), "09-04",
	     "and after midnight in New York: Friday's date, not Saturday's");
	cell(&baba, at(2026, 9, 8, 10, 0, 0, edt), "~09-04", "old in New York's next session");
	cell(&baba, ny_fri + 60, "16:04:00", "a fresh US quote: its time in New York");
	cell(&none, close, "", "no time: nothing");
	market_calendar_done(&cal);
	return tap_done();
}
