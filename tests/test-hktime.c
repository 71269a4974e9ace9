/* test-hktime.c - feed timestamps to absolute time, whatever TZ says */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/hktime.h"
#include "tap.h"

static void wall(const char *s, int y, int mo, int d, int h, int mi, int sec)
{
	int v[6] = { -1, -1, -1, -1, -1, -1 };

	ok(hktime_parse_wall(s, strlen(s), &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]),
	   "\"%s\" parses", s);
	ok(v[0] == y && v[1] == mo && v[2] == d && v[3] == h && v[4] == mi && v[5] == sec,
	   "\"%s\" fields %d %d %d %d %d %d", s, v[0], v[1], v[2], v[3], v[4], v[5]);
}

static void no_wall(const char *s)
{
	int y, mo, d, h, mi, sec;

	ok(!hktime_parse_wall(s, strlen(s), &y, &mo, &d, &h, &mi, &sec), "\"%s\" is refused", s);
}

static void iso(time_t t, int off, const char *want)
{
	char buf[40];

	hktime_iso8601(t, off, buf, sizeof buf);
	is_str(buf, want, "%lld at %+d is %s", (long long)t, off, want);
}

/* hktime_iso8601 against the snprintf it stands for, over years from
 * before 0 to past 9999 (where it hands over to snprintf), offsets of
 * either sign up to 100 hours, and buffers a byte short or long enough. */
static void iso_reference(void)
{
	static const int offsets[] = { 0, 1, -1, 59, HKT_OFFSET, -4 * 3600, 5 * 3600 + 30 * 60,
				       -(9 * 3600 + 30 * 60), 14 * 3600, 99 * 3600 + 59 * 60,
				       100 * 3600, -100 * 3600 - 60 };
	static const size_t lens[] = { 25, 26, 40 };
	unsigned checked = 0, bad = 0;

	for (long long t = -70000000000LL; t <= 260000000000LL; t += 987654321LL) {
		for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
			for (size_t j = 0; j < sizeof lens / sizeof lens[0]; j++) {
				char got[40], want[40];
				int off = offsets[i], a = abs(off) / 60, n, m;
				time_t local = (time_t)t + off;
				struct tm tm;
				if (!gmtime_r(&local, &tm))
					continue;
				m = snprintf(want, lens[j], "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
					     tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
					     tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
					     a / 60, a % 60);
				n = hktime_iso8601((time_t)t, off, got, lens[j]);
				checked++;
				if (n != m || strcmp(got, want) != 0)
					bad++;
			}
		}
	}
	ok(checked > 10000, "iso8601: %u stamps against snprintf", checked);
	is_int(bad, 0, "iso8601: each the same text and length");
}

/* An instant from a UTC wall clock. */
static time_t utc(int y, int mo, int d, int h, int mi)
{
	time_t t = 0;

	if (!hktime_make(y, mo, d, h, mi, 0, 0, &t))
		abort();
	return t;
}

