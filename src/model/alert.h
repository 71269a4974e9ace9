/* alert.h - alert rules and when they fire: a level crossed, a move made,
 * a headline tagged (pure: no files, no clock, no terminal)
 *
 * A rule is one line of the rules file: "SYMBOL above PRICE",
 * "SYMBOL below PRICE", "SYMBOL move PCT%" or "SYMBOL news", then
 * optionally "once" (the default), "daily" or "always", then optionally
 * "# note". "*" as SYMBOL is every name on the current list. */
#ifndef HKTOP_ALERT_H
#define HKTOP_ALERT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/num.h"
#include "model/news.h"
#include "model/quote.h"
#include "model/symbol.h"

#define ALERT_NOTE_MAX 128
#define ALERT_TEXT_MAX 320   /* an event's words, a rule's canonical text */
#define ALERT_PCT_MAX 1000   /* move PCT%: above this no move is possible */

enum alert_kind { ALERT_ABOVE, ALERT_BELOW, ALERT_MOVE, ALERT_NEWS, ALERT_KIND_COUNT };
enum alert_repeat { ALERT_ONCE, ALERT_DAILY, ALERT_ALWAYS, ALERT_REPEAT_COUNT };

/* "above", "below", "move", "news"; "once", "daily", "always". */
extern const char *const alert_kind_names[ALERT_KIND_COUNT];
extern const char *const alert_repeat_names[ALERT_REPEAT_COUNT];

/* A firing: when, at what price (news: !ok), and the trading day it
 * counts against for daily rules (days since 1970 on the exchange's
 * clock). */
struct alert_firing {
	time_t t;
	struct num price;
	long long day;
	bool at_start;            /* the condition held at the first quote */
};

/* What a rule knows of one instrument: the last usable quote's session
 * and whether the condition held then, and its last firing. */
struct alert_watch {
	struct instrument in;
	bool seen;                /* a usable quote arrived in this run */
	long long day;            /* its session */
	bool held;
	bool fired;               /* last holds a firing (this run or restored) */
	bool told;                /* fired in this run (the row's mark) */
	struct alert_firing last;
};

struct alert_rule {
	bool every;               /* "*": every name on the current list */
	struct instrument in;     /* when !every */
	enum alert_kind kind;
	struct num level;         /* above/below: a price; move: a percentage */
	enum alert_repeat repeat;
	char note[ALERT_NOTE_MAX]; /* sanitised, without the '#' */
	struct alert_watch *w;    /* owned; one per instrument seen (one unless every) */
	size_t nw, capw;
};

/* One firing, for the caller to deliver. Text is sanitised. */
struct alert_event {
	size_t rule;              /* index in the set */
	struct instrument in;
	enum alert_kind kind;
	struct alert_firing f;
	char text[ALERT_TEXT_MAX]; /* "0700 above 500.000: 501.000 (already at start)" */
};

/* Parse one line of the rules file (no newline). *blank: nothing but
 * space and a comment (no rule, no error). Else false with a cause when
 * it is not a rule. r->w starts empty. */
bool alert_rule_parse(const char *line, size_t len, struct alert_rule *r, bool *blank,
		      char *err, size_t errlen);

/* The rule in canonical form without its note ("0700 above 500.5 daily"):
 * the key its firings are stored under. */
int alert_rule_key(const struct alert_rule *r, char *buf, size_t len);

/* The rule's watch for in, made when missing; NULL when out of memory. */
struct alert_watch *alert_rule_watch(struct alert_rule *r, const struct instrument *in);

/* Forget firings and sessions: the rule fires again. */
void alert_rule_rearm(struct alert_rule *r);

/* Does the rule concern in? ("*" concerns every instrument given.) */
bool alert_rule_covers(const struct alert_rule *r, const struct instrument *in);

void alert_rule_done(struct alert_rule *r);

/* Is a quote's price one a rule may fire on: given, above zero, and not
 * a pre-open placeholder (the previous close carried before any trade:
 * volume 0, or an HKEX quote stamped before the 09:20 matching)? */
bool alert_price_usable(const struct quote *q);

/* Compare two figures in decimals, exactly: <0, 0, >0. Both must be ok. */
int alert_num_cmp(struct num a, struct num b);

/* Is price at least pct percent away from prev (either way), in
 * decimals? All three ok, prev above 0. */
bool alert_num_moved(struct num price, struct num prev, struct num pct);

/* Feed rule r (index ri) one quote result. Fires, filling *ev, when the
 * condition holds now and either did not at the previous usable quote of
 * the same session or this is the session's first (at_start), and once
 * and daily allow it. A refused result, a missing, zero or placeholder
 * price changes nothing. now is used when the quote has no time. False
 * when nothing fires (or out of memory). */
bool alert_rule_quote(struct alert_rule *r, size_t ri, const struct quote_result *res,
		      time_t now, struct alert_event *ev);

/* Feed a news rule one headline: fires for a headline tagged with the
 * rule's symbol (or, for "*", with in) published after the rule's last
 * firing and not before since, once and daily allowing. */
bool alert_rule_news(struct alert_rule *r, size_t ri, const struct headline *h,
		     const struct instrument *in, time_t since, struct alert_event *ev);

#endif
