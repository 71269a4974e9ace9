/* minute_fetch.h - the rally board's minute series: fetched in parallel, last good kept
 *
 * One entry per instrument on the board, found by a symbol index. A round
 * asks Tencent's minute endpoint for each of them in the entries' order,
 * at most INTRADAY_PARALLEL at a time on the app's shared struct http. A
 * reply that parses is cut into the board's columns (the owner's `cut`)
 * and the series dropped; a failure keeps the old day, marked stale with
 * the cause. A round can be stopped: nothing more is asked, and what is
 * in flight still lands. The
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
	struct symbol_index ix;  /* where each instrument's entry is */
	size_t next;            /* the round's next entry to ask for */
	int inflight;
	size_t failed;          /* in the last finished round */
	char first_err[SERIES_ERR_MAX];
	/* A good series for e: cut it into e (intraday_entry_set); false
	 * when out of memory. */
	bool (*cut)(void *arg, struct intraday_entry *e, const struct series *s);
	void (*changed)(void *arg); /* a reply came: redraw */
	void *arg;
	/* --demo: the replies are written by serve, at once, instead of asked
	 * for over HTTP; they go through the same parser. False with a cause. */
	bool (*serve)(void *serve_arg, const struct instrument *in, char **body, size_t *len,
		      char *err, size_t errlen);
	void *serve_arg;
	const char *serve_name; /* named in its errors instead of "tencent" */
};

void minute_fetch_init(struct intraday *d, struct http *http, const char *base, long timeout_ms,
		   size_t max_body,
		   bool (*cut)(void *, struct intraday_entry *, const struct series *),
		   void (*changed)(void *), void *arg);
void minute_fetch_done(struct intraday *d);

/* Make the entries those of in[n], in that order, the order a round asks
 * in (entries still listed keep their days). False when out of memory,
 * the entries left as they were. */
bool minute_fetch_set(struct intraday *d, const struct instrument *in, size_t n);

/* Start a round unless one is running. */
void minute_fetch_refresh(struct intraday *d);

/* Is a round running: entries left to ask, or replies to come? */
bool minute_fetch_running(const struct intraday *d);

/* Ask nothing more this round; replies in flight still land. */
void minute_fetch_stop(struct intraday *d);

/* The entry of an instrument, or NULL. */
const struct intraday_entry *minute_fetch_find(const struct intraday *d, const struct instrument *in);

#endif
