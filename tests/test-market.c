/* test-market.c - HKEX sessions at every boundary, the 2026 calendar, spreads */
#include "config.h"

#include <stdlib.h>

#include "base/builtin.h"
#include "base/hktime.h"
#include "model/market.h"
#include "tap.h"

static struct market_calendar cal;

/* An HKT wall-clock moment. */
static time_t hkt(int y, int mo, int d, int h, int mi, int s)
{
	time_t t = 0;

	if (!hktime_make(y, mo, d, h, mi, s, HKT_OFFSET, &t))
		abort();
	return t;
}

static const char *hkt_str(time_t t)
{
	static char buf[32];

	hktime_iso8601(t, HKT_OFFSET, buf, sizeof buf);
	return buf;
}

/* The session at an HKT moment, its labels and when it next changes. */
static void at(int y, int mo, int d, int h, int mi, int s, enum market_session want,
	       const char *label, const char *label_zh, time_t next_change)
{
	struct market_status ms;
	time_t t = hkt(y, mo, d, h, mi, s);

	market_status(&cal, t, &ms);
	is_int(ms.session, want, "%s session", hkt_str(t));
	if (label)
		is_str(ms.label, label, "%s label", hkt_str(t));
	if (label_zh)
		is_str(ms.label_zh, label_zh, "%s label_zh", hkt_str(t));
	if (next_change) {
		char want_s[32];
		snprintf(want_s, sizeof want_s, "%s", hkt_str(next_change));
		is_str(hkt_str(ms.next_change), want_s, "%s next change", hkt_str(t));
	}
}

static void next_open(time_t t, time_t want)
{
	struct market_status ms;
	char want_s[32];

	market_status(&cal, t, &ms);
	snprintf(want_s, sizeof want_s, "%s", hkt_str(want));
	is_str(hkt_str(ms.next_open), want_s, "%s next open", hkt_str(t));
}

/* Wednesday 4 March 2026, an ordinary day: every boundary, both sides.
 * next_h 24 is the next midnight. */
static const struct {
	int h, m, s;
	enum market_session session;
	const char *label, *label_zh;
	int next_h, next_m;
} full_day[] = {
	{ 0, 0, 0, MARKET_BEFORE_OPEN, "Before open", "未开市", 9, 0 },
	{ 8, 59, 59, MARKET_BEFORE_OPEN, NULL, NULL, 9, 0 },
	{ 9, 0, 0, MARKET_PRE_OPENING, "Pre-opening", "开市前竞价", 9, 30 },
	{ 9, 29, 59, MARKET_PRE_OPENING, NULL, NULL, 9, 30 },
	{ 9, 30, 0, MARKET_MORNING, "Morning session", "早市", 12, 0 },
	{ 11, 59, 59, MARKET_MORNING, NULL, NULL, 12, 0 },
	{ 12, 0, 0, MARKET_LUNCH, "Lunch break", "午休", 13, 0 },
	{ 12, 59, 59, MARKET_LUNCH, NULL, NULL, 13, 0 },
	{ 13, 0, 0, MARKET_AFTERNOON, "Afternoon session", "午市", 16, 0 },
	{ 15, 59, 59, MARKET_AFTERNOON, NULL, NULL, 16, 0 },
	{ 16, 0, 0, MARKET_CLOSING_AUCTION, "Closing auction", "收市竞价", 16, 10 },
	{ 16, 9, 59, MARKET_CLOSING_AUCTION, NULL, NULL, 16, 10 },
	{ 16, 10, 0, MARKET_CLOSED, "Closed", "已收市", 24, 0 },
	{ 23, 59, 59, MARKET_CLOSED, NULL, NULL, 24, 0 },
};

