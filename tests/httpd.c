/* httpd.c - a scripted loopback HTTP/1.1 server for the integration tests
 *
 * The tests drive the real libcurl path, so they need a server that answers
 * with exactly the bytes, statuses and misbehaviour they ask for, and that
 * writes down what it was asked.  It must also never be the flaky part of a
 * test: one poll() loop, non-blocking sockets, one request per connection
 * and always "Connection: close", so there is no state to get wrong between
 * requests.  The bench alone asks for -k, keep-alive as real quote servers
 * keep it (a refresh that opened a connection per request measured the
 * kernel's TCP set-up, not hktop).  POSIX only; see usage() for the rules
 * syntax.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#elif !defined(_GNU_SOURCE) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define REQ_MAX		(16 * 1024)	/* request line + headers; more is 431 */
#define BODY_PIECE	(8 * 1024)	/* payload per send(), and per chunk */
#define CHUNK_ROOM	18		/* "%zx\r\n" in front of a chunk */
#define OUT_MAX		(CHUNK_ROOM + BODY_PIECE + 2)
#define EXTRA_MAX	4096		/* all header= of one rule together */
#define CTYPE_MAX	256
#define MAX_CONNS	512		/* well under the usual 1024 fd limit */
#define DRAIN_MS	1000
#define ACCEPT_BACKOFF_MS 100
#define MAX_DELAY_MS	600000L
#define MAX_SIZE	((uint64_t)1 << 40)
#define NO_TRUNCATE	UINT64_MAX
#define DEFAULT_CTYPE	"text/plain; charset=GBK"

static const char usage_text[] =
"usage: httpd [-k] [-p PORTFILE] [-l REQUEST_LOG] [-t IDLE_SECONDS] RULES_FILE\n"
"\n"
"Listens on 127.0.0.1, port chosen by the kernel, and writes \"PORT\\n\" to\n"
"PORTFILE (atomically) once listening, or to stdout without -p.  Exits on\n"
"SIGTERM/SIGINT/SIGHUP, or after IDLE_SECONDS (default 60, 0 = never)\n"
"without network activity.  REQUEST_LOG gets one line per request:\n"
"  METHOD TARGET<TAB>USER-AGENT<TAB>REFERER     (\"-\" for a missing header;\n"
"  bytes outside 0x20-0x7e and backslash are written as \\xHH and \\\\),\n"
"  with -k a fourth field, <TAB>#N: the request came on the Nth connection\n"
"-k keeps a connection open after a response (HTTP/1.1 keep-alive), unless\n"
"  the request is HTTP/1.0, says \"Connection: close\" or has a body, or the\n"
"  response is an error of the request, @longhead or truncate=\n"
"\n"
"RULES_FILE, one rule per line, '#' starts a comment:\n"
"  PATH_PREFIX STATUS BODY [OPTION...]\n"
"PATH_PREFIX  prefix of the request target as received (path?query), or *\n"
"STATUS       100-599\n"
"BODY         FILE (relative to the rules file's directory), - (empty),\n"
"             @zero:N ('0' x N; N may end in K or M), @hang (never answer),\n"
"             @longhead:N (a header line of N bytes that never ends)\n"
"OPTION       delay=MS       wait before the status line\n"
"             ctype=TYPE     Content-Type (default \"" DEFAULT_CTYPE "\")\n"
"             header=NAME:VALUE  extra header, repeatable\n"
"             count=N        apply to the first N matches only, then skip\n"
"             cycle=N        serve FILE.0, FILE.1 ... FILE.N-1 in turn, one a\n"
"                            match (make bench: prices that move every time)\n"
"             chunked        Transfer-Encoding: chunked\n"
"             truncate=N     announce the whole body, hang up after N bytes\n"
"TYPE and VALUE are %-decoded, so write a space as %20 and '%' as %25.\n"
"The first matching rule wins; no match is a 404.\n";

enum body_kind {
	BODY_EMPTY,		/* "-" */
	BODY_FILE,
	BODY_ZERO,		/* "@zero:N" */
	BODY_HANG,		/* "@hang" */
	BODY_TEXT,		/* our own error pages */
	BODY_LONGHEAD,		/* "@longhead:N": the head never ends */
};

