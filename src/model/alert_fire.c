/* alert_fire.c - when a rule fires: on a crossing seen between two quotes
 * of one session, or at the session's first quote when the condition
 * already holds; never on a price that is not one
 *
 * Pure: the caller brings the quotes, the headlines and the time. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/hktime.h"
#include "base/text.h"
#include "model/alert.h"

/* The trading day a quote belongs to, on its exchange's clock. */
static long long session_day(const struct quote *q, time_t now)
{
	time_t t = q->time ? q->time : now;
	enum hktime_zone z = q->in.market == MARKET_US ? HKTIME_US_EASTERN : HKTIME_HK;

	return hktime_day(t, hktime_zone_offset(z, t));
}

/* Does r's condition hold for q? *sign: the direction of a move. */
static bool holds(const struct alert_rule *r, const struct quote *q, int *sign)
{
	struct num p = q->f[QF_PRICE], c = q->f[QF_PREV_CLOSE];

	switch (r->kind) {
	case ALERT_ABOVE:
		return alert_num_cmp(p, r->level) >= 0;
	case ALERT_BELOW:
		return alert_num_cmp(p, r->level) <= 0;
	case ALERT_MOVE:
		*sign = alert_num_cmp(p, c);
		return alert_num_moved(p, c, r->level);
	default:
		return false;
	}
}

/* May w fire again on day, by r's repeat? */
static bool allowed(const struct alert_rule *r, const struct alert_watch *w, long long day)
{
	if (!w->fired || r->repeat == ALERT_ALWAYS)
		return true;
	return r->repeat == ALERT_DAILY && w->last.day != day;
}

/* "0700 above 478.8: 478.800", "9988 already up 5% at start: 118.300". */
static void event_text(const struct alert_rule *r, const struct quote *q, int sign, bool start,
		       char *buf, size_t len)
{
	char price[48], level[48], raw[ALERT_TEXT_MAX];
	const char *what = r->kind != ALERT_MOVE ? alert_kind_names[r->kind]
			   : sign < 0 ? "down" : "up";
	int n;

	num_format(q->f[QF_PRICE], price, sizeof price);
	num_format(r->level, level, sizeof level);
	n = snprintf(raw, sizeof raw, "%s %s%s %s%s%s: %s", q->in.display, start ? "already " : "",
		     what, level, r->kind == ALERT_MOVE ? "%" : "", start ? " at start" : "", price);
	if (n >= 0 && (size_t)n < sizeof raw && r->note[0])
		snprintf(raw + n, sizeof raw - (size_t)n, " (%s)", r->note);
	text_sanitize(buf, len, raw, strlen(raw));
}

bool alert_rule_quote(struct alert_rule *r, size_t ri, const struct quote_result *res,
		      time_t now, struct alert_event *ev)
{
	const struct quote *q = &res->q;
	struct alert_watch *w;
	long long day;
	bool cond, start;
	int sign = 0;

	/* The cheap refusals first: every rule sees every quote. */
	if (r->kind == ALERT_NEWS || !res->ok || !alert_rule_covers(r, &q->in) ||
	    !alert_price_usable(q))
		return false;
	if (r->kind == ALERT_MOVE && (!q->f[QF_PREV_CLOSE].ok || !(q->f[QF_PREV_CLOSE].v > 0)))
		return false;
	if (!(w = alert_rule_watch(r, &q->in)))
		return false;
	day = session_day(q, now);
	cond = holds(r, q, &sign);
	start = !w->seen || w->day != day;
	/* Held at the previous quote of this session: no crossing now. */
	if (!cond || (!start && w->held) || !allowed(r, w, day)) {
		w->seen = true;
		w->day = day;
		w->held = cond;
		return false;
	}
	w->seen = true;
	w->day = day;
	w->held = true;
	w->fired = w->told = true;
	w->last = (struct alert_firing){ .t = q->time ? q->time : now, .price = q->f[QF_PRICE],
					 .day = day, .at_start = start };
	*ev = (struct alert_event){ .rule = ri, .in = q->in, .kind = r->kind, .f = w->last };
	event_text(r, q, sign, start, ev->text, sizeof ev->text);
	return true;
}

bool alert_rule_news(struct alert_rule *r, size_t ri, const struct headline *h,
		     const struct instrument *in, time_t since, struct alert_event *ev)
{
	struct alert_watch *w;
	bool tagged = false;
	char raw[ALERT_TEXT_MAX];
	long long day;

	if (r->kind != ALERT_NEWS || !alert_rule_covers(r, in) || !h->time || h->time < since)
		return false;
	for (size_t i = 0; i < h->ntags && !tagged; i++)
		tagged = symbol_equal(&h->tags[i], in);
	if (!tagged || !(w = alert_rule_watch(r, in)))
		return false;
	day = hktime_day(h->time, hktime_zone_offset(HKTIME_HK, h->time));
	/* Each headline once: only those newer than the last one fired on. */
	if ((w->fired && h->time <= w->last.t) || !allowed(r, w, day))
		return false;
	w->fired = w->told = true;
	w->last = (struct alert_firing){ .t = h->time, .day = day };
	*ev = (struct alert_event){ .rule = ri, .in = *in, .kind = ALERT_NEWS, .f = w->last };
	snprintf(raw, sizeof raw, "%s news: %s%s%s%s", in->display, h->title,
		 r->note[0] ? " (" : "", r->note, r->note[0] ? ")" : "");
	text_sanitize(ev->text, sizeof ev->text, raw, strlen(raw));
	return true;
}
