/* test-http.c - transfers still running when the loop ends are cancelled:
 * each callback runs once with a cause, and nothing leaks (the sanitizer
 * build checks the leak half).
 *
 * The server is a listening socket that is never accepted from: the kernel
 * completes the connection and the request waits for an answer forever, so
 * the transfer is surely in flight, without sleeps. */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/quote_fetch.h"
#include "loopback.h"
#include "net/http.h"
#include "net/http_wait.h"
#include "feeds/quote_source.h"
#include "model/symbol.h"
#include "tap.h"

static int silent_server(char *base, size_t len)
{
	struct sockaddr_in a;
	socklen_t alen = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) || listen(fd, 16) ||
	    getsockname(fd, (struct sockaddr *)&a, &alen)) {
		printf("Bail out! no loopback socket\n");
		exit(1);
	}
	snprintf(base, len, "http://127.0.0.1:%d", ntohs(a.sin_port));
	return fd;
}

struct seen {
	int calls;
	char error[256];
	bool http_ok;
	long retry_after_s;
};

static void on_done(void *arg, const struct http_response *r)
{
	struct seen *s = arg;

	s->calls++;
	snprintf(s->error, sizeof s->error, "%s", r->error ? r->error : "");
	s->http_ok = r->error == NULL;
	s->retry_after_s = r->retry_after_s;
}

/* Drive curl until the request has surely been sent. */
static void settle(struct http *h)
{
	for (int i = 0; i < 20; i++) {
		http_dispatch(h);
		http_poll(h, NULL, 0, 5);
	}
	http_dispatch(h);
}

static void test_cancel_get(const char *base)
{
	struct seen s = { 0 };
	struct http_request req;
	char err[256], url[300];
	struct http *h = http_new("hktop-test", err, sizeof err);

	snprintf(url, sizeof url, "%s/q=hk00700", base);
	memset(&req, 0, sizeof req);
	req.url = url;
	req.timeout_ms = 60000;
	req.max_body = 1024;
	req.done = on_done;
	req.arg = &s;
	ok(http_get(h, &req, err, sizeof err), "request queued");
	settle(h);
	is_int(s.calls, 0, "no answer yet");
	is_int(http_pending(h), 1, "one transfer in flight");
	http_free(h);
	is_int(s.calls, 1, "freeing the loop runs the callback once");
	ok(!s.http_ok, "as a failure");
	is_str(s.error, "cancelled", "whose cause says it was cancelled");
}

struct fetched {
	int calls;
	size_t n;
	bool any_ok;
	char err0[400];
};

static void on_fetched(void *arg, const struct quote_result *res, size_t n)
{
	struct fetched *f = arg;

	f->calls++;
	f->n = n;
	for (size_t i = 0; i < n; i++)
		f->any_ok |= res[i].ok;
	snprintf(f->err0, sizeof f->err0, "%s", n ? res[0].err : "");
}

struct copied {
	int calls;
	bool ok[2];
	char err[2][400];
};

static void on_copy(void *arg, const struct quote_result *res, size_t n)
{
	struct copied *got = arg;

	got->calls++;
	for (size_t i = 0; i < n && i < 2; i++) {
		got->ok[i] = res[i].ok;
		snprintf(got->err[i], sizeof got->err[i], "%s", res[i].err);
	}
}

/* A refresh with failover pending at quit: the fallback must not start on a
 * loop that is going away, and the refresh must still end exactly once. */
static void test_cancel_fetch(const char *base)
{
	struct fetched got = { 0 };
	struct fetch_config cfg;
	struct instrument in[2];
	char err[256];
	struct http *h = http_new("hktop-test", err, sizeof err);

	ok(symbol_parse("700", &in[0], err, sizeof err), "700");
	ok(symbol_parse("9988", &in[1], err, sizeof err), "9988");
	memset(&cfg, 0, sizeof cfg);
	cfg.primary = &quote_tencent_source;
	cfg.primary_url = base;
	cfg.fallback = &quote_sina_source;
	cfg.fallback_url = base;
	cfg.timeout_ms = 60000;
	cfg.max_body = 1 << 20;
	ok(quote_fetch_start(h, &cfg, in, 2, on_fetched, &got, err, sizeof err), "fetch started");
	settle(h);
	is_int(got.calls, 0, "still waiting");
	http_free(h);
	is_int(got.calls, 1, "the fetch ends once when the loop is freed");
	is_int(got.n, 2, "with a result per instrument");
	ok(!got.any_ok, "none of them a quote");
	ok(strstr(got.err0, "cancelled") != NULL, "the cause says cancelled: %s", got.err0);
}

