/* test-series.c - the chart parsers and the fetch plan: every bar, and every way a reply goes wrong
 *
 * Fixtures (tests/fixtures/, built from FORMATS.md §1.2, §1.3, §3.1):
 *   tencent-minute-0700.json     2026-08-07: 09:30-09:33, 11:59, 12:00, 13:00,
 *                                13:01, 16:00, 16:08; qt[4] = 479.200
 *   tencent-minute-empty.json    before the open: "data":[]
 *   tencent-minute-falling.json  cumulative volume 702000 -> 602000 at 09:33
 *   tencent-minute-hsi.json      hkHSI, no qt: index volume is not read
 *   tencent-kline-day.json       kline_dayqfq={...}: 5 days, an event object as
 *                                7th item, a 9-item row
 *   tencent-kline-week.json      qfqweek, 3 weeks
 *   tencent-kline-badparams.json {"code":1,"msg":"bad params"}
 *   tencent-kline-empty.json     "day":[] (how an unknown code answers)
 *   tencent-kline-types.json     a number where a string belongs
 *   yahoo-chart-0700-1d.json     1m bars, float32 prices, priceHint 3, a null
 *                                volume, an all-null bar, a null close
 *   yahoo-chart-hsi-5d.json      ^HSI 5m over two days, chartPreviousClose only
 *   yahoo-chart-404.json         the HTTP 404 body, with an escape sequence
 *   yahoo-chart-truncated.json   the 1d reply cut at two thirds
 *   yahoo-chart-types.json       a close as a string
 */
#include "config.h"

#include <stdlib.h>

#include "base/hktime.h"
#include "feeds/series_source.h"
#include "fixture.h"
#include "tap.h"

static struct instrument sym(const char *text)
{
	struct instrument in;
	char err[128];

	if (!symbol_parse(text, &in, err, sizeof err)) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	return in;
}

enum parser { MINUTE, DAY, WEEK, YAHOO };

static bool run(enum parser p, const char *body, size_t len, const char *symbol,
		struct series *s)
{
	struct instrument in = sym(symbol);

	switch (p) {
	case MINUTE:
		return series_tencent_parse_minute(body, len, &in, s);
	case DAY:
		return series_tencent_parse_kline(body, len, &in, "day", s);
	case WEEK:
		return series_tencent_parse_kline(body, len, &in, "week", s);
	case YAHOO:
		return series_yahoo_parse_chart(body, len, &in, s);
	}
	return false;
}

static bool parse_file(enum parser p, const char *file, const char *symbol, struct series *s)
{
	size_t len;
	char *body = slurp(file, &len);
	bool ok = run(p, body, len, symbol, s);

	free(body);
	return ok;
}

/* A refusal: false, no bars, and exactly this message. */
static void refused(enum parser p, const char *body, const char *symbol, const char *err,
		    const char *what)
{
	struct series s;
	bool ok = run(p, body, strlen(body), symbol, &s);

	ok(!ok && s.n == 0 && !s.v, "%s: refused", what);
	is_str(s.err, err, "%s: cause", what);
	series_done(&s);
}

static void refused_file(enum parser p, const char *file, const char *symbol, const char *err)
{
	struct series s;
	bool ok = parse_file(p, file, symbol, &s);

	ok(!ok && s.n == 0 && !s.v, "%s: refused", file);
	is_str(s.err, err, "%s: cause", file);
	series_done(&s);
}

static const char *fmt(struct num n)
{
	static char buf[4][32];
	static int k;

	k = (k + 1) % 4;
	num_format(n, buf[k], sizeof buf[k]);
	return n.ok ? buf[k] : "(none)";
}

static const char *when(const struct series *s, size_t i)
{
	static char buf[40];

	hktime_iso8601(s->v[i].t, s->utc_offset, buf, sizeof buf);
	return buf;
}

