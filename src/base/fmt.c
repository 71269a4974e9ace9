/* fmt.c - numbers and times as the screen shows them
 *
 * Pure and locale-proof: every digit is written from integers, because the
 * program runs under setlocale(LC_ALL, "") and "%.2f" would then print a
 * decimal comma in, say, de_DE. Times are HKT by arithmetic, not by TZ. */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "base/hktime.h"
#include "base/text.h"

#define DAY_S 86400LL

static const long long pow10_ll[] = { 1, 10, 100, 1000, 10000, 100000 };

/* ---- amounts ------------------------------------------------------------ */

struct unit {
	double size;
	const char *name;
	int cols;               /* screen columns of name */
};

/* Each unit takes over when the one below would need more digits. */
static const struct unit units_en[] = {
	{ 1e3, "K", 1 }, { 1e6, "M", 1 }, { 1e9, "B", 1 }, { 1e12, "T", 1 },
};

/* Ten thousands, not thousands: 万 (1e4), 亿 (1e8), 万亿 (1e12). In the
 * script of the names beside them, simplified: the feeds' and
 * instruments.tsv's Chinese names are (萬/億 are the traditional forms). */
static const struct unit units_zh[] = {
	{ 1e4, "万", 2 }, { 1e8, "亿", 2 }, { 1e12, "万亿", 4 },
};

/* Chinese units are ten times coarser, so they get a fourth digit:
 * 78.04亿 says what 7.80B says. Never more than 2 decimals. */
static const struct amount_style {
	const struct unit *units;
	size_t n;
	int sig;                /* significant digits wanted */
} amount_styles[] = {
	[NAMES_EN] = { units_en, sizeof units_en / sizeof units_en[0], 3 },
	[NAMES_ZH] = { units_zh, sizeof units_zh / sizeof units_zh[0], 4 },
};

static int ndigits(long long r)
{
	int n = 1;

	while (r >= 10) {
		r /= 10;
		n++;
	}
	return n;
}

/* Round a / size (about 1 or more) to 2, 1 or 0 decimals: the most that
 * keep `sig` significant digits and fit `room` columns. The top unit may
 * run to 4 whole digits ("9999T") rather than have nowhere to go. */
static bool amount_pick(double a, double size, int sig, int room, bool top,
			long long *r, int *dp)
{
	if (a / size >= 1e5) /* more than any unit shows; and llround would overflow */
		return false;
	for (int d = 2; d >= 0; d--) {
		/* One division by a power of ten, exact for whole amounts at the
		 * tie: 9995 / 10 is 999.5 and rounds up, where 9.995 * 100 would
		 * be 999.4999... and show 9.99K. */
		long long rr = llround(a / (size / (double)pow10_ll[d]));

		/* We are here because the unit below rounded to 10^sig or
		 * more, so this is at least 1. */
		if (rr < pow10_ll[d])
			rr = pow10_ll[d];
		if (ndigits(rr) + (d > 0) > room)
			continue;
		if (rr >= pow10_ll[sig] && !(top && d == 0 && rr < pow10_ll[4]))
			continue;
		*r = rr;
		*dp = d;
		return true;
	}
	return false;
}

/* a >= 1e12, beyond every unit: "1.2e16", at most "-1.2e308". */
static int amount_exp(const char *sign, double a, char *buf, size_t len)
{
	int e = (int)floor(log10(a));
	long long m = llround(a / pow(10, e) * 10);

	if (m >= 100) { /* 9.96e16 rounds up to 1.0e17 */
		m /= 10;
		e++;
	} else if (m < 10) { /* log10 rounded up across a power of ten */
		e--;
		m = llround(a / pow(10, e) * 10);
	}
	return snprintf(buf, len, "%s%lld.%llde%d", sign, m / 10, m % 10, e);
}

int fmt_amount(double v, enum names_lang lang, char *buf, size_t len)
{
	const struct amount_style *st = &amount_styles[lang == NAMES_ZH ? NAMES_ZH : NAMES_EN];
	const char *sign = v < 0 ? "-" : "";
	double a = fabs(v);
	long long r;
	int dp;

	if (len > 0)
		buf[0] = '\0';
	if (!isfinite(v))
		return 0;
	if (a < st->units[0].size - 0.5)
		return snprintf(buf, len, "%s%lld", llround(a) ? sign : "", llround(a));
	for (size_t i = 0; i < st->n; i++) {
		const struct unit *u = &st->units[i];
		int room = FMT_AMOUNT_COLS - (int)strlen(sign) - u->cols;

		if (!amount_pick(a, u->size, st->sig, room, i + 1 == st->n, &r, &dp))
			continue;
		if (dp == 0)
			return snprintf(buf, len, "%s%lld%s", sign, r, u->name);
		return snprintf(buf, len, "%s%lld.%0*lld%s", sign, r / pow10_ll[dp], dp,
				r % pow10_ll[dp], u->name);
	}
	return amount_exp(sign, a, buf, len);
}

/* ---- figures ------------------------------------------------------------ */

int fmt_num(struct num n, char *buf, size_t len)
{
	return num_format(n, buf, len);
}

