/* test-fmt.c - amounts, figures, ages and HKT times as the screen shows them */
#include "config.h"

#include <float.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/hktime.h"
#include "tap.h"

/* Screen columns of our output: ASCII is 1, each 3-byte CJK unit is 2. */
static int cols(const char *s)
{
	int n = 0;

	for (; *s; s++)
		if ((*s & 0xc0) != 0x80)
			n += (unsigned char)*s >= 0x80 ? 2 : 1;
	return n;
}

static void amount(double v, enum names_lang lang, const char *want)
{
	char buf[FMT_AMOUNT_SIZE];
	int n = fmt_amount(v, lang, buf, sizeof buf);

	is_str(buf, want, "%s %.17g", lang == NAMES_ZH ? "zh" : "en", v);
	is_int(n, strlen(want), "%s %.17g length", lang == NAMES_ZH ? "zh" : "en", v);
}

static void test_amount_en(void)
{
	amount(0, NAMES_EN, "0");
	amount(-0.0, NAMES_EN, "0");
	amount(0.4, NAMES_EN, "0");
	amount(-0.4, NAMES_EN, "0"); /* no "-0" */
	amount(1, NAMES_EN, "1");
	amount(999, NAMES_EN, "999");
	amount(999.4, NAMES_EN, "999");
	amount(999.5, NAMES_EN, "1.00K"); /* rounds past the unit */
	amount(1000, NAMES_EN, "1.00K");
	amount(1234, NAMES_EN, "1.23K");
	amount(9995, NAMES_EN, "10.0K"); /* 9.995 must not print 10.00 */
	amount(45600, NAMES_EN, "45.6K");
	amount(123456, NAMES_EN, "123K");
	amount(999999, NAMES_EN, "1.00M");
	amount(1e6, NAMES_EN, "1.00M");
	amount(45.6e6, NAMES_EN, "45.6M");
	amount(7803757295.25, NAMES_EN, "7.80B");
	amount(1e12, NAMES_EN, "1.00T");
	amount(1234e12, NAMES_EN, "1234T"); /* the top unit runs to 4 digits */
	amount(9999e12, NAMES_EN, "9999T");
	amount(9999.5e12, NAMES_EN, "1.0e16"); /* then exponents */
	amount(1e16, NAMES_EN, "1.0e16");
	amount(9.96e16, NAMES_EN, "1.0e17");
	amount(DBL_MAX, NAMES_EN, "1.8e308");
	amount(-1234, NAMES_EN, "-1.23K");
	amount(-7803757295.25, NAMES_EN, "-7.80B");
	amount(-999, NAMES_EN, "-999");
	amount(-DBL_MAX, NAMES_EN, "-1.8e308");
	amount(NAN, NAMES_EN, "");
	amount(INFINITY, NAMES_EN, "");
	amount(-INFINITY, NAMES_EN, "");
}

static void test_amount_zh(void)
{
	amount(0, NAMES_ZH, "0");
	amount(999, NAMES_ZH, "999");
	amount(1000, NAMES_ZH, "1000");
	amount(1234, NAMES_ZH, "1234");
	amount(9999, NAMES_ZH, "9999");
	amount(9999.5, NAMES_ZH, "1.00万");
	amount(12345, NAMES_ZH, "1.23万");
	amount(456000, NAMES_ZH, "45.60万");
	amount(999999, NAMES_ZH, "100.0万");
	amount(1e6, NAMES_ZH, "100.0万");
	amount(4567800, NAMES_ZH, "456.8万");
	amount(45678900, NAMES_ZH, "4568万");
	amount(99995000, NAMES_ZH, "1.00亿");
	amount(7803757295.25, NAMES_ZH, "78.04亿");
	amount(-7803757295.25, NAMES_ZH, "-78.04亿");
	amount(1e12, NAMES_ZH, "1.00万亿");
	amount(5.123e12, NAMES_ZH, "5.12万亿");
	amount(-5.123e12, NAMES_ZH, "-5.1万亿"); /* the minus costs a decimal */
	amount(78.04e12, NAMES_ZH, "78.0万亿");
	amount(9999e12, NAMES_ZH, "9999万亿");
	amount(-999e12, NAMES_ZH, "-999万亿");
	amount(-1000e12, NAMES_ZH, "-1.0e15"); /* "-1000万亿" is 9 columns */
	amount(-1234, NAMES_ZH, "-1234");
	amount(NAN, NAMES_ZH, "");
}

