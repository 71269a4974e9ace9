/* dash.h - what the views read and set: the board, how figures are shown,
 * per-view state, the headlines, the minute series, the detail data and
 * the status line
 *
 * No curl and no curses: struct app (app/app.h) embeds a dash and keeps
 * the loop, the HTTP handle, the refresh bookkeeping, the signals, the
 * key script and the bench beside it. Views read the dash, change it and
 * say what they want by reactions and want flags (view.h); the
 * controllers in app/ fetch and fill it. */
#ifndef HKTOP_DASH_H
#define HKTOP_DASH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/display.h"
#include "config/keys.h"
#include "layout/columns.h"
#include "layout/prompt.h"
#include "model/alert.h"
#include "model/board.h"
#include "model/instruments.h"
#include "model/intraday.h"
#include "model/market.h"
#include "model/msglog.h"
#include "model/news.h"
#include "model/position.h"
#include "model/quote.h"
#include "tui/detail.h"

struct ui;
struct view_ops;

enum redraw {
	REDRAW_HEADER = 1 << 0,
	REDRAW_BODY   = 1 << 1,
	REDRAW_STATUS = 1 << 2,
	REDRAW_CLEAR  = 1 << 3,
	/* The flash is over: its cells back to the look under it (a redraw
	 * of the body does that too; this alone redraws nothing else). */
	REDRAW_FLASH_END = 1 << 4,
	REDRAW_ALL    = REDRAW_HEADER | REDRAW_BODY | REDRAW_STATUS,
};

/* Cells the last drawing of the body flashed, and the look under them:
 * the flash's end puts that back on those cells alone, rather than the
 * whole body drawn again (at 3,000 symbols a tenth of a refresh's CPU). */
#define DASH_FLASH_MAX 256
struct dash_flash {
	struct {
		short y, x, n;
		unsigned long attrs;  /* the look under it (curses attributes, pair included) */
	} span[DASH_FLASH_MAX];
	int n;
	bool overflow;                /* more than fit: the body is drawn again */
};

/* The options the views obey, copied from struct options at start-up;
 * names changes at run time (the names key). */
struct dash_settings {
	enum names_lang names;
	long refresh;                 /* seconds: a quote older than this is old */
	long news_fresh;              /* seconds: a headline this new marks its ticker */
	long heatmap_bucket;          /* minutes a rally board column */
	enum heatmap_area heatmap_area;
	enum chart_style chart_style;
	const struct keymap *keys;
	bool flash;                   /* a changed price flashes (row.tick) */
};

#define DASH_NEWS_SOURCES 16

/* The headlines as the views see them; the news controller keeps the
 * copy in step with the sources (news_control.c). */
struct dash_news {
	const struct news_list *list; /* merged, newest first; NULL: none */
	/* Parallel to list->v: the generation each came in. Through the
	 * feed's own pointer, which moves when the list is rebuilt. */
	const unsigned long *const *arrived;
	unsigned long generation;
	size_t nsrc;
	struct {
		const char *name;
		bool failed;          /* its last fetch failed: its headlines are old */
	} src[DASH_NEWS_SOURCES];
	size_t pending;               /* sources with a request in flight */

	/* The headlines view's cursor and marks. */
	unsigned long seen;           /* generation shown at the last look */
	unsigned long since;          /* marks: newer than this is new */
	long sel, scroll;
	char *sel_key;                /* owned: link (or title) under the cursor, as drawn */

	/* What the views want of the controller (news_control.c). */
	bool want_all;                /* every source now (r) */
	bool want_status;             /* the sources' state on the status line */
};

/* The rally board's minute series (net/minute_fetch.c fills them). */
#define DASH_RALLY_FIRST 256
struct dash_rally {
	bool shown;                   /* the heatmap shows the board: fetch them */
	const struct intraday_entry *v;
	size_t n;
	const struct symbol_index *ix; /* the entry of each instrument in v */
	size_t failed;                /* in the last finished round */
	const char *first_err;
	bool inflight;
	/* Board rows in sight and a page past them, as last drawn: a round
	 * asks for these first. */
	long first[DASH_RALLY_FIRST];
	size_t nfirst;
};

/* The alert rules as the views see them (app/alert_control.c keeps
 * them), and what the alerts view asks of the controller. */
struct dash_alerts {
	const struct alert_rule *rules; /* the rules file's, in its order */
	size_t n;
	const char *path;             /* the rules file, or "" */
	struct symbol_index marked;   /* names an alert fired for in this run */
	long sel, scroll;             /* the alerts view's cursor */
	struct prompt prompt;         /* '!': a rule's text */
	bool want_add;                /* the prompt was submitted */
	long want_remove, want_rearm; /* a rule's index, or -1 */
};

/* The positions file's lots and what they are worth. The portfolio
 * controller (app/portfolio_control.c) reads and edits the file; the
 * views value the positions at the board's quotes (view_portfolio.c). */
