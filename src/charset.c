/* charset.c - GBK (and GB18030) text from the quote feeds to UTF-8 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"

#define UTF8_REPLACEMENT "\xef\xbf\xbd"

/* Make room for at least need more bytes at *op. The output can never
 * pass three bytes per input byte: GB18030's two-byte characters become
 * at most three, its four-byte ones at most four, and an undecodable byte
 * becomes the three of U+FFFD. So growth is bounded by 3 * len, not by
 * whatever a hostile body would like. */
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

bool charset_gbk_to_utf8(const char *in, size_t len, char **out, size_t *outlen,
			 size_t *bad, char *err, size_t errlen)
{
	iconv_t cd;
	char *buf, *ip, *op;
	size_t cap, limit, il, ol, nbad = 0, r;
	bool ok = true;

	*out = NULL;
	*outlen = 0;
	if (bad)
		*bad = 0;
	if (len > (SIZE_MAX - 16) / 3) {
		snprintf(err, errlen, "GBK text too large (%zu bytes)", len);
		return false;
	}
	limit = 3 * len + 16;
	cap = len + len / 2 + 16; /* a typical body: ASCII plus some two-byte names */
	if (!(buf = malloc(cap))) {
		snprintf(err, errlen, "out of memory for %zu bytes of GBK text", len);
		return false;
	}
	cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1) {
		snprintf(err, errlen, "iconv cannot convert GB18030 to UTF-8: %s", strerror(errno));
		free(buf);
		return false;
	}
	/* iconv(3) takes char ** for its input but never writes through it */
	ip = (char *)(uintptr_t)in;
	il = len;
	op = buf;
	ol = cap;
	while (ok && il > 0) {
		r = iconv(cd, &ip, &il, &op, &ol);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			ok = reserve(&buf, &cap, limit, &op, &ol, ol + 16);
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
	if (!ok || !reserve(&buf, &cap, limit, &op, &ol, 1)) {
		snprintf(err, errlen, "out of memory converting %zu bytes of GBK text", len);
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
