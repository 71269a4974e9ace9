/* series_fetch.h - fetch one chart series over the shared curl multi loop
 *
 * The I/O half of the charts: plan the request (series_source_plan), GET it on
 * struct http, parse the reply with the parser the plan names, and when
 * the first source fails ask the second one. Pure parsing lives in
 * series*.c; this file only moves bytes and causes. */
#ifndef HKTOP_SERIES_FETCH_H
#define HKTOP_SERIES_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "net/http.h"
#include "feeds/series_source.h"

struct seriesfetch_config {
	const char *tencent_base;  /* NULL: the public host */
	const char *yahoo_base;
	long timeout_ms;
	size_t max_body;           /* capped at SERIES_MAX_BODY */
	bool failover;             /* ask the second source when the first fails */
};

/* Runs exactly once per started fetch. On success ok is true and *s holds
 * the bars, which the callee takes over (it must series_done them one
 * day); on failure s->n is 0 and s->err says why, naming every source that
 * was tried. cancelled is true when the transfer was abandoned because
 * struct http is being freed: do nothing then but forget the fetch. */
typedef void (*seriesfetch_fn)(void *arg, bool ok, struct series *s, bool cancelled);

/* Start fetching range r of *in. Both sources' URLs are planned here, so
 * nothing needs to outlive the call but h. False (with the cause) if nothing was started,
 * and then done will not run. */
bool series_fetch_start(struct http *h, const struct seriesfetch_config *cfg,
		       const struct instrument *in, enum series_range r,
		       seriesfetch_fn done, void *arg, char *err, size_t errlen);

#endif
