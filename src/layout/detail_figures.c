/* detail_figures.c - the detail view's figures, ADR parity lines, the
 * 52-week bar: text from quotes, nothing drawn */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout/detail_figures.h"
#include "base/fmt.h"
#include "base/hktime.h"
#include "model/market.h"

enum kind { K_PRICE, K_SIGNED, K_PCT_SIGNED, K_AMOUNT, K_PLAIN, K_PCT };

/* The figures straight from the quote, in reading order. */
static const struct figure {
	const char *label;
	enum quote_field field;
	enum kind kind;
} figures[] = {
	{ "Last", QF_PRICE, K_PRICE },          { "Change", QF_CHANGE, K_SIGNED },
	{ "Change %", QF_CHANGE_PCT, K_PCT_SIGNED }, { "Open", QF_OPEN, K_PRICE },
	{ "High", QF_HIGH, K_PRICE },           { "Low", QF_LOW, K_PRICE },
	{ "Prev close", QF_PREV_CLOSE, K_PRICE }, { "VWAP", QF_VWAP, K_PRICE },
	{ "Volume", QF_VOLUME, K_AMOUNT },      { "Turnover", QF_TURNOVER, K_AMOUNT },
	{ "Amplitude", QF_AMPLITUDE, K_PCT },   { "52w high", QF_HIGH_52W, K_PRICE },
	{ "52w low", QF_LOW_52W, K_PRICE },     { "Market cap", QF_MARKET_CAP, K_AMOUNT },
	{ "P/E", QF_PE, K_PLAIN },              { "P/B", QF_PB, K_PLAIN },
	{ "Div yield", QF_DIV_YIELD, K_PCT },   { "Bid", QF_BID, K_PRICE },
	{ "Ask", QF_ASK, K_PRICE },
};

static enum fig_tone dir_tone(struct num n)
{
	return !n.ok ? FIG_PLAIN : n.v > 0 ? FIG_UP : n.v < 0 ? FIG_DOWN : FIG_FLAT;
}

static struct fig_line *add(struct fig_line *out, size_t *n, size_t max, const char *label,
			    enum fig_tone tone)
{
	struct fig_line *l;

	if (*n >= max)
		return NULL;
	l = &out[(*n)++];
	snprintf(l->label, sizeof l->label, "%s", label);
	l->value[0] = '\0';
	l->tone = (unsigned char)tone;
	return l;
}

