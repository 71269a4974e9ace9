/* fetch_config.c - the options, read for the fetchers, which know no options */
#include "config.h"

#include <string.h>

#include "app/fetch_config.h"
#include "feeds/quote_source.h"

_Static_assert(OPT_URL_MAX <= NEWSFEED_URL_MAX, "every URL the options take fits a source");

void fetch_config_init(struct fetch_config *fc, const struct options *o)
{
	const struct quote_source *primary = quote_source_by_name(quote_source_names[o->quotes_source]);
	const struct quote_source *other = primary == &quote_tencent_source ? &quote_sina_source : &quote_tencent_source;

	memset(fc, 0, sizeof *fc);
	fc->primary = primary;
	fc->primary_url = primary == &quote_tencent_source ? o->tencent_quote_url : o->sina_quote_url;
	if (o->quotes_failover) {
		fc->fallback = other;
		fc->fallback_url = other == &quote_tencent_source ? o->tencent_quote_url : o->sina_quote_url;
	}
	fc->timeout_ms = o->timeout * 1000;
	fc->max_body = (size_t)o->max_body;
}

void fetch_config_news_init(struct newsfetch_config *c, const struct options *o)
{
	memset(c, 0, sizeof *c);
	/* news.sources: bit i is options_news_source_choices[i]. */
	c->feed.yahoo = o->news_sources & 1u;
	c->feed.google = o->news_sources & 2u;
	c->feed.eastmoney = o->news_sources & 4u;
	c->feed.yahoo_rss_url = o->yahoo_rss_url;
	c->feed.google_news_url = o->google_news_url;
	c->feed.eastmoney_news_url = o->eastmoney_news_url;
	c->feed.feeds = o->news_feeds;
	c->feed.count = (size_t)o->news_count;
	c->interval_ms = o->news_interval * 1000;
	c->timeout_ms = o->timeout * 1000;
	c->max_body = (size_t)o->news_max_body;
}
