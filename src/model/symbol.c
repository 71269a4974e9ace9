/* symbol.c - parse the many ways traders write a Hong Kong or US symbol */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "model/symbol.h"
#include "base/text.h"

/* Hang Seng family indexes: canonical name, then each source's code.
 * The spellings accepted on input are the aliases. */
static const struct index_def {
	const char *name;
	const char *aliases[5];
	const char *tencent, *sina, *eastmoney, *yahoo;
} index_table[] = {
	{ "HSI", { "^HSI", "HKHSI", "HSI.HK", "HK.HSI", "R_HKHSI" },
	  "hkHSI", "rt_hkHSI", "100.HSI", "^HSI" },
	{ "HSTECH", { "^HSTECH", "HKHSTECH", "HSTECH.HK", "HK.HSTECH", "R_HKHSTECH" },
	  "hkHSTECH", "rt_hkHSTECH", "124.HSTECH", "HSTECH.HK" },
	{ "HSCEI", { "^HSCE", "HSCE", "HKHSCEI", "HSCEI.HK", "HK.HSCEI" },
	  "hkHSCEI", "rt_hkHSCEI", "100.HSCEI", "^HSCE" },
};

/* Eastmoney splits US listings by venue (105 NASDAQ, 106 NYSE). We only
 * give a secid where the venue is known, never a guess. */
static const struct us_venue {
	const char *ticker;
	int em_market;
} us_venues[] = {
	{ "BABA", 106 }, { "NIO", 106 }, { "XPEV", 106 }, { "TME", 106 },
	{ "BEKE", 106 }, { "ZTO", 106 }, { "YMM", 106 },
	{ "BIDU", 105 }, { "JD", 105 }, { "NTES", 105 }, { "BILI", 105 },
	{ "TCOM", 105 }, { "LI", 105 }, { "PDD", 105 },
};

static const struct index_def *index_lookup(const char *up)
{
	for (size_t i = 0; i < sizeof index_table / sizeof index_table[0]; i++) {
		const struct index_def *d = &index_table[i];
		if (strcmp(up, d->name) == 0)
			return d;
		for (size_t a = 0; a < 5 && d->aliases[a]; a++)
			if (strcmp(up, d->aliases[a]) == 0)
				return d;
	}
	return NULL;
}

static bool all_digits(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* v (below 100000) in at least width digits, zero-padded, as "%0*u" would
 * write it: a watchlist of 3,000 parses 3,000 codes at start. */
static void put_padded(char *dst, unsigned v, int width)
{
	char tmp[8], *p = tmp + sizeof tmp;
	int k = 0;

	*--p = '\0';
	do {
		*--p = (char)('0' + v % 10);
		k++;
	} while ((v /= 10) || k < width);
	memcpy(dst, p, (size_t)(tmp + sizeof tmp - p));
}

static bool make_hk(const char *digits, size_t n, struct instrument *out)
{
	unsigned v = 0;

	if (!all_digits(digits, n) || n > 5)
		return false;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned)(digits[i] - '0');
	if (v == 0)
		return false;
	out->market = MARKET_HK;
	put_padded(out->code, v % 100000u, 5);
	put_padded(out->display, v % 100000u, 4);
	return true;
}

/* A US ticker: one to five letters. Share classes ("BRK.B") are not
 * taken: their dot would clash with Tencent's venue suffix ("BABA.N"), and
 * no Chinese ADR has one. */
static bool make_us(const char *s, size_t n, struct instrument *out)
{
	size_t letters = 0;

	while (letters < n && isupper((unsigned char)s[letters]))
		letters++;
	if (letters == 0 || letters > 5 || letters != n)
		return false;
	out->market = MARKET_US;
	memcpy(out->code, s, n);
	out->code[n] = '\0';
	/* Index names are reserved: "HSCE.OQ" is no ticker, and its display
	 * form would read back as the index. */
	if (index_lookup(out->code))
		return false;
	memcpy(out->display, out->code, n + 1);
	return true;
}

static bool has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static bool has_suffix(const char *s, size_t n, const char *x)
{
	size_t m = strlen(x);
	return n > m && strcmp(s + n - m, x) == 0;
}

