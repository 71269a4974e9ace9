/* detail_title.c - the detail view's title: figures first, selector second */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "layout/detail_title.h"
#include "model/msglog.h"
#include "base/text.h"

enum selector { SEL_FULL, SEL_COMPACT, SEL_CURRENT, SEL_NONE };

static void selector(enum selector how, enum series_range range, bool candles, char *buf,
		     size_t len)
{
	const char *style = candles ? "candle" : "line";
	size_t o = 0;

	buf[0] = '\0';
	if (how == SEL_NONE)
		return;
	if (how == SEL_CURRENT) {
		snprintf(buf, len, "[%s] %s ", series_ranges[range].name, style);
		return;
	}
	/* Full: " 5D " each, the current "[1D]"; compact: one space between. */
	for (int k = 0; k < SERIES_RANGE_COUNT && o < len; k++) {
		bool cur = k == (int)range;
		const char *pad = how == SEL_FULL && !cur ? " " : "";
		o += (size_t)snprintf(buf + o, len - o, "%s%s%s%s", how == SEL_COMPACT && k ? " " : "",
				      cur ? "[" : pad, series_ranges[k].name, cur ? "]" : pad);
	}
	if (o < len)
		snprintf(buf + o, len - o, " %s ", style);
}

void detail_title_layout(const char *code, const char *name, const char *figs,
			 enum series_range range, bool candles, int cols,
			 struct detail_title *out)
{
	int fixed, namew = text_width(name);

	/* " CODE  NAME  FIGS": all but the name is fixed. */
	fixed = 1 + text_width(code) + 2 + 2 + text_width(figs);
	for (enum selector how = SEL_FULL; how <= SEL_NONE; how++) {
		int rw;
		selector(how, range, candles, out->right, sizeof out->right);
		rw = text_width(out->right);
		if (fixed + namew + (rw ? rw + 1 : 0) <= cols || how == SEL_NONE) {
			int room = cols - fixed - (rw ? rw + 1 : 0);
			/* Only with no selector left is the name cut, at a word. */
			size_t nb = msglog_break(name, room > 0 ? room : 0);
			snprintf(out->left, sizeof out->left, " %s  %.*s  %s", code, (int)nb, name, figs);
			return;
		}
	}
}
