/* view_detail.c - one ticker: title, chart, full figures, ADR parity
 *
 * Draws from the board's quote and the detail state (detail.h); the
 * figures' text comes from detail_figures.c and the chart's cells from
 * chart.c, so all this file does is place them and pick colours. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "layout/detail_figures.h"
#include "layout/detail_title.h"
#include "base/fmt.h"
#include "base/hktime.h"
#include "base/text.h"

#define SIDE_PANEL_MIN_COLS 110 /* wider: figures beside the chart */
#define PANEL_W 40
#define LABEL_W 11
#define MIN_CHART_ROWS 4

static const struct row *current(const struct dash *dash)
{
	if (dash->detail_row < 0 || dash->detail_row >= (long)dash->board.n)
		return NULL;
	return &dash->board.rows[dash->detail_row];
}

static attr_t tone_attr(const struct dash *dash, unsigned tone, bool stale)
{
	static const enum ui_color map[] = {
		[FIG_PLAIN] = UI_DEFAULT, [FIG_UP] = UI_UP, [FIG_DOWN] = UI_DOWN,
		[FIG_FLAT] = UI_FLAT, [FIG_DIM] = UI_DIM, [FIG_ERROR] = UI_ERROR,
	};

	if (stale && tone != FIG_ERROR)
		return dash->ui->attrs[UI_STALE];
	return dash->ui->attrs[tone < sizeof map / sizeof map[0] ? map[tone] : UI_DEFAULT];
}

/* " 0700  TENCENT  478.800 -0.400 -0.08%" then the ranges, the current one
 * in brackets, and the chart style: laid out by detail_title.c, where the
 * figures win over the selector. */
