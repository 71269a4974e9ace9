/* view_alerts.c - every alert rule, armed or fired (when, at what price),
 * and the keys to add one (!), remove one (d) and re-arm one (Enter)
 *
 * Draws dash.alerts; what it changes it asks of the controller
 * (app/alert_control.c) by a want, as the other views do. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/hktime.h"
#include "layout/columns.h"
#include "model/quotetime.h"
#include "tui/screen.h"
#include "tui/ui.h"
#include "tui/view.h"

#define RULE_W 26
#define STATE_W 10
#define WHEN_W 17
#define PRICE_W 11

/* The latest firing of a rule and how many names it fired for. */
static const struct alert_watch *latest(const struct alert_rule *r, size_t *nfired)
{
	const struct alert_watch *best = NULL;

	*nfired = 0;
	for (size_t i = 0; i < r->nw; i++) {
		if (!r->w[i].fired)
			continue;
		++*nfired;
		if (!best || r->w[i].last.t > best->last.t)
			best = &r->w[i];
	}
	return best;
}

static void draw_rule(struct dash *dash, WINDOW *w, int y, size_t i)
{
	const struct alert_rule *r = &dash->alerts.rules[i];
	const struct alert_watch *last;
	attr_t sel = (long)i == dash->alerts.sel ? A_REVERSE : 0;
	char key[ALERT_TEXT_MAX], state[24] = "armed", when[40] = "", price[48] = "";
	int x = 0, cols = dash->ui->cols;
	size_t nfired;

	alert_rule_key(r, key, sizeof key);
	if ((last = latest(r, &nfired))) {
		/* On the exchange's clock, as the quotes' TIME column: a US
		 * firing at 15:58 New York, not 03:58 the next day in HK. */
		hktime_iso8601(last->last.t,
			       hktime_zone_offset(quotetime_zone_of(&last->in), last->last.t), when,
			       sizeof when);
		when[10] = ' ';
		when[16] = '\0'; /* "2026-08-07 16:08" */
		num_format(last->last.price, price, sizeof price);
		if (r->every)
			snprintf(state, sizeof state, "fired %zu", nfired);
		else
			snprintf(state, sizeof state, "fired");
		if (r->every && last)
			snprintf(key + strlen(key), sizeof key - strlen(key), " (%s)", last->in.display);
	}
	ui_text(w, y, x, 1, " ", 0, sel);
	x += 1;
	ui_text(w, y, x, RULE_W, key, 0, sel);
	x += RULE_W + 1;
	ui_text(w, y, x - 1, 1, " ", 0, sel);
	ui_text(w, y, x, STATE_W, state, 0, sel | dash->ui->attrs[last ? UI_KEY : UI_DIM]);
	x += STATE_W;
	ui_text(w, y, x, WHEN_W, when, 0, sel);
	x += WHEN_W;
	ui_text(w, y, x, PRICE_W, price, 1, sel);
	x += PRICE_W;
	if (x + 2 < cols) {
		char note[ALERT_NOTE_MAX + 8];

		/* Cut with a mark, as a name is: a note that ends at the edge
		 * would read as whole. */
		columns_cut(r->note, cols - x - 2, dash->ui->utf8, note, sizeof note);
		ui_text(w, y, x, 2, "  ", 0, sel);
		ui_text(w, y, x + 2, cols - x - 2, note, 0, sel | dash->ui->attrs[UI_DIM]);
	}
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	struct dash_alerts *a = &dash->alerts;
	int y = top, end = top + height, cols = dash->ui->cols;
	char line[PROMPT_MAX + 160];
	int rows;

	ui_clear_row(w, y, 0, cols, dash->ui->attrs[UI_COLHEAD]);
	/* The keys first: a long path is what gets cut. */
	snprintf(line, sizeof line, "Alerts (! add, d remove, Enter re-arm, Esc back): %s",
		 a->path && a->path[0] ? a->path : "no rules file");
	ui_text(w, y++, 1, cols - 1, line, 0, dash->ui->attrs[UI_COLHEAD]);
	if (a->prompt.active && y < end) {
		snprintf(line, sizeof line, "Add: %s_", a->prompt.buf);
		ui_text(w, y++, 1, cols - 1, line, 0, A_BOLD);
		if (y < end)
			ui_text(w, y++, 1, cols - 1,
				"SYMBOL above|below PRICE, move PCT%, news; once|daily|always; # note", 0,
				dash->ui->attrs[UI_DIM]);
	}
	if (y < end) {
		snprintf(line, sizeof line, " %-*s%-*s%-*s%*s  %s", RULE_W, "RULE", STATE_W, "STATE",
			 WHEN_W, "FIRED", PRICE_W, "PRICE", "NOTE");
		ui_text(w, y++, 0, cols, line, 0, dash->ui->attrs[UI_DIM]);
	}
	if (a->n == 0 && y < end)
		ui_text(w, y++, 0, cols, "  No alert rules. ! on a name adds one.", 0,
			dash->ui->attrs[UI_DIM]);
	rows = end - y;
	if (rows > 0)
		dash_keep_visible(&a->sel, &a->scroll, (long)a->n, rows);
	for (size_t i = (size_t)a->scroll; i < a->n && y < end; i++)
		draw_rule(dash, w, y++, i);
	while (y < end)
		ui_clear_row(w, y++, 0, cols, A_NORMAL);
}

static unsigned action(struct dash *dash, enum action act)
{
	struct dash_alerts *a = &dash->alerts;
	long last = (long)a->n - 1, page = screen_body_height(dash) / 2;

	switch (act) {
	case ACT_MOVE_DOWN:
		a->sel += a->sel < last;
		return REACT_REDRAW;
	case ACT_MOVE_UP:
		a->sel -= a->sel > 0;
		return REACT_REDRAW;
	case ACT_PAGE_DOWN:
		a->sel = a->sel + page < last ? a->sel + page : last > 0 ? last : 0;
		return REACT_REDRAW;
	case ACT_PAGE_UP:
		a->sel = a->sel > page ? a->sel - page : 0;
		return REACT_REDRAW;
	case ACT_FIRST:
		a->sel = 0;
		return REACT_REDRAW;
	case ACT_LAST:
		a->sel = last > 0 ? last : 0;
		return REACT_REDRAW;
	case ACT_REMOVE:
		if (a->n == 0)
			return REACT_NONE;
		a->want_remove = a->sel;
		return REACT_WANT_DATA | REACT_REDRAW;
	case ACT_OPEN:
		if (a->n == 0)
			return REACT_NONE;
		a->want_rearm = a->sel;
		return REACT_WANT_DATA | REACT_REDRAW;
	case ACT_ADD_ALERT:
		prompt_start(&a->prompt);
		if (a->n && !a->rules[a->sel].every)
			snprintf(a->prompt.buf, sizeof a->prompt.buf, "%s ",
				 a->rules[a->sel].in.display);
		return REACT_REDRAW;
	case ACT_QUIT:
	case ACT_VIEW_ALERTS:
		return REACT_BACK;
	default:
		return REACT_PASS;
	}
}

const struct view_ops view_alerts = {
	.name = "alerts",
	.draw = draw,
	.action = action,
};
