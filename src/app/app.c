/* app.c - the dashboard: start-up, the one poll loop, signals as events */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/alert_control.h"
#include "app/app.h"
#include "config/state_columns.h"
#include "app/bench.h"
#include "app/fetch_config.h"
#include "app/recording.h"
#include "base/hkclock.h"
#include "base/builtin.h"
#include "feeds/demo.h"
#include "base/fmt.h"
#include "base/log.h"
#include "tui/screen.h"
#include "app/script.h"
#include "feeds/quote_source.h"
#include "config/state.h"

/* The signal handler's only job: one byte into the self-pipe, read by the
 * loop like any other input (tmux's signals-as-events). */
static volatile sig_atomic_t signal_fd = -1;

/* Signals that end hktop or resize it: events for the loop. */
static const int event_sigs[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT };
/* Signals of a crash: the terminal is given back, then the signal goes on
 * to whoever handled it before (a sanitizer, or the default: a core). */
static const int fatal_sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NSIGS (sizeof event_sigs / sizeof event_sigs[0] + sizeof fatal_sigs / sizeof fatal_sigs[0])
static struct sigaction saved_actions[NSIGS]; /* to restore at the end */

static void on_signal(int sig)
{
	unsigned char b = (unsigned char)sig;
	int saved = errno;

	if (signal_fd >= 0 && write(signal_fd, &b, 1) < 0) {
		/* The pipe is full: a wake-up is already pending. */
	}
	errno = saved;
}

