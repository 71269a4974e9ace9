/* test-controllers.c - the controllers in app/ without a screen
 *
 * Views say what they want (reactions, want flags in the dash); the
 * controllers fetch it and fill the dash. Here the dashboard is opened
 * without curses (app_open), keys go through actions_key as in the loop, and
 * the network is tests/httpd on loopback: the real HTTP path, answers
 * from the fixtures. No view draws: nothing here needs a terminal. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "loopback.h"
#include "tap.h"

static void set(struct options *o, const char *key, const char *value)
{
	char err[512];

	if (!options_set(o, key, value, err, sizeof err)) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
}

/* A headline feed for the next open_app, or NULL for none. */
static const char *feed_url;

static void open_app(struct app *a, struct options *o, const char *base, const char *watch,
		     bool demo)
{
	char err[512];

	options_init(o);
	set(o, "watchlist", watch);
	set(o, "news.sources", "none");
	if (feed_url)
		set(o, "news.feeds", feed_url);
	if (base) {
		set(o, "tencent.quote_url", base);
		set(o, "tencent.chart_url", base);
		set(o, "yahoo.url", base);
	}
	if (!app_open(a, o, NULL, NULL, demo, err, sizeof err)) {
		printf("Bail out! app_open: %s\n", err);
		exit(1);
	}
	/* The size the views measure pages by; nothing is drawn. */
	a->ui.rows = 24;
	a->ui.cols = 80;
}

static void close_app(struct app *a, struct options *o)
{
	app_close(a);
	options_done(o);
}

/* A key as the loop hands it on (script.c does the same). */
static void press(struct app *a, const char *name)
{
	int k = keys_from_name(name);

	if (k < 0) {
		printf("Bail out! no key %s\n", name);
		exit(1);
	}
	actions_key(a, (wint_t)k, k >= KEY_MIN);
}

static long row_of(const struct app *a, const char *code)
{
	struct instrument in;
	char err[64];

	symbol_parse(code, &in, err, sizeof err);
	return board_find(&a->dash.board, &in);
}

static const char *code_at(const struct app *a, long row)
{
	return row >= 0 && row < (long)a->dash.board.n ? a->dash.board.rows[row].in.code : "(none)";
}

/* The detail controller asks for the chart of the range shown, and a
 * reply for a range the view has left is dropped, never drawn. */
static void detail(const char *base)
{
	struct options o;
	struct app a;
	struct detail *d = &a.dash.detail;
	bool drew_stale = false;

	open_app(&a, &o, base, "0700 9988", false);
	ok(!d->loading && http_pending(a.http) == 0, "nothing is fetched before the view wants it");
	press(&a, "<Enter>");
	ok(a.dash.view == &view_detail, "Enter opens the detail view");
	ok(d->have_in && strcmp(d->in.code, "00700") == 0, "on the selected ticker");
	ok(d->loading && d->fetch_range == SERIES_1D, "its opening wants the 1D chart: asked for");
	is_int(d->want, 0, "the controller took the want");
	/* The month's chart, asked while the day's is in flight. */
	press(&a, "3");
	is_int(d->range, SERIES_1M, "3 shows the month");
	ok(d->loading && d->fetch_range == SERIES_1D, "one chart fetch at a time: the 1D one runs on");
	while (http_pending(a.http) > 0) {
		http_poll(a.http, NULL, 0, 1000);
		http_dispatch(a.http);
		if (d->s.n && d->s_range != SERIES_1M)
			drew_stale = true;
	}
	ok(!drew_stale, "the 1D reply, for a range the view has left, is never the chart");
	ok(detail_chart_current(d), "the month's chart came after it");
	is_int(d->s_range, SERIES_1M, "of the range shown");
	is_int(d->s.interval, 86400, "in daily bars");
	ok(!d->stale && !d->err[0], "and it is good");

	/* Another ticker: its own chart, for the range shown. */
	press(&a, "j");
	ok(strcmp(d->in.code, "09988") == 0, "j steps to the next ticker");
	ok(!detail_chart_current(d), "0700's chart is not 9988's");
	ok(d->loading && strcmp(d->fetch_in.code, "09988") == 0 && d->fetch_range == SERIES_1M,
	   "the step wants 9988's month");
	http_run(a.http);

	/* Away from the view: a refresh wants no chart. */
	press(&a, "<Esc>");
	ok(a.dash.view != &view_detail, "Esc leaves the detail view");
	detail_control_refreshed(&a);
	is_int(http_pending(a.http), 0, "a refresh with the view closed fetches no chart");
	close_app(&a, &o);
}

