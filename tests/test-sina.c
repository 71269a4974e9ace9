/* test-sina.c - Sina hq.sinajs.cn rt_hk lines: every figure, and every way a line goes wrong
 *
 * Fixtures (tests/fixtures/, GBK bytes exactly as the service sends them;
 * built from FORMATS.md §2, f7 = f6 - f3 and f8 = f7 / f3 hold):
 *   sina-batch.gbk.txt      var hq_str_rt_hk00700 (25 fields, FORMATS.md's
 *                           2026-08-28 16:08:36 example), rt_hk09988 (25),
 *                           rt_hkHSI and rt_hkHSTECH (19 fields + 6 empty)
 *   sina-unknown.gbk.txt    only var hq_str_rt_hk99999="";
 *   sina-partial.gbk.txt    rt_hk00700 as above, then rt_hk99999=""
 *   sina-truncated.gbk.txt  rt_hk00700 whole, then rt_hk09988 cut off 60
 *                           bytes in, with no closing quote
 *   sina-forbidden.txt      "Forbidden": the body of the 403 Sina sends
 *                           when the Referer is missing
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "base/hktime.h"
#include "feeds/quote_sina.h"
#include "feeds/quote_source.h"
#include "fixture.h"
#include "tap.h"

/* The fixture's lines, in UTF-8, as the base of every mutation below */
static const char rt00700[] =
	"TENCENT,腾讯控股,444.000,447.800,462.200,443.400,455.200,7.400,1.653,455.200,455.400,"
	"12655334445.330,27742475,16.556,0.000,675.134,411.000,2026/08/28,16:08:36,100|0,N|Y|Y,"
	"455.400|432.800|478.000,0|||0.000|0.000|0.000, |0,Y";
static const char rt_hsi[] =
	"HSI,恒生指数,25870.350,25852.920,25990.110,25790.430,25915.820,62.900,0.243,0.000,0.000,"
	"123456789.000,0,0.000,0.000,27381.840,19850.520,2026/08/28,16:09:00,,,,,,";

static const char *const field_names[QF_COUNT] = {
	"price", "prev close", "open", "high", "low", "change", "change %", "volume",
	"turnover", "market cap", "P/E", "P/B", "dividend yield", "52w high", "52w low",
	"VWAP", "amplitude", "shares", "bid", "ask",
};

static const char *const want_00700[QF_COUNT] = {
	[QF_PRICE] = "455.200", [QF_PREV_CLOSE] = "447.800", [QF_OPEN] = "444.000",
	[QF_HIGH] = "462.200", [QF_LOW] = "443.400", [QF_CHANGE] = "7.400",
	[QF_CHANGE_PCT] = "1.653", [QF_BID] = "455.200", [QF_ASK] = "455.400",
	[QF_TURNOVER] = "12655334445.330", [QF_VOLUME] = "27742475", [QF_PE] = "16.556",
	[QF_HIGH_52W] = "675.134", [QF_LOW_52W] = "411.000",
};
static const char *const want_09988[QF_COUNT] = {
	[QF_PRICE] = "122.700", [QF_PREV_CLOSE] = "120.600", [QF_OPEN] = "121.300",
	[QF_HIGH] = "123.800", [QF_LOW] = "120.900", [QF_CHANGE] = "2.100",
	[QF_CHANGE_PCT] = "1.741", [QF_BID] = "122.700", [QF_ASK] = "122.800",
	[QF_TURNOVER] = "6123456789.120", [QF_VOLUME] = "49957341", [QF_PE] = "14.894",
	[QF_HIGH_52W] = "147.215", [QF_LOW_52W] = "95.650",
};
static const char *const want_hsi[QF_COUNT] = {
	[QF_PRICE] = "25915.820", [QF_PREV_CLOSE] = "25852.920", [QF_OPEN] = "25870.350",
	[QF_HIGH] = "25990.110", [QF_LOW] = "25790.430", [QF_CHANGE] = "62.900",
	[QF_CHANGE_PCT] = "0.243", [QF_HIGH_52W] = "27381.840", [QF_LOW_52W] = "19850.520",
};
static const char *const want_hstech[QF_COUNT] = {
	[QF_PRICE] = "4539.380", [QF_PREV_CLOSE] = "4498.610", [QF_OPEN] = "4510.220",
	[QF_HIGH] = "4553.760", [QF_LOW] = "4489.050", [QF_CHANGE] = "40.770",
	[QF_CHANGE_PCT] = "0.906", [QF_HIGH_52W] = "4825.590", [QF_LOW_52W] = "3313.730",
};

