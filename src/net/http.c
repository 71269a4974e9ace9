/* http.c - libcurl multi: one loop, many transfers, nothing unbounded */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "net/http.h"
#include "base/hkclock.h"
#include "net/http_sock.h"
#include "net/http_wait.h"
#include "base/text.h"
#include "net/recorder.h"
#include "net/replay.h"

struct transfer {
	CURL *easy;
	struct curl_slist *headers;
	char *url;
	CURLU *parsed;                /* url, parsed once (see http_get) */
	char *body;
	size_t len, cap, max_body;
	bool too_big;
	bool head_ended;              /* the last head seen so far is whole */
	long timeout_ms;
	char errbuf[CURL_ERROR_SIZE];
	http_done_fn done;
	void *arg;
	struct http_waiter wait;      /* in flight or waiting, owned by struct http */
};

/* A server that asked for a pause (Retry-After), until a monotonic time.
 * A few are plenty: hktop talks to a handful of servers. */
#define HOLDS 8
struct hold {
	char origin[128];             /* "" for a free slot */
	long status;
	long long until_ms;
};

struct http {
	CURLM *multi;
	struct hold holds[HOLDS];
	char *user_agent;
	FILE *trace;
	int running;
	int pending;
	bool closing;                 /* in http_free: no new transfers */
	bool started;                 /* a transfer that waited started in this dispatch */
	struct http_wait wait;        /* every transfer, started or waiting its turn */
	struct http_socks socks;      /* curl's sockets, in our poll */
	struct recorder *rec;         /* --record: every response written */
	struct replay *replay;        /* --replay: every request answered from it */
};

/* A request answered by the replay. */
struct replayed {
	struct http *h;
	http_done_fn done;
	void *arg;
	char url[];
};

static bool global_ok;

long long http_mono_ms(void)
{
	return hkclock_mono_ms();
}

long http_retry_after_s(const char *value, time_t now)
{
	const char *p = value;
	long long s = 0;

	if (!p)
		return -1;
	p += strspn(p, " \t");
	if (isdigit((unsigned char)*p)) {
		/* delay-seconds = 1*DIGIT, read no further than the cap */
		for (; isdigit((unsigned char)*p); p++)
			if (s <= HTTP_RETRY_AFTER_MAX_S)
				s = s * 10 + (*p - '0');
		if (p[strspn(p, " \t")] != '\0')
			return -1;
	} else {
		/* HTTP-date, in any of its three forms: libcurl's parser */
		time_t t = *p ? curl_getdate(p, NULL) : -1;
		if (t == -1)
			return -1;
		s = t > now ? (long long)(t - now) : 0;
	}
	return s > HTTP_RETRY_AFTER_MAX_S ? HTTP_RETRY_AFTER_MAX_S : (long)s;
}

static struct hold *hold_find(struct http *h, const char *url)
{
	char origin[sizeof h->holds[0].origin];

	if (!http_origin(url, origin, sizeof origin))
		return NULL;
	for (int i = 0; i < HOLDS; i++)
		if (strcasecmp(h->holds[i].origin, origin) == 0)
			return &h->holds[i];
	return NULL;
}

long http_wait_ms(struct http *h, const char *url)
{
	struct hold *o = hold_find(h, url);
	long long left = o ? o->until_ms - http_mono_ms() : 0;

	return left > 0 ? (long)left : 0;
}

/* Hold url's server for secs: in its own slot, else the one free soonest. */
static void hold_add(struct http *h, const char *url, long status, long secs)
{
	struct hold *o = hold_find(h, url);

	if (!o) {
		o = &h->holds[0];
		for (int i = 1; i < HOLDS; i++)
			if (h->holds[i].until_ms < o->until_ms)
				o = &h->holds[i];
		if (!http_origin(url, o->origin, sizeof o->origin))
			return;
	}
	o->status = status;
	o->until_ms = http_mono_ms() + secs * 1000LL;
}

