/* test-symbol.c - every way a trader writes a symbol, and every source's code */
#include "config.h"

#include <stdio.h>

#include "model/symbol.h"
#include "tap.h"

static void same(const char *text, const char *code, const char *display)
{
	struct instrument in;
	char err[128] = "";

	ok(symbol_parse(text, &in, err, sizeof err), "\"%s\" parses", text);
	is_str(in.code, code, "\"%s\" has code %s", text, code);
	is_str(in.display, display, "\"%s\" shows as %s", text, display);
}

static void bad(const char *text, const char *want_err)
{
	struct instrument in;
	char err[128] = "";

	ok(!symbol_parse(text, &in, err, sizeof err), "\"%s\" is refused", text);
	is_str(err, want_err, "cause for \"%s\"", text);
}

static void codes(const char *text, const char *tencent, const char *sina,
		  const char *em, const char *yahoo)
{
	struct instrument in;
	char err[128], buf[32];

	symbol_parse(text, &in, err, sizeof err);
	if (tencent)
		ok(symbol_tencent(&in, true, buf, sizeof buf) && !strcmp(buf, tencent),
		   "%s tencent %s (got %s)", text, tencent, buf);
	else
		ok(!symbol_tencent(&in, true, buf, sizeof buf), "%s has no tencent code", text);
	if (sina)
		ok(symbol_sina(&in, buf, sizeof buf) && !strcmp(buf, sina),
		   "%s sina %s (got %s)", text, sina, buf);
	else
		ok(!symbol_sina(&in, buf, sizeof buf), "%s has no sina code", text);
	if (em)
		ok(symbol_eastmoney(&in, buf, sizeof buf) && !strcmp(buf, em),
		   "%s eastmoney %s (got %s)", text, em, buf);
	else
		ok(!symbol_eastmoney(&in, buf, sizeof buf), "%s has no eastmoney code", text);
	ok(symbol_yahoo(&in, buf, sizeof buf) && !strcmp(buf, yahoo),
	   "%s yahoo %s (got %s)", text, yahoo, buf);
}

static struct instrument sym(const char *text)
{
	struct instrument in;
	char err[128];

	symbol_parse(text, &in, err, sizeof err);
	return in;
}

/* The index behind the watchlist's duplicate check and the board's finds. */
static void index_tests(void)
{
	struct symbol_index ix = { 0 };
	struct instrument v[6] = { sym("700"), sym("HSI"), sym("0700.HK"), sym("BABA"),
				   sym("hkHSI"), sym("9988") };
	struct instrument hk700 = sym("700"), us = sym("usBABA"), none = sym("5");
	size_t n = 6;
	long found = 0;

	is_int(symbol_index_find(&ix, &hk700), -1, "an empty index finds nothing");
	is_int(symbol_index_add(&ix, &v[0], 0), 0, "added at 0");
	is_int(symbol_index_add(&ix, &v[2], 7), 0, "0700.HK is 700: the first position stands");
	is_int(symbol_index_add(&ix, &us, 3), 3, "usBABA added at 3");
	is_int(symbol_index_find(&ix, &v[3]), 3, "BABA found as usBABA");
	is_int(symbol_index_find(&ix, &none), -1, "0005 is not there");
	for (size_t i = 0; i < 5000; i++) {
		char code[8];
		struct instrument in;
		snprintf(code, sizeof code, "%zu", i + 10);
		in = sym(code);
		symbol_index_add(&ix, &in, i + 10);
	}
	is_int(ix.n, 5001, "4,999 more (700 was among them), through several growths");
	is_int(symbol_index_find(&ix, &hk700), 0, "and 700 kept its first position");
	for (size_t i = 0; i < 5000; i++) {
		char code[8];
		struct instrument in;
		snprintf(code, sizeof code, "%zu", i + 10);
		in = sym(code);
		found += symbol_index_find(&ix, &in) == (long)(i == 690 ? 0 : i + 10);
	}
	is_int(found, 5000, "each found at its position");
	symbol_index_clear(&ix);
	is_int(symbol_index_find(&ix, &hk700), -1, "cleared");
	symbol_index_done(&ix);

	ok(symbol_dedup(v, &n), "dedup");
	is_int(n, 4, "0700.HK and hkHSI were repeats");
	is_str(v[0].display, "0700", "order kept: 0700");
	is_str(v[1].display, "HSI", "HSI");
	is_str(v[2].display, "BABA", "BABA");
	is_str(v[3].display, "9988", "9988");
}