static void bar_is(const struct series *s, size_t i, const char *t, const char *o,
		   const char *h, const char *l, const char *c, const char *v)
{
	const struct bar *b = &s->v[i];

	is_str(when(s, i), t, "%s bar %zu time", s->source, i);
	is_str(fmt(b->open), o, "bar %zu open", i);
	is_str(fmt(b->high), h, "bar %zu high", i);
	is_str(fmt(b->low), l, "bar %zu low", i);
	is_str(fmt(b->close), c, "bar %zu close", i);
	is_str(fmt(b->volume), v, "bar %zu volume", i);
}

static void gaps_are(const struct series *s, const char *want)
{
	char got[64] = "";

	for (size_t i = 1; i < s->n && strlen(got) < sizeof got - 4; i++)
		if (series_gap_before(s, i))
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%zu",
				 got[0] ? "," : "", i);
	is_str(got, want, "%s %s: breaks before bars", s->source, s->in.display);
}

static void test_tencent_minute(void)
{
	struct series s;

	ok(parse_file(MINUTE, "tencent-minute-0700.json", "0700", &s), "minute 0700: %s", s.err);
	is_int(s.n, 10, "ten minute bars");
	is_str(s.source, "tencent", "source");
	is_int(s.utc_offset, HKT_OFFSET, "HKT");
	is_int(s.interval, 60, "a bar a minute");
	is_int(s.dp, 3, "three decimals");
	ok(!s.ohlc, "one price per bar");
	is_str(fmt(s.prev_close), "479.200", "previous close from qt[4]");
	bar_is(&s, 0, "2026-08-07T09:30:00+08:00", "479.000", "479.000", "479.000", "479.000",
	       "380150");
	bar_is(&s, 1, "2026-08-07T09:31:00+08:00", "479.200", "479.200", "479.200", "479.200",
	       "132150");
	bar_is(&s, 6, "2026-08-07T13:00:00+08:00", "477.800", "477.800", "477.800", "477.800",
	       "150200");
	bar_is(&s, 9, "2026-08-07T16:08:00+08:00", "478.800", "478.800", "478.800", "478.800",
	       "219939");
	gaps_are(&s, "6"); /* 12:00 -> 13:00; not 09:33 -> 11:59, missing in the fixture */
	series_done(&s);
	ok(!s.v && s.n == 0, "series_done empties");

	ok(parse_file(MINUTE, "tencent-minute-hsi.json", "HSI", &s), "minute HSI: %s", s.err);
	is_int(s.n, 4, "four index bars");
	ok(!s.v[0].volume.ok && !s.v[3].volume.ok, "index volume is not read");
	ok(!s.prev_close.ok, "no qt: no previous close");
	is_str(fmt(s.v[3].close), "24858.820", "index close");
	series_done(&s);

	refused_file(MINUTE, "tencent-minute-empty.json", "0700",
		     "tencent: 0700: no minute bars yet (before the open?)");
	refused_file(MINUTE, "tencent-minute-falling.json", "0700",
		     "tencent: 0700: minute 0933: cumulative volume falls (602000 after 640100)");
	refused_file(MINUTE, "tencent-minute-0700.json", "9988",
		     "tencent: 9988: no data for hk09988 (unknown code?)");
	refused_file(MINUTE, "tencent-minute-0700.json", "BABA",
		     "tencent: BABA: Tencent minute data is read for HK symbols only");

#define MIN(rows, date) "{\"code\":0,\"msg\":\"\",\"data\":{\"hk00700\":{\"data\":{\"data\":[" \
	rows "],\"date\":" date "}}}}"
	refused(MINUTE, MIN("\"0930 1.000 100.5 0\",\"0931 1.000 99.5 0\"", "\"20260807\""), "0700",
		"tencent: 0700: minute 0931: cumulative volume falls (99.5 after 100.5)",
		"a falling volume is quoted with its decimals");
	refused(MINUTE, MIN("\"0930 0.000 100 0\"", "\"20260807\""), "0700",
		"tencent: 0700: bar 2026-08-07 09:30: price is not above 0", "price 0");
	refused(MINUTE, MIN("\"0930 -1.000 100 0\"", "\"20260807\""), "0700",
		"tencent: 0700: bar 2026-08-07 09:30: price is not above 0", "negative price");
	refused(MINUTE, MIN("\"0930 4e2 100 0\"", "\"20260807\""), "0700",
		"tencent: 0700: minute 0930: price \"4e2\" is not a number", "exponent");
	refused(MINUTE, MIN("930", "\"20260807\""), "0700",
		"tencent: 0700: minute row 0 is not a string", "number row");
	refused(MINUTE, MIN("\"2460 1.000 100 0\"", "\"20260807\""), "0700",
		"tencent: 0700: minute row \"2460 1.000 100 0\": bad time", "24:60");
	refused(MINUTE, MIN("\"0930 1.000\"", "\"20260807\""), "0700",
		"tencent: 0700: minute row \"0930 1.000\" does not have 3 or 4 fields", "2 fields");
	refused(MINUTE, MIN("\"0931 1.000 100 0\",\"0930 1.000 200 0\"", "\"20260807\""), "0700",
		"tencent: 0700: bar 2026-08-07 09:30 is not after the bar before it", "order");
	refused(MINUTE, MIN("\"0931 1.000 100 0\",\"0931 1.000 200 0\"", "\"20260807\""), "0700",
		"tencent: 0700: bar 2026-08-07 09:31 is not after the bar before it", "repeat");
	refused(MINUTE, MIN("\"0930 1.000 -5 0\"", "\"20260807\""), "0700",
		"tencent: 0700: minute 0930: volume \"-5\" is not a count", "negative volume");
	refused(MINUTE, MIN("\"0930 1.000 100 0\"", "20260807"), "0700",
		"tencent: 0700: no date (YYYYMMDD) for the minute bars", "date as a number");
	refused(MINUTE, MIN("\"0930 1.000 100 0\"", "\"20260230\""), "0700",
		"tencent: 0700: minute row \"0930 1.000 100 0\": bad time", "30 February");
	refused(MINUTE, "{\"code\":0,\"data\":{\"hk00700\":{\"data\":{\"data\":\"0930\"}}}}", "0700",
		"tencent: 0700: no minute data in the reply", "data as a string");
	refused(MINUTE, "{\"code\":0,\"data\":{\"hk00700\":{\"data\":{\"data\":[\"0930 1", "0700",
		"tencent: 0700: malformed or truncated JSON", "truncated");
	refused(MINUTE, "[1,2]", "0700", "tencent: 0700: reply is not JSON: \"[1,2]\"", "array");
	refused(MINUTE, "", "0700", "tencent: 0700: empty reply", "empty body");
	refused(MINUTE, "v_pv_none_match=\"1\";\n", "0700",
		"tencent: 0700: reply is not JSON: \"v_pv_none_match=\"1\";\"", "not JSON");
#undef MIN
}