struct rule {
	char *prefix;		/* NULL for "*" */
	int status;
	enum body_kind body;
	char *path;		/* BODY_FILE, already resolved */
	const char *text;	/* BODY_TEXT */
	uint64_t zeros;		/* BODY_ZERO, BODY_LONGHEAD */
	long delay_ms;
	char *ctype;		/* NULL for DEFAULT_CTYPE */
	char *headers;		/* "Name: value\r\n"..., or NULL */
	long count;		/* matches left, -1 for unlimited */
	long cycle;		/* cycle=N: bodies FILE.0 .. FILE.N-1, 0 for FILE */
	long turn;		/* cycle=N: matches so far */
	bool chunked;
	uint64_t truncate;	/* payload bytes before hanging up */
};

static struct rule rule_400 = { .status = 400, .body = BODY_TEXT,
	.text = "malformed request\n", .count = -1, .truncate = NO_TRUNCATE };
static struct rule rule_404 = { .status = 404, .body = BODY_TEXT,
	.text = "no rule matches\n", .count = -1, .truncate = NO_TRUNCATE };
static struct rule rule_431 = { .status = 431, .body = BODY_TEXT,
	.text = "request head too large\n", .count = -1, .truncate = NO_TRUNCATE };
static struct rule rule_500 = { .status = 500, .body = BODY_TEXT,
	.text = "cannot read the body file\n", .count = -1, .truncate = NO_TRUNCATE };

enum conn_state {
	CONN_READ,		/* collecting the request head */
	CONN_DELAY,		/* delay= before the status line */
	CONN_WRITE,
	CONN_HANG,		/* @hang: silent until the client gives up */
	CONN_DRAIN,		/* sent; swallow leftovers so close() can't RST */
	CONN_DEAD,
};

struct conn {
	int fd;
	enum conn_state state;
	int64_t deadline;	/* CONN_DELAY and CONN_DRAIN */
	const struct rule *rule;
	long variant;		/* cycle=N: which FILE.K this response serves */
	bool head_only;		/* HEAD: the headers of the response only */
	bool last_chunk;	/* chunked: the terminating chunk is still due */
	bool keep;		/* -k: read the next request after this response */
	unsigned long serial;	/* -k: the Nth connection accepted */
	size_t req_end;		/* -k: where the next request begins in req */
	int body_fd;
	uint64_t body_left;	/* payload not yet produced */
	uint64_t trunc_left;	/* payload we may send before hanging up */
	size_t text_off;
	size_t out_off, out_len;
	char out[OUT_MAX];
	size_t req_len;
	char req[REQ_MAX + 1];
};

static struct rule *rules;
static size_t nrules;
static FILE *request_log;
static bool keep_alive;		/* -k */
static unsigned long accepted;

static struct conn *conns[MAX_CONNS];
static size_t nconns;
static int64_t last_activity;

static volatile sig_atomic_t got_signal;
static int signal_pipe[2] = { -1, -1 };

static void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("httpd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		die("fcntl: %s", strerror(errno));
}

/* The handler only writes a byte: poll() wakes on the pipe, so a signal
 * arriving just before poll() is not lost. */
static void on_signal(int sig)
{
	int saved = errno;
	ssize_t n;

	got_signal = sig;
	n = write(signal_pipe[1], "", 1);
	(void)n;
	errno = saved;
}

/* --- rules ---------------------------------------------------------------- */

static bool parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* "1000", "4K", "2M": binary multiples, because tests compare byte counts. */
static bool parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || v > MAX_SIZE)
		return false;
	if (*end == 'K' || *end == 'k') {
		v <<= 10;
		end++;
	} else if (*end == 'M' || *end == 'm') {
		v <<= 20;
		end++;
	}
	if (*end || v > MAX_SIZE)
		return false;
	*out = v;
	return true;
}

static int hex_value(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Rules are whitespace-separated, so header values spell spaces as %20.
 * Control characters would let a rule forge the header block: refuse them. */
static bool percent_decode(char *s)
{
	char *w = s;
	int hi, lo, ch;

	for (; *s; s++) {
		ch = (unsigned char)*s;
		if (ch == '%') {
			if ((hi = hex_value(s[1])) < 0 || (lo = hex_value(s[2])) < 0)
				return false;
			ch = hi << 4 | lo;
			s += 2;
		}
		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			return false;
		*w++ = (char)ch;
	}
	*w = '\0';
	return true;
}

static bool is_tchar(int ch)
{
	return isalnum(ch) || (ch && strchr("!#$%&'*+-.^_`|~", ch));
}

static void rules_error(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));
static void rules_error(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "httpd: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die("out of memory");
	return p;
}

static char *resolve_path(const char *dir, const char *path)
{
	char *p;

	if (path[0] == '/' || !dir)
		return xstrdup(path);
	if (!(p = malloc(strlen(dir) + strlen(path) + 2)))
		die("out of memory");
	sprintf(p, "%s/%s", dir, path);
	return p;
}