struct http *http_new(const char *user_agent, char *err, size_t errlen)
{
	struct http *h;
	const char *trace = getenv("HKTOP_TRACE");

	if (!global_ok) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			snprintf(err, errlen, "libcurl failed to initialise");
			return NULL;
		}
		global_ok = true;
	}
	if (!(h = calloc(1, sizeof *h)) || !(h->multi = curl_multi_init()) ||
	    !(h->user_agent = strdup(user_agent))) {
		snprintf(err, errlen, "out of memory");
		http_free(h);
		return NULL;
	}
	/* Keep a few connections per host; more would look like abuse. */
	curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)HTTP_WAIT_PER_SERVER);
	http_socks_attach(&h->socks, h->multi);
	if (trace && *trace && !(h->trace = fopen(trace, "a"))) {
		snprintf(err, errlen, "HKTOP_TRACE: %s: %s", trace, strerror(errno));
		http_free(h);
		return NULL;
	}
	return h;
}

#define transfer_of(x) ((struct transfer *)(void *)((char *)(x) - offsetof(struct transfer, wait)))

static void transfer_free(struct transfer *t)
{
	if (!t)
		return;
	if (t->easy)
		curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	curl_url_cleanup(t->parsed);
	free(t->url);
	free(t->body);
	free(t);
}

void http_free(struct http *h)
{
	struct http_response r;
	CURLMsg *m;
	int left;

	if (!h)
		return;
	h->closing = true;
	replay_free(h->replay); /* its requests cancelled, as curl's below */
	h->replay = NULL;
	if (h->multi) {
		/* Transfers still running are cancelled: each callback runs once,
		 * as promised, so its owner can free what it holds. A callback
		 * cannot start another transfer now (http_get refuses). */
		while (h->wait.head) {
			struct transfer *t = transfer_of(h->wait.head);
			http_wait_leave(&h->wait, &t->wait); /* one never added is no harm */
			curl_multi_remove_handle(h->multi, t->easy);
			h->pending--;
			memset(&r, 0, sizeof r);
			r.url = t->url;
			r.body = "";
			r.error = "cancelled";
			r.retry_after_s = -1;
			if (t->done)
				t->done(t->arg, &r);
			transfer_free(t);
		}
		while ((m = curl_multi_info_read(h->multi, &left)))
			;
		curl_multi_cleanup(h->multi);
	}
	http_socks_done(&h->socks);
	if (h->trace)
		fclose(h->trace);
	recorder_free(h->rec);
	free(h->user_agent);
	free(h);
}

void http_set_recorder(struct http *h, struct recorder *rec)
{
	recorder_free(h->rec);
	h->rec = rec;
}

void http_set_replay(struct http *h, struct replay *rp)
{
	replay_free(h->replay);
	h->replay = rp;
}

struct replay *http_replay(struct http *h)
{
	return h->replay;
}

const char *http_record_stopped(const struct http *h)
{
	return h->rec ? recorder_stopped(h->rec) : NULL;
}

/* The recorded response as the transfer's would have been, its
 * Retry-After held as then. */
static void on_replayed(void *arg, const struct recfile_record *rec, const char *err)
{
	struct replayed *rd = arg;
	struct http_response r;
	struct replay_meta m;

	replay_response(rec, err, rd->url, &r, &m);
	if (r.retry_after_s > 0)
		hold_add(rd->h, rd->url, r.status, r.retry_after_s);
	rd->h->pending--;
	if (rd->done)
		rd->done(rd->arg, &r);
	free(rd);
}

