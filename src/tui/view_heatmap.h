/* view_heatmap.h - the heatmap view's state, shared by its two modes
 * (view_heatmap.c: the treemap; view_rally.c: the rally board) */
#ifndef HKTOP_VIEW_HEATMAP_H
#define HKTOP_VIEW_HEATMAP_H

#include <stdbool.h>

#include "layout/heatmap.h"
#include "tui/ui.h"
#include "tui/view.h"

/* The view's private state (view_ops.private_size); whether the rally
 * board is shown is the dash's (dash->rally.shown): the controller that
 * fetches its minute series reads it. */
struct view_heatmap_state {
	bool ready;              /* hm and mode set up */
	struct heatmap hm;
	enum heatmap_mode mode;
	long board_scroll;
	long *board_rows;        /* owned: board row of each rally board line, as drawn */
	size_t nboard_rows;
};

/* The state, made at first use; NULL when out of memory. */
struct view_heatmap_state *view_heatmap_get(struct dash *dash);

/* The heat scale's attributes for a change %; mono fills with shade. */
attr_t view_heatmap_attr(const struct dash *dash, double pct);

/* Fill width cells at (y, x) as a swatch of the bucket of pct: colour, or
 * in monochrome the shading character. */
void view_heatmap_fill(const struct dash *dash, WINDOW *w, int y, int x, int width, double pct,
		   attr_t extra);

/* The header line: the mode and the breadth of the watchlist's HK stocks. */
void view_heatmap_header(struct dash *dash, WINDOW *w, int y, const char *what);

/* The legend at row y, after `lead` columns of text. */
void view_heatmap_legend(struct dash *dash, WINDOW *w, int y, const char *tail);

/* The rally board (view_rally.c). */
void view_rally_draw(struct dash *dash, struct view_heatmap_state *hv, WINDOW *w, int top, int height);
unsigned view_rally_action(struct dash *dash, struct view_heatmap_state *hv, enum action act);
unsigned view_rally_click(struct dash *dash, struct view_heatmap_state *hv, int y, int top);

#endif