static void parse_body(struct rule *r, const char *body, const char *dir,
    const char *file, int line)
{
	if (strcmp(body, "-") == 0) {
		r->body = BODY_EMPTY;
	} else if (strcmp(body, "@hang") == 0) {
		r->body = BODY_HANG;
	} else if (strncmp(body, "@zero:", 6) == 0) {
		r->body = BODY_ZERO;
		if (!parse_size(body + 6, &r->zeros))
			rules_error(file, line, "bad size in %s", body);
	} else if (strncmp(body, "@longhead:", 10) == 0) {
		r->body = BODY_LONGHEAD;
		if (!parse_size(body + 10, &r->zeros))
			rules_error(file, line, "bad size in %s", body);
	} else if (body[0] == '@') {
		/* Otherwise a typo would quietly become a missing file. */
		rules_error(file, line, "unknown body %s", body);
	} else {
		r->body = BODY_FILE;
		r->path = resolve_path(dir, body);
	}
}

static void add_header(struct rule *r, char *arg, const char *file, int line)
{
	size_t old = r->headers ? strlen(r->headers) : 0;
	char *colon, *grown;
	const char *p;

	if (!percent_decode(arg) || !(colon = strchr(arg, ':')) || colon == arg)
		rules_error(file, line, "header= wants NAME:VALUE");
	for (p = arg; p < colon; p++) {
		if (!is_tchar((unsigned char)*p))
			rules_error(file, line, "bad header name in header=%s", arg);
	}
	if (old + strlen(arg) + 3 > EXTRA_MAX)
		rules_error(file, line, "too many header= bytes");
	if (!(grown = realloc(r->headers, old + strlen(arg) + 4)))
		die("out of memory");
	r->headers = grown;
	*colon = '\0';
	sprintf(r->headers + old, "%s: %s\r\n", arg, colon + 1);
}

static void parse_option(struct rule *r, char *opt, const char *file, int line)
{
	char *eq = strchr(opt, '=');
	char *arg = eq ? eq + 1 : NULL;

	if (eq)
		*eq = '\0';
	if (strcmp(opt, "chunked") == 0 && !arg) {
		r->chunked = true;
	} else if (strcmp(opt, "delay") == 0 && arg) {
		if (!parse_long(arg, 0, MAX_DELAY_MS, &r->delay_ms))
			rules_error(file, line, "bad delay=%s", arg);
	} else if (strcmp(opt, "count") == 0 && arg) {
		if (!parse_long(arg, 0, LONG_MAX, &r->count))
			rules_error(file, line, "bad count=%s", arg);
	} else if (strcmp(opt, "cycle") == 0 && arg) {
		if (!parse_long(arg, 1, 1000000, &r->cycle) || r->body != BODY_FILE)
			rules_error(file, line, "bad cycle=%s (wants a BODY FILE)", arg);
	} else if (strcmp(opt, "truncate") == 0 && arg) {
		if (!parse_size(arg, &r->truncate))
			rules_error(file, line, "bad truncate=%s", arg);
	} else if (strcmp(opt, "ctype") == 0 && arg) {
		if (!percent_decode(arg) || !*arg || strlen(arg) > CTYPE_MAX)
			rules_error(file, line, "bad ctype=");
		free(r->ctype);
		r->ctype = xstrdup(arg);
	} else if (strcmp(opt, "header") == 0 && arg) {
		add_header(r, arg, file, line);
	} else {
		rules_error(file, line, "unknown option %s", opt);
	}
}

/* The body file of a response: FILE, or FILE.VARIANT under cycle=N. */
static const char *body_path(const struct rule *r, long variant, char *buf, size_t len)
{
	if (variant >= 0)
		snprintf(buf, len, "%s.%ld", r->path, variant);
	else
		snprintf(buf, len, "%s", r->path);
	return buf;
}

