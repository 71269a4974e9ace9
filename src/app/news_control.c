/* news_control.c - the dashboard's side of the headlines: set-up, schedule, status */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "app/fetch_config.h"
#include "net/news_fetch.h"

/* The headlines view says how the sources are doing on the status line;
 * other views keep the quotes' messages there. */
void app_news_status(struct app *app)
{
	char line[512];
	const struct newsfeed *f;

	if (!app->news)
		return;
	f = &app->news->feed;
	newsfeed_summary(f, dash_now(&app->dash), line, sizeof line);
	dash_report(&app->dash, MSG_NEWS, newsfeed_failed(f) > 0 ? MSG_WARN : MSG_INFO,
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
	dn->pending = newsfetch_pending(app->news);
}

static void on_changed(void *arg, const struct newsfeed_source *s)
{
	struct app *app = arg;

	(void)s;
	news_sync(app);
	news_view_follow(&app->dash);
	/* The watchlist's fresh-news marks and the detail view's list depend on it. */
	app->dash.dirty |= REDRAW_BODY;
	if (app->dash.view == &view_news)
		app_news_status(app);
}

bool app_news_init(struct app *app, bool demo, char *err, size_t errlen)
{
	struct newsfetch_config c;

	if (!(app->news = calloc(1, sizeof *app->news))) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	newsfetch_config_init(&c, app->o);
	if (!newsfetch_init(app->news, app->http, &c, &app->dash.db, demo, app->dash.fixed_now,
			    err, errlen))
		return false;
	app->news->changed = on_changed;
	app->news->arg = app;
	news_sync(app);
	return true;
}

void app_news_start(struct app *app, bool all)
{
	long long now = app_mono_ms(), due;
	struct instrument *v;
	size_t n;

	if (!app->news || (due = newsfetch_next_ms(app->news)) < 0 || (!all && due > now))
		return;
	/* The requests are built from the watchlist as it is now. */
	if (board_instruments(&app->dash.board, &v, &n)) {
		newsfeed_set_watch(&app->news->feed, v, n);
		free(v);
	}
	if (all)
		newsfetch_refresh(app->news, now);
	else
		newsfetch_start_due(app->news, now);
	news_sync(app);
}

void app_news_reconcile(struct app *app)
{
	struct dash_news *dn = &app->dash.news;

	if (dn->want_all) {
		dn->want_all = false;
		app_news_start(app, true);
		dash_status(&app->dash, false, "Fetching headlines...");
	}
	if (dn->want_status) {
		dn->want_status = false;
		app_news_status(app);
	}
}

long long app_news_next_ms(const struct app *app)
{
	return app->news ? newsfetch_next_ms(app->news) : -1;
}

void app_news_done(struct app *app)
{
	free(app->dash.news.sel_key);
	app->dash.news = (struct dash_news){ 0 };
	if (!app->news)
		return;
	newsfetch_done(app->news);
	free(app->news);
	app->news = NULL;
}
