/* tagger.c - which instruments a headline is about, by names, codes and tickers
 *
 * A headline is short and the alias table a few hundred lines, so a scan
 * that tries, at each character, only the aliases starting with that
 * (case-folded) byte, longest first, is fast enough and easy to reason
 * about: no regexes, no allocation per call. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/tagger.h"
#include "base/text.h"

#define ALIAS_MAX 128

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static bool is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_ticker(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 5)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return false;
	return true;
}

static int by_first_byte(const void *pa, const void *pb)
{
	const struct tagger_alias *a = pa, *b = pb;
	unsigned char fa = fold((unsigned char)a->text[0]), fb = fold((unsigned char)b->text[0]);

	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (a->len != b->len)
		return a->len > b->len ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

static void note_bad(size_t *bad, size_t line, const char *cause, char *err, size_t errlen)
{
	if ((*bad)++ == 0 && errlen)
		snprintf(err, errlen, "line %zu: %s", line, cause);
}

/* One "symbol<TAB>alias" line into a; false with a cause if it is bad. */
static bool parse_line(const char *p, const char *le, struct tagger_alias *a, char *cause,
		       size_t causelen)
{
	const char *tab = memchr(p, '\t', (size_t)(le - p));
	char sym[32], alias[ALIAS_MAX];
	size_t n;

	memset(a, 0, sizeof *a);
	if (!tab || (size_t)(tab - p) >= sizeof sym) {
		snprintf(cause, causelen, "want symbol<TAB>alias");
		return false;
	}
	memcpy(sym, p, (size_t)(tab - p));
	sym[tab - p] = '\0';
	if (le > tab + 1 && le[-1] == '\r')
		le--;
	if ((size_t)(le - tab - 1) >= sizeof alias) {
		snprintf(cause, causelen, "alias longer than %d bytes", ALIAS_MAX - 1);
		return false;
	}
	if (!(n = text_sanitize(alias, sizeof alias, tab + 1, (size_t)(le - tab - 1)))) {
		snprintf(cause, causelen, "empty alias");
		return false;
	}
	if (strcmp(sym, "-") == 0)
		a->block = true;
	else if (!symbol_parse(sym, &a->in, cause, causelen))
		return false;
	if (!(a->text = strdup(alias))) {
		snprintf(cause, causelen, "out of memory");
		return false;
	}
	a->len = n;
	a->exact_case = is_ticker(alias, n);
	return true;
}

size_t tagger_load(struct tagger *t, const char *text, size_t len, char *err, size_t errlen)
{
	const char *p = text, *end = text + len, *nl, *le;
	size_t bad = 0, cap = 0, line = 0, i;
	struct tagger_alias a, *g;
	char cause[128];
	unsigned b;

	memset(t, 0, sizeof *t);
	if (errlen)
		err[0] = '\0';
	for (; p < end; p = nl ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		le = nl ? nl : end;
		line++;
		if (le == p || *p == '#' || (le == p + 1 && *p == '\r'))
			continue;
		if (!parse_line(p, le, &a, cause, sizeof cause)) {
			note_bad(&bad, line, cause, err, errlen);
			continue;
		}
		if (t->n == cap) {
			cap = cap ? cap * 2 : 256;
			if (!(g = realloc(t->v, cap * sizeof *g))) {
				free(a.text);
				note_bad(&bad, line, "out of memory", err, errlen);
				break;
			}
			t->v = g;
		}
		a.line = line;
		t->v[t->n++] = a;
	}
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, by_first_byte);
	for (b = 0, i = 0; b < 256; b++) {
		t->first[b] = i;
		while (i < t->n && fold((unsigned char)t->v[i].text[0]) == b)
			i++;
	}
	t->first[256] = t->n;
	return bad;
}

void tagger_done(struct tagger *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* Does a match text at i (text is NUL-terminated, so the compare stops at
 * its end), with word boundaries at its ASCII letter-or-digit ends? */
static bool matches(const struct tagger_alias *a, const unsigned char *s, size_t i)
{
	const unsigned char *x = (const unsigned char *)a->text;
	size_t k;

	for (k = 0; k < a->len; k++) {
		if (!s[i + k])
			return false;
		if (a->exact_case ? s[i + k] != x[k] : fold(s[i + k]) != fold(x[k]))
			return false;
	}
	if (is_word(x[0]) && i > 0 && is_word(s[i - 1]))
		return false;
	return !(is_word(x[a->len - 1]) && is_word(s[i + a->len]));
}

static size_t add(struct instrument *out, size_t n, size_t max, const struct instrument *in)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (symbol_equal(&out[i], in))
			return n;
	if (n < max)
		out[n++] = *in;
	return n;
}

size_t tagger_tag(const struct tagger *t, const char *text, struct instrument *out, size_t max)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n = 0, k, best;
	const struct tagger_alias *a;
	unsigned char b;

	while (s[i]) {
		b = fold(s[i]);
		best = 0;
		for (k = t->first[b]; k < t->first[b + 1]; k++) {
			a = &t->v[k];
			if (best && a->len < best)
				break;
			if (!matches(a, s, i))
				continue;
			best = a->len;
			if (!a->block)
				n = add(out, n, max, &a->in);
		}
		if (best) {
			i += best;
			continue;
		}
		/* On to the next character, never into the middle of one. */
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
	}
	return n;
}

size_t tagger_tag_headline(const struct tagger *t, struct headline *h)
{
	struct instrument found[NEWS_TAGS_MAX];
	size_t n, i, added = 0;

	n = h->title ? tagger_tag(t, h->title, found, NEWS_TAGS_MAX) : 0;
	if (n == 0 && h->summary)
		n = tagger_tag(t, h->summary, found, NEWS_TAGS_MAX);
	for (i = 0; i < n; i++)
		added += news_headline_add_tag(h, &found[i]);
	return added;
}
