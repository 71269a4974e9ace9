/* view.h - a screen of hktop as an ops struct; handlers return reactions */
#ifndef HKTOP_VIEW_H
#define HKTOP_VIEW_H

#include <curses.h>

#include "config/keys.h"

struct app;

/* What a handler changed; the loop acts on it, handlers never redraw or
 * fetch themselves. */
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
};

struct view_ops {
	const char *name;        /* "watchlist", shown in the header */
	int letter;              /* the key that opens it, 0 for none */
	void (*open)(struct app *app);
	void (*draw)(struct app *app, WINDOW *w, int top, int height);
	unsigned (*action)(struct app *app, enum action act);
	unsigned (*click)(struct app *app, int y, int x, int top); /* mouse, screen coords */
};

extern const struct view_ops view_watchlist;
extern const struct view_ops view_detail;
extern const struct view_ops view_help;
extern const struct view_ops view_messages;
extern const struct view_ops view_news;
extern const struct view_ops view_heatmap;

/* The heatmap's state (view_heatmap.c): app_refresh_start asks it to
 * refresh the rally board's minute series; app_done frees it. */
struct heatview;
void heatview_refresh(struct app *app);
void heatview_free(struct heatview *hv);

#endif
