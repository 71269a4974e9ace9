/* num.c - decimal figures parsed strictly, keeping the source's precision */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/num.h"

#define NUM_DIGITS_MAX 18 /* fits a uint64_t mantissa with room to spare */
#define EXACT_MAX 9007199254740992.0 /* 2^53: every whole number below is a double */

/* Exact powers of ten: every one up to 1e22 is representable in a double,
 * so dividing a mantissa by one is a single correctly rounded step. */
static const double pow10_table[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
};

/* Half a unit of the figure's last decimal: how far its rounding may be off. */
static double half_unit(struct num n)
{
	return 0.5 / pow10_table[n.dp >= 0 && n.dp <= NUM_DIGITS_MAX ? n.dp : 0];
}

bool num_exact(double v, int dp)
{
	return dp >= 0 && dp <= NUM_DIGITS_MAX && isfinite(v) && fabs(v) * pow10_table[dp] < EXACT_MAX;
}

/* The digits num_format writes for |v| at dp decimals, as one integer. */
static uint64_t scaled_digits(double v, int dp)
{
	return (uint64_t)llround(fabs(v) * pow10_table[dp]);
}

/* Hand-rolled rather than strtod(3): strtod follows LC_NUMERIC, and
 * accepts hex, exponents, "inf" and leading spaces, none of which a quote
 * feed has any business sending. */
bool num_parse(const char *s, size_t len, struct num *out)
{
	const char *end = s + len, *digits, *first, *point;
	uint64_t mant = 0;
	ptrdiff_t sig, dp = 0;
	bool neg = false;
	unsigned d;

	out->v = 0;
	out->dp = 0;
	out->ok = false;
	if (len == 0)
		return false;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	/* The whole part, then the decimals: leading zeros carry no
	 * precision, so only the digits from the first other one count.
	 * Digits are counted by where they end rather than one by one (a
	 * refresh of 3,000 symbols reads 50,000 figures); a run too long
	 * for the mantissa wraps it, and is refused below. */
	digits = s;
	while (s < end && *s == '0')
		s++;
	for (first = s; s < end && (d = (unsigned)(*s - '0')) < 10; s++)
		mant = mant * 10 + d;
	if (s == digits)
		return false; /* "", "-", ".5" */
	sig = s - first;
	if (s < end) {
		if (*s++ != '.')
			return false;
		point = s;
		if (sig == 0)
			while (s < end && *s == '0')
				s++;
		for (first = s; s < end && (d = (unsigned)(*s - '0')) < 10; s++)
			mant = mant * 10 + d;
		sig += s - first;
		dp = s - point;
		if (dp > NUM_DIGITS_MAX)
			return false;
		/* "5." is a truncation, not a number; "1.2.3" not one either */
		if (s < end || dp == 0)
			return false;
	}
	if (sig > NUM_DIGITS_MAX)
		return false;
	out->v = (double)mant / pow10_table[dp];
	/* A figure must print back as the source wrote it, or not be taken:
	 * "999999999999999999" is 1e18 in a double. Below 2^50 it always
	 * does (the division and num_format's product are each off by at
	 * most half an ulp, so the product is within 0.25 of mant), and the
	 * feeds' figures are all there: only longer ones pay the check. */
	if (mant >= (uint64_t)1 << 50 &&
	    (!num_exact(out->v, dp) || scaled_digits(out->v, dp) != mant)) {
		out->v = 0;
		return false;
	}
	if (neg && mant != 0)
		out->v = -out->v; /* and never a "-0.000" */
	out->dp = (signed char)dp;
	out->ok = true;
	return true;
}

const char *num_refusal(const char *s, size_t len)
{
	size_t i = len > 0 && (s[0] == '-' || s[0] == '+'), digits = 0, points = 0;
	struct num n;

	if (num_parse(s, len, &n))
		return "is a number";
	/* Only digits and one point inside, yet refused: too many digits. */
	for (size_t k = i; k < len; k++) {
		if (s[k] == '.')
			points++;
		else if (s[k] >= '0' && s[k] <= '9')
			digits++;
		else
			return "is not a number";
	}
	if (digits == 0 || points > 1 || s[i] == '.' || s[len - 1] == '.')
		return "is not a number";
	return "has more digits than a double holds exactly";
}