static void parse_rule(char *text, const char *dir, const char *file, int line)
{
	static const char sep[] = " \t\r\n";
	char *save = NULL, *prefix, *status, *body, *opt;
	struct rule *r, *grown;
	long code;

	prefix = strtok_r(text, sep, &save);
	if (!prefix || prefix[0] == '#')
		return;
	status = strtok_r(NULL, sep, &save);
	body = strtok_r(NULL, sep, &save);
	if (!body)
		rules_error(file, line, "want PATH_PREFIX STATUS BODY [OPTION...]");
	if (!parse_long(status, 100, 599, &code))
		rules_error(file, line, "bad status %s", status);

	if (!(grown = realloc(rules, (nrules + 1) * sizeof *rules)))
		die("out of memory");
	rules = grown;
	r = &rules[nrules++];
	memset(r, 0, sizeof *r);
	r->status = (int)code;
	r->count = -1;
	r->truncate = NO_TRUNCATE;
	if (strcmp(prefix, "*") != 0)
		r->prefix = xstrdup(prefix);
	parse_body(r, body, dir, file, line);
	while ((opt = strtok_r(NULL, sep, &save)) && opt[0] != '#')
		parse_option(r, opt, file, line);
	/* Fail now, not as a puzzling 500 in the middle of a test. */
	for (long k = r->cycle ? 0 : -1; r->body == BODY_FILE && k < r->cycle; k++) {
		char path[PATH_MAX];

		if (access(body_path(r, k, path, sizeof path), R_OK) != 0)
			rules_error(file, line, "%s: %s", path, strerror(errno));
	}
}

static void rules_load(const char *file)
{
	FILE *f = fopen(file, "r");
	char *line = NULL, *dir = NULL, *slash;
	size_t cap = 0;
	int lineno = 0;

	if (!f)
		die("%s: %s", file, strerror(errno));
	if ((slash = strrchr(file, '/'))) {
		dir = xstrdup(file);
		dir[slash - file] = '\0';
		if (!dir[0])
			strcpy(dir, "/");
	}
	while (getline(&line, &cap, f) != -1)
		parse_rule(line, dir, file, ++lineno);
	if (ferror(f))
		die("%s: %s", file, strerror(errno));
	free(line);
	free(dir);
	fclose(f);
}

static void rules_free(void)
{
	size_t i;

	for (i = 0; i < nrules; i++) {
		free(rules[i].prefix);
		free(rules[i].path);
		free(rules[i].ctype);
		free(rules[i].headers);
	}
	free(rules);
}

static const struct rule *rules_match(const char *target, long *variant)
{
	struct rule *r;
	size_t i;

	*variant = -1;
	for (i = 0; i < nrules; i++) {
		r = &rules[i];
		if (r->count == 0)
			continue;
		if (r->prefix && strncmp(target, r->prefix, strlen(r->prefix)) != 0)
			continue;
		if (r->count > 0)
			r->count--;
		*variant = r->cycle > 0 ? r->turn++ % r->cycle : -1;
		return r;
	}
	return &rule_404;
}

/* --- request log ---------------------------------------------------------- */

/* Shell tests read the log with grep and cut: one request per line, always. */
static void log_field(const char *s)
{
	unsigned char ch;

	for (; *s; s++) {
		ch = (unsigned char)*s;
		if (ch == '\\')
			fputs("\\\\", request_log);
		else if (ch < 0x20 || ch >= 0x7f)
			fprintf(request_log, "\\x%02x", ch);
		else
			putc(ch, request_log);
	}
}

static void log_request(const char *method, const char *target,
    const char *ua, const char *referer, unsigned long serial)
{
	if (!request_log)
		return;
	log_field(method);
	putc(' ', request_log);
	log_field(target);
	putc('\t', request_log);
	log_field(ua ? ua : "-");
	putc('\t', request_log);
	log_field(referer ? referer : "-");
	if (keep_alive)
		fprintf(request_log, "\t#%lu", serial);
	putc('\n', request_log);
	/* Tests read the log while we run. */
	fflush(request_log);
}

/* --- connections ---------------------------------------------------------- */

static const char *reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 204: return "No Content";
	case 206: return "Partial Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return "Status";
	}
}

static void conn_close(struct conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	if (c->body_fd >= 0)
		close(c->body_fd);
	c->fd = c->body_fd = -1;
	c->state = CONN_DEAD;
}

/* Half-close and read what the client still sends: closing a socket with
 * unread input sends RST, which can destroy the response before it's read. */
static void conn_finish(struct conn *c, int64_t now)
{
	if (c->body_fd >= 0)
		close(c->body_fd);
	c->body_fd = -1;
	shutdown(c->fd, SHUT_WR);
	c->state = CONN_DRAIN;
	c->deadline = now + DRAIN_MS;
}

static void conn_head(struct conn *c, size_t at, int64_t now);
static bool find_head_end(const char *buf, size_t from, size_t len, size_t *at);

/* -k: the response is out; what the client sent after its request is the
 * next one, answered at once if its head is whole. */
