/* screen.c - header with the indexes and the session, status line, flush */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "base/fmt.h"
#include "model/quotetime.h"
#include "tui/screen.h"
#include "base/text.h"

#define BODY_TOP 1

int screen_body_height(const struct dash *dash)
{
	return dash->ui->rows - 2;
}

static bool too_small(const struct dash *dash)
{
	return dash->ui->rows < SCREEN_MIN_ROWS || dash->ui->cols < SCREEN_MIN_COLS;
}

/* "HSI 25915.820 +62.900 +0.24%", the figures in the direction colour. */
static int draw_index(struct dash *dash, int x, int room, int k)
{
	const char *const *label = dash_header_indexes;
	const struct quote_result *r = &dash->index_q[k];
	char price[32], chg[32], pct[32], figs[100];
	enum ui_color c;
	int lw = (int)strlen(label[k]), fw;
	bool old;

	if (!r->ok)
		return x;
	old = quotetime_is_old(&r->q, &dash->cal, dash_now(dash), dash->set.refresh);
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
	ui_text(stdscr, 0, x, lw + 1, label[k], 0, dash->ui->attrs[UI_HEADER]);
	ui_text(stdscr, 0, x + lw + 1, fw, figs, 0, dash->ui->attrs[c]);
	return x + lw + 1 + fw + 2;
}

static void draw_header(struct dash *dash)
{
	struct market_status ms;
	char right[160], clock[16];
	int cols = dash->ui->cols, x, rw;

	market_status(&dash->cal, dash_now(dash), &ms);
	fmt_hkt_time(dash_now(dash), clock, sizeof clock);
	clock[5] = '\0'; /* HH:MM: the header changes once a minute */
	/* The demo's clock is the demo day's: its session is the one shown. */
	snprintf(right, sizeof right, "%s%s%s %s HKT ",
		 dash->set.names == NAMES_ZH ? ms.label_zh : ms.label,
		 ms.calendar_known ? "" : " (no calendar)",
		 dash->demo_paused ? (dash->set.names == NAMES_ZH ? " 暂停" : " paused") : "", clock);
	ui_clear_row(stdscr, 0, 0, cols, dash->ui->attrs[UI_HEADER]);
	ui_text(stdscr, 0, 0, 7, " hktop ", 0, dash->ui->attrs[UI_TITLE]);
	x = 7;
	if (dash->demo) {
		ui_text(stdscr, 0, x, 6, " DEMO ", 0, dash->ui->attrs[UI_DEMO]);
		x += 7;
	}
	if (dash->replay[0]) {
		int w = (int)strlen(dash->replay) + 2;
		char label[sizeof dash->replay + 2];
		snprintf(label, sizeof label, " %s ", dash->replay);
		ui_text(stdscr, 0, x, w, label, 0, dash->ui->attrs[UI_DEMO]);
		x += w + 1;
	}
	if (dash->list_name[0]) { /* several lists: which one this is */
		char tag[sizeof dash->list_name + 4];
		int tw = snprintf(tag, sizeof tag, "[%s]", dash->list_name);

		ui_text(stdscr, 0, x, tw, tag, 0, dash->ui->attrs[UI_HEADER] | A_BOLD);
		x += tw + 2;
	}
	rw = text_width(right);
	if (rw > cols - x)
		rw = 0;
	for (int k = 0; k < 2; k++)
		x = draw_index(dash, x, cols - x - rw - 1, k);
	if (rw)
		ui_text(stdscr, 0, cols - rw, rw, right, 1, dash->ui->attrs[UI_HEADER]);
}

