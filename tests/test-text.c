/* test-text.c - sanitising hostile text, display widths, spans and reply statements */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "base/text.h"

#define FFFD "\xef\xbf\xbd"

static void clean(const char *in, size_t len, const char *want, const char *what)
{
	char out[256];
	size_t n = text_sanitize(out, sizeof out, in, len);

	is_str(out, want, "sanitise: %s", what);
	is_int(n, strlen(want), "sanitise: %s: length", what);
}

#define CLEAN(lit, want, what) clean(lit, sizeof lit - 1, want, what)

static void sanitize_tests(void)
{
	char out[16], big[8192];
	size_t i;

	CLEAN("TENCENT", "TENCENT", "ASCII untouched");
	CLEAN("\xe8\x85\xbe\xe8\xae\xaf\xe6\x8e\xa7\xe8\x82\xa1", "腾讯控股", "Chinese untouched");
	CLEAN("\xf0\x9f\x93\x88 up", "\xf0\x9f\x93\x88 up", "four-byte character untouched");

	/* Invalid UTF-8 becomes U+FFFD, one per maximal bad subpart */
	CLEAN("a\x80" "b", "a" FFFD "b", "stray continuation byte");
	CLEAN("a\xff" "b", "a" FFFD "b", "0xff");
	CLEAN("a\xe8\x85" "b", "a" FFFD "b", "truncated three-byte character");
	CLEAN("a\xe8\x85", "a" FFFD, "truncated at the end");
	CLEAN("\xc0\xaf", FFFD FFFD, "overlong '/'");
	CLEAN("\xe0\x80\xaf", FFFD FFFD FFFD, "overlong three-byte");
	CLEAN("\xed\xa0\x80", FFFD FFFD FFFD, "UTF-16 surrogate");
	CLEAN("\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD, "beyond U+10FFFF");
	CLEAN("\xf5\x80", FFFD FFFD, "0xf5 lead");
	/* Raw GBK 腾讯 is mostly invalid UTF-8, but d1 b6 happens to be U+0476:
	 * why bodies must be decoded, not merely validated */
	CLEAN("\xcc\xda\xd1\xb6", FFFD FFFD "\xd1\xb6", "raw GBK is not passed through");

	/* Controls */
	CLEAN("a\x01\x02\x7f" "b", "ab", "C0 and DEL dropped");
	CLEAN("a\0b", "ab", "NUL dropped");
	CLEAN("a\xc2\x80\xc2\x85\xc2\x9c" "b", "ab", "C1 dropped");
	CLEAN("a\x07\x08" "b", "ab", "BEL and BS dropped");

	/* Escape sequences, removed whole */
	CLEAN("TEN\x1b[31mCENT\x1b[0m", "TENCENT", "CSI colour");
	CLEAN("\x1b[2J\x1b[H" "x", "x", "CSI clear and home");
	CLEAN("a\x1b[?1049h" "b", "ab", "CSI private mode");
	CLEAN("a\x1b[38;5;196m" "b", "ab", "CSI 256 colours");
	CLEAN("a\x1b[", "a", "CSI cut short at the end");
	CLEAN("a\x1b[12\xe8\x85\xbe", "a腾", "CSI cut short by a character, which stays");
	CLEAN("a\x1b]0;pwned\x07" "b", "ab", "OSC title, BEL-terminated");
	CLEAN("a\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\" "b", "alinkb", "OSC 8 hyperlink, ST-terminated");
	CLEAN("a\x1b]52;c;cGF5bG9hZA==", "a", "unterminated OSC 52 swallows the rest");
	CLEAN("a\x1bP1$r\x1b\\" "b", "ab", "DCS");
	CLEAN("a\x1b_payload\x1b\\" "b", "ab", "APC");
	CLEAN("a\x1b^pm\x1b\\" "b", "ab", "PM");
	CLEAN("a\x1bXsos\xc2\x9c" "b", "ab", "SOS ended by 8-bit ST");
	CLEAN("a\x1b(B" "b", "ab", "ESC ( B charset");
	CLEAN("a\x1b" "7b\x1b" "8", "ab", "ESC 7 / ESC 8");
	CLEAN("a\x1b" "cb", "ab", "ESC c reset");
	CLEAN("a\x1b", "a", "lone ESC at the end");
	CLEAN("a\x1b\x1b[1m" "b", "ab", "ESC ESC [");
	CLEAN("a\x1b\xe8\x85\xbe", "a腾", "ESC before a character drops only the ESC");
	CLEAN("a\xc2\x9b" "31mb", "ab", "8-bit CSI");
	CLEAN("a\xc2\x9d" "0;t\x07" "b", "ab", "8-bit OSC");
	CLEAN("a\xc2\x90" "x\xc2\x9c" "b", "ab", "8-bit DCS");

	/* Bidi and invisible marks */
	CLEAN("a\xe2\x80\xae" "b", "ab", "RLO");
	CLEAN("a\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad" "b", "ab", "LRE RLE PDF LRO");
	CLEAN("a\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9" "b", "ab", "isolates");
	CLEAN("a\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c" "b", "ab", "LRM RLM ALM");
	CLEAN("\xef\xbb\xbf" "a", "a", "BOM");

	/* Whitespace */
	CLEAN("  Hang\tSeng \r\n Index  ", "Hang Seng Index", "whitespace collapsed and trimmed");
	CLEAN("a\xe3\x80\x80\xc2\xa0" "b", "a b", "ideographic space and NBSP");
	CLEAN("a \x1b[1m b", "a b", "spaces either side of an escape");
	CLEAN(" \t\n", "", "only whitespace");
	CLEAN("", "", "empty");

	/* Truncation on a character boundary, and the NUL always written */
	is_int(text_sanitize(out, 8, "腾讯控股", strlen("腾讯控股")), 6, "8 bytes hold two CJK characters");
	is_str(out, "腾讯", "and not a broken third");
	is_int(text_sanitize(out, 3, "abc", 3), 2, "cap 3 holds two bytes");
	is_str(out, "ab", "plus the NUL");
	is_int(text_sanitize(out, 1, "abc", 3), 0, "cap 1 holds only the NUL");
	is_str(out, "", "which is there");
	out[0] = 'x';
	is_int(text_sanitize(out, 0, "abc", 3), 0, "cap 0 writes nothing");
	ok(out[0] == 'x', "not even a NUL");
	is_int(text_sanitize(out, 4, "ab cd", 5), 2, "a space that would end the buffer is not written");
	is_str(out, "ab", "so no trailing space");
	is_int(text_sanitize(out, 6, "a\xe4\xb8\xad" "b", 5), 5, "ASCII after a CJK character, to the last byte");
	is_str(out, "a\xe4\xb8\xad" "b", "all of it");
	is_int(text_sanitize(out, 5, "\xe4\xb8\xad b", 5), 3, "a space and ASCII that do not fit");
	is_str(out, "\xe4\xb8\xad", "leave the CJK character alone");

	/* A long hostile run stays bounded and valid */
	for (i = 0; i + 3 < sizeof big; i += 3)
		memcpy(big + i, "\x1b[m", 3);
	big[i] = 'z';
	is_int(text_sanitize(out, sizeof out, big, i + 1), 1, "thousands of escapes");
	is_str(out, "z", "leave what follows");
}

static void quote_error_tests(void)
{
	char err[128], tiny[12];

	text_quote_error(err, sizeof err, "XYZ", "not a symbol");
	is_str(err, "\"XYZ\": not a symbol", "quoted input and cause");
	text_quote_error(err, sizeof err, "a\x1b[2Jb", "bad");
	is_str(err, "\"ab\": bad", "input is sanitised");
	text_quote_error(err, sizeof err, "0123456789012345678901234567890123456789", "too long");
	is_str(err, "\"01234567890123456789012345678901\xe2\x80\xa6\": too long", "cut to 32 characters");
	{
		char small[11]; /* "\"x\": ab " and two bytes of the last character */

		text_quote_error(small, sizeof small, "x", "ab \xed\x95\x9c");
		is_str(small, "\"x\": ab", "a cut character goes, and the space before it");
	}
	text_quote_error(err, sizeof err, "腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股", "x");
	is_str(err, "\"腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股腾讯控股\xe2\x80\xa6\": x",
	       "32 characters, not bytes");
	text_quote_error(err, sizeof err, "a\xff", "b\xef\xbf\xbd");
	is_str(err, "\"a\xef\xbf\xbd\": b\xef\xbf\xbd", "a U+FFFD at the very end is kept");
	text_quote_error(tiny, sizeof tiny, "腾讯控股", "x");
	is_str(tiny, "\"腾讯控", "a short buffer ends on a whole character");
	{
		static const char span[] = "0700\x1b]0;title\x07 more";
		char q[TEXT_QUOTE_SIZE], wide[33 * 4 + 1] = "";

		is_str(text_quote(q, sizeof q, span, 4), "\"0700\"", "a span is quoted to its length");
		is_str(text_quote(q, sizeof q, span, sizeof span - 1), "\"0700 more\"",
		       "an OSC in it is dropped");
		for (int i = 0; i < 33; i++)
			strcat(wide, "\xf0\x9f\x98\x80"); /* four bytes each */
		text_quote(q, sizeof q, wide, strlen(wide));
		ok(strlen(q) > 2 && q[strlen(q) - 1] == '"',
		   "TEXT_QUOTE_SIZE holds 32 four-byte characters, the ellipsis and both quotes");
	}
}

static void width_tests(void)
{
	int used = -1;

	is_int(text_width("TENCENT"), 7, "ASCII width");
	is_int(text_width("腾讯控股"), 8, "CJK is two columns each");
	is_int(text_width("阿里巴巴－Ｗ"), 12, "fullwidth forms too");
	is_int(text_width("e\xcc\x81"), 1, "combining accent takes none");
	is_int(text_width("a\x80" "b"), 3, "an invalid byte counts as one U+FFFD");
	is_int(text_width("a\x01" "b"), 3, "a control counts as one U+FFFD");
	is_int(text_width(""), 0, "empty");

	is_int(text_fit("腾讯控股", 5, &used), 6, "5 columns hold two CJK characters");
	is_int(used, 4, "using 4");
	is_int(text_fit("腾讯控股", 8, &used), 12, "8 columns hold all four");
	is_int(used, 8, "using 8");
	is_int(text_fit("TENCENT", 3, &used), 3, "ASCII cut");
	is_int(text_fit("e\xcc\x81x", 1, &used), 3, "a combining mark stays with its base");
	is_int(text_fit("abc", 0, &used), 0, "zero columns");
	is_int(used, 0, "use none");
	is_int(text_fit("abc", -5, &used), 0, "negative columns");
	is_int(text_fit("ab", 10, NULL), 2, "used may be NULL");
}

static void span_tests(void)
{
	struct text_span f[4], s = { "a~~b~", 5 };

	is_int(text_split(s, '~', f, 4), 4, "four fields, two empty");
	ok(f[0].len == 1 && f[1].len == 0 && f[2].len == 1 && f[3].len == 0, "field lengths");
	ok(f[2].p == s.p + 3, "fields point into the input");
	is_int(text_split(s, '~', f, 2), 4, "the count goes past max");
	s.len = 0;
	is_int(text_split(s, '~', f, 4), 1, "empty text is one empty field");
	s.p = "100~x";
	s.len = 3;
	ok(text_span_is(s, "100"), "span equals");
	ok(!text_span_is(s, "10"), "shorter string differs");
	ok(!text_span_is(s, "1000"), "longer string differs");
}

/* text_split against the plain definition, on text of every length up to
 * 40 at every alignment, made of the separator and the bytes a
 * word-at-a-time search could mistake for it (0x7f and 0xfe differ from
 * '~' in one bit, NUL is what it turns a separator into), with every max. */
static void split_reference_tests(void)
{
	static const char bytes[] = { '~', 'a', 0x7f, (char)0xfe, 0, (char)0xff, 0x01, '~', '}' };
	char buf[64];
	struct text_span got[48], want[48];
	size_t ends[48];
	unsigned seed = 1, bad_count = 0, bad_field = 0, cases = 0;

	for (size_t len = 0; len <= 40; len++) {
		for (size_t off = 0; off < 8; off++) {
			for (int round = 0; round < 6; round++) {
				struct text_span s = { buf + off, len };
				size_t n = 0, start = 0, max = (len + round) % 45, got_n;
				for (size_t i = 0; i < len; i++) {
					seed = seed * 1103515245u + 12345u;
					buf[off + i] = bytes[(seed >> 16) % sizeof bytes];
				}
				for (size_t i = 0; i <= len; i++) {
					if (i < len && buf[off + i] != '~')
						continue;
					want[n].p = buf + off + start;
					want[n].len = i - start;
					n++;
					start = i + 1;
				}
				memset(got, 0, sizeof got);
				got_n = text_split(s, '~', got, max);
				cases++;
				if (got_n != n)
					bad_count++;
				for (size_t i = 0; i < n && i < max; i++)
					if (got[i].p != want[i].p || got[i].len != want[i].len)
						bad_field++;
				for (size_t i = max; i < 48; i++)
					if (got[i].p)
						bad_field++; /* written past max */
				/* the same split by where each field ends */
				for (size_t i = 0; i < 48; i++)
					ends[i] = SIZE_MAX;
				if (text_split_ends(s, '~', ends, max) != n)
					bad_count++;
				for (size_t i = 0; i < n && i < max; i++) {
					struct text_span f = text_field(s, ends, i);
					if (f.p != want[i].p || f.len != want[i].len)
						bad_field++;
				}
				for (size_t i = max; i < 48; i++)
					if (ends[i] != SIZE_MAX)
						bad_field++;
			}
		}
	}
	ok(cases == 41 * 8 * 6, "split: %u texts against the definition", cases);
	is_int(bad_count, 0, "split and split_ends: every count right");
	is_int(bad_field, 0, "split and split_ends: every field right, none past max");
}

static void assign_tests(void)
{
	static const char body[] =
		"HTTP/1.1 200 OK\r\n"
		"v_r_hk00700=\"100~a\";\r\n"
		"junk v_x=\"no\";\n"
		"v_hkHSI=\"\";v_usBABA=\"200~b;c\";\n"
		"v_bad name=\"x\";\n"
		"v_null=null;\n"
		"  v_cut=\"1~2~3\r\n"
		"v_pv_none_match=\"1\";\n"
		"v_last=\"9";
	const char *pos = body, *end = body + sizeof body - 1;
	struct text_assign a;

	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.name, "r_hk00700"), "first statement");
	ok(text_span_is(a.value, "100~a") && a.closed, "its value, closed");
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.name, "hkHSI"), "junk line skipped");
	ok(a.value.len == 0 && a.closed, "empty value");
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.name, "usBABA"), "';' separates on one line");
	ok(text_span_is(a.value, "200~b;c"), "';' inside quotes is data");
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.name, "cut"), "malformed ones skipped");
	ok(text_span_is(a.value, "1~2~3") && !a.closed, "an unclosed value ends at its line, CR dropped");
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.name, "pv_none_match"), "none_match line");
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.name, "last"), "last statement");
	ok(text_span_is(a.value, "9") && !a.closed, "cut by the end of the body");
	ok(!text_next_assign(&pos, end, "v_", &a), "then no more");
	ok(!text_next_assign(&pos, end, "v_", &a), "and still no more");

	pos = "var hq_str_rt_hk00700=\"A,B\";\nvar hq_str_rt_hkHSI=\"H\";";
	end = pos + strlen(pos);
	ok(text_next_assign(&pos, end, "var hq_str_", &a) && text_span_is(a.name, "rt_hk00700") &&
	   text_span_is(a.value, "A,B"), "Sina's prefix");
	ok(text_next_assign(&pos, end, "var hq_str_", &a) && text_span_is(a.name, "rt_hkHSI"), "second");
	pos = "v_";
	end = pos + 2;
	ok(!text_next_assign(&pos, end, "v_", &a), "a bare prefix is nothing");
	pos = "v_x=\"";
	end = pos + 5;
	ok(text_next_assign(&pos, end, "v_", &a) && a.value.len == 0 && !a.closed, "an opening quote at the end");
	pos = "v_x=\"1~2\n~3\";v_y=\"4\";";
	end = pos + strlen(pos);
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.value, "1~2") && !a.closed,
	   "a line end before the quote ends the value, unclosed");
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.name, "y") &&
	   text_span_is(a.value, "4") && a.closed, "and the next statement is found");
	pos = "v_x=\"1~2\r";
	end = pos + strlen(pos);
	ok(text_next_assign(&pos, end, "v_", &a) && text_span_is(a.value, "1~2") && !a.closed,
	   "a CR at the end of the body is dropped too");
}