static void conn_next(struct conn *c, int64_t now)
{
	size_t at;

	if (c->body_fd >= 0)
		close(c->body_fd);
	c->body_fd = -1;
	c->req_len -= c->req_end;
	memmove(c->req, c->req + c->req_end, c->req_len);
	c->req[c->req_len] = '\0';
	c->req_end = 0;
	c->state = CONN_READ;
	if (find_head_end(c->req, 0, c->req_len, &at))
		conn_head(c, at, now);
}

/* Queue the status line and headers. */
static void conn_respond(struct conn *c)
{
	const struct rule *r = c->rule;
	struct stat st;
	uint64_t len = 0;
	const char *conn;
	int n;

	/* Whatever would leave the client unsure where the response (or the
	 * request) ends closes the connection. */
	if (r == &rule_400 || r == &rule_431 || r->body == BODY_LONGHEAD ||
	    r->truncate != NO_TRUNCATE)
		c->keep = false;
	conn = c->keep ? "keep-alive" : "close";
	if (r->body == BODY_HANG) {
		c->state = CONN_HANG;
		return;
	}
	if (r->body == BODY_FILE) {
		char path[PATH_MAX];

		c->body_fd = open(body_path(r, c->variant, path, sizeof path), O_RDONLY);
		if (c->body_fd < 0 || fstat(c->body_fd, &st) < 0 ||
		    !S_ISREG(st.st_mode)) {
			fprintf(stderr, "httpd: %s: %s\n", path,
			    c->body_fd < 0 ? strerror(errno) : "not a file");
			if (c->body_fd >= 0)
				close(c->body_fd);
			c->body_fd = -1;
			c->rule = r = &rule_500;
		} else {
			len = (uint64_t)st.st_size;
		}
	}
	if (r->body == BODY_ZERO || r->body == BODY_LONGHEAD)
		len = r->zeros;
	else if (r->body == BODY_TEXT)
		len = strlen(r->text);

	c->body_left = c->head_only ? 0 : len;
	c->trunc_left = r->truncate;
	c->last_chunk = r->chunked && !c->head_only;
	c->text_off = 0;
	/* Rule limits (CTYPE_MAX, EXTRA_MAX) keep this well inside out[]. */
	if (r->body == BODY_LONGHEAD)	/* its zeros are the header's value */
		n = snprintf(c->out, sizeof c->out,
		    "HTTP/1.1 %d %s\r\nConnection: %s\r\n%sX-Long: ",
		    r->status, reason(r->status), conn, r->headers ? r->headers : "");
	else if (r->chunked)
		n = snprintf(c->out, sizeof c->out,
		    "HTTP/1.1 %d %s\r\nContent-Type: %s\r\n"
		    "Transfer-Encoding: chunked\r\nConnection: %s\r\n%s\r\n",
		    r->status, reason(r->status), r->ctype ? r->ctype : DEFAULT_CTYPE,
		    conn, r->headers ? r->headers : "");
	else
		n = snprintf(c->out, sizeof c->out,
		    "HTTP/1.1 %d %s\r\nContent-Type: %s\r\n"
		    "Content-Length: %llu\r\nConnection: %s\r\n%s\r\n",
		    r->status, reason(r->status), r->ctype ? r->ctype : DEFAULT_CTYPE,
		    (unsigned long long)len, conn, r->headers ? r->headers : "");
	if (n < 0 || (size_t)n >= sizeof c->out) {
		conn_close(c);
		return;
	}
	c->out_off = 0;
	c->out_len = (size_t)n;
	c->state = CONN_WRITE;
}

/* Queue the next piece of the body: 1 if queued, 0 when the response is
 * over (complete or truncated), -1 when the body file let us down. */
static int conn_refill(struct conn *c)
{
	const struct rule *r = c->rule;
	size_t want, room;
	ssize_t got;
	char *p;
	char size[CHUNK_ROOM];
	int n;

	c->out_off = c->out_len = 0;
	if (c->body_left > 0 && c->trunc_left > 0) {
		want = BODY_PIECE;
		if (want > c->body_left)
			want = (size_t)c->body_left;
		if (want > c->trunc_left)
			want = (size_t)c->trunc_left;
		room = r->chunked ? CHUNK_ROOM : 0;
		p = c->out + room;
		if (r->body == BODY_FILE) {
			do
				got = read(c->body_fd, p, want);
			while (got < 0 && errno == EINTR);
			if (got <= 0)	/* the file shrank or broke */
				return -1;
		} else if (r->body == BODY_ZERO || r->body == BODY_LONGHEAD) {
			memset(p, '0', want);
			got = (ssize_t)want;
		} else if (r->body == BODY_TEXT) {
			memcpy(p, r->text + c->text_off, want);
			c->text_off += want;
			got = (ssize_t)want;
		} else {
			return -1;
		}
		c->body_left -= (uint64_t)got;
		c->trunc_left -= (uint64_t)got;
		c->out_off = room;
		c->out_len = room + (size_t)got;
		if (r->chunked) {
			n = snprintf(size, sizeof size, "%zx\r\n", (size_t)got);
			c->out_off -= (size_t)n;
			memcpy(c->out + c->out_off, size, (size_t)n);
			memcpy(c->out + c->out_len, "\r\n", 2);
			c->out_len += 2;
		}
		return 1;
	}
	if (c->body_left > 0)	/* truncate=: hang up mid-body */
		return 0;
	if (c->last_chunk) {
		c->last_chunk = false;
		memcpy(c->out, "0\r\n\r\n", 5);
		c->out_len = 5;
		return 1;
	}
	return 0;
}

