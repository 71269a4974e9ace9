/* test-detail-figures.c - the detail view's figures and ADR parity as text,
 * from quotes the real Tencent parser read out of the captured batch */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "base/builtin.h"
#include "layout/detail_figures.h"
#include "fixture.h"
#include "base/hktime.h"
#include "feeds/quote_source.h"
#include "tap.h"

#define NOW 1786090200 /* 2026-08-07 16:10:00 HKT */

static struct quote_result res[5];
static struct instrument req[5];

/* All the figures as "label=value" lines. */
static char *lines(const struct quote *q, bool utf8)
{
	static char buf[4096];
	struct fig_line f[DETAIL_FIGS_MAX];
	size_t n = detail_figures(q, NOW, NAMES_EN, utf8, f, DETAIL_FIGS_MAX), o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s=%s%s\n", f[i].label, f[i].value,
				      f[i].tone == FIG_UP ? " (up)" : f[i].tone == FIG_DOWN ? " (down)" : "");
	return buf;
}

static char *adr_text(const struct adr *a, struct adr_side hk, struct adr_side us,
		      const struct adr_fx *fx)
{
	static char buf[2048];
	struct fig_line f[3];
	size_t n = detail_figures_adr_lines(a, hk, us, fx, NOW, f, 3), o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s=%s%s\n", f[i].label, f[i].value,
				      f[i].tone == FIG_ERROR ? " (error)" :
				      f[i].tone == FIG_DIM ? " (dim)" : "");
	return buf;
}

