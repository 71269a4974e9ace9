/* view_help.c - every key, from the action table and the live keymap */
#include "config.h"

#include <stdio.h>

#include "app/app.h"
#include "tui/screen.h"

/* Below the keys: what no key says. Short enough for 80 columns. */
static const char *const notes[] = {
	"Mouse: the wheel moves the selection, a click selects a row.",
	"Which list: SYMBOLs given > -o watchlist > saved list > config > default.",
	"/ and d edit it; edits are saved unless the list came from -o or SYMBOLs.",
	"M: every warning and error of this session, newest first; x dismisses one.",
};

static int help_lines(void)
{
	return ACT_COUNT - 1 + 2 + (int)(sizeof notes / sizeof notes[0]);
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
	if (y < top + height)
		ui_clear_row(w, y++, 0, app->ui.cols, A_NORMAL);
	for (size_t i = 0; i < sizeof notes / sizeof notes[0] && y < top + height; i++)
		ui_text(w, y++, 2, app->ui.cols - 2, notes[i], 0, app->ui.attrs[UI_DIM]);
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