/* The rally controller asks for minute series only while the board is
 * shown, and hands them to the view through the dash. */
static void rally(const char *base)
{
	struct options o;
	struct app a;

	open_app(&a, &o, base, "0700 9988 BABA", false);
	press(&a, "m");
	ok(a.dash.view == &view_heatmap, "m opens the heatmap");
	ok(!a.dash.rally.shown, "on the treemap");
	rally_control_refresh(&a);
	is_int(a.intra.n, 0, "the treemap wants no minute series");
	press(&a, "b");
	ok(a.dash.rally.shown, "b shows the rally board");
	/* b asked for a refresh: quotes (no rule: they fail) and minutes. */
	is_int(a.dash.rally.n, 2, "the board's HK rows are asked for, the US listing is not");
	ok(a.dash.rally.inflight, "in flight");
	http_run(a.http);
	ok(!a.dash.rally.inflight, "the round is done");
	ok(a.dash.rally.n == 2 && a.dash.rally.v[0].last && a.dash.rally.v[1].last,
	   "the view sees both series");
	is_int(a.dash.rally.failed, 0, "none failed");
	press(&a, "w");
	ok(a.dash.view == &view_watchlist, "w: back on the watchlist");
	rally_control_refresh(&a);
	is_int(http_pending(a.http), 0, "with the board out of sight, no minute series are asked");
	close_app(&a, &o);
}

#define EIGHT "0700 9988 3690 1810 9618 0981 1211 9999"

/* Minute series asked for so far, from the $HKTOP_TRACE file. */
static int minute_requests(const char *trace, char first[][16], int max)
{
	char line[512];
	int n = 0;
	FILE *fp = fopen(trace, "r");

	while (fp && fgets(line, sizeof line, fp)) {
		const char *c = strstr(line, "minute/query?code=hk");
		if (!c)
			continue;
		if (n < max)
			snprintf(first[n], 16, "%.5s", c + strlen("minute/query?code=hk"));
		n++;
	}
	if (fp)
		fclose(fp);
	return n;
}

/* Leaving the board stops its round: nothing more is asked, what is in
 * flight lands. Back on the board, a round starts at once, asking first
 * for the rows the board showed. */
static void rally_round(const char *base)
{
	char trace[] = "/tmp/hktop-trace.XXXXXX", codes[16][16];
	struct options o;
	struct app a;
	int fd = mkstemp(trace);

	if (fd < 0) {
		printf("Bail out! mkstemp\n");
		exit(1);
	}
	close(fd);
	setenv("HKTOP_TRACE", trace, 1);
	open_app(&a, &o, base, EIGHT " BABA", false);
	unsetenv("HKTOP_TRACE");
	press(&a, "m");
	press(&a, "b");
	is_int(a.intra.inflight, INTRADAY_PARALLEL, "a round of 8: 4 asked at once");
	ok(a.intra.next < a.intra.n, "more to come");
	press(&a, "w");
	is_int(a.intra.next, a.intra.n, "leaving the board asks for nothing more");
	http_run(a.http);
	is_int(http_pending(a.http), 0, "the replies in flight land");
	is_int(minute_requests(trace, codes, 16), INTRADAY_PARALLEL,
	       "and the server was asked for 4 series, not 8");
	ok(!a.dash.rally.inflight, "the view sees the round over");
	/* The rows the board's last draw showed first (view_rally_draw). */
	a.dash.rally.first[0] = row_of(&a, "1211");
	a.dash.rally.first[1] = row_of(&a, "9999");
	a.dash.rally.nfirst = 2;
	press(&a, "m");
	ok(a.dash.view == &view_heatmap && a.dash.rally.shown, "m: back on the board");
	ok(a.dash.rally.inflight, "a round starts at once");
	is_int(minute_requests(trace, codes, 16), 2 * INTRADAY_PARALLEL, "4 more asked");
	ok(strcmp(codes[4], "01211") == 0 && strcmp(codes[5], "09999") == 0,
	   "the rows in sight first: %s %s", codes[4], codes[5]);
	http_run(a.http);
	is_int(minute_requests(trace, codes, 16), INTRADAY_PARALLEL + 8, "then the whole round");
	ok(a.dash.rally.n == 8 && !a.dash.rally.inflight, "of the 8 HK rows");
	close_app(&a, &o);
	unlink(trace);
}

