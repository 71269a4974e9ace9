/* rally.h - the rally board's numbers: returns by time of day, breadth, who moved the list
 *
 * Pure: no I/O, no clock. Times are absolute (time_t); sessions are HKT
 * (UTC+8) by arithmetic: 09:30-12:00 and 13:00-16:00, the lunch break left
 * out; a half day has the morning only. */
#ifndef HKTOP_RALLY_H
#define HKTOP_RALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define RALLY_STEP_DEFAULT (15 * 60) /* seconds a column spans */
#define RALLY_DAY_MAX_COLS 400      /* 1-minute columns: 330 in a day */

/* One trade price at a moment. Local until the intraday series parser
 * lands; the two should become one. */
struct rally_point {
	time_t t;
	double price;
};

/* One ticker's day so far. Points need not be sorted; ones with a price
 * that is not a positive number are ignored. */
struct rally_series {
	const struct rally_point *pts; /* not owned */
	size_t n;
	double prev_close;             /* not positive or NaN: unknown */
};

/* Are a and b on the same HKT day? A minute series goes with a quote, a
 * previous close or a board only of its own day: mixed, they show one
 * day's prices against another day's close. */
bool rally_same_day(time_t a, time_t b);

/* The column end times of the session day holding `day`: every step
 * seconds from 09:30, and from 13:00 unless half_day; a session's last
 * column ends at its close even if shorter. Writes up to max; returns how
 * many there are in all (22 for a full day at 15 minutes). step < 60 is
 * taken as RALLY_STEP_DEFAULT. */
size_t rally_columns(time_t day, int step, bool half_day, time_t *ends, size_t max);

/* One ticker's day cut into the board's columns once, when its series
 * arrives, so that a redraw reads a few numbers, not the series. Prices,
 * not returns: the previous close may come later, with a quote. A point
 * after asof (the minute under way, or a frozen test clock) is kept as
 * it is, for when the clock passes it. */
struct rally_day {
	time_t mid;               /* HKT midnight of the day; 0: no day */
	time_t asof;              /* close[] holds the points up to this time */
	int step;                 /* the columns it is cut into, as rally_columns */
	bool half_day;
	size_t ncols;
	double *close;            /* owned; the price at min(column end, asof), NaN none */
	double price;             /* the latest by asof, NaN none */
	struct rally_point *later; /* owned; usable points after asof, by time */
	size_t nlater;
};

/* How many of d's columns had begun by its asof (the first always):
 * those after hold no price yet, only the last one carried forward. */
size_t rally_day_begun(const struct rally_day *d);

/* Cut s into the columns of the session day holding `day`, as of asof.
 * False when out of memory, d left empty. */
bool rally_day_build(struct rally_day *d, const struct rally_series *s, time_t day, time_t asof,
		     int step, bool half_day);
void rally_day_done(struct rally_day *d);

struct rally_row {
	size_t series;        /* index into the caller's array */
	double change_pct;    /* latest price at or before now vs prev close; NaN unknown */
	const double *cells;  /* ncols returns in %, NaN for none */
};

/* Returns since the previous close at the end of each column: a cell holds
 * the latest price of that HKT day at or before min(column end, now). A
 * column that has not begun by now is empty (NaN); the one under way shows
 * its latest price so far. Rows go by change_pct, biggest rise first,
 * unknown last, ties by series index. */
struct rally_matrix {
	time_t *ends;         /* owned; ncols column end times */
	size_t ncols;
	size_t begun;         /* columns [0, begun) have begun by now */
	struct rally_row *rows; /* owned; nrows == the number of series */
	size_t nrows;
	double *cells;        /* owned; the rows' cells, nrows * ncols */
};

/* Build m (overwritten) from n series for the session day holding `day`,
 * as of `now`. False when out of memory, m left empty. */
bool rally_matrix_build(struct rally_matrix *m, const struct rally_series *s, size_t n,
			time_t day, time_t now, int step, bool half_day);

/* The same from days already cut: day[i] (NULL for none) with its
 * previous close prev[i]. A day of another date or other columns than
 * the board's counts as none. */
bool rally_matrix_from_days(struct rally_matrix *m, const struct rally_day *const *day,
			    const double *prev, size_t n, time_t board_day, time_t now, int step,
			    bool half_day);
void rally_matrix_done(struct rally_matrix *m);

/* How many rose, fell, did not move (exactly 0) and are unknown (NaN). */
struct rally_breadth {
	size_t up, down, flat, unknown;
};

struct rally_breadth rally_breadth(const double *pct, size_t n);

/* One ticker's part in the list's cap-weighted move: weight = cap / the
 * sum of caps, contrib = weight * pct, in percentage points of the move. */
struct rally_contrib {
	size_t index;
	double weight, pct, contrib;
};

/* The top k contributors by |contrib| (ties: lower index) into out; a
 * ticker without a positive cap or a known pct counts in neither the sum
 * of caps nor the list. *move (if not NULL) gets the cap-weighted move,
 * the sum of all contribs, or NaN when no ticker counts. Returns how many
 * were written. */
size_t rally_contributors(const double *cap, const double *pct, size_t n,
			  struct rally_contrib *out, size_t k, double *move);

#endif
