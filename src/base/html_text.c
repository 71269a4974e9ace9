/* html_text.c - HTML to plain text: character references decoded, tags, comments, scripts dropped
 *
 * Feeds send HTML where a line of text is wanted (RSS descriptions, Atom
 * type="html", Eastmoney summaries). This is the one decoder; what comes
 * out still goes through text_sanitize before anyone draws it. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "base/html_text.h"
#include "base/text.h"

/* The references feeds actually use. Each expansion is no longer than its
 * reference, which keeps html_text_decode within len + 1 bytes. */
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

/* A decoded reference as UTF-8; one that names no character (NUL, a
 * surrogate, past U+10FFFF) is U+FFFD. */
static size_t put_utf8(char *out, uint32_t c)
{
	if (c == 0 || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		c = 0xfffd;
	return text_utf8_encode(c, out);
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

/* Find needle (lowercase ASCII) in s, case-insensitively. */
static const char *find_ci(const char *s, const char *end, const char *needle)
{
	for (; s < end; s++)
		if (text_starts_ci(s, (size_t)(end - s), needle))
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
	if (!closing && ((n == 6 && text_starts_ci(name, n, "script")) ||
			 (n == 5 && text_starts_ci(name, n, "style")))) {
		const char *close = find_ci(p, end, n == 6 ? "</script" : "</style");

		if (!close)
			return len;
		p = memchr(close, '>', (size_t)(end - close));
		return p ? (size_t)(p + 1 - s) : len;
	}
	return (size_t)(p - s);
}

size_t html_text_decode(char *dst, size_t cap, const char *src, size_t len, bool tags)
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
