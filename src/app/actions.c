/* actions.c - keys to actions to reactions: the global keys and the '/' prompt */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/alert_control.h"
#include "app/app.h"
#include "app/recording.h"
#include "tui/screen.h"
#include "config/state.h"
#include "config/state_columns.h"

/* After an edit, whose message is on the status line: add to it when
 * the edit could not be saved, or merged with another run's. */
static void save_watchlist(struct app *app)
{
	struct instrument *v;
	size_t n;
	char err[STATE_MSG_MAX], said[sizeof app->dash.status];
	bool merged, ok;

	if (!board_instruments(&app->dash.board, &v, &n)) {
		dash_status(&app->dash, true, "out of memory");
		return;
	}
	ok = state_list_save(app->saved, v, n, &merged, err, sizeof err);
	free(v);
	snprintf(said, sizeof said, "%s", app->dash.status);
	if (!ok) {
		/* A list from the command line is not saved by design: said once,
		 * then the status line's "unsaved" mark keeps it. A list that
		 * should have been saved and was not is an error that stays. */
		dash_report(&app->dash, MSG_STATE,
			    app->saved->origin > LIST_SAVED ? MSG_WARN : MSG_ERROR,
			    "%s; not saved: %s", said, err);
		return;
	}
	dash_resolved(&app->dash, MSG_STATE);
	if (merged)
		dash_status(&app->dash, false, "%s; saved with the edits of another hktop", said);
}

/* The columns picked with C, kept for the next run; a failure stays said. */
static void save_columns(struct app *app)
{
	char path[4096], text[OPT_STR_MAX], err[4096 + 256];

	if (app->o->columns_option)
		return; /* as a watchlist from -o: this run's only */
	state_columns_path(path, sizeof path);
	board_cols_format(app->dash.cols.want, app->dash.cols.nwant, text, sizeof text);
	if (!state_columns_save(path, text, err, sizeof err))
		dash_report(&app->dash, MSG_STATE, MSG_ERROR, "columns not saved: %s", err);
	else
		dash_resolved(&app->dash, MSG_STATE);
}

static void react(struct app *app, unsigned r);
static void run_action(struct app *app, enum action act);

static void switch_view(struct app *app, const struct view_ops *v)
{
	if (app->dash.view == v)
		return;
	if (v != &view_watchlist)
		app->dash.back = app->dash.view;
	else
		app->dash.back = NULL;
	app->dash.view = v;
	if (v->open)
		react(app, v->open(&app->dash));
	app->dash.dirty |= REDRAW_ALL | REDRAW_CLEAR;
}

/* Back returns once: the view it returns to goes back to the watchlist,
 * never to and fro between two views. */
static void go_back(struct app *app)
{
	switch_view(app, app->dash.back ? app->dash.back : &view_watchlist);
	app->dash.back = NULL;
}

/* '!' from the watchlist or the detail view: the alerts view, its prompt
 * started with the selected name. */
