/* app.c - the dashboard: refresh scheduling, key dispatch, the one poll loop */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "bench.h"
#include "builtin.h"
#include "demo.h"
#include "fmt.h"
#include "log.h"
#include "screen.h"
#include "script.h"
#include "source.h"
#include "state.h"

#define BACKOFF_MAX_S 300

/* The signal handler's only job: one byte into the self-pipe, read by the
 * loop like any other input (tmux's signals-as-events). */
static int signal_fd = -1;

static void on_signal(int sig)
{
	unsigned char b = (unsigned char)sig;
	int saved = errno;

	if (signal_fd >= 0 && write(signal_fd, &b, 1) < 0) {
		/* The pipe is full: a wake-up is already pending. */
	}
	errno = saved;
}

static bool signals_init(struct app *app)
{
	struct sigaction sa;
	static const int sigs[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP };

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
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	return true;
}

static void signals_done(struct app *app)
{
	signal(SIGWINCH, SIG_DFL);
	signal_fd = -1;
	for (int i = 0; i < 2; i++)
		if (app->sigpipe[i] >= 0)
			close(app->sigpipe[i]);
}

long long app_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

time_t app_now(const struct app *app)
{
	return app->fixed_now ? app->fixed_now : time(NULL);
}

void app_status(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_error = error;
	app->dirty |= REDRAW_STATUS;
	log_debug("%s%s", error ? "error: " : "", app->status);
}

const char *app_row_name(const struct app *app, const struct row *r)
{
	bool zh = app->o->names == NAMES_ZH;
	const char *n = r->have ? (zh ? r->q.name : r->q.name_en) : (zh ? r->name_zh : r->name_en);

	if (!n[0])
		n = zh ? r->name_zh : r->name_en;
	return n;
}

void app_scroll_to_selected(struct app *app, int height)
{
	if (height < 1)
		height = 1;
	if (app->selected >= (long)app->board.n)
		app->selected = (long)app->board.n - 1;
	if (app->selected < 0)
		app->selected = 0;
	if (app->selected < app->scroll)
		app->scroll = app->selected;
	if (app->selected >= app->scroll + height)
		app->scroll = app->selected - height + 1;
	if (app->scroll > (long)app->board.n - height)
		app->scroll = (long)app->board.n - height;
	if (app->scroll < 0)
		app->scroll = 0;
}

/* Known names fill the rows until the first quote brings the feed's own. */
static void name_rows(struct app *app)
{
	for (size_t i = 0; i < app->board.n; i++) {
		struct row *r = &app->board.rows[i];
		const struct instrument_info *info = instruments_find(&app->db, &r->in);
		if (info) {
			snprintf(r->name_en, sizeof r->name_en, "%s", info->name_en);
			snprintf(r->name_zh, sizeof r->name_zh, "%s", info->name_zh);
		}
	}
}

/* --- refresh -------------------------------------------------------------- */

static const char *const header_indexes[2] = { "HSI", "HSTECH" };

static void schedule_next(struct app *app)
{
	long delay = app->o->refresh;

	/* Exponential backoff while nothing comes back, capped. */
	for (int i = 0; i < app->failures && delay < BACKOFF_MAX_S; i++)
		delay *= 2;
	if (delay > BACKOFF_MAX_S)
		delay = BACKOFF_MAX_S;
	app->next_refresh_ms = app_mono_ms() + delay * 1000;
}

/* Each source's delay: its newest quote time against the clock. */
static void note_delays(struct app *app, const struct quote_result *res, size_t n)
{
	static const char *const names[] = { "tencent", "sina" };
	size_t used = 0;

	app->source_delay[0] = '\0';
	for (size_t s = 0; s < 2; s++) {
		time_t newest = 0;
		char age[16];
		for (size_t i = 0; i < n; i++)
			if (res[i].ok && strcmp(res[i].q.source, names[s]) == 0 &&
			    res[i].q.in.market != MARKET_US && res[i].q.time > newest)
				newest = res[i].q.time;
		if (!newest)
			continue;
		fmt_age((long)(app_now(app) - newest), age, sizeof age);
		used += (size_t)snprintf(app->source_delay + used, sizeof app->source_delay - used,
					 "%s%s %s old", used ? ", " : "", names[s], age);
		if (used >= sizeof app->source_delay)
			break;
	}
}

