/* alert.c - alert rules: one line of text to a rule and back, and the
 * exact comparisons they fire on
 *
 * Prices are compared as the decimals the feed wrote, never as floats:
 * "above 478.8" holds at 478.800 and not at 478.799999. Firing itself is
 * in alert_fire.c. */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "base/text.h"
#include "model/alert.h"

const char *const alert_kind_names[ALERT_KIND_COUNT] = { "above", "below", "move", "news" };
const char *const alert_repeat_names[ALERT_REPEAT_COUNT] = { "once", "daily", "always" };

#define WORDS_MAX 5

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Split text into at most max words; false when there are more. */
static size_t split_words(const char *s, size_t len, struct text_span *w, size_t max, bool *more)
{
	size_t n = 0, i = 0;

	*more = false;
	while (i < len) {
		size_t a;

		while (i < len && is_space(s[i]))
			i++;
		if (i == len)
			break;
		a = i;
		while (i < len && !is_space(s[i]))
			i++;
		if (n == max) {
			*more = true;
			break;
		}
		w[n++] = (struct text_span){ s + a, i - a };
	}
	return n;
}

static int find_name(const char *const *names, size_t n, struct text_span w)
{
	for (size_t i = 0; i < n; i++)
		if (text_span_is(w, names[i]))
			return (int)i;
	return -1;
}

/* The word w, quoted and sanitised, with a cause. */
static void word_error(char *err, size_t errlen, struct text_span w, const char *cause)
{
	char q[96];

	snprintf(err, errlen, "%s %s", text_quote(q, sizeof q, w.p, w.len), cause);
}

/* A level: a positive price with at most 6 decimals, or a percentage
 * ("5%", "5") above 0 and at most ALERT_PCT_MAX. */
static bool parse_level(struct text_span w, bool pct, struct num *out, char *err, size_t errlen)
{
	size_t len = w.len;

	if (pct && len && w.p[len - 1] == '%')
		len--;
	if (!num_parse(w.p, len, out) || out->dp > 6) {
		word_error(err, errlen, w, pct ? "is not a percentage (5%, 2.5%)"
					       : "is not a price (500, 478.8)");
		return false;
	}
	if (out->v <= 0) {
		word_error(err, errlen, w, pct ? "is no move: give a percentage above 0"
					       : "is not a price above 0");
		return false;
	}
	if (out->v > (pct ? ALERT_PCT_MAX : 1e9)) {
		word_error(err, errlen, w, "is too large");
		return false;
	}
	return true;
}

bool alert_rule_parse(const char *line, size_t len, struct alert_rule *r, bool *blank,
		      char *err, size_t errlen)
{
	const char *hash = memchr(line, '#', len);
	size_t tl = hash ? (size_t)(hash - line) : len, n, at;
	struct text_span w[WORDS_MAX];
	char sym[64];
	bool more;
	int k, rep = ALERT_ONCE;

	memset(r, 0, sizeof *r);
	n = split_words(line, tl, w, WORDS_MAX, &more);
	*blank = n == 0;
	if (*blank)
		return false;
	if (hash) {
		const char *note = hash + 1;
		size_t nl = len - (size_t)(note - line);

		while (nl && is_space(*note))
			note++, nl--;
		text_sanitize(r->note, sizeof r->note, note, nl);
	}
	if (n < 2) {
		snprintf(err, errlen, "expected \"SYMBOL above|below PRICE\", \"SYMBOL move PCT%%\" "
			 "or \"SYMBOL news\"");
		return false;
	}
	if (text_span_is(w[0], "*")) {
		r->every = true;
	} else {
		if (w[0].len >= sizeof sym) {
			word_error(err, errlen, w[0], "is not a symbol");
			return false;
		}
		memcpy(sym, w[0].p, w[0].len);
		sym[w[0].len] = '\0';
		if (!symbol_parse(sym, &r->in, err, errlen))
			return false;
	}
	if ((k = find_name(alert_kind_names, ALERT_KIND_COUNT, w[1])) < 0) {
		word_error(err, errlen, w[1], "is not a rule (above, below, move or news)");
		return false;
	}
	r->kind = (enum alert_kind)k;
	at = 2;
	if (r->kind != ALERT_NEWS) {
		if (n < 3) {
			snprintf(err, errlen, "%s needs a %s", alert_kind_names[k],
				 r->kind == ALERT_MOVE ? "percentage (move 5%)" : "price");
			return false;
		}
		if (!parse_level(w[2], r->kind == ALERT_MOVE, &r->level, err, errlen))
			return false;
		at = 3;
	}
	if (at < n && (rep = find_name(alert_repeat_names, ALERT_REPEAT_COUNT, w[at])) < 0) {
		word_error(err, errlen, w[at], "is not once, daily or always");
		return false;
	}
	if (at < n)
		at++;
	if (at < n || more) {
		word_error(err, errlen, w[at < n ? at : n - 1], "is one word too many");
		return false;
	}
	r->repeat = (enum alert_repeat)rep;
	return true;
}

