/* view_news.c - the headlines: age, source, tickers, title; Enter opens, y copies */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "tui/browser.h"
#include "base/fmt.h"
#include "model/news_find.h"
#include "net/news_fetch.h"
#include "tui/screen.h"
#include "base/text.h"

/* Columns: new mark, age, source, tickers, then the title takes the rest. */
enum { W_MARK = 1, W_AGE = 4, W_SOURCE = 9, W_TAGS = 11 };

static const struct news_list *headlines(const struct app *app)
{
	return app->news ? &app->news->feed.merged : NULL;
}

static size_t count(const struct app *app)
{
	return headlines(app) ? headlines(app)->n : 0;
}

static const struct headline *selected(const struct app *app)
{
	return app->news && app->news_sel >= 0 && (size_t)app->news_sel < count(app) ?
	       &app->news->feed.merged.v[app->news_sel] : NULL;
}

/* "0700 9988+2": as many codes as fit in cols, then how many more. */
static void tags_cell(const struct headline *h, int cols, char *buf, size_t len)
{
	size_t used = 0, t;

	buf[0] = '\0';
	for (t = 0; t < h->ntags; t++) {
		size_t w = strlen(h->tags[t].display) + (t ? 1 : 0);
		size_t more = t + 1 < h->ntags ? 3 : 0; /* room for "+N" */
		if (used + w + more > (size_t)cols)
			break;
		used += (size_t)snprintf(buf + used, len - used, "%s%s", t ? " " : "",
					 h->tags[t].display);
	}
	if (t < h->ntags)
		snprintf(buf + used, len - used, "+%zu", h->ntags - t);
}

static bool source_stale(const struct app *app, const char *name)
{
	const struct newsfeed *f = &app->news->feed;

	for (size_t i = 0; name && i < f->nsrc; i++)
		if (strcmp(f->src[i].name, name) == 0)
			return f->src[i].err[0] != '\0';
	return false;
}

static void draw_row(struct app *app, WINDOW *w, int y, size_t k, bool narrow)
{
	const struct headline *h = &app->news->feed.merged.v[k];
	bool sel = (long)k == app->news_sel;
	attr_t rev = sel ? A_REVERSE : 0;
	char age[24], tags[96];
	int x = 0, cols = app->ui.cols;

	news_age_cell(h, app_now(app), W_AGE, age, sizeof age);
	tags_cell(h, W_TAGS, tags, sizeof tags);
	ui_text(w, y, x, W_MARK, newsfeed_is_new(&app->news->feed, k, app->news_since) ? "*" : " ",
		0, app->ui.attrs[UI_KEY] | rev);
	x += W_MARK;
	ui_text(w, y, x, W_AGE, age, 1, app->ui.attrs[UI_DIM] | rev);
	x += W_AGE + 1;
	ui_text(w, y, x - 1, 1, " ", 0, rev);
	if (!narrow) {
		ui_text(w, y, x, W_SOURCE + 1, h->source ? h->source : "", 0,
			app->ui.attrs[source_stale(app, h->source) ? UI_STALE : UI_DIM] | rev);
		x += W_SOURCE + 1;
	}
	ui_text(w, y, x, W_TAGS + 1, tags, 0, app->ui.attrs[UI_KEY] | rev);
	x += W_TAGS + 1;
	ui_text(w, y, x, cols - x, h->title, 0, app->ui.attrs[UI_DEFAULT] | rev);
}

/* The selected headline's publisher and link, on the last row. */
static void draw_footer(struct app *app, WINDOW *w, int y)
{
	const struct headline *h = selected(app);
	char line[NEWS_LINK_MAX + NEWS_PUBLISHER_MAX + 64], seen[64] = "";

	ui_clear_row(w, y, 0, app->ui.cols, A_NORMAL);
	if (!h)
		return;
	/* A date ahead of the clock was not believed: say what was done */
	if (h->dated) {
		char day[16], at[16];
		fmt_hkt_date(h->dated, day, sizeof day);
		fmt_hkt_time(h->time, at, sizeof at);
		at[5] = '\0';
		snprintf(seen, sizeof seen, "first seen %s (dated %s)  ", at, day);
	}
	snprintf(line, sizeof line, "%s%s%s%s", seen, h->publisher ? h->publisher : "",
		 h->publisher ? "  " : "", h->link ? h->link : "(no link)");
	ui_text(w, y, 1, app->ui.cols - 1, line, 0, app->ui.attrs[UI_DIM]);
}

static int list_rows(const struct app *app, int height)
{
	return height - 1 - (height >= 8 ? 1 : 0); /* header, and the footer if room */
}

static const char *key_of(const struct headline *h)
{
	return h->link ? h->link : h->title ? h->title : "";
}

/* The headline under the cursor, by its link (or title): indexes move
 * when newer headlines arrive above it. */
static void remember(struct app *app)
{
	const struct headline *h = selected(app);
	const char *k = h ? key_of(h) : NULL;
	char *dup;

	if (!k || (app->news_sel_key && strcmp(app->news_sel_key, k) == 0))
		return;
	if ((dup = strdup(k))) {
		free(app->news_sel_key);
		app->news_sel_key = dup;
	}
}

void news_view_follow(struct app *app)
{
	size_t n = count(app);

	if (!app->news_sel_key)
		return;
	for (size_t k = 0; k < n; k++)
		if (strcmp(key_of(&app->news->feed.merged.v[k]), app->news_sel_key) == 0) {
			app->news_sel = (long)k;
			return;
		}
}


