/* view_help.c - every key, from the action table and the live keymap */
#include "config.h"

#include <stdio.h>

#include "app/app.h"
#include "tui/screen.h"

static int help_lines(void)
{
	return ACT_COUNT - 1 + 3;
}

static void draw(struct app *app, WINDOW *w, int top, int height)
{
	int y = top, line = 0;
	long first = app->help_scroll;

	ui_clear_row(w, y, 0, app->ui.cols, app->ui.attrs[UI_COLHEAD]);
	ui_text(w, y++, 1, app->ui.cols - 1, "Keys (Esc or q to go back; bind them in the config)",
		0, app->ui.attrs[UI_COLHEAD]);
	for (int a = 1; a < ACT_COUNT && y < top + height; a++, line++) {
		char keys[128];
		if (line < first)
			continue;
		keymap_keys_of(&app->o->keys, (enum action)a, keys, sizeof keys);
		ui_text(w, y, 0, 2, "", 0, A_NORMAL);
		ui_text(w, y, 2, 22, keys[0] ? keys : "(unbound)", 0, app->ui.attrs[UI_KEY]);
		ui_text(w, y, 24, 16, action_info[a].name, 0, app->ui.attrs[UI_DIM]);
		ui_text(w, y, 40, app->ui.cols - 40, action_info[a].help, 0, A_NORMAL);
		y++;
	}
	if (y < top + height) {
		ui_clear_row(w, y++, 0, app->ui.cols, A_NORMAL);
		if (y < top + height)
			ui_text(w, y++, 2, app->ui.cols - 2,
				"Mouse: the wheel moves the selection, a click selects a row.", 0,
				app->ui.attrs[UI_DIM]);
	}
	while (y < top + height)
		ui_clear_row(w, y++, 0, app->ui.cols, A_NORMAL);
}

static unsigned action(struct app *app, enum action act)
{
	long max = help_lines() - (screen_body_height(app) - 1);

	switch (act) {
	case ACT_MOVE_DOWN:
		app->help_scroll += app->help_scroll < max;
		return REACT_REDRAW;
	case ACT_MOVE_UP:
		app->help_scroll -= app->help_scroll > 0;
		return REACT_REDRAW;
	case ACT_QUIT:
	case ACT_HELP:
		return REACT_BACK;
	default:
		return REACT_PASS;
	}
}

static void open_help(struct app *app)
{
	app->help_scroll = 0;
}

const struct view_ops view_help = {
	.name = "help",
	.letter = '?',
	.open = open_help,
	.draw = draw,
	.action = action,
};
