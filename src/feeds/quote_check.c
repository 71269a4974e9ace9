/* quote_check.c - the checks shared by the Tencent and Sina parsers */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/charset.h"
#include "feeds/quote_check.h"

void quote_check_vfail(struct quote_result *r, const char *source, const char *fmt, va_list ap)
{
	struct instrument in = r->q.in;
	int n;

	memset(&r->q, 0, sizeof r->q);
	r->q.in = in;
	r->q.source = source;
	r->ok = false;
	n = snprintf(r->err, sizeof r->err, "%s: %s: ", source, r->q.in.display);
	if (n < 0 || (size_t)n >= sizeof r->err)
		return;
	vsnprintf(r->err + n, sizeof r->err - (size_t)n, fmt, ap);
}

static void fail(struct quote_result *r, const char *source, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void fail(struct quote_result *r, const char *source, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	quote_check_vfail(r, source, fmt, ap);
	va_end(ap);
}

void *quote_check_begin(const char *source, const struct instrument *req, size_t n,
			struct quote_result *res, size_t want_size)
{
	void *w;

	for (size_t i = 0; i < n; i++) {
		memset(&res[i], 0, sizeof res[i]);
		res[i].q.in = req[i];
		res[i].q.source = source;
	}
	if (n == 0)
		return NULL;
	if (!(w = calloc(n, want_size)))
		for (size_t i = 0; i < n; i++)
			fail(&res[i], source, "out of memory");
	return w;
}

void quote_check_parse_reply(const char *source, quote_parse_utf8_fn *parse_utf8, const char *body,
		       size_t len, const char *content_type, const struct instrument *req,
		       size_t n, struct quote_result *res)
{
	char *utf8, err[200];
	size_t ulen;

	if (!charset_reply_to_utf8(body, len, content_type, &utf8, &ulen, err, sizeof err)) {
		for (size_t i = 0; i < n; i++) {
			memset(&res[i], 0, sizeof res[i]);
			res[i].q.in = req[i];
			fail(&res[i], source, "cannot decode reply: %s", err);
		}
		return;
	}
	parse_utf8(utf8, ulen, req, n, res);
	free(utf8);
}

static const char *show_num(struct num n, char *buf, size_t cap)
{
	num_format(n, buf, cap);
	return buf;
}

bool quote_check_required(struct quote_result *r, const char *source, struct text_span s,
		    const char *what, enum quote_field qf)
{
	struct num *n = &r->q.f[qf];
	char buf[TEXT_QUOTE_SIZE];

	if (!num_parse(s.p, s.len, n)) {
		if (s.len == 0)
			fail(r, source, "no %s", what);
		else
			fail(r, source, "%s %s %s", what,
			     text_quote(buf, sizeof buf, s.p, s.len), num_refusal(s.p, s.len));
		return false;
	}
	if (n->v <= 0) {
		fail(r, source, n->v == 0 ? "%s is 0" : "%s is negative", what);
		n->ok = false;
		return false;
	}
	return true;
}

bool quote_check_consistent(struct quote_result *r, const char *source)
{
	struct num *f = r->q.f;
	char a[32], b[32], c[32];

	if (!num_diff_consistent(f[QF_PRICE], f[QF_PREV_CLOSE], f[QF_CHANGE])) {
		fail(r, source, "inconsistent line (change %s, but price %s - previous close %s)",
		     show_num(f[QF_CHANGE], a, sizeof a), show_num(f[QF_PRICE], b, sizeof b),
		     show_num(f[QF_PREV_CLOSE], c, sizeof c));
		return false;
	}
	if (!num_within(f[QF_PRICE], f[QF_LOW], f[QF_HIGH])) {
		fail(r, source, "inconsistent line (price %s outside low %s - high %s)",
		     show_num(f[QF_PRICE], a, sizeof a), show_num(f[QF_LOW], b, sizeof b),
		     show_num(f[QF_HIGH], c, sizeof c));
		return false;
	}
	if (!num_pct_consistent(f[QF_CHANGE_PCT], f[QF_CHANGE], f[QF_PREV_CLOSE]))
		f[QF_CHANGE_PCT].ok = false;
	return true;
}
