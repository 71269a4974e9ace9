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
#include "base/text.h"

bool headline_add_tag(struct headline *h, const struct instrument *in)
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

void headline_free(struct headline *h)
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
		headline_add_tag(old, &h->tags[i]);
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
		headline_free(h);
		return NEWS_INVALID;
	}
	free(h->key);
	n = strlen(h->title) + 1;
	if (!(h->key = malloc(n))) {
		headline_free(h);
		return NEWS_NOMEM;
	}
	news_title_key(h->key, n, h->title);
	for (i = 0; i < l->n; i++) {
		if (is_duplicate(&l->v[i], h)) {
			merge_into(&l->v[i], h);
			headline_free(h);
			return NEWS_DUPLICATE;
		}
	}
	if (l->n == l->cap) {
		n = l->cap ? l->cap * 2 : 32;
		if (!(g = realloc(l->v, n * sizeof *g))) {
			headline_free(h);
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
	news_list_free(src);
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
		headline_free(&l->v[--l->n]);
}

void news_list_free(struct news_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		headline_free(&l->v[i]);
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

/* --- HTML to text ----------------------------------------------------------- */

/* The references feeds actually use. Each expansion is no longer than its
 * reference, which keeps news_html_to_text within len + 1 bytes. */
static const struct entity {
	const char *name;
	const char *utf8;
} entities[] = {
	{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
	{ "nbsp", "\xc2\xa0" }, { "ndash", "\xe2\x80\x93" }, { "mdash", "\xe2\x80\x94" },
	{ "lsquo", "\xe2\x80\x98" }, { "rsquo", "\xe2\x80\x99" },
	{ "ldquo", "\xe2\x80\x9c" }, { "rdquo", "\xe2\x80\x9d" },
	{ "hellip", "\xe2\x80\xa6" }, { "bull", "\xe2\x80\xa2" }, { "middot", "\xc2\xb7" },
	{ "copy", "\xc2\xa9" }, { "reg", "\xc2\xae" }, { "trade", "\xe2\x84\xa2" },
	{ "euro", "\xe2\x82\xac" }, { "pound", "\xc2\xa3" }, { "yen", "\xc2\xa5" },
	{ "cent", "\xc2\xa2" }, { "times", "\xc3\x97" }, { "divide", "\xc3\xb7" },
	{ "deg", "\xc2\xb0" }, { "laquo", "\xc2\xab" }, { "raquo", "\xc2\xbb" },
	{ "ensp", " " }, { "emsp", " " }, { "thinsp", " " },
};

static size_t put_utf8(char *out, uint32_t c)
{
	if (c == 0 || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		c = 0xfffd;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The reference at s[0] == '&': its expansion into out (>= 4 bytes) and
 * the bytes it spans; 0 when it is not one we decode. */
static size_t decode_ref(const char *s, size_t len, char *out, size_t *used)
{
	uint32_t c = 0;
	size_t i = 1, start, k;
	int d;

	if (i < len && s[i] == '#') {
		bool hex = ++i < len && (s[i] == 'x' || s[i] == 'X');

		i += hex;
		start = i;
		/* Eight digits reach past U+10FFFF without overflowing. */
		while (i < len && i - start < 8 &&
		       (d = hex ? hex_value(s[i]) : is_digit(s[i]) ? s[i] - '0' : -1) >= 0) {
			c = c * (hex ? 16 : 10) + (uint32_t)d;
			i++;
		}
		if (i == start || i >= len || s[i] != ';')
			return 0;
		*used = i + 1;
		return put_utf8(out, c);
	}
	start = i;
	while (i < len && i - start < 8 && (is_alpha(s[i]) || is_digit(s[i])))
		i++;
	if (i == start || i >= len || s[i] != ';')
		return 0;
	for (k = 0; k < sizeof entities / sizeof entities[0]; k++) {
		if (strlen(entities[k].name) == i - start &&
		    memcmp(entities[k].name, s + start, i - start) == 0) {
			*used = i + 1;
			memcpy(out, entities[k].utf8, strlen(entities[k].utf8));
			return strlen(entities[k].utf8);
		}
	}
	return 0;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Does s (len bytes) start with word (lowercase ASCII), ignoring case? */
static bool ieq_prefix(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word), i;

	if (len < n)
		return false;
	for (i = 0; i < n; i++)
		if (lower(s[i]) != word[i])
			return false;
	return true;
}

/* Find needle (lowercase ASCII) in s, case-insensitively. */
static const char *find_ci(const char *s, const char *end, const char *needle)
{
	for (; s < end; s++)
		if (ieq_prefix(s, (size_t)(end - s), needle))
			return s;
	return NULL;
}

/* Tags after which a reader expects a break, and so a space in the text. */
static bool is_block(const char *name, size_t n)
{
	static const char *const blocks[] = {
		"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2",
		"h3", "h4", "h5", "h6", "blockquote", "hr", "dd", "dt", "dl", "pre",
		"section", "article", "header", "footer", "img",
	};
	size_t i, k;

	for (i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
		if (strlen(blocks[i]) != n)
			continue;
		for (k = 0; k < n && lower(name[k]) == blocks[i][k]; k++)
			;
		if (k == n)
			return true;
	}
	return false;
}

/* Skip the tag, comment or declaration at s[0] == '<'. Returns the bytes
 * it spans (0: not markup, keep the '<') and sets *space for block tags. */
static size_t skip_markup(const char *s, size_t len, bool *space)
{
	const char *end = s + len, *p, *name;
	char quote = 0;
	bool closing;
	size_t n;

	*space = false;
	if (len >= 4 && memcmp(s, "<!--", 4) == 0) {
		p = s + 4;
		while (p + 3 <= end && memcmp(p, "-->", 3) != 0)
			p++;
		return p + 3 <= end ? (size_t)(p + 3 - s) : len;
	}
	if (len < 2 || !(is_alpha(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?'))
		return 0;
	closing = s[1] == '/';
	name = s + 1 + closing;
	for (n = 0; name + n < end && (is_alpha(name[n]) || is_digit(name[n])); n++)
		;
	for (p = name + n; p < end; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '>') {
			break;
		}
	}
	if (p >= end)
		return len; /* an unterminated tag: nothing after it is text */
	p++;
	*space = is_block(name, n);
	if (!closing && ((n == 6 && ieq_prefix(name, n, "script")) ||
			 (n == 5 && ieq_prefix(name, n, "style")))) {
		const char *close = find_ci(p, end, n == 6 ? "</script" : "</style");

		if (!close)
			return len;
		p = memchr(close, '>', (size_t)(end - close));
		return p ? (size_t)(p + 1 - s) : len;
	}
	return (size_t)(p - s);
}

size_t news_html_to_text(char *dst, size_t cap, const char *src, size_t len, bool tags)
{
	size_t i = 0, o = 0, used, k;
	char enc[8];
	bool space;

	if (cap == 0)
		return 0;
	while (i < len) {
		if (src[i] == '&' && (k = decode_ref(src + i, len - i, enc, &used)) > 0) {
			if (o + k >= cap)
				break;
			memcpy(dst + o, enc, k);
			o += k;
			i += used;
			continue;
		}
		if (tags && src[i] == '<' && (used = skip_markup(src + i, len - i, &space)) > 0) {
			if (space && o + 1 < cap)
				dst[o++] = ' ';
			i += used;
			continue;
		}
		if (o + 1 >= cap)
			break;
		dst[o++] = src[i++];
	}
	dst[o] = '\0';
	return o;
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
		len = news_html_to_text(dec, len + 1, src, len, flags & NEWS_TEXT_HTML);
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
	if (ieq_prefix(src, len, "https://"))
		host = 8;
	else if (ieq_prefix(src, len, "http://"))
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

static bool is_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || is_digit(c);
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
