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
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fetch.h"
#include "loopback.h"
#include "http.h"
#include "source.h"
#include "symbol.h"
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
};

static void on_done(void *arg, const struct http_response *r)
{
	struct seen *s = arg;

	s->calls++;
	snprintf(s->error, sizeof s->error, "%s", r->error ? r->error : "");
	s->http_ok = r->error == NULL;
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
	cfg.primary = &source_tencent;
	cfg.primary_url = base;
	cfg.fallback = &source_sina;
	cfg.fallback_url = base;
	cfg.timeout_ms = 60000;
	cfg.max_body = 1 << 20;
	ok(fetch_quotes(h, &cfg, in, 2, on_fetched, &got, err, sizeof err), "fetch started");
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
	cfg.primary = &source_tencent;
	cfg.primary_url = lb.base;
	cfg.fallback = &source_sina;
	cfg.fallback_url = lb.base;
	cfg.timeout_ms = 10000;
	cfg.max_body = 1 << 20;
	ok(fetch_quotes(h, &cfg, in, 2, on_copy, &got, err, sizeof err), "fetch started");
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
	is_int(fetch_backoff_s(5, 0), 5, "refresh 5 s: every 5 s");
	is_int(fetch_backoff_s(5, 1), 10, "one failed refresh: 10 s");
	is_int(fetch_backoff_s(5, 3), 40, "three: 40 s");
	is_int(fetch_backoff_s(5, 30), 300, "capped at 5 minutes");
	is_int(fetch_backoff_s(600, 0), 600, "refresh 600 s is kept, not capped to 300");
	is_int(fetch_backoff_s(600, 4), 600, "nor shortened by failures");
}

int main(void)
{
	char base[64];
	int fd = silent_server(base, sizeof base);

	test_backoff();
	test_cancel_get(base);
	test_cancel_fetch(base);
	test_failover_clean();
	close(fd);
	return tap_done();
}
