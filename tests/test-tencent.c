/* test-tencent.c - Tencent qt.gtimg.cn lines: every figure, and every way a line goes wrong
 *
 * Fixtures (tests/fixtures/, GBK bytes exactly as the service sends them;
 * built from FORMATS.md §1.1, all its self-checks hold):
 *   tencent-batch.gbk.txt     v_r_hk00700, v_r_hk09988 (78 fields, 2026-08-07
 *                             16:08 HKT close), v_hkHSI, v_hkHSTECH (index
 *                             lines, f63 ZS), v_usBABA (71 fields, code
 *                             BABA.N, 16:00:02 New York time, EDT)
 *   tencent-unknown.gbk.txt   only v_pv_none_match="1"; (every code unknown)
 *   tencent-partial.gbk.txt   v_r_hk00700 as above, then v_r_hk99999="";
 *   tencent-truncated.gbk.txt v_r_hk00700 whole, then v_r_hk09988 cut off
 *                             200 bytes in, with no closing quote
 *   tencent-price0.gbk.txt    v_r_hk00700 with price, open, high, low 0.000
 *                             (how a suspended or unknown code looks), then
 *                             a good v_r_hk09988
 *   tencent-hostile.gbk.txt   v_r_hk00700 whose names hold an OSC title,
 *                             a CSI clear screen, U+202E and U+2066 (those two
 *                             as GB18030 four-byte forms), CRLF line end
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "base/charset.h"
#include "base/hktime.h"
#include "feeds/quote_source.h"
#include "fixture.h"
#include "tap.h"
#include "feeds/quote_tencent.h"

/* The fixture's lines, in UTF-8, as the base of every mutation below */
static const char hk00700[] =
	"100~腾讯控股~00700~478.800~479.200~479.000~16319939.0~0~0~478.800~0~0~"
	"0~0~0~0~0~0~0~478.800~0~0~0~0~"
	"0~0~0~0~0~16319939.0~2026/08/07 16:08:23~-0.400~-0.08~483.200~475.400~478.800~"
	"16319939.0~7803757295.250~0~17.47~~0~0~1.63~43488.0714~43488.0714~TENCENT~1.11~"
	"677.700~411.000~0.57~-42.02~0~0~0~0~0~16.33~3.46~0.18~"
	"100~-19.35~0.76~GP~20.59~-7.17~-3.12~5.65~-11.36~9082721689.00~9082721689.00~16.52~"
	"5.321~478.173~-25.73~HKD~1~50";
static const char us_baba[] =
	"200~阿里巴巴~BABA.N~120.450~118.920~119.500~12834567~0~0~120.440~300~0~"
	"0~0~0~0~0~0~0~120.470~200~0~0~0~"
	"0~0~0~0~0~~2026-08-07 16:00:02~1.530~1.29~121.280~118.660~USD~"
	"12834567~1545873490.000~0.54~15.81~~~1:8~2.20~2876.54~2876.54~Alibaba Group Holding Ltd~0.82~"
	"148.430~95.730~0.91~~GP~0~0~0~2388066000~-1.86~0~0~"
	"0~0~0~0~0~0~0~0~0~0~0";
static const char hk_hsi[] =
	"100~恒生指数~HSI~24858.820~24961.460~24990.110~2618734.5521~0~0~0~0~0~"
	"0~0~0~0~0~0~0~0~0~0~0~0~"
	"0~0~0~0~0~0.0~2026/08/07 16:09:05~-102.640~-0.41~25020.540~24780.310~24858.820~"
	"2618734.5521~2618734.5521~0~0~~0~0~0.96~0~0~Hang Seng Index~0~"
	"27381.840~19850.520~0~0~0~0~0~0~0~0~0~0~"
	"0~0~0~ZS~0~0~0~0~0~0~0~0~"
	"0~0~0~HKD~0~0";

static const char *const field_names[QF_COUNT] = {
	"price", "prev close", "open", "high", "low", "change", "change %", "volume",
	"turnover", "market cap", "P/E", "P/B", "dividend yield", "52w high", "52w low",
	"VWAP", "amplitude", "shares", "bid", "ask",
};

