/* view_help.c - every key, from the action table and the live keymap, then
 * what no key says and what each mark means; scrolled with the list keys */
#include "config.h"

#include <stdio.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "tui/screen.h"

/* Below the keys: what no key says. Short enough for 80 columns. */
static const char *const notes[] = {
	"Mouse: the wheel moves the selection, a click selects a row, a double click",
	"opens it; a click on a column title sorts by it, again reverses.",
	"Which list: SYMBOLs given > -o watchlist > saved list > config > default.",
	"/ and d edit it; edits are saved unless the list came from -o or SYMBOLs.",
	"M: every warning and error of this session, newest first; x dismisses one.",
};

/* The watchlist's marks. A new mark gets its line here: the help and the
 * first screen without quotes both show this table. */
const char *const view_help_legend[] = {
	"Marks on the watchlist:",
	"!  before a code: its last refresh failed; the figures shown are old",
	"*  before a code: a headline about it came in the last news.fresh (n)",
	"~  before a time: its market has traded since longer than the source lags",
	"\u2026  at the end of a name (~ without UTF-8): the name was cut to fit",
	"#  a figure too wide for its column (make the terminal wider)",
	"Digits of a price in reverse: they moved at the last refresh (flash = no)",
};
const size_t view_help_legend_count = sizeof view_help_legend / sizeof view_help_legend[0];

/* The view's own state (view_ops.private_size). */
struct help_state {
	long scroll;
};

#define NKEYS (ACT_COUNT - 1)
#define NNOTES ((int)(sizeof notes / sizeof notes[0]))

static int help_lines(void)
{
	return NKEYS + 1 + NNOTES + 1 + (int)view_help_legend_count;
}

/* Line i of the help: a key, a blank, a note, a blank, the legend. */
static void draw_line(const struct dash *dash, WINDOW *w, int y, int i)
{
	int cols = dash->ui->cols;

	if (i < NKEYS) {
		char keys[128];
		int a = i + 1;
		keys_of_action(dash->set.keys, (enum action)a, keys, sizeof keys);
		ui_text(w, y, 0, 2, "", 0, A_NORMAL);
		ui_text(w, y, 2, 22, keys[0] ? keys : "(unbound)", 0, dash->ui->attrs[UI_KEY]);
		ui_text(w, y, 24, 16, keys_action_info[a].name, 0, dash->ui->attrs[UI_DIM]);
		ui_text(w, y, 40, cols - 40, keys_action_info[a].help, 0, A_NORMAL);
		return;
	}
	i -= NKEYS + 1;
	if (i >= 0 && i < NNOTES) {
		ui_text(w, y, 0, 2, "", 0, A_NORMAL);
		ui_text(w, y, 2, cols - 2, notes[i], 0, dash->ui->attrs[UI_DIM]);
		return;
	}
	i -= NNOTES + 1;
	if (i >= 0 && i < (int)view_help_legend_count) {
		ui_text(w, y, 0, 2, "", 0, A_NORMAL);
		ui_text(w, y, 2, cols - 2, view_help_legend[i], 0, A_NORMAL);
		return;
	}
	ui_clear_row(w, y, 0, cols, A_NORMAL);
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	struct help_state *st = dash_private(dash, &view_help);
	long first = st ? st->scroll : 0;
	int rows = height - 1, total = help_lines(), y = top + 1;
	bool more = first + rows < total;

	ui_clear_row(w, top, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	ui_text(w, top, 1, dash->ui->cols - 1, "Keys (Esc or q to go back; bind them in the config)",
		0, dash->ui->attrs[UI_COLHEAD]);
	/* The last row says there is more, and how to get to it. */
	for (long i = first; y < top + height - (more ? 1 : 0); i++)
		draw_line(dash, w, y++, (int)i);
	if (more) {
		char msg[96];
		snprintf(msg, sizeof msg, "-- more: %ld of %d lines below (j, PgDn, C-d, G) --",
			 total - (first + rows - 1), total);
		ui_clear_row(w, y, 0, dash->ui->cols, A_NORMAL);
		ui_text(w, y, 2, dash->ui->cols - 2, msg, 0, dash->ui->attrs[UI_KEY]);
	}
}

static unsigned action(struct dash *dash, enum action act)
{
	long page = screen_body_height(dash) - 2, max = help_lines() - (page + 1);
	struct help_state *st = dash_private(dash, &view_help);
	long to;

	if (!st)
		return act == ACT_QUIT || act == ACT_HELP ? REACT_BACK : REACT_PASS;
	if (page < 1)
		page = 1;
	if (max < 0)
		max = 0;
	switch (act) {
	case ACT_MOVE_DOWN:
		to = st->scroll + 1;
		break;
	case ACT_MOVE_UP:
		to = st->scroll - 1;
		break;
	case ACT_PAGE_DOWN:
		to = st->scroll + page;
		break;
	case ACT_PAGE_UP:
		to = st->scroll - page;
		break;
	case ACT_HALF_DOWN:
		to = st->scroll + (page + 1) / 2;
		break;
	case ACT_HALF_UP:
		to = st->scroll - (page + 1) / 2;
		break;
	case ACT_FIRST:
		to = 0;
		break;
	case ACT_LAST:
		to = max;
		break;
	case ACT_QUIT:
	case ACT_HELP:
		return REACT_BACK;
	default:
		return REACT_PASS;
	}
	st->scroll = to < 0 ? 0 : to > max ? max : to;
	return REACT_REDRAW;
}

static unsigned open_help(struct dash *dash)
{
	struct help_state *st = dash_private(dash, &view_help);

	if (st)
		st->scroll = 0;
	return REACT_NONE;
}

const struct view_ops view_help = {
	.name = "help",
	.private_size = sizeof(struct help_state),
	.open = open_help,
	.draw = draw,
	.action = action,
};