/* Every magnitude, both signs, both languages: 8 columns at most. */
static void test_amount_width(void)
{
	char buf[FMT_AMOUNT_SIZE];
	int worst = 0, bad = 0, trunc = 0;

	for (int lang = NAMES_EN; lang <= NAMES_ZH; lang++)
		for (double v = 0.3; v < 1e300; v *= 1.37)
			for (int sgn = -1; sgn <= 1; sgn += 2) {
				int n = fmt_amount(sgn * v, (enum names_lang)lang, buf, sizeof buf);
				int c = cols(buf);

				if (c > worst)
					worst = c;
				if (c > FMT_AMOUNT_COLS || buf[0] == '\0')
					bad++;
				if (n >= (int)sizeof buf)
					trunc++;
			}
	is_int(bad, 0, "no amount is empty or wider than %d columns", FMT_AMOUNT_COLS);
	is_int(worst, FMT_AMOUNT_COLS, "the widest is exactly %d columns", FMT_AMOUNT_COLS);
	is_int(trunc, 0, "FMT_AMOUNT_SIZE holds every amount");
}

static void test_amount_small_buffer(void)
{
	char buf[4] = "xxx";

	is_int(fmt_amount(7803757295.25, NAMES_EN, buf, sizeof buf), 5,
	       "returns the wanted length");
	is_str(buf, "7.8", "truncates like snprintf");
	is_int(fmt_amount(NAN, NAMES_EN, buf, 0), 0, "a zero-size buffer is not written");
}

static struct num N(double v, int dp)
{
	struct num n = { v, (signed char)dp, true };

	return n;
}

static void test_num(void)
{
	struct num bad = { 1.5, 2, false };
	char buf[64];

	fmt_num(N(478.8, 3), buf, sizeof buf);
	is_str(buf, "478.800", "source decimals kept");
	fmt_num(N(0, 0), buf, sizeof buf);
	is_str(buf, "0", "zero");
	fmt_num(N(-0.4, 2), buf, sizeof buf);
	is_str(buf, "-0.40", "negative");
	strcpy(buf, "junk");
	is_int(fmt_num(bad, buf, sizeof buf), 0, "!ok writes nothing");
	is_str(buf, "", "!ok is empty");

	/* A figure wider than its cell is marked, never cut to another number */
	strcpy(buf, "9999999999999.99");
	fmt_fit(buf, sizeof buf, 10);
	is_str(buf, "##########", "too wide for 10 columns: ##########");
	strcpy(buf, "478.800");
	fmt_fit(buf, sizeof buf, 7);
	is_str(buf, "478.800", "a figure that fits is kept");
	strcpy(buf, "-0.40");
	fmt_fit(buf, sizeof buf, 0);
	is_str(buf, "", "no room: nothing");
	if (setlocale(LC_CTYPE, "C.UTF-8")) {
		strcpy(buf, "12.34億");
		fmt_fit(buf, sizeof buf, 7);
		is_str(buf, "12.34億", "widths are columns: 億 is two");
		fmt_fit(buf, sizeof buf, 6);
		is_str(buf, "######", "one column short: marked");
		setlocale(LC_CTYPE, "C");
	}
	strcpy(buf, "12345");
	fmt_fit(buf, 3, 4);
	is_str(buf, "##", "the mark is cut to the buffer");

	fmt_signed(N(1.2, 2), "", buf, sizeof buf);
	is_str(buf, "+1.20", "a rise has a plus");
	fmt_signed(N(-0.4, 2), "", buf, sizeof buf);
	is_str(buf, "-0.40", "a fall has a minus");
	fmt_signed(N(0, 2), "", buf, sizeof buf);
	is_str(buf, "0.00", "no change has no sign");
	fmt_signed(N(0.001, 2), "", buf, sizeof buf);
	is_str(buf, "0.00", "a rise that rounds to nothing has no sign");
	fmt_signed(N(-0.001, 2), "", buf, sizeof buf);
	is_str(buf, "0.00", "nor a fall");
	is_int(fmt_signed(N(1.2, 2), "%", buf, sizeof buf), 6, "length with suffix");
	is_str(buf, "+1.20%", "percent suffix");
	fmt_signed(N(-3.456, 3), "%", buf, sizeof buf);
	is_str(buf, "-3.456%", "negative percent");
	fmt_signed(N(0, 2), "%", buf, sizeof buf);
	is_str(buf, "0.00%", "zero percent");
	fmt_signed(N(5, 0), NULL, buf, sizeof buf);
	is_str(buf, "+5", "NULL suffix");
	strcpy(buf, "junk");
	is_int(fmt_signed(bad, "%", buf, sizeof buf), 0, "!ok returns 0");
	is_str(buf, "", "!ok is empty, suffix and all");
	{
		char small[4];
		is_int(fmt_signed(N(12.34, 2), "%", small, sizeof small), 7, "wanted length");
		is_str(small, "+12", "truncated");
	}
}

