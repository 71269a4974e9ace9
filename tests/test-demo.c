/* test-demo.c - the simulated trading day: its sessions, its story, its
 * charts, and that it speaks the services' formats well enough for the real
 * parsers */
#include "config.h"

#include <stdlib.h>

#include "base/builtin.h"
#include "base/charset.h"
#include "config/conffile.h"
#include "feeds/demo.h"
#include "base/hktime.h"
#include "model/market.h"
#include "config/options.h"
#include "feeds/quote_source.h"
#include "feeds/series_source.h"
#include "tap.h"

#define MAXN 64

static struct instrument list[MAXN];
static size_t nlist;
static struct market_calendar cal;

static time_t hkt(int y, int mo, int d, int h, int mi, int s)
{
	time_t t = 0;

	hktime_make(y, mo, d, h, mi, s, HKT_OFFSET, &t);
	return t;
}

static long long milli(struct num n)
{
	return llround(n.v * 1000.0);
}

/* The shipped default watchlist, read by the real config parser, plus
 * HSCEI, which the demo also knows. */
static void default_watchlist(void)
{
	struct options o;
	struct causes c = { 0 };
	char err[128];

	options_init(&o);
	conffile_parse(&o, "hktoprc", builtin_config, builtin_config_len, &c);
	for (size_t i = 0; i < o.nwatch && nlist < MAXN - 1; i++)
		list[nlist++] = o.watchlist[i];
	symbol_parse("HSCEI", &list[nlist++], err, sizeof err);
	ok(c.n == 0 && o.nwatch > 30, "default watchlist: %zu symbols", o.nwatch);
	conffile_causes_done(&c);
	options_done(&o);
}

static bool body_at(struct demo *d, time_t now, const struct instrument *in, size_t n,
		    char **body, size_t *len, struct quote_result *res)
{
	char err[128];

	if (!demo_body(d, now, in, n, body, len, err, sizeof err))
		return false;
	quote_tencent_source.parse(*body, *len, NULL, in, n, res);
	return true;
}

static bool on_grid(double price, time_t when)
{
	long long tick = llround(market_tick_size(price, when) * 1000.0);

	return tick > 0 && llround(price * 1000.0) % tick == 0;
}

/* Field i of a decoded line as a number; the fields start after `="`. */
static double field(const char *line, int i)
{
	const char *p = strchr(line, '"');

	for (p = p ? p + 1 : line; i > 0 && p; i--)
		if ((p = strchr(p, '~')))
			p++;
	return p ? atof(p) : NAN;
}

/* Field counts, the security type, and amplitude (field 43), which the
 * parser does not keep for indexes: read from the decoded body. */
static void check_shapes(const char *body, size_t len)
{
	char *utf8, err[64];
	size_t ulen, bad, lines = 0, good = 0, amp_ok = 0;
	char *p, *nl;

	if (!charset_gbk_to_utf8(body, len, &utf8, &ulen, &bad, err, sizeof err)) {
		ok(0, "body decodes from GBK: %s", err);
		return;
	}
	ok(bad == 0, "body is clean GBK");
	ok(strstr(utf8, "v_r_hk00700=\"100~腾讯控股~00700~") != NULL, "Tencent line as the feed writes it");
	ok(strstr(utf8, "~BABA.N~") && strstr(utf8, "~BIDU.OQ~"), "US reply codes carry the venue");
	for (p = utf8; (nl = strchr(p, '\n')); p = nl + 1) {
		int fields = 1;
		const char *q, *f63 = NULL;
		double amp;

		*nl = '\0';
		lines++;
		for (q = p; *q; q++)
			if (*q == '~' && ++fields == 64)
				f63 = q + 1;
		if (strncmp(p, "v_r_hk", 6) == 0)
			good += fields == 78 && f63 && strncmp(f63, "GP~", 3) == 0;
		else if (strncmp(p, "v_hk", 4) == 0)
			good += fields >= 50 && f63 && strncmp(f63, "ZS~", 3) == 0;
		else if (strncmp(p, "v_us", 4) == 0)
			good += fields == 71;
		else
			printf("# odd line: %.40s\n", p);
		amp = (field(p, 33) - field(p, 34)) / field(p, 4) * 100.0;
		amp_ok += fabs(field(p, 43) - round(amp * 100) / 100) < 1e-9;
	}
	is_int(good, lines, "every line has its layout's field count and type");
	is_int(amp_ok, lines, "every line's amplitude is (high - low) / previous close");
	free(utf8);
}