int fmt_signed(struct num n, const char *suffix, char *buf, size_t len)
{
	char digits[400]; /* the widest double with 18 decimals */

	if (len > 0)
		buf[0] = '\0';
	if (!n.ok || num_format(n, digits, sizeof digits) <= 0)
		return 0;
	/* "0.00" gets no sign: a change that rounds to nothing is no change */
	return snprintf(buf, len, "%s%s%s", n.v > 0 && strpbrk(digits, "123456789") ? "+" : "",
			digits, suffix ? suffix : "");
}

void fmt_fit(char *buf, size_t len, int width)
{
	size_t n;

	if (len == 0 || width < 0 || text_width(buf) <= width)
		return;
	n = (size_t)width < len - 1 ? (size_t)width : len - 1;
	memset(buf, FMT_OVERFLOW_CHAR, n);
	buf[n] = '\0';
}

/* ---- ages and times ----------------------------------------------------- */

static const struct age_unit {
	unsigned long secs;
	char unit;
} age_units[] = {
	{ 86400, 'd' }, { 3600, 'h' }, { 60, 'm' }, { 1, 's' },
};

int fmt_age(long seconds, char *buf, size_t len)
{
	/* LONG_MIN has no positive long; its unsigned negation is exact */
	unsigned long a = seconds < 0 ? 0UL - (unsigned long)seconds : (unsigned long)seconds;
	size_t i = 0;

	while (a < age_units[i].secs && age_units[i].secs > 1)
		i++;
	return snprintf(buf, len, "%s%lu%c", seconds < 0 ? "-" : "", a / age_units[i].secs,
			age_units[i].unit);
}

/* t split into its HKT day (since 1970-01-01) and second of that day. */
static void hkt_split(time_t t, long long *day, int *sec)
{
	*day = hktime_day(t, HKT_OFFSET);
	*sec = hktime_second_of_day(t, HKT_OFFSET);
}

int fmt_hkt_time(time_t t, char *buf, size_t len)
{
	long long day;
	int sec;

	hkt_split(t, &day, &sec);
	return snprintf(buf, len, "%02d:%02d:%02d", sec / 3600, sec / 60 % 60, sec % 60);
}

int fmt_hkt_date(time_t t, char *buf, size_t len)
{
	long long day, y;
	int sec, m, d;

	hkt_split(t, &day, &sec);
	hktime_civil_from_days(day, &y, &m, &d);
	return snprintf(buf, len, "%04lld-%02d-%02d", y, m, d);
}

/* A negative age of a seconds in three columns, where neither it nor its
 * bound ("<-9d") fits: the smallest unit in which it is one digit, rounded
 * up, says at most how far ahead ("-1m" for 45 s, "-2w" for 12 days; no
 * smaller unit does, or it would have fit); past nine years, a bound
 * without a number. Weeks keep 12 days from reading as a year. Headlines
 * dated ahead take the time they were first seen, so this is for a clock
 * that is off, not for the news. */
static int age_ahead_fit(unsigned long a, char *buf, size_t len)
{
	static const struct age_unit up[] = {
		{ 60, 'm' }, { 3600, 'h' }, { 86400, 'd' }, { 7 * 86400UL, 'w' },
		{ 365UL * 86400, 'y' },
	};

	for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
		unsigned long n = a / up[i].secs + (a % up[i].secs != 0);

		if (n <= 9)
			return snprintf(buf, len, "-%lu%c", n, up[i].unit);
	}
	return snprintf(buf, len, "<-y");
}

int fmt_age_fit(long seconds, int cols, char *buf, size_t len)
{
	const unsigned long year = 365UL * 86400;
	unsigned long a = seconds < 0 ? 0UL - (unsigned long)seconds : (unsigned long)seconds;
	const char *sign = seconds < 0 ? "-" : "", *bound = seconds < 0 ? "<-" : ">";
	unsigned long most = 0;
	char unit, tmp[32];
	int n, digits;

	n = fmt_age(seconds, tmp, sizeof tmp);
	unit = tmp[n - 1];
	if (n > cols && a >= year) {
		unit = 'y';
		n = snprintf(tmp, sizeof tmp, "%s%lu%c", sign, a / year, unit);
	}
	if (n <= cols)
		return snprintf(buf, len, "%s", tmp);
	if (seconds < 0 && cols < (int)strlen(bound) + 2)
		return age_ahead_fit(a, buf, len);
	/* The biggest number that fits, as a bound in the same unit */
	digits = cols - (int)strlen(bound) - 1;
	for (int i = 0; i < (digits > 1 ? digits : 1); i++)
		most = most * 10 + 9;
	return snprintf(buf, len, "%s%lu%c", bound, most, unit);
}

int fmt_quote_time(time_t t, int utc_offset, time_t now, int now_offset, bool old,
		   char *buf, size_t len)
{
	long long day = hktime_day(t, utc_offset), away = day - hktime_day(now, now_offset), y;
	int sec = hktime_second_of_day(t, utc_offset), m, d;
	const char *mark = old ? FMT_OLD_MARK : "";

	if (away == 0)
		return old ? snprintf(buf, len, "%s%02d:%02d", mark, sec / 3600, sec / 60 % 60)
			   : snprintf(buf, len, "%02d:%02d:%02d", sec / 3600, sec / 60 % 60, sec % 60);
	hktime_civil_from_days(day, &y, &m, &d);
	/* Within a year a month and day cannot be taken for another year's */
	if (away > -365 && away < 365)
		return snprintf(buf, len, "%s%02d-%02d", mark, m, d);
	return snprintf(buf, len, "%s%04lld-%02d", mark, y, m);
}
