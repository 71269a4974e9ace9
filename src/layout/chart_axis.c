/* chart_axis.c - the chart's axes: the 1D session axis, price labels, time labels, the cursor's label
 *
 * A day of intraday bars (1D) is placed by time on a fixed session axis,
 * 09:30-12:00 and 13:00-16:10 HKT (09:30-12:10 on a half day) or the US
 * listing's 09:30-16:00, so two minutes of bars take two minutes of width
 * wherever they fall and the time labels sit on round ticks. Longer
 * ranges label where a session, day, month or year begins. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"
#include "layout/chart_ctx.h"
#include "base/fmt.h"
#include "base/hktime.h"

#define DAY_S 86400
#define LABEL_MAX_HM 5    /* "09:30" */

/* ---- the 1D session axis ------------------------------------------------ */

/* A trading session, in local seconds after midnight: [open, close]. */
struct session {
	long open, close;
};

/* The sessions of a day, by market (HK-FACTS §3a: the closing auction
 * runs to 16:10 at the latest). */
static const struct market_sessions {
	size_t n;
	struct session v[MAX_SESSIONS];
} hk_sessions = { 2, { { 9 * 3600L + 30 * 60, 12 * 3600L }, { 13 * 3600L, 16 * 3600L + 10 * 60 } } },
  hk_half_sessions = { 1, { { 9 * 3600L + 30 * 60, 12 * 3600L + 10 * 60 } } },
  us_sessions = { 1, { { 9 * 3600L + 30 * 60, 16 * 3600L } } };

/* Round times a 1D axis may label, finest first: 30 minutes, 1 or 2 hours. */
static const long tick_steps[] = { 1800, 3600, 7200 };

static long long local_day(const struct series *s, size_t i)
{
	return hktime_day(s->v[i].t, s->utc_offset);
}

/* Seconds after local midnight of t. */
static long local_secs(const struct series *s, time_t t)
{
	return hktime_second_of_day(t, s->utc_offset);
}

/* The sessions to lay a series out on, or NULL: only a day of intraday
 * bars of a market whose sessions are known. */
const struct market_sessions *chart_axis_day(const struct series *s, bool half_day)
{
	if (s->n == 0 || s->interval <= 0 || s->interval >= DAY_S ||
	    local_day(s, 0) != local_day(s, s->n - 1))
		return NULL;
	if (s->in.market == MARKET_US)
		return &us_sessions;
	return half_day ? &hk_half_sessions : &hk_sessions;
}

/* Share the columns among the sessions by their length, one blank column
 * between two when there is room for it. */
static void place_sessions(struct chart_ctx *k)
{
	const struct market_sessions *d = k->day;
	long total = 0, before = 0;
	int gapw = k->c->plot_width >= 4 * (int)d->n ? 1 : 0;
	int avail = k->c->plot_width - (int)(d->n - 1) * gapw;

	for (size_t j = 0; j < d->n; j++)
		total += d->v[j].close - d->v[j].open;
	for (size_t j = 0; j < d->n; j++) {
		long len = d->v[j].close - d->v[j].open;
		k->seg_cs[j] = (int)(avail * before / total) + (int)j * gapw;
		before += len;
		k->seg_ce[j] = (int)(avail * before / total) + (int)j * gapw;
		if (k->seg_ce[j] <= k->seg_cs[j])
			k->seg_ce[j] = k->seg_cs[j] + 1;
	}
}

/* The sub-column of a local time on the session axis: in the session it
 * falls in (or the last one begun; before the first, the first), in
 * proportion to its time there. */
static int session_x(const struct chart_ctx *k, long secs)
{
	const struct market_sessions *d = k->day;
	size_t j = 0;
	long span;
	int x0, w;

	while (j + 1 < d->n && secs >= d->v[j + 1].open)
		j++;
	x0 = k->seg_cs[j] * k->xres;
	w = (k->seg_ce[j] - k->seg_cs[j]) * k->xres;
	span = d->v[j].close - d->v[j].open;
	if (secs <= d->v[j].open)
		return x0;
	if (secs >= d->v[j].close)
		return x0 + w - 1;
	return x0 + (int)((long long)(secs - d->v[j].open) * w / span);
}