static void add_alert_prompt(struct app *app)
{
	struct dash *d = &app->dash;
	long row = d->view == &view_detail ? d->detail_row : d->selected;

	switch_view(app, &view_alerts);
	prompt_start(&d->alerts.prompt);
	if (row >= 0 && (size_t)row < d->board.n)
		snprintf(d->alerts.prompt.buf, sizeof d->alerts.prompt.buf, "%s ",
			 d->board.rows[row].in.display);
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
	case ACT_PICK_COLUMNS:
		switch_view(app, &view_columns);
		return REACT_NONE;
	case ACT_DISMISS:
		if (msglog_dismiss(&app->dash.log))
			dash_status_sync(&app->dash);
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
			if (cycle_views[i] == app->dash.view) {
				switch_view(app, cycle_views[(i + 1) % (sizeof cycle_views / sizeof cycle_views[0])]);
				return REACT_NONE;
			}
		switch_view(app, &view_watchlist);
		return REACT_NONE;
	case ACT_OPEN:
		if (app->dash.board.n)
			switch_view(app, &view_detail);
		return REACT_NONE;
	case ACT_BACK:
		go_back(app);
		return REACT_NONE;
	case ACT_TOGGLE_NAMES: {
		char need[128];
		if (!app_set_names(app, app->dash.set.names == NAMES_ZH ? NAMES_EN : NAMES_ZH,
				   need, sizeof need)) {
			dash_status(&app->dash, true, "Chinese names need %s", need);
			return REACT_STATUS;
		}
		if (app->dash.board.sort == COL_NAME)
			dash_resort(&app->dash); /* the names it sorted by are gone */
		return REACT_REDRAW_ALL;
	}
	case ACT_REDRAW:
		return REACT_REDRAW_ALL;
	case ACT_FIND:
		dash_prompt_begin(&app->dash);
		return REACT_STATUS;
	case ACT_VIEW_PORTFOLIO:
		switch_view(app, &view_portfolio);
		return REACT_NONE;
	case ACT_TOGGLE_PRIVACY:
		app->dash.pos.privacy = !app->dash.pos.privacy;
		dash_status(&app->dash, false, "Amounts %s", app->dash.pos.privacy ? "hidden" : "shown");
		return REACT_REDRAW_ALL;
	case ACT_ADD_LOT: {
		/* From the watchlist, the selected symbol starts the line. */
		const struct board *b = &app->dash.board;
		bool from_row = app->dash.view == &view_watchlist && app->dash.selected >= 0 &&
				app->dash.selected < (long)b->n;

		switch_view(app, &view_portfolio);
		dash_prompt_begin(&app->dash);
		if (from_row)
			snprintf(app->dash.prompt.buf, sizeof app->dash.prompt.buf, "%s ",
				 b->rows[app->dash.selected].in.display);
		app->dash.pos.prompt = true;
		free(app->dash.pos.edit_old);
		app->dash.pos.edit_old = NULL;
		return REACT_STATUS;
	}
	case ACT_VIEW_ALERTS:
		switch_view(app, &view_alerts);
		return REACT_NONE;
	case ACT_ADD_ALERT:
		add_alert_prompt(app);
		return REACT_REDRAW;
	case ACT_NEXT_LIST:
		list_control_next(app);
		return REACT_NONE;
	case ACT_PICK_LIST:
		list_control_prompt(app);
		return REACT_STATUS;
	default:
		/* pause and step: the demo's clock in --demo; pause, step,
		 * jump: the replay's (app/recording.c) */
		if (app->demo && (act == ACT_PAUSE || act == ACT_STEP))
			return act == ACT_PAUSE ? demo_control_pause(app) : demo_control_step(app);
		return recording_action(app, act) ? REACT_STATUS : REACT_NONE;
	}
}

void actions_reconcile(struct app *app)
{
	detail_control_reconcile(app);
	news_control_reconcile(app);
	alert_control_reconcile(app);
	portfolio_control_reconcile(app);
}

static void react(struct app *app, unsigned r)
{
	if (r & REACT_RESORT)
		dash_resort(&app->dash);
	if (r & REACT_WANT_DATA)
		actions_reconcile(app);
	if (r & REACT_QUIT)
		app->quit = true;
	if (r & REACT_BACK)
		go_back(app);
	if (r & REACT_SAVE)
		save_watchlist(app);
	if (r & REACT_SAVE_COLUMNS)
		save_columns(app);
	if (r & REACT_OPEN)
		run_action(app, ACT_OPEN);
	if (r & REACT_REFETCH) {
		app->failures = 0;
		refresh_start(app);
	}
	if (r & REACT_REDRAW)
		app->dash.dirty |= REDRAW_BODY | REDRAW_STATUS;
	if (r & REACT_REDRAW_ALL)
		app->dash.dirty |= REDRAW_ALL | REDRAW_CLEAR;
	if (r & REACT_STATUS)
		app->dash.dirty |= REDRAW_STATUS;
	rally_control_reconcile(app);
}