/* Everything the real parser keeps must add up the way the feed's does. */
static int inconsistent(const struct quote_result *r, time_t now)
{
	const struct quote *q = &r->q;
	const struct num *f = q->f;
	double pct, amp;

	if (!r->ok)
		return 1;
	if (milli(f[QF_PRICE]) - milli(f[QF_PREV_CLOSE]) != milli(f[QF_CHANGE]))
		return 2;
	pct = (double)milli(f[QF_CHANGE]) / (double)milli(f[QF_PREV_CLOSE]) * 100.0;
	if (!f[QF_CHANGE_PCT].ok || fabs(f[QF_CHANGE_PCT].v - round(pct * 100) / 100) > 1e-9)
		return 3;
	if (!(f[QF_LOW].v <= f[QF_PRICE].v && f[QF_PRICE].v <= f[QF_HIGH].v &&
	      f[QF_LOW].v <= f[QF_OPEN].v && f[QF_OPEN].v <= f[QF_HIGH].v))
		return 4;
	/* Indexes: the parser drops amplitude; check_shapes reads it raw. */
	amp = (f[QF_HIGH].v - f[QF_LOW].v) / f[QF_PREV_CLOSE].v * 100.0;
	if (q->in.market != MARKET_HK_INDEX &&
	    (!f[QF_AMPLITUDE].ok || fabs(f[QF_AMPLITUDE].v - amp) > 0.005 + 1e-9))
		return 5;
	if (fabs(f[QF_PRICE].v / f[QF_PREV_CLOSE].v - 1.0) > 0.20)
		return 6;
	if (q->in.market == MARKET_HK_INDEX)
		return strcmp(q->currency, "HKD") ? 7 : 0;
	if (!f[QF_VOLUME].ok || f[QF_VOLUME].v <= 0 || !f[QF_TURNOVER].ok || !f[QF_MARKET_CAP].ok)
		return 8;
	if (q->in.market == MARKET_US)
		return strcmp(q->currency, "USD") || !f[QF_BID].ok || !f[QF_ASK].ok ? 9 : 0;
	if (!f[QF_VWAP].ok || fabs(f[QF_VWAP].v - f[QF_TURNOVER].v / f[QF_VOLUME].v) > 0.0005 + 1e-9)
		return 10;
	if (!f[QF_SHARES].ok ||
	    fabs(f[QF_MARKET_CAP].v / (f[QF_PRICE].v * f[QF_SHARES].v) - 1.0) > 1e-6)
		return 11;
	if (q->lot_size <= 0 || strcmp(q->currency, "HKD") || fmod(f[QF_VOLUME].v, (double)q->lot_size))
		return 12;
	if (!on_grid(f[QF_PRICE].v, now) || !on_grid(f[QF_OPEN].v, now) ||
	    !on_grid(f[QF_HIGH].v, now) || !on_grid(f[QF_LOW].v, now))
		return 13;
	return q->time <= now ? 0 : 14;
}

static void test_default_watchlist(void)
{
	time_t start = hkt(2026, 8, 7, 10, 0, 0);
	struct quote_result res[MAXN];
	struct instrument tencent;
	struct demo *d;
	char *body = NULL, err[256] = "";
	size_t len = 0;
	int bad = 0;

	symbol_parse("700", &tencent, err, sizeof err);

	ok((d = demo_new(builtin_demo, builtin_demo_len, 42, start, &cal, err, sizeof err)) != NULL,
	   "built-in demo data loads: %s", err);
	if (!d)
		return;
	ok(body_at(d, start, list, nlist, &body, &len, res), "demo_body");
	for (size_t i = 0; i < nlist; i++) {
		int why = inconsistent(&res[i], start);

		if (why) {
			printf("# %s: check %d failed: %s\n", list[i].display, why, res[i].err);
			bad++;
		}
	}
	is_int(bad, 0, "all %zu quotes parse and add up", nlist);
	check_shapes(body, len);
	for (size_t i = 0; i < nlist; i++)
		if (symbol_equal(&res[i].q.in, &tencent)) {
			is_str(res[i].q.name, "腾讯控股", "Chinese name through GBK");
			is_str(res[i].q.name_en, "TENCENT", "English name");
			is_int(res[i].q.lot_size, 100, "board lot");
		}
	free(body);
	demo_free(d);
}