static const char *empty_message(const struct app *app)
{
	if (!app->news || app->news->feed.nsrc == 0)
		return "No headline sources are on (see news.sources and news.feeds)";
	if (newsfetch_pending(app->news))
		return "Fetching headlines...";
	return "No headlines yet; r fetches them now";
}

static void draw(struct app *app, WINDOW *w, int top, int height)
{
	int rows = list_rows(app, height), cols = app->ui.cols;
	bool narrow = cols < 60;
	attr_t head = app->ui.attrs[UI_COLHEAD];

	app_keep_visible(&app->news_sel, &app->news_scroll, (long)count(app), rows);
	remember(app);
	ui_clear_row(w, top, 0, cols, head);
	ui_text(w, top, W_MARK, W_AGE, "AGE", 1, head);
	if (!narrow)
		ui_text(w, top, W_MARK + W_AGE + 1, W_SOURCE, "SOURCE", 0, head);
	ui_text(w, top, W_MARK + W_AGE + 1 + (narrow ? 0 : W_SOURCE + 1), W_TAGS, "TICKERS", 0, head);
	ui_text(w, top, W_MARK + W_AGE + 1 + (narrow ? 0 : W_SOURCE + 1) + W_TAGS + 1, 8, "HEADLINE",
		0, head);
	if (app->demo && cols > 60)
		ui_text(w, top, cols - 27, 27, "DEMO: simulated headlines", 1, app->ui.attrs[UI_DEMO]);
	for (int i = 0; i < rows; i++) {
		long k = app->news_scroll + i;
		ui_clear_row(w, top + 1 + i, 0, cols, A_NORMAL);
		if (k < (long)count(app))
			draw_row(app, w, top + 1 + i, (size_t)k, narrow);
	}
	if (count(app) == 0)
		ui_text(w, top + 1, 1, cols - 1, empty_message(app), 0, app->ui.attrs[UI_DIM]);
	if (rows < height - 1)
		draw_footer(app, w, top + height - 1);
	/* What is on screen now has been seen: it is not new at the next look. */
	if (app->news)
		app->news_seen = app->news->feed.generation;
}

static unsigned select_headline(struct app *app, long to)
{
	long n = (long)count(app);

	if (n == 0)
		return REACT_NONE;
	to = to < 0 ? 0 : to >= n ? n - 1 : to;
	if (to == app->news_sel)
		return REACT_NONE;
	app->news_sel = to;
	return REACT_REDRAW;
}

static unsigned open_link(struct app *app, bool copy)
{
	const struct headline *h = selected(app);
	const char *log = getenv("HKTOP_BROWSER_LOG");
	char err[256];
	bool ok;

	if (!h || !h->link) {
		app_status(app, true, "This headline has no link");
		return REACT_STATUS;
	}
	if (!copy && app->ui.test && !(log && *log)) {
		app_status(app, true, "Not opening a browser in a test run (HKTOP_BROWSER_LOG)");
		return REACT_STATUS;
	}
	ok = copy ? browser_copy(app->ui.out ? app->ui.out : stdout, h->link, err, sizeof err)
		  : browser_open(h->link, err, sizeof err);
	if (ok)
		app_status(app, false, "%s %s", copy ? "Copied" : "Opened", h->link);
	else
		app_status(app, true, "%s: %s", copy ? "Not copied" : "Not opened", err);
	/* OSC 52 went around curses: repaint, in case the terminal showed any of it. */
	return REACT_STATUS | (copy ? REACT_REDRAW_ALL : 0);
}

static unsigned action(struct app *app, enum action act)
{
	long page = list_rows(app, screen_body_height(app)) - 1;

	if (page < 1)
		page = 1;
	switch (act) {
	case ACT_MOVE_DOWN:
		return select_headline(app, app->news_sel + 1);
	case ACT_MOVE_UP:
		return select_headline(app, app->news_sel - 1);
	case ACT_PAGE_DOWN:
		app->news_scroll += page;
		return select_headline(app, app->news_sel + page) | REACT_REDRAW;
	case ACT_PAGE_UP:
		app->news_scroll = app->news_scroll > page ? app->news_scroll - page : 0;
		return select_headline(app, app->news_sel - page) | REACT_REDRAW;
	case ACT_FIRST:
		return select_headline(app, 0);
	case ACT_LAST:
		return select_headline(app, (long)count(app) - 1);
	case ACT_OPEN:
		return open_link(app, false);
	case ACT_COPY_LINK:
		return open_link(app, true);
	case ACT_REFRESH:
		app_news_start(app, true);
		app_status(app, false, "Fetching headlines...");
		return REACT_REDRAW | REACT_STATUS;
	case ACT_QUIT:
		return REACT_BACK;
	case ACT_VIEW_NEWS:
		return REACT_NONE;
	default:
		return REACT_PASS;
	}
}

static unsigned click(struct app *app, int y, int x, int top)
{
	(void)x;
	if (y <= top || y > top + list_rows(app, screen_body_height(app)))
		return REACT_NONE;
	return select_headline(app, app->news_scroll + (y - top - 1));
}

static void open_news(struct app *app)
{
	/* New marks: what came in after the last look. */
	app->news_since = app->news_seen;
	app->news_sel = 0;
	app->news_scroll = 0;
	app_news_status(app);
}

const struct view_ops view_news = {
	.name = "headlines",
	.letter = 'n',
	.open = open_news,
	.draw = draw,
	.action = action,
	.click = click,
};
