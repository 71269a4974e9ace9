/* demo.h - a simulated market that answers in Tencent's own wire format
 *
 * `hktop --demo` runs offline through the same pipeline as live mode: the
 * simulator writes a reply body exactly as qt.gtimg.cn would (GBK,
 * v_r_hk00700="100~...~";) and the app hands it to quote_tencent_source.parse.
 * What the demo shows has therefore passed the real parser's checks. */
#ifndef HKTOP_DEMO_H
#define HKTOP_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/symbol.h"

struct demo; /* opaque */

/* Build a simulated market from demo.tsv text (tsv, len bytes; see
 * share/demo.tsv for the columns), opening at `start`. The same seed and
 * the same sequence of demo_body times give the same quotes, byte for
 * byte. NULL with "line N: cause" (or an iconv or memory cause) in err. */
struct demo *demo_new(const char *tsv, size_t len, unsigned long seed, time_t start,
		      char *err, size_t errlen);
void demo_free(struct demo *d);

/* Advance the market to `now` (a clock that goes back is taken as no time
 * passing) and write a Tencent qt body, GBK-encoded, for the n requested
 * instruments into a new buffer (*body, *len, NUL-terminated) the caller
 * frees. An instrument the demo does not know gets `v_<code>="";`, exactly
 * what the real service sends for an unknown code. False only when out of
 * memory, with a cause in err. */
bool demo_body(struct demo *d, time_t now, const struct instrument *in, size_t n,
	       char **body, size_t *len, char *err, size_t errlen);

#endif
