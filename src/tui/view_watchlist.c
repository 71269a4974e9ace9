/* view_watchlist.c - the table of quotes: the screen a trader keeps open */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "model/quote.h"
#include "model/quotetime.h"
#include "layout/columns.h"
#include "base/fmt.h"
#include "tui/screen.h"
#include "base/text.h"

#define LEAD 1 /* the mark column: ! stale, * fresh news (news.fresh) */

/* The widest name among the rows, so the name column is no wider. */
static int name_want(const struct app *app)
{
	int w = 4;

	for (size_t i = 0; i < app->board.n; i++) {
		int k = text_width(app_row_name(app, &app->board.rows[i]));
		if (k > w)
			w = k;
	}
	return w;
}

static void cell(const struct app *app, const struct row *r, int col, char *buf, size_t len,
		 enum ui_color *color)
{
	const struct quote *q = &r->q;
	enum names_lang lang = (enum names_lang)app->o->names;
	double chg = q->f[QF_CHANGE].ok ? q->f[QF_CHANGE].v : 0;

	buf[0] = '\0';
	*color = UI_DEFAULT;
	if (col == COL_CODE) {
		snprintf(buf, len, "%s", r->in.display);
		return;
	}
	if (col == COL_NAME) {
		snprintf(buf, len, "%s", app_row_name(app, r));
		return;
	}
	if (!r->have)
		return;
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
		quote_time_cell(q, app_now(app), app->o->refresh, buf, len);
		if (quote_is_old(q, app_now(app), app->o->refresh))
			*color = UI_DIM;
		break;
	}
}

static void draw_row(struct app *app, WINDOW *w, int y, size_t idx, const bool shown[],
		     const int widths[])
{
	const struct row *r = &app->board.rows[idx];
	bool sel = (long)idx == app->selected;
	attr_t extra = sel ? A_REVERSE : 0;
	int x = 0;
	bool stale, fresh;

	stale = r->stale || (!r->have && r->err[0]);
	fresh = !stale && app_news_fresh(app, &r->in);
	ui_text(w, y, x, LEAD, stale ? "!" : fresh ? "*" : " ", 0,
		app->ui.attrs[fresh ? UI_KEY : UI_STALE] | extra);
	x += LEAD;
	for (int c = 0; c < COL_COUNT; c++) {
		char buf[128];
		enum ui_color color;
		if (!shown[c])
			continue;
		cell(app, r, c, buf, sizeof buf, &color);
		if (column_specs[c].align)
			fmt_fit(buf, sizeof buf, widths[c]); /* figures: whole or ### */
		/* A stale row keeps its figures, in the stale colour. */
		if (r->stale && color != UI_DEFAULT)
			color = UI_STALE;
		if (r->stale && c == COL_TIME)
			color = UI_STALE;
		ui_text(w, y, x, widths[c], buf, column_specs[c].align,
			app->ui.attrs[color] | extra);
		x += widths[c];
		if (x < app->ui.cols) {
			ui_text(w, y, x, 1, " ", 0, extra ? app->ui.attrs[UI_DEFAULT] | extra : 0);
			x++;
		}
	}
	if (x < app->ui.cols)
		ui_clear_row(w, y, x, app->ui.cols - x, extra);
}

static void draw(struct app *app, WINDOW *w, int top, int height)
{
	bool shown[COL_COUNT];
	int widths[COL_COUNT], x = LEAD, rows = height - 1;

	columns_fit(app->ui.cols, LEAD, name_want(app), shown, widths);
	app_scroll_to_selected(app, rows);
	ui_clear_row(w, top, 0, app->ui.cols, app->ui.attrs[UI_COLHEAD]);
	for (int c = 0; c < COL_COUNT; c++) {
		char title[32];
		if (!shown[c])
			continue;
		snprintf(title, sizeof title, "%s%s", column_specs[c].title,
			 app->board.sort == c ? (app->board.desc ? "v" : "^") : "");
		ui_text(w, top, x, widths[c], title, column_specs[c].align, app->ui.attrs[UI_COLHEAD]);
		x += widths[c] + 1;
	}
	for (int i = 0; i < rows; i++) {
		long idx = app->scroll + i;
		if (idx < (long)app->board.n)
			draw_row(app, w, top + 1 + i, (size_t)idx, shown, widths);
		else
			ui_clear_row(w, top + 1 + i, 0, app->ui.cols, A_NORMAL);
	}
	if (app->board.n == 0)
		ui_text(w, top + 1, 1, app->ui.cols - 1,
			"The watchlist is empty: press / to add a symbol", 0, app->ui.attrs[UI_DIM]);
}

static unsigned select_row(struct app *app, long to)
{
	long n = (long)app->board.n;

	if (n == 0)
		return REACT_NONE;
	if (to < 0)
		to = 0;
	if (to >= n)
		to = n - 1;
	if (to == app->selected)
		return REACT_NONE;
	app->selected = to;
	return REACT_REDRAW;
}

static unsigned action(struct app *app, enum action act)
{
	long page = screen_body_height(app) - 2;

	if (page < 1)
		page = 1;
	switch (act) {
	case ACT_MOVE_DOWN:
		return select_row(app, app->selected + 1);
	case ACT_MOVE_UP:
		return select_row(app, app->selected - 1);
	case ACT_PAGE_DOWN:
		app->scroll += page;
		return select_row(app, app->selected + page) | REACT_REDRAW;
	case ACT_PAGE_UP:
		app->scroll -= page;
		if (app->scroll < 0)
			app->scroll = 0;
		return select_row(app, app->selected - page) | REACT_REDRAW;
	case ACT_FIRST:
		return select_row(app, 0);
	case ACT_LAST:
		return select_row(app, (long)app->board.n - 1);
	case ACT_SORT_NEXT:
		/* Code and name sort up; figures sort biggest first. */
		app->board.sort = app->board.sort + 1 >= COL_COUNT ? -1 : app->board.sort + 1;
		app->board.desc = app->board.sort > COL_NAME;
		if (app->board.sort < 0)
			app->board.desc = false;
		app_resort(app);
		return REACT_REDRAW | REACT_STATUS;
	case ACT_SORT_REVERSE:
		if (app->board.sort < 0)
			return REACT_NONE;
		app->board.desc = !app->board.desc;
		app_resort(app);
		return REACT_REDRAW | REACT_STATUS;
	case ACT_REMOVE:
		if (app->selected < 0 || app->selected >= (long)app->board.n)
			return REACT_NONE;
		app_status(app, false, "Removed %s", app->board.rows[app->selected].in.display);
		board_remove(&app->board, (size_t)app->selected);
		if (app->selected >= (long)app->board.n)
			app->selected = (long)app->board.n - 1;
		return REACT_REDRAW | REACT_SAVE;
	default:
		return REACT_PASS;
	}
}

static unsigned click(struct app *app, int y, int x, int top)
{
	long idx = app->scroll + (y - top - 1);

	(void)x;
	if (y <= top || idx < 0 || idx >= (long)app->board.n)
		return REACT_NONE;
	return select_row(app, idx);
}

const struct view_ops view_watchlist = {
	.name = "watchlist",
	.letter = 'w',
	.draw = draw,
	.action = action,
	.click = click,
};
