/* view_watchlist.c - the table of quotes: the screen a trader keeps open */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "model/quote.h"
#include "model/quotetime.h"
#include "layout/columns.h"
#include "layout/spark.h"
#include "model/rally.h"
#include "base/fmt.h"
#include "tui/screen.h"
#include "base/text.h"

#define LEAD 1 /* the mark column: ! stale, > an alert fired, * fresh news (news.fresh) */

/* text_width without its mbrtowc per byte for an all-ASCII name, where
 * it counts every byte as one column: name_want measures every row of the
 * board on every draw. */
static int name_width(const char *s)
{
	size_t n = 0;

	while (s[n] && !((unsigned char)s[n] & 0x80))
		n++;
	return s[n] ? text_width(s) : (int)n;
}

/* The widest name among the rows, so the name column is no wider. */
static int name_want(const struct dash *dash)
{
	int w = 4;

	for (size_t i = 0; i < dash->board.n; i++) {
		int k = name_width(dash_row_name(dash, &dash->board.rows[i]));
		if (k > w)
			w = k;
	}
	return w;
}

/* A position column of the row's instrument: amounts compact, a sign on
 * gains; with privacy ($) the amounts go and the P&L is a per cent. */
static void position_cell(const struct dash *dash, const struct row *r, int col, char *buf,
			  size_t len, enum ui_color *color)
{
	const struct position *p = position_book_find(&dash->pos.book, &r->in);
	struct num n = { 0, 0, false };
	bool hide = dash->pos.privacy;

	if (!p)
		return;
	switch (col) {
	case COL_QTY:
		if (!hide)
			snprintf(buf, len, "%lld", p->qty);
		return;
	case COL_VALUE:
		n = hide ? n : p->value;
		break;
	case COL_DAY_PNL:
		n = hide ? n : p->day_pnl;
		break;
	case COL_PNL:
		n = p->pnl;
		if (hide && p->pnl_pct.ok) {
			fmt_signed(p->pnl_pct, "%", buf, len);
			*color = ui_dir_color(p->pnl_pct.v);
			return;
		}
		break;
	}
	if (!n.ok)
		return;
	if (col != COL_VALUE && n.v > 0 && len > 1) {
		buf[0] = '+';
		fmt_amount(n.v, dash->set.names, buf + 1, len - 1);
	} else {
		fmt_amount(n.v, dash->set.names, buf, len);
	}
	if (col != COL_VALUE)
		*color = ui_dir_color(n.v);
}

/* The day's line of a row from the minute series (dash->rally), in the
 * colour of the day's move; blank while there is none, and when the
 * series is of another day than the quote: never one day's line beside
 * another day's price. */
static void spark(const struct dash *dash, const struct row *r, char *buf, size_t len,
		  enum ui_color *color)
{
	const char *term = getenv("TERM");
	const struct dash_rally *ra = &dash->rally;
	long k = ra->ix ? symbol_index_find(ra->ix, &r->in) : -1;
	const struct intraday_entry *e = k >= 0 && (size_t)k < ra->n ? &ra->v[k] : NULL;
	/* The Linux console's font has no braille. */
	enum spark_style style = !dash->ui->utf8 ? SPARK_ASCII :
				 term && strncmp(term, "linux", 5) == 0 ? SPARK_BLOCKS : SPARK_BRAILLE;
	double v[RALLY_DAY_MAX_COLS];
	size_t begun, n;

