/* quote_sina.c - Sina's hq.sinajs.cn quote lines: var hq_str_rt_hk00700="TENCENT,腾讯控股,...";
 *
 * Read by index (FORMATS.md §2) and checked like Tencent's lines. A stock
 * line carries no code of its own, so the reply code is all that ties it
 * to the request; an index line starts with its code, which must match. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "feeds/quote_check.h"
#include "feeds/quote_sina.h"
#include "feeds/quote_source.h"
#include "base/text.h"

#define SOURCE_NAME "sina"
#define FIELDS_MAX 32 /* 25 in rt_hk lines */
#define MIN_FIELDS 19 /* through the time; the rest are flags we barely know */

enum {
	S_NAME_EN = 0, S_CODE = 0, S_NAME = 1, S_OPEN = 2, S_PREV_CLOSE = 3,
	S_HIGH = 4, S_LOW = 5, S_PRICE = 6, S_CHANGE = 7, S_CHANGE_PCT = 8,
	S_BID = 9, S_ASK = 10, S_TURNOVER = 11, S_VOLUME = 12, S_PE = 13,
	S_HIGH_52W = 15, S_LOW_52W = 16, S_DATE = 17, S_TIME = 18, S_LOT = 19,
};

struct figure {
	enum quote_field qf;
	unsigned char field;
	enum num_want want;
};

#define COMMON_FIGURES \
	{ QF_OPEN, S_OPEN, NUM_POSITIVE }, \
	{ QF_HIGH, S_HIGH, NUM_POSITIVE }, \
	{ QF_LOW, S_LOW, NUM_POSITIVE }, \
	{ QF_CHANGE, S_CHANGE, NUM_ANY }, \
	{ QF_CHANGE_PCT, S_CHANGE_PCT, NUM_ANY }, \
	{ QF_HIGH_52W, S_HIGH_52W, NUM_POSITIVE }, \
	{ QF_LOW_52W, S_LOW_52W, NUM_POSITIVE }

/* Unlike Tencent's, Sina's bid and ask are a real order book. */
static const struct figure stock_figures[] = {
	COMMON_FIGURES,
	{ QF_BID, S_BID, NUM_POSITIVE },
	{ QF_ASK, S_ASK, NUM_POSITIVE },
	{ QF_TURNOVER, S_TURNOVER, NUM_NONNEG },
	{ QF_VOLUME, S_VOLUME, NUM_NONNEG },
	{ QF_PE, S_PE, NUM_NONZERO },
};

/* Index bid/ask are 0, and turnover/volume of unverified units. */
static const struct figure index_figures[] = {
	COMMON_FIGURES,
};

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

struct want {
	char code[SYMBOL_MAX + 8]; /* "rt_hk00700" */
	struct text_assign line;
	bool found;
};

