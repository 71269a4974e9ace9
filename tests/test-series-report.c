/* test-series-report.c - --series output: CSV and JSON of real parsed bars */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "fixture.h"
#include "cli/series_report.h"
#include "feeds/series_source.h"
#include "tap.h"

static char *render(enum series_format fmt, const struct series *s, enum series_range r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	series_report_write(fp, fmt, s, r);
	fclose(fp);
	return buf;
}

int main(void)
{
	struct instrument in, hsi;
	struct series s;
	char err[64], *body, *out;
	size_t len;

	setlocale(LC_ALL, "C.UTF-8");
	symbol_parse("700", &in, err, sizeof err);
	symbol_parse("HSI", &hsi, err, sizeof err);

	body = slurp("tencent-kline-day.json", &len);
	ok(series_tencent_parse_kline(body, len, &in, "day", &s), "kline parses");
	free(body);
	out = render(SERIES_CSV, &s, SERIES_1M);
	is_str(out, "time,open,high,low,close,volume\n"
	       "2026-08-03T00:00:00+08:00,470.000,474.000,468.200,472.400,15012345.00\n"
	       "2026-08-04T00:00:00+08:00,472.400,473.600,467.000,469.800,17233012.00\n"
	       "2026-08-05T00:00:00+08:00,470.000,477.000,469.400,476.200,21044500.00\n"
	       "2026-08-06T00:00:00+08:00,476.200,480.000,474.800,479.200,18320000.00\n"
	       "2026-08-07T00:00:00+08:00,479.000,483.200,475.400,478.800,16319939.00\n",
	       "csv: OHLC from a kline's open, close, high, low rows, day stamps at 00:00 HKT");
	free(out);
	out = render(SERIES_JSON, &s, SERIES_1M);
	ok(strncmp(out, "{\"symbol\":\"0700\",\"range\":\"1M\",\"source\":\"tencent\",\"interval\":86400,"
		   "\"prev_close\":null,\"bars\":[\n{\"time\":\"2026-08-03T00:00:00+08:00\",\"open\":470.000,"
		   "\"high\":474.000,\"low\":468.200,\"close\":472.400,\"volume\":15012345.00},\n", 200) == 0,
	   "json: the series, then a bar a line");
	ok(strstr(out, "\"volume\":16319939.00}\n]}\n") != NULL, "json: closed after the last bar");
	free(out);
	series_done(&s);

	/* An index has no volume: empty in CSV, null in JSON. */
	body = slurp("tencent-minute-hsi.json", &len);
	ok(series_tencent_parse_minute(body, len, &hsi, &s), "index minute data parse");
	free(body);
	out = render(SERIES_CSV, &s, SERIES_1D);
	ok(strstr(out, "\n2026-08-07T09:30:00+08:00,") != NULL, "csv: minute stamps with the offset");
	{
		const char *line = strchr(out, '\n') + 1;
		const char *end = strchr(line, '\n');
		ok(end && end[-1] == ',', "csv: an unknown volume is empty");
	}
	free(out);
	out = render(SERIES_JSON, &s, SERIES_1D);
	ok(strstr(out, "\"volume\":null}") != NULL, "json: an unknown volume is null");
	ok(strstr(out, "\"prev_close\":") != NULL && strstr(out, "\"range\":\"1D\""), "json: range named");
	free(out);
	series_done(&s);

	/* Empty series: the header only, an empty array. */
	memset(&s, 0, sizeof s);
	s.in = in;
	out = render(SERIES_CSV, &s, SERIES_1D);
	is_str(out, "time,open,high,low,close,volume\n", "csv: no bars, the header alone");
	free(out);
	out = render(SERIES_JSON, &s, SERIES_5Y);
	ok(strstr(out, "\"range\":\"5Y\"") && strstr(out, "\"bars\":[\n]}\n"), "json: no bars, []");
	free(out);
	return tap_done();
}