void chart_axis_place_by_time(struct chart_ctx *k)
{
	place_sessions(k);
	for (size_t i = 0; i < k->s->n; i++)
		k->px[i] = session_x(k, local_secs(k->s, k->s->v[i].t));
}

/* ---- labels ------------------------------------------------------------ */

void chart_axis_draw_price(struct chart_ctx *k)
{
	struct chart *c = k->c;
	int last = c->price_rows - 1, pr = -1, mid = last / 2, x = c->plot_width + 1;
	char buf[LABEL_MAX];

	if (c->plot_width == c->width)
		return;
	chart_price_label(k, k->hi, buf, sizeof buf);
	chart_put_text(c, x, 0, buf, CHART_AXIS);
	if (last > 0) {
		chart_price_label(k, k->lo, buf, sizeof buf);
		chart_put_text(c, x, last, buf, CHART_AXIS);
	}
	if (k->prev.ok && (pr = chart_ypix(k, k->prev.v) / k->yres) > 0 && pr < last) {
		num_format(k->prev, buf, sizeof buf);
		chart_put_text(c, x, pr, buf, CHART_PREV_CLOSE);
	}
	if (c->price_rows >= 5 && mid > 1 && mid < last - 1 && abs(mid - pr) > 1) {
		int y = mid * k->yres + (k->yres - 1) / 2;
		chart_price_label(k, k->hi - (k->hi - k->lo) * y / (c->price_rows * k->yres - 1), buf,
			    sizeof buf);
		chart_put_text(c, x, mid, buf, CHART_AXIS);
	}
}

enum label_kind { LABEL_HM, LABEL_MD, LABEL_YM };

/* The bar's local time as the axis shows it, from its ISO 8601 form. */
static void time_label(const struct series *s, size_t i, enum label_kind kind, char *buf,
		       size_t len)
{
	char iso[40];

	hktime_iso8601(s->v[i].t, s->utc_offset, iso, sizeof iso);
	snprintf(buf, len, "%.*s", kind == LABEL_YM ? 7 : 5,
		 iso + (kind == LABEL_HM ? 11 : kind == LABEL_MD ? 5 : 0));
}

/* Put a label at column x (where it fits whole) unless it would crowd one
 * already placed. */
static void place_label(struct chart_ctx *k, char *used, int x, const char *buf)
{
	struct chart *c = k->c;
	int len = (int)strlen(buf);

	for (int j = x > 0 ? x - 1 : x; j <= x + len && j < c->plot_width; j++)
		if (used[j])
			return;
	memset(used + x, 1, (size_t)len);
	chart_put_text(c, x, c->time_row, buf, CHART_AXIS);
}

/* A label at bar i, moved left to fit at the right edge. */
static void try_label(struct chart_ctx *k, char *used, size_t i, enum label_kind kind)
{
	char buf[LABEL_MAX];
	int len, x;

	time_label(k->s, i, kind, buf, sizeof buf);
	len = (int)strlen(buf);
	x = k->px[i] / k->xres;
	if (x + len > k->c->plot_width)
		x = k->c->plot_width - len;
	if (x >= 0)
		place_label(k, used, x, buf);
}

/* A label at sub-column px unless it would crowd one already placed or
 * run past the plot: on a session axis a label sits on its tick or not
 * at all. */
static void label_at(struct chart_ctx *k, char *used, int px, const char *buf)
{
	int x = px / k->xres;

	if (x >= 0 && x + (int)strlen(buf) <= k->c->plot_width)
		place_label(k, used, x, buf);
}

/* The 1D axis: each session's open, then round times a step apart, the
 * finest step whose labels do not crowd one another. */
