/* intraday.c - a minute series cut into the rally board's columns */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "model/intraday.h"

bool intraday_entry_set(struct intraday_entry *e, const struct series *s, time_t asof, int step,
			bool half_day)
{
	struct rally_point *pts = malloc((s->n ? s->n : 1) * sizeof *pts);
	struct rally_series rs = { pts, s->n, NAN };
	struct rally_day day;
	time_t last = s->n ? s->v[s->n - 1].t : 0, end = 0;

	if (!pts)
		return false;
	for (size_t k = 0; k < s->n; k++) {
		const struct bar *b = &s->v[k];
		pts[k] = (struct rally_point){ b->t + s->interval, b->close.ok ? b->close.v : NAN };
		if (b->t + s->interval > end)
			end = b->t + s->interval;
	}
	if (!s->n)
		day = (struct rally_day){ .price = NAN };
	else if (!rally_day_build(&day, &rs, last, asof, step, half_day)) {
		free(pts);
		return false;
	}
	free(pts);
	rally_day_done(&e->day);
	e->day = day;
	e->last = last;
	e->end = end;
	e->prev_close = s->prev_close.ok ? s->prev_close.v : NAN;
	return true;
}

void intraday_entry_done(struct intraday_entry *e)
{
	rally_day_done(&e->day);
	e->last = e->end = 0;
}
