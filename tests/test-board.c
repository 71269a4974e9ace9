/* test-board.c - the watchlist model: apply, stale marks, sorting, edits */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

/* A moved price ticks for one refresh; a removed row comes back in its
 * place, watchlist order and all. */
static void ticks_and_undo(void)
{
	struct instrument list[3] = { sym("700"), sym("9988"), sym("HSI") };
	struct quote_result res[2] = { good("700", 478.8, -0.4), good("9988", 120.5, 3.5) };
	struct instrument *v;
	struct row gone;
	struct board b;
	size_t n;

	board_init(&b, list, 3);
	board_apply(&b, res, 2);
	is_int((int)board_ticks(&b), 0, "a first quote does not tick");
	res[0] = good("700", 479.4, 0.2);
	board_apply(&b, res, 2);
	is_int(b.rows[0].tick, 1, "0700 up: ticks up");
	ok(b.rows[0].tick_from.v == 478.8, "from 478.8");
	is_int(b.rows[1].tick, 0, "9988 the same: no tick");
	res[1] = good("9988", 119, -1);
	board_apply(&b, res, 2);
	ok(b.rows[0].tick == 0 && b.rows[1].tick == -1, "the next refresh: 0700 still, 9988 down");
	res[1] = bad("9988", "tencent: 9988: HTTP 503");
	board_apply(&b, res, 2);
	is_int((int)board_ticks(&b), 0, "a failure does not tick");
	b.rows[0].tick = 1;
	ok(board_clear_ticks(&b) && !board_ticks(&b), "cleared");
	ok(!board_clear_ticks(&b), "none left");

	gone = b.rows[1];
	board_remove(&b, 1);
	ok(board_restore(&b, &gone, 1), "restored");
	is_int(board_find(&b, &list[1]), 1, "in its place");
	ok(b.rows[1].stale && b.rows[1].have, "with its quote and marks");
	ok(!board_restore(&b, &gone, 0), "not twice");
	b.sort = COL_CODE;
	board_sort(&b);
	gone = b.rows[board_find(&b, &list[1])];
	board_remove(&b, (size_t)board_find(&b, &list[1]));
	ok(board_restore(&b, &gone, 99), "restored at an index past the end");
	is_int(board_find(&b, &list[1]), 2, "which is the end");
	board_instruments(&b, &v, &n);
	ok(n == 3 && strcmp(v[1].display, "9988") == 0, "the watchlist order kept: 9988 second");
	free(v);
	board_done(&b);
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
	ticks_and_undo();
	return tap_done();
}
