/* quote_tencent.c - Tencent's qt.gtimg.cn quote lines: v_r_hk00700="100~腾讯控股~00700~...";
 *
 * The layout is undocumented and read by index (FORMATS.md §1.1). Every
 * line is checked against the instrument asked for and against its own
 * arithmetic before any figure of it is believed: a wrong number on a
 * trader's screen is worse than a blank. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "feeds/quote_source.h"
#include "feeds/quote_check.h"
#include "feeds/quote_tencent.h"
#include "base/text.h"

#define SOURCE_NAME "tencent"
#define FIELDS_MAX 96 /* 78 seen in 2026; any later ones are counted, not read */

/* Field numbers. Stocks, indexes and US lines agree on 0-34 only. */
enum {
	F_MARKET = 0, F_NAME = 1, F_CODE = 2, F_PRICE = 3, F_PREV_CLOSE = 4,
	F_OPEN = 5, F_VOLUME = 6, F_BID = 9, F_ASK = 19, F_TIME = 30,
	F_CHANGE = 31, F_CHANGE_PCT = 32, F_HIGH = 33, F_LOW = 34,
	F_US_CURRENCY = 35, F_TURNOVER = 37, F_PE = 39, F_AMPLITUDE = 43,
	F_MARKET_CAP = 45, F_NAME_EN = 46, F_DIV_YIELD = 47, F_HIGH_52W = 48,
	F_LOW_52W = 49, F_PB = 58, F_LOT = 60, F_SHARES = 69, F_VWAP = 73,
	F_CURRENCY = 75,
};

/* An optional figure: where it is and what it must be. */
struct figure {
	enum quote_field qf;
	unsigned char field;
	enum num_want want;
	bool yi; /* counted in 亿 (1e8) */
};

#define COMMON_FIGURES \
	{ QF_OPEN, F_OPEN, NUM_POSITIVE, false }, \
	{ QF_CHANGE, F_CHANGE, NUM_ANY, false }, \
	{ QF_CHANGE_PCT, F_CHANGE_PCT, NUM_ANY, false }, \
	{ QF_HIGH, F_HIGH, NUM_POSITIVE, false }, \
	{ QF_LOW, F_LOW, NUM_POSITIVE, false }, \
	{ QF_HIGH_52W, F_HIGH_52W, NUM_POSITIVE, false }, \
	{ QF_LOW_52W, F_LOW_52W, NUM_POSITIVE, false }

/* HK stocks carry no order book: fields 9 and 19 only repeat the last
 * price, so bid and ask stay unknown rather than look real. */
static const struct figure hk_figures[] = {
	COMMON_FIGURES,
	{ QF_VOLUME, F_VOLUME, NUM_NONNEG, false },
	{ QF_TURNOVER, F_TURNOVER, NUM_NONNEG, false },
	{ QF_PE, F_PE, NUM_NONZERO, false },
	{ QF_AMPLITUDE, F_AMPLITUDE, NUM_NONNEG, false },
	{ QF_MARKET_CAP, F_MARKET_CAP, NUM_POSITIVE, true },
	{ QF_DIV_YIELD, F_DIV_YIELD, NUM_NONNEG, false },
	{ QF_PB, F_PB, NUM_NONZERO, false },
	{ QF_SHARES, F_SHARES, NUM_POSITIVE, false },
	{ QF_VWAP, F_VWAP, NUM_POSITIVE, false },
};

/* Index volume and turnover are one figure in an unverified unit (万 HKD?),
 * and fields 44/45 are 0: none of them is shown. */
static const struct figure index_figures[] = {
	COMMON_FIGURES,
};

static const struct figure us_figures[] = {
	COMMON_FIGURES,
	{ QF_VOLUME, F_VOLUME, NUM_NONNEG, false },
	{ QF_BID, F_BID, NUM_POSITIVE, false },
	{ QF_ASK, F_ASK, NUM_POSITIVE, false },
	{ QF_TURNOVER, F_TURNOVER, NUM_NONNEG, false },
	{ QF_PE, F_PE, NUM_NONZERO, false },
	{ QF_AMPLITUDE, F_AMPLITUDE, NUM_NONNEG, false },
	{ QF_MARKET_CAP, F_MARKET_CAP, NUM_POSITIVE, true },
};

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static const struct layout {
	const char *market_id;     /* field 0 */
	size_t min_fields;         /* fewer: the line was cut or changed shape */
	const struct figure *figures;
	size_t nfigures;
	int name_en, currency, lot; /* field numbers; -1 when the layout has none */
	bool us_eastern;           /* field 30 is New York time, not HKT */
} layouts[] = {
	[MARKET_HK] = { "100", 50, hk_figures, NELEM(hk_figures),
			F_NAME_EN, F_CURRENCY, F_LOT, false },
	[MARKET_HK_INDEX] = { "100", 35, index_figures, NELEM(index_figures),
			      F_NAME_EN, F_CURRENCY, -1, false },
	[MARKET_US] = { "200", 47, us_figures, NELEM(us_figures),
			F_NAME_EN, F_US_CURRENCY, -1, true },
};

