/* heatmap.h - the heatmap's model: which rows become tiles, their size, sector and place
 *
 * Pure: no curses, no I/O. The view hands over the watchlist as inputs
 * (figures from the latest quotes, sectors from share/instruments.tsv)
 * and gets tiles back. Only Hong Kong stocks become tiles: an index has no
 * market cap and would double count its members, and a US listing's cap
 * is in US dollars and repeats its Hong Kong line's company. Those are
 * counted in left_out so the view can say so.
 *
 * Order: every instrument keeps a sticky key (treemap_sticky_key) from
 * one layout to the next, so tiles hold their places while prices tick;
 * a change of area mode starts the keys afresh. */
#ifndef HKTOP_HEATMAP_H
#define HKTOP_HEATMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "model/symbol.h"
#include "layout/treemap.h"

#define HEATMAP_GROUPS 24       /* sectors with their own group; the rest: Other */
#define HEATMAP_SECTOR_MAX 32
#define HEATMAP_STICKY 1.25     /* a weight must move 25% to reorder its tile */

enum heatmap_mode { HEATMAP_CAP, HEATMAP_EQUAL, HEATMAP_TURNOVER, HEATMAP_MODES };

struct heatmap_input {
	struct instrument in;
	const char *sector;     /* NULL or "": "Other" */
	double cap, turnover;   /* not a positive number: unknown */
	double pct;             /* change %, NaN when unknown */
};

struct heatmap_tile {
	size_t input;           /* index into the inputs */
	int group;              /* index into groups[] */
	struct treemap_rect r;
	unsigned flags;         /* enum treemap_flag: hidden, unsized */
	double pct;
};

struct heatmap_key {
	struct instrument in;
	double key;
};

struct heatmap {
	struct heatmap_tile *tiles;   /* owned; ntiles */
	size_t ntiles;
	char groups[HEATMAP_GROUPS + 1][HEATMAP_SECTOR_MAX];
	int ngroups;
	size_t left_out;              /* indexes and US listings */
	size_t unsized;               /* tiles without the figure their area needs */
	struct heatmap_key *keys;     /* owned; the sticky keys, by instrument */
	size_t nkeys;
	int keys_mode;                /* the mode the keys were made in, -1 none */
};

extern const char *const heatmap_mode_names[HEATMAP_MODES]; /* "market cap", ... */

void heatmap_init(struct heatmap *hm);
void heatmap_done(struct heatmap *hm);

/* Lay the inputs out over r. False when out of memory (no tiles). */
bool heatmap_layout(struct heatmap *hm, const struct heatmap_input *in, size_t n,
		    enum heatmap_mode mode, struct treemap_rect r);

/* The tile of input i, or -1 (left out, hidden, or not laid out). */
long heatmap_tile_of(const struct heatmap *hm, size_t input);

/* The input whose visible tile covers cell (y, x), or -1. */
long heatmap_input_at(const struct heatmap *hm, int y, int x);

/* From input i's tile, the input of the tile in that direction, or -1.
 * From an input with no tile: the first visible tile's input. */
long heatmap_move(const struct heatmap *hm, size_t input, enum treemap_dir dir);

/* A group's rectangle (the bounding box of its visible tiles). */
bool heatmap_group_rect(const struct heatmap *hm, int group, struct treemap_rect *out);

/* The breadth line over n tickers: "Up 12  Down 5  Unch 1" then, when any
 * has a cap, "| cap-wtd -0.35%: 0700 -0.21 9988 +0.10 ..." with the k
 * biggest contributors in percentage points. codes[i] names ticker i.
 * Returns the length wanted, like snprintf. */
int heatmap_breadth_line(const double *pct, const double *cap, const char *const *codes,
			 size_t n, size_t k, char *buf, size_t len);

#endif