static void test_full_day(void)
{
	struct market_status ms;

	for (size_t i = 0; i < sizeof full_day / sizeof full_day[0]; i++)
		at(2026, 3, 4, full_day[i].h, full_day[i].m, full_day[i].s, full_day[i].session,
		   full_day[i].label, full_day[i].label_zh,
		   hkt(2026, 3, 4, 0, 0, 0) + full_day[i].next_h * 3600 + full_day[i].next_m * 60);

	market_status(&cal, hkt(2026, 3, 4, 10, 0, 0), &ms);
	ok(ms.calendar_known, "2026 is in the calendar");
	ok(!ms.half_day, "an ordinary day is not a half day");
	is_str(ms.holiday, "", "an ordinary day has no holiday name");

	next_open(hkt(2026, 3, 4, 8, 59, 59), hkt(2026, 3, 4, 9, 0, 0));
	next_open(hkt(2026, 3, 4, 9, 0, 0), hkt(2026, 3, 5, 9, 0, 0));
	next_open(hkt(2026, 3, 4, 16, 10, 0), hkt(2026, 3, 5, 9, 0, 0));
}

static void test_weekend(void)
{
	/* Friday's close runs to midnight; Saturday and Sunday are weekend. */
	at(2026, 3, 6, 16, 10, 0, MARKET_CLOSED, "Closed", NULL, hkt(2026, 3, 7, 0, 0, 0));
	next_open(hkt(2026, 3, 6, 16, 10, 0), hkt(2026, 3, 9, 9, 0, 0));
	at(2026, 3, 7, 0, 0, 0, MARKET_WEEKEND, "Weekend", "周末", hkt(2026, 3, 8, 0, 0, 0));
	at(2026, 3, 7, 10, 0, 0, MARKET_WEEKEND, NULL, NULL, hkt(2026, 3, 8, 0, 0, 0));
	at(2026, 3, 8, 23, 59, 59, MARKET_WEEKEND, "Weekend", NULL, hkt(2026, 3, 9, 0, 0, 0));
	next_open(hkt(2026, 3, 7, 12, 0, 0), hkt(2026, 3, 9, 9, 0, 0));
	at(2026, 3, 9, 0, 0, 0, MARKET_BEFORE_OPEN, NULL, NULL, hkt(2026, 3, 9, 9, 0, 0));
	/* A Saturday holiday of the gazette (4 Apr) is just a weekend. */
	at(2026, 4, 4, 10, 0, 0, MARKET_WEEKEND, "Weekend", NULL, 0);
}

static const struct {
	int m, d;
	const char *name;
} closed_2026[] = {
	{ 1, 1, "The first day of January" },
	{ 2, 17, "Lunar New Year's Day" },
	{ 2, 18, "The second day of Lunar New Year" },
	{ 2, 19, "The third day of Lunar New Year" },
	{ 4, 3, "Good Friday" },
	{ 4, 6, "The day following Ching Ming Festival" },
	{ 4, 7, "The day following Easter Monday" },
	{ 5, 1, "Labour Day" },
	{ 5, 25, "The day following the Birthday of the Buddha" },
	{ 6, 19, "Tuen Ng Festival" },
	{ 7, 1, "HKSAR Establishment Day" },
	{ 10, 1, "National Day" },
	{ 10, 19, "The day following Chung Yeung Festival" },
	{ 12, 25, "Christmas Day" },
};

static const struct {
	int m, d;
	const char *name;
} half_2026[] = {
	{ 2, 16, "Lunar New Year's Eve" },
	{ 12, 24, "Christmas Eve" },
	{ 12, 31, "New Year's Eve" },
};

static void test_holidays(void)
{
	struct market_status ms;
	char label[96];

	is_int(cal.n, 17, "the 2026 calendar has 14 closed and 3 half days");
	for (size_t i = 0; i < sizeof closed_2026 / sizeof closed_2026[0]; i++) {
		int m = closed_2026[i].m, d = closed_2026[i].d;

		/* Every hour of a holiday, including what would be trading. */
		for (int h = 0; h < 24; h += 5) {
			market_status(&cal, hkt(2026, m, d, h, 30, 0), &ms);
			is_int(ms.session, MARKET_HOLIDAY, "2026-%02d-%02d %02d:30 is a holiday",
			       m, d, h);
		}
		snprintf(label, sizeof label, "Holiday: %s", closed_2026[i].name);
		is_str(ms.label, label, "2026-%02d-%02d label", m, d);
		is_str(ms.label_zh, "假期", "2026-%02d-%02d label_zh", m, d);
		is_str(ms.holiday, closed_2026[i].name, "2026-%02d-%02d holiday name", m, d);
		ok(!market_is_trading(ms.session) && !ms.half_day,
		   "2026-%02d-%02d no trading", m, d);
	}
	/* The market reopened on Friday 20 Feb, after the three LNY days. */
	at(2026, 2, 20, 10, 0, 0, MARKET_MORNING, "Morning session", NULL, 0);
	at(2026, 12, 28, 13, 0, 0, MARKET_AFTERNOON, NULL, NULL, 0);
}

