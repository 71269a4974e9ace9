/* test-position.c - lot arithmetic: average cost with fees, shorts, board
 * lots, 0.001-tick rounding, sessions, currency totals; every figure
 * worked out by hand (decimal, half away from zero) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "model/position.h"
#include "tap.h"

static struct num num(const char *s)
{
	struct num n;

	if (!num_parse(s, strlen(s), &n))
		printf("Bail out! %s\n", s);
	return n;
}

static const char *fmt(struct num n)
{
	static char buf[4][48];
	static int k;

	k = (k + 1) % 4;
	if (!n.ok)
		return "(blank)";
	num_format(n, buf[k], sizeof buf[k]);
	return buf[k];
}

static struct lot lot(const char *sym, long long qty, const char *cost, const char *fee)
{
	struct lot l = { .qty = qty, .day = -1 };
	char err[128];

	if (!symbol_parse(sym, &l.in, err, sizeof err))
		printf("Bail out! %s\n", err);
	l.cost = num(cost);
	if (fee)
		l.fee = num(fee);
	return l;
}

static time_t at(int y, int mo, int d, int h, int mi, int off)
{
	time_t t = 0;

	hktime_make(y, mo, d, h, mi, 0, off, &t);
	return t;
}

static struct quote quote(const char *sym, const char *price, const char *change, long lot_size,
			  const char *ccy, time_t t, int off)
{
	struct quote q;
	char err[128];

	memset(&q, 0, sizeof q);
	symbol_parse(sym, &q.in, err, sizeof err);
	q.f[QF_PRICE] = num(price);
	q.f[QF_CHANGE] = num(change);
	q.lot_size = lot_size;
	snprintf(q.currency, sizeof q.currency, "%s", ccy);
	q.time = t;
	q.utc_offset = off;
	return q;
}

#define HKT HKT_OFFSET
#define EST (-5 * 3600)

static void test_fees_and_lots(void)
{
	struct lot lots[] = {
		lot("700", 100, "380.2", "25.5"),
		lot("8083", 20000, "0.123", "3.05"),
		lot("0700.HK", 200, "400.4", "30"),
		lot("8083", 10000, "0.131", NULL),
	};
	struct position_book b;
	struct position *p;
	char err[POSITION_ERR_MAX];
	time_t now = at(2026, 12, 3, 10, 0, HKT);
	struct quote q;

	ok(position_book_build(&b, lots, 4, err, sizeof err), "lots summed");
	is_int(b.n, 2, "two positions, in the order first seen");
	p = &b.v[0];
	is_str(p->in.display, "0700", "first is Tencent");
	is_int(p->nlots, 2, "two lots of 0700 (700 and 0700.HK are one)");
	is_int(p->qty, 300, "100 + 200 shares");
	/* 100 x 380.2 + 25.5 + 200 x 400.4 + 30 = 118155.5 */
	is_str(fmt(p->basis), "118155.5", "basis includes the fees");
	/* 118155.5 / 300 = 393.85166.. */
	is_str(fmt(p->avg_cost), "393.852", "average cost with fees, 3 decimals");
	ok(!p->valued && strcmp(p->why, "no quote") == 0, "unvalued before a quote");

	q = quote("700", "478.800", "5.200", 100, "HKD", at(2026, 12, 3, 9, 45, HKT), HKT);
	position_value(p, &q, NULL, now);
	ok(p->valued, "valued");
	is_str(fmt(p->value), "143640.000", "300 x 478.800");
	is_str(fmt(p->day_pnl), "1560.000", "300 x 5.200");
	is_str(fmt(p->pnl), "25484.500", "143640 - 118155.5");
	is_str(fmt(p->pnl_pct), "21.57", "25484.5 / 118155.5 = 21.5685.. per cent");
	ok(p->today, "a quote of this morning is today's");
	is_int(p->board_lots, 3, "3 board lots of 100");
	is_int(p->odd, 0, "no odd shares");

	p = &b.v[1];
	/* 20000 x 0.123 + 3.05 + 10000 x 0.131 = 3773.05 */
	is_str(fmt(p->basis), "3773.050", "0.001-tick basis");
	is_str(fmt(p->avg_cost), "0.126", "3773.05 / 30000 = 0.12576..");
	q = quote("8083", "0.135", "-0.002", 4000, "HKD", at(2026, 12, 3, 9, 50, HKT), HKT);
	position_value(p, &q, NULL, now);
	is_str(fmt(p->value), "4050.000", "30000 x 0.135");
	is_str(fmt(p->day_pnl), "-60.000", "30000 x -0.002");
	is_str(fmt(p->pnl), "276.950", "4050 - 3773.05");
	is_str(fmt(p->pnl_pct), "7.34", "276.95 / 3773.05 = 7.3402.. per cent");
	is_int(p->board_lots, 7, "30000 / 4000 = 7 lots");
	is_int(p->odd, 2000, "and 2000 shares over: not a multiple of the board lot");
	position_book_done(&b);
}

