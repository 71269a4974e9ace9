/* view_rally.c - the rally board: one row a ticker, one column a time bucket
 *
 * Each cell is the return since the previous close at the end of its
 * bucket (rally.h), from the Tencent minute series (net/minute_fetch.c); rows go
 * by today's move, so who led and when reads from the top left. A minute
 * bar stands for the minute after its time: its price is taken at
 * bar.t + interval. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "layout/heatmap_label.h"
#include "tui/view_heatmap.h"
#include "model/rally.h"
#include "tui/screen.h"
#include "base/text.h"

#define LEAD 1       /* the stale mark */
#define CODE_W 6
#define NAME_W 12
#define PCT_W 7
#define CELL_MAX 7

/* The rows of the board: the watchlist bar US listings, in watchlist
 * order, each with its day as cut when its series came. */
struct board_data {
	long *rows;                   /* board row of each line */
	const struct intraday_entry **e; /* its minutes, or NULL */
	const struct rally_day **day; /* its day, NULL when none or left out */
	double *prev;                 /* its previous close */
	bool *other_day;              /* its minutes are of another day: left out */
	size_t n;
	time_t day_shown, last;       /* the day shown; the newest bar's end */
	size_t nother;                /* series left out for their day */
	long first_other;             /* board row of the first of them */
	time_t other_t;               /* and its newest bar */
};

/* The minute series of an instrument, or NULL: by the index, so that a
 * redraw of thousands of rows does no search. */
static const struct intraday_entry *rally_entry(const struct dash *dash, const struct instrument *in)
{
	long i = dash->rally.ix ? symbol_index_find(dash->rally.ix, in) : -1;

	return i < 0 || (size_t)i >= dash->rally.n ? NULL : &dash->rally.v[i];
}

static void data_free(struct board_data *d)
{
	free(d->rows);
	free(d->e);
	free(d->day);
	free(d->prev);
	free(d->other_day);
}

/* The day the board shows: the quotes' (their newest time), the day
 * everything else on screen shows; without a quote time, the newest
 * minute's. */
static time_t board_day(struct dash *dash)
{
	time_t day = 0;

	for (size_t i = 0; i < dash->board.n; i++) {
		const struct row *r = &dash->board.rows[i];
		if (r->in.market != MARKET_US && r->have && r->q.time > day)
			day = r->q.time;
	}
	for (size_t i = 0; !day && i < dash->rally.n; i++)
		if (dash->rally.v[i].last > day)
			day = dash->rally.v[i].last;
	return day ? day : dash_now(dash);
}

/* One row's day, taken only when its series is of the board's day:
 * yesterday's minutes are never today's move. */
static void row_day(struct board_data *d, const struct row *r, const struct intraday_entry *e)
{
	if (!rally_same_day(e->last, d->day_shown)) {
		d->other_day[d->n] = true;
		if (d->nother++ == 0) {
			d->first_other = d->rows[d->n];
			d->other_t = e->last;
		}
		return;
	}
	d->day[d->n] = &e->day;
	if (e->end > d->last)
		d->last = e->end;
	/* The series' own previous close goes with its prices; the quote's
	 * only when the quote is of the same day. */
	if (e->prev_close > 0)
		d->prev[d->n] = e->prev_close;
	else if (!(r->have && rally_same_day(r->q.time, d->day_shown)))
		d->prev[d->n] = NAN;
}

static bool data_build(struct dash *dash, struct board_data *d)
{
	size_t cap = dash->board.n ? dash->board.n : 1;

	memset(d, 0, sizeof *d);
	d->first_other = -1;
	d->day_shown = board_day(dash);
	d->rows = calloc(cap, sizeof *d->rows);
	d->e = calloc(cap, sizeof *d->e);
	d->day = calloc(cap, sizeof *d->day);
	d->prev = calloc(cap, sizeof *d->prev);
	d->other_day = calloc(cap, sizeof *d->other_day);
	if (!d->rows || !d->e || !d->day || !d->prev || !d->other_day)
		return false;
	for (size_t i = 0; i < dash->board.n; i++) {
		const struct row *r = &dash->board.rows[i];
		const struct intraday_entry *e;

		if (r->in.market == MARKET_US)
			continue;
		d->rows[d->n] = (long)i;
		d->prev[d->n] = r->have && r->q.f[QF_PREV_CLOSE].ok ? r->q.f[QF_PREV_CLOSE].v : NAN;
		d->e[d->n] = e = rally_entry(dash, &r->in);
		if (e && e->last)
			row_day(d, r, e);
		d->n++;
	}
	return true;
}

/* How the columns fit: cell width, and whether names are shown. */
static int cell_width(int cols, size_t ncols, bool *names)
{
	int fixed = LEAD + CODE_W + 1 + PCT_W + 1, cw;

	*names = true;
	cw = ncols ? (cols - fixed - NAME_W - 1) / (int)ncols : 0;
	if (cw < 2) {
		*names = false;
		cw = ncols ? (cols - fixed) / (int)ncols : 0;
	}
	return cw > CELL_MAX ? CELL_MAX : cw < 1 ? 1 : cw;
}

