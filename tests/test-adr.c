/* test-adr.c - the ADR table as shipped, its loader's refusals, and parity math */
#include "config.h"

#include <stdlib.h>

#include "model/adr.h"
#include "fixture.h"
#include "tap.h"

static struct instrument sym(const char *text)
{
	struct instrument in;
	char err[128];

	if (!symbol_parse(text, &in, err, sizeof err))
		printf("Bail out! %s\n", err);
	return in;
}

static struct num num(const char *s)
{
	struct num n;

	num_parse(s, strlen(s), &n);
	return n;
}

static const char *fmt(struct num n)
{
	static char buf[2][32];
	static int k;

	k ^= 1;
	num_format(n, buf[k], sizeof buf[k]);
	return buf[k];
}

/* HK-FACTS §2, as the table must say it. */
static const struct { const char *us, *hk; int ratio; } facts[] = {
	{ "BABA", "9988", 8 }, { "BIDU", "9888", 8 }, { "JD", "9618", 2 },
	{ "NTES", "9999", 5 }, { "BILI", "9626", 1 }, { "TCOM", "9961", 1 },
	{ "NIO", "9866", 1 }, { "XPEV", "9868", 2 }, { "LI", "2015", 2 },
	{ "TME", "1698", 2 }, { "BEKE", "2423", 3 }, { "ZTO", "2057", 1 },
};

static void test_shipped(void)
{
	char err[128] = "";
	struct adr_table t;
	struct instrument in;
	const struct adr *a;
	size_t len, i;
	char *text;

	text = slurp_share("adr.tsv", &len);
	ok(adr_table_load(&t, text, len, err, sizeof err), "share/adr.tsv loads: %s", err);
	is_int(t.n, sizeof facts / sizeof facts[0], "every ADR of HK-FACTS §2");
	for (i = 0; i < sizeof facts / sizeof facts[0]; i++) {
		in = sym(facts[i].us);
		a = adr_find(&t, &in);
		ok(a && a->ratio == facts[i].ratio, "%s: %d HK shares per ADS", facts[i].us,
		   facts[i].ratio);
		in = sym(facts[i].hk);
		ok(a && adr_find(&t, &in) == a, "%s finds the %s row", facts[i].hk, facts[i].us);
	}
	in = sym("0700");
	ok(!adr_find(&t, &in), "0700 has no ADR in the table");
	in = sym("HSI");
	ok(!adr_find(&t, &in), "nor has HSI");
	in = sym("09988.HK");
	a = adr_find(&t, &in);
	is_str(a ? a->us.display : "", "BABA", "09988.HK is BABA");
	adr_table_done(&t);
	ok(!t.v && t.n == 0, "freed");
	free(text);
}

static void bad(const char *text, const char *want)
{
	struct adr_table t;
	char err[128] = "";

	ok(!adr_table_load(&t, text, strlen(text), err, sizeof err) && t.n == 0 && !t.v,
	   "refused: %s", want);
	is_str(err, want, "cause");
}

static void test_loader(void)
{
	struct adr_table t;
	char err[128] = "";
	const char *crlf = "# c\r\n\r\nBABA\t9988\t8\r\nJD\t9618\t2";

	ok(adr_table_load(&t, crlf, strlen(crlf), err, sizeof err) && t.n == 2,
	   "CRLF, blank lines and no final newline: %s", err);
	is_int(t.n ? t.v[1].line : 0, 4, "lines are counted");
	adr_table_done(&t);
	ok(adr_table_load(&t, "", 0, err, sizeof err) && t.n == 0, "an empty table");
	bad("BABA 9988 8\n", "line 1: expected US<TAB>HK<TAB>N");
	bad("BABA\t9988\n", "line 1: expected US<TAB>HK<TAB>N");
	bad("BABA\t9988\t8\tx\n", "line 1: expected US<TAB>HK<TAB>N");
	bad("BABA\t\t8\n", "line 1: expected US<TAB>HK<TAB>N");
	bad("#\n9988\tBABA\t8\n", "line 2: the first field must be a US ticker");
	bad("BABA\tHSI\t8\n", "line 1: the second field must be an HK stock code");
	bad("BABA\t9988\t0\n", "line 1: the ratio must be a whole number from 1 to 1000");
	bad("BABA\t9988\t08\n", "line 1: the ratio must be a whole number from 1 to 1000");
	bad("BABA\t9988\t8.0\n", "line 1: the ratio must be a whole number from 1 to 1000");
	bad("BABA\t9988\t-8\n", "line 1: the ratio must be a whole number from 1 to 1000");
	bad("BABA\t9988\t1001\n", "line 1: the ratio must be a whole number from 1 to 1000");
	bad("BABA\t9988\t99999999999999999999\n",
	    "line 1: the ratio must be a whole number from 1 to 1000");
	bad("BABA\t9988\t8\nBABA\t9618\t2\n", "line 2: BABA or 9618 is listed twice");
	bad("BABA\t9988\t8\nJD\t09988\t2\n", "line 2: JD or 9988 is listed twice");
}

static void test_parity(void)
{
	struct adr a = { .ratio = 8 };
	struct adr_parity p;
	char err[128] = "";

	a.us = sym("BABA");
	a.hk = sym("9988");
	/* 120.45 x 7.8 / 8 = 117.43875; 118.3 / 117.43875 = +0.733 % */
	ok(adr_parity(&a, num("120.45"), num("7.8000"), num("118.300"), &p, err, sizeof err),
	   "BABA parity: %s", err);
	is_str(fmt(p.hk_equiv), "117.439", "HK equivalent of one share");
	is_str(fmt(p.premium), "0.73", "HK premium %%");
	ok(adr_parity(&a, num("120.45"), num("7.85"), num("116.000"), &p, err, sizeof err),
	   "at the weak side of the band");
	is_str(fmt(p.hk_equiv), "118.192", "equivalent at 7.85");
	is_str(fmt(p.premium), "-1.85", "a discount is negative");
	ok(adr_parity(&a, num("120.45"), num("7.75"), num("116.000"), &p, err, sizeof err),
	   "at the strong side of the band");

	ok(!adr_parity(&a, num("120.45"), num("7.8501"), num("118.3"), &p, err, sizeof err),
	   "7.8501 refused");
	is_str(err, "USD/HKD 7.8501 is outside the 7.75-7.85 peg band", "cause");
	ok(!adr_parity(&a, num("120.45"), num("7.7499"), num("118.3"), &p, err, sizeof err),
	   "7.7499 refused");
	ok(!adr_parity(&a, num("120.45"), num("1"), num("118.3"), &p, err, sizeof err),
	   "a rate of 1 (an unconverted quote) refused");
	ok(!adr_parity(&a, num("120.45"), num("-"), num("118.3"), &p, err, sizeof err),
	   "no rate refused");
	is_str(err, "no USD/HKD rate", "cause");
	ok(!adr_parity(&a, num("0"), num("7.8"), num("118.3"), &p, err, sizeof err),
	   "ADS price 0 refused");
	is_str(err, "no BABA price", "cause");
	ok(!adr_parity(&a, num("120.45"), num("7.8"), num(""), &p, err, sizeof err),
	   "no HK price refused");
	is_str(err, "no 9988 price", "cause");
	is_str(fmt(p.hk_equiv), "117.439", "but the equivalent is there");
	ok(!p.premium.ok, "and the premium is not");
	ok(adr_check_usdhkd(num("7.7765"), err, sizeof err), "7.7765 is a rate");
}

int main(void)
{
	test_shipped();
	test_loader();
	test_parity();
	return tap_done();
}
