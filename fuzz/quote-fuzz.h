/* quote-fuzz.h - the invariants every quote parser's fuzzer asserts
 *
 * Included by one harness each (a header of static functions keeps every
 * harness a single file for libFuzzer and OSS-Fuzz builds). */
#ifndef HKTOP_QUOTE_FUZZ_H
#define HKTOP_QUOTE_FUZZ_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-utf8.h"
#include "feeds/quote_source.h"

#define MAX_INPUT (64 * 1024)

static const char *const symbols[] = { "0700", "9988", "HSI", "HSTECH", "BABA", "0005" };
#define NSYM (sizeof symbols / sizeof symbols[0])


/* Safe to print: NUL-terminated within cap, valid UTF-8, no controls,
 * ESC, C1 or bidi overrides; and (for names) no space at either end. */
static void check_text(const char *s, size_t cap, bool trimmed)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strnlen(s, cap), k;
	uint32_t c;

	if (len >= cap)
		abort();
	if (trimmed && len > 0 && (s[0] == ' ' || s[len - 1] == ' ' || strstr(s, "  ")))
		abort();
	while (*p) {
		if (!(k = fuzz_utf8_char(p, &c)))
			abort();
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069))
			abort();
		p += k;
	}
}

/* Every result answers its request: a believable quote, or an error that
 * names the source and carries no figure. source_check adds what is true
 * of one source only. */
static void quote_fuzz_check(const struct instrument *req, const struct quote_result *res,
			     const char *source, void (*source_check)(const struct quote *q))
{
	char prefix[32];
	const struct quote *q;
	size_t i;
	int f;

	snprintf(prefix, sizeof prefix, "%s: ", source);
	for (i = 0; i < NSYM; i++) {
		q = &res[i].q;
		if (!symbol_equal(&q->in, &req[i]))
			abort();
		if (!res[i].ok) {
			if (strncmp(res[i].err, prefix, strlen(prefix)) != 0 ||
			    strlen(res[i].err) <= strlen(prefix) + strlen(q->in.display) + 2)
				abort();
			check_text(res[i].err, sizeof res[i].err, false);
			for (f = 0; f < QF_COUNT; f++)
				if (q->f[f].ok)
					abort();
			if (q->name[0] || q->name_en[0] || q->time || q->lot_size)
				abort();
			continue;
		}
		if (!q->f[QF_PRICE].ok || !(q->f[QF_PRICE].v > 0) ||
		    !q->f[QF_PREV_CLOSE].ok || !(q->f[QF_PREV_CLOSE].v > 0))
			abort();
		for (f = 0; f < QF_COUNT; f++)
			if (q->f[f].ok && (!isfinite(q->f[f].v) || q->f[f].dp < 0 || q->f[f].dp > 18))
				abort();
		if (q->f[QF_HIGH].ok && q->f[QF_LOW].ok &&
		    (q->f[QF_PRICE].v > q->f[QF_HIGH].v * (1 + 1e-9) ||
		     q->f[QF_PRICE].v < q->f[QF_LOW].v * (1 - 1e-9)))
			abort();
		source_check(q);
		check_text(q->name, sizeof q->name, true);
		check_text(q->name_en, sizeof q->name_en, true);
		if (q->currency[0] && (strlen(q->currency) != 3 ||
				       strspn(q->currency, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3))
			abort();
		if (q->lot_size < 0 || !q->source || strcmp(q->source, source) != 0)
			abort();
	}
}


/* The body goes in raw (GBK, as the fetcher hands it over) and straight to
 * the UTF-8 parser, so invalid UTF-8 reaches the sanitiser too. */
static int quote_fuzz_run(const uint8_t *data, size_t size, const struct quote_source *src,
			  void (*parse_utf8)(const char *, size_t, const struct instrument *,
					     size_t, struct quote_result *),
			  void (*source_check)(const struct quote *q))
{
	struct instrument req[NSYM];
	struct quote_result res[NSYM];
	char err[128];
	size_t i;

	if (size > MAX_INPUT)
		return 0;
	for (i = 0; i < NSYM; i++)
		if (!symbol_parse(symbols[i], &req[i], err, sizeof err))
			abort();
	src->parse((const char *)data, size, NULL, req, NSYM, res);
	quote_fuzz_check(req, res, src->name, source_check);
	parse_utf8((const char *)data, size, req, NSYM, res);
	quote_fuzz_check(req, res, src->name, source_check);
	return 0;
}

#endif