/* The spark column wants the minute series of the rows in sight, and no
 * others; the periodic refresh asks again only once a minute has passed. */
static void sparks(const char *base)
{
	const int want[] = { COL_CODE, COL_LAST, COL_SPARK };
	struct options o;
	struct app a;

	open_app(&a, &o, base, EIGHT, false);
	ok(a.dash.view == &view_watchlist, "on the watchlist");
	/* What the watchlist's draw leaves: its columns and rows in sight. */
	columns_fit(want, 2, 80, 1, 12, &a.dash.cols.at);
	rally_control_refresh(&a);
	is_int(http_pending(a.http), 0, "no spark column: no minute series");
	columns_fit(want, 3, 80, 1, 12, &a.dash.cols.at);
	for (int i = 0; i < 3; i++)
		a.dash.rally.first[i] = i + 2;
	a.dash.rally.nfirst = 3;
	rally_control_refresh(&a);
	is_int(a.intra.n, 3, "the spark column: the 3 rows in sight, not the 8");
	http_run(a.http);
	ok(a.dash.rally.v[0].last && a.dash.rally.v[2].last, "their series came");
	a.refresh_by_timer = true;
	rally_control_refresh(&a);
	is_int(http_pending(a.http), 0, "the next periodic refresh, within the minute: none asked");
	a.round_end_ms -= 61000;
	rally_control_refresh(&a);
	ok(http_pending(a.http) > 0, "a minute on: asked again");
	http_run(a.http);
	a.refresh_by_timer = false;
	close_app(&a, &o);
}

static size_t replies(const struct app *a)
{
	size_t n = 0;

	for (size_t i = 0; i < a->intra.n; i++)
		n += a->intra.v[i].done;
	return n;
}

/* A loop pass draws once, however many minute series it brought: replies
 * only set the dirty flag. On a virtual screen, as the screen tests. */
static void coalesced(const char *base)
{
	struct timespec gather = { 0, 100 * 1000000L };
	struct options o;
	struct app a;
	char err[512];
	size_t most = 0, total = 0;
	bool drew_in_callback = false, once_a_pass = true;

	open_app(&a, &o, base, EIGHT, false);
	setenv("TERM", "xterm-256color", 1);
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	if (!ui_init(&a.ui, true, false, err, sizeof err)) {
		printf("Bail out! ui_init: %s\n", err);
		exit(1);
	}
	press(&a, "m");
	press(&a, "b");
	app_render(&a);
	is_int(a.dash.rally.nfirst, 8, "the board drew its rows: those in sight are asked first");
	while (http_pending(a.http) > 0) {
		size_t before = replies(&a), got;
		unsigned long drawn = a.renders;
		http_poll(a.http, NULL, 0, 1000);
		nanosleep(&gather, NULL); /* let replies gather, as while a screen is drawn */
		http_dispatch(a.http);
		got = replies(&a) - before;
		drew_in_callback |= a.renders != drawn;
		app_render(&a);
		if (a.renders - drawn > 1 || (got && a.renders - drawn != 1))
			once_a_pass = false;
		most = got > most ? got : most;
		total += got;
	}
	is_int(total, 8, "8 replies");
	ok(!drew_in_callback, "no reply draws by itself");
	ok(once_a_pass, "a pass that brings replies draws once");
	ok(most >= 2, "a pass brought %zu replies, drawn once (else this proves nothing)", most);
	ui_done(&a.ui);
	close_app(&a, &o);
}

/* A refresh re-sorts the board; the cursor and the detail view stay on
 * their tickers wherever those land. The demo market answers: no HTTP. */
