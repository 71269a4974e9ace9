/* position.c - lots held and what they are worth, in exact decimals
 *
 * A struct num carries the source's value and decimals; here each one
 * becomes an integer count of its last decimal's unit (a "fix"), and the
 * arithmetic is checked integer arithmetic. Doubles never add money: a
 * thousand lots at 0.135 would otherwise drift off the cent. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "model/adr.h"
#include "model/position.h"
#include "model/quotetime.h"

#define FIX_DP_MAX 18
#define EXACT_MAX 9007199254740992LL /* 2^53: a struct num holds it exactly */

static const long long p10[FIX_DP_MAX + 1] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL,
	1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL,
};

/* m units of 10^-dp. */
struct fix {
	long long m;
	int dp;
};

static bool fix_of(struct num n, struct fix *out)
{
	if (!n.ok || n.dp < 0 || n.dp > FIX_DP_MAX || !num_exact(n.v, n.dp))
		return false;
	/* Below 2^53 after scaling, so the product rounds to the very integer
	 * the source's digits spell. */
	out->m = llround(n.v * (double)p10[n.dp]);
	out->dp = n.dp;
	return true;
}

static struct num fix_num(struct fix a)
{
	struct num n = { 0, 0, false };

	if (a.dp < 0 || a.dp > FIX_DP_MAX || a.m >= EXACT_MAX || a.m <= -EXACT_MAX)
		return n;
	n.v = (double)a.m / (double)p10[a.dp];
	n.dp = (signed char)a.dp;
	n.ok = true;
	return n;
}

/* n / d rounded half away from zero; d != 0. */
static long long div_round(long long n, long long d)
{
	long long q = n / d, r = n % d;
	long long ar = r < 0 ? -r : r, ad = d < 0 ? -d : d;

	if (ar >= ad - ar)
		q += (n < 0) == (d < 0) ? 1 : -1;
	return q;
}

/* a at dp decimals: exact upwards, rounded downwards. */
static bool fix_at(struct fix a, int dp, struct fix *out)
{
	if (dp < 0 || dp > FIX_DP_MAX)
		return false;
	if (dp >= a.dp) {
		if (__builtin_mul_overflow(a.m, p10[dp - a.dp], &out->m))
			return false;
	} else {
		out->m = div_round(a.m, p10[a.dp - dp]);
	}
	out->dp = dp;
	return true;
}

static bool fix_add(struct fix a, struct fix b, struct fix *out)
{
	int dp = a.dp > b.dp ? a.dp : b.dp;

	if (!fix_at(a, dp, &a) || !fix_at(b, dp, &b))
		return false;
	out->dp = dp;
	return !__builtin_add_overflow(a.m, b.m, &out->m);
}

static bool fix_sub(struct fix a, struct fix b, struct fix *out)
{
	if (b.m == -b.m && b.m != 0) /* LLONG_MIN */
		return false;
	b.m = -b.m;
	return fix_add(a, b, out);
}

static bool fix_mul_int(struct fix a, long long k, struct fix *out)
{
	out->dp = a.dp;
	return !__builtin_mul_overflow(a.m, k, &out->m);
}

/* a / k to dp decimals, rounded. */
static bool fix_div_int(struct fix a, long long k, int dp, struct fix *out)
{
	long long num = a.m, den = k;

	if (k == 0 || dp < 0 || dp > FIX_DP_MAX)
		return false;
	if (dp >= a.dp) {
		if (__builtin_mul_overflow(a.m, p10[dp - a.dp], &num))
			return false;
	} else if (__builtin_mul_overflow(k, p10[a.dp - dp], &den)) {
		return false;
	}
	out->m = div_round(num, den);
	out->dp = dp;
	return true;
}

/* a x b to dp decimals, rounded. */
static bool fix_mul(struct fix a, struct fix b, int dp, struct fix *out)
{
	struct fix p;

	p.dp = a.dp + b.dp;
	if (p.dp > FIX_DP_MAX || __builtin_mul_overflow(a.m, b.m, &p.m))
		return false;
	return fix_at(p, dp, out);
}