static void test_unknown(void)
{
	struct instrument in[3];
	struct quote_result res[3];
	struct demo *d;
	char *body = NULL, err[256] = "";
	size_t len = 0;

	symbol_parse("0005", &in[0], err, sizeof err);
	symbol_parse("AAPL", &in[1], err, sizeof err);
	symbol_parse("0700", &in[2], err, sizeof err);
	d = demo_new(builtin_demo, builtin_demo_len, 1, hkt(2026, 8, 7, 11, 0, 0), &cal, err, sizeof err);
	ok(d && body_at(d, hkt(2026, 8, 7, 11, 0, 0), in, 3, &body, &len, res), "body for unknowns");
	ok(body && strstr(body, "v_r_hk00005=\"\";\n") && strstr(body, "v_usAAPL=\"\";\n"),
	   "unknown codes get empty lines, as the service sends");
	ok(!res[0].ok && strstr(res[0].err, "no data"), "0005: %s", res[0].err);
	ok(!res[1].ok && strstr(res[1].err, "no data"), "AAPL: %s", res[1].err);
	ok(res[2].ok, "a known one beside them still parses");
	free(body);
	demo_free(d);
}

static void test_determinism_and_movement(void)
{
	time_t t0 = hkt(2026, 8, 7, 9, 30, 0);
	struct demo *a, *b, *c;
	char *ba[3] = { 0 }, *bb[3] = { 0 }, *bc = NULL, err[128];
	size_t la[3], lb[3], lc, moved = 0;
	struct quote_result r0[MAXN], r1[MAXN];

	a = demo_new(builtin_demo, builtin_demo_len, 7, t0, &cal, err, sizeof err);
	b = demo_new(builtin_demo, builtin_demo_len, 7, t0, &cal, err, sizeof err);
	c = demo_new(builtin_demo, builtin_demo_len, 8, t0, &cal, err, sizeof err);
	if (!a || !b || !c) {
		ok(0, "demo_new: %s", err);
		return;
	}
	for (int i = 0; i < 3; i++) {
		demo_body(a, t0 + i * 300, list, nlist, &ba[i], &la[i], err, sizeof err);
		demo_body(b, t0 + i * 300, list, nlist, &bb[i], &lb[i], err, sizeof err);
	}
	demo_body(c, t0 + 600, list, nlist, &bc, &lc, err, sizeof err);
	ok(la[2] == lb[2] && memcmp(ba[2], bb[2], la[2]) == 0 &&
	   la[1] == lb[1] && memcmp(ba[1], bb[1], la[1]) == 0,
	   "same seed and times: byte-identical bodies");
	ok(lc != la[2] || memcmp(bc, ba[2], lc) != 0, "another seed: another market");

	quote_tencent_source.parse(ba[0], la[0], NULL, list, nlist, r0);
	quote_tencent_source.parse(ba[2], la[2], NULL, list, nlist, r1);
	for (size_t i = 0; i < nlist; i++)
		moved += r0[i].ok && r1[i].ok && r0[i].q.f[QF_PRICE].v != r1[i].q.f[QF_PRICE].v;
	ok(moved * 3 > nlist * 2, "prices move in ten minutes (%zu of %zu)", moved, nlist);
	for (int i = 0; i < 3; i++)
		free(ba[i]);
	free(bc);

	/* What it shows is a function of the time: asked again for an
	 * earlier minute, it answers as it did then. */
	demo_body(a, t0 + 900, list, nlist, &ba[0], &la[0], err, sizeof err);
	demo_body(a, t0 + 300, list, nlist, &ba[1], &la[1], err, sizeof err);
	ok(la[1] == lb[1] && memcmp(ba[1], bb[1], la[1]) == 0, "an earlier time: the same body again");
	free(ba[0]);
	free(ba[1]);
	for (int i = 0; i < 3; i++)
		free(bb[i]);
	demo_free(a);
	demo_free(b);
	demo_free(c);
}

