/* test-board.c - the watchlist model: apply, stale marks, sorting, edits */
#include "config.h"

#include <stdlib.h>

#include "model/board.h"
#include "model/quote.h"
#include "tap.h"

static struct instrument sym(const char *s)
{
	struct instrument in;
	char err[128];

	symbol_parse(s, &in, err, sizeof err);
	return in;
}

static struct quote_result good(const char *s, double price, double chg)
{
	struct quote_result r;

	memset(&r, 0, sizeof r);
	r.ok = true;
	r.q.in = sym(s);
	r.q.f[QF_PRICE] = (struct num){ price, 3, true };
	r.q.f[QF_CHANGE] = (struct num){ chg, 3, true };
	r.q.f[QF_CHANGE_PCT] = (struct num){ chg / (price - chg) * 100, 2, true };
	r.q.source = "tencent";
	return r;
}

static struct quote_result bad(const char *s, const char *err)
{
	struct quote_result r;

	memset(&r, 0, sizeof r);
	r.q.in = sym(s);
	snprintf(r.err, sizeof r.err, "%s", err);
	return r;
}

int main(void)
{
	struct instrument list[4] = { sym("700"), sym("9988"), sym("HSI"), sym("700") };
	struct board b;
	struct quote_result res[3];
	struct instrument *v;
	size_t n;

	ok(board_init(&b, list, 4), "init");
	is_int(b.n, 3, "duplicate dropped");
	is_int(board_find(&b, &list[2]), 2, "find HSI");

	res[0] = good("700", 478.8, -0.4);
	res[1] = good("9988", 120.5, 3.5);
	res[2] = bad("HSI", "tencent: HSI: HTTP 503");
	is_int(board_apply(&b, res, 3), 3, "three rows changed");
	ok(b.rows[0].have && !b.rows[0].stale, "0700 has a quote");
	ok(!b.rows[2].have && b.rows[2].stale, "HSI failed without a quote");
	is_str(b.rows[2].err, "tencent: HSI: HTTP 503", "cause kept");

	/* A failed refresh keeps the old quote and marks it stale. */
	res[0] = bad("700", "tencent: 0700: timed out after 10 s");
	board_apply(&b, res, 1);
	ok(b.rows[0].have && b.rows[0].stale, "0700 stale");
	is_num(b.rows[0].q.f[QF_PRICE].v, 478.8, 1e-9, "old price still there");
	is_int(board_apply(&b, res, 1), 0, "same failure again changes nothing");
	res[0] = good("700", 479.0, -0.2);
	board_apply(&b, res, 1);
	ok(!b.rows[0].stale && !b.rows[0].err[0], "recovered");

	/* Sort by change %, biggest first; unknown last either way. */
	b.sort = COL_PCT;
	b.desc = true;
	board_sort(&b);
	is_str(b.rows[0].in.display, "9988", "biggest mover first");
	is_str(b.rows[2].in.display, "HSI", "no figure: last");
	b.desc = false;
	board_sort(&b);
	is_str(b.rows[0].in.display, "0700", "ascending");
	is_str(b.rows[2].in.display, "HSI", "no figure: still last");
	b.sort = COL_CODE;
	board_sort(&b);
	is_str(b.rows[0].in.display, "0700", "by code");
	is_str(b.rows[1].in.display, "9988", "by code 2");
	b.sort = -1;
	board_sort(&b);
	is_str(b.rows[2].in.display, "HSI", "back to watchlist order");

	{
		struct instrument baba = sym("BABA");
		ok(board_add(&b, &baba), "add BABA");
		is_int(board_find(&b, &baba), 3, "appended at the end");
	}
	ok(!board_add(&b, &list[0]), "adding a present symbol refused");
	ok(board_remove(&b, 0), "remove first");
	ok(!board_remove(&b, 99), "remove out of range refused");
	ok(board_instruments(&b, &v, &n), "instruments");
	is_str(v[0].display, "9988", "watchlist order after removal");
	free(v);

	/* Results for a row removed while the refresh was in flight are dropped. */
	res[0] = good("700", 480, 1);
	is_int(board_apply(&b, res, 1), 0, "removed row ignored");
	board_done(&b);

	/* Money figures of another currency do not sort among the HKD ones:
	 * a USD market cap goes with the unknown, last. */
	{
		struct instrument two[2] = { sym("BABA"), sym("9988") };
		struct quote_result q2[2] = { good("BABA", 120, 1), good("9988", 118, 1) };
		struct board bb;

		board_init(&bb, two, 2);
		snprintf(q2[0].q.currency, sizeof q2[0].q.currency, "USD");
		q2[0].q.f[QF_MARKET_CAP] = (struct num){ 3e12, 0, true }; /* bigger, in USD */
		snprintf(q2[1].q.currency, sizeof q2[1].q.currency, "HKD");
		q2[1].q.f[QF_MARKET_CAP] = (struct num){ 2.3e12, 0, true };
		board_apply(&bb, q2, 2);
		bb.sort = COL_MCAP;
		bb.desc = true;
		board_sort(&bb);
		is_str(bb.rows[0].in.display, "9988", "HKD market cap first");
		is_str(bb.rows[1].in.display, "BABA", "the USD one after it, as unknown");
		ok(!quote_hkd_figure(&q2[0].q, QF_MARKET_CAP).ok, "a USD market cap is no HKD figure");
		ok(!quote_hkd_figure(&q2[0].q, QF_TURNOVER).ok, "nor is its turnover");
		ok(quote_hkd_figure(&q2[0].q, QF_PRICE).ok, "its price is still its price");
		ok(quote_hkd_figure(&q2[1].q, QF_MARKET_CAP).ok, "an HKD cap is");
		board_done(&bb);
	}

	/* A name the feed left empty falls back; a row always has one to show. */
	{
		struct row r;

		memset(&r, 0, sizeof r);
		r.in = sym("BABA");
		is_str(board_row_name(&r, false), "BABA", "no name anywhere: the code");
		snprintf(r.name_en, sizeof r.name_en, "ALIBABA");
		is_str(board_row_name(&r, true), "ALIBABA", "no Chinese name: the English one");
		snprintf(r.name_zh, sizeof r.name_zh, "阿里巴巴");
		r.have = true;
		is_str(board_row_name(&r, true), "阿里巴巴", "the feed gave none: the table's");
		snprintf(r.q.name, sizeof r.q.name, "阿里巴巴集团");
		is_str(board_row_name(&r, true), "阿里巴巴集团", "the feed's own name first");
	}
	return tap_done();
}