static void refresh_done(void *arg, const struct quote_result *res, size_t n)
{
	struct app *app = arg;
	size_t ok = 0, failed = 0, first_fail = n;
	char hhmm[16];

	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 2; k++)
			if (strcmp(res[i].q.in.code, header_indexes[k]) == 0 &&
			    res[i].q.in.market == MARKET_HK_INDEX) {
				if (res[i].ok) {
					app->index_q[k] = res[i];
				} else if (app->index_q[k].ok) {
					snprintf(app->index_q[k].err, sizeof app->index_q[k].err, "%s",
						 res[i].err); /* keep the old figures, marked stale */
				}
			}
		if (res[i].ok) {
			ok++;
		} else {
			failed++;
			if (first_fail == n)
				first_fail = i;
		}
	}
	board_apply(&app->board, res, n);
	if (app->board.sort >= 0) {
		struct instrument sel;
		bool have_sel = app->selected >= 0 && app->selected < (long)app->board.n;
		if (have_sel)
			sel = app->board.rows[app->selected].in;
		board_sort(&app->board);
		if (have_sel)
			app->selected = board_find(&app->board, &sel);
	}
	app->fetching = false;
	app->last_done = app_now(app);
	app->failures = ok ? 0 : app->failures + 1;
	note_delays(app, res, n);
	fmt_hkt_time(app->last_done, hhmm, sizeof hhmm);
	if (failed == 0) {
		app_status(app, false, "Updated %s", hhmm);
	} else if (ok == 0) {
		schedule_next(app);
		app_status(app, true, "No quotes at %s: %s; retrying in %llds%s", hhmm,
			   res[first_fail].err,
			   (app->next_refresh_ms - app_mono_ms() + 999) / 1000,
			   app->demo ? "" : " (offline? try hktop --demo)");
	} else {
		app_status(app, true, "Updated %s; %zu of %zu failed: %s", hhmm, failed, n,
			   res[first_fail].err);
	}
	if (ok)
		schedule_next(app);
	free(app->inflight);
	app->inflight = NULL;
	app->dirty |= REDRAW_ALL;
	app->refreshes++;
}

/* The board's instruments plus the header's indexes. */
static bool refresh_list(struct app *app)
{
	struct instrument *v, *grown;
	size_t n;

	if (!board_instruments(&app->board, &v, &n))
		return false;
	if (!(grown = realloc(v, (n + 2) * sizeof *v))) {
		free(v);
		return false;
	}
	v = grown;
	for (int k = 0; k < 2; k++) {
		struct instrument in;
		char err[64];
		bool have = false;
		symbol_parse(header_indexes[k], &in, err, sizeof err);
		for (size_t i = 0; i < n && !have; i++)
			have = symbol_equal(&v[i], &in);
		if (!have)
			v[n++] = in;
	}
	app->inflight = v;
	app->ninflight = n;
	return true;
}

static void demo_refresh(struct app *app)
{
	char *body = NULL, err[256];
	size_t len = 0;
	struct quote_result *res = calloc(app->ninflight, sizeof *res);

	if (!res || !demo_body(app->demo, app_now(app), app->inflight, app->ninflight,
			       &body, &len, err, sizeof err)) {
		for (size_t i = 0; res && i < app->ninflight; i++) {
			res[i].q.in = app->inflight[i];
			snprintf(res[i].err, sizeof res[i].err, "demo: %s", res ? err : "out of memory");
		}
	} else {
		/* The simulated body goes through the real Tencent parser. */
		source_tencent.parse(body, len, app->inflight, app->ninflight, res);
	}
	free(body);
	if (res)
		refresh_done(app, res, app->ninflight);
	free(res);
}

static void start_refresh(struct app *app)
{
	char err[256];

	if (app->fetching)
		return;
	if (!refresh_list(app)) {
		app_status(app, true, "out of memory");
		return;
	}
	app->fetching = true;
	app->next_refresh_ms = -1;
	app->dirty |= REDRAW_STATUS;
	if (app->demo) {
		demo_refresh(app);
		return;
	}
	if (!fetch_quotes(app->http, &app->fetch_cfg, app->inflight, app->ninflight,
			  refresh_done, app, err, sizeof err)) {
		app->fetching = false;
		free(app->inflight);
		app->inflight = NULL;
		app->failures++;
		schedule_next(app);
		app_status(app, true, "refresh failed: %s", err);
	}
}

