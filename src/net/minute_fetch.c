/* minute_fetch.c - the rally board's minute series: fetched in parallel, last good kept */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/minute_fetch.h"
#include "base/log.h"

/* Owned by the callback of its transfer. */
struct intraday_req {
	struct intraday *d;
	struct instrument in;
};

void minute_fetch_init(struct intraday *d, struct http *http, const char *base, long timeout_ms,
		   size_t max_body, void (*changed)(void *), void *arg)
{
	memset(d, 0, sizeof *d);
	d->http = http;
	snprintf(d->base, sizeof d->base, "%s", base);
	d->timeout_ms = timeout_ms;
	d->max_body = max_body;
	d->changed = changed;
	d->arg = arg;
}

void minute_fetch_done(struct intraday *d)
{
	for (size_t i = 0; i < d->n; i++)
		series_done(&d->v[i].s);
	free(d->v);
	d->v = NULL;
	d->n = d->next = 0;
}

static long index_of(const struct intraday *d, const struct instrument *in)
{
	for (size_t i = 0; i < d->n; i++)
		if (symbol_equal(&d->v[i].in, in))
			return (long)i;
	return -1;
}

static struct intraday_entry *find(struct intraday *d, const struct instrument *in)
{
	long i = index_of(d, in);

	return i < 0 ? NULL : &d->v[i];
}

const struct intraday_entry *minute_fetch_find(const struct intraday *d, const struct instrument *in)
{
	long i = index_of(d, in);

	return i < 0 ? NULL : &d->v[i];
}

bool minute_fetch_set(struct intraday *d, const struct instrument *in, size_t n)
{
	struct intraday_entry *v = calloc(n ? n : 1, sizeof *v), *old;

	if (!v)
		return false;
	for (size_t i = 0; i < n; i++) {
		if ((old = find(d, &in[i]))) {
			v[i] = *old;
			old->s = (struct series){ 0 }; /* moved */
		} else {
			v[i].in = in[i];
		}
	}
	minute_fetch_done(d);
	d->v = v;
	d->n = n;
	d->next = n; /* a running round is over; its replies still land */
	return true;
}

static void pump(struct intraday *d);

static void done(void *arg, const struct http_response *r)
{
	struct intraday_req *q = arg;
	struct intraday *d = q->d;
	struct intraday_entry *e = find(d, &q->in);
	struct series s;

	d->inflight--;
	if (r->error && strcmp(r->error, "cancelled") == 0) {
		free(q); /* the app is going: start nothing */
		return;
	}
	if (e) {
		e->done = true;
		if (r->error) {
			snprintf(e->err, sizeof e->err, "tencent: %s: %s", q->in.display, r->error);
		} else if (series_tencent_parse_minute(r->body, r->len, &q->in, &s)) {
			series_done(&e->s);
			e->s = s;
			e->err[0] = '\0';
		} else {
			snprintf(e->err, sizeof e->err, "%s", s.err);
		}
		e->stale = e->err[0] != '\0';
		if (e->stale) {
			if (!d->failed++)
				snprintf(d->first_err, sizeof d->first_err, "%s", e->err);
			log_debug("%s", e->err);
		}
	}
	free(q);
	pump(d);
	if (d->changed)
		d->changed(d->arg);
}

/* Start e's request, or say in e why not. */
static bool ask(struct intraday *d, struct intraday_entry *e)
{
	struct intraday_req *q = malloc(sizeof *q);
	struct http_request req;
	char url[SERIES_URL_MAX], err[256];

	if (!q || !series_source_tencent_minute_url(d->base, &e->in, url, sizeof url)) {
		free(q);
		snprintf(e->err, sizeof e->err, "tencent: %s: no minute series for it",
			 e->in.display);
		return false;
	}
	*q = (struct intraday_req){ d, e->in };
	memset(&req, 0, sizeof req);
	req.url = url;
	req.timeout_ms = d->timeout_ms;
	req.max_body = d->max_body < SERIES_MAX_BODY ? d->max_body : SERIES_MAX_BODY;
	req.done = done;
	req.arg = q;
	if (!http_get(d->http, &req, err, sizeof err)) {
		free(q);
		snprintf(e->err, sizeof e->err, "tencent: %s: %.180s", e->in.display, err);
		return false;
	}
	d->inflight++;
	return true;
}

/* Keep up to INTRADAY_PARALLEL transfers going until the round is done. */
static void pump(struct intraday *d)
{
	while (d->inflight < INTRADAY_PARALLEL && d->next < d->n) {
		struct intraday_entry *e = &d->v[d->next++];
		if (!ask(d, e))
			e->done = e->stale = true;
	}
}

void minute_fetch_refresh(struct intraday *d)
{
	if (d->inflight > 0 || d->next < d->n)
		return;
	d->next = 0;
	d->failed = 0;
	d->first_err[0] = '\0';
	pump(d);
}