static const char *const want_00700[QF_COUNT] = {
	[QF_PRICE] = "478.800", [QF_PREV_CLOSE] = "479.200", [QF_OPEN] = "479.000",
	[QF_HIGH] = "483.200", [QF_LOW] = "475.400", [QF_CHANGE] = "-0.400",
	[QF_CHANGE_PCT] = "-0.08", [QF_VOLUME] = "16319939.0", [QF_TURNOVER] = "7803757295.250",
	[QF_MARKET_CAP] = "4348807140000", [QF_PE] = "17.47", [QF_PB] = "3.46",
	[QF_DIV_YIELD] = "1.11", [QF_HIGH_52W] = "677.700", [QF_LOW_52W] = "411.000",
	[QF_VWAP] = "478.173", [QF_AMPLITUDE] = "1.63", [QF_SHARES] = "9082721689.00",
};
static const char *const want_09988[QF_COUNT] = {
	[QF_PRICE] = "118.300", [QF_PREV_CLOSE] = "117.500", [QF_OPEN] = "117.900",
	[QF_HIGH] = "119.600", [QF_LOW] = "116.800", [QF_CHANGE] = "0.800",
	[QF_CHANGE_PCT] = "0.68", [QF_VOLUME] = "45231560.0", [QF_TURNOVER] = "5355958379.800",
	[QF_MARKET_CAP] = "2255179480000", [QF_PE] = "14.36", [QF_PB] = "1.89",
	[QF_DIV_YIELD] = "0.84", [QF_HIGH_52W] = "148.400", [QF_LOW_52W] = "95.650",
	[QF_VWAP] = "118.412", [QF_AMPLITUDE] = "2.38", [QF_SHARES] = "19063224712.00",
};
static const char *const want_hsi[QF_COUNT] = {
	[QF_PRICE] = "24858.820", [QF_PREV_CLOSE] = "24961.460", [QF_OPEN] = "24990.110",
	[QF_HIGH] = "25020.540", [QF_LOW] = "24780.310", [QF_CHANGE] = "-102.640",
	[QF_CHANGE_PCT] = "-0.41", [QF_HIGH_52W] = "27381.840", [QF_LOW_52W] = "19850.520",
};
static const char *const want_hstech[QF_COUNT] = {
	[QF_PRICE] = "4302.150", [QF_PREV_CLOSE] = "4331.870", [QF_OPEN] = "4335.020",
	[QF_HIGH] = "4348.600", [QF_LOW] = "4281.330", [QF_CHANGE] = "-29.720",
	[QF_CHANGE_PCT] = "-0.69", [QF_HIGH_52W] = "4825.590", [QF_LOW_52W] = "3313.730",
};
static const char *const want_baba[QF_COUNT] = {
	[QF_PRICE] = "120.450", [QF_PREV_CLOSE] = "118.920", [QF_OPEN] = "119.500",
	[QF_HIGH] = "121.280", [QF_LOW] = "118.660", [QF_CHANGE] = "1.530",
	[QF_CHANGE_PCT] = "1.29", [QF_VOLUME] = "12834567", [QF_TURNOVER] = "1545873490.000",
	[QF_MARKET_CAP] = "287654000000", [QF_PE] = "15.81", [QF_AMPLITUDE] = "2.20",
	[QF_HIGH_52W] = "148.430", [QF_LOW_52W] = "95.730", [QF_BID] = "120.440",
	[QF_ASK] = "120.470",
};

#define MAX_REQ 8
static struct instrument req[MAX_REQ];
static struct quote_result res[MAX_REQ];

/* Space-separated symbols into req[]; returns how many. */
static size_t want(const char *list)
{
	char copy[256], err[128], *tok, *save = NULL;
	size_t n = 0;

	snprintf(copy, sizeof copy, "%s", list);
	for (tok = strtok_r(copy, " ", &save); tok && n < MAX_REQ; tok = strtok_r(NULL, " ", &save))
		if (!symbol_parse(tok, &req[n++], err, sizeof err))
			printf("Bail out! %s\n", err);
	return n;
}

/* Parse a UTF-8 body for the symbols in list. */
static size_t parse(const char *body, const char *list)
{
	size_t n = want(list);

	quote_tencent_parse_utf8(body, strlen(body), req, n, res);
	return n;
}

/* Parse raw GBK bytes the way the fetcher does. */
static size_t parse_raw(const char *body, size_t len, const char *list)
{
	size_t n = want(list);

	quote_tencent_source.parse(body, len, NULL, req, n, res);
	return n;
}

static void figures(const struct quote *q, const char *const wanted[QF_COUNT])
{
	char buf[64];
	int f;

	for (f = 0; f < QF_COUNT; f++) {
		num_format(q->f[f], buf, sizeof buf);
		if (wanted[f])
			is_str(buf, wanted[f], "%s %s", q->in.display, field_names[f]);
		else
			ok(!q->f[f].ok, "%s %s unknown (got %s)", q->in.display, field_names[f], buf);
	}
}

static void stamp(const struct quote *q, const char *iso)
{
	char buf[40];

	hktime_iso8601(q->time, q->utc_offset, buf, sizeof buf);
	is_str(buf, iso, "%s time", q->in.display);
}

static void good(size_t i, const char *display)
{
	ok(res[i].ok, "%s is a quote%s%s", display, res[i].ok ? "" : ": ", res[i].err);
	is_str(res[i].q.in.display, display, "result %zu is %s", i, display);
	is_str(res[i].q.source, "tencent", "%s source", display);
}

static void bad(size_t i, const char *err)
{
	ok(!res[i].ok, "%s is refused", res[i].q.in.display);
	ok(strcmp(res[i].err, err) == 0, "%s", err);
	if (strcmp(res[i].err, err) != 0)
		printf("#   got:  \"%s\"\n", res[i].err);
}

