/* detail_figures.h - the detail view's figures as text, without curses
 *
 * Pure: a quote (and for dual-listed names the other side's quote and a
 * USD/HKD rate) in, labelled lines of text out, each with a tone the view
 * turns into a colour. Only what the source gave is listed; a figure it
 * left out is not a line, never a 0. */
#ifndef HKTOP_DETAIL_FIGURES_H
#define HKTOP_DETAIL_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/adr.h"
#include "model/position.h"
#include "base/display.h"
#include "model/quote.h"

enum fig_tone { FIG_PLAIN, FIG_UP, FIG_DOWN, FIG_FLAT, FIG_DIM, FIG_ERROR };

struct fig_line {
	char label[24];
	char value[320];
	unsigned char tone;   /* enum fig_tone */
};

#define DETAIL_FIGS_MAX 32
#define DETAIL_LINE_MAX 720

/* The grid of figures for q at time now, in reading order. utf8 picks the
 * glyphs of the 52-week bar. Returns how many lines were written. */
size_t detail_figures(const struct quote *q, time_t now, enum names_lang lang, bool utf8,
		      struct fig_line *out, size_t max);

/* Where price stands in [lo, hi] as a bar of width cells and a percent:
 * "├───●──────┤ 26%" (or "|---o------| 26%" in ASCII). "" when any input
 * is missing, lo >= hi, or width < 3. Returns the length. */
int detail_figures_range_bar(struct num lo, struct num hi, struct num price, int width, bool utf8,
		     char *buf, size_t len);

/* v with a comma every three digits and dp decimals: "47,880.00". */
int detail_figures_grouped(double v, int dp, char *buf, size_t len);

/* "Quote 2026-08-07T16:08:23+08:00, 1m old (delayed), from tencent": the
 * quote's own time, how far it lags now (flagged when it is ahead of the
 * clock) and its source. */
int detail_figures_quote_line(const struct quote *q, time_t now, char *buf, size_t len);

/* One side of a dual listing: its quote, or why there is none. */
struct adr_side {
	const struct quote *q;  /* NULL: none yet */
	const char *err;        /* why, when q is NULL ("" while waiting), or why q is old */
	bool stale;             /* q is the last good quote; a refetch failed (err) */
};

/* The rate and where it came from. */
struct adr_fx {
	struct num rate;        /* !ok: none */
	time_t time;
	const char *source;
	const char *err;        /* why there is none */
};

/* The ADR parity lines for a: the ADS quote with its time and age, the
 * rate, the HK price one ADS is worth and the premium of HK against it.
 * Up to 3 lines; returns how many. */
size_t detail_figures_adr_lines(const struct adr *a, struct adr_side hk, struct adr_side us,
			const struct adr_fx *fx, time_t now, struct fig_line *out, size_t max);

/* The "Held" line of a dual listing whose H share or ADS is held (NULL:
 * not): each side valued at its quote, then the combined exposure in HK
 * shares and in HKD: "9988 -200 + BABA 10 ADS (80 sh) = -120 sh, HKD
 * -14,227.82". False when neither is held. */
bool detail_figures_held_line(const struct adr *a, const struct position *hk_pos,
			      const struct position *us_pos, struct adr_side hk, struct adr_side us,
			      const struct adr_fx *fx, time_t now, struct fig_line *out);

#endif