int alert_rule_key(const struct alert_rule *r, char *buf, size_t len)
{
	char level[48] = "";

	if (r->kind != ALERT_NEWS) {
		num_format(r->level, level, sizeof level - 1);
		if (r->kind == ALERT_MOVE)
			strcat(level, "%");
	}
	return snprintf(buf, len, "%s %s%s%s %s", r->every ? "*" : r->in.display,
			alert_kind_names[r->kind], level[0] ? " " : "", level,
			alert_repeat_names[r->repeat]);
}

bool alert_rule_covers(const struct alert_rule *r, const struct instrument *in)
{
	return r->every || symbol_equal(&r->in, in);
}

struct alert_watch *alert_rule_watch(struct alert_rule *r, const struct instrument *in)
{
	for (size_t i = 0; i < r->nw; i++)
		if (symbol_equal(&r->w[i].in, in))
			return &r->w[i];
	if (r->nw == r->capw) {
		size_t cap = r->capw ? r->capw * 2 : 1;
		struct alert_watch *v = realloc(r->w, cap * sizeof *v);

		if (!v)
			return NULL;
		r->w = v;
		r->capw = cap;
	}
	r->w[r->nw] = (struct alert_watch){ .in = *in };
	return &r->w[r->nw++];
}

void alert_rule_rearm(struct alert_rule *r)
{
	r->nw = 0;
}

void alert_rule_done(struct alert_rule *r)
{
	free(r->w);
	r->w = NULL;
	r->nw = r->capw = 0;
}

/* 10^k for k in 0..18. */
static int64_t pow10i(int k)
{
	int64_t p = 1;

	while (k-- > 0)
		p *= 10;
	return p;
}

/* A figure as an integer count of 10^-dp units: exact, as num_parse only
 * keeps figures a double holds to their decimals. */
static int64_t mantissa(struct num n)
{
	return (int64_t)llround(n.v * (double)pow10i(n.dp));
}

/* m * 10^k, false on overflow. */
static bool scale(int64_t m, int k, int64_t *out)
{
	return !__builtin_mul_overflow(m, pow10i(k), out);
}

int alert_num_cmp(struct num a, struct num b)
{
	int dp = a.dp > b.dp ? a.dp : b.dp;
	int64_t ma, mb;
	bool oka = scale(mantissa(a), dp - a.dp, &ma), okb = scale(mantissa(b), dp - b.dp, &mb);

	/* A figure too large to scale is larger in size than the other,
	 * which fits: its sign decides. */
	if (!oka)
		return a.v < 0 ? -1 : 1;
	if (!okb)
		return b.v < 0 ? 1 : -1;
	return (ma > mb) - (ma < mb);
}

bool alert_num_moved(struct num price, struct num prev, struct num pct)
{
	int dp = price.dp > prev.dp ? price.dp : prev.dp;
	int64_t pm, cm, diff, lhs, rhs;

	/* |P - C| * 100 * 10^pct.dp >= PCT * C, every figure an integer count
	 * of its last decimal. Products past 64 bits (no real quote comes
	 * near) are compared in long double. */
	if (scale(mantissa(price), dp - price.dp, &pm) && scale(mantissa(prev), dp - prev.dp, &cm) &&
	    scale(pm > cm ? pm - cm : cm - pm, pct.dp, &diff) &&
	    !__builtin_mul_overflow(diff, (int64_t)100, &lhs) &&
	    !__builtin_mul_overflow(mantissa(pct), cm, &rhs))
		return lhs >= rhs;
	return fabsl((long double)price.v - prev.v) * 100 >= (long double)pct.v * prev.v;
}

bool alert_price_usable(const struct quote *q)
{
	const struct num *p = &q->f[QF_PRICE], *vol = &q->f[QF_VOLUME];

	if (!p->ok || !(p->v > 0))
		return false;
	/* No trade yet: the price is the previous close carried forward. */
	if (vol->ok && vol->v == 0)
		return false;
	/* Before the pre-opening auction matches (09:20 HKT), an HKEX quote
	 * still shows yesterday's figures. */
	if (q->time && q->in.market != MARKET_US &&
	    hktime_second_of_day(q->time, hktime_zone_offset(HKTIME_HK, q->time)) < 9 * 3600 + 20 * 60)
		return false;
	return true;
}