static void draw_status(struct dash *dash)
{
	bool unsaved = dash->unsaved && *dash->unsaved;
	int y = dash->ui->rows - 1, cols = dash->ui->cols;
	char left[512], right[160], msg[MSG_TEXT_MAX + 16], more[32] = "", fitted[MSG_TEXT_MAX + 32];
	attr_t a = dash->ui->attrs[dash->status_error ? UI_ERROR : UI_STATUS];

	if (dash->prompt.active && dash->list_prompt) {
		char lp[PROMPT_MAX + sizeof dash->list_names + 16];

		snprintf(lp, sizeof lp, "list: %s_    %s", dash->prompt.buf, dash->list_names);
		ui_text(stdscr, y, 0, cols, lp, 0, dash->ui->attrs[UI_STATUS]);
		return;
	}
	if (dash->prompt.active && dash->pos.prompt) {
		snprintf(left, sizeof left, "lot: %s_    SYMBOL QTY COST [YYYY-MM-DD] [fee=AMOUNT]",
			 dash->prompt.buf);
		ui_text(stdscr, y, 0, cols, left, 0, dash->ui->attrs[UI_STATUS]);
		return;
	}
	if (dash->prompt.active) {
		const struct instrument_info *c[6];
		size_t n = dash->prompt.label ? 0 : prompt_candidates(dash->prompt.buf, &dash->db, c, 6);
		size_t used = (size_t)snprintf(left, sizeof left, "%s%s_",
					       dash->prompt.label ? dash->prompt.label : "/", dash->prompt.buf);
		for (size_t i = 0; i < n && used < sizeof left; i++)
			used += (size_t)snprintf(left + used, sizeof left - used, "%s%s %s",
						 i ? "  " : "    ", c[i]->in.display,
						 dash->set.names == NAMES_ZH ? c[i]->name_zh : c[i]->name_en);
		ui_text(stdscr, y, 0, cols, left, 0, dash->ui->attrs[UI_STATUS]);
		return;
	}
	snprintf(msg, sizeof msg, "%s%s", dash->fetching ? "Refreshing... " : "", dash->status);
	if (dash->status_more)
		snprintf(more, sizeof more, " (+%zu more)", dash->status_more);
	/* An edit that was not saved stays said after its message is gone. */
	if (dash->board.sort >= 0)
		snprintf(right, sizeof right, " %s%ssort: %s %s%s | %zu%s | ? help ",
			 dash->source_delay, dash->source_delay[0] ? " | " : "",
			 board_col_name(dash->board.sort), dash->board.desc ? "desc" : "asc",
			 /* a column too narrow to show still sorts: say so */
			 dash->cols.at.n && !columns_shown(&dash->cols.at, dash->board.sort) ?
			 " (hidden)" : "", dash->board.n, unsaved ? " unsaved" : "");
	else
		snprintf(right, sizeof right, " %s%s%zu%s | ? help ",
			 dash->source_delay, dash->source_delay[0] ? " | " : "", dash->board.n,
			 unsaved ? " unsaved" : "");
	{
		/* The message wins over the summary when both do not fit, and an
		 * error always does: its cause must be readable. */
		int rw = text_width(right), mw = text_width(more), lw = 1 + text_width(msg) + mw;
		if (rw > cols - 20 || (lw + rw > cols && (dash->status_error || rw > cols / 2)))
			rw = 0;
		/* Cut at a word, the count of other open messages kept whole. */
		msglog_fit(msg, cols - rw - 1 - mw, dash->ui->utf8, fitted, sizeof fitted);
		snprintf(left, sizeof left, " %s%s", fitted, more);
		ui_text(stdscr, y, 0, cols - rw, left, 0, a);
		if (rw)
			ui_text(stdscr, y, cols - rw, rw, right, 1, dash->ui->attrs[UI_STATUS]);
	}
}

/* The flashed cells back to the look under them: nothing else on the
 * screen changed since they were drawn (a change redraws the body, which
 * notes the flash anew). */
static void flash_end(struct dash_flash *f)
{
	for (int i = 0; i < f->n; i++) {
		attr_t a = (attr_t)f->span[i].attrs;

		mvwchgat(stdscr, f->span[i].y, f->span[i].x, f->span[i].n, a & ~A_COLOR,
			 (short)PAIR_NUMBER(a), NULL);
	}
	f->n = 0;
}

void screen_render(struct dash *dash)
{
	unsigned d = dash->dirty;

	dash->dirty = 0;
	if (d & REDRAW_CLEAR)
		erase();
	if (too_small(dash)) {
		erase();
		ui_text(stdscr, 0, 0, dash->ui->cols, "terminal too small", 0, A_BOLD);
		if (dash->ui->rows > 1) {
			char need[64];
			snprintf(need, sizeof need, "need %dx%d", SCREEN_MIN_COLS, SCREEN_MIN_ROWS);
			ui_text(stdscr, 1, 0, dash->ui->cols, need, 0, A_NORMAL);
		}
		ui_flush();
		return;
	}
	if (d & REDRAW_HEADER)
		draw_header(dash);
	if (d & REDRAW_BODY) {
		dash->flash.n = 0;
		dash->flash.overflow = false;
		dash->view->draw(dash, stdscr, BODY_TOP, screen_body_height(dash));
	} else if (d & REDRAW_FLASH_END) {
		flash_end(&dash->flash);
	}
	if (d & REDRAW_STATUS)
		draw_status(dash);
	ui_flush();
}

unsigned screen_mouse(struct dash *dash, const MEVENT *ev)
{
	if (too_small(dash))
		return REACT_NONE;
	if (ev->bstate & BUTTON4_PRESSED)
		return dash->view->action ? dash->view->action(dash, ACT_MOVE_UP) : REACT_NONE;
#ifdef BUTTON5_PRESSED
	if (ev->bstate & BUTTON5_PRESSED)
		return dash->view->action ? dash->view->action(dash, ACT_MOVE_DOWN) : REACT_NONE;
#endif
	if ((ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED)) &&
	    dash->view->click) {
		unsigned r = dash->view->click(dash, ev->y, ev->x, BODY_TOP);
		/* A double click is a click, then Enter on what it chose: not
		 * on nothing, not on a column title. */
		if ((ev->bstate & BUTTON1_DOUBLE_CLICKED) && !(r & (REACT_PASS | REACT_RESORT)))
			r |= REACT_OPEN;
		return r & ~(unsigned)REACT_PASS;
	}
	return REACT_NONE;
}