static void conn_write(struct conn *c, int64_t now)
{
	ssize_t n;
	int rounds, more;

	/* A bounded number of sends, so one huge body can't starve the rest. */
	for (rounds = 0; rounds < 32; rounds++) {
		if (c->out_off == c->out_len) {
			if ((more = conn_refill(c)) < 0) {
				conn_close(c);
				return;
			}
			if (!more && c->keep && c->body_left == 0) {
				conn_next(c, now);
				return;
			}
			if (!more) {
				conn_finish(c, now);
				return;
			}
		}
		n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off,
		    MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				conn_close(c);
			return;
		}
		c->out_off += (size_t)n;
		last_activity = now;
	}
}

/* The delay is over (or there was none): headers out, then the body. */
static void conn_go(struct conn *c, int64_t now)
{
	conn_respond(c);
	if (c->state == CONN_WRITE)
		conn_write(c, now);
}

/* Start answering with r, after its delay if it has one. */
static void conn_start(struct conn *c, const struct rule *r, int64_t now)
{
	c->rule = r;
	if (r->delay_ms > 0) {
		c->state = CONN_DELAY;
		c->deadline = now + r->delay_ms;
		return;
	}
	conn_go(c, now);
}

/* Cut the next line off *p, without its CRLF or LF. */
static char *next_line(char **p)
{
	char *line = *p, *eol = strchr(line, '\n');

	*eol = '\0';
	*p = eol + 1;
	if (eol > line && eol[-1] == '\r')
		eol[-1] = '\0';
	return line;
}

/* The head is req[0..len), NUL-terminated and ending in '\n'. */
static void conn_request(struct conn *c, size_t len, int64_t now)
{
	char *p = c->req, *line, *method, *target, *version, *colon, *value, *end;
	const char *ua = NULL, *referer = NULL;

	if (memchr(c->req, '\0', len))
		goto bad;
	line = next_line(&p);
	method = line;
	for (target = method; is_tchar((unsigned char)*target); target++)
		;
	if (target == method || *target != ' ')
		goto bad;
	*target++ = '\0';
	for (version = target; (unsigned char)*version > ' ' && *version != 0x7f;
	    version++)
		;
	if (version == target || *version != ' ')
		goto bad;
	*version++ = '\0';
	if (strncmp(version, "HTTP/1.", 7) != 0 || !isdigit((unsigned char)version[7]) ||
	    version[8])
		goto bad;
	c->keep = keep_alive && version[7] != '0';

	while (*p) {
		line = next_line(&p);
		colon = strchr(line, ':');
		if (!colon || colon == line)
			goto bad;
		for (end = line; end < colon; end++) {
			if (!is_tchar((unsigned char)*end))
				goto bad;	/* also catches obsolete line folding */
		}
		*colon = '\0';
		for (value = colon + 1; *value == ' ' || *value == '\t'; value++)
			;
		for (end = value + strlen(value);
		    end > value && (end[-1] == ' ' || end[-1] == '\t'); end--)
			;
		*end = '\0';
		if (!ua && strcasecmp(line, "User-Agent") == 0)
			ua = value;
		else if (!referer && strcasecmp(line, "Referer") == 0)
			referer = value;
		else if ((strcasecmp(line, "Connection") == 0 &&
		    strcasecmp(value, "close") == 0) ||
		    strcasecmp(line, "Content-Length") == 0 ||
		    strcasecmp(line, "Transfer-Encoding") == 0)
			c->keep = false;	/* we never read a body */
	}

	log_request(method, target, ua, referer, c->serial);
	c->head_only = strcmp(method, "HEAD") == 0;
	conn_start(c, rules_match(target, &c->variant), now);
	return;
bad:
	conn_start(c, &rule_400, now);
}