/* A quote the fallback served is a good quote: no cause of the primary's
 * failure may stick to it, or the screen marks it stale. */
static void test_failover_clean(void)
{
	struct loopback lb;
	struct fetch_config cfg;
	struct instrument in[2];
	char err[256];
	struct http *h = http_new("hktop-test", err, sizeof err);
	struct copied got = { 0 };

	loopback_start(&lb, "/q= 503 -\n/list= 200 $/sina-batch.gbk.txt\n");
	ok(symbol_parse("700", &in[0], err, sizeof err), "700");
	ok(symbol_parse("HSI", &in[1], err, sizeof err), "HSI");
	memset(&cfg, 0, sizeof cfg);
	cfg.primary = &quote_tencent_source;
	cfg.primary_url = lb.base;
	cfg.fallback = &quote_sina_source;
	cfg.fallback_url = lb.base;
	cfg.timeout_ms = 10000;
	cfg.max_body = 1 << 20;
	ok(quote_fetch_start(h, &cfg, in, 2, on_copy, &got, err, sizeof err), "fetch started");
	http_run(h);
	is_int(got.calls, 1, "done once");
	for (int i = 0; i < 2; i++) {
		ok(got.ok[i], "%s: a quote from the fallback", in[i].display);
		is_str(got.err[i], "", "%s: and no cause left from the primary", in[i].display);
	}
	http_free(h);
	loopback_stop(&lb);
}

static void test_backoff(void)
{
	is_int(quote_fetch_backoff_s(5, 0), 5, "refresh 5 s: every 5 s");
	is_int(quote_fetch_backoff_s(5, 1), 10, "one failed refresh: 10 s");
	is_int(quote_fetch_backoff_s(5, 3), 40, "three: 40 s");
	is_int(quote_fetch_backoff_s(5, 30), 300, "capped at 5 minutes");
	is_int(quote_fetch_backoff_s(600, 0), 600, "refresh 600 s is kept, not capped to 300");
	is_int(quote_fetch_backoff_s(600, 4), 600, "nor shortened by failures");
}

