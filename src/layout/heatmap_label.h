/* heatmap_label.h - what label fits in a heatmap tile of w x h cells
 *
 * Best first: the code, the short name cut to the width (by display
 * columns, so Chinese names cut on a character) and the change %, on
 * three lines, or two ("00700 腾讯", "+1.23%"); then the code and the
 * change (on two lines, or one as "00700 +1.2%"); then the code alone;
 * then nothing, and the tile shows its colour only. The change drops
 * decimals before it drops out: "+1.23%", "+1.2%", "+1%". Pure: the
 * caller draws the lines (centred, say) in the tile's colours. */
#ifndef HKTOP_HEATMAP_LABEL_H
#define HKTOP_HEATMAP_LABEL_H

#define HEATLABEL_LINES 3
#define HEATLABEL_MAX 192      /* bytes a line may take, with its NUL */
#define HEATLABEL_NAME_MIN 4   /* columns of a name worth showing (or all of it) */
#define HEATLABEL_COLS 40      /* a wider tile still gets at most this much label */

enum heatmap_label_level {
	HEATLABEL_NONE,        /* colour only */
	HEATLABEL_CODE,
	HEATLABEL_CODE_PCT,
	HEATLABEL_FULL,        /* code, name and change */
};

struct heatmap_label {
	enum heatmap_label_level level;
	int nlines;
	char line[HEATLABEL_LINES][HEATLABEL_MAX]; /* each at most w columns */
};

/* Fit a label into w x h. name may be NULL or ""; pct NaN means the change
 * is unknown and is left out (the level says what else fitted). Text is
 * expected sanitised (text_sanitize); widths are measured with text_width,
 * so set an UTF-8 LC_CTYPE first. Returns out->level. */
enum heatmap_label_level heatmap_label_fit(const char *code, const char *name, double pct, int w, int h,
				   struct heatmap_label *out);

/* The change with dp (0-2) decimals, locale-proof: "+1.23%", "-0.5%",
 * "0.00%" (a change that rounds to 0 is unsigned), "" for NaN. */
int heatmap_label_pct(double pct, int dp, char *buf, size_t len);

#endif
