/* test-charset.c - GBK/GB18030 bodies to UTF-8, lossy and bounded */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/charset.h"
#include "tap.h"

#define FFFD "\xef\xbf\xbd"

static void conv(const char *in, size_t len, const char *want, size_t want_len,
		 size_t want_bad, const char *what)
{
	char *out = NULL, err[128] = "";
	size_t outlen = 99, bad = 99;

	ok(charset_gbk_to_utf8(in, len, &out, &outlen, &bad, err, sizeof err), "%s converts", what);
	ok(out && outlen == want_len && memcmp(out, want, want_len) == 0, "%s: text", what);
	ok(out && out[outlen] == '\0', "%s: NUL-terminated", what);
	is_int(bad, want_bad, "%s: %zu bad byte(s)", what, want_bad);
	free(out);
}

#define CONV(in, want, bad, what) conv(in, sizeof in - 1, want, sizeof want - 1, bad, what)

/* A reply read by its Content-Type: want is the UTF-8 text, or NULL for
 * a body that must be refused. */
static void reply(const char *body, const char *ctype, const char *want, const char *what)
{
	char *out = NULL, err[200] = "";
	size_t outlen = 99;
	bool done = charset_reply_to_utf8(body, strlen(body), ctype, &out, &outlen, err, sizeof err);

	if (want) {
		ok(done, "%s: read", what);
		is_str(done ? out : err, want, "%s: as %s", what, want);
	} else {
		ok(!done && !out && outlen == 0, "%s: refused", what);
		ok(strncmp(err, "not valid GBK or UTF-8", 22) == 0, "%s: %s", what, err);
	}
	free(out);
}

static void reply_tests(void)
{
	static const char gbk[] = "\xcc\xda\xd1\xb6\xbf\xd8\xb9\xc9", utf8[] = "腾讯控股";
	static const char big5[] = "\xc4\xcb\xb0\x54"; /* 騰訊 */

	reply(gbk, NULL, "腾讯控股", "GBK, no Content-Type");
	reply(gbk, "text/plain", "腾讯控股", "GBK, no charset");
	/* Unlabelled UTF-8 is valid GB18030 too (nearly any high-byte pair
	 * is), but real GBK is almost never valid UTF-8: UTF-8 goes first */
	reply(utf8, NULL, "腾讯控股", "UTF-8, no Content-Type");
	reply(utf8, "text/plain", "腾讯控股", "UTF-8, no charset");
	reply(utf8, "text/plain; charset=klingon", "腾讯控股", "UTF-8, an unknown charset");
	reply(gbk, "text/plain; charset=GBK", "腾讯控股", "GBK as declared");
	reply(gbk, "text/plain; charset=gb2312", "腾讯控股", "gb2312 is read as GB18030");
	reply(utf8, "text/plain; charset=utf-8", "腾讯控股", "UTF-8 as declared");
	reply(utf8, "text/html;charset=\"UTF-8\"", "腾讯控股", "quoted and in capitals");
	reply(utf8, "text/html; foo=bar; Charset=utf8", "腾讯控股", "after another parameter");
	reply(gbk, "text/plain; charset=utf-8", "腾讯控股", "GBK labelled UTF-8 is read as GBK");
	reply(big5, "text/plain; charset=big5", "騰訊", "another charset iconv knows");
	reply(gbk, "text/plain; charset=klingon", "腾讯控股", "one it does not know is passed over");
	reply(gbk, "text/plain; charset=\x1b[2J", "腾讯控股", "nor is an escape handed to iconv");
	reply("v_hkHSI=\"1~2\";", "text/plain; charset=utf-8", "v_hkHSI=\"1~2\";", "ASCII");
	reply("a\xff\xfe", NULL, NULL, "valid in neither");
	reply("a\xff\xfe", "text/plain; charset=utf-8", NULL, "valid in neither, labelled UTF-8");
	reply("a\xe8", "text/plain; charset=utf-8", NULL, "cut mid-character in both");
}