#define MAX_REQ 8
static struct instrument req[MAX_REQ];
static struct quote_result res[MAX_REQ];

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

static size_t parse(const char *body, const char *list)
{
	size_t n = want(list);

	quote_sina_parse_utf8(body, strlen(body), req, n, res);
	return n;
}

static size_t parse_raw(const char *body, size_t len, const char *list)
{
	size_t n = want(list);

	quote_sina_source.parse(body, len, NULL, req, n, res);
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
	is_str(res[i].q.source, "sina", "%s source", display);
}

static void bad(size_t i, const char *err)
{
	ok(!res[i].ok, "%s is refused", res[i].q.in.display);
	ok(strcmp(res[i].err, err) == 0, "%s", err);
	if (strcmp(res[i].err, err) != 0)
		printf("#   got:  \"%s\"\n", res[i].err);
}

struct line {
	char f[64][128];
	size_t n;
};

static void line_load(struct line *l, const char *value)
{
	const char *p = value, *t;

	l->n = 0;
	do {
		t = strchr(p, ',');
		snprintf(l->f[l->n++], sizeof l->f[0], "%.*s", (int)(t ? (size_t)(t - p) : strlen(p)), p);
		p = t + 1;
	} while (t && l->n < 64);
}

static char *line_stmt(const struct line *l, const char *code, size_t n, char *buf, size_t cap)
{
	size_t used = strlen(buf), i;

	used += (size_t)snprintf(buf + used, cap - used, "var hq_str_%s=\"", code);
	for (i = 0; i < n && used < cap; i++)
		used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? "," : "", l->f[i]);
	if (used < cap)
		snprintf(buf + used, cap - used, "\";\n");
	return buf;
}

static void hk_with(size_t idx, const char *val)
{
	static char body[8192];
	struct line l;

	line_load(&l, rt00700);
	snprintf(l.f[idx], sizeof l.f[idx], "%s", val);
	body[0] = '\0';
	parse(line_stmt(&l, "rt_hk00700", l.n, body, sizeof body), "0700");
}

static void hsi_with(size_t idx, const char *val)
{
	static char body[8192];
	struct line l;

	line_load(&l, rt_hsi);
	snprintf(l.f[idx], sizeof l.f[idx], "%s", val);
	body[0] = '\0';
	parse(line_stmt(&l, "rt_hkHSI", l.n, body, sizeof body), "HSI");
}

static void test_batch(void)
{
	const struct quote *q;
	char *body;
	size_t len;

	body = slurp("sina-batch.gbk.txt", &len);
	ok(parse_raw(body, len, "0700 9988 HSI HSTECH") == 4, "batch of four");

	good(0, "0700");
	q = &res[0].q;
	is_str(q->name, "腾讯控股", "0700 name from GBK");
	is_str(q->name_en, "TENCENT", "0700 English name");
	is_str(q->currency, "HKD", "0700 currency");
	is_int(q->lot_size, 100, "0700 lot from \"100|0\"");
	is_int(q->utc_offset, HKT_OFFSET, "0700 in HKT");
	stamp(q, "2026-08-28T16:08:36+08:00");
	figures(q, want_00700);

	good(1, "9988");
	q = &res[1].q;
	is_str(q->name, "阿里巴巴－Ｗ", "9988 name");
	is_str(q->name_en, "BABA-W", "9988 English name");
	is_int(q->lot_size, 100, "9988 lot");
	stamp(q, "2026-08-28T16:08:22+08:00");
	figures(q, want_09988);

	good(2, "HSI");
	q = &res[2].q;
	is_str(q->name, "恒生指数", "HSI name");
	is_str(q->name_en, "", "no English name: field 0 is the code");
	is_str(q->currency, "", "no currency for a Sina index");
	is_int(q->lot_size, 0, "no lot for an index");
	stamp(q, "2026-08-28T16:09:00+08:00");
	figures(q, want_hsi);

	good(3, "HSTECH");
	is_str(res[3].q.name, "恒生科技指数", "HSTECH name");
	figures(&res[3].q, want_hstech);

	parse_raw(body, len, "HSTECH 0005 0700 BABA 0700");
	good(0, "HSTECH");
	bad(1, "sina: 0005: no data (unknown code?)");
	good(2, "0700");
	bad(3, "sina: BABA: no Sina code for this symbol");
	good(4, "0700");
	free(body);
}

