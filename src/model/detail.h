/* detail.h - what the detail view shows beyond the board's quote: the
 * chart, the other side of a dual listing, and the USD/HKD rate
 *
 * The state lives as long as the app (app->detail); the view draws from
 * it and detail_data.c fills it from the network. Every fetch is started
 * only while the view is open and for the ticker it shows. */
#ifndef HKTOP_DETAIL_H
#define HKTOP_DETAIL_H

#include <stdbool.h>
#include <time.h>

#include "model/adr.h"
#include "layout/chart.h"
#include "model/quote.h"
#include "model/series.h"

struct app;

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
};

/* The state, made on first use; NULL when out of memory. */
struct detail *detail_get(struct app *app);

/* Show in (the view opened or stepped): fetch what is missing for it. */
void detail_show(struct app *app, const struct instrument *in);

/* The range or chart style changed: fetch if needed. */
void detail_set_range(struct app *app, enum series_range r);

/* A quote refresh finished while the view is open: refetch the 1D chart,
 * the other side's quote and (when old) the rate. */
void detail_refreshed(struct app *app);

/* Is the chart in d->s the one to draw for the ticker on screen? */
bool detail_chart_current(const struct detail *d);

/* Is the chart a day of minutes of another day than the quote q (Tencent
 * still serving yesterday's before the open)? Then day gets the chart's
 * date, "2026-08-06", to label it with: it is never today's move. */
bool detail_chart_other_day(const struct detail *d, const struct quote *q, char *day, size_t len);

/* After http_free: no fetch can call back any more. */
void detail_free(struct app *app);

#endif