int main(void)
{
	static const char *const syms[] = { "700", "9988", "HSI", "HSTECH", "BABA" };
	struct adr_table t;
	struct quote q;
	char err[128], buf[128], *body;
	size_t len;

	setlocale(LC_ALL, "C.UTF-8");
	for (size_t i = 0; i < 5; i++)
		symbol_parse(syms[i], &req[i], err, sizeof err);
	body = slurp("tencent-batch.gbk.txt", &len);
	quote_tencent_source.parse(body, len, NULL, req, 5, res);
	free(body);
	for (size_t i = 0; i < 5; i++)
		ok(res[i].ok, "%s parsed from the captured batch", syms[i]);

	is_str(lines(&res[0].q, true),
	       "Last=478.800\nChange=-0.400 (down)\nChange %=-0.08% (down)\nOpen=479.000\n"
	       "High=483.200\nLow=475.400\nPrev close=479.200\nVWAP=478.173\nVolume=16.3M\n"
	       "Turnover=7.80B\nAmplitude=1.63%\n52w high=677.700\n52w low=411.000\n"
	       "52w range=├──●───────┤ 25%\nMarket cap=4.35T\nP/E=17.47\nP/B=3.46\n"
	       "Div yield=1.11%\nBoard lot=100 = 47,880.00 HKD\nTick size=0.200\n",
	       "0700: every figure Tencent gave; VWAP = turnover / volume; lot value; HKEX tick");
	is_str(lines(&res[2].q, false),
	       "Last=24858.820\nChange=-102.640 (down)\nChange %=-0.41% (down)\nOpen=24990.110\n"
	       "High=25020.540\nLow=24780.310\nPrev close=24961.460\n52w high=27381.840\n"
	       "52w low=19850.520\n52w range=|------o---| 66%\n",
	       "HSI: no volume, turnover, lot or tick for an index; an ASCII 52w bar");
	ok(strstr(lines(&res[4].q, true), "Bid=120.440\nAsk=120.470\n") != NULL,
	   "BABA: a US line's real bid and ask");
	ok(strstr(lines(&res[4].q, true), "Tick size") == NULL, "BABA: no HKEX tick for a US listing");
	ok(strstr(lines(&res[4].q, true), "Board lot") == NULL, "BABA: no board lot");

	/* A figure the source left out is no line at all, never a 0. */
	q = res[0].q;
	q.f[QF_PE].ok = q.f[QF_HIGH_52W].ok = false;
	q.lot_size = 0;
	ok(!strstr(lines(&q, true), "P/E") && !strstr(lines(&q, true), "52w range") &&
	   !strstr(lines(&q, true), "Board lot"), "missing P/E, 52w high, lot: their lines are gone");
	/* VWAP without turnover: the one the source printed. */
	q = res[0].q;
	q.f[QF_TURNOVER].ok = false;
	q.f[QF_VWAP] = (struct num){ 478.5, 3, true };
	ok(strstr(lines(&q, true), "VWAP=478.500\n") != NULL, "VWAP falls back to the source's");

	detail_figures_range_bar((struct num){ 10, 0, true }, (struct num){ 20, 0, true },
			 (struct num){ 25, 0, true }, 7, false, buf, sizeof buf);
	is_str(buf, "|----o| 100%", "range bar: a price above the high sits at the end");
	detail_figures_range_bar((struct num){ 10, 0, true }, (struct num){ 10, 0, true },
			 (struct num){ 10, 0, true }, 7, false, buf, sizeof buf);
	is_str(buf, "", "range bar: no range, no bar");
	detail_figures_grouped(-1234567.891, 2, buf, sizeof buf);
	is_str(buf, "-1,234,567.89", "grouped thousands");
	detail_figures_grouped(999, 0, buf, sizeof buf);
	is_str(buf, "999", "no comma under 1000");

	detail_figures_quote_line(&res[0].q, NOW, buf, sizeof buf);
	is_str(buf, "Quote 2026-08-07T16:08:23+08:00, 1m old, from tencent", "quote time, age, source");
	detail_figures_quote_line(&res[0].q, res[0].q.time - 30, buf, sizeof buf);
	is_str(buf, "Quote 2026-08-07T16:08:23+08:00, 30s AHEAD of this clock, from tencent",
	       "a quote from the future is flagged");

	/* ADR parity: BABA x 7.8312 / 8 = 117.9085 HKD against 9988 at 118.300. */
	if (!adr_table_load(&t, builtin_adr, builtin_adr_len, err, sizeof err))
		printf("Bail out! %s\n", err);
	{
		const struct adr *a = adr_find(&t, &req[1]);
		struct adr_fx fx = { { 7.8312, 4, true }, NOW - 120, "yahoo", "" };
		struct quote usq = res[4].q;
		struct adr_side hk = { &res[1].q, "" }, us = { &usq, "" };
		struct adr_side none = { NULL, "tencent: BABA: HTTP 503" };

		ok(a && a->ratio == 8, "9988 finds BABA, ratio 8");
		/* New York's last close before this HK afternoon: 2026-08-06 16:00 EDT. */
		hktime_make(2026, 8, 6, 16, 0, 2, -4 * 3600, &usq.time);
		is_str(adr_text(a, hk, us, &fx),
		       "ADR BABA=120.450 USD, 12h old, tencent 2026-08-06T16:00:02-04:00; 1 ADS = 8 x 9988\n"
		       "USD/HKD=7.8312, 2m old, yahoo 2026-08-07T08:08:00+00:00\n"
		       "Parity=117.909 HKD a share; 9988 at 118.300 is +0.33% (premium)\n",
		       "both quote times with ages, the rate, HK-equivalent, premium");
		fx.rate.v = 7.90;
		is_str(adr_text(a, hk, us, &fx),
		       "ADR BABA=120.450 USD, 12h old, tencent 2026-08-06T16:00:02-04:00; 1 ADS = 8 x 9988\n"
		       "USD/HKD=no live rate: USD/HKD 7.9000 is outside the 7.75-7.85 peg band (error)\n",
		       "a rate outside the peg band is refused: no parity");
		fx.rate.ok = false;
		fx.err = "yahoo: USD/HKD: HTTP 429";
		is_str(adr_text(a, hk, none, &fx),
		       "ADR BABA=tencent: BABA: HTTP 503 (error)\n"
		       "USD/HKD=no live rate: yahoo: USD/HKD: HTTP 429 (error)\n",
		       "no rate, no ADR quote: say so, invent nothing");
		fx.rate = (struct num){ 7.80, 2, true };
		ok(strstr(adr_text(a, (struct adr_side){ NULL, "" }, us, &fx),
			  "Parity=117.439 HKD a share; 9988: no price\n") != NULL,
		   "no HK price: the HK-equivalent alone");
		/* An old price on either side makes an old premium: marked so. */
		hk.stale = true;
		hk.err = "tencent: 9988: HTTP 503";
		ok(strstr(adr_text(a, hk, us, &fx),
			  "Parity=117.439 HKD a share; 9988 at 118.300 is +0.73% (premium); "
			  "STALE: tencent: 9988: HTTP 503 (dim)\n") != NULL,
		   "a stale HK price: the premium says STALE and why");
		hk.stale = false;
		us.stale = true;
		us.err = "tencent: BABA: HTTP 503";
		ok(strstr(adr_text(a, hk, us, &fx), "STALE: tencent: BABA: HTTP 503 (dim)\n") != NULL,
		   "a stale ADS price too");
	}
	adr_table_done(&t);
	return tap_done();
}