/* A line of up to 128 fields, to cut and change. */
struct line {
	char f[128][128];
	size_t n;
};

static void line_load(struct line *l, const char *value)
{
	const char *p = value, *t;

	l->n = 0;
	do {
		t = strchr(p, '~');
		snprintf(l->f[l->n++], sizeof l->f[0], "%.*s", (int)(t ? (size_t)(t - p) : strlen(p)), p);
		p = t + 1;
	} while (t && l->n < 128);
}

/* v_<code>="f0~...~f(n-1)";\n for the first n fields, appended to buf */
static char *line_stmt(const struct line *l, const char *code, size_t n, char *buf, size_t cap)
{
	size_t used = strlen(buf), i;

	used += (size_t)snprintf(buf + used, cap - used, "v_%s=\"", code);
	for (i = 0; i < n && used < cap; i++)
		used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? "~" : "", l->f[i]);
	if (used < cap)
		snprintf(buf + used, cap - used, "\";\n");
	return buf;
}

/* The 00700 line with field idx set to val, parsed for 0700 */
static void hk_with(size_t idx, const char *val)
{
	static char body[16384];
	struct line l;

	line_load(&l, hk00700);
	snprintf(l.f[idx], sizeof l.f[idx], "%s", val);
	body[0] = '\0';
	parse(line_stmt(&l, "r_hk00700", l.n, body, sizeof body), "0700");
}

static void us_with(size_t idx, const char *val)
{
	static char body[16384];
	struct line l;

	line_load(&l, us_baba);
	snprintf(l.f[idx], sizeof l.f[idx], "%s", val);
	body[0] = '\0';
	parse(line_stmt(&l, "usBABA", l.n, body, sizeof body), "BABA");
}

static void test_batch(void)
{
	char *body;
	size_t len;
	const struct quote *q;

	body = slurp("tencent-batch.gbk.txt", &len);
	ok(parse_raw(body, len, "0700 9988 HSI HSTECH BABA") == 5, "batch of five");

	good(0, "0700");
	q = &res[0].q;
	is_str(q->name, "腾讯控股", "0700 name from GBK cc da d1 b6 bf d8 b9 c9");
	is_str(q->name_en, "TENCENT", "0700 English name");
	is_str(q->currency, "HKD", "0700 currency");
	is_int(q->lot_size, 100, "0700 board lot");
	is_int(q->utc_offset, HKT_OFFSET, "0700 in HKT");
	is_int(q->time, 1786090103, "0700 time 2026-08-07 16:08:23 HKT");
	stamp(q, "2026-08-07T16:08:23+08:00");
	is_num(q->f[QF_PRICE].v, 478.8, 1e-12, "0700 price value");
	is_int(q->f[QF_PRICE].dp, 3, "0700 price decimals");
	is_num(q->f[QF_MARKET_CAP].v, 4348807140000.0, 0, "0700 market cap: 亿 HKD to HKD");
	figures(q, want_00700);

	good(1, "9988");
	q = &res[1].q;
	is_str(q->name, "阿里巴巴－Ｗ", "9988 name, fullwidth forms");
	is_str(q->name_en, "BABA-W", "9988 English name");
	is_str(q->currency, "HKD", "9988 currency");
	is_int(q->lot_size, 100, "9988 board lot");
	stamp(q, "2026-08-07T16:08:11+08:00");
	figures(q, want_09988);

	good(2, "HSI");
	q = &res[2].q;
	is_str(q->name, "恒生指数", "HSI name");
	is_str(q->name_en, "Hang Seng Index", "HSI English name");
	is_str(q->currency, "HKD", "HSI currency");
	is_int(q->lot_size, 0, "an index has no lot");
	stamp(q, "2026-08-07T16:09:05+08:00");
	figures(q, want_hsi);

	good(3, "HSTECH");
	q = &res[3].q;
	is_str(q->name, "恒生科技指数", "HSTECH name");
	is_str(q->name_en, "Hang Seng TECH Index", "HSTECH English name");
	stamp(q, "2026-08-07T16:09:05+08:00");
	figures(q, want_hstech);

	good(4, "BABA");
	q = &res[4].q;
	is_str(q->name, "阿里巴巴", "BABA name");
	is_str(q->name_en, "Alibaba Group Holding Ltd", "BABA English name");
	is_str(q->currency, "USD", "BABA currency from field 35");
	is_int(q->lot_size, 0, "a US line has no lot");
	is_int(q->utc_offset, -4 * 3600, "BABA stamped in EDT");
	is_int(q->time, 1786132802, "BABA time 2026-08-07 16:00:02 EDT = 20:00:02 UTC");
	stamp(q, "2026-08-07T16:00:02-04:00");
	figures(q, want_baba);

	/* Another order than the reply's, a symbol it lacks, one asked twice */
	parse_raw(body, len, "BABA 0005 HSTECH 0700 9988 0700");
	good(0, "BABA");
	bad(1, "tencent: 0005: no data (unknown code?)");
	good(2, "HSTECH");
	ok(res[2].q.f[QF_PRICE].v == 4302.15, "HSTECH got its own line");
	good(3, "0700");
	good(5, "0700");
	ok(res[3].q.f[QF_PRICE].v == res[5].q.f[QF_PRICE].v, "the same line twice");
	is_str(res[4].q.name, "阿里巴巴－Ｗ", "9988 got its own line");
	free(body);
}

