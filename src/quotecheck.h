/* quotecheck.h - what every quote parser checks before a line becomes a quote */
#ifndef HKTOP_QUOTECHECK_H
#define HKTOP_QUOTECHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "quote.h"
#include "text.h"

/* Refuse r: wipe every figure (nothing of a refused line survives), keep
 * the instrument, and write "<source>: <symbol>: <cause>". */
void quote_vfail(struct quote_result *r, const char *source, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* A figure without which there is no quote (price, previous close): it
 * must parse and be above 0, else r is refused with the cause. */
bool quote_required(struct quote_result *r, const char *source, struct text_span s,
		    const char *what, enum quote_field qf);

/* Change = price - previous close, and low <= price <= high; a line that
 * does not add up is refused. A change % that disagrees is dropped alone:
 * some vendors measure it from a dividend-adjusted close. */
bool quote_consistent(struct quote_result *r, const char *source);

/* A figure for a column or field that promises Hong Kong dollars (market
 * cap, turnover): the quote's own when its currency is HKD, else none. A
 * USD figure shown or sorted among HKD ones would be a wrong number. */
struct num quote_hkd_figure(const struct quote *q, enum quote_field f);

#endif