static void test_half_days(void)
{
	struct market_status ms;

	for (size_t i = 0; i < sizeof half_2026 / sizeof half_2026[0]; i++) {
		int m = half_2026[i].m, d = half_2026[i].d;
		time_t midnight = hkt(2026, m, d, 0, 0, 0) + 86400;

		at(2026, m, d, 8, 59, 59, MARKET_BEFORE_OPEN, "Half day: before open", NULL,
		   hkt(2026, m, d, 9, 0, 0));
		at(2026, m, d, 9, 0, 0, MARKET_PRE_OPENING, "Half day: pre-opening",
		   "半日市：开市前竞价", hkt(2026, m, d, 9, 30, 0));
		at(2026, m, d, 9, 30, 0, MARKET_MORNING, "Half day: morning", "半日市：早市",
		   hkt(2026, m, d, 12, 0, 0));
		at(2026, m, d, 11, 59, 59, MARKET_MORNING, NULL, NULL, hkt(2026, m, d, 12, 0, 0));
		/* No lunch: the closing auction follows the morning. */
		at(2026, m, d, 12, 0, 0, MARKET_CLOSING_AUCTION, "Half day: closing auction",
		   "半日市：收市竞价", hkt(2026, m, d, 12, 10, 0));
		at(2026, m, d, 12, 5, 0, MARKET_CLOSING_AUCTION, NULL, NULL,
		   hkt(2026, m, d, 12, 10, 0));
		at(2026, m, d, 12, 9, 59, MARKET_CLOSING_AUCTION, NULL, NULL, 0);
		at(2026, m, d, 12, 10, 0, MARKET_CLOSED, "Half day: closed", "半日市：已收市",
		   midnight);
		at(2026, m, d, 12, 15, 0, MARKET_CLOSED, NULL, NULL, midnight);
		/* And no afternoon. */
		at(2026, m, d, 13, 0, 0, MARKET_CLOSED, NULL, NULL, midnight);
		at(2026, m, d, 16, 5, 0, MARKET_CLOSED, NULL, NULL, midnight);
		market_status(&cal, hkt(2026, m, d, 10, 0, 0), &ms);
		ok(ms.half_day, "2026-%02d-%02d is a half day", m, d);
		is_str(ms.holiday, half_2026[i].name, "2026-%02d-%02d is named", m, d);
	}
	/* The brief's example, spelled out. */
	at(2026, 12, 24, 12, 5, 0, MARKET_CLOSING_AUCTION, NULL, NULL, 0);
	at(2026, 12, 24, 12, 15, 0, MARKET_CLOSED, NULL, NULL, 0);
}

