/* detail.h - what the detail view shows beyond the board's quote: the
 * chart, the other side of a dual listing, and the USD/HKD rate
 *
 * The state lives as long as the dash (dash.h); the view draws from it
 * and says what it wants (want), app/detail_control.c fills it from the
 * network. Every fetch is started only while the view is open and for
 * the ticker it shows. */
#ifndef HKTOP_DETAIL_H
#define HKTOP_DETAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/adr.h"
#include "layout/chart.h"
#include "model/quote.h"
#include "model/series.h"

/* What the view wants fetched (detail.want): the controller reads and
 * clears it. */
enum detail_want {
	DETAIL_WANT_CHART = 1 << 0, /* the range changed: its chart */
	DETAIL_WANT_SHOWN = 1 << 1, /* a ticker is shown: what is missing or old of it */
};

struct detail {
	struct instrument in;         /* the ticker on screen */
	bool have_in;

	/* The chart: the last good series of (in, range) and the fetch. */
	enum series_range range;
	enum chart_mode mode;
	long cursor;                  /* bar index; -1: no cursor */
	int plot_width;               /* of the last chart drawn, for cursor steps */
	struct series s;              /* owned; n == 0: none */
	enum series_range s_range;    /* the range s covers */
	bool stale;                   /* the last fetch of it failed: err says why */
	char err[SERIES_ERR_MAX];
	bool loading;
	long long chart_ms;           /* monotonic start of the last chart fetch */
	struct instrument fetch_in;   /* what the running fetch asked for */
	enum series_range fetch_range;

	/* ADR parity */
	struct adr_table adrs;
	const struct adr *adr;        /* of in; NULL for a single listing */
	struct instrument other;      /* the side of the pair not on screen */
	struct quote_result other_q;  /* its last quote (ok) or cause */
	bool other_loading;
	struct num fx;                /* USD/HKD; !ok: none */
	time_t fx_time;
	char fx_err[SERIES_ERR_MAX];
	bool fx_loading;
	long long fx_ms;              /* monotonic time of the last rate */

	unsigned want;                /* enum detail_want */
};

/* The state before any ticker: the 1D range, the configured style, the
 * ADR table. False (err says why) when the table does not load; the state
 * is usable then, without parity. */
bool detail_init(struct detail *d, bool candles, char *err, size_t errlen);

/* Show in (the view opened or stepped): the state is in's, and the view
 * wants what is missing for it. */
void detail_select(struct detail *d, const struct instrument *in);

/* Another range: the view wants its chart. */
void detail_set_range(struct detail *d, enum series_range r);

/* Is the chart in d->s the one to draw for the ticker on screen? */
bool detail_chart_current(const struct detail *d);

/* Is the chart a day of minutes of another day than the quote q (Tencent
 * still serving yesterday's before the open)? Then day gets the chart's
 * date, "2026-08-06", to label it with: it is never today's move. */
bool detail_chart_other_day(const struct detail *d, const struct quote *q, char *day, size_t len);

/* After http_free: no fetch can call back any more. */
void detail_done(struct detail *d);

#endif
