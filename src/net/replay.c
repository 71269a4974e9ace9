/* replay.c - --replay: requests answered from a recording, on its clock
 *
 * The answers are kept as the clock passes them: the newest record of
 * each URL, bounded in number and in bytes (a recording of a year of
 * sessions has the same few hundred URLs all along). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hkclock.h"
#include "net/replay.h"
#include "net/replay_stream.h"

#define KEEP_MAX 1024                 /* URLs whose newest answer is kept */
#define KEEP_BYTES (256UL << 20)      /* and their bytes in all */

/* A record kept: url, meta and body in one allocation. */
struct kept {
	struct recfile_record r;
	char *mem;
	size_t size;
};

struct ask {
	char *url;
	replay_answer_fn fn;
	void *arg;
	struct kept *answer;          /* owned copy; NULL while waiting */
	const char *err;              /* or the failure to answer with */
	unsigned long seq;            /* order of asking */
	struct ask *next;
};

struct replay {
	struct replay_stream s;
	long long first_ms, last_ms;
	bool ended;                   /* the stream is played out: the clock stopped */
	struct kept keep[KEEP_MAX];
	size_t nkeep, keep_bytes;
	struct ask *asks;             /* in order of asking */
	unsigned long seq;
	int pending;
};

/* Last parameters that only bust caches: a record answers whatever their
 * value (Eastmoney's req_trace is the time in milliseconds). */
static const char *const busters[] = { "req_trace", "_" };

static bool is_buster(const char *url, const char *eq)
{
	const char *name = eq;

	while (name > url && name[-1] != '?' && name[-1] != '&')
		name--;
	for (size_t i = 0; i < sizeof busters / sizeof busters[0]; i++)
		if (strlen(busters[i]) == (size_t)(eq - name) &&
		    strncmp(name, busters[i], (size_t)(eq - name)) == 0)
			return true;
	return false;
}

bool replay_url_covers(const char *rec_url, const char *req_url)
{
	const char *rq = strrchr(req_url, '='), *rc;
	size_t prefix;

	if (strcmp(rec_url, req_url) == 0)
		return true;
	if (!rq || strchr(rq, '&') || strchr(rq, '#'))
		return false;
	prefix = (size_t)(rq - req_url) + 1;
	if (strncmp(rec_url, req_url, prefix) != 0)
		return false;
	rc = rec_url + prefix;
	if (strchr(rc, '=') || strchr(rc, '&') || strchr(rc, '#'))
		return false;
	if (is_buster(req_url, rq))
		return true;
	/* Every code of the request among the record's. */
	for (const char *c = rq + 1; *c; c += strcspn(c, ","), c += *c == ',') {
		size_t n = strcspn(c, ",");
		bool found = false;
		if (n == 0)
			return false;
		for (const char *d = rc; *d && !found; d += strcspn(d, ","), d += *d == ',')
			found = strcspn(d, ",") == n && strncmp(d, c, n) == 0;
		if (!found)
			return false;
	}
	return true;
}

static void kept_free(struct kept *k)
{
	free(k->mem);
	memset(k, 0, sizeof *k);
}

static bool kept_copy(struct kept *k, const struct recfile_record *r)
{
	size_t size = r->url_len + r->meta_len + r->body_len + 3;

	if (!(k->mem = malloc(size)))
		return false;
	k->size = size;
	k->r = *r;
	memcpy(k->mem, r->url, r->url_len + 1);
	memcpy(k->mem + r->url_len + 1, r->meta, r->meta_len + 1);
	memcpy(k->mem + r->url_len + r->meta_len + 2, r->body, r->body_len + 1);
	k->r.url = k->mem;
	k->r.meta = k->mem + r->url_len + 1;
	k->r.body = k->mem + r->url_len + r->meta_len + 2;
	return true;
}

/* The newest kept answer for url, or NULL. */
static struct kept *kept_for(struct replay *rp, const char *url)
{
	struct kept *best = NULL;

	for (size_t i = 0; i < rp->nkeep; i++)
		if (replay_url_covers(rp->keep[i].r.url, url) &&
		    (!best || rp->keep[i].r.time_ms >= best->r.time_ms))
			best = &rp->keep[i];
	return best;
}