/* A whole session a minute at a time, every quote checked each minute. */
static void test_day(void)
{
	time_t open = hkt(2026, 8, 7, 9, 30, 0), close = hkt(2026, 8, 7, 16, 8, 0), t;
	struct quote_result res[MAXN];
	char err[128];
	struct demo *d = demo_new(builtin_demo, builtin_demo_len, 2026, open, &cal, err, sizeof err);
	size_t bad = 0, steps = 0, hsi = 0, hstech = 0;
	double worst = 0, wsum = 0, wret = 0;

	for (size_t i = 0; i < nlist; i++) {
		if (!strcmp(list[i].code, "HSI"))
			hsi = i;
		if (!strcmp(list[i].code, "HSTECH"))
			hstech = i;
	}
	for (t = open; d && t <= close; t += 60, steps++) {
		char *body = NULL;
		size_t len;

		if (!body_at(d, t, list, nlist, &body, &len, res)) {
			bad++;
			break;
		}
		for (size_t i = 0; i < nlist; i++) {
			int why = inconsistent(&res[i], t);
			double dev = fabs(res[i].q.f[QF_PRICE].v / res[i].q.f[QF_PREV_CLOSE].v - 1.0);

			if (why && bad++ < 5)
				printf("# %s at +%lds: check %d: %s\n", list[i].display,
				       (long)(t - open), why, res[i].err);
			if (dev > worst)
				worst = dev;
		}
		free(body);
	}
	ok(d && steps == 399, "simulated a session: %zu minutes", steps);
	is_int(bad, 0, "every quote parsed, added up and sat on the tick grid all day");
	ok(worst <= 0.20, "largest move from the previous close: %.1f%%", worst * 100);
	/* The indexes follow the cap-weighted average of the stocks. */
	for (size_t i = 0; i < nlist; i++) {
		const struct num *f = res[i].q.f;
		double w;

		if (res[i].q.in.market != MARKET_HK)
			continue;
		w = f[QF_MARKET_CAP].v / f[QF_PRICE].v * f[QF_PREV_CLOSE].v;
		wsum += w;
		wret += w * (f[QF_PRICE].v / f[QF_PREV_CLOSE].v - 1.0);
	}
	wret /= wsum;
	ok(fabs(res[hsi].q.f[QF_PRICE].v / res[hsi].q.f[QF_PREV_CLOSE].v - 1.0 - wret) < 0.015 &&
	   fabs(res[hstech].q.f[QF_PRICE].v / res[hstech].q.f[QF_PREV_CLOSE].v - 1.0 - wret) < 0.02,
	   "HSI and HSTECH track the stocks' weighted move (%.2f%%)", wret * 100);
	demo_free(d);
}

/* Started mid-afternoon, the first screen has a day behind it. */
static void test_warm_start(void)
{
	time_t t = hkt(2026, 8, 7, 14, 0, 0);
	struct quote_result res[MAXN];
	char err[128], *body = NULL;
	struct demo *d = demo_new(builtin_demo, builtin_demo_len, 11, t, &cal, err, sizeof err);
	size_t len, ranged = 0, bad = 0;

	if (!d || !body_at(d, t, list, nlist, &body, &len, res)) {
		ok(0, "warm start");
		demo_free(d);
		return;
	}
	for (size_t i = 0; i < nlist; i++) {
		ranged += res[i].q.f[QF_HIGH].v > res[i].q.f[QF_LOW].v;
		bad += inconsistent(&res[i], t) != 0;
	}
	ok(ranged * 4 > nlist * 3, "a day's range already (%zu of %zu)", ranged, nlist);
	is_int(bad, 0, "and it all adds up");
	free(body);
	demo_free(d);
}

/* One instrument's quote at t, parsed. */
static bool quote_at(struct demo *d, time_t t, const struct instrument *in, struct quote_result *r)
{
	char *body = NULL;
	size_t len;
	bool ok = body_at(d, t, in, 1, &body, &len, r) && r->ok;

	free(body);
	return ok;
}

static double pct(const struct quote_result *r)
{
	return (r->q.f[QF_PRICE].v / r->q.f[QF_PREV_CLOSE].v - 1.0) * 100.0;
}

/* The HKEX day (HK-FACTS §3a): nothing traded before the pre-opening
 * auction matches, the open set by it, no trades at lunch, none in the
 * closing auction until its random close, and then one last print. */
