/* options.c - parse, validate and describe every config key from one table */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/options.h"
#include "model/board.h"
#include "model/quote.h"
#include "base/text.h"

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
};
const size_t options_count = sizeof options_table / sizeof options_table[0];

static void *slot(struct options *o, const struct option_def *d)
{
	return (char *)o + d->offset;
}

static const void *cslot(const struct options *o, const struct option_def *d)
{
	return (const char *)o + d->offset;
}

const struct option_def *options_find(const char *name)
{
	for (size_t i = 0; i < options_count; i++)
		if (strcmp(options_table[i].name, name) == 0)
			return &options_table[i];
	return NULL;
}

void options_init(struct options *o)
{
	char err[256];

	memset(o, 0, sizeof *o);
	keys_init(&o->keys);
	for (size_t i = 0; i < options_count; i++)
		if (!options_set(o, options_table[i].name, options_table[i].def, err, sizeof err))
			abort(); /* a bad default is a build bug; test-options catches it */
}

void options_done(struct options *o)
{
	free(o->watchlist);
	o->watchlist = NULL;
	o->nwatch = 0;
}

static bool fail(char *err, size_t errlen, const char *value, const char *cause)
{
	text_quote_error(err, errlen, value, cause);
	return false;
}

static bool parse_long(const char *s, long *out, long *mul_out, bool allow_suffix)
{
	char *end;
	long v, mul = 1;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s)
		return false;
	if (allow_suffix && (*end == 'K' || *end == 'k')) {
		mul = 1024;
		end++;
	} else if (allow_suffix && (*end == 'M' || *end == 'm')) {
		mul = 1024 * 1024;
		end++;
	}
	if (*end != '\0')
		return false;
	*out = v;
	*mul_out = mul;
	return true;
}

static bool set_number(struct options *o, const struct option_def *d, const char *value,
		       char *err, size_t errlen)
{
	long v, mul;
	char cause[128];

	if (!parse_long(value, &v, &mul, d->type == OPT_SIZE))
		return fail(err, errlen, value, d->type == OPT_SIZE ?
			    "not a size (e.g. 2M, 512K, 65536)" : "not a whole number");
	if (v > d->max / mul || v * mul < d->min) {
		snprintf(cause, sizeof cause, "out of range %ld..%ld%s%s", d->min, d->max,
			 d->unit ? " " : "", d->unit ? d->unit : "");
		return fail(err, errlen, value, cause);
	}
	*(long *)slot(o, d) = v * mul;
	return true;
}

static bool set_bool(struct options *o, const struct option_def *d, const char *value,
		     char *err, size_t errlen)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };

	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(value, yes[i]) == 0) {
			*(bool *)slot(o, d) = true;
			return true;
		}
		if (strcasecmp(value, no[i]) == 0) {
			*(bool *)slot(o, d) = false;
			return true;
		}
	}
	return fail(err, errlen, value, "not yes or no");
}

