/* position.h - lots held and what they are worth, in exact decimals
 *
 * Every figure is computed in integers of its smallest decimal unit (a
 * price of 0.135 is 135 thousandths), so 0.001-tick stocks and long
 * holdings add up to the cent: the only rounding is where a division
 * (average cost, %) or a conversion (USD/HKD) needs it, half away from
 * zero, to the decimals documented on each field. A result that does not
 * fit is refused, never wrapped. */
#ifndef HKTOP_POSITION_H
#define HKTOP_POSITION_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/num.h"
#include "model/quote.h"
#include "model/symbol.h"

#define POSITION_ERR_MAX 320
/* Decimals of an average cost at least: the HK feeds quote 3. */
#define POSITION_AVG_DP 3
#define POSITION_PCT_DP 2
#define POSITION_FX_DP 2 /* totals converted to the other currency: cents */
/* A lot's quantity, in shares: far above any listing's share count. */
#define POSITION_QTY_MAX 1000000000000LL

/* One lot: a line of the positions file. */
struct lot {
	struct instrument in;
	long long qty;       /* shares; negative for a short; never 0 */
	struct num cost;     /* per share, in the listing's currency, > 0 */
	struct num fee;      /* the lot's fees in all, >= 0; !ok: none */
	long long day;       /* trade date as a day number (hktime), or -1 */
};

/* The lots of one instrument, summed, and valued at a quote. */
struct position {
	struct instrument in;
	size_t nlots;
	long long qty;        /* net shares */
	struct num basis;     /* sum of qty x cost, plus the fees: what it cost
			       * (negative for a short: what it brought in) */
	struct num avg_cost;  /* basis / qty, POSITION_AVG_DP decimals or the
			       * cost's if more; !ok when qty is 0 */
	char currency[4];     /* the quote's, else by market: HKD or USD */

	/* From a quote; all !ok when none (why says so). */
	bool valued;
	struct num price;     /* the session's last price */
	struct num value;     /* qty x price */
	struct num day_pnl;   /* qty x change */
	struct num pnl;       /* value - basis */
	struct num pnl_pct;   /* pnl / |basis| x 100 */
	long long session;    /* day number of the quote's session on its
			       * exchange's clock; -1 unknown */
	bool today;           /* that session is today's */
	long lot_size;        /* board lot (HK); 0 unknown */
	long long board_lots; /* whole board lots in |qty| */
	long long odd;        /* shares beyond them: not a multiple when != 0 */
	char why[POSITION_ERR_MAX]; /* !valued: the reason */
};

/* The positions of a set of lots, one per instrument in the order each
 * first appears. Owns v. */
struct position_book {
	struct position *v;
	size_t n;
};

/* Sum lots into positions. Indexes are refused (never held). False with
 * the cause ("0700: quantities too large to add") when a sum does not
 * fit, or out of memory; b is then empty. */
bool position_book_build(struct position_book *b, const struct lot *lots, size_t n,
			 char *err, size_t errlen);
void position_book_done(struct position_book *b);

/* The position of an instrument, or NULL. */
struct position *position_book_find(const struct position_book *b, const struct instrument *in);

/* Value p at a quote (q NULL or !have: unvalued, with why as the reason,
 * or "no quote"). now decides whether the quote's session is today's. */
void position_value(struct position *p, const struct quote *q, const char *why, time_t now);

/* Totals of one currency. */
struct position_total {
	char currency[4];
	size_t n;            /* positions in it */
	size_t unvalued;     /* of them without a quote: the sums are then blank */
	struct num value, day_pnl, pnl, basis;
	struct num pnl_pct;  /* pnl / gross x 100: a hedged book's net basis
			      * is near 0, its capital at work is not */
	struct num gross;    /* the sum of |basis|: longs' cost and shorts' proceeds */
	long long session;   /* the session day all its day P&Ls are of; -1 mixed or unknown */
	bool today;          /* every day P&L in it is of today's session */
	char why[POSITION_ERR_MAX]; /* when blank */
};

struct position_totals {
	struct position_total hkd, usd;
	size_t other;        /* positions in another currency, in neither total */
	char other_ccy[16];  /* their currencies, "CNY" or "CNY EUR ..." */
	struct num usdhkd;   /* the rate used; !ok: none */
	/* Both currencies together, POSITION_FX_DP decimals; blank (with
	 * why) without a rate in the peg band or when a total is blank. */
	struct position_total in_hkd, in_usd;
};

/* Add up the book's valued positions by currency, and convert with a
 * USD/HKD rate (checked against the peg band as the ADR parity does;
 * !ok: none, fx_why says why). */
void position_totals(const struct position_book *b, struct num usdhkd, const char *fx_why,
		     struct position_totals *t);

/* What to say of positions in neither total: "1 position in CNY left
 * out of the totals"; "" when there are none. */
void position_left_out_text(const struct position_totals *t, char *buf, size_t len);

/* An H share and its ADS held together (ratio HK shares an ADS; either
 * may be NULL, not held): *shares = hk qty + us qty x ratio, and
 * *value_hkd = hk value + us value x usdhkd, to the cent. False with the
 * cause when a held side is unvalued or, with an ADS held, the rate is
 * missing or outside the peg band; *shares is set all the same. */
bool position_combined(const struct position *hk, const struct position *us, int ratio,
		       struct num usdhkd, long long *shares, struct num *value_hkd, char *err,
		       size_t errlen);

/* What to say of a total's day P&L that is not all today's: "day P&L of
 * 2026-08-07", or "day P&L of more than one session"; "" when it is
 * today's or the total is blank. */
void position_total_day_note(const struct position_total *t, char *buf, size_t len);

/* "YYYY-MM-DD" of a day number. */
void position_day_text(long long day, char *buf, size_t len);

#endif