	if (!e || !e->last || !e->day.close || !rally_same_day(e->last, r->q.time))
		return;
	/* The part of the day still to come is blank, not the last price
	 * drawn flat to the close. */
	n = e->day.ncols < RALLY_DAY_MAX_COLS ? e->day.ncols : RALLY_DAY_MAX_COLS;
	begun = rally_day_begun(&e->day);
	for (size_t j = 0; j < n; j++)
		v[j] = j < begun ? e->day.close[j] : NAN;
	/* The line's colour says where the line itself ends against the
	 * series' previous close, so it changes with the line (once a
	 * minute), not with every quote; the quote's move when the series
	 * has no previous close. */
	if (spark_draw(v, n, dash->cols.at.width[COL_SPARK], style, buf, len)) {
		double end = begun ? v[begun - 1] : NAN;
		*color = ui_dir_color(isfinite(end) && e->prev_close > 0 ? end - e->prev_close :
				      r->q.f[QF_CHANGE].ok ? r->q.f[QF_CHANGE].v : 0);
	}
}

static void cell(const struct dash *dash, const struct row *r, int col, char *buf, size_t len,
		 enum ui_color *color)
{
	const struct quote *q = &r->q;
	enum names_lang lang = dash->set.names;
	double chg = q->f[QF_CHANGE].ok ? q->f[QF_CHANGE].v : 0;

	buf[0] = '\0';
	*color = UI_DEFAULT;
	if (col == COL_CODE) {
		snprintf(buf, len, "%s", r->in.display);
		return;
	}
	if (col == COL_NAME) {
		/* A cut name says so. */
		columns_cut(dash_row_name(dash, r), dash->cols.at.width[COL_NAME], dash->ui->utf8,
			    buf, len);
		return;
	}
	if (!r->have)
		return;
	if (board_col_position(col)) {
		position_cell(dash, r, col, buf, len, color);
		return;
	}
	switch (col) {
	case COL_LAST:
		fmt_num(q->f[QF_PRICE], buf, len);
		*color = ui_dir_color(chg);
		break;
	case COL_CHANGE:
		fmt_signed(q->f[QF_CHANGE], "", buf, len);
		*color = ui_dir_color(chg);
		break;
	case COL_PCT:
		fmt_signed(q->f[QF_CHANGE_PCT], "%", buf, len);
		*color = ui_dir_color(chg);
		break;
	case COL_OPEN:
		fmt_num(q->f[QF_OPEN], buf, len);
		break;
	case COL_HIGH:
		fmt_num(q->f[QF_HIGH], buf, len);
		break;
	case COL_LOW:
		fmt_num(q->f[QF_LOW], buf, len);
		break;
	case COL_VOLUME:
		if (q->f[QF_VOLUME].ok)
			fmt_amount(q->f[QF_VOLUME].v, lang, buf, len);
		break;
	case COL_TURNOVER:
	case COL_MCAP: {
		/* The columns are in HKD: a US listing's dollars stay out (its
		 * detail view gives them, with the currency). */
		struct num n = quote_hkd_figure(q, col == COL_MCAP ? QF_MARKET_CAP : QF_TURNOVER);
		if (n.ok)
			fmt_amount(n.v, lang, buf, len);
		break;
	}
	case COL_PREV:
	case COL_VWAP:
	case COL_BID:
	case COL_ASK:
	case COL_PE:
	case COL_PB:
	case COL_YIELD: {
		static const enum quote_field field[COL_COUNT] = {
			[COL_PREV] = QF_PREV_CLOSE, [COL_VWAP] = QF_VWAP, [COL_BID] = QF_BID,
			[COL_ASK] = QF_ASK, [COL_PE] = QF_PE, [COL_PB] = QF_PB,
			[COL_YIELD] = QF_DIV_YIELD,
		};
		fmt_num(q->f[field[col]], buf, len);
		break;
	}
	case COL_52W:
		if (q->f[QF_LOW_52W].ok && q->f[QF_HIGH_52W].ok) {
			char lo[32], hi[32];
			fmt_num(q->f[QF_LOW_52W], lo, sizeof lo);
			fmt_num(q->f[QF_HIGH_52W], hi, sizeof hi);
			snprintf(buf, len, "%s-%s", lo, hi);
		}
		break;
	case COL_LOT:
		if (q->lot_size > 0)
			snprintf(buf, len, "%ld", q->lot_size);
		break;
	case COL_SPARK:
		spark(dash, r, buf, len, color);
		break;
	case COL_TIME:
		/* On the exchange's own clock; an old quote is dim and marked */
		quotetime_cell(q, &dash->cal, dash_now(dash), dash->set.refresh, buf, len);
		if (quotetime_is_old(q, &dash->cal, dash_now(dash), dash->set.refresh))
			*color = UI_DIM;
		break;
	}
}