static bool set_choice(struct options *o, const struct option_def *d, const char *value,
		       char *err, size_t errlen)
{
	char cause[160] = "not one of";
	size_t used = strlen(cause);

	for (int i = 0; d->choices[i]; i++) {
		if (strcmp(value, d->choices[i]) == 0) {
			*(int *)slot(o, d) = i;
			return true;
		}
		used += (size_t)snprintf(cause + used, used < sizeof cause ? sizeof cause - used : 0,
					 "%s %s", i ? "," : "", d->choices[i]);
		if (used >= sizeof cause)
			used = sizeof cause - 1;
	}
	return fail(err, errlen, value, cause);
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* An http:// or https:// URL; *n becomes its length without trailing slashes. */
static bool check_url(const char *value, size_t *n, char *err, size_t errlen)
{
	if (strncmp(value, "http://", 7) != 0 && strncmp(value, "https://", 8) != 0)
		return fail(err, errlen, value, "not an http:// or https:// URL");
	if (strpbrk(value, " \"<>\\^`{|}"))
		return fail(err, errlen, value, "URL contains a space or an unsafe character");
	while (*n > 8 && value[*n - 1] == '/')
		(*n)--;
	return true;
}

static bool set_string(struct options *o, const struct option_def *d, const char *value,
		       char *err, size_t errlen)
{
	char *dst = slot(o, d);
	size_t n = strlen(value);

	if (has_control(value))
		return fail(err, errlen, value, "contains control characters");
	if (d->type == OPT_URL && !check_url(value, &n, err, errlen))
		return false;
	if (d->check && !d->check(value, err, errlen))
		return false;
	if (n >= d->size)
		return fail(err, errlen, value, "too long");
	memcpy(dst, value, n);
	dst[n] = '\0';
	return true;
}

static bool set_symbols(struct options *o, const char *value, char *err, size_t errlen)
{
	struct instrument *list = NULL, *grown;
	size_t n = 0, cap = 0;
	const char *p = value;

	while (*p) {
		char word[64];
		size_t len = strcspn(p, " \t,");
		struct instrument in;

		if (len == 0) {
			p++;
			continue;
		}
		if (len >= sizeof word) {
			free(list);
			return fail(err, errlen, p, "not a symbol (too long)");
		}
		memcpy(word, p, len);
		word[len] = '\0';
		p += len;
		if (!symbol_parse(word, &in, err, errlen)) {
			free(list);
			return false;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(grown = realloc(list, cap * sizeof *list))) {
				free(list);
				return fail(err, errlen, "watchlist", "out of memory");
			}
			list = grown;
		}
		list[n++] = in;
	}
	if (!symbol_dedup(list, &n)) { /* a name listed twice is shown once */
		free(list);
		return fail(err, errlen, "watchlist", "out of memory");
	}
	free(o->watchlist);
	o->watchlist = list;
	o->nwatch = n;
	o->watchlist_sets++;
	return true;
}

/* Words separated by spaces or commas, each one of the choices. */
static bool set_flags(struct options *o, const struct option_def *d, const char *value,
		      char *err, size_t errlen)
{
	unsigned flags = 0;
	const char *p = value;

	while (*p) {
		size_t len = strcspn(p, " \t,");
		int i;

		if (len == 0) {
			p++;
			continue;
		}
		for (i = 0; d->choices[i]; i++)
			if (strlen(d->choices[i]) == len && strncmp(p, d->choices[i], len) == 0)
				break;
		if (d->choices[i]) {
			flags |= 1u << i;
		} else if (!(len == 4 && strncmp(p, "none", 4) == 0)) {
			char word[64];
			snprintf(word, sizeof word, "%.*s", (int)len, p);
			return set_choice(o, d, word, err, errlen); /* fails, naming the choices */
		}
		p += len;
	}
	*(unsigned *)slot(o, d) = flags;
	return true;
}

/* Each word must be a URL as OPT_URL takes it; stored one space apart. */
static bool set_urls(struct options *o, const struct option_def *d, const char *value,
		     char *err, size_t errlen)
{
	char *dst = slot(o, d), out[OPT_URLS_MAX];
	size_t used = 0;
	const char *p = value;

	if (has_control(value))
		return fail(err, errlen, value, "contains control characters");
	while (*p) {
		size_t len = strcspn(p, " \t"), n;
		char word[OPT_URL_MAX];

		if (len == 0) {
			p++;
			continue;
		}
		if (len >= sizeof word)
			return fail(err, errlen, p, "too long");
		memcpy(word, p, len);
		word[len] = '\0';
		p += len;
		n = len;
		if (!check_url(word, &n, err, errlen))
			return false;
		if (used + n + 2 > sizeof out || used + n + 2 > d->size)
			return fail(err, errlen, value, "too long");
		if (used)
			out[used++] = ' ';
		memcpy(out + used, word, n);
		used += n;
	}
	out[used] = '\0';
	memcpy(dst, out, used + 1);
	return true;
}

