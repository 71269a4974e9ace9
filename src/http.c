/* http.c - libcurl multi: one loop, many transfers, nothing unbounded */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"
#include "text.h"

struct transfer {
	CURL *easy;
	struct curl_slist *headers;
	char *url;
	char *body;
	size_t len, cap, max_body;
	bool too_big;
	long timeout_ms;
	char errbuf[CURL_ERROR_SIZE];
	http_done_fn done;
	void *arg;
	struct transfer *prev, *next; /* in flight, owned by struct http */
};

struct http {
	CURLM *multi;
	char *user_agent;
	FILE *trace;
	int running;
	int pending;
	bool closing;                 /* in http_free: no new transfers */
	struct transfer *head;
};

static bool global_ok;

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
	curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 4L);
	if (trace && *trace && !(h->trace = fopen(trace, "a"))) {
		snprintf(err, errlen, "HKTOP_TRACE: %s: %s", trace, strerror(errno));
		http_free(h);
		return NULL;
	}
	return h;
}

static void transfer_free(struct transfer *t)
{
	if (!t)
		return;
	if (t->easy)
		curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
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
	if (h->multi) {
		/* Transfers still running are cancelled: each callback runs once,
		 * as promised, so its owner can free what it holds. A callback
		 * cannot start another transfer now (http_get refuses). */
		while (h->head) {
			struct transfer *t = h->head;
			h->head = t->next;
			curl_multi_remove_handle(h->multi, t->easy);
			h->pending--;
			memset(&r, 0, sizeof r);
			r.url = t->url;
			r.body = "";
			r.error = "cancelled";
			if (t->done)
				t->done(t->arg, &r);
			transfer_free(t);
		}
		while ((m = curl_multi_info_read(h->multi, &left)))
			;
		curl_multi_cleanup(h->multi);
	}
	if (h->trace)
		fclose(h->trace);
	free(h->user_agent);
	free(h);
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

bool http_get(struct http *h, const struct http_request *req, char *err, size_t errlen)
{
	struct transfer *t;
	CURL *e;

	if (h->closing) {
		snprintf(err, errlen, "cancelled");
		return false;
	}
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
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_USERAGENT, h->user_agent);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, req->timeout_ms);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, req->timeout_ms);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, 3L);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	/* A redirect never downgrades a TLS request to plain HTTP. */
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR,
			 strncmp(t->url, "https://", 8) == 0 ? "https" : "http,https");
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* what libcurl can decode */
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	if (curl_multi_add_handle(h->multi, e) != CURLM_OK) {
		snprintf(err, errlen, "cannot start transfer");
		transfer_free(t);
		return false;
	}
	if (h->trace) {
		fprintf(h->trace, "GET %s\n", t->url);
		fflush(h->trace);
	}
	t->next = h->head;
	if (h->head)
		h->head->prev = t;
	h->head = t;
	h->pending++;
	return true;
}

int http_pending(const struct http *h)
{
	return h->pending;
}

long http_timeout_ms(struct http *h)
{
	long ms = -1;

	curl_multi_timeout(h->multi, &ms);
	return ms;
}

bool http_poll(struct http *h, struct curl_waitfd *extra, unsigned nextra, int timeout_ms)
{
	int n;

	return curl_multi_poll(h->multi, extra, nextra, timeout_ms, &n) == CURLM_OK;
}

void http_wakeup(struct http *h)
{
	curl_multi_wakeup(h->multi);
}

static void describe_error(struct transfer *t, CURLcode rc, long status, char *buf, size_t len)
{
	char clean[CURL_ERROR_SIZE];

	if (t->too_big) {
		snprintf(buf, len, "response larger than %zu bytes", t->max_body);
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		snprintf(buf, len, "timed out after %ld s", (t->timeout_ms + 999) / 1000);
	} else if (rc != CURLE_OK) {
		text_sanitize(clean, sizeof clean, t->errbuf, strlen(t->errbuf));
		snprintf(buf, len, "%s", clean[0] ? clean : curl_easy_strerror(rc));
	} else if (status < 200 || status > 299) {
		snprintf(buf, len, "HTTP %ld", status);
	} else {
		buf[0] = '\0';
	}
}

static void finish(struct http *h, CURL *e, CURLcode rc)
{
	struct transfer *t = NULL;
	char *ctype = NULL;
	struct http_response r;
	char cause[CURL_ERROR_SIZE + 64];
	long status = 0;

	curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&t);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
	curl_multi_remove_handle(h->multi, e);
	if (t->prev)
		t->prev->next = t->next;
	else
		h->head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	h->pending--;
	describe_error(t, rc, status, cause, sizeof cause);
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
	if (t->done)
		t->done(t->arg, &r);
	transfer_free(t);
}

void http_dispatch(struct http *h)
{
	CURLMsg *m;
	int left;

	curl_multi_perform(h->multi, &h->running);
	while ((m = curl_multi_info_read(h->multi, &left)))
		if (m->msg == CURLMSG_DONE)
			finish(h, m->easy_handle, m->data.result);
}

void http_run(struct http *h)
{
	http_dispatch(h);
	while (h->pending > 0) {
		http_poll(h, NULL, 0, 1000);
		http_dispatch(h);
	}
}
