/* quote_fetch.h - one refresh: batch the codes, run the requests at once, fail over */
#ifndef HKTOP_QUOTE_FETCH_H
#define HKTOP_QUOTE_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "net/http.h"
#include "model/quote.h"
#include "feeds/quote_source.h"

struct fetch_config {
	const struct quote_source *primary;
	const char *primary_url;
	const struct quote_source *fallback; /* NULL: no failover */
	const char *fallback_url;
	long timeout_ms;
	size_t max_body;
};

/* Called once, when every instrument has a quote or a cause. res[i]
 * answers in[i]; the array is valid only during the call. */
typedef void (*fetch_done_fn)(void *arg, const struct quote_result *res, size_t n);

/* Start fetching quotes for in[0..n). Requests of the primary source go
 * out in parallel, max_batch codes each; instruments it could not serve
 * (HTTP error, timeout, cap, bad line, no code) are asked of the
 * fallback. Returns false only if nothing could be started. `in` is
 * copied; the caller keeps the config strings alive until done runs. */
bool quote_fetch_start(struct http *h, const struct fetch_config *cfg,
		  const struct instrument *in, size_t n, fetch_done_fn done, void *arg,
		  char *err, size_t errlen);

/* Seconds until the next refresh: every `refresh` seconds, doubled for each
 * refresh in a row that brought nothing back, capped at 5 minutes (or at
 * `refresh` when that is longer). Pure. */
long quote_fetch_backoff_s(long refresh, int failures);

/* Milliseconds before a quote source may be asked again: 0 when one may
 * now, else the shortest Retry-After left of the primary and fallback. */
long quote_fetch_wait_ms(struct http *h, const struct fetch_config *cfg);

/* A source's code for one instrument fits in this. */
#define QUOTE_FETCH_CODE_MAX 32

/* Build the request URL: base + query + the n codes joined by ','. Pure. */
bool quote_fetch_build_url(const struct quote_source *src, const char *base,
		     char (*codes)[QUOTE_FETCH_CODE_MAX], size_t n, char *buf, size_t len);

#endif