static void test_tencent_kline(void)
{
	struct series s;

	ok(parse_file(DAY, "tencent-kline-day.json", "0700", &s), "kline day: %s", s.err);
	is_int(s.n, 5, "five days");
	is_int(s.interval, 86400, "a bar a day");
	ok(s.ohlc, "real OHLC");
	ok(!s.prev_close.ok, "kline: no previous close");
	/* rows are open, CLOSE, HIGH, LOW */
	bar_is(&s, 0, "2026-08-03T00:00:00+08:00", "470.000", "474.000", "468.200", "472.400",
	       "15012345.00");
	bar_is(&s, 1, "2026-08-04T00:00:00+08:00", "472.400", "473.600", "467.000", "469.800",
	       "17233012.00");
	bar_is(&s, 2, "2026-08-05T00:00:00+08:00", "470.000", "477.000", "469.400", "476.200",
	       "21044500.00");
	bar_is(&s, 4, "2026-08-07T00:00:00+08:00", "479.000", "483.200", "475.400", "478.800",
	       "16319939.00");
	gaps_are(&s, "");
	series_done(&s);

	ok(parse_file(WEEK, "tencent-kline-week.json", "0700", &s), "kline week: %s", s.err);
	is_int(s.n, 3, "three weeks");
	is_int(s.interval, 7 * 86400, "a bar a week");
	series_done(&s);

	refused_file(WEEK, "tencent-kline-day.json", "0700",
		     "tencent: 0700: no week bars in the reply");
	refused_file(DAY, "tencent-kline-badparams.json", "0700",
		     "tencent: 0700: server refused the request: \"bad params\"");
	refused_file(DAY, "tencent-kline-empty.json", "0700",
		     "tencent: 0700: no day bars (unknown code, or rate-limited?)");
	refused_file(DAY, "tencent-kline-types.json", "0700",
		     "tencent: 0700: kline row 1: open is not a string");

#define KL(rows) "{\"code\":0,\"msg\":\"\",\"data\":{\"hk00700\":{\"day\":[" rows "]}}}"
	refused(DAY, KL("[\"2026-08-07\",\"1.0\",\"1.0\",\"1.0\",\"1.0\"]"), "0700",
		"tencent: 0700: kline row 0 has 5 items (want 6)", "5 items");
	refused(DAY, KL("[\"2026-08-07\",\"1.0\",\"1.0\",\"0.9\",\"1.0\",\"5\"]"), "0700",
		"tencent: 0700: bar 2026-08-07: open or close outside low - high", "high < open");
	refused(DAY, KL("[\"2026-08-07\",\"455.000\",\"4\",\"462534023008000\",\"457.000\",\"5\"]"),
		"0700", "tencent: 0700: bar 2026-08-07: open or close outside low - high",
		"close under low, with a huge high (found by fuzzing)");
	refused(DAY, KL("[\"2026-08-07\",\"1.0\",\"1.0\",\"1.0\",\"0.000\",\"5\"]"), "0700",
		"tencent: 0700: bar 2026-08-07: low is not above 0", "low 0");
	refused(DAY, KL("[\"2026-08-07\",\"1.0\",\"1.0\",\"1.0\",\"1.0\",\"-\"]"), "0700",
		"tencent: 0700: kline 2026-08-07: volume \"-\" is not a number", "volume -");
	refused(DAY, KL("[\"2026-08-07\",\"1.0\",\"999999999999999999\",\"1.0\",\"1.0\",\"5\"]"),
		"0700", "tencent: 0700: kline 2026-08-07: close \"999999999999999999\" has more digits "
		"than a double holds exactly", "a close of 18 nines, not 1e18");
	refused(DAY, KL("[\"2026/08/07\",\"1.0\",\"1.0\",\"1.0\",\"1.0\",\"5\"]"), "0700",
		"tencent: 0700: kline row 0: date \"2026/08/07\" is not YYYY-MM-DD", "slashes");
	refused(DAY, KL("[\"2026-08-07\",\"1\",\"1\",\"1\",\"1\",\"5\"],"
			"[\"2026-08-06\",\"1\",\"1\",\"1\",\"1\",\"5\"]"), "0700",
		"tencent: 0700: bar 2026-08-06 is not after the bar before it", "descending");
	refused(DAY, KL("{\"a\":1}"), "0700", "tencent: 0700: kline row 0 is not an array",
		"object row");
	refused(DAY, KL("[\"2026-08-07\",null,\"1\",\"1\",\"1\",\"5\"]"), "0700",
		"tencent: 0700: kline row 0: open is not a string", "null item");
	refused(DAY, "{\"code\":0,\"msg\":\"param error\"}", "0700",
		"tencent: 0700: server says \"param error\"", "r_hk prefix reply");
	refused(DAY, "{\"code\":\"1\",\"msg\":\"\\u001b]0;x\\u0007bad\"}", "0700",
		"tencent: 0700: server refused the request: \"bad\"", "hostile msg");
	refused(DAY, "kline_dayqfq=", "0700", "tencent: 0700: reply is not JSON: \"kline_dayqfq=\"",
		"prefix only");
#undef KL
}

