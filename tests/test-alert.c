/* test-alert.c - alert rules: parsing, exact comparisons, and when they
 * fire (crossings, at start, once/daily/always, placeholders, news) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "model/alert.h"
#include "tap.h"

/* 2026-12-03 10:00 HKT, and the next trading day. */
#define T0 ((time_t)1796263200)
#define DAY 86400

static struct num num(const char *s)
{
	struct num n = { 0 };

	num_parse(s, strlen(s), &n);
	return n;
}

static struct alert_rule rule(const char *text)
{
	struct alert_rule r;
	char err[256];
	bool blank;

	if (!alert_rule_parse(text, strlen(text), &r, &blank, err, sizeof err))
		printf("# %s: %s\n", text, err);
	return r;
}

/* A traded quote of sym at t: price, previous close 100.000, volume 1000. */
static struct quote_result quote(const char *sym, const char *price, time_t t)
{
	struct quote_result res = { .ok = true };
	char err[128];

	symbol_parse(sym, &res.q.in, err, sizeof err);
	res.q.f[QF_PRICE] = num(price);
	res.q.f[QF_PREV_CLOSE] = num("100.000");
	res.q.f[QF_VOLUME] = num("1000");
	res.q.time = t;
	res.q.utc_offset = 8 * 3600;
	return res;
}

/* Feed prices one by one; returns a string of '1' (fired) and '0'. */
static const char *run(struct alert_rule *r, const char *const *prices, time_t step)
{
	static char out[64];
	struct alert_event ev;
	size_t i;

	for (i = 0; prices[i] && i < sizeof out - 1; i++) {
		struct quote_result q = quote("700", prices[i], T0 + (time_t)i * step);

		out[i] = alert_rule_quote(r, 0, &q, T0, &ev) ? '1' : '0';
	}
	out[i] = '\0';
	return out;
}

static void test_parse(void)
{
	static const struct { const char *line, *key, *err; } cases[] = {
		{ "700 above 500", "0700 above 500 once", NULL },
		{ "0700.HK below 478.8 daily # buy zone", "0700 below 478.8 daily", NULL },
		{ "* move 5% always", "* move 5% always", NULL },
		{ "9988 move 2.5", "9988 move 2.5% once", NULL },
		{ "BABA news", "BABA news once", NULL },
		{ "700 above abc", NULL, "\"abc\" is not a price (500, 478.8)" },
		{ "700 move 0%", NULL, "\"0%\" is no move: give a percentage above 0" },
		{ "700 sideways 5", NULL, "\"sideways\" is not a rule (above, below, move or news)" },
		{ "700 above 5 weekly", NULL, "\"weekly\" is not once, daily or always" },
		{ "700 above", NULL, "above needs a price" },
		{ "700 above 1e3", NULL, "\"1e3\" is not a price (500, 478.8)" },
		{ "700 above -5", NULL, "\"-5\" is not a price above 0" },
		{ "700 above 5 once more", NULL, "\"more\" is one word too many" },
		{ "700 news daily extra", NULL, "\"extra\" is one word too many" },
	};
	char key[ALERT_TEXT_MAX], err[256];
	struct alert_rule r;
	bool blank;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool ok = alert_rule_parse(cases[i].line, strlen(cases[i].line), &r, &blank, err,
					   sizeof err);

		if (cases[i].key) {
			ok(ok, "parse: %s", cases[i].line);
			alert_rule_key(&r, key, sizeof key);
			is_str(key, cases[i].key, "key of %s", cases[i].line);
		} else {
			ok(!ok && !blank, "refused: %s", cases[i].line);
			is_str(err, cases[i].err, "cause for %s", cases[i].line);
		}
	}
	{
		const char *l = "0700.HK below 478.8 daily # buy \x1b[31mzone";

		ok(alert_rule_parse(l, strlen(l), &r, &blank, err, sizeof err), "note parsed");
		is_str(r.note, "buy zone", "note sanitised");
	}
	ok(!alert_rule_parse("   # just a comment", 19, &r, &blank, err, sizeof err) && blank,
	   "a comment is blank");
	ok(!alert_rule_parse("12345678 above 5", 16, &r, &blank, err, sizeof err) && !blank,
	   "an unknown symbol is refused");
	ok(strstr(err, "12345678") != NULL, "the cause names it: %s", err);
}