/* A requested instrument: the reply codes that answer it, and its line. */
struct want {
	char code[2][SYMBOL_MAX + 8]; /* "r_hk00700" and "hk00700"; "" if unused */
	struct text_assign line;
	struct want *twin; /* an earlier request for the same codes, or NULL */
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

/* Field 2: "00700", "HSI", or for US the ticker with its venue, "BABA.N". */
static bool code_matches(struct text_span code, const struct instrument *in)
{
	const char *dot = memchr(code.p, '.', code.len);

	if (in->market == MARKET_US && dot)
		code.len = (size_t)(dot - code.p);
	return text_span_is(code, in->code);
}

/* The last quote time read well in a reply: most lines of one carry the
 * same text, read once (a third of a line's cost in dates otherwise). */
struct time_memo {
	bool ok;          /* the rest holds a time */
	bool us_eastern;
	char text[20];    /* "2026/08/07 15:59:58", not NUL-ended */
	size_t len;
	time_t t;
	int off;
};

static void set_time(struct quote *q, struct text_span s, bool us_eastern, struct time_memo *m)
{
	int y, mo, d, h, mi, sec, off;
	time_t t;

	if (m->ok && m->us_eastern == us_eastern && s.len == m->len &&
	    memcmp(m->text, s.p, s.len) == 0) {
		q->time = m->t;
		q->utc_offset = m->off;
		return;
	}
	if (!hktime_parse_wall(s.p, s.len, &y, &mo, &d, &h, &mi, &sec))
		return;
	off = us_eastern ? hktime_us_eastern_offset(y, mo, d, h) : HKT_OFFSET;
	if (hktime_make(y, mo, d, h, mi, sec, off, &t)) {
		q->time = t;
		q->utc_offset = off;
		/* A parsed wall time is 14 or 19 bytes: it fits. */
		if (s.len <= sizeof m->text) {
			*m = (struct time_memo){ .ok = true, .us_eastern = us_eastern, .len = s.len,
						 .t = t, .off = off };
			memcpy(m->text, s.p, s.len);
		}
	}
}

static void set_currency(char *dst, struct text_span s)
{
	size_t i;

	if (s.len != 3)
		return;
	for (i = 0; i < 3; i++)
		if (s.p[i] < 'A' || s.p[i] > 'Z')
			return;
	memcpy(dst, s.p, 3);
	dst[3] = '\0';
}

static long lot_size(struct text_span s)
{
	struct num n;

	if (!num_parse(s.p, s.len, &n) || n.v < 1 || n.v > 1e9 || n.v != floor(n.v))
		return 0;
	return (long)n.v;
}

/* Field i of the line being parsed, i below nf: the fixed fields are below
 * every layout's min_fields, the others are checked against nf. */
#define F(i) text_field(a->value, ends, (i))

static void parse_line(const struct text_assign *a, struct quote_result *r, struct time_memo *memo)
{
	const struct instrument *in = &r->q.in;
	const struct layout *lay = &layouts[in->market];
	struct quote *q = &r->q;
	size_t ends[FIELDS_MAX];
	struct text_span v;
	const struct figure *fig;
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
	nf = text_split_ends(a->value, '~', ends, FIELDS_MAX);
	if (nf < lay->min_fields) {
		fail(r, "truncated line (%zu fields)", nf);
		return;
	}
	if (nf > FIELDS_MAX)
		nf = FIELDS_MAX;
	if (!text_span_is(v = F(F_MARKET), lay->market_id)) {
		fail(r, "wrong market id %s (want %s)", text_quote(buf, sizeof buf, v.p, v.len),
		     lay->market_id);
		return;
	}
	if (!code_matches(v = F(F_CODE), in)) {
		fail(r, "line is for %s, not %s", text_quote(buf, sizeof buf, v.p, v.len), in->code);
		return;
	}
	if (!quote_check_required(r, SOURCE_NAME, F(F_PRICE), "price", QF_PRICE) ||
	    !quote_check_required(r, SOURCE_NAME, F(F_PREV_CLOSE), "previous close", QF_PREV_CLOSE))
		return;
	for (i = 0; i < lay->nfigures; i++) {
		fig = &lay->figures[i];
		if (fig->field >= nf)
			continue;
		v = F(fig->field);
		q->f[fig->qf] = num_figure(v.p, v.len, fig->want);
		if (fig->yi)
			q->f[fig->qf] = num_scale(q->f[fig->qf], 1e8, 8);
	}
	if (!quote_check_consistent(r, SOURCE_NAME))
		return;
	v = F(F_NAME);
	text_sanitize(q->name, sizeof q->name, v.p, v.len);
	if (lay->name_en >= 0 && (size_t)lay->name_en < nf) {
		v = F((size_t)lay->name_en);
		text_sanitize(q->name_en, sizeof q->name_en, v.p, v.len);
	}
	if (lay->currency >= 0 && (size_t)lay->currency < nf)
		set_currency(q->currency, F((size_t)lay->currency));
	if (lay->lot >= 0 && (size_t)lay->lot < nf)
		q->lot_size = lot_size(F((size_t)lay->lot));
	set_time(q, F(F_TIME), lay->us_eastern, memo);
	r->ok = true;
}

#undef F

/* HK stocks are asked for in the real-time form (r_hk00700) but the
 * delayed form (hk00700) answers the same question just as well: the
 * same code without its "r_". */
static bool reply_codes(const struct instrument *in, struct want *w)
{
	if (!symbol_tencent(in, true, w->code[0], sizeof w->code[0]))
		return false;
	if (in->market == MARKET_HK && strncmp(w->code[0], "r_", 2) == 0)
		memcpy(w->code[1], w->code[0] + 2, strlen(w->code[0] + 2) + 1);
	return true;
}

static bool answers(const struct want *w, struct text_span name)
{
	return text_span_is(name, w->code[0]) ||
	       (w->code[1][0] && text_span_is(name, w->code[1]));
}

/* By codes, then by place in the request. */
static int by_codes(const void *a, const void *b)
{
	const struct want *x = *(struct want *const *)a, *y = *(struct want *const *)b;
	int c = strcmp(x->code[0], y->code[0]);

	if (c == 0)
		c = strcmp(x->code[1], y->code[1]);
	return c ? c : (x > y) - (x < y);
}

/* Point each repeated request at the first for the same codes, which alone
 * is matched against the lines: the scan below can then stop at the first
 * request a line answers. A request's codes answer the same lines as
 * another's or none of them. False when out of memory. */
static bool find_twins(struct want *w, size_t n)
{
	struct want **v = malloc(n * sizeof *v);
	size_t m = 0;

	if (!v)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!w[i].found) /* found already: it has no code */
			v[m++] = &w[i];
	qsort(v, m, sizeof *v, by_codes);
	for (size_t i = 1; i < m; i++)
		if (strcmp(v[i]->code[0], v[i - 1]->code[0]) == 0 &&
		    strcmp(v[i]->code[1], v[i - 1]->code[1]) == 0)
			v[i]->twin = v[i - 1]->twin ? v[i - 1]->twin : v[i - 1];
	free(v);
	return true;
}

