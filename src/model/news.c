/* news.c - headlines from every feed in one list: owned, cleaned, deduplicated, newest first
 *
 * Every feed (RSS, Atom, Eastmoney JSON) hands its items over through
 * news_text_dup and news_link_dup, so there is one place where outside
 * text becomes something safe to draw and one place where links are
 * vetted. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/news.h"
#include "base/html_text.h"
#include "base/text.h"

bool news_headline_add_tag(struct headline *h, const struct instrument *in)
{
	size_t i;

	for (i = 0; i < h->ntags; i++)
		if (symbol_equal(&h->tags[i], in))
			return false;
	if (h->ntags >= NEWS_TAGS_MAX)
		return false;
	h->tags[h->ntags++] = *in;
	return true;
}

void news_headline_done(struct headline *h)
{
	free(h->title);
	free(h->link);
	free(h->source);
	free(h->publisher);
	free(h->guid);
	free(h->summary);
	free(h->key);
	memset(h, 0, sizeof *h);
}

void news_list_init(struct news_list *l)
{
	memset(l, 0, sizeof *l);
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static bool is_duplicate(const struct headline *old, const struct headline *h)
{
	if (old->guid && h->guid && same(old->source, h->source) && same(old->guid, h->guid))
		return true;
	if (same(old->link, h->link))
		return true;
	/* A title of punctuation alone has an empty key: compare it whole. */
	if (!old->key[0] && !h->key[0])
		return same(old->title, h->title);
	return same(old->key, h->key);
}

/* Move a field the kept headline lacks over from its duplicate. */
static void take(char **have, char **give)
{
	if (!*have) {
		*have = *give;
		*give = NULL;
	}
}

static void merge_into(struct headline *old, struct headline *h)
{
	size_t i;

	for (i = 0; i < h->ntags; i++)
		news_headline_add_tag(old, &h->tags[i]);
	take(&old->link, &h->link);
	take(&old->publisher, &h->publisher);
	take(&old->summary, &h->summary);
	if (!old->time) {
		old->time = h->time;
		old->dated = h->dated;
	}
}

enum news_add news_list_add(struct news_list *l, struct headline *h)
{
	struct headline *g;
	size_t i, n;

	if (!h->title || !h->title[0]) {
		news_headline_done(h);
		return NEWS_INVALID;
	}
	free(h->key);
	n = strlen(h->title) + 1;
	if (!(h->key = malloc(n))) {
		news_headline_done(h);
		return NEWS_NOMEM;
	}
	news_title_key(h->key, n, h->title);
	for (i = 0; i < l->n; i++) {
		if (is_duplicate(&l->v[i], h)) {
			merge_into(&l->v[i], h);
			news_headline_done(h);
			return NEWS_DUPLICATE;
		}
	}
	if (l->n == l->cap) {
		n = l->cap ? l->cap * 2 : 32;
		if (!(g = realloc(l->v, n * sizeof *g))) {
			news_headline_done(h);
			return NEWS_NOMEM;
		}
		l->v = g;
		l->cap = n;
	}
	h->seq = l->next_seq++;
	l->v[l->n++] = *h;
	memset(h, 0, sizeof *h);
	return NEWS_ADDED;
}

size_t news_list_date_ahead(struct news_list *l, const struct news_list *seen, time_t now)
{
	size_t n = 0;

	for (size_t k = 0; k < l->n; k++) {
		struct headline *h = &l->v[k];
		if (!h->time || (long long)h->time - (long long)now <= NEWS_AHEAD_MAX)
			continue;
		/* A story dated 2100 would head the list, and count as fresh,
		 * for as long as it is kept: it is as new as when we saw it. */
		h->dated = h->time;
		h->time = now;
		for (size_t j = 0; j < seen->n; j++)
			if (seen->v[j].time && is_duplicate(&seen->v[j], h)) {
				h->time = seen->v[j].time;
				h->dated = seen->v[j].dated;
				break;
			}
		n++;
	}
	return n;
}

size_t news_list_merge(struct news_list *dst, struct news_list *src)
{
	size_t i, added = 0;

	for (i = 0; i < src->n; i++)
		if (news_list_add(dst, &src->v[i]) == NEWS_ADDED)
			added++;
	news_list_done(src);
	return added;
}