static bool replay_get(struct http *h, const struct http_request *req, char *err, size_t errlen)
{
	size_t n = strlen(req->url) + 1;
	struct replayed *rd = malloc(sizeof *rd + n);

	if (rd) {
		rd->h = h;
		rd->done = req->done;
		rd->arg = req->arg;
		memcpy(rd->url, req->url, n);
	}
	if (!rd || !replay_request(h->replay, req->url, on_replayed, rd)) {
		free(rd);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (h->trace) {
		fprintf(h->trace, "GET %s\n", req->url);
		fflush(h->trace);
	}
	h->pending++;
	return true;
}

/* The size cap is enforced here, while bytes arrive: libcurl 7.88's
 * CURLOPT_MAXFILESIZE cannot stop a transfer without Content-Length. */
static size_t on_data(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;
	size_t n = size * nmemb;

	if (n > t->max_body - t->len) {
		t->too_big = true;
		return 0; /* aborts the transfer with CURLE_WRITE_ERROR */
	}
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 16384;
		char *grown;
		while (cap < t->len + n + 1)
			cap *= 2;
		if (cap > t->max_body + 1)
			cap = t->max_body + 1;
		if (!(grown = realloc(t->body, cap)))
			return 0;
		t->body = grown;
		t->cap = cap;
	}
	memcpy(t->body + t->len, ptr, n);
	t->len += n;
	return n;
}

/* Each whole header line. The blank line ends a head; a status line
 * starts another (a redirect's, or the one after 100 Continue). */
static size_t on_header(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct transfer *t = arg;
	size_t n = size * nmemb;

	if (n >= 5 && memcmp(ptr, "HTTP/", 5) == 0)
		t->head_ended = false;
	else if (n <= 2 && (n == 0 || ptr[0] == '\r' || ptr[0] == '\n'))
		t->head_ended = true;
	return n;
}

bool http_get(struct http *h, const struct http_request *req, char *err, size_t errlen)
{
	struct transfer *t;
	const struct hold *o;
	long wait;
	CURL *e;

	if (h->closing) {
		snprintf(err, errlen, "cancelled");
		return false;
	}
	if ((wait = http_wait_ms(h, req->url)) > 0 && (o = hold_find(h, req->url))) {
		snprintf(err, errlen, "HTTP %ld, retry after %ld s", o->status, (wait + 999) / 1000);
		return false;
	}
	if (h->replay)
		return replay_get(h, req, err, errlen);
	if (!(t = calloc(1, sizeof *t)) || !(t->url = strdup(req->url)) || !(t->easy = e = curl_easy_init())) {
		snprintf(err, errlen, "out of memory");
		transfer_free(t);
		return false;
	}
	t->max_body = req->max_body;
	t->timeout_ms = req->timeout_ms;
	t->done = req->done;
	t->arg = req->arg;
	for (size_t i = 0; req->headers && req->headers[i]; i++) {
		struct curl_slist *l = curl_slist_append(t->headers, req->headers[i]);
		if (!l) {
			snprintf(err, errlen, "out of memory");
			transfer_free(t);
			return false;
		}
		t->headers = l;
	}
	curl_easy_setopt(e, CURLOPT_URL, t->url);
	/* Given only the text, libcurl 7.88 parses it and writes it out again
	 * a byte at a time (some 60,000 instructions for a 60-code quote URL).
	 * A parsed handle rules over CURLOPT_URL, which stays the text it
	 * reports; parsed as libcurl would, else left to libcurl. */
	if ((t->parsed = curl_url()) &&
	    curl_url_set(t->parsed, CURLUPART_URL, t->url, CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK)
		curl_easy_setopt(e, CURLOPT_CURLU, t->parsed);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_USERAGENT, h->user_agent);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, req->timeout_ms);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, req->timeout_ms);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	/* A 60-code quote reply (~55 KB) in one or two reads, not four: after
	 * each read libcurl 7.88 polls the socket for more. */
	curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 64L * 1024);
	/* A lookup still running when its transfer ends (timed out, or
	 * cancelled by http_free) is left to finish on its own: without this,
	 * libcurl's threaded resolver joins the getaddrinfo thread right there,
	 * inside curl_multi_perform or remove_handle, and a DNS server that
	 * never answers freezes the loop for glibc's whole retry time (10 s).
	 * Deferring the cleanup of finished handles would not help, as the
	 * join happens when the transfer ends, not when it is freed; c-ares
	 * would, but Debian's libcurl is built threaded. The thread frees
	 * itself when getaddrinfo returns, or dies with the process. */
	curl_easy_setopt(e, CURLOPT_QUICK_EXIT, 1L);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, 3L);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	/* A redirect never downgrades a TLS request to plain HTTP. */
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR,
			 strncmp(t->url, "https://", 8) == 0 ? "https" : "http,https");
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* what libcurl can decode */
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	if (http_wait_enter(&h->wait, &t->wait, t->url, http_mono_ms()) &&
	    curl_multi_add_handle(h->multi, e) != CURLM_OK) {
		t->wait.waiting = true; /* it held no connection to hand on */
		http_wait_leave(&h->wait, &t->wait);
		snprintf(err, errlen, "cannot start transfer");
		transfer_free(t);
		return false;
	}
	if (h->trace) {
		fprintf(h->trace, "GET %s\n", t->url);
		fflush(h->trace);
	}
	h->pending++;
	return true;
}