static void test_yahoo(void)
{
	struct series s;

	ok(parse_file(YAHOO, "yahoo-chart-0700-1d.json", "0700", &s), "yahoo 1d: %s", s.err);
	is_int(s.n, 6, "three of nine bars skipped for a null");
	is_str(s.source, "yahoo", "source");
	is_int(s.utc_offset, 28800, "gmtoffset");
	is_int(s.interval, 60, "dataGranularity 1m");
	is_int(s.dp, 3, "priceHint 3");
	is_str(fmt(s.prev_close), "479.200", "previousClose preferred");
	bar_is(&s, 0, "2026-08-07T09:30:00+08:00", "479.000", "479.400", "478.800", "479.200",
	       "380150");
	bar_is(&s, 1, "2026-08-07T09:32:00+08:00", "478.600", "478.800", "478.400", "478.800",
	       "127800");
	bar_is(&s, 3, "2026-08-07T13:00:00+08:00", "477.600", "478.000", "477.400", "477.800",
	       "150200");
	gaps_are(&s, "3");
	series_done(&s);

	ok(parse_file(YAHOO, "yahoo-chart-hsi-5d.json", "HSI", &s), "yahoo HSI 5d: %s", s.err);
	is_int(s.n, 8, "eight bars");
	is_int(s.dp, 2, "priceHint 2");
	is_str(fmt(s.prev_close), "24875.30", "chartPreviousClose when previousClose is absent");
	is_str(fmt(s.v[1].close), "24950.50", "float32 rounded to 2 decimals");
	is_str(fmt(s.v[7].close), "24858.82", "24858.82 survives float32");
	gaps_are(&s, "2,4,6");
	ok(!s.v[0].volume.ok, "index volume is left out");
	series_done(&s);

	refused_file(YAHOO, "yahoo-chart-404.json", "0700",
		     "yahoo: 0700: No data found, symbol may be delisted");
	refused_file(YAHOO, "yahoo-chart-truncated.json", "0700",
		     "yahoo: 0700: malformed or truncated JSON");
	refused_file(YAHOO, "yahoo-chart-types.json", "0700",
		     "yahoo: 0700: close[2] is not a number");
	refused_file(YAHOO, "yahoo-chart-0700-1d.json", "9988",
		     "yahoo: 9988: reply is for \"0700.HK\"");

#define YH(meta, ts, o, h, l, c, v) "{\"chart\":{\"result\":[{\"meta\":{" meta "},\"timestamp\":[" \
	ts "],\"indicators\":{\"quote\":[{\"open\":[" o "],\"high\":[" h "],\"low\":[" l \
	"],\"close\":[" c "]" v "}]}}],\"error\":null}}"
	ok(run(YAHOO, YH("", "1786066200", "1.5", "1.5", "1.5", "1.5", ""),
	       strlen(YH("", "1786066200", "1.5", "1.5", "1.5", "1.5", "")), "0700", &s),
	   "no meta, no volume: %s", s.err);
	is_int(s.dp, 2, "priceHint defaults to 2");
	is_str(fmt(s.v[0].close), "1.50", "rounded to 2");
	ok(!s.v[0].volume.ok, "no volume array: volume unknown");
	ok(!s.prev_close.ok, "no previous close");
	series_done(&s);

	refused(YAHOO, YH("", "1,2", "null,1", "1,null", "1,1", "1,1", ""), "0700",
		"yahoo: 0700: no bars with prices (every one has a null)", "all null");
	refused(YAHOO, YH("", "1,2", "1,1", "1,1", "1,1", "1,-1", ""), "0700",
		"yahoo: 0700: bar 1970-01-01 08:00: close is not above 0", "negative close");
	refused(YAHOO, YH("", "1", "0.0001", "1", "0.0001", "1", ""), "0700",
		"yahoo: 0700: bar 1970-01-01 08:00: open is not above 0", "rounds to 0");
	refused(YAHOO, YH("", "1,2", "1,1", "1,1", "1,1", "1", ""), "0700",
		"yahoo: 0700: 1 close values for 2 timestamps", "short close");
	refused(YAHOO, YH("", "2,1", "1,1", "1,1", "1,1", "1,1", ""), "0700",
		"yahoo: 0700: bar 1970-01-01 08:00 is not after the bar before it", "backwards");
	refused(YAHOO, YH("", "1.5", "1", "1", "1", "1", ""), "0700",
		"yahoo: 0700: timestamp[0] is not a time", "fractional time");
	refused(YAHOO, YH("", "1", "1", "1", "1", "1", ",\"volume\":[-3]"), "0700",
		"yahoo: 0700: volume[0] is negative", "negative volume");
	/* A figure a double cannot hold to the decimals is refused, never
	 * printed as 301 digits Yahoo did not send. */
	refused(YAHOO, YH("", "1", "1e300", "1e300", "1", "1", ""), "0700",
		"yahoo: 0700: open[0] has more digits than a double holds exactly", "open 1e300");
	refused(YAHOO, YH("", "1", "1", "1", "1", "1", ",\"volume\":[1e17]"), "0700",
		"yahoo: 0700: volume[0] has more digits than a double holds exactly", "volume 1e17");
	refused(YAHOO, YH("", "1", "1", "1", "1", "1e999", ""), "0700",
		"yahoo: 0700: close[0] is not a number", "infinite");
	refused(YAHOO, YH("", "1", "1", "2", "1", "1", ",\"volume\":{}"), "0700",
		"yahoo: 0700: no volume prices in the reply", "volume object");
	refused(YAHOO, "{\"chart\":{\"result\":[{\"meta\":{},\"indicators\":{\"quote\":[{}]}}],"
		"\"error\":null}}", "0700", "yahoo: 0700: no bars in the reply", "no timestamp");
	refused(YAHOO, "{\"chart\":{\"result\":[],\"error\":null}}", "0700",
		"yahoo: 0700: no result in the reply", "empty result");
	refused(YAHOO, "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Bad Request\"}}}", "0700",
		"yahoo: 0700: Bad Request", "error without description");
	refused(YAHOO, "{\"chart\":{\"error\":{\"description\":\"\\u0000\\u001b[2J \"}}}", "0700",
		"yahoo: 0700: error reply without a description", "description of controls only");
	refused(YAHOO, "{\"finance\":{}}", "0700", "yahoo: 0700: no chart in the reply",
		"no chart");
#undef YH
}

