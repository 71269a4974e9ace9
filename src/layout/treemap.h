/* treemap.h - squarified treemap layout in whole terminal cells, and moving between tiles
 *
 * The layout is Bruls, Huizing and van Wijk's squarified treemap (2000),
 * made exact in integer cells: every row's thickness and every tile's
 * length are whole cells, so the tiles partition the rectangle with no gap
 * and no overlap. A cell is taken to be twice as tall as it is wide
 * (TREEMAP_CELL_ASPECT) so tiles look square on screen.
 *
 * Weights. A weight that is zero, negative, NaN or infinite (a market cap
 * the feed did not send) is "unsized": it is laid out with the smallest
 * sized weight of the call (1 when no weight is sized, so all-unknown gives
 * equal tiles) and its tile carries TREEMAP_UNSIZED so the view can mark it.
 *
 * Order. Squarify places items in sequence, so the sequence is what keeps
 * tiles where they were. The caller passes each item an order key, larger
 * first, ties by the item's index: the weight itself gives the classic
 * biggest-first layout but lets two near-equal tiles swap on a tick; a key
 * from treemap_sticky_key() keeps the sequence until a weight really moves;
 * -(watchlist position) keeps the watchlist's order. Groups (sectors) go in
 * order of the sum of their items' keys, so keys should be weight-like.
 * Squarify also picks which items share a row by their weights, so a small
 * move can still regroup rows and shift tiles; with TREEMAP_KEY_SHAPES the
 * rows are picked by the keys instead (weight-like, sticky ones), and while
 * the keys hold, only the edges between tiles move as prices change (bar
 * the crowded tail of one-cell tiles, which may shuffle). Rows are planned
 * in exact geometry first and rounded after, for the same reason.
 *
 * Guarantees (tests/test-treemap.c checks them on random inputs):
 *  - tiles lie inside the rectangle and never overlap;
 *  - when the rectangle has at least one cell, every cell is in exactly one
 *    visible tile;
 *  - ungrouped, every item gets at least one cell when there are at least
 *    as many cells as items; otherwise the smallest weights (ties: the
 *    larger index) get 0x0 tiles flagged TREEMAP_HIDDEN. Grouped, a group
 *    whose rectangle rounds to fewer cells than its items hides its
 *    smallest too; that only happens with fewer than two cells an item;
 *  - ungrouped, when every item's share (weight/total * cells) is at least
 *    two cells, a tile's area is within 1.5 * (w + h + 1) cells of its
 *    share: the rounding of its row's edge and its own edges. Smaller
 *    shares are raised to one cell at their neighbours' expense, and
 *    grouped, a group is raised to a cell for each of its items;
 *  - the same input gives the same output. */
#ifndef HKTOP_TREEMAP_H
#define HKTOP_TREEMAP_H

#include <stdbool.h>
#include <stddef.h>

#define TREEMAP_CELL_ASPECT 2.0 /* a cell's height over its width, on screen */

struct treemap_rect {
	int x, y, w, h;
};

struct treemap_item {
	double weight;  /* area; see "Weights" above */
	double order;   /* sequence key, larger first; NaN goes last */
	int group;      /* items with equal group share one rectangle */
};

enum treemap_flag {
	TREEMAP_HIDDEN = 1 << 0,  /* no room: the tile is 0x0 at the origin */
	TREEMAP_UNSIZED = 1 << 1, /* the weight was unusable; laid out as the smallest */
};

struct treemap_tile {
	struct treemap_rect r;
	unsigned flags;           /* enum treemap_flag */
};

enum treemap_opt {
	TREEMAP_GROUPED = 1 << 0,    /* honour items[].group (else one group) */
	TREEMAP_KEY_SHAPES = 1 << 1, /* pick rows by the order keys, not the weights */
};

/* Lay n items out over area into tiles[n]; opts is enum treemap_opt bits.
 * Returns false only when out of memory, with every tile hidden. n == 0
 * or an empty area is fine: all tiles hidden. */
bool treemap_layout(const struct treemap_item *items, size_t n, unsigned opts,
		    struct treemap_rect area, struct treemap_tile *tiles);

/* How many tiles are hidden. */
size_t treemap_hidden(const struct treemap_tile *tiles, size_t n);

/* The bounding box of a group's visible tiles (the group's rectangle, as
 * they cover it exactly). False when the group has none. */
bool treemap_group_rect(const struct treemap_item *items, const struct treemap_tile *tiles,
			size_t n, int group, struct treemap_rect *out);

/* An order key that holds still: prev while weight is within a factor
 * slack (> 1, e.g. 1.25) of it, else weight. An unusable weight keeps prev
 * (0 when there is none). Store it per row and pass it back each refresh. */
double treemap_sticky_key(double prev, double weight, double slack);

enum treemap_dir { TREEMAP_LEFT, TREEMAP_RIGHT, TREEMAP_UP, TREEMAP_DOWN };

/* The tile to go to from tile `from` for an arrow key: among visible tiles
 * whose centre lies strictly in that direction, those that share some rows
 * (left/right) or columns (up/down) with it come first; then the smallest
 * gap between facing edges; then the largest shared span; then the
 * nearest centre; then the lower index. -1 when there is none. */
long treemap_neighbour(const struct treemap_tile *tiles, size_t n, size_t from,
		       enum treemap_dir dir);

#endif
