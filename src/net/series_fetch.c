/* series_fetch.c - one chart fetch: the first source, then the second
 *
 * One struct per fetch, owned by the fetch itself: the HTTP callback frees
 * it whatever the outcome (answer, error, or "cancelled" when struct http
 * is freed with the transfer still running), so nothing leaks and nothing
 * dangles when the app quits mid-transfer. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/series_fetch.h"

struct sfetch {
	struct http *http;
	struct instrument in;
	struct series_request req[2];  /* the first source, then the other */
	size_t nreq, at;
	long timeout_ms;
	size_t max_body;
	seriesfetch_fn done;
	void *arg;
	char err[SERIES_ERR_MAX];      /* every source's cause, "; "-joined */
};

static void add_cause(struct sfetch *f, const char *cause)
{
	size_t used = strlen(f->err);

	snprintf(f->err + used, sizeof f->err - used, "%s%s", used ? "; " : "", cause);
}

static const char *source_of(const struct series_request *r)
{
	return r->endpoint == SERIES_YAHOO_CHART ? "yahoo" : "tencent";
}

/* http_free reports transfers it abandons with this cause. */
static bool is_cancel(const char *error)
{
	return error && strstr(error, "cancelled") != NULL;
}

static void finish(struct sfetch *f, bool ok, struct series *s, bool cancelled)
{
	if (!ok) {
		series_done(s);
		snprintf(s->err, sizeof s->err, "%s", f->err);
	}
	f->done(f->arg, ok, s, cancelled);
	free(f);
}

static bool send_next(struct sfetch *f, char *err, size_t errlen);

static void on_reply(void *arg, const struct http_response *r)
{
	struct sfetch *f = arg;
	const struct series_request *req = &f->req[f->at];
	struct series s;
	char cause[SERIES_ERR_MAX + 64];

	memset(&s, 0, sizeof s);
	s.in = f->in;
	if (is_cancel(r->error)) {
		add_cause(f, "cancelled");
		finish(f, false, &s, true);
		return;
	}
	if (r->error) {
		snprintf(cause, sizeof cause, "%s: %s: %s", source_of(req), f->in.display, r->error);
		add_cause(f, cause);
	} else if (series_source_parse(req, r->body, r->len, &f->in, &s)) {
		finish(f, true, &s, false);
		return;
	} else {
		add_cause(f, s.err);
	}
	f->at++;
	if (f->at < f->nreq && send_next(f, cause, sizeof cause))
		return;
	finish(f, false, &s, false);
}

static bool send_next(struct sfetch *f, char *err, size_t errlen)
{
	struct http_request hr;

	for (; f->at < f->nreq; f->at++) {
		memset(&hr, 0, sizeof hr);
		hr.url = f->req[f->at].url;
		hr.timeout_ms = f->timeout_ms;
		hr.max_body = f->max_body;
		hr.done = on_reply;
		hr.arg = f;
		if (http_get(f->http, &hr, err, errlen))
			return true;
		add_cause(f, err);
	}
	return false;
}

bool series_fetch_start(struct http *h, const struct seriesfetch_config *cfg,
		       const struct instrument *in, enum series_range r,
		       seriesfetch_fn done, void *arg, char *err, size_t errlen)
{
	struct sfetch *f = calloc(1, sizeof *f);
	char cause[SERIES_ERR_MAX];

	if (!f) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	f->http = h;
	f->in = *in;
	f->timeout_ms = cfg->timeout_ms;
	f->max_body = cfg->max_body && cfg->max_body < SERIES_MAX_BODY ? cfg->max_body :
		      SERIES_MAX_BODY;
	f->done = done;
	f->arg = arg;
	/* A source that has no such chart is a cause, not the end: the other
	 * one may (Yahoo has only 1D and 5D of HSTECH, Tencent no US). */
	for (int k = 0; k < (cfg->failover ? 2 : 1); k++) {
		if (series_source_plan(in, r, k == 1, cfg->tencent_base, cfg->yahoo_base,
				&f->req[f->nreq], cause, sizeof cause))
			f->nreq++;
		else if (k == 0 || f->nreq == 0)
			add_cause(f, cause);
	}
	if (!send_next(f, cause, sizeof cause)) {
		snprintf(err, errlen, "%s", f->err[0] ? f->err : "no chart source");
		free(f);
		return false;
	}
	return true;
}
