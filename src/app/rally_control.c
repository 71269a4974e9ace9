/* rally_control.c - the rally board's minute series: asked for with the
 * quote refreshes while the board is shown, handed to the view through
 * the dash (dash->rally) */
#include "config.h"

#include <stdlib.h>

#include "app/app.h"

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

static void changed(void *arg)
{
	struct app *app = arg;

	sync(app);
	app->dash.dirty |= REDRAW_BODY;
}

void rally_control_init(struct app *app)
{
	minute_fetch_init(&app->intra, app->http, app->o->tencent_chart_url, app->o->timeout * 1000,
		      (size_t)app->o->max_body, cut, changed, app);
	sync(app);
}

/* While the board is shown, quote refreshes also refresh the minute
 * series of its instruments (called by refresh_start). */
void rally_control_refresh(struct app *app)
{
	struct instrument *v;
	size_t n, m = 0;

	if (!app->dash.rally.shown || app->dash.view != &view_heatmap || app->demo)
		return;
	if (app->intra.inflight || app->intra.next < app->intra.n)
		return; /* the last round is still going */
	/* Minute bars change once a minute: the periodic refresh asks for them
	 * no more often, sparing the service a request a name every few
	 * seconds; a refresh the trader asks for (r) always goes. */
	if (app->refresh_by_timer && app->round_ms &&
	    app_mono_ms() - app->round_ms < INTRADAY_MIN_GAP_MS)
		return;
	if (!board_instruments(&app->dash.board, &v, &n))
		return;
	for (size_t i = 0; i < n; i++)
		if (v[i].market != MARKET_US) /* US minutes are another endpoint and another day */
			v[m++] = v[i];
	if (minute_fetch_set(&app->intra, v, m)) {
		app->round_ms = app_mono_ms();
		minute_fetch_refresh(&app->intra);
	}
	sync(app);
	free(v);
}

void rally_control_done(struct app *app)
{
	minute_fetch_done(&app->intra);
	sync(app);
}
