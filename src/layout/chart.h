/* chart.h - a price chart as a grid of text cells, drawn without curses
 *
 * chart_render is a pure function of a series and a few options: it lays
 * out bars, the previous close, volume, the axes and a cursor as one
 * column-wide UTF-8 string per cell plus a tag saying what the cell shows.
 * The detail view copies the cells to the screen and turns tags into
 * colours (UP and DOWN through colors.up / colors.down), so tests can
 * compare a chart as text. */
#ifndef HKTOP_CHART_H
#define HKTOP_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "base/num.h"
#include "base/display.h"
#include "model/series.h"

#define CHART_MAX_DIM 1000 /* columns or rows; more is refused */
#define CHART_CELL_MAX 8   /* one character of UTF-8, with its NUL */

enum chart_mode {
	CHART_LINE,    /* closes joined by a line; breaks in trading left blank */
	CHART_CANDLES, /* a candle per column; bars sharing a column are merged */
};

enum chart_glyphs {
	CHART_UNICODE, /* UTF-8 terminals: braille dots, block and box characters */
	CHART_ASCII,   /* anything else: ' - _ | . + # = only */
};

/* What a cell shows; the caller maps each to a colour or attribute. */
enum chart_tag {
	CHART_BLANK,
	CHART_UP,         /* price above the previous close; a rising candle */
	CHART_DOWN,
	CHART_FLAT,
	CHART_AXIS,       /* price and time labels */
	CHART_PREV_CLOSE, /* the dotted previous-close line and its label */
	CHART_CURSOR,     /* the cursor column */
	CHART_VOLUME,     /* volume bars and their scale */
	CHART_TAG_COUNT
};

struct chart_cell {
	char s[CHART_CELL_MAX]; /* NUL-terminated, exactly one column wide */
	unsigned char tag;      /* enum chart_tag */
};

struct chart_opts {
	int width, height;         /* in cells, 1 to CHART_MAX_DIM */
	enum chart_mode mode;
	enum chart_glyphs glyphs;
	struct num prev_close;     /* the reference line; !ok: the series' own */
	long cursor;               /* bar index to mark; -1 (or out of range): none */
	bool half_day;             /* an HK day of minutes is a half day: its axis
				    * ends with the 12:00-12:10 auction */
};

/* Layout, from top to bottom: price rows (the price axis to their right),
 * volume rows when the series has volume and there is room, the time axis
 * when there are 3 rows or more. */
struct chart {
	int width, height;
	struct chart_cell *cells;  /* width * height, row by row; owned */
	int plot_width;            /* columns 0 .. plot_width-1 hold bars */
	int price_rows;
	int volume_rows;
	int time_row;              /* -1: none */
	int cursor_x;              /* the cursor's column; -1: none */
};

/* Draw s (which may be empty: a blank chart) into *out, which is
 * overwritten. False only for a size out of range or no memory. */
bool chart_render(const struct series *s, const struct chart_opts *o, struct chart *out);
void chart_done(struct chart *c);

/* The cell at (x, y); NULL outside the chart. */
const struct chart_cell *chart_at(const struct chart *c, int x, int y);

/* Row y as one UTF-8 string (for tests and screen dumps); returns its
 * length, or what it would need, as snprintf does (buf may be NULL when
 * len is 0). A cut never splits a cell. */
size_t chart_row(const struct chart *c, int y, char *buf, size_t len);

/* The bar under the cursor: "2026-08-07 10:31  O 478.800 H 479.200
 * L 478.000 C 478.600  V 1.23M". Day bars show the date only; a series of
 * single prices (Tencent minute) shows one price; V is left out when the
 * volume is unknown. "" for an index out of range. Returns the length, as
 * snprintf does. */
int chart_axis_cursor_label(const struct series *s, size_t idx, enum names_lang lang,
		       char *buf, size_t len);

#endif