bool symbol_parse(const char *text, struct instrument *out, char *err, size_t errlen)
{
	char up[SYMBOL_MAX + 8];
	const char *s = text ? text : "";
	size_t n;
	const struct index_def *idx;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	memset(out, 0, sizeof *out);
	if (n == 0 || n >= sizeof up)
		goto bad;
	for (size_t i = 0; i < n; i++)
		up[i] = (char)toupper((unsigned char)s[i]);
	up[n] = '\0';

	if ((idx = index_lookup(up))) {
		out->market = MARKET_HK_INDEX;
		snprintf(out->code, sizeof out->code, "%s", idx->name);
		snprintf(out->display, sizeof out->display, "%s", idx->name);
		return true;
	}
	/* HK forms: 700, 0700.HK, HK.00700, hk00700, r_hk00700, rt_hk00700 */
	if (all_digits(up, n) && make_hk(up, n, out))
		return true;
	if (has_suffix(up, n, ".HK") && make_hk(up, n - 3, out))
		return true;
	if (has_prefix(up, "HK.") && make_hk(up + 3, n - 3, out))
		return true;
	if (has_prefix(up, "HK") && make_hk(up + 2, n - 2, out))
		return true;
	if (has_prefix(up, "R_HK") && make_hk(up + 4, n - 4, out))
		return true;
	if (has_prefix(up, "RT_HK") && make_hk(up + 5, n - 5, out))
		return true;
	/* US forms: BABA, usBABA, BABA.US, and Tencent's reply form BABA.N / .OQ */
	if (has_prefix(up, "US") && n > 2 && islower((unsigned char)s[1]) &&
	    isupper((unsigned char)s[2]) && make_us(up + 2, n - 2, out))
		return true;
	if (has_prefix(up, "US.") && make_us(up + 3, n - 3, out))
		return true;
	if (has_suffix(up, n, ".US") && make_us(up, n - 3, out))
		return true;
	if ((has_suffix(up, n, ".N") && make_us(up, n - 2, out)) ||
	    (has_suffix(up, n, ".OQ") && make_us(up, n - 3, out)))
		return true;
	if (make_us(up, n, out))
		return true;
bad:
	memset(out, 0, sizeof *out);
	text_quote_error(err, errlen, text ? text : "",
			 "not a symbol (try 700, 0700.HK, HSI or BABA)");
	return false;
}

#ifdef SYMBOL_COUNT_COMPARES
unsigned long symbol_compares;
#define COUNT_COMPARE() (symbol_compares++)
#else
#define COUNT_COMPARE() ((void)0)
#endif

bool symbol_equal(const struct instrument *a, const struct instrument *b)
{
	COUNT_COMPARE();
	return a->market == b->market && strcmp(a->code, b->code) == 0;
}

struct symbol_slot {
	struct instrument key;
	size_t pos_1; /* position + 1; 0 marks an empty slot */
};

/* FNV-1a over the market and the code. */
static size_t hash(const struct instrument *in)
{
	uint64_t h = 14695981039346656037u ^ (uint64_t)in->market;

	h *= 1099511628211u;
	for (const unsigned char *p = (const unsigned char *)in->code; *p; p++) {
		h ^= *p;
		h *= 1099511628211u;
	}
	return (size_t)(h ^ (h >> 29));
}

/* The slot holding in, or the empty one where it would go. Linear
 * probing; the table is never more than half full. */
static struct symbol_slot *probe(const struct symbol_index *ix, const struct instrument *in)
{
	size_t mask = ix->cap - 1, i = hash(in) & mask;

	while (ix->slot[i].pos_1 && !symbol_equal(&ix->slot[i].key, in))
		i = (i + 1) & mask;
	return &ix->slot[i];
}

/* Room for want entries with the table at most half full. */
static bool index_reserve(struct symbol_index *ix, size_t want)
{
	struct symbol_index big = { .cap = ix->cap ? ix->cap : 64 };

	while (want > big.cap / 2)
		big.cap *= 2;
	if (big.cap == ix->cap)
		return true;
	if (!(big.slot = calloc(big.cap, sizeof *big.slot)))
		return false;
	for (size_t i = 0; i < ix->cap; i++)
		if (ix->slot[i].pos_1)
			*probe(&big, &ix->slot[i].key) = ix->slot[i];
	big.n = ix->n;
	free(ix->slot);
	*ix = big;
	return true;
}

long symbol_index_add(struct symbol_index *ix, const struct instrument *in, size_t pos)
{
	struct symbol_slot *s;

	if (!index_reserve(ix, ix->n + 1))
		return -1;
	s = probe(ix, in);
	if (s->pos_1)
		return (long)(s->pos_1 - 1);
	s->key = *in;
	s->pos_1 = pos + 1;
	ix->n++;
	return (long)pos;
}

