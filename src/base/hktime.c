/* hktime.c - the feeds' local timestamps to absolute time, and back
 *
 * Pure arithmetic on purpose: mktime(3) and localtime(3) answer for the
 * user's TZ, while a feed's stamp belongs to its exchange's zone. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/hktime.h"

/* Howard Hinnant's days_from_civil: eras of 400 years, with March as the
 * first month so that the leap day falls at the end of the year. */
long hktime_days_from_civil(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const unsigned char days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool valid(int y, int mo, int d, int h, int mi, int s)
{
	return y >= 1 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 &&
	       d <= days_in_month(y, mo) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 &&
	       s >= 0 && s <= 60;
}

bool hktime_make(int y, int mo, int d, int h, int mi, int s, int utc_offset, time_t *out)
{
	long long t;

	if (!valid(y, mo, d, h, mi, s))
		return false;
	t = (long long)hktime_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	*out = (time_t)(t - utc_offset);
	return true;
}

/* 0 = Sunday; 1970-01-01 was a Thursday. */
static int weekday(int y, int m, int d)
{
	long w = (hktime_days_from_civil(y, m, d) + 4) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* Day of the month of the nth Sunday (n >= 1). */
static int nth_sunday(int y, int m, int n)
{
	return 1 + (7 - weekday(y, m, 1)) % 7 + 7 * (n - 1);
}

/* In the repeated hour of November (01:00-02:00) the first, daylight
 * reading is taken; the feeds stamp that hour so rarely it cannot matter. */
int hktime_us_eastern_offset(int y, int mo, int d, int h)
{
	const int est = -5 * 3600, edt = -4 * 3600;
	int start = nth_sunday(y, 3, 2), end = nth_sunday(y, 11, 1);

	if (mo < 3 || mo > 11)
		return est;
	if (mo > 3 && mo < 11)
		return edt;
	if (mo == 3)
		return d > start || (d == start && h >= 2) ? edt : est;
	return d < end || (d == end && h < 2) ? edt : est;
}

/* The inverse of hktime_days_from_civil (Howard Hinnant's civil_from_days). */
void hktime_civil_from_days(long long z, long long *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Day and second of day first, then the offset: t + utc_offset could
 * overflow at the ends of time_t. Offsets are under a day. */
long long hktime_day(time_t t, int utc_offset)
{
	long long tt = (long long)t, d = tt / 86400, s = tt % 86400;

	if (s < 0) {
		s += 86400;
		d--;
	}
	s += utc_offset;
	return d + (s >= 86400) - (s < 0);
}

int hktime_second_of_day(time_t t, int utc_offset)
{
	long long s = (long long)t % 86400;

	s = (s < 0 ? s + 86400 : s) + utc_offset;
	return (int)((s % 86400 + 86400) % 86400);
}

/* An instant, not a wall clock: the change is at 02:00 EST in March and
 * 02:00 EDT in November, so the repeated hour needs no guess here. */
int hktime_zone_offset(enum hktime_zone z, time_t t)
{
	const int est = -5 * 3600, edt = -4 * 3600;
	long long y;
	int m, d;
	time_t start, end;

	if (z == HKTIME_HK)
		return HKT_OFFSET;
	hktime_civil_from_days(hktime_day(t, est), &y, &m, &d);
	if (y < 1 || y > 9999 ||
	    !hktime_make((int)y, 3, nth_sunday((int)y, 3, 2), 2, 0, 0, est, &start) ||
	    !hktime_make((int)y, 11, nth_sunday((int)y, 11, 1), 2, 0, 0, edt, &end))
		return est;
	return t >= start && t < end ? edt : est;
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool hktime_parse_wall(const char *s, size_t len, int *y, int *mo, int *d,
		       int *h, int *mi, int *sec)
{
	/* Offsets of year, month, day, hour, minute, second in each form */
	static const unsigned char compact[] = { 0, 4, 6, 8, 10, 12 };
	static const unsigned char spaced[] = { 0, 5, 8, 11, 14, 17 };
	const unsigned char *at;
	int v[6], i;

	if (len == 14) {
		at = compact;
	} else if (len == 19 && (s[4] == '/' || s[4] == '-') && s[7] == s[4] &&
		   s[10] == ' ' && s[13] == ':' && s[16] == ':') {
		at = spaced;
	} else {
		return false;
	}
	for (i = 0; i < 6; i++)
		if (!digits(s + at[i], i == 0 ? 4 : 2, &v[i]))
			return false;
	if (!valid(v[0], v[1], v[2], v[3], v[4], v[5]))
		return false;
	*y = v[0];
	*mo = v[1];
	*d = v[2];
	*h = v[3];
	*mi = v[4];
	*sec = v[5];
	return true;
}

#define ISO8601_LEN 25 /* "2026-08-07T15:59:58+08:00" */

/* v (0 <= v < 10^n) in n digits, leading zeros kept. */
static void put_digits(char *out, int v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

int hktime_iso8601(time_t t, int utc_offset, char *buf, size_t len)
{
	struct tm tm;
	time_t local;
	int off = abs(utc_offset) / 60;

	if (len > 0)
		buf[0] = '\0';
	if ((utc_offset > 0 && t > LLONG_MAX - utc_offset) ||
	    (utc_offset < 0 && t < LLONG_MIN - utc_offset))
		return 0;
	local = t + utc_offset;
	if (!gmtime_r(&local, &tm))
		return 0;
	if (len > ISO8601_LEN && tm.tm_year >= -1900 && tm.tm_year <= 9999 - 1900 && off / 60 <= 99) {
		/* By hand: --once writes one for every quote, and snprintf
		 * was a third of its report. The same digits as below. */
		put_digits(buf, tm.tm_year + 1900, 4);
		buf[4] = '-';
		put_digits(buf + 5, tm.tm_mon + 1, 2);
		buf[7] = '-';
		put_digits(buf + 8, tm.tm_mday, 2);
		buf[10] = 'T';
		put_digits(buf + 11, tm.tm_hour, 2);
		buf[13] = ':';
		put_digits(buf + 14, tm.tm_min, 2);
		buf[16] = ':';
		put_digits(buf + 17, tm.tm_sec, 2);
		buf[19] = utc_offset < 0 ? '-' : '+';
		put_digits(buf + 20, off / 60, 2);
		buf[22] = ':';
		put_digits(buf + 23, off % 60, 2);
		buf[ISO8601_LEN] = '\0';
		return ISO8601_LEN;
	}
	return snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
			tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			tm.tm_min, tm.tm_sec, utc_offset < 0 ? '-' : '+', off / 60, off % 60);
}
