/* hktime.h - the feeds' local timestamps to absolute time, and back */
#ifndef HKTOP_HKTIME_H
#define HKTOP_HKTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define HKT_OFFSET (8 * 3600) /* Hong Kong: UTC+8 all year, no DST since 1979 */

/* Days since 1970-01-01 of a proleptic Gregorian date (no libc, no TZ). */
long hktime_days_from_civil(int y, int m, int d);

/* Build a UTC time_t from a wall-clock date and time at a fixed offset.
 * Validates ranges (month 1-12, day within month, 00:00:00-23:59:60). */
bool hktime_make(int y, int mo, int d, int h, int mi, int s, int utc_offset, time_t *out);

/* US Eastern offset (-5h or -4h) in force at the given Eastern wall-clock
 * time, by the 2007 rule: second Sunday of March 02:00 to first Sunday of
 * November 02:00. */
int hktime_us_eastern_offset(int y, int mo, int d, int h);

/* The exchanges whose wall clocks the feeds stamp. */
enum hktime_zone {
	HKTIME_HK,         /* Asia/Hong_Kong: UTC+8 */
	HKTIME_US_EASTERN, /* America/New_York: the 2007 rule above */
};

/* Seconds east of UTC in force in zone z at the instant t. */
int hktime_zone_offset(enum hktime_zone z, time_t t);

/* The date of a day number (days since 1970-01-01), the inverse of
 * hktime_days_from_civil. */
void hktime_civil_from_days(long long days, long long *y, int *m, int *d);

/* The day number of the wall-clock date of t at a fixed offset (less
 * than a day either way). */
long long hktime_day(time_t t, int utc_offset);

/* The second of t's wall-clock day at that offset (0 to 86399), without
 * adding the offset to t itself: that could overflow at the ends. With
 * hktime_day, the one way to split a time into its local day and time. */
int hktime_second_of_day(time_t t, int utc_offset);

/* Parse "YYYY/MM/DD HH:MM:SS", "YYYY-MM-DD HH:MM:SS" or "YYYYMMDDHHMMSS"
 * (exactly, and a real date and time as hktime_make checks them; anything
 * else is rejected) as wall-clock time; fills the broken-down fields. */
bool hktime_parse_wall(const char *s, size_t len, int *y, int *mo, int *d, int *h, int *mi, int *sec);

/* "2026-08-07T16:08:23+08:00" */
int hktime_iso8601(time_t t, int utc_offset, char *buf, size_t len);

#endif