static void test_compare(void)
{
	is_int(alert_num_cmp(num("478.800"), num("478.8")), 0, "478.800 = 478.8");
	is_int(alert_num_cmp(num("478.799"), num("478.8")), -1, "478.799 < 478.8");
	is_int(alert_num_cmp(num("0.3"), num("0.30000")), 0, "0.3 = 0.30000 (no float error)");
	is_int(alert_num_cmp(num("0.1"), num("0.09999999999")), 1, "0.1 > 0.09999999999");
	is_int(alert_num_cmp(num("9999999999999"), num("0.000001")), 1, "a figure too large to scale");
	ok(alert_num_moved(num("105.000"), num("100.000"), num("5")), "105 is 5%% up from 100");
	ok(alert_num_moved(num("95.000"), num("100.000"), num("5")), "95 is 5%% down");
	ok(!alert_num_moved(num("104.999"), num("100.000"), num("5")), "104.999 is not");
	ok(alert_num_moved(num("1.155"), num("1.100"), num("5")), "1.155 from 1.100 is 5%% exactly");
	ok(!alert_num_moved(num("0.3"), num("0.2858"), num("5")), "0.3 from 0.2858 is 4.97%%");
}

static void test_crossing(void)
{
	static const char *const cross[] = { "499.000", "500.000", "501.000", "499", "502", NULL };
	static const char *const start[] = { "510.000", "511.000", "499.000", "505.000", NULL };
	struct alert_rule r;

	r = rule("700 above 500 always");
	is_str(run(&r, cross, 60), "01001", "always: each crossing, not while it holds");
	alert_rule_done(&r);
	r = rule("700 above 500");
	is_str(run(&r, cross, 60), "01000", "once: the first crossing only");
	alert_rule_done(&r);
	r = rule("700 above 500 always");
	is_str(run(&r, start, 60), "1001", "already above at start fires, then crossings");
	alert_rule_done(&r);
	r = rule("700 below 500 always");
	is_str(run(&r, cross, 60), "10010", "below: at start, then each crossing down");
	alert_rule_done(&r);
	r = rule("700 above 500 daily");
	is_str(run(&r, cross, DAY), "01101",
	       "daily, a quote a day: each session's first quote above counts");
	alert_rule_done(&r);
	r = rule("700 above 500 daily");
	is_str(run(&r, cross, 60), "01000", "daily: at most once a trading day");
	alert_rule_done(&r);
	r = rule("700 move 5%");
	is_str(run(&r, (const char *const[]){ "103.000", "104.999", "105.000", NULL }, 60), "001",
	       "move: at or past the percentage");
	alert_rule_done(&r);
}

static void test_start_text(void)
{
	struct alert_rule r = rule("700 above 500 # take profit");
	struct quote_result q = quote("700", "510.000", T0);
	struct alert_event ev;

	ok(alert_rule_quote(&r, 3, &q, T0, &ev), "fires at start");
	is_str(ev.text, "0700 already above 500 at start: 510.000 (take profit)", "says so");
	ok(ev.f.at_start && ev.rule == 3 && ev.f.t == T0, "marked at start, rule, time");
	alert_rule_done(&r);
}

static void test_placeholders(void)
{
	struct alert_rule r = rule("700 above 500 always");
	struct quote_result q;
	struct alert_event ev;

	q = quote("700", "510.000", T0);
	q.ok = false;
	ok(!alert_rule_quote(&r, 0, &q, T0, &ev), "never on a refused quote");
	q = quote("700", "510.000", T0);
	q.q.f[QF_PRICE].ok = false;
	ok(!alert_rule_quote(&r, 0, &q, T0, &ev), "never on a missing price");
	q = quote("700", "0.000", T0);
	ok(!alert_rule_quote(&r, 0, &q, T0, &ev), "never on a zero price");
	r = rule("700 below 500 always");
	q = quote("700", "0.000", T0);
	ok(!alert_rule_quote(&r, 0, &q, T0, &ev), "a zero price is not below anything");
	q = quote("700", "480.000", T0);
	q.q.f[QF_VOLUME] = num("0");
	ok(!alert_rule_quote(&r, 0, &q, T0, &ev), "never on a no-trade placeholder (volume 0)");
	q = quote("700", "480.000", T0 - 3600);
	ok(!alert_rule_quote(&r, 0, &q, T0, &ev), "never on a quote stamped before 09:20 HKT");
	q = quote("700", "480.000", T0);
	ok(alert_rule_quote(&r, 0, &q, T0, &ev), "the first real quote fires");
	alert_rule_done(&r);
	r = rule("BABA below 500 always");
	q = quote("BABA", "80.000", T0 - 3600);
	ok(alert_rule_quote(&r, 0, &q, T0, &ev), "a US quote at night HKT is real");
	alert_rule_done(&r);
	/* Tencent's and Sina's index lines carry no share volume (the
	 * parsers leave it unknown): an index is not a placeholder for it. */
	r = rule("HSI above 20000 always");
	q = quote("HSI", "24940.140", T0);
	q.q.f[QF_VOLUME].ok = false;
	ok(alert_rule_quote(&r, 0, &q, T0, &ev), "an index quote without a volume is real");
	alert_rule_done(&r);
	/* Before its session an ADR shows the last one, volume and all. */
	r = rule("BABA above 100 always");
	q = quote("BABA", "120.450", T0 - 5 * 3600);
	ok(alert_rule_quote(&r, 0, &q, T0, &ev), "an ADR's last session, seen in HK hours, is real");
	alert_rule_done(&r);
}

