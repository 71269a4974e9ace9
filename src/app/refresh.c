/* refresh.c - quote refreshes: what to ask, when, and what came back */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/alert_control.h"
#include "app/app.h"
#include "feeds/demo.h"
#include "base/fmt.h"
#include "base/text.h"
#include "model/quote.h"

/* Known names fill the rows until the first quote brings the feed's own. */
void refresh_name_rows(struct app *app)
{
	for (size_t i = 0; i < app->dash.board.n; i++) {
		struct row *r = &app->dash.board.rows[i];
		const struct instrument_info *info = instruments_find(&app->dash.db, &r->in);
		if (info) {
			snprintf(r->name_en, sizeof r->name_en, "%s", info->name_en);
			snprintf(r->name_zh, sizeof r->name_zh, "%s", info->name_zh);
		}
	}
}

/* The backoff, or longer when every quote source asked for a pause:
 * true then. */
static bool schedule_next(struct app *app)
{
	long long backoff = quote_fetch_backoff_s(app->o->refresh, app->failures) * 1000LL;
	long wait = quote_fetch_wait_ms(app->http, &app->fetch_cfg);

	/* Paused, the demo's quotes cannot change: no refresh until z or .
	 * (demo_control.c), and the pause's message stays on the status line. */
	if (app->demo && app->demo_clock.paused) {
		app->next_refresh_ms = -1;
		return false;
	}
	/* The demo's quotes change once a demo minute: as often as that, up
	 * to once a second, however fast its clock runs. */
	if (app->demo && !app->demo_clock.paused && backoff > 60000 / app->demo_clock.speed)
		backoff = 60000 / app->demo_clock.speed > 1000 ? 60000 / app->demo_clock.speed : 1000;

	app->next_refresh_ms = app_mono_ms() + (wait > backoff ? wait : backoff);
	return wait > backoff;
}

/* Each source's delay: its newest quote time against the clock, and
 * the delay it usually has: "tencent 55s old, 15m lag", short enough to
 * leave the sort on an 80-column status line. */
static void note_delays(struct app *app, const struct quote_result *res, size_t n)
{
	static const char *const demo_names[] = { "demo", NULL };
	const char *const *names = app->demo ? demo_names : quote_source_names;
	char *out = app->dash.source_delay;
	size_t used = 0, cap = sizeof app->dash.source_delay;

	out[0] = '\0';
	for (size_t s = 0; names[s]; s++) {
		time_t newest = 0;
		char age[16], usual[16];
		/* The demo is no source of the table: it has no usual delay. */
		long delay = 0;
		bool src = quote_usual_delay(names[s], MARKET_HK, &delay);
		for (size_t i = 0; i < n; i++)
			if (res[i].ok && strcmp(res[i].q.source, names[s]) == 0 &&
			    res[i].q.in.market != MARKET_US && res[i].q.time > newest)
				newest = res[i].q.time;
		if (!newest)
			continue;
		fmt_age((long)(dash_now(&app->dash) - newest), age, sizeof age);
		if (delay)
			fmt_age(delay, usual, sizeof usual);
		used += (size_t)snprintf(out + used, cap - used, "%s%s %s old%s%s%s",
					 used ? "; " : "", names[s], age, src ? ", " : "",
					 src ? (delay ? usual : "no") : "", src ? " lag" : "");
		if (used >= cap)
			break;
	}
}

static void refresh_done(void *arg, const struct quote_result *res, size_t n)
{
	struct app *app = arg;
	size_t ok = 0, failed = 0, first_fail = n;
	char hhmm[16];

	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 2; k++) {
			struct quote_result *iq = &app->dash.index_q[k];
			/* The market first: a 3,000-row refresh, 6,000 strcmp() */
			if (res[i].q.in.market != MARKET_HK_INDEX ||
			    strcmp(res[i].q.in.code, dash_header_indexes[k]) != 0)
				continue;
			if (res[i].ok)
				*iq = res[i];
			else if (iq->ok) /* keep the old figures, marked stale */
				snprintf(iq->err, sizeof iq->err, "%s", res[i].err);
		}
		/* The header's own indexes are not the watchlist's: their
		 * failure shows as a stale header, not in "N of M failed". */
		if (i >= app->nboard_inflight)
			continue;
		if (res[i].ok) {
			ok++;
		} else {
			failed++;
			if (first_fail == n)
				first_fail = i;
		}
	}
	if (app->nboard_inflight == 0)
		ok = 1; /* an empty watchlist is not a failed refresh */
	board_apply(&app->dash.board, res, n);
	/* The ticks it set flash until then; no tick, no wake-up for it. */
	if (app->dash.set.flash && board_ticks(&app->dash.board))
		app->flash_end_ms = app_mono_ms() + APP_FLASH_MS;
	if (app->dash.board.sort >= 0)
		dash_resort(&app->dash);
	app->dash.fetching = false;
	app->last_done = dash_now(&app->dash);
	app->failures = ok ? 0 : app->failures + 1;
	note_delays(app, res, n);
	fmt_hkt_time(app->last_done, hhmm, sizeof hhmm);
	if (failed == 0) {
		dash_report(&app->dash, MSG_QUOTES, MSG_INFO, "Updated %s", hhmm);
	} else if (ok == 0) {
		bool asked = schedule_next(app);
		/* What to do first, the cause after it: at 80 columns the
		 * cause is what gets cut (the messages view has it whole). */
		dash_report(&app->dash, MSG_QUOTES, MSG_ERROR, "No quotes, retrying in %llds%s: %s",
			   (app->next_refresh_ms - app_mono_ms() + 999) / 1000,
			   asked ? " as the server asked" :
			   /* the demo and a replay are offline already */
			   app->demo || http_replay(app->http) ? "" : " (offline? try hktop --demo)",
			   res[first_fail].err);
	} else {
		dash_report(&app->dash, MSG_QUOTES, MSG_WARN, "Updated %s; %zu of %zu failed: %s",
			    hhmm, failed, app->nboard_inflight, res[first_fail].err);
	}
	alert_control_quotes(app, res, n);
	portfolio_control_quotes(app, res, n);
	if (ok)
		schedule_next(app);
	free(app->inflight);
	app->inflight = NULL;
	app->dash.dirty |= REDRAW_ALL;
	app->refreshes++;
	detail_control_refreshed(app); /* the 1D chart and ADR parity move with the quotes */
	if (app->refetch_pending) {
		/* Asked for while this one ran, maybe for a symbol it did not
		 * include: run it now rather than drop it. */
		app->refetch_pending = false;
		refresh_start(app);
	}
}