static void draw_cell(struct dash *dash, WINDOW *w, int y, int x, int cw, double v)
{
	char buf[32];
	struct heat_style s = heatmap_scale_style(heatmap_scale_bucket(v), dash->ui->red_up);

	if (isnan(v)) {
		ui_text(w, y, x, cw, "", 0, A_NORMAL);
		return;
	}
	if (cw >= 5) {
		/* "+1.23%" when it fits, "+1.2" when not; one column of gap. */
		heatmap_label_pct(v, cw >= 7 ? 2 : 1, buf, sizeof buf);
		if (cw < 7)
			buf[strcspn(buf, "%")] = '\0';
		ui_text(w, y, x, cw - 1, buf, 1, view_heatmap_attr(dash, v));
		ui_text(w, y, x + cw - 1, 1, " ", 0, A_NORMAL);
		return;
	}
	view_heatmap_fill(dash, w, y, x, cw, v, 0);
	/* Monochrome: the sign says which way, the shading how far; an
	 * unchanged price is a 0, not a blank that reads as no data. */
	if (dash->ui->tier == UI_MONO) {
		buf[0] = s.sign != ' ' ? s.sign : '0';
		buf[1] = '\0';
		ui_text(w, y, x, 1, buf, 0, view_heatmap_attr(dash, v));
	}
}