/* num / |den| x 100 to POSITION_PCT_DP decimals; !ok when den is 0. */
static struct num fix_pct(struct fix num, struct fix den)
{
	struct num none = { 0, 0, false };
	struct fix a, b, r;
	int dp = num.dp > den.dp ? num.dp : den.dp;

	if (!fix_at(num, dp, &a) || !fix_at(den, dp, &b) || b.m == 0 || b.m == -b.m)
		return none;
	if (b.m < 0)
		b.m = -b.m;
	/* x 100 for per cent, x 10^POSITION_PCT_DP for its decimals */
	if (__builtin_mul_overflow(a.m, 100 * p10[POSITION_PCT_DP], &a.m))
		return none;
	r.m = div_round(a.m, b.m);
	r.dp = POSITION_PCT_DP;
	return fix_num(r);
}

void position_day_text(long long day, char *buf, size_t len)
{
	long long y;
	int m, d;

	if (day < 0) {
		snprintf(buf, len, "%s", "");
		return;
	}
	hktime_civil_from_days(day, &y, &m, &d);
	snprintf(buf, len, "%04lld-%02d-%02d", y, m, d);
}

void position_total_day_note(const struct position_total *t, char *buf, size_t len)
{
	char day[16];

	snprintf(buf, len, "%s", "");
	if (!t->value.ok || t->today || !t->n)
		return;
	if (t->session < 0) {
		snprintf(buf, len, "day P&L of more than one session");
		return;
	}
	position_day_text(t->session, day, sizeof day);
	snprintf(buf, len, "day P&L of %s", day);
}

/* ---- summing lots ------------------------------------------------------ */

static void set_currency(struct position *p, const char *c)
{
	snprintf(p->currency, sizeof p->currency, "%s", c);
}

/* Add one lot to p's running qty and basis (kept as fixes by the caller). */
static bool add_lot(const struct lot *l, long long *qty, struct fix *basis, int *cost_dp)
{
	struct fix c, f, t;

	if (!fix_of(l->cost, &c) || !fix_mul_int(c, l->qty, &t) || !fix_add(*basis, t, basis))
		return false;
	/* Fees cost a long and take from what a short brought in: either
	 * way they add to the basis. */
	if (l->fee.ok && (!fix_of(l->fee, &f) || !fix_add(*basis, f, basis)))
		return false;
	if (c.dp > *cost_dp)
		*cost_dp = c.dp;
	return !__builtin_add_overflow(*qty, l->qty, qty);
}

static bool sum_position(struct position *p, const struct lot *lots, size_t n)
{
	struct fix basis = { 0, 0 }, avg;
	int cost_dp = POSITION_AVG_DP;

	for (size_t i = 0; i < n; i++) {
		if (!symbol_equal(&lots[i].in, &p->in))
			continue;
		p->nlots++;
		if (!add_lot(&lots[i], &p->qty, &basis, &cost_dp))
			return false;
	}
	p->basis = fix_num(basis);
	if (p->qty && fix_div_int(basis, p->qty, cost_dp, &avg))
		p->avg_cost = fix_num(avg);
	return p->basis.ok;
}

void position_book_done(struct position_book *b)
{
	free(b->v);
	b->v = NULL;
	b->n = 0;
}

struct position *position_book_find(const struct position_book *b, const struct instrument *in)
{
	for (size_t i = 0; i < b->n; i++)
		if (symbol_equal(&b->v[i].in, in))
			return &b->v[i];
	return NULL;
}

bool position_book_build(struct position_book *b, const struct lot *lots, size_t n,
			 char *err, size_t errlen)
{
	b->v = NULL;
	b->n = 0;
	if (n && !(b->v = calloc(n, sizeof *b->v))) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		struct position *p;

		if (lots[i].in.market == MARKET_HK_INDEX) {
			snprintf(err, errlen, "%s: an index cannot be held", lots[i].in.display);
			goto fail;
		}
		if (position_book_find(b, &lots[i].in))
			continue;
		p = &b->v[b->n++];
		p->in = lots[i].in;
		set_currency(p, p->in.market == MARKET_US ? "USD" : "HKD");
		p->session = -1;
		snprintf(p->why, sizeof p->why, "no quote");
		if (!sum_position(p, lots, n)) {
			snprintf(err, errlen, "%s: the lots' sums are too large", p->in.display);
			goto fail;
		}
	}
	return true;
