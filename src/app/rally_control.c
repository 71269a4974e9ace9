/* rally_control.c - the rally board's minute series: asked for with the
 * quote refreshes while the board is shown, handed to the view through
 * the dash (dash->rally)
 *
 * A round asks for the rows in sight first, stops when the board is
 * left (what is in flight still lands), and the next periodic one waits
 * a minute after the last ended: a round longer than the gap never
 * leaves the board without an idle spell. */
#include "config.h"

#include <stdlib.h>

#include "app/app.h"
#include "feeds/demo.h"

#define INTRADAY_MIN_GAP_MS 60000

/* The view's copy of the series: after every change of app->intra (its
 * array moves when the board's instruments change). */
static void sync(struct app *app)
{
	struct dash_rally *r = &app->dash.rally;

	r->v = app->intra.v;
	r->n = app->intra.n;
	r->ix = &app->intra.ix;
	r->failed = app->intra.failed;
	r->first_err = app->intra.first_err;
	r->inflight = app->intra.inflight > 0;
}

/* The watchlist shows the spark column: the rows in sight want their
 * minute series, and no others. */
static bool sparks(const struct app *app)
{
	return app->dash.view == &view_watchlist && columns_shown(&app->dash.cols.at, COL_SPARK);
}

static bool wanted(const struct app *app)
{
	return (app->dash.rally.shown && app->dash.view == &view_heatmap) || sparks(app);
}

/* A series came: cut it into the board's columns as they are now. */
static bool cut(void *arg, struct intraday_entry *e, const struct series *s)
{
	struct app *app = arg;
	struct market_status ms = { 0 };

	if (s->n)
		market_status(&app->dash.cal, s->v[s->n - 1].t, &ms);
	return intraday_entry_set(e, s, dash_now(&app->dash), (int)app->dash.set.heatmap_bucket * 60,
				  ms.half_day);
}

/* Only the dirty flag: however many replies a loop pass brings, the loop
 * draws once. */
static void changed(void *arg)
{
	struct app *app = arg;

	sync(app);
	app->dash.dirty |= REDRAW_BODY;
	if (!minute_fetch_running(&app->intra)) {
		app->round_end_ms = app_mono_ms();
		if (app->rally_cut_short && wanted(app))
			rally_control_refresh(app);
	}
}

/* --demo: the simulated day's minutes, in Tencent's minute format. */
static bool demo_serve(void *arg, const struct instrument *in, char **body, size_t *len,
		       char *err, size_t errlen)
{
	struct app *app = arg;
	struct series_request req = { .endpoint = SERIES_TENCENT_MINUTE, .range = SERIES_1D };

	return demo_series_body(app->demo, dash_now(&app->dash), in, &req, body, len, err, errlen);
}

void rally_control_init(struct app *app)
{
	minute_fetch_init(&app->intra, app->http, app->o->tencent_chart_url, app->o->timeout * 1000,
		      (size_t)app->o->max_body, cut, changed, app);
	if (app->demo) {
		app->intra.serve = demo_serve;
		app->intra.serve_arg = app;
		app->intra.serve_name = refresh_demo_source;
	}
	sync(app);
}

/* The board's HK rows, those the view last showed first; for the
 * sparklines, those only. */
static bool round_list(struct app *app, struct instrument **out, size_t *n)
{
	const struct board *b = &app->dash.board;
	const struct dash_rally *r = &app->dash.rally;
	struct instrument *v = malloc((b->n ? b->n : 1) * sizeof *v);
	bool *taken = calloc(b->n ? b->n : 1, sizeof *taken);

	*n = 0;
	if (!v || !taken) {
		free(v);
		free(taken);
		return false;
	}
	for (size_t k = 0; k < r->nfirst + (sparks(app) ? 0 : b->n); k++) {
		long i = k < r->nfirst ? r->first[k] : (long)(k - r->nfirst);
		/* US minutes are another endpoint and another day. */
		if (i < 0 || (size_t)i >= b->n || taken[i] || b->rows[i].in.market == MARKET_US)
			continue;
		taken[i] = true;
		v[(*n)++] = b->rows[i].in;
	}
	free(taken);
	*out = v;
	return true;
}

/* A minute of the clock the bars follow: the demo's runs demo.speed
 * times as fast. */
static long long min_gap_ms(const struct app *app)
{
	return app->demo ? INTRADAY_MIN_GAP_MS / app->demo_clock.speed : INTRADAY_MIN_GAP_MS;
}

/* While the board is shown, quote refreshes also refresh the minute
 * series of its instruments (called by refresh_start). */
void rally_control_refresh(struct app *app)
{
	struct instrument *v;
	size_t n;

	if (!wanted(app))
		return;
	if (minute_fetch_running(&app->intra))
		return; /* the last round is still going */
	/* Minute bars change once a minute: the periodic refresh asks for them
	 * no more often, sparing the service a request a name every few
	 * seconds; a refresh the trader asks for (r) always goes, and so does
	 * the round of a board come back to. */
	if (app->refresh_by_timer && !app->rally_cut_short && app->round_end_ms &&
	    app_mono_ms() - app->round_end_ms < min_gap_ms(app))
		return;
	if (!round_list(app, &v, &n))
		return;
	if (minute_fetch_set(&app->intra, v, n)) {
		app->rally_cut_short = false;
		minute_fetch_refresh(&app->intra);
	}
	sync(app);
	free(v);
}

void rally_control_reconcile(struct app *app)
{
	if (wanted(app)) {
		if (app->rally_cut_short)
			rally_control_refresh(app); /* once the stopped round's replies are in */
		return;
	}
	if (!minute_fetch_running(&app->intra) || app->intra.next >= app->intra.n)
		return;
	minute_fetch_stop(&app->intra);
	app->rally_cut_short = true;
	if (!minute_fetch_running(&app->intra))
		app->round_end_ms = app_mono_ms();
	sync(app);
}

void rally_control_done(struct app *app)
{
	minute_fetch_done(&app->intra);
	sync(app);
}