/* '/' submitted: jump to the symbol, or add it to the watchlist. */
static void prompt_submit(struct app *app)
{
	const struct instrument_info *c[2];
	struct instrument in;
	char err[256];
	long k;

	if (!app->dash.prompt.buf[0])
		return;
	if (!symbol_parse(app->dash.prompt.buf, &in, err, sizeof err)) {
		/* Not a symbol: a name that matches exactly one instrument will do. */
		if (prompt_candidates(app->dash.prompt.buf, &app->dash.db, c, 2) != 1) {
			dash_status(&app->dash, true, "%s", err);
			return;
		}
		in = c[0]->in;
	}
	if ((k = board_find(&app->dash.board, &in)) >= 0) {
		app->dash.selected = k;
		dash_status(&app->dash, false, "%s", in.display);
		app->dash.dirty |= REDRAW_BODY;
		return;
	}
	if (!board_add(&app->dash.board, &in)) {
		dash_status(&app->dash, true, "out of memory");
		return;
	}
	refresh_name_rows(app);
	app->dash.selected = (long)app->dash.board.n - 1;
	dash_status(&app->dash, false, "Added %s", in.display);
	react(app, REACT_SAVE | REACT_REFETCH | REACT_REDRAW);
}

/* The current view's answer to an action, else the global one's. */
static void run_action(struct app *app, enum action act)
{
	unsigned r = app->dash.view->action ? app->dash.view->action(&app->dash, act) : REACT_PASS;

	if (r & REACT_PASS)
		r = (r & ~(unsigned)REACT_PASS) | global_action(app, act);
	react(app, r);
}

void actions_mouse(struct app *app, const MEVENT *ev)
{
	react(app, screen_mouse(&app->dash, ev));
}

void actions_key(struct app *app, wint_t ch, bool is_code)
{
	enum action act;

	if (app->dash.prompt.active) {
		if (app->dash.list_prompt && !is_code && ch == '\t') {
			list_control_complete(app); /* list names, not symbols */
			app->dash.dirty |= REDRAW_STATUS;
			return;
		}
		switch (prompt_key(&app->dash.prompt, ch, is_code, &app->dash.db)) {
		case PROMPT_SUBMIT:
			if (app->dash.prompt.label)
				recording_jump(app, app->dash.prompt.buf);
			else if (app->dash.list_prompt)
				list_control_submit(app, app->dash.prompt.buf);
			else if (app->dash.pos.prompt)
				portfolio_control_submit(app, app->dash.prompt.buf);
			else
				prompt_submit(app);
			break;
		case PROMPT_CANCEL:
			if (app->dash.pos.prompt)
				portfolio_control_submit(app, "");
			break;
		case PROMPT_CONTINUE:
			break;
		}
		app->dash.dirty |= REDRAW_STATUS;
		return;
	}
	if (app->dash.alerts.prompt.active) {
		/* The alerts view's '!' line: a rule's text, Enter adds it. */
		if (prompt_key(&app->dash.alerts.prompt, ch, is_code, &app->dash.db) == PROMPT_SUBMIT) {
			app->dash.alerts.want_add = true;
			actions_reconcile(app);
		}
		app->dash.dirty |= REDRAW_BODY | REDRAW_STATUS;
		return;
	}
	if (is_code && ch == KEYC_RESIZE) {
		/* curses queues this after our resizeterm (SIGWINCH): take the new
		 * size, but resizing again would queue another, forever. */
		ui_size_changed(&app->ui);
		app->dash.dirty |= REDRAW_ALL | REDRAW_CLEAR;
		return;
	}
	if (is_code && ch == KEYC_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) == OK)
			actions_mouse(app, &ev);
		return;
	}
	act = keys_lookup(&app->o->keys, (int)ch, is_code);
	if (act == ACT_NONE)
		return;
	/* The answer to the last key has been read: the next key resolves it. */
	dash_resolved(&app->dash, MSG_KEY);
	run_action(app, act);
}