int main(void)
{
	struct instrument a, b;
	char err[128], small[4];

	index_tests();

	/* The list: all one instrument. */
	same("700", "00700", "0700");
	same("0700", "00700", "0700");
	same("00700", "00700", "0700");
	same("0700.HK", "00700", "0700");
	same("0700.hk", "00700", "0700");
	same("hk00700", "00700", "0700");
	same("HK.00700", "00700", "0700");
	same("r_hk00700", "00700", "0700");
	same("rt_hk00700", "00700", "0700");
	same("  9988 ", "09988", "9988");
	same("1", "00001", "0001");
	same("80737", "80737", "80737");
	/* Indexes */
	same("HSI", "HSI", "HSI");
	same("^HSI", "HSI", "HSI");
	same("hsi", "HSI", "HSI");
	same("hkHSI", "HSI", "HSI");
	same("HSTECH", "HSTECH", "HSTECH");
	same("HSTECH.HK", "HSTECH", "HSTECH");
	same("HSCEI", "HSCEI", "HSCEI");
	same("^HSCE", "HSCEI", "HSCEI");
	/* US */
	same("BABA", "BABA", "BABA");
	same("baba", "BABA", "BABA");
	same("usBABA", "BABA", "BABA");
	same("BABA.N", "BABA", "BABA");
	same("BIDU.OQ", "BIDU", "BIDU");
	same("BABA.US", "BABA", "BABA");
	same("usb", "USB", "USB");
	bad("BRK.B", "\"BRK.B\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	/* Found by fuzz/symbol-fuzzer: a share class would read back as a venue. */
	bad("s.N.N", "\"s.N.N\": not a symbol (try 700, 0700.HK, HSI or BABA)");

	symbol_parse("0700.HK", &a, err, sizeof err);
	symbol_parse("700", &b, err, sizeof err);
	ok(symbol_equal(&a, &b), "0700.HK equals 700");
	symbol_parse("HSI", &b, err, sizeof err);
	ok(!symbol_equal(&a, &b), "0700 is not HSI");

	bad("", "\"\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("0", "\"0\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("00000", "\"00000\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("123456", "\"123456\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("0700.HKX", "\"0700.HKX\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("TOOLONG", "\"TOOLONG\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("BA BA", "\"BA BA\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("-700", "\"-700\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("7\x1b[31m", "\"7\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("hk.", "\"hk.\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	ok(!symbol_parse(NULL, &a, err, sizeof err), "NULL is refused");
	/* Found by fuzz/symbol-fuzzer: an index's alias with a US venue
	 * suffix must not become a US ticker whose display form reads back
	 * as the index. */
	bad("HSCE.OQ", "\"HSCE.OQ\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("HSI.US", "\"HSI.US\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	bad("usHSTECH", "\"usHSTECH\": not a symbol (try 700, 0700.HK, HSI or BABA)");

	codes("700", "r_hk00700", "rt_hk00700", "116.00700", "0700.HK");
	codes("9988", "r_hk09988", "rt_hk09988", "116.09988", "9988.HK");
	codes("80737", "r_hk80737", "rt_hk80737", "116.80737", "80737.HK");
	codes("HSI", "hkHSI", "rt_hkHSI", "100.HSI", "^HSI");
	codes("HSTECH", "hkHSTECH", "rt_hkHSTECH", "124.HSTECH", "HSTECH.HK");
	codes("HSCEI", "hkHSCEI", "rt_hkHSCEI", "100.HSCEI", "^HSCE");
	codes("BABA", "usBABA", NULL, "106.BABA", "BABA");
	codes("BIDU", "usBIDU", NULL, "105.BIDU", "BIDU");
	codes("AAPL", "usAAPL", NULL, NULL, "AAPL");

	symbol_parse("700", &a, err, sizeof err);
	ok(symbol_tencent(&a, false, small, sizeof small) == false, "short buffer refused");
	{
		char buf[32];
		ok(symbol_tencent(&a, false, buf, sizeof buf) && !strcmp(buf, "hk00700"),
		   "delayed Tencent form hk00700");
	}
	return tap_done();
}