int detail_figures_grouped(double v, int dp, char *buf, size_t len)
{
	char raw[64], out[96];
	const char *p = raw, *dot;
	size_t o = 0, digits;

	if (!isfinite(v) || fabs(v) >= 1e18) {
		if (len)
			buf[0] = '\0';
		return 0;
	}
	snprintf(raw, sizeof raw, "%.*f", dp < 0 ? 0 : dp > 6 ? 6 : dp, v);
	if (*p == '-')
		out[o++] = *p++;
	dot = strchr(p, '.');
	digits = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < digits; i++) {
		if (i && (digits - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = p[i];
	}
	snprintf(out + o, sizeof out - o, "%s", p + digits);
	return snprintf(buf, len, "%s", out);
}

int detail_figures_range_bar(struct num lo, struct num hi, struct num price, int width, bool utf8,
		     char *buf, size_t len)
{
	int inner = width - 2, at, o = 0;
	double f;

	if (len)
		buf[0] = '\0';
	if (!lo.ok || !hi.ok || !price.ok || !(hi.v > lo.v) || width < 3 || width > 64)
		return 0;
	f = (price.v - lo.v) / (hi.v - lo.v);
	f = f < 0 ? 0 : f > 1 ? 1 : f;
	at = (int)lround(f * (inner - 1));
	o += snprintf(buf + o, len - (size_t)o, "%s", utf8 ? "├" : "|");
	for (int i = 0; i < inner && (size_t)o < len; i++)
		o += snprintf(buf + o, len - (size_t)o, "%s",
			      i == at ? (utf8 ? "●" : "o") : (utf8 ? "─" : "-"));
	if ((size_t)o < len)
		o += snprintf(buf + o, len - (size_t)o, "%s %.0f%%", utf8 ? "┤" : "|", f * 100);
	return o;
}

/* VWAP: turnover over volume when the quote has both (an index has
 * neither in shares), else the average the source printed. */
static struct num vwap(const struct quote *q)
{
	struct num t = q->f[QF_TURNOVER], v = q->f[QF_VOLUME], p = q->f[QF_PRICE];

	if (q->in.market != MARKET_HK_INDEX && t.ok && v.ok && v.v > 0 && t.v > 0)
		return (struct num){ t.v / v.v, p.ok && p.dp > 0 ? p.dp : 3, true };
	return q->f[QF_VWAP];
}

static void format_figure(const struct figure *f, struct num n, const struct quote *q,
			  enum names_lang lang, struct fig_line *l)
{
	switch (f->kind) {
	case K_SIGNED:
		fmt_signed(n, "", l->value, sizeof l->value);
		l->tone = (unsigned char)dir_tone(n);
		break;
	case K_PCT_SIGNED:
		fmt_signed(n, "%", l->value, sizeof l->value);
		l->tone = (unsigned char)dir_tone(n);
		break;
	case K_AMOUNT:
		fmt_amount(n.v, lang, l->value, sizeof l->value);
		/* Money in another currency says which (a US listing's cap). */
		if ((f->field == QF_MARKET_CAP || f->field == QF_TURNOVER) && q->currency[0] &&
		    strcmp(q->currency, "HKD") != 0)
			snprintf(l->value + strlen(l->value), sizeof l->value - strlen(l->value), " %s",
				 q->currency);
		break;
	case K_PCT:
		fmt_num(n, l->value, sizeof l->value);
		strncat(l->value, "%", sizeof l->value - strlen(l->value) - 1);
		break;
	case K_PRICE:
	case K_PLAIN:
		fmt_num(n, l->value, sizeof l->value);
		break;
	}
}

size_t detail_figures(const struct quote *q, time_t now, enum names_lang lang, bool utf8,
		      struct fig_line *out, size_t max)
{
	struct num price = q->f[QF_PRICE];
	struct fig_line *l;
	size_t n = 0;

	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		const struct figure *f = &figures[i];
		struct num v = f->field == QF_VWAP ? vwap(q) : q->f[f->field];

		if (!v.ok || !(l = add(out, &n, max, f->label, FIG_PLAIN)))
			continue;
		format_figure(f, v, q, lang, l);
		if (f->field == QF_LOW_52W && (l = add(out, &n, max, "52w range", FIG_DIM)))
			detail_figures_range_bar(v, q->f[QF_HIGH_52W], price, 12, utf8, l->value,
					 sizeof l->value);
		if (l && !l->value[0])
			n--; /* no bar to draw: no line */
	}
	if (q->lot_size > 0 && (l = add(out, &n, max, "Board lot", FIG_PLAIN))) {
		char val[48] = "";
		if (price.ok)
			detail_figures_grouped(price.v * (double)q->lot_size, 2, val, sizeof val);
		snprintf(l->value, sizeof l->value, "%ld%s%s%s%s", q->lot_size,
			 val[0] ? " = " : "", val, val[0] && q->currency[0] ? " " : "",
			 val[0] ? q->currency : "");
	}
	/* The spread table is HKEX's, for HK equities only. */
	if (q->in.market == MARKET_HK && price.ok && market_tick_size(price.v, now) > 0 &&
	    (l = add(out, &n, max, "Tick size", FIG_PLAIN)))
		snprintf(l->value, sizeof l->value, "%.3f", market_tick_size(price.v, now));
	return n;
}

/* "1m old" (AHEAD when the clock is behind it) and the ISO stamp. */
static void stamp_age(time_t t, int utc_offset, time_t now, char *age_buf, size_t age_len,
		      char *iso, size_t iso_len)
{
	char age[24];
	long secs = (long)(now - t);

	hktime_iso8601(t, utc_offset, iso, iso_len);
	fmt_age(secs < 0 ? -secs : secs, age, sizeof age);
	snprintf(age_buf, age_len, "%s %s", age, secs < 0 ? "AHEAD of this clock" : "old");
}

int detail_figures_quote_line(const struct quote *q, time_t now, char *buf, size_t len)
{
	char iso[40], age[48];

	stamp_age(q->time, q->utc_offset, now, age, sizeof age, iso, sizeof iso);
	return snprintf(buf, len, "Quote %s, %s, from %s", iso, age, q->source ? q->source : "?");
}

