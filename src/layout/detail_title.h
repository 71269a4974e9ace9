/* detail_title.h - the detail view's title line laid out in its width */
#ifndef HKTOP_DETAIL_TITLE_H
#define HKTOP_DETAIL_TITLE_H

#include <stdbool.h>

#include "model/series.h"

struct detail_title {
	char left[192];   /* " 0700  TENCENT  478.800 -0.400 -0.08%" */
	char right[96];   /* the range selector and chart style, or "" */
};

/* The title in cols columns. The figures (price, change, change %) win:
 * the range selector shortens ("[1D] 5D  1M ..." to "[1D] 5D 1M ...",
 * then "[1D] line"), then goes; only then is the name cut, and the
 * figures last of all when even the code and they do not fit. figs may
 * be "" (no quote yet). The right part is drawn flush right, at least a
 * column clear of the left. */
void detail_title_layout(const char *code, const char *name, const char *figs,
			 enum series_range range, bool candles, int cols,
			 struct detail_title *out);

#endif
