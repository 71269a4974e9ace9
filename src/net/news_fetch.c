/* news_fetch.c - headline sources over HTTP, each on its own deadline
 *
 * One request per source at a time, on the shared curl multi handle, so a
 * slow feed never holds up quotes. Nothing is allocated per request: the
 * callback's argument is the source itself, which lives as long as the
 * newsfetch does, and the URL is copied by http_get. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/builtin.h"
#include "base/hkclock.h"
#include "base/log.h"
#include "net/news_fetch.h"

static time_t now_wall(const struct newsfetch *nf)
{
	return nf->fixed_now ? nf->fixed_now : hkclock_wall();
}

bool news_fetch_init(struct newsfetch *nf, struct http *http, const struct newsfetch_config *c,
		    const struct instrument_db *db, bool demo, time_t fixed_now,
		    char *err, size_t errlen)
{
	memset(nf, 0, sizeof *nf);
	nf->http = http;
	nf->interval_ms = c->interval_ms;
	nf->timeout_ms = c->timeout_ms;
	nf->max_body = c->max_body;
	nf->fixed_now = fixed_now;
	if (!news_feed_init(&nf->feed, &c->feed, db, demo, err, errlen))
		return false;
	for (size_t i = 0; i < nf->feed.nsrc; i++)
		nf->feed.src[i].owner = nf;
	if (demo && !news_feed_load_demo(&nf->feed, builtin_demo_news, builtin_demo_news_len,
					now_wall(nf))) {
		snprintf(err, errlen, "demo headlines: %s", nf->feed.src[0].err);
		return false;
	}
	return true;
}

void news_fetch_demo_at(struct newsfetch *nf, time_t now)
{
	if (!news_feed_load_demo(&nf->feed, builtin_demo_news, builtin_demo_news_len, now))
		log_debug("demo headlines: %s", nf->feed.src[0].err);
	if (nf->changed)
		nf->changed(nf->arg, &nf->feed.src[0]);
}

void news_fetch_done(struct newsfetch *nf)
{
	news_feed_done(&nf->feed);
}

static void on_done(void *arg, const struct http_response *r)
{
	struct newsfeed_source *s = arg;
	struct newsfetch *nf = s->owner;
	size_t i = (size_t)(s - nf->feed.src);

	s->inflight = false;
	s->due_ms = http_mono_ms() + nf->interval_ms;
	if (!news_feed_apply(&nf->feed, i, r->body, r->len, r->error, now_wall(nf)))
		log_debug("news %s: %s", s->name, s->err);
	if (nf->changed)
		nf->changed(nf->arg, s);
}

static void start(struct newsfetch *nf, size_t i, long long now_ms)
{
	struct newsfeed_source *s = &nf->feed.src[i];
	struct http_request req;
	char url[4096], err[256];

	s->due_ms = now_ms + nf->interval_ms;
	if (!news_feed_url(&nf->feed, i, now_wall(nf), url, sizeof url))
		return; /* nothing to ask: no symbols, or the demo feed */
	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = news_feed_headers(&nf->feed, i);
	req.timeout_ms = nf->timeout_ms;
	req.max_body = nf->max_body;
	req.done = on_done;
	req.arg = s;
	if (!http_get(nf->http, &req, err, sizeof err)) {
		news_feed_apply(&nf->feed, i, NULL, 0, err, now_wall(nf));
		if (nf->changed)
			nf->changed(nf->arg, s);
		return;
	}
	s->inflight = true;
}

void news_fetch_start_due(struct newsfetch *nf, long long now_ms)
{
	if (!nf->http)
		return;
	for (size_t i = 0; i < nf->feed.nsrc; i++)
		if (!nf->feed.src[i].inflight && nf->feed.src[i].due_ms <= now_ms &&
		    nf->feed.src[i].kind != NEWSFEED_DEMO)
			start(nf, i, now_ms);
}

void news_fetch_refresh(struct newsfetch *nf, long long now_ms)
{
	for (size_t i = 0; i < nf->feed.nsrc; i++)
		if (!nf->feed.src[i].inflight)
			nf->feed.src[i].due_ms = 0;
	news_fetch_start_due(nf, now_ms);
}

long long news_fetch_next_ms(const struct newsfetch *nf)
{
	long long best = -1;

	if (!nf->http)
		return -1;
	for (size_t i = 0; i < nf->feed.nsrc; i++) {
		const struct newsfeed_source *s = &nf->feed.src[i];
		if (s->inflight || s->kind == NEWSFEED_DEMO)
			continue;
		if (best < 0 || s->due_ms < best)
			best = s->due_ms;
	}
	return best;
}

size_t news_fetch_pending(const struct newsfetch *nf)
{
	size_t n = 0;

	for (size_t i = 0; i < nf->feed.nsrc; i++)
		n += nf->feed.src[i].inflight;
	return n;
}
