/* view_detail.c - one ticker's full figures; [ and ] step through the list */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "fmt.h"
#include "hktime.h"
#include "market.h"

/* The figures, in reading order, as a table. */
static const struct figure {
	const char *label;
	enum quote_field field;
	int kind; /* 0 price-like, 1 signed, 2 percent, 3 amount, 4 plain */
} figures[] = {
	{ "Last", QF_PRICE, 0 },        { "Change", QF_CHANGE, 1 },
	{ "Change %", QF_CHANGE_PCT, 2 }, { "Open", QF_OPEN, 0 },
	{ "High", QF_HIGH, 0 },         { "Low", QF_LOW, 0 },
	{ "Prev close", QF_PREV_CLOSE, 0 }, { "VWAP", QF_VWAP, 0 },
	{ "Volume", QF_VOLUME, 3 },     { "Turnover", QF_TURNOVER, 3 },
	{ "Amplitude %", QF_AMPLITUDE, 4 }, { "52w high", QF_HIGH_52W, 0 },
	{ "52w low", QF_LOW_52W, 0 },   { "Market cap", QF_MARKET_CAP, 3 },
	{ "P/E", QF_PE, 4 },            { "P/B", QF_PB, 4 },
	{ "Div yield %", QF_DIV_YIELD, 4 }, { "Bid", QF_BID, 0 },
	{ "Ask", QF_ASK, 0 },
};

static const struct row *current(const struct app *app)
{
	if (app->detail_row < 0 || app->detail_row >= (long)app->board.n)
		return NULL;
	return &app->board.rows[app->detail_row];
}

static void draw(struct app *app, WINDOW *w, int top, int height)
{
	const struct row *r = current(app);
	char line[256], val[64], t[48];
	int y = top, colw = 30, ncols = app->ui.cols >= 64 ? 2 : 1;
	enum names_lang lang = (enum names_lang)app->o->names;

	for (int i = 0; i < height; i++)
		ui_clear_row(w, top + i, 0, app->ui.cols, A_NORMAL);
	if (!r) {
		ui_text(w, y, 1, app->ui.cols - 1, "No ticker selected", 0, A_NORMAL);
		return;
	}
	snprintf(line, sizeof line, " %s  %s", r->in.display, app_row_name(app, r));
	ui_text(w, y++, 0, app->ui.cols, line, 0, app->ui.attrs[UI_COLHEAD]);
	if (!r->have) {
		ui_text(w, ++y, 1, app->ui.cols - 1, r->err[0] ? r->err : "No quote yet", 0,
			app->ui.attrs[r->err[0] ? UI_ERROR : UI_DIM]);
		return;
	}
	y++;
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		const struct figure *f = &figures[i];
		struct num n = r->q.f[f->field];
		int row = y + (int)(i / (size_t)ncols), x = 1 + (int)(i % (size_t)ncols) * (colw + 2);
		enum ui_color c = UI_DEFAULT;

		if (row >= top + height - 3)
			break;
		val[0] = '\0';
		if (f->kind == 1 || f->kind == 2) {
			fmt_signed(n, f->kind == 2 ? "%" : "", val, sizeof val);
			c = n.ok ? ui_dir_color(n.v) : UI_DEFAULT;
		} else if (f->kind == 3 && n.ok) {
			fmt_amount(n.v, lang, val, sizeof val);
		} else {
			fmt_num(n, val, sizeof val);
		}
		ui_text(w, row, x, 14, f->label, 0, app->ui.attrs[UI_DIM]);
		ui_text(w, row, x + 14, colw - 14, val[0] ? val : "-", 1,
			app->ui.attrs[r->stale ? UI_STALE : c]);
	}
	y += (int)((sizeof figures / sizeof figures[0] + (size_t)ncols - 1) / (size_t)ncols) + 1;
	if (y < top + height) {
		char lot[64] = "-", tick[32] = "-";
		if (r->q.lot_size > 0 && r->q.f[QF_PRICE].ok)
			snprintf(lot, sizeof lot, "%ld (HK$ %.0f a lot)", r->q.lot_size,
				 r->q.lot_size * r->q.f[QF_PRICE].v);
		if (r->in.market == MARKET_HK && r->q.f[QF_PRICE].ok)
			snprintf(tick, sizeof tick, "%.3f",
				 market_tick_size(r->q.f[QF_PRICE].v, app_now(app)));
		snprintf(line, sizeof line, "Board lot %s   Tick %s   Currency %s", lot, tick,
			 r->q.currency[0] ? r->q.currency : "-");
		ui_text(w, y++, 1, app->ui.cols - 1, line, 0, A_NORMAL);
	}
	if (y < top + height) {
		char age[16];
		long secs = (long)(app_now(app) - r->q.time);
		hktime_iso8601(r->q.time, r->q.utc_offset, t, sizeof t);
		fmt_age(secs < 0 ? -secs : secs, age, sizeof age);
		/* A time ahead of the clock means a skewed clock or a bad feed. */
		snprintf(line, sizeof line, "Quote time %s (%s %s) from %s%s", t, age,
			 secs < 0 ? "AHEAD of this clock" : "old", r->q.source,
			 r->stale ? "  STALE" : "");
		ui_text(w, y++, 1, app->ui.cols - 1, line, 0, app->ui.attrs[r->stale ? UI_STALE : UI_DIM]);
	}
	if (r->stale && y < top + height)
		ui_text(w, y++, 1, app->ui.cols - 1, r->err, 0, app->ui.attrs[UI_ERROR]);
	detail_news_draw(app, w, y + 1, top + height - y - 1, &r->in);
}

static unsigned action(struct app *app, enum action act)
{
	long n = (long)app->board.n;

	switch (act) {
	case ACT_PREV_TICKER:
	case ACT_MOVE_UP:
		if (app->detail_row > 0)
			app->selected = --app->detail_row;
		return REACT_REDRAW;
	case ACT_NEXT_TICKER:
	case ACT_MOVE_DOWN:
		if (app->detail_row + 1 < n)
			app->selected = ++app->detail_row;
		return REACT_REDRAW;
	case ACT_QUIT:
		return REACT_BACK;
	case ACT_OPEN:
		return REACT_NONE;
	default:
		return REACT_PASS;
	}
}

static void open_detail(struct app *app)
{
	app->detail_row = app->selected;
}

const struct view_ops view_detail = {
	.name = "detail",
	.letter = 0,
	.open = open_detail,
	.draw = draw,
	.action = action,
};