static void fail(struct quote_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void fail(struct quote_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	quote_check_vfail(r, SOURCE_NAME, fmt, ap);
	va_end(ap);
}

/* Date and time come as two fields, "2026/08/28" and "16:08:36", in HKT. */
static void set_time(struct quote *q, struct text_span date, struct text_span tod)
{
	char stamp[20];
	int y, mo, d, h, mi, sec;
	time_t t;

	if (date.len != 10 || tod.len != 8)
		return;
	memcpy(stamp, date.p, 10);
	stamp[10] = ' ';
	memcpy(stamp + 11, tod.p, 8);
	if (hktime_parse_wall(stamp, 19, &y, &mo, &d, &h, &mi, &sec) &&
	    hktime_make(y, mo, d, h, mi, sec, HKT_OFFSET, &t)) {
		q->time = t;
		q->utc_offset = HKT_OFFSET;
	}
}

/* "100|0": the board lot, then a field nobody has explained. */
static long lot_size(struct text_span s)
{
	const char *bar = memchr(s.p, '|', s.len);
	struct num n;

	if (bar)
		s.len = (size_t)(bar - s.p);
	if (!num_parse(s.p, s.len, &n) || n.v < 1 || n.v > 1e9 || n.v != floor(n.v))
		return 0;
	return (long)n.v;
}

static void parse_line(const struct text_assign *a, struct quote_result *r)
{
	const struct instrument *in = &r->q.in;
	bool index = in->market == MARKET_HK_INDEX;
	const struct figure *figs = index ? index_figures : stock_figures;
	size_t nfigs = index ? NELEM(index_figures) : NELEM(stock_figures);
	struct quote *q = &r->q;
	struct text_span f[FIELDS_MAX];
	char buf[TEXT_QUOTE_SIZE];
	size_t nf, i;

	if (a->value.len == 0) {
		fail(r, "no data (unknown code?)");
		return;
	}
	if (!a->closed) {
		fail(r, "truncated line (no closing quote)");
		return;
	}
	nf = text_split(a->value, ',', f, FIELDS_MAX);
	if (nf < MIN_FIELDS) {
		fail(r, "truncated line (%zu fields)", nf);
		return;
	}
	if (nf > FIELDS_MAX)
		nf = FIELDS_MAX;
	if (index && !text_span_is(f[S_CODE], in->code)) {
		fail(r, "line is for %s, not %s",
		     text_quote(buf, sizeof buf, f[S_CODE].p, f[S_CODE].len), in->code);
		return;
	}
	if (!quote_check_required(r, SOURCE_NAME, f[S_PRICE], "price", QF_PRICE) ||
	    !quote_check_required(r, SOURCE_NAME, f[S_PREV_CLOSE], "previous close", QF_PREV_CLOSE))
		return;
	for (i = 0; i < nfigs; i++)
		q->f[figs[i].qf] = num_figure(f[figs[i].field].p, f[figs[i].field].len,
					      figs[i].want);
	if (!quote_check_consistent(r, SOURCE_NAME))
		return;
	text_sanitize(q->name, sizeof q->name, f[S_NAME].p, f[S_NAME].len);
	if (!index) {
		text_sanitize(q->name_en, sizeof q->name_en, f[S_NAME_EN].p, f[S_NAME_EN].len);
		/* The line does not say; HKD is safe except for HKEX's RMB
		 * counters (80000-89999, e.g. 80700), which would be mislabelled. */
		if (in->code[0] != '8')
			memcpy(q->currency, "HKD", 4);
		if (nf > S_LOT)
			q->lot_size = lot_size(f[S_LOT]);
	}
	set_time(q, f[S_DATE], f[S_TIME]);
	r->ok = true;
}

void quote_sina_parse_utf8(const char *body, size_t len, const struct instrument *req,
		     size_t n, struct quote_result *res)
{
	const char *pos = body, *end = body + len;
	struct text_assign a;
	struct want *w;
	size_t i, left = n;

	if (!(w = quote_check_begin(SOURCE_NAME, req, n, res, sizeof *w)))
		return;
	for (i = 0; i < n; i++) {
		if (!symbol_sina(&req[i], w[i].code, sizeof w[i].code)) {
			fail(&res[i], "no Sina code for this symbol");
			w[i].found = true;
			left--;
		}
	}
	/* One pass over the body; the first line for a code wins. */
	while (left > 0 && text_next_assign(&pos, end, "var hq_str_", &a)) {
		for (i = 0; i < n; i++) {
			if (w[i].found || !text_span_is(a.name, w[i].code))
				continue;
			w[i].found = true;
			w[i].line = a;
			left--;
		}
	}
	for (i = 0; i < n; i++) {
		if (w[i].line.name.p)
			parse_line(&w[i].line, &res[i]);
		else if (!res[i].err[0])
			fail(&res[i], "no data (unknown code?)");
	}
	free(w);
}

static void sina_parse(const char *body, size_t len, const char *content_type,
		       const struct instrument *req, size_t n, struct quote_result *res)
{
	quote_check_parse_reply(SOURCE_NAME, quote_sina_parse_utf8, body, len, content_type, req, n, res);
}

/* Sina answers 403 without a Referer from its own site (since 2022-01). */
static const char *const sina_headers[] = { "Referer: https://finance.sina.com.cn/", NULL };

const struct quote_source quote_sina_source = {
	.name = SOURCE_NAME,
	.max_batch = 60,
	.query = "/list=",
	.headers = sina_headers,
	.code = symbol_sina,
	.parse = sina_parse,
};
