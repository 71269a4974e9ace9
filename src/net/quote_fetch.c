/* quote_fetch.c - batching and failover of quote requests over the curl multi loop */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/quote_fetch.h"

enum phase { PHASE_PRIMARY, PHASE_FALLBACK };

/* No source takes more codes a request (Tencent and Sina take 60). */
#define BATCH_MAX 128

struct fetch {
	struct http *http;
	const struct fetch_config *cfg;
	struct instrument *in;        /* owned copy: the caller's may change meanwhile */
	size_t n;
	struct quote_result *res;
	enum phase phase;
	int outstanding;
	fetch_done_fn done;
	void *arg;
};

/* One request: which instruments of the fetch it asked for. */
struct batch {
	struct fetch *f;
	const struct quote_source *src;
	size_t n;
	size_t idx[];
};

/* Append "; cause" so the user sees why every source failed. */
static void add_error(struct quote_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void add_error(struct quote_result *r, const char *fmt, ...)
{
	size_t used = strlen(r->err);
	va_list ap;

	if (used && used + 2 < sizeof r->err) {
		memcpy(r->err + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(r->err + used, sizeof r->err - used, fmt, ap);
	va_end(ap);
}

/* s onto buf at *used; *used becomes len when it does not fit. memcpy
 * rather than snprintf: a refresh of 3,000 symbols appends 3,000 codes. */
static void append(char *buf, size_t len, size_t *used, const char *s)
{
	size_t n = strlen(s);

	if (*used >= len)
		return;
	if (n >= len - *used) {
		*used = len;
		return;
	}
	memcpy(buf + *used, s, n + 1);
	*used += n;
}

bool quote_fetch_build_url(const struct quote_source *src, const char *base,
		     char (*codes)[QUOTE_FETCH_CODE_MAX], size_t n, char *buf, size_t len)
{
	size_t used = 0;

	append(buf, len, &used, base);
	append(buf, len, &used, src->query);
	for (size_t i = 0; i < n && used < len; i++) {
		if (i)
			append(buf, len, &used, ",");
		append(buf, len, &used, codes[i]);
	}
	return used < len;
}

static void finish(struct fetch *f)
{
	f->done(f->arg, f->res, f->n);
	free(f->in);
	free(f->res);
	free(f);
}

static void start_phase(struct fetch *f);

/* Every request of the phase has answered: on to the fallback for what is
 * still missing, or done. The fetch may be freed on return. */
static void phase_done(struct fetch *f)
{
	if (f->phase == PHASE_PRIMARY && f->cfg->fallback) {
		f->phase = PHASE_FALLBACK;
		start_phase(f);
	} else {
		finish(f);
	}
}

/* The first phase's batch of consecutive instruments, whose results are
 * as quote_fetch_start made them: parsed where they are, not into a
 * copy of 60 results (~55 KB) copied back. A refused line keeps only its
 * instrument and cause, as in the copy. */
static bool parse_in_place(struct batch *b, const struct http_response *r)
{
	struct fetch *f = b->f;
	struct quote_result *res = &f->res[b->idx[0]];

	if (f->phase != PHASE_PRIMARY || b->idx[b->n - 1] - b->idx[0] != b->n - 1)
		return false;
	b->src->parse(r->body, r->len, r->content_type, &f->in[b->idx[0]], b->n, res);
	for (size_t i = 0; i < b->n; i++) {
		struct instrument in = res[i].q.in;

		if (res[i].ok) {
			res[i].err[0] = '\0';
			continue;
		}
		memset(&res[i].q, 0, sizeof res[i].q);
		res[i].q.in = in;
		if (!res[i].err[0])
			add_error(&res[i], "no data");
	}
	return true;
}

static void batch_done(void *arg, const struct http_response *r)
{
	struct batch *b = arg;
	struct fetch *f = b->f;
	struct instrument *req = NULL;
	struct quote_result *tmp = NULL;

	if (r->error) {
		for (size_t i = 0; i < b->n; i++)
			add_error(&f->res[b->idx[i]], "%s: %s: %s", b->src->name,
				  f->in[b->idx[i]].display, r->error);
	} else if (parse_in_place(b, r)) {
		/* parsed straight into the fetch's results */
	} else if (!(req = malloc(b->n * sizeof *req)) ||
		   /* not calloc: a parser fills every result (quote_source.h),
		    * and 60 zeroed results are some 50 KB a batch */
		   !(tmp = malloc(b->n * sizeof *tmp))) {
		for (size_t i = 0; i < b->n; i++)
			add_error(&f->res[b->idx[i]], "%s: out of memory", b->src->name);
	} else {
		for (size_t i = 0; i < b->n; i++)
			req[i] = f->in[b->idx[i]];
		b->src->parse(r->body, r->len, r->content_type, req, b->n, tmp);
		for (size_t i = 0; i < b->n; i++) {
			struct quote_result *dst = &f->res[b->idx[i]];
			if (tmp[i].ok) {
				/* The fallback's quote is whole: the primary's cause is history. */
				dst->ok = true;
				dst->q = tmp[i].q;
				dst->err[0] = '\0';
			} else {
				add_error(dst, "%s", tmp[i].err[0] ? tmp[i].err : "no data");
			}
		}
	}
	free(req);
	free(tmp);
	free(b);
	if (--f->outstanding == 0)
		phase_done(f);
}

static void send_batch(struct fetch *f, const struct quote_source *src, const char *base,
		       const size_t *idx, char (*codes)[QUOTE_FETCH_CODE_MAX], size_t n)
{
	struct batch *b = malloc(sizeof *b + n * sizeof b->idx[0]);
	char url[4096], err[256];
	struct http_request req;

	if (!b) {
		for (size_t i = 0; i < n; i++)
			add_error(&f->res[idx[i]], "%s: out of memory", src->name);
		return;
	}
	b->f = f;
	b->src = src;
	b->n = n;
	memcpy(b->idx, idx, n * sizeof *idx);
	if (!quote_fetch_build_url(src, base, codes, n, url, sizeof url)) {
		for (size_t i = 0; i < n; i++)
			add_error(&f->res[idx[i]], "%s: %s: request URL too long", src->name,
				  f->in[idx[i]].display);
		free(b);
		return;
	}
	memset(&req, 0, sizeof req);
	req.url = url;
	req.headers = src->headers;
	req.timeout_ms = f->cfg->timeout_ms;
	req.max_body = f->cfg->max_body;
	req.done = batch_done;
	req.arg = b;
	if (!http_get(f->http, &req, err, sizeof err)) {
		for (size_t i = 0; i < n; i++)
			add_error(&f->res[idx[i]], "%s: %s: %s", src->name, f->in[idx[i]].display, err);
		free(b);
		return;
	}
	f->outstanding++;
}

/* Ask this phase's source for every instrument that has no quote yet. */
static void start_phase(struct fetch *f)
{
	const struct quote_source *src = f->phase == PHASE_PRIMARY ? f->cfg->primary : f->cfg->fallback;
	const char *base = f->phase == PHASE_PRIMARY ? f->cfg->primary_url : f->cfg->fallback_url;
	size_t batch = src->max_batch < BATCH_MAX ? src->max_batch : BATCH_MAX;
	size_t idx[BATCH_MAX], k = 0;
	char codes[BATCH_MAX][QUOTE_FETCH_CODE_MAX]; /* asked once, for the check and the URL */

	for (size_t i = 0; i < f->n; i++) {
		if (f->res[i].ok)
			continue;
		if (!src->code(&f->in[i], codes[k], sizeof codes[k])) {
			add_error(&f->res[i], "%s: %s: not served by %s", src->name,
				  f->in[i].display, src->name);
			continue;
		}
		idx[k++] = i;
		if (k == batch) {
			send_batch(f, src, base, idx, codes, k);
			k = 0;
		}
	}
	if (k)
		send_batch(f, src, base, idx, codes, k);
	if (f->outstanding == 0)
		phase_done(f);
}

#define BACKOFF_MAX_S 300

long quote_fetch_backoff_s(long refresh, int failures)
{
	long cap = refresh > BACKOFF_MAX_S ? refresh : BACKOFF_MAX_S, delay = refresh;

	for (int i = 0; i < failures && delay < cap; i++)
		delay *= 2;
	return delay > cap ? cap : delay;
}

long quote_fetch_wait_ms(struct http *h, const struct fetch_config *cfg)
{
	long wait = http_wait_ms(h, cfg->primary_url), other;

	if (cfg->fallback && (other = http_wait_ms(h, cfg->fallback_url)) < wait)
		wait = other;
	return wait;
}

bool quote_fetch_start(struct http *h, const struct fetch_config *cfg,
		  const struct instrument *in, size_t n, fetch_done_fn done, void *arg,
		  char *err, size_t errlen)
{
	struct fetch *f = calloc(1, sizeof *f);

	if (!f || !(f->res = calloc(n ? n : 1, sizeof *f->res)) ||
	    !(f->in = malloc((n ? n : 1) * sizeof *f->in))) {
		if (f)
			free(f->res);
		free(f);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (n)
		memcpy(f->in, in, n * sizeof *in);
	f->http = h;
	f->cfg = cfg;
	f->n = n;
	f->done = done;
	f->arg = arg;
	f->phase = PHASE_PRIMARY;
	for (size_t i = 0; i < n; i++)
		f->res[i].q.in = in[i];
	start_phase(f);
	return true;
}
