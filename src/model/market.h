/* market.h - the HKEX calendar, the trading session at a moment, the spread table */
#ifndef HKTOP_MARKET_H
#define HKTOP_MARKET_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define MARKET_NAME_MAX 48 /* a holiday's name, with its NUL */

/* What a listed day is; unlisted weekdays are normal trading days. */
enum market_day_kind { MARKET_DAY_CLOSED, MARKET_DAY_HALF };

struct market_day {
	long day;               /* days since 1970-01-01, as an HKT date */
	int year;
	enum market_day_kind kind;
	char name[MARKET_NAME_MAX];
	long line;              /* in the calendar text, for messages */
};

/* Parsed share/hkex-calendar.tsv: a few dozen dated exceptions. */
struct market_calendar {
	struct market_day *days; /* owned; ascending by day */
	size_t n;
};

/* In order of the day, so the UI may compare. Times are HKT. */
enum market_session {
	MARKET_WEEKEND,
	MARKET_HOLIDAY,
	MARKET_BEFORE_OPEN,     /* 00:00-09:00 of a trading day */
	MARKET_PRE_OPENING,     /* 09:00-09:30 */
	MARKET_MORNING,         /* 09:30-12:00 */
	MARKET_LUNCH,           /* 12:00-13:00 (none on half days) */
	MARKET_AFTERNOON,       /* 13:00-16:00 (none on half days) */
	MARKET_CLOSING_AUCTION, /* 16:00-16:10; 12:00-12:10 on half days */
	MARKET_CLOSED,          /* after the closing auction */
};

struct market_status {
	enum market_session session;
	bool half_day;          /* today is a listed half day */
	bool calendar_known;    /* the calendar lists this year: show a caveat if not */
	char holiday[MARKET_NAME_MAX]; /* the holiday or half day's name, or "" */
	/* When this status may next differ: the next session boundary, and at
	 * the latest the next HKT midnight, so the UI can sleep until then. */
	time_t next_change;
	/* The next pre-opening (09:00 of a trading day), for "opens Wed 09:00";
	 * 09:00 today while before it. */
	time_t next_open;
	char label[80];         /* "Morning session", "Holiday: Good Friday" */
	char label_zh[48];      /* "早市", "假期"; UTF-8, 2 columns a character */
};

/* Parse calendar text: '#' comments, blank lines, and lines of
 * YYYY-MM-DD<TAB>closed|half<TAB>name on weekdays in ascending order.
 * *cal is overwritten (not freed). On a bad line returns false with
 * "line N: cause" in err and leaves *cal empty. */
bool market_calendar_load(struct market_calendar *cal, const char *text, size_t len,
			  char *err, size_t errlen);
void market_calendar_done(struct market_calendar *cal);

/* The session at `now`. Pure: HKT is UTC+8 by arithmetic, no TZ or
 * localtime. A year the calendar does not list is traded every weekday. */
void market_status(const struct market_calendar *cal, time_t now, struct market_status *out);

/* Continuous sessions and the auctions: orders are being matched. */
bool market_is_trading(enum market_session s);

/* A stretch of continuous trading: [start, end), UTC. */
struct market_span {
	time_t start, end;
};

#define MARKET_SPANS_MAX 2 /* the morning and the afternoon */

/* The continuous sessions of the HKT day `day` (days since 1970-01-01)
 * into out, in order; how many: 2 on a full day, 1 (the morning) on a
 * half day, 0 on a weekend or holiday. No auction is one: no trade is
 * made in them before their single match, so no quote is due there. */
size_t market_day_spans(const struct market_calendar *cal, long long day,
			struct market_span out[MARKET_SPANS_MAX]);

/* The HKEX minimum spread for equities at a price, by the table in force
 * at `when`; 0 for a price <= 0 or above 9995. */
double market_tick_size(double price, time_t when);

#endif