void quote_tencent_parse_utf8(const char *body, size_t len, const struct instrument *req,
			size_t n, struct quote_result *res)
{
	const char *pos = body, *end = body + len;
	struct text_assign a;
	struct time_memo memo = { .ok = false };
	struct want *w;
	size_t i, k, next = 0, left = n;

	if (!(w = quote_check_begin(SOURCE_NAME, req, n, res, sizeof *w)))
		return;
	for (i = 0; i < n; i++) {
		if (!reply_codes(&req[i], &w[i])) {
			fail(&res[i], "no Tencent code for this symbol");
			w[i].found = true;
			left--;
		}
	}
	if (!find_twins(w, n)) {
		for (i = 0; i < n; i++)
			fail(&res[i], "out of memory");
		free(w);
		return;
	}
	for (i = 0; i < n; i++) {
		if (w[i].twin && !w[i].found) {
			w[i].found = true;
			left--;
		}
	}
	/* One pass over the body; the first line for a code wins. The
	 * service answers in the order asked, so the search for a line's
	 * request starts after the last one answered. */
	while (left > 0 && text_next_assign(&pos, end, "v_", &a)) {
		for (k = 0; k < n; k++) {
			i = (next + k) % n;
			if (w[i].found || !answers(&w[i], a.name))
				continue;
			w[i].found = true;
			w[i].line = a;
			left--;
			next = i + 1;
			break;
		}
	}
	for (i = 0; i < n; i++) {
		if (w[i].twin)
			w[i].line = w[i].twin->line;
		if (w[i].line.name.p)
			parse_line(&w[i].line, &res[i], &memo);
		else if (!res[i].err[0])
			fail(&res[i], "no data (unknown code?)");
	}
	free(w);
}

static bool tencent_code(const struct instrument *in, char *buf, size_t len)
{
	return symbol_tencent(in, true, buf, len);
}

static void tencent_parse(const char *body, size_t len, const char *content_type,
			  const struct instrument *req, size_t n, struct quote_result *res)
{
	quote_check_parse_reply(SOURCE_NAME, quote_tencent_parse_utf8, body, len, content_type, req, n, res);
}

static const char *const tencent_headers[] = { "Referer: https://finance.qq.com/", NULL };

const struct quote_source quote_tencent_source = {
	.name = SOURCE_NAME,
	.max_batch = 60,
	.query = "/q=",
	.headers = tencent_headers,
	.code = tencent_code,
	.parse = tencent_parse,
};