static void test_short_and_sessions(void)
{
	struct lot lots[] = { lot("BABA", -100, "120.50", "1.00") };
	struct position_book b;
	struct position *p;
	char err[POSITION_ERR_MAX], day[16];
	struct quote q;

	ok(position_book_build(&b, lots, 1, err, sizeof err), "a short");
	p = &b.v[0];
	is_str(p->currency, "USD", "a US listing is in USD");
	/* -100 x 120.50 + 1.00: what the sale brought, less its fee */
	is_str(fmt(p->basis), "-12049.00", "short basis");
	is_str(fmt(p->avg_cost), "120.490", "net sale price");
	q = quote("BABA", "118.25", "-1.10", 0, "USD", at(2026, 12, 2, 16, 0, EST), EST);
	/* 10:00 in Hong Kong is 21:00 the evening before in New York */
	position_value(p, &q, NULL, at(2026, 12, 3, 10, 0, HKT));
	is_str(fmt(p->value), "-11825.00", "-100 x 118.25");
	is_str(fmt(p->day_pnl), "110.00", "a short gains on a fall");
	is_str(fmt(p->pnl), "224.00", "-11825 - -12049");
	is_str(fmt(p->pnl_pct), "1.86", "224 / 12049 = 1.8590.. per cent");
	ok(p->today, "New York's session of the same evening is today's");
	is_int(p->lot_size, 0, "no board lots for a US listing");

	/* A Friday close seen on Saturday: that session's price, labelled
	 * with its date. */
	q = quote("BABA", "118.25", "-1.10", 0, "USD", at(2026, 11, 27, 16, 0, EST), EST);
	position_value(p, &q, NULL, at(2026, 11, 28, 22, 0, HKT) + 86400);
	ok(p->valued && !p->today, "an earlier session is not today's");
	position_day_text(p->session, day, sizeof day);
	is_str(day, "2026-11-27", "its date");

	position_value(p, NULL, "tencent: BABA: price is 0", 0);
	ok(!p->valued && !p->value.ok && !p->pnl.ok && !p->day_pnl.ok, "refused: blank figures");
	is_str(p->why, "tencent: BABA: price is 0", "with the reason");
	is_str(fmt(p->avg_cost), "120.490", "the lots' own figures stay");
	position_book_done(&b);
}

