/* test-quotetime.c - a quote's time on its exchange's clock, and when it counts as old */
#include "config.h"

#include <stdlib.h>

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

static void cell(const struct quote *q, time_t now, const char *want, const char *what)
{
	char buf[32];

	quotetime_cell(q, now, 5, buf, sizeof buf);
	is_str(buf, want, "%s", what);
}

int main(void)
{
	const int edt = -4 * 3600;
	time_t close = at(2026, 8, 7, 16, 8, 23, HKT_OFFSET);
	time_t ny_fri = at(2026, 9, 4, 16, 4, 0, edt);
	struct quote tc = quote(MARKET_HK, "tencent", close);
	struct quote sina = quote(MARKET_HK, "sina", close);
	struct quote idx = quote(MARKET_HK_INDEX, "tencent", at(2023, 11, 14, 16, 9, 5, HKT_OFFSET));
	struct quote baba = quote(MARKET_US, "tencent", ny_fri);
	struct quote none = quote(MARKET_HK, "tencent", 0);
	struct quote who = quote(MARKET_HK, NULL, close);

	/* The usual delays: Tencent 15 minutes, Sina none */
	is_int(quotetime_usual_delay(&tc), 900, "tencent HK: 15 minutes");
	is_int(quotetime_usual_delay(&idx), 900, "tencent index: 15 minutes");
	is_int(quotetime_usual_delay(&baba), 900, "tencent US: 15 minutes");
	is_int(quotetime_usual_delay(&sina), 0, "sina HK: none");
	is_int(quotetime_usual_delay(&who), 900, "an unknown source: HKEX's 15 minutes");

	/* Old: past the delay, one refresh (5 s) and a minute's grace */
	ok(!quotetime_is_old(&tc, close + 900 + 65, 5), "tencent: 16m05s is its usual");
	ok(quotetime_is_old(&tc, close + 900 + 66, 5), "tencent: a second more is old");
	ok(!quotetime_is_old(&sina, close + 65, 5), "sina: 65 s is usual");
	ok(quotetime_is_old(&sina, close + 66, 5), "sina: 66 s is old");
	ok(!quotetime_is_old(&tc, close - 3600, 5), "a quote ahead of the clock is not old");
	ok(!quotetime_is_old(&none, close, 5), "no time, no mark");

	/* The TIME column on the exchange's clock */
	cell(&tc, close + 97, "16:08:23", "today's HK quote: its time");
	cell(&sina, close + 3600, "~16:08", "an old one: marked, no seconds");
	cell(&tc, at(2026, 8, 10, 9, 0, 0, HKT_OFFSET), "~08-07", "Monday morning: Friday's date");
	cell(&idx, close, "~2023-11", "an index from 2023: its year");
	cell(&baba, at(2026, 9, 5, 10, 0, 0, HKT_OFFSET), "~16:04",
	     "New York's Friday 16:04 at 10:00 Saturday in Hong Kong: still Friday there");
	cell(&baba, at(2026, 9, 5, 13, 0, 0, HKT_OFFSET), "~09-04",
	     "and after midnight in New York: Friday's date, not Saturday's");
	cell(&baba, ny_fri + 60, "16:04:00", "a fresh US quote: its time in New York");
	cell(&none, close, "", "no time: nothing");
	return tap_done();
}