/* --- keys ---------------------------------------------------------------- */

static void save_watchlist(struct app *app)
{
	struct instrument *v;
	size_t n;
	char err[512];

	if (!app->state_path[0] || !board_instruments(&app->board, &v, &n))
		return;
	if (!state_watchlist_save(app->state_path, v, n, err, sizeof err))
		app_status(app, true, "watchlist not saved: %s", err);
	free(v);
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

static const struct view_ops *const cycle_views[] = { &view_watchlist, &view_detail };

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
	case ACT_VIEW_WATCHLIST:
		switch_view(app, &view_watchlist);
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
		switch_view(app, app->back ? app->back : &view_watchlist);
		return REACT_NONE;
	case ACT_TOGGLE_NAMES:
		app->o->names = app->o->names == NAMES_ZH ? NAMES_EN : NAMES_ZH;
		app->board.zh = app->o->names == NAMES_ZH;
		return REACT_REDRAW_ALL;
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
		switch_view(app, app->back ? app->back : &view_watchlist);
	if (r & REACT_SAVE)
		save_watchlist(app);
	if (r & REACT_REFETCH) {
		app->failures = 0;
		start_refresh(app);
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
	name_rows(app);
	app->selected = (long)app->board.n - 1;
	app_status(app, false, "Added %s", in.display);
	react(app, REACT_SAVE | REACT_REFETCH | REACT_REDRAW);
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
	if (is_code && ch == KEY_RESIZE) {
		ui_resize(&app->ui);
		app->dirty |= REDRAW_ALL | REDRAW_CLEAR;
		return;
	}
	if (is_code && ch == KEY_MOUSE) {
		MEVENT ev;
		if (getmouse(&ev) == OK)
			react(app, screen_mouse(app, &ev));
		return;
	}
	act = keymap_lookup(&app->o->keys, (int)ch);
	if (act == ACT_NONE)
		return;
	r = app->view->action ? app->view->action(app, act) : REACT_PASS;
	if (r & REACT_PASS)
		r = (r & ~(unsigned)REACT_PASS) | global_action(app, act);
	react(app, r);
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
				app->dirty |= REDRAW_ALL | REDRAW_CLEAR;
			} else {
				app->quit = true;
			}
		}
}

static void read_keys(struct app *app)
{
	wint_t ch;
	int rc;

	while ((rc = get_wch(&ch)) != ERR && !app->quit)
		app_key(app, ch, rc == KEY_CODE_YES);
}

/* How long poll may sleep: until the next refresh, curl's next timeout or
 * the next minute of the header clock; forever when nothing is due. */
static int poll_timeout(struct app *app)
{
	long long now = app_mono_ms(), best = -1;
	long curl_ms = http_timeout_ms(app->http);
	time_t wall = app_now(app);

	if (app->next_refresh_ms >= 0)
		best = app->next_refresh_ms > now ? app->next_refresh_ms - now : 0;
	if (curl_ms >= 0 && (best < 0 || curl_ms < best))
		best = curl_ms;
	if (!app->fixed_now) {
		long long to_minute = (60 - wall % 60) * 1000LL;
		if (best < 0 || to_minute < best)
			best = to_minute;
	}
	return best < 0 ? -1 : best > 60000 ? 60000 : (int)best;
}

