/* demo.c - the simulated market, read from demo.tsv, answering in Tencent's
 * own wire format
 *
 * demo_sim.c draws the day; this file loads the instruments, picks the
 * day and writes what the market shows at a moment as a qt reply body. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feeds/demo.h"
#include "feeds/demo_sim.h"
#include "feeds/demo_wire.h"
#include "base/hktime.h"
#include "model/market.h"
#include "base/num.h"
#include "base/text.h"

#define DEMO_COLS 10

enum { COL_SYMBOL, COL_PREV, COL_LOT, COL_SHARES, COL_VOL, COL_EPS, COL_BVPS,
       COL_DPS, COL_NAME_EN, COL_NAME_ZH };

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- demo.tsv ----------------------------------------------------------- */

static bool span_num(struct text_span f, bool optional, struct num *out)
{
	if (optional && text_span_is(f, "-")) {
		out->ok = false;
		return true;
	}
	return num_parse(f.p, f.len, out);
}

/* Text we put between '~' and '"' must not contain either. */
static bool plain_text(struct text_span f)
{
	if (f.len == 0 || f.len >= DEMO_NAME_MAX)
		return false;
	for (size_t i = 0; i < f.len; i++)
		if ((unsigned char)f.p[i] < 0x20 || f.p[i] == 0x7f || f.p[i] == '~' ||
		    f.p[i] == '"' || f.p[i] == '\\')
			return false;
	return true;
}

static bool to_gbk(iconv_t cd, struct text_span f, char *out, size_t cap)
{
	char in[DEMO_NAME_MAX], *ip = in, *op = out;
	size_t il = f.len, ol = cap - 1;

	memcpy(in, f.p, f.len);
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		return false;
	*op = '\0';
	return true;
}

static const char *parse_row(struct demo *d, struct text_span *f, iconv_t cd,
			     struct demo_inst *s, time_t start)
{
	char sym[SYMBOL_MAX + 8], cause[128];
	struct num prev, lot, shares, vol;
	bool hk, idx;

	if (f[COL_SYMBOL].len >= sizeof sym)
		return "symbol too long";
	memcpy(sym, f[COL_SYMBOL].p, f[COL_SYMBOL].len);
	sym[f[COL_SYMBOL].len] = '\0';
	if (!symbol_parse(sym, &s->in, cause, sizeof cause))
		return "not a symbol";
	for (size_t i = 0; i < d->n; i++)
		if (symbol_equal(&d->v[i].in, &s->in))
			return "listed twice";
	s->f.market = s->in.market;
	hk = s->in.market == MARKET_HK;
	idx = s->in.market == MARKET_HK_INDEX;
	/* Tencent answers usBABA with the venue: BABA.N. */
	if (s->in.market == MARKET_US && !strchr(sym, '.'))
		return "US listings need the venue suffix Tencent replies with (.N, .OQ)";
	snprintf(s->f.reply, sizeof s->f.reply, "%s", s->in.market == MARKET_US ? sym : s->in.code);
	if (!span_num(f[COL_PREV], false, &prev) || prev.v <= 0 || prev.v > 1e6)
		return "bad previous close";
	s->f.prev = llround(prev.v * 1000);
	if (demo_sim_grid(s, (double)s->f.prev, start) != s->f.prev)
		return "previous close is off the price grid";
	if (!span_num(f[COL_LOT], !hk, &lot) || (hk && (!lot.ok || lot.v < 1 || lot.v > 1e6 ||
						       lot.v != floor(lot.v))))
		return "bad board lot";
	s->f.lot = hk ? (long)lot.v : 1;
	if (!span_num(f[COL_SHARES], idx, &shares) || (!idx && (!shares.ok || shares.v < 1)))
		return "bad share count";
	s->f.shares = shares.ok ? shares.v : 0;
	if (!span_num(f[COL_VOL], false, &vol) || vol.v <= 0 || vol.v > 20)
		return "bad volatility (percent, above 0 and at most 20)";
	s->vol = vol.v / 100;
	s->beta = idx ? 0 : clamp(s->vol / 0.016, 0.6, 1.6);
	if (!span_num(f[COL_EPS], true, &s->f.eps) || !span_num(f[COL_BVPS], true, &s->f.bvps) ||
	    !span_num(f[COL_DPS], true, &s->f.dps))
		return "bad per-share figure";
	if (!plain_text(f[COL_NAME_EN]) || !plain_text(f[COL_NAME_ZH]))
		return "bad name (empty, too long, or with ~ \" \\ or a control)";
	memcpy(s->f.name_en, f[COL_NAME_EN].p, f[COL_NAME_EN].len);
	s->f.name_en[f[COL_NAME_EN].len] = '\0';
	if (!to_gbk(cd, f[COL_NAME_ZH], s->f.name, sizeof s->f.name))
		return "Chinese name has no GBK form";
	return NULL;
}

