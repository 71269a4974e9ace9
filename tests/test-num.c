/* test-num.c - strict decimal parsing, scaling, consistency checks, formatting */
#include "config.h"

#include <locale.h>

#include "base/num.h"
#include "tap.h"

static void good(const char *s, double v, int dp)
{
	struct num n;

	ok(num_parse(s, strlen(s), &n) && n.ok, "\"%s\" parses", s);
	is_num(n.v, v, 1e-9 * (1 + fabs(v)), "\"%s\" value", s);
	is_int(n.dp, dp, "\"%s\" has %d decimals", s, dp);
}

static void bad(const char *s, size_t len)
{
	struct num n = { 1, 1, true };

	ok(!num_parse(s, len, &n) && !n.ok, "\"%.*s\" is refused", (int)len, s);
}

static void fmt(struct num n, const char *want)
{
	char buf[64];

	num_format(n, buf, sizeof buf);
	is_str(buf, want, "formats as \"%s\"", want);
}

static struct num N(const char *s)
{
	struct num n;

	num_parse(s, strlen(s), &n);
	return n;
}

int main(void)
{
	static const char *const refused[] = {
		"", "-", "+", ".", "5.", ".5", "-.5", "1.2.3", " 1", "1 ", "1e5", "1E5",
		"0x10", "0X1A", "inf", "-inf", "INF", "nan", "NaN", "infinity", "1,000",
		"1_000", "--1", "+-1", "١٢", "1.0e", "4 78.8", "12a", "abc", "\xe4\xb8\x80",
		"1234567890123456789", /* 19 significant digits */
		"0.0000000000000000001", /* 19 decimals */
		"1.0000000000000000000",
		/* more digits than a double holds: each would print as another number */
		"999999999999999999", "123456789012345678", "9007199254740993",
		"-999999999999999999", "99999999999999.999", "99999999999999.99",
		"100000000000000000", /* 1e17 is a double, but not every neighbour is: past 2^53 none is taken */
		/* counted by where the digits end: runs long enough to wrap the mantissa */
		"18446744073709551617", "1844674407370955161700000000000000000001",
		"12345678901234567.8", "1.234567890123456789", "0.00000000000000000000001",
		"000000000000000000001234567890123456789", "0.0000001234567890123456789",
	};
	struct num n, s;
	char buf[64], small[4];
	size_t i;

	/* The figures the feeds send */
	good("478.800", 478.8, 3);
	good("-0.400", -0.4, 3);
	good("+1.5", 1.5, 1);
	good("16319939.0", 16319939, 1);
	good("7803757295.250", 7803757295.25, 3);
	good("43488.0714", 43488.0714, 4);
	good("9082721689.00", 9082721689.0, 2);
	good("100", 100, 0);
	good("00700", 700, 0);
	good("0", 0, 0);
	good("0.000", 0, 3);
	good("0.05", 0.05, 2);
	good("9007199254740991", 9007199254740991.0, 0); /* 2^53 - 1: every digit exact */
	/* 2^50 - 1 and 2^50 digits: the last taken without the print-back check,
	 * the first with it */
	good("11258999068426.23", 11258999068426.23, 2);
	good("1125899906842.624", 1125899906842.624, 3);
	good("9999999999999.99", 9999999999999.99, 2);
	good("0.000000000000001234", 1.234e-15, 18);
	good("0.000000000000000001", 1e-18, 18);
	good("000000000000000000000001", 1, 0); /* leading zeros are not precision */
	good("0000000000000000000000000000.5", 0.5, 1);
	good("00.000000000000000012", 1.2e-17, 18);
	good("-0.5", -0.5, 1);
	good("-0.000", 0, 3);
	ok(num_parse("-0.000", 6, &n) && !signbit(n.v), "\"-0.000\" is +0, never printed \"-0.000\"");

	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		bad(refused[i], strlen(refused[i]));
	/* The span decides, not a NUL: "478.8" inside a longer buffer */
	ok(num_parse("478.800~479", 7, &n) && n.v == 478.8 && n.dp == 3, "parses a span, not to NUL");
	bad("478.800~479", 8);
	bad("1\0" "2", 3);
	bad("478.800\r", 8);
	is_str(num_refusal("999999999999999999", 18), "has more digits than a double holds exactly",
	       "a figure too long for a double says so");
	is_str(num_refusal("-0.0000000000000000001", 22), "has more digits than a double holds exactly",
	       "so do too many decimals");
	is_str(num_refusal("12a", 3), "is not a number", "a figure with a letter is not a number");
	is_str(num_refusal("1.2.3", 5), "is not a number", "nor one with two points");
	is_str(num_refusal("", 0), "is not a number", "nor nothing");
	is_str(num_refusal("5.", 2), "is not a number", "nor a truncation");
	ok(num_exact(9999999999999.99, 2) && !num_exact(1e300, 2) && !num_exact(1e16, 0) &&
	   !num_exact(NAN, 0) && !num_exact(1, 19), "num_exact: below 2^53 at the decimals");

	/* 亿 to units */
	s = num_scale(N("43488.0714"), 1e8, 8);
	ok(s.ok && s.dp == 0, "43488.0714 亿 has no decimals left");
	is_num(s.v, 4348807140000.0, 0, "43488.0714 亿 is exactly 4348807140000");
	fmt(s, "4348807140000");
	s = num_scale(N("2876.54"), 1e8, 8);
	fmt(s, "287654000000");
	s = num_scale(N("1.5"), 1e-2, -2);
	ok(s.ok && s.dp == 3, "dividing adds decimals");
	fmt(s, "0.015");
	n.ok = false;
	ok(!num_scale(n, 1e8, 8).ok, "scaling an unknown figure keeps it unknown");
	ok(!num_scale(N("12345678901234567"), 1e300, 0).ok, "an overflowing scale is unknown, not inf");
	ok(!num_scale(N("123456789.1234"), 1e8, 8).ok,
	   "a scaled figure past what a double holds is unknown, not rounded");

	/* f31 = f3 - f4, within the rounding of the three */
	ok(num_diff_consistent(N("478.800"), N("479.200"), N("-0.400")), "change -0.400 = 478.800 - 479.200");
	ok(num_diff_consistent(N("478.800"), N("479.200"), N("-0.401")), "one unit off is rounding");
	ok(num_diff_consistent(N("478.80"), N("479.20"), N("-0.41")), "one unit off at 2 decimals");
	ok(!num_diff_consistent(N("478.80"), N("479.20"), N("-0.42")), "two units off at 2 decimals");
	ok(!num_diff_consistent(N("478.800"), N("479.200"), N("-0.402")), "two units off is not");
	ok(!num_diff_consistent(N("478.800"), N("479.200"), N("0.400")), "the wrong sign is not");
	ok(num_diff_consistent(N("24858.820"), N("24961.460"), N("-102.640")), "index change");
	ok(num_diff_consistent(N("478.8"), N("479.2"), N("-0.40")), "mixed decimals");
	ok(!num_diff_consistent(N("478.800"), N("479.200"), N("-0.45")), "mixed decimals, too far");
	n.ok = false;
	ok(num_diff_consistent(N("478.800"), N("479.200"), n), "an unknown change contradicts nothing");

	/* low <= x <= high */
	ok(num_within(N("478.800"), N("475.400"), N("483.200")), "price within the day");
	ok(num_within(N("475.400"), N("475.400"), N("483.200")), "price at the low");
	ok(num_within(N("483.200"), N("475.400"), N("483.200")), "price at the high");
	ok(!num_within(N("483.201"), N("475.400"), N("483.200")), "price above the high");
	ok(!num_within(N("475.399"), N("475.400"), N("483.200")), "price below the low");
	ok(!num_within(N("478.800"), N("483.200"), N("475.400")), "low above high");
	ok(num_within(N("478.800"), N("0"), N("0")), "no range yet (0/0) contradicts nothing");
	ok(num_within(N("478.800"), n, N("483.200")), "an unknown low contradicts nothing");

	/* change % */
	ok(num_pct_consistent(N("-0.08"), N("-0.400"), N("479.200")), "-0.08%% of 479.2");
	ok(num_pct_consistent(N("1.653"), N("7.400"), N("447.800")), "1.653%% of 447.8");
	ok(!num_pct_consistent(N("1.66"), N("7.400"), N("447.800")), "1.66%% is not");
	ok(!num_pct_consistent(N("0.08"), N("-0.400"), N("479.200")), "wrong sign is not");
	ok(num_pct_consistent(N("5"), N("1"), N("0")), "no base contradicts nothing");

	/* What is believed of an optional figure */
	ok(num_figure("0", 1, NUM_ANY).ok, "0 is a change");
	ok(num_figure("0", 1, NUM_NONNEG).ok, "0 is a volume");
	ok(!num_figure("-1", 2, NUM_NONNEG).ok, "-1 is not a volume");
	ok(!num_figure("0.00", 4, NUM_NONZERO).ok, "P/E 0.00 means none");
	ok(num_figure("-3.50", 5, NUM_NONZERO).ok, "a negative P/E is a P/E");
	ok(!num_figure("0.000", 5, NUM_POSITIVE).ok, "open 0.000 means none");
	ok(num_figure("0.001", 5, NUM_POSITIVE).ok, "0.001 is a price");
	ok(!num_figure("", 0, NUM_ANY).ok, "empty is unknown");
	ok(!num_figure("-", 1, NUM_ANY).ok, "\"-\" is unknown");

	/* Formatting keeps the source's decimals */
	fmt(N("478.800"), "478.800");
	fmt(N("-0.400"), "-0.400");
	fmt(N("-0.08"), "-0.08");
	fmt(N("16319939.0"), "16319939.0");
	fmt(N("7803757295.250"), "7803757295.250");
	fmt(N("0.05"), "0.05");
	fmt(N("100"), "100");
	fmt(N("-0.000"), "0.000");
	fmt(N("123456789012345"), "123456789012345"); /* 15 digits: exact in a double */
	fmt(N("1234567890.12345"), "1234567890.12345");
	fmt(N("9999999999999.99"), "9999999999999.99");
	fmt(N("9007199254740991"), "9007199254740991");
	fmt(N("0.000000000000000001"), "0.000000000000000001");
	n.ok = false;
	fmt(n, "");
	n.ok = true;
	n.v = NAN;
	n.dp = 2;
	fmt(n, "");
	n.v = 1e25;
	n.dp = 1;
	fmt(n, NUM_OVERFLOW); /* a computed figure past a double: a mark, not its digits */
	n.v = 1e18;
	n.dp = 0;
	fmt(n, "###");
	is_int(num_format(N("478.800"), small, sizeof small), 7, "a short buffer reports the full length");
	is_str(small, "478", "and holds a NUL-terminated prefix");
	/* Whatever LC_NUMERIC says, the point stays a point */
	if (setlocale(LC_NUMERIC, "de_DE.UTF-8") || setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
		num_format(N("478.800"), buf, sizeof buf);
		is_str(buf, "478.800", "decimal point under a comma locale");
		n = N("9999999999999.99");
		num_format(n, buf, sizeof buf);
		is_str(buf, "9999999999999.99", "a long figure under a comma locale");
		ok(num_parse("478.800", 7, &n) && n.v == 478.8, "parses under a comma locale");
		setlocale(LC_NUMERIC, "C");
	} else {
		ok(1, "# SKIP no comma locale installed");
	}
	return tap_done();
}
