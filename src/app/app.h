/* app.h - the dashboard: the dash the views see, and the loop, HTTP,
 * refresh bookkeeping, signals, script and bench around it */
#ifndef HKTOP_APP_H
#define HKTOP_APP_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "config/conffile.h"
#include "feeds/demo.h"
#include "net/quote_fetch.h"
#include "net/http.h"
#include "net/minute_fetch.h"
#include "config/options.h"
#include "config/state.h"
#include "tui/dash.h"
#include "tui/ui.h"
#include "tui/view.h"

struct alert_control;
struct demo;
struct newsfetch;

/* The dashboard: what the views see (dash), and around it what only the
 * loop and the controllers touch. */
struct app {
	struct dash dash;
	struct options *o;
	struct ui ui;
	struct http *http;
	struct demo *demo;            /* --demo: the simulated market */
	struct demo_clock demo_clock; /* and its clock, which dash.fixed_now follows */
	bool demo_frozen;             /* HKTOP_NOW: it moves only by steps */
	time_t demo_news_at;          /* the demo minute its headlines were last read at */
	struct fetch_config fetch_cfg;

	/* Refresh state */
	struct instrument *inflight;  /* what the running refresh asked for */
	size_t ninflight;
	size_t nboard_inflight;       /* of which the watchlist's, first */
	bool refetch_pending;         /* a refresh was asked for during one */
	bool refresh_by_timer;        /* this refresh is the periodic one, not asked for */
	bool fetch_by_timer;          /* ... and so is the one in flight */
	long long next_refresh_ms;    /* monotonic */
	long long flash_end_ms;       /* the changed prices' flash ends; -1: none */
	int failures;                 /* consecutive refreshes with no quote */
	time_t last_done;             /* wall clock of the last finished refresh */
	struct causes *causes;

	/* Headlines (news_control.c). */
	struct newsfetch *news;

	/* The rally board's minute series (rally_control.c). */
	struct intraday intra;
	long long round_end_ms;       /* when the last round of them ended (monotonic) */
	bool rally_cut_short;         /* it stopped as the board was left: again when shown */

	bool quit;
	int quit_signal;              /* the signal that ended the loop, if one did */
	char exit_msg[128];           /* why the loop ended, if not by request */
	int sigpipe[2];
	bool signals_set;

	/* make bench: $HKTOP_BENCH names the report file. */
	const char *bench;
	long long start_ms, first_screen_ms;
	double first_cpu_s;
	unsigned refreshes;
	unsigned long renders;        /* screens drawn: one a loop pass at most */

	/* Tests: a key script. */
	FILE *script;
	int script_burst;             /* lines still to run without waiting */
	struct state_list *saved;     /* where edits to the list shown go */
	struct state_lists *lists;    /* every list of the run; may be NULL */
	struct alert_control *alerts; /* alert_control.c */
};

/* How long a changed price flashes (flash = yes). */
#define APP_FLASH_MS 1000

/* The flash is over: the ticks forgotten, and the flashed cells back to
 * the look under them (the loop's timer; :flash-end in a key script). */
void app_flash_end(struct app *app);

/* Monotonic milliseconds, for scheduling. */
long long app_mono_ms(void);

/* --demo (demo_control.c): the simulated day and its clock, demo.start on
 * the latest full trading day (of HKTOP_NOW in tests, whose clock then
 * moves only by steps). */
bool demo_control_open(struct app *app, char *err, size_t errlen);
/* Bring dash.fixed_now to the demo clock; a no-op but in --demo. */
void demo_control_tick(struct app *app);
/* The pause and step keys in --demo: reactions (view.h). */
unsigned demo_control_pause(struct app *app);
unsigned demo_control_step(struct app *app);
/* The demo headlines published by the demo clock's now. */
void demo_control_news(struct app *app);

/* Show names in lang; but Chinese ones only in a UTF-8 locale (in any
 * other the terminal shows each character as '?'): else English, and
 * false with what they need in `need` ("a UTF-8 locale (LC_CTYPE is C)"). */
bool app_set_names(struct app *app, enum names_lang lang, char *need, size_t len);

/* Fill rows' names from the instrument table until quotes bring theirs. */
void refresh_name_rows(struct app *app);

/* --demo: the quotes of n instruments from the simulated market, read by
 * the real Tencent parser, their source "demo" (refresh.c). On failure
 * every res says why. */