static void draw_titles(struct dash *dash, WINDOW *w, int y, const struct rally_matrix *m, int x0,
			int cw, bool names)
{
	int every = (6 + cw - 1) / cw;

	ui_clear_row(w, y, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	ui_text(w, y, LEAD, CODE_W, "CODE", 0, dash->ui->attrs[UI_COLHEAD]);
	if (names)
		ui_text(w, y, LEAD + CODE_W + 1, NAME_W, "NAME", 0, dash->ui->attrs[UI_COLHEAD]);
	ui_text(w, y, x0 - PCT_W - 1, PCT_W, "CHG%", 1, dash->ui->attrs[UI_COLHEAD]);
	for (size_t j = 0; j < m->ncols; j += (size_t)every) {
		char hhmm[16];
		int x = x0 + (int)j * cw;
		if (x + 5 > dash->ui->cols)
			break;
		fmt_hkt_time(m->ends[j], hhmm, sizeof hhmm);
		hhmm[5] = '\0';
		ui_text(w, y, x, 5, hhmm, 0, dash->ui->attrs[UI_COLHEAD]);
	}
}

static void status_tail(struct dash *dash, const struct board_data *d,
			char *buf, size_t len)
{
	char hhmm[16], day[16];
	size_t got = 0;

	for (size_t i = 0; i < dash->rally.n; i++)
		got += dash->rally.v[i].last != 0;
	if (dash->rally.failed) {
		snprintf(buf, len, "%zu of %zu minute series failed: %s", dash->rally.failed,
			 dash->rally.n, dash->rally.first_err);
		return;
	}
	if (d->nother) {
		const struct row *r = &dash->board.rows[d->first_other];
		char more[32] = "";
		if (d->nother > 1)
			snprintf(more, sizeof more, " and %zu more", d->nother - 1);
		fmt_hkt_date(d->other_t, day, sizeof day);
		snprintf(buf, len, "%s%s: minutes of %s, not the quotes' day: left out",
			 r->in.display, more, day + 5);
		return;
	}
	if (!d->last) {
		snprintf(buf, len, "%s", dash->rally.inflight ? "fetching minute series..." :
					 "no minute series yet");
		return;
	}
	fmt_hkt_time(d->last, hhmm, sizeof hhmm);
	hhmm[5] = '\0';
	fmt_hkt_date(d->last, day, sizeof day);
	snprintf(buf, len, "%s minutes to %s %s, %zu of %zu", dash->demo ? "demo" : "tencent",
		 day + 5, hhmm, got, dash->rally.n);
}

void view_rally_draw(struct dash *dash, struct view_heatmap_state *hv, WINDOW *w, int top, int height)
{
	struct board_data d;
	struct rally_matrix m = { 0 };
	struct market_status ms;
	int step = (int)dash->set.heatmap_bucket * 60, cw, x0, rows = height - 3;
	char what[64], day[16] = "", tail[400];
	bool names, built = data_build(dash, &d);

	/* A board of another day than today says which. */
	if (built && !rally_same_day(d.day_shown, dash_now(dash))) {
		fmt_hkt_date(d.day_shown, day + 4, sizeof day - 4);
		memcpy(day, " of ", 4);
	}
	snprintf(what, sizeof what, "Rally board%s, %ld-minute columns", day, dash->set.heatmap_bucket);
	view_heatmap_header(dash, w, top, what);
	for (int y = 1; y < height; y++)
		ui_clear_row(w, top + y, 0, dash->ui->cols, A_NORMAL);
	if (!built ||
	    (market_status(&dash->cal, d.day_shown, &ms),
	     !rally_matrix_from_days(&m, d.day, d.prev, d.n, d.day_shown, dash_now(dash), step,
				     ms.half_day))) {
		data_free(&d);
		ui_text(w, top + 1, 1, dash->ui->cols - 1, "out of memory", 0, dash->ui->attrs[UI_ERROR]);
		return;
	}
	cw = cell_width(dash->ui->cols, m.ncols, &names);
	x0 = LEAD + CODE_W + 1 + (names ? NAME_W + 1 : 0) + PCT_W + 1;
	draw_titles(dash, w, top + 1, &m, x0, cw, names);
	free(hv->board_rows);
	hv->nboard_rows = 0;
	if ((hv->board_rows = calloc(m.nrows ? m.nrows : 1, sizeof *hv->board_rows)))
		for (size_t i = 0; i < m.nrows; i++)
			hv->board_rows[hv->nboard_rows++] = d.rows[m.rows[i].series];
	/* Keep the selected line in sight. */
	for (size_t i = 0; i < hv->nboard_rows; i++)
		if (hv->board_rows[i] == dash->selected) {
			if ((long)i < hv->board_scroll)
				hv->board_scroll = (long)i;
			if ((long)i >= hv->board_scroll + rows)
				hv->board_scroll = (long)i - rows + 1;
		}
	if (hv->board_scroll > (long)m.nrows - rows)
		hv->board_scroll = (long)m.nrows - rows;
	if (hv->board_scroll < 0)
		hv->board_scroll = 0;
	/* The rows in sight and a page past them: the next round asks for
	 * these first. */
	dash->rally.nfirst = 0;
	for (long i = hv->board_scroll; i < (long)hv->nboard_rows && i < hv->board_scroll + 2L * rows &&
	     dash->rally.nfirst < DASH_RALLY_FIRST; i++)
		dash->rally.first[dash->rally.nfirst++] = hv->board_rows[i];
	for (int i = 0; i < rows && hv->board_scroll + i < (long)m.nrows; i++) {
		const struct rally_row *rr = &m.rows[hv->board_scroll + i];
		long bi = d.rows[rr->series];
		const struct row *r = &dash->board.rows[bi];
		const struct intraday_entry *e = d.e[rr->series];
		attr_t sel = bi == dash->selected ? A_REVERSE : 0;
		int y = top + 2 + i;
		char pct[32];

		ui_text(w, y, 0, LEAD, (e && e->stale) || d.other_day[rr->series] ? "!" : " ", 0,
			dash->ui->attrs[UI_STALE] | sel);
		ui_text(w, y, LEAD, CODE_W + 1, r->in.display, 0, sel);
		if (names)
			ui_text(w, y, LEAD + CODE_W + 1, NAME_W, dash_row_name(dash, r), 0, sel);
		heatmap_label_pct(rr->change_pct, 2, pct, sizeof pct);
		ui_text(w, y, x0 - PCT_W - 1, PCT_W, pct, 1,
			dash->ui->attrs[isnan(rr->change_pct) ? UI_DEFAULT : ui_dir_color(rr->change_pct)] | sel);
		for (size_t j = 0; j < m.ncols && x0 + (int)(j + 1) * cw <= dash->ui->cols; j++)
			draw_cell(dash, w, y, x0 + (int)j * cw, cw, rr->cells[j]);
	}
	if (m.nrows == 0)
		ui_text(w, top + 2, 1, dash->ui->cols - 1, "Nothing to show: the watchlist has no Hong Kong symbols",
			0, dash->ui->attrs[UI_DIM]);
	status_tail(dash, &d, tail, sizeof tail);
	view_heatmap_legend(dash, w, top + height - 1, tail);
	rally_matrix_done(&m);
	data_free(&d);
}

static unsigned select_line(struct dash *dash, struct view_heatmap_state *hv, long line)
{
	if (hv->nboard_rows == 0)
		return REACT_NONE;
	if (line < 0)
		line = 0;
	if (line >= (long)hv->nboard_rows)
		line = (long)hv->nboard_rows - 1;
	if (hv->board_rows[line] == dash->selected)
		return REACT_NONE;
	dash->selected = hv->board_rows[line];
	return REACT_REDRAW;
}

unsigned view_rally_action(struct dash *dash, struct view_heatmap_state *hv, enum action act)
{
	long at = 0, page = screen_body_height(dash) - 4;

	for (size_t i = 0; i < hv->nboard_rows; i++)
		if (hv->board_rows[i] == dash->selected)
			at = (long)i;
	if (page < 1)
		page = 1;
	switch (act) {
	case ACT_MOVE_DOWN:
		return select_line(dash, hv, at + 1);
	case ACT_MOVE_UP:
		return select_line(dash, hv, at - 1);
	case ACT_PAGE_DOWN:
		return select_line(dash, hv, at + page);
	case ACT_PAGE_UP:
		return select_line(dash, hv, at - page);
	case ACT_FIRST:
		return select_line(dash, hv, 0);
	case ACT_LAST:
		return select_line(dash, hv, (long)hv->nboard_rows - 1);
	default:
		return REACT_PASS;
	}
}

unsigned view_rally_click(struct dash *dash, struct view_heatmap_state *hv, int y, int top)
{
	long line = hv->board_scroll + (y - top - 2);

	if (y < top + 2 || line >= (long)hv->nboard_rows)
		return REACT_NONE;
	return select_line(dash, hv, line);
}