/* The clock passed r: it is now its URL's answer. */
static struct kept *keep(struct replay *rp, const struct recfile_record *r)
{
	struct kept *k = NULL, fresh;

	for (size_t i = 0; i < rp->nkeep && !k; i++)
		if (strcmp(rp->keep[i].r.url, r->url) == 0)
			k = &rp->keep[i];
	if (!kept_copy(&fresh, r))
		return NULL;
	if (k) {
		rp->keep_bytes -= k->size;
		kept_free(k);
	}
	/* Over a bound, the oldest goes. */
	while (rp->nkeep > 0 && !k && (rp->nkeep == KEEP_MAX || rp->keep_bytes + fresh.size > KEEP_BYTES)) {
		size_t old = 0;
		for (size_t i = 1; i < rp->nkeep; i++)
			if (rp->keep[i].r.time_ms < rp->keep[old].r.time_ms)
				old = i;
		rp->keep_bytes -= rp->keep[old].size;
		kept_free(&rp->keep[old]);
		rp->keep[old] = rp->keep[--rp->nkeep];
	}
	if (!k)
		k = &rp->keep[rp->nkeep++];
	*k = fresh;
	rp->keep_bytes += fresh.size;
	return k;
}

/* Answer ask a with k now (at the next dispatch). */
static void settle(struct ask *a, const struct kept *k)
{
	struct kept *copy = calloc(1, sizeof *copy);

	if (!copy || !kept_copy(copy, &k->r)) {
		free(copy);
		a->err = "out of memory";
		return;
	}
	a->answer = copy;
}

static void pass(struct replay *rp, long long now)
{
	while (rp->s.have && rp->s.rec.time_ms <= now) {
		const struct kept *k = keep(rp, &rp->s.rec);
		rp->last_ms = rp->s.rec.time_ms;
		for (struct ask *a = rp->asks; a && k; a = a->next)
			if (!a->answer && !a->err && replay_url_covers(k->r.url, a->url))
				settle(a, k);
		replay_stream_pop(&rp->s);
	}
	if (!rp->s.have && !rp->ended) {
		/* Played out: the clock stops at the last record, and what the
		 * recording never had fails. */
		rp->ended = true;
		if (now > rp->last_ms)
			hkclock_set(rp->last_ms);
		hkclock_pause(true);
		for (struct ask *a = rp->asks; a; a = a->next)
			if (!a->answer && !a->err)
				a->err = "not in the recording";
	}
}

struct replay *replay_open(const char *dir, char *err, size_t errlen)
{
	struct replay *rp = calloc(1, sizeof *rp);

	if (!rp) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (!replay_stream_open(&rp->s, dir, err, errlen)) {
		replay_free(rp);
		return NULL;
	}
	if (!rp->s.have) {
		/* Say why the files were no use: the first note has it. */
		const char *why = replay_take_note(rp);
		snprintf(err, errlen, "%s: no record to play%s%s", dir, why ? ": " : "", why ? why : "");
		replay_free(rp);
		return NULL;
	}
	rp->first_ms = rp->last_ms = rp->s.rec.time_ms;
	return rp;
}

static void ask_free(struct ask *a)
{
	if (a->answer)
		kept_free(a->answer);
	free(a->answer);
	free(a->url);
	free(a);
}

void replay_free(struct replay *rp)
{
	if (!rp)
		return;
	while (rp->asks) {
		struct ask *a = rp->asks;
		rp->asks = a->next;
		rp->pending--;
		a->fn(a->arg, NULL, "cancelled");
		ask_free(a);
	}
	for (size_t i = 0; i < rp->nkeep; i++)
		kept_free(&rp->keep[i]);
	replay_stream_done(&rp->s);
	free(rp);
}

long long replay_first_ms(const struct replay *rp)
{
	return rp->first_ms;
}

