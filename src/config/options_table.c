/* options_table.c - every config key: its name, type, limits, default
 * and help line. The master copy: options.c parses by it, and --help,
 * the man page check (tests/cli.sh) and the built-in hktoprc check
 * (tests/test-options.c) all read it. */
#include "config.h"

#include <stddef.h>

#include "base/notify.h"
#include "config/options.h"
#include "model/board.h"
#include "model/quote.h"

static const char *const names_choices[] = { "en", "zh", NULL };
static const char *const colors_up_choices[] = { "auto", "green", "red", NULL };
static const char *const chart_style_choices[] = { "line", "candle", NULL };
/* In enum heatmap_area order. */
const char *const options_heatmap_area_choices[] = { "cap", "equal", "turnover", NULL };
const char *const options_news_source_choices[] = { "yahoo", "google", "eastmoney", NULL };

/* The columns key names columns, each once (board_cols_parse). */
static bool check_columns(const char *value, char *err, size_t errlen)
{
	int order[COL_COUNT];
	size_t n;

	return board_cols_parse(value, order, &n, err, errlen);
}

#define OFF(field) .offset = offsetof(struct options, field), \
	.size = sizeof(((struct options *)0)->field)

/* The master copy. --help, the man page check (tests/cli.sh) and the
 * built-in hktoprc check (tests/test-options.c) all read this table. */