static void zones(void)
{
	const int est = -5 * 3600, edt = -4 * 3600;
	time_t t;
	int bad = 0;
	long long day;

	is_int(hktime_zone_offset(HKTIME_HK, 0), 8 * 3600, "Hong Kong: +8");
	is_int(hktime_zone_offset(HKTIME_HK, utc(2026, 7, 1, 0, 0)), 8 * 3600, "+8 in summer too");
	/* 2026: EDT from 8 March 07:00 UTC to 1 November 06:00 UTC */
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, utc(2026, 3, 8, 6, 59)), est, "before 02:00 EST");
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, utc(2026, 3, 8, 7, 0)), edt, "from 02:00 EST");
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, utc(2026, 11, 1, 5, 59)), edt,
	       "01:59 EDT, the first of the repeated hour");
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, utc(2026, 11, 1, 6, 0)), est,
	       "01:00 EST, the second of it");
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, utc(2026, 9, 5, 2, 4)), edt,
	       "Friday 4 September 22:04 in New York");
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, utc(2027, 1, 1, 3, 0)), est,
	       "New Year's Eve in New York is the old year's");
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, (time_t)LLONG_MAX), est, "the end of time: EST");
	is_int(hktime_zone_offset(HKTIME_US_EASTERN, (time_t)LLONG_MIN), est, "and its start");

	/* Day numbers at an offset */
	is_int(hktime_day(utc(2026, 9, 4, 20, 4), 8 * 3600), hktime_days_from_civil(2026, 9, 5),
	       "20:04 UTC is the next day in Hong Kong");
	is_int(hktime_day(utc(2026, 9, 4, 20, 4), edt), hktime_days_from_civil(2026, 9, 4),
	       "and the same day in New York");
	is_int(hktime_day(-1, 0), -1, "the second before the epoch is day -1");
	is_int(hktime_second_of_day(-1, 0), 86399, "and its last second");
	is_int(hktime_second_of_day(0, 8 * 3600), 8 * 3600, "the epoch is 08:00 in Hong Kong");
	is_int(hktime_second_of_day(utc(2026, 9, 4, 20, 4), -4 * 3600), 16 * 3600 + 4 * 60,
	       "20:04 UTC is 16:04 in New York in summer");
	is_int(hktime_second_of_day((time_t)LLONG_MAX, 3600) < 86400, 1, "no overflow at the end of time");
	is_int(hktime_second_of_day((time_t)LLONG_MIN, -3600) >= 0, 1, "nor at its start");
	is_int(hktime_day(0, -1), -1, "so is the epoch a second west");
	for (day = -800000; day < 800000; day += 997) {
		long long y;
		int m, d;
		hktime_civil_from_days(day, &y, &m, &d);
		if (hktime_days_from_civil((int)y, m, d) != day)
			bad++;
	}
	is_int(bad, 0, "civil_from_days undoes days_from_civil over 4000 years");

	/* The same answer as the system's tzdata, every hour of 2007-2037 */
	if (access("/usr/share/zoneinfo/America/New_York", R_OK) != 0) {
		ok(1, "# SKIP no tzdata for America/New_York");
		return;
	}
	setenv("TZ", "America/New_York", 1);
	tzset();
	bad = 0;
	for (t = utc(2007, 1, 1, 0, 0); t < utc(2038, 1, 1, 0, 0); t += 3600) {
		struct tm tm;
		if (!localtime_r(&t, &tm) || tm.tm_gmtoff != hktime_zone_offset(HKTIME_US_EASTERN, t))
			bad++;
	}
	is_int(bad, 0, "New York offsets agree with tzdata, 2007-2037");
	setenv("TZ", "Asia/Hong_Kong", 1);
	tzset();
	bad = 0;
	for (t = utc(1980, 1, 1, 0, 0); t < utc(2038, 1, 1, 0, 0); t += 3600 * 7) {
		struct tm tm;
		if (!localtime_r(&t, &tm) || tm.tm_gmtoff != hktime_zone_offset(HKTIME_HK, t))
			bad++;
	}
	is_int(bad, 0, "Hong Kong offsets agree with tzdata, 1980-2037");
	unsetenv("TZ");
	tzset();
}