static bool load(struct demo *d, const char *tsv, size_t len, time_t start,
		 char *err, size_t errlen)
{
	struct text_span f[DEMO_COLS];
	const char *cause;
	size_t pos = 0, lineno = 0, cap = 0;
	iconv_t cd = iconv_open("GBK", "UTF-8");
	bool ok = true;

	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, "demo data: iconv UTF-8 to GBK: %s", strerror(errno));
		return false;
	}
	while (ok && pos < len) {
		const char *line = tsv + pos, *nl = memchr(line, '\n', len - pos);
		struct text_span row = { line, nl ? (size_t)(nl - line) : len - pos };
		struct demo_inst *nv;

		pos += row.len + (nl != NULL);
		lineno++;
		if (row.len && row.p[row.len - 1] == '\r')
			row.len--;
		if (row.len == 0 || row.p[0] == '#')
			continue;
		if (d->n == cap) {
			cap = cap ? cap * 2 : 64;
			if (!(nv = realloc(d->v, cap * sizeof *nv))) {
				snprintf(err, errlen, "out of memory");
				ok = false;
				break;
			}
			d->v = nv;
		}
		memset(&d->v[d->n], 0, sizeof d->v[d->n]);
		if (text_split(row, '\t', f, DEMO_COLS) != DEMO_COLS)
			cause = "want 10 tab-separated columns";
		else
			cause = parse_row(d, f, cd, &d->v[d->n], start);
		if (cause) {
			snprintf(err, errlen, "demo data, line %zu: %s", lineno, cause);
			ok = false;
		}
		d->n++;
	}
	iconv_close(cd);
	if (ok && d->n == 0) {
		snprintf(err, errlen, "demo data: no instruments");
		ok = false;
	}
	return ok;
}

struct demo *demo_new(const char *tsv, size_t len, unsigned long seed, time_t start,
		      const struct market_calendar *cal, char *err, size_t errlen)
{
	struct demo *d = calloc(1, sizeof *d);

	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (!load(d, tsv, len, start, err, errlen)) {
		demo_free(d);
		return NULL;
	}
	d->seed = (uint64_t)seed;
	d->day = (time_t)(hktime_day(start, HKT_OFFSET) * 86400 - HKT_OFFSET);
	if (!demo_sim_build(d, cal)) {
		snprintf(err, errlen, "out of memory");
		demo_free(d);
		return NULL;
	}
	return d;
}

void demo_free(struct demo *d)
{
	if (!d)
		return;
	demo_sim_free(d);
	free(d->v);
	free(d);
}

time_t demo_pick_start(const struct market_calendar *cal, time_t now, int minute_of_day)
{
	time_t day = (time_t)(hktime_day(now, HKT_OFFSET) * 86400 - HKT_OFFSET);
	struct market_status ms;

	/* The latest full trading day: today, or the one before a weekend,
	 * a holiday or a half day. */
	for (int guard = 0; guard < 30; guard++, day -= 86400) {
		market_status(cal, day + 14 * 3600, &ms);
		if (ms.session == MARKET_AFTERNOON)
			break;
	}
	return day + minute_of_day * 60;
}

/* ---- the reply body ----------------------------------------------------- */

const struct demo_inst *demo_find(const struct demo *d, const struct instrument *in)
{
	for (size_t i = 0; i < d->n; i++)
		if (symbol_equal(&d->v[i].in, in))
			return &d->v[i];
	return NULL;
}

bool demo_body(const struct demo *d, time_t now, const struct instrument *in, size_t n,
	       char **body, size_t *len, char *err, size_t errlen)
{
	struct demo_buf b = { 0 };
	char code[SYMBOL_MAX + 8], when[32];

	*body = NULL;
	*len = 0;
	for (size_t i = 0; i < n; i++) {
		const struct demo_inst *s = demo_find(d, &in[i]);
		struct demo_figures f;
		time_t stamp = now;

		/* No code, no request: the live app would not have asked. */
		if (!symbol_tencent(&in[i], true, code, sizeof code))
			continue;
		if (s)
			demo_sim_figures(d, s, now, &f, &stamp);
		demo_wire_stamp(when, sizeof when, stamp, s && s->in.market == MARKET_US);
		demo_wire_line(&b, code, s ? &f : NULL, when);
	}
	return demo_wire_take(&b, body, len, err, errlen);
}

struct num demo_usdhkd(const struct demo *d)
{
	char text[16];
	struct num n;

	/* 7.7800 to 7.8399: near the middle of the 7.75-7.85 band */
	snprintf(text, sizeof text, "7.%04d", 7800 + (int)((d->seed * 0x9e3779b97f4a7c15ULL >> 40) % 600));
	if (!num_parse(text, strlen(text), &n))
		n.ok = false;
	return n;
}

/* ---- the demo clock ----------------------------------------------------- */

void demo_clock_init(struct demo_clock *c, time_t start, long speed, long long mono_ms)
{
	c->at = start;
	c->at_ms = mono_ms;
	c->speed = speed > 0 ? speed : 1;
	c->paused = false;
}

time_t demo_clock_now(const struct demo_clock *c, long long mono_ms)
{
	if (c->paused || mono_ms <= c->at_ms)
		return c->at;
	return c->at + (time_t)((mono_ms - c->at_ms) * c->speed / 1000);
}

/* Re-anchor at the present, so that what has run stays run. */
static void anchor(struct demo_clock *c, long long mono_ms)
{
	long long ran = mono_ms > c->at_ms ? (mono_ms - c->at_ms) * c->speed : 0;

	if (!c->paused) {
		c->at += (time_t)(ran / 1000);
		c->at_ms = mono_ms - (ran % 1000) / c->speed;
	} else {
		c->at_ms = mono_ms;
	}
}

void demo_clock_pause(struct demo_clock *c, bool pause, long long mono_ms)
{
	anchor(c, mono_ms);
	c->paused = pause;
	c->at_ms = mono_ms;
}

void demo_clock_step(struct demo_clock *c, long secs, long long mono_ms)
{
	anchor(c, mono_ms);
	c->at += secs;
}

long long demo_clock_next_minute_ms(const struct demo_clock *c, long long mono_ms)
{
	time_t now = demo_clock_now(c, mono_ms);
	long long into = mono_ms > c->at_ms ? (mono_ms - c->at_ms) * c->speed % 1000 : 0;

	if (c->paused)
		return -1;
	return ((60 - now % 60) * 1000LL - into + c->speed - 1) / c->speed;
}
