/* http.h - GET requests on the curl multi interface, with caps and timeouts */
#ifndef HKTOP_HTTP_H
#define HKTOP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <curl/curl.h>

struct http;

struct http_response {
	const char *url;
	long status;          /* HTTP status, 0 if none arrived */
	const char *body;     /* NUL-terminated; valid only during the callback */
	size_t len;
	const char *content_type; /* the Content-Type header, or NULL; valid as body */
	const char *error;    /* NULL on a 2xx response, else a one-line cause */
	long retry_after_s;   /* a 429's or 503's Retry-After, -1 for none */
};

/* The longest wait a Retry-After may impose: past it hktop asks again. */
#define HTTP_RETRY_AFTER_MAX_S 600

typedef void (*http_done_fn)(void *arg, const struct http_response *r);

struct http_request {
	const char *url;
	const char *const *headers; /* extra headers, NULL-terminated, or NULL */
	long timeout_ms;            /* whole transfer */
	size_t max_body;            /* enforced while receiving */
	http_done_fn done;
	void *arg;
};

/* One per process loop. user_agent is sent with every request. Trace:
 * when $HKTOP_TRACE names a file, every URL fetched is appended to it. */
struct http *http_new(const char *user_agent, char *err, size_t errlen);
void http_free(struct http *h);

/* Queue a GET. The callback runs from http_dispatch, exactly once; from
 * http_free, with the error "cancelled", for a transfer still running.
 * A server that answered 429 or 503 with a Retry-After is not asked again
 * before that: http_get fails, the cause saying how long is left. */
bool http_get(struct http *h, const struct http_request *req, char *err, size_t errlen);

/* Milliseconds before url's server may be asked again (Retry-After), 0 if now. */
long http_wait_ms(struct http *h, const char *url);

/* A Retry-After value (delay-seconds or an HTTP-date) as seconds after
 * now, capped at HTTP_RETRY_AFTER_MAX_S; -1 if absent or malformed. Pure. */
long http_retry_after_s(const char *value, time_t now);

/* "scheme://host[:port]" of url: what a Retry-After holds. Pure. */
bool http_origin(const char *url, char *buf, size_t len);

/* Transfers still in flight. */
int http_pending(const struct http *h);

/* Milliseconds until curl wants to be called, or -1 for no deadline. */
long http_timeout_ms(struct http *h);

/* Sleep until a socket of curl's, an extra fd, curl's timer or timeout_ms. */
bool http_poll(struct http *h, struct curl_waitfd *extra, unsigned nextra, int timeout_ms);

/* Drive transfers and run the callbacks of those that finished. */
void http_dispatch(struct http *h);

/* Run until no transfer is in flight (used by --once). */
void http_run(struct http *h);

struct recorder;
struct replay;

/* --record: every response that arrives is written to rec (owned by h
 * from now). Why recording stopped (disk full, the size cap), or NULL. */
void http_set_recorder(struct http *h, struct recorder *rec);
const char *http_record_stopped(const struct http *h);

/* --replay: every request is answered from rp (owned by h from now; see
 * net/replay.h), none goes to the network. */
void http_set_replay(struct http *h, struct replay *rp);
struct replay *http_replay(struct http *h);

/* The monotonic clock in milliseconds that Retry-After pauses and the
 * headline sources' deadlines are kept in (base/hkclock.h: CLOCK_MONOTONIC
 * as the app's, or a replay's clock). */
long long http_mono_ms(void);

#endif