int http_pending(const struct http *h)
{
	return h->pending;
}

long http_timeout_ms(struct http *h)
{
	long ms = -1, rms;

	curl_multi_timeout(h->multi, &ms);
	if (h->replay && (rms = replay_timeout_ms(h->replay)) >= 0 && (ms < 0 || rms < ms))
		ms = rms;
	return ms;
}

bool http_poll(struct http *h, struct curl_waitfd *extra, unsigned nextra, int timeout_ms)
{
	return http_socks_poll(&h->socks, extra, nextra, timeout_ms);
}

/* libcurl 7.88 answers a header line over its 100 KB limit with "Out of
 * memory" (CURLE_TOO_LARGE came in 8.6), and offers no option to set the
 * limit: that error after the request went out and before the head ended
 * is the line's size. */
static bool head_too_large(const struct transfer *t, CURLcode rc)
{
	long sent = 0;

	curl_easy_getinfo(t->easy, CURLINFO_REQUEST_SIZE, &sent);
	return rc == CURLE_OUT_OF_MEMORY && sent > 0 && !t->head_ended && t->len == 0;
}

static void describe_error(struct transfer *t, CURLcode rc, long status, long retry_s,
			   char *buf, size_t len)
{
	char clean[CURL_ERROR_SIZE];

	if (t->too_big) {
		snprintf(buf, len, "response larger than %zu bytes", t->max_body);
	} else if (head_too_large(t, rc)) {
		snprintf(buf, len, "response header too large");
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		snprintf(buf, len, "timed out after %ld s", (t->timeout_ms + 999) / 1000);
	} else if (rc != CURLE_OK) {
		text_sanitize(clean, sizeof clean, t->errbuf, strlen(t->errbuf));
		snprintf(buf, len, "%s", clean[0] ? clean : curl_easy_strerror(rc));
	} else if (retry_s > 0) {
		snprintf(buf, len, "HTTP %ld, retry after %ld s", status, retry_s);
	} else if (status < 200 || status > 299) {
		snprintf(buf, len, "HTTP %ld", status);
	} else {
		buf[0] = '\0';
	}
}

/* --record: r as it came, with the headers that matter and the cause of
 * a transfer that failed (an HTTP status says its own). */
