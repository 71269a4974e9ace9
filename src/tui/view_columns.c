/* view_columns.c - the column picker (C): which watchlist columns are
 * wanted and in what order; the choice is saved (app, config/state_columns) */
#include "config.h"

#include <stdio.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "tui/screen.h"

/* Every column once: the wanted ones first, in their order, then the
 * rest in the table's; on[] says which are wanted. */
struct columns_state {
	int all[COL_COUNT];
	bool on[COL_COUNT];
	long sel, scroll;
};

static unsigned open_picker(struct dash *dash)
{
	struct columns_state *st = dash_private(dash, &view_columns);
	bool wanted[COL_COUNT] = { false };
	int n = 0;

	if (!st)
		return REACT_NONE;
	for (size_t i = 0; i < dash->cols.nwant; i++) {
		st->all[n++] = dash->cols.want[i];
		wanted[dash->cols.want[i]] = true;
	}
	for (int c = 0; c < COL_COUNT; c++) {
		st->on[c] = wanted[c];
		if (!wanted[c])
			st->all[n++] = c;
	}
	st->sel = st->scroll = 0;
	return REACT_NONE;
}

/* The wanted columns back into the dash, in the picker's order, and
 * fitted as the watchlist will: the picker marks those with no room. */
static void store(struct dash *dash, const struct columns_state *st)
{
	dash->cols.nwant = 0;
	for (int i = 0; i < COL_COUNT; i++)
		if (st->on[st->all[i]])
			dash->cols.want[dash->cols.nwant++] = st->all[i];
	columns_refit(dash->cols.want, dash->cols.nwant, &dash->cols.at);
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	struct columns_state *st = dash_private(dash, &view_columns);
	int y = top;

	ui_clear_row(w, y, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	ui_text(w, y++, 1, dash->ui->cols - 1,
		"Columns: Enter shows or hides, h/l move left/right, Esc done", 0,
		dash->ui->attrs[UI_COLHEAD]);
	if (st)
		dash_keep_visible(&st->sel, &st->scroll, COL_COUNT, height - 1);
	for (long i = st ? st->scroll : 0; st && i < COL_COUNT && y < top + height; i++) {
		int c = st->all[i];
		attr_t sel = i == st->sel ? A_REVERSE : 0;
		char line[128];

		snprintf(line, sizeof line, " [%c] %-9s %-10s %s%s", st->on[c] ? 'x' : ' ',
			 board_col_keys[c], columns_specs[c].title, board_col_name(c),
			 st->on[c] && !columns_shown(&dash->cols.at, c) ? " (no room)" : "");
		ui_text(w, y++, 0, dash->ui->cols, line, 0, dash->ui->attrs[UI_DEFAULT] | sel);
	}
	while (y < top + height)
		ui_clear_row(w, y++, 0, dash->ui->cols, A_NORMAL);
}

static unsigned action(struct dash *dash, enum action act)
{
	struct columns_state *st = dash_private(dash, &view_columns);
	long to;

	if (!st)
		return act == ACT_QUIT || act == ACT_PICK_COLUMNS ? REACT_BACK : REACT_PASS;
	switch (act) {
	case ACT_MOVE_DOWN:
	case ACT_MOVE_UP:
		to = st->sel + (act == ACT_MOVE_DOWN ? 1 : -1);
		if (to < 0 || to >= COL_COUNT)
			return REACT_NONE;
		st->sel = to;
		return REACT_REDRAW;
	case ACT_OPEN:
	case ACT_PAGE_DOWN: /* Space */
		st->on[st->all[st->sel]] = !st->on[st->all[st->sel]];
		/* The table keeps one column: the last cannot go. */
		store(dash, st);
		if (dash->cols.nwant == 0) {
			st->on[st->all[st->sel]] = true;
			store(dash, st);
			dash_status(dash, true, "The watchlist needs a column");
			return REACT_STATUS;
		}
		return REACT_REDRAW | REACT_SAVE_COLUMNS;
	case ACT_MOVE_LEFT:
	case ACT_MOVE_RIGHT: {
		long k = st->sel + (act == ACT_MOVE_RIGHT ? 1 : -1);
		int t;
		if (k < 0 || k >= COL_COUNT)
			return REACT_NONE;
		t = st->all[k];
		st->all[k] = st->all[st->sel];
		st->all[st->sel] = t;
		st->sel = k;
		store(dash, st);
		return REACT_REDRAW | REACT_SAVE_COLUMNS;
	}
	case ACT_QUIT:
	case ACT_PICK_COLUMNS:
		return REACT_BACK;
	default:
		return REACT_PASS;
	}
}

const struct view_ops view_columns = {
	.name = "columns",
	.private_size = sizeof(struct columns_state),
	.open = open_picker,
	.draw = draw,
	.action = action,
};