static void test_next_open(void)
{
	time_t wed8 = hkt(2026, 4, 8, 9, 0, 0);

	/* Thursday 2 Apr, after the close: Good Friday (3), the weekend, then
	 * the days following Ching Ming (6) and Easter Monday (7). */
	next_open(hkt(2026, 4, 2, 16, 10, 0), wed8);
	next_open(hkt(2026, 4, 2, 23, 59, 59), wed8);
	at(2026, 4, 2, 16, 30, 0, MARKET_CLOSED, NULL, NULL, hkt(2026, 4, 3, 0, 0, 0));
	at(2026, 4, 3, 0, 0, 0, MARKET_HOLIDAY, "Holiday: Good Friday", NULL,
	   hkt(2026, 4, 4, 0, 0, 0));
	next_open(hkt(2026, 4, 3, 10, 0, 0), wed8);
	next_open(hkt(2026, 4, 4, 10, 0, 0), wed8);
	next_open(hkt(2026, 4, 6, 10, 0, 0), wed8);
	at(2026, 4, 7, 23, 59, 59, MARKET_HOLIDAY, "Holiday: The day following Easter Monday", NULL,
	   hkt(2026, 4, 8, 0, 0, 0));
	next_open(hkt(2026, 4, 7, 23, 59, 59), wed8);
	at(2026, 4, 8, 0, 0, 0, MARKET_BEFORE_OPEN, "Before open", NULL, wed8);
	next_open(hkt(2026, 4, 8, 0, 0, 0), wed8);

	/* Lunar New Year: half day Mon 16 Feb, closed 17-19, open Fri 20. */
	next_open(hkt(2026, 2, 16, 12, 10, 0), hkt(2026, 2, 20, 9, 0, 0));
	/* Christmas: half day Thu 24, closed Fri 25, weekend; open Mon 28. */
	next_open(hkt(2026, 12, 24, 12, 15, 0), hkt(2026, 12, 28, 9, 0, 0));
	/* New Year's Eve leads into 2027, which is not listed: 1 Jan 2027 is
	 * taken for a trading day, and calendar_known says so. */
	next_open(hkt(2026, 12, 31, 12, 10, 0), hkt(2027, 1, 1, 9, 0, 0));
}

static void test_unknown_year(void)
{
	struct market_status ms;

	market_status(&cal, hkt(2027, 3, 3, 10, 0, 0), &ms);
	ok(!ms.calendar_known, "2027 is not in the calendar");
	is_int(ms.session, MARKET_MORNING, "an unknown year's weekday trades");
	is_str(ms.label, "Morning session", "an unknown year's label");
	market_status(&cal, hkt(2027, 1, 1, 10, 0, 0), &ms);
	ok(!ms.calendar_known && ms.session == MARKET_MORNING,
	   "1 Jan 2027 is unknown, so a trading day");
	market_status(&cal, hkt(2027, 1, 2, 10, 0, 0), &ms);
	ok(!ms.calendar_known && ms.session == MARKET_WEEKEND, "weekends need no calendar");
	market_status(&cal, hkt(2025, 12, 31, 10, 0, 0), &ms);
	ok(!ms.calendar_known && !ms.half_day, "2025 is not listed either");
	/* The year is HKT's: 16:00 UTC on 31 Dec is already 2027 in Hong Kong. */
	market_status(&cal, hkt(2026, 12, 31, 23, 59, 59), &ms);
	ok(ms.calendar_known, "2026-12-31 23:59:59 HKT is known");
	market_status(&cal, hkt(2027, 1, 1, 0, 0, 0), &ms);
	ok(!ms.calendar_known, "2027-01-01 00:00:00 HKT is not");
}

/* The user's TZ must not move Hong Kong's market. */
static void test_tz_independent(void)
{
	struct market_status a, b;
	time_t t = hkt(2026, 3, 4, 9, 30, 0);

	market_status(&cal, t, &a);
	setenv("TZ", "America/New_York", 1);
	tzset();
	market_status(&cal, t, &b);
	ok(a.session == b.session && b.session == MARKET_MORNING && a.next_change == b.next_change,
	   "TZ=America/New_York changes nothing");
	unsetenv("TZ");
	tzset();
}

static void test_trading(void)
{
	static const struct {
		enum market_session s;
		bool trading;
	} want[] = {
		{ MARKET_WEEKEND, false }, { MARKET_HOLIDAY, false },
		{ MARKET_BEFORE_OPEN, false }, { MARKET_PRE_OPENING, true },
		{ MARKET_MORNING, true }, { MARKET_LUNCH, false },
		{ MARKET_AFTERNOON, true }, { MARKET_CLOSING_AUCTION, true },
		{ MARKET_CLOSED, false },
	};

	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		is_int(market_is_trading(want[i].s), want[i].trading, "session %d trading",
		       want[i].s);
	ok(!market_is_trading((enum market_session)99), "an out-of-range session is not trading");
}