static void record(struct http *h, const struct transfer *t, CURL *e, const struct http_response *r,
		   const char *failed)
{
	static const char *const keep[] = { "Content-Type", "Retry-After", "Date" };
	char meta[1400];
	size_t used = 0;
	struct curl_header *v;
	struct recfile_record rec = {
		.time_ms = hkclock_wall_ms(), .status = r->status,
		.url = t->url, .url_len = strlen(t->url),
		.body = r->body, .body_len = r->len,
	};

	/* Three values of at most 299 bytes and a cause fit: nothing is cut. */
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		if (curl_easy_header(e, keep[i], 0, CURLH_HEADER, -1, &v) == CURLHE_OK) {
			char clean[300];
			text_sanitize(clean, sizeof clean, v->value, strlen(v->value));
			used += (size_t)snprintf(meta + used, sizeof meta - used, "%s: %s\n", keep[i], clean);
		}
	if (failed)
		used += (size_t)snprintf(meta + used, sizeof meta - used, "X-Hktop-Error: %.300s\n", failed);
	rec.meta = meta;
	rec.meta_len = used < sizeof meta ? used : sizeof meta - 1;
	recorder_add(h->rec, &rec);
}

/* A connection is free: x, which waited for it, starts with what is left
 * of its time (the timeout counts from http_get, as when libcurl held it). */
static void start_waiting(struct http *h, struct http_waiter *x)
{
	while (x) {
		struct transfer *t = transfer_of(x);
		long left = t->timeout_ms - (long)(http_mono_ms() - x->since_ms);
		struct http_response r = { .url = t->url, .body = "", .error = "cannot start transfer",
					   .retry_after_s = -1 };

		curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, left > 0 ? left : 1L);
		curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT_MS, left > 0 ? left : 1L);
		if ((h->started = curl_multi_add_handle(h->multi, t->easy) == CURLM_OK))
			return;
		x = http_wait_leave(&h->wait, x); /* the next in line, before t goes */
		h->pending--;
		if (t->done)
			t->done(t->arg, &r);
		transfer_free(t);
	}
}

static void finish(struct http *h, CURL *e, CURLcode rc)
{
	struct transfer *t = NULL;
	char *ctype = NULL;
	struct http_response r;
	char cause[CURL_ERROR_SIZE + 64];
	struct curl_header *after;
	long status = 0, retry_s = -1;

	curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&t);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
	/* Busy or down for a while: the server says how long (RFC 9110 10.2.3). */
	if (rc == CURLE_OK && (status == 429 || status == 503) &&
	    curl_easy_header(e, "Retry-After", 0, CURLH_HEADER, -1, &after) == CURLHE_OK)
		retry_s = http_retry_after_s(after->value, hkclock_wall());
	if (retry_s > 0)
		hold_add(h, t->url, status, retry_s);
	curl_multi_remove_handle(h->multi, e);
	h->pending--;
	start_waiting(h, http_wait_leave(&h->wait, &t->wait));
	describe_error(t, rc, status, retry_s, cause, sizeof cause);
	memset(&r, 0, sizeof r);
	r.url = t->url;
	r.status = status;
	r.body = t->body ? t->body : "";
	r.len = t->len;
	/* Owned by the handle, which outlives the callback. */
	curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &ctype);
	r.content_type = ctype;
	if (t->body)
		t->body[t->len] = '\0';
	r.error = cause[0] ? cause : NULL;
	r.retry_after_s = retry_s;
	if (h->rec)
		record(h, t, e, &r, rc == CURLE_OK && !t->too_big ? NULL : r.error);
	if (t->done)
		t->done(t->arg, &r);
	transfer_free(t);
}

void http_dispatch(struct http *h)
{
	CURLMsg *m;
	int left;

	if (h->replay)
		replay_dispatch(h->replay);
	do { /* a transfer that waited connects now, not a poll later */
		h->started = false;
		http_socks_run(&h->socks, h->multi, &h->running);
		while ((m = curl_multi_info_read(h->multi, &left)))
			if (m->msg == CURLMSG_DONE)
				finish(h, m->easy_handle, m->data.result);
	} while (h->started);
}

void http_run(struct http *h)
{
	http_dispatch(h);
	while (h->pending > 0) {
		long ms = http_timeout_ms(h);
		http_poll(h, NULL, 0, ms < 0 || ms > 1000 ? 1000 : (int)ms);
		http_dispatch(h);
	}
}