/* More bars than any chart needs is a broken reply, not a chart. */
static void test_cap(void)
{
	size_t cap = 64 + (size_t)(SERIES_MAX_BARS + 1) * 60, n = 0;
	char *b = malloc(cap);
	int k;

	n += (size_t)snprintf(b + n, cap - n, "{\"chart\":{\"result\":[{\"timestamp\":[");
	for (k = 0; k <= SERIES_MAX_BARS; k++)
		n += (size_t)snprintf(b + n, cap - n, "%s%d", k ? "," : "", k + 1);
	n += (size_t)snprintf(b + n, cap - n, "],\"indicators\":{\"quote\":[{");
	for (int a = 0; a < 4; a++) {
		n += (size_t)snprintf(b + n, cap - n, "%s\"%s\":[", a ? "," : "",
				      (const char *[]){ "open", "high", "low", "close" }[a]);
		for (k = 0; k <= SERIES_MAX_BARS; k++)
			n += (size_t)snprintf(b + n, cap - n, "%s1", k ? "," : "");
		n += (size_t)snprintf(b + n, cap - n, "]");
	}
	snprintf(b + n, cap - n, "}]}}]}}");
	refused(YAHOO, b, "0700", "yahoo: 0700: 20001 bars in the reply (at most 20000)", "cap");
	free(b);
}