long symbol_index_find(const struct symbol_index *ix, const struct instrument *in)
{
	const struct symbol_slot *s;

	if (ix->n == 0)
		return -1;
	s = probe(ix, in);
	return s->pos_1 ? (long)(s->pos_1 - 1) : -1;
}

void symbol_index_clear(struct symbol_index *ix)
{
	if (ix->slot)
		memset(ix->slot, 0, ix->cap * sizeof *ix->slot);
	ix->n = 0;
}

void symbol_index_done(struct symbol_index *ix)
{
	free(ix->slot);
	memset(ix, 0, sizeof *ix);
}

bool symbol_dedup(struct instrument *v, size_t *n)
{
	struct symbol_index ix = { 0 };
	size_t kept = 0;

	/* Room for all up front, so no add can fail halfway through. */
	if (!index_reserve(&ix, *n))
		return false;
	for (size_t i = 0; i < *n; i++)
		if ((size_t)symbol_index_add(&ix, &v[i], kept) == kept)
			v[kept++] = v[i];
	symbol_index_done(&ix);
	*n = kept;
	return true;
}

static const struct index_def *index_of(const struct instrument *in)
{
	return in->market == MARKET_HK_INDEX ? index_lookup(in->code) : NULL;
}

static bool put(size_t len, int n)
{
	return n > 0 && (size_t)n < len;
}

/* prefix and code into buf as snprintf("%s%s") would, without its cost:
 * a refresh of 3,000 symbols makes three codes of each. */
static bool join(char *buf, size_t len, const char *prefix, const char *code)
{
	size_t lp = strlen(prefix), lc = strlen(code), total = lp + lc;

	if (len == 0)
		return false;
	if (lp > len - 1)
		lp = len - 1;
	memcpy(buf, prefix, lp);
	if (lc > len - 1 - lp)
		lc = len - 1 - lp;
	memcpy(buf + lp, code, lc);
	buf[lp + lc] = '\0';
	return put(len, (int)total);
}

bool symbol_tencent(const struct instrument *in, bool realtime, char *buf, size_t len)
{
	const struct index_def *d;

	switch (in->market) {
	case MARKET_HK:
		return join(buf, len, realtime ? "r_hk" : "hk", in->code);
	case MARKET_HK_INDEX:
		return (d = index_of(in)) && join(buf, len, "", d->tencent);
	case MARKET_US:
		return join(buf, len, "us", in->code);
	}
	return false;
}

bool symbol_sina(const struct instrument *in, char *buf, size_t len)
{
	const struct index_def *d;

	switch (in->market) {
	case MARKET_HK:
		return put(len, snprintf(buf, len, "rt_hk%s", in->code));
	case MARKET_HK_INDEX:
		return (d = index_of(in)) && put(len, snprintf(buf, len, "%s", d->sina));
	case MARKET_US:
		return false; /* gb_ lines have a layout we have not verified */
	}
	return false;
}

bool symbol_eastmoney(const struct instrument *in, char *buf, size_t len)
{
	const struct index_def *d;

	switch (in->market) {
	case MARKET_HK:
		return put(len, snprintf(buf, len, "116.%s", in->code));
	case MARKET_HK_INDEX:
		return (d = index_of(in)) && put(len, snprintf(buf, len, "%s", d->eastmoney));
	case MARKET_US:
		for (size_t i = 0; i < sizeof us_venues / sizeof us_venues[0]; i++)
			if (strcmp(us_venues[i].ticker, in->code) == 0)
				return put(len, snprintf(buf, len, "%d.%s",
							      us_venues[i].em_market, in->code));
		return false;
	}
	return false;
}

bool symbol_yahoo(const struct instrument *in, char *buf, size_t len)
{
	const struct index_def *d;

	switch (in->market) {
	case MARKET_HK:
		/* Yahoo wants four digits for codes under 10000: 0700.HK, not 00700.HK */
		return put(len, snprintf(buf, len, "%s.HK",
					      in->code[0] == '0' ? in->code + 1 : in->code));
	case MARKET_HK_INDEX:
		return (d = index_of(in)) && put(len, snprintf(buf, len, "%s", d->yahoo));
	case MARKET_US:
		return put(len, snprintf(buf, len, "%s", in->code));
	}
	return false;
}