static void draw_session_axis(struct chart_ctx *k, char *used)
{
	const struct market_sessions *d = k->day;
	long step = tick_steps[sizeof tick_steps / sizeof tick_steps[0] - 1];
	char buf[LABEL_MAX];

	for (size_t i = 0; i < sizeof tick_steps / sizeof tick_steps[0]; i++) {
		bool fits = true;
		for (size_t j = 0; j < d->n && fits; j++)
			fits = (long long)(k->seg_ce[j] - k->seg_cs[j]) * tick_steps[i] >=
			       (long long)(LABEL_MAX_HM + 1) * (d->v[j].close - d->v[j].open);
		if (fits) {
			step = tick_steps[i];
			break;
		}
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t j = 0; j < d->n; j++) {
			long t = pass == 0 ? d->v[j].open : (d->v[j].open / step + 1) * step;
			for (; t <= d->v[j].close; t += step) {
				snprintf(buf, sizeof buf, "%02ld:%02ld", t / 3600, t / 60 % 60);
				label_at(k, used, session_x(k, t), buf);
				if (pass == 0)
					break;
			}
		}
}

void chart_axis_draw_time(struct chart_ctx *k)
{
	const struct series *s = k->s;
	char *used, a[LABEL_MAX], b[LABEL_MAX];
	enum label_kind kind;
	bool intraday = s->interval > 0 && s->interval < 86400;

	if (k->c->time_row < 0 || !(used = calloc((size_t)k->c->plot_width, 1)))
		return;
	if (k->day) {
		draw_session_axis(k, used);
		free(used);
		return;
	}
	if (intraday)
		kind = local_day(s, 0) == local_day(s, s->n - 1) ? LABEL_HM : LABEL_MD;
	else
		kind = s->v[s->n - 1].t - s->v[0].t <= 400 * 86400LL ? LABEL_MD : LABEL_YM;
	try_label(k, used, 0, kind);
	/* then where a session, day, month or year begins; then full hours */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 1; i < s->n; i++) {
			bool mark;
			if (pass == 0 && intraday) {
				mark = series_gap_before(s, i) &&
				       (kind == LABEL_HM || local_day(s, i) != local_day(s, i - 1));
			} else if (pass == 1 && kind == LABEL_HM) {
				mark = ((long long)s->v[i].t + s->utc_offset) % 3600 == 0;
			} else if (pass == 0) {
				time_label(s, i - 1, LABEL_YM, a, sizeof a);
				time_label(s, i, LABEL_YM, b, sizeof b);
				mark = kind == LABEL_MD ? strcmp(a, b) != 0 : strncmp(a, b, 4) != 0;
			} else {
				mark = false;
			}
			if (mark)
				try_label(k, used, i, kind);
		}
	free(used);
}

int chart_axis_cursor_label(const struct series *s, size_t idx, enum names_lang lang,
		       char *buf, size_t len)
{
	char when[40], o[32], h[32], l[32], c[32], v[FMT_AMOUNT_SIZE + 4] = "";
	const struct bar *b;

	if (len > 0)
		buf[0] = '\0';
	if (idx >= s->n)
		return 0;
	b = &s->v[idx];
	hktime_iso8601(b->t, s->utc_offset, when, sizeof when);
	when[s->interval > 0 && s->interval < 86400 ? 16 : 10] = '\0';
	if (when[10] == 'T')
		when[10] = ' ';
	if (b->volume.ok) {
		memcpy(v, "  V ", 5);
		fmt_amount(b->volume.v, lang, v + 4, sizeof v - 4);
	}
	num_format(b->close, c, sizeof c);
	if (!s->ohlc)
		return snprintf(buf, len, "%s  %s%s", when, c, v);
	num_format(b->open, o, sizeof o);
	num_format(b->high, h, sizeof h);
	num_format(b->low, l, sizeof l);
	return snprintf(buf, len, "%s  O %s H %s L %s C %s%s", when, o, h, l, c, v);
}