static void plan_is(const char *symbol, const char *range, bool fallback, const char *url,
		    const char *err)
{
	struct instrument in = sym(symbol);
	struct series_request req;
	enum series_range r;
	char cause[128] = "";
	bool ok;

	ok(series_range_parse(range, &r), "range %s", range);
	ok = series_source_plan(&in, r, fallback, NULL, NULL, &req, cause, sizeof cause);
	if (url) {
		ok(ok, "%s %s%s planned", symbol, range, fallback ? " fallback" : "");
		is_str(req.url, url, "%s %s%s url", symbol, range, fallback ? " fallback" : "");
	} else {
		ok(!ok, "%s %s%s: no request", symbol, range, fallback ? " fallback" : "");
		is_str(cause, err, "cause");
	}
}

static void test_plan(void)
{
	struct instrument in = sym("0700");
	struct series_request req;
	enum series_range r;
	char buf[256], err[64];
	size_t len;
	char *body;
	struct series s;

#define TQ "https://web.ifzq.gtimg.cn/appstock/app/"
#define YQ "https://query1.finance.yahoo.com/v8/finance/chart/"
	plan_is("0700", "1D", false, TQ "minute/query?code=hk00700", NULL);
	plan_is("0700", "1d", true, YQ "0700.HK?range=1d&interval=1m", NULL);
	plan_is("0700", "5D", false, YQ "0700.HK?range=5d&interval=5m", NULL);
	plan_is("0700", "5D", true, TQ "fqkline/get?param=hk00700,day,,,5,qfq", NULL);
	plan_is("9988", "1M", false, TQ "fqkline/get?param=hk09988,day,,,25,qfq", NULL);
	plan_is("9988", "3M", false, TQ "fqkline/get?param=hk09988,day,,,66,qfq", NULL);
	plan_is("9988", "6M", true, YQ "9988.HK?range=6mo&interval=1d", NULL);
	plan_is("9988", "1Y", false, TQ "fqkline/get?param=hk09988,day,,,250,qfq", NULL);
	plan_is("9988", "5Y", false, TQ "fqkline/get?param=hk09988,week,,,265,qfq", NULL);
	plan_is("9988", "5Y", true, YQ "9988.HK?range=5y&interval=1wk", NULL);
	plan_is("HSI", "1D", false, TQ "minute/query?code=hkHSI", NULL);
	plan_is("HSI", "1Y", true, YQ "%5EHSI?range=1y&interval=1d", NULL);
	plan_is("HSTECH", "5D", false, YQ "HSTECH.HK?range=5d&interval=5m", NULL);
	plan_is("HSTECH", "1M", true, NULL, "HSTECH: Yahoo has only 1D and 5D charts of it");
	plan_is("HSTECH", "1M", false, TQ "fqkline/get?param=hkHSTECH,day,,,25,qfq", NULL);
	plan_is("BABA", "1D", false, YQ "BABA?range=1d&interval=1m", NULL);
	plan_is("BABA", "5Y", false, YQ "BABA?range=5y&interval=1wk", NULL);
	plan_is("BABA", "1D", true, NULL, "BABA: no second source for US charts");
	ok(!series_range_parse("2Y", &r), "no 2Y range");

	ok(series_source_yahoo_url("http://127.0.0.1:8080", &in, SERIES_1M, buf, sizeof buf),
	   "yahoo url with a base");
	is_str(buf, "http://127.0.0.1:8080/v8/finance/chart/0700.HK?range=1mo&interval=1d",
	       "base replaces the host");
	ok(!series_source_tencent_minute_url(NULL, &in, buf, 20), "too small a buffer");
	ok(!series_source_tencent_kline_url(NULL, &in, "month", 10, buf, sizeof buf), "no month period");
	in = sym("BABA");
	ok(!series_source_tencent_minute_url(NULL, &in, buf, sizeof buf), "no Tencent minute for BABA");

	/* series_source_parse reads with the parser the plan named */
	in = sym("0700");
	ok(series_source_plan(&in, SERIES_1M, false, NULL, NULL, &req, err, sizeof err), "plan 1M");
	body = slurp("tencent-kline-day.json", &len);
	ok(series_source_parse(&req, body, len, &in, &s) && s.n == 5, "series_source_parse dispatches: %s",
	   s.err);
	series_done(&s);
	free(body);
#undef TQ
#undef YQ
}

int main(void)
{
	test_tencent_minute();
	test_tencent_kline();
	test_yahoo();
	test_cap();
	test_plan();
	return tap_done();
}
