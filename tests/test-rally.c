/* test-rally.c - columns of the session, returns by column, breadth, contributors */
#include "config.h"

#include <stdlib.h>

#include "base/hktime.h"
#include "model/rally.h"
#include "tap.h"

/* Monday 2 March 2026, hh:mm HKT. */
static time_t at(int h, int mi)
{
	time_t t = 0;

	hktime_make(2026, 3, 2, h, mi, 0, HKT_OFFSET, &t);
	return t;
}

static void columns(void)
{
	time_t ends[32];

	is_int(rally_columns(at(11, 0), RALLY_STEP_DEFAULT, false, ends, 32), 22, "22 quarter hours in a day");
	is_int(ends[0], at(9, 45), "the first ends 09:45");
	is_int(ends[9], at(12, 0), "the morning's last ends 12:00");
	is_int(ends[10], at(13, 15), "lunch is skipped: 13:15");
	is_int(ends[21], at(16, 0), "the last ends 16:00");
	is_int(rally_columns(at(23, 59), 900, false, ends, 32), 22, "any moment of the day names it");
	is_int(ends[0], at(9, 45), "23:59 HKT is still the same day");
	is_int(rally_columns(at(0, 0), 900, true, ends, 32), 10, "a half day: the morning only");
	is_int(rally_columns(at(10, 0), 40 * 60, false, ends, 32), 9, "40 minutes: 4 + 5 columns");
	is_int(ends[3], at(12, 0), "a short last column ends at the close");
	is_int(ends[4], at(13, 40), "and the afternoon starts afresh");
	is_int(rally_columns(at(10, 0), 0, false, ends, 3), 22, "step 0 is the default; max only caps writes");
}

static void same_day(void)
{
	ok(rally_same_day(at(0, 0), at(23, 59)), "00:00 and 23:59 HKT: one day");
	ok(!rally_same_day(at(23, 59), at(23, 59) + 60), "23:59 and the next 00:00: two days");
	ok(rally_same_day(at(7, 59), at(8, 1)), "08:00 HKT (00:00 UTC) is no boundary");
	ok(!rally_same_day(at(16, 8), at(16, 8) - 86400), "a day apart");
}

static void matrix(void)
{
	struct rally_point pa[7], pb[1], pd[1];
	struct rally_series s[4];
	struct rally_matrix m;

	pa[0] = (struct rally_point){ at(9, 30), 101 };
	pa[1] = (struct rally_point){ at(10, 20), 99 };   /* out of order on purpose */
	pa[2] = (struct rally_point){ at(9, 50), 102 };
	pa[3] = (struct rally_point){ at(13, 5), 105 };
	pa[4] = (struct rally_point){ at(13, 20), 110 };  /* after now: not seen */
	pa[5] = (struct rally_point){ at(10, 25), 0 };    /* a bad price: ignored */
	pa[6] = (struct rally_point){ at(10, 26), NAN };
	pb[0] = (struct rally_point){ at(9, 31), 49 };
	pd[0] = (struct rally_point){ at(9, 31) - 86400, 70 }; /* yesterday */
	s[0] = (struct rally_series){ pa, 7, 100 };
	s[1] = (struct rally_series){ pb, 1, 50 };
	s[2] = (struct rally_series){ pb, 1, 0 };          /* no previous close */
	s[3] = (struct rally_series){ pd, 1, 60 };

	ok(rally_matrix_build(&m, s, 4, at(9, 0), at(13, 10), RALLY_STEP_DEFAULT, false), "built");
	is_int(m.ncols, 22, "22 columns");
	is_int(m.begun, 11, "at 13:10 the morning and one afternoon column have begun");
	is_int(m.rows[0].series, 0, "biggest rise first");
	is_num(m.rows[0].change_pct, 5, 1e-9, "today's move: the latest price by now");
	is_int(m.rows[1].series, 1, "then the faller");
	is_num(m.rows[1].change_pct, -2, 1e-9, "49 on 50 is -2%%");
	is_int(m.rows[2].series, 2, "unknown last, by index");
	is_int(m.rows[3].series, 3, "yesterday's prices do not count");
	ok(isnan(m.rows[2].change_pct) && isnan(m.rows[3].change_pct), "their moves are unknown");
	is_num(m.rows[0].cells[0], 1, 1e-9, "09:45: 101");
	is_num(m.rows[0].cells[1], 2, 1e-9, "10:00: 102");
	is_num(m.rows[0].cells[2], 2, 1e-9, "10:15: still 102");
	is_num(m.rows[0].cells[3], -1, 1e-9, "10:30: 99, bad prices skipped");
	is_num(m.rows[0].cells[9], -1, 1e-9, "12:00: 99");
	is_num(m.rows[0].cells[10], 5, 1e-9, "13:15, under way: 105 so far");
	ok(isnan(m.rows[0].cells[11]) && isnan(m.rows[0].cells[21]), "columns not begun are empty");
	is_num(m.rows[1].cells[0], -2, 1e-9, "B at 09:45");
	is_num(m.rows[1].cells[10], -2, 1e-9, "B carried forward");
	ok(isnan(m.rows[2].cells[0]), "no previous close: empty cells");
	rally_matrix_done(&m);

	ok(rally_matrix_build(&m, s, 4, at(9, 0), at(9, 29), 900, false), "before the open");
	is_int(m.begun, 0, "nothing has begun before 09:30");
	rally_matrix_done(&m);
	ok(rally_matrix_build(&m, s, 4, at(9, 0), at(20, 0), 900, false), "in the evening");
	is_int(m.begun, 22, "every column has begun");
	is_num(m.rows[0].cells[21], 10, 1e-9, "16:00: 110");
	rally_matrix_done(&m);
	ok(rally_matrix_build(&m, NULL, 0, at(9, 0), at(20, 0), 900, true), "no series");
	is_int(m.nrows, 0, "no rows");
	is_int(m.ncols, 10, "half-day columns");
	rally_matrix_done(&m);
}

