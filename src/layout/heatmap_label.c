/* heatmap_label.c - what label fits in a heatmap tile of w x h cells */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "layout/heatmap_label.h"
#include "base/text.h"

int heatmap_label_pct(double pct, int dp, char *buf, size_t len)
{
	static const long long scale[3] = { 1, 10, 100 };
	double a = fabs(pct);
	long long n, s;
	const char *sign;

	if (isnan(pct)) {
		if (len > 0)
			buf[0] = '\0';
		return 0;
	}
	dp = dp < 0 ? 0 : dp > 2 ? 2 : dp;
	s = scale[dp];
	if (a > 999999)   /* keeps llround in range; no real move is this big */
		a = 999999;
	n = llround(a * (double)s);
	sign = n == 0 ? "" : pct > 0 ? "+" : "-";
	/* Integers only: LC_NUMERIC cannot put a comma in. */
	if (dp == 0)
		return snprintf(buf, len, "%s%lld%%", sign, n);
	return snprintf(buf, len, "%s%lld.%0*lld%%", sign, n / s, dp, n % s);
}

/* Append to line the longest prefix of s that fits cols columns and the
 * line's bytes, cut on a character; returns the columns it takes. Zero-
 * width characters make a few columns any number of bytes, hence the cap. */
static int append_fit(char *line, const char *s, int cols)
{
	size_t at = strlen(line), n;
	int used = 0;

	n = text_fit(s, cols, &used);
	if (n > HEATLABEL_MAX - 1 - at) {
		n = HEATLABEL_MAX - 1 - at;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		used = 0;
		for (size_t k = 0; k < n; k++)
			used += ((unsigned char)s[k] & 0xc0) != 0x80; /* at most one a character */
		used = used < cols ? used : cols;
	}
	memcpy(line + at, s, n);
	line[at + n] = '\0';
	return used;
}

/* The change at the most decimals that fit w columns, or false. */
static bool fit_pct(double pct, int w, char *buf, size_t len)
{
	for (int dp = 2; dp >= 0; dp--)
		if (heatmap_label_pct(pct, dp, buf, len) <= w)
			return true;
	buf[0] = '\0';
	return false;
}

/* Append the name cut to cols: worth it if it keeps HEATLABEL_NAME_MIN
 * columns or all of itself; else the line is left as it was. */
static bool fit_name(char *line, const char *name, int cols)
{
	int want = text_width(name), min = want < HEATLABEL_NAME_MIN ? want : HEATLABEL_NAME_MIN;
	size_t at = strlen(line);

	if (want == 0 || cols < min)
		return false;
	if (append_fit(line, name, cols) >= min) {
		size_t end = strlen(line);
		while (end > at && line[end - 1] == ' ') /* cut after a word */
			line[--end] = '\0';
		return true;
	}
	line[at] = '\0';
	return false;
}

enum heatmap_label_level heatmap_label_fit(const char *code, const char *name, double pct, int w, int h,
				   struct heatmap_label *out)
{
	char p[32];
	int cw = code ? text_width(code) : 0;
	bool known = !isnan(pct), pfits;

	memset(out, 0, sizeof *out);
	if (w < 1 || h < 1 || cw == 0 || cw > w)
		return out->level = HEATLABEL_NONE;
	if (w > HEATLABEL_COLS)
		w = HEATLABEL_COLS;
	pfits = known && fit_pct(pct, w, p, sizeof p);
	if (!name)
		name = "";
	append_fit(out->line[0], code, cw);

	/* Code, name, change: three lines, or two with the name beside the code. */
	if ((pfits || !known) && h >= 2 + known && fit_name(out->line[1], name, w)) {
		out->nlines = 2;
		if (known)
			append_fit(out->line[out->nlines++], p, w);
		return out->level = HEATLABEL_FULL;
	}
	if ((pfits || !known) && h == 1 + known && cw + 1 < w) {
		strcat(out->line[0], " ");
		if (fit_name(out->line[0], name, w - cw - 1)) {
			out->nlines = 1;
			if (known)
				append_fit(out->line[out->nlines++], p, w);
			return out->level = HEATLABEL_FULL;
		}
		out->line[0][strlen(out->line[0]) - 1] = '\0';
	}
	out->nlines = 1;
	if (!known)
		return out->level = HEATLABEL_CODE;
	/* Code and change: stacked, or side by side. */
	if (pfits && h >= 2) {
		append_fit(out->line[out->nlines++], p, w);
		return out->level = HEATLABEL_CODE_PCT;
	}
	if (cw + 1 < w && fit_pct(pct, w - cw - 1, p, sizeof p)) {
		strcat(out->line[0], " ");
		append_fit(out->line[0], p, w - cw - 1);
		return out->level = HEATLABEL_CODE_PCT;
	}
	return out->level = HEATLABEL_CODE;
}