static void draw_title(struct dash *dash, WINDOW *w, int y, const struct row *r,
		       const struct detail *d)
{
	char figs[100], pr[32], ch[32], pct[32];
	struct detail_title t;
	int rw;

	figs[0] = '\0';
	if (r->have) {
		fmt_num(r->q.f[QF_PRICE], pr, sizeof pr);
		fmt_signed(r->q.f[QF_CHANGE], "", ch, sizeof ch);
		fmt_signed(r->q.f[QF_CHANGE_PCT], "%", pct, sizeof pct);
		snprintf(figs, sizeof figs, "%s %s %s", pr, ch, pct);
	}
	detail_title_layout(r->in.display, dash_row_name(dash, r), figs, d->range,
			    d->mode == CHART_CANDLES, dash->ui->cols, &t);
	rw = text_width(t.right);
	ui_clear_row(w, y, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	ui_text(w, y, 0, dash->ui->cols - rw, t.left, 0, dash->ui->attrs[UI_COLHEAD]);
	if (rw)
		ui_text(w, y, dash->ui->cols - rw, rw, t.right, 1, dash->ui->attrs[UI_COLHEAD]);
}

static attr_t cell_attr(const struct dash *dash, unsigned tag, bool stale)
{
	static const enum ui_color map[CHART_TAG_COUNT] = {
		[CHART_BLANK] = UI_DEFAULT, [CHART_UP] = UI_UP, [CHART_DOWN] = UI_DOWN,
		[CHART_FLAT] = UI_FLAT, [CHART_AXIS] = UI_DIM, [CHART_PREV_CLOSE] = UI_DIM,
		[CHART_CURSOR] = UI_KEY, [CHART_VOLUME] = UI_DIM,
	};

	if (stale && tag != CHART_BLANK && tag != CHART_AXIS)
		return dash->ui->attrs[UI_STALE];
	return dash->ui->attrs[tag < CHART_TAG_COUNT ? map[tag] : UI_DEFAULT];
}

/* A centred one-line note in an empty chart area. */
static void chart_note(struct dash *dash, WINDOW *w, int y, int x, int width, int height,
		       const char *note, enum ui_color c)
{
	ui_text(w, y + height / 2, x + 1, width - 1, note, 0, dash->ui->attrs[c]);
}

/* The chart and, under it, the cursor's bar or what the chart is. */
static void draw_chart(struct dash *dash, WINDOW *w, int y, int x, int width, int height,
		       struct detail *d)
{
	struct chart_opts o;
	struct chart c;
	char info[320], note[SERIES_ERR_MAX + 64];
	int rows = height - 1;

	for (int i = 0; i < height; i++)
		ui_clear_row(w, y + i, x, width, A_NORMAL);
	if (!detail_chart_current(d)) {
		if (d->loading)
			snprintf(note, sizeof note, "Fetching the %s chart...", series_ranges[d->range].name);
		else
			snprintf(note, sizeof note, "No %s chart: %s", series_ranges[d->range].name,
				 d->err[0] ? d->err : "not fetched");
		chart_note(dash, w, y, x, width, rows, note, d->loading ? UI_DIM : UI_ERROR);
		return;
	}
	memset(&o, 0, sizeof o);
	o.width = width - 1;
	o.height = rows;
	o.mode = d->mode;
	o.glyphs = dash->ui->utf8 ? CHART_UNICODE : CHART_ASCII;
	o.cursor = d->cursor;
	if (d->s.in.market != MARKET_US) { /* a half day's axis ends at noon */
		struct market_status ms;
		market_status(&dash->cal, d->s.v[0].t, &ms);
		o.half_day = ms.half_day;
	}
	if (o.width < 1 || o.height < 1 || !chart_render(&d->s, &o, &c))
		return;
	d->plot_width = c.plot_width;
	for (int cy = 0; cy < c.height; cy++)
		for (int cx = 0; cx < c.width; cx++) {
			const struct chart_cell *cell = chart_at(&c, cx, cy);
			wattrset(w, cell_attr(dash, cell->tag, d->stale));
			mvwaddstr(w, y + cy, x + 1 + cx, cell->s);
		}
	wattrset(w, A_NORMAL);
	chart_done(&c);
	if (d->cursor >= 0) {
		chart_axis_cursor_label(&d->s, (size_t)d->cursor, dash->set.names, info,
				   sizeof info);
	} else {
		char last[40], day[16], of[48] = "";
		const struct row *r = current(dash);

		hktime_iso8601(d->s.v[d->s.n - 1].t, d->s.utc_offset, last, sizeof last);
		last[d->s.interval < 86400 ? 16 : 10] = '\0';
		if (last[10] == 'T')
			last[10] = ' ';
		/* Minutes of another day than the quote above say so. */
		if (detail_chart_other_day(d, r && r->have ? &r->q : NULL, day, sizeof day))
			snprintf(of, sizeof of, " of %s, not the quote's day,", day);
		snprintf(info, sizeof info, "%s%s from %s, %zu bars to %s%s", series_ranges[d->range].name,
			 of, d->s.source, d->s.n, last + (of[0] ? 11 : 0),
			 d->loading ? " (updating)" : "");
	}
	if (d->stale) {
		size_t n = strlen(info);
		snprintf(info + n, sizeof info - n, "  STALE: %s", d->err);
	}
	ui_text(w, y + rows, x + 1, width - 1, info, 0,
		dash->ui->attrs[d->stale ? UI_STALE : d->cursor >= 0 ? UI_KEY : UI_DIM]);
}

/* Figures in ncol columns of colw, from row y; returns the rows used. */
static int draw_figures(struct dash *dash, WINDOW *w, int y, int x, int colw, int ncol,
			int maxrows, const struct row *r)
{
	struct fig_line f[DETAIL_FIGS_MAX];
	size_t n = detail_figures(&r->q, dash_now(dash), dash->set.names,
				  dash->ui->utf8, f, DETAIL_FIGS_MAX);
	int rows = (int)((n + (size_t)ncol - 1) / (size_t)ncol);

	if (rows > maxrows)
		rows = maxrows;
	for (size_t i = 0; i < n; i++) {
		int row = (int)i % (rows ? rows : 1), col = (int)i / (rows ? rows : 1);
		int fx = x + col * colw;
		if (col >= ncol)
			break;
		ui_text(w, y + row, fx, LABEL_W, f[i].label, 0, dash->ui->attrs[UI_DIM]);
		ui_text(w, y + row, fx + LABEL_W, colw - LABEL_W - 1, f[i].value, 0,
			tone_attr(dash, f[i].tone, r->stale));
	}
	return rows;
}

static size_t adr_lines(struct dash *dash, const struct row *r, struct fig_line *out, size_t max)
{
	struct detail *d = &dash->detail;
	const struct quote *self = r->have ? &r->q : NULL;
	const struct quote *other = d->other_q.ok ? &d->other_q.q : NULL;
	const char *oerr = d->other_q.err;
	struct adr_side hk, us;
	struct adr_fx fx = { d->fx, d->fx_time, dash->demo ? "demo" : "yahoo", d->fx_err };
	bool self_stale = r->have && r->stale, other_stale = other && oerr[0];
	size_t n;

	if (!d->adr)
		return 0;
	if (r->in.market == MARKET_US) {
		us = (struct adr_side){ self, r->err, self_stale };
		hk = (struct adr_side){ other, oerr, other_stale };
	} else {
		hk = (struct adr_side){ self, r->err, self_stale };
		us = (struct adr_side){ other, oerr, other_stale };
	}
	if (d->fx_loading && !d->fx.ok)
		fx.err = "fetching...";
	n = detail_figures_adr_lines(d->adr, hk, us, &fx, dash_now(dash), out, max);
	/* Both listings held: the one exposure. */
	if (n < max && detail_figures_held_line(d->adr, position_book_find(&dash->pos.book, &d->adr->hk),
						position_book_find(&dash->pos.book, &d->adr->us),
						hk, us, &fx, dash_now(dash), &out[n]))
		n++;
	return n;
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	const struct row *r = current(dash);
	struct detail *d = &dash->detail;
	struct fig_line adr[4];
	char line[DETAIL_LINE_MAX];
	int cols = dash->ui->cols, y = top + 1, bottom = top + height, nadr, nnews, chart_h;
	bool side = cols >= SIDE_PANEL_MIN_COLS;

	for (int i = 0; i < height; i++)
		ui_clear_row(w, top + i, 0, cols, A_NORMAL);
	if (!r) {
		ui_text(w, top, 1, cols - 1, "No ticker selected", 0, A_NORMAL);
		return;
	}
	draw_title(dash, w, top, r, d);
	nadr = (int)adr_lines(dash, r, adr, 4);
	/* Below everything: the quote's time and source, then ADR parity. */
	bottom -= nadr + 1;
	if (r->have) {
		detail_figures_quote_line(&r->q, dash_now(dash), line, sizeof line);
		if (r->stale) {
			size_t n = strlen(line);
			snprintf(line + n, sizeof line - n, "  STALE: %s", r->err);
		}
	} else {
		snprintf(line, sizeof line, "%s", r->err[0] ? r->err : "No quote yet");
	}
	if (bottom > y)
		ui_text(w, bottom, 1, cols - 1, line, 0,
			dash->ui->attrs[r->stale || !r->have ? (r->err[0] ? UI_ERROR : UI_DIM) : UI_DIM]);
	for (int i = 0; i < nadr && bottom + 1 + i < top + height; i++) {
		ui_text(w, bottom + 1 + i, 1, LABEL_W, adr[i].label, 0, dash->ui->attrs[UI_DIM]);
		ui_text(w, bottom + 1 + i, 1 + LABEL_W, cols - 2 - LABEL_W, adr[i].value, 0,
			tone_attr(dash, adr[i].tone, false));
	}
	/* The ticker's own headlines, above the quote line, when it has any
	 * and the chart keeps its room. */
	nnews = view_detail_news_height(dash, &r->in, (bottom - y) / 3);
	if (nnews > 0) {
		bottom -= nnews;
		view_detail_news_draw(dash, w, bottom, nnews, &r->in);
	}
	if (side) {
		if (r->have)
			draw_figures(dash, w, y, cols - PANEL_W, PANEL_W, 1, bottom - y, r);
		draw_chart(dash, w, y, 0, cols - PANEL_W - 1, bottom - y, d);
		return;
	}
	/* Stacked: figures in two columns under the chart. */
	chart_h = bottom - y;
	if (r->have) {
		struct fig_line f[DETAIL_FIGS_MAX];
		size_t n = detail_figures(&r->q, dash_now(dash), dash->set.names,
					  dash->ui->utf8, f, DETAIL_FIGS_MAX);
		int frows = (int)(n + 1) / 2;
		if (chart_h - frows < MIN_CHART_ROWS)
			frows = chart_h - MIN_CHART_ROWS;
		if (frows > 0) {
			chart_h -= frows;
			draw_figures(dash, w, y + chart_h, 0, cols / 2, 2, frows, r);
		}
	}
	if (chart_h > 1)
		draw_chart(dash, w, y, 0, cols, chart_h, d);
}

static long cursor_step(const struct detail *d)
{
	long w = d->plot_width > 0 ? d->plot_width : 1;

	return ((long)d->s.n + w - 1) / w;
}

static unsigned move_cursor(struct dash *dash, int dir)
{
	struct detail *d = &dash->detail;
	long n;

	if (!detail_chart_current(d))
		return REACT_NONE;
	n = (long)d->s.n;
	if (d->cursor < 0)
		d->cursor = n - 1; /* the first press shows the newest bar */
	else
		d->cursor += dir * cursor_step(d);
	d->cursor = d->cursor < 0 ? 0 : d->cursor >= n ? n - 1 : d->cursor;
	return REACT_REDRAW;
}

static unsigned step(struct dash *dash, int dir)
{
	long n = (long)dash->board.n, to = dash->detail_row + dir;

	if (to < 0 || to >= n)
		return REACT_NONE;
	dash->selected = dash->detail_row = to;
	detail_select(&dash->detail, &dash->board.rows[to].in);
	return REACT_REDRAW | REACT_WANT_DATA;
}

static unsigned action(struct dash *dash, enum action act)
{
	struct detail *d = &dash->detail;

	if (act >= ACT_CHART_1D && act <= ACT_CHART_5Y) {
		detail_set_range(d, (enum series_range)(act - ACT_CHART_1D));
		return REACT_REDRAW | REACT_WANT_DATA;
	}
	switch (act) {
	case ACT_PREV_TICKER:
	case ACT_MOVE_UP:
		return step(dash, -1);
	case ACT_NEXT_TICKER:
	case ACT_MOVE_DOWN:
		return step(dash, 1);
	case ACT_TOGGLE_CANDLES:
		d->mode = d->mode == CHART_LINE ? CHART_CANDLES : CHART_LINE;
		return REACT_REDRAW;
	case ACT_MOVE_LEFT:
		return move_cursor(dash, -1);
	case ACT_MOVE_RIGHT:
		return move_cursor(dash, 1);
	case ACT_QUIT:
		return REACT_BACK;
	case ACT_OPEN:
		return REACT_NONE;
	default:
		return REACT_PASS;
	}
}

static unsigned open_detail(struct dash *dash)
{
	dash->detail_row = dash->selected;
	if (dash->detail_row < 0 || dash->detail_row >= (long)dash->board.n)
		return REACT_NONE;
	detail_select(&dash->detail, &dash->board.rows[dash->detail_row].in);
	return REACT_WANT_DATA;
}

const struct view_ops view_detail = {
	.name = "detail",
	.open = open_detail,
	.draw = draw,
	.action = action,
};