static void test_sessions(void)
{
	time_t day = hkt(2026, 8, 7, 0, 0, 0);
	struct instrument in[2];
	struct quote_result r, r2;
	char err[128];
	struct demo *d = demo_new(builtin_demo, builtin_demo_len, 3, day + 10 * 3600, &cal, err,
				  sizeof err);

	symbol_parse("0700", &in[0], err, sizeof err);
	symbol_parse("BABA", &in[1], err, sizeof err);
	if (!d) {
		ok(0, "demo_new: %s", err);
		return;
	}
	ok(quote_at(d, day + 8 * 3600, &in[0], &r), "08:00 quote");
	ok(r.q.f[QF_PRICE].v == r.q.f[QF_PREV_CLOSE].v && r.q.f[QF_VOLUME].v == 0,
	   "before the auction: the previous close, nothing traded");
	is_int(r.q.time, hkt(2026, 8, 6, 16, 10, 0), "stamped at the last session's close");
	ok(quote_at(d, hkt(2026, 8, 7, 9, 25, 0), &in[0], &r), "09:25 quote");
	ok(r.q.f[QF_VOLUME].v > 0 && r.q.f[QF_OPEN].v == r.q.f[QF_PRICE].v &&
	   r.q.f[QF_HIGH].v == r.q.f[QF_LOW].v, "after the auction's match: the open, its volume");
	ok(quote_at(d, hkt(2026, 8, 7, 12, 0, 0), &in[0], &r) &&
	   quote_at(d, hkt(2026, 8, 7, 12, 59, 59), &in[0], &r2), "lunch quotes");
	ok(r.q.f[QF_PRICE].v == r2.q.f[QF_PRICE].v && r.q.f[QF_VOLUME].v == r2.q.f[QF_VOLUME].v,
	   "lunch has no trades");
	is_int(r2.q.time, hkt(2026, 8, 7, 12, 0, 0), "lunch quotes are the morning's last");
	ok(quote_at(d, hkt(2026, 8, 7, 15, 59, 59), &in[0], &r) &&
	   quote_at(d, hkt(2026, 8, 7, 16, 7, 59), &in[0], &r2), "closing auction quotes");
	ok(r.q.f[QF_PRICE].v == r2.q.f[QF_PRICE].v && r.q.f[QF_VOLUME].v == r2.q.f[QF_VOLUME].v,
	   "the closing auction matches nothing before its random close");
	ok(quote_at(d, hkt(2026, 8, 7, 16, 10, 0), &in[0], &r2) &&
	   r2.q.f[QF_VOLUME].v > r.q.f[QF_VOLUME].v, "the close prints the auction's volume");
	ok(r2.q.time >= hkt(2026, 8, 7, 16, 8, 0) && r2.q.time < hkt(2026, 8, 7, 16, 10, 0),
	   "at a random moment from 16:08");
	ok(quote_at(d, hkt(2026, 8, 7, 20, 0, 0), &in[0], &r) &&
	   r.q.f[QF_PRICE].v == r2.q.f[QF_PRICE].v && r.q.time == r2.q.time, "then it is closed");
	/* The ADRs: the last US session until New York opens (EDT here). */
	ok(quote_at(d, hkt(2026, 8, 7, 11, 0, 0), &in[1], &r), "BABA in the HK morning");
	is_int(r.q.time, hkt(2026, 8, 7, 4, 0, 0), "the last US close (16:00 EDT)");
	ok(quote_at(d, hkt(2026, 8, 7, 22, 30, 0), &in[1], &r2) && r2.q.time == hkt(2026, 8, 7, 22, 30, 0),
	   "BABA trades in the US session");
	is_int(r2.q.utc_offset, -4 * 3600, "US line in Eastern time (EDT)");
	ok(r2.q.f[QF_PREV_CLOSE].v == r.q.f[QF_PRICE].v, "its previous close is the last session's");
	demo_free(d);
	/* On a Monday the last US session is Friday's. */
	d = demo_new(builtin_demo, builtin_demo_len, 3, hkt(2026, 8, 10, 10, 0, 0), &cal, err, sizeof err);
	ok(d && quote_at(d, hkt(2026, 8, 10, 11, 0, 0), &in[1], &r) &&
	   r.q.time == hkt(2026, 8, 8, 4, 0, 0), "Monday: BABA as of Friday's close in New York");
	demo_free(d);
}

/* The default story: a chip deal lifts Alibaba about 5-6 % and Baidu far
 * more, the AI-chip names after them; whatever the seed. */
