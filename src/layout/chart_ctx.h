/* chart_ctx.h - what chart.c (the plot) and chart_axis.c (the axes) share
 * while they draw one chart; callers use chart.h */
#ifndef HKTOP_CHART_CTX_H
#define HKTOP_CHART_CTX_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/chart.h"

#define LABEL_MAX 32
#define MAX_SESSIONS 2

/* A market's trading sessions of one day (chart_axis.c) */
struct market_sessions;

/* Everything the drawing steps share. */
struct chart_ctx {
	const struct series *s;
	const struct chart_opts *o;
	struct chart *c;
	int xres, yres;    /* sub-cells of a cell across and down */
	int *px;           /* per bar: its sub-column */
	double hi, lo;     /* price range of the price rows */
	bool flat;         /* hi and lo too big to scale between: every price mid-way */
	struct num prev;   /* the reference line, or !ok */
	double ref;        /* what up and down are measured against */
	const struct market_sessions *day; /* a 1D axis: its sessions; NULL: by index */
	int seg_cs[MAX_SESSIONS], seg_ce[MAX_SESSIONS]; /* each session's columns */
};

/* chart.c */

/* ASCII text from (x, y) rightwards, one character a cell, clipped. */
void chart_put_text(struct chart *c, int x, int y, const char *s, enum chart_tag tag);
/* The sub-row of a price: 0 at the top. */
int chart_ypix(const struct chart_ctx *k, double v);
/* A price as the axis writes it, at the series' decimals. */
void chart_price_label(const struct chart_ctx *k, double v, char *buf, size_t len);

/* chart_axis.c */

/* The sessions to lay a series out on, or NULL: only a day of intraday
 * bars of a market whose sessions are known. */
const struct market_sessions *chart_axis_day(const struct series *s, bool half_day);
/* Each bar's sub-column on the session axis k->day. */
void chart_axis_place_by_time(struct chart_ctx *k);
void chart_axis_draw_price(struct chart_ctx *k);
void chart_axis_draw_time(struct chart_ctx *k);

#endif
