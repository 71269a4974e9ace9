/* market.c - the HKEX calendar, the trading session at a moment, the spread table
 *
 * Pure functions of their arguments: Hong Kong time is UTC+8 by arithmetic
 * (no DST since 1979), so neither TZ nor localtime(3) is consulted, and the
 * user's zone cannot move the market's hours. Sessions and spreads are
 * tables; the holidays are data, share/hkex-calendar.tsv. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "model/market.h"

#define DAY_S 86400
#define HM(h, m) ((h) * 3600 + (m) * 60)
#define OPEN_S HM(9, 0)
/* No trading week runs this long: a bound on the walk to the next open. */
#define OPEN_SEARCH_DAYS 370
/* 1970-01-01 to 9999-12-31: far from overflow in the day arithmetic, and no
 * quote lives outside it. */
#define TIME_MAX 253402300799LL

/* ---- the calendar file ------------------------------------------------ */

static const struct {
	const char *word;
	enum market_day_kind kind;
} day_kinds[] = {
	{ "closed", MARKET_DAY_CLOSED },
	{ "half", MARKET_DAY_HALF },
};

static const char *const weekday_names[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

/* 0 = Sunday; 1970-01-01 was a Thursday. */
static int weekday_of(long long day)
{
	long long w = (day + 4) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

static bool is_weekend(long long day)
{
	int w = weekday_of(day);

	return w == 0 || w == 6;
}

static bool two_digits(const char *s, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

/* "YYYY-MM-DD" exactly, and a real date. */
static bool parse_date(const char *s, size_t n, struct market_day *d)
{
	int c, y, m, dd;
	time_t t;

	if (n != 10 || s[4] != '-' || s[7] != '-' || !two_digits(s, &c) ||
	    !two_digits(s + 2, &y) || !two_digits(s + 5, &m) || !two_digits(s + 8, &dd))
		return false;
	y += c * 100;
	if (!hktime_make(y, m, dd, 0, 0, 0, 0, &t))
		return false;
	d->day = (long)(t / DAY_S);
	d->year = y;
	return true;
}

static bool parse_kind(const char *s, size_t n, enum market_day_kind *kind)
{
	for (size_t i = 0; i < sizeof day_kinds / sizeof day_kinds[0]; i++)
		if (strlen(day_kinds[i].word) == n && memcmp(day_kinds[i].word, s, n) == 0) {
			*kind = day_kinds[i].kind;
			return true;
		}
	return false;
}

/* One entry line, [s, e) without its newline. The cause never quotes the
 * line's bytes: it ends up on screen. */
static bool parse_line(const char *s, const char *e, struct market_day *d,
		       char *cause, size_t len)
{
	const char *tab1 = memchr(s, '\t', (size_t)(e - s));
	const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', (size_t)(e - tab1 - 1)) : NULL;
	const char *name = tab2 ? tab2 + 1 : NULL;
	size_t nlen = name ? (size_t)(e - name) : 0;

	if (!tab2) {
		snprintf(cause, len, "expected DATE<TAB>closed|half<TAB>NAME");
		return false;
	}
	if (!parse_date(s, (size_t)(tab1 - s), d)) {
		snprintf(cause, len, "not a date in the form YYYY-MM-DD");
		return false;
	}
	if (is_weekend(d->day)) {
		snprintf(cause, len, "%.10s is a %s: list weekdays only", s,
			 weekday_names[weekday_of(d->day)]);
		return false;
	}
	if (!parse_kind(tab1 + 1, (size_t)(tab2 - tab1 - 1), &d->kind)) {
		snprintf(cause, len, "the second field must be closed or half");
		return false;
	}
	if (nlen == 0 || nlen >= sizeof d->name) {
		snprintf(cause, len, "the name must be 1 to %zu bytes", sizeof d->name - 1);
		return false;
	}
	for (size_t i = 0; i < nlen; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f) {
			snprintf(cause, len, "control character or extra field in the name");
			return false;
		}
	memcpy(d->name, name, nlen);
	d->name[nlen] = '\0';
	return true;
}

static bool blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

/* Append, growing by doubling; entries must ascend so lookups can stop early
 * and a duplicated date is caught. */
static bool add_day(struct market_calendar *cal, size_t *cap, const struct market_day *d,
		    char *cause, size_t len)
{
	if (cal->n > 0 && d->day <= cal->days[cal->n - 1].day) {
		snprintf(cause, len, "dates must ascend: this one is not after line %ld's",
			 cal->days[cal->n - 1].line);
		return false;
	}
	if (cal->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 32;
		struct market_day *g = realloc(cal->days, ncap * sizeof *g);

		if (!g) {
			snprintf(cause, len, "out of memory");
			return false;
		}
		cal->days = g;
		*cap = ncap;
	}
	cal->days[cal->n++] = *d;
	return true;
}

bool market_calendar_load(struct market_calendar *cal, const char *text, size_t len,
			  char *err, size_t errlen)
{
	const char *p = text, *end = text ? text + len : text;
	size_t cap = 0;
	long line = 0;
	char cause[96];

	memset(cal, 0, sizeof *cal);
	if (errlen > 0)
		err[0] = '\0';
	while (p < end) {
		const char *s = p, *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		struct market_day d;

		line++;
		p = nl ? nl + 1 : end;
		if (le > s && le[-1] == '\r')
			le--;
		if (blank(s, le) || *s == '#')
			continue;
		memset(&d, 0, sizeof d);
		d.line = line;
		if (!parse_line(s, le, &d, cause, sizeof cause) ||
		    !add_day(cal, &cap, &d, cause, sizeof cause)) {
			snprintf(err, errlen, "line %ld: %s", line, cause);
			market_calendar_done(cal);
			return false;
		}
	}
	return true;
}

void market_calendar_done(struct market_calendar *cal)
{
	free(cal->days);
	cal->days = NULL;
	cal->n = 0;
}

/* ---- the session at a moment ------------------------------------------ */

enum day_type { DAY_WEEKEND, DAY_HOLIDAY, DAY_HALF, DAY_FULL };

struct day_info {
	enum day_type type;
	bool known;             /* the calendar lists the day's year */
	const char *name;       /* of a listed day, or NULL */
};

/* Does the calendar list any day of the year that contains `day`? */
static bool year_listed(const struct market_calendar *cal, long long day)
{
	for (size_t i = 0; i < cal->n; i++) {
		int y = cal->days[i].year;

		if (day >= hktime_days_from_civil(y, 1, 1) &&
		    day < hktime_days_from_civil(y + 1, 1, 1))
			return true;
	}
	return false;
}

static struct day_info classify(const struct market_calendar *cal, long long day)
{
	struct day_info di = { DAY_FULL, year_listed(cal, day), NULL };

	if (is_weekend(day)) {
		di.type = DAY_WEEKEND;
		return di;
	}
	for (size_t i = 0; i < cal->n && cal->days[i].day <= day; i++)
		if (cal->days[i].day == day) {
			di.type = cal->days[i].kind == MARKET_DAY_HALF ? DAY_HALF : DAY_HOLIDAY;
			di.name = cal->days[i].name;
		}
	return di;
}

/* A trading day as a list of phases, each running until the next one
 * starts. The closing auction ends at a random moment between :08 and :10;
 * we say :10, the latest it can run. */
struct phase {
	int start;              /* seconds after HKT midnight */
	enum market_session session;
};

static const struct phase full_day[] = {
	{ 0, MARKET_BEFORE_OPEN },
	{ HM(9, 0), MARKET_PRE_OPENING },
	{ HM(9, 30), MARKET_MORNING },
	{ HM(12, 0), MARKET_LUNCH },
	{ HM(13, 0), MARKET_AFTERNOON },
	{ HM(16, 0), MARKET_CLOSING_AUCTION },
	{ HM(16, 10), MARKET_CLOSED },
};

/* Eves of Christmas, New Year and Lunar New Year: no lunch, no afternoon. */
static const struct phase half_day[] = {
	{ 0, MARKET_BEFORE_OPEN },
	{ HM(9, 0), MARKET_PRE_OPENING },
	{ HM(9, 30), MARKET_MORNING },
	{ HM(12, 0), MARKET_CLOSING_AUCTION },
	{ HM(12, 10), MARKET_CLOSED },
};

static const struct {
	const char *en, *en_half, *zh;
} labels[] = {
	[MARKET_WEEKEND]         = { "Weekend", "weekend", "周末" },
	[MARKET_HOLIDAY]         = { "Holiday", "holiday", "假期" },
	[MARKET_BEFORE_OPEN]     = { "Before open", "before open", "未开市" },
	[MARKET_PRE_OPENING]     = { "Pre-opening", "pre-opening", "开市前竞价" },
	[MARKET_MORNING]         = { "Morning session", "morning", "早市" },
	[MARKET_LUNCH]           = { "Lunch break", "lunch break", "午休" },
	[MARKET_AFTERNOON]       = { "Afternoon session", "afternoon", "午市" },
	[MARKET_CLOSING_AUCTION] = { "Closing auction", "closing auction", "收市竞价" },
	[MARKET_CLOSED]          = { "Closed", "closed", "已收市" },
};

static const bool trading[] = {
	[MARKET_PRE_OPENING] = true,
	[MARKET_MORNING] = true,
	[MARKET_AFTERNOON] = true,
	[MARKET_CLOSING_AUCTION] = true,
};

bool market_is_trading(enum market_session s)
{
	return (size_t)s < sizeof trading / sizeof trading[0] && trading[s];
}

static bool trades(enum day_type t)
{
	return t == DAY_FULL || t == DAY_HALF;
}

/* 09:00 HKT of the first trading day after `day`, or 0 if a calendar
 * closes a whole year. */
static long long next_open_after(const struct market_calendar *cal, long long day)
{
	for (int i = 1; i <= OPEN_SEARCH_DAYS; i++)
		if (trades(classify(cal, day + i).type))
			return (day + i) * DAY_S + OPEN_S - HKT_OFFSET;
	return 0;
}

static void set_labels(struct market_status *out, const char *name)
{
	const char *en = labels[out->session].en, *zh = labels[out->session].zh;

	if (out->session == MARKET_HOLIDAY && name)
		snprintf(out->label, sizeof out->label, "%s: %s", en, name);
	else if (out->half_day)
		snprintf(out->label, sizeof out->label, "Half day: %s",
			 labels[out->session].en_half);
	else
		snprintf(out->label, sizeof out->label, "%s", en);
	if (out->half_day)
		snprintf(out->label_zh, sizeof out->label_zh, "半日市：%s", zh);
	else
		snprintf(out->label_zh, sizeof out->label_zh, "%s", zh);
}

void market_status(const struct market_calendar *cal, time_t now, struct market_status *out)
{
	long long t = now < 0 ? 0 : (long long)now > TIME_MAX ? TIME_MAX : (long long)now;
	long long local = t + HKT_OFFSET;
	long long day = local / DAY_S;
	long long midnight = day * DAY_S - HKT_OFFSET; /* today's, as UTC */
	int sec = (int)(local % DAY_S);
	struct day_info di = classify(cal, day);
	const struct phase *ph = di.type == DAY_HALF ? half_day : full_day;
	size_t nph = di.type == DAY_HALF ? sizeof half_day / sizeof half_day[0]
					 : sizeof full_day / sizeof full_day[0];
	size_t i = 0;

	memset(out, 0, sizeof *out);
	out->calendar_known = di.known;
	out->half_day = di.type == DAY_HALF;
	if (di.name)
		snprintf(out->holiday, sizeof out->holiday, "%s", di.name);
	/* A closed day lasts until midnight: the next may be closed for
	 * another reason (Good Friday, then the weekend), with another label. */
	out->next_change = (time_t)(midnight + DAY_S);
	if (!trades(di.type)) {
		out->session = di.type == DAY_WEEKEND ? MARKET_WEEKEND : MARKET_HOLIDAY;
	} else {
		while (i + 1 < nph && ph[i + 1].start <= sec)
			i++;
		out->session = ph[i].session;
		if (i + 1 < nph)
			out->next_change = (time_t)(midnight + ph[i + 1].start);
	}
	out->next_open = trades(di.type) && sec < OPEN_S ? (time_t)(midnight + OPEN_S)
							 : (time_t)next_open_after(cal, day);
	set_labels(out, di.name);
}

static bool continuous(enum market_session s)
{
	return s == MARKET_MORNING || s == MARKET_AFTERNOON;
}

size_t market_day_spans(const struct market_calendar *cal, long long day,
			struct market_span out[MARKET_SPANS_MAX])
{
	enum day_type type = classify(cal, day).type;
	const struct phase *ph = type == DAY_HALF ? half_day : full_day;
	size_t nph = type == DAY_HALF ? sizeof half_day / sizeof half_day[0]
				      : sizeof full_day / sizeof full_day[0];
	long long midnight = day * DAY_S - HKT_OFFSET;
	size_t n = 0;

	if (!trades(type))
		return 0;
	/* Every continuous phase is followed by another: the day ends closed. */
	for (size_t i = 0; i + 1 < nph && n < MARKET_SPANS_MAX; i++)
		if (continuous(ph[i].session)) {
			out[n].start = (time_t)(midnight + ph[i].start);
			out[n].end = (time_t)(midnight + ph[i + 1].start);
			n++;
		}
	return n;
}

/* ---- the spread table -------------------------------------------------- */

/* Prices up to and including `upto` move in steps of `tick` (HK$). */
struct tick_band {
	double upto, tick;
};

/* HKEX equities, REITs and the like; HK-FACTS.md section 4a. The old
 * table differs only in the 10-20 (0.02) and 20-50 (0.05) bands. */
static const struct tick_band before_phase1[] = {
	{ 0.25, 0.001 }, { 0.50, 0.005 }, { 10.00, 0.010 }, { 20.00, 0.020 },
	{ 100.00, 0.050 }, { 200.00, 0.100 }, { 500.00, 0.200 }, { 1000.00, 0.500 },
	{ 2000.00, 1.000 }, { 5000.00, 2.000 }, { 9995.00, 5.000 },
};

static const struct tick_band phase1[] = {
	{ 0.25, 0.001 }, { 0.50, 0.005 }, { 10.00, 0.010 }, { 20.00, 0.010 },
	{ 50.00, 0.020 }, { 100.00, 0.050 }, { 200.00, 0.100 }, { 500.00, 0.200 },
	{ 1000.00, 0.500 }, { 2000.00, 1.000 }, { 5000.00, 2.000 }, { 9995.00, 5.000 },
};

/* Each table applies from its HKT date until the next one's. */
static const struct spread_table {
	int y, m, d;
	const struct tick_band *bands;
	size_t n;
} spread_tables[] = {
	{ 1970, 1, 1, before_phase1, sizeof before_phase1 / sizeof before_phase1[0] },
	{ 2025, 8, 4, phase1, sizeof phase1 / sizeof phase1[0] },
	/* Phase 2, "around mid-2026", takes the >0.50-10.00 band to 0.005.
	 * HKEX has not named the day: when it does, add a copy of phase1
	 * with that band changed, and its row here. Do not guess the date. */
};

double market_tick_size(double price, time_t when)
{
	const struct spread_table *tab = &spread_tables[0];
	size_t i;

	if (!(price > 0))
		return 0;
	for (i = 1; i < sizeof spread_tables / sizeof spread_tables[0]; i++) {
		time_t from;

		if (hktime_make(spread_tables[i].y, spread_tables[i].m, spread_tables[i].d,
				0, 0, 0, HKT_OFFSET, &from) && when >= from)
			tab = &spread_tables[i];
	}
	/* Feed prices are decimals read into binary: 10.00 may be 10.000000001. */
	for (i = 0; i < tab->n; i++)
		if (price <= tab->bands[i].upto + 1e-9)
			return tab->bands[i].tick;
	return 0;
}