bool options_set(struct options *o, const char *name, const char *value,
		 char *err, size_t errlen)
{
	const struct option_def *d = options_find(name);

	if (!d)
		return fail(err, errlen, name, "unknown key (see hktop --help)");
	switch (d->type) {
	case OPT_INT:
	case OPT_SIZE:
		return set_number(o, d, value, err, errlen);
	case OPT_BOOL:
		return set_bool(o, d, value, err, errlen);
	case OPT_CHOICE:
		return set_choice(o, d, value, err, errlen);
	case OPT_URL:
	case OPT_STRING:
		return set_string(o, d, value, err, errlen);
	case OPT_SYMBOLS:
		return set_symbols(o, value, err, errlen);
	case OPT_FLAGS:
		return set_flags(o, d, value, err, errlen);
	case OPT_URLS:
		return set_urls(o, d, value, err, errlen);
	}
	return fail(err, errlen, name, "unhandled type");
}

bool options_set_pair(struct options *o, const char *pair, char *err, size_t errlen)
{
	const char *eq = strchr(pair, '=');
	char key[64];
	size_t klen;

	if (!eq)
		return fail(err, errlen, pair, "expected KEY=VALUE");
	klen = (size_t)(eq - pair);
	while (klen > 0 && isspace((unsigned char)pair[klen - 1]))
		klen--;
	if (klen == 0 || klen >= sizeof key)
		return fail(err, errlen, pair, "expected KEY=VALUE");
	memcpy(key, pair, klen);
	key[klen] = '\0';
	eq++;
	while (isspace((unsigned char)*eq))
		eq++;
	return options_set(o, key, eq, err, errlen);
}

size_t options_format(const struct options *o, const struct option_def *d, char *buf, size_t len)
{
	const void *v = cslot(o, d);
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	switch (d->type) {
	case OPT_INT:
	case OPT_SIZE:
		return (size_t)snprintf(buf, len, "%ld", *(const long *)v);
	case OPT_BOOL:
		return (size_t)snprintf(buf, len, "%s", *(const bool *)v ? "yes" : "no");
	case OPT_CHOICE:
		return (size_t)snprintf(buf, len, "%s", d->choices[*(const int *)v]);
	case OPT_URL:
	case OPT_STRING:
		return (size_t)snprintf(buf, len, "%s", (const char *)v);
	case OPT_URLS:
		return (size_t)snprintf(buf, len, "%s", (const char *)v);
	case OPT_FLAGS:
		for (int i = 0; d->choices[i]; i++)
			if (*(const unsigned *)v & (1u << i))
				used += (size_t)snprintf(used < len ? buf + used : NULL,
							 used < len ? len - used : 0, "%s%s",
							 used ? " " : "", d->choices[i]);
		if (!used)
			return (size_t)snprintf(buf, len, "none");
		break;
	case OPT_SYMBOLS:
		/* Counts on past the end of buf, so the caller learns the size. */
		for (size_t i = 0; i < o->nwatch; i++)
			used += (size_t)snprintf(used < len ? buf + used : NULL, used < len ? len - used : 0,
						 "%s%s", i ? " " : "", o->watchlist[i].display);
		break;
	}
	return used;
}

void options_print_help(FILE *fp)
{
	for (size_t i = 0; i < options_count; i++) {
		const struct option_def *d = &options_table[i];
		const char *def = d->def;

		if (d->type == OPT_SYMBOLS)
			def = "see share/hktoprc";
		fprintf(fp, "  %-20s %s", d->name, d->help);
		if (d->type == OPT_INT || d->type == OPT_SIZE)
			fprintf(fp, " (%ld-%ld %s)", d->min, d->max, d->unit);
		if (d->type == OPT_CHOICE || d->type == OPT_FLAGS)
			for (int c = 0; d->choices[c]; c++)
				fprintf(fp, "%s%s%s", c ? ", " : " (", d->choices[c],
					d->choices[c + 1] ? "" : ")");
		if (def[0] && strlen(def) < 40)
			fprintf(fp, " [%s]", def);
		fputc('\n', fp);
	}
}
