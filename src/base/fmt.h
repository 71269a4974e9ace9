/* fmt.h - numbers and times as the screen shows them
 *
 * Every function writes a NUL-terminated string into buf (truncating like
 * snprintf) and returns the length it wanted, as snprintf does. Output is
 * ASCII except fmt_amount's Chinese units, each 2 columns wide. Digits are
 * written by hand, so a decimal comma in LC_NUMERIC never shows up. */
#ifndef HKTOP_FMT_H
#define HKTOP_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/num.h"
#include "base/display.h"

/* The widest fmt_amount result, in screen columns. */
#define FMT_AMOUNT_COLS 8
/* A buffer that holds any fmt_amount result: 8 columns can be at most 12
 * bytes, since a 2-column character is 3 bytes of UTF-8. */
#define FMT_AMOUNT_SIZE 16

/* A big figure (volume, turnover, market cap) in at most 8 columns:
 *   en: 999, 1.23K, 45.6M, 7.80B, 1.23T (3 significant digits);
 *   zh: 9999, 1.23万, 456.7万, 78.04亿, 5.12万亿 (up to 4).
 * Values under the first unit print whole ("999", "9999"). Negatives keep
 * their minus; zero is "0"; beyond the largest unit it turns to "1.2e16";
 * NaN and infinities give "". */
int fmt_amount(double v, enum names_lang lang, char *buf, size_t len);

/* The figure with the decimals its source gave: "478.800"; "" when !ok. */
int fmt_num(struct num n, char *buf, size_t len);

/* A change: "+1.20", "-0.40", and "0.00" unsigned, then the suffix ("%",
 * or "" or NULL for none); "" when !ok. */
int fmt_signed(struct num n, const char *suffix, char *buf, size_t len);

/* A figure in a cell of width columns: kept when it fits, else a row of
 * FMT_OVERFLOW_CHAR filling the cell (a spreadsheet's "###"), because a
 * figure cut to fit, 999999999999999 shown as 9999999999, is another
 * number. buf must hold width + 1 bytes for the mark. */
#define FMT_OVERFLOW_CHAR '#'
void fmt_fit(char *buf, size_t len, int width);

/* An age in its largest whole unit: "0s", "45s", "12m", "3h", "2d". A
 * negative age (a timestamp in the future: clock skew) keeps its minus,
 * "-5s", so the UI can flag it. At most 21 bytes. */
int fmt_age(long seconds, char *buf, size_t len);

/* fmt_age in at most cols columns (3 or more), its sign and unit never
 * cut: ages of a year or more count years ("6y"), and what is still too
 * long says so (">99y", "<-9y"). In 3 columns, where "<-9d" does not fit,
 * an age ahead takes the smallest unit in which it is one digit, rounded
 * up ("-1m" for 45 s ahead), and "<-y" past nine years. */
int fmt_age_fit(long seconds, int cols, char *buf, size_t len);

/* The mark before the time of an old quote (quotetime_is_old). */
#define FMT_OLD_MARK "~"

/* A quote's time, at most 8 columns, on the wall clock of its exchange:
 * t is read at utc_offset (the zone's offset at t) and the exchange's
 * today is the date of now at now_offset (its offset now).
 *   the same day:          "16:08:23"
 *   another day:           "09-04"
 *   365 days away or more: "2023-11"
 * old (quotetime_is_old: not updated while its market traded) puts
 * FMT_OLD_MARK first, and a time then drops its seconds: "~16:08",
 * "~09-04", "~2023-11". */
int fmt_quote_time(time_t t, int utc_offset, time_t now, int now_offset, bool old,
		   char *buf, size_t len);

/* The HKT (UTC+8) wall clock of t, whatever TZ says: "14:03:21" and
 * "2026-11-29". */
int fmt_hkt_time(time_t t, char *buf, size_t len);
int fmt_hkt_date(time_t t, char *buf, size_t len);

#endif
