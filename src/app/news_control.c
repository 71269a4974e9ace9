/* news_control.c - the dashboard's side of the headlines: set-up, schedule, status */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/alert_control.h"
#include "app/app.h"
#include "app/fetch_config.h"
#include "net/news_fetch.h"

/* The headlines view says how the sources are doing on the status line;
 * other views keep the quotes' messages there. */
void news_control_status(struct app *app)
{
	char line[512];
	const struct newsfeed *f;

	if (!app->news)
		return;
	f = &app->news->feed;
	news_feed_summary(f, dash_now(&app->dash), line, sizeof line);
	dash_report(&app->dash, MSG_NEWS, news_feed_failed(f) > 0 ? MSG_WARN : MSG_INFO,
		    "%sHeadlines: %s", app->demo ? "DEMO (simulated) " : "", line);
}

/* The views' copy of the headlines and of how the sources are doing:
 * after every change of either. */
static void news_sync(struct app *app)
{
	struct dash_news *dn = &app->dash.news;
	const struct newsfeed *f;

	if (!app->news)
		return;
	f = &app->news->feed;
	dn->list = &f->merged;
	dn->arrived = (const unsigned long *const *)&f->arrived;
	dn->generation = f->generation;
	dn->nsrc = f->nsrc < DASH_NEWS_SOURCES ? f->nsrc : DASH_NEWS_SOURCES;
	for (size_t i = 0; i < dn->nsrc; i++) {
		dn->src[i].name = f->src[i].name;
		dn->src[i].failed = f->src[i].err[0] != '\0';
	}
	dn->pending = news_fetch_pending(app->news);
}

static void on_changed(void *arg, const struct newsfeed_source *s)
{
	struct app *app = arg;

	(void)s;
	news_sync(app);
	alert_control_news(app);
	view_news_follow(&app->dash);
	/* The watchlist's fresh-news marks and the detail view's list depend on it. */
	app->dash.dirty |= REDRAW_BODY;
	if (app->dash.view == &view_news)
		news_control_status(app);
}

bool news_control_init(struct app *app, bool demo, char *err, size_t errlen)
{
	struct newsfetch_config c;

	if (!(app->news = calloc(1, sizeof *app->news))) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	fetch_config_news_init(&c, app->o);
	if (!news_fetch_init(app->news, app->http, &c, &app->dash.db, demo, app->dash.fixed_now,
			    err, errlen))
		return false;
	app->news->changed = on_changed;
	app->news->arg = app;
	news_sync(app);
	return true;
}

void news_control_start(struct app *app, bool all)
{
	long long now = app_mono_ms(), due;
	struct instrument *v;
	size_t n;

	if (!app->news || (due = news_fetch_next_ms(app->news)) < 0 || (!all && due > now))
		return;
	/* The requests are built from the watchlist as it is now. */
	if (board_instruments(&app->dash.board, &v, &n)) {
		news_feed_set_watch(&app->news->feed, v, n);
		free(v);
	}
	if (all)
		news_fetch_refresh(app->news, now);
	else
		news_fetch_start_due(app->news, now);
	news_sync(app);
}

void news_control_reconcile(struct app *app)
{
	struct dash_news *dn = &app->dash.news;

	if (dn->want_all) {
		dn->want_all = false;
		news_control_start(app, true);
		dash_status(&app->dash, false, "Fetching headlines...");
	}
	if (dn->want_status) {
		dn->want_status = false;
		news_control_status(app);
	}
}

long long news_control_next_ms(const struct app *app)
{
	return app->news ? news_fetch_next_ms(app->news) : -1;
}

void news_control_done(struct app *app)
{
	free(app->dash.news.sel_key);
	app->dash.news = (struct dash_news){ 0 };
	if (!app->news)
		return;
	news_fetch_done(app->news);
	free(app->news);
	app->news = NULL;
}
