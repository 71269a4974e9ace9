/* detail_control.c - the detail view's fetches: chart, other side, USD/HKD
 *
 * One fetch of each kind at a time. An answer for a ticker or range the
 * view has moved away from is dropped and the current one asked instead,
 * so a slow reply can never paint the wrong chart. Callbacks free what
 * they are handed whatever happens, and do nothing else once the app is
 * quitting (http_free cancels transfers and calls them back). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "base/builtin.h"
#include "feeds/demo.h"
#include "model/detail.h"
#include "base/hktime.h"
#include "net/series_fetch.h"
#include "feeds/quote_source.h"

#define FX_MAX_AGE_MS (60 * 1000) /* the peg moves slowly; once a minute is plenty */

/* Yahoo's USD/HKD (HK-FACTS §5); no quote source of ours has it. */
static const struct instrument fx_instrument = { MARKET_US, "HKD=X", "USD/HKD" };

struct detail *detail_get(struct app *app)
{
	struct detail *d = app->detail;
	char err[128];

	if (d)
		return d;
	if (!(d = calloc(1, sizeof *d)))
		return NULL;
	d->range = SERIES_1D;
	d->mode = app->o->chart_style == CHART_STYLE_CANDLE ? CHART_CANDLES : CHART_LINE;
	d->cursor = -1;
	if (!adr_table_load(&d->adrs, builtin_adr, builtin_adr_len, err, sizeof err))
		app_report(app, MSG_CHART, MSG_ERROR, "adr.tsv: %s", err); /* a build bug; test-adr catches it */
	app->detail = d;
	return d;
}

bool detail_chart_current(const struct detail *d)
{
	return d->have_in && d->s.n > 0 && d->s_range == d->range && symbol_equal(&d->s.in, &d->in);
}

/* The local date of t, as "2026-08-06". */
static void local_date(time_t t, int utc_offset, char *buf, size_t len)
{
	char iso[40];

	hktime_iso8601(t, utc_offset, iso, sizeof iso);
	snprintf(buf, len, "%.10s", iso);
}

bool detail_chart_other_day(const struct detail *d, const struct quote *q, char *day, size_t len)
{
	const struct series *s = &d->s;
	char first[16], last[16], quoted[16];

	if (len > 0)
		day[0] = '\0';
	if (!q || !q->time || s->n == 0 || s->interval <= 0 || s->interval >= 86400)
		return false;
	local_date(s->v[0].t, s->utc_offset, first, sizeof first);
	local_date(s->v[s->n - 1].t, s->utc_offset, last, sizeof last);
	local_date(q->time, s->utc_offset, quoted, sizeof quoted);
	if (strcmp(first, last) != 0 || strcmp(last, quoted) == 0)
		return false; /* several days (5D), or the quote's own */
	snprintf(day, len, "%s", last);
	return true;
}

static void config(const struct app *app, struct seriesfetch_config *c)
{
	memset(c, 0, sizeof *c);
	c->tencent_base = app->o->tencent_chart_url;
	c->yahoo_base = app->o->yahoo_url;
	c->timeout_ms = app->o->timeout * 1000;
	c->max_body = (size_t)app->o->max_body;
	c->failover = app->o->chart_failover;
}

static void start_chart(struct app *app);

static void chart_done(void *arg, bool ok, struct series *s, bool cancelled)
{
	struct app *app = arg;
	struct detail *d = app->detail;
	bool current;

	d->loading = false;
	if (cancelled || app->quit) {
		series_free(s);
		return;
	}
	current = d->have_in && symbol_equal(&d->fetch_in, &d->in) && d->fetch_range == d->range &&
		  app->view == &view_detail;
	if (!current) {
		series_free(s);
		start_chart(app); /* the view moved on while this was in flight */
		return;
	}
	if (ok) {
		series_free(&d->s);
		d->s = *s;
		d->s_range = d->fetch_range;
		d->stale = false;
		d->err[0] = '\0';
		if (d->cursor >= (long)d->s.n)
			d->cursor = (long)d->s.n - 1;
		app_resolved(app, MSG_CHART);
	} else {
		/* The last good chart of this ticker and range stays, marked. */
		d->stale = detail_chart_current(d);
		snprintf(d->err, sizeof d->err, "%s", s->err);
		series_free(s);
		app_report(app, MSG_CHART, MSG_ERROR, "chart: %s", d->err);
	}
	app->dirty |= REDRAW_BODY;
}

static void start_chart(struct app *app)
{
	struct detail *d = app->detail;
	struct seriesfetch_config c;
	char err[SERIES_ERR_MAX];

	if (!d || d->loading || !d->have_in || app->demo || app->view != &view_detail)
		return;
	config(app, &c);
	d->fetch_in = d->in;
	d->fetch_range = d->range;
	if (!seriesfetch_start(app->http, &c, &d->in, d->range, chart_done, app, err, sizeof err)) {
		d->stale = detail_chart_current(d);
		snprintf(d->err, sizeof d->err, "%s", err);
		return;
	}
	d->loading = true;
	d->chart_ms = app_mono_ms();
}

/* ---- the other side of a dual listing ----------------------------------- */

static void start_other(struct app *app);