static void test_every_cut(void)
{
	struct quote_result full[4];
	char *body;
	size_t len, cut, i, oks = 0, mismatches = 0;
	int f;

	body = slurp("sina-batch.gbk.txt", &len);
	parse_raw(body, len, "0700 9988 HSI HSTECH");
	memcpy(full, res, sizeof full);
	for (cut = 0; cut < len; cut++) {
		parse_raw(body, cut, "0700 9988 HSI HSTECH");
		for (i = 0; i < 4; i++) {
			if (!res[i].ok) {
				if (strncmp(res[i].err, "sina: ", 6) != 0)
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

	body = slurp("sina-unknown.gbk.txt", &len);
	parse_raw(body, len, "99999");
	bad(0, "sina: 99999: no data (unknown code?)");
	free(body);

	body = slurp("sina-partial.gbk.txt", &len);
	parse_raw(body, len, "0700 99999");
	good(0, "0700");
	bad(1, "sina: 99999: no data (unknown code?)");
	free(body);

	body = slurp("sina-truncated.gbk.txt", &len);
	parse_raw(body, len, "0700 9988");
	good(0, "0700");
	bad(1, "sina: 9988: truncated line (no closing quote)");
	free(body);

	body = slurp("sina-forbidden.txt", &len);
	parse_raw(body, len, "0700 HSI");
	bad(0, "sina: 0700: no data (unknown code?)");
	bad(1, "sina: HSI: no data (unknown code?)");
	free(body);
}

static void test_truncated_fields(void)
{
	static char body[8192];
	struct line l;
	char want_err[128];
	size_t k;
	int short_ok = 0, long_ok = 0;

	line_load(&l, rt00700);
	is_int(l.n, 25, "the 00700 line has 25 fields");
	for (k = 1; k <= l.n; k++) {
		body[0] = '\0';
		parse(line_stmt(&l, "rt_hk00700", k, body, sizeof body), "0700");
		if (k < 19) {
			snprintf(want_err, sizeof want_err, "sina: 0700: truncated line (%zu fields)", k);
			short_ok += !res[0].ok && strcmp(res[0].err, want_err) == 0;
			continue;
		}
		long_ok += res[0].ok && res[0].q.f[QF_PRICE].v == 455.2 && res[0].q.time != 0 &&
			   (res[0].q.lot_size == 100) == (k > 19);
	}
	is_int(short_ok, 18, "1 to 18 fields: truncated, with the count");
	is_int(long_ok, 7, "19 to 25 fields: a quote");

	line_load(&l, rt_hsi);
	is_int(l.n, 25, "the HSI line has 19 + 6 fields");
	body[0] = '\0';
	parse(line_stmt(&l, "rt_hkHSI", 18, body, sizeof body), "HSI");
	bad(0, "sina: HSI: truncated line (18 fields)");
	body[0] = '\0';
	parse(line_stmt(&l, "rt_hkHSI", 19, body, sizeof body), "HSI");
	good(0, "HSI");
	figures(&res[0].q, want_hsi);

	/* Tail fields beyond what we store */
	line_load(&l, rt00700);
	for (k = l.n; k < 64; k++)
		snprintf(l.f[k], sizeof l.f[k], "x%zu", k);
	body[0] = '\0';
	parse(line_stmt(&l, "rt_hk00700", 64, body, sizeof body), "0700");
	good(0, "0700");
	figures(&res[0].q, want_00700);
}

static void test_required(void)
{
	static const struct {
		const char *price, *err;
	} prices[] = {
		{ "0.000", "sina: 0700: price is 0" },
		{ "-455.200", "sina: 0700: price is negative" },
		{ "", "sina: 0700: no price" },
		{ "-", "sina: 0700: price \"-\" is not a number" },
		{ "nan", "sina: 0700: price \"nan\" is not a number" },
		{ "inf", "sina: 0700: price \"inf\" is not a number" },
		{ "0x1C7", "sina: 0700: price \"0x1C7\" is not a number" },
		{ "4.552E2", "sina: 0700: price \"4.552E2\" is not a number" },
		{ "455.2.0", "sina: 0700: price \"455.2.0\" is not a number" },
		{ "9999999999999999999", "sina: 0700: price \"9999999999999999999\" has more digits than a double holds exactly" },
		{ "999999999999999999", "sina: 0700: price \"999999999999999999\" has more digits than a double holds exactly" },
	};
	size_t i;

	for (i = 0; i < sizeof prices / sizeof prices[0]; i++) {
		hk_with(6, prices[i].price);
		bad(0, prices[i].err);
	}
	hk_with(3, "0.000");
	bad(0, "sina: 0700: previous close is 0");
	hk_with(3, "abc");
	bad(0, "sina: 0700: previous close \"abc\" is not a number");
	hsi_with(6, "0.000");
	bad(0, "sina: HSI: price is 0");
}

static void test_consistency(void)
{
	hk_with(7, "7.500");
	bad(0, "sina: 0700: inconsistent line (change 7.500, but price 455.200 - previous close 447.800)");
	ok(!res[0].q.f[QF_PRICE].ok && !res[0].q.f[QF_BID].ok && !res[0].q.name[0] &&
	   !res[0].q.currency[0], "a refused line leaves nothing behind");
	hk_with(7, "-7.400");
	bad(0, "sina: 0700: inconsistent line (change -7.400, but price 455.200 - previous close 447.800)");
	hk_with(4, "450.000");
	bad(0, "sina: 0700: inconsistent line (price 455.200 outside low 443.400 - high 450.000)");
	hk_with(5, "460.000");
	bad(0, "sina: 0700: inconsistent line (price 455.200 outside low 460.000 - high 462.200)");
	hsi_with(7, "62.901");
	good(0, "HSI"); /* a unit of the last decimal is rounding */
	hsi_with(7, "62.950");
	bad(0, "sina: HSI: inconsistent line (change 62.950, but price 25915.820 - previous close 25852.920)");
	hk_with(8, "16.53");
	good(0, "0700");
	ok(!res[0].q.f[QF_CHANGE_PCT].ok, "a change %% ten times off is dropped");
}

static void test_fields(void)
{
	hk_with(9, "0.000");
	ok(res[0].ok && !res[0].q.f[QF_BID].ok && res[0].q.f[QF_ASK].ok, "bid 0 is unknown");
	hk_with(10, "-");
	ok(res[0].ok && !res[0].q.f[QF_ASK].ok, "ask \"-\" is unknown");
	hk_with(13, "0.000");
	ok(res[0].ok && !res[0].q.f[QF_PE].ok, "P/E 0.000 is unknown");
	hk_with(12, "1e7");
	ok(res[0].ok && !res[0].q.f[QF_VOLUME].ok, "volume 1e7 is unknown");
	hk_with(2, "0.000");
	ok(res[0].ok && !res[0].q.f[QF_OPEN].ok, "open 0 (pre-open) is unknown");
	hk_with(19, "500|0");
	is_int(res[0].q.lot_size, 500, "lot 500");
	hk_with(19, "500");
	is_int(res[0].q.lot_size, 500, "lot without the bar");
	hk_with(19, "|0");
	is_int(res[0].q.lot_size, 0, "no lot before the bar");
	hk_with(19, "1.5|0");
	is_int(res[0].q.lot_size, 0, "no fractional lot");
	hk_with(18, "16:08");
	ok(res[0].ok && res[0].q.time == 0, "the delayed layout's HH:MM is no time, the quote kept");
	hk_with(17, "2026-08-28");
	stamp(&res[0].q, "2026-08-28T16:08:36+08:00");
	hk_with(17, "2026/02/30");
	ok(res[0].ok && res[0].q.time == 0, "30 February is no time");
	/* Index: bid/ask/volume/turnover never shown, code must match */
	hsi_with(0, "HSTECH");
	bad(0, "sina: HSI: line is for \"HSTECH\", not HSI");
	hsi_with(0, "");
	bad(0, "sina: HSI: line is for \"\", not HSI");
	hsi_with(9, "25915.800");
	ok(res[0].ok && !res[0].q.f[QF_BID].ok, "index bid never shown");
}

static void test_text(void)
{
	static char body[8192];
	struct line l;

	hk_with(1, "腾讯\x1b[2J控股\xe2\x81\xa6");
	is_str(res[0].q.name, "腾讯控股", "CSI and isolate stripped");
	hk_with(0, "TEN\x1b]52;c;ZXZpbA==\x07" "CENT");
	is_str(res[0].q.name_en, "TENCENT", "OSC 52 stripped");
	/* A byte valid in neither GBK nor UTF-8 refuses the reply */
	line_load(&l, rt00700);
	snprintf(l.f[1], sizeof l.f[1], "\xcc\xda\xff\xd1\xb6");
	body[0] = '\0';
	line_stmt(&l, "rt_hk00700", l.n, body, sizeof body);
	parse_raw(body, strlen(body), "0700");
	ok(!res[0].ok && strcmp(res[0].err, "sina: 0700: cannot decode reply: not valid GBK or UTF-8") == 0,
	   "an undecodable body is refused: %s", res[0].err);

	/* CRLF, junk and a duplicate: the first line wins */
	line_load(&l, rt00700);
	snprintf(body, sizeof body, "<script>\r\n");
	line_stmt(&l, "rt_hk00700", l.n, body, sizeof body);
	strcpy(strrchr(body, '\n'), "\r\n");
	snprintf(l.f[6], sizeof l.f[6], "455.400");
	snprintf(l.f[7], sizeof l.f[7], "7.600");
	line_stmt(&l, "rt_hk00700", l.n, body, sizeof body);
	parse(body, "0700");
	good(0, "0700");
	ok(res[0].q.f[QF_PRICE].v == 455.2, "first line wins");
	parse("var hq_str_rt_hk00700=\"\";\n", "0700");
	bad(0, "sina: 0700: no data (unknown code?)");
	parse("var hq_str_hk00700=\"TENCENT,腾讯控股\";\n", "0700");
	bad(0, "sina: 0700: no data (unknown code?)");
	/* An RMB counter's line looks the same: its currency is not guessed */
	line_load(&l, rt00700);
	body[0] = '\0';
	parse(line_stmt(&l, "rt_hk80700", l.n, body, sizeof body), "80700");
	good(0, "80700");
	is_str(res[0].q.currency, "", "80700 (RMB counter) has no currency, not HKD");
	quote_sina_parse_utf8("", 0, req, 0, res);
	ok(1, "n = 0 is harmless");
}

static void test_source(void)
{
	char code[32];

	want("0700 HSTECH BABA");
	is_str(quote_sina_source.name, "sina", "source name");
	is_int(quote_sina_source.max_batch, 60, "batch size");
	is_str(quote_sina_source.query, "/list=", "query");
	is_str(quote_sina_source.headers[0], "Referer: https://finance.sina.com.cn/", "the Referer Sina requires");
	ok(quote_sina_source.headers[1] == NULL, "one header");
	ok(quote_sina_source.code(&req[0], code, sizeof code), "0700 has a code");
	is_str(code, "rt_hk00700", "rt_hk00700");
	ok(quote_sina_source.code(&req[1], code, sizeof code), "HSTECH has a code");
	is_str(code, "rt_hkHSTECH", "rt_hkHSTECH");
	ok(!quote_sina_source.code(&req[2], code, sizeof code), "BABA has none");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_batch();
	test_every_cut();
	test_fixtures();
	test_truncated_fields();
	test_required();
	test_consistency();
	test_fields();
	test_text();
	test_source();
	return tap_done();
}
