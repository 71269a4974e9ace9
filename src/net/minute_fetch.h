/* minute_fetch.h - the rally board's minute series: fetched in parallel, last good kept
 *
 * One entry per instrument on the board. A round asks Tencent's minute
 * endpoint for each of them, at most INTRADAY_PARALLEL at a time on the
 * app's shared struct http. A reply that parses replaces the entry's
 * series; a failure keeps the old one, marked stale with the cause. The
 * request state belongs to its callback, which frees it whatever the
 * outcome, so a transfer cancelled at exit ("cancelled") leaks nothing and
 * starts nothing new. */
#ifndef HKTOP_MINUTE_FETCH_H
#define HKTOP_MINUTE_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "model/intraday.h"
#include "net/http.h"
#include "feeds/series_source.h"

#define INTRADAY_PARALLEL 4

struct intraday {
	struct http *http;      /* not owned */
	char base[SERIES_URL_MAX];
	long timeout_ms;
	size_t max_body;
	struct intraday_entry *v; /* owned */
	size_t n;
	size_t next;            /* the round's next entry to ask for */
	int inflight;
	size_t failed;          /* in the last finished round */
	char first_err[SERIES_ERR_MAX];
	void (*changed)(void *arg); /* a reply came: redraw */
	void *arg;
};

void minute_fetch_init(struct intraday *d, struct http *http, const char *base, long timeout_ms,
		   size_t max_body, void (*changed)(void *), void *arg);
void minute_fetch_done(struct intraday *d);

/* Make the entries those of in[n] (entries still listed keep their series).
 * False when out of memory, the entries left as they were. */
bool minute_fetch_set(struct intraday *d, const struct instrument *in, size_t n);

/* Start a round unless one is running. */
void minute_fetch_refresh(struct intraday *d);

/* The entry of an instrument, or NULL. */
const struct intraday_entry *minute_fetch_find(const struct intraday *d, const struct instrument *in);

#endif
