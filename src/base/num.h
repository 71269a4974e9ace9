/* num.h - decimal figures parsed strictly, keeping the source's precision */
#ifndef HKTOP_NUM_H
#define HKTOP_NUM_H

#include <stdbool.h>
#include <stddef.h>

/* A figure as the source wrote it: its value and how many decimals it
 * carried, so "478.800" prints back as 478.800 and never as 478.799999. */
struct num {
	double v;
	signed char dp; /* digits after the decimal point in the source text */
	bool ok;        /* false: absent, empty or not a number */
};

/* Parse exactly [-+]digits[.digits]: no hex, no exponent, no inf/nan, no
 * spaces, at most 18 decimals, and only a figure that a double holds
 * exactly to its decimals (num_exact), so that num_format prints it back
 * digit for digit: 999999999999999999 would print as 1000000000000000000,
 * so it is refused. The feeds send at most 13 digits. The whole span must be consumed. "-0.000" parses as 0 with 3
 * decimals. */
bool num_parse(const char *s, size_t len, struct num *out);

/* Why num_parse refused a span, to follow its text in a message: "is not
 * a number" or "has more digits than a double holds exactly". */
const char *num_refusal(const char *s, size_t len);

/* Can v be held to dp decimals exactly, every digit the one meant? True
 * when v times 10^dp is below 2^53 (and dp is 0 to 18). */
bool num_exact(double v, int dp);

/* A figure scaled by a unit the source uses (亿 = 1e8): value times mul,
 * decimals reduced by shift_dp (log10(mul)) but never below 0, and the
 * value rounded to those decimals. */
struct num num_scale(struct num n, double mul, int shift_dp);

/* Does d equal a - b, allowing each of the three figures to be off by half
 * a unit of its last decimal (how the source rounded them)? Figures that
 * are !ok cannot contradict anything: true. */
bool num_diff_consistent(struct num a, struct num b, struct num d);

/* What an optional figure must be, beyond a number, to be believed. A
 * feed writes 0 for "none" in fields like open or P/E; shown as a figure,
 * that 0 would be a wrong number. */
enum num_want {
	NUM_ANY,      /* change, change %: any sign */
	NUM_NONNEG,   /* volume, turnover, yields: 0 is a real value */
	NUM_NONZERO,  /* P/E, P/B: 0 means "not applicable" */
	NUM_POSITIVE, /* prices, market cap, share counts */
};

/* An optional figure: !ok when the span is empty, not a number, or not
 * what want asks for. */
struct num num_figure(const char *s, size_t len, enum num_want want);

/* Is x within [lo, hi]? True when either bound is !ok or not positive
 * (the feed does not know it), false when lo > hi. */
bool num_within(struct num x, struct num lo, struct num hi);

/* Does pct equal change / base * 100 as far as the rounding of the three
 * figures allows? True when any of them is !ok or base is not positive. */
bool num_pct_consistent(struct num pct, struct num change, struct num base);

/* Format with the figure's own decimals into buf; "" when !ok. A figure
 * that is not num_exact (a computation ran past what a double holds)
 * prints as NUM_OVERFLOW, never as some other number. */
#define NUM_OVERFLOW "###"

int num_format(struct num n, char *buf, size_t len);

#endif
