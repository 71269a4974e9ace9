/* http_sock.h - libcurl's sockets in our own poll, each handed back ready */
#ifndef HKTOP_HTTP_SOCK_H
#define HKTOP_HTTP_SOCK_H

#include <poll.h>
#include <stdbool.h>

#include <curl/curl.h>

/* The sockets libcurl waits on (CURLMOPT_SOCKETFUNCTION) with the events
 * it wants, their revents from the last poll, and its timer. */
struct http_socks {
	struct pollfd *fds;
	unsigned n, cap;
	long long deadline_ms;        /* curl's timer (http_mono_ms), -1 for none */
};

/* Hook the table to m's socket and timer callbacks; s starts zeroed. */
void http_socks_attach(struct http_socks *s, CURLM *m);

/* fd waits for events (POLLIN, POLLOUT), 0 to forget it; false when the
 * table cannot grow. */
bool http_socks_set(struct http_socks *s, int fd, short events);

/* The CURL_CSELECT_* bits for a socket's revents. */
int http_socks_mask(short revents);

/* Sleep until one of curl's sockets or the extra fds is ready, curl's timer
 * or timeout_ms (-1: none); false if poll failed. */
bool http_socks_poll(struct http_socks *s, struct curl_waitfd *extra, unsigned nextra, int timeout_ms);

/* Let curl act on each socket the poll found ready, and on its timer if
 * that is due: curl polls no socket of its own to find out. */
void http_socks_run(struct http_socks *s, CURLM *m, int *running);

void http_socks_done(struct http_socks *s);

#endif
