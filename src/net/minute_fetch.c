/* minute_fetch.c - the rally board's minute series: fetched in parallel, last good kept */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/minute_fetch.h"
#include "base/log.h"
#include "base/text.h"

/* Owned by the callback of its transfer. */
struct intraday_req {
	struct intraday *d;
	struct instrument in;
};

void minute_fetch_init(struct intraday *d, struct http *http, const char *base, long timeout_ms,
		   size_t max_body,
		   bool (*cut)(void *, struct intraday_entry *, const struct series *),
		   void (*changed)(void *), void *arg)
{
	memset(d, 0, sizeof *d);
	d->http = http;
	snprintf(d->base, sizeof d->base, "%s", base);
	d->timeout_ms = timeout_ms;
	d->max_body = max_body;
	d->cut = cut;
	d->changed = changed;
	d->arg = arg;
}

void minute_fetch_done(struct intraday *d)
{
	for (size_t i = 0; i < d->n; i++)
		intraday_entry_done(&d->v[i]);
	free(d->v);
	d->v = NULL;
	d->n = d->next = 0;
	symbol_index_done(&d->ix);
}

static struct intraday_entry *find(struct intraday *d, const struct instrument *in)
{
	long i = symbol_index_find(&d->ix, in);

	return i < 0 ? NULL : &d->v[i];
}

const struct intraday_entry *minute_fetch_find(const struct intraday *d, const struct instrument *in)
{
	long i = symbol_index_find(&d->ix, in);

	return i < 0 ? NULL : &d->v[i];
}

bool minute_fetch_set(struct intraday *d, const struct instrument *in, size_t n)
{
	struct intraday_entry *v = calloc(n ? n : 1, sizeof *v), *old;
	struct symbol_index ix = { 0 };

	for (size_t i = 0; v && i < n; i++)
		if (symbol_index_add(&ix, &in[i], i) < 0) {
			free(v);
			v = NULL;
		}
	if (!v) {
		symbol_index_done(&ix);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if ((old = find(d, &in[i]))) {
			v[i] = *old;
			old->day = (struct rally_day){ .price = NAN }; /* moved */
		} else {
			v[i].in = in[i];
			v[i].prev_close = NAN;
			v[i].day.price = NAN;
		}
	}
	minute_fetch_done(d);
	d->v = v;
	d->n = n;
	d->ix = ix;
	d->next = n; /* a running round is over; its replies still land */
	return true;
}

static void pump(struct intraday *d);

/* A reply for in landed (error, or the body): cut it into its entry. */
static void land(struct intraday *d, const struct instrument *in, const char *error,
		 const char *body, size_t len)
{
	struct intraday_entry *e = find(d, in);
	struct series s;

	if (e) {
		e->done = true;
		if (error) {
			snprintf(e->err, sizeof e->err, "%s: %s: %s", d->serve ? d->serve_name : "tencent",
				 in->display, error);
		} else if (series_tencent_parse_minute(body, len, in, &s)) {
			/* Cut once, here, and the bars let go: redraws read the cut. */
			if (d->cut && !d->cut(d->arg, e, &s))
				snprintf(e->err, sizeof e->err, "tencent: %s: out of memory", in->display);
			else
				e->err[0] = '\0';
			series_done(&s);
		} else {
			snprintf(e->err, sizeof e->err, "%s", s.err);
			if (d->serve)
				text_swap_source(e->err, sizeof e->err, s.source, d->serve_name);
		}
		e->stale = e->err[0] != '\0';
		if (e->stale) {
			if (!d->failed++)
				snprintf(d->first_err, sizeof d->first_err, "%s", e->err);
			log_debug("%s", e->err);
		}
	}
}

static void done(void *arg, const struct http_response *r)
{
	struct intraday_req *q = arg;
	struct intraday *d = q->d;

	d->inflight--;
	if (r->error && strcmp(r->error, "cancelled") == 0) {
		free(q); /* the app is going: start nothing */
		return;
	}
	land(d, &q->in, r->error, r->body, r->len);
	free(q);
	pump(d);
	if (d->changed)
		d->changed(d->arg);
}

/* The demo's reply, at once, through the same parser. */
static void serve(struct intraday *d, const struct instrument *in)
{
	char *body = NULL, err[256];
	size_t len = 0;

	if (d->serve(d->serve_arg, in, &body, &len, err, sizeof err))
		land(d, in, NULL, body, len);
	else
		land(d, in, err, NULL, 0);
	free(body);
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
		if (d->serve)
			serve(d, &e->in);
		else if (!ask(d, e))
			e->done = e->stale = true;
	}
	if (d->serve && d->changed)
		d->changed(d->arg);
}

bool minute_fetch_running(const struct intraday *d)
{
	return d->inflight > 0 || d->next < d->n;
}

void minute_fetch_stop(struct intraday *d)
{
	d->next = d->n;
}

void minute_fetch_refresh(struct intraday *d)
{
	if (minute_fetch_running(d))
		return;
	d->next = 0;
	d->failed = 0;
	d->first_err[0] = '\0';
	pump(d);
}
