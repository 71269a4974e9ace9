/* test-http-sock.c - the table of libcurl's sockets and our poll on it
 * (net/http_sock.c); every loopback test drives it through libcurl. */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "net/http.h"
#include "net/http_sock.h"
#include "tap.h"

static short events_of(const struct http_socks *s, int fd)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->fds[i].fd == fd)
			return s->fds[i].events;
	return -1;
}

static void test_table(void)
{
	struct http_socks s = { .deadline_ms = -1 };
	bool all = true;

	for (int fd = 100; fd < 120; fd++)
		all &= http_socks_set(&s, fd, POLLIN);
	ok(all && s.n == 20, "20 sockets kept (the table grows)");
	http_socks_set(&s, 105, POLLIN | POLLOUT);
	is_int(s.n, 20, "a socket set again is not added twice");
	is_int(events_of(&s, 105), POLLIN | POLLOUT, "its events replaced");
	http_socks_set(&s, 110, 0);
	is_int(s.n, 19, "a socket forgotten");
	is_int(events_of(&s, 110), -1, "and gone");
	is_int(events_of(&s, 119), POLLIN, "the others kept");
	http_socks_set(&s, 7, 0);
	is_int(s.n, 19, "forgetting an unknown socket changes nothing");
	http_socks_done(&s);
	ok(!s.fds && s.n == 0, "done frees the table");
}

static void test_mask(void)
{
	is_int(http_socks_mask(0), 0, "nothing ready: no bits");
	is_int(http_socks_mask(POLLIN), CURL_CSELECT_IN, "readable: IN");
	is_int(http_socks_mask(POLLHUP), CURL_CSELECT_IN, "hung up: IN, so curl reads the end");
	is_int(http_socks_mask(POLLOUT), CURL_CSELECT_OUT, "writable: OUT");
	is_int(http_socks_mask(POLLERR), CURL_CSELECT_ERR, "error: ERR");
	is_int(http_socks_mask(POLLIN | POLLOUT), CURL_CSELECT_IN | CURL_CSELECT_OUT, "both");
}

static void test_poll(void)
{
	struct http_socks s = { .deadline_ms = -1 };
	struct curl_waitfd extra[2];
	int a[2], b[2];
	long long t0;

	if (pipe(a) || pipe(b)) {
		printf("Bail out! no pipe\n");
		return;
	}
	alarm(10); /* a poll that never returns fails the test, not hangs it */
	http_socks_set(&s, a[0], POLLIN);
	http_socks_set(&s, b[0], POLLIN);
	extra[0] = (struct curl_waitfd){ .fd = b[0], .events = CURL_WAIT_POLLIN };
	extra[1] = (struct curl_waitfd){ .fd = a[1], .events = CURL_WAIT_POLLOUT };
	if (write(a[1], "x", 1) != 1)
		printf("# write failed\n");
	ok(http_socks_poll(&s, extra, 2, -1), "poll: true");
	is_int(s.fds[0].revents & POLLIN, POLLIN, "the ready socket's revents kept");
	is_int(s.fds[1].revents, 0, "the idle one's none");
	is_int(extra[0].revents, 0, "an idle extra fd: none");
	is_int(extra[1].revents, CURL_WAIT_POLLOUT, "a writable extra fd: POLLOUT");
	is_int(http_socks_mask(s.fds[0].revents), CURL_CSELECT_IN, "handed to curl as IN");

	/* curl's timer bounds the sleep: due now, no wait for an idle pipe. */
	s.fds[0].events = 0;
	s.deadline_ms = http_mono_ms();
	t0 = http_mono_ms();
	ok(http_socks_poll(&s, extra, 1, -1), "poll with curl's timer due");
	ok(http_mono_ms() - t0 < 5000, "returns at curl's timer, not never");
	alarm(0);
	http_socks_done(&s);
	close(a[0]), close(a[1]), close(b[0]), close(b[1]);
}

int main(void)
{
	test_table();
	test_mask();
	test_poll();
	return tap_done();
}