static void small_tests(void)
{
	char u[4];

	ok(text_starts_ci("HTTPS://x", 9, "https://"), "starts_ci: any case");
	ok(text_starts_ci("http", 4, "http"), "starts_ci: the whole string");
	ok(!text_starts_ci("htt", 3, "http"), "starts_ci: too short");
	ok(!text_starts_ci("HTTPX", 5, "https"), "starts_ci: a different letter");
	ok(!text_starts_ci("\xc4\xb0", 2, "i"), "starts_ci: ASCII only");
	is_int(text_utf8_encode('A', u), 1, "utf8: ASCII in one byte");
	is_int(text_utf8_encode(0xe9, u), 2, "utf8: U+00E9 in two");
	ok(memcmp(u, "\xc3\xa9", 2) == 0, "utf8: as C3 A9");
	is_int(text_utf8_encode(0x4e2d, u), 3, "utf8: U+4E2D in three");
	ok(memcmp(u, "\xe4\xb8\xad", 3) == 0, "utf8: as E4 B8 AD");
	is_int(text_utf8_encode(0x10ffff, u), 4, "utf8: U+10FFFF in four");
	ok(memcmp(u, "\xf4\x8f\xbf\xbf", 4) == 0, "utf8: as F4 8F BF BF");
}

static void test_swap_source(void)
{
	char e[32] = "tencent: 0005: no data", small[12] = "yahoo: x";

	ok(text_swap_source(e, sizeof e, "tencent", "demo"), "tencent: ... swapped");
	is_str(e, "demo: 0005: no data", "for demo: ...");
	ok(!text_swap_source(e, sizeof e, "tencent", "demo"), "no tencent: left alone");
	ok(!text_swap_source(e, sizeof e, "dem", "x"), "a prefix of the name is not the name");
	ok(!text_swap_source(small, sizeof small, "yahoo", "a-longer-name"), "what does not fit is not done");
	is_str(small, "yahoo: x", "and left as it was");
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	sanitize_tests();
	quote_error_tests();
	width_tests();
	span_tests();
	split_reference_tests();
	assign_tests();
	small_tests();
	test_swap_source();
	return tap_done();
}