static void test_every_and_restart(void)
{
	struct alert_rule r = rule("* above 500");
	struct quote_result a = quote("700", "510.000", T0), b = quote("9988", "510.000", T0);
	struct alert_event ev;

	ok(alert_rule_quote(&r, 0, &a, T0, &ev) && alert_rule_quote(&r, 0, &b, T0, &ev),
	   "* fires for each name");
	is_int(r.nw, 2, "one watch per name");
	ok(!alert_rule_quote(&r, 0, &a, T0, &ev), "each once");
	/* A restart: the record of the firing comes back, sessions do not. */
	{
		struct alert_rule again = rule("* above 500");
		struct alert_watch *w = alert_rule_watch(&again, &a.q.in);

		w->fired = true;
		w->last = r.w[0].last;
		ok(!alert_rule_quote(&again, 0, &a, T0 + DAY, &ev), "once survives a restart");
		ok(r.w[0].told && !w->told, "fired in this run (a row's mark), not restored");
		ok(alert_rule_quote(&again, 0, &b, T0, &ev), "another name still fires");
		alert_rule_done(&again);
	}
	alert_rule_rearm(&r);
	ok(alert_rule_quote(&r, 0, &a, T0, &ev), "re-armed, it fires again");
	alert_rule_done(&r);

	r = rule("700 above 500 daily");
	ok(alert_rule_quote(&r, 0, &a, T0, &ev), "daily fires");
	{
		struct alert_rule again = rule("700 above 500 daily");
		struct alert_watch *w = alert_rule_watch(&again, &a.q.in);
		struct quote_result next = quote("700", "520.000", T0 + DAY);

		w->fired = true;
		w->last = r.w[0].last;
		ok(!alert_rule_quote(&again, 0, &a, T0 + 60, &ev), "restarted the same day: not again");
		ok(alert_rule_quote(&again, 0, &next, T0 + DAY, &ev), "the next trading day: again");
		alert_rule_done(&again);
	}
	alert_rule_done(&r);
}

static void test_news(void)
{
	struct alert_rule r = rule("700 news always");
	char title[] = "Tencent \xe2\x80\xae beats";
	struct headline h = { .title = title, .time = T0, .ntags = 1 };
	struct alert_event ev;
	char err[64];

	symbol_parse("700", &h.tags[0], err, sizeof err);
	ok(!alert_rule_news(&r, 0, &h, &h.tags[0], T0 + 1, &ev), "not a headline before since");
	ok(alert_rule_news(&r, 0, &h, &h.tags[0], T0 - 60, &ev), "a tagged headline fires");
	is_str(ev.text, "0700 news: Tencent beats", "its title, bidi control stripped");
	ok(!alert_rule_news(&r, 0, &h, &h.tags[0], T0 - 60, &ev), "the same headline once");
	h.time = T0 + 10;
	ok(alert_rule_news(&r, 0, &h, &h.tags[0], T0 - 60, &ev), "a newer one fires");
	alert_rule_done(&r);
	r = rule("9988 news");
	ok(!alert_rule_news(&r, 0, &h, &h.tags[0], T0 - 60, &ev), "not another name's");
	alert_rule_done(&r);
}

int main(void)
{
	test_parse();
	test_compare();
	test_crossing();
	test_start_text();
	test_placeholders();
	test_every_and_restart();
	test_news();
	return tap_done();
}