/* The flash of a changed price: its direction's colour, reversed (in
 * monochrome the reverse alone); in the selected row, already reversed,
 * the colour plain and bold. */
static attr_t flash_attr(const struct dash *dash, const struct row *r, bool sel)
{
	attr_t dir = dash->ui->attrs[ui_dir_color(r->tick)];

	return sel ? (dir & ~(attr_t)A_REVERSE) | A_BOLD : dir | A_REVERSE;
}

/* A flashed span and the look under it, for the flash's end. */
static void flash_note(struct dash_flash *f, int y, int x, int n, attr_t under)
{
	if (f->n == DASH_FLASH_MAX) {
		f->overflow = true;
		return;
	}
	f->span[f->n].y = (short)y;
	f->span[f->n].x = (short)x;
	f->span[f->n].n = (short)n;
	f->span[f->n++].attrs = under;
}

static void draw_row(struct dash *dash, WINDOW *w, int y, size_t idx)
{
	const struct columns_layout *l = &dash->cols.at;
	const struct row *r = &dash->board.rows[idx];
	bool sel = (long)idx == dash->selected;
	attr_t extra = sel ? A_REVERSE : 0;
	int x = 0;
	bool stale, fresh, alerted;

	stale = r->stale || (!r->have && r->err[0]);
	alerted = !stale && symbol_index_find(&dash->alerts.marked, &r->in) >= 0;
	fresh = !stale && !alerted && dash_news_fresh(dash, &r->in);
	ui_text(w, y, x, LEAD, stale ? "!" : alerted ? ">" : fresh ? "*" : " ", 0,
		dash->ui->attrs[fresh || alerted ? UI_KEY : UI_STALE] | extra);
	x += LEAD;
	for (int i = 0; i < l->n; i++) {
		int c = l->order[i];
		char buf[128];
		enum ui_color color;
		attr_t a;

		if (c < 0 || c >= COL_COUNT)
			continue; /* columns_fit places none such; gcc cannot see it */
		cell(dash, r, c, buf, sizeof buf, &color);
		if (columns_specs[c].align)
			fmt_fit(buf, sizeof buf, l->width[c]); /* figures: whole or ### */
		/* A stale row keeps its figures, in the stale colour. */
		if (r->stale && color != UI_DEFAULT)
			color = UI_STALE;
		if (r->stale && c == COL_TIME)
			color = UI_STALE;
		a = dash->ui->attrs[color] | extra;
		ui_text(w, y, x, l->width[c], buf, columns_specs[c].align, a);
		if (c == COL_LAST && r->tick && dash->set.flash) {
			/* The digits that moved flash, from the first that changed:
			 * fewer cells to draw twice, and the eye goes to them. */
			char was[64];
			size_t len = strlen(buf), k;
			fmt_num(r->tick_from, was, sizeof was);
			k = columns_changed_from(buf, was);
			if ((int)len <= l->width[c] && k < len) {
				int fx = x + l->width[c] - (int)(len - k);

				ui_text(w, y, fx, (int)(len - k), buf + k, 1, flash_attr(dash, r, sel));
				flash_note(&dash->flash, y, fx, (int)(len - k), a);
			}
		}
		x += l->width[c];
		if (x < dash->ui->cols) {
			ui_text(w, y, x, 1, " ", 0, extra ? dash->ui->attrs[UI_DEFAULT] | extra : 0);
			x++;
		}
	}
	if (x < dash->ui->cols)
		ui_clear_row(w, y, x, dash->ui->cols - x, extra);
}