/* Cut the batch body at every byte: whatever comes back is either an
 * error or exactly the quote the whole body gives, never a shortened
 * figure. */
static void test_every_cut(void)
{
	struct quote_result full[5];
	char *body;
	size_t len, cut, i, oks = 0, mismatches = 0;
	int f;

	body = slurp("tencent-batch.gbk.txt", &len);
	parse_raw(body, len, "0700 9988 HSI HSTECH BABA");
	memcpy(full, res, sizeof full);
	for (cut = 0; cut < len; cut++) {
		parse_raw(body, cut, "0700 9988 HSI HSTECH BABA");
		for (i = 0; i < 5; i++) {
			if (!res[i].ok) {
				if (strncmp(res[i].err, "tencent: ", 9) != 0)
					mismatches++;
				continue;
			}
			oks++;
			for (f = 0; f < QF_COUNT; f++)
				if (res[i].q.f[f].ok != full[i].q.f[f].ok ||
				    res[i].q.f[f].v != full[i].q.f[f].v ||
				    res[i].q.f[f].dp != full[i].q.f[f].dp)
					mismatches++;
			if (strcmp(res[i].q.name, full[i].q.name) || res[i].q.time != full[i].q.time ||
			    res[i].q.lot_size != full[i].q.lot_size)
				mismatches++;
		}
	}
	ok(oks > 0, "some cuts leave whole lines (%zu quotes)", oks);
	is_int(mismatches, 0, "no cut of %zu gives a different figure", len);
	free(body);
}

static void test_fixtures(void)
{
	char *body;
	size_t len;

	body = slurp("tencent-unknown.gbk.txt", &len);
	parse_raw(body, len, "99999 0700");
	bad(0, "tencent: 99999: no data (unknown code?)");
	bad(1, "tencent: 0700: no data (unknown code?)");
	free(body);

	body = slurp("tencent-partial.gbk.txt", &len);
	parse_raw(body, len, "0700 99999");
	good(0, "0700");
	figures(&res[0].q, want_00700);
	bad(1, "tencent: 99999: no data (unknown code?)");
	free(body);

	body = slurp("tencent-truncated.gbk.txt", &len);
	parse_raw(body, len, "0700 9988");
	good(0, "0700");
	bad(1, "tencent: 9988: truncated line (no closing quote)");
	free(body);

	body = slurp("tencent-price0.gbk.txt", &len);
	parse_raw(body, len, "0700 9988");
	bad(0, "tencent: 0700: price is 0");
	good(1, "9988");
	free(body);

	body = slurp("tencent-hostile.gbk.txt", &len);
	parse_raw(body, len, "0700");
	good(0, "0700");
	is_str(res[0].q.name, "腾讯控股", "OSC, CSI and U+202E stripped from the name");
	is_str(res[0].q.name_en, "TENCENT", "CSI and U+2066 stripped from the English name");
	figures(&res[0].q, want_00700);
	free(body);
}

static void test_truncated_fields(void)
{
	static char body[16384];
	struct line l;
	char want_err[128];
	size_t k;
	int short_ok = 0, long_ok = 0;

	/* Cut at every field boundary, the line still closed by its quote */
	line_load(&l, hk00700);
	is_int(l.n, 78, "the 00700 line has 78 fields");
	for (k = 1; k <= l.n; k++) {
		body[0] = '\0';
		parse(line_stmt(&l, "r_hk00700", k, body, sizeof body), "0700");
		if (k < 50) {
			snprintf(want_err, sizeof want_err, "tencent: 0700: truncated line (%zu fields)", k);
			short_ok += !res[0].ok && strcmp(res[0].err, want_err) == 0;
			continue;
		}
		long_ok += res[0].ok && res[0].q.f[QF_PRICE].v == 478.8 &&
			   (res[0].q.lot_size == 100) == (k > 60) &&
			   !strcmp(res[0].q.currency, k > 75 ? "HKD" : "") &&
			   res[0].q.f[QF_VWAP].ok == (k > 73) && res[0].q.f[QF_SHARES].ok == (k > 69) &&
			   res[0].q.f[QF_PB].ok == (k > 58);
	}
	is_int(short_ok, 49, "1 to 49 fields: truncated, with the count");
	is_int(long_ok, 29, "50 to 78 fields: a quote with what those fields hold");

	/* Index lines need 35 fields, US lines 47 */
	line_load(&l, hk_hsi);
	body[0] = '\0';
	parse(line_stmt(&l, "hkHSI", 34, body, sizeof body), "HSI");
	bad(0, "tencent: HSI: truncated line (34 fields)");
	body[0] = '\0';
	parse(line_stmt(&l, "hkHSI", 35, body, sizeof body), "HSI");
	good(0, "HSI");
	ok(!res[0].q.name_en[0] && !res[0].q.currency[0] && !res[0].q.f[QF_HIGH_52W].ok,
	   "35 fields: no English name, currency or 52-week range");
	line_load(&l, us_baba);
	body[0] = '\0';
	parse(line_stmt(&l, "usBABA", 46, body, sizeof body), "BABA");
	bad(0, "tencent: BABA: truncated line (46 fields)");
	body[0] = '\0';
	parse(line_stmt(&l, "usBABA", 47, body, sizeof body), "BABA");
	good(0, "BABA");

	/* Extra tail fields, even past what we store, are tolerated */
	line_load(&l, hk00700);
	for (k = l.n; k < 128; k++)
		snprintf(l.f[k], sizeof l.f[k], "%zu", k);
	body[0] = '\0';
	parse(line_stmt(&l, "r_hk00700", 128, body, sizeof body), "0700");
	good(0, "0700");
	figures(&res[0].q, want_00700);
	is_int(res[0].q.lot_size, 100, "lot still read with 128 fields");
}

