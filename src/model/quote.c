/* quote.c - a quote's figures as shown, and the quote sources apart from their parsers */
#include "config.h"

#include <string.h>

#include "model/quote.h"

struct num quote_hkd_figure(const struct quote *q, enum quote_field f)
{
	struct num none = { 0, 0, false };

	if ((f == QF_MARKET_CAP || f == QF_TURNOVER) && strcmp(q->currency, "HKD") != 0)
		return none;
	return q->f[f];
}

const char *const quote_source_names[] = { "tencent", "sina", NULL };

/* By quote_source_names' index and market. */
static const long source_delays[][MARKET_US + 1] = {
	/* tencent: hk00700 measured 900 s behind; r_hk is said to be real
	 * time but was also seen cached, so HKEX's 15 minutes for free quotes
	 * holds. US: no measurement; the US exchanges' 15 minutes for delayed
	 * data. */
	{ [MARKET_HK] = 900, [MARKET_HK_INDEX] = 900, [MARKET_US] = 900 },
	/* sina: rt_hk measured 0 s behind */
	{ [MARKET_HK] = 0, [MARKET_HK_INDEX] = 0 },
};

_Static_assert(sizeof source_delays / sizeof source_delays[0] ==
		       sizeof quote_source_names / sizeof quote_source_names[0] - 1,
	       "one row of delays per source name");

bool quote_usual_delay(const char *name, enum market m, long *delay_s)
{
	for (size_t i = 0; quote_source_names[i]; i++)
		if (strcmp(quote_source_names[i], name) == 0) {
			if (m > MARKET_US)
				return false;
			*delay_s = source_delays[i][m];
			return true;
		}
	return false;
}