/* The continuous sessions of an HKT date, as the stale mark counts them. */
static void spans(int y, int mo, int d, size_t n, const char *want, const char *what)
{
	struct market_span sp[MARKET_SPANS_MAX];
	char got[128] = "";
	size_t k = market_day_spans(&cal, hktime_days_from_civil(y, mo, d), sp), used = 0;

	is_int(k, n, "%s: %zu spans", what, n);
	for (size_t i = 0; i < k && i < n; i++) {
		/* hkt_str's buffer is static: one call a snprintf */
		used += (size_t)snprintf(got + used, sizeof got - used, "%s%s", i ? " " : "",
					 hkt_str(sp[i].start) + 11);
		used += (size_t)snprintf(got + used, sizeof got - used, "-%s",
					 hkt_str(sp[i].end) + 11);
	}
	is_str(got, want, "%s", what);
}

static void test_spans(void)
{
	spans(2026, 8, 7, 2, "09:30:00+08:00-12:00:00+08:00 13:00:00+08:00-16:00:00+08:00",
	      "a full day: morning and afternoon, no auctions");
	spans(2026, 12, 24, 1, "09:30:00+08:00-12:00:00+08:00", "a half day: the morning");
	spans(2026, 10, 1, 0, "", "a holiday: none");
	spans(2026, 8, 8, 0, "", "a Saturday: none");
	spans(2027, 3, 3, 2, "09:30:00+08:00-12:00:00+08:00 13:00:00+08:00-16:00:00+08:00",
	      "a year the calendar does not list: every weekday trades");
}

static void bad(const char *text, const char *want)
{
	struct market_calendar c;
	char err[128] = "x";

	ok(!market_calendar_load(&c, text, strlen(text), err, sizeof err), "refused: %s", want);
	is_str(err, want, "cause");
	ok(c.n == 0 && c.days == NULL, "left empty after \"%s\"", want);
	market_calendar_done(&c);
}

static void test_load(void)
{
	struct market_calendar c;
	struct market_status ms;
	char err[128] = "x";
	const char *crlf = "# comment\r\n\r\n   \t\n2026-04-03\tclosed\tGood Friday\r\n"
			   "2026-12-24\thalf\tChristmas Eve"; /* no final newline */

	ok(market_calendar_load(&c, crlf, strlen(crlf), err, sizeof err),
	   "CRLF, blanks, no final newline");
	is_str(err, "", "no error");
	is_int(c.n, 2, "two entries");
	is_str(c.days[0].name, "Good Friday", "CR is not part of the name");
	is_int(c.days[1].kind, MARKET_DAY_HALF, "half day kind");
	is_str(c.days[1].name, "Christmas Eve", "the last line without a newline");
	market_calendar_done(&c);
	market_calendar_done(&c);
	ok(c.days == NULL && c.n == 0, "free twice is harmless");

	ok(market_calendar_load(&c, "", 0, err, sizeof err), "empty text loads");
	market_status(&c, hkt(2026, 4, 3, 10, 0, 0), &ms);
	ok(!ms.calendar_known && ms.session == MARKET_MORNING, "an empty calendar knows no year");
	market_calendar_done(&c);

	bad("2026-02-30\tclosed\tX\n", "line 1: not a date in the form YYYY-MM-DD");
	bad("2026/04/03\tclosed\tX\n", "line 1: not a date in the form YYYY-MM-DD");
	bad("26-04-03\tclosed\tX\n", "line 1: not a date in the form YYYY-MM-DD");
	bad("2026-04-3\tclosed\tX\n", "line 1: not a date in the form YYYY-MM-DD");
	bad("2026-04-04\tclosed\tX\n", "line 1: 2026-04-04 is a Saturday: list weekdays only");
	bad("2026-04-05\tclosed\tX\n", "line 1: 2026-04-05 is a Sunday: list weekdays only");
	bad("2026-04-03\topen\tX\n", "line 1: the second field must be closed or half");
	bad("2026-04-03\tClosed\tX\n", "line 1: the second field must be closed or half");
	bad("2026-04-03\tclosed\t\n", "line 1: the name must be 1 to 47 bytes");
	bad("2026-04-03\tclosed\t123456789012345678901234567890123456789012345678\n",
	    "line 1: the name must be 1 to 47 bytes");
	bad("2026-04-03 closed Good Friday\n", "line 1: expected DATE<TAB>closed|half<TAB>NAME");
	bad("2026-04-03\tclosed\n", "line 1: expected DATE<TAB>closed|half<TAB>NAME");
	bad("2026-04-03\tclosed\tGood\tFriday\n",
	    "line 1: control character or extra field in the name");
	bad("2026-04-03\tclosed\tGood\033[2JFriday\n",
	    "line 1: control character or extra field in the name");
	bad("# 2026\n\n2026-04-06\tclosed\tA\n2026-04-03\tclosed\tB\n",
	    "line 4: dates must ascend: this one is not after line 3's");
	bad("2026-04-03\tclosed\tA\n2026-04-03\thalf\tA\n",
	    "line 2: dates must ascend: this one is not after line 1's");
	bad("2026-04-03\tclosed\tA\n\n#\nbogus\n",
	    "line 4: expected DATE<TAB>closed|half<TAB>NAME");
	{
		/* A NUL inside the text is a control character, not the end. */
		static const char nul[] = "2026-04-03\tclosed\tGood\0Friday\n";
		ok(!market_calendar_load(&c, nul, sizeof nul - 1, err, sizeof err), "NUL refused");
		market_calendar_done(&c);
	}
}

