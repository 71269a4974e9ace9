/* charset.c - GBK (and GB18030) text from the quote feeds to UTF-8 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/charset.h"
#include "base/text.h"

#define UTF8_REPLACEMENT "\xef\xbf\xbd"

/* Make room for at least need more bytes at *op, up to limit. The output
 * of a GB18030 body can never pass three bytes per input byte: its
 * two-byte characters become at most three, its four-byte ones at most
 * four, and an undecodable byte becomes the three of U+FFFD. So growth is
 * bounded by the input's length, not by whatever a hostile body would
 * like. */
static bool reserve(char **buf, size_t *cap, size_t limit, char **op, size_t *ol, size_t need)
{
	size_t used = (size_t)(*op - *buf), ncap;
	char *nbuf;

	if (*ol >= need)
		return true;
	ncap = *cap * 2;
	if (ncap < used + need)
		ncap = used + need;
	if (ncap > limit)
		ncap = limit;
	if (ncap < used + need)
		return false;
	nbuf = realloc(*buf, ncap);
	if (!nbuf)
		return false;
	*buf = nbuf;
	*cap = ncap;
	*op = nbuf + used;
	*ol = ncap - used;
	return true;
}

/* How many of the first bytes of s are ASCII, four words at a time (a
 * 3,000-symbol refresh is some 850 KB), then a word, then a byte. */
static size_t ascii_head(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t w, x[4];

	for (; i + sizeof x <= len; i += sizeof x) {
		memcpy(x, s + i, sizeof x);
		if ((x[0] | x[1] | x[2] | x[3]) & 0x8080808080808080u)
			break;
	}
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080u)
			break;
	}
	while (i < len && !((unsigned char)s[i] & 0x80))
		i++;
	return i;
}

/* Convert len bytes in charset `from` to a new UTF-8 buffer. Bytes that
 * are not valid in it become U+FFFD and *bad counts them; strict stops at
 * the first (*bad is then 1 and the output partial). False only when
 * iconv does not know the charset, or on allocation failure. */
static bool convert(const char *from, bool strict, const char *in, size_t len, char **out,
		    size_t *outlen, size_t *bad, char *err, size_t errlen)
{
	iconv_t cd;
	char *buf, *ip, *op;
	size_t cap, limit, il, ol, nbad = 0, r;
	bool ok = true;

	*out = NULL;
	*outlen = 0;
	if (bad)
		*bad = 0;
	if (len > (SIZE_MAX - 16) / 4) {
		snprintf(err, errlen, "text too large (%zu bytes)", len);
		return false;
	}
	/* Four bytes of UTF-8 per input byte bound every charset iconv reads
	 * (a single-byte one makes at most three). */
	limit = 4 * len + 16;
	cap = len + len / 2 + 16; /* a typical body: ASCII plus some two-byte names */
	if (!(buf = malloc(cap))) {
		snprintf(err, errlen, "out of memory for %zu bytes of text", len);
		return false;
	}
	/* iconv(3) takes char ** for its input but never writes through it */
	ip = (char *)(uintptr_t)in;
	il = len;
	op = buf;
	ol = cap;
	/* ASCII is itself in UTF-8 and GB18030, and the text's first byte
	 * starts a character in both, so its ASCII head (all of a body whose
	 * names are in Latin letters) is copied: iconv costs some 20
	 * instructions a byte. */
	if (strcmp(from, "UTF-8") == 0 || strcmp(from, "GB18030") == 0) {
		size_t head = ascii_head(in, len);
		memcpy(op, in, head);
		ip += head;
		il -= head;
		op += head;
		ol -= head;
	}
	if (il == 0)
		goto done;
	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, "iconv cannot convert %s to UTF-8: %s", from, strerror(errno));
		free(buf);
		return false;
	}
	while (ok && il > 0) {
		r = iconv(cd, &ip, &il, &op, &ol);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			ok = reserve(&buf, &cap, limit, &op, &ol, ol + 16);
		} else if ((errno == EILSEQ || errno == EINVAL) && strict) {
			nbad = 1;
			break;
		} else if (errno == EILSEQ || errno == EINVAL) {
			/* One byte at a time: the next may start a good character. */
			ok = reserve(&buf, &cap, limit, &op, &ol, 3);
			if (ok) {
				memcpy(op, UTF8_REPLACEMENT, 3);
				op += 3;
				ol -= 3;
				ip++;
				il--;
				nbad++;
				iconv(cd, NULL, NULL, NULL, NULL);
			}
		} else {
			snprintf(err, errlen, "iconv: %s", strerror(errno));
			iconv_close(cd);
			free(buf);
			return false;
		}
	}
	iconv_close(cd);