/* A day cut when its series came, read later: the same board as one cut
 * then, once the clock has passed the points that were still ahead. */
static void days(void)
{
	struct rally_point p[5];
	struct rally_series s = { p, 5, 100 };
	struct rally_day d, other;
	const struct rally_day *dp[2] = { &d, &other };
	const double prev[2] = { 100, 100 };
	struct rally_matrix direct, cut;
	bool same = true;

	p[0] = (struct rally_point){ at(9, 31), 101 };
	p[1] = (struct rally_point){ at(13, 1), 104 };
	p[2] = (struct rally_point){ at(13, 3), 103 };   /* ahead of the cut */
	p[3] = (struct rally_point){ at(13, 2), 106 };   /* out of order */
	p[4] = (struct rally_point){ at(13, 20), 108 };  /* ahead of the board too */
	ok(rally_day_build(&d, &s, at(9, 0), at(13, 1) + 30, 900, false), "cut at 13:01:30");
	is_int(d.nlater, 3, "three points still ahead, kept");
	is_int(d.later[0].t, at(13, 2), "by time");
	/* 15-minute columns: 10 in the morning (09:30-12:00), then 13:00-13:15
	 * (begun by 13:01:30), and 11 after it still to come. */
	is_int(d.ncols, 22, "22 columns of 15 minutes");
	is_int(rally_day_begun(&d), 11, "11 begun by 13:01:30: the sparkline stops there");
	ok(rally_day_build(&other, &s, at(9, 0), at(9, 29), 900, false), "cut at 09:29");
	is_int(rally_day_begun(&other), 1, "before the open: the first column only");
	rally_day_done(&other);
	ok(rally_day_build(&other, &s, at(9, 0), at(16, 30), 900, false), "cut at 16:30");
	is_int(rally_day_begun(&other), 22, "after the close: all of them");
	rally_day_done(&other);
	ok(rally_day_build(&other, &s, at(9, 0) - 86400, at(13, 1), 900, false), "a day of another date");
	ok(rally_matrix_build(&direct, &s, 1, at(9, 0), at(13, 10), 900, false), "cut at 13:10");
	ok(rally_matrix_from_days(&cut, dp, prev, 2, at(9, 0), at(13, 10), 900, false),
	   "read at 13:10");
	is_num(cut.rows[0].change_pct, 3, 1e-9, "the move: 103 at 13:03, come due since the cut");
	for (size_t j = 0; j < direct.ncols; j++)
		if (!(direct.rows[0].cells[j] == cut.rows[0].cells[j] ||
		      (isnan(direct.rows[0].cells[j]) && isnan(cut.rows[0].cells[j]))))
			same = false;
	ok(same, "every cell as if cut at 13:10");
	ok(isnan(cut.rows[1].change_pct) && isnan(cut.rows[1].cells[0]), "another day's is none");
	rally_matrix_done(&direct);
	rally_matrix_done(&cut);
	ok(rally_matrix_from_days(&cut, dp, prev, 1, at(9, 0), at(13, 10), 1800, false),
	   "other columns");
	ok(isnan(cut.rows[0].change_pct), "a day cut into other columns is none");
	rally_matrix_done(&cut);
	rally_day_done(&d);
	rally_day_done(&other);
}

static void breadth(void)
{
	const double pct[] = { 1.2, -0.5, 0, NAN, -0.0, 3 };
	struct rally_breadth b = rally_breadth(pct, 6);

	ok(b.up == 2 && b.down == 1 && b.flat == 2 && b.unknown == 1, "2 up, 1 down, 2 flat, 1 unknown");
	b = rally_breadth(NULL, 0);
	ok(b.up + b.down + b.flat + b.unknown == 0, "empty");
}

static void contributors(void)
{
	const double cap[] = { 700, 350, 130, 0, NAN, 50, 1e308, 1e308 };
	const double pct[] = { 1, -2, 3, 5, 1, NAN, 1, 1 };
	struct rally_contrib c[8];
	double move;

	is_int(rally_contributors(cap, pct, 6, c, 2, &move), 2, "top 2");
	is_int(c[0].index, 0, "an equal pull either way: the lower index first");
	is_int(c[1].index, 1, "then the faller");
	is_num(c[0].weight, 700.0 / 1180, 1e-12, "weight: cap over counted caps");
	is_num(c[1].contrib, -700.0 / 1180, 1e-12, "contrib: weight times change");
	is_num(move, 390.0 / 1180, 1e-12, "cap-weighted move");
	is_int(rally_contributors(cap, pct, 6, c, 8, NULL), 3, "only tickers with a cap and a change count");
	is_int(c[2].index, 2, "the third");
	is_int(rally_contributors(cap + 3, pct + 3, 3, c, 8, &move), 0, "none counts");
	ok(isnan(move), "no move then");
	is_int(rally_contributors(cap, pct, 8, c, 8, &move), 5, "huge caps");
	ok(isfinite(move) && fabs(move - 1) < 1e-6, "huge caps do not overflow the sum");
}

int main(void)
{
	columns();
	same_day();
	matrix();
	days();
	breadth();
	contributors();
	return tap_done();
}