fail:
	position_book_done(b);
	return false;
}

/* ---- valuing ----------------------------------------------------------- */

static void unvalue(struct position *p, const char *why)
{
	struct num none = { 0, 0, false };

	p->valued = false;
	p->price = p->value = p->day_pnl = p->pnl = p->pnl_pct = none;
	p->session = -1;
	p->today = false;
	p->lot_size = 0;
	p->board_lots = p->odd = 0;
	snprintf(p->why, sizeof p->why, "%s", why && *why ? why : "no quote");
}

void position_value(struct position *p, const struct quote *q, const char *why, time_t now)
{
	struct fix price, chg, basis, v, d, pnl;
	long long aq = p->qty < 0 ? -p->qty : p->qty;

	if (!q) {
		unvalue(p, why);
		return;
	}
	if (q->currency[0])
		set_currency(p, q->currency);
	if (!fix_of(q->f[QF_PRICE], &price) || price.m <= 0) {
		unvalue(p, "the quote has no price");
		return;
	}
	if (!fix_mul_int(price, p->qty, &v) || !fix_of(p->basis, &basis) ||
	    !fix_sub(v, basis, &pnl)) {
		unvalue(p, "too large to value");
		return;
	}
	p->valued = true;
	p->why[0] = '\0';
	p->price = q->f[QF_PRICE];
	p->value = fix_num(v);
	p->pnl = fix_num(pnl);
	p->pnl_pct = fix_pct(pnl, basis);
	p->day_pnl.ok = false;
	if (fix_of(q->f[QF_CHANGE], &chg) && fix_mul_int(chg, p->qty, &d))
		p->day_pnl = fix_num(d);
	p->session = -1;
	p->today = false;
	if (q->time) {
		int off = hktime_zone_offset(quotetime_zone(q), now);

		p->session = hktime_day(q->time, q->utc_offset);
		p->today = p->session == hktime_day(now, off);
	}
	p->lot_size = q->in.market == MARKET_HK ? q->lot_size : 0;
	p->board_lots = p->odd = 0;
	if (p->lot_size > 0) {
		p->board_lots = aq / p->lot_size;
		p->odd = aq % p->lot_size;
	}
}

/* ---- totals ------------------------------------------------------------ */

struct sums {
	struct fix value, day, pnl, basis, gross;
	bool ok;
};

static void total_init(struct position_total *t, const char *currency)
{
	memset(t, 0, sizeof *t);
	snprintf(t->currency, sizeof t->currency, "%s", currency);
	t->session = -1;
	t->today = true;
}

static void total_blank(struct position_total *t, const char *why)
{
	struct num none = { 0, 0, false };

	t->value = t->day_pnl = t->pnl = t->basis = t->gross = t->pnl_pct = none;
	snprintf(t->why, sizeof t->why, "%s", why);
}

static void total_set(struct position_total *t, const struct sums *s)
{
	t->value = fix_num(s->value);
	t->day_pnl = fix_num(s->day);
	t->pnl = fix_num(s->pnl);
	t->basis = fix_num(s->basis);
	t->gross = fix_num(s->gross);
	t->pnl_pct = fix_pct(s->pnl, s->gross);
}

static bool add_position(struct sums *s, const struct position *p)
{
	struct fix v, d, pl, b;

	if (!fix_of(p->value, &v) || !fix_of(p->pnl, &pl) || !fix_of(p->basis, &b))
		return false;
	if (!fix_of(p->day_pnl, &d))
		d = (struct fix){ 0, 0 };
	if (!fix_add(s->basis, b, &s->basis))
		return false;
	b.m = b.m < 0 ? -b.m : b.m; /* fix_of never gives LLONG_MIN: below 2^53 */
	return fix_add(s->value, v, &s->value) && fix_add(s->day, d, &s->day) &&
	       fix_add(s->pnl, pl, &s->pnl) && fix_add(s->gross, b, &s->gross);
}