static void age(long s, const char *want)
{
	char buf[32];
	int n = fmt_age(s, buf, sizeof buf);

	is_str(buf, want, "age %ld", s);
	is_int(n, strlen(want), "age %ld length", s);
}

static void test_age(void)
{
	char buf[32];

	age(0, "0s");
	age(1, "1s");
	age(45, "45s");
	age(59, "59s");
	age(60, "1m");
	age(754, "12m");
	age(3599, "59m");
	age(3600, "1h");
	age(3 * 3600 + 300, "3h");
	age(86399, "23h");
	age(86400, "1d");
	age(2 * 86400 + 5, "2d");
	age(-5, "-5s");
	age(-120, "-2m");
	age(-7200, "-2h");
	fmt_age(LONG_MIN, buf, sizeof buf);
	ok(buf[0] == '-' && buf[strlen(buf) - 1] == 'd' && strlen(buf) <= 21,
	   "LONG_MIN: %s", buf);
	fmt_age(LONG_MAX, buf, sizeof buf);
	ok(buf[strlen(buf) - 1] == 'd' && strlen(buf) <= 21, "LONG_MAX: %s", buf);
}

static void when(time_t t, const char *time_s, const char *date_s)
{
	char tb[32], db[32];

	is_int(fmt_hkt_time(t, tb, sizeof tb), 8, "time length at %lld", (long long)t);
	is_str(tb, time_s, "HKT time of %lld", (long long)t);
	fmt_hkt_date(t, db, sizeof db);
	is_str(db, date_s, "HKT date of %lld", (long long)t);
}

static time_t hkt(int y, int mo, int d, int h, int mi, int s)
{
	time_t t = 0;

	if (!hktime_make(y, mo, d, h, mi, s, HKT_OFFSET, &t))
		abort();
	return t;
}

static void test_times(void)
{
	time_t t = hkt(2026, 11, 29, 14, 3, 21);

	when(t, "14:03:21", "2026-11-29");
	when(0, "08:00:00", "1970-01-01");
	when(-1, "07:59:59", "1970-01-01");
	when(-8 * 3600 - 1, "23:59:59", "1969-12-31");
	/* 16:00 UTC is HKT midnight: the date turns eight hours early. */
	when(hkt(2026, 11, 29, 23, 59, 59), "23:59:59", "2026-11-29");
	when(hkt(2026, 11, 30, 0, 0, 0), "00:00:00", "2026-11-30");
	when(hkt(2028, 2, 29, 12, 0, 0), "12:00:00", "2028-02-29");
	when(hkt(2027, 1, 1, 0, 0, 0) - 1, "23:59:59", "2026-12-31");

	setenv("TZ", "America/New_York", 1);
	tzset();
	when(t, "14:03:21", "2026-11-29");
	unsetenv("TZ");
	tzset();
}

static void age_fit(long s, int cols, const char *want)
{
	char buf[32];
	int n = fmt_age_fit(s, cols, buf, sizeof buf);

	is_str(buf, want, "age %ld in %d columns", s, cols);
	is_int(n, strlen(want), "age %ld in %d columns: length", s, cols);
}

static void test_age_fit(void)
{
	char buf[32];
	int bad = 0;

	age_fit(45, 4, "45s");
	age_fit(364 * 86400L, 4, "364d");
	age_fit(2313 * 86400L, 4, "6y");       /* "2313d" lost its d in 4 columns */
	age_fit(2313 * 86400L, 5, "2313d");    /* room enough: days as ever */
	age_fit(-180, 4, "-3m");
	age_fit(-9 * 86400L, 4, "-9d");
	age_fit(-99 * 86400L, 4, "-99d");
	age_fit(-100 * 86400L, 4, "<-9d");      /* ahead by more than 9 days */
	age_fit(-75 * 365 * 86400L, 4, "-75y");
	age_fit(-750 * 365 * 86400L, 4, "<-9y");
	age_fit(100 * 365 * 86400L, 4, "100y");
	age_fit(1000 * 365 * 86400L, 4, ">99y");
	age_fit(LONG_MAX, 4, ">99y");
	age_fit(LONG_MIN, 4, "<-9y");
	/* Three columns (the detail view's "~" takes one of four): a negative
	 * bound ("<-9d") does not fit, so a larger unit, rounded up, says at
	 * most how far ahead */
	age_fit(-5, 3, "-5s");
	age_fit(-45, 3, "-1m");
	age_fit(-61, 3, "-1m");
	age_fit(-600, 3, "-1h");
	age_fit(-9 * 86400L, 3, "-9d");
	age_fit(-12 * 86400L, 3, "-2w");
	age_fit(-63 * 86400L, 3, "-9w");
	age_fit(-64 * 86400L, 3, "-1y");
	age_fit(-9 * 365 * 86400L, 3, "-9y");
	age_fit(-10 * 365 * 86400L, 3, "<-y");   /* more than 9 years ahead */
	age_fit(LONG_MIN, 3, "<-y");
	age_fit(45, 3, "45s");
	age_fit(100 * 86400L, 3, ">9d");
	age_fit(LONG_MAX, 3, ">9y");
	for (int cols = 3; cols <= 4; cols++) {
		bad = 0;
		for (long s = -40000000; s < 4000000000L; s += 7919) {
			int n = fmt_age_fit(s, cols, buf, sizeof buf);
			char u = buf[n > 0 ? n - 1 : 0];
			if (n > cols || (u != 's' && u != 'm' && u != 'h' && u != 'd' && u != 'w' && u != 'y') ||
			    (s < 0) != (strchr(buf, '-') != NULL))
				bad++;
		}
		is_int(bad, 0, "every age fits %d columns, keeps its sign and ends in its unit",
		       cols);
	}
}

