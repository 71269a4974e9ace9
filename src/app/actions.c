/* actions.c - keys to actions to reactions: the global keys and the '/' prompt */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "tui/screen.h"
#include "config/state.h"

/* After an edit, whose message is on the status line: add to it when
 * the edit could not be saved, or merged with another run's. */
static void save_watchlist(struct app *app)
{
	struct instrument *v;
	size_t n;
	char err[STATE_MSG_MAX], said[sizeof app->status];
	bool merged, ok;

	if (!board_instruments(&app->board, &v, &n)) {
		app_status(app, true, "out of memory");
		return;
	}
	ok = state_list_save(app->saved, v, n, &merged, err, sizeof err);
	free(v);
	snprintf(said, sizeof said, "%s", app->status);
	if (!ok) {
		/* A list from the command line is not saved by design: said once,
		 * then the status line's "unsaved" mark keeps it. A list that
		 * should have been saved and was not is an error that stays. */
		app_report(app, MSG_STATE, app->saved->origin > LIST_SAVED ? MSG_WARN : MSG_ERROR,
			   "%s; not saved: %s", said, err);
		return;
	}
	app_resolved(app, MSG_STATE);
	if (merged)
		app_status(app, false, "%s; saved with the edits of another hktop", said);
}

static void switch_view(struct app *app, const struct view_ops *v)
{
	if (app->view == v)
		return;
	if (v != &view_watchlist)
		app->back = app->view;
	else
		app->back = NULL;
	app->view = v;
	if (v->open)
		v->open(app);
	app->dirty |= REDRAW_ALL | REDRAW_CLEAR;
}

/* Back returns once: the view it returns to goes back to the watchlist,
 * never to and fro between two views. */
static void go_back(struct app *app)
{
	switch_view(app, app->back ? app->back : &view_watchlist);
	app->back = NULL;
}

static const struct view_ops *const cycle_views[] = { &view_watchlist, &view_heatmap, &view_detail,
							    &view_news };

static unsigned global_action(struct app *app, enum action act)
{
	switch (act) {
	case ACT_QUIT:
		return REACT_QUIT;
	case ACT_REFRESH:
		return REACT_REFETCH;
	case ACT_HELP:
		switch_view(app, &view_help);
		return REACT_NONE;
	case ACT_VIEW_MESSAGES:
		switch_view(app, &view_messages);
		return REACT_NONE;
	case ACT_DISMISS:
		if (msglog_dismiss(&app->log))
			app_status_sync(app);
		return REACT_NONE;
	case ACT_VIEW_WATCHLIST:
		switch_view(app, &view_watchlist);
		return REACT_NONE;
	case ACT_VIEW_HEATMAP:
		switch_view(app, &view_heatmap);
		return REACT_NONE;
	case ACT_VIEW_NEWS:
		switch_view(app, &view_news);
		return REACT_NONE;
	case ACT_VIEW_NEXT:
		for (size_t i = 0; i < sizeof cycle_views / sizeof cycle_views[0]; i++)
			if (cycle_views[i] == app->view) {
				switch_view(app, cycle_views[(i + 1) % (sizeof cycle_views / sizeof cycle_views[0])]);
				return REACT_NONE;
			}
		switch_view(app, &view_watchlist);
		return REACT_NONE;
	case ACT_OPEN:
		if (app->board.n)
			switch_view(app, &view_detail);
		return REACT_NONE;
	case ACT_BACK:
		go_back(app);
		return REACT_NONE;
	case ACT_TOGGLE_NAMES: {
		char need[128];
		if (!app_set_names(app, app->o->names == NAMES_ZH ? NAMES_EN : NAMES_ZH,
				   need, sizeof need)) {
			app_status(app, true, "Chinese names need %s", need);
			return REACT_STATUS;
		}
		if (app->board.sort == COL_NAME)
			app_resort(app); /* the names it sorted by are gone */
		return REACT_REDRAW_ALL;
	}
	case ACT_REDRAW:
		return REACT_REDRAW_ALL;
	case ACT_FIND:
		prompt_start(&app->prompt);
		return REACT_STATUS;
	default:
		return REACT_NONE;
	}
}

static void react(struct app *app, unsigned r)
{
	if (r & REACT_QUIT)
		app->quit = true;
	if (r & REACT_BACK)
		go_back(app);
	if (r & REACT_SAVE)
		save_watchlist(app);
	if (r & REACT_REFETCH) {
		app->failures = 0;
		app_refresh_start(app);
	}
	if (r & REACT_REDRAW)
		app->dirty |= REDRAW_BODY | REDRAW_STATUS;
	if (r & REACT_REDRAW_ALL)
		app->dirty |= REDRAW_ALL | REDRAW_CLEAR;
	if (r & REACT_STATUS)
		app->dirty |= REDRAW_STATUS;
}

/* '/' submitted: jump to the symbol, or add it to the watchlist. */
static void prompt_submit(struct app *app)
{
	const struct instrument_info *c[2];
	struct instrument in;
	char err[256];
	long k;

	if (!app->prompt.buf[0])
		return;
	if (!symbol_parse(app->prompt.buf, &in, err, sizeof err)) {
		/* Not a symbol: a name that matches exactly one instrument will do. */
		if (prompt_candidates(app->prompt.buf, &app->db, c, 2) != 1) {
			app_status(app, true, "%s", err);
			return;
		}
		in = c[0]->in;
	}
	if ((k = board_find(&app->board, &in)) >= 0) {
		app->selected = k;
		app_status(app, false, "%s", in.display);
		app->dirty |= REDRAW_BODY;
		return;
	}
	if (!board_add(&app->board, &in)) {
		app_status(app, true, "out of memory");
		return;
	}
	app_name_rows(app);
	app->selected = (long)app->board.n - 1;
	app_status(app, false, "Added %s", in.display);
	react(app, REACT_SAVE | REACT_REFETCH | REACT_REDRAW);
}

void app_mouse(struct app *app, const MEVENT *ev)
{
	react(app, screen_mouse(app, ev));
}

void app_key(struct app *app, wint_t ch, bool is_code)
{
	enum action act;
	unsigned r;

	if (app->prompt.active) {
		switch (prompt_key(&app->prompt, ch, is_code, &app->db)) {
		case PROMPT_SUBMIT:
			prompt_submit(app);
			break;
		case PROMPT_CANCEL:
		case PROMPT_CONTINUE:
			break;
		}
		app->dirty |= REDRAW_STATUS;
		return;
	}
	if (is_code && ch == KEYC_RESIZE) {
		/* curses queues this after our resizeterm (SIGWINCH): take the new
		 * size, but resizing again would queue another, forever. */
		ui_size_changed(&app->ui);
		app->dirty |= REDRAW_ALL | REDRAW_CLEAR;
		return;
	}
	if (is_code && ch == KEYC_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) == OK)
			app_mouse(app, &ev);
		return;
	}
	act = keymap_lookup(&app->o->keys, (int)ch, is_code);
	if (act == ACT_NONE)
		return;
	/* The answer to the last key has been read: the next key resolves it. */
	app_resolved(app, MSG_KEY);
	r = app->view->action ? app->view->action(app, act) : REACT_PASS;
	if (r & REACT_PASS)
		r = (r & ~(unsigned)REACT_PASS) | global_action(app, act);
	react(app, r);
}
