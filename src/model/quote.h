/* quote.h - one instrument's quote, exactly as its source said it */
#ifndef HKTOP_QUOTE_H
#define HKTOP_QUOTE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "base/num.h"
#include "model/symbol.h"

#define QUOTE_NAME_MAX 96
#define QUOTE_ERR_MAX 320

/* Which figures a quote carries. A figure whose bit is clear is unknown
 * and must be shown as blank, never as 0. */
enum quote_field {
	QF_PRICE, QF_PREV_CLOSE, QF_OPEN, QF_HIGH, QF_LOW, QF_CHANGE, QF_CHANGE_PCT,
	QF_VOLUME, QF_TURNOVER, QF_MARKET_CAP, QF_PE, QF_PB, QF_DIV_YIELD,
	QF_HIGH_52W, QF_LOW_52W, QF_VWAP, QF_AMPLITUDE, QF_SHARES, QF_BID, QF_ASK,
	QF_COUNT
};

struct quote {
	struct instrument in;
	char name[QUOTE_NAME_MAX];    /* local name (Chinese), sanitised UTF-8 */
	char name_en[QUOTE_NAME_MAX]; /* English short name, sanitised UTF-8 */
	struct num f[QF_COUNT];       /* f[i].ok says whether the source gave it */
	long lot_size;                /* board lot; 0 = unknown */
	char currency[4];             /* "HKD", "USD"; "" = unknown */
	time_t time;                  /* the source's own quote time */
	int utc_offset;               /* seconds east of UTC of that time's zone */
	const char *source;           /* static name of the source that served it */
};

/* A quote or the reason there is none, for one requested instrument. */
struct quote_result {
	bool ok;
	struct quote q;
	char err[QUOTE_ERR_MAX];      /* "tencent: 0700: price is 0" when !ok */
};

/* A figure for a column or field that promises Hong Kong dollars (market
 * cap, turnover): the quote's own when its currency is HKD, else none. A
 * USD figure shown or sorted among HKD ones would be a wrong number. */
struct num quote_hkd_figure(const struct quote *q, enum quote_field f);

/* The quote sources by the names the config (quotes.source stores an
 * index here) and every quote (struct quote's source) use, NULL-ended.
 * feeds/quote_source.c has each one's codes and parser under the same
 * name; test-tencent checks that the two lists agree. */
extern const char *const quote_source_names[];

/* How far behind the exchange a source's quotes of market m usually are,
 * in seconds (the facts are in the man page, THE DASHBOARD): false for a
 * name not in quote_source_names (the demo), leaving *delay_s alone. */
bool quote_usual_delay(const char *name, enum market m, long *delay_s);

#endif