static void test_story(void)
{
	static const char *const names[] = { "9988", "9888", "0981", "1347", "6082", "9903" };
	static const double lo[] = { 5.0, 10.0, 4.0, 4.0, 6.0, 6.0 }, hi[] = { 6.0, 20.0, 9, 10, 15, 14 };
	char err[128];

	for (unsigned long seed = 1; seed <= 3; seed++) {
		struct demo *d = demo_new(builtin_demo, builtin_demo_len, seed,
					  hkt(2026, 8, 7, 10, 0, 0), &cal, err, sizeof err);
		int good = 0, calm = 0;

		for (size_t i = 0; d && i < sizeof names / sizeof names[0]; i++) {
			struct instrument in;
			struct quote_result before, after;

			symbol_parse(names[i], &in, err, sizeof err);
			if (quote_at(d, hkt(2026, 8, 7, 10, 14, 0), &in, &before) &&
			    quote_at(d, hkt(2026, 8, 7, 16, 10, 0), &in, &after)) {
				good += pct(&after) >= lo[i] && pct(&after) <= hi[i];
				calm += fabs(pct(&before)) < 3.5;
				if (pct(&after) < lo[i] || pct(&after) > hi[i])
					printf("# seed %lu: %s closes %+.2f%%\n", seed, names[i], pct(&after));
			}
		}
		is_int(good, 6, "seed %lu: Alibaba +5-6 %%, Baidu over 10 %%, the chip names follow", seed);
		is_int(calm, 6, "seed %lu: and before the 10:14 headline none had moved yet", seed);
		demo_free(d);
	}
}

/* Charts through the real parsers, agreeing with the quotes. */
static bool chart(struct demo *d, time_t t, const struct instrument *in, enum series_range r,
		  bool fallback, struct series *s)
{
	struct series_request req;
	char *body = NULL, err[256];
	size_t len;
	bool ok = series_source_plan(in, r, fallback, NULL, NULL, &req, err, sizeof err) &&
		  demo_series_body(d, t, in, &req, &body, &len, err, sizeof err) &&
		  series_source_parse(&req, body, len, in, s);

	if (!ok)
		printf("# %s %s: %s\n", in->display, series_ranges[r].name, body ? s->err : err);
	free(body);
	return ok;
}

static void test_series(void)
{
	time_t t = hkt(2026, 8, 7, 12, 30, 0), close = hkt(2026, 8, 7, 16, 30, 0);
	struct instrument in, hsi, baba;
	struct quote_result q;
	struct series s, k, w;
	char err[128];
	struct demo *d = demo_new(builtin_demo, builtin_demo_len, 5, t, &cal, err, sizeof err);
	double vol = 0;
	size_t lunch = 0;

	symbol_parse("9888", &in, err, sizeof err);
	symbol_parse("HSI", &hsi, err, sizeof err);
	symbol_parse("BABA", &baba, err, sizeof err);
	ok(d && chart(d, t, &in, SERIES_1D, false, &s), "1D: Tencent minute JSON parses");
	if (!d)
		return;
	is_int(s.n, 150, "09:30 to 11:59: 150 minute bars at lunch");
	for (size_t i = 0; i < s.n; i++) {
		int sec = hktime_second_of_day(s.v[i].t, HKT_OFFSET);
		vol += s.v[i].volume.v;
		lunch += sec >= 12 * 3600 && sec < 13 * 3600;
	}
	is_int(lunch, 0, "no minute bar in the lunch break");
	ok(quote_at(d, t, &in, &q) && q.q.f[QF_PRICE].v == s.v[s.n - 1].close.v &&
	   q.q.f[QF_VOLUME].v == vol, "the last bar is the quote's price; the bars add up to its volume");
	series_done(&s);
	ok(chart(d, close, &in, SERIES_1D, false, &s) && s.n == 331, "after the close: %zu bars", s.n);
	ok(chart(d, close, &in, SERIES_1Y, false, &k), "1Y: Tencent kline JSON parses");
	ok(k.n == 250, "a year of day bars (%zu)", k.n);
	ok(quote_at(d, close, &in, &q) && k.v[k.n - 1].open.v == q.q.f[QF_OPEN].v &&
	   k.v[k.n - 1].high.v == q.q.f[QF_HIGH].v && k.v[k.n - 1].low.v == q.q.f[QF_LOW].v &&
	   k.v[k.n - 1].close.v == q.q.f[QF_PRICE].v && k.v[k.n - 1].volume.v == q.q.f[QF_VOLUME].v,
	   "today's day bar is the minute bars' open, high, low, close and volume");
	vol = 0;
	for (size_t i = 0; i < s.n; i++)
		vol += s.v[i].volume.v;
	ok(vol == k.v[k.n - 1].volume.v, "day volume = sum of the minute bars'");
	ok(k.v[k.n - 2].close.v == q.q.f[QF_PREV_CLOSE].v, "yesterday's bar closes at the previous close");
	ok(chart(d, close, &in, SERIES_5Y, false, &w) && w.n > 250 && w.n <= 265,
	   "5Y: week bars (%zu)", w.n);
	ok(w.v[w.n - 1].close.v == q.q.f[QF_PRICE].v, "the last week ends on today's close");
	series_done(&s);
	series_done(&k);
	series_done(&w);
	ok(chart(d, close, &hsi, SERIES_1D, false, &s) && s.n == 331, "HSI minutes");
	series_done(&s);
	ok(chart(d, close, &in, SERIES_5D, true, &s) && s.n == 5, "5D: the day bars (Tencent, the second choice)");
	series_done(&s);
	ok(chart(d, hkt(2026, 8, 7, 23, 0, 0), &baba, SERIES_1D, false, &s) && s.n == 91,
	   "BABA 1D: Yahoo chart JSON, 91 minute bars by 11:00 New York");
	series_done(&s);
	ok(chart(d, close, &baba, SERIES_1Y, false, &s) && s.n == 250, "BABA 1Y: Yahoo day bars");
	series_done(&s);
	demo_free(d);
}

