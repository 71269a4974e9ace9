/* http_wait.c - a few transfers to a server at once, the rest waiting their turn
 *
 * The waiting is ours, not libcurl's: given more transfers than its
 * CURLMOPT_MAX_HOST_CONNECTIONS, libcurl 7.88 parks them as pending and
 * parses each one's URL again whenever a connection frees up (a 60-code
 * quote URL costs some 60,000 instructions a parse, 3.6 parses a request),
 * which was a third of a 3,000-symbol refresh. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "net/http.h"
#include "net/http_wait.h"

bool http_origin(const char *url, char *buf, size_t len)
{
	const char *host = strstr(url, "://");
	size_t n;

	if (!host || host == url)
		return false;
	host += 3;
	n = (size_t)(host - url) + strcspn(host, "/?#");
	if (n >= len)
		return false;
	memcpy(buf, url, n);
	buf[n] = '\0';
	return true;
}

bool http_wait_enter(struct http_wait *w, struct http_waiter *x, const char *url, long long now_ms)
{
	int running = 0;

	if (!http_origin(url, x->origin, sizeof x->origin))
		x->origin[0] = '\0';
	x->since_ms = now_ms;
	for (const struct http_waiter *o = w->head; o && x->origin[0]; o = o->next)
		if (!o->waiting && strcasecmp(o->origin, x->origin) == 0)
			running++;
	x->waiting = running >= HTTP_WAIT_PER_SERVER;
	x->next = NULL;
	x->prev = w->tail;
	if (w->tail)
		w->tail->next = x;
	else
		w->head = x;
	w->tail = x;
	return !x->waiting;
}

struct http_waiter *http_wait_leave(struct http_wait *w, struct http_waiter *x)
{
	struct http_waiter *o;

	if (x->prev)
		x->prev->next = x->next;
	else
		w->head = x->next;
	if (x->next)
		x->next->prev = x->prev;
	else
		w->tail = x->prev;
	x->prev = x->next = NULL;
	if (x->waiting || !x->origin[0])
		return NULL; /* it held no connection */
	for (o = w->head; o; o = o->next)
		if (o->waiting && strcasecmp(o->origin, x->origin) == 0) {
			o->waiting = false;
			return o;
		}
	return NULL;
}