/* Sum one currency's positions into t (and s, for the conversion). */
static void sum_currency(const struct position_book *b, struct position_total *t, struct sums *s)
{
	bool first = true;

	memset(s, 0, sizeof *s);
	s->ok = true;
	for (size_t i = 0; i < b->n; i++) {
		const struct position *p = &b->v[i];

		if (strcmp(p->currency, t->currency) != 0)
			continue;
		t->n++;
		if (!p->valued) {
			t->unvalued++;
			continue;
		}
		if (first)
			t->session = p->session;
		else if (t->session != p->session)
			t->session = -1;
		first = false;
		t->today = t->today && p->today;
		s->ok = s->ok && add_position(s, p);
	}
	if (t->unvalued) {
		char why[64];

		snprintf(why, sizeof why, "%zu position%s without a quote", t->unvalued,
			 t->unvalued == 1 ? "" : "s");
		total_blank(t, why);
		s->ok = false;
	} else if (!s->ok) {
		total_blank(t, "too large to add");
	} else {
		total_set(t, s);
	}
}

/* into = home + other x rate (rate_mul) or other / rate, to cents. */
static bool convert(const struct sums *home, const struct sums *other, struct fix rate,
		    bool mul, struct sums *into)
{
	const struct fix *h[] = { &home->value, &home->day, &home->pnl, &home->basis, &home->gross };
	const struct fix *o[] = { &other->value, &other->day, &other->pnl, &other->basis,
				  &other->gross };
	struct fix *r[] = { &into->value, &into->day, &into->pnl, &into->basis, &into->gross };

	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
		struct fix c, a;

		if (mul) {
			if (!fix_mul(*o[i], rate, POSITION_FX_DP, &c))
				return false;
		} else {
			/* other / rate = other x 10^rdp / rate.m, to cents */
			struct fix scaled = *o[i];

			if (__builtin_mul_overflow(scaled.m, p10[rate.dp], &scaled.m) ||
			    !fix_div_int(scaled, rate.m, POSITION_FX_DP, &c))
				return false;
		}
		if (!fix_at(*h[i], POSITION_FX_DP, &a) || !fix_add(a, c, r[i]))
			return false;
	}
	return true;
}

/* Is c a word of the space-separated list? */
static bool listed(const char *list, const char *c)
{
	size_t k = strlen(c);

	for (const char *w = list; *w; w += strcspn(w, " "), w += *w == ' ')
		if (strncmp(w, c, k) == 0 && (w[k] == ' ' || w[k] == '\0'))
			return true;
	return false;
}

/* The currencies other than HKD and USD in the book, each once, into buf
 * ("CNY EUR"; "..." when they do not all fit). */
static void other_currencies(const struct position_book *b, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < b->n; i++) {
		const char *c = b->v[i].currency[0] ? b->v[i].currency : "?";
		size_t k = strlen(c);

		if (!strcmp(c, "HKD") || !strcmp(c, "USD") || listed(buf, c))
			continue;
		if (n + k + 1 + 4 >= len) {
			if (n + 4 < len && !strstr(buf, "..."))
				n += (size_t)snprintf(buf + n, len - n, "%s...", n ? " " : "");
			return;
		}
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? " " : "", c);
	}
}

void position_left_out_text(const struct position_totals *t, char *buf, size_t len)
{
	if (len == 0)
		return;
	buf[0] = '\0';
	if (t->other)
		snprintf(buf, len, "%zu position%s in %s left out of the totals", t->other,
			 t->other == 1 ? "" : "s", t->other_ccy);
}

void position_totals(const struct position_book *b, struct num usdhkd, const char *fx_why,
		     struct position_totals *t)
{
	struct sums hkd, usd, both;
	struct fix rate = { 0, 0 };
	char err[POSITION_ERR_MAX];

