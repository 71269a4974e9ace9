/* news_feed.h - the headline sources: their URLs, their last good headlines, one merged list
 *
 * Pure: no sockets, no curses. newsfetch.c drives it over HTTP, demo mode
 * feeds it the built-in demo feed, tests feed it fixtures. */
#ifndef HKTOP_NEWS_FEED_H
#define HKTOP_NEWS_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/instruments.h"
#include "model/news.h"
#include "model/tagger.h"

#define NEWSFEED_MAX_SOURCES 16
#define NEWSFEED_YAHOO_MAX 50   /* symbols in one Yahoo RSS request */
#define NEWSFEED_GOOGLE_TERMS 12 /* names ORed in one Google News query */
#define NEWSFEED_DEMO_SOURCE "demo"
#define NEWSFEED_URL_MAX 512     /* a base URL, or a user feed's whole URL */

enum newsfeed_kind {
	NEWSFEED_YAHOO,
	NEWSFEED_GOOGLE_EN,
	NEWSFEED_GOOGLE_HK,
	NEWSFEED_EASTMONEY,
	NEWSFEED_RSS,  /* a user's feed from news.feeds */
	NEWSFEED_DEMO, /* the built-in demo feed: never fetched */
};

struct newsfeed_source {
	enum newsfeed_kind kind;
	char name[NEWS_SOURCE_MAX];  /* "yahoo", "google", "google-hk", "eastmoney", a host */
	char base[NEWSFEED_URL_MAX]; /* base URL; a user feed's whole URL */
	struct news_list items;      /* the last good fetch, tagged: kept when a fetch fails */
	time_t ok_at;                /* wall clock of the last good fetch; 0: never */
	char err[256];               /* why the last fetch failed; "" after a good one */
	/* Scheduling, for newsfetch.c. */
	bool inflight;
	long long due_ms;            /* monotonic; 0: as soon as possible */
	void *owner;
};

struct newsfeed {
	struct newsfeed_source src[NEWSFEED_MAX_SOURCES];
	size_t nsrc;
	struct news_list merged;     /* every source's headlines, deduplicated, newest first */
	unsigned long *arrived;      /* parallel to merged.v: the generation it first came in */
	unsigned long generation;    /* bumped by each rebuild that brings something new */
	size_t keep;                 /* news.count */
	struct tagger tagger;
	struct instrument *watch;    /* owned copy of the watchlist, for the URLs */
	size_t nwatch;
	const struct instrument_db *db; /* names for the Chinese query; may be NULL */
};

/* What the sources are made of: the options news.sources, news.feeds,
 * the base URLs and news.count, taken by the caller. The strings are
 * copied by news_feed_init. */
struct newsfeed_config {
	bool yahoo, google, eastmoney; /* the built-in sources that are on */
	const char *yahoo_rss_url;
	const char *google_news_url;
	const char *eastmoney_news_url;
	const char *feeds;           /* a user's feed URLs, separated by spaces */
	size_t count;                /* headlines kept */
};

/* The sources c turns on (demo: the demo feed only), and the tagger from
 * the built-in aliases. */
bool news_feed_init(struct newsfeed *f, const struct newsfeed_config *c,
		   const struct instrument_db *db, bool demo, char *err, size_t errlen);
void news_feed_done(struct newsfeed *f);

/* Replace the watchlist the URLs are built from. */
bool news_feed_set_watch(struct newsfeed *f, const struct instrument *in, size_t n);

/* The request URL of source i at wall clock now; false when it has
 * nothing to ask (no symbols for Yahoo, no names for Google, demo). */
bool news_feed_url(const struct newsfeed *f, size_t i, time_t now, char *buf, size_t len);

/* Extra request headers of source i (NULL-terminated), or NULL. */
const char *const *news_feed_headers(const struct newsfeed *f, size_t i);

/* A response for source i: error is NULL for a 2xx answer, else its
 * cause. A good body replaces the source's headlines (tagged); an error,
 * or a body its parser refuses, keeps them and sets err. Rebuilds the
 * merged list. Returns false when the source failed. */
bool news_feed_apply(struct newsfeed *f, size_t i, const char *body, size_t len,
		    const char *error, time_t now);

/* The demo feed (RSS) as the demo source's headlines: it tells one day
 * (its newest headline's, HKT), moved to now's day, each headline at its
 * own time of day; those later than now are left out until a later call. */
bool news_feed_load_demo(struct newsfeed *f, const char *body, size_t len, time_t now);

/* Sources whose last fetch failed. */
size_t news_feed_failed(const struct newsfeed *f);

/* One line for the status bar: how many headlines, and the first failing
 * source with its cause and the age of what it still shows. */
void news_feed_summary(const struct newsfeed *f, time_t now, char *buf, size_t len);

/* Did merged headline k come in after generation since? */
bool news_feed_is_new(const struct newsfeed *f, size_t k, unsigned long since);

/* Append src to buf (len bytes, NUL-terminated, *used bytes in it) in
 * URL query encoding: unreserved bytes as they are, space as '+', the
 * rest %XX. False if it does not fit. */
bool news_feed_query_escape(char *buf, size_t len, size_t *used, const char *src);

#endif
