/* rally.c - the rally board's numbers: returns by time of day, breadth, who moved the list */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/hktime.h"
#include "model/rally.h"

#define DAY_S 86400L

/* HKT midnight starting the day that holds t, as a time_t. */
static time_t hkt_midnight(time_t t)
{
	return (time_t)(hktime_day(t, HKT_OFFSET) * DAY_S - HKT_OFFSET);
}

bool rally_same_day(time_t a, time_t b)
{
	return hktime_day(a, HKT_OFFSET) == hktime_day(b, HKT_OFFSET);
}

/* The sessions as HKT seconds after midnight: [open, close). */
static const struct { long open, close; } sessions[2] = {
	{ 9 * 3600L + 30 * 60, 12 * 3600L },
	{ 13 * 3600L, 16 * 3600L },
};

/* The columns' starts and ends (either may be NULL to count only). */
static size_t each_column(time_t day, int step, bool half_day, time_t *starts, time_t *ends,
			  size_t max)
{
	time_t mid = hkt_midnight(day);
	size_t n = 0;

	if (step < 60)
		step = RALLY_STEP_DEFAULT;
	for (int s = 0; s < (half_day ? 1 : 2); s++)
		for (long at = sessions[s].open; at < sessions[s].close; at += step, n++)
			if (n < max) {
				long end = at + step < sessions[s].close ? at + step : sessions[s].close;
				if (starts)
					starts[n] = mid + at;
				ends[n] = mid + end;
			}
	return n;
}

size_t rally_columns(time_t day, int step, bool half_day, time_t *ends, size_t max)
{
	return each_column(day, step, half_day, NULL, ends, max);
}

/* The price of the latest usable point in [from, to], or NaN. */
static double price_at(const struct rally_series *s, time_t from, time_t to)
{
	double p = NAN;
	time_t best = 0;

	for (size_t i = 0; i < s->n; i++) {
		const struct rally_point *pt = &s->pts[i];
		if (pt->t < from || pt->t > to || !(isfinite(pt->price) && pt->price > 0))
			continue;
		if (isnan(p) || pt->t >= best) {
			best = pt->t;
			p = pt->price;
		}
	}
	return p;
}

static double ret(double price, double prev)
{
	if (!(isfinite(prev) && prev > 0) || isnan(price))
		return NAN;
	return (price / prev - 1) * 100;
}

static int by_change(const void *a, const void *b)
{
	const struct rally_row *x = a, *y = b;

	if (isnan(x->change_pct) != isnan(y->change_pct))
		return isnan(x->change_pct) ? 1 : -1;
	if (!isnan(x->change_pct) && x->change_pct != y->change_pct)
		return x->change_pct > y->change_pct ? -1 : 1;
	return x->series < y->series ? -1 : x->series > y->series;
}

static int norm_step(int step)
{
	return step < 60 ? RALLY_STEP_DEFAULT : step;
}

bool rally_day_build(struct rally_day *d, const struct rally_series *s, time_t day, time_t asof,
		     int step, bool half_day)
{
	size_t nc = each_column(day, step, half_day, NULL, NULL, 0), nl = 0;
	time_t *ends = malloc((nc ? nc : 1) * sizeof *ends);

	*d = (struct rally_day){ .mid = hkt_midnight(day), .asof = asof, .step = norm_step(step),
				 .half_day = half_day, .ncols = nc, .price = NAN };
	for (size_t i = 0; i < s->n; i++)
		nl += s->pts[i].t > asof && s->pts[i].t >= d->mid && isfinite(s->pts[i].price) &&
		      s->pts[i].price > 0;
	d->close = malloc((nc ? nc : 1) * sizeof *d->close);
	d->later = malloc((nl ? nl : 1) * sizeof *d->later);
	if (!ends || !d->close || !d->later) {
		free(ends);
		rally_day_done(d);
		return false;
	}
	each_column(day, step, half_day, NULL, ends, nc);
	for (size_t j = 0; j < nc; j++)
		d->close[j] = price_at(s, d->mid, ends[j] < asof ? ends[j] : asof);
	d->price = price_at(s, d->mid, asof);
	/* By time, ties in the series' order (the last one wins, as in
	 * price_at); a series comes sorted, so this is one pass. */
	for (size_t i = 0; i < s->n; i++) {
		struct rally_point pt = s->pts[i];
		size_t k = d->nlater++;
		if (!(pt.t > asof && pt.t >= d->mid && isfinite(pt.price) && pt.price > 0)) {
			d->nlater--;
			continue;
		}
		for (; k > 0 && d->later[k - 1].t > pt.t; k--)
			d->later[k] = d->later[k - 1];
		d->later[k] = pt;
	}
	free(ends);
	return true;
}

size_t rally_day_begun(const struct rally_day *d)
{
	time_t ends[RALLY_DAY_MAX_COLS];
	size_t nc = rally_columns(d->mid, d->step, d->half_day, ends, RALLY_DAY_MAX_COLS), k = 1;

	if (nc > d->ncols)
		nc = d->ncols;
	while (k < nc && ends[k - 1] < d->asof)
		k++;
	return nc ? k : 0;
}

void rally_day_done(struct rally_day *d)
{
	free(d->close);
	free(d->later);
	*d = (struct rally_day){ .price = NAN };
}

/* The latest price at or before `to`: `cut`, the day's as of asof, unless
 * points after asof have come due by then. */
