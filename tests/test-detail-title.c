/* test-detail-title.c - the detail view's title line: figures win over the
 * range selector at 80 columns */
#include "config.h"

#include <locale.h>

#include "layout/detail_title.h"
#include "tap.h"
#include "base/text.h"

static struct detail_title t;

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");

	detail_title_layout("0700", "TENCENT", "478.800 -0.400 -0.08%", SERIES_1D, false, 120, &t);
	is_str(t.left, " 0700  TENCENT  478.800 -0.400 -0.08%", "wide: the left whole");
	is_str(t.right, "[1D] 5D  1M  3M  6M  1Y  5Y  line ", "wide: the full selector");

	detail_title_layout("HSI", "Hang Seng Index", "24858.820 -102.640 -0.41%", SERIES_1D, false,
			    80, &t);
	is_str(t.left, " HSI  Hang Seng Index  24858.820 -102.640 -0.41%", "80: the figures whole");
	is_str(t.right, "[1D] 5D 1M 3M 6M 1Y 5Y line ", "80: the selector compact");
	ok(text_width(t.left) + 1 + text_width(t.right) <= 80, "80: a column between them");

	detail_title_layout("HSI", "Hang Seng Index", "24858.820 -102.640 -0.41%", SERIES_1M, true,
			    80, &t);
	is_str(t.right, "1D 5D [1M] 3M 6M 1Y 5Y candle ", "compact: the current range in brackets");

	detail_title_layout("HSTECH", "Hang Seng TECH Index", "4302.150 -29.720 -0.69%",
			    SERIES_5Y, false, 70, &t);
	is_str(t.left, " HSTECH  Hang Seng TECH Index  4302.150 -29.720 -0.69%", "70: the left whole");
	is_str(t.right, "[5Y] line ", "70: only the current range and style");

	detail_title_layout("HSTECH", "Hang Seng TECH Index", "4302.150 -29.720 -0.69%",
			    SERIES_5Y, false, 50, &t);
	is_str(t.right, "", "50: no selector");
	is_str(t.left, " HSTECH  Hang Seng TECH  4302.150 -29.720 -0.69%", "then the name is cut");
	ok(text_width(t.left) <= 50, "to fit");

	detail_title_layout("0700", "腾讯控股", "478.800 -0.400 -0.08%", SERIES_1D, false, 80, &t);
	is_str(t.left, " 0700  腾讯控股  478.800 -0.400 -0.08%", "Chinese name counted by width");
	is_str(t.right, "[1D] 5D  1M  3M  6M  1Y  5Y  line ", "and the full selector fits");

	detail_title_layout("9988", "BABA-W", "", SERIES_1D, false, 80, &t);
	is_str(t.left, " 9988  BABA-W  ", "no quote yet: no figures");
	return tap_done();
}