static void on_fatal(int sig)
{
	const size_t nev = sizeof event_sigs / sizeof event_sigs[0];

	ui_emergency_restore();
	for (size_t i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
		if (fatal_sigs[i] == sig)
			sigaction(sig, &saved_actions[nev + i], NULL);
	raise(sig);
}

static bool signals_init(struct app *app)
{
	const size_t nev = sizeof event_sigs / sizeof event_sigs[0];
	struct sigaction sa;

	if (pipe(app->sigpipe) != 0)
		return false;
	for (int i = 0; i < 2; i++) {
		fcntl(app->sigpipe[i], F_SETFL, fcntl(app->sigpipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(app->sigpipe[i], F_SETFD, FD_CLOEXEC);
	}
	signal_fd = app->sigpipe[1];
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	/* Installed before curses starts, so ncurses leaves SIGWINCH to us
	 * and we call resizeterm ourselves (resizeterm(3X)). */
	for (size_t i = 0; i < nev; i++)
		sigaction(event_sigs[i], &sa, &saved_actions[i]);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_NODEFER; /* so that raise() in it goes through at once */
	for (size_t i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
		sigaction(fatal_sigs[i], &sa, &saved_actions[nev + i]);
	app->signals_set = true;
	return true;
}

static void signals_done(struct app *app)
{
	const size_t nev = sizeof event_sigs / sizeof event_sigs[0];

	if (app->signals_set) {
		for (size_t i = 0; i < nev; i++)
			sigaction(event_sigs[i], &saved_actions[i], NULL);
		for (size_t i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
			sigaction(fatal_sigs[i], &saved_actions[nev + i], NULL);
		app->signals_set = false;
	}
	signal_fd = -1;
	for (int i = 0; i < 2; i++)
		if (app->sigpipe[i] >= 0)
			close(app->sigpipe[i]);
}

long long app_mono_ms(void)
{
	return hkclock_mono_ms(); /* a replay's clock in a replay */
}

bool app_set_names(struct app *app, enum names_lang lang, char *need, size_t len)
{
	bool ok = lang != NAMES_ZH || ui_locale_cjk(need, len);

	app->dash.set.names = ok ? lang : NAMES_EN;
	app->dash.board.zh = app->dash.set.names == NAMES_ZH;
	return ok;
}

/* --- the loop ------------------------------------------------------------- */

static void handle_signals(struct app *app)
{
	unsigned char b[64];
	ssize_t n;

	while ((n = read(app->sigpipe[0], b, sizeof b)) > 0)
		for (ssize_t i = 0; i < n; i++) {
			if (b[i] == SIGWINCH) {
				ui_resize(&app->ui);
				app->dash.dirty |= REDRAW_ALL | REDRAW_CLEAR;
			} else {
				app->quit = true;
				if (!app->quit_signal)
					app->quit_signal = b[i];
			}
		}
}

/* A terminal that hung up without a SIGHUP reaching us (the session
 * leader ignored it) leaves stdin forever readable and get_wch forever
 * ERR: poll would return at once, a busy loop. Ask the descriptor. */
static bool terminal_hung_up(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

static void read_keys(struct app *app)
{
	wint_t ch;
	int rc;

	while ((rc = get_wch(&ch)) != ERR && !app->quit)
		actions_key(app, (wint_t)ui_key_code(ch, rc == KEY_CODE_YES), rc == KEY_CODE_YES);
}

/* How long poll may sleep: until the next refresh, curl's next timeout or
 * the next minute of the header clock; forever when nothing is due. */
static int poll_timeout(struct app *app)
{
	long long now = app_mono_ms(), best = -1;
	long curl_ms = http_timeout_ms(app->http);
	time_t wall = dash_now(&app->dash);

	if (app->next_refresh_ms >= 0)
		best = app->next_refresh_ms > now ? app->next_refresh_ms - now : 0;
	if (news_control_next_ms(app) >= 0) {
		long long due = news_control_next_ms(app) > now ? news_control_next_ms(app) - now : 0;
		if (best < 0 || due < best)
			best = due;
	}
	if (app->flash_end_ms >= 0) {
		long long due = app->flash_end_ms > now ? app->flash_end_ms - now : 0;
		if (best < 0 || due < best)
			best = due;
	}
	if (app->demo && !app->demo_frozen) {
		/* The demo clock's next minute, but no more than once a second:
		 * at demo.speed 3600 its minutes pass sixty a second. */
		long long to_minute = demo_clock_next_minute_ms(&app->demo_clock, now);
		if (to_minute >= 0 && to_minute < 1000)
			to_minute = 1000;
		if (to_minute >= 0 && (best < 0 || to_minute < best))
			best = to_minute;
	} else if (!app->dash.fixed_now) {
		long long to_minute = (60 - wall % 60) * 1000LL;
		if (best < 0 || to_minute < best)
			best = to_minute;
	}
	/* Those are on hktop's clock, which a replay runs faster or stops;
	 * curl's (and the replay's own) are real milliseconds. */
	if (best >= 0)
		best = hkclock_real_ms(best);
	if (curl_ms >= 0 && (best < 0 || curl_ms < best))
		best = curl_ms;
	/* Nothing due (a replay paused or ended): a minute at most, a key or
	 * a signal wakes it before (http_poll waits on stdin and the
	 * self-pipe too). */
	return best < 0 || best > 60000 ? 60000 : (int)best;
}

/* Tests: a scripted run wakes for the next transfer event, or each second. */
static int script_timeout(struct app *app)
{
	long ms = http_timeout_ms(app->http);

	return ms < 0 || ms > 1000 ? 1000 : (int)ms;
}

void app_render(struct app *app)
{
	if (!app->dash.dirty)
		return;
	screen_render(&app->dash);
	app->renders++;
	bench_mark(app);
}

static void loop(struct app *app)
{
	time_t shown_minute = dash_now(&app->dash) / 60;

	while (!app->quit) {
		struct curl_waitfd fds[2];
		unsigned nfds = 0;

		demo_control_tick(app);
		app_render(app);
		alert_control_flush(app);
		if (app->script) {
			/* Tests: the next scripted key only once nothing is in flight. */
			if (app->script_burst > 0 ||
			    (!app->dash.fetching && http_pending(app->http) == 0)) {
				if (!script_step(app))
					break;
				continue;
			}
		} else {
			fds[nfds].fd = STDIN_FILENO;
			fds[nfds].events = CURL_WAIT_POLLIN;
			fds[nfds++].revents = 0;
		}
		fds[nfds].fd = app->sigpipe[0];
		fds[nfds].events = CURL_WAIT_POLLIN;
		fds[nfds++].revents = 0;
		if (!http_poll(app->http, fds, nfds, app->script ? script_timeout(app) : poll_timeout(app))) {
			/* Without a working wait every turn would return at once. */
			snprintf(app->exit_msg, sizeof app->exit_msg, "waiting for events failed");
			app->quit = true;
			break;
		}
		handle_signals(app);
		demo_control_tick(app);
		if (!app->script && terminal_hung_up()) {
			snprintf(app->exit_msg, sizeof app->exit_msg, "terminal hung up");
			app->quit = true;
			break;
		}
		if (!app->script && fds[0].revents)
			read_keys(app);
		http_dispatch(app->http);
		recording_sync(app);
		if (!app->script && app->next_refresh_ms >= 0 && app_mono_ms() >= app->next_refresh_ms) {
			app->refresh_by_timer = true;
			refresh_start(app);
			app->refresh_by_timer = false;
		}
		/* Tests see the flash until the next refresh: no clock in it. */
		if (!app->script && app->flash_end_ms >= 0 && app_mono_ms() >= app->flash_end_ms)
			app_flash_end(app);
		if (!app->script)
			news_control_start(app, false);
		if (dash_now(&app->dash) / 60 != shown_minute) {
			shown_minute = dash_now(&app->dash) / 60;
			app->dash.dirty |= REDRAW_HEADER;
		}
	}
}

void app_flash_end(struct app *app)
{
	app->flash_end_ms = -1;
	if (board_clear_ticks(&app->dash.board))
		app->dash.dirty |= app->dash.flash.overflow ? REDRAW_BODY : REDRAW_FLASH_END;
}

static bool red_up_for(const struct options *o)
{
	if (o->colors_up != COLORS_UP_AUTO)
		return o->colors_up == COLORS_UP_RED;
	return ui_locale_red_up(ui_locale_env());
}

/* The columns key, or the ones picked with C and saved (not over -o). */
static void load_columns(struct app *app)
{
	char path[4096], text[OPT_STR_MAX], err[4096 + 256];
	bool exists = false;

	/* Checked when set (options.c): it parses. */
	board_cols_parse(app->o->columns, app->dash.cols.want, &app->dash.cols.nwant, err,
			 sizeof err);
	if (app->o->columns_option)
		return;
	state_columns_path(path, sizeof path);
	if (!path[0] || (state_columns_load(path, text, sizeof text, &exists, err, sizeof err) &&
			 (!exists || board_cols_parse(text, app->dash.cols.want, &app->dash.cols.nwant,
						      err, sizeof err))))
		return;
	if (app->causes)
		conffile_causes_add(app->causes, "%s%s%s; the columns key is used", exists ? path : "",
				    exists ? ": " : "", err);
	board_cols_parse(app->o->columns, app->dash.cols.want, &app->dash.cols.nwant, err,
			 sizeof err);
}

bool app_open(struct app *app, struct options *o, struct causes *causes,
	      struct state_lists *lists, bool demo, char *err, size_t errlen)
{
	const char *now = getenv("HKTOP_NOW");

	memset(app, 0, sizeof *app);
	app->start_ms = app_mono_ms();
	app->sigpipe[0] = app->sigpipe[1] = -1;
	app->o = o;
	app->causes = causes;
	app->lists = lists;
	app->saved = lists ? &lists->v[lists->cur] : NULL;
	app->dash.ui = &app->ui;
	app->dash.view = &view_watchlist;
	app->dash.demo = demo;
	app->dash.unsaved = app->saved ? &app->saved->unsaved : NULL;
	app->dash.set = (struct dash_settings){
		.names = (enum names_lang)o->names,
		.refresh = o->refresh,
		.news_fresh = o->news_fresh,
		.heatmap_bucket = o->heatmap_bucket,
		.heatmap_area = (enum heatmap_area)o->heatmap_area,
		.chart_style = (enum chart_style)o->chart_style,
		.keys = &o->keys,
		.flash = o->flash,
	};
	app->dash.removed_at = -1;
	load_columns(app);
	app->next_refresh_ms = -1;
	app->flash_end_ms = -1;
	if (now && *now && !o->replay_dir) /* a replay's clock is the recording's */
		app->dash.fixed_now = (time_t)strtoll(now, NULL, 10);
	instruments_load_builtin(&app->dash.db);
	if (!market_calendar_load(&app->dash.cal, builtin_calendar, builtin_calendar_len, err, errlen))
		return false;
	/* o->watchlist is the one list of this run (state_list_choose). */
	if (!board_init(&app->dash.board, o->watchlist, o->nwatch)) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	refresh_name_rows(app);
	list_control_init(app);
	if (demo && !demo_control_open(app, err, errlen))
		return false;
	if (!(app->http = http_new(o->user_agent, err, errlen)) ||
	    !recording_attach(app->http, o, false, err, errlen))
		return false;
	fetch_config_init(&app->fetch_cfg, o);
	rally_control_init(app);
	if (!detail_init(&app->dash.detail, app->dash.set.chart_style == CHART_STYLE_CANDLE, err,
			 errlen))
		/* A build bug (test-adr catches it): the view goes on without parity. */
		dash_report(&app->dash, MSG_CHART, MSG_ERROR, "adr.tsv: %s", err);
	alert_control_init(app);
	portfolio_control_load(app);
	return news_control_init(app, demo, err, errlen);
}

static bool app_init(struct app *app, struct options *o, struct causes *causes,
		     struct state_lists *lists, bool demo, char *err, size_t errlen)
{
	const char *script = getenv("HKTOP_SCRIPT");

	if (!app_open(app, o, causes, lists, demo, err, errlen))
		return false;
	app->bench = getenv("HKTOP_BENCH");
	if (script && *script && !(app->script = fopen(script, "r"))) {
		snprintf(err, errlen, "HKTOP_SCRIPT: %s: %s", script, strerror(errno));
		return false;
	}
	if (!signals_init(app)) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return false;
	}
	if (!ui_init(&app->ui, app->script != NULL, red_up_for(o), err, errlen))
		return false;
	if (!app_set_names(app, o->names, err, errlen))
		conffile_causes_add(causes, "names = zh needs %s; English names shown", err);
	return true;
}

void app_close(struct app *app)
{
	/* Callbacks of transfers http_free cancels must not start new ones. */
	app->quit = true;
	http_free(app->http); /* first: callbacks of cancelled transfers use what follows */
	app->http = NULL;
	rally_control_done(app);
	dash_views_done(&app->dash);
	detail_done(&app->dash.detail);
	news_control_done(app);
	alert_control_done(app);
	portfolio_control_done(app);
	demo_free(app->demo);
	app->demo = NULL;
	board_done(&app->dash.board);
	instruments_done(&app->dash.db);
	market_calendar_done(&app->dash.cal);
	free(app->inflight);
	app->inflight = NULL;
}

static void app_done(struct app *app)
{
	app->quit = true;
	ui_done(&app->ui);
	bench_report(app);
	signals_done(app);
	app_close(app);
	if (app->script)
		fclose(app->script);
}

int app_run(struct options *o, struct causes *causes, struct state_lists *lists, bool demo,
	    int *signo)
{
	struct app app;
	char err[512] = "";
	int rc = 0;

	*signo = 0;
	if (!app_init(&app, o, causes, lists, demo, err, sizeof err)) {
		app_done(&app);
		fprintf(stderr, "hktop: %s\n", err);
		return 1;
	}
	dash_report(&app.dash, MSG_QUOTES, MSG_INFO, "Fetching quotes%s", demo ? " (simulated)" : "");
	/* What was wrong with the saved list, then the config's complaints:
	 * last, so that the first complaint is the newest, shown first. Both
	 * are complaints about a file the user wrote, and each stands until
	 * dismissed (a later save's error does not supersede them). */
	if (!app.saved->save && !app.saved->path[0] && app.saved->origin < LIST_OPTION)
		dash_report(&app.dash, MSG_CONFIG, MSG_ERROR, "watchlist edits will not be saved: %s",
			   app.saved->why_not);
	for (size_t i = lists->nnotes; i-- > 0;)
		dash_report(&app.dash, MSG_CONFIG, MSG_ERROR, "%s", lists->notes[i]);
	for (size_t k = lists->n; k-- > 0;)
		for (size_t i = lists->v[k].nnotes; i-- > 0;)
			dash_report(&app.dash, MSG_CONFIG, MSG_ERROR, "%s", lists->v[k].notes[i]);
	for (size_t i = causes->n; i-- > 0;)
		dash_report(&app.dash, MSG_CONFIG, MSG_ERROR, "%s", causes->v[i]);
	app.dash.dirty = REDRAW_ALL | REDRAW_CLEAR;
	recording_sync(&app);
	refresh_start(&app);
	news_control_start(&app, true);
	loop(&app);
	app_done(&app);
	*signo = app.quit_signal;
	if (app.exit_msg[0]) {
		fprintf(stderr, "hktop: %s\n", app.exit_msg);
		rc = 1;
	}
	return rc;
}