	memset(t, 0, sizeof *t);
	total_init(&t->hkd, "HKD");
	total_init(&t->usd, "USD");
	total_init(&t->in_hkd, "HKD");
	total_init(&t->in_usd, "USD");
	sum_currency(b, &t->hkd, &hkd);
	sum_currency(b, &t->usd, &usd);
	t->other = b->n - t->hkd.n - t->usd.n;
	other_currencies(b, t->other_ccy, sizeof t->other_ccy);
	t->in_hkd.n = t->in_usd.n = t->hkd.n + t->usd.n;
	t->in_hkd.unvalued = t->in_usd.unvalued = t->hkd.unvalued + t->usd.unvalued;
	/* One date for both when one currency is empty or both are of it. */
	t->in_hkd.session = !t->usd.n ? t->hkd.session
			    : !t->hkd.n || t->hkd.session == t->usd.session ? t->usd.session : -1;
	t->in_usd.session = t->in_hkd.session;
	t->in_hkd.today = t->in_usd.today = t->hkd.today && t->usd.today;
	t->usdhkd = usdhkd;
	if (!usdhkd.ok) {
		snprintf(err, sizeof err, "%s", fx_why && *fx_why ? fx_why : "no USD/HKD rate");
		t->usdhkd.ok = false;
	} else if (!adr_check_usdhkd(usdhkd, err, sizeof err)) {
		t->usdhkd.ok = false;
	} else if (!hkd.ok || !usd.ok) {
		snprintf(err, sizeof err, "%s", !hkd.ok ? t->hkd.why : t->usd.why);
	} else if (!fix_of(usdhkd, &rate) || !fix_at(rate, 6, &rate) || rate.m <= 0) {
		snprintf(err, sizeof err, "no USD/HKD rate");
	} else {
		err[0] = '\0';
	}
	if (err[0] || !convert(&hkd, &usd, rate, true, &both)) {
		total_blank(&t->in_hkd, err[0] ? err : "too large to convert");
	} else {
		total_set(&t->in_hkd, &both);
	}
	if (err[0] || !convert(&usd, &hkd, rate, false, &both)) {
		total_blank(&t->in_usd, err[0] ? err : "too large to convert");
	} else {
		total_set(&t->in_usd, &both);
	}
}

/* ---- an ADR and its H share -------------------------------------------- */

bool position_combined(const struct position *hk, const struct position *us, int ratio,
		       struct num usdhkd, long long *shares, struct num *value_hkd, char *err,
		       size_t errlen)
{
	struct fix sum = { 0, 0 }, v, rate;
	long long ads = 0;

	value_hkd->ok = false;
	*shares = 0;
	if ((us && __builtin_mul_overflow(us->qty, (long long)ratio, &ads)) ||
	    __builtin_add_overflow(hk ? hk->qty : 0, ads, shares)) {
		snprintf(err, errlen, "too large to add");
		return false;
	}
	if (hk) {
		if (!hk->valued) {
			snprintf(err, errlen, "%s: %s", hk->in.display, hk->why);
			return false;
		}
		if (!fix_of(hk->value, &sum))
			goto large;
	}
	if (us) {
		if (!us->valued) {
			snprintf(err, errlen, "%s: %s", us->in.display, us->why);
			return false;
		}
		if (!usdhkd.ok) {
			snprintf(err, errlen, "no USD/HKD rate");
			return false;
		}
		if (!adr_check_usdhkd(usdhkd, err, errlen))
			return false;
		if (!fix_of(usdhkd, &rate) || !fix_at(rate, 6, &rate) || !fix_of(us->value, &v) ||
		    !fix_mul(v, rate, POSITION_FX_DP, &v) || !fix_add(sum, v, &sum))
			goto large;
	}
	if (!fix_at(sum, POSITION_FX_DP, &sum))
		goto large;
	*value_hkd = fix_num(sum);
	return value_hkd->ok;
large:
	snprintf(err, errlen, "too large to add");
	return false;
}