static void test_totals(void)
{
	struct lot lots[] = {
		lot("700", 100, "380.2", "25.5"), lot("8083", 20000, "0.123", "3.05"),
		lot("0700", 200, "400.4", "30"), lot("8083", 10000, "0.131", NULL),
		lot("BABA", -100, "120.50", "1.00"),
	};
	struct quote q[] = {
		quote("700", "478.800", "5.200", 100, "HKD", at(2026, 12, 3, 9, 45, HKT), HKT),
		quote("8083", "0.135", "-0.002", 4000, "HKD", at(2026, 12, 3, 9, 50, HKT), HKT),
		quote("BABA", "118.25", "-1.10", 0, "USD", at(2026, 12, 2, 16, 0, EST), EST),
	};
	struct position_book b;
	struct position_totals t;
	char err[POSITION_ERR_MAX];
	time_t now = at(2026, 12, 3, 10, 0, HKT);

	ok(position_book_build(&b, lots, 5, err, sizeof err), "book");
	position_totals(&b, num("7.8123"), NULL, &t);
	ok(!t.hkd.value.ok && strcmp(t.hkd.why, "2 positions without a quote") == 0,
	   "no quotes: blank totals with the reason");
	ok(!t.in_hkd.value.ok, "and no converted total");
	for (size_t i = 0; i < 3; i++)
		position_value(&b.v[i], &q[i], NULL, now);
	position_totals(&b, num("7.8123"), NULL, &t);
	is_str(fmt(t.hkd.value), "147690.000", "HKD value");
	is_str(fmt(t.hkd.day_pnl), "1500.000", "HKD day");
	is_str(fmt(t.hkd.pnl), "25761.450", "HKD P&L");
	is_str(fmt(t.hkd.pnl_pct), "21.13", "25761.45 / 121928.55");
	is_str(fmt(t.usd.value), "-11825.00", "USD value");
	/* -11825 x 7.8123 = -92380.4475 -> -92380.45; + 147690 */
	is_str(fmt(t.in_hkd.value), "55309.55", "in HKD");
	is_str(fmt(t.in_hkd.day_pnl), "2359.35", "1500 + 110 x 7.8123");
	is_str(fmt(t.in_hkd.pnl), "27511.41", "25761.45 + 224 x 7.8123");
	/* 147690 / 7.8123 = 18904.55.. -> 18904.55; - 11825 */
	is_str(fmt(t.in_usd.value), "7079.80", "in USD");
	is_str(fmt(t.in_usd.pnl), "3521.55", "224 + 25761.45 / 7.8123");
	is_str(fmt(t.usdhkd), "7.8123", "the rate used");

	position_totals(&b, num("7.9000"), NULL, &t);
	ok(!t.in_hkd.value.ok && strstr(t.in_hkd.why, "peg band"), "outside the peg band: %s",
	   t.in_hkd.why);
	ok(t.hkd.value.ok, "the per-currency totals stay");
	position_totals(&b, (struct num){ 0, 0, false }, "yahoo: HTTP 404", &t);
	is_str(t.in_usd.why, "yahoo: HTTP 404", "no rate: the reason");
	position_left_out_text(&t, err, sizeof err);
	is_str(err, "", "all in HKD and USD: nothing left out");

	/* An RMB counter's quote in CNY, and one in EUR: in neither total,
	 * each currency named once. */
	snprintf(q[1].currency, sizeof q[1].currency, "CNY");
	position_value(&b.v[1], &q[1], NULL, now);
	position_totals(&b, num("7.8123"), NULL, &t);
	is_str(fmt(t.hkd.value), "143640.000", "HKD value without 8083's 30000 x 0.135 = 4050");
	position_left_out_text(&t, err, sizeof err);
	is_str(err, "1 position in CNY left out of the totals", "said, with the currency");
	snprintf(q[0].currency, sizeof q[0].currency, "EUR");
	position_value(&b.v[0], &q[0], NULL, now);
	position_totals(&b, num("7.8123"), NULL, &t);
	position_left_out_text(&t, err, sizeof err);
	is_str(err, "2 positions in EUR CNY left out of the totals", "two currencies");
	position_book_done(&b);
}

static void test_refusals(void)
{
	struct lot big[] = { lot("700", POSITION_QTY_MAX, "999999.999", NULL),
			     lot("700", POSITION_QTY_MAX, "999999.999", NULL) };
	struct lot idx[] = { lot("HSI", 1, "1", NULL) };
	struct position_book b;
	char err[POSITION_ERR_MAX];

	ok(!position_book_build(&b, big, 2, err, sizeof err) && b.n == 0, "overflow refused: %s",
	   err);
	ok(!position_book_build(&b, idx, 1, err, sizeof err), "an index: %s", err);
}

/* A thousand lots of one share at 0.001 add to exactly 1.000; and a
 * thousand at 0.1 to exactly 100.0 (in doubles, 99.9999999999986). */
static void test_exact(void)
{
	struct lot *v = calloc(1000, sizeof *v);
	struct position_book b;
	char err[POSITION_ERR_MAX];

	for (int i = 0; i < 1000; i++)
		v[i] = lot("8083", 1, "0.001", "0.1");
	ok(position_book_build(&b, v, 1000, err, sizeof err), "1000 lots");
	is_str(fmt(b.v[0].basis), "101.000", "1000 x 0.001 + 1000 x 0.1");
	is_str(fmt(b.v[0].avg_cost), "0.101", "average");
	position_book_done(&b);
	free(v);
}

