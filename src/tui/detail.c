/* detail.c - the detail view's data: which ticker, which range, what of
 * it is wanted (app/detail_control.c fetches it) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/builtin.h"
#include "base/hktime.h"
#include "tui/detail.h"

bool detail_init(struct detail *d, bool candles, char *err, size_t errlen)
{
	memset(d, 0, sizeof *d);
	d->range = SERIES_1D;
	d->mode = candles ? CHART_CANDLES : CHART_LINE;
	d->cursor = -1;
	return adr_table_load(&d->adrs, builtin_adr, builtin_adr_len, err, errlen);
}

void detail_select(struct detail *d, const struct instrument *in)
{
	const struct adr *a;

	if (!d->have_in || !symbol_equal(&d->in, in)) {
		d->in = *in;
		d->have_in = true;
		d->cursor = -1;
		d->stale = false;
		d->err[0] = '\0';
	}
	/* The other side of the pair, worked out from this ticker: both sides
	 * of a pair find the same table row, so the row alone cannot tell. */
	a = adr_find(&d->adrs, in);
	if (a) {
		struct instrument other = symbol_equal(&a->us, in) ? a->hk : a->us;
		if (a != d->adr || !symbol_equal(&other, &d->other)) {
			d->other = other;
			memset(&d->other_q, 0, sizeof d->other_q);
		}
	} else if (d->adr) {
		memset(&d->other_q, 0, sizeof d->other_q);
	}
	d->adr = a;
	d->want |= DETAIL_WANT_SHOWN;
}

void detail_set_range(struct detail *d, enum series_range r)
{
	if (d->range == r)
		return;
	d->range = r;
	d->cursor = -1;
	d->stale = false;
	d->err[0] = '\0';
	d->want |= DETAIL_WANT_CHART;
}

bool detail_chart_current(const struct detail *d)
{
	return d->have_in && d->s.n > 0 && d->s_range == d->range && symbol_equal(&d->s.in, &d->in);
}

/* The local date of t, as "2026-08-06". */
static void local_date(time_t t, int utc_offset, char *buf, size_t len)
{
	char iso[40];

	hktime_iso8601(t, utc_offset, iso, sizeof iso);
	snprintf(buf, len, "%.10s", iso);
}

bool detail_chart_other_day(const struct detail *d, const struct quote *q, char *day, size_t len)
{
	const struct series *s = &d->s;
	long long last;

	if (len > 0)
		day[0] = '\0';
	if (!q || !q->time || s->n == 0 || s->interval <= 0 || s->interval >= 86400)
		return false;
	last = hktime_day(s->v[s->n - 1].t, s->utc_offset);
	if (hktime_day(s->v[0].t, s->utc_offset) != last ||
	    hktime_day(q->time, s->utc_offset) == last)
		return false; /* several days (5D), or the quote's own */
	local_date(s->v[s->n - 1].t, s->utc_offset, day, len);
	return true;
}

void detail_done(struct detail *d)
{
	series_done(&d->s);
	adr_table_done(&d->adrs);
	memset(d, 0, sizeof *d);
}