/* Retry-After: delay-seconds or an HTTP-date, as seconds from now. */
static void test_retry_after_parse(void)
{
	const time_t now = 1445412480; /* Wed, 21 Oct 2015 07:28:00 GMT */
	static const struct {
		const char *value;
		long want;
		const char *what;
	} cases[] = {
		{ "120", 120, "delay-seconds" },
		{ " 120 ", 120, "with the blanks around a header value" },
		{ "0", 0, "zero: at once" },
		{ "Wed, 21 Oct 2015 07:29:30 GMT", 90, "IMF-fixdate" },
		{ "Wednesday, 21-Oct-15 07:29:30 GMT", 90, "RFC 850 date" },
		{ "Wed Oct 21 07:29:30 2015", 90, "asctime date" },
		{ "Wed, 21 Oct 2015 07:00:00 GMT", 0, "a date gone by: at once" },
		{ "3600", HTTP_RETRY_AFTER_MAX_S, "an hour is capped" },
		{ "99999999999999999999999", HTTP_RETRY_AFTER_MAX_S, "a huge number is capped, not overflowed" },
		{ "Thu, 22 Oct 2015 07:28:00 GMT", HTTP_RETRY_AFTER_MAX_S, "a date a day ahead is capped" },
		{ "-5", -1, "a negative delay is no delay" },
		{ "1.5", -1, "a fraction is not delay-seconds" },
		{ "12abc", -1, "digits then junk" },
		{ "soon", -1, "a word" },
		{ "", -1, "empty" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_int(http_retry_after_s(cases[i].value, now), cases[i].want, "%s: \"%s\"",
		       cases[i].what, cases[i].value);
	is_int(http_retry_after_s(NULL, now), -1, "no header");
}

static void test_origin(void)
{
	char buf[64];

	ok(http_origin("http://127.0.0.1:8080/q=r_hk00700", buf, sizeof buf) &&
	   strcmp(buf, "http://127.0.0.1:8080") == 0, "origin: scheme, host and port");
	ok(http_origin("https://qt.gtimg.cn?q=1", buf, sizeof buf) &&
	   strcmp(buf, "https://qt.gtimg.cn") == 0, "origin: a query right after the host");
	ok(http_origin("https://hq.sinajs.cn", buf, sizeof buf) &&
	   strcmp(buf, "https://hq.sinajs.cn") == 0, "origin: the whole of a bare base URL");
	ok(!http_origin("qt.gtimg.cn/q=1", buf, sizeof buf), "origin: none without a scheme");
	ok(!http_origin("https://a-very-long-host-name-that-does-not-fit.example.com/", buf, 32),
	   "origin: none when it does not fit");
}

static void get(struct http *h, const char *url, struct seen *s)
{
	struct http_request req;
	char err[256];

	memset(&req, 0, sizeof req);
	req.url = url;
	req.timeout_ms = 10000;
	req.max_body = 1 << 20;
	req.done = on_done;
	req.arg = s;
	ok(http_get(h, &req, err, sizeof err), "GET %s", url);
}

/* A 429 with Retry-After holds its server: nothing is asked of it until
 * then (its next rule would answer 200 at once), other servers are asked. */
static void test_retry_after_hold(void)
{
	struct loopback busy, other;
	struct seen s = { 0 }, s2 = { 0 };
	struct http_request req;
	char err[256], url[128], url2[128];
	struct http *h = http_new("hktop-test", err, sizeof err);
	long wait;

	loopback_start(&busy, "* 429 - header=Retry-After:120 count=1\n"
		       "* 200 $/tencent-batch.gbk.txt\n");
	loopback_start(&other, "* 200 $/tencent-batch.gbk.txt\n");
	snprintf(url, sizeof url, "%s/q=r_hk00700", busy.base);
	get(h, url, &s);
	http_run(h);
	is_str(s.error, "HTTP 429, retry after 120 s", "the cause names the wait");
	is_int(s.retry_after_s, 120, "the response carries it");
	wait = http_wait_ms(h, url);
	ok(wait > 119000 && wait <= 120000, "the server is held for 120 s: %ld ms", wait);
	snprintf(url2, sizeof url2, "%s/q=r_hk09988", busy.base);
	memset(&req, 0, sizeof req);
	req.url = url2;
	req.timeout_ms = 10000;
	req.max_body = 1 << 20;
	req.done = on_done;
	req.arg = &s2;
	ok(!http_get(h, &req, err, sizeof err), "another path of the held server is not asked");
	ok(strncmp(err, "HTTP 429, retry after 1", 23) == 0, "saying how long is left: %s", err);
	is_int(http_pending(h), 0, "nothing in flight");
	is_int(s2.calls, 0, "and no callback");
	snprintf(url2, sizeof url2, "%s/q=r_hk00700", other.base);
	is_int(http_wait_ms(h, url2), 0, "another server is not held");
	get(h, url2, &s2);
	http_run(h);
	ok(s2.http_ok, "and is asked");
	http_free(h);
	loopback_stop(&busy);
	loopback_stop(&other);
}

/* With failover the other source serves while the first is held; when
 * every source is held, the next refresh waits for the first let go. */
static void test_retry_after_fetch(void)
{
	struct loopback busy, sina;
	struct fetch_config cfg;
	struct instrument in[1];
	struct copied got = { 0 };
	char err[256];
	struct http *h = http_new("hktop-test", err, sizeof err);

	loopback_start(&busy, "* 503 - header=Retry-After:60\n");
	loopback_start(&sina, "* 200 $/sina-batch.gbk.txt\n");
	ok(symbol_parse("700", &in[0], err, sizeof err), "700");
	memset(&cfg, 0, sizeof cfg);
	cfg.primary = &quote_tencent_source;
	cfg.primary_url = busy.base;
	cfg.fallback = &quote_sina_source;
	cfg.fallback_url = sina.base;
	cfg.timeout_ms = 10000;
	cfg.max_body = 1 << 20;
	ok(quote_fetch_start(h, &cfg, in, 1, on_copy, &got, err, sizeof err), "fetch started");
	http_run(h);
	ok(got.ok[0], "the fallback served");
	is_int(quote_fetch_wait_ms(h, &cfg), 0, "a source is free: refresh as usual");
	cfg.fallback = NULL;
	ok(quote_fetch_wait_ms(h, &cfg) > 59000, "the only source is held: wait for it");
	ok(quote_fetch_start(h, &cfg, in, 1, on_copy, &got, err, sizeof err), "fetch started");
	http_run(h);
	is_int(got.calls, 2, "done at once");
	ok(strncmp(got.err[0], "tencent: 0700: HTTP 503, retry after ", 37) == 0,
	   "the cause says the source is held: %s", got.err[0]);
	http_free(h);
	loopback_stop(&busy);
	loopback_stop(&sina);
}

/* The turns themselves: four a server, oldest waiter first, a cancelled
 * waiter handing nothing on, other servers and origin-less URLs never held. */
static void test_wait_turns(void)
{
	struct http_wait w = { 0 };
	struct http_waiter x[8], y, z;
	int started = 0;

	memset(x, 0, sizeof x);
	for (int i = 0; i < 6; i++)
		started += http_wait_enter(&w, &x[i], "http://a.example:80/q=1", i);
	is_int(started, 4, "wait: four of six to one server start");
	ok(x[4].waiting && x[5].waiting, "wait: the fifth and sixth wait");
	ok(http_wait_enter(&w, &y, "HTTP://B.example/q=2", 9), "wait: another server is not held");
	ok(http_wait_enter(&w, &z, "no-scheme", 9), "wait: nor a URL without an origin");
	ok(http_wait_enter(&w, &x[6], "http://A.EXAMPLE:80/other", 10) == false,
	   "wait: the server is the same in any case and path");
	ok(http_wait_leave(&w, &x[5]) == NULL, "wait: a waiter cancelled frees no turn");
	ok(http_wait_leave(&w, &x[1]) == &x[4] && !x[4].waiting, "wait: an end hands its turn to the oldest waiter");
	ok(http_wait_leave(&w, &y) == NULL, "wait: another server's end hands nothing over");
	ok(http_wait_leave(&w, &x[0]) == &x[6], "wait: then to the next");
	ok(http_wait_leave(&w, &x[2]) == NULL, "wait: and none is left");
	http_wait_leave(&w, &x[3]);
	http_wait_leave(&w, &x[4]);
	http_wait_leave(&w, &x[6]);
	http_wait_leave(&w, &z);
	ok(w.head == NULL && w.tail == NULL, "wait: empty again");
}

/* Connections waiting on the silent server's socket, each accepted and closed. */
static int accept_all(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int n = 0, c;

	while (poll(&p, 1, 0) == 1 && (c = accept(fd, NULL, NULL)) >= 0) {
		close(c);
		n++;
	}
	return n;
}

/* Four connections to a server at once; the rest wait their turn in
 * http_wait (not libcurl's pending list, which parses a waiting URL again and
 * again), and are answered or cancelled like any other. */
static void test_host_connections(void)
{
	struct seen s[6] = { { 0 } };
	struct loopback lb;
	char err[256], base[64], url[300];
	struct http *h = http_new("hktop-test", err, sizeof err);
	int fd = silent_server(base, sizeof base), calls = 0, answered = 0;

	for (int i = 0; i < 6; i++) {
		snprintf(url, sizeof url, "%s/q=hk0070%d", base, i);
		get(h, url, &s[i]);
	}
	settle(h);
	is_int(http_pending(h), 6, "six transfers pending");
	is_int(accept_all(fd), 4, "four of them connected");
	http_free(h);
	for (int i = 0; i < 6; i++) {
		calls += s[i].calls;
		if (strcmp(s[i].error, "cancelled") == 0)
			answered++;
	}
	is_int(calls, 6, "freeing the loop runs each callback once");
	is_int(answered, 6, "each saying cancelled");
	close(fd);

	loopback_start(&lb, "* 200 $/tencent-batch.gbk.txt\n");
	h = http_new("hktop-test", err, sizeof err);
	memset(s, 0, sizeof s);
	for (int i = 0; i < 6; i++) {
		snprintf(url, sizeof url, "%s/q=r_hk0070%d", lb.base, i);
		get(h, url, &s[i]);
	}
	http_run(h);
	answered = 0;
	for (int i = 0; i < 6; i++)
		answered += s[i].calls == 1 && s[i].http_ok;
	is_int(answered, 6, "each of six is answered once, the last two after waiting");
	http_free(h);
	loopback_stop(&lb);
}

int main(void)
{
	char base[64];
	int fd = silent_server(base, sizeof base);

	test_backoff();
	test_cancel_get(base);
	test_cancel_fetch(base);
	test_failover_clean();
	test_retry_after_parse();
	test_origin();
	test_retry_after_hold();
	test_retry_after_fetch();
	test_wait_turns();
	test_host_connections();
	close(fd);
	return tap_done();
}
