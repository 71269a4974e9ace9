/* app.h - the dashboard's state, shared by the loop and the views */
#ifndef HKTOP_APP_H
#define HKTOP_APP_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "model/board.h"
#include "config/conffile.h"
#include "net/quote_fetch.h"
#include "net/http.h"
#include "model/instruments.h"
#include "model/market.h"
#include "model/msglog.h"
#include "config/options.h"
#include "layout/prompt.h"
#include "config/state.h"
#include "tui/ui.h"
#include "tui/view.h"

struct demo;
struct detail;
struct newsfetch;

enum redraw {
	REDRAW_HEADER = 1 << 0,
	REDRAW_BODY   = 1 << 1,
	REDRAW_STATUS = 1 << 2,
	REDRAW_CLEAR  = 1 << 3,
	REDRAW_ALL    = REDRAW_HEADER | REDRAW_BODY | REDRAW_STATUS,
};

struct app {
	struct options *o;
	struct ui ui;
	struct http *http;
	struct board board;
	struct instrument_db db;
	struct market_calendar cal;
	struct demo *demo;            /* --demo: the simulated market */
	struct fetch_config fetch_cfg;

	/* Views: the current one and the one Esc returns to. */
	const struct view_ops *view, *back;
	long selected;                /* board row under the cursor */
	long scroll;                  /* first board row shown */
	long help_scroll;
	long detail_row;              /* board row the detail view shows */
	struct detail *detail;        /* its chart and ADR data (detail.h) */
	struct heatview *heat;        /* the heatmap's state, made on first use */

	/* The indexes in the header (app_header_indexes), fetched with every
	 * refresh. */
	struct quote_result index_q[2];

	/* Refresh state */
	bool fetching;
	struct instrument *inflight;  /* what the running refresh asked for */
	size_t ninflight;
	size_t nboard_inflight;       /* of which the watchlist's, first */
	bool refetch_pending;         /* a refresh was asked for during one */
	bool refresh_by_timer;        /* this refresh is the periodic one, not asked for */
	bool fetch_by_timer;          /* ... and so is the one in flight */
	long long next_refresh_ms;    /* monotonic */
	int failures;                 /* consecutive refreshes with no quote */
	time_t last_done;             /* wall clock of the last finished refresh */
	char source_delay[96];        /* "tencent 15m" */

	/* Status line: what it shows, from the log (app_status_sync). */
	char status[MSG_TEXT_MAX];
	bool status_error;
	size_t status_more;           /* other open warnings and errors */
	struct msglog log;            /* the session's messages (msglog.h) */
	long msg_scroll;              /* the messages view's first message */
	struct causes *causes;

	/* Headlines (app_news.c, view_news.c). */
	struct newsfetch *news;
	unsigned long news_seen;      /* generation shown at the last look */
	unsigned long news_since;     /* marks: newer than this is new */
	long news_sel, news_scroll;
	char *news_sel_key;           /* owned: link (or title) under the cursor, as drawn */

	struct prompt prompt;         /* '/' */
	unsigned dirty;
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

	/* Tests: a key script, a frozen clock. */
	FILE *script;
	int script_burst;             /* lines still to run without waiting */
	time_t fixed_now;
	struct state_list *saved;     /* where edits to the watchlist go */
};

/* The header's indexes, as symbols: "HSI", "HSTECH". */
extern const char *const app_header_indexes[2];

/* Monotonic milliseconds, for scheduling. */
long long app_mono_ms(void);

/* Wall clock (HKTOP_NOW in tests). */
time_t app_now(const struct app *app);

/* Say something on the status line, as the answer to a key (MSG_KEY):
 * the next key resolves an error said this way. Errors are drawn in the
 * error colour and kept in the messages view. */
void app_status(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The same, naming what it is about: an error stays on the status line
 * until a success of its kind (an info, or app_resolved) or a dismiss. */
void app_report(struct app *app, enum msg_kind kind, enum msg_level level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void app_resolved(struct app *app, enum msg_kind kind);

/* The status line's message again, after the log changed. */
void app_status_sync(struct app *app);

/* Show names in lang; but Chinese ones only in a UTF-8 locale (in any
 * other the terminal shows each character as '?'): else English, and
 * false with what they need in `need` ("a UTF-8 locale (LC_CTYPE is C)"). */
bool app_set_names(struct app *app, enum names_lang lang, char *need, size_t len);

/* The row's instrument name in the current language. */
const char *app_row_name(const struct app *app, const struct row *r);

/* Clamp a cursor sel to [0, n) and scroll so that it is among the height
 * rows shown. */
void app_keep_visible(long *sel, long *scroll, long n, int height);

/* Keep the cursor visible after it moves. */
void app_scroll_to_selected(struct app *app, int height);

/* Fill rows' names from the instrument table until quotes bring theirs. */
void app_name_rows(struct app *app);

/* Re-sort the board, the cursor and the detail view staying on their
 * tickers (refresh.c). */
void app_resort(struct app *app);

/* --demo: the quotes of n instruments from the simulated market, read by
 * the real Tencent parser, their source "demo" (refresh.c). On failure
 * every res says why. */
extern const char *const app_demo_source;
void app_demo_quotes(struct app *app, const struct instrument *in, size_t n,
		     struct quote_result *res);

/* Start a refresh; if one is running, another right after it (refresh.c). */
void app_refresh_start(struct app *app);

/* One key from the terminal or a script: a character or an enum key_code
 * (base/keycode.h; tui's ui_key_code translates curses' codes). */
void app_key(struct app *app, wint_t ch, bool is_code);

/* A mouse event from curses or a script: wheel scrolls, click selects. */
void app_mouse(struct app *app, const MEVENT *ev);

/* Headlines: set up (after the http handle), start what is due (all:
 * every source now), and free (after http_free). app_news.c. */
bool app_news_init(struct app *app, bool demo, char *err, size_t errlen);

/* After the headlines changed: put the cursor back on the headline it was
 * on, wherever that moved (view_news.c). */
void news_view_follow(struct app *app);
void app_news_start(struct app *app, bool all);
long long app_news_next_ms(const struct app *app);
void app_news_status(struct app *app); /* the sources' state on the status line */
bool app_news_fresh(const struct app *app, const struct instrument *in); /* news.fresh */

/* The detail view's list of the ticker's own headlines, in rows y to
 * y + height - 1 (detail_news.c). */
void detail_news_draw(struct app *app, WINDOW *w, int y, int height, const struct instrument *in);

/* Rows the detail view's headline list wants, at most room: 0 when the
 * ticker has none, else a title and a row a headline (detail_news.c). */
int detail_news_height(const struct app *app, const struct instrument *in, int room);
void app_news_done(struct app *app);

/* Run the dashboard on the list of this run (saved: where it is kept)
 * until quit. Returns the exit status; *signo is the signal that ended it
 * (SIGINT, SIGTERM, SIGHUP, SIGQUIT), else 0. */
int app_run(struct options *o, struct causes *causes, struct state_list *saved, bool demo,
	    int *signo);

#endif
