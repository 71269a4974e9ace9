/* heatmap_scale.c - the heatmap's diverging colour scale for change %, centred at 0 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "layout/heatmap_scale.h"

const double heatmap_scale_bounds[HEAT_STEPS] = { 0, 1, 2, 3, 5 };

/* One step of a hue: the tile and its label in truecolor and xterm-256. */
struct shade_def {
	struct heat_rgb bg, fg;
	short bg256, fg256;
};

#define WHITE_RGB { 0xff, 0xff, 0xff }
#define BLACK_RGB { 0x00, 0x00, 0x00 }

/* Truecolor runs from the neutral slate (0x41 0x45 0x54) to a full red or
 * green; xterm-256 uses the cube's pure reds and greens, darkest first. A
 * label is white or black, whichever contrasts more with its tile. */
static const struct shade_def red_steps[HEAT_STEPS] = {
	{ { 0x6e, 0x41, 0x4d }, WHITE_RGB, 52, 231 },
	{ { 0x92, 0x3e, 0x47 }, WHITE_RGB, 88, 231 },
	{ { 0xb7, 0x3b, 0x42 }, WHITE_RGB, 124, 231 },
	{ { 0xd5, 0x38, 0x3d }, WHITE_RGB, 160, 231 },
	{ { 0xf6, 0x35, 0x38 }, BLACK_RGB, 196, 16 },
};
static const struct shade_def green_steps[HEAT_STEPS] = {
	{ { 0x3d, 0x67, 0x56 }, WHITE_RGB, 22, 231 },
	{ { 0x39, 0x82, 0x57 }, WHITE_RGB, 28, 231 },
	{ { 0x36, 0x9d, 0x58 }, BLACK_RGB, 34, 16 },
	{ { 0x33, 0xb4, 0x59 }, BLACK_RGB, 40, 16 },
	{ { 0x30, 0xcc, 0x5a }, BLACK_RGB, 46, 16 },
};
static const struct shade_def neutral = { { 0x41, 0x45, 0x54 }, WHITE_RGB, 238, 231 };
static const struct shade_def unknown = { { 0x2a, 0x2a, 0x2a }, WHITE_RGB, 235, 231 };

/* By magnitude, 0 to HEAT_STEPS: light for under 2 %, full at 5 %. */
static const char *const shades[HEAT_STEPS + 1] = { " ", "░", "░", "▒", "▓", "█" };
static const char shades_ascii[HEAT_STEPS + 1] = { ' ', '.', '.', ':', '*', '#' };

int heatmap_scale_bucket(double pct)
{
	double a = fabs(pct);
	int k = 1;

	if (isnan(pct))
		return HEAT_UNKNOWN;
	if (pct == 0)
		return HEAT_NEUTRAL;
	while (k < HEAT_STEPS && a >= heatmap_scale_bounds[k])
		k++;
	return pct > 0 ? HEAT_NEUTRAL + k : HEAT_NEUTRAL - k;
}

int heatmap_scale_magnitude(int bucket)
{
	if (bucket < 0 || bucket >= HEAT_BUCKETS)
		return 0;
	return bucket > HEAT_NEUTRAL ? bucket - HEAT_NEUTRAL : HEAT_NEUTRAL - bucket;
}

struct heat_style heatmap_scale_style(int bucket, bool up_is_red)
{
	int m = heatmap_scale_magnitude(bucket);
	bool known = bucket >= 0 && bucket < HEAT_BUCKETS, up = bucket > HEAT_NEUTRAL;
	bool red = up == up_is_red;
	const struct shade_def *d = !known ? &unknown :
				    m == 0 ? &neutral :
				    red ? &red_steps[m - 1] : &green_steps[m - 1];
	struct heat_style s = {
		.bg = d->bg, .fg = d->fg, .bg256 = d->bg256, .fg256 = d->fg256,
		.bg8 = HEAT_BLACK, .fg8 = HEAT_WHITE,
		.shade = shades[m], .shade_ascii = shades_ascii[m],
		.sign = m == 0 ? ' ' : up ? '+' : '-',
	};
	short hue = red ? HEAT_RED : HEAT_GREEN;

	/* 8 colours: small moves colour the label, bigger ones the tile. */
	switch (m) {
	case 0: break;
	case 1: s.fg8 = hue; break;
	case 2: s.fg8 = hue; s.bold = true; break;
	case 3: s.bg8 = hue; s.fg8 = HEAT_BLACK; break;
	case 4: s.bg8 = hue; s.fg8 = HEAT_WHITE; break;
	default: s.bg8 = hue; s.fg8 = HEAT_WHITE; s.bold = true; break;
	}
	return s;
}

/* "+1%", "-5%": a bound is a whole number of percent. */
static void bound_label(char *buf, size_t len, char sign, double bound)
{
	snprintf(buf, len, "%c%d%%", sign, (int)bound);
}

size_t heatmap_scale_legend(struct heat_legend *out, size_t max)
{
	size_t n = 0;

	/* Step 1 starts at 0 itself, which the "0" label already marks. */
	for (int k = HEAT_STEPS; k >= 2; k--, n++)
		if (n < max) {
			bound_label(out[n].label, sizeof out[n].label, '-', heatmap_scale_bounds[k - 1]);
			out[n].bucket = HEAT_NEUTRAL - k;
		}
	if (n < max)
		out[n] = (struct heat_legend){ "0", HEAT_NEUTRAL };
	n++;
	for (int k = 2; k <= HEAT_STEPS; k++, n++)
		if (n < max) {
			bound_label(out[n].label, sizeof out[n].label, '+', heatmap_scale_bounds[k - 1]);
			out[n].bucket = HEAT_NEUTRAL + k;
		}
	return n;
}

int heatmap_scale_legend_line(char *buf, size_t len)
{
	struct heat_legend lg[2 * HEAT_STEPS + 1];
	size_t n = heatmap_scale_legend(lg, sizeof lg / sizeof *lg);
	int want = 0;

	if (len > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t at = (size_t)want < len ? (size_t)want : len;
		want += snprintf(at < len ? buf + at : NULL, len - at, "%s%s", i ? " " : "",
				 lg[i].label);
	}
	return want;
}