static void test_clock(void)
{
	struct demo_clock c;

	demo_clock_init(&c, 1000, 60, 5000);
	is_int(demo_clock_now(&c, 5000), 1000, "clock starts at start");
	is_int(demo_clock_now(&c, 6000), 1060, "speed 60: a minute a second");
	demo_clock_pause(&c, true, 6500);
	is_int(demo_clock_now(&c, 60000), 1090, "paused, it stands");
	is_int(demo_clock_next_minute_ms(&c, 60000), -1, "and wakes nobody");
	demo_clock_step(&c, 60, 61000);
	is_int(demo_clock_now(&c, 62000), 1150, "a step moves it a minute");
	demo_clock_pause(&c, false, 70000);
	is_int(demo_clock_now(&c, 71000), 1210, "resumed, it runs from there");
	is_int(demo_clock_next_minute_ms(&c, 71000), 834, "the next demo minute: 50 demo seconds, 834 ms");
}

static void test_bad_data(void)
{
	static const char off_grid[] =
		"# x\n0700\t479.300\t100\t9082721689\t2.0\t27.40\t138.50\t5.321\tTENCENT\t腾讯控股\n";
	static const char short_row[] = "HSI\t24961.460\t-\t-\n";
	static const char no_venue[] =
		"BABA\t120.450\t-\t2388066000\t2.6\t8.60\t63.80\t1.050\tAlibaba\t阿里巴巴\n";
	char err[256] = "";

	ok(!demo_new(off_grid, sizeof off_grid - 1, 1, 0, NULL, err, sizeof err) &&
	   strstr(err, "line 2") && strstr(err, "grid"), "off-grid close refused: %s", err);
	ok(!demo_new(short_row, sizeof short_row - 1, 1, 0, NULL, err, sizeof err) &&
	   strstr(err, "line 1"), "short row refused: %s", err);
	ok(!demo_new(no_venue, sizeof no_venue - 1, 1, 0, NULL, err, sizeof err) &&
	   strstr(err, "venue"), "US row without venue refused: %s", err);
	ok(!demo_new("# nothing\n", 10, 1, 0, NULL, err, sizeof err) && strstr(err, "no instruments"),
	   "no rows refused: %s", err);
}

int main(void)
{
	char err[128];

	if (!market_calendar_load(&cal, builtin_calendar, builtin_calendar_len, err, sizeof err))
		return printf("Bail out! calendar: %s\n", err), 1;
	default_watchlist();
	test_default_watchlist();
	test_unknown();
	test_determinism_and_movement();
	test_day();
	test_warm_start();
	test_sessions();
	test_story();
	test_series();
	test_clock();
	test_bad_data();
	market_calendar_done(&cal);
	return tap_done();
}