int main(void)
{
	char *out, *big, err[128] = "";
	size_t outlen, bad, i, n = 1 << 20;

	/* The name the services actually send */
	CONV("\xcc\xda\xd1\xb6\xbf\xd8\xb9\xc9", "腾讯控股", 0, "腾讯控股 in GBK");
	CONV("\xb0\xa2\xc0\xef\xb0\xcd\xb0\xcd\xa3\xad\xa3\xd7", "阿里巴巴－Ｗ", 0, "fullwidth forms");
	CONV("\xba\xe3\xc9\xfa\xd6\xb8\xca\xfd", "恒生指数", 0, "恒生指数");
	CONV("v_r_hk00700=\"100~TENCENT\";\n", "v_r_hk00700=\"100~TENCENT\";\n", 0, "ASCII");
	CONV("", "", 0, "empty");
	CONV("a\0b", "a\0b", 0, "NUL kept (the parser works with lengths)");

	/* GB18030's four-byte forms reach all of Unicode, including the marks
	 * and controls the sanitiser must then remove */
	CONV("\x81\x36\xa7\x31", "\xe2\x80\xae", 0, "U+202E right-to-left override");
	CONV("\x81\x30\x83\x37", "\xc2\x9b", 0, "U+009B 8-bit CSI");
	CONV("\x95\x32\x82\x36", "\xf0\xa0\x80\x80", 0, "U+20000, four UTF-8 bytes");

	/* Lossy: one U+FFFD per byte that starts nothing valid */
	CONV("\xff", FFFD, 1, "0xff");
	CONV("a\xff" "b", "a" FFFD "b", 1, "0xff between letters");
	CONV("\x81\x20", FFFD " ", 1, "bad trail byte: the space survives");
	CONV("a\x81", "a" FFFD, 1, "lead byte cut at the end (EINVAL)");
	CONV("a\x81\x30\x81", "a" FFFD "0" FFFD, 2, "four-byte form cut at the end");
	CONV("\xcc\xda\xff\xd1\xb6", "腾" FFFD "讯", 1, "a bad byte inside a name");
	CONV("\xff\xff\xff", FFFD FFFD FFFD, 3, "only bad bytes");
	CONV("v_r_hk00700=\"100~\xcc\xda\xd1\xb6\xff~1\";", "v_r_hk00700=\"100~腾讯" FFFD "~1\";", 1,
	     "an ASCII head (copied, not converted), then GBK and a bad byte");

	/* The ASCII head before the first GBK byte at every length and
	 * alignment, across the scan's four-word, word and byte steps */
	{
		char in[96], want[96];
		int wrong = 0;

		for (size_t h = 0; h <= 80; h++) {
			memset(in, 'a', h);
			memcpy(in + h, "\xcc\xda" "b", 3);
			memset(want, 'a', h);
			memcpy(want + h, "腾b", sizeof "腾b" - 1);
			if (!charset_gbk_to_utf8(in, h + 3, &out, &outlen, &bad, err, sizeof err) ||
			    outlen != h + sizeof "腾b" - 1 || memcmp(out, want, outlen) != 0 || bad)
				wrong++;
			free(out);
		}
		is_int(wrong, 0, "an ASCII head of 0 to 80 bytes, then GBK");
	}

	/* bad may be NULL */
	ok(charset_gbk_to_utf8("\xff", 1, &out, &outlen, NULL, err, sizeof err) && outlen == 3,
	   "no counter wanted");
	free(out);

	/* A megabyte of two-byte characters grows the buffer past its first guess */
	big = malloc(n);
	for (i = 0; i + 1 < n; i += 2)
		memcpy(big + i, "\xcc\xda", 2);
	ok(charset_gbk_to_utf8(big, n, &out, &outlen, &bad, err, sizeof err), "1 MiB of 腾");
	is_int(outlen, n / 2 * 3, "1.5 times as long in UTF-8");
	ok(bad == 0 && memcmp(out + outlen - 3, "腾", 3) == 0, "to the last character");
	free(out);

	/* The worst case: every byte bad, three times as long, and no more
	 * (a quarter of the buffer: each bad byte is one iconv call, slow
	 * under ASan) */
	n /= 4;
	memset(big, 0xff, n);
	ok(charset_gbk_to_utf8(big, n, &out, &outlen, &bad, err, sizeof err), "1 MiB of 0xff");
	is_int(outlen, 3 * n, "three bytes of U+FFFD each");
	is_int(bad, n, "every one counted");
	free(out);
	free(big);

	/* Outputs are reset even when nothing is converted */
	out = (char *)err;
	outlen = 5;
	ok(charset_gbk_to_utf8("", 0, &out, &outlen, &bad, err, sizeof err) && out != err &&
	   outlen == 0, "empty input gives an empty, owned string");
	free(out);
	reply_tests();
	return tap_done();
}