const struct option_def options_table[] = {
	{ .name = "watchlist", .type = OPT_SYMBOLS, OFF(watchlist), .def = "",
	  .help = "symbols on the dashboard, in order (700, 0700.HK, HSI, BABA, ...)" },
	{ .name = "refresh", .type = OPT_INT, OFF(refresh), .min = 1, .max = 3600,
	  .def = "5", .unit = "seconds", .help = "time between quote refreshes" },
	{ .name = "timeout", .type = OPT_INT, OFF(timeout), .min = 1, .max = 120,
	  .def = "10", .unit = "seconds", .help = "time before a request is abandoned" },
	{ .name = "max_body", .type = OPT_SIZE, OFF(max_body), .min = 4096,
	  .max = 64L << 20, .def = "2M", .unit = "bytes",
	  .help = "largest response accepted (K and M suffixes allowed)" },
	{ .name = "quotes.source", .type = OPT_CHOICE, OFF(quotes_source),
	  .choices = quote_source_names, .def = "tencent",
	  .help = "primary quote source" },
	{ .name = "quotes.failover", .type = OPT_BOOL, OFF(quotes_failover), .def = "yes",
	  .help = "let the other source take over when the primary fails" },
	{ .name = "tencent.quote_url", .type = OPT_URL, OFF(tencent_quote_url),
	  .def = "https://qt.gtimg.cn", .help = "base URL of Tencent's quote service" },
	{ .name = "sina.quote_url", .type = OPT_URL, OFF(sina_quote_url),
	  .def = "https://hq.sinajs.cn", .help = "base URL of Sina's quote service" },
	{ .name = "tencent.chart_url", .type = OPT_URL, OFF(tencent_chart_url),
	  .def = "https://web.ifzq.gtimg.cn",
	  .help = "base URL of Tencent's minute and kline charts (detail view, rally board)" },
	{ .name = "yahoo.url", .type = OPT_URL, OFF(yahoo_url),
	  .def = "https://query1.finance.yahoo.com",
	  .help = "base URL of Yahoo's chart service (second chart source, USD/HKD)" },
	{ .name = "chart.style", .type = OPT_CHOICE, OFF(chart_style), .choices = chart_style_choices,
	  .def = "line", .help = "detail view chart when it opens (c toggles)" },
	{ .name = "chart.failover", .type = OPT_BOOL, OFF(chart_failover), .def = "yes",
	  .help = "ask Yahoo for a chart when Tencent fails, and the reverse" },
	{ .name = "names", .type = OPT_CHOICE, OFF(names), .choices = names_choices,
	  .def = "en", .help = "language of instrument names" },
	{ .name = "colors.up", .type = OPT_CHOICE, OFF(colors_up), .choices = colors_up_choices,
	  .def = "auto", .help = "colour of a rise; auto: red in zh_CN/zh_TW/ja/ko locales" },
	{ .name = "user_agent", .type = OPT_STRING, OFF(user_agent),
	  .def = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
		 "Chrome/131.0.0.0 Safari/537.36",
	  .help = "User-Agent header sent to every service" },
	{ .name = "heatmap.area", .type = OPT_CHOICE, OFF(heatmap_area),
	  .choices = options_heatmap_area_choices, .def = "cap",
	  .help = "heatmap tile area at start: market cap, equal or turnover" },
	{ .name = "heatmap.bucket", .type = OPT_INT, OFF(heatmap_bucket), .min = 1, .max = 60,
	  .def = "15", .unit = "minutes", .help = "time a rally board column spans" },
	{ .name = "columns", .type = OPT_STRING, OFF(columns), .check = check_columns,
	  .def = "code name last chg chg% open high low prev vwap vol turnover cap pe pb yield 52w lot time",
	  .help = "watchlist columns, left to right; the least important drop when narrow" },
	{ .name = "flash", .type = OPT_BOOL, OFF(flash), .def = "yes",
	  .help = "a changed price flashes in the colour of its move" },
	{ .name = "news.sources", .type = OPT_FLAGS, OFF(news_sources),
	  .choices = options_news_source_choices, .def = "yahoo google eastmoney",
	  .help = "built-in headline sources that are on, or none" },
	{ .name = "news.feeds", .type = OPT_URLS, OFF(news_feeds), .def = "",
	  .help = "more RSS or Atom feed URLs for headlines, separated by spaces" },
	{ .name = "news.interval", .type = OPT_INT, OFF(news_interval), .min = 30, .max = 86400,
	  .def = "120", .unit = "seconds", .help = "time between fetches of each headline source" },
	{ .name = "news.count", .type = OPT_INT, OFF(news_count), .min = 10, .max = 5000,
	  .def = "200", .unit = "headlines", .help = "newest headlines kept" },
	{ .name = "news.fresh", .type = OPT_INT, OFF(news_fresh), .min = 60, .max = 86400,
	  .def = "3600", .unit = "seconds",
	  .help = "headlines this young mark their names on the watchlist" },
	{ .name = "news.max_body", .type = OPT_SIZE, OFF(news_max_body), .min = 4096,
	  .max = 4L << 20, .def = "1M", .unit = "bytes",
	  .help = "largest headline feed accepted (K and M suffixes allowed)" },
	{ .name = "yahoo.rss_url", .type = OPT_URL, OFF(yahoo_rss_url),
	  .def = "https://feeds.finance.yahoo.com", .help = "base URL of Yahoo Finance's RSS headlines" },
	{ .name = "google.news_url", .type = OPT_URL, OFF(google_news_url),
	  .def = "https://news.google.com", .help = "base URL of Google News RSS search" },
	{ .name = "eastmoney.news_url", .type = OPT_URL, OFF(eastmoney_news_url),
	  .def = "https://np-listapi.eastmoney.com", .help = "base URL of Eastmoney's 7x24 news" },
	{ .name = "record.max_size", .type = OPT_SIZE, OFF(record_max_size), .min = 65536,
	  .max = 2047L << 20, .def = "1024M", .unit = "bytes",
	  .help = "--record: bytes a run writes at most, then recording stops" },
	{ .name = "replay.speed", .type = OPT_INT, OFF(replay_speed), .min = 1, .max = 10000,
	  .def = "1", .unit = "times real time", .help = "--replay: how fast the recording plays" },
	{ .name = "replay.start", .type = OPT_STRING, OFF(replay_start), .def = "",
	  .help = "--replay: HH:MM[:SS] or YYYY-MM-DD HH:MM[:SS] HKT to start at; end: its end" },
	{ .name = "alerts.file", .type = OPT_STRING, OFF(alerts_file), .def = "",
	  .help = "alert rules file; empty: ~/.config/hktop/alerts" },
	{ .name = "alerts.notify", .type = OPT_CHOICE, OFF(alerts_notify), .choices = notify_names,
	  .def = "auto", .help = "how an alert is told: auto, osc9, osc777, osc99, bell or none" },
	{ .name = "alerts.command", .type = OPT_STRING, OFF(alerts_command), .def = "",
	  .help = "program run (no shell) with the message when an alert fires" },
	{ .name = "positions.file", .type = OPT_STRING, OFF(positions_file), .def = "",
	  .help = "the positions file; empty: ~/.config/hktop/positions" },
	{ .name = "demo.start", .type = OPT_CLOCK, OFF(demo_start), .def = "10:00",
	  .help = "--demo: the HKT time its simulated day starts at" },
	{ .name = "demo.speed", .type = OPT_INT, OFF(demo_speed), .min = 1, .max = 3600,
	  .def = "60", .unit = "times real time", .help = "--demo: how fast its clock runs" },
};
const size_t options_count = sizeof options_table / sizeof options_table[0];