/* The end of the head: the '\n' before an empty line, searched from 'from'. */
static bool find_head_end(const char *buf, size_t from, size_t len, size_t *at)
{
	size_t i;

	for (i = from; i < len; i++) {
		if (buf[i] == '\n' && (buf[i + 1] == '\n' ||
		    (buf[i + 1] == '\r' && buf[i + 2] == '\n'))) {
			*at = i;
			return true;
		}
	}
	return false;
}

/* The head ends at the '\n' at 'at': keep where the next request begins
 * (-k) before the head is cut there and answered. */
static void conn_head(struct conn *c, size_t at, int64_t now)
{
	c->req_end = at + (c->req[at + 1] == '\n' ? 2 : 3);
	c->req[at + 1] = '\0';
	conn_request(c, at + 1, now);
}

static void conn_read(struct conn *c, int64_t now)
{
	ssize_t n;
	size_t from, at;

	for (;;) {
		if (c->req_len == REQ_MAX) {
			conn_start(c, &rule_431, now);
			return;
		}
		n = read(c->fd, c->req + c->req_len, REQ_MAX - c->req_len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n <= 0) {	/* gone before finishing its request */
			conn_close(c);
			return;
		}
		last_activity = now;
		/* The terminator may straddle two reads. */
		from = c->req_len > 2 ? c->req_len - 2 : 0;
		c->req_len += (size_t)n;
		c->req[c->req_len] = '\0';
		if (find_head_end(c->req, from, c->req_len, &at)) {
			conn_head(c, at, now);
			return;
		}
	}
}

/* Read and discard; the client closing is what we are waiting for. */
static void conn_swallow(struct conn *c)
{
	ssize_t n;

	for (;;) {
		n = read(c->fd, c->req, REQ_MAX);
		if (n > 0)
			continue;
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
			conn_close(c);
		return;
	}
}

static short conn_events(const struct conn *c)
{
	switch (c->state) {
	case CONN_READ:
	case CONN_HANG:
	case CONN_DRAIN:
		return POLLIN;
	case CONN_WRITE:
		return POLLOUT;
	case CONN_DELAY:
	case CONN_DEAD:
		break;
	}
	return 0;
}

static void conn_event(struct conn *c, short revents, int64_t now)
{
	switch (c->state) {
	case CONN_READ:
		if (revents)
			conn_read(c, now);
		break;
	case CONN_DELAY:
		if (revents & (POLLERR | POLLHUP | POLLNVAL))
			conn_close(c);
		else if (now >= c->deadline)
			conn_go(c, now);
		break;
	case CONN_WRITE:
		if (revents)
			conn_write(c, now);
		break;
	case CONN_HANG:
	case CONN_DRAIN:
		if (revents)
			conn_swallow(c);
		if (c->state == CONN_DRAIN && now >= c->deadline)
			conn_close(c);
		break;
	case CONN_DEAD:
		break;
	}
}

static void accept_all(int lfd, int64_t now, int64_t *resume)
{
	struct conn *c;
	int fd;

	while (nconns < MAX_CONNS) {
		fd = accept(lfd, NULL, NULL);
		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			/* Out of fds or memory: back off rather than spin. */
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				*resume = now + ACCEPT_BACKOFF_MS;
			return;
		}
		if (!(c = calloc(1, sizeof *c))) {
			close(fd);
			*resume = now + ACCEPT_BACKOFF_MS;
			return;
		}
		set_nonblock(fd);
		/* -k: the body's send must not wait, by Nagle, for the ACK of
		 * the head's, which the client delays 40 ms on a warm connection. */
		if (keep_alive)
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &(int){ 1 }, sizeof(int));
		c->fd = fd;
		c->body_fd = -1;
		c->state = CONN_READ;
		c->serial = ++accepted;
		conns[nconns++] = c;
		last_activity = now;
	}
}

static void reap(void)
{
	size_t i, kept = 0;

	for (i = 0; i < nconns; i++) {
		if (conns[i]->state == CONN_DEAD)
			free(conns[i]);
		else
			conns[kept++] = conns[i];
	}
	nconns = kept;
}

/* --- setup and main loop -------------------------------------------------- */