bool replay_request(struct replay *rp, const char *url, replay_answer_fn fn, void *arg)
{
	struct ask *a = calloc(1, sizeof *a), **tail = &rp->asks;
	const struct kept *k;

	if (!a || !(a->url = strdup(url))) {
		free(a);
		return false;
	}
	a->fn = fn;
	a->arg = arg;
	a->seq = rp->seq++;
	if ((k = kept_for(rp, url)))
		settle(a, k);
	else if (rp->ended)
		a->err = "not in the recording";
	while (*tail)
		tail = &(*tail)->next;
	*tail = a;
	rp->pending++;
	return true;
}

void replay_dispatch(struct replay *rp)
{
	unsigned long before = rp->seq;
	struct ask **p;

	pass(rp, hkclock_wall_ms());
	/* One at a time from the head: an answer's callback may ask again,
	 * and what it asks waits for the next dispatch, so that a callback
	 * asking again and again cannot hold the loop here. */
	for (p = &rp->asks; *p;) {
		struct ask *a = *p;
		if ((!a->answer && !a->err) || a->seq >= before) {
			p = &a->next;
			continue;
		}
		*p = a->next;
		rp->pending--;
		a->fn(a->arg, a->answer ? &a->answer->r : NULL, a->err);
		ask_free(a);
		p = &rp->asks;
	}
}

long replay_timeout_ms(struct replay *rp)
{
	for (const struct ask *a = rp->asks; a; a = a->next)
		if (a->answer || a->err)
			return 0;
	if (!rp->s.have)
		return -1;
	return hkclock_real_ms(rp->s.rec.time_ms - hkclock_wall_ms());
}

int replay_pending(const struct replay *rp)
{
	return rp->pending;
}

bool replay_step(struct replay *rp)
{
	hkclock_pause(true);
	if (!rp->s.have)
		return false;
	if (rp->s.rec.time_ms > hkclock_wall_ms())
		hkclock_set(rp->s.rec.time_ms);
	pass(rp, hkclock_wall_ms());
	return true;
}

void replay_jump(struct replay *rp, long long at_ms)
{
	if (at_ms < hkclock_wall_ms()) {
		/* Behind the clock: from the start again, without the answers kept. */
		for (size_t i = 0; i < rp->nkeep; i++)
			kept_free(&rp->keep[i]);
		rp->nkeep = rp->keep_bytes = 0;
		replay_stream_rewind(&rp->s);
		rp->last_ms = rp->first_ms;
	}
	if (rp->ended) {
		rp->ended = false;
		hkclock_pause(false);
	}
	hkclock_set(at_ms);
	pass(rp, at_ms);
}

bool replay_ended(const struct replay *rp)
{
	return rp->ended;
}

const char *replay_take_note(struct replay *rp)
{
	if (rp->s.nread == rp->s.nwritten)
		return NULL;
	return rp->s.notes[rp->s.nread++ % REPLAY_NOTES];
}

void replay_response(const struct recfile_record *rec, const char *err, const char *url,
		     struct http_response *r, struct replay_meta *m)
{
	char retry[128];

	memset(r, 0, sizeof *r);
	r->retry_after_s = -1;
	r->body = "";
	r->error = err;
	r->url = url;
	if (!rec)
		return;
	r->status = rec->status;
	r->body = rec->body;
	r->len = rec->body_len;
	if (recfile_meta_get(rec->meta, "Content-Type", m->ctype, sizeof m->ctype))
		r->content_type = m->ctype;
	if ((r->status == 429 || r->status == 503) &&
	    recfile_meta_get(rec->meta, "Retry-After", retry, sizeof retry))
		r->retry_after_s = http_retry_after_s(retry, (time_t)(rec->time_ms / 1000));
	if (recfile_meta_get(rec->meta, "X-Hktop-Error", m->cause, sizeof m->cause))
		r->error = m->cause;
	else if (r->retry_after_s > 0)
		snprintf(m->cause, sizeof m->cause, "HTTP %ld, retry after %ld s", r->status,
			 r->retry_after_s);
	else if (r->status < 200 || r->status > 299)
		snprintf(m->cause, sizeof m->cause, "HTTP %ld", r->status);
	else
		m->cause[0] = '\0';
	if (m->cause[0])
		r->error = m->cause;
}
