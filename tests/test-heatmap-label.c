/* test-heatmap-label.c - tile labels fall back from full to code to colour, never overflow */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "layout/heatmap_label.h"
#include "tap.h"
#include "base/text.h"

#define TENCENT "\xe9\xa8\xb0\xe8\xa8\x8a\xe6\x8e\xa7\xe8\x82\xa1" /* 騰訊控股, 8 columns */

static void lines(const struct heatmap_label *l, int n, const char *a, const char *b, const char *c,
		  const char *what)
{
	const char *want[3] = { a, b, c };

	is_int(l->nlines, n, "%s: %d lines", what, n);
	for (int i = 0; i < n; i++)
		is_str(l->line[i], want[i], "%s: line %d", what, i + 1);
}

static void cases(void)
{
	struct heatmap_label l;

	is_int(heatmap_label_fit("00700", TENCENT, 1.234, 12, 3, &l), HEATLABEL_FULL, "12x3: full");
	lines(&l, 3, "00700", TENCENT, "+1.23%", "12x3");
	heatmap_label_fit("00700", TENCENT, 1.234, 7, 3, &l);
	lines(&l, 3, "00700", "\xe9\xa8\xb0\xe8\xa8\x8a\xe6\x8e\xa7", "+1.23%", "7x3: the name cut on a character");
	is_int(heatmap_label_fit("00700", TENCENT, 1.234, 5, 3, &l), HEATLABEL_FULL, "5x3: still full");
	lines(&l, 3, "00700", "\xe9\xa8\xb0\xe8\xa8\x8a", "+1.2%", "5x3: one decimal fewer");
	heatmap_label_fit("00700", TENCENT, 1.234, 16, 2, &l);
	lines(&l, 2, "00700 " TENCENT, "+1.23%", NULL, "16x2: the name beside the code");
	is_int(heatmap_label_fit("00700", TENCENT, 1.234, 9, 2, &l), HEATLABEL_CODE_PCT,
	       "9x2: no room for 4 columns of name");
	lines(&l, 2, "00700", "+1.23%", NULL, "9x2");
	is_int(heatmap_label_fit("00700", TENCENT, 1.234, 12, 1, &l), HEATLABEL_CODE_PCT, "12x1");
	lines(&l, 1, "00700 +1.23%", NULL, NULL, "12x1: one line");
	heatmap_label_fit("00700", TENCENT, 1.234, 9, 1, &l);
	lines(&l, 1, "00700 +1%", NULL, NULL, "9x1: no decimals");
	is_int(heatmap_label_fit("00700", TENCENT, 1.234, 8, 1, &l), HEATLABEL_CODE, "8x1: code only");
	lines(&l, 1, "00700", NULL, NULL, "8x1");
	is_int(heatmap_label_fit("00700", TENCENT, -1.234, 5, 1, &l), HEATLABEL_CODE, "5x1: code only");
	is_int(heatmap_label_fit("00700", TENCENT, 1.234, 4, 9, &l), HEATLABEL_NONE, "4 wide: colour only");
	is_int(l.nlines, 0, "colour only: no lines");
	is_int(heatmap_label_fit("00700", TENCENT, 1.234, 0, 0, &l), HEATLABEL_NONE, "0x0");
	is_int(heatmap_label_fit("", TENCENT, 1.234, 20, 3, &l), HEATLABEL_NONE, "no code: nothing");
	is_int(heatmap_label_fit(NULL, NULL, 1.234, 20, 3, &l), HEATLABEL_NONE, "NULL code: nothing");
	is_int(heatmap_label_fit("00700", NULL, 1.234, 20, 3, &l), HEATLABEL_CODE_PCT, "no name: code and change");
	heatmap_label_fit("00700", "HSBC", -0.5, 5, 3, &l);
	lines(&l, 3, "00700", "HSBC", "-0.5%", "a short name shows whole");

	/* Change unknown: the name still shows, no figure. */
	is_int(heatmap_label_fit("00700", TENCENT, NAN, 12, 3, &l), HEATLABEL_FULL, "NaN 12x3: full");
	lines(&l, 2, "00700", TENCENT, NULL, "NaN 12x3");
	heatmap_label_fit("00700", TENCENT, NAN, 14, 1, &l);
	lines(&l, 1, "00700 " TENCENT, NULL, NULL, "NaN 14x1");
	is_int(heatmap_label_fit("00700", TENCENT, NAN, 9, 1, &l), HEATLABEL_CODE, "NaN 9x1: code");
}

static void pct(void)
{
	char b[32];

	heatmap_label_pct(1.234, 2, b, sizeof b);
	is_str(b, "+1.23%", "two decimals");
	heatmap_label_pct(-0.46, 1, b, sizeof b);
	is_str(b, "-0.5%", "one decimal, rounded");
	heatmap_label_pct(12.5, 0, b, sizeof b);
	is_str(b, "+13%", "none, half away from zero");
	heatmap_label_pct(-0.004, 2, b, sizeof b);
	is_str(b, "0.00%", "rounds to 0: unsigned");
	heatmap_label_pct(0, 2, b, sizeof b);
	is_str(b, "0.00%", "0");
	heatmap_label_pct(-7.05, 2, b, sizeof b);
	is_str(b, "-7.05%", "negative");
	is_int(heatmap_label_pct(NAN, 2, b, sizeof b), 0, "NaN: nothing");
	is_str(b, "", "NaN: empty");
	heatmap_label_pct(1e300, 2, b, sizeof b);
	is_str(b, "+999999.00%", "absurd moves clamp");
	heatmap_label_pct(1.5, 7, b, sizeof b);
	is_str(b, "+1.50%", "decimals clamp to 2");
}

/* Every width and height, several names: lines fit, never more than h. */
static void sweep(void)
{
	static char hostile[2048];
	const char *names[] = { TENCENT, "Tencent Holdings", "", "\xe5\xb0\x8f" "Mi", hostile };
	const double pcts[] = { 1.234, -12.5, 0, NAN, -0.001 };
	int bad = 0;

	strcpy(hostile, "a");
	for (int i = 0; i < 600; i++)
		strcat(hostile, "\xcc\x81"); /* combining acute: 1 column, 1201 bytes */
	for (size_t ni = 0; ni < sizeof names / sizeof *names; ni++)
		for (size_t pi = 0; pi < sizeof pcts / sizeof *pcts; pi++)
			for (int w = 0; w <= 60; w++)
				for (int h = 0; h <= 4; h++) {
					struct heatmap_label l;
					char clean[HEATLABEL_MAX];
					heatmap_label_fit("09988", names[ni], pcts[pi], w, h, &l);
					if (l.nlines > h || (l.nlines == 0) != (l.level == HEATLABEL_NONE))
						bad++;
					for (int k = 0; k < l.nlines; k++) {
						text_sanitize(clean, sizeof clean, l.line[k], strlen(l.line[k]));
						if (text_width(l.line[k]) > w || strcmp(clean, l.line[k]) != 0) {
							bad++;
							printf("# %zu %zu %dx%d: \"%s\"\n", ni, pi, w, h, l.line[k]);
						}
					}
				}
	is_int(bad, 0, "every label fits its tile and is whole UTF-8");
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		printf("1..0 # SKIP no C.UTF-8 locale\n");
		return 0;
	}
	cases();
	pct();
	sweep();
	return tap_done();
}