int main(void)
{
	static const char *const refused[] = {
		"", "2026/08/07", "2026/08/07 16:08", "2026/08/07 16:08:23 ", " 2026/08/07 16:08:23",
		"2026/08/07T16:08:23", "2026-08/07 16:08:23", "2026.08.07 16:08:23",
		"2026/8/7 16:08:23", "2026/08/07 16-08-23", "2026/13/07 16:08:23",
		"2026/00/07 16:08:23", "2026/02/29 10:00:00", "2026/04/31 10:00:00",
		"2026/08/07 24:00:00", "2026/08/07 16:60:00", "2026/08/07 16:08:61",
		"0000/01/01 00:00:00", "+026/08/07 16:08:23", "2026/08/07 1a:08:23",
		"20260807160823 ", "2026080716082", "20261307160823", "abcdefghijklmn",
	};
	char buf[40], small[8];
	time_t t = 0;
	size_t i;

	/* Make sure nothing depends on the user's zone */
	setenv("TZ", "America/Los_Angeles", 1);
	tzset();

	is_int(hktime_days_from_civil(1970, 1, 1), 0, "epoch day 0");
	is_int(hktime_days_from_civil(1970, 1, 2), 1, "epoch day 1");
	is_int(hktime_days_from_civil(1969, 12, 31), -1, "the day before");
	is_int(hktime_days_from_civil(2000, 3, 1), 11017, "2000-03-01, after a 400-year leap day");
	is_int(hktime_days_from_civil(2026, 8, 7), 20672, "2026-08-07");
	is_int(hktime_days_from_civil(2024, 2, 29), 19782, "2024-02-29");
	is_int(hktime_days_from_civil(1900, 3, 1), -25508, "1900-03-01 (1900 was no leap year)");
	is_int(hktime_days_from_civil(1, 1, 1), -719162, "0001-01-01");
	is_int(hktime_days_from_civil(9999, 12, 31), 2932896, "9999-12-31");

	/* The Tencent line's stamp, 16:08:23 HKT */
	ok(hktime_make(2026, 8, 7, 16, 8, 23, HKT_OFFSET, &t), "HKT stamp");
	is_int(t, 1786090103, "2026-08-07 16:08:23 HKT = 08:08:23 UTC");
	ok(hktime_make(1970, 1, 1, 8, 0, 0, HKT_OFFSET, &t) && t == 0, "08:00 HKT on day 0 is the epoch");
	ok(hktime_make(2026, 8, 7, 16, 0, 2, -4 * 3600, &t) && t == 1786132802, "New York close in EDT");
	ok(hktime_make(2024, 2, 29, 0, 0, 0, 0, &t), "a leap day");
	ok(hktime_make(2000, 2, 29, 0, 0, 0, 0, &t), "2000 was a leap year");
	ok(!hktime_make(1900, 2, 29, 0, 0, 0, 0, &t), "1900 was not");
	ok(!hktime_make(2026, 2, 29, 0, 0, 0, 0, &t), "nor is 2026");
	ok(hktime_make(2026, 12, 31, 23, 59, 60, 0, &t), "a leap second is allowed");
	ok(!hktime_make(2026, 0, 1, 0, 0, 0, 0, &t), "month 0");
	ok(!hktime_make(2026, 13, 1, 0, 0, 0, 0, &t), "month 13");
	ok(!hktime_make(2026, 6, 31, 0, 0, 0, 0, &t), "June 31");
	ok(!hktime_make(2026, 1, 0, 0, 0, 0, 0, &t), "day 0");
	ok(!hktime_make(2026, 1, 1, -1, 0, 0, 0, &t), "hour -1");
	ok(!hktime_make(2026, 1, 1, 24, 0, 0, 0, &t), "hour 24");
	ok(!hktime_make(2026, 1, 1, 0, 60, 0, 0, &t), "minute 60");
	ok(!hktime_make(2026, 1, 1, 0, 0, 61, 0, &t), "second 61");
	ok(!hktime_make(0, 1, 1, 0, 0, 0, 0, &t), "year 0");
	ok(!hktime_make(10000, 1, 1, 0, 0, 0, 0, &t), "year 10000");

	/* US Eastern: 2026 DST runs 8 March 02:00 to 1 November 02:00 */
	is_int(hktime_us_eastern_offset(2026, 1, 15, 12), -5 * 3600, "January: EST");
	is_int(hktime_us_eastern_offset(2026, 8, 7, 16), -4 * 3600, "August: EDT");
	is_int(hktime_us_eastern_offset(2026, 12, 24, 12), -5 * 3600, "December: EST");
	is_int(hktime_us_eastern_offset(2026, 3, 1, 12), -5 * 3600, "1 March (first Sunday): EST");
	is_int(hktime_us_eastern_offset(2026, 3, 7, 23), -5 * 3600, "7 March: EST");
	is_int(hktime_us_eastern_offset(2026, 3, 8, 1), -5 * 3600, "8 March 01:59: EST");
	is_int(hktime_us_eastern_offset(2026, 3, 8, 2), -4 * 3600, "8 March 02:00 (second Sunday): EDT");
	is_int(hktime_us_eastern_offset(2026, 3, 9, 0), -4 * 3600, "9 March: EDT");
	is_int(hktime_us_eastern_offset(2026, 10, 31, 23), -4 * 3600, "31 October: EDT");
	is_int(hktime_us_eastern_offset(2026, 11, 1, 1), -4 * 3600, "1 November 01:xx (first Sunday): EDT, first pass");
	is_int(hktime_us_eastern_offset(2026, 11, 1, 2), -5 * 3600, "1 November 02:00: EST");
	is_int(hktime_us_eastern_offset(2026, 11, 2, 0), -5 * 3600, "2 November: EST");
	is_int(hktime_us_eastern_offset(2025, 3, 9, 2), -4 * 3600, "2025: 9 March");
	is_int(hktime_us_eastern_offset(2025, 3, 8, 12), -5 * 3600, "2025: not 8 March");
	is_int(hktime_us_eastern_offset(2025, 11, 2, 1), -4 * 3600, "2025: 2 November 01:xx");
	is_int(hktime_us_eastern_offset(2025, 11, 2, 2), -5 * 3600, "2025: 2 November 02:00");
	is_int(hktime_us_eastern_offset(2024, 3, 10, 2), -4 * 3600, "2024: 10 March");
	is_int(hktime_us_eastern_offset(2024, 11, 3, 2), -5 * 3600, "2024: 3 November");
	is_int(hktime_us_eastern_offset(2020, 3, 8, 3), -4 * 3600, "2020: 8 March");
	is_int(hktime_us_eastern_offset(2020, 11, 1, 3), -5 * 3600, "2020: 1 November");

	/* The three wall-clock forms the feeds use */
	wall("2026/08/07 16:08:23", 2026, 8, 7, 16, 8, 23);
	wall("2026-08-07 16:00:02", 2026, 8, 7, 16, 0, 2);
	wall("20260807160823", 2026, 8, 7, 16, 8, 23);
	wall("2024/02/29 00:00:00", 2024, 2, 29, 0, 0, 0);
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		no_wall(refused[i]);
	ok(hktime_parse_wall("2026/08/07 16:08:23~-0.400", 19, &(int){0}, &(int){0}, &(int){0},
			     &(int){0}, &(int){0}, &(int){0}), "a span inside a line");

	/* Formatting at the stamp's own offset */
	iso(1786090103, HKT_OFFSET, "2026-08-07T16:08:23+08:00");
	iso(1786132802, -4 * 3600, "2026-08-07T16:00:02-04:00");
	iso(1786132802, -5 * 3600, "2026-08-07T15:00:02-05:00");
	iso(0, 0, "1970-01-01T00:00:00+00:00");
	iso(0, 5 * 3600 + 30 * 60, "1970-01-01T05:30:00+05:30");
	iso(-1, 0, "1969-12-31T23:59:59+00:00");
	is_int(hktime_iso8601((time_t)LLONG_MAX, 3600, buf, sizeof buf), 0, "no overflow past the end of time");
	is_str(buf, "", "just nothing");
	is_int(hktime_iso8601((time_t)LLONG_MIN, -3600, buf, sizeof buf), 0, "nor before its start");
	is_int(hktime_iso8601((time_t)1e17, 0, buf, sizeof buf), 0, "a year beyond struct tm");
	is_str(buf, "", "is nothing too");
	is_int(hktime_iso8601(0, 0, small, sizeof small), 25, "a short buffer reports the full length");
	is_str(small, "1970-01", "and holds a prefix");
	/* Round trip: parse, make, format */
	ok(hktime_make(2026, 8, 28, 16, 8, 36, HKT_OFFSET, &t), "Sina stamp");
	hktime_iso8601(t, HKT_OFFSET, buf, sizeof buf);
	is_str(buf, "2026-08-28T16:08:36+08:00", "round trip");
	zones();
	iso_reference();
	return tap_done();
}