static void resort(void)
{
	struct options o;
	struct app a;
	long moved = 0;

	setenv("HKTOP_DEMO_SEED", "7", 1);
	open_app(&a, &o, NULL, "0700 9988 3690 1810 1211 2015", true);
	a.dash.board.sort = COL_PCT;
	a.dash.board.desc = true;
	a.dash.selected = row_of(&a, "1810");
	press(&a, "<Enter>");
	press(&a, "<Esc>");
	ok(strcmp(code_at(&a, a.dash.detail_row), "01810") == 0, "the detail view showed 1810");
	for (int i = 0; i < 5; i++) {
		long was = a.dash.selected;
		refresh_start(&a);
		moved += a.dash.selected != was;
	}
	ok(moved > 0, "the refreshes moved 1810 in the sort (else this test proves nothing)");
	ok(strcmp(code_at(&a, a.dash.selected), "01810") == 0, "the cursor stayed on 1810");
	ok(strcmp(code_at(&a, a.dash.detail_row), "01810") == 0, "and so did the detail view");
	for (size_t i = 1; i < a.dash.board.n; i++)
		if (a.dash.board.rows[i - 1].q.f[QF_CHANGE_PCT].v < a.dash.board.rows[i].q.f[QF_CHANGE_PCT].v)
			moved = -1;
	ok(moved > 0, "by change %%, biggest first");
	/* The watchlist's sort key: the view asks for the resort. */
	press(&a, "S");
	ok(!a.dash.board.desc, "S reverses the sort");
	ok(strcmp(code_at(&a, a.dash.selected), "01810") == 0, "the cursor follows 1810");
	ok(strcmp(code_at(&a, a.dash.detail_row), "01810") == 0, "the detail view too");
	close_app(&a, &o);
}

/* The news controller: headlines are fetched when the loop starts them
 * and when the headlines view wants them all (r), never by the view; what
 * arrives reaches the views through the dash. */
static void news(const char *base)
{
	struct options o;
	struct app a;
	char url[128];
	size_t before;

	snprintf(url, sizeof url, "%s/feed.xml", base);
	feed_url = url;
	open_app(&a, &o, base, "0700 9988", false);
	feed_url = NULL;
	ok(!a.dash.news.list || a.dash.news.list->n == 0, "no headline before anything is fetched");
	is_int(http_pending(a.http), 0, "and nothing asked for");
	news_control_start(&a, true);
	ok(http_pending(a.http) > 0, "the loop's start asks the feed");
	http_run(a.http);
	ok(a.dash.news.list && a.dash.news.list->n > 0, "its headlines reach the dash");
	before = a.dash.news.list ? a.dash.news.list->n : 0;

	press(&a, "n");
	ok(a.dash.view == &view_news, "n opens the headlines");
	is_int(http_pending(a.http), 0, "opening them asks for nothing: the sources are fresh");
	ok(!a.dash.news.want_status, "the controller took the view's want of the sources' state");
	press(&a, "r");
	ok(!a.dash.news.want_all, "r in the view: the controller took the want");
	ok(http_pending(a.http) > 0, "and asked every source again");
	http_run(a.http);
	is_int(a.dash.news.list ? a.dash.news.list->n : 0, before, "the same feed: the same headlines");
	press(&a, "<Esc>");
	ok(a.dash.view != &view_news, "Esc leaves them");
	close_app(&a, &o);
}

int main(void)
{
	struct loopback lb;

	loopback_start(&lb,
		       "/appstock/app/minute/query?code=hk00700 200 $/tencent-minute-0700.json\n"
		       "/appstock/app/minute/query?code=hk09988 200 $/tencent-minute-heat-9988.json\n"
		       "/appstock/app/minute/query?code=hk03690 200 $/tencent-minute-heat-3690.json\n"
		       "/appstock/app/minute/query?code=hk01810 200 $/tencent-minute-heat-1810.json\n"
		       "/appstock/app/minute/query?code=hk09618 200 $/tencent-minute-heat-9618.json\n"
		       "/appstock/app/minute/query?code=hk00981 200 $/tencent-minute-heat-981.json\n"
		       "/appstock/app/minute/query?code=hk01211 200 $/tencent-minute-heat-1211.json\n"
		       "/appstock/app/minute/query?code=hk09999 200 $/tencent-minute-heat-9999.json\n"
		       "/appstock/app/fqkline/get?param=hk00700,day 200 $/tencent-kline-day.json\n"
		       "/feed.xml 200 $/yahoo-rss.xml\n");
	detail(lb.base);
	rally(lb.base);
	rally_round(lb.base);
	sparks(lb.base);
	coalesced(lb.base);
	resort();
	news(lb.base);
	loopback_stop(&lb);
	return tap_done();
}