struct dash_positions {
	char path[4096];              /* the positions file; "" none */
	struct position_book book;
	struct lot *lots;             /* owned, in file order */
	char **text;                  /* owned: each lot's line as written */
	size_t nlots;
	/* The quotes of every held symbol, fetched with the list's whether
	 * on it or not: a position is valued whatever list is shown. */
	struct board held;
	bool privacy;                 /* $: amounts hidden, only per cents shown */
	long sel, scroll;             /* the portfolio view's cursor over the lots */
	/* The prompt is for a lot (+, e) rather than '/'; e edits this line. */
	bool prompt;
	char *edit_old;               /* owned; NULL: a new lot */
	/* What the views want of the controller. */
	bool want_fx;                 /* USD/HKD for the totals (detail.fx) */
	bool want_edit;               /* apply want_old -> want_new to the file */
	char *want_old, *want_new;    /* owned; NULL old: add; NULL new: remove */
};

#define DASH_VIEWS 16

struct dash {
	struct ui *ui;                /* the terminal (ui.h): size, colours; curses may be off */
	struct dash_settings set;
	struct board board;
	struct instrument_db db;
	struct market_calendar cal;
	bool demo;                    /* --demo: the simulated market */
	char replay[40];              /* --replay: "REPLAY 2026-08-07", the header's label */
	bool demo_paused;             /* and its clock stands (z) */
	time_t fixed_now;             /* HKTOP_NOW in tests; 0: the real clock */
	struct dash_flash flash;

	/* Views: the current one and the one Esc returns to, and the
	 * private state of each that has one (view_ops.private_size). */
	const struct view_ops *view, *back;
	struct {
		const struct view_ops *ops;
		void *state;
	} priv[DASH_VIEWS];
	long selected;                /* board row under the cursor */
	long scroll;                  /* first board row shown */
	long detail_row;              /* board row the detail view shows */
	/* The watchlist's columns: wanted, left to right (the columns key or
	 * the picker's saved choice), and where the last draw put them. */
	struct {
		int want[COL_COUNT];
		size_t nwant;
		struct columns_layout at;
	} cols;
	struct row removed;           /* the last row removed, for undo (u) */
	long removed_at;              /* its display index; -1: nothing to undo */
	struct detail detail;         /* its chart and ADR data */
	struct dash_rally rally;
	struct dash_news news;

	/* The header's indexes (dash_header_indexes), fetched with every
	 * refresh. */
	struct quote_result index_q[2];
	bool fetching;                /* a quote refresh is in flight */
	char source_delay[96];        /* "tencent 15m" */
	const bool *unsaved;          /* the watchlist has edits not saved; may be NULL */

	/* Status line: what it shows, from the log (dash_status_sync). */
	char status[MSG_TEXT_MAX];
	bool status_error;
	size_t status_more;           /* other open warnings and errors */
	struct msglog log;            /* the session's messages (msglog.h) */

	struct prompt prompt;         /* '/', or V's when list_prompt */
	/* Named lists (app/list_control.c): the one shown, for the header
	 * when there is more than one, and V's prompt. */
	char list_name[32];           /* "" when main is the only list */
	char list_names[512];         /* V's prompt: "main [tech] banks" */
	bool list_prompt;
	struct dash_alerts alerts;
	struct dash_positions pos;
	unsigned dirty;               /* enum redraw */
};

/* The header's indexes, as symbols: "HSI", "HSTECH". */
extern const char *const dash_header_indexes[2];

/* Wall clock (HKTOP_NOW in tests). */
time_t dash_now(const struct dash *d);

/* Say something on the status line, as the answer to a key (MSG_KEY):
 * the next key resolves an error said this way. Errors are drawn in the
 * error colour and kept in the messages view. */
void dash_status(struct dash *d, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The same, naming what it is about: an error stays on the status line
 * until a success of its kind (an info, or dash_resolved) or a dismiss. */
void dash_report(struct dash *d, enum msg_kind kind, enum msg_level level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void dash_resolved(struct dash *d, enum msg_kind kind);

/* The status line's message again, after the log changed. */
void dash_status_sync(struct dash *d);

/* Open the status line's prompt, for '/' unless the caller then says
 * whose it is (list_prompt, pos.prompt, prompt.label): one prompt, so
 * starting it forgets the last one's owner. */
void dash_prompt_begin(struct dash *d);

/* The row's instrument name in the current language. */
const char *dash_row_name(const struct dash *d, const struct row *r);

/* Clamp a cursor sel to [0, n) and scroll so that it is among the height
 * rows shown. */
void dash_keep_visible(long *sel, long *scroll, long n, int height);

/* Keep the watchlist's cursor visible after it moves. */
void dash_scroll_to_selected(struct dash *d, int height);

/* Re-sort the board, the cursor and the detail view staying on their
 * tickers. */
void dash_resort(struct dash *d);

/* Has the instrument a headline of the last news.fresh seconds? */
bool dash_news_fresh(const struct dash *d, const struct instrument *in);

/* Did headline k come in after generation since? */
bool dash_news_is_new(const struct dash *d, size_t k, unsigned long since);

/* The private state of view v (zeroed at its first use, kept until
 * dash_views_done); NULL when it has none or out of memory. */
void *dash_private(struct dash *d, const struct view_ops *v);

/* Each view's done, then its state freed. */
void dash_views_done(struct dash *d);

#endif