static double day_price(const struct rally_day *d, double cut, time_t to)
{
	double p = cut;

	for (size_t k = 0; to > d->asof && k < d->nlater && d->later[k].t <= to; k++)
		p = d->later[k].price;
	return p;
}

bool rally_matrix_from_days(struct rally_matrix *m, const struct rally_day *const *day,
			    const double *prev, size_t n, time_t board_day, time_t now, int step,
			    bool half_day)
{
	size_t nc = each_column(board_day, step, half_day, NULL, NULL, 0), ncells = n * nc;
	time_t mid = hkt_midnight(board_day), *starts = malloc((nc ? nc : 1) * sizeof *starts);

	*m = (struct rally_matrix){ .ncols = nc, .nrows = n };
	m->ends = malloc((nc ? nc : 1) * sizeof *m->ends);
	m->rows = malloc((n ? n : 1) * sizeof *m->rows);
	m->cells = malloc((ncells ? ncells : 1) * sizeof *m->cells);
	if (!starts || !m->ends || !m->rows || !m->cells) {
		free(starts);
		rally_matrix_done(m);
		return false;
	}
	each_column(board_day, step, half_day, starts, m->ends, nc);
	while (m->begun < nc && starts[m->begun] < now)
		m->begun++;
	for (size_t i = 0; i < n; i++) {
		const struct rally_day *d = day[i];
		double *c = m->cells + i * nc;
		bool fits = d && d->mid == mid && d->step == norm_step(step) &&
			    d->half_day == half_day && d->ncols == nc;
		for (size_t j = 0; j < nc; j++) {
			time_t to = m->ends[j] < now ? m->ends[j] : now;
			c[j] = fits && j < m->begun ? ret(day_price(d, d->close[j], to), prev[i]) : NAN;
		}
		m->rows[i] = (struct rally_row){
			.series = i,
			.change_pct = fits ? ret(day_price(d, d->price, now), prev[i]) : NAN,
			.cells = c,
		};
	}
	qsort(m->rows, n, sizeof *m->rows, by_change);
	free(starts);
	return true;
}

bool rally_matrix_build(struct rally_matrix *m, const struct rally_series *s, size_t n,
			time_t day, time_t now, int step, bool half_day)
{
	struct rally_day *days = calloc(n ? n : 1, sizeof *days);
	const struct rally_day **dp = calloc(n ? n : 1, sizeof *dp);
	double *prev = calloc(n ? n : 1, sizeof *prev);
	bool ok = days && dp && prev;

	for (size_t i = 0; ok && i < n; i++) {
		ok = rally_day_build(&days[i], &s[i], day, now, step, half_day);
		dp[i] = &days[i];
		prev[i] = s[i].prev_close;
	}
	ok = ok && rally_matrix_from_days(m, dp, prev, n, day, now, step, half_day);
	if (!ok)
		*m = (struct rally_matrix){ 0 };
	for (size_t i = 0; days && i < n; i++)
		rally_day_done(&days[i]);
	free(days);
	free(dp);
	free(prev);
	return ok;
}

void rally_matrix_done(struct rally_matrix *m)
{
	free(m->ends);
	free(m->rows);
	free(m->cells);
	*m = (struct rally_matrix){ 0 };
}

struct rally_breadth rally_breadth(const double *pct, size_t n)
{
	struct rally_breadth b = { 0, 0, 0, 0 };

	for (size_t i = 0; i < n; i++) {
		if (isnan(pct[i]))
			b.unknown++;
		else if (pct[i] > 0)
			b.up++;
		else if (pct[i] < 0)
			b.down++;
		else
			b.flat++;
	}
	return b;
}

static bool counts(double cap, double pct)
{
	return isfinite(cap) && cap > 0 && isfinite(pct);
}

/* Does contributor a come before b: bigger |contrib|, then lower index? */
static bool before(double ca, size_t a, double cb, size_t b)
{
	if (fabs(ca) != fabs(cb))
		return fabs(ca) > fabs(cb);
	return a < b;
}

size_t rally_contributors(const double *cap, const double *pct, size_t n,
			  struct rally_contrib *out, size_t k, double *move)
{
	double total = 0, sum = 0, hi = 0;
	size_t got = 0;
	bool any = false;

	/* Scale by the biggest cap so the sum cannot overflow. */
	for (size_t i = 0; i < n; i++)
		if (counts(cap[i], pct[i]) && cap[i] > hi)
			hi = cap[i];
	for (size_t i = 0; i < n; i++)
		if (counts(cap[i], pct[i])) {
			total += cap[i] / hi;
			any = true;
		}
	for (size_t i = 0; any && i < n; i++)
		if (counts(cap[i], pct[i]))
			sum += cap[i] / hi / total * pct[i];
	if (move)
		*move = any ? sum : NAN;
	/* Selection, k rounds over n: k is a handful, n a watchlist. */
	for (; any && got < k; got++) {
		size_t best = n;
		double bc = 0;
		for (size_t i = 0; i < n; i++) {
			double c;
			if (!counts(cap[i], pct[i]))
				continue;
			c = cap[i] / hi / total * pct[i];
			if (got > 0 && !before(out[got - 1].contrib, out[got - 1].index, c, i))
				continue;
			if (best == n || before(c, i, bc, best)) {
				best = i;
				bc = c;
			}
		}
		if (best == n)
			break;
		out[got] = (struct rally_contrib){ best, cap[best] / hi / total, pct[best], bc };
	}
	return got;
}
