/* view.h - a screen of hktop as an ops struct; handlers return reactions */
#ifndef HKTOP_VIEW_H
#define HKTOP_VIEW_H

#include <stddef.h>

#include <curses.h>

#include "config/keys.h"
#include "tui/dash.h"

/* What a handler changed or wants; the loop acts on it, handlers never
 * redraw or fetch themselves. */
enum reaction {
	REACT_NONE       = 0,
	REACT_PASS       = 1 << 0, /* not handled here: try the global keys */
	REACT_REDRAW     = 1 << 1, /* the view's body changed */
	REACT_REDRAW_ALL = 1 << 2, /* everything, from a cleared screen */
	REACT_REFETCH    = 1 << 3, /* refresh quotes now */
	REACT_SAVE       = 1 << 4, /* the watchlist changed: persist it */
	REACT_QUIT       = 1 << 5,
	REACT_STATUS     = 1 << 6, /* the status line changed */
	REACT_BACK       = 1 << 7, /* return to the previous view */
	REACT_RESORT     = 1 << 8, /* the board's sort changed: sort it again */
	REACT_WANT_DATA  = 1 << 9, /* the view set a want (dash.h): the controllers look */
	REACT_SAVE_COLUMNS = 1 << 10, /* the wanted columns changed: persist them */
	REACT_OPEN       = 1 << 11, /* a double click: open what it selected (Enter) */
};

/* A view. Its private state, private_size bytes, is made zeroed at its
 * first use (dash_private) and kept until the end, when done frees what
 * it owns; the state itself is freed after done. */
struct view_ops {
	const char *name;        /* "watchlist", shown in the header */
	size_t private_size;
	unsigned (*open)(struct dash *d);
	void (*draw)(struct dash *d, WINDOW *w, int top, int height);
	unsigned (*action)(struct dash *d, enum action act);
	unsigned (*click)(struct dash *d, int y, int x, int top); /* mouse, screen coords */
	void (*done)(struct dash *d, void *state);
};

extern const struct view_ops view_watchlist;
extern const struct view_ops view_detail;
extern const struct view_ops view_help;
extern const struct view_ops view_messages;
extern const struct view_ops view_news;
extern const struct view_ops view_heatmap;
extern const struct view_ops view_alerts;
extern const struct view_ops view_portfolio;

/* Value each position held at its board row's quote (view_portfolio.c). */
void view_portfolio_value(struct dash *d);
extern const struct view_ops view_columns;

/* What each mark on the watchlist means, a line each, a title first
 * (view_help.c): the help and the first screen without quotes show it. */
extern const char *const view_help_legend[];
extern const size_t view_help_legend_count;

/* After the headlines changed: put the cursor back on the headline it was
 * on, wherever that moved (view_news.c). */
void view_news_follow(struct dash *d);

/* The detail view's list of the ticker's own headlines, in rows y to
 * y + height - 1 (view_detail_news.c). */
void view_detail_news_draw(struct dash *d, WINDOW *w, int y, int height, const struct instrument *in);

/* Rows the detail view's headline list wants, at most room: 0 when the
 * ticker has none, else a title and a row a headline. */
int view_detail_news_height(const struct dash *d, const struct instrument *in, int room);

#endif