static int newest_first(const void *pa, const void *pb)
{
	const struct headline *a = pa, *b = pb;

	if (a->time != b->time) {
		if (!a->time || !b->time)
			return a->time ? -1 : 1;
		return a->time > b->time ? -1 : 1;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void news_list_sort(struct news_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, newest_first);
}

void news_list_keep(struct news_list *l, size_t keep)
{
	news_list_sort(l);
	while (l->n > keep)
		news_headline_done(&l->v[--l->n]);
}

void news_list_done(struct news_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		news_headline_done(&l->v[i]);
	free(l->v);
	news_list_init(l);
}

static void vrecord(char *dst, size_t len, const char *source, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
static void vrecord(char *dst, size_t len, const char *source, const char *fmt, va_list ap)
{
	int n = snprintf(dst, len, "%s: ", source);

	if (n >= 0 && (size_t)n < len)
		vsnprintf(dst + n, len - (size_t)n, fmt, ap);
}

void news_parse_fail(struct news_parse *st, const char *source, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vrecord(st->err, sizeof st->err, source, fmt, ap);
	va_end(ap);
}

void news_parse_skip(struct news_parse *st, const char *source, const char *fmt, ...)
{
	va_list ap;

	st->skipped++;
	if (st->note[0])
		return;
	va_start(ap, fmt);
	vrecord(st->note, sizeof st->note, source, fmt, ap);
	va_end(ap);
}

/* --- cleaning ----------------------------------------------------------------- */

/* Cut s (n bytes) back to at most max bytes on a character boundary. */
static size_t cut_utf8(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

enum news_text news_text_dup(char **dst, const char *src, size_t len, size_t max,
			     unsigned flags)
{
	char *dec = NULL, *out;
	const char *in = src;
	size_t n, cap;

	*dst = NULL;
	if (flags & (NEWS_TEXT_ENTITIES | NEWS_TEXT_HTML)) {
		if (!(dec = malloc(len + 1)))
			return NEWS_TEXT_NOMEM;
		len = html_text_decode(dec, len + 1, src, len, flags & NEWS_TEXT_HTML);
		in = dec;
	}
	/* Sanitising turns each bad byte into a three-byte U+FFFD. */
	cap = len > (SIZE_MAX - 1) / 3 ? SIZE_MAX : 3 * len + 1;
	if (!(out = malloc(cap))) {
		free(dec);
		return NEWS_TEXT_NOMEM;
	}
	n = text_sanitize(out, cap, in, len);
	free(dec);
	if (n == 0) {
		free(out);
		return NEWS_TEXT_EMPTY;
	}
	if (n > max) {
		if (!(flags & NEWS_TEXT_CUT)) {
			free(out);
			return NEWS_TEXT_LONG;
		}
		n = cut_utf8(out, n, max);
		out[n] = '\0';
	}
	*dst = out;
	return NEWS_TEXT_OK;
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *news_link_dup(const char *src, size_t len, bool *nomem)
{
	char *out;
	size_t i, n, host;

	*nomem = false;
	while (len > 0 && is_ws(*src)) {
		src++;
		len--;
	}
	while (len > 0 && is_ws(src[len - 1]))
		len--;
	if (len > NEWS_LINK_MAX)
		return NULL;
	if (text_starts_ci(src, len, "https://"))
		host = 8;
	else if (text_starts_ci(src, len, "http://"))
		host = 7;
	else
		return NULL;
	if (host >= len || src[host] == '/' || src[host] == '?' || src[host] == '#')
		return NULL;
	for (i = 0; i < len; i++)
		if ((unsigned char)src[i] <= 0x20 || src[i] == 0x7f)
			return NULL;
	if (!(out = malloc(3 * len + 1))) {
		*nomem = true;
		return NULL;
	}
	/* Anything the sanitiser would change (bad UTF-8, C1, bidi marks) has
	 * no business in a link: refuse rather than repair. */
	n = text_sanitize(out, 3 * len + 1, src, len);
	if (n != len || memcmp(out, src, len) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* Punctuation in the dedupe key: ASCII, general punctuation (dashes,
 * quotes, ellipsis), CJK symbols (、。「」【】) and fullwidth forms. */
static bool is_punct(uint32_t c)
{
	if (c < 0x80)
		return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) ||
		       (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
	return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) ||
	       (c >= 0x3001 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) ||
	       (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
	       (c >= 0xff5b && c <= 0xff65) || c == 0xa1 || c == 0xab || c == 0xb7 ||
	       c == 0xbb || c == 0xbf;
}

/* Length of the (sanitised, so valid) UTF-8 character at s, and its value. */
static size_t next_char(const unsigned char *s, uint32_t *c)
{
	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if (s[0] < 0xe0 && s[1]) {
		*c = ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		return 2;
	}
	if (s[0] < 0xf0 && s[1] && s[2]) {
		*c = ((uint32_t)(s[0] & 0x0f) << 12) | ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
		return 3;
	}
	*c = 0xfffd;
	return s[1] && s[2] && s[3] ? 4 : 1;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

size_t news_title_key(char *dst, size_t cap, const char *title)
{
	const unsigned char *s = (const unsigned char *)title;
	size_t o = 0, k;
	bool gap = false;
	uint32_t c;
	char low;

	if (cap == 0)
		return 0;
	while (*s) {
		k = next_char(s, &c);
		if (c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x3000 || is_punct(c)) {
			gap = true;
			s += k;
			continue;
		}
		low = c < 0x80 ? lower((char)c) : 0;
		/* A gap separates words, and only Latin words need telling
		 * apart: "腾讯，业绩" and "腾讯 业绩" are the same title. */
		if (gap && o > 0 && low && is_word_byte(low) && is_word_byte(dst[o - 1]) && o + 1 < cap)
			dst[o++] = ' ';
		gap = false;
		if (o + k >= cap)
			break;
		if (low) {
			dst[o++] = low;
		} else {
			memcpy(dst + o, s, k);
			o += k;
		}
		s += k;
	}
	dst[o] = '\0';
	return o;
}

bool news_time_sane(time_t t)
{
	/* 1970-01-01 to 2100-12-31 */
	return t >= 0 && (long long)t <= 4133980799LL;
}