extern const char *const refresh_demo_source;
void refresh_demo_quotes(struct app *app, const struct instrument *in, size_t n,
		     struct quote_result *res);

/* Start a refresh; if one is running, another right after it (refresh.c). */
void refresh_start(struct app *app);
/* Append in to a refresh's instruments v (room made by the caller;
 * listed of them so far) unless the board or v past the board's has it:
 * the alerts' and the positions' names ride along with the list's. */
void refresh_want(const struct app *app, struct instrument *v, size_t listed, size_t *n,
		  const struct instrument *in);

/* One key from the terminal or a script: a character or an enum key_code
 * (base/keycode.h; tui's ui_key_code translates curses' codes). */
void actions_key(struct app *app, wint_t ch, bool is_code);

/* A mouse event from curses or a script: wheel scrolls, click selects. */
void actions_mouse(struct app *app, const MEVENT *ev);

/* Headlines: set up (after the http handle), start what is due (all:
 * every source now), and free (after http_free). app_news.c. */
bool news_control_init(struct app *app, bool demo, char *err, size_t errlen);

void news_control_start(struct app *app, bool all);
long long news_control_next_ms(const struct app *app);
void news_control_status(struct app *app); /* the sources' state on the status line */
void news_control_done(struct app *app);

/* A view set a want (REACT_WANT_DATA): each controller starts what its
 * view now wants (actions.c). */
void actions_reconcile(struct app *app);

/* The detail view's fetches (detail_control.c): what it wants, and after
 * a quote refresh the 1D chart and ADR parity again. */
void detail_control_reconcile(struct app *app);
void detail_control_refreshed(struct app *app);
/* Fetch USD/HKD into dash.detail.fx unless a recent one is there (the
 * portfolio's totals use the ADR parity's rate). */
void detail_control_fx(struct app *app);

/* The positions file (portfolio_control.c): read at start; the portfolio
 * view's wants (an edit, the rate) carried out; a lot typed at the
 * prompt (+, e) saved; the dash's copy freed. */
void portfolio_control_load(struct app *app);
void portfolio_control_reconcile(struct app *app);
void portfolio_control_submit(struct app *app, const char *line);
void portfolio_control_done(struct app *app);
/* Add the held symbols to a refresh's instruments v (the board's first,
 * app->nboard_inflight of them), and take the refresh's results for
 * them; false out of memory. */
bool portfolio_control_wanted(struct app *app, struct instrument **v, size_t *n);
void portfolio_control_quotes(struct app *app, const struct quote_result *res, size_t n);

/* The headlines view's wants: every source now, the sources' state on the
 * status line (news_control.c). */
void news_control_reconcile(struct app *app);

/* The rally board's minute series: fetched with quote refreshes while the
 * board is shown (rally_control.c). */
void rally_control_init(struct app *app);
void rally_control_refresh(struct app *app);
void rally_control_done(struct app *app);
/* After each key: a board out of sight stops its round, and one cut
 * short so starts again once the board is back. */
void rally_control_reconcile(struct app *app);

/* The dashboard without a terminal, signals or key script: the board and
 * its tables, HTTP and the controllers, for app_run and for tests that
 * drive the controllers. The views draw on app->ui only once app_run has
 * started curses. app_close frees it all (also after a failed open). */
bool app_open(struct app *app, struct options *o, struct causes *causes,
	      struct state_lists *lists, bool demo, char *err, size_t errlen);
void app_close(struct app *app);

/* Draw what is dirty, once, however many replies and keys set flags
 * since the last time: the loop calls it once a pass. */
void app_render(struct app *app);

/* Run the dashboard on the lists of this run (the one shown first is
 * o->watchlist) until quit. Returns the exit status; *signo is the signal
 * that ended it (SIGINT, SIGTERM, SIGHUP, SIGQUIT), else 0. */
int app_run(struct options *o, struct causes *causes, struct state_lists *lists, bool demo,
	    int *signo);

/* Named lists (list_control.c): v shows the next, V opens a prompt that
 * shows one by name, or makes (new NAME), renames (rename NAME) or
 * removes (remove NAME) one; submit takes the prompt's text. */
void list_control_init(struct app *app);
void list_control_next(struct app *app);
void list_control_prompt(struct app *app);
void list_control_submit(struct app *app, const char *text);
/* Tab in V's prompt: complete the name typed to a list's, again to the
 * next that matches. */
void list_control_complete(struct app *app);

#endif