struct num num_scale(struct num n, double mul, int shift_dp)
{
	int dp;

	if (!n.ok)
		return n;
	dp = n.dp - shift_dp;
	if (dp < 0)
		dp = 0;
	if (dp > NUM_DIGITS_MAX)
		dp = NUM_DIGITS_MAX;
	n.v *= mul;
	n.dp = (signed char)dp;
	if (!isfinite(n.v)) {
		n.v = 0;
		n.ok = false;
		return n;
	}
	/* Past 2^53 the scaled figure's last digits would be the double's,
	 * not the source's. */
	if (!num_exact(n.v, dp)) {
		n.v = 0;
		n.ok = false;
		return n;
	}
	/* 43488.0714 x 1e8 is 4348807139999.9995 in binary; say what was meant */
	n.v = round(n.v * pow10_table[dp]) / pow10_table[dp];
	return n;
}

bool num_diff_consistent(struct num a, struct num b, struct num d)
{
	double tol;

	if (!a.ok || !b.ok || !d.ok)
		return true;
	tol = half_unit(a) + half_unit(b) + half_unit(d);
	tol += 1e-9 * (fabs(a.v) + fabs(b.v)); /* binary noise, far below any decimal */
	return fabs(a.v - b.v - d.v) <= tol;
}

struct num num_figure(const char *s, size_t len, enum num_want want)
{
	struct num n;

	if (!num_parse(s, len, &n))
		return n;
	switch (want) {
	case NUM_ANY:
		break;
	case NUM_NONNEG:
		n.ok = n.v >= 0;
		break;
	case NUM_NONZERO:
		n.ok = n.v != 0;
		break;
	case NUM_POSITIVE:
		n.ok = n.v > 0;
		break;
	}
	return n;
}

bool num_within(struct num x, struct num lo, struct num hi)
{
	double eps;

	if (!x.ok || !lo.ok || !hi.ok || lo.v <= 0 || hi.v <= 0)
		return true;
	eps = 1e-9 * fabs(x.v);
	return lo.v <= hi.v && x.v >= lo.v - eps && x.v <= hi.v + eps;
}

bool num_pct_consistent(struct num pct, struct num change, struct num base)
{
	double tol;

	if (!pct.ok || !change.ok || !base.ok || base.v <= 0)
		return true;
	/* pct's own rounding, plus how far change and base may be off,
	 * carried through the division */
	tol = half_unit(pct) +
	      100.0 * (half_unit(change) + fabs(change.v / base.v) * half_unit(base)) / base.v;
	tol += 1e-9 * (1 + fabs(pct.v));
	return fabs(pct.v - change.v / base.v * 100.0) <= tol;
}

/* Digits are written by hand so that the decimal point is always '.',
 * whatever LC_NUMERIC the terminal program set for ncurses. */
int num_format(struct num n, char *buf, size_t len)
{
	uint64_t u, ip, fp;
	int dp = n.dp, i;
	char tmp[48], *p; /* "-", 20 digits, ".", 18 decimals */
	size_t k;

	if (len == 0)
		return 0;
	buf[0] = '\0';
	if (!n.ok || !isfinite(n.v) || dp < 0 || dp > NUM_DIGITS_MAX)
		return 0;
	if (!num_exact(n.v, dp))
		return snprintf(buf, len, "%s", NUM_OVERFLOW);
	u = scaled_digits(n.v, dp);
	ip = u / (uint64_t)pow10_table[dp];
	fp = u % (uint64_t)pow10_table[dp];
	/* What snprintf("%s%llu.%0*llu") writes and returns, from the last
	 * digit back: --once and the views format every figure they show. */
	p = tmp + sizeof tmp;
	for (i = 0; i < dp; i++, fp /= 10)
		*--p = (char)('0' + fp % 10);
	if (dp > 0)
		*--p = '.';
	do
		*--p = (char)('0' + ip % 10);
	while (ip /= 10);
	if (n.v < 0 && u)
		*--p = '-';
	k = (size_t)(tmp + sizeof tmp - p);
	memcpy(buf, p, k < len ? k : len - 1);
	buf[k < len ? k : len - 1] = '\0';
	return (int)k;
}
