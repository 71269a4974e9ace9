/* screen.c - header with the indexes and the session, status line, flush */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "base/fmt.h"
#include "model/quotetime.h"
#include "tui/screen.h"
#include "base/text.h"

#define BODY_TOP 1

int screen_body_height(const struct app *app)
{
	return app->ui.rows - 2;
}

static bool too_small(const struct app *app)
{
	return app->ui.rows < SCREEN_MIN_ROWS || app->ui.cols < SCREEN_MIN_COLS;
}

/* "HSI 25915.820 +62.900 +0.24%", the figures in the direction colour. */
static int draw_index(struct app *app, int x, int room, int k)
{
	const char *const *label = app_header_indexes;
	const struct quote_result *r = &app->index_q[k];
	char price[32], chg[32], pct[32], figs[100];
	enum ui_color c;
	int lw = (int)strlen(label[k]), fw;
	bool old;

	if (!r->ok)
		return x;
	old = quote_is_old(&r->q, app_now(app), app->o->refresh);
	fmt_num(r->q.f[QF_PRICE], price, sizeof price);
	fmt_signed(r->q.f[QF_CHANGE], "", chg, sizeof chg);
	fmt_signed(r->q.f[QF_CHANGE_PCT], "%", pct, sizeof pct);
	snprintf(figs, sizeof figs, "%s%s %s %s", old ? FMT_OLD_MARK : "", price, chg, pct);
	if (lw + 1 + (int)strlen(figs) > room) /* narrow: the move only */
		snprintf(figs, sizeof figs, "%s%s", old ? FMT_OLD_MARK : "", pct);
	fw = (int)strlen(figs);
	if (lw + 1 + fw > room)
		return x;
	/* Old figures after a failed refresh are marked, not dropped; figures
	 * older than their source's usual delay are dim (and marked above). */
	c = r->err[0] ? UI_STALE : old ? UI_DIM : ui_dir_color(r->q.f[QF_CHANGE].v);
	ui_text(stdscr, 0, x, lw + 1, label[k], 0, app->ui.attrs[UI_HEADER]);
	ui_text(stdscr, 0, x + lw + 1, fw, figs, 0, app->ui.attrs[c]);
	return x + lw + 1 + fw + 2;
}

static void draw_header(struct app *app)
{
	struct market_status ms;
	char right[160], clock[16];
	int cols = app->ui.cols, x, rw;

	market_status(&app->cal, app_now(app), &ms);
	fmt_hkt_time(app_now(app), clock, sizeof clock);
	clock[5] = '\0'; /* HH:MM: the header changes once a minute */
	if (app->demo) /* its prices tick at any hour: the exchange's session would belie them */
		snprintf(right, sizeof right, "%s %s HKT ",
			 app->o->names == NAMES_ZH ? "开市（模拟）" : "Open (demo)", clock);
	else
		snprintf(right, sizeof right, "%s%s %s HKT ",
			 app->o->names == NAMES_ZH ? ms.label_zh : ms.label,
			 ms.calendar_known ? "" : " (no calendar)", clock);
	ui_clear_row(stdscr, 0, 0, cols, app->ui.attrs[UI_HEADER]);
	ui_text(stdscr, 0, 0, 7, " hktop ", 0, app->ui.attrs[UI_TITLE]);
	x = 7;
	if (app->demo) {
		ui_text(stdscr, 0, x, 6, " DEMO ", 0, app->ui.attrs[UI_DEMO]);
		x += 7;
	}
	rw = text_width(right);
	if (rw > cols - x)
		rw = 0;
	for (int k = 0; k < 2; k++)
		x = draw_index(app, x, cols - x - rw - 1, k);
	if (rw)
		ui_text(stdscr, 0, cols - rw, rw, right, 1, app->ui.attrs[UI_HEADER]);
}

