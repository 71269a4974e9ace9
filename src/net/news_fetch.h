/* news_fetch.h - headline sources over HTTP, each on its own deadline */
#ifndef HKTOP_NEWS_FETCH_H
#define HKTOP_NEWS_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "net/http.h"
#include "feeds/news_feed.h"

/* Called after each response has been merged in (also for a failure). */
typedef void (*newsfetch_changed_fn)(void *arg, const struct newsfeed_source *s);

/* The sources, and how often and how long to ask them and how much to
 * take: news.interval, timeout, news.max_body. */
struct newsfetch_config {
	struct newsfeed_config feed;
	long interval_ms;
	long timeout_ms;
	size_t max_body;
};

struct newsfetch {
	struct newsfeed feed;
	struct http *http;          /* shared with the quotes; not owned */
	long interval_ms;           /* news.interval */
	long timeout_ms;            /* timeout */
	size_t max_body;            /* news.max_body */
	time_t fixed_now;           /* HKTOP_NOW in tests; 0: the real clock */
	newsfetch_changed_fn changed;
	void *arg;
};

/* Set up the sources of c; demo loads the built-in demo feed and never
 * fetches. http may be NULL in demo mode. */
bool news_fetch_init(struct newsfetch *nf, struct http *http, const struct newsfetch_config *c,
		    const struct instrument_db *db, bool demo, time_t fixed_now,
		    char *err, size_t errlen);

/* Free the sources. Free the struct http first: a transfer still in
 * flight calls back into this (or, with an older http_free, is dropped). */
/* --demo: the demo headlines published by now (the demo clock). */
void news_fetch_demo_at(struct newsfetch *nf, time_t now);
void news_fetch_done(struct newsfetch *nf);

/* Start every source that is idle and due at now_ms (monotonic). */
void news_fetch_start_due(struct newsfetch *nf, long long now_ms);

/* Make every idle source due now (the refresh key), and start them. */
void news_fetch_refresh(struct newsfetch *nf, long long now_ms);

/* The earliest deadline of an idle source (monotonic ms), -1 for none:
 * what the loop's poll timeout must include. */
long long news_fetch_next_ms(const struct newsfetch *nf);

/* Sources with a request in flight. */
size_t news_fetch_pending(const struct newsfetch *nf);

#endif