size_t detail_figures_adr_lines(const struct adr *a, struct adr_side hk, struct adr_side us,
			const struct adr_fx *fx, time_t now, struct fig_line *out, size_t max)
{
	struct adr_parity par;
	struct fig_line *l;
	char label[24], iso[40], age[48], p[32], err[160];
	size_t n = 0;
	bool fx_ok;

	snprintf(label, sizeof label, "ADR %s", a->us.display);
	if ((l = add(out, &n, max, label, FIG_PLAIN))) {
		if (us.q) {
			fmt_num(us.q->f[QF_PRICE], p, sizeof p);
			stamp_age(us.q->time, us.q->utc_offset, now, age, sizeof age, iso, sizeof iso);
			snprintf(l->value, sizeof l->value, "%s %s, %s, %s %s; 1 ADS = %d x %s", p,
				 us.q->currency[0] ? us.q->currency : "USD", age,
				 us.q->source ? us.q->source : "?", iso, a->ratio, a->hk.display);
		} else {
			snprintf(l->value, sizeof l->value, "%s",
				 us.err && us.err[0] ? us.err : "fetching...");
			l->tone = us.err && us.err[0] ? FIG_ERROR : FIG_DIM;
		}
	}
	fx_ok = fx->rate.ok && adr_check_usdhkd(fx->rate, err, sizeof err);
	if ((l = add(out, &n, max, "USD/HKD", FIG_PLAIN))) {
		if (fx_ok) {
			fmt_num(fx->rate, p, sizeof p);
			stamp_age(fx->time, 0, now, age, sizeof age, iso, sizeof iso);
			snprintf(l->value, sizeof l->value, "%s, %s, %s %s", p, age,
				 fx->source ? fx->source : "?", iso);
		} else {
			/* Never a made-up rate: no parity without a live one. */
			snprintf(l->value, sizeof l->value, "no live rate: %s",
				 fx->rate.ok ? err : fx->err && fx->err[0] ? fx->err : "fetching...");
			l->tone = FIG_ERROR;
		}
	}
	if (!fx_ok || !us.q || !(l = add(out, &n, max, "Parity", FIG_PLAIN)))
		return n;
	if (!adr_parity(a, us.q->f[QF_PRICE], fx->rate, hk.q ? hk.q->f[QF_PRICE] : (struct num){ 0 },
			&par, err, sizeof err) && !par.hk_equiv.ok) {
		snprintf(l->value, sizeof l->value, "%s", err);
		l->tone = FIG_ERROR;
		return n;
	}
	fmt_num(par.hk_equiv, p, sizeof p);
	if (par.premium.ok && hk.q) {
		char pct[32], hkp[32];
		fmt_signed(par.premium, "%", pct, sizeof pct);
		fmt_num(hk.q->f[QF_PRICE], hkp, sizeof hkp);
		snprintf(l->value, sizeof l->value, "%s HKD a share; %s at %s is %s (%s)", p,
			 a->hk.display, hkp, pct,
			 par.premium.v > 0 ? "premium" : par.premium.v < 0 ? "discount" : "at par");
		l->tone = (unsigned char)dir_tone(par.premium);
		if (hk.stale || us.stale) {
			/* An old price on either side: the premium is as old. */
			const struct adr_side *old = hk.stale ? &hk : &us;
			size_t k = strlen(l->value);
			snprintf(l->value + k, sizeof l->value - k, "; STALE: %s",
				 old->err && old->err[0] ? old->err : "old quote");
			l->tone = FIG_DIM;
		}
	} else {
		snprintf(l->value, sizeof l->value, "%s HKD a share; %s: %s", p, a->hk.display,
			 hk.err && hk.err[0] ? hk.err : "no price");
	}
	return n;
}

bool detail_figures_held_line(const struct adr *a, const struct position *hk_pos,
			      const struct position *us_pos, struct adr_side hk, struct adr_side us,
			      const struct adr_fx *fx, time_t now, struct fig_line *out)
{
	struct position h, u;
	struct num value;
	long long shares;
	char parts[160] = "", v[48], err[POSITION_ERR_MAX];
	size_t n = 0;

	if (!hk_pos && !us_pos)
		return false;
	memset(out, 0, sizeof *out);
	snprintf(out->label, sizeof out->label, "Held");
	if (hk_pos) {
		h = *hk_pos;
		position_value(&h, hk.q, hk.err, now);
		n += (size_t)snprintf(parts + n, sizeof parts - n, "%s %lld", a->hk.display, h.qty);
	}
	if (us_pos) {
		u = *us_pos;
		position_value(&u, us.q, us.err, now);
		snprintf(parts + n, sizeof parts - n, "%s%s %lld ADS (%lld sh)", n ? " + " : "",
			 a->us.display, u.qty, u.qty * a->ratio);
	}
	if (!position_combined(hk_pos ? &h : NULL, us_pos ? &u : NULL, a->ratio, fx->rate, &shares,
			       &value, err, sizeof err)) {
		snprintf(out->value, sizeof out->value, "%s = %lld sh; %.140s", parts, shares, err);
		out->tone = FIG_DIM;
		return true;
	}
	detail_figures_grouped(value.v, value.dp, v, sizeof v);
	snprintf(out->value, sizeof out->value, "%s = %lld sh, HKD %s", parts, shares, v);
	return true;
}