/* Rows the legend takes at the bottom: on a screen without a quote (the
 * first one, an empty list, offline), when it leaves room for rows. */
static int legend_rows(const struct dash *dash, int rows)
{
	int need = (int)view_help_legend_count + 1;

	for (size_t i = 0; i < dash->board.n; i++)
		if (dash->board.rows[i].have)
			return 0;
	return rows >= need + 3 ? need : 0;
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	const struct columns_layout *l = &dash->cols.at;
	int legend = legend_rows(dash, height - 1), rows = height - 1 - legend;
	int want[COL_COUNT];
	size_t nwant = dash->cols.nwant;

	/* The position columns after the wanted ones when some row is held
	 * (unless the columns key places them). */
	view_portfolio_value(dash);
	memcpy(want, dash->cols.want, nwant * sizeof *want);
	for (size_t i = 0; i < dash->board.n; i++)
		if (position_book_find(&dash->pos.book, &dash->board.rows[i].in)) {
			for (int c = 0; c < COL_COUNT; c++) {
				bool asked = false;
				for (size_t k = 0; k < dash->cols.nwant; k++)
					asked = asked || dash->cols.want[k] == c;
				if (board_col_position(c) && !asked && nwant < COL_COUNT)
					want[nwant++] = c;
			}
			break;
		}
	columns_fit(want, nwant, dash->ui->cols, LEAD, name_want(dash), &dash->cols.at);
	dash_scroll_to_selected(dash, rows);
	/* The rows in sight are those whose minute series the spark column
	 * wants (rally_control.c). */
	if (columns_shown(l, COL_SPARK)) {
		dash->rally.nfirst = 0;
		for (long i = dash->scroll; i < dash->scroll + rows && i < (long)dash->board.n &&
		     dash->rally.nfirst < DASH_RALLY_FIRST; i++)
			dash->rally.first[dash->rally.nfirst++] = i;
	}
	ui_clear_row(w, top, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	for (int i = 0; i < l->n; i++) {
		int c = l->order[i];
		char title[32];
		snprintf(title, sizeof title, "%s%s", columns_specs[c].title,
			 dash->board.sort == c ? (dash->board.desc ? "v" : "^") : "");
		ui_text(w, top, l->x[c], l->width[c], title, columns_specs[c].align,
			dash->ui->attrs[UI_COLHEAD]);
	}
	for (int i = 0; i < rows; i++) {
		long idx = dash->scroll + i;
		if (idx < (long)dash->board.n)
			draw_row(dash, w, top + 1 + i, (size_t)idx);
		else
			ui_clear_row(w, top + 1 + i, 0, dash->ui->cols, A_NORMAL);
	}
	if (dash->board.n == 0)
		ui_text(w, top + 1, 1, dash->ui->cols - 1,
			"The watchlist is empty: press / to add a symbol", 0, dash->ui->attrs[UI_DIM]);
	for (int i = 0; i < legend; i++) {
		int y = top + 1 + rows + i;
		ui_clear_row(w, y, 0, dash->ui->cols, A_NORMAL);
		if (i > 0)
			ui_text(w, y, 1, dash->ui->cols - 1, view_help_legend[i - 1], 0,
				dash->ui->attrs[UI_DIM]);
	}
}

static unsigned select_row(struct dash *dash, long to)
{
	long n = (long)dash->board.n;

	if (n == 0)
		return REACT_NONE;
	if (to < 0)
		to = 0;
	if (to >= n)
		to = n - 1;
	if (to == dash->selected)
		return REACT_NONE;
	dash->selected = to;
	return REACT_REDRAW;
}

/* Code and name sort up; figures biggest first. -1: watchlist order. */
static unsigned sort_by(struct dash *dash, int col)
{
	dash->board.sort = col;
	dash->board.desc = col >= 0 && col != COL_CODE && col != COL_NAME;
	return REACT_RESORT | REACT_REDRAW | REACT_STATUS;
}

static unsigned action(struct dash *dash, enum action act)
{
	long page = screen_body_height(dash) - 2;

	if (page < 1)
		page = 1;
	switch (act) {
	case ACT_MOVE_DOWN:
		return select_row(dash, dash->selected + 1);
	case ACT_MOVE_UP:
		return select_row(dash, dash->selected - 1);
	case ACT_PAGE_DOWN:
		dash->scroll += page;
		return select_row(dash, dash->selected + page) | REACT_REDRAW;
	case ACT_PAGE_UP:
		dash->scroll -= page;
		if (dash->scroll < 0)
			dash->scroll = 0;
		return select_row(dash, dash->selected - page) | REACT_REDRAW;
	case ACT_FIRST:
		return select_row(dash, 0);
	case ACT_LAST:
		return select_row(dash, (long)dash->board.n - 1);
	case ACT_HALF_DOWN:
		dash->scroll += (page + 1) / 2;
		return select_row(dash, dash->selected + (page + 1) / 2) | REACT_REDRAW;
	case ACT_HALF_UP:
		dash->scroll -= (page + 1) / 2;
		if (dash->scroll < 0)
			dash->scroll = 0;
		return select_row(dash, dash->selected - (page + 1) / 2) | REACT_REDRAW;
	case ACT_SORT_NEXT:
		/* Through the columns shown, left to right, then watchlist order. */
		return sort_by(dash, columns_sort_next(&dash->cols.at, dash->board.sort));
	case ACT_SORT_REVERSE:
		if (dash->board.sort < 0)
			return REACT_NONE;
		dash->board.desc = !dash->board.desc;
		return REACT_RESORT | REACT_REDRAW | REACT_STATUS;
	case ACT_REMOVE:
		if (dash->selected < 0 || dash->selected >= (long)dash->board.n)
			return REACT_NONE;
		dash_status(dash, false, "Removed %s", dash->board.rows[dash->selected].in.display);
		dash->removed = dash->board.rows[dash->selected];
		dash->removed_at = dash->selected;
		board_remove(&dash->board, (size_t)dash->selected);
		if (dash->selected >= (long)dash->board.n)
			dash->selected = (long)dash->board.n - 1;
		return REACT_REDRAW | REACT_SAVE;
	case ACT_UNDO:
		if (dash->removed_at < 0) {
			dash_status(dash, false, "Nothing to undo");
			return REACT_STATUS;
		}
		if (!board_restore(&dash->board, &dash->removed, (size_t)dash->removed_at)) {
			dash_status(dash, true, "%s is on the list again", dash->removed.in.display);
			dash->removed_at = -1;
			return REACT_STATUS;
		}
		dash->selected = board_find(&dash->board, &dash->removed.in);
		dash->removed_at = -1;
		dash_status(dash, false, "Put back %s", dash->removed.in.display);
		return REACT_RESORT | REACT_REDRAW | REACT_SAVE;
	default:
		return REACT_PASS;
	}
}

/* A click on a title sorts by its column, a second one reverses; on a
 * row selects it. Elsewhere: REACT_PASS, nothing there. */
static unsigned click(struct dash *dash, int y, int x, int top)
{
	long idx = dash->scroll + (y - top - 1);

	if (y == top) {
		int c = columns_at(&dash->cols.at, x);
		if (c < 0 || !board_col_sortable(c))
			return REACT_PASS;
		if (c == dash->board.sort) {
			dash->board.desc = !dash->board.desc;
			return REACT_RESORT | REACT_REDRAW | REACT_STATUS;
		}
		return sort_by(dash, c);
	}
	if (y < top || idx < 0 || idx >= (long)dash->board.n)
		return REACT_PASS;
	return select_row(dash, idx);
}

const struct view_ops view_watchlist = {
	.name = "watchlist",
	.draw = draw,
	.action = action,
	.click = click,
};