static void test_required(void)
{
	static const struct {
		const char *price, *err;
	} prices[] = {
		{ "0", "tencent: 0700: price is 0" },
		{ "0.000", "tencent: 0700: price is 0" },
		{ "-478.800", "tencent: 0700: price is negative" },
		{ "", "tencent: 0700: no price" },
		{ "-", "tencent: 0700: price \"-\" is not a number" },
		{ "abc", "tencent: 0700: price \"abc\" is not a number" },
		{ "nan", "tencent: 0700: price \"nan\" is not a number" },
		{ "NaN", "tencent: 0700: price \"NaN\" is not a number" },
		{ "inf", "tencent: 0700: price \"inf\" is not a number" },
		{ "-Infinity", "tencent: 0700: price \"-Infinity\" is not a number" },
		{ "0x1DEC", "tencent: 0700: price \"0x1DEC\" is not a number" },
		{ "4.788e2", "tencent: 0700: price \"4.788e2\" is not a number" },
		{ " 478.800", "tencent: 0700: price \"478.800\" is not a number" },
		{ "478.800 ", "tencent: 0700: price \"478.800\" is not a number" },
		{ "478,800", "tencent: 0700: price \"478,800\" is not a number" },
		{ "478.8.0", "tencent: 0700: price \"478.8.0\" is not a number" },
		{ "1234567890123456789", "tencent: 0700: price \"1234567890123456789\" has more digits than a double holds exactly" },
		/* 18 nines would read as 1e18 and print as 1000000000000000000 */
		{ "999999999999999999", "tencent: 0700: price \"999999999999999999\" has more digits than a double holds exactly" },
		{ "478.800\x1b[2J", "tencent: 0700: price \"478.800\" is not a number" },
		{ "123456789012345678901234567890123", "tencent: 0700: price \"12345678901234567890123456789012\xe2\x80\xa6\" has more digits than a double holds exactly" },
		{ "12345678901234567890123456789012", "tencent: 0700: price \"12345678901234567890123456789012\" has more digits than a double holds exactly" },
	};
	size_t i;

	for (i = 0; i < sizeof prices / sizeof prices[0]; i++) {
		hk_with(3, prices[i].price);
		bad(0, prices[i].err);
	}
	hk_with(4, "0");
	bad(0, "tencent: 0700: previous close is 0");
	hk_with(4, "-");
	bad(0, "tencent: 0700: previous close \"-\" is not a number");
	hk_with(4, "");
	bad(0, "tencent: 0700: no previous close");
	us_with(3, "0.000");
	bad(0, "tencent: BABA: price is 0");
}

static void test_consistency(void)
{
	hk_with(31, "-0.500");
	bad(0, "tencent: 0700: inconsistent line (change -0.500, but price 478.800 - previous close 479.200)");
	ok(!res[0].q.f[QF_PRICE].ok && !res[0].q.f[QF_CHANGE].ok && !res[0].q.name[0] &&
	   !res[0].q.time && !res[0].q.lot_size, "a refused line leaves no figure, name or time behind");
	hk_with(31, "0.400");
	bad(0, "tencent: 0700: inconsistent line (change 0.400, but price 478.800 - previous close 479.200)");
	hk_with(31, "-0.401");
	good(0, "0700"); /* a unit of rounding */
	hk_with(33, "478.700");
	bad(0, "tencent: 0700: inconsistent line (price 478.800 outside low 475.400 - high 478.700)");
	hk_with(34, "478.900");
	bad(0, "tencent: 0700: inconsistent line (price 478.800 outside low 478.900 - high 483.200)");
	hk_with(33, "0.000");
	good(0, "0700");
	ok(!res[0].q.f[QF_HIGH].ok, "high 0 is unknown, and checks nothing");
	/* A change % that disagrees is dropped, the quote kept */
	hk_with(32, "-8.00");
	good(0, "0700");
	ok(!res[0].q.f[QF_CHANGE_PCT].ok && res[0].q.f[QF_CHANGE].ok, "change %% dropped, change kept");
	/* An unknown change cannot be checked, nor shown */
	hk_with(31, "-");
	good(0, "0700");
	ok(!res[0].q.f[QF_CHANGE].ok, "change \"-\" is unknown");
	us_with(31, "1.630");
	bad(0, "tencent: BABA: inconsistent line (change 1.630, but price 120.450 - previous close 118.920)");
}