static int listen_loopback(unsigned *port)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	int fd, one = 1;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		die("socket: %s", strerror(errno));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = 0;
	if (bind(fd, (struct sockaddr *)&sin, sizeof sin) < 0)
		die("bind 127.0.0.1: %s", strerror(errno));
	if (listen(fd, 128) < 0)
		die("listen: %s", strerror(errno));
	if (getsockname(fd, (struct sockaddr *)&sin, &len) < 0)
		die("getsockname: %s", strerror(errno));
	set_nonblock(fd);
	*port = ntohs(sin.sin_port);
	return fd;
}

/* Tests poll for the file: it must appear whole or not at all. */
static void write_port_file(const char *path, unsigned port)
{
	size_t len = strlen(path) + 32;
	char *tmp = malloc(len);
	FILE *f;

	if (!tmp)
		die("out of memory");
	snprintf(tmp, len, "%s.%ld.tmp", path, (long)getpid());
	if (!(f = fopen(tmp, "w")))
		die("%s: %s", tmp, strerror(errno));
	fprintf(f, "%u\n", port);
	if (ferror(f) | fclose(f))	/* '|': always close */
		die("%s: write failed", tmp);
	if (rename(tmp, path) < 0)
		die("%s: %s", path, strerror(errno));
	free(tmp);
}

static void setup_signals(void)
{
	struct sigaction sa;

	if (pipe(signal_pipe) < 0)
		die("pipe: %s", strerror(errno));
	set_nonblock(signal_pipe[0]);
	set_nonblock(signal_pipe[1]);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Run until a signal or idle_ms without activity; 0 means never idle out. */
static void serve(int lfd, int64_t idle_ms)
{
	static struct pollfd pfds[MAX_CONNS + 2];
	int64_t now, wake, resume = 0;
	size_t i, npfds;
	int n, timeout;

	last_activity = now_ms();
	while (!got_signal) {
		now = now_ms();
		wake = idle_ms ? last_activity + idle_ms : INT64_MAX;
		if (now >= wake) {
			fprintf(stderr, "httpd: idle for %lld s, exiting\n",
			    (long long)idle_ms / 1000);
			return;
		}
		for (i = 0; i < nconns; i++) {
			if ((conns[i]->state == CONN_DELAY ||
			    conns[i]->state == CONN_DRAIN) && conns[i]->deadline < wake)
				wake = conns[i]->deadline;
		}
		if (resume > now && resume < wake)
			wake = resume;
		timeout = wake == INT64_MAX ? -1 :
		    wake - now > INT_MAX ? INT_MAX : (int)(wake - now);

		pfds[0].fd = signal_pipe[0];
		pfds[0].events = POLLIN;
		pfds[1].fd = nconns < MAX_CONNS && now >= resume ? lfd : -1;
		pfds[1].events = POLLIN;
		for (i = 0; i < nconns; i++) {
			pfds[i + 2].fd = conns[i]->fd;
			pfds[i + 2].events = conn_events(conns[i]);
		}
		npfds = nconns + 2;
		if ((n = poll(pfds, npfds, timeout)) < 0) {
			if (errno == EINTR)
				continue;
			die("poll: %s", strerror(errno));
		}
		if (pfds[0].revents)
			return;
		now = now_ms();
		for (i = 0; i < nconns; i++)
			conn_event(conns[i], pfds[i + 2].revents, now);
		reap();
		if (pfds[1].revents)
			accept_all(lfd, now, &resume);
	}
}

int main(int argc, char **argv)
{
	const char *port_file = NULL, *log_file = NULL;
	long idle = 60;
	unsigned port;
	size_t i;
	int opt, lfd;

	while ((opt = getopt(argc, argv, "hkp:l:t:")) != -1) {
		switch (opt) {
		case 'k':
			keep_alive = true;
			break;
		case 'p':
			port_file = optarg;
			break;
		case 'l':
			log_file = optarg;
			break;
		case 't':
			if (!parse_long(optarg, 0, 86400, &idle))
				die("-t wants seconds, 0 to 86400");
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		default:
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fputs(usage_text, stderr);
		return 2;
	}
	rules_load(argv[optind]);
	if (log_file && !(request_log = fopen(log_file, "a")))
		die("%s: %s", log_file, strerror(errno));
	setup_signals();
	lfd = listen_loopback(&port);
	if (port_file) {
		write_port_file(port_file, port);
	} else {
		printf("%u\n", port);
		fflush(stdout);
	}

	serve(lfd, (int64_t)idle * 1000);

	for (i = 0; i < nconns; i++) {
		conn_close(conns[i]);
		free(conns[i]);
	}
	close(lfd);
	close(signal_pipe[0]);
	close(signal_pipe[1]);
	if (request_log)
		fclose(request_log);
	rules_free();
	return 0;
}
