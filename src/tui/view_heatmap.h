/* view_heatmap.h - the heatmap view's state, shared by its two modes
 * (view_heatmap.c: the treemap; heat_board.c: the rally board) */
#ifndef HKTOP_VIEW_HEATMAP_H
#define HKTOP_VIEW_HEATMAP_H

#include <stdbool.h>

#include "app/app.h"
#include "layout/heatmap.h"
#include "net/minute_fetch.h"

struct heatview {
	struct heatmap hm;
	enum heatmap_mode mode;
	bool board;              /* the rally board is shown */
	struct intraday intra;   /* minute series, fetched while the board is shown */
	long long round_ms;      /* when the last round of them started (monotonic) */
	long board_scroll;
	long *board_rows;        /* owned: board row of each rally board line, as drawn */
	size_t nboard_rows;
};

/* The state, made on first use; NULL when out of memory. */
struct heatview *heatview_get(struct app *app);

/* The heat scale's attributes for a change %; mono fills with shade. */
attr_t heatview_attr(const struct app *app, double pct);

/* Fill width cells at (y, x) as a swatch of the bucket of pct: colour, or
 * in monochrome the shading character. */
void heatview_fill(const struct app *app, WINDOW *w, int y, int x, int width, double pct,
		   attr_t extra);

/* The header line: the mode and the breadth of the watchlist's HK stocks. */
void heatview_header(struct app *app, WINDOW *w, int y, const char *what);

/* The legend at row y, after `lead` columns of text. */
void heatview_legend(struct app *app, WINDOW *w, int y, const char *tail);

/* The rally board (heat_board.c). */
void heat_board_draw(struct app *app, struct heatview *hv, WINDOW *w, int top, int height);
unsigned heat_board_action(struct app *app, struct heatview *hv, enum action act);
unsigned heat_board_click(struct app *app, struct heatview *hv, int y, int top);

#endif
