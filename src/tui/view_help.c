/* view_help.c - every key, from the action table and the live keymap */
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

/* The view's own state (view_ops.private_size). */
struct help_state {
	long scroll;
};

static int help_lines(void)
{
	return ACT_COUNT - 1 + 2 + (int)(sizeof notes / sizeof notes[0]);
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	int y = top, line = 0;
	struct help_state *st = dash_private(dash, &view_help);
	long first = st ? st->scroll : 0;

	ui_clear_row(w, y, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	ui_text(w, y++, 1, dash->ui->cols - 1, "Keys (Esc or q to go back; bind them in the config)",
		0, dash->ui->attrs[UI_COLHEAD]);
	for (int a = 1; a < ACT_COUNT && y < top + height; a++, line++) {
		char keys[128];
		if (line < first)
			continue;
		keys_of_action(dash->set.keys, (enum action)a, keys, sizeof keys);
		ui_text(w, y, 0, 2, "", 0, A_NORMAL);
		ui_text(w, y, 2, 22, keys[0] ? keys : "(unbound)", 0, dash->ui->attrs[UI_KEY]);
		ui_text(w, y, 24, 16, keys_action_info[a].name, 0, dash->ui->attrs[UI_DIM]);
		ui_text(w, y, 40, dash->ui->cols - 40, keys_action_info[a].help, 0, A_NORMAL);
		y++;
	}
	if (y < top + height)
		ui_clear_row(w, y++, 0, dash->ui->cols, A_NORMAL);
	for (size_t i = 0; i < sizeof notes / sizeof notes[0] && y < top + height; i++)
		ui_text(w, y++, 2, dash->ui->cols - 2, notes[i], 0, dash->ui->attrs[UI_DIM]);
	while (y < top + height)
		ui_clear_row(w, y++, 0, dash->ui->cols, A_NORMAL);
}

static unsigned action(struct dash *dash, enum action act)
{
	long max = help_lines() - (screen_body_height(dash) - 1);
	struct help_state *st = dash_private(dash, &view_help);

	if (!st)
		return act == ACT_QUIT || act == ACT_HELP ? REACT_BACK : REACT_PASS;
	switch (act) {
	case ACT_MOVE_DOWN:
		st->scroll += st->scroll < max;
		return REACT_REDRAW;
	case ACT_MOVE_UP:
		st->scroll -= st->scroll > 0;
		return REACT_REDRAW;
	case ACT_QUIT:
	case ACT_HELP:
		return REACT_BACK;
	default:
		return REACT_PASS;
	}
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
