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
#include "base/text.h"
#include "feeds/demo.h"
#include "net/series_fetch.h"
#include "feeds/quote_source.h"

#define FX_MAX_AGE_MS (60 * 1000) /* the peg moves slowly; once a minute is plenty */

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

static void on_chart(void *arg, bool ok, struct series *s, bool cancelled)
{
	struct app *app = arg;
	struct detail *d = &app->dash.detail;
	bool current;

	d->loading = false;
	if (cancelled || app->quit) {
		series_done(s);
		return;
	}
	current = d->have_in && symbol_equal(&d->fetch_in, &d->in) && d->fetch_range == d->range &&
		  app->dash.view == &view_detail;
	if (!current) {
		series_done(s);
		start_chart(app); /* the view moved on while this was in flight */
		return;
	}
	if (ok) {
		series_done(&d->s);
		d->s = *s;
		d->s_range = d->fetch_range;
		d->stale = false;
		d->err[0] = '\0';
		if (d->cursor >= (long)d->s.n)
			d->cursor = (long)d->s.n - 1;
		dash_resolved(&app->dash, MSG_CHART);
	} else {
		/* The last good chart of this ticker and range stays, marked. */
		d->stale = detail_chart_current(d);
		snprintf(d->err, sizeof d->err, "%s", s->err);
		series_done(s);
		dash_report(&app->dash, MSG_CHART, MSG_ERROR, "chart: %s", d->err);
	}
	app->dash.dirty |= REDRAW_BODY;
}

/* --demo: the simulated day's chart, written in the wire format of the
 * endpoint a live fetch would ask (5D of HK names: Tencent's day bars,
 * the second choice, for the demo has no minutes of earlier days) and
 * read by its parser. */
static void demo_chart(struct app *app)
{
	struct detail *d = &app->dash.detail;
	struct series_request req;
	struct series s;
	char *body = NULL, err[SERIES_ERR_MAX];
	size_t len = 0;
	bool ok;

	memset(&s, 0, sizeof s);
	series_begin(&s, &d->in, refresh_demo_source, 0, 0);
	ok = series_source_plan(&d->in, d->range, false, NULL, NULL, &req, err, sizeof err);
	if (ok && req.endpoint == SERIES_YAHOO_CHART && d->in.market != MARKET_US)
		ok = series_source_plan(&d->in, d->range, true, NULL, NULL, &req, err, sizeof err);
	ok = ok && demo_series_body(app->demo, dash_now(&app->dash), &d->in, &req, &body, &len,
				    err, sizeof err);
	if (ok && !series_source_parse(&req, body, len, &d->in, &s))
		/* "tencent: 9988: no minute bars yet": the parser's cause, the
		 * demo's name. */
		text_swap_source(s.err, sizeof s.err, s.source, refresh_demo_source);
	snprintf(s.source, sizeof s.source, "%s", refresh_demo_source);
	if (!ok)
		series_fail(&s, "%s", err);
	free(body);
	d->loading = true;
	d->chart_ms = app_mono_ms();
	on_chart(app, s.n > 0, &s, false);
}

static void start_chart(struct app *app)
{
	struct detail *d = &app->dash.detail;
	struct seriesfetch_config c;
	char err[SERIES_ERR_MAX];

	if (d->loading || !d->have_in || app->dash.view != &view_detail)
		return;
	config(app, &c);
	d->fetch_in = d->in;
	d->fetch_range = d->range;
	if (app->demo) {
		demo_chart(app);
		return;
	}
	if (!series_fetch_start(app->http, &c, &d->in, d->range, on_chart, app, err, sizeof err)) {
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
	struct detail *d = &app->dash.detail;

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
	app->dash.dirty |= REDRAW_BODY;
}

static void demo_other(struct app *app)
{
	struct detail *d = &app->dash.detail;
	struct quote_result res;

	memset(&res, 0, sizeof res);
	refresh_demo_quotes(app, &d->other, 1, &res);
	d->other_loading = true;
	other_done(app, &res, 1);
}

static void start_other(struct app *app)
{
	struct detail *d = &app->dash.detail;
	char err[256];

	if (!d->adr || d->other_loading || app->dash.view != &view_detail)
		return;
	if (app->demo) {
		demo_other(app);
		return;
	}
	if (quote_fetch_start(app->http, &app->fetch_cfg, &d->other, 1, other_done, app, err, sizeof err))
		d->other_loading = true;
	else
		snprintf(d->other_q.err, sizeof d->other_q.err, "%s", err);
}

/* ---- USD/HKD (the demo: its own rate) ---------------------------------- */

static void fx_done(void *arg, bool ok, struct series *s, bool cancelled)
{
	struct app *app = arg;
	struct detail *d = &app->dash.detail;

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
		app->dash.dirty |= REDRAW_BODY;
	}
	series_done(s);
}

static void start_fx(struct app *app, bool force)
{
	struct detail *d = &app->dash.detail;
	struct seriesfetch_config c;
	char err[SERIES_ERR_MAX];

	if (d->fx_loading || (app->dash.view == &view_detail ? !d->adr
			      : app->dash.view != &view_portfolio))
		return;
	if (app->demo) {
		d->fx = demo_usdhkd(app->demo);
		d->fx_time = dash_now(&app->dash);
		d->fx_err[0] = '\0';
		return;
	}
	if (!force && d->fx.ok && app_mono_ms() - d->fx_ms < FX_MAX_AGE_MS)
		return;
	config(app, &c);
	c.failover = false; /* only Yahoo has it */
	if (series_fetch_start(app->http, &c, &adr_usdhkd, SERIES_1D, fx_done, app, err,
			      sizeof err))
		d->fx_loading = true;
	else
		snprintf(d->fx_err, sizeof d->fx_err, "%s", err);
}

void detail_control_fx(struct app *app)
{
	start_fx(app, false);
}

/* ---- what the view wants ------------------------------------------------ */

#define DETAIL_1D_GAP_MS 60000     /* 1D bars are minutes */
#define DETAIL_GAP_MS 3600000      /* longer ranges: their newest bar can grow within the day */

/* What the view wants (detail.want): on a ticker shown, what is missing
 * of it; on a range changed, its chart. */
void detail_control_reconcile(struct app *app)
{
	struct detail *d = &app->dash.detail;
	unsigned want = d->want;

	d->want = 0;
	if (want & DETAIL_WANT_SHOWN) {
		/* Back on a chart kept from earlier: fetched again once it is
		 * older than its bars (a minute for 1D, an hour for the rest). */
		long long gap = d->range == SERIES_1D ? DETAIL_1D_GAP_MS : DETAIL_GAP_MS;

		if (!detail_chart_current(d) || app_mono_ms() - d->chart_ms >= gap)
			start_chart(app);
		if (!d->other_q.ok)
			start_other(app);
		start_fx(app, false);
	} else if (want & DETAIL_WANT_CHART) {
		start_chart(app);
	}
}

void detail_control_refreshed(struct app *app)
{
	struct detail *d = &app->dash.detail;

	/* (dash_resort already kept detail_row on its ticker.) */
	if (app->dash.view != &view_detail || !d->have_in)
		return;
	/* The day's chart moves with the quotes, a bar a minute: asked for
	 * again once its minute has passed, not with every periodic refresh
	 * (r asks at once). Longer ranges do not move. */
	if (!detail_chart_current(d) ||
	    (d->range == SERIES_1D &&
	     (!app->fetch_by_timer || app->demo || app_mono_ms() - d->chart_ms >= DETAIL_1D_GAP_MS)))
		start_chart(app);
	start_other(app);
	start_fx(app, false);
}