void refresh_want(const struct app *app, struct instrument *v, size_t listed, size_t *n,
		  const struct instrument *in)
{
	bool have = board_find(&app->dash.board, in) >= 0;

	/* Past the board: the header's indexes and the names added so far. */
	for (size_t k = app->nboard_inflight; k < listed && !have; k++)
		have = symbol_equal(&v[k], in);
	if (!have)
		v[(*n)++] = *in;
}

/* The board's instruments plus the header's indexes. */
static bool refresh_list(struct app *app)
{
	struct instrument *v, *grown;
	size_t n;

	if (!board_instruments(&app->dash.board, &v, &n))
		return false;
	app->nboard_inflight = n;
	if (!(grown = realloc(v, (n + 2) * sizeof *v))) {
		free(v);
		return false;
	}
	v = grown;
	for (int k = 0; k < 2; k++) {
		struct instrument in;
		char err[64];
		bool have = false;
		symbol_parse(dash_header_indexes[k], &in, err, sizeof err);
		for (size_t i = 0; i < n && !have; i++)
			have = symbol_equal(&v[i], &in);
		if (!have)
			v[n++] = in;
	}
	/* The names alert rules watch and those held, on the list or not. */
	if (!alert_control_wanted(app, &v, &n) || !portfolio_control_wanted(app, &v, &n)) {
		free(v);
		return false;
	}
	app->inflight = v;
	app->ninflight = n;
	return true;
}

const char *const refresh_demo_source = "demo";

void refresh_demo_quotes(struct app *app, const struct instrument *in, size_t n,
		     struct quote_result *res)
{
	char *body = NULL, err[256];
	size_t len = 0;

	if (!demo_body(app->demo, dash_now(&app->dash), in, n, &body, &len, err, sizeof err)) {
		for (size_t i = 0; i < n; i++) {
			res[i].q.in = in[i];
			snprintf(res[i].err, sizeof res[i].err, "demo: %s", err);
		}
		return;
	}
	/* The simulated body goes through the real Tencent parser, but the
	 * quotes are the demo's: named so wherever a source is shown. */
	quote_tencent_source.parse(body, len, NULL, in, n, res);
	for (size_t i = 0; i < n; i++) {
		res[i].q.source = refresh_demo_source;
		/* "tencent: 0005: no data": the parser's cause, the demo's name. */
		if (!res[i].ok)
			text_swap_source(res[i].err, sizeof res[i].err, quote_tencent_source.name,
					 refresh_demo_source);
	}
	free(body);
}

static void demo_refresh(struct app *app)
{
	struct quote_result *res = calloc(app->ninflight, sizeof *res);

	if (res)
		refresh_demo_quotes(app, app->inflight, app->ninflight, res);
	if (res) {
		refresh_done(app, res, app->ninflight);
	} else {
		app->dash.fetching = false;
		free(app->inflight);
		app->inflight = NULL;
		app->failures++;
		schedule_next(app);
		dash_report(&app->dash, MSG_QUOTES, MSG_ERROR, "demo: out of memory");
	}
	free(res);
}

void refresh_start(struct app *app)
{
	char err[256];

	rally_control_refresh(app);
	if (app->dash.fetching) {
		app->refetch_pending = true;
		return;
	}
	if (!refresh_list(app)) {
		app->failures++;
		schedule_next(app); /* not at once again: that would spin */
		dash_report(&app->dash, MSG_QUOTES, MSG_ERROR, "refresh failed: out of memory");
		return;
	}
	app->dash.fetching = true;
	app->fetch_by_timer = app->refresh_by_timer;
	app->next_refresh_ms = -1;
	app->dash.dirty |= REDRAW_STATUS;
	if (app->demo) {
		demo_control_tick(app);
		demo_control_news(app);
		demo_refresh(app);
		return;
	}
	if (!quote_fetch_start(app->http, &app->fetch_cfg, app->inflight, app->ninflight,
			  refresh_done, app, err, sizeof err)) {
		app->dash.fetching = false;
		free(app->inflight);
		app->inflight = NULL;
		app->failures++;
		schedule_next(app);
		dash_report(&app->dash, MSG_QUOTES, MSG_ERROR, "refresh failed: %s", err);
	}
}
