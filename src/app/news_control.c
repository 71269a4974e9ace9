/* news_control.c - the dashboard's side of the headlines: set-up, schedule, status */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "model/news_find.h"
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
	newsfeed_summary(f, app_now(app), line, sizeof line);
	app_report(app, MSG_NEWS, newsfeed_failed(f) > 0 ? MSG_WARN : MSG_INFO, "%sHeadlines: %s",
		   app->demo ? "DEMO (simulated) " : "", line);
}

static void on_changed(void *arg, const struct newsfeed_source *s)
{
	struct app *app = arg;

	(void)s;
	news_view_follow(app);
	/* The watchlist's fresh-news marks and the detail view's list depend on it. */
	app->dirty |= REDRAW_BODY;
	if (app->view == &view_news)
		app_news_status(app);
}

bool app_news_init(struct app *app, bool demo, char *err, size_t errlen)
{
	if (!(app->news = calloc(1, sizeof *app->news))) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (!newsfetch_init(app->news, app->http, app->o, &app->db, demo, app->fixed_now,
			    err, errlen))
		return false;
	app->news->changed = on_changed;
	app->news->arg = app;
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
	if (board_instruments(&app->board, &v, &n)) {
		newsfeed_set_watch(&app->news->feed, v, n);
		free(v);
	}
	if (all)
		newsfetch_refresh(app->news, now);
	else
		newsfetch_start_due(app->news, now);
}

bool app_news_fresh(const struct app *app, const struct instrument *in)
{
	return app->news && news_has_fresh(&app->news->feed.merged, in, app_now(app),
					   app->o->news_fresh);
}

long long app_news_next_ms(const struct app *app)
{
	return app->news ? newsfetch_next_ms(app->news) : -1;
}

void app_news_done(struct app *app)
{
	free(app->news_sel_key);
	app->news_sel_key = NULL;
	if (!app->news)
		return;
	newsfetch_done(app->news);
	free(app->news);
	app->news = NULL;
}
