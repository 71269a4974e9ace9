/* heatmap_scale.h - the heatmap's diverging colour scale for change %, centred at 0
 *
 * A change % falls in one of HEAT_BUCKETS buckets: HEAT_NEUTRAL for exactly
 * 0, then HEAT_STEPS steps each way, bounded by heatmap_scale_bounds (1, 2, 3
 * and 5 %): (0, 1), [1, 2), [2, 3), [3, 5) and [5, inf), mirrored below 0;
 * beyond 5 % the scale is saturated. An unknown change (NaN) is
 * HEAT_UNKNOWN, drawn grey. Each bucket has a style for every kind of
 * terminal: truecolor, xterm-256, 8 colours, and monochrome shading. */
#ifndef HKTOP_HEATMAP_SCALE_H
#define HKTOP_HEATMAP_SCALE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HEAT_STEPS 5                       /* buckets on each side of 0 */
#define HEAT_NEUTRAL HEAT_STEPS            /* exactly 0 */
#define HEAT_BUCKETS (2 * HEAT_STEPS + 1)  /* 0 = most down ... 10 = most up */
#define HEAT_UNKNOWN HEAT_BUCKETS          /* no change known */
#define HEAT_STYLES (HEAT_BUCKETS + 1)     /* buckets and HEAT_UNKNOWN */

/* The lower edge of each step above 0, in %: step k (1-based) starts at
 * heatmap_scale_bounds[k - 1]; step 1 starts just above 0. */
extern const double heatmap_scale_bounds[HEAT_STEPS];

/* The 8 ANSI colours, numbered as curses' COLOR_* are. */
enum heat_ansi {
	HEAT_BLACK, HEAT_RED, HEAT_GREEN, HEAT_YELLOW, HEAT_BLUE, HEAT_MAGENTA,
	HEAT_CYAN, HEAT_WHITE
};

struct heat_rgb {
	uint8_t r, g, b;
};

struct heat_style {
	struct heat_rgb bg, fg;  /* truecolor tile and label colours */
	short bg256, fg256;      /* the same as xterm-256 indices */
	short bg8, fg8;          /* enum heat_ansi */
	bool bold;               /* 8 colours: A_BOLD on the label */
	const char *shade;       /* monochrome fill, UTF-8: " ", "░", "▒", "▓", "█" */
	char shade_ascii;        /* the same without UTF-8: ' ', '.', ':', '*', '#' */
	char sign;               /* '+', '-', or ' ' for 0 and unknown */
};

/* The bucket of a change %: HEAT_NEUTRAL for 0 (and -0), HEAT_UNKNOWN for
 * NaN; infinities saturate. */
int heatmap_scale_bucket(double pct);

/* How far from 0 a bucket is: 0 for neutral and unknown, 1..HEAT_STEPS. */
int heatmap_scale_magnitude(int bucket);

/* A bucket's style. up_is_red (colors.up = red, as on the mainland and in
 * Hong Kong's Chinese media) swaps the hues; signs and shading stay. An
 * out-of-range bucket gets HEAT_UNKNOWN's style. */
struct heat_style heatmap_scale_style(int bucket, bool up_is_red);

/* One label of the legend and the bucket it sits on: "-5%" is the most
 * down bucket, "0" neutral, "+1%" the first step at or above 1 %. */
struct heat_legend {
	char label[8];
	int bucket;
};

/* The legend, most down first: -5% -3% -2% -1% 0 +1% +2% +3% +5%.
 * Writes up to max entries; returns how many there are in all. */
size_t heatmap_scale_legend(struct heat_legend *out, size_t max);

/* The legend as one line, labels separated by a space, into buf (len
 * bytes, truncated like snprintf); returns the length it wanted. */
int heatmap_scale_legend_line(char *buf, size_t len);

#endif
