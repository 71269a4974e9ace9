/* view_news.c - the headlines: age, source, tickers, title; Enter opens, y copies */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "tui/browser.h"
#include "base/fmt.h"
#include "model/news_find.h"
#include "tui/screen.h"
#include "base/text.h"

/* Columns: new mark, age, source, tickers, then the title takes the rest. */
enum { W_MARK = 1, W_AGE = 4, W_SOURCE = 9, W_TAGS = 11 };

static const struct news_list *headlines(const struct dash *dash)
{
	return dash->news.list;
}

static size_t count(const struct dash *dash)
{
	return headlines(dash) ? headlines(dash)->n : 0;
}

static const struct headline *selected(const struct dash *dash)
{
	return dash->news.sel >= 0 && (size_t)dash->news.sel < count(dash) ?
	       &dash->news.list->v[dash->news.sel] : NULL;
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

static bool source_stale(const struct dash *dash, const char *name)
{
	for (size_t i = 0; name && i < dash->news.nsrc; i++)
		if (strcmp(dash->news.src[i].name, name) == 0)
			return dash->news.src[i].failed;
	return false;
}

static void draw_row(struct dash *dash, WINDOW *w, int y, size_t k, bool narrow)
{
	const struct headline *h = &dash->news.list->v[k];
	bool sel = (long)k == dash->news.sel;
	attr_t rev = sel ? A_REVERSE : 0;
	char age[24], tags[96];
	int x = 0, cols = dash->ui->cols;

	news_find_age_cell(h, dash_now(dash), W_AGE, age, sizeof age);
	tags_cell(h, W_TAGS, tags, sizeof tags);
	ui_text(w, y, x, W_MARK, dash_news_is_new(dash, k, dash->news.since) ? "*" : " ",
		0, dash->ui->attrs[UI_KEY] | rev);
	x += W_MARK;
	ui_text(w, y, x, W_AGE, age, 1, dash->ui->attrs[UI_DIM] | rev);
	x += W_AGE + 1;
	ui_text(w, y, x - 1, 1, " ", 0, rev);
	if (!narrow) {
		ui_text(w, y, x, W_SOURCE + 1, h->source ? h->source : "", 0,
			dash->ui->attrs[source_stale(dash, h->source) ? UI_STALE : UI_DIM] | rev);
		x += W_SOURCE + 1;
	}
	ui_text(w, y, x, W_TAGS + 1, tags, 0, dash->ui->attrs[UI_KEY] | rev);
	x += W_TAGS + 1;
	ui_text(w, y, x, cols - x, h->title, 0, dash->ui->attrs[UI_DEFAULT] | rev);
}

/* The selected headline's publisher and link, on the last row. */
static void draw_footer(struct dash *dash, WINDOW *w, int y)
{
	const struct headline *h = selected(dash);
	char line[NEWS_LINK_MAX + NEWS_PUBLISHER_MAX + 64], seen[64] = "";

	ui_clear_row(w, y, 0, dash->ui->cols, A_NORMAL);
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
	ui_text(w, y, 1, dash->ui->cols - 1, line, 0, dash->ui->attrs[UI_DIM]);
}

static int list_rows(const struct dash *dash, int height)
{
	return height - 1 - (height >= 8 ? 1 : 0); /* header, and the footer if room */
}

static const char *key_of(const struct headline *h)
{
	return h->link ? h->link : h->title ? h->title : "";
}

/* The headline under the cursor, by its link (or title): indexes move
 * when newer headlines arrive above it. */
static void remember(struct dash *dash)
{
	const struct headline *h = selected(dash);
	const char *k = h ? key_of(h) : NULL;
	char *dup;

	if (!k || (dash->news.sel_key && strcmp(dash->news.sel_key, k) == 0))
		return;
	if ((dup = strdup(k))) {
		free(dash->news.sel_key);
		dash->news.sel_key = dup;
	}
}

void view_news_follow(struct dash *dash)
{
	size_t n = count(dash);

	if (!dash->news.sel_key)
		return;
	for (size_t k = 0; k < n; k++)
		if (strcmp(key_of(&dash->news.list->v[k]), dash->news.sel_key) == 0) {
			dash->news.sel = (long)k;
			return;
		}
}


static const char *empty_message(const struct dash *dash)
{
	if (dash->news.nsrc == 0)
		return "No headline sources are on (see news.sources and news.feeds)";
	if (dash->news.pending)
		return "Fetching headlines...";
	return "No headlines yet; r fetches them now";
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	int rows = list_rows(dash, height), cols = dash->ui->cols;
	bool narrow = cols < 60;
	attr_t head = dash->ui->attrs[UI_COLHEAD];

	dash_keep_visible(&dash->news.sel, &dash->news.scroll, (long)count(dash), rows);
	remember(dash);
	ui_clear_row(w, top, 0, cols, head);
	ui_text(w, top, W_MARK, W_AGE, "AGE", 1, head);
	if (!narrow)
		ui_text(w, top, W_MARK + W_AGE + 1, W_SOURCE, "SOURCE", 0, head);
	ui_text(w, top, W_MARK + W_AGE + 1 + (narrow ? 0 : W_SOURCE + 1), W_TAGS, "TICKERS", 0, head);
	ui_text(w, top, W_MARK + W_AGE + 1 + (narrow ? 0 : W_SOURCE + 1) + W_TAGS + 1, 8, "HEADLINE",
		0, head);
	if (dash->demo && cols > 60)
		ui_text(w, top, cols - 27, 27, "DEMO: simulated headlines", 1, dash->ui->attrs[UI_DEMO]);
	for (int i = 0; i < rows; i++) {
		long k = dash->news.scroll + i;
		ui_clear_row(w, top + 1 + i, 0, cols, A_NORMAL);
		if (k < (long)count(dash))
			draw_row(dash, w, top + 1 + i, (size_t)k, narrow);
	}
	if (count(dash) == 0)
		ui_text(w, top + 1, 1, cols - 1, empty_message(dash), 0, dash->ui->attrs[UI_DIM]);
	if (rows < height - 1)
		draw_footer(dash, w, top + height - 1);
	/* What is on screen now has been seen: it is not new at the next look. */
	dash->news.seen = dash->news.generation;
}

static unsigned select_headline(struct dash *dash, long to)
{
	long n = (long)count(dash);

	if (n == 0)
		return REACT_NONE;
	to = to < 0 ? 0 : to >= n ? n - 1 : to;
	if (to == dash->news.sel)
		return REACT_NONE;
	dash->news.sel = to;
	return REACT_REDRAW;
}

static unsigned open_link(struct dash *dash, bool copy)
{
	const struct headline *h = selected(dash);
	const char *log = getenv("HKTOP_BROWSER_LOG");
	char err[256];
	bool ok;

	if (!h || !h->link) {
		dash_status(dash, true, "This headline has no link");
		return REACT_STATUS;
	}
	if (!copy && dash->ui->test && !(log && *log)) {
		dash_status(dash, true, "Not opening a browser in a test run (HKTOP_BROWSER_LOG)");
		return REACT_STATUS;
	}
	ok = copy ? browser_copy(dash->ui->out ? dash->ui->out : stdout, h->link, err, sizeof err)
		  : browser_open(h->link, err, sizeof err);
	if (ok)
		dash_status(dash, false, "%s %s", copy ? "Copied" : "Opened", h->link);
	else
		dash_status(dash, true, "%s: %s", copy ? "Not copied" : "Not opened", err);
	/* OSC 52 went around curses: repaint, in case the terminal showed any of it. */
	return REACT_STATUS | (copy ? REACT_REDRAW_ALL : 0);
}

static unsigned action(struct dash *dash, enum action act)
{
	long page = list_rows(dash, screen_body_height(dash)) - 1;

	if (page < 1)
		page = 1;
	switch (act) {
	case ACT_MOVE_DOWN:
		return select_headline(dash, dash->news.sel + 1);
	case ACT_MOVE_UP:
		return select_headline(dash, dash->news.sel - 1);
	case ACT_PAGE_DOWN:
		dash->news.scroll += page;
		return select_headline(dash, dash->news.sel + page) | REACT_REDRAW;
	case ACT_PAGE_UP:
		dash->news.scroll = dash->news.scroll > page ? dash->news.scroll - page : 0;
		return select_headline(dash, dash->news.sel - page) | REACT_REDRAW;
	case ACT_FIRST:
		return select_headline(dash, 0);
	case ACT_LAST:
		return select_headline(dash, (long)count(dash) - 1);
	case ACT_OPEN:
		return open_link(dash, false);
	case ACT_COPY_LINK:
		return open_link(dash, true);
	case ACT_REFRESH:
		/* The controller starts them and says so. */
		dash->news.want_all = true;
		return REACT_WANT_DATA | REACT_REDRAW | REACT_STATUS;
	case ACT_QUIT:
		return REACT_BACK;
	case ACT_VIEW_NEWS:
		return REACT_NONE;
	default:
		return REACT_PASS;
	}
}

static unsigned click(struct dash *dash, int y, int x, int top)
{
	(void)x;
	if (y <= top || y > top + list_rows(dash, screen_body_height(dash)))
		return REACT_NONE;
	return select_headline(dash, dash->news.scroll + (y - top - 1));
}

static unsigned open_news(struct dash *dash)
{
	/* New marks: what came in after the last look. */
	dash->news.since = dash->news.seen;
	dash->news.sel = 0;
	dash->news.scroll = 0;
	dash->news.want_status = true;
	return REACT_WANT_DATA;
}

const struct view_ops view_news = {
	.name = "headlines",
	.open = open_news,
	.draw = draw,
	.action = action,
	.click = click,
};