static void draw_status(struct app *app)
{
	int y = app->ui.rows - 1, cols = app->ui.cols;
	char left[512], right[160], msg[MSG_TEXT_MAX + 16], more[32] = "", fitted[MSG_TEXT_MAX + 32];
	attr_t a = app->ui.attrs[app->status_error ? UI_ERROR : UI_STATUS];

	if (app->prompt.active) {
		const struct instrument_info *c[6];
		size_t n = prompt_candidates(app->prompt.buf, &app->db, c, 6);
		size_t used = (size_t)snprintf(left, sizeof left, "/%s_", app->prompt.buf);
		for (size_t i = 0; i < n && used < sizeof left; i++)
			used += (size_t)snprintf(left + used, sizeof left - used, "%s%s %s",
						 i ? "  " : "    ", c[i]->in.display,
						 app->o->names == NAMES_ZH ? c[i]->name_zh : c[i]->name_en);
		ui_text(stdscr, y, 0, cols, left, 0, app->ui.attrs[UI_STATUS]);
		return;
	}
	snprintf(msg, sizeof msg, "%s%s", app->fetching ? "Refreshing... " : "", app->status);
	if (app->status_more)
		snprintf(more, sizeof more, " (+%zu more)", app->status_more);
	/* An edit that was not saved stays said after its message is gone. */
	if (app->board.sort >= 0)
		snprintf(right, sizeof right, " %s%ssort: %s %s | %zu%s | ? help ",
			 app->source_delay, app->source_delay[0] ? " | " : "",
			 board_col_name(app->board.sort), app->board.desc ? "desc" : "asc",
			 app->board.n, app->saved->unsaved ? " unsaved" : "");
	else
		snprintf(right, sizeof right, " %s%s%zu%s | ? help ",
			 app->source_delay, app->source_delay[0] ? " | " : "", app->board.n,
			 app->saved->unsaved ? " unsaved" : "");
	{
		/* The message wins over the summary when both do not fit, and an
		 * error always does: its cause must be readable. */
		int rw = text_width(right), mw = text_width(more), lw = 1 + text_width(msg) + mw;
		if (rw > cols - 20 || (lw + rw > cols && (app->status_error || rw > cols / 2)))
			rw = 0;
		/* Cut at a word, the count of other open messages kept whole. */
		msg_fit(msg, cols - rw - 1 - mw, app->ui.utf8, fitted, sizeof fitted);
		snprintf(left, sizeof left, " %s%s", fitted, more);
		ui_text(stdscr, y, 0, cols - rw, left, 0, a);
		if (rw)
			ui_text(stdscr, y, cols - rw, rw, right, 1, app->ui.attrs[UI_STATUS]);
	}
}

void screen_render(struct app *app)
{
	unsigned d = app->dirty;

	app->dirty = 0;
	if (d & REDRAW_CLEAR)
		erase();
	if (too_small(app)) {
		erase();
		ui_text(stdscr, 0, 0, app->ui.cols, "terminal too small", 0, A_BOLD);
		if (app->ui.rows > 1) {
			char need[64];
			snprintf(need, sizeof need, "need %dx%d", SCREEN_MIN_COLS, SCREEN_MIN_ROWS);
			ui_text(stdscr, 1, 0, app->ui.cols, need, 0, A_NORMAL);
		}
		ui_flush();
		return;
	}
	if (d & REDRAW_HEADER)
		draw_header(app);
	if (d & REDRAW_BODY)
		app->view->draw(app, stdscr, BODY_TOP, screen_body_height(app));
	if (d & REDRAW_STATUS)
		draw_status(app);
	ui_flush();
}

unsigned screen_mouse(struct app *app, const MEVENT *ev)
{
	if (too_small(app))
		return REACT_NONE;
	if (ev->bstate & BUTTON4_PRESSED)
		return app->view->action ? app->view->action(app, ACT_MOVE_UP) : REACT_NONE;
#ifdef BUTTON5_PRESSED
	if (ev->bstate & BUTTON5_PRESSED)
		return app->view->action ? app->view->action(app, ACT_MOVE_DOWN) : REACT_NONE;
#endif
	if ((ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) && app->view->click)
		return app->view->click(app, ev->y, ev->x, BODY_TOP);
	return REACT_NONE;
}
