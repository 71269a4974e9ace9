/* http_sock.c - libcurl's sockets in our own poll, each handed back ready
 *
 * curl_multi_perform does not know which socket woke the poll, so it polls
 * every running transfer's socket again with a zero timeout on each call.
 * Told by curl_multi_socket_action which socket is ready and how, libcurl
 * reads it without asking (it still polls once after a read for more, and
 * once to check a connection it reuses): a 3,000-symbol refresh went from
 * some 430 poll() calls to 220 (130 with the bench's server sending
 * without Nagle's delay), each a system call and, under the bench's
 * strace, a trace stop. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "net/http.h"
#include "net/http_sock.h"

bool http_socks_set(struct http_socks *s, int fd, short events)
{
	unsigned i;

	for (i = 0; i < s->n && s->fds[i].fd != fd; i++)
		;
	if (!events) {
		if (i < s->n)
			s->fds[i] = s->fds[--s->n];
		return true;
	}
	if (i == s->n) {
		if (s->n == s->cap) {
			unsigned cap = s->cap ? 2 * s->cap : 8;
			struct pollfd *fds = realloc(s->fds, cap * sizeof *fds);

			if (!fds)
				return false;
			s->fds = fds;
			s->cap = cap;
		}
		s->fds[s->n++].fd = fd;
		s->fds[i].revents = 0;
	}
	s->fds[i].events = events;
	return true;
}

int http_socks_mask(short revents)
{
	int mask = 0;

	if (revents & (POLLIN | POLLHUP)) /* a hang-up reads as the end */
		mask |= CURL_CSELECT_IN;
	if (revents & POLLOUT)
		mask |= CURL_CSELECT_OUT;
	if (revents & (POLLERR | POLLNVAL))
		mask |= CURL_CSELECT_ERR;
	return mask;
}

static int on_socket(CURL *e, curl_socket_t fd, int what, void *arg, void *sockp)
{
	static const short events[] = {
		[CURL_POLL_NONE] = 0, [CURL_POLL_IN] = POLLIN, [CURL_POLL_OUT] = POLLOUT,
		[CURL_POLL_INOUT] = POLLIN | POLLOUT, [CURL_POLL_REMOVE] = 0,
	};

	(void)e;
	(void)sockp;
	/* Out of memory: curl is never woken for it and the transfer times out. */
	http_socks_set(arg, (int)fd, what >= 0 && what <= CURL_POLL_REMOVE ? events[what] : 0);
	return 0;
}

static int on_timer(CURLM *m, long ms, void *arg)
{
	struct http_socks *s = arg;

	(void)m;
	s->deadline_ms = ms < 0 ? -1 : http_mono_ms() + ms;
	return 0;
}

void http_socks_attach(struct http_socks *s, CURLM *m)
{
	s->deadline_ms = -1;
	curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, on_socket);
	curl_multi_setopt(m, CURLMOPT_SOCKETDATA, s);
	curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, on_timer);
	curl_multi_setopt(m, CURLMOPT_TIMERDATA, s);
}

bool http_socks_poll(struct http_socks *s, struct curl_waitfd *extra, unsigned nextra, int timeout_ms)
{
	struct pollfd stack[16], *fds = stack;
	unsigned n = s->n + nextra, i;
	int rc;

	if (s->deadline_ms >= 0) {
		long long left = s->deadline_ms - http_mono_ms();

		if (left < 0)
			left = 0;
		if (timeout_ms < 0 || left < timeout_ms)
			timeout_ms = (int)left;
	}
	if (n > sizeof stack / sizeof *stack && !(fds = malloc(n * sizeof *fds)))
		return false;
	if (s->n)
		memcpy(fds, s->fds, s->n * sizeof *fds);
	for (i = 0; i < nextra; i++) {
		fds[s->n + i].fd = extra[i].fd;
		fds[s->n + i].events = (short)((extra[i].events & CURL_WAIT_POLLIN ? POLLIN : 0) |
		    (extra[i].events & CURL_WAIT_POLLPRI ? POLLPRI : 0) |
		    (extra[i].events & CURL_WAIT_POLLOUT ? POLLOUT : 0));
	}
	rc = poll(fds, n, timeout_ms);
	if (rc < 0 && errno == EINTR) /* a signal: its byte is in the self-pipe */
		rc = 0;
	for (i = 0; i < s->n; i++)
		s->fds[i].revents = rc > 0 ? fds[i].revents : 0;
	for (i = 0; i < nextra; i++) {
		short r = rc > 0 ? fds[s->n + i].revents : 0;

		extra[i].revents = (short)((r & (POLLIN | POLLHUP | POLLERR) ? CURL_WAIT_POLLIN : 0) |
		    (r & POLLPRI ? CURL_WAIT_POLLPRI : 0) | (r & POLLOUT ? CURL_WAIT_POLLOUT : 0));
	}
	if (fds != stack)
		free(fds);
	return rc >= 0;
}

void http_socks_run(struct http_socks *s, CURLM *m, int *running)
{
	struct { int fd, mask; } ready[64];
	unsigned n = 0, i;

	/* curl changes the table as it goes: act on what the poll saw (past
	 * 64, the next poll sees the rest again: it is level-triggered). */
	for (i = 0; i < s->n; i++) {
		int mask = http_socks_mask(s->fds[i].revents);

		s->fds[i].revents = 0;
		if (mask && n < sizeof ready / sizeof *ready)
			ready[n].fd = s->fds[i].fd, ready[n++].mask = mask;
	}
	for (i = 0; i < n; i++)
		curl_multi_socket_action(m, ready[i].fd, ready[i].mask, running);
	if (s->deadline_ms >= 0 && http_mono_ms() >= s->deadline_ms) {
		s->deadline_ms = -1;
		curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, running);
	}
}

void http_socks_done(struct http_socks *s)
{
	free(s->fds);
	s->fds = NULL;
	s->n = s->cap = 0;
}