static void test_extremes(void)
{
	struct market_status ms;

	market_status(&cal, (time_t)-5, &ms);
	ok(ms.label[0] != '\0', "a time before 1970 still has a label");
	market_status(&cal, (time_t)(sizeof(time_t) > 4 ? 0x7fffffffffffffffLL : 0x7fffffffL), &ms);
	ok(ms.label[0] != '\0' && ms.next_change > 0, "the end of time_t has a label");
}

static void tick(double price, time_t when, double want)
{
	is_num(market_tick_size(price, when), want, 1e-12, "tick at %.4f is %.3f", price, want);
}

static void test_ticks(void)
{
	time_t now = hkt(2026, 5, 4, 10, 0, 0);
	time_t before = hkt(2025, 8, 3, 23, 59, 59), from = hkt(2025, 8, 4, 0, 0, 0);

	tick(0.001, now, 0.001);
	tick(0.01, now, 0.001);
	tick(0.25, now, 0.001);
	tick(0.2501, now, 0.005);
	tick(0.50, now, 0.005);
	tick(0.51, now, 0.010);
	tick(10.00, now, 0.010);
	tick(10.01, now, 0.010);
	tick(20.00, now, 0.010);
	tick(20.02, now, 0.020);
	tick(50.00, now, 0.020);
	tick(50.05, now, 0.050);
	tick(100.00, now, 0.050);
	tick(100.10, now, 0.100);
	tick(200.00, now, 0.100);
	tick(200.20, now, 0.200);
	tick(500.00, now, 0.200);
	tick(500.50, now, 0.500);
	tick(1000.00, now, 0.500);
	tick(1001.00, now, 1.000);
	tick(2000.00, now, 1.000);
	tick(2002.00, now, 2.000);
	tick(5000.00, now, 2.000);
	tick(5005.00, now, 5.000);
	tick(9995.00, now, 5.000);
	tick(9995.01, now, 0);
	tick(10000, now, 0);
	tick(0, now, 0);
	tick(-1, now, 0);
	tick(NAN, now, 0);
	tick(INFINITY, now, 0);
	tick(0.1 + 0.15, now, 0.001); /* 0.25 in binary noise */

	/* Phase 1 (4 Aug 2025 HKT) halved the 10-20 and 20-50 bands. */
	tick(10.01, before, 0.020);
	tick(20.00, before, 0.020);
	tick(20.05, before, 0.050);
	tick(50.00, before, 0.050);
	tick(9.99, before, 0.010);
	tick(10.01, from, 0.010);
	tick(20.02, from, 0.020);
}

int main(void)
{
	char err[128];

	ok(market_calendar_load(&cal, builtin_calendar, builtin_calendar_len, err, sizeof err),
	   "the shipped calendar loads");
	test_full_day();
	test_weekend();
	test_holidays();
	test_half_days();
	test_next_open();
	test_unknown_year();
	test_tz_independent();
	test_trading();
	test_spans();
	test_load();
	test_extremes();
	test_ticks();
	market_calendar_done(&cal);
	return tap_done();
}