static void qtime(time_t t, int off, time_t now, int now_off, bool old, const char *want)
{
	char buf[32];
	int n = fmt_quote_time(t, off, now, now_off, old, buf, sizeof buf);

	is_str(buf, want, "quote time %lld%+d at %lld%+d%s", (long long)t, off, (long long)now,
	       now_off, old ? ", old" : "");
	ok(n <= 8, "quote time %s: at most 8 columns", buf);
}

static void test_quote_time(void)
{
	const int hk = HKT_OFFSET, edt = -4 * 3600, est = -5 * 3600;
	time_t close = hkt(2026, 8, 7, 16, 8, 23);
	time_t ny_fri = hkt(2026, 9, 5, 4, 4, 0); /* Friday 4 September 16:04 EDT */
	time_t idx2023 = hkt(2023, 11, 14, 16, 9, 5);

	qtime(close, hk, hkt(2026, 8, 7, 16, 10, 0), hk, false, "16:08:23");
	qtime(close, hk, hkt(2026, 8, 7, 23, 59, 59), hk, true, "~16:08");
	qtime(close, hk, hkt(2026, 8, 8, 0, 0, 0), hk, true, "~08-07");
	qtime(close, hk, hkt(2026, 8, 8, 0, 0, 0), hk, false, "08-07");
	/* New York's Friday close is Friday's, though it is Saturday in Hong Kong */
	qtime(ny_fri, edt, hkt(2026, 9, 5, 4, 10, 0), edt, false, "16:04:00");
	qtime(ny_fri, edt, hkt(2026, 9, 5, 10, 0, 0), edt, true, "~16:04");
	qtime(ny_fri, edt, hkt(2026, 9, 5, 13, 0, 0), edt, true, "~09-04");
	/* Older than a year: the year */
	qtime(idx2023, hk, hkt(2026, 8, 7, 16, 10, 0), hk, true, "~2023-11");
	qtime(idx2023, hk, hkt(2024, 11, 12, 12, 0, 0), hk, true, "~11-14");
	qtime(idx2023, hk, hkt(2024, 11, 14, 12, 0, 0), hk, true, "~2023-11");
	qtime(idx2023, hk, hkt(2024, 11, 14, 12, 0, 0), hk, false, "2023-11");
	/* In winter the offsets differ between the stamp and now */
	qtime(hkt(2026, 11, 1, 13, 30, 0), edt, hkt(2026, 11, 1, 22, 0, 0), est, false, "01:30:00");
	/* Before the epoch and near the ends of time: no crash, at most 8 */
	qtime(-1, 0, -1, 0, false, "23:59:59");
	qtime(-1, 0, 0, 0, false, "12-31");
	qtime(-86400 * 400, 0, 0, 0, true, "~1968-11");
	{
		char buf[64];
		ok(fmt_hkt_time((time_t)LLONG_MIN, buf, sizeof buf) == 8, "the start of time_t: %s", buf);
		ok(fmt_hkt_time((time_t)LLONG_MAX, buf, sizeof buf) == 8, "its end: %s", buf);
		ok(fmt_quote_time((time_t)LLONG_MIN, -5 * 3600, (time_t)LLONG_MAX, HKT_OFFSET, true,
				  buf, sizeof buf) > 0, "a quote from the start of time: %s", buf);
	}
}

int main(void)
{
	test_amount_en();
	test_amount_zh();
	test_amount_width();
	test_amount_small_buffer();
	test_num();
	test_age();
	test_times();
	test_age_fit();
	test_quote_time();
	return tap_done();
}