static void other_done(void *arg, const struct quote_result *res, size_t n)
{
	struct app *app = arg;
	struct detail *d = app->detail;

	d->other_loading = false;
	if (app->quit || n != 1 || !d->adr)
		return;
	if (!symbol_equal(&res[0].q.in, &d->other)) {
		start_other(app); /* the view moved on to another pair: ask for its side */
		return;
	}
	if (res[0].ok || !d->other_q.ok)
		d->other_q = res[0];
	else /* keep the last price, say why it is old */
		snprintf(d->other_q.err, sizeof d->other_q.err, "%s", res[0].err);
	app->dirty |= REDRAW_BODY;
}

static void demo_other(struct app *app)
{
	struct detail *d = app->detail;
	struct quote_result res;

	memset(&res, 0, sizeof res);
	app_demo_quotes(app, &d->other, 1, &res);
	d->other_loading = true;
	other_done(app, &res, 1);
}

static void start_other(struct app *app)
{
	struct detail *d = app->detail;
	char err[256];

	if (!d->adr || d->other_loading || app->view != &view_detail)
		return;
	if (app->demo) {
		demo_other(app);
		return;
	}
	if (fetch_quotes(app->http, &app->fetch_cfg, &d->other, 1, other_done, app, err, sizeof err))
		d->other_loading = true;
	else
		snprintf(d->other_q.err, sizeof d->other_q.err, "%s", err);
}

/* ---- USD/HKD ------------------------------------------------------------ */

static void fx_done(void *arg, bool ok, struct series *s, bool cancelled)
{
	struct app *app = arg;
	struct detail *d = app->detail;

	d->fx_loading = false;
	if (!cancelled && !app->quit) {
		if (ok) {
			d->fx = s->v[s->n - 1].close;
			d->fx_time = s->v[s->n - 1].t;
			d->fx_ms = app_mono_ms();
			d->fx_err[0] = '\0';
		} else {
			d->fx.ok = false;
			snprintf(d->fx_err, sizeof d->fx_err, "%s", s->err);
		}
		app->dirty |= REDRAW_BODY;
	}
	series_free(s);
}

static void start_fx(struct app *app, bool force)
{
	struct detail *d = app->detail;
	struct seriesfetch_config c;
	char err[SERIES_ERR_MAX];

	if (!d->adr || d->fx_loading || app->view != &view_detail)
		return;
	if (app->demo) {
		snprintf(d->fx_err, sizeof d->fx_err, "the demo has no USD/HKD");
		return;
	}
	if (!force && d->fx.ok && app_mono_ms() - d->fx_ms < FX_MAX_AGE_MS)
		return;
	config(app, &c);
	c.failover = false; /* only Yahoo has it */
	if (seriesfetch_start(app->http, &c, &fx_instrument, SERIES_1D, fx_done, app, err,
			      sizeof err))
		d->fx_loading = true;
	else
		snprintf(d->fx_err, sizeof d->fx_err, "%s", err);
}

/* ---- what the view calls ------------------------------------------------ */

#define DETAIL_1D_GAP_MS 60000     /* 1D bars are minutes */
#define DETAIL_GAP_MS 3600000      /* longer ranges: their newest bar can grow within the day */

void detail_show(struct app *app, const struct instrument *in)
{
	struct detail *d = detail_get(app);
	const struct adr *a;

	if (!d)
		return;
	if (!d->have_in || !symbol_equal(&d->in, in)) {
		d->in = *in;
		d->have_in = true;
		d->cursor = -1;
		d->stale = false;
		d->err[0] = '\0';
	}
	/* The other side of the pair, worked out from this ticker: both sides
	 * of a pair find the same table row, so the row alone cannot tell. */
	a = adr_find(&d->adrs, in);
	if (a) {
		struct instrument other = symbol_equal(&a->us, in) ? a->hk : a->us;
		if (a != d->adr || !symbol_equal(&other, &d->other)) {
			d->other = other;
			memset(&d->other_q, 0, sizeof d->other_q);
		}
	} else if (d->adr) {
		memset(&d->other_q, 0, sizeof d->other_q);
	}
	d->adr = a;
	/* Back on a chart kept from earlier: fetched again once it is older
	 * than its bars (a minute for 1D, an hour for the rest). */
	if (!detail_chart_current(d) ||
	    app_mono_ms() - d->chart_ms >= (d->range == SERIES_1D ? DETAIL_1D_GAP_MS : DETAIL_GAP_MS))
		start_chart(app);
	if (!d->other_q.ok)
		start_other(app);
	start_fx(app, false);
}

void detail_set_range(struct app *app, enum series_range r)
{
	struct detail *d = detail_get(app);

	if (!d || d->range == r)
		return;
	d->range = r;
	d->cursor = -1;
	d->stale = false;
	d->err[0] = '\0';
	start_chart(app);
}

void detail_refreshed(struct app *app)
{
	struct detail *d = app->detail;

	/* (app_resort already kept detail_row on its ticker.) */
	if (!d || app->view != &view_detail || !d->have_in)
		return;
	/* The day's chart moves with the quotes, a bar a minute: asked for
	 * again once its minute has passed, not with every periodic refresh
	 * (r asks at once). Longer ranges do not move. */
	if (!detail_chart_current(d) ||
	    (d->range == SERIES_1D &&
	     (!app->fetch_by_timer || app_mono_ms() - d->chart_ms >= DETAIL_1D_GAP_MS)))
		start_chart(app);
	start_other(app);
	start_fx(app, false);
}

void detail_free(struct app *app)
{
	struct detail *d = app->detail;

	if (!d)
		return;
	series_free(&d->s);
	adr_table_free(&d->adrs);
	free(d);
	app->detail = NULL;
}
