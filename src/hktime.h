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

/* Parse "YYYY/MM/DD HH:MM:SS", "YYYY-MM-DD HH:MM:SS" or "YYYYMMDDHHMMSS"
 * (exactly, and a real date and time as hktime_make checks them; anything
 * else is rejected) as wall-clock time; fills the broken-down fields. */
bool hktime_parse_wall(const char *s, size_t len, int *y, int *mo, int *d, int *h, int *mi, int *sec);

/* "2026-08-07T16:08:23+08:00" */
int hktime_iso8601(time_t t, int utc_offset, char *buf, size_t len);

#endif
