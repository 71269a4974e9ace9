/* http_wait.h - a few transfers to a server at once, the rest waiting their turn */
#ifndef HKTOP_HTTP_WAIT_H
#define HKTOP_HTTP_WAIT_H

#include <stdbool.h>

/* Connections to one server at once; more would look like abuse. */
#define HTTP_WAIT_PER_SERVER 4

/* One transfer, embedded in its owner's record of it. */
struct http_waiter {
	struct http_waiter *prev, *next;
	char origin[128];             /* its server, "" if the URL names none */
	long long since_ms;           /* when it was asked for */
	bool waiting;                 /* not started yet */
};

/* Every transfer not yet ended, oldest first. */
struct http_wait {
	struct http_waiter *head, *tail;
};

/* x for url, asked for at now_ms: true if it may start at once, false if
 * it waits (x->waiting) for http_wait_leave to hand it over. */
bool http_wait_enter(struct http_wait *w, struct http_waiter *x, const char *url, long long now_ms);

/* x has ended or was cancelled: the waiter for its server that has waited
 * longest, now counted as started, or NULL. */
struct http_waiter *http_wait_leave(struct http_wait *w, struct http_waiter *x);

#endif