/* 9988 short 200 and 10 BABA ADS of 8 shares: one exposure. */
static void test_combined(void)
{
	struct lot lots[] = { lot("9988", -200, "120.15", "10"), lot("BABA", 10, "95.5", "1.99") };
	struct quote hk = quote("9988", "118.300", "0.800", 100, "HKD", at(2026, 8, 7, 16, 8, HKT), HKT),
		     us = quote("BABA", "120.450", "1.530", 0, "USD", at(2026, 8, 7, 16, 0, EST), EST);
	struct position_book b;
	struct num value;
	long long shares;
	char err[POSITION_ERR_MAX];

	ok(position_book_build(&b, lots, 2, err, sizeof err), "an H share and its ADS");
	ok(!position_combined(&b.v[0], &b.v[1], 8, num("7.8312"), &shares, &value, err, sizeof err),
	   "unvalued: %s", err);
	is_int(shares, -120, "the shares add all the same: -200 + 10 x 8");
	position_value(&b.v[0], &hk, NULL, at(2026, 8, 7, 18, 0, HKT));
	position_value(&b.v[1], &us, NULL, at(2026, 8, 7, 18, 0, HKT));
	ok(position_combined(&b.v[0], &b.v[1], 8, num("7.8312"), &shares, &value, err, sizeof err),
	   "valued");
	/* -23660.000 + 1204.500 x 7.8312 (9432.6804 -> 9432.68) */
	is_str(fmt(value), "-14227.32", "combined in HKD");
	ok(!position_combined(&b.v[0], &b.v[1], 8, num("7.70"), &shares, &value, err, sizeof err) &&
	   strstr(err, "peg band"), "a rate off the peg: %s", err);
	ok(position_combined(&b.v[0], NULL, 8, (struct num){ 0, 0, false }, &shares, &value, err,
			     sizeof err) && shares == -200, "the H share alone needs no rate");
	position_book_done(&b);
}

/* A hedged book: long 0700, short 9988 for as much. The net basis is 0,
 * so the total P&L % is of the gross (the longs' cost and the shorts'
 * proceeds), never of the net; and a day P&L summed over sessions says
 * it is not today's. */
static void test_hedged_and_sessions(void)
{
	struct lot lots[] = { lot("700", 100, "400", NULL), lot("9988", -1000, "40", NULL) };
	struct quote q0 = quote("700", "410.000", "10.000", 100, "HKD", at(2026, 12, 3, 9, 45, HKT), HKT),
		     q1 = quote("9988", "39.000", "-1.000", 100, "HKD", at(2026, 12, 2, 16, 8, HKT), HKT),
		     q2 = quote("700", "410.000", "10.000", 100, "HKD", at(2026, 12, 2, 16, 8, HKT), HKT),
		     q3 = quote("9988", "39.000", "-1.000", 100, "HKD", at(2026, 12, 3, 9, 45, HKT), HKT);
	struct position_book b;
	struct position_totals t;
	char err[POSITION_ERR_MAX], day[16];
	time_t now = at(2026, 12, 3, 10, 0, HKT);

	ok(position_book_build(&b, lots, 2, err, sizeof err), "a hedged book");
	position_value(&b.v[0], &q0, NULL, now);
	position_value(&b.v[1], &q1, NULL, now);
	position_totals(&b, num("7.8000"), NULL, &t);
	is_str(fmt(t.hkd.basis), "0", "the net basis: 40000 - 40000");
	/* 0700: 41000 - 40000 = 1000; 9988: -39000 + 40000 = 1000 */
	is_str(fmt(t.hkd.pnl), "2000.000", "P&L of both legs");
	is_str(fmt(t.hkd.pnl_pct), "2.50", "2000 / (40000 + 40000) = 2.50 per cent");
	is_str(fmt(t.in_hkd.pnl_pct), "2.50", "converted: the same per cent");
	ok(!t.hkd.today && t.hkd.session == -1, "today's and yesterday's day P&L: not today's");
	ok(!t.in_hkd.today, "nor converted");
	position_value(&b.v[0], &q2, NULL, now);
	position_totals(&b, num("7.8000"), NULL, &t);
	position_day_text(t.hkd.session, day, sizeof day);
	ok(!t.hkd.today && strcmp(day, "2026-12-02") == 0, "both of yesterday: its date, %s", day);
	position_day_text(t.in_hkd.session, day, sizeof day);
	ok(!t.in_hkd.today && strcmp(day, "2026-12-02") == 0, "converted: the same date, %s", day);
	position_value(&b.v[1], &q3, NULL, now);
	position_totals(&b, num("7.8000"), NULL, &t);
	ok(!t.hkd.today, "still one of yesterday");
	position_value(&b.v[0], &q0, NULL, now);
	position_totals(&b, num("7.8000"), NULL, &t);
	ok(t.hkd.today && t.in_hkd.today, "both of today: today's");
	position_book_done(&b);
}

int main(void)
{
	test_hedged_and_sessions();
	test_combined();
	test_fees_and_lots();
	test_short_and_sessions();
	test_totals();
	test_refusals();
	test_exact();
	return tap_done();
}
