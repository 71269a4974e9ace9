/* view_watchlist.c - the table of quotes: the screen a trader keeps open */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "model/quote.h"
#include "model/quotetime.h"
#include "layout/columns.h"
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
		snprintf(buf, len, "%s", dash_row_name(dash, r));
		return;
	}
	if (!r->have)
		return;
	if (col > COL_SORT_LAST) {
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
	case COL_TIME:
		/* On the exchange's own clock; an old quote is dim and marked */
		quotetime_cell(q, dash_now(dash), dash->set.refresh, buf, len);
		if (quotetime_is_old(q, dash_now(dash), dash->set.refresh))
			*color = UI_DIM;
		break;
	}
}

static void draw_row(struct dash *dash, WINDOW *w, int y, size_t idx, const bool shown[],
		     const int widths[])
{
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
	for (int c = 0; c < COL_COUNT; c++) {
		char buf[128];
		enum ui_color color;
		if (!shown[c])
			continue;
		cell(dash, r, c, buf, sizeof buf, &color);
		if (columns_specs[c].align)
			fmt_fit(buf, sizeof buf, widths[c]); /* figures: whole or ### */
		/* A stale row keeps its figures, in the stale colour. */
		if (r->stale && color != UI_DEFAULT)
			color = UI_STALE;
		if (r->stale && c == COL_TIME)
			color = UI_STALE;
		ui_text(w, y, x, widths[c], buf, columns_specs[c].align,
			dash->ui->attrs[color] | extra);
		x += widths[c];
		if (x < dash->ui->cols) {
			ui_text(w, y, x, 1, " ", 0, extra ? dash->ui->attrs[UI_DEFAULT] | extra : 0);
			x++;
		}
	}
	if (x < dash->ui->cols)
		ui_clear_row(w, y, x, dash->ui->cols - x, extra);
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	bool shown[COL_COUNT], want[COL_COUNT];
	int widths[COL_COUNT], x = LEAD, rows = height - 1;

	/* The position columns only when some row is held. */
	view_portfolio_value(dash);
	for (int c = 0; c < COL_COUNT; c++)
		want[c] = c <= COL_SORT_LAST;
	for (size_t i = 0; i < dash->board.n; i++)
		if (position_book_find(&dash->pos.book, &dash->board.rows[i].in)) {
			for (int c = COL_SORT_LAST + 1; c < COL_COUNT; c++)
				want[c] = true;
			break;
		}
	columns_fit_want(dash->ui->cols, LEAD, name_want(dash), want, shown, widths);
	dash_scroll_to_selected(dash, rows);
	ui_clear_row(w, top, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	for (int c = 0; c < COL_COUNT; c++) {
		char title[32];
		if (!shown[c])
			continue;
		snprintf(title, sizeof title, "%s%s", columns_specs[c].title,
			 dash->board.sort == c ? (dash->board.desc ? "v" : "^") : "");
		ui_text(w, top, x, widths[c], title, columns_specs[c].align, dash->ui->attrs[UI_COLHEAD]);
		x += widths[c] + 1;
	}
	for (int i = 0; i < rows; i++) {
		long idx = dash->scroll + i;
		if (idx < (long)dash->board.n)
			draw_row(dash, w, top + 1 + i, (size_t)idx, shown, widths);
		else
			ui_clear_row(w, top + 1 + i, 0, dash->ui->cols, A_NORMAL);
	}
	if (dash->board.n == 0)
		ui_text(w, top + 1, 1, dash->ui->cols - 1,
			"The watchlist is empty: press / to add a symbol", 0, dash->ui->attrs[UI_DIM]);
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
	case ACT_SORT_NEXT:
		/* Code and name sort up; figures sort biggest first. */
		dash->board.sort = dash->board.sort + 1 > COL_SORT_LAST ? -1 : dash->board.sort + 1;
		dash->board.desc = dash->board.sort > COL_NAME;
		if (dash->board.sort < 0)
			dash->board.desc = false;
		return REACT_RESORT | REACT_REDRAW | REACT_STATUS;
	case ACT_SORT_REVERSE:
		if (dash->board.sort < 0)
			return REACT_NONE;
		dash->board.desc = !dash->board.desc;
		return REACT_RESORT | REACT_REDRAW | REACT_STATUS;
	case ACT_REMOVE:
		if (dash->selected < 0 || dash->selected >= (long)dash->board.n)
			return REACT_NONE;
		dash_status(dash, false, "Removed %s", dash->board.rows[dash->selected].in.display);
		board_remove(&dash->board, (size_t)dash->selected);
		if (dash->selected >= (long)dash->board.n)
			dash->selected = (long)dash->board.n - 1;
		return REACT_REDRAW | REACT_SAVE;
	default:
		return REACT_PASS;
	}
}

static unsigned click(struct dash *dash, int y, int x, int top)
{
	long idx = dash->scroll + (y - top - 1);

	(void)x;
	if (y <= top || idx < 0 || idx >= (long)dash->board.n)
		return REACT_NONE;
	return select_row(dash, idx);
}

const struct view_ops view_watchlist = {
	.name = "watchlist",
	.draw = draw,
	.action = action,
	.click = click,
};