static void loop(struct app *app)
{
	time_t shown_minute = app_now(app) / 60;

	while (!app->quit) {
		struct curl_waitfd fds[2];
		unsigned nfds = 0;

		if (app->dirty) {
			screen_render(app);
			bench_mark(app);
		}
		if (app->script) {
			/* Tests: the next scripted key only once nothing is in flight. */
			if (!app->fetching && http_pending(app->http) == 0) {
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
		http_poll(app->http, fds, nfds, app->script ? 1000 : poll_timeout(app));
		handle_signals(app);
		if (!app->script && fds[0].revents)
			read_keys(app);
		http_dispatch(app->http);
		if (!app->script && app->next_refresh_ms >= 0 && app_mono_ms() >= app->next_refresh_ms)
			start_refresh(app);
		if (app_now(app) / 60 != shown_minute) {
			shown_minute = app_now(app) / 60;
			app->dirty |= REDRAW_HEADER;
		}
	}
}

static bool red_up_for(const struct options *o)
{
	const char *loc = getenv("LC_ALL");

	if (o->colors_up != COLORS_UP_AUTO)
		return o->colors_up == COLORS_UP_RED;
	if (!loc || !*loc)
		loc = getenv("LC_CTYPE");
	if (!loc || !*loc)
		loc = getenv("LANG");
	return ui_locale_red_up(loc);
}

static bool app_init(struct app *app, struct options *o, struct causes *causes, bool demo,
		     char *err, size_t errlen)
{
	const char *now = getenv("HKTOP_NOW"), *script = getenv("HKTOP_SCRIPT");
	const struct quote_source *primary = source_by_name(source_names[o->quotes_source]);
	const struct quote_source *other = primary == &source_tencent ? &source_sina : &source_tencent;
	struct instrument *saved = NULL;
	size_t nsaved = 0;
	bool exists = false;

	memset(app, 0, sizeof *app);
	app->start_ms = app_mono_ms();
	app->bench = getenv("HKTOP_BENCH");
	app->sigpipe[0] = app->sigpipe[1] = -1;
	app->o = o;
	app->causes = causes;
	app->view = &view_watchlist;
	app->next_refresh_ms = -1;
	app->board.zh = o->names == NAMES_ZH;
	if (now && *now)
		app->fixed_now = (time_t)strtoll(now, NULL, 10);
	if (script && *script && !(app->script = fopen(script, "r"))) {
		snprintf(err, errlen, "HKTOP_SCRIPT: %s: %s", script, strerror(errno));
		return false;
	}
	instruments_load_builtin(&app->db);
	if (!market_calendar_load(&app->cal, builtin_calendar, builtin_calendar_len, err, errlen))
		return false;
	/* The watchlist the user edited on screen wins over the config's. */
	if (!o->cli_symbols)
		state_watchlist_path(app->state_path, sizeof app->state_path);
	if (app->state_path[0] &&
	    !state_watchlist_load(app->state_path, &saved, &nsaved, &exists, err, errlen))
		causes_add(causes, "%s (using the config's watchlist)", err);
	if (!board_init(&app->board, exists ? saved : o->watchlist, exists ? nsaved : o->nwatch)) {
		free(saved);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	free(saved);
	name_rows(app);
	if (demo && !(app->demo = demo_new(builtin_demo, builtin_demo_len,
					   getenv("HKTOP_DEMO_SEED") ? strtoul(getenv("HKTOP_DEMO_SEED"), NULL, 10) : (unsigned long)time(NULL),
					   app_now(app), err, errlen)))
		return false;
	if (!(app->http = http_new(o->user_agent, err, errlen)))
		return false;
	app->fetch_cfg.primary = primary;
	app->fetch_cfg.primary_url = primary == &source_tencent ? o->tencent_quote_url : o->sina_quote_url;
	if (o->quotes_failover) {
		app->fetch_cfg.fallback = other;
		app->fetch_cfg.fallback_url = other == &source_tencent ? o->tencent_quote_url : o->sina_quote_url;
	}
	app->fetch_cfg.timeout_ms = o->timeout * 1000;
	app->fetch_cfg.max_body = (size_t)o->max_body;
	if (!signals_init(app)) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return false;
	}
	if (!ui_init(&app->ui, app->script != NULL, red_up_for(o), err, errlen))
		return false;
	return true;
}

static void app_done(struct app *app)
{
	ui_done(&app->ui);
	bench_report(app);
	signals_done(app);
	http_free(app->http);
	demo_free(app->demo);
	board_free(&app->board);
	instruments_free(&app->db);
	market_calendar_free(&app->cal);
	free(app->inflight);
	if (app->script)
		fclose(app->script);
}

int app_run(struct options *o, struct causes *causes, bool demo)
{
	struct app app;
	char err[512] = "";
	int rc = 0;

	if (!app_init(&app, o, causes, demo, err, sizeof err)) {
		app_done(&app);
		fprintf(stderr, "hktop: %s\n", err);
		return 1;
	}
	if (causes->n)
		app_status(&app, true, "%s%s", causes->v[0],
			   causes->n > 1 ? " (and more; see hktop --dump-config)" : "");
	else
		app_status(&app, false, "Fetching quotes%s", demo ? " (simulated)" : "");
	app.dirty = REDRAW_ALL | REDRAW_CLEAR;
	start_refresh(&app);
	loop(&app);
	app_done(&app);
	return rc;
}