static void test_optional(void)
{
	static const struct {
		size_t idx;
		const char *val;
		enum quote_field qf;
	} blanks[] = {
		{ 5, "-", QF_OPEN }, { 5, "0.000", QF_OPEN }, { 6, "", QF_VOLUME },
		{ 6, "-1.0", QF_VOLUME }, { 37, "1e9", QF_TURNOVER }, { 39, "0.00", QF_PE },
		{ 39, "", QF_PE }, { 43, "nan", QF_AMPLITUDE }, { 45, "0", QF_MARKET_CAP },
		{ 45, "-", QF_MARKET_CAP }, { 47, "inf", QF_DIV_YIELD }, { 48, "0.000", QF_HIGH_52W },
		{ 49, "0x1", QF_LOW_52W }, { 58, "0.00", QF_PB }, { 69, "0.00", QF_SHARES },
		{ 73, "", QF_VWAP },
	};
	size_t i;

	for (i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
		hk_with(blanks[i].idx, blanks[i].val);
		ok(res[0].ok && !res[0].q.f[blanks[i].qf].ok && res[0].q.f[QF_PRICE].ok,
		   "field %zu \"%s\": %s unknown, quote kept", blanks[i].idx, blanks[i].val,
		   field_names[blanks[i].qf]);
	}
	hk_with(6, "0.0");
	ok(res[0].ok && res[0].q.f[QF_VOLUME].ok && res[0].q.f[QF_VOLUME].v == 0, "volume 0 is a volume");
	hk_with(39, "-12.50");
	ok(res[0].ok && res[0].q.f[QF_PE].ok && res[0].q.f[QF_PE].v == -12.5, "a negative P/E is kept");
	hk_with(60, "100.5");
	ok(res[0].ok && res[0].q.lot_size == 0, "lot 100.5 is no lot");
	hk_with(60, "0");
	ok(res[0].ok && res[0].q.lot_size == 0, "lot 0 is no lot");
	hk_with(60, "500.0");
	ok(res[0].ok && res[0].q.lot_size == 500, "lot 500.0 is 500");
	hk_with(75, "hkd");
	ok(res[0].ok && !res[0].q.currency[0], "currency \"hkd\" is not a currency");
	hk_with(75, "HKDX");
	ok(res[0].ok && !res[0].q.currency[0], "currency \"HKDX\" is not either");
	hk_with(75, "CNY");
	is_str(res[0].q.currency, "CNY", "an RMB counter says so");
	hk_with(30, "2026/08/07 25:08:23");
	ok(res[0].ok && res[0].q.time == 0, "an impossible time is no time, the quote kept");
	hk_with(30, "");
	ok(res[0].ok && res[0].q.time == 0, "an empty time too");
	/* Tencent HK has no order book: f9/f19 only repeat the price */
	hk_with(9, "478.600");
	ok(res[0].ok && !res[0].q.f[QF_BID].ok && !res[0].q.f[QF_ASK].ok, "HK bid/ask never shown");
	us_with(9, "0");
	ok(res[0].ok && !res[0].q.f[QF_BID].ok && res[0].q.f[QF_ASK].ok, "US bid 0 is unknown");
}

static void test_identity(void)
{
	static char body[16384];
	struct line l;

	hk_with(2, "00701");
	bad(0, "tencent: 0700: line is for \"00701\", not 00700");
	hk_with(2, "0700");
	bad(0, "tencent: 0700: line is for \"0700\", not 00700");
	hk_with(2, "");
	bad(0, "tencent: 0700: line is for \"\", not 00700");
	hk_with(0, "200");
	bad(0, "tencent: 0700: wrong market id \"200\" (want 100)");
	hk_with(0, "1");
	bad(0, "tencent: 0700: wrong market id \"1\" (want 100)");
	hk_with(0, "delay");
	bad(0, "tencent: 0700: wrong market id \"delay\" (want 100)");
	us_with(2, "BABA.OQ");
	good(0, "BABA");
	us_with(2, "BABA");
	good(0, "BABA");
	us_with(2, "BIDU.N");
	bad(0, "tencent: BABA: line is for \"BIDU.N\", not BABA");
	us_with(2, "BABAX.N");
	bad(0, "tencent: BABA: line is for \"BABAX.N\", not BABA");
	us_with(0, "100");
	bad(0, "tencent: BABA: wrong market id \"100\" (want 200)");

	/* The HSTECH line under HSI's reply code */
	line_load(&l, hk_hsi);
	snprintf(l.f[2], sizeof l.f[2], "HSTECH");
	body[0] = '\0';
	parse(line_stmt(&l, "hkHSI", l.n, body, sizeof body), "HSI");
	bad(0, "tencent: HSI: line is for \"HSTECH\", not HSI");
	/* A stock's line cannot answer for an index, nor the other way */
	line_load(&l, hk00700);
	body[0] = '\0';
	parse(line_stmt(&l, "hkHSI", l.n, body, sizeof body), "HSI");
	bad(0, "tencent: HSI: line is for \"00700\", not HSI");
}