done:
	if (!ok || !reserve(&buf, &cap, limit, &op, &ol, 1)) {
		snprintf(err, errlen, "out of memory converting %zu bytes of text", len);
		free(buf);
		return false;
	}
	*op = '\0';
	*out = buf;
	*outlen = (size_t)(op - buf);
	if (bad)
		*bad = nbad;
	return true;
}

bool charset_gbk_to_utf8(const char *in, size_t len, char **out, size_t *outlen,
			 size_t *bad, char *err, size_t errlen)
{
	return convert("GB18030", false, in, len, out, outlen, bad, err, errlen);
}

/* The charset= parameter of a Content-Type into buf ("" if none): the
 * value unquoted, lower-cased, and only if it looks like a charset name. */
static void declared_charset(const char *content_type, char *buf, size_t cap)
{
	const char *p = content_type;
	size_t n = 0;

	buf[0] = '\0';
	while (p && (p = strchr(p, ';'))) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "charset=", 8) != 0)
			continue;
		p += 8;
		if (*p == '"')
			p++;
		while (n + 1 < cap && p[n] && (isalnum((unsigned char)p[n]) || strchr("-_.:", p[n])))
			n++;
		if (p[n] && p[n] != '"' && p[n] != ';' && p[n] != ' ' && p[n] != '\t')
			n = 0; /* not a name we would hand to iconv */
		for (size_t i = 0; i < n; i++)
			buf[i] = (char)tolower((unsigned char)p[i]);
		buf[n] = '\0';
		return;
	}
}

static bool is_one_of(const char *name, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(name, *names) == 0)
			return true;
	return false;
}

bool charset_reply_to_utf8(const char *in, size_t len, const char *content_type,
			   char **out, size_t *outlen, char *err, size_t errlen)
{
	static const char *const gbk[] = { "gbk", "gb2312", "gb18030", "x-gbk", "cp936",
					   "euc-cn", NULL };
	static const char *const utf8[] = { "utf-8", "utf8", NULL };
	char declared[CHARSET_NAME_MAX], quoted[TEXT_QUOTE_SIZE];
	const char *order[3];
	size_t n = 0, bad;

	/* The declared charset first, then strict UTF-8, then the feeds' own
	 * GBK (read as its superset GB18030): the first in which every byte
	 * is valid wins. UTF-8 goes before GB18030 because nearly any pair
	 * of high bytes is GB18030, so UTF-8 text would read as mojibake,
	 * while real GBK text is almost never valid UTF-8. */
	declared_charset(content_type, declared, sizeof declared);
	if (is_one_of(declared, gbk))
		order[n++] = "GB18030";
	else if (declared[0] && !is_one_of(declared, utf8))
		order[n++] = declared;
	order[n++] = "UTF-8";
	if (!is_one_of(declared, gbk))
		order[n++] = "GB18030";
	for (size_t i = 0; i < n; i++) {
		if (!convert(order[i], true, in, len, out, outlen, &bad, err, errlen)) {
			if (order[i] == declared)
				continue; /* a charset iconv does not know: try ours */
			return false;
		}
		if (bad == 0)
			return true;
		free(*out);
		*out = NULL;
		*outlen = 0;
	}
	if (declared[0])
		snprintf(err, errlen, "not valid GBK or UTF-8 (declared charset %s)",
			 text_quote(quoted, sizeof quoted, declared, strlen(declared)));
	else
		snprintf(err, errlen, "not valid GBK or UTF-8");
	return false;
}
