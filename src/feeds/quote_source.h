/* quote_source.h - a quote service behind one interface: codes, URL, headers, parser */
#ifndef HKTOP_QUOTE_SOURCE_H
#define HKTOP_QUOTE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/quote.h"
#include "model/symbol.h"

struct quote_source {
	const char *name;            /* "tencent", "sina": shown with every quote */
	size_t max_batch;            /* codes per request */
	const char *query;           /* appended to the base URL before the codes: "/q=" */
	const char *const *headers;  /* extra request headers, NULL-terminated */
	/* This source's code for an instrument; false when it has none. */
	bool (*code)(const struct instrument *in, char *buf, size_t len);
	/* Parse a raw response body (as received: GBK for both services,
	 * unless content_type, the reply's Content-Type or NULL, declares
	 * another charset) for the n requested instruments. Fills res[i] for
	 * every i: a quote, or an error naming the source and the symbol.
	 * Never trusts the body. */
	void (*parse)(const char *body, size_t len, const char *content_type,
		      const struct instrument *req, size_t n, struct quote_result *res);
};

extern const struct quote_source quote_tencent_source;
extern const struct quote_source quote_sina_source;

/* Look a source up by its config name; NULL if there is none. */
const struct quote_source *quote_source_by_name(const char *name);

#endif