static void test_separators(void)
{
	static char body[65536];
	struct line l;

	line_load(&l, hk00700);
	/* CRLF, junk, the delayed form hk00700, duplicates */
	snprintf(body, sizeof body, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\n\r\n");
	line_stmt(&l, "hk00700", l.n, body, sizeof body);
	strcpy(strrchr(body, '\n'), "\r\n");
	snprintf(l.f[3], sizeof l.f[3], "478.600");
	snprintf(l.f[31], sizeof l.f[31], "-0.600");
	line_stmt(&l, "r_hk00700", l.n, body, sizeof body);
	parse(body, "0700");
	good(0, "0700");
	ok(res[0].q.f[QF_PRICE].v == 478.8, "the first of two lines for a code wins");
	parse(body, "0700 9988 0700");
	ok(res[0].q.f[QF_PRICE].v == 478.8 && res[2].q.f[QF_PRICE].v == 478.8,
	   "asked twice: the first of two lines for both");

	/* ';' alone between statements, no newlines at all */
	line_load(&l, hk00700);
	body[0] = '\0';
	line_stmt(&l, "r_hk00700", l.n, body, sizeof body);
	*strrchr(body, '\n') = '\0';
	line_load(&l, hk_hsi);
	line_stmt(&l, "hkHSI", l.n, body, sizeof body);
	*strrchr(body, '\n') = '\0';
	parse(body, "HSI 0700");
	good(0, "HSI");
	good(1, "0700");

	/* Garbage only */
	parse("<html><body>502 Bad Gateway</body></html>\r\n", "0700 HSI");
	bad(0, "tencent: 0700: no data (unknown code?)");
	bad(1, "tencent: HSI: no data (unknown code?)");
	parse("", "0700");
	bad(0, "tencent: 0700: no data (unknown code?)");
	parse("v_r_hk00700=\"\";\nv_r_hk00700=\"1~2\";", "0700");
	bad(0, "tencent: 0700: no data (unknown code?)");
	parse("v_r_hk00700=null;\n", "0700");
	bad(0, "tencent: 0700: no data (unknown code?)");
	parse("xv_r_hk00700=\"100~a~00700\";", "0700");
	bad(0, "tencent: 0700: no data (unknown code?)");
	/* A quote inside a name ends the value early: the line is short */
	hk_with(1, "腾讯\"控股");
	bad(0, "tencent: 0700: truncated line (2 fields)");
	/* Nothing asked, nothing done */
	quote_tencent_parse_utf8("", 0, req, 0, res);
	ok(1, "n = 0 is harmless");
}

static void test_names(void)
{
	static char body[16384];
	struct line l;
	char longname[400];
	size_t i;

	hk_with(1, "腾讯\x1b[31m控股\x1b[0m\xe2\x80\xae");
	is_str(res[0].q.name, "腾讯控股", "CSI and RLO stripped");
	hk_with(46, "TEN\x1b]0;owned\x07" "CENT\x01\x7f");
	is_str(res[0].q.name_en, "TENCENT", "OSC and controls stripped");
	hk_with(46, "  Tencent\tHoldings \r ");
	is_str(res[0].q.name_en, "Tencent Holdings", "whitespace collapsed");
	hk_with(1, "");
	ok(res[0].ok && !res[0].q.name[0], "an empty name keeps the quote");
	for (i = 0; i + 3 <= 300; i += 3)
		memcpy(longname + i, "腾", 3);
	longname[i] = '\0';
	hk_with(1, longname);
	ok(res[0].ok && strlen(res[0].q.name) == 93, "a long name is cut to whole characters (%zu bytes)",
	   strlen(res[0].q.name));

	/* A byte valid in neither GBK nor UTF-8 refuses the reply: a body
	 * misread in one place may be misread everywhere, and the other
	 * source can answer instead */
	line_load(&l, hk00700);
	snprintf(l.f[1], sizeof l.f[1], "\xcc\xda\xff\xd1\xb6\x1b[2J");
	body[0] = '\0';
	line_stmt(&l, "r_hk00700", l.n, body, sizeof body);
	parse_raw(body, strlen(body), "0700");
	bad(0, "tencent: 0700: cannot decode reply: not valid GBK or UTF-8");
	ok(!res[0].q.f[QF_PRICE].ok, "and no figure of it is kept");
}

static void test_us_time(void)
{
	us_with(30, "2026-01-15 16:00:00");
	good(0, "BABA");
	is_int(res[0].q.utc_offset, -5 * 3600, "January: EST");
	stamp(&res[0].q, "2026-01-15T16:00:00-05:00");
	us_with(30, "2026-03-08 09:30:00");
	is_int(res[0].q.utc_offset, -4 * 3600, "the morning DST starts: EDT");
	us_with(35, "");
	ok(res[0].ok && !res[0].q.currency[0], "no currency field, no currency");
}

/* Lines of one reply with the same time text, or not: each is stamped
 * from its own, in its own market's zone (a time read for one line is
 * used again for the next only when its text and zone are the same). */
static void test_times_in_reply(void)
{
	static char body[65536];
	static struct line hk, us;

	static const char *const names[] = {
		"r_hk00700", "usBABA", "r_hk00005", "r_hk00011", "r_hk00388", "r_hk00001",
	};
	static const char *const codes[] = { "00700", "BABA.N", "00005", "00011", "00388", "00001" };
	static const char *const times[] = {
		"2026/08/07 10:00:00", "2026/08/07 10:00:00", "2026/08/07 10:00:00",
		"2026/08/07 10:00:0x", "2026/08/07 10:00:00", "20260807100001",
	};

	line_load(&hk, hk00700);
	line_load(&us, us_baba);
	body[0] = '\0';
	for (size_t i = 0; i < 6; i++) {
		struct line *l = i == 1 ? &us : &hk;

		snprintf(l->f[2], sizeof l->f[2], "%s", codes[i]);
		snprintf(l->f[30], sizeof l->f[30], "%s", times[i]);
		line_stmt(l, names[i], l->n, body, sizeof body);
	}
	parse(body, "0700 BABA 0005 0011 0388 0001");
	stamp(&res[0].q, "2026-08-07T10:00:00+08:00");
	stamp(&res[1].q, "2026-08-07T10:00:00-04:00");
	stamp(&res[2].q, "2026-08-07T10:00:00+08:00");
	ok(res[3].ok && res[3].q.time == 0, "a time that does not read leaves none, after one that did");
	stamp(&res[4].q, "2026-08-07T10:00:00+08:00");
	stamp(&res[5].q, "2026-08-07T10:00:01+08:00");
}

static void test_source(void)
{
	char code[32];
	size_t n = want("0700 HSI BABA HSI");

	is_str(quote_tencent_source.name, "tencent", "source name");
	is_int(quote_tencent_source.max_batch, 60, "batch size");
	is_str(quote_tencent_source.query, "/q=", "query");
	is_str(quote_tencent_source.headers[0], "Referer: https://finance.qq.com/", "Referer header");
	ok(quote_tencent_source.headers[1] == NULL, "one header");
	ok(quote_tencent_source.code(&req[0], code, sizeof code), "0700 has a code");
	is_str(code, "r_hk00700", "the real-time form");
	ok(quote_tencent_source.code(&req[1], code, sizeof code), "HSI has a code");
	is_str(code, "hkHSI", "hkHSI");
	ok(quote_tencent_source.code(&req[2], code, sizeof code), "BABA has a code");
	is_str(code, "usBABA", "usBABA");
	/* An index Tencent has no code for: built by hand, the parser refuses. */
	snprintf(req[3].code, sizeof req[3].code, "HSXYZ");
	snprintf(req[3].display, sizeof req[3].display, "HSXYZ");
	ok(!quote_tencent_source.code(&req[3], code, sizeof code), "an unknown index has none");
	quote_tencent_source.parse("", 0, NULL, req, n, res);
	bad(3, "tencent: HSXYZ: no Tencent code for this symbol");
}

/* The names the config accepts (model) and the parsers (feeds) are two
 * tables: every name has its parser, every parser its name. */
static void test_source_names(void)
{
	static const struct quote_source *const parsers[] = { &quote_tencent_source, &quote_sina_source };
	size_t n = 0;

	for (; quote_source_names[n]; n++) {
		const struct quote_source *s = quote_source_by_name(quote_source_names[n]);
		ok(s && strcmp(s->name, quote_source_names[n]) == 0, "%s has a parser", quote_source_names[n]);
	}
	is_int(n, sizeof parsers / sizeof parsers[0], "one name per parser");
	for (size_t i = 0; i < sizeof parsers / sizeof parsers[0]; i++) {
		bool named = false;
		for (size_t j = 0; quote_source_names[j]; j++)
			named |= strcmp(quote_source_names[j], parsers[i]->name) == 0;
		ok(named, "parser %s has a name quotes.source accepts", parsers[i]->name);
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_source_names();
	test_batch();
	test_every_cut();
	test_fixtures();
	test_truncated_fields();
	test_required();
	test_consistency();
	test_optional();
	test_identity();
	test_separators();
	test_names();
	test_us_time();
	test_times_in_reply();
	test_source();
	return tap_done();
}
