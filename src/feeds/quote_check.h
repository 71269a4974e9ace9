/* quote_check.h - what every quote parser checks before a line becomes a quote */
#ifndef HKTOP_QUOTE_CHECK_H
#define HKTOP_QUOTE_CHECK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/quote.h"
#include "base/text.h"

/* Refuse r: wipe every figure (nothing of a refused line survives), keep
 * the instrument, and write "<source>: <symbol>: <cause>". */
void quote_check_vfail(struct quote_result *r, const char *source, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* A source's parser of a body already in UTF-8. */
typedef void quote_parse_utf8_fn(const char *body, size_t len, const struct instrument *req,
				 size_t n, struct quote_result *res);

/* Parse a raw reply: decode it in the charset its Content-Type declares
 * (content_type may be NULL), else as GBK or UTF-8 (charset_reply_to_utf8),
 * and hand it to parse_utf8. A body valid in none fails every res[i]
 * with the cause, so mojibake never becomes a quote. */
/* Start a parse: every result empty and named for its request and the
 * source; the parser's per-request state, n zeroed elements of want_size
 * (freed by the caller). NULL when n is 0, or out of memory with every
 * result failed so. */
void *quote_check_begin(const char *source, const struct instrument *req, size_t n,
			struct quote_result *res, size_t want_size);

void quote_check_parse_reply(const char *source, quote_parse_utf8_fn *parse_utf8, const char *body,
		       size_t len, const char *content_type, const struct instrument *req,
		       size_t n, struct quote_result *res);

/* A figure without which there is no quote (price, previous close): it
 * must parse and be above 0, else r is refused with the cause. */
bool quote_check_required(struct quote_result *r, const char *source, struct text_span s,
		    const char *what, enum quote_field qf);

/* Change = price - previous close, and low <= price <= high; a line that
 * does not add up is refused. A change % that disagrees is dropped alone:
 * some vendors measure it from a dividend-adjusted close. */
bool quote_check_consistent(struct quote_result *r, const char *source);

#endif
