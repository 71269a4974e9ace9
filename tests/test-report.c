/* test-report.c - --once output formats on hand-built results */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "base/hktime.h"
#include "cli/quote_report.h"
#include "tap.h"

static char *render(enum report_format fmt, const struct quote_result *res, size_t n, bool zh)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	quote_report_write(fp, fmt, res, n, zh);
	fclose(fp);
	return buf;
}

int main(void)
{
	struct quote_result r[2];
	struct quote saved;
	enum report_format f;
	char err[64], *out;

	setlocale(LC_ALL, "C.UTF-8");
	memset(r, 0, sizeof r);
	r[0].ok = true;
	symbol_parse("700", &r[0].q.in, err, sizeof err);
	snprintf(r[0].q.name, sizeof r[0].q.name, "%s", "腾讯控股");
	snprintf(r[0].q.name_en, sizeof r[0].q.name_en, "%s", "TEN,\"CENT\"");
	r[0].q.f[QF_PRICE] = (struct num){ 478.8, 3, true };
	r[0].q.f[QF_CHANGE] = (struct num){ -0.4, 3, true };
	r[0].q.f[QF_MARKET_CAP] = (struct num){ 4348807140000.0, 0, true };
	r[0].q.lot_size = 100;
	snprintf(r[0].q.currency, sizeof r[0].q.currency, "HKD");
	hktime_make(2026, 8, 7, 16, 8, 23, HKT_OFFSET, &r[0].q.time);
	r[0].q.utc_offset = HKT_OFFSET;
	r[0].q.source = "tencent";
	symbol_parse("BABA", &r[1].q.in, err, sizeof err);
	snprintf(r[1].err, sizeof r[1].err, "tencent: BABA: HTTP 503");

	ok(quote_report_format_parse("json", &f) && f == REPORT_JSON, "json");
	ok(quote_report_format_parse("csv", &f) && f == REPORT_CSV, "csv");
	ok(quote_report_format_parse("table", &f) && f == REPORT_TABLE, "table");
	ok(!quote_report_format_parse("xml", &f), "xml refused");

	out = render(REPORT_JSON, r, 2, false);
	is_str(out, "[\n"
	       "{\"symbol\":\"0700\",\"name\":\"腾讯控股\",\"name_en\":\"TEN,\\\"CENT\\\"\",\"price\":478.800,"
	       "\"prev_close\":null,\"open\":null,\"high\":null,\"low\":null,\"change\":-0.400,"
	       "\"change_pct\":null,\"volume\":null,\"turnover\":null,\"market_cap\":4348807140000,"
	       "\"lot_size\":100,\"currency\":\"HKD\",\"time\":\"2026-08-07T16:08:23+08:00\","
	       "\"source\":\"tencent\"},\n"
	       "{\"symbol\":\"BABA\",\"name\":null,\"name_en\":null,\"price\":null,\"prev_close\":null,"
	       "\"open\":null,\"high\":null,\"low\":null,\"change\":null,\"change_pct\":null,"
	       "\"volume\":null,\"turnover\":null,\"market_cap\":null,\"lot_size\":null,"
	       "\"currency\":null,\"time\":null,\"source\":null,\"error\":\"tencent: BABA: HTTP 503\"}\n"
	       "]\n", "json: source decimals, nulls, error object");
	free(out);

	out = render(REPORT_CSV, r, 2, false);
	is_str(out, "symbol,name,name_en,price,prev_close,open,high,low,change,change_pct,volume,"
	       "turnover,market_cap,lot_size,currency,time,source,error\n"
	       "0700,腾讯控股,\"TEN,\"\"CENT\"\"\",478.800,,,,,-0.400,,,,4348807140000,100,HKD,"
	       "2026-08-07T16:08:23+08:00,tencent,\n"
	       "BABA,,,,,,,,,,,,,,,,,tencent: BABA: HTTP 503\n", "csv: RFC 4180 quoting");
	free(out);

	/* A name from the feed that a spreadsheet would run as a formula is
	 * written as text; numbers keep their sign. */
	saved = r[0].q;
	snprintf(r[0].q.name_en, sizeof r[0].q.name_en, "=HYPERLINK(\"http://x\")");
	snprintf(r[0].q.name, sizeof r[0].q.name, "@SUM(1)");
	out = render(REPORT_CSV, r, 1, false);
	ok(strstr(out, "\n0700,'@SUM(1),\"'=HYPERLINK(\"\"http://x\"\")\",478.800,") != NULL,
	   "csv: formula-like names start with ' (%s)", out);
	ok(strstr(out, ",-0.400,") != NULL, "csv: a negative change is still a number");
	free(out);
	r[0].q = saved;

	/* A market cap in another currency is not printed as HKD. */
	snprintf(r[0].q.currency, sizeof r[0].q.currency, "USD");
	out = render(REPORT_JSON, r, 1, false);
	ok(strstr(out, "\"market_cap\":null") != NULL, "USD market cap withheld");
	free(out);

	out = render(REPORT_TABLE, r, 2, true);
	ok(strstr(out, "0700    腾讯控股  ") != NULL, "table: CJK name padded by width");
	ok(strstr(out, "BABA    error: tencent: BABA: HTTP 503") != NULL, "table: error row");
	free(out);
	return tap_done();
}
