/* test-heatmap-scale.c - change % to buckets, the styles of each bucket, the legend */
#include "config.h"

#include <stdlib.h>

#include "layout/heatmap_scale.h"
#include "tap.h"

/* WCAG relative luminance and contrast, to check the label colours. */
static double channel(int c)
{
	double x = c / 255.0;

	return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
}

static double luminance(struct heat_rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

static double contrast(struct heat_rgb a, struct heat_rgb b)
{
	double x = luminance(a), y = luminance(b);

	return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

/* The RGB of an xterm-256 index (16-255). */
static struct heat_rgb xterm(int i)
{
	static const int lv[6] = { 0, 95, 135, 175, 215, 255 };

	if (i >= 232) {
		uint8_t v = (uint8_t)(8 + 10 * (i - 232));
		return (struct heat_rgb){ v, v, v };
	}
	i -= 16;
	return (struct heat_rgb){ (uint8_t)lv[i / 36], (uint8_t)lv[i / 6 % 6], (uint8_t)lv[i % 6] };
}

static void buckets(void)
{
	static const struct { double pct; int bucket; } cases[] = {
		{ 0, HEAT_NEUTRAL }, { -0.0, HEAT_NEUTRAL },
		{ 0.01, HEAT_NEUTRAL + 1 }, { 0.99, HEAT_NEUTRAL + 1 },
		{ 1.0, HEAT_NEUTRAL + 2 }, { 1.99, HEAT_NEUTRAL + 2 },
		{ 2.0, HEAT_NEUTRAL + 3 }, { 3.0, HEAT_NEUTRAL + 4 }, { 4.99, HEAT_NEUTRAL + 4 },
		{ 5.0, HEAT_NEUTRAL + 5 }, { 37.5, HEAT_NEUTRAL + 5 },
		{ -0.01, HEAT_NEUTRAL - 1 }, { -1.0, HEAT_NEUTRAL - 2 }, { -3.2, HEAT_NEUTRAL - 4 },
		{ -5.0, 0 }, { -99, 0 }, { 100, HEAT_BUCKETS - 1 },
	};
	int prev = 0;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(heatmap_scale_bucket(cases[i].pct), cases[i].bucket, "%g%% goes in bucket %d",
		       cases[i].pct, cases[i].bucket);
	is_int(heatmap_scale_bucket(NAN), HEAT_UNKNOWN, "NaN is unknown");
	is_int(heatmap_scale_bucket(INFINITY), HEAT_BUCKETS - 1, "+inf saturates");
	is_int(heatmap_scale_bucket(-INFINITY), 0, "-inf saturates");
	for (double p = -8; p <= 8; p += 0.01) {
		int b = heatmap_scale_bucket(p);
		if (b < prev || heatmap_scale_bucket(-p) != 2 * HEAT_NEUTRAL - b)
			break;
		prev = b;
	}
	ok(prev == HEAT_BUCKETS - 1, "buckets rise with the change and mirror at 0");
	is_int(heatmap_scale_magnitude(HEAT_NEUTRAL), 0, "neutral: magnitude 0");
	is_int(heatmap_scale_magnitude(0), HEAT_STEPS, "most down: full magnitude");
	is_int(heatmap_scale_magnitude(HEAT_UNKNOWN), 0, "unknown: magnitude 0");
}

static void styles(void)
{
	struct heat_rgb white = { 255, 255, 255 }, black = { 0, 0, 0 };
	bool fg_ok = true, fg256_ok = true, distinct = true, ramps = true;

	for (int b = 0; b < HEAT_STYLES; b++) {
		struct heat_style s = heatmap_scale_style(b, false);
		struct heat_rgb best = contrast(s.bg, white) >= contrast(s.bg, black) ? white : black;
		struct heat_rgb best256 = contrast(xterm(s.bg256), white) >= contrast(xterm(s.bg256), black) ? white : black;

		if (s.fg.r != best.r || contrast(s.bg, s.fg) < 3)
			fg_ok = false;
		if (xterm(s.fg256).r != best256.r)
			fg256_ok = false;
		for (int c = 0; c < b; c++) {
			struct heat_style t = heatmap_scale_style(c, false);
			if (t.bg256 == s.bg256 || (t.bg.r == s.bg.r && t.bg.g == s.bg.g && t.bg.b == s.bg.b))
				distinct = false;
		}
		/* Away from 0 the tile gets brighter, in both palettes. */
		if (b > HEAT_NEUTRAL + 1 && b < HEAT_BUCKETS) {
			struct heat_style in = heatmap_scale_style(b - 1, false);
			struct heat_style dn = heatmap_scale_style(2 * HEAT_NEUTRAL - b, false);
			struct heat_style dn_in = heatmap_scale_style(2 * HEAT_NEUTRAL - b + 1, false);
			if (luminance(s.bg) <= luminance(in.bg) || luminance(dn.bg) <= luminance(dn_in.bg) ||
			    luminance(xterm(s.bg256)) <= luminance(xterm(in.bg256)) ||
			    luminance(xterm(dn.bg256)) <= luminance(xterm(dn_in.bg256)))
				ramps = false;
		}
	}
	ok(fg_ok, "labels: the higher-contrast of black and white, at least 3:1");
	ok(fg256_ok, "xterm-256 labels: the higher-contrast of black and white");
	ok(distinct, "every bucket has its own colour in truecolor and xterm-256");
	ok(ramps, "colours brighten away from 0");

	{
		struct heat_style up = heatmap_scale_style(HEAT_BUCKETS - 1, false);
		struct heat_style upr = heatmap_scale_style(HEAT_BUCKETS - 1, true);
		struct heat_style dn = heatmap_scale_style(0, false);
		struct heat_style dnr = heatmap_scale_style(0, true);
		struct heat_style z = heatmap_scale_style(HEAT_NEUTRAL, true);
		struct heat_style u = heatmap_scale_style(HEAT_UNKNOWN, false);
		struct heat_style bad = heatmap_scale_style(-7, false);
		struct heat_style small = heatmap_scale_style(HEAT_NEUTRAL + 1, false);

		ok(up.bg.g > up.bg.r && dn.bg.r > dn.bg.g, "up is green, down red by default");
		ok(upr.bg.r > upr.bg.g && dnr.bg.g > dnr.bg.r, "up_is_red swaps the hues");
		is_int(upr.bg256, dn.bg256, "swapped: up's 256 colour is down's");
		is_int(up.bg8, HEAT_GREEN, "8 colours: a big rise fills the tile green");
		is_int(upr.bg8, HEAT_RED, "8 colours, up_is_red: red");
		ok(up.bold && !small.bold, "8 colours: bold for big moves only");
		is_int(small.bg8, HEAT_BLACK, "8 colours: a small move colours only the label");
		is_int(small.fg8, HEAT_GREEN, "8 colours: a small rise's label is green");
		ok(upr.sign == '+' && dnr.sign == '-' && z.sign == ' ', "signs follow the change, not the hue");
		is_str(up.shade, "█", "monochrome: 5%% and more is a full block");
		is_str(small.shade, "░", "monochrome: a small move is light shade");
		is_str(z.shade, " ", "monochrome: 0 is blank");
		ok(up.shade_ascii == '#' && z.shade_ascii == ' ', "ASCII shading");
		ok(u.bg256 != z.bg256 && u.sign == ' ', "unknown is its own grey, unsigned");
		is_int(bad.bg256, u.bg256, "an out-of-range bucket looks unknown");
	}
}

static void legend(void)
{
	struct heat_legend lg[16];
	char line[64], tiny[8];
	size_t n = heatmap_scale_legend(lg, 16);

	is_int(n, 9, "nine legend labels");
	is_str(lg[0].label, "-5%", "legend starts at -5%%");
	is_int(lg[0].bucket, 0, "-5%% sits on the most down bucket");
	is_str(lg[4].label, "0", "the middle label is 0");
	is_int(lg[4].bucket, HEAT_NEUTRAL, "0 sits on neutral");
	is_int(lg[5].bucket, heatmap_scale_bucket(1.0), "+1%% sits on the bucket of 1%%");
	is_int(lg[8].bucket, heatmap_scale_bucket(5.0), "+5%% sits on the bucket of 5%%");
	for (size_t i = 0; i < n; i++)
		is_int(lg[i].bucket, heatmap_scale_bucket(i == 4 ? 0 : strtod(lg[i].label, NULL)),
		       "label %s names its own bucket", lg[i].label);
	is_int(heatmap_scale_legend(lg, 2), 9, "a short array still counts them all");
	is_int(heatmap_scale_legend_line(line, sizeof line), 33, "legend line length");
	is_str(line, "-5% -3% -2% -1% 0 +1% +2% +3% +5%", "legend line");
	is_int(heatmap_scale_legend_line(tiny, sizeof tiny), 33, "truncated legend wants its length");
	is_str(tiny, "-5% -3%", "truncated legend");
	is_int(heatmap_scale_legend_line(NULL, 0), 33, "measuring the legend");
}

int main(void)
{
	buckets();
	styles();
	legend();
	return tap_done();
}
