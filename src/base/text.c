/* text.c - make untrusted text safe to print and measure it by display width */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "base/text.h"

#define REPLACEMENT 0xfffd

/* Decode one character of s (n > 0 bytes). A bad sequence decodes to
 * U+FFFD and consumes only its longest valid-looking prefix (Unicode's
 * "maximal subpart"), so one stray byte never swallows the text after it.
 * The second-byte bounds rule out overlongs, surrogates and > U+10FFFF. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t need, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		c &= 0x07;
	} else {
		*cp = REPLACEMENT; /* a stray continuation byte, or never valid */
		return 1;
	}
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	for (i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi) {
			*cp = REPLACEMENT;
			return i;
		}
		c = (c << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = c;
	return need + 1;
}

size_t text_utf8_encode(uint32_t c, char *out)
{
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

static bool is_space(uint32_t c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0xa0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Controls, and the invisible marks that reorder what follows them: a
 * right-to-left override in a stock name could make "-5%" read "%5-". */
static bool is_dropped(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c ||
	       c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

/* Skip a control string (OSC, DCS, SOS, PM, APC) from i: it ends with the
 * string terminator (ESC \ or U+009C), or BEL for OSC as xterm allows.
 * An unterminated one runs to the end: a terminal would swallow it too. */
static size_t skip_string(const unsigned char *s, size_t len, size_t i, bool bel_ends)
{
	for (; i < len; i++) {
		if (bel_ends && s[i] == 0x07)
			return i + 1;
		if (s[i] == 0x1b && i + 1 < len && s[i + 1] == '\\')
			return i + 2;
		if (s[i] == 0xc2 && i + 1 < len && s[i + 1] == 0x9c)
			return i + 2;
	}
	return len;
}

/* CSI: parameter and intermediate bytes, then one final byte. A byte that
 * fits none of those ends the sequence and is kept for the caller. */
static size_t skip_csi(const unsigned char *s, size_t len, size_t i)
{
	while (i < len && s[i] >= 0x20 && s[i] <= 0x3f)
		i++;
	if (i < len && s[i] >= 0x40 && s[i] <= 0x7e)
		i++;
	return i;
}

/* The escape sequence that starts at i with code point c (ESC or an 8-bit
 * introducer k bytes long): returns the index just past it. */
static size_t skip_escape(const unsigned char *s, size_t len, size_t i, size_t k, uint32_t c)
{
	size_t j = i + k;

	switch (c) {
	case 0x9b:
		return skip_csi(s, len, j);
	case 0x9d:
		return skip_string(s, len, j, true);
	case 0x90: case 0x98: case 0x9e: case 0x9f:
		return skip_string(s, len, j, false);
	}
	if (j >= len)
		return len;
	switch (s[j]) {
	case '[':
		return skip_csi(s, len, j + 1);
	case ']':
		return skip_string(s, len, j + 1, true);
	case 'P': case 'X': case '^': case '_':
		return skip_string(s, len, j + 1, false);
	}
	/* ESC, intermediates (ESC ( B), then one final byte; or a lone ESC
	 * before anything else, which is dropped on its own. */
	while (j < len && s[j] >= 0x20 && s[j] <= 0x2f)
		j++;
	if (j < len && s[j] >= 0x30 && s[j] <= 0x7e)
		j++;
	return j;
}

size_t text_sanitize(char *dst, size_t cap, const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, o = 0, k, m;
	bool space = false;
	uint32_t c;
	char enc[4];

	if (cap == 0)
		return 0;
	while (i < len) {
		if (s[i] > 0x20 && s[i] < 0x7f) {
			/* Printable ASCII, most of every feed's text: kept as it
			 * is, without decoding and encoding it again. */
			enc[0] = (char)s[i++];
			m = 1;
		} else {
			k = utf8_decode(s + i, len - i, &c);
			if (c == 0x1b || c == 0x9b || c == 0x9d || c == 0x90 ||
			    c == 0x98 || c == 0x9e || c == 0x9f) {
				i = skip_escape(s, len, i, k, c);
				continue;
			}
			i += k;
			if (is_space(c)) {
				space = true;
				continue;
			}
			if (is_dropped(c))
				continue;
			m = text_utf8_encode(c, enc);
		}
		if (space && o > 0) {
			if (o + 1 + m >= cap)
				break;
			dst[o++] = ' ';
		}
		if (o + m >= cap)
			break;
		space = false;
		dst[o] = enc[0]; /* most are one byte: no memcpy() call for them */
		if (m > 1)
			memcpy(dst + o + 1, enc + 1, m - 1);
		o += m;
		/* The printable ASCII that follows goes as it is, no space
		 * pending, while it fits (what the loop above would do for
		 * each, in fewer steps: a refresh sanitises 6,000 names). */
		while (i < len && s[i] > 0x20 && s[i] < 0x7f && o + 1 < cap)
			dst[o++] = (char)s[i++];
	}
	dst[o] = '\0';
	return o;
}

/* Cut s back to whole characters if snprintf() truncated one, and drop
 * the spaces a cut can leave at the end. The parts were valid UTF-8, so
 * only a last character shorter than its lead byte promises can be
 * wrong. */
static void utf8_trim_tail(char *s)
{
	size_t n = strlen(s), start = n, need;
	unsigned char lead;

	while (start > 0 && n - start < 4) {
		start--;
		if (((unsigned char)s[start] & 0xc0) != 0x80)
			break;
	}
	if (start < n) {
		lead = (unsigned char)s[start];
		need = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
		if (start + need > n)
			n = start;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
}

const char *text_quote(char *dst, size_t cap, const char *s, size_t len)
{
	char clean[256];
	size_t i, chars = 0;
	bool cut = false;

	if (cap == 0)
		return dst;
	text_sanitize(clean, sizeof clean, s, len);
	for (i = 0; clean[i]; i++) {
		if (((unsigned char)clean[i] & 0xc0) == 0x80)
			continue;
		if (++chars > 32) {
			clean[i] = '\0';
			cut = true;
			break;
		}
	}
	snprintf(dst, cap, "\"%s%s\"", clean, cut ? "\xe2\x80\xa6" : "");
	utf8_trim_tail(dst);
	return dst;
}

void text_quote_error(char *err, size_t errlen, const char *input, const char *cause)
{
	char quoted[TEXT_QUOTE_SIZE];

	if (errlen == 0)
		return;
	snprintf(err, errlen, "%s: %s", text_quote(quoted, sizeof quoted, input, strlen(input)),
		 cause);
	utf8_trim_tail(err);
}

/* Columns of the character at s, and its length in *k; an undecodable
 * byte is one column, as the U+FFFD that will be drawn for it. */
static int char_width(const char *s, size_t n, size_t *k)
{
	mbstate_t st;
	wchar_t wc;
	size_t r;
	int w;

	if (*s >= 0x20 && *s < 0x7f) {
		*k = 1; /* printable ASCII: one column in any locale */
		return 1;
	}
	memset(&st, 0, sizeof st);
	r = mbrtowc(&wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*k = 1;
		return 1;
	}
	*k = r;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	size_t n = strlen(s), k;
	int total = 0;

	while (n > 0) {
		total += char_width(s, n, &k);
		s += k;
		n -= k;
	}
	return total;
}

size_t text_fit(const char *s, int cols, int *used)
{
	size_t n = strlen(s), k, len = 0;
	int total = 0, w;

	while (len < n) {
		w = char_width(s + len, n - len, &k);
		if (total + w > cols)
			break;
		total += w;
		len += k;
	}
	if (used)
		*used = total;
	return len;
}

bool text_swap_source(char *s, size_t cap, const char *from, const char *to)
{
	size_t f = strlen(from), t = strlen(to), rest;

	if (strncmp(s, from, f) != 0 || s[f] != ':')
		return false;
	rest = strlen(s + f) + 1;
	if (t + rest > cap)
		return false;
	memmove(s + t, s + f, rest);
	memcpy(s, to, t);
	return true;
}

bool text_starts_ci(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word), i;

	if (len < n)
		return false;
	for (i = 0; i < n; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) != word[i])
			return false;
	return true;
}

bool text_span_is(struct text_span s, const char *str)
{
	return s.len == strlen(str) && memcmp(s.p, str, s.len) == 0;
}

/* A quote line is some 80 fields of a few bytes each: a memchr() call
 * per field cost more than the search. The words-at-a-time loops find
 * every separator of eight bytes with a few instructions; where the byte
 * order or compiler does not allow it, a byte loop does the same. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SPLIT_WORDS 1
/* 0x80 in exactly the bytes of the eight at p that are sep (pattern is
 * sep in every byte): a separator is made a zero byte, and no carry
 * crosses a byte. */
static inline uint64_t sep_bits(const char *p, uint64_t pattern)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fu;
	uint64_t w;

	memcpy(&w, p, sizeof w);
	w ^= pattern;
	return ~(((w & low7) + low7) | w | low7);
}
#endif

size_t text_split(struct text_span s, char sep, struct text_span *fields, size_t max)
{
	const char *p = s.p, *end = s.p + s.len, *start = p;
	size_t n = 0;

#ifdef SPLIT_WORDS
	const uint64_t pattern = 0x0101010101010101u * (unsigned char)sep;

	for (; end - p >= 8; p += 8) {
		for (uint64_t z = sep_bits(p, pattern); z; z &= z - 1) {
			const char *q = p + (__builtin_ctzll(z) >> 3);
			if (n < max) {
				fields[n].p = start;
				fields[n].len = (size_t)(q - start);
			}
			n++;
			start = q + 1;
		}
	}
#endif
	for (; p < end; p++) {
		if (*p != sep)
			continue;
		if (n < max) {
			fields[n].p = start;
			fields[n].len = (size_t)(p - start);
		}
		n++;
		start = p + 1;
	}
	if (n < max) {
		fields[n].p = start;
		fields[n].len = (size_t)(end - start);
	}
	return n + 1;
}

/* As text_split, but only where each field ends: half the stores a
 * separator, for the Tencent line's 77 of them, most in fields never read. */
size_t text_split_ends(struct text_span s, char sep, size_t *ends, size_t max)
{
	size_t i = 0, n = 0;

#ifdef SPLIT_WORDS
	const uint64_t pattern = 0x0101010101010101u * (unsigned char)sep;

	for (; s.len - i >= 8; i += 8) {
		for (uint64_t z = sep_bits(s.p + i, pattern); z; z &= z - 1) {
			if (n < max)
				ends[n] = i + (size_t)(__builtin_ctzll(z) >> 3);
			n++;
		}
	}
#endif
	for (; i < s.len; i++) {
		if (s.p[i] != sep)
			continue;
		if (n < max)
			ends[n] = i;
		n++;
	}
	if (n < max)
		ends[n] = s.len;
	return n + 1;
}

static bool is_separator(char c)
{
	return c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

bool text_next_assign(const char **pos, const char *end, const char *prefix,
		      struct text_assign *a)
{
	const char *p = *pos, *q, *stop, *nl;
	size_t plen = strlen(prefix);

	while (p < end) {
		while (p < end && is_separator(*p))
			p++;
		if ((size_t)(end - p) > plen && memcmp(p, prefix, plen) == 0) {
			q = p + plen;
			while (q < end && is_name_char(*q))
				q++;
			if (q > p + plen && end - q >= 2 && q[0] == '=' && q[1] == '"') {
				a->name.p = p + plen;
				a->name.len = (size_t)(q - a->name.p);
				q += 2;
				a->value.p = q;
				/* The value ends at its quote, or unclosed at the end
				 * of its line: two memchr()s rather than a byte loop
				 * over a 500-byte quote line. */
				stop = memchr(q, '"', (size_t)(end - q));
				if (!stop)
					stop = end;
				if ((nl = memchr(q, '\n', (size_t)(stop - q))))
					stop = nl;
				q = stop;
				a->closed = q < end && *q == '"';
				a->value.len = (size_t)(q - a->value.p);
				if (!a->closed && a->value.len > 0 && q[-1] == '\r')
					a->value.len--;
				*pos = a->closed ? q + 1 : q;
				return true;
			}
		}
		/* Not a statement we know: skip the rest of this one. */
		while (p < end && *p != '\n' && *p != ';')
			p++;
	}
	*pos = end;
	return false;
}
