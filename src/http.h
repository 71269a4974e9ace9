/* http.h - GET requests on the curl multi interface, with caps and timeouts */
#ifndef HKTOP_HTTP_H
#define HKTOP_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include <curl/curl.h>

struct http;

struct http_response {
	const char *url;
	long status;          /* HTTP status, 0 if none arrived */
	const char *body;     /* NUL-terminated; valid only during the callback */
	size_t len;
	const char *content_type; /* the Content-Type header, or NULL; valid as body */
	const char *error;    /* NULL on a 2xx response, else a one-line cause */
};

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
 * http_free, with the error "cancelled", for a transfer still running. */
bool http_get(struct http *h, const struct http_request *req, char *err, size_t errlen);

/* Transfers still in flight. */
int http_pending(const struct http *h);

/* Milliseconds until curl wants to be called, or -1 for no deadline. */
long http_timeout_ms(struct http *h);

/* Sleep in curl_multi_poll until a socket, an extra fd or timeout_ms. */
bool http_poll(struct http *h, struct curl_waitfd *extra, unsigned nextra, int timeout_ms);

/* Drive transfers and run the callbacks of those that finished. */
void http_dispatch(struct http *h);

/* Wake a poll from a signal handler or another place. */
void http_wakeup(struct http *h);

/* Run until no transfer is in flight (used by --once). */
void http_run(struct http *h);

#endif
